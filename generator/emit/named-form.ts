/**
 * Whether a generated function also takes named arguments (`fn({ b: 1 })`), decided so that the
 * positional and the named form can never be mistaken for each other.
 */
import type { EndpointModel, TypeNode } from "../model/ir.js";

/**
 * Whether calls may pass named arguments: the endpoint has several parameters, and its first one can never
 * be a plain object whose keys are all parameter names (else `fn({ a: 1 })` would be ambiguous).
 * A file input can be `{ stream, … }` or FileData `{ path, … }`; JSON and objects always can.
 */
export function namedForm(endpoint: EndpointModel, declared: ReadonlyMap<string, TypeNode>): boolean {
  const first = endpoint.parameters[0];
  // With one parameter there is nothing to name or skip: `fn(x)`, or `fn()` for its default.
  if (!first || endpoint.parameters.length < 2) return false;
  const names = new Set(endpoint.parameters.map((p) => p.name));
  const seen = new Set<string>();
  const plainObject = (type: TypeNode): boolean => {
    switch (type.kind) {
      case "object":
        return type.properties.every((p) => p.optional || names.has(p.key));
      case "json":
      case "unknown":
        return true;
      case "file":
        return names.has("stream") || names.has("path");
      case "union":
        return type.members.some(plainObject);
      case "named": {
        if (seen.has(type.name)) return false;
        seen.add(type.name);
        const target = declared.get(type.name);
        return target === undefined || plainObject(target);
      }
      default:
        return false;
    }
  };
  return !plainObject(first.type);
}
