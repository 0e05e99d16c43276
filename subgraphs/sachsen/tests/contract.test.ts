import { StateCode, type SubgraphService } from "@laenderhub/shared";
import { describeContractConformance } from "@laenderhub/shared/testing";
import { createTestSubgraph } from "./helpers.js";

// The shared conformance suite on a freshly seeded in-memory Sachsen subgraph.
describeContractConformance(StateCode.SN, async () => (await createTestSubgraph()) as unknown as SubgraphService);
