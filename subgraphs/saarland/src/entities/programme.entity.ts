import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { DatePrecision, FuzzyDate, ProgrammeKind, Source, StateCode } from "@laenderhub/shared";

/**
 * The Saarland programme: Sicherheitspartnerschaften between the interior ministry and one
 * city or municipality each. Lists that the sources state as facts (notes, offers, fields of
 * action, framework documents, funding) are served with their sources by the resolver.
 */
@Entity("programme")
@ObjectType("SaarlandProgramme", { description: "The Saarland programme of Sicherheitspartnerschaften (SL-SiPa)" })
export class SaarlandProgramme {
  @PrimaryColumn("text")
  @Field(() => ID, { description: "SL-PRG-SIPA" })
  id!: string;

  @Column("text")
  @Field(() => StateCode)
  state!: StateCode;

  @Column("text")
  @Field(() => String)
  name!: string;

  @Column("text", { name: "short_name" })
  @Field(() => String)
  shortName!: string;

  @Column("text")
  @Field(() => ProgrammeKind)
  kind!: ProgrammeKind;

  @Column("text", { name: "kind_description" })
  @Field(() => String, { description: "How the programme is built, in the dataset's words" })
  kindDescription!: string;

  @Column("text", { name: "responsible_ministry" })
  @Field(() => String)
  responsibleMinistry!: string;

  @Column("text", { name: "coordinating_body" })
  @Field(() => String)
  coordinatingBody!: string;

  @Column("simple-json", { name: "coordinating_body_sources" })
  @Field(() => [Source], { description: "Sources for the coordinating body" })
  coordinatingBodySources!: Source[];

  /** ISO prefix of the start; the start month is all the sources give. */
  @Column("text", { name: "start_on", nullable: true })
  startIso!: string | null;

  @Column("text", { name: "start_precision" })
  startPrecision!: DatePrecision;

  @Column("text", { name: "start_note", nullable: true })
  startNote!: string | null;

  startedOn!: FuzzyDate;

  @Column("integer", { name: "participation_count_recorded" })
  @Field(() => Int, { description: "Distinct municipalities with a partnership record in the dataset" })
  participationCountRecorded!: number;

  @Column("text", { name: "funding_note", nullable: true })
  fundingNote!: string | null;

  @Column("simple-json", { name: "funding_note_sources" })
  fundingNoteSources!: Source[];

  @Column("simple-json")
  notes!: string[];

  @Column("simple-json")
  offers!: string[];

  @Column("simple-json", { name: "offers_sources" })
  offersSources!: Source[];

  @Column("simple-json")
  @Field(() => [Source])
  sources!: Source[];
}
