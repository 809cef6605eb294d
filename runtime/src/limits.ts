/**
 * Every bound the runtime puts on what a server may make it wait for or hold in memory, in one
 * place (README "Limits"). Each is overridable per client with `connect({ limits: { … } })`;
 * downloads also take per-call options. A limit that is hit fails with a typed error naming it.
 *
 * None of them bounds a long generation: a job may run for hours as long as the server keeps its
 * stream alive (Gradio sends a heartbeat every 15 s). Only silence, sizes and retries are bounded.
 */
import { GradioError } from "./errors.js";

export interface Limits {
  /**
   * Milliseconds for a request's answer to start (status and headers): discovery (`/config`),
   * join, cancel, direct calls and file downloads. A server that accepts and never answers fails
   * with TIMEOUT after this. Default 30 s (a Space that is waking up is waited for separately).
   */
  readonly requestTimeoutMs: number;
  /**
   * Milliseconds of silence after which a queue stream or a download counts as dead (NETWORK).
   * Gradio sends a heartbeat every 15 s, so 60 s is four missed heartbeats. Default 60 s.
   */
  readonly idleTimeoutMs: number;
  /**
   * Largest single message on a queue stream (one SSE line or event, i.e. one result as JSON),
   * in characters of decoded text (≈ bytes). Results of file components are small (files are
   * downloaded separately), so this bounds inline JSON/text results. Default 64 MiB.
   */
  readonly maxMessageBytes: number;
  /**
   * Characters held for event ids that have no job (yet): messages that arrive before their join
   * answered, and whatever a server sends for ids that never register. Over the cap the oldest ids'
   * messages are dropped. Default 64 MiB (one message of the largest size fits: a fast job's
   * result can arrive before its join answered); at most 1,000 ids.
   */
  readonly maxBufferedBytes: number;
  /** Largest file download (`bytes()`, `blob()`, `text()`, `saveFile`); per call: `{ maxBytes }`. Default 2 GiB. */
  readonly maxDownloadBytes: number;
  /**
   * How many times in a row the queue stream may end (or fail to open) without bringing any job
   * forward before pending jobs fail with PROTOCOL; reopens back off 0.25 s, 0.5 s, 1 s, … 4 s.
   * Default 6.
   */
  readonly maxStreamReopens: number;
}

const MiB = 1024 * 1024;

/** The defaults, frozen. */
export const DEFAULT_LIMITS: Limits = Object.freeze({
  requestTimeoutMs: 30_000,
  idleTimeoutMs: 60_000,
  maxMessageBytes: 64 * MiB,
  maxBufferedBytes: 64 * MiB,
  maxDownloadBytes: 2048 * MiB,
  maxStreamReopens: 6,
});

/** `DEFAULT_LIMITS` with the caller's overrides, each checked (a positive number; `Infinity` lifts a size limit). */
export function resolveLimits(overrides: Partial<Limits> | undefined, idleTimeoutMs?: number): Limits {
  const limits: Limits = { ...DEFAULT_LIMITS, ...(idleTimeoutMs === undefined ? {} : { idleTimeoutMs }), ...overrides };
  for (const [name, value] of Object.entries(limits)) {
    if (typeof value !== "number" || !(value > 0))
      throw new GradioError("INVALID_ARGUMENT", `limits.${name} must be a number > 0, got ${String(value)}`);
  }
  return limits;
}

/** The typed error for a size limit that was hit. */
export function limitError(
  what: string,
  limit: keyof Limits,
  value: number,
  how = `raise it with connect({ limits: { ${limit}: … } })`,
): GradioError {
  return new GradioError("LIMIT_EXCEEDED", `${what} exceeds limits.${limit} (${value}); ${how}`);
}
