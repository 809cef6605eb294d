/**
 * The in-memory gate (generator/output/typecheck.ts): a generated module compiles against the
 * runtime's declarations in the narrowest project it must work in (ES2022 lib, no dom, no
 * esnext.disposable, no @types/node), and a type error anywhere in it, including a global that
 * such a project lacks, is a located TYPECHECK error.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CodegenError } from "../../generator/errors.js";
import { typecheckModule } from "../../generator/output/typecheck.js";
import { EXAMPLES_DIR } from "../support/paths.js";

const whisper = readFileSync(join(EXAMPLES_DIR, "whisper", "whisper.ts"), "utf8");
const lineCount = whisper.split("\n").length;

function gateError(text: string): CodegenError {
  try {
    typecheckModule(text, "whisper.ts");
  } catch (error) {
    if (error instanceof CodegenError) return error;
    throw error;
  }
  throw new Error("the gate accepted a module with a type error");
}

describe("typecheckModule", () => {
  it("accepts a generated module, twice in one process (cached libs)", () => {
    expect(() => typecheckModule(whisper, "whisper.ts")).not.toThrow();
    expect(() => typecheckModule(whisper, "whisper.ts")).not.toThrow();
  });

  it.each([
    [
      "a plain type error",
      `export const broken: number = "x";`,
      /whisper\.ts:(\d+): Type 'string' is not assignable to type 'number'/,
    ],
    [
      "a wrong argument to a generated function",
      `export const misuse = () => predict(42);`,
      /whisper\.ts:(\d+): Argument of type 'number'/,
    ],
    [
      "a DOM global (no dom lib)",
      `export const blob: Blob | undefined = undefined;`,
      /whisper\.ts:(\d+): Cannot find name 'Blob'/,
    ],
    [
      "Symbol.asyncDispose (no esnext.disposable lib)",
      `export const key = Symbol.asyncDispose;`,
      /whisper\.ts:(\d+): Property 'asyncDispose' does not exist on type 'SymbolConstructor'/,
    ],
    [
      "a runtime option misused",
      `export const c = connect({ timeout: "no" });`,
      /whisper\.ts:(\d+): Object literal may only specify known properties, and 'timeout' does not exist in type 'ClientOptions'/,
    ],
    [
      "an unused local (strict options)",
      `function unused(): void {}`,
      /whisper\.ts:(\d+): 'unused' is declared but its value is never read/,
    ],
  ])("rejects %s with its location", (_, extra, pattern) => {
    const error = gateError(`${whisper}\n${extra}\n`);
    expect(error.code).toBe("TYPECHECK");
    const match = pattern.exec(error.message);
    expect(match, error.message).not.toBeNull();
    expect(Number(match?.[1])).toBe(lineCount + 1);
    expect(error.message).toContain("nothing was written");
  });
});
