/**
 * Waits until a Space runs (docs/protocol.md §1.3): read its stage on the Hub; RUNNING goes on,
 * SLEEPING/STOPPED/APP_STARTING/BUILDING are polled (a sleeping Space is woken by one request to
 * its host), PAUSED and failed stages stop at once, all within a deadline. The clock and the
 * sleep are injectable so tests run in milliseconds.
 */
import { CodegenError } from "../errors.js";
import { hubEndpoint, readSpaceStage, readSpaceStatus, type HubOptions, type SpaceStatus } from "./hub.js";
import { judgeStage } from "@gradio-codegen/runtime";

/** Reported on each stage change while waiting (never for a Space that already runs). */
export interface SpaceWaitEvent {
  readonly spaceId: string;
  /** Stages seen so far, without repeats, the current one last. */
  readonly stages: readonly string[];
  readonly elapsedMs: number;
  /** True once: the Space runs and loading goes on. */
  readonly done: boolean;
}

export interface SpaceWaitOptions extends HubOptions {
  /** Give up after this long. Default 300 s. 0 = do not wait at all. */
  readonly waitTimeoutMs?: number;
  /** Between two stage reads. Default 1 s (what @gradio/client does). */
  readonly pollIntervalMs?: number;
  readonly onWait?: (event: SpaceWaitEvent) => void;
  /** Sends one request to the host so that the platform starts a sleeping Space. */
  readonly wake?: (host: string) => void;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_WAIT_TIMEOUT_MS = 300_000;
export const DEFAULT_POLL_INTERVAL_MS = 1_000;

/** A running Space; `waited` when it was not running at first, `remainingMs` of the wait left. */
export interface SpaceReady extends SpaceStatus {
  readonly waited: boolean;
  readonly remainingMs: number;
}

/** Resolves with the Space's host once its stage is RUNNING; throws a clear error otherwise. */
export async function waitForSpace(spaceId: string, options: SpaceWaitOptions): Promise<SpaceReady> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const timeoutMs = options.waitTimeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
  const interval = Math.max(0, options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS);
  const started = now();
  const deadline = started + timeoutMs;
  const page = `${hubEndpoint(options)}/spaces/${spaceId}`;
  // Each Hub request may use what is left of the wait, but at least 5 s and at most 30 s.
  const requestTimeout = () => Math.min(30_000, Math.max(5_000, deadline - now()));

  const first = await readSpaceStatus(spaceId, { ...options, timeoutMs: requestTimeout() });
  const stages: string[] = [];
  let woken = false;
  let status = first;
  for (;;) {
    const verdict = judgeStage(status.stage, spaceId, page, status.errorMessage);
    if (stages[stages.length - 1] !== status.stage) {
      stages.push(status.stage);
      if (verdict.action === "wait") options.onWait?.({ spaceId, stages: [...stages], elapsedMs: now() - started, done: false });
    }
    if (verdict.action === "go") {
      if (stages.length > 1) options.onWait?.({ spaceId, stages: [...stages], elapsedMs: now() - started, done: true });
      return { ...status, waited: stages.length > 1, remainingMs: Math.max(0, deadline - now()) };
    }
    if (verdict.action === "fail") throw new CodegenError("SPACE_NOT_RUNNING", verdict.message);
    if (verdict.wake && !woken) {
      woken = true;
      options.wake?.(first.host);
    }
    if (now() + interval > deadline) {
      const seconds = Math.round(timeoutMs / 100) / 10;
      throw new CodegenError(
        "TIMEOUT",
        `Space ${spaceId} did not start within ${seconds} s (stages seen: ${stages.join(" → ")}): try again later, or wait longer with --wait-timeout <seconds>; see ${page}`,
      );
    }
    await sleep(interval);
    status = { host: first.host, ...(await readSpaceStage(spaceId, { ...options, timeoutMs: requestTimeout() })) };
  }
}
