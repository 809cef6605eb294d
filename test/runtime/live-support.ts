/**
 * Pieces several live runtime tests share: a guard against unhandled rejections, waiting for a
 * server-side loop, a recording pass-through proxy in front of a real app, and running a Node
 * process until it exits on its own.
 */
import { spawn } from "node:child_process";
import {
  createServer,
  request,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect } from "vitest";
import type { EndpointSpec, GradioClient } from "../../runtime/src/index.js";
import { sleep } from "./helpers.js";

/** Fails the test file when a promise rejection went unhandled while it ran. */
export function expectNoUnhandledRejections(): void {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  beforeAll(() => void process.on("unhandledRejection", onUnhandled));
  afterAll(() => {
    process.off("unhandledRejection", onUnhandled);
    expect(unhandled).toEqual([]);
  });
}

/** Waits until the app's `iterations` endpoint reports that the token's loop ran at least `n` times. */
export async function waitForIterations(
  observer: GradioClient,
  iterations: EndpointSpec,
  token: string,
  n: number,
): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const [count] = await observer.call(iterations, [token]);
    if (typeof count === "number" && count >= n) return;
    await sleep(50);
  }
  throw new Error(`${token} never reached ${n} iterations`);
}

export interface RecordingProxy {
  /** `http://127.0.0.1:PORT` of the proxy. */
  readonly url: string;
  /** The proxied app's base URL (the target's path on the proxy). */
  readonly base: string;
  readonly seen: { path: string; headers: IncomingHttpHeaders }[];
}

const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((s) => (s.closeAllConnections(), new Promise((r) => s.close(r))))));

/**
 * A pass-through proxy in front of `target` (bodies and streams piped both ways) that records each
 * request's path and headers; `intercept` may answer a request itself (return true). Closed after
 * the test file.
 */
export async function recordingProxy(
  target: string,
  intercept?: ((req: IncomingMessage, res: ServerResponse) => boolean) | null,
  /** Added to every forwarded answer (e.g. a load balancer's `set-cookie`). */
  addHeaders: Readonly<Record<string, string>> = {},
): Promise<RecordingProxy> {
  const upstream = new URL(target);
  const seen: RecordingProxy["seen"] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? "/";
    seen.push({ path, headers: req.headers });
    if (intercept?.(req, res)) return;
    const forwarded = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        path,
        method: req.method,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, ...addHeaders });
        answer.pipe(res);
      },
    );
    forwarded.on("error", () => res.destroy());
    req.pipe(forwarded);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, base: `${url}${upstream.pathname.replace(/\/+$/, "")}`, seen };
}

/** How a process that printed READY ended. */
export interface ProcessExit {
  readonly code: number | null;
  /** Milliseconds from READY on stdout to the exit. */
  readonly afterReadyMs: number;
  readonly stderr: string;
}

/** Runs `node …args` until it exits by itself (killed after 20 s); rejects if it never printed READY. */
export function runUntilExit(args: readonly string[], label: string): Promise<ProcessExit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...args], { stdio: ["ignore", "pipe", "pipe"] });
    let readyAt = 0;
    let stdout = "";
    let stderr = "";
    const killer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      if (!readyAt && stdout.includes("READY")) readyAt = performance.now();
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(killer);
      if (!readyAt) return reject(new Error(`${label}: exited (code ${code}) without READY\n${stderr}`));
      resolve({ code, afterReadyMs: performance.now() - readyAt, stderr });
    });
  });
}
