import { ProgrammeKind, Source } from "@laenderhub/shared";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { SachsenAnhaltFundingStatementRecord } from "../schema/funding-statement.type.js";

/**
 * The Sachsen-Anhalt programme: the Gemeinsame Erklärung of the interior ministry with the
 * kommunale Spitzenverbände, the local Sicherheitspartnerschaften under it and the support
 * of local prevention bodies. Its framework documents and strategic lines have tables of
 * their own; dates are served as FuzzyDate by the resolver.
 */
@Entity("st_programme")
@ObjectType("SachsenAnhaltProgramme", { description: "The Sachsen-Anhalt programme (Gemeinsame Erklärung and local Sicherheitspartnerschaften)" })
export class SachsenAnhaltProgramme {
  @PrimaryColumn("text")
  @Field(() => ID, { description: "ST-PRG-SIPA" })
  id!: string;

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
  @Field(() => [Source])
  coordinatingBodySources!: Source[];

  @Column("text", { name: "start_on", nullable: true })
  startIso!: string | null;

  @Column("text", { name: "start_precision" })
  startPrecision!: string;

  @Column("text", { name: "start_period", nullable: true })
  @Field(() => String, { nullable: true, description: "The start as a period where the sources give no date" })
  startPeriod!: string | null;

  @Column("text", { name: "start_note", nullable: true })
  startNote!: string | null;

  @Column("simple-json", { name: "funding_statements" })
  fundingStatements!: SachsenAnhaltFundingStatementRecord[];

  @Column("text", { name: "funding_note", nullable: true })
  @Field(() => String, { nullable: true, description: "What the sources say about funding where no statement was found" })
  fundingNote!: string | null;

  @Column("simple-json", { name: "funding_note_sources" })
  @Field(() => [Source])
  fundingNoteSources!: Source[];

  @Column("simple-json", { name: "fields_of_action_sources" })
  @Field(() => [Source], { description: "Sources of the strategic lines (fields of action)" })
  fieldsOfActionSources!: Source[];

  @Column("integer", { name: "participation_count_recorded" })
  @Field(() => Int, { description: "Distinct municipalities with a participation record in the dataset (not a complete register)" })
  participationCountRecorded!: number;

  @Column("simple-json")
  @Field(() => [String])
  notes!: string[];

  @Column("simple-json")
  @Field(() => [String], { description: "What the programme offers municipalities, where the sources list it" })
  offers!: string[];

  @Column("simple-json", { name: "offers_sources" })
  @Field(() => [Source])
  offersSources!: Source[];

  @Column("simple-json")
  @Field(() => [Source])
  sources!: Source[];
}
