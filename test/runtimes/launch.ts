/**
 * Runs the prepared scripts: a CLI runtime (Deno, Bun) as a child process that prints one report
 * line and must then exit by itself, and the browser bundle in headless Chromium (playwright-core)
 * on a page served from 127.0.0.1 on a port of its own — cross-origin to the Gradio apps, which
 * Gradio's CORS middleware allows for localhost origins. Every wait is bounded; every process is
 * killed on the way out.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { REPORT_PREFIX } from "./prepare.js";

const live = new Set<ChildProcess>();
process.once("exit", () => killAll());

/** Kills every child process still running (for afterAll). */
export function killAll(): void {
  for (const child of live) child.kill("SIGKILL");
  live.clear();
}

export interface ProcessRun {
  /** The parsed report line, or undefined if none was printed. */
  readonly report: unknown;
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Start → report line. */
  readonly workMs: number;
  /** Report line → exit; null if the process did not exit within the budget and was killed. */
  readonly exitMs: number | null;
}

export interface ProcessOptions {
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string>>;
  /** Start → report line, else killed (default 45 s). */
  readonly timeoutMs?: number;
  /** Report line → exit, else killed and `exitMs: null` (default 2 s). */
  readonly exitBudgetMs?: number;
}

/** Runs `command args`, waits for its report line and then for it to exit by itself. */
export function runProcess(command: string, args: readonly string[], options: ProcessOptions): Promise<ProcessRun> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: "1", ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    live.add(child);
    let stdout = "";
    let stderr = "";
    let reportAt: number | undefined;
    let killedAfterReport = false;
    let exitTimer: NodeJS.Timeout | undefined;
    const workTimer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 45_000);
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      if (reportAt === undefined && stdout.split("\n").some((line) => line.startsWith(REPORT_PREFIX))) {
        reportAt = performance.now();
        clearTimeout(workTimer);
        exitTimer = setTimeout(() => {
          killedAfterReport = true;
          child.kill("SIGKILL");
        }, options.exitBudgetMs ?? 2_000);
      }
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", (error) => {
      clearTimeout(workTimer);
      clearTimeout(exitTimer);
      live.delete(child);
      reject(new Error(`${command} could not start: ${error.message}`));
    });
    child.on("close", (code) => {
      const now = performance.now();
      clearTimeout(workTimer);
      clearTimeout(exitTimer);
      live.delete(child);
      const line = stdout.split("\n").find((l) => l.startsWith(REPORT_PREFIX));
      if (line === undefined || reportAt === undefined) {
        reject(
          new Error(
            `${command} ${args.join(" ")} printed no report (exit code ${code}, ${((now - started) / 1000).toFixed(1)} s)\n--- stdout ---\n${stdout.slice(-4000)}\n--- stderr ---\n${stderr.slice(-4000)}`,
          ),
        );
        return;
      }
      resolvePromise({
        report: JSON.parse(line.slice(REPORT_PREFIX.length)) as unknown,
        code,
        stdout,
        stderr,
        workMs: reportAt - started,
        exitMs: killedAfterReport ? null : now - reportAt,
      });
    });
  });
}

/** The parts of playwright-core's API used here (it is loaded from .runtimes/, outside the type-check). */
interface Page {
  goto(url: string, options: { timeout: number }): Promise<unknown>;
  evaluate<T>(fn: () => T | Promise<T>): Promise<T>;
  on(event: "pageerror", listener: (error: Error) => void): void;
  on(event: "console", listener: (message: { type(): string; text(): string }) => void): void;
}
interface Browser {
  newPage(): Promise<Page>;
  version(): string;
  close(): Promise<void>;
}
interface Launcher {
  launch(options: { executablePath: string; headless: boolean; args: string[]; timeout: number }): Promise<Browser>;
}

function isLauncher(value: unknown): value is Launcher {
  return (
    typeof value === "object" && value !== null && typeof (value as Record<string, unknown>)["launch"] === "function"
  );
}

export interface BrowserRun {
  readonly report: unknown;
  readonly version: string;
  /** Uncaught page errors and console errors, for failure messages. */
  readonly problems: string[];
  readonly workMs: number;
}

/** Serves `dir` (index.html + bundle.js) on 127.0.0.1 and runs it in headless Chromium. */
export async function runInChromium(
  dir: string,
  options: { playwrightCore: string; chromium: string; timeoutMs?: number },
): Promise<BrowserRun> {
  const imported = (await import(pathToFileURL(options.playwrightCore).href)) as Record<string, unknown>;
  const chromium = imported["chromium"];
  if (!isLauncher(chromium)) throw new Error(`${options.playwrightCore} has no chromium.launch()`);
  const server = createServer((req, res) => {
    const file = req.url === "/" ? "index.html" : req.url === "/bundle.js" ? "bundle.js" : null;
    if (file === null) {
      res.writeHead(404).end();
      return;
    }
    readFile(join(dir, file)).then(
      (body) =>
        res
          .writeHead(200, { "content-type": file.endsWith(".js") ? "text/javascript" : "text/html; charset=utf-8" })
          .end(body),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  let browser: Browser | undefined;
  const timeoutMs = options.timeoutMs ?? 45_000;
  let timer: NodeJS.Timeout | undefined;
  try {
    const started = performance.now();
    // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
    browser = await chromium.launch({
      executablePath: options.chromium,
      headless: true,
      args: ["--no-sandbox"],
      timeout: 30_000,
    });
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console.error: ${message.text()}`);
    });
    await page.goto(`http://127.0.0.1:${port}/`, { timeout: 15_000 });
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`the page did not report within ${timeoutMs} ms\n${problems.join("\n")}`)),
        timeoutMs,
      );
    });
    const report = await Promise.race([
      page.evaluate(() => (globalThis as unknown as { __gradioReport: Promise<unknown> }).__gradioReport),
      timeout,
    ]);
    return { report, version: browser.version(), problems, workMs: performance.now() - started };
  } finally {
    clearTimeout(timer);
    await browser?.close();
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  }
}
