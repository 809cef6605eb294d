/** Arrays, tuples (`prefixItems`, draft-4 `items: [...]`) and objects of the schema walk. */
import type { PropertyNode, TypeNode } from "../ir.js";
import { has, isRecord, own, type JsonRecord } from "./json.js";
import { makeUnion } from "./union.js";
import { typeSize } from "./type-size.js";
import { child, MAX_SPELLED_NODES, report, type Frame, type WalkState } from "./walk.js";

/** The recursive converter, passed in to keep the module graph acyclic. */
export type Convert = (schema: unknown, frame: Frame, state: WalkState) => TypeNode;

const JSON_T: TypeNode = { kind: "json" };
/** Beyond this many optional trailing tuple elements, shorter tuples are not spelled out. */
const MAX_OPTIONAL_ELEMENTS = 8;

function count(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** Converts an array schema: `items` (schema/true/false/absent), `prefixItems` or `items: [...]`. */
export function convertArray(schema: JsonRecord, frame: Frame, state: WalkState, convert: Convert): TypeNode {
  const prefix = own(schema, "prefixItems");
  const items = own(schema, "items");
  if (Array.isArray(prefix)) return convertTuple(schema, prefix, "prefixItems", items, "items", frame, state, convert);
  if (Array.isArray(items)) {
    return convertTuple(
      schema,
      items,
      "items",
      own(schema, "additionalItems"),
      "additionalItems",
      frame,
      state,
      convert,
    );
  }
  if (items === undefined) return { kind: "array", items: JSON_T };
  if (items === false) return { kind: "tuple", items: [] };
  return { kind: "array", items: convert(items, child(frame, "items"), state) };
}

function convertTuple(
  schema: JsonRecord,
  prefix: readonly unknown[],
  prefixKey: string,
  restSchema: unknown,
  restKey: string,
  frame: Frame,
  state: WalkState,
  convert: Convert,
): TypeNode {
  const items = prefix.map((p, i) => convert(p, child(frame, prefixKey, i), state));
  const max = count(own(schema, "maxItems"));
  const closed = restSchema === false || (max !== undefined && max <= items.length);
  const rest = closed
    ? undefined
    : restSchema === undefined
      ? JSON_T
      : convert(restSchema, child(frame, restKey), state);
  const full: TypeNode = rest === undefined ? { kind: "tuple", items } : { kind: "tuple", items, rest };
  // Absent `minItems` means "all required": Gradio's 3.x tuples rely on `items: false` alone.
  const min = count(own(schema, "minItems")) ?? items.length;
  if (min >= items.length) return full;
  if (items.length - min > MAX_OPTIONAL_ELEMENTS) {
    report(
      state,
      "info",
      frame.pointer,
      `tuple minItems ${min} < ${items.length} elements; trailing elements typed as required`,
    );
    return full;
  }
  // Optional trailing elements: spell out every allowed length, longest first, within budget.
  const sizes = items.map((item) => typeSize(item, MAX_SPELLED_NODES + 1));
  let cost = 0;
  for (
    let n = items.length - 1, prefix = sizes.slice(0, n).reduce((a, b) => a + b, 0);
    n >= min;
    prefix -= sizes[--n] ?? 0
  )
    cost += prefix + 1;
  if (state.spelled + cost > MAX_SPELLED_NODES) {
    report(
      state,
      "info",
      frame.pointer,
      `tuple minItems ${min} < ${items.length} elements, too large to spell out each length; trailing elements typed as required`,
    );
    return full;
  }
  state.spelled += cost;
  const shorter: TypeNode[] = [];
  for (let n = items.length - 1; n >= min; n--) shorter.push({ kind: "tuple", items: items.slice(0, n) });
  return makeUnion([full, ...shorter]);
}

function requiredKeys(schema: JsonRecord, frame: Frame, state: WalkState): Set<string> {
  const required = own(schema, "required");
  if (required === undefined) return new Set();
  if (!Array.isArray(required)) {
    report(state, "warning", frame.pointer, "`required` is not an array; ignored");
    return new Set();
  }
  return new Set(required.filter((k): k is string => typeof k === "string"));
}

function convertProperties(schema: JsonRecord, frame: Frame, state: WalkState, convert: Convert): PropertyNode[] {
  const props = own(schema, "properties");
  if (props === undefined) return [];
  if (!isRecord(props)) {
    report(state, "warning", frame.pointer, "`properties` is not an object; ignored");
    return [];
  }
  const required = requiredKeys(schema, frame, state);
  const out: PropertyNode[] = [];
  for (const [key, propSchema] of Object.entries(props)) {
    const type = convert(propSchema, child(frame, "properties", key), state);
    // pydantic dumps every field of an output model, so a defaulted field is always present there.
    const defaulted = isRecord(propSchema) && has(propSchema, "default");
    const optional = !required.has(key) && !(state.direction === "output" && defaulted);
    const description = isRecord(propSchema) ? own(propSchema, "description") : undefined;
    out.push(typeof description === "string" ? { key, type, optional, description } : { key, type, optional });
  }
  return out;
}

/** Converts an object schema: `properties`/`required` and `additionalProperties` (bool/{}/schema). */
export function convertObject(schema: JsonRecord, frame: Frame, state: WalkState, convert: Convert): TypeNode {
  const properties = convertProperties(schema, frame, state, convert);
  const extra = own(schema, "additionalProperties");
  let additional: TypeNode | undefined;
  if (extra === undefined) {
    // Open object without declared keys (`dict`, `{"type": "object"}`): any JSON per key.
    additional = properties.length === 0 && !isRecord(own(schema, "properties")) ? JSON_T : undefined;
  } else if (extra === true) additional = JSON_T;
  else if (extra === false) additional = undefined;
  else if (isRecord(extra)) additional = convert(extra, child(frame, "additionalProperties"), state);
  else {
    report(state, "warning", frame.pointer, "`additionalProperties` is neither a boolean nor a schema; typed as JSON");
    additional = JSON_T;
  }
  return additional === undefined ? { kind: "object", properties } : { kind: "object", properties, additional };
}
