/**
 * Wire layout of an endpoint: `/info` omits State, buttons and layout blocks, but they occupy
 * positions in the `data` arrays (docs/protocol.md §1.6 "Omission rules", §7 item 2). The layout
 * comes from `config.dependencies[i].inputs/outputs` + `components[].skip_api`.
 */
import type { JsonObject } from "../load/raw-schema.js";
import { slotKind } from "@gradio-codegen/runtime";
import type { Slot } from "./ir.js";

/** The one slot rule, shared with the runtime's drift guard. */
export { slotKind };

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
