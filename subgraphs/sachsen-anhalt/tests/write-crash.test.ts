import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeRecords } from "@laenderhub/shared";
import { expectImportSurvivesKill } from "@laenderhub/shared/testing";
import { PARTNERSHIP_COLUMNS, SACHSEN_ANHALT, partnershipIo, type PartnershipRecord } from "../src/index.js";
import { tempDir } from "./helpers.js";

// "A process killed in the middle of an import leaves the database as it was", for
// Sachsen-Anhalt's own import command: the built CLI (what `npm run import -w
// @laenderhub/subgraph-sachsen-anhalt` runs) imports a large partnership file in a child
// process and is killed with SIGKILL while it is applying rows inside its one write transaction.

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const importCli = join(packageDir, "dist/cli/import.js");

/** New partnerships in the file; enough that applying them lasts well beyond the kill. */
const NEW_ROWS = 3000;
const PROGRESS_EVERY = 100;

let dir: string;
let remove: () => void;
beforeAll(() => {
  // The command runs the built code (built once for the whole run: vitest.global-setup.ts).
  expect(existsSync(importCli)).toBe(true);
  ({ dir, remove } = tempDir());
});
afterAll(() => remove?.());

/**
 * A valid file of NEW_ROWS new partnerships (test data, not facts: cloned from a seeded one,
 * each with its own id and source, no running number) followed by every seeded partnership
 * with a changed place, so the import both creates and updates. Every column is written.
 */
function largeFile(seeded: readonly PartnershipRecord[]): { rows: PartnershipRecord[]; updated: number } {
  const single = seeded.filter((p) => p.groupName === null);
  const template = single.find((p) => p.signatories.length > 0) ?? single[0]!;
  const created = Array.from({ length: NEW_ROWS }, (_, i): PartnershipRecord => {
    const id = `ST-P-CRASH-${String(i + 1).padStart(5, "0")}`;
    return {
      ...template,
      id,
      agreementId: id,
      ordinal: null,
      ordinalBasis: null,
      ordinalBasisText: null,
      place: `Rathaus ${i + 1}`,
      sources: [{ url: `https://example.org/sachsen-anhalt/crash-test/${i + 1}`, publisher: "Test", title: null, publishedOn: "2024-05" }],
    };
  });
  const updated = seeded.map((p) => ({ ...p, place: `${p.place ?? "Rathaus"} (crash test)` }));
  return { rows: [...created, ...updated], updated: updated.length };
}

describe("sachsen-anhalt import killed in its write transaction", () => {
  it("leaves every table as it was, and the same file then imports completely", async () => {
    const db = join(dir, "sachsen-anhalt.sqlite");
    const file = join(dir, "partnerships.csv");

    // A new file database, migrated and seeded by the function the command opens it with.
    const dataSource = await SACHSEN_ANHALT.openDatabase(db);
    let seeded: PartnershipRecord[];
    try {
      seeded = (await partnershipIo.exportRecords!(dataSource.manager)) as unknown as PartnershipRecord[];
    } finally {
      await dataSource.destroy();
    }
    expect(seeded.length).toBeGreaterThan(0);
    const { rows, updated } = largeFile(seeded);
    writeFileSync(file, writeRecords(rows as unknown as Record<string, unknown>[], "csv", PARTNERSHIP_COLUMNS));

    await expectImportSurvivesKill({
      importCli,
      cwd: packageDir,
      database: db,
      file,
      type: "partnerships",
      table: "st_partnership",
      seededRows: seeded.length,
      created: NEW_ROWS,
      updated,
      progressEvery: PROGRESS_EVERY,
    });
  }, 300_000);
});
