/**
 * Space id → host, waiting until the Space runs (docs/protocol.md §1.2–§1.3): one Hub request
 * (`GET /api/spaces/{id}`: host and stage), then `GET …/runtime` every `intervalMs` while the Space
 * sleeps, starts or builds. A sleeping Space is woken by one request to its host; after a wait the
 * host is probed until its gateway stops answering 502/503/504. All within `timeoutMs`.
 */
import { GradioError, HttpError } from "../errors.js";
import { send, type FetchLike, type HttpContext } from "../transport/http.js";
import { judgeStage } from "./space-stage.js";
import { anySignal } from "../util/any-signal.js";

/** Reported on each stage change while waiting (never for a Space that already runs). */
export interface SpaceStatusEvent {
  readonly spaceId: string;
  /** The stage just read, e.g. `SLEEPING`, `APP_STARTING`, `RUNNING`. */
  readonly stage: string;
  /** Stages seen so far, without repeats, the current one last. */
  readonly stages: readonly string[];
  readonly elapsedMs: number;
  /** True once: the Space runs and the call goes on. */
  readonly done: boolean;
}

/** How long and how often to wait for a Space that is not running yet. */
export interface SpaceWaitOptions {
  /** Give up after this long (TIMEOUT). Default 300 s; 0 = do not wait. */
  readonly timeoutMs?: number;
  /** Between two stage reads on the Hub. Default 1 s (what @gradio/client does). */
  readonly intervalMs?: number;
  readonly onStatus?: (event: SpaceStatusEvent) => void;
}

/** What the client gives the Spaces feature. */
export interface SpaceContext {
  readonly fetch: FetchLike;
  /** Hub API, default `https://huggingface.co` (the Node entry reads `$HF_ENDPOINT`). */
  readonly hfEndpoint: string | undefined;
  /** Sent to the Hub as `Authorization: Bearer`. */
  readonly token: string | undefined;
  /** The HTTP context for the resolved host (wake-up and readiness requests). */
  readonly appHttp: (host: string) => HttpContext;
  readonly wait: SpaceWaitOptions;
  /** Aborted when the client closes. */
  readonly signal?: AbortSignal | undefined;
}

const GATEWAY = new Set([502, 503, 504]);

/** What the Hub requests need: its URL, and an HTTP context that trusts the Hub's origin only. */
interface HubContext extends SpaceContext {
  readonly hub: string;
  readonly hubHttp: HttpContext;
}

/** Resolves the Space's host once its stage is RUNNING; throws a typed error otherwise. */
export async function resolveSpace(spaceId: string, space: SpaceContext): Promise<string> {
  const hub = (space.hfEndpoint ?? "https://huggingface.co").replace(/\/+$/, "");
  const hubHttp: HttpContext = {
    fetch: space.fetch,
    trustedOrigins: new Set([new URL(hub).origin]),
    privateHeaders: space.token ? { authorization: `Bearer ${space.token}` } : {},
  };
  const ctx: HubContext = { ...space, hub, hubHttp };
  const timeoutMs = Math.max(0, ctx.wait.timeoutMs ?? 300_000);
  const interval = Math.max(0, ctx.wait.intervalMs ?? 1_000);
  const started = Date.now();
  const deadline = started + timeoutMs;
  const page = `${ctx.hub}/spaces/${spaceId}`;
  const info = await hubGet(ctx, `${ctx.hub}/api/spaces/${spaceId}`, spaceId, deadline);
  const host = typeof info["host"] === "string" ? info["host"].replace(/\/+$/, "") : null;
  if (host === null)
    throw new GradioError("PROTOCOL", `GET ${ctx.hub}/api/spaces/${spaceId}: the answer has no "host"`);
  let runtime = isRecord(info["runtime"]) ? info["runtime"] : { stage: "RUNNING" };
  const stages: string[] = [];
  let woken = false;
  for (;;) {
    const stage = typeof runtime["stage"] === "string" ? runtime["stage"] : "UNKNOWN";
    const errorMessage = typeof runtime["errorMessage"] === "string" ? runtime["errorMessage"] : null;
    const verdict = judgeStage(stage, spaceId, page, errorMessage);
    const report = (done: boolean) =>
      ctx.wait.onStatus?.({ spaceId, stage, stages: [...stages], elapsedMs: Date.now() - started, done });
    if (stages[stages.length - 1] !== stage) {
      stages.push(stage);
      if (verdict.action === "wait") report(false);
    }
    if (verdict.action === "fail") throw new GradioError("SPACE_NOT_RUNNING", verdict.message);
    if (verdict.action === "go") {
      if (stages.length > 1) {
        await untilServing(ctx.appHttp(host), host, { deadline, interval, signal: ctx.signal });
        report(true);
      }
      return host;
    }
    if (verdict.wake && !woken) {
      woken = true;
      void wake(ctx.appHttp(host), host, ctx.signal);
    }
    if (Date.now() + interval > deadline) {
      const seconds = Math.round(timeoutMs / 100) / 10;
      throw new GradioError(
        "TIMEOUT",
        `Space ${spaceId} did not start within ${seconds} s (stages seen: ${stages.join(" → ")}): try again later, or wait longer with { spaceWait: { timeoutMs } }; see ${page}`,
      );
    }
    await sleep(interval, ctx.signal);
    runtime = await hubGet(ctx, `${ctx.hub}/api/spaces/${spaceId}/runtime`, spaceId, deadline);
  }
}

