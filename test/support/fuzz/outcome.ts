/**
 * One fuzz case through the generator as the CLI runs it (`gradio-codegen case.json -o case.ts
 * --save-snapshot …`, in-process for speed): load the file, generate, build the lock and the
 * snapshot text. The outcome must be what the CLI would turn into exit 0 with a module that
 * parses and is inert on import, or exit 1 with one paragraph (the CLI's mapping: a CodegenError
 * is exit 1, 2 for USAGE; anything else is "unexpected error … This is a bug"). Strict
 * compilation of the modules is checked afterwards, all at once (`compileModules`).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import ts from "typescript";
import { lockText, makeLock } from "../../../generator/check/lock.js";
import { CodegenError } from "../../../generator/errors.js";
import { generateFromSchema } from "../../../generator/generate.js";
import { loadSchema } from "../../../generator/load/index.js";
import { jsonText } from "./json-text.js";

export type Outcome =
  | { readonly kind: "module"; readonly file: string }
  | { readonly kind: "refused"; readonly message: string }
  | { readonly kind: "bug"; readonly problem: string };

/** Runs one case whose document is written to `dir/case-<id>.json`. */
export async function runCase(doc: unknown, dir: string, id: string, allEndpoints: boolean): Promise<Outcome> {
  const input = join(dir, `case-${id}.json`);
  writeFileSync(input, jsonText(doc));
  let text: string;
  try {
    const raw = await loadSchema(input, {});
    const result = await generateFromSchema(raw, { allEndpoints, typecheck: false });
    lockText(makeLock(result, { allEndpoints }));
    JSON.stringify(result.snapshot, null, 2);
    text = result.text;
  } catch (error) {
    return refusal(error);
  }
  const file = join(dir, `case-${id}.ts`);
  writeFileSync(file, text);
  const problem = parseProblem(text) ?? importProblem(text);
  return problem === null ? { kind: "module", file } : { kind: "bug", problem };
}

function refusal(error: unknown): Outcome {
  if (!(error instanceof CodegenError))
    return {
      kind: "bug",
      problem: `exit 1 with "unexpected error … This is a bug": ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
    };
  if (error.code === "USAGE") return { kind: "bug", problem: `exit 2 (usage error) for a schema: ${error.message}` };
  if (error.code === "TYPECHECK") return { kind: "bug", problem: `the gate refused the module: ${error.message}` };
  if (error.message.includes("\n"))
    return {
      kind: "bug",
      problem: `exit 1, but the message is not one paragraph: ${JSON.stringify(error.message.slice(0, 400))}`,
    };
  return { kind: "refused", message: error.message };
}

function parseProblem(text: string): string | null {
  const source = ts.createSourceFile("case.ts", text, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const diagnostics = (source as unknown as { parseDiagnostics: readonly ts.Diagnostic[] }).parseDiagnostics;
  const first = diagnostics[0];
  return first === undefined
    ? null
    : `the module does not parse: ${ts.flattenDiagnosticMessageText(first.messageText, " ")}`;
}

/**
 * Evaluates the module (types stripped, as CommonJS) in a fresh context where the runtime
 * package is a stub recording every call and nothing else is reachable (no fetch, timers,
 * process). Importing must call nothing, and the namespace must not be a thenable (`await
 * import()` would call its `then`).
 */
function importProblem(text: string): string | null {
  const js = ts.transpileModule(text, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const calls: string[] = [];
  const runtime = new Proxy(
    {},
    {
      get: (_target, name) =>
        typeof name === "string" ? (...args: unknown[]) => void calls.push(`${name}(${args.length} args)`) : undefined,
    },
  );
  const exports: Record<string, unknown> = {};
  const require = (id: string): unknown => {
    if (id === "@gradio-codegen/runtime" || id === "@gradio-codegen/runtime/testing") return runtime;
    calls.push(`require(${JSON.stringify(id)})`);
    return {};
  };
  try {
    vm.runInNewContext(js, { exports, module: { exports }, require }, { timeout: 5_000 });
  } catch (error) {
    return `importing the module threw: ${String(error)}`;
  }
  // The module binds its endpoints at import: createSharedClient/bindEndpoint only build closures
  // (no request, no timer; marked /* @__PURE__ */). Any other runtime call on import is a defect.
  const effects = calls.filter((c) => !/^(createSharedClient|bindEndpoint)\(/.test(c));
  if (effects.length > 0) return `importing the module ran code: ${effects.slice(0, 5).join(", ")}`;
  if (typeof exports["then"] === "function") return "the module exports `then`: `await import()` would call it";
  return null;
}
