/** Formatting never counts as a change; code does. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { format } from "prettier";
import { describe, expect, it } from "vitest";
import { sameCode } from "../../generator/check/same-code.js";
import { EXAMPLES_DIR } from "../support/paths.js";

const module = readFileSync(join(EXAMPLES_DIR, "calculator", "calculator.ts"), "utf8");

describe("sameCode", () => {
  it.each([
    { printWidth: 40 },
    { printWidth: 160, singleQuote: true },
    { semi: false, trailingComma: "none" as const, arrowParens: "avoid" as const },
    { useTabs: true, bracketSpacing: false, quoteProps: "consistent" as const },
  ])("a module reformatted with %o is the same code", async (options) => {
    const other = await format(module, { parser: "typescript", ...options });
    expect(other).not.toBe(module);
    expect(sameCode(module, other)).toBe(true);
  });

  it("comments do not count", () => {
    expect(sameCode(module, module.replace(/\/\*\*[\s\S]*?\*\//g, "/* gone */"))).toBe(true);
  });

  it.each([
    ["a changed choice", '"subtract"', '"minus"'],
    ["a changed fn_index", '("predict", 0,', '("predict", 1,'],
    ["a renamed export", "export const predict", "export const predict2"],
  ])("%s is a difference", (_, from, to) => {
    expect(module).toContain(from);
    expect(sameCode(module, module.replace(from, to))).toBe(false);
  });
});
