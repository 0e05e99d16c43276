import { buildSubgraphSchema } from "@apollo/subgraph";
import { createLogger, startGraphQLHttpServer, type RunningServer, type SubgraphService } from "@laenderhub/shared";
import { CONTRACT_CHECK_NAMES } from "@laenderhub/shared/contract-checks";
import { createSaarlandSubgraph } from "@laenderhub/subgraph-saarland";
import { parse } from "graphql";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANNOUNCED_PATH, API_BASELINE_PATH, printPublicApi, publicApiSchema, readAnnouncements, runCheck, type CheckFiles } from "../src/check.js";
import { subgraphSchemaPath } from "../src/compose.js";
import { readSupergraphSdl } from "../src/supergraph.js";

const HOST = "127.0.0.1";
const dir = mkdtempSync(join(tmpdir(), "laenderhub-check-"));
const NO_ANNOUNCEMENTS = join(dir, "none.json");
writeFileSync(NO_ANNOUNCEMENTS, JSON.stringify({ announced: [] }));

/** Runs `npm run check` in process with the given files and returns its exit status and output. */
async function check(argv: string[], files: CheckFiles = {}): Promise<{ status: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCheck(argv, { log: (t) => out.push(t), error: (t) => err.push(t) }, { cwd: dir, announcedPath: NO_ANNOUNCEMENTS, ...files });
  return { status, out: out.join("\n"), err: err.join("\n") };
}

const committedSaarland = readFileSync(subgraphSchemaPath("saarland"), "utf8");

/** The committed Saarland SDL with one exact edit (fails loudly if the anchor moved). */
function saarlandWith(name: string, from: string, to: string): string {
  expect(committedSaarland.includes(from), `anchor for ${name}`).toBe(true);
  const path = join(dir, `${name}.graphql`);
  writeFileSync(path, committedSaarland.replace(from, to));
  return path;
}

const ORDINAL_BASIS_TEXT = `  """The dataset's words on how the number is known"""\n  ordinalBasisText: String\n`;
// A field of Saarland's own (not of the shared Participation interface, which must stay whole).
const MUNICIPALITY_NAME = `  """The municipality's name as the register gives it"""\n  municipalityName: String!\n`;

