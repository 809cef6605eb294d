/** Checks the targets of issue 6 against medians; a NaN (a client failed) leaves it unchecked. */
import type { Target } from "./types.js";

/** `ours / anchor` compared with `limit` (e.g. ≤ 0.5×). */
export function ratioTarget(text: string, ours: number, anchor: number, op: "<=" | ">=", limit: number): Target {
  const ratio = ours / anchor;
  if (!Number.isFinite(ratio)) return { text, met: null, detail: "not measurable (a client failed)" };
  return { text, met: op === "<=" ? ratio <= limit : ratio >= limit, detail: `${ratio.toFixed(2)}×` };
}

/** An absolute bound, e.g. ≤ 2 requests or ≤ 5,000 bytes. */
export function absoluteTarget(text: string, value: number, op: "<=" | ">=", limit: number, unit: string): Target {
  if (!Number.isFinite(value)) return { text, met: null, detail: "not measurable (failed)" };
  const shown = Number.isInteger(value) ? value.toLocaleString("en-US") : value.toFixed(2);
  return { text, met: op === "<=" ? value <= limit : value >= limit, detail: `${shown} ${unit}`.trim() };
}
