/**
 * JSON text of any JSON value, however deep (JSON.stringify recurses and overflows the stack at a
 * few thousand levels; fuzz documents nest 10,000 deep). Iterative; same text as JSON.stringify
 * for JSON data.
 */
export function jsonText(value: unknown): string {
  const out: string[] = [];
  // Work items: a value to write, or literal text (closing brackets, commas, keys).
  const stack: ({ value: unknown } | string)[] = [{ value }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (typeof item === "string") {
      out.push(item);
      continue;
    }
    const v = item.value;
    if (typeof v !== "object" || v === null) {
      out.push(JSON.stringify(v) ?? "null");
      continue;
    }
    const array = Array.isArray(v);
    const entries: [string | null, unknown][] = array ? v.map((x: unknown) => [null, x]) : Object.entries(v);
    out.push(array ? "[" : "{");
    stack.push(array ? "]" : "}");
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i] as [string | null, unknown];
      stack.push({ value: child });
      if (key !== null) stack.push(`${JSON.stringify(key)}:`);
      if (i > 0) stack.push(",");
    }
  }
  return out.join("");
}
