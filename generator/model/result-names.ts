/**
 * Which result names a multi-result tuple can also be read by (runtime `nameResults`): not the
 * ones arrays already have. A fixed ES2023 list, so generated types do not depend on the Node
 * version that ran the generator; the runtime checks `name in array` on its own engine.
 */
const ARRAY_MEMBERS = new Set([
  "length",
  "constructor",
  "at",
  "concat",
  "copyWithin",
  "entries",
  "every",
  "fill",
  "filter",
  "find",
  "findIndex",
  "findLast",
  "findLastIndex",
  "flat",
  "flatMap",
  "forEach",
  "includes",
  "indexOf",
  "join",
  "keys",
  "lastIndexOf",
  "map",
  "pop",
  "push",
  "reduce",
  "reduceRight",
  "reverse",
  "shift",
  "slice",
  "some",
  "sort",
  "splice",
  "toLocaleString",
  "toReversed",
  "toSorted",
  "toSpliced",
  "toString",
  "unshift",
  "values",
  "with",
  "group",
  "groupToMap",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "valueOf",
  "__proto__",
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__",
]);

/** True when a result called `name` can be read as `result.name`. */
export function isNamedResultKey(name: string): boolean {
  return !ARRAY_MEMBERS.has(name) && !/^\d/.test(name);
}
