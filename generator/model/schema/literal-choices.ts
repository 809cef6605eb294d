/** Reading enumerated choices back out of a converted type. */
import type { TypeNode } from "../ir.js";

/**
 * The choice values when `type` is a literal or a union made only of literals (e.g. a Radio or
 * Dropdown `enum`), in type order; null otherwise (including unions with `null` or `string`).
 */
export function literalChoices(type: TypeNode): (string | number | boolean)[] | null {
  if (type.kind === "literal") return [type.value];
  if (type.kind !== "union" || type.members.length === 0) return null;
  const values: (string | number | boolean)[] = [];
  for (const member of type.members) {
    if (member.kind !== "literal") return null;
    values.push(member.value);
  }
  return values;
}
