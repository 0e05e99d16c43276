import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import type { Source } from "@laenderhub/shared";

/**
 * Sachsen's own register of the municipalities its records reference. The public
 * `Municipality` type lives in the compare subgraph, which reads this table through
 * `cmp_municipality`.
 */
@Entity("municipality")
export class MunicipalityEntity {
  /** `SN-M-<AGS>`, or `SN-M-<NAME>` where no source confirms the AGS. */
  @PrimaryColumn("text")
  id!: string;

  @Column("text")
  name!: string;

  /** `sortableName(name)`, stored so SQL orders names the way JavaScript does. */
  @Column("text", { name: "sort_name" })
  sortName!: string;

  /** 8-digit AGS; null where no source confirms it (never guessed). */
  @Index("uq_municipality_ags", { unique: true })
  @Column("text", { nullable: true })
  ags!: string | null;

  /** Name of the Landkreis; null for kreisfreie Städte. */
  @Column("text", { nullable: true })
  landkreis!: string | null;

  @Column("text", { name: "landkreis_note", nullable: true })
  landkreisNote!: string | null;

  @Column("text", { nullable: true })
  type!: string | null;

  @Column("text", { name: "ags_note", nullable: true })
  agsNote!: string | null;

  /** Sources that confirm the AGS. */
  @Column("simple-json", { name: "ags_sources" })
  agsSources!: Source[];

  /** Further sources on the municipality. */
  @Column("simple-json", { name: "other_sources" })
  otherSources!: Source[];
}
