/**
 * Applies the edit lists of `process_generating` messages (sse_v2+, docs/protocol.md §3.2
 * "Generator diffs") to the previous value. Pure: returns a new value, never mutates the input.
 */

type Edit = readonly [op: string, path: readonly (string | number)[], value: unknown];

/** True when `value` is a list of edits rather than a full value. */
export function isEditList(value: unknown): value is Edit[] {
  return (
    Array.isArray(value) &&
    value.every(
      (e) =>
        Array.isArray(e) &&
        e.length === 3 &&
        typeof e[0] === "string" &&
        ["replace", "append", "add", "delete"].includes(e[0]) &&
        Array.isArray(e[1]),
    )
  );
}

/** Applies `edits` in order to a copy of `base`. */
export function applyDiff(base: unknown, edits: readonly Edit[]): unknown {
  let root = structuredClone(base);
  for (const [op, path, value] of edits) {
    if (path.length === 0) {
      root = op === "append" ? appendTo(root, value) : op === "delete" ? null : structuredClone(value);
      continue;
    }
    const parent = walk(root, path.slice(0, -1));
    const key = path[path.length - 1] as string | number;
    if (parent === undefined || parent === null || typeof parent !== "object") continue;
    if (Array.isArray(parent)) {
      const index = Number(key);
      if (op === "replace") parent[index] = structuredClone(value);
      else if (op === "append") parent[index] = appendTo(parent[index], value);
      else if (op === "add") parent.splice(index, 0, structuredClone(value));
      else if (op === "delete") parent.splice(index, 1);
    } else {
      const record = parent as Record<string, unknown>;
      const name = String(key);
      if (op === "replace" || op === "add") record[name] = structuredClone(value);
      else if (op === "append") record[name] = appendTo(record[name], value);
      else if (op === "delete") delete record[name];
    }
  }
  return root;
}

function walk(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function appendTo(current: unknown, value: unknown): unknown {
  if (typeof current === "string" && typeof value === "string") return current + value;
  if (Array.isArray(current) && Array.isArray(value)) return [...current, ...structuredClone(value)];
  if (typeof current === "number" && typeof value === "number") return current + value;
  if (current === null || current === undefined) return structuredClone(value);
  return value;
}
