import { ContractTallyMigration, type TallyTables } from "@laenderhub/shared";

export const TALLY_TABLES: TallyTables = {
  participationTable: "partnership",
  municipalityColumn: "municipality_id",
  fieldTable: "partnership_field_of_action",
  fieldParticipationColumn: "partnership_id",
};

/**
 * The contract reads pages by index and summaries from a tally kept in step with every write
 * (shared/CONTRACT.md, section 4), so its cost does not grow with the number of partnerships.
 */
export class SaarlandContractTally1732190400002 extends ContractTallyMigration {
  readonly name = "SaarlandContractTally1732190400002";
  readonly tables = TALLY_TABLES;
}
