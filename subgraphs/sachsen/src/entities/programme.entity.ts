import { Column, Entity, PrimaryColumn } from "typeorm";
import type { Source } from "@laenderhub/shared";

/** The ASSKomm programme record (one row; the table allows more should Sachsen add one). */
@Entity("programme")
export class ProgrammeEntity {
  @PrimaryColumn("text")
  id!: string;

  @Column("text")
  state!: string;

  @Column("text")
  name!: string;

  @Column("text", { name: "short_name" })
  shortName!: string;

  /** A shared `ProgrammeKind`. */
  @Column("text")
  kind!: string;

  @Column("text", { name: "kind_description", nullable: true })
  kindDescription!: string | null;

  @Column("text", { name: "responsible_ministry", nullable: true })
  responsibleMinistry!: string | null;

  @Column("text", { name: "coordinating_body", nullable: true })
  coordinatingBody!: string | null;

  @Column("simple-json", { name: "coordinating_body_sources" })
  coordinatingBodySources!: Source[];

  /** ISO prefix (YYYY, YYYY-MM or YYYY-MM-DD). */
  @Column("text", { name: "start_on", nullable: true })
  startOn!: string | null;

  /** A shared `DatePrecision`. */
  @Column("text", { name: "start_precision" })
  startPrecision!: string;

  @Column("text", { name: "start_period", nullable: true })
  startPeriod!: string | null;

  @Column("text", { name: "start_note", nullable: true })
  startNote!: string | null;

  /** The programme's fields of action in its own wording. */
  @Column("simple-json", { name: "fields_of_action" })
  fieldsOfAction!: string[];

  @Column("simple-json", { name: "fields_of_action_sources" })
  fieldsOfActionSources!: Source[];

  @Column("simple-json")
  offers!: string[];

  @Column("simple-json", { name: "offers_sources" })
  offersSources!: Source[];

  @Column("simple-json")
  notes!: string[];

  /** Distinct municipalities with a participation record, as the dataset counts them. */
  @Column("integer", { name: "participation_count_recorded", nullable: true })
  participationCountRecorded!: number | null;

  @Column("simple-json")
  sources!: Source[];
}
