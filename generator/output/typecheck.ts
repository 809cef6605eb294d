/**
 * The gate: type-checks a generated module in memory (strict, no skipLibCheck) against the
 * runtime's real declarations before anything is written. Uses the TypeScript that ts-morph
 * bundles, through its compiler API: a program over one virtual file, the ES2022 lib and the
 * runtime's `.d.ts` from disk.
 * Parsed library files are kept for the life of the process (they never change; binding is kept
 * on them too), so a second check in the same process only parses and checks the module.
 * The runtime's declarations are checked too (no skipLibCheck), once per process: the first check
 * (the worker's warm-up, off the critical path) checks them and records their diagnostics; later
 * checks over the very same parsed declaration files skip re-checking them (`skipLibCheck`, which
 * only concerns `.d.ts` files) and report the recorded diagnostics instead. Same verdict, ~0.1–0.3 s
 * less per check.
 */
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { readFileSync } from "node:fs";
import type * as TsMorphCommon from "@ts-morph/common";
import { CodegenError } from "../errors.js";

type Ts = typeof TsMorphCommon.ts;
type CompilerOptions = TsMorphCommon.ts.CompilerOptions;
type SourceFile = TsMorphCommon.ts.SourceFile;
type Diagnostic = TsMorphCommon.ts.Diagnostic;

/** The declaration files of the last full check and their diagnostics (see the header). */
let checkedDeclarations:
  | { readonly files: readonly SourceFile[]; readonly diagnostics: readonly Diagnostic[] }
  | undefined;

const sameFiles = (a: readonly SourceFile[], b: readonly SourceFile[]): boolean =>
  a.length === b.length && a.every((file, i) => file === b[i]);

/** The TypeScript and lib files bundled with ts-morph (resolved from ts-morph itself, as it pins them). */
function loadCompiler(): { ts: Ts; libs: Map<string, string> } {
  const fromHere = createRequire(import.meta.url);
  const common = createRequire(fromHere.resolve("ts-morph"))("@ts-morph/common") as typeof TsMorphCommon;
  return { ts: common.ts, libs: new Map(common.getLibFiles().map((f) => [f.fileName, f.text])) };
}

const { ts, libs } = loadCompiler();

/** Compiler options generated code must pass. */
export const STRICT_OPTIONS: CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  // The narrowest project a module must compile in: ES2022, no `dom`, no `esnext.disposable`, no
  // @types/node (the runtime's declarations need none of them, see runtime/src/platform.ts).
  // Nothing is added that a user's project might lack, so the gate fails wherever a user would;
  // wider libs (dom, disposal, @types/node) are compiled by test/consumer's matrix.
  lib: ["lib.es2022.d.ts"],
  types: [],
  skipLibCheck: false,
  // The standard library is TypeScript's own; checking it costs ~1 s and proves nothing about us.
  skipDefaultLibCheck: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
};

/** Virtual folder the lib files are served from. */
const LIB_DIR = "/__gradio_codegen_lib__";

/** Directory of the runtime package the generated module imports. */
function runtimeRoot(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve("@gradio-codegen/runtime/package.json"));
}

/** Parsed files that do not change between checks: libs forever, disk files while their text is the same. */
const parsed = new Map<string, { text: string; file: SourceFile }>();

function sourceFile(
  fileName: string,
  text: string,
  version: TsMorphCommon.ts.ScriptTarget | TsMorphCommon.ts.CreateSourceFileOptions,
): SourceFile {
  const hit = parsed.get(fileName);
  if (hit && hit.text === text) return hit.file;
  const file = ts.createSourceFile(fileName, text, version, false);
  parsed.set(fileName, { text, file });
  return file;
}

function readText(fileName: string): string | undefined {
  if (fileName.startsWith(`${LIB_DIR}/`)) return libs.get(fileName.slice(LIB_DIR.length + 1));
  try {
    return readFileSync(fileName, "utf8");
  } catch {
    return undefined;
  }
}

