import { describeContractScale, describeContractScaleOnPostgres } from "@laenderhub/shared/testing";
import { createSaarlandSubgraph } from "@laenderhub/subgraph-saarland";

const TABLES = { participationTable: "partnership", municipalityColumn: "municipality_id", fieldTable: "partnership_field_of_action", fieldParticipationColumn: "partnership_id" };

describeContractScale("SL", () => createSaarlandSubgraph({ databaseUrl: ":memory:" }) as never, TABLES);
describeContractScaleOnPostgres("SL", (databaseUrl) => createSaarlandSubgraph({ databaseUrl }) as never, TABLES);
