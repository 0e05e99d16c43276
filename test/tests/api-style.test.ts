import { createGateway, readSupergraphSdl } from "@laenderhub/gateway";
import { createLogger, resolveRegistry } from "@laenderhub/shared";
import { getIntrospectionQuery, type IntrospectionField, type IntrospectionInputValue, type IntrospectionQuery, type IntrospectionType, type IntrospectionTypeRef } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";

// The rules of docs/API.md, checked on the public API a client sees: the committed supergraph
// introspected through the production gateway factory (no subgraph is asked). Each rule names
// every offender, so a failure says what to rename.

/** Lists that stay plain lists (docs/API.md, "Plain lists"): small, fixed by the programme or the federation. */
const PLAIN_LISTS = new Set([
  "Query.states", // one entry per registered state
  "Query.districts", // the Destatis districts of the registered states
  "Query.programmes", // one or two programmes per state
  "SachsenAnhalt.jointDeclarations", // the declaration of 2004 and its Fortschreibung
  "SachsenAnhalt.strategicLines", // the programme's fixed fields of action
]);

/** Argument names a connection may take besides first, after and filter. */
const ORDER_ARGS = new Set(["orderBy", "direction"]);

/** Vocabulary: a field, argument or input field of this name is the enum, never a String. */
const VOCABULARY = new Map<string, string>([
  ["state", "StateCode"], ["states", "StateCode"],
  ["instrument", "Instrument"], ["instruments", "Instrument"],
  ["status", "*Status"], ["statuses", "*Status"],
  ["fieldsOfAction", "FieldOfAction"], ["fieldOfAction", "FieldOfAction"],
  ["stage", "AsskommStage"], ["format", "SigningFormat"], ["qualifier", "IndicatorQualifier"],
  ["ordinalBasis", "OrdinalBasis"], ["basis", "PersonBasis"], ["programmeKinds", "ProgrammeKind"], ["actorTypes", "ActorType"],
]);

/** One name for one concept: the names on the left were used by some state for the concept on the right. */
const RENAMED = new Map<string, string>([
  ["startedOn", "startOn"], ["start", "startOn"], ["referenceDate", "referenceOn"], ["statementDate", "statementOn"],
  ["values", "figures"], ["landkreis", "district"], ["landkreisNote", "districtNote"], ["gemeinde", "registeredMunicipality"],
  ["localMunicipality", "registeredMunicipality"], ["preventionCouncils", "preventionBodies"], ["descending", "direction"], ["offset", "after"],
]);

/** The id prefix of each state's records; a state's types name only their own. */
const STATE_OF_TYPE: Array<[RegExp, string]> = [[/^SachsenAnhalt/, "ST"], [/^(Sachsen|Asskomm|KommunalerPraeventionsrat)/, "SN"], [/^Saarland/, "SL"]];
const STATE_ID_PREFIX = /\b(SL|SN|ST)-[A-Z]/g;

function named(ref: IntrospectionTypeRef): { name: string; list: boolean } {
  let list = false;
  let t = ref;
  while (t.kind === "NON_NULL" || t.kind === "LIST") {
    if (t.kind === "LIST") list = true;
    t = (t as { ofType: IntrospectionTypeRef }).ofType;
  }
  return { name: (t as { name: string }).name, list };
}

let types: Map<string, IntrospectionType>;

beforeAll(async () => {
  const gateway = createGateway({ supergraphSdl: readSupergraphSdl(), registry: resolveRegistry({}), compareUrl: "http://compare.invalid/graphql", logger: createLogger("t", "silent") });
  try {
    const body = JSON.stringify({ query: getIntrospectionQuery({ inputValueDeprecation: true }) });
    const res = await gateway.runtime.fetch("http://gateway.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) },
      body,
    });
    const answer = (await res.json()) as { data: IntrospectionQuery };
    types = new Map(answer.data.__schema.types.filter((t) => !t.name.startsWith("__")).map((t) => [t.name, t]));
  } finally {
    await gateway.close();
  }
});

