/**
 * What a component occupies in a dependency's wire `data` array: a public value, a State slot, or
 * a skipped slot (buttons, layout blocks). One rule for the generator (wire layout) and the
 * runtime's drift guard (docs/protocol.md §1.5 `skip_api`, §1.6 omission rules).
 */

/** The Python client's fallback for configs without `skip_api`. */
const SKIPPED_TYPES = new Set([
  "state",
  "row",
  "column",
  "tabs",
  "tab",
  "tabitem",
  "box",
  "form",
  "accordion",
  "group",
  "interpretation",
  "dataset",
  "sidebar",
  "button",
  "clearbutton",
  "loginbutton",
  "logoutbutton",
  "duplicatebutton",
  "deeplinkbutton",
]);

/** Slot kind of one `/config` component (undefined = a component the config does not list). */
export function slotKind(component: Readonly<Record<string, unknown>> | undefined): "param" | "state" | "skip" {
  if (!component) return "skip";
  const type = typeof component["type"] === "string" ? component["type"].toLowerCase() : "";
  if (type === "state") return "state";
  const skip = component["skip_api"];
  if (skip === true) return "skip";
  if (skip === false) return "param";
  return SKIPPED_TYPES.has(type) ? "skip" : "param";
}
