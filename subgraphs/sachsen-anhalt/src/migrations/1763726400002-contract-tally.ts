import { ContractTallyMigration, type TallyTables } from "@laenderhub/shared";

export const TALLY_TABLES: TallyTables = {
  participationTable: "st_partnership",
  municipalityColumn: "municipality_id",
  fieldTable: "st_partnership_field",
  fieldParticipationColumn: "partnership_id",
};

/**
 * The contract reads pages by index and summaries from a tally kept in step with every write
 * (shared/CONTRACT.md, section 4), so its cost does not grow with the number of partnerships.
 */
export class SachsenAnhaltContractTally1763726400002 extends ContractTallyMigration {
  readonly name = "SachsenAnhaltContractTally1763726400002";
  readonly tables = TALLY_TABLES;
}
