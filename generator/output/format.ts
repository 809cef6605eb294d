/** Formats generated text with the pinned prettier (deterministic: fixed options, no config lookup). */
import { format } from "prettier";

export const PRETTIER_OPTIONS = {
  parser: "typescript",
  printWidth: 100,
  trailingComma: "all",
  semi: true,
  singleQuote: false,
} as const;

/**
 * Rendered modules larger than this (about 900 endpoints of common components) are not run
 * through prettier: it is superlinear and alone takes longer than the 5 s budget of a 5,000-endpoint
 * app (README "Large apps"). They keep the templates' own layout (2-space indentation, one member
 * per line), tidied by `tidy`; deterministic like prettier's, and `--check` ignores layout.
 */
export const MAX_PRETTIER_CHARS = 1_000_000;

/**
 * Prettier-formatted TypeScript (template layout past `MAX_PRETTIER_CHARS`). The `.mts` file name
 * (nothing is read or written) tells prettier's TypeScript parser the text is a module without
 * JSX; without one it sniffs for JSX with a regular expression that is quadratic on a large
 * module (2 s of 11 at 2,000 endpoints). Same output.
 */
export async function formatModule(text: string): Promise<string> {
  if (text.length > MAX_PRETTIER_CHARS) return tidy(text);
  return format(text, { ...PRETTIER_OPTIONS, filepath: "generated-module.mts" });
}

/** No trailing spaces, no runs of blank lines, one final newline. */
export function tidy(text: string): string {
  return `${text
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}
