/**
 * Gives large types a name: choice lists of four or more literals become exported type aliases
 * (`Country = "Argentina" | …`), shared wherever the same choices appear (a Dropdown and a
 * multiselect of the same list), and object-shaped parameters/results become `<Function><Name>`
 * aliases, so users can import them and signatures stay readable.
 */
import { createNameTable, type NameTable } from "../emit/names.js";
import type { Declaration, EndpointModel, TypeNode } from "./ir.js";
import { typeKey } from "./schema/index.js";

const MIN_HOISTED_CHOICES = 4;

interface Hoisting {
  readonly names: NameTable;
  readonly byKey: Map<string, string>;
  readonly declarations: Declaration[];
}

/** Returns endpoints whose big types are `named` references, plus the declarations. */
export function hoistTypes(
  endpoints: readonly EndpointModel[],
  taken: Iterable<string>,
): { endpoints: EndpointModel[]; declarations: Declaration[] } {
  const state: Hoisting = { names: createNameTable({ style: "pascal", taken }), byKey: new Map(), declarations: [] };
  const result = endpoints.map((endpoint) => {
    const fn = endpoint.functionName;
    const single = endpoint.returns.length === 1;
    return {
      ...endpoint,
      ...(endpoint.returns.length > 1 ? { resultAlias: state.names.claim(`${fn} outputs`, "Outputs") } : {}),
      parameters: endpoint.parameters.map((p) => ({
        ...p,
        type: hoistTop(p.type, `${fn} ${p.name}`, p.name, "input", state),
      })),
      returns: endpoint.returns.map((r) => {
        const hint = single || r.name === fn ? `${fn} result` : `${fn} ${r.name} result`;
        return { ...r, type: hoistTop(r.type, hint, r.name, "output", state) };
      }),
    };
  });
  return { endpoints: result, declarations: state.declarations };
}

function hoistTop(
  type: TypeNode,
  qualified: string,
  short: string,
  direction: "input" | "output",
  state: Hoisting,
): TypeNode {
  const inner = hoistChoices(type, short, state);
  if (!isObjectShaped(inner)) return inner;
  return declare(inner, qualified, direction, state);
}

/** Replaces every long literal union inside `type` by a shared alias. */
function hoistChoices(type: TypeNode, hint: string, state: Hoisting): TypeNode {
  switch (type.kind) {
    case "union":
      if (type.members.filter((m) => m.kind === "literal").length >= MIN_HOISTED_CHOICES)
        return declare(type, hint, "any", state);
      return { ...type, members: type.members.map((m) => hoistChoices(m, hint, state)) };
    case "array":
      return { ...type, items: hoistChoices(type.items, singular(hint), state) };
    case "tuple":
      return {
        ...type,
        items: type.items.map((item) => hoistChoices(item, hint, state)),
        ...(type.rest ? { rest: hoistChoices(type.rest, hint, state) } : {}),
      };
    case "object":
      return {
        ...type,
        properties: type.properties.map((p) => ({ ...p, type: hoistChoices(p.type, p.key, state) })),
        ...(type.additional ? { additional: hoistChoices(type.additional, hint, state) } : {}),
      };
    default:
      return type;
  }
}

function declare(type: TypeNode, hint: string, direction: "input" | "output" | "any", state: Hoisting): TypeNode {
  const key = `${direction}:${typeKey(type)}`;
  let name = state.byKey.get(key);
  if (name === undefined) {
    name = state.names.claim(hint, "Choice");
    state.byKey.set(key, name);
    state.declarations.push({ name, type, ...(direction === "any" ? {} : { direction }) });
  }
  return { kind: "named", name };
}

function isObjectShaped(type: TypeNode): boolean {
  if (type.kind === "object") return type.properties.length > 0;
  if (type.kind === "array") return isObjectShaped(type.items);
  if (type.kind === "union") return type.members.some(isObjectShaped);
  return false;
}

function singular(word: string): string {
  return word.endsWith("ies")
    ? `${word.slice(0, -3)}y`
    : word.endsWith("s") && !word.endsWith("ss")
      ? word.slice(0, -1)
      : word;
}