const fieldsOf = (t: IntrospectionType | undefined): readonly IntrospectionField[] => (t && "fields" in t && t.fields) || [];
const inputFieldsOf = (t: IntrospectionType | undefined): readonly IntrospectionInputValue[] => (t && t.kind === "INPUT_OBJECT" ? t.inputFields : []);
const kindOf = (name: string) => types.get(name)?.kind;

/** The state namespaces: argument-free, non-list root fields returning an object type (saarland, sachsen, …). */
function namespaceTypes(): string[] {
  return fieldsOf(types.get("Query"))
    .filter((f) => f.args.length === 0 && !named(f.type).list && kindOf(named(f.type).name) === "OBJECT")
    .map((f) => named(f.type).name);
}

/** Entry lists: list fields of objects on the root and on the state namespaces, and every connection field anywhere. */
function entryFields(): Array<{ coordinate: string; field: IntrospectionField }> {
  const out: Array<{ coordinate: string; field: IntrospectionField }> = [];
  for (const typeName of ["Query", ...namespaceTypes()]) {
    for (const field of fieldsOf(types.get(typeName))) {
      if (field.name.startsWith("_")) continue;
      out.push({ coordinate: `${typeName}.${field.name}`, field });
    }
  }
  return out;
}

/** Every named place a client writes or reads a value: output fields, arguments and input fields. */
function everyValue(): Array<{ coordinate: string; name: string; type: string; output: boolean; description: string | null | undefined }> {
  const out: Array<{ coordinate: string; name: string; type: string; output: boolean; description: string | null | undefined }> = [];
  for (const t of types.values()) {
    for (const f of fieldsOf(t)) {
      if (f.name.startsWith("_")) continue;
      out.push({ coordinate: `${t.name}.${f.name}`, name: f.name, type: named(f.type).name, output: true, description: f.description });
      for (const a of f.args) out.push({ coordinate: `${t.name}.${f.name}(${a.name})`, name: a.name, type: named(a.type).name, output: false, description: a.description });
    }
    for (const f of inputFieldsOf(t)) out.push({ coordinate: `${t.name}.${f.name}`, name: f.name, type: named(f.type).name, output: false, description: f.description });
  }
  return out;
}

