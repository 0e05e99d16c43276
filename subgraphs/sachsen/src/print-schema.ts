import { printSubgraphSchema } from "@apollo/subgraph";
import { createLogger } from "@laenderhub/shared";
import { createSachsenSubgraph } from "./subgraph.js";

/**
 * The Sachsen subgraph's SDL, as the gateway's compose step needs it: built on an empty
 * in-memory database (no seed), printed with its federation directives.
 */
export async function printSachsenSchema(): Promise<string> {
  const service = await createSachsenSubgraph({ databaseUrl: ":memory:", seed: false, logger: createLogger("sachsen", "silent") });
  try {
    return printSubgraphSchema(service.schema);
  } finally {
    await service.close();
  }
}