/** A compiler host over the real disk (for the runtime) plus the virtual module and libs. */
function compilerHost(options: CompilerOptions, moduleName: string, moduleText: string): TsMorphCommon.ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  const read = (fileName: string) => (fileName === moduleName ? moduleText : readText(fileName));
  host.getDefaultLibLocation = () => LIB_DIR;
  host.getDefaultLibFileName = (o) => `${LIB_DIR}/${ts.getDefaultLibFileName(o)}`;
  host.readFile = read;
  host.fileExists = (fileName) =>
    fileName === moduleName ||
    (fileName.startsWith(`${LIB_DIR}/`) ? libs.has(fileName.slice(LIB_DIR.length + 1)) : ts.sys.fileExists(fileName));
  host.getSourceFile = (fileName, languageVersionOrOptions) => {
    const text = read(fileName);
    if (text === undefined) return undefined;
    if (fileName === moduleName) return ts.createSourceFile(fileName, text, languageVersionOrOptions, false);
    return sourceFile(fileName, text, languageVersionOrOptions);
  };
  host.writeFile = () => undefined;
  // As tsc does: JSDoc in .ts files only matters for a few errors; parsing all of it (every
  // endpoint is documented) is a large share of a big module's check.
  host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
  return host;
}

/**
 * Throws TYPECHECK with located diagnostics when the module does not compile; `parseOnly`: a text
 * that must parse without syntax errors as well (the whole of a large module, see twins.ts).
 */
export function typecheckModule(text: string, displayName: string, parseOnly?: string): void {
  const root = runtimeRoot();
  const options: CompilerOptions = {
    ...STRICT_OPTIONS,
    paths: { "@gradio-codegen/runtime": [resolve(root, "dist/index.d.ts")] },
  };
  // The virtual file sits next to the runtime's node_modules so the import resolves like a user's would.
  const moduleName = resolve(root, "..", "__gradio_codegen_check__.ts");
  const diagnostics = [
    ...(parseOnly === undefined ? [] : syntaxErrors(moduleName, parseOnly)),
    ...check(options, moduleName, text),
  ];
  if (diagnostics.length === 0) return;
  const lines = diagnostics.slice(0, 10).map((d) => {
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    const where =
      d.file === undefined || d.file.fileName === moduleName ? `${displayName}:${line}` : `${d.file.fileName}:${line}`;
    return `  ${where}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
  throw new CodegenError(
    "TYPECHECK",
    `the generated module does not type-check (${diagnostics.length} error(s)); nothing was written:\n${lines.join("\n")}\nThis is a gradio-codegen bug: please report it with the schema.`,
  );
}

/** Syntax errors of `text` as the module file (a parse, without binding or checking). */
function syntaxErrors(moduleName: string, text: string): readonly Diagnostic[] {
  const file = ts.createSourceFile(moduleName, text, {
    languageVersion: ts.ScriptTarget.ES2022,
    jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeErrors,
  });
  return (file as SourceFile & { readonly parseDiagnostics?: readonly Diagnostic[] }).parseDiagnostics ?? [];
}

/** The module's diagnostics and those of the declarations it uses (checked once per process, see the header). */
function check(options: CompilerOptions, moduleName: string, text: string): readonly Diagnostic[] {
  const host = compilerHost(options, moduleName, text);
  const known = checkedDeclarations;
  const program = ts.createProgram({
    rootNames: [moduleName],
    options: known ? { ...options, skipLibCheck: true } : options,
    host,
  });
  const declarations = program.getSourceFiles().filter((file) => file.fileName !== moduleName);
  if (known && sameFiles(known.files, declarations))
    return [...known.diagnostics, ...ts.getPreEmitDiagnostics(program)];
  // First check, or the declarations changed (a rebuilt runtime): a full check, recorded.
  const full = known ? ts.createProgram({ rootNames: [moduleName], options, host }) : program;
  const diagnostics = ts.getPreEmitDiagnostics(full);
  checkedDeclarations = {
    files: full.getSourceFiles().filter((file) => file.fileName !== moduleName),
    diagnostics: diagnostics.filter((d) => d.file !== undefined && d.file.fileName !== moduleName),
  };
  return diagnostics;
}

/** Loads and parses the compiler, libs and runtime declarations ahead of the first real check. */
export function warmUp(): void {
  try {
    typecheckModule(
      `import type { AppSpec } from "@gradio-codegen/runtime";\nexport const app: AppSpec | undefined = undefined;\n`,
      "warm-up",
    );
  } catch {
    // The real check reports whatever is wrong, with the real module's name.
  }
}