function announce(entries: object[]): string {
  const path = join(dir, `announced-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify({ announced: entries }));
  return path;
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run check --subgraph with a schema file", () => {
  it("passes a new field as SAFE", async () => {
    const schema = saarlandWith("added", ORDINAL_BASIS_TEXT, `${ORDINAL_BASIS_TEXT}  ordinalNote: String\n`);
    const r = await check(["--subgraph", "saarland", "--schema", schema]);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/0 breaking, 0 dangerous, 1 safe/);
    expect(r.out).toMatch(/SAFE +SaarlandSecurityPartnership\.ordinalNote +FIELD_ADDED/);
  });

  it("fails on a removed public field as BREAKING", async () => {
    const schema = saarlandWith("removed", MUNICIPALITY_NAME, "");
    const r = await check(["--subgraph", "saarland", "--schema", "removed.graphql"]);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/BREAKING +SaarlandSecurityPartnership\.municipalityName +FIELD_REMOVED +NO/);
    expect(r.err).toMatch(/1 breaking change\(s\) are not announced/);
    expect(schema.endsWith("removed.graphql")).toBe(true);
  });

  it("passes the same removal once it is announced, and only the announced change", async () => {
    const schema = saarlandWith("removed-announced", MUNICIPALITY_NAME, "");
    const coordinate = "SaarlandSecurityPartnership.municipalityName";
    const announced = announce([{ coordinate, change: "FIELD_REMOVED", reason: "served by municipality { name }", announcedOn: "2025-01-15" }]);
    const r = await check(["--subgraph", "saarland", "--schema", schema], { announcedPath: announced });
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/BREAKING +SaarlandSecurityPartnership\.municipalityName +FIELD_REMOVED +on 2025-01-15/);
    // An announcement of another change type at the same coordinate does not cover a removal.
    const other = announce([{ coordinate, change: "FIELD_TYPE_CHANGED", reason: "r", announcedOn: "2025-01-15" }]);
    expect((await check(["--subgraph", "saarland", "--schema", schema], { announcedPath: other })).status).toBe(1);
  });

  it("fails on a composition error with its code", async () => {
    const schema = saarlandWith("conflict", "type Source @shareable {\n  url: String!", "type Source @shareable {\n  url: Int!");
    const r = await check(["--subgraph", "saarland", "--schema", schema]);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/composition failed with 1 error\(s\)/);
    expect(r.err).toMatch(/\[FIELD_TYPE_MISMATCH\] Type of field "Source\.url"/);
  });

  it("reports the unchanged committed schema as no change", async () => {
    const r = await check(["--subgraph", "saarland", "--schema", subgraphSchemaPath("saarland")]);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/no changes to the public API/);
  });

  it("refuses bad arguments with status 2, naming each, without echoing them", async () => {
    const r = await check(["--subgraph", "bremen-secret", "--url", "ftp://x.invalid/graphql"]);
    expect(r.status).toBe(2);
    expect(r.err).toMatch(/--subgraph: must be one of saarland, sachsen, sachsen-anhalt, compare/);
    expect(r.err).toMatch(/--url: must be an http\(s\) URL/);
    expect(r.err).not.toMatch(/bremen-secret|x\.invalid/);
    expect((await check(["--subgraph", "saarland", "--schema", "missing.graphql"])).err).toMatch(/could not read the new schema from --schema: ENOENT/);
  });
});

describe("announced breaking changes", () => {
  it("the committed list is valid", async () => {
    await expect(readAnnouncements()).resolves.toBeInstanceOf(Array);
  });

  it("reports every problem of a bad list at once", async () => {
    const path = announce([{ coordinate: "not a coordinate", reason: "", announcedOn: "15.01.2025" }, { coordinate: "Query.x" }]);
    const error = await readAnnouncements(path).catch((e: Error) => e.message);
    for (const where of ["announced.0.coordinate", "announced.0.reason", "announced.0.announcedOn", "announced.1.reason", "announced.1.announcedOn"]) {
      expect(error).toContain(where);
    }
  });
});

describe("npm run check against running subgraphs", () => {
  const logger = createLogger("check-test", "silent");
  let saarland: SubgraphService<any>;
  let saarlandUrl: string;
  let broken: SubgraphService<any>;
  let brokenUrl: string;
  let fake: RunningServer;

  beforeAll(async () => {
    saarland = await createSaarlandSubgraph({ databaseUrl: ":memory:", logger });
    saarlandUrl = (await saarland.listen(0, HOST)).url;
    // The real subgraph with one participation that lost its sources: one check must fail.
    broken = await createSaarlandSubgraph({ databaseUrl: ":memory:", logger });
    await broken.dataSource.query("UPDATE partnership SET sources = '[]' WHERE id = (SELECT MIN(id) FROM partnership)");
    brokenUrl = (await broken.listen(0, HOST)).url;
    // A subgraph that implements no contract at all.
    const schema = buildSubgraphSchema([{ typeDefs: parse("type Query { hello: String }"), resolvers: { Query: { hello: () => "hi" } } }]);
    fake = await startGraphQLHttpServer({ name: "fake", schema, context: () => ({}), logger }, { port: 0, host: HOST });
  });

  afterAll(async () => {
    await Promise.all([saarland?.close(), broken?.close(), fake?.stop()]);
  });

  it("--url reads a running subgraph's SDL by { _service { sdl } } and composes it", async () => {
    const r = await check(["--subgraph", "saarland", "--url", saarlandUrl]);
    expect(r.err).toBe("");
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/composed saarland's new schema with the committed schemas of sachsen, sachsen-anhalt, compare/);
    expect(r.out).toMatch(/no changes to the public API/);
  });

  it("--conformance-url passes every contract check against the real subgraph", async () => {
    const r = await check(["--subgraph", "saarland", "--conformance-url", saarlandUrl]);
    expect(r.status).toBe(0);
    expect(r.out).toContain(`contract conformance (SL): ${CONTRACT_CHECK_NAMES.length} of ${CONTRACT_CHECK_NAMES.length} checks passed`);
    for (const name of CONTRACT_CHECK_NAMES) expect(r.out).toContain(`pass  ${name}`);
  });

  it("--conformance-url fails the check a broken subgraph breaks, and only that one", async () => {
    const r = await check(["--subgraph", "saarland", "--conformance-url", brokenUrl]);
    expect(r.status).toBe(1);
    expect(r.out).toContain(`${CONTRACT_CHECK_NAMES.length - 1} of ${CONTRACT_CHECK_NAMES.length} checks passed`);
    expect(r.out).toContain("FAIL  serves at least one http(s) source for every row that carries sources");
    expect(r.out).toMatch(/participation SL-\S+ has no source/);
  });

  it("--conformance-url fails every check against a subgraph without the contract", async () => {
    const r = await check(["--subgraph", "saarland", "--conformance-url", fake.url]);
    expect(r.status).toBe(1);
    expect(r.out).toContain(`0 of ${CONTRACT_CHECK_NAMES.length} checks passed`);
    expect(r.out).toMatch(/could not run: _comparative\w+ answered with errors: \[GRAPHQL_VALIDATION_FAILED\]/);
  });
});

describe("npm run check --against-committed (the CI gate)", () => {
  it("the committed supergraph breaks no public API of the release baseline that is not announced", async () => {
    const r = await check(["--against-committed"], { announcedPath: ANNOUNCED_PATH });
    expect(r.status, `${r.out}\n${r.err}`).toBe(0);
  });

  it("fails on a public field the baseline has and the supergraph lost, unless announced", async () => {
    // A baseline from a release that still had a field, built from the current API.
    const api = printPublicApi(publicApiSchema(readSupergraphSdl()));
    expect(api).toMatch(/^type Query \{\n/m);
    const baselinePath = join(dir, "baseline.graphql");
    writeFileSync(baselinePath, api.replace(/^type Query \{\n/m, 'type Query {\n  """Retired"""\n  retiredField: String\n'));
    const r = await check(["--against-committed"], { baselinePath });
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/BREAKING +Query\.retiredField +FIELD_REMOVED +NO/);
    const announcedPath = announce([{ coordinate: "Query.retiredField", reason: "no client used it", announcedOn: "2025-02-01" }]);
    expect((await check(["--against-committed"], { baselinePath, announcedPath })).status).toBe(0);
  });

  it("--update-baseline writes the public API, without the contract or federation machinery", async () => {
    const baselinePath = join(dir, "written.graphql");
    expect((await check(["--update-baseline"], { baselinePath })).status).toBe(0);
    const written = readFileSync(baselinePath, "utf8");
    expect(written).toMatch(/^# The public API of laenderhub's last release/);
    expect(written).not.toMatch(/_comparative|join__|link__/);
    // The committed baseline was written by the same command.
    expect(readFileSync(API_BASELINE_PATH, "utf8").split("\n").slice(0, 4)).toEqual(written.split("\n").slice(0, 4));
  });

  it("runs as a command: node gateway/dist/check.js --against-committed exits 0", async () => {
    const script = fileURLToPath(new URL("../dist/check.js", import.meta.url));
    // execFile rejects on a non-zero exit status.
    const { stdout } = await promisify(execFile)(process.execPath, [script, "--against-committed"], { timeout: 60_000 });
    expect(stdout).toMatch(/public API changes against gateway\/api-baseline\.graphql: \d+ breaking/);
  });
});
