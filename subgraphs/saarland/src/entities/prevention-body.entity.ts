import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { ActorType, DatePrecision, FuzzyDate, PreventionBodyStatus, Source } from "@laenderhub/shared";

/** A prevention council or similar body of a Saarland municipality. */
@Entity("prevention_body")
@Index("idx_prevention_body_municipality", ["municipalityId", "position"])
@ObjectType("SaarlandPreventionBody", { description: "A prevention council or similar body of a Saarland municipality" })
export class SaarlandPreventionBody {
  @PrimaryColumn("text")
  @Field(() => ID, { description: "Stable id: SL-PB-<municipality key>-<running number> (SL-PB-10043114-1)" })
  id!: string;

  @Column("text", { name: "municipality_id" })
  @Field(() => ID)
  municipalityId!: string;

  @Column("integer")
  position!: number;

  @Column("text")
  @Field(() => String)
  name!: string;

  @Column("text")
  @Field(() => String, { description: "The dataset's kind code (PREVENTION_COUNCIL, KPR, ...)" })
  kind!: string;

  @Column("text")
  @Field(() => PreventionBodyStatus)
  status!: PreventionBodyStatus;

  @Column("text", { name: "date_on", nullable: true })
  dateIso!: string | null;

  @Column("text", { name: "date_precision" })
  datePrecision!: DatePrecision;

  date!: FuzzyDate | null;

  @Column("text", { nullable: true })
  @Field(() => String, { nullable: true })
  note!: string | null;

  @Column("simple-json", { name: "actor_types" })
  @Field(() => [ActorType], { description: "Kinds of actors in the body, only where a source names them" })
  actorTypes!: ActorType[];

  @Column("simple-json")
  @Field(() => [Source])
  sources!: Source[];
}
