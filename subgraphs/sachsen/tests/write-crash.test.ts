import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeRecords } from "@laenderhub/shared";
import { expectImportSurvivesKill } from "@laenderhub/shared/testing";
import { membershipIo, SACHSEN, seedSachsen, type MembershipRecord } from "@laenderhub/subgraph-sachsen";
import { tempDir } from "./helpers.js";

// "A process killed in the middle of an import leaves the database as it was", for Sachsen's
// own import command: the built CLI (what `npm run import -w @laenderhub/subgraph-sachsen`
// runs) imports a large membership file in a child process and is killed with SIGKILL while
// it is applying rows inside its one write transaction.

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const importCli = join(packageDir, "dist/cli/import.js");

/** New memberships in the file; enough that applying them lasts well beyond the kill. */
const NEW_ROWS = 3000;
const PROGRESS_EVERY = 100;

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  // The command runs the built code (built once for the whole run: vitest.global-setup.ts).
  expect(existsSync(importCli)).toBe(true);
  ({ dir, cleanup } = tempDir());
});
afterAll(() => cleanup?.());

/**
 * A valid file of NEW_ROWS new memberships (test data, not facts: cloned from a seeded
 * cooperation agreement, each with its own id and source, no running number, no
 * pre-agreement) followed by every seeded membership with a changed place, so the import both
 * creates and updates. The seeded ones keep the export's order (pre-agreements first).
 */
function largeFile(seeded: readonly MembershipRecord[]): { rows: MembershipRecord[]; updated: number } {
  const standalone = seeded.filter((m) => m.preAgreementId === null && m.groupName === null);
  const template = standalone.find((m) => m.signatories.length > 0) ?? standalone[0]!;
  const created = Array.from({ length: NEW_ROWS }, (_, i): MembershipRecord => {
    const id = `SN-P-CRASH-${String(i + 1).padStart(5, "0")}`;
    return {
      ...template,
      id,
      agreementId: id,
      ordinal: null,
      ordinalBasis: null,
      ordinalBasisText: null,
      place: `Rathaus ${i + 1}`,
      sources: [{ url: `https://example.org/sachsen/crash-test/${i + 1}`, publisher: "Test", title: null, publishedOn: "2024-05" }],
    };
  });
  const updated = seeded.map((m) => ({ ...m, place: `${m.place ?? "Rathaus"} (crash test)` }));
  return { rows: [...created, ...updated], updated: updated.length };
}

describe("sachsen import killed in its write transaction", () => {
  it("leaves every table as it was, and the same file then imports completely", async () => {
    const db = join(dir, "sachsen.sqlite");
    const file = join(dir, "memberships.csv");

    // A new file database, migrated by the function the command opens it with, and seeded as
    // the subgraph seeds an empty database on its first start (the command itself never seeds).
    const ds = await SACHSEN.openDatabase(db, { seed: false });
    let seeded: MembershipRecord[];
    try {
      expect((await seedSachsen(ds)).seeded).toBe(true);
      seeded = await membershipIo.exportRecords!(ds.manager);
    } finally {
      await ds.destroy();
    }
    expect(seeded.length).toBeGreaterThan(0);
    const { rows, updated } = largeFile(seeded);
    writeFileSync(file, writeRecords(rows as unknown as Record<string, unknown>[], "csv", membershipIo.columns));

    await expectImportSurvivesKill({
      importCli,
      cwd: packageDir,
      database: db,
      file,
      type: "memberships",
      table: "membership",
      seededRows: seeded.length,
      created: NEW_ROWS,
      updated,
      progressEvery: PROGRESS_EVERY,
    });
  }, 300_000);
});
