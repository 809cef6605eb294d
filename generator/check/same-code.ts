/**
 * Compares two TypeScript texts ignoring formatting: comments, whitespace, quote style,
 * semicolons, trailing commas and optional parentheses around a lone arrow parameter do not
 * count. Used by `--check` so a module reformatted with other prettier options is up to date.
 */
const OPERATORS = [
  "...",
  "===",
  "!==",
  "??=",
  "=>",
  "?.",
  "??",
  "==",
  "!=",
  "&&",
  "||",
  "<=",
  ">=",
  "++",
  "--",
  "+=",
  "-=",
];

/**
 * The significant tokens of `text`: identifiers, numbers, operators, and string literals by their
 * *value* (quote style and escapes do not count). A small tokenizer for the code this project
 * generates (no regular-expression literals, no template substitutions); it loads no compiler, so
 * `--check` stays fast.
 */
export function significantTokens(text: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      i++;
    } else if (text.startsWith("//", i)) {
      i = text.indexOf("\n", i) === -1 ? text.length : text.indexOf("\n", i);
    } else if (text.startsWith("/*", i)) {
      i = text.indexOf("*/", i + 2) === -1 ? text.length : text.indexOf("*/", i + 2) + 2;
    } else if (ch === '"' || ch === "'" || ch === "`") {
      const [value, next] = readString(text, i);
      tokens.push(`str:${value}`);
      i = next;
    } else if (/[\p{L}_$]/u.test(ch)) {
      const match = /^[\p{L}\p{N}_$]+/u.exec(text.slice(i, i + 256)) as RegExpExecArray;
      tokens.push(match[0]);
      i += match[0].length;
    } else if (/[0-9]/.test(ch)) {
      const match = /^[0-9][0-9a-zA-Z_.]*/.exec(text.slice(i, i + 64)) as RegExpExecArray;
      tokens.push(match[0]);
      i += match[0].length;
    } else {
      const op = OPERATORS.find((o) => text.startsWith(o, i)) ?? ch;
      if (op !== ";") tokens.push(op);
      i += op.length;
    }
  }
  return normalize(tokens);
}

/** Reads the literal starting at `start`; returns its decoded value and the index after it. */
function readString(text: string, start: number): [string, number] {
  const quote = text[start];
  let value = "";
  let i = start + 1;
  while (i < text.length && text[i] !== quote) {
    if (text[i] !== "\\") {
      value += text[i];
      i++;
      continue;
    }
    const next = text[i + 1] ?? "";
    const simple: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f", v: "\v", "0": "\0" };
    if (next === "u" && text[i + 2] === "{") {
      const close = text.indexOf("}", i);
      value += String.fromCodePoint(parseInt(text.slice(i + 3, close), 16));
      i = close + 1;
    } else if (next === "u" || next === "x") {
      const length = next === "u" ? 4 : 2;
      value += String.fromCharCode(parseInt(text.slice(i + 2, i + 2 + length), 16));
      i += 2 + length;
    } else if (next === "\r" || next === "\n") {
      i += text.startsWith("\r\n", i + 1) ? 3 : 2; // line continuation
    } else {
      value += simple[next] ?? next;
      i += 2;
    }
  }
  return [value, i + 1];
}

function normalize(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    // leading `|`/`&` of a broken-up union or intersection: `= | "a" | "b"`
    if (
      (token === "|" || token === "&") &&
      ["=", ":", "(", "<", ",", "[", "=>", undefined].includes(out[out.length - 1])
    )
      continue;
    // trailing comma: `,` directly before a closing bracket
    if (token === "," && [")", "]", "}", ">"].includes(tokens[i + 1] ?? "")) continue;
    // `(x) =>` ≡ `x =>`
    if (
      token === "(" &&
      tokens[i + 2] === ")" &&
      tokens[i + 3] === "=>" &&
      /^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(tokens[i + 1] ?? "")
    ) {
      out.push(tokens[i + 1] as string);
      i += 2;
      continue;
    }
    out.push(token);
  }
  return out;
}

/** True when the two texts differ only in formatting. */
export function sameCode(a: string, b: string): boolean {
  const left = significantTokens(a);
  const right = significantTokens(b);
  return left.length === right.length && left.every((token, i) => token === right[i]);
}
