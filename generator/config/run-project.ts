/**
 * Generates or checks every app of a config file, a bounded number at a time, and sums up in
 * one report. Exit code: 1 if any app could not be loaded (the Space is down, a lock is
 * corrupt…), else the worst check result (4 breaking, 3 compatible, 0 up to date).
 */
import { CHECK_EXIT } from "../check/check.js";
import { CodegenError } from "../errors.js";
import { classifySource, parseCredentials, type AppCredentials } from "../load/index.js";
import type { AppEntry, ProjectConfig } from "./config-file.js";
import { mapWithLimit } from "./pool.js";
import { runEntry } from "./run-entry.js";

export interface AppOutcome {
  readonly name: string;
  readonly status: "written" | "unchanged" | "up to date" | "compatible changes" | "BREAKING changes" | "error";
  /** The per-app report (check details or the error message). */
  readonly report: string;
  readonly exitCode: number;
}

export interface ProjectOutcome {
  readonly apps: readonly AppOutcome[];
  readonly exitCode: number;
  readonly summary: string;
}

/** Runs all apps of `config`. */
export async function runProject(config: ProjectConfig, options: { check: boolean }): Promise<ProjectOutcome> {
  const apps = await mapWithLimit(config.apps, config.concurrency, (app) => runApp(app, options.check, config.path));
  const failed = apps.some((a) => a.status === "error");
  const exitCode = failed ? 1 : Math.max(CHECK_EXIT.upToDate, ...apps.map((a) => a.exitCode));
  return { apps, exitCode, summary: summarize(config, apps) };
}

async function runApp(app: AppEntry, check: boolean, configPath: string): Promise<AppOutcome> {
  try {
    const token = app.tokenEnv ? process.env[app.tokenEnv] || undefined : undefined;
    if (app.tokenEnv && token === undefined) throw new CodegenError("USAGE", `the environment variable ${app.tokenEnv} (tokenEnv) is not set`);
    const auth = credentials(app);
    const authHint = `add "authEnv": "<NAME>" to its entry in the config file, with the environment variable <NAME> set to <username>:<password>`;
    const outcome = await runEntry(
      {
        source: app.source,
        output: app.output,
        allEndpoints: app.allEndpoints,
        typecheck: app.typecheck,
        login: app.login || app.authEnv !== undefined,
        load: { token, auth, authHint },
        // The config file carries every option of the app (and its authEnv): regenerating means running it again.
        regenerate: `gradio-codegen --config ${configPath}`,
      },
      check,
    );
    if (outcome.kind === "checked") {
      const { exitCode } = outcome.outcome;
      const status = exitCode === CHECK_EXIT.breaking ? "BREAKING changes" : exitCode === CHECK_EXIT.compatible ? "compatible changes" : "up to date";
      return { name: app.name, status, report: outcome.report, exitCode };
    }
    return { name: app.name, status: outcome.kind === "written" && !outcome.changed ? "unchanged" : "written", report: "", exitCode: 0 };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { name: app.name, status: "error", report: `${app.name}: ${message}\n`, exitCode: 1 };
  }
}

/**
 * `authEnv`'s credentials; the variable must be set (its value is never echoed). A schema file
 * needs none (its module still gets login support: `authEnv` implies `login`).
 */
function credentials(app: AppEntry): AppCredentials | undefined {
  if (app.authEnv === undefined || classifySource(app.source).kind === "file") return undefined;
  const value = process.env[app.authEnv];
  if (!value) throw new CodegenError("USAGE", `the environment variable ${app.authEnv} (authEnv) is not set`);
  return parseCredentials(value, `$${app.authEnv} (authEnv)`);
}

function summarize(config: ProjectConfig, apps: readonly AppOutcome[]): string {
  const width = Math.max(...apps.map((a) => a.name.length));
  const counts = new Map<string, number>();
  for (const a of apps) counts.set(a.status, (counts.get(a.status) ?? 0) + 1);
  const stale = apps.filter((a) => a.status === "BREAKING changes" || a.status === "compatible changes" || a.status === "error").map((a) => a.name);
  const head = `${config.path}: ${apps.length} app(s): ${[...counts].map(([s, n]) => `${n} ${s}`).join(", ")}${stale.length > 0 ? ` — needs attention: ${stale.join(", ")}` : ""}`;
  return [head, ...apps.map((a) => `  ${a.name.padEnd(width)}  ${a.status}`)].join("\n") + "\n";
}
