import { Field, ObjectType, registerEnumType } from "type-graphql";

/** The kinds of police unit that are party to Sachsen-Anhalt's local partnerships. */
export enum SachsenAnhaltPoliceUnitKind {
  POLIZEIDIREKTION = "POLIZEIDIREKTION",
  POLIZEIINSPEKTION = "POLIZEIINSPEKTION",
  POLIZEIREVIER = "POLIZEIREVIER",
}

registerEnumType(SachsenAnhaltPoliceUnitKind, {
  name: "SachsenAnhaltPoliceUnitKind",
  description: "Kind of police unit party to a local partnership",
});

const KIND_BY_WORD: Array<[RegExp, SachsenAnhaltPoliceUnitKind]> = [
  [/^Polizeidirektion\b/, SachsenAnhaltPoliceUnitKind.POLIZEIDIREKTION],
  [/^Polizeiinspektion\b/, SachsenAnhaltPoliceUnitKind.POLIZEIINSPEKTION],
  [/^Polizeirevier\b/, SachsenAnhaltPoliceUnitKind.POLIZEIREVIER],
];

/** The kind of police unit a party name denotes (`Polizeirevier Magdeburg` → POLIZEIREVIER), or null. */
export function policeUnitKindOf(party: string): SachsenAnhaltPoliceUnitKind | null {
  return KIND_BY_WORD.find(([re]) => re.test(party))?.[1] ?? null;
}

@ObjectType("SachsenAnhaltPolicePartner", { description: "The police unit party to a local partnership" })
export class SachsenAnhaltPolicePartner {
  @Field(() => String, { description: "As the sources name it" })
  name!: string;

  @Field(() => SachsenAnhaltPoliceUnitKind)
  kind!: SachsenAnhaltPoliceUnitKind;
}
