import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import {
  Kind,
  valueFromASTUntyped,
  visit,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLArgument,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { ErrorCode, LaenderhubError } from "../errors.js";
import { limitMessage, listLimitOf, MAX_STRING, textLimitOf, type LimitViolation } from "../schema/limits.js";

const MAX_REPORTED = 20;
// Apollo Federation's entity fetch: the gateway sends as many representations as a plan needs.
const UNBOUNDED_FIELDS = new Set(["_entities"]);

// Types are told apart by their toStringTag, not by graphql-js's instanceof checks: tests load
// graphql both as ESM and as CommonJS (type-graphql), and a schema of one realm fails the
// other's isListType.
type AnyType = { name?: string; ofType?: AnyType; getFields?: () => Record<string, { name: string; type: AnyType; args?: readonly GraphQLArgument[] }> };
const tagOf = (type: AnyType): string => Object.prototype.toString.call(type).slice(8, -1);
const nullableOf = (type: AnyType): AnyType => (tagOf(type) === "GraphQLNonNull" ? type.ofType! : type);
const namedOf = (type: AnyType): AnyType => (type.ofType ? namedOf(type.ofType) : type);

function checkTyped(value: unknown, type: AnyType, path: string, name: string, out: LimitViolation[]): void {
  if (out.length >= MAX_REPORTED || value === null || value === undefined) return;
  const nullable = nullableOf(type);
  const tag = tagOf(nullable);
  if (tag === "GraphQLList") {
    // graphql-js coerces a single value to a one-item list, so a non-array is checked as an item.
    if (!Array.isArray(value)) return checkTyped(value, nullable.ofType!, path, name, out);
    const limit = listLimitOf(name);
    if (value.length > limit) {
      out.push({ field: path, limit, message: limitMessage("list", limit) });
      return;
    }
    value.forEach((item, i) => checkTyped(item, nullable.ofType!, `${path}[${i}]`, name, out));
  } else if (tag === "GraphQLInputObjectType") {
    if (typeof value !== "object" || Array.isArray(value)) return;
    for (const field of Object.values(nullable.getFields!())) {
      checkTyped((value as Record<string, unknown>)[field.name], field.type, `${path}.${field.name}`, field.name, out);
    }
  } else if (typeof value === "string") {
    const scalar = nullable.name;
    const declared = scalar === "String" || scalar === "ID" ? textLimitOf(name, { isId: scalar === "ID" }) : undefined;
    const limit = declared ?? MAX_STRING;
    if (value.length > limit) out.push({ field: path, limit, message: limitMessage("text", limit) });
  }
}

// Any string anywhere in a value: the net under variables that are not where the schema puts
// them (a string sent for an Int), whose coercion error would otherwise quote them whole.
function checkAnyString(value: unknown, path: string, out: LimitViolation[]): void {
  if (out.length >= MAX_REPORTED) return;
  if (typeof value === "string") {
    if (value.length > MAX_STRING) out.push({ field: path, limit: MAX_STRING, message: limitMessage("text", MAX_STRING) });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => checkAnyString(item, `${path}[${i}]`, out));
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) checkAnyString(item, `${path}.${key}`, out);
  }
}

/**
 * Checks every argument of an operation (literals and variables, inside fragments too)
 * against the declared limits of shared/src/schema/limits.ts; when all of them hold, every
 * string of the raw variables and of the document against MAX_STRING. Returns the violations, at most 20.
 */
export function checkOperationLimits(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: readonly FragmentDefinitionNode[],
  variables: Record<string, unknown>,
): LimitViolation[] {
  const out: LimitViolation[] = [];
  const byName = new Map(fragments.map((f) => [f.name.value, f]));
  const seen = new Set<string>();
  const walk = (selectionSet: SelectionSetNode, parent: AnyType | null | undefined): void => {
    for (const selection of selectionSet.selections) {
      if (out.length >= MAX_REPORTED) return;
      if (selection.kind === Kind.FIELD) {
        if (UNBOUNDED_FIELDS.has(selection.name.value)) continue;
        const field = parent?.getFields?.()[selection.name.value];
        if (!field) continue;
        for (const argument of selection.arguments ?? []) {
          const def = field.args?.find((a) => a.name === argument.name.value);
          if (def) checkTyped(valueFromASTUntyped(argument.value, variables), def.type as unknown as AnyType, argument.name.value, argument.name.value, out);
        }
        if (selection.selectionSet) walk(selection.selectionSet, schema.getType(namedOf(field.type).name!) as unknown as AnyType);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as unknown as AnyType) : parent);
      } else {
        const fragment = byName.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        seen.add(fragment.name.value);
        walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) as unknown as AnyType);
      }
    }
  };
  const root = operation.operation === "mutation" ? schema.getMutationType() : operation.operation === "subscription" ? schema.getSubscriptionType() : schema.getQueryType();
  walk(operation.selectionSet, root as unknown as AnyType);
  // The net, only where no declared limit spoke: a client learns the precise limit first.
  if (out.length > 0) return out;
  for (const [key, value] of Object.entries(variables)) checkAnyString(value, `$${key}`, out);
  const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] };
  visit(document, {
    StringValue(node) {
      if (node.value.length > MAX_STRING && out.length < MAX_REPORTED) out.push({ field: "(query)", limit: MAX_STRING, message: limitMessage("text", MAX_STRING) });
    },
  });
  return out;
}

/** The BAD_USER_INPUT error for limit violations: names each field and its limit, quotes no value. */
export function limitError(violations: readonly LimitViolation[]): LaenderhubError {
  const first = violations[0]!;
  const summary = violations.map((v) => `${v.field}: ${v.message}`).join("; ");
  return new LaenderhubError(ErrorCode.BAD_USER_INPUT, `Invalid input: ${summary}`, {
    field: first.field,
    limit: first.limit,
    fields: violations.map((v) => ({ field: v.field, code: ErrorCode.BAD_USER_INPUT, message: v.message, limit: v.limit })),
    // Apollo answers an error thrown before execution with 500 unless told otherwise. 200, not
    // 400: a gateway's subgraph client (Apollo's RemoteGraphQLDataSource) reads the errors of
    // a 200 answer, but turns a 400 into a bare "400: Bad Request" and loses code and field.
    http: { status: 200 },
  });
}

/**
 * Refuses, before execution, any operation whose arguments exceed a declared size limit or
 * carry a string over MAX_STRING, with BAD_USER_INPUT naming the field and the limit. So no
 * resolver, SQL statement or contract call ever sees an oversized input.
 */
export function inputLimitsPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operation }) {
          if (!operation) return;
          const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
          const violations = checkOperationLimits(schema, operation, fragments, request.variables ?? {});
          if (violations.length > 0) throw limitError(violations);
        },
      };
    },
  };
}
