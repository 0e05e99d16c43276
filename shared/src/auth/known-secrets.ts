import { createHash } from "node:crypto";

// SHA-256 of every HS256 secret that has ever been committed to this repository (tests, fixtures,
// examples). They are public: anyone with a clone can sign tokens with them, however long they
// are. Stored as hashes so that the production code does not carry usable secrets itself.
// shared/tests/auth.test.ts asserts that every secret-like literal in the tracked files is listed.
const COMMITTED_SECRET_HASHES: ReadonlySet<string> = new Set([
  "7305a1f0cd714d6d5b4fbaa2b79c67ffc5f0eb2ba2b4d5eef5408ad332d7c773", // shared/tests/auth.test.ts SECRET
  "0824f749d21cd8e77d6efe3e46f695b4db1b307e08e92d31ce742527e57d324f", // shared/tests/auth.test.ts OLD_SECRET
  "33b24a2b3f8fbaf2b679af991b5f8af1e93a7cc1f4caa051593cd5627a6092c1", // shared/tests/fixtures/toy-subgraph.ts TOY_SECRET
  "3a6ae418ee7346e341aa30a86493352b244915c86650aea3df10dc6a8c6f84bb", // subgraphs/saarland/tests/write-helpers.ts SECRET
  "3f00efebd137cdb9b109c3e1f1e896084bd437285be1dfd07ab735f793e08459", // subgraphs/saarland/tests/write-helpers.ts OTHER_SECRET
  "c9a90f261e704a60568fcc166de57690ff873c0f61e76d164b24fb4901335b75", // subgraphs/sachsen/tests/write-helpers.ts TEST_SECRET
  "b802f39382b72bd64469208606713292c02e0971642f7841b27c2af99e7c046b", // subgraphs/sachsen-anhalt/tests/write-helpers.ts TEST_SECRET
  "268cd4650d851f18cc3ad82038e870e54945f7f5707a6c940d5840f226721e73", // "another key" of the state write-auth tests
  "169a29078b9d2265356adfebb90eed409b69168002cf8b04e49b707c6b258c0f", // rotation test of subgraphs/sachsen-anhalt
  "f492e9da7fe9a62e016772545a237f8cf6bdf6c2a2605837c84a8cb86ae80163", // test/support/federation.ts STATE_SECRETS.SL
  "04966bfced47480624ce9459c1d26d1bd5453057428b1dc7dd173e5ad2a9e6d8", // test/support/federation.ts STATE_SECRETS.SN
  "72ef44ab073b5c98d494ab402b498413f0eebf503b5f49a5b315f30a44de1827", // test/support/federation.ts STATE_SECRETS.ST
  "7dc72a235b158ee2552e8ba54dadbc50dc92a11e14518ea9e42056fdf48243e8", // test/support/federation.ts, before each state had its own
  "b29eb15f6c72db4e633d6b2323af209acad7eb499aaa0bf3835c69a2f4cb4105", // test/tests/start.test.ts, before it drew random ones
  "e580b8f06bab8b04411a58b12c86b559266d836ac34e296090504d81bb35df88", // gateway/tests/support/fakes.ts token()
]);

/** True for a secret that was committed to this repository, and so can sign anyone's tokens. */
export function isCommittedSecret(secret: string): boolean {
  return COMMITTED_SECRET_HASHES.has(createHash("sha256").update(secret, "utf8").digest("hex"));
}
