import { printSubgraphSchema } from "@apollo/subgraph";
import { createSachsenAnhaltSubgraph } from "./subgraph.js";

/**
 * The subgraph's SDL as composition needs it (with @key, @shareable, ...): built on an
 * empty in-memory database, since the schema does not depend on the data.
 */
export async function printSachsenAnhaltSchema(): Promise<string> {
  const service = await createSachsenAnhaltSubgraph({ databaseUrl: ":memory:", seed: false });
  try {
    return printSubgraphSchema(service.schema);
  } finally {
    await service.close();
  }
}
