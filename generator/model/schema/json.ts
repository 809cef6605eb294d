/** Small guards and JSON-pointer helpers shared by the schema converter. */

/** A plain JSON object (not an array, not null). */
export type JsonRecord = Record<string, unknown>;

/** True for a non-null, non-array object. */
export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Own-property read that never walks the prototype chain (`__proto__`, `constructor` keys). */
export function own(record: JsonRecord, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** True when `record` has `key` as an own property. */
export function has(record: JsonRecord, key: string): boolean {
  return Object.hasOwn(record, key);
}

/** Appends reference tokens to a JSON pointer (RFC 6901 escaping). */
export function childPointer(base: string, ...tokens: readonly (string | number)[]): string {
  let out = base;
  for (const token of tokens) {
    out += "/" + String(token).replace(/~/g, "~0").replace(/\//g, "~1");
  }
  return out;
}

/** Splits a `#/a/b` fragment into unescaped tokens; null when it is not a local pointer. */
export function fragmentTokens(ref: string): string[] | null {
  if (ref === "#") return [];
  if (!ref.startsWith("#/")) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(ref.slice(2));
  } catch {
    decoded = ref.slice(2);
  }
  return decoded.split("/").map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** Short description of a JSON value's shape for diagnostics. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
