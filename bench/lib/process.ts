/**
 * Runs one client script as a new process and reads its `RESULT {...}` line. The wall time is
 * measured from spawn to that line (so B1 includes interpreter start and imports, but not exit).
 */
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";

export interface RunOutcome {
  readonly wallMs: number;
  /** The parsed result line; `ok: false` plus `error` when the script caught a failure. */
  readonly result: Record<string, unknown>;
}

export interface RunOptions {
  readonly cwd?: string;
  readonly timeoutMs?: number;
  readonly env?: Readonly<Record<string, string>>;
}

/** Spawns `command args`, resolves when it exits; never rejects (failures become `ok: false`). */
export function runScript(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunOutcome> {
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...options.env },
    });
    let stdout = "";
    let stderr = "";
    let wallMs = Number.NaN;
    let result: Record<string, unknown> | null = null;
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 300_000);
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      const match = /^RESULT (.*)$/m.exec(stdout);
      if (match?.[1] !== undefined && result === null) {
        wallMs = performance.now() - start;
        result = JSON.parse(match[1]) as Record<string, unknown>;
      }
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    const finish = (code: number | null, signal: string | null) => {
      clearTimeout(timer);
      if (result === null) {
        const tail = stderr.trim().split("\n").slice(-3).join(" | ");
        result = {
          ok: false,
          error: `exited (code ${code}, signal ${signal}) without a result: ${tail}`.slice(0, 400),
        };
        wallMs = performance.now() - start;
      }
      resolve({ wallMs, result });
    };
    child.on("error", (error) => finish(null, String(error)));
    child.on("close", finish);
  });
}

/** Wall time of a whole process run (spawn → exit), for commands without a result line. */
export async function timeCommand(
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<{ ms: number; code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...options.env },
    });
    let stderr = "";
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout = (stdout + c).slice(-4000)));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr = (stderr + c).slice(-4000)));
    child.on("close", (code) => resolve({ ms: performance.now() - start, code, stdout, stderr }));
  });
}