describe("the public API follows docs/API.md", () => {
  it("pages every list that can grow as a connection with first, after and one filter input", () => {
    const problems: string[] = [];
    for (const { coordinate, field } of entryFields()) {
      const { name, list } = named(field.type);
      const isConnection = name.endsWith("Connection");
      if (list && kindOf(name) !== "SCALAR" && kindOf(name) !== "ENUM" && !PLAIN_LISTS.has(coordinate)) problems.push(`${coordinate} is a plain list of ${name}`);
      if (!isConnection) continue;
      const args = new Map(field.args.map((a) => [a.name, a]));
      if (!args.has("first") || named(args.get("first")!.type).name !== "Int") problems.push(`${coordinate} takes no first: Int`);
      if (!args.has("after") || named(args.get("after")!.type).name !== "String") problems.push(`${coordinate} takes no after: String`);
      const filter = args.get("filter");
      if (!filter) problems.push(`${coordinate} takes no filter`);
      else if (kindOf(named(filter.type).name) !== "INPUT_OBJECT" || !named(filter.type).name.endsWith("FilterInput")) problems.push(`${coordinate}(filter) is not an …FilterInput object`);
      for (const a of field.args) if (!["first", "after", "filter"].includes(a.name) && !ORDER_ARGS.has(a.name)) problems.push(`${coordinate}(${a.name}) is a loose argument: it belongs in filter`);
    }
    expect(problems).toEqual([]);
  });

  it("gives every connection the same shape: edges { cursor node }, pageInfo, totalCount", () => {
    const problems: string[] = [];
    for (const t of types.values()) {
      if (!t.name.endsWith("Connection")) continue;
      const fields = new Map(fieldsOf(t).map((f) => [f.name, f]));
      const edge = fields.get("edges") && types.get(named(fields.get("edges")!.type).name);
      if (!edge || !fieldsOf(edge).some((f) => f.name === "cursor") || !fieldsOf(edge).some((f) => f.name === "node")) problems.push(`${t.name}.edges has no { cursor node }`);
      if (!fields.get("pageInfo") || named(fields.get("pageInfo")!.type).name !== "PageInfo") problems.push(`${t.name} has no pageInfo: PageInfo`);
      if (!fields.get("totalCount") || named(fields.get("totalCount")!.type).name !== "Int") problems.push(`${t.name} has no totalCount: Int`);
    }
    expect(problems).toEqual([]);
    // No other page shape is left.
    expect([...types.keys()].filter((n) => /Page$/.test(n))).toEqual([]);
    expect(fieldsOf(types.get("PageInfo")).map((f) => f.name).sort()).toEqual(["endCursor", "hasNextPage"]);
  });

  it("types vocabulary as enums, in inputs and outputs", () => {
    const problems = everyValue()
      .filter((v) => VOCABULARY.has(v.name) && (kindOf(v.type) === "SCALAR" || kindOf(v.type) === "ENUM"))
      .filter((v) => kindOf(v.type) !== "ENUM" || !new RegExp(`^${VOCABULARY.get(v.name)!.replace("*", ".*")}$`).test(v.type))
      .map((v) => `${v.coordinate}: ${v.type}, not ${VOCABULARY.get(v.name)}`);
    expect(problems).toEqual([]);
  });

  it("names dates …On and gives each concept one name", () => {
    const values = everyValue();
    const dates = values.filter((v) => (v.type === "FuzzyDate" && !v.name.endsWith("On")) || v.name === "date" || /Dates?$/.test(v.name));
    expect(dates.map((v) => `${v.coordinate}: a date not named …On`)).toEqual([]);
    const renamed = values.filter((v) => RENAMED.has(v.name));
    expect(renamed.map((v) => `${v.coordinate}: call it ${RENAMED.get(v.name)}`)).toEqual([]);
    // Every state namespace names its state the same way.
    for (const ns of namespaceTypes()) expect(fieldsOf(types.get(ns)).map((f) => f.name), ns).toContain("state");
  });

  it("registers an inline municipality with the same MunicipalityInput in every state", () => {
    const inline = [...types.values()].flatMap((t) => inputFieldsOf(t).filter((f) => /Municipality/.test(named(f.type).name) && kindOf(named(f.type).name) === "INPUT_OBJECT").map((f) => ({ t: t.name, f })));
    expect(inline.length).toBeGreaterThanOrEqual(3);
    expect(inline.map(({ t, f }) => `${t}.${f.name}: ${named(f.type).name}`).filter((s) => !s.endsWith(".newMunicipality: MunicipalityInput"))).toEqual([]);
  });

  it("writes no state's ids into another state's or a shared type's descriptions", () => {
    const problems: string[] = [];
    for (const t of types.values()) {
      const own = STATE_OF_TYPE.find(([re]) => re.test(t.name))?.[1];
      const shared = t.kind === "INTERFACE";
      if (!own && !shared) continue;
      const texts: Array<[string, string | null | undefined]> = [[t.name, t.description]];
      for (const f of fieldsOf(t)) texts.push([`${t.name}.${f.name}`, f.description], ...f.args.map((a): [string, string | null | undefined] => [`${t.name}.${f.name}(${a.name})`, a.description]));
      for (const f of inputFieldsOf(t)) texts.push([`${t.name}.${f.name}`, f.description]);
      for (const [coordinate, text] of texts) {
        const foreign = [...(text ?? "").matchAll(STATE_ID_PREFIX)].map((m) => m[1]).filter((s) => s !== own);
        if (foreign.length > 0) problems.push(`${coordinate} mentions ${foreign.join(", ")} ids: "${text}"`);
      }
    }
    expect(problems).toEqual([]);
  });
});
