import { ContractTallyMigration, type TallyTables } from "@laenderhub/shared";

export const TALLY_TABLES: TallyTables = {
  participationTable: "membership",
  municipalityColumn: "municipality_id",
  fieldTable: "membership_field",
  fieldParticipationColumn: "membership_id",
};

/**
 * The contract reads pages by index and summaries from a tally kept in step with every write
 * (shared/CONTRACT.md, section 4), so its cost does not grow with the number of memberships.
 */
export class SachsenContractTally1763800000002 extends ContractTallyMigration {
  readonly name = "SachsenContractTally1763800000002";
  readonly tables = TALLY_TABLES;
}
