/**
 * Vitest global setup: builds the Gradio venv of one line (once), starts that line's test apps in
 * one Python process and hands the tests their URLs through `inject("apps")`. Teardown always
 * stops them. The default export serves the current line; global-setup-v5/-v4 the older ones.
 */
import { readdirSync } from "node:fs";
import { resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { startApps, type AppHost } from "./app-host.js";
import { GRADIO_VERSIONS, type GradioLine } from "./gradio-versions.js";
import { LINE_APPS } from "./lines.js";
import { ensureVenv } from "./venv.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** App name (file name under test/apps) → base URL of the running app. */
    apps: Record<string, string>;
    /** The Gradio release the apps run on, e.g. "6.31.0" (see also test/harness/lines.ts). */
    gradioVersion: string;
    gradioLine: GradioLine;
    python: string;
    /** Seconds spent on venv set-up and on starting the apps (reported in CI logs). */
    setupSeconds: { venv: number; apps: number };
  }
}

/** Every `test/apps/*.py` except the host script and private modules. */
export function testAppNames(): string[] {
  return readdirSync(resolve(import.meta.dirname, "..", "apps"))
    .filter((file) => file.endsWith(".py") && file !== "serve.py" && !file.startsWith("_"))
    .map((file) => file.slice(0, -3))
    .sort();
}

/** Sets up one Gradio line for `project`; returns the teardown. */
export async function setupLine(project: TestProject, line: GradioLine): Promise<() => Promise<void>> {
  const log = (text: string) => process.stderr.write(`[harness] ${text}\n`);
  const version = GRADIO_VERSIONS[line];
  const t0 = Date.now();
  const python = await ensureVenv(version, log);
  const t1 = Date.now();
  const only = LINE_APPS[line];
  const names = testAppNames().filter((name) => only === null || only.includes(name));
  const host: AppHost = await startApps({ python, apps: names });
  const t2 = Date.now();
  const setupSeconds = { venv: (t1 - t0) / 1000, apps: (t2 - t1) / 1000 };
  log(
    `gradio ${version}: venv ${setupSeconds.venv.toFixed(1)} s, ${names.length} apps up in ${setupSeconds.apps.toFixed(1)} s at ${host.origin}`,
  );
  project.provide("apps", Object.fromEntries(names.map((name) => [name, host.url(name)])));
  project.provide("gradioVersion", version);
  project.provide("gradioLine", line);
  project.provide("python", python);
  project.provide("setupSeconds", setupSeconds);
  return () => host.stop();
}

export default function setup(project: TestProject): Promise<() => Promise<void>> {
  return setupLine(project, "current");
}
