/**
 * Wire layout of an endpoint: `/info` omits State, buttons and layout blocks, but they occupy
 * positions in the `data` arrays (gradio-protocol.md §1.6 "Omission rules", §7 item 2). The layout
 * comes from `config.dependencies[i].inputs/outputs` + `components[].skip_api`.
 */
import type { JsonObject } from "../load/raw-schema.js";
import type { Slot } from "./ir.js";

/** The Python client's fallback for configs without `skip_api`. */
const SKIPPED_TYPES = new Set(["state", "row", "column", "tabs", "tab", "tabitem", "box", "form", "accordion", "group", "interpretation", "dataset", "sidebar", "button", "clearbutton", "loginbutton", "logoutbutton", "duplicatebutton", "deeplinkbutton"]);

/** Slot kind of one component in a dependency's input/output list. */
export function slotKind(component: JsonObject | undefined): "param" | "state" | "skip" {
  if (!component) return "skip";
  const type = typeof component["type"] === "string" ? component["type"].toLowerCase() : "";
  if (type === "state") return "state";
  const skip = component["skip_api"];
  if (skip === true) return "skip";
  if (skip === false) return "param";
  return SKIPPED_TYPES.has(type) ? "skip" : "param";
}

/** Slots for a list of component ids; public ones numbered in order. */
export function wireSlots(ids: readonly number[], components: ReadonlyMap<number, JsonObject>): Slot[] {
  let next = 0;
  return ids.map((id): Slot => {
    const kind = slotKind(components.get(id));
    return kind === "param" ? { kind: "param", param: next++ } : { kind };
  });
}

/** Number of public slots. */
export function publicCount(slots: readonly Slot[]): number {
  return slots.filter((slot) => slot.kind === "param").length;
}

/** The layout used when /config is unavailable: every position is public. */
export function identitySlots(count: number): Slot[] {
  return Array.from({ length: count }, (_, param): Slot => ({ kind: "param", param }));
}
