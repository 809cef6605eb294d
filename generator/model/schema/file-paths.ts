/** Where files sit inside a typed value (`ParameterModel.filePaths`). */
import type { FilePath, TypeNode } from "../ir.js";

function collect(type: TypeNode, prefix: readonly (string | number)[], out: FilePath[]): void {
  switch (type.kind) {
    case "file":
      out.push(prefix);
      return;
    case "array":
      collect(type.items, [...prefix, "*"], out);
      return;
    case "tuple":
      type.items.forEach((item, i) => collect(item, [...prefix, i], out));
      if (type.rest !== undefined) collect(type.rest, [...prefix, "*"], out);
      return;
    case "object":
      for (const prop of type.properties) collect(prop.type, [...prefix, prop.key], out);
      if (type.additional !== undefined) collect(type.additional, [...prefix, "*"], out);
      return;
    case "union":
      for (const member of type.members) collect(member, prefix, out);
      return;
    default:
      // Scalars, json, unknown; `named` is opaque here (resolve declarations before calling).
      return;
  }
}

/**
 * Every path inside a value of `type` where a `file` node sits: object keys as strings, tuple
 * positions as numbers, array elements / extra keys / tuple rest as `"*"`; a root file is `[]`.
 * Union members all contribute; duplicates removed; order is depth-first in type order.
 */
export function findFilePaths(type: TypeNode): FilePath[] {
  const all: FilePath[] = [];
  collect(type, [], all);
  const seen = new Set<string>();
  return all.filter((path) => {
    const key = JSON.stringify(path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
