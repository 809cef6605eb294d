/**
 * The JSON Schema subset that gradio-codegen emits for tool parameters (and nothing more):
 * `type`, `enum`, `const`, `minimum`/`maximum`, `items`, `properties`/`required`/
 * `additionalProperties`, `anyOf`, `description`, `default`, `format`. Checked by a small
 * validator, so a dispatcher refuses a model's bad arguments before any request is sent.
 */
import type { JsonValue } from "../spec.js";
import { shortJson } from "../util/short-json.js";

export interface ToolSchema {
  readonly type?: "string" | "number" | "integer" | "boolean" | "null" | "array" | "object";
  readonly description?: string;
  readonly enum?: readonly JsonValue[];
  readonly const?: JsonValue;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly items?: ToolSchema;
  readonly properties?: Readonly<Record<string, ToolSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | ToolSchema;
  readonly anyOf?: readonly ToolSchema[];
  readonly default?: JsonValue;
  readonly format?: string;
}

/** The first place where `value` breaks `schema`: a JSON pointer into the value and what was expected. */
export interface Violation {
  readonly pointer: string;
  readonly expected: string;
  readonly received: unknown;
}

const pointerPart = (key: string | number) => `/${String(key).replaceAll("~", "~0").replaceAll("/", "~1")}`;

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function typeMatches(type: NonNullable<ToolSchema["type"]>, value: unknown): boolean {
  const actual = typeOf(value);
  return actual === type || (type === "number" && actual === "integer");
}

const short = (value: unknown) => shortJson(value);

/** Checks `value` against `schema`; null when it conforms. Depth-bounded by the schema itself. */
export function firstViolation(schema: ToolSchema, value: unknown, pointer = ""): Violation | null {
  const fail = (expected: string): Violation => ({ pointer: pointer || "/", expected, received: value });
  if (schema.anyOf !== undefined) {
    return schema.anyOf.some((member) => firstViolation(member, value, pointer) === null)
      ? null
      : fail(schema.anyOf.map(describe).join(" or "));
  }
  if (schema.const !== undefined && JSON.stringify(schema.const) !== JSON.stringify(value))
    return fail(short(schema.const));
  if (schema.enum !== undefined && !schema.enum.some((option) => JSON.stringify(option) === JSON.stringify(value))) {
    return fail(`one of ${schema.enum.map(short).join(", ")}`);
  }
  if (schema.type !== undefined && !typeMatches(schema.type, value)) return fail(schema.type);
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum) return fail(`a number ≥ ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) return fail(`a number ≤ ${schema.maximum}`);
  }
  if (Array.isArray(value) && schema.items !== undefined) {
    for (const [index, item] of value.entries()) {
      const violation = firstViolation(schema.items, item, pointer + pointerPart(index));
      if (violation) return violation;
    }
  }
  if (
    typeOf(value) === "object" &&
    (schema.properties !== undefined || schema.required !== undefined || schema.additionalProperties !== undefined)
  ) {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? [])
      if (!Object.hasOwn(record, key))
        return { pointer: pointer + pointerPart(key), expected: "a value (required)", received: undefined };
    for (const [key, item] of Object.entries(record)) {
      const own =
        schema.properties !== undefined && Object.hasOwn(schema.properties, key) ? schema.properties[key] : undefined;
      const extra = schema.additionalProperties;
      if (own === undefined && extra === false)
        return { pointer: pointer + pointerPart(key), expected: "no such property", received: item };
      const sub = own ?? (typeof extra === "object" ? extra : undefined);
      const violation = sub === undefined ? null : firstViolation(sub, item, pointer + pointerPart(key));
      if (violation) return violation;
    }
  }
  return null;
}

function describe(schema: ToolSchema): string {
  if (schema.const !== undefined) return short(schema.const);
  if (schema.enum !== undefined) return `one of ${schema.enum.map(short).join(", ")}`;
  return schema.type ?? "any value";
}
