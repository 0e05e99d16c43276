import { FieldOfAction, FuzzyDate, IndicatorQualifier, ProgrammeKind, Signatory, Source, StateCode } from "@laenderhub/shared";
import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { CitedText } from "@laenderhub/shared";

/** A field of action in the programme's own wording, with the shared values it maps onto. */
@ObjectType("AsskommFieldOfAction", { description: "A field of action as ASSKomm words it, with the shared values derived from it" })
export class AsskommFieldOfAction {
  @Field(() => String, { description: "Own wording (Graffiti, Vermüllung, Gewalt, …)" })
  wording!: string;

  @Field(() => [FieldOfAction])
  fieldsOfAction!: FieldOfAction[];

  @Field(() => [Source])
  sources!: Source[];
}

@ObjectType("AsskommOffer", { description: "Something ASSKomm offers its member municipalities" })
export class AsskommOffer {
  @Field(() => String)
  description!: string;

  @Field(() => [Source])
  sources!: Source[];
}

@ObjectType("AsskommFrameworkDocument", { description: "A document the programme rests on (Kooperationsvereinbarung, Vorvereinbarung, Förderrichtlinie, strategy)" })
export class AsskommFrameworkDocument {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => FuzzyDate, { description: "Date of the document, with the precision the sources give" })
  datedOn!: FuzzyDate;

  @Field(() => [String])
  parties!: string[];

  @Field(() => [Signatory])
  persons!: Signatory[];

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => [Source])
  sources!: Source[];
}

@ObjectType("AsskommFundingStatement", { description: "A published statement on the programme's funding" })
export class AsskommFundingStatement {
  @Field(() => ID)
  id!: string;

  @Field(() => Float)
  amountEur!: number;

  @Field(() => IndicatorQualifier, { description: "ABOUT / MORE_THAN where the source qualifies the amount, EXACT otherwise" })
  qualifier!: IndicatorQualifier;

  @Field(() => String, { nullable: true, description: "The qualifier as the source words it ('total', 'per year', 'about', …)" })
  qualifierText!: string | null;

  @Field(() => String, { nullable: true, description: "The period the amount covers, as stated" })
  period!: string | null;

  @Field(() => FuzzyDate, { description: "When the statement was made" })
  statementOn!: FuzzyDate;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => [Source])
  sources!: Source[];
}

@ObjectType("AsskommProgramme", { description: "The Allianz Sichere Sächsische Kommunen" })
export class AsskommProgramme {
  @Field(() => ID)
  id!: string;

  @Field(() => StateCode)
  state!: StateCode;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  shortName!: string;

  @Field(() => ProgrammeKind)
  kind!: ProgrammeKind;

  @Field(() => String, { nullable: true })
  kindDescription!: string | null;

  @Field(() => String, { nullable: true })
  responsibleMinistry!: string | null;

  @Field(() => String, { nullable: true })
  coordinatingBody!: string | null;

  @Field(() => [Source])
  coordinatingBodySources!: Source[];

  @Field(() => FuzzyDate, { description: "Start with the precision the sources give; the note says what happened" })
  startOn!: FuzzyDate;

  @Field(() => String, { nullable: true })
  startPeriod!: string | null;

  @Field(() => [AsskommFieldOfAction])
  fieldsOfAction!: AsskommFieldOfAction[];

  @Field(() => [FieldOfAction], { description: "The shared fields of action of all its own ones" })
  sharedFieldsOfAction!: FieldOfAction[];

  @Field(() => [AsskommOffer])
  offers!: AsskommOffer[];

  @Field(() => [CitedText])
  notes!: CitedText[];

  @Field(() => Int, { nullable: true, description: "Distinct municipalities with a membership record in this dataset (coverage is partial)" })
  participationCountRecorded!: number | null;

  @Field(() => [Source])
  sources!: Source[];
}
