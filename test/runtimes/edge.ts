/**
 * The edge runtimes of the cross-runtime suite, both driven from the test process:
 * - Cloudflare's workerd, through miniflare (a local workerd process): the Worker module's `fetch`
 *   handler runs the scenarios inside one request and answers the report as JSON.
 * - Vercel's edge-runtime (the `edge-runtime` package: the Edge API surface in a Node VM context,
 *   no Node globals): evaluates the browser bundle and awaits the report it sets.
 * Both load from .runtimes/ (test/harness/runtimes.ts), outside the repo's type-check, so the few
 * members used are declared here and checked at run time.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export interface EdgeRun {
  readonly report: unknown;
  readonly workMs: number;
}

interface MiniflareInstance {
  dispatchFetch(url: string): Promise<{ status: number; text(): Promise<string> }>;
  dispose(): Promise<void>;
}
type MiniflareClass = new (options: {
  modules: boolean;
  script: string;
  compatibilityDate: string;
}) => MiniflareInstance;
interface EdgeRuntimeInstance {
  evaluate<T>(code: string): T;
}
type EdgeRuntimeClass = new (options: { initialCode: string }) => EdgeRuntimeInstance;

async function load<T>(packageDir: string, exportName: string): Promise<T> {
  const pkg = JSON.parse(await readFile(join(packageDir, "package.json"), "utf8")) as { main?: string };
  const imported = (await import(pathToFileURL(join(packageDir, pkg.main ?? "index.js")).href)) as Record<
    string,
    unknown
  >;
  const value = imported[exportName] ?? (imported["default"] as Record<string, unknown> | undefined)?.[exportName];
  if (typeof value !== "function") throw new Error(`${packageDir} exports no ${exportName}`);
  return value as T;
}

function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not report within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Runs the Worker module in workerd and returns the report its `fetch` handler answered. */
export async function runInWorkerd(workerBundle: string, miniflareDir: string, timeoutMs = 60_000): Promise<EdgeRun> {
  const Miniflare = await load<MiniflareClass>(miniflareDir, "Miniflare");
  const started = performance.now();
  const mf = new Miniflare({
    modules: true,
    script: await readFile(workerBundle, "utf8"),
    compatibilityDate: "2025-07-01",
  });
  try {
    const response = await within(mf.dispatchFetch("http://worker.test/"), timeoutMs, "workerd");
    const body = await response.text();
    if (response.status !== 200) throw new Error(`the Worker answered HTTP ${response.status}: ${body.slice(0, 2000)}`);
    return { report: JSON.parse(body) as unknown, workMs: performance.now() - started };
  } finally {
    await mf.dispose();
  }
}

/** Evaluates the browser bundle in Vercel's edge-runtime and awaits `globalThis.__gradioReport`. */
export async function runInEdgeRuntime(
  browserBundle: string,
  edgeRuntimeDir: string,
  timeoutMs = 60_000,
): Promise<EdgeRun> {
  const EdgeRuntime = await load<EdgeRuntimeClass>(edgeRuntimeDir, "EdgeRuntime");
  const started = performance.now();
  const runtime = new EdgeRuntime({ initialCode: await readFile(browserBundle, "utf8") });
  const report = await within(
    runtime.evaluate<Promise<unknown>>("globalThis.__gradioReport"),
    timeoutMs,
    "edge-runtime",
  );
  return { report, workMs: performance.now() - started };
}
