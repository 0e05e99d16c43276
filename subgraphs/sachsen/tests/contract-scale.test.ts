import { describeContractScale, describeContractScaleOnPostgres } from "@laenderhub/shared/testing";
import { createSachsenSubgraph } from "@laenderhub/subgraph-sachsen";

const TABLES = { participationTable: "membership", municipalityColumn: "municipality_id", fieldTable: "membership_field", fieldParticipationColumn: "membership_id" };

describeContractScale("SN", () => createSachsenSubgraph({ databaseUrl: ":memory:" }) as never, TABLES);
describeContractScaleOnPostgres("SN", (databaseUrl) => createSachsenSubgraph({ databaseUrl }) as never, TABLES);
