/**
 * Several results come back as a labelled tuple that also answers to its names:
 * `const [text, count] = await f()` and `(await f()).count` both work. The names are
 * non-enumerable getters, so the value still compares, spreads and serializes as a plain array.
 */
import type { ReturnSpec } from "../spec.js";

/** Adds a read-only accessor per result name (when there are several results). */
export function nameResults(results: unknown[], returns: readonly ReturnSpec[]): unknown[] {
  if (returns.length < 2) return results;
  returns.forEach((ret, index) => {
    // Names arrays already answer to (`length`, `map`, indices…) keep their array meaning.
    if (ret.name in results) return;
    Object.defineProperty(results, ret.name, { get: () => results[index], enumerable: false });
  });
  return results;
}
