import { printSubgraphSchema } from "@apollo/subgraph";
import { createSaarlandSubgraph } from "./subgraph.js";

/**
 * The Saarland subgraph's SDL as the gateway composes it: built on an empty in-memory
 * database, so printing needs no data and no files.
 */
export async function printSaarlandSchema(): Promise<string> {
  const service = await createSaarlandSubgraph({ databaseUrl: ":memory:", seed: false });
  try {
    return printSubgraphSchema(service.schema);
  } finally {
    await service.close();
  }
}
