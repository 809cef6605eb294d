/**
 * Depth bounds on schema data (issue 10 item 5). Every walk the generator does over values from
 * a schema document recurses at most as deep as these bounds allow, so no hostile document can
 * overflow the stack:
 * - a document nested deeper than `MAX_DOCUMENT_DEPTH` is rejected before the model is built
 *   (one-paragraph INVALID_SCHEMA naming the JSON pointer); real Gradio documents nest < 20;
 * - a default or example nested deeper than `MAX_VALUE_DEPTH` is dropped with a warning (the
 *   parameter becomes required / has no example), so the emitted module, its lock and its JSDoc
 *   stay shallow;
 * - JSON Schemas deeper than the converter's `MAX_DEPTH` become `unknown` with a warning
 *   (schema/walk.ts), and every later walk over types (hoisting, printing, file paths, the lock's
 *   surface) follows the converted types, so it inherits that bound.
 * The walks here are iterative: they never recurse, whatever the input.
 */
import { CodegenError, pointerToken } from "../errors.js";

/** Deepest nesting of a whole schema document (`/info`, `/config`) that is read at all. */
export const MAX_DOCUMENT_DEPTH = 1_000;
/** Deepest nesting of a parameter default or example kept in the model. */
export const MAX_VALUE_DEPTH = 64;

interface Visit {
  readonly value: unknown;
  readonly depth: number;
  readonly parent: Visit | null;
  readonly key: string;
}

function pointerOf(visit: Visit, base: string): string {
  const tokens: string[] = [];
  for (let v: Visit | null = visit; v !== null && v.parent !== null; v = v.parent) tokens.push(pointerToken(v.key));
  return (
    base +
    tokens
      .reverse()
      .map((t) => `/${t}`)
      .join("")
  );
}

/**
 * The JSON pointer (under `base`) of the first place where `value` nests deeper than `limit`
 * arrays/objects, or null when it does not. Iterative; visits each node once.
 */
export function tooDeepAt(value: unknown, limit: number, base = ""): string | null {
  const stack: Visit[] = [{ value, depth: 0, parent: null, key: "" }];
  for (let visit = stack.pop(); visit !== undefined; visit = stack.pop()) {
    const current = visit.value;
    if (typeof current !== "object" || current === null) continue;
    if (visit.depth >= limit) return pointerOf(visit, base);
    // Children are pushed last-first so the first deep place in document order is found first;
    // scalars (most of a large document) are skipped without allocating anything.
    const record = current as Record<string, unknown>;
    const keys = Array.isArray(current) ? null : Object.keys(record);
    const count = keys === null ? (current as unknown[]).length : keys.length;
    for (let i = count - 1; i >= 0; i--) {
      const key = keys === null ? String(i) : (keys[i] as string);
      const child = keys === null ? (current as unknown[])[i] : record[key];
      if (typeof child === "object" && child !== null)
        stack.push({ value: child, depth: visit.depth + 1, parent: visit, key });
    }
  }
  return null;
}

/** Throws INVALID_SCHEMA when a schema document nests deeper than `MAX_DOCUMENT_DEPTH`. */
export function assertDocumentDepth(document: unknown, base: string): void {
  const at = tooDeepAt(document, MAX_DOCUMENT_DEPTH, base);
  if (at === null) return;
  const shown = at.length > 160 ? `${at.slice(0, 160)}…` : at;
  throw new CodegenError(
    "INVALID_SCHEMA",
    `the schema nests deeper than ${MAX_DOCUMENT_DEPTH} levels (at ${shown}); no Gradio app produces that, so it was not read`,
    { pointer: at },
  );
}
