import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import type { Source } from "@laenderhub/shared";
import { MunicipalityEntity } from "./municipality.entity.js";

/** A Kommunaler Präventionsrat (KPR) or similar body of a Saxon municipality. */
@Entity("prevention_body")
export class PreventionBodyEntity {
  /** `SN-PB-<municipality key>-<n>`: the data has no id, so one is derived from its holder. */
  @PrimaryColumn("text")
  id!: string;

  @Index("idx_prevention_body_municipality")
  @Column("text", { name: "municipality_id" })
  municipalityId!: string;

  @ManyToOne(() => MunicipalityEntity)
  @JoinColumn({ name: "municipality_id" })
  municipality?: MunicipalityEntity;

  @Column("text")
  name!: string;

  /** The data's kind code (KPR, PREVENTION_NETWORK). */
  @Column("text")
  kind!: string;

  /** A shared `PreventionBodyStatus`. */
  @Column("text")
  status!: string;

  @Column("text", { name: "date_on", nullable: true })
  dateOn!: string | null;

  @Column("text", { name: "date_precision" })
  datePrecision!: string;

  @Column("text", { nullable: true })
  note!: string | null;

  /** Shared `ActorType`s, only where a source names them. */
  @Column("simple-json", { name: "actor_types" })
  actorTypes!: string[];

  @Column("simple-json")
  sources!: Source[];
}
