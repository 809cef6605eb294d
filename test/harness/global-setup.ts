/**
 * Vitest global setup: builds the Gradio venv (once), starts every test app in one Python
 * process and hands the tests their URLs through `inject("apps")`. Teardown always stops them.
 */
import { readdirSync } from "node:fs";
import { resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { startApps, type AppHost } from "./app-host.js";
import { GRADIO_VERSIONS } from "./gradio-versions.js";
import { ensureVenv } from "./venv.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** App name (file name under test/apps) → base URL of the running app. */
    apps: Record<string, string>;
    gradioVersion: string;
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

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const log = (line: string) => process.stderr.write(`[harness] ${line}\n`);
  const version = GRADIO_VERSIONS.current;
  const t0 = Date.now();
  const python = await ensureVenv(version, log);
  const t1 = Date.now();
  const names = testAppNames();
  const host: AppHost = await startApps({ python, apps: names });
  const t2 = Date.now();
  const setupSeconds = { venv: (t1 - t0) / 1000, apps: (t2 - t1) / 1000 };
  log(`gradio ${version}: venv ${setupSeconds.venv.toFixed(1)} s, ${names.length} apps up in ${setupSeconds.apps.toFixed(1)} s at ${host.origin}`);
  project.provide("apps", Object.fromEntries(names.map((name) => [name, host.url(name)])));
  project.provide("gradioVersion", version);
  project.provide("python", python);
  project.provide("setupSeconds", setupSeconds);
  return () => host.stop();
}
