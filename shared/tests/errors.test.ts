import { describe, expect, it } from "vitest";
import { ErrorCode, formatError, LaenderhubError } from "../src/index.js";

describe("formatError", () => {
  it("keeps laenderhub codes and drops stack traces", () => {
    const e = new LaenderhubError(ErrorCode.INVALID_AGS, "AGS must be 8 digits", { field: "ags" });
    const out = formatError({ message: e.message, extensions: { ...e.extensions, stacktrace: ["x"] } }, e);
    expect(out.extensions).toEqual({ code: "INVALID_AGS", field: "ags" });
  });

  it("names the input field of a variable coercion error", () => {
    const out = formatError(
      { message: 'Variable "$input" got invalid value "XX" at "input.stage"; Value "XX" does not exist in "AsskommStage" enum.', extensions: { code: "BAD_USER_INPUT" } },
      null,
    );
    expect(out.extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.stage" });
  });

  it("calls an unknown enum literal bad input", () => {
    const out = formatError({ message: 'Value "XX" does not exist in "StateCode" enum.', extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }, null);
    expect(out.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("masks unexpected errors and logs them", () => {
    const logged: unknown[] = [];
    const boom = new Error("SQLITE_CORRUPT at /srv/data.sqlite");
    const out = formatError({ message: boom.message }, boom, (err) => logged.push(err));
    expect(out).toEqual({ message: "Internal server error", path: undefined, extensions: { code: "INTERNAL_SERVER_ERROR" } });
    expect(logged).toEqual([boom]);
  });
});
