/**
 * Type-checks files the way the issue asks: `tsc --strict --noEmit`, no skipLibCheck, against
 * the runtime package as installed. Uses the TypeScript compiler API (same compiler as `tsc`).
 */
import ts from "typescript";

export const STRICT: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: false,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ["lib.es2023.d.ts", "lib.esnext.disposable.d.ts", "lib.dom.d.ts"],
  types: ["node"],
};

/** Returns formatted diagnostics (empty = compiles). */
export function typecheckFiles(files: readonly string[], options: ts.CompilerOptions = STRICT): string[] {
  const program = ts.createProgram(files, options);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file
      ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
      : "(global)";
    return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}
