/**
 * Starts the Python test apps (test/apps/*.py) in one process, each mounted at `/<name>`, on a
 * free 127.0.0.1 port chosen by the OS, waits until every app answers `/config`, and stops the
 * process (and its group) on `stop()`. The Python side also exits when its stdin closes, so no
 * server outlives the harness even if Node is killed.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";

const APPS_DIR = resolve(import.meta.dirname, "..", "apps");
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 10_000;

export interface AppHost {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly port: number;
  readonly pid: number;
  /** Base URL of one mounted app, e.g. `http://127.0.0.1:4321/calculator`. */
  url(app: string): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly python: string;
  readonly apps: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** Folder holding `serve.py` and the app modules (default: test/apps). */
  readonly appsDir?: string;
  /**
   * Host script in `appsDir` (default `serve.py`: every app mounted at `/<name>` in one server).
   * A script may instead print `READY {"app": port, …}`, one server per app at its root (the
   * bench's `launch.py`, which starts each app with Gradio's own `launch()`).
   */
  readonly script?: string;
}

/** Starts the apps and resolves once all of them serve `/config`. */
export async function startApps(options: StartOptions): Promise<AppHost> {
  const appsDir = options.appsDir ?? APPS_DIR;
  const child = spawn(options.python, [resolve(appsDir, options.script ?? "serve.py"), ...options.apps], {
    cwd: appsDir,
    detached: true,
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, GRADIO_ANALYTICS_ENABLED: "False", PYTHONUNBUFFERED: "1", ...options.env },
  });
  const stop = () => stopProcess(child);
  const onExit = () => killGroup(child, "SIGKILL");
  process.once("exit", onExit);
  try {
    const ready = await waitForReadyLine(child);
    const port = typeof ready === "number" ? ready : (Object.values(ready)[0] ?? -1);
    const origin = `http://127.0.0.1:${port}`;
    const url = (app: string) =>
      typeof ready === "number" ? `${origin}/${mountPath(app)}` : `http://127.0.0.1:${ready[app] ?? -1}`;
    await Promise.all(options.apps.map((app) => waitForHttp(`${url(app)}/config`, child)));
    return {
      origin,
      port,
      pid: child.pid ?? -1,
      url,
      stop: async () => {
        process.off("exit", onExit);
        await stop();
      },
    };
  } catch (error) {
    process.off("exit", onExit);
    await stop();
    throw error;
  }
}

/** `name` or `mount=module:variant` (see serve.py) → the path the app is mounted at. */
function mountPath(app: string): string {
  return app.split("=")[0] as string;
}

/** `READY <port>` (one server, apps mounted at paths) or `READY {"app": port, …}` (a server per app). */
function waitForReadyLine(child: ChildProcess): Promise<number | Record<string, number>> {
  return new Promise((resolvePromise, reject) => {
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(
      () => fail(new Error(`test apps did not start within ${READY_TIMEOUT_MS} ms`)),
      READY_TIMEOUT_MS,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(new Error(`${error.message}\n--- app host stderr ---\n${stderr.slice(-4000)}`));
    };
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
      if (process.env["GRADIO_CODEGEN_TEST_VERBOSE"]) process.stderr.write(chunk);
    });
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      const match = /READY (\d+|\{.*\})\n/.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolvePromise(match[1].startsWith("{") ? (JSON.parse(match[1]) as Record<string, number>) : Number(match[1]));
      }
    });
    child.once("error", fail);
    child.once("exit", (code, signal) => fail(new Error(`test apps exited early (code ${code}, signal ${signal})`)));
  });
}

async function waitForHttp(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = "";
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`test apps exited while waiting for ${url}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await response.body?.cancel();
      // 401: an app mounted with `auth=` guards /config too (Gradio 6.x), but it is up.
      if (response.ok || response.status === 401) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${READY_TIMEOUT_MS} ms (last: ${last})`);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  child.stdin?.end();
  killGroup(child, "SIGTERM");
  const timer = setTimeout(() => killGroup(child, "SIGKILL"), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
