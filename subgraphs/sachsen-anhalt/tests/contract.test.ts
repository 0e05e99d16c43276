import { StateCode, type BaseContext, type SubgraphService } from "@laenderhub/shared";
import { describeContractConformance } from "@laenderhub/shared/testing";
import { createSachsenAnhaltSubgraph } from "../src/index.js";

// The kit drives the service with a base context; ApolloServer's context type is invariant,
// so the subgraph's richer context is widened here (the kit only builds contexts through it).
describeContractConformance(StateCode.ST, async () => (await createSachsenAnhaltSubgraph({ databaseUrl: ":memory:" })) as unknown as SubgraphService<BaseContext>);
