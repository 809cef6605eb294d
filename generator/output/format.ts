/** Formats generated text with the pinned prettier (deterministic: fixed options, no config lookup). */
import { format } from "prettier";

export const PRETTIER_OPTIONS = { parser: "typescript", printWidth: 100, trailingComma: "all", semi: true, singleQuote: false } as const;

/** Prettier-formatted TypeScript. */
export function formatModule(text: string): Promise<string> {
  return format(text, PRETTIER_OPTIONS);
}
