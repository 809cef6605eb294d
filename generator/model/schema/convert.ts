/**
 * The recursive JSON Schema → `TypeNode` walk. Handles Gradio's quirks (docs/protocol.md §2.4):
 * empty and title-only schemas, `"type": {}`, boolean schemas, `$ref` into `$defs`, nullable
 * `anyOf`/`oneOf`, `type` arrays, `const`/`enum` with or without `type`, files.
 */
import type { TypeNode } from "../ir.js";
import { convertArray, convertObject } from "./convert-compound.js";
import { isFileSchema } from "./file-detect.js";
import { describeValue, has, isRecord, own, type JsonRecord } from "./json.js";
import { makeUnion } from "./union.js";
import { child, enterScope, lookupRef, MAX_DEPTH, MAX_NODES, report, type Frame, type WalkState } from "./walk.js";

const JSON_T: TypeNode = { kind: "json" };
const UNKNOWN: TypeNode = { kind: "unknown" };
const OBJECT_KEYS = ["properties", "additionalProperties", "patternProperties", "required"];
const ARRAY_KEYS = ["items", "prefixItems"];

/** Converts one schema node at `frame`. Never throws. */
export function convert(schema: unknown, frame: Frame, state: WalkState): TypeNode {
  state.nodes++;
  if (state.nodes > MAX_NODES) {
    report(state, "warning", frame.pointer, `schema too large (over ${MAX_NODES} nodes); typed as unknown`);
    return UNKNOWN;
  }
  if (frame.depth > MAX_DEPTH) {
    report(state, "warning", frame.pointer, `schema nested deeper than ${MAX_DEPTH} levels; typed as unknown`);
    return UNKNOWN;
  }
  if (schema === true) return JSON_T;
  if (schema === false) {
    report(state, "warning", frame.pointer, "`false` schema admits no value; typed as unknown");
    return UNKNOWN;
  }
  if (!isRecord(schema)) {
    report(state, "warning", frame.pointer, `expected a JSON Schema, got ${describeValue(schema)}; typed as unknown`);
    return UNKNOWN;
  }
  const inner = enterScope(frame, schema);
  const ref = own(schema, "$ref");
  const type = ref !== undefined ? convertRef(ref, inner, state) : convertPlain(schema, inner, state);
  return own(schema, "nullable") === true ? makeUnion([type, { kind: "null" }]) : type;
}

function convertRef(ref: unknown, frame: Frame, state: WalkState): TypeNode {
  if (typeof ref !== "string") {
    report(state, "warning", frame.pointer, "`$ref` is not a string; typed as unknown");
    return UNKNOWN;
  }
  const hit = lookupRef(ref, frame.scopes);
  if (!hit.ok) {
    const why = hit.reason === "external" ? "non-local `$ref` is not supported" : "unresolvable `$ref`";
    report(state, "warning", frame.pointer, `${why} ${JSON.stringify(ref)}; typed as unknown`);
    return UNKNOWN;
  }
  if (frame.refChain.includes(hit.target)) {
    report(state, "warning", frame.pointer, `cyclic \`$ref\` ${JSON.stringify(ref)}; typed as unknown`);
    return UNKNOWN;
  }
  const next: Frame = {
    ...frame,
    pointer: hit.pointer,
    depth: frame.depth + 1,
    refChain: [...frame.refChain, hit.target],
  };
  return convert(hit.target, next, state);
}

function convertPlain(schema: JsonRecord, frame: Frame, state: WalkState): TypeNode {
  if (isFileSchema(schema, frame.scopes)) return { kind: "file" };
  if (has(schema, "const")) return literalOf(own(schema, "const"), frame, state);
  if (has(schema, "enum")) return convertEnum(schema, frame, state);
  const anyOf = own(schema, "anyOf");
  const oneOf = own(schema, "oneOf");
  if (anyOf !== undefined || oneOf !== undefined) {
    if (anyOf !== undefined && oneOf !== undefined) {
      report(state, "info", frame.pointer, "both `anyOf` and `oneOf` present; only `anyOf` used");
    }
    return convertBranches(anyOf ?? oneOf, anyOf !== undefined ? "anyOf" : "oneOf", frame, state);
  }
  if (has(schema, "allOf")) return convertAllOf(own(schema, "allOf"), frame, state);
  return convertByType(schema, own(schema, "type"), frame, state);
}

