/**
 * Visits the places inside a value where files sit, as listed by the generator
 * (`ParamSpec.files`): object keys, tuple indices, and `"*"` for every array element or map value.
 */
import type { FilePath } from "../spec.js";

/** Returns a copy of `value` with `replace` applied at every file position that exists. */
export async function mapAtPaths(
  value: unknown,
  paths: readonly FilePath[],
  replace: (leaf: unknown) => unknown | Promise<unknown>,
): Promise<unknown> {
  let result = value;
  for (const path of paths) result = await mapPath(result, path, 0, replace);
  return result;
}

async function mapPath(
  node: unknown,
  path: FilePath,
  depth: number,
  replace: (leaf: unknown) => unknown | Promise<unknown>,
): Promise<unknown> {
  if (depth === path.length) return node === null || node === undefined ? node : replace(node);
  if (node === null || typeof node !== "object") return node;
  const key = path[depth] as string | number;
  if (key === "*") {
    if (Array.isArray(node)) return Promise.all(node.map((item) => mapPath(item, path, depth + 1, replace)));
    const entries = await Promise.all(
      Object.entries(node).map(async ([k, v]) => [k, await mapPath(v, path, depth + 1, replace)] as const),
    );
    return Object.fromEntries(entries);
  }
  if (Array.isArray(node)) {
    const index = Number(key);
    if (!(index in node)) return node;
    const copy = [...node];
    copy[index] = await mapPath(node[index], path, depth + 1, replace);
    return copy;
  }
  if (!(key in node)) return node;
  const record = node as Record<string, unknown>;
  return { ...record, [key]: await mapPath(record[key], path, depth + 1, replace) };
}
