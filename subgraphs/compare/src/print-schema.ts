import { printSubgraphSchema } from "@apollo/subgraph";
import { createCompareSubgraph } from "./create-compare-subgraph.js";

/**
 * The compare subgraph's SDL, for composition: built on an empty in-memory gazetteer with no
 * states registered (the schema does not depend on either).
 */
export async function printCompareSchema(): Promise<string> {
  const service = await createCompareSubgraph({ databaseUrl: ":memory:", seed: false, registry: [] });
  try {
    return printSubgraphSchema(service.schema);
  } finally {
    await service.close();
  }
}
