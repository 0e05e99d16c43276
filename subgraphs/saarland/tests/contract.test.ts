import { StateCode } from "@laenderhub/shared";
import { describeContractConformance } from "@laenderhub/shared/testing";
import { createSaarlandSubgraph } from "@laenderhub/subgraph-saarland";

describeContractConformance(StateCode.SL, () => createSaarlandSubgraph({ databaseUrl: ":memory:" }) as never);