/** One Hub GET with the time left (at least 5 s, at most 30 s); 401/404 explained. */
async function hubGet(
  ctx: HubContext,
  url: string,
  spaceId: string,
  deadline: number,
): Promise<Record<string, unknown>> {
  const limit = AbortSignal.timeout(Math.min(30_000, Math.max(5_000, deadline - Date.now())));
  const signal = ctx.signal ? anySignal([ctx.signal, limit]) : limit;
  let response: Response;
  let body: string;
  try {
    response = await send(ctx.hubHttp, url, { signal });
    body = await response.text();
  } catch (error) {
    if (!limit.aborted || ctx.signal?.aborted) throw error;
    throw new GradioError("TIMEOUT", `GET ${url}: the Hub did not answer in time`, { cause: error });
  }
  if (response.status === 401) {
    const detail = ctx.token
      ? "the Hub rejected the token (invalid or expired)"
      : "it is private or does not exist; pass { token } (or set HF_TOKEN)";
    throw new HttpError({
      method: "GET",
      url,
      status: 401,
      body,
      code: "AUTH_REQUIRED",
      detail: `— Space ${spaceId} needs authentication: ${detail}`,
    });
  }
  if (response.status === 404) {
    const detail = ctx.token ? "or your token cannot read it" : "or it is private: pass { token } (or set HF_TOKEN)";
    throw new HttpError({ method: "GET", url, status: 404, body, detail: `— Space ${spaceId} not found (${detail})` });
  }
  if (!response.ok) throw new HttpError({ method: "GET", url, status: response.status, body });
  try {
    const value: unknown = JSON.parse(body);
    if (isRecord(value)) return value;
  } catch {
    // reported below
  }
  throw new GradioError("PROTOCOL", `GET ${url}: expected a JSON object, got ${body.slice(0, 120)}`);
}

/** The platform starts a sleeping Space when its host receives a request (§1.3); the answer does not matter. */
async function wake(http: HttpContext, host: string, signal: AbortSignal | undefined): Promise<void> {
  const limit = AbortSignal.timeout(10_000);
  try {
    const response = await send(http, `${host}/config`, { signal: signal ? anySignal([signal, limit]) : limit });
    await response.body?.cancel();
  } catch {
    // best effort: polling the Hub decides
  }
}

/** Just woken, the host's gateway may still answer 502/503/504: retry until it stops or time runs out. */
async function untilServing(
  http: HttpContext,
  host: string,
  wait: { deadline: number; interval: number; signal: AbortSignal | undefined },
): Promise<void> {
  for (;;) {
    let status = 0;
    try {
      const response = await send(http, `${host}/config`, { signal: wait.signal });
      status = response.status;
      await response.body?.cancel();
    } catch (error) {
      if (wait.signal?.aborted) throw error;
    }
    if ((status !== 0 && !GATEWAY.has(status)) || Date.now() + wait.interval > wait.deadline) return;
    await sleep(wait.interval, wait.signal);
  }
}

/** Waits `ms`, or rejects as soon as `signal` aborts (no timer left behind). */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => (clearTimeout(timer), reject(signal?.reason));
    const timer = setTimeout(() => (signal?.removeEventListener("abort", onAbort), resolve()), ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
