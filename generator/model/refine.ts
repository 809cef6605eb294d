/**
 * Component-aware refinements the JSON Schema alone cannot express, from `/config` props
 * (docs/protocol.md §2.3, §2.4 item 9): custom values on Dropdowns, numeric ranges.
 */
import { isObject, type JsonObject } from "../load/raw-schema.js";
import type { ParameterModel, TypeNode } from "./ir.js";
import { literalChoices } from "./schema/index.js";

/** Widens a choice type when the component accepts values outside its choices. */
export function refineInputType(type: TypeNode, component: JsonObject | undefined): TypeNode {
  const props = component && isObject(component["props"]) ? component["props"] : undefined;
  if (props?.["allow_custom_value"] !== true) return type;
  if (literalChoices(type) !== null) return openChoices(type);
  if (type.kind === "array" && literalChoices(type.items) !== null)
    return { kind: "array", items: openChoices(type.items) };
  return type;
}

/**
 * Choices plus any string. Built without `makeUnion`, which would absorb the literals into
 * `string`: the printer keeps them (`"a" | "b" | (string & {})`) so editors still suggest them.
 */
function openChoices(choices: TypeNode): TypeNode {
  const members = choices.kind === "union" ? choices.members : [choices];
  return { kind: "union", members: [...members, { kind: "string" }] };
}

/** Minimum/maximum/step of Slider and Number components, for JSDoc. */
export function numericRange(component: JsonObject | undefined): ParameterModel["range"] {
  const props = component && isObject(component["props"]) ? component["props"] : undefined;
  if (!props) return undefined;
  const pick = (key: string) => (typeof props[key] === "number" ? (props[key] as number) : undefined);
  const range = { minimum: pick("minimum"), maximum: pick("maximum"), step: pick("step") };
  if (range.minimum === undefined && range.maximum === undefined) return undefined;
  return Object.fromEntries(Object.entries(range).filter(([, v]) => v !== undefined));
}
