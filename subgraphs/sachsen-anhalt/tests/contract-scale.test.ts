import { describeContractScale, describeContractScaleOnPostgres } from "@laenderhub/shared/testing";
import { createSachsenAnhaltSubgraph } from "@laenderhub/subgraph-sachsen-anhalt";

const TABLES = { participationTable: "st_partnership", municipalityColumn: "municipality_id", fieldTable: "st_partnership_field", fieldParticipationColumn: "partnership_id" };

describeContractScale("ST", () => createSachsenAnhaltSubgraph({ databaseUrl: ":memory:" }) as never, TABLES);
describeContractScaleOnPostgres("ST", (databaseUrl) => createSachsenAnhaltSubgraph({ databaseUrl }) as never, TABLES);
