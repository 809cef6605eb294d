/**
 * The gate: type-checks a generated module in memory with ts-morph (strict, no skipLibCheck)
 * against the runtime's real declarations before anything is written.
 */
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { Project, ts } from "ts-morph";
import { CodegenError } from "../errors.js";

/** Compiler options generated code must pass. */
export const STRICT_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ["lib.es2023.d.ts", "lib.esnext.disposable.d.ts", "lib.dom.d.ts"],
  types: [],
  skipLibCheck: false,
  // The standard library is TypeScript's own; checking it costs ~1 s and proves nothing about us.
  skipDefaultLibCheck: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
};

/** Directory of the runtime package the generated module imports. */
function runtimeRoot(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve("@gradio-codegen/runtime/package.json"));
}

/** Throws TYPECHECK with located diagnostics when the module does not compile. */
export function typecheckModule(text: string, displayName: string): void {
  const root = runtimeRoot();
  // The virtual file sits next to the runtime's node_modules so the import resolves like a user's would.
  const project = new Project({ compilerOptions: { ...STRICT_OPTIONS, paths: { "@gradio-codegen/runtime": [resolve(root, "dist/index.d.ts")] } } });
  const file = project.createSourceFile(resolve(root, "..", "__gradio_codegen_check__.ts"), text, { overwrite: true });
  const diagnostics = project.getPreEmitDiagnostics();
  if (diagnostics.length === 0) return;
  const lines = diagnostics.slice(0, 10).map((d) => {
    const where = d.getSourceFile() === file || d.getSourceFile() === undefined ? `${displayName}:${d.getLineNumber() ?? 0}` : `${d.getSourceFile()?.getFilePath()}:${d.getLineNumber() ?? 0}`;
    const message = d.getMessageText();
    const text = typeof message === "string" ? message : ts.flattenDiagnosticMessageText(message.compilerObject, "\n");
    return `  ${where}: ${text}`;
  });
  throw new CodegenError("TYPECHECK", `the generated module does not type-check (${diagnostics.length} error(s)); nothing was written:\n${lines.join("\n")}\nThis is a gradio-codegen bug: please report it with the schema.`);
}
