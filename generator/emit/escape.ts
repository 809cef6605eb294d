/**
 * The one escaping module: every untrusted string that reaches generated code passes through
 * here (ARCHITECTURE.md "Naming and escaping"). Generated code never puts untrusted text in
 * template literals, so no template escaping exists.
 */

const LINE_SEPARATORS = /\u2028|\u2029/g;

function escapeSeparators(json: string): string {
  // JSON.stringify leaves U+2028/U+2029 raw; they are line terminators in older JS parsers and
  // would break a `//` comment or confuse tooling.
  return json.replace(LINE_SEPARATORS, (c) => (c === "\u2028" ? "\\u2028" : "\\u2029"));
}

/**
 * A double-quoted TS/JS string literal for `value` that is also valid JSON: JSON escaping,
 * U+2028/U+2029 as `\u2028`/`\u2029`, and `"` as `\u0022` — prettier re-quotes a string holding
 * more `"` than `'` with single quotes, which would make the printed literal stop being JSON.
 */
export function stringLiteral(value: string): string {
  // In JSON.stringify's output every `"` inside the quotes is preceded by its escaping backslash.
  return `"${escapeSeparators(JSON.stringify(value).slice(1, -1)).replace(/\\"/g, "\\u0022")}"`;
}

function serialize(value: unknown, stack: unknown[]): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return Number.isFinite(value) ? JSON.stringify(value) : "null";
  if (typeof value !== "object") throw new TypeError(`jsonLiteral: ${typeof value} is not JSON`);
  if (stack.includes(value)) throw new TypeError("jsonLiteral: cyclic value");
  stack.push(value);
  let out: string;
  if (Array.isArray(value)) {
    out = "[" + value.map((v: unknown) => serialize(v, stack)).join(",") + "]";
  } else {
    const members = Object.entries(value)
      .filter(([, v]) => v !== undefined && typeof v !== "function")
      // `"__proto__": x` in an object literal sets the prototype instead of a key.
      .map(([k, v]) => `${k === "__proto__" ? `[${stringLiteral(k)}]` : stringLiteral(k)}:${serialize(v, stack)}`);
    out = "{" + members.join(",") + "}";
  }
  stack.pop();
  return out;
}

/**
 * A deterministic JS expression for a JSON value (defaults, constants, tables): compact JSON
 * with keys in insertion order, U+2028/U+2029 escaped, and a `__proto__` key written as a
 * computed key so it stays data. Throws TypeError on non-JSON input (cycles, bigint, functions).
 */
export function jsonLiteral(value: unknown): string {
  return serialize(value, []);
}

const LINE_BREAKS = /\r\n|[\r\u2028\u2029\u0085]/g;
// C0/C1 controls except tab and newline, plus bidi embeddings/overrides/isolates ("Trojan Source").
const UNSAFE_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Escapes a line-start JSDoc tag: `@deprecated` → `\@deprecated`. TypeScript only starts a tag at
 * `@` preceded by nothing but whitespace on its line; `\@` is the TSDoc escape and renders as
 * `@` in Markdown hovers, so labels cannot inject `@deprecated`, `@internal`, …
 */
function escapeLeadingAt(line: string): string {
  return line.replace(/^(\s*)@/, "$1\\@");
}

/**
 * Text made safe inside a JSDoc block: a star-slash pair is written `*\/` so it cannot close the
 * comment; line breaks (CRLF, CR, U+2028/9, NEL) → `\n`; control and bidi-override characters
 * removed; trailing whitespace trimmed per line; outer blank lines dropped; line-start `@` escaped.
 */
export function docText(text: string): string {
  const lines = text
    .replace(LINE_BREAKS, "\n")
    .replace(UNSAFE_CHARS, "")
    .replace(/\*\//g, "*\\/")
    .split("\n")
    .map((line) => escapeLeadingAt(line.replace(/\s+$/u, "")));
  while (lines.length > 0 && lines[0] === "") lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines.join("\n");
}

function wrap(line: string, maxWidth: number): string[] {
  if (line.length <= maxWidth) return [line];
  const indent = /^\s*/.exec(line)?.[0] ?? "";
  const out: string[] = [];
  let current = "";
  for (const word of line.slice(indent.length).split(/ +/)) {
    if (current !== "" && current.length + 1 + word.length > maxWidth) {
      out.push(current);
      current = indent + word;
    } else current = current === "" ? indent + word : `${current} ${word}`;
  }
  if (current !== "") out.push(current);
  return out.map(escapeLeadingAt);
}

/**
 * `docText(text)` split into lines ready to prefix with ` * ` (empty lines stay `""`), optionally
 * soft-wrapped at spaces to `maxWidth` columns (long words are never broken).
 */
export function docLines(text: string, maxWidth?: number): string[] {
  const safe = docText(text);
  if (safe === "") return [];
  const lines = safe.split("\n");
  if (maxWidth === undefined || maxWidth <= 0) return lines;
  return lines.flatMap((line) => wrap(line, maxWidth));
}
