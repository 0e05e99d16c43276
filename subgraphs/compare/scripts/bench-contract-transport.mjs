// Compares the two ways compare can send a batch of contract calls to a state: the hand-built
// query over fetch (ContractClient, in production) and @graphql-tools/executor-http's
// buildHTTPExecutor. Same calls, same state subgraph (Saarland on loopback), interleaved so
// both see the same machine load; the decision and its figures are in docs/DESIGN.md. Compare
// does not depend on executor-http: the script uses the copy the gateway's runtime installs.
// Run after `npm run build`:
//   node subgraphs/compare/scripts/bench-contract-transport.mjs [iterations]
import { buildHTTPExecutor } from "@graphql-tools/executor-http";
import { createLogger, resolveRegistry } from "@laenderhub/shared";
import { createSaarlandSubgraph } from "@laenderhub/subgraph-saarland";
import { parse } from "graphql";
import { ContractClient, DEFAULT_BREAKER_SETTINGS, StateBreakers, contract } from "../dist/index.js";

const N = Number(process.argv[2] ?? 400);
const logger = createLogger("bench", "silent");
const saarland = await createSaarlandSubgraph({ databaseUrl: ":memory:", logger });
const { url } = await saarland.listen(0, "127.0.0.1");
const [state] = resolveRegistry({ SUBGRAPH_STATES: "SL", SUBGRAPH_URL_SL: url });

// What one comparative request sends a state: a participations page and the five summaries.
const calls = [
  contract.participations({ filter: null, orderBy: "SIGNED_ON", direction: "ASC", first: 51 }),
  ...[["STATE"], ["MUNICIPALITY"], ["YEAR", "QUARTER"], ["INSTRUMENT"], ["FIELD_OF_ACTION"]].map((g) => contract.summary(null, g)),
];

const client = new ContractClient({ timeoutMs: 5000, breakers: new StateBreakers(DEFAULT_BREAKER_SETTINGS, logger), fetch: (i, o) => fetch(i, o), logger });

// The same aliased document ContractClient builds, handed to the executor as a DocumentNode.
function build() {
  const variables = {};
  const definitions = [];
  const fields = calls.map((c, i) => {
    const args = Object.entries(c.args).map(([name, arg]) => {
      definitions.push(`$c${i}_${name}: ${arg.type}`);
      variables[`c${i}_${name}`] = arg.value;
      return `${name}: $c${i}_${name}`;
    });
    return `c${i}: ${c.field}${args.length ? `(${args.join(", ")})` : ""} ${c.selection}`;
  });
  return { document: parse(`query Comparative(${definitions.join(", ")}) {\n${fields.join("\n")}\n}`), variables };
}
const executors = {
  "executor-http (its own fetch)": buildHTTPExecutor({ endpoint: url, timeout: 5000 }),
  "executor-http (global fetch)": buildHTTPExecutor({ endpoint: url, timeout: 5000, fetch: (i, o) => fetch(i, o) }),
};

const variants = {
  "ContractClient (string + fetch)": async () => {
    const out = await client.send(state, calls);
    if (out.some((r) => r instanceof Error)) throw out.find((r) => r instanceof Error);
  },
  ...Object.fromEntries(
    Object.entries(executors).map(([name, executor]) => [
      name,
      async () => {
        const { document, variables } = build();
        const result = await executor({ document, variables });
        if (result.errors?.length || !result.data) throw new Error(JSON.stringify(result.errors));
        calls.forEach((c, i) => c.parse(result.data[`c${i}`], state));
      },
    ]),
  ),
};

const times = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
for (let i = 0; i < 50; i++) for (const run of Object.values(variants)) await run();
for (let i = 0; i < N; i++) {
  for (const [name, run] of Object.entries(variants)) {
    const t = performance.now();
    await run();
    times[name].push(performance.now() - t);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const base = sum(times["ContractClient (string + fetch)"]);
console.log(`${N} interleaved batches of ${calls.length} contract calls to Saarland on loopback`);
for (const [name, xs] of Object.entries(times)) {
  console.log(`${name.padEnd(34)} median ${median(xs).toFixed(2)} ms  total ${sum(xs).toFixed(0)} ms  ratio ${(sum(xs) / base).toFixed(2)}`);
}
await saarland.close();
