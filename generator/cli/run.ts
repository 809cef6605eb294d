/**
 * Runs what the CLI asked. A single app is a project of one entry: it goes through the same
 * pipeline as every entry of a config file (config/run-entry.ts); what differs is where its
 * options come from (flags and environment) and how the outcome is reported (warnings, progress
 * line, stdout without -o, failures as one paragraph and exit 1).
 */
import { CodegenError } from "../errors.js";
import { classifySource, parseCredentials, type AppCredentials } from "../load/index.js";
import { readConfig } from "../config/config-file.js";
import { runEntry, type RunEntry } from "../config/run-entry.js";
import { runProject } from "../config/run-project.js";
import type { CliArgs } from "./args.js";
import { endProgressLine, spaceProgress } from "./progress.js";

/** Returns the exit code. */
export async function run(args: CliArgs): Promise<number> {
  if (args.config !== undefined) return runConfig(args.config, args.check);
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
  else if (!args.quiet) process.stderr.write(`${outcome.changed ? "wrote" : "unchanged"} ${outcome.output} (${outcome.result.model.endpoints.length} endpoint(s))\n`);
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
