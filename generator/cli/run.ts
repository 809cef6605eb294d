/**
 * Runs what the CLI asked. A single app is a project of one entry: it goes through the same
 * pipeline as every entry of a config file (config/run-entry.ts); what differs is where its
 * options come from (flags and environment) and how the outcome is reported (warnings, progress
 * line, stdout without -o, failures as one paragraph and exit 1).
 */
import { CodegenError } from "../errors.js";
import { renderToolsModule, toolsPath } from "../emit/tools-module.js";
import { generateFromSchema, type GenerateResult } from "../generate.js";
import { classifySource, loadSchema, parseCredentials, type AppCredentials } from "../load/index.js";
import { writeIfChanged } from "../output/write.js";
import { GENERATOR_VERSION } from "../version.js";
import { readConfig } from "../config/config-file.js";
import { runEntry, type RunEntry } from "../config/run-entry.js";
import { runProject } from "../config/run-project.js";
import type { CliArgs } from "./args.js";
import { endProgressLine, spaceProgress } from "./progress.js";
import { watch } from "./watch.js";

/** Returns the exit code. */
export async function run(args: CliArgs): Promise<number> {
  if (args.config !== undefined) return runConfig(args.config, args.check);
  if (args.watch && args.output !== undefined) return runWatch(args, args.output);
  let loaded = false;
  const outcome = await runEntry(cliEntry(args, () => (loaded = true)), args.check).catch((error: unknown) => {
    if (!loaded && !args.quiet) endProgressLine();
    throw error;
  });
  if (!args.quiet) {
    const warnings = outcome.result.model.diagnostics.filter((d) => d.level === "warning");
    for (const d of warnings.slice(0, 20)) process.stderr.write(`warning: ${d.message} (at ${d.pointer})\n`);
    if (warnings.length > 20) process.stderr.write(`… and ${warnings.length - 20} more warning(s)\n`);
  }
  if (outcome.kind === "checked") {
    process.stdout.write(outcome.report);
    return outcome.outcome.exitCode;
  }
  if (outcome.kind === "printed") process.stdout.write(outcome.text);
  else {
    if (!args.quiet) process.stderr.write(`${outcome.changed ? "wrote" : "unchanged"} ${outcome.output} (${outcome.result.model.endpoints.length} endpoint(s))\n`);
    if (args.tools) await writeTools(outcome.result, outcome.output, args.quiet);
  }
  return 0;
}

/** `--tools`: the endpoints as LLM tools, in `<output>.tools.ts` next to the module. */
async function writeTools(result: GenerateResult, output: string, quiet: boolean): Promise<void> {
  const { formatModule } = await import("../output/format.js");
  const path = toolsPath(output);
  const changed = await writeIfChanged(path, await formatModule(renderToolsModule(result.model, output, GENERATOR_VERSION)));
  if (!quiet) process.stderr.write(`${changed ? "wrote" : "unchanged"} ${path} (${result.model.endpoints.length} tool(s))\n`);
}

/** `--watch`: regenerate on every API change until Ctrl-C (SIGINT/SIGTERM), then exit 0. */
async function runWatch(args: CliArgs, output: string): Promise<number> {
  if (classifySource(args.source).kind === "file") {
    throw new CodegenError("USAGE", `--watch reads a running app, and ${args.source} is a schema file; pass the app's URL. Run gradio-codegen --help for usage.`);
  }
  const entry = cliEntry({ ...args, quiet: true }, () => {});
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    await watch(
      {
        source: args.source,
        output,
        allEndpoints: args.allEndpoints,
        load: () => loadSchema(args.source, { ...entry.load, allEndpoints: args.allEndpoints }),
        generate: async (raw) => {
          const result = await generateFromSchema(raw, { allEndpoints: args.allEndpoints, typecheck: args.typecheck, login: entry.login });
          if (args.tools) await writeTools(result, output, true);
          return result;
        },
      },
      { intervalMs: Math.max(50, args.watchInterval * 1000), signal: stop.signal, log: (line) => process.stderr.write(`${line}\n`) },
    );
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  return 0;
}

/** The command line as the one entry of a project. */
function cliEntry(args: CliArgs, loaded: () => void): RunEntry {
  const auth = credentials(args);
  const flags = [...(args.allEndpoints ? ["--all-endpoints"] : []), ...(args.login ? ["--login"] : []), ...(args.auth ? ["--auth <username:password>"] : [])];
  return {
    source: args.source,
    output: args.output,
    allEndpoints: args.allEndpoints,
    typecheck: args.typecheck,
    login: args.login || auth !== undefined,
    load: {
      token: args.hfToken ?? (process.env["HF_TOKEN"] || undefined),
      waitTimeoutMs: args.waitTimeout * 1000,
      pollIntervalMs: args.pollInterval * 1000,
      auth,
      ...(args.quiet ? {} : { onWait: spaceProgress() }),
    },
    saveSnapshot: args.saveSnapshot,
    regenerate: ["gradio-codegen", args.source, "-o", args.output ?? "<file>", ...flags].join(" "),
    onLoaded: (raw) => {
      loaded();
      if (auth && raw.login !== true && !args.quiet) {
        process.stderr.write(`warning: ${args.source} has no Gradio login (its /login led to the app's page), so the credentials from ${auth.from} were not needed; the module still gets login support, as with --login\n`);
      }
    },
  };
}

/**
 * Credentials of a live app: `--auth`, else `$GRADIO_AUTH` (kept off the command line, for CI
 * secrets). A schema file needs no login: `--auth` there is a usage error, `$GRADIO_AUTH` is ignored.
 */
function credentials(args: CliArgs): AppCredentials | undefined {
  const live = classifySource(args.source).kind !== "file";
  if (args.auth && !live) {
    throw new CodegenError("USAGE", `--auth logs in to a live app, and ${args.source} is a schema file; to include login support in its module, pass --login instead. Run gradio-codegen --help for usage.`);
  }
  const fromEnv = process.env["GRADIO_AUTH"];
  return args.auth ?? (live && fromEnv ? parseCredentials(fromEnv, "$GRADIO_AUTH") : undefined);
}

/** `--config`: every app of a project, one summary at the end. */
async function runConfig(path: string, check: boolean): Promise<number> {
  const outcome = await runProject(await readConfig(path), { check });
  for (const app of outcome.apps) if (app.report) (app.status === "error" ? process.stderr : process.stdout).write(app.report);
  process.stdout.write(outcome.summary);
  return outcome.exitCode;
}
