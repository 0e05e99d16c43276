import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse, type TypeNode } from "graphql";
import { describe, expect, it } from "vitest";
import { boundMessage, formatError } from "../src/errors.js";
import { textLimitOf } from "../src/schema/limits.js";

const SUBGRAPHS = ["saarland", "sachsen", "sachsen-anhalt", "compare"];
const named = (t: TypeNode): string => (t.kind === "NamedType" ? t.name.value : named(t.type));

describe("declared input limits", () => {
  it("declare a limit for every String and ID argument and input field of every subgraph", () => {
    const undeclared: string[] = [];
    for (const name of SUBGRAPHS) {
      const sdl = readFileSync(fileURLToPath(new URL(`../../subgraphs/${name}/schema.graphql`, import.meta.url)), "utf8");
      for (const def of parse(sdl).definitions) {
        const check = (where: string, field: string, type: TypeNode) => {
          const scalar = named(type);
          if ((scalar === "String" || scalar === "ID") && textLimitOf(field, { isId: scalar === "ID" }) === undefined) undeclared.push(`${name}: ${where}.${field}`);
        };
        if (def.kind === "InputObjectTypeDefinition") for (const f of def.fields ?? []) check(def.name.value, f.name.value, f.type);
        if (def.kind === "ObjectTypeDefinition" || def.kind === "ObjectTypeExtension") {
          for (const f of def.fields ?? []) for (const a of f.arguments ?? []) check(`${def.name.value}.${f.name.value}`, a.name.value, a.type);
        }
      }
    }
    expect(undeclared).toEqual([]);
  });

  it("never pass a quoted input on whole in an error message", () => {
    const long = "x".repeat(900_000);
    const message = `Variable "$x" got invalid value "${long}"; Int cannot represent non-integer value: "${long}"`;
    expect(boundMessage(message).length).toBeLessThan(300);
    expect(boundMessage(message)).toMatch(/^Variable "\$x" got invalid value "x{60}…"/);
    const formatted = formatError({ message, extensions: { code: "BAD_USER_INPUT" } }, null);
    expect(formatted.message.length).toBeLessThan(300);
    expect(formatted.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "x" });
    expect(boundMessage('Invalid input: input.ags: AGS "1004211" must be exactly 8 digits')).toBe('Invalid input: input.ags: AGS "1004211" must be exactly 8 digits');
  });
});
