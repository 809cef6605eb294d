/**
 * Run-time check of a result against its declared type: walks the generator's IR type (the same
 * `TypeNode` the module's types are printed from), so a value that contradicts its TypeScript type
 * is found whatever its shape. A result may be an update (`GradioUpdate`) of its type.
 */
import { GradioFile, GradioUpdate } from "@gradio-codegen/runtime";
import type { TypeNode } from "../../generator/model/ir.js";

/** Where the value first contradicts the type (a path like `$[1].data`), or null when it conforms. */
export function contradiction(
  value: unknown,
  type: TypeNode,
  named: ReadonlyMap<string, TypeNode>,
  path = "$",
): string | null {
  if (value instanceof GradioUpdate)
    return value.hasValue ? contradiction(value.value, type, named, `${path}.value`) : null;
  return check(value, type, named, path);
}

function check(value: unknown, type: TypeNode, named: ReadonlyMap<string, TypeNode>, path: string): string | null {
  const fail = () => `${path}: ${JSON.stringify(value)?.slice(0, 80)} is not ${type.kind}`;
  switch (type.kind) {
    case "unknown":
    case "json":
      return null;
    case "string":
    case "number":
    case "boolean":
      return typeof value === type.kind ? null : fail();
    case "null":
      return value === null ? null : fail();
    case "literal":
      return value === type.value ? null : fail();
    case "file":
      return value instanceof GradioFile ? null : fail();
    case "named": {
      const target = named.get(type.name);
      return target ? check(value, target, named, path) : `${path}: unknown type ${type.name}`;
    }
    case "union":
      return type.members.some((m) => check(value, m, named, path) === null) ? null : fail();
    case "array":
      if (!Array.isArray(value)) return fail();
      for (const [i, item] of value.entries()) {
        const bad = check(item, type.items, named, `${path}[${i}]`);
        if (bad) return bad;
      }
      return null;
    case "tuple": {
      if (
        !Array.isArray(value) ||
        value.length < type.items.length ||
        (type.rest === undefined && value.length > type.items.length)
      )
        return fail();
      for (const [i, item] of value.entries()) {
        const itemType = type.items[i] ?? type.rest;
        const bad = itemType ? check(item, itemType, named, `${path}[${i}]`) : null;
        if (bad) return bad;
      }
      return null;
    }
    case "object": {
      if (typeof value !== "object" || value === null || Array.isArray(value) || value instanceof GradioFile)
        return fail();
      const record = value as Record<string, unknown>;
      for (const p of type.properties) {
        if (!(p.key in record) || record[p.key] === undefined) {
          if (p.optional) continue;
          return `${path}.${p.key}: missing`;
        }
        const bad = check(record[p.key], p.type, named, `${path}.${p.key}`);
        if (bad) return bad;
      }
      const known = new Set(type.properties.map((p) => p.key));
      for (const [key, item] of Object.entries(record)) {
        if (known.has(key)) continue;
        if (!type.additional) return `${path}.${key}: not declared`;
        const bad = check(item, type.additional, named, `${path}.${key}`);
        if (bad) return bad;
      }
      return null;
    }
  }
}
