/**
 * Reading a file the app produced, bounded: the caller's `signal` and `timeout` (whole download),
 * silence (`limits.idleTimeoutMs`) and size (`maxBytes`, default `limits.maxDownloadBytes`); the
 * answer's headers are bounded by the client's `limits.requestTimeoutMs`. Every failure is a
 * typed GradioError; a download that breaks off is never reported as complete.
 */
import { GradioError } from "../errors.js";
import { limitError, type Limits } from "../limits.js";
import { errorText } from "../util/json.js";
import { anySignal } from "../util/any-signal.js";

/** Options of every download method (`bytes`, `blob`, `text`, `fetch`, `chunks`) and of `saveFile`. */
export interface DownloadOptions {
  /** Aborts the download (ABORTED). */
  readonly signal?: AbortSignal | undefined;
  /** Milliseconds for the whole download (TIMEOUT). Default: none — only silence is bounded. */
  readonly timeout?: number | undefined;
  /** Largest size accepted in bytes (LIMIT_EXCEEDED). Default: the client's `limits.maxDownloadBytes` (2 GiB). */
  readonly maxBytes?: number | undefined;
}

export type DownloadLimits = Pick<Limits, "idleTimeoutMs" | "maxDownloadBytes">;

/** Starts the request (non-2xx → HttpError) with the given signal. */
export type StartDownload = (signal: AbortSignal) => Promise<Response>;

/** The bytes of a download, chunk by chunk, within the bounds above. */
export async function* downloadChunks(
  start: StartDownload,
  url: string,
  options: DownloadOptions,
  limits: DownloadLimits,
): AsyncGenerator<Uint8Array, void, undefined> {
  const { timeout, maxBytes = limits.maxDownloadBytes } = options;
  if (timeout !== undefined && !(timeout >= 0))
    throw new GradioError(
      "INVALID_ARGUMENT",
      `GET ${url}: timeout must be a number of milliseconds ≥ 0, got ${String(timeout)}`,
    );
  if (!(maxBytes >= 0))
    throw new GradioError("INVALID_ARGUMENT", `GET ${url}: maxBytes must be a number ≥ 0, got ${String(maxBytes)}`);
  const own = new AbortController();
  const signal = options.signal ? anySignal([options.signal, own.signal]) : own.signal;
  const stop = (code: "TIMEOUT" | "NETWORK", message: string) => () =>
    own.abort(new GradioError(code, `GET ${url}: ${message}`));
  const whole =
    timeout === undefined ? undefined : setTimeout(stop("TIMEOUT", `not complete within ${timeout} ms`), timeout);
  let idle: ReturnType<typeof setTimeout> | undefined;
  const armIdle = () => {
    clearTimeout(idle);
    if (Number.isFinite(limits.idleTimeoutMs))
      idle = setTimeout(
        stop("NETWORK", `no data for ${limits.idleTimeoutMs} ms (limits.idleTimeoutMs)`),
        limits.idleTimeoutMs,
      );
  };
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let done = false;
  // A body whose bytes all arrived is not always errored by an abort: cancel the reader explicitly.
  const onAbort = () => void reader?.cancel().catch(() => {});
  signal.addEventListener("abort", onAbort, { once: true });
  try {
    const response = await start(signal);
    const declared = Number(response.headers.get("content-length") ?? NaN);
    if (declared > maxBytes) throw tooLarge(url, `${declared} bytes`, maxBytes, options);
    if (!response.body) return void (done = true);
    reader = response.body.getReader();
    if (signal.aborted) onAbort();
    armIdle();
    for (let count = 0; ; ) {
      const chunk = await reader.read();
      // A cancelled reader ends as if the body were complete: the abort decides.
      if (signal.aborted) throw signal.reason;
      if (chunk.done) return void (done = true);
      armIdle();
      count += chunk.value.byteLength;
      if (count > maxBytes) throw tooLarge(url, `more than ${maxBytes} bytes`, maxBytes, options);
      yield chunk.value;
    }
  } catch (error) {
    if (signal.aborted) throw abortError(signal.reason, url);
    if (error instanceof GradioError) throw error;
    throw new GradioError("NETWORK", `GET ${url}: the download broke off: ${errorText(error)}`, { cause: error });
  } finally {
    clearTimeout(whole);
    clearTimeout(idle);
    signal.removeEventListener("abort", onAbort);
    if (!done) reader?.cancel().catch(() => {});
  }
}

/** Reads a whole download into memory (bounded like {@link downloadChunks}). */
export async function downloadBytes(
  start: StartDownload,
  url: string,
  options: DownloadOptions,
  limits: DownloadLimits,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of downloadChunks(start, url, options, limits)) {
    chunks.push(chunk);
    size += chunk.byteLength;
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) bytes.set(chunk, (at += chunk.byteLength) - chunk.byteLength);
  return bytes;
}

function tooLarge(url: string, size: string, maxBytes: number, options: DownloadOptions): GradioError {
  const how =
    options.maxBytes === undefined
      ? "pass { maxBytes } to this download, or raise it with connect({ limits: { maxDownloadBytes: … } })"
      : "pass a larger { maxBytes }";
  return limitError(`GET ${url}: the file (${size})`, "maxDownloadBytes", maxBytes, how);
}

function abortError(reason: unknown, url: string): GradioError {
  if (reason instanceof GradioError) return reason;
  const timedOut = reason instanceof DOMException && reason.name === "TimeoutError";
  return new GradioError(
    timedOut ? "TIMEOUT" : "ABORTED",
    `GET ${url}: ${timedOut ? "the caller's signal timed out" : "the download was aborted"}`,
    { cause: reason },
  );
}