function literalOf(value: unknown, frame: Frame, state: WalkState): TypeNode {
  if (value === null) return { kind: "null" };
  if (typeof value === "string" || typeof value === "boolean") return { kind: "literal", value };
  if (typeof value === "number" && Number.isFinite(value)) return { kind: "literal", value };
  report(
    state,
    "info",
    frame.pointer,
    `non-primitive \`const\`/\`enum\` value (${describeValue(value)}) typed as JSON`,
  );
  return JSON_T;
}

function convertEnum(schema: JsonRecord, frame: Frame, state: WalkState): TypeNode {
  const values = own(schema, "enum");
  if (!Array.isArray(values)) {
    report(state, "warning", frame.pointer, "`enum` is not an array; ignored");
    return convertByType(schema, own(schema, "type"), frame, state);
  }
  if (values.length === 0) {
    const base = convertByType(schema, own(schema, "type"), frame, state);
    report(state, "info", frame.pointer, "empty `enum` (e.g. a Dropdown without choices); typed by its base type");
    return base;
  }
  return makeUnion(values.map((v, i) => literalOf(v, { ...frame, pointer: `${frame.pointer}/enum/${i}` }, state)));
}

function convertBranches(branches: unknown, key: string, frame: Frame, state: WalkState): TypeNode {
  if (!Array.isArray(branches) || branches.length === 0) {
    report(state, "warning", frame.pointer, `\`${key}\` is empty or not an array; typed as unknown`);
    return UNKNOWN;
  }
  return makeUnion(branches.map((b, i) => convert(b, child(frame, key, i), state)));
}

function convertAllOf(members: unknown, frame: Frame, state: WalkState): TypeNode {
  if (!Array.isArray(members) || members.length === 0) {
    report(state, "warning", frame.pointer, "`allOf` is empty or not an array; typed as unknown");
    return UNKNOWN;
  }
  const parts = members.map((m, i) => convert(m, child(frame, "allOf", i), state));
  if (parts.length === 1) return parts[0] ?? UNKNOWN;
  const objects = parts.filter((p) => p.kind === "object");
  if (objects.length !== parts.length) {
    report(state, "warning", frame.pointer, "`allOf` of non-object schemas is not supported; typed as unknown");
    return UNKNOWN;
  }
  const byKey = new Map<string, { key: string; type: TypeNode; optional: boolean; description?: string }>();
  for (const obj of objects) {
    for (const prop of obj.properties) {
      const prev = byKey.get(prop.key);
      byKey.set(prop.key, prev ? { ...prev, optional: prev.optional && prop.optional } : { ...prop });
    }
  }
  return { kind: "object", properties: [...byKey.values()] };
}

function convertTypeName(name: string, schema: JsonRecord, frame: Frame, state: WalkState): TypeNode {
  switch (name) {
    case "string":
      return { kind: "string" };
    case "number":
      return { kind: "number" };
    case "integer":
      return { kind: "number", integer: true };
    case "boolean":
      return { kind: "boolean" };
    case "null":
      return { kind: "null" };
    case "array":
      return convertArray(schema, frame, state, convert);
    case "object":
      return convertObject(schema, frame, state, convert);
    case "filepath":
      report(state, "info", frame.pointer, '`"type": "filepath"` (hf-gradio condensed info) read as a file');
      return { kind: "file" };
    default:
      report(state, "warning", frame.pointer, `unknown JSON Schema type ${JSON.stringify(name)}; typed as JSON`);
      return JSON_T;
  }
}

function convertByType(schema: JsonRecord, type: unknown, frame: Frame, state: WalkState): TypeNode {
  if (typeof type === "string") return convertTypeName(type, schema, frame, state);
  if (Array.isArray(type)) {
    const names = type.filter((t): t is string => typeof t === "string");
    if (names.length !== type.length)
      report(state, "warning", frame.pointer, "non-string entries in `type` array ignored");
    if (names.length === 0) return JSON_T;
    return makeUnion(names.map((n) => convertTypeName(n, schema, frame, state)));
  }
  if (type !== undefined && !isRecord(type)) {
    report(state, "warning", frame.pointer, `\`type\` is ${describeValue(type)}; typed as JSON`);
    return JSON_T;
  }
  // `"type": {}` (3.x JSONSerializable, JSON/State components) or no `type`: infer from keywords.
  if (type === undefined && OBJECT_KEYS.some((k) => has(schema, k)))
    return convertObject(schema, frame, state, convert);
  if (type === undefined && ARRAY_KEYS.some((k) => has(schema, k))) return convertArray(schema, frame, state, convert);
  if (type === undefined && own(schema, "format") === "byte") return { kind: "string" };
  return JSON_T;
}
