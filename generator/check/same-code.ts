/**
 * Compares two TypeScript texts ignoring formatting: comments, whitespace, quote style,
 * semicolons, trailing commas and optional parentheses around a lone arrow parameter do not
 * count. Used by `--check` so a module reformatted with other prettier options is up to date.
 */
import { ts } from "ts-morph";

/** The significant tokens of `text`. */
export function significantTokens(text: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  const tokens: string[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.SemicolonToken) continue;
    const isString = kind === ts.SyntaxKind.StringLiteral || kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral;
    tokens.push(isString ? `str:${scanner.getTokenValue()}` : scanner.getTokenText());
  }
  return normalize(tokens);
}

function normalize(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    // leading `|`/`&` of a broken-up union or intersection: `= | "a" | "b"`
    if ((token === "|" || token === "&") && ["=", ":", "(", "<", ",", "[", "=>", undefined].includes(out[out.length - 1])) continue;
    // trailing comma: `,` directly before a closing bracket
    if (token === "," && [")", "]", "}", ">"].includes(tokens[i + 1] ?? "")) continue;
    // `(x) =>` ≡ `x =>`
    if (token === "(" && tokens[i + 2] === ")" && tokens[i + 3] === "=>" && /^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(tokens[i + 1] ?? "")) {
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
