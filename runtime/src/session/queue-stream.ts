/**
 * The one shared `GET {P}/queue/data?session_hash=` stream of a session (sse_v1 … sse_v3,
 * docs/protocol.md §3.2 "Stream"): demultiplexes messages by `event_id`, buffers messages that
 * arrive before their job registered, reopens when jobs remain after `close_stream` or the end of
 * the response, and fails every pending job on a transport error or an idle timeout.
 *
 * It never drops the connection while a job is pending or a join is in flight (`hold()`): the
 * server answers a disconnect with `clean_events(session)`, which kills every job of the session,
 * including one whose join is still in flight (gradio/routes.py `queue_data_helper`). The server
 * ends the response itself once no job is pending (`close_stream`, or end of body before sse_v3);
 * one that does not is dropped after a grace. Reopens back off and are bounded, messages and the
 * early-message buffer are capped (runtime/src/limits.ts, README "Limits").
 */
import { GradioError } from "../errors.js";
import type { Limits } from "../limits.js";
import { createSseParser } from "../sse/parser.js";
import { httpError, send, type HttpContext } from "../transport/http.js";
import { isObj, str } from "../util/json.js";
import { createEarlyBuffer } from "./early-buffer.js";
import type { JobSink } from "./job.js";
import { reopenDelay, sleep } from "./reopen.js";

export interface QueueStream {
  /** Routes the messages of `eventId` to `sink` (including any that arrived already) and makes sure the stream is open. */
  register(eventId: string, sink: JobSink): void;
  /** Stops routing messages to a job (after cancel or timeout); its later messages are dropped. */
  abandon(eventId: string): void;
  /** A join is in flight: the stream is not dropped until the returned function is called. */
  hold(): () => void;
  /** Closes the stream; pending jobs fail with `reason`. */
  close(reason: Error): void;
  /** Characters held for event ids without a job (bounded by `limits.maxBufferedBytes`). */
  readonly bufferedChars: number;
}

/** Event ids remembered without a job (early messages, abandoned jobs); beyond this the oldest goes. */
const MAX_IDS = 1000;
/**
 * With no job left, a server ends the stream itself (`close_stream`). One that keeps it open —
 * it ignored a cancel, or streams for nobody — is dropped after this grace, so that the stream
 * never keeps a process alive for nothing.
 */
const DROP_IDLE_STREAM_MS = 2000;
/** The longest delay setTimeout keeps (a longer one fires at once); longer silences are re-checked. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** A response that lived this long proved the connection works, even if it brought no job forward. */
const HEALTHY_RESPONSE_MS = 15_000;

/** Silence, message sizes, early-message memory and reopens are bounded by `limits` (runtime/src/limits.ts). */
export function createQueueStream(http: HttpContext, url: string, limits: Limits): QueueStream {
  const idleTimeoutMs = limits.idleTimeoutMs;
  const sinks = new Map<string, JobSink>();
  const early = createEarlyBuffer(limits.maxBufferedBytes, MAX_IDS);
  /** Jobs given up locally (abort, timeout): their remaining messages are dropped. */
  const abandoned = new Map<string, true>();
  let controller: AbortController | null = null;
  let closed = false;
  let holds = 0;
  /** Messages for some event id seen so far: a reopened response that adds none made no progress. */
  let progress = 0;
  let dropTimer: ReturnType<typeof setTimeout> | undefined;

  const failAll = (error: Error) => {
    const pending = [...sinks.values()];
    sinks.clear();
    for (const sink of pending) sink.fail(error);
  };
  const remember = <V>(map: Map<string, V>, id: string, value: V) => {
    if (map.size >= MAX_IDS) map.delete(map.keys().next().value as string);
    map.set(id, value);
  };
  /** Drops the connection after a grace when nothing needs it any more (see DROP_IDLE_STREAM_MS). */
  const dropWhenIdle = () => {
    if (sinks.size > 0 || holds > 0 || controller === null || dropTimer !== undefined) return;
    dropTimer = setTimeout(() => {
      dropTimer = undefined;
      if (sinks.size > 0 || holds > 0) return;
      controller?.abort();
      controller = null;
    }, DROP_IDLE_STREAM_MS);
    (dropTimer as { unref?: () => void }).unref?.();
  };

  const deliver = (message: unknown, chars = 0) => {
    const m = isObj(message) ? message : {};
    const id = str(m["event_id"]);
    if (id !== null) progress++;
    if (id === null) {
      if (m["msg"] === "unexpected_error" || m["msg"] === "server_stopped") {
        const hint = m["session_not_found"] === true ? " (the server lost this session; it may have restarted)" : "";
        failAll(
          new GradioError(
            "PROTOCOL",
            `${url}: ${str(m["message"]) ?? "the server reported an unexpected error"}${hint}`,
          ),
        );
      }
    } else if (abandoned.has(id)) {
      if (m["msg"] === "process_completed" || m["msg"] === "unexpected_error") abandoned.delete(id);
    } else {
      const sink = sinks.get(id);
      if (!sink) early.push(id, message, chars);
      else if (sink.message(message)) {
        sinks.delete(id);
        dropWhenIdle();
      }
    }
  };

  /**
   * One SSE event's data. A line that is not JSON is attributed to its job when its `event_id` can
   * still be read (or when only one job is pending), so one bad message fails one job, not the
   * whole session; otherwise it is dropped.
   */
  const onData = (data: string) => {
    try {
      deliver(JSON.parse(data), data.length);
    } catch (error) {
      const id =
        /"event_id"\s*:\s*"([^"\\]{1,200})"/.exec(data)?.[1] ?? (sinks.size === 1 ? [...sinks.keys()][0] : undefined);
      const message = `malformed message on ${url}: ${data.slice(0, 120)} (${error instanceof Error ? error.message : String(error)})`;
      if (id !== undefined) deliver({ msg: "unexpected_error", event_id: id, message });
    }
  };

  /** Reads one HTTP response of the stream to its end; returns how many messages it carried. */
  const readOnce = async (signal: AbortSignal, abort: () => void): Promise<number> => {
    let idle: ReturnType<typeof setTimeout> | undefined;
    let timedOut = false;
    let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
    /** When data last arrived. One timer checks it, instead of a new timer per chunk (a busy stream carries thousands). */
    let lastData = 0;
    const watch = (ms: number) => {
      idle = setTimeout(
        () => {
          idle = undefined;
          if (signal.aborted) return;
          const quiet = Date.now() - lastData;
          if (quiet >= idleTimeoutMs) (timedOut = true), abort();
          else watch(idleTimeoutMs - quiet);
        },
        Math.min(ms, MAX_TIMER_MS),
      );
      // Pending jobs keep the process alive through their request; this timer alone never should.
      (idle as { unref?: () => void }).unref?.();
    };
    const armIdle = () => {
      lastData = Date.now();
      // limits.idleTimeoutMs = Infinity: no bound on silence.
      if (idle === undefined && !signal.aborted && Number.isFinite(idleTimeoutMs)) watch(idleTimeoutMs);
    };
    // A body whose bytes have all arrived is not always errored by the abort (undici, Node 20), so
    // a pending read() could wait forever: cancel the reader explicitly.
    const onAbort = () => {
      clearTimeout(idle);
      reader?.cancel().catch(() => {});
    };
    signal.addEventListener("abort", onAbort, { once: true });
    armIdle();
    let count = 0;
    try {
      const response = await send(http, url, { headers: { accept: "text/event-stream" }, signal });
      if (!response.ok || !response.body) throw httpError("GET", url, response.status, await response.text());
      const parser = createSseParser((event) => (count++, onData(event.data)), limits.maxMessageBytes);
      const decoder = new TextDecoder();
      reader = response.body.getReader();
      if (signal.aborted) await reader.cancel();
      for (let chunk; !(chunk = await reader.read()).done; ) {
        armIdle();
        parser.feed(decoder.decode(chunk.value, { stream: true }));
      }
      parser.feed(decoder.decode());
      return count;
    } catch (error) {
      if (timedOut)
        throw new GradioError("NETWORK", `GET ${url}: no data for ${idleTimeoutMs} ms (connection lost?)`, {
          cause: error,
        });
      throw error;
    } finally {
      signal.removeEventListener("abort", onAbort);
      clearTimeout(idle);
    }
  };

  const open = () => {
    const current = new AbortController();
    controller = current;
    clearTimeout(dropTimer);
    dropTimer = undefined;
    (async () => {
      // Reopens that bring no job forward back off, and fail the jobs after limits.maxStreamReopens.
      for (let unproductive = 0; sinks.size > 0 && !current.signal.aborted; ) {
        if (unproductive > 0) await sleep(reopenDelay(unproductive), current.signal);
        else await afterPendingIo();
        const before = progress;
        const started = Date.now();
        await readOnce(current.signal, () => current.abort());
        unproductive = progress > before || Date.now() - started >= HEALTHY_RESPONSE_MS ? 0 : unproductive + 1;
        if (unproductive >= limits.maxStreamReopens && sinks.size > 0) {
          throw new GradioError(
            "PROTOCOL",
            `${url}: the stream ended ${unproductive} times in a row without any message for a pending job (limits.maxStreamReopens)`,
          );
        }
      }
    })()
      .catch((error: unknown) => {
        if (controller === current) failAll(asTransportError(error, url));
      })
      .finally(() => {
        if (controller === current) controller = null;
        // A job may have registered while the last response was ending.
        if (!closed && controller === null && sinks.size > 0) open();
      });
  };

  return {
    register(eventId, sink) {
      if (closed) return sink.fail(new GradioError("ABORTED", "the client was closed"));
      const messages = early.take(eventId);
      if (messages instanceof GradioError) return sink.fail(messages);
      sinks.set(eventId, sink);
      for (const message of messages) deliver(message);
      if (sinks.size > 0 && controller === null) open();
    },
    abandon(eventId) {
      sinks.delete(eventId);
      early.drop(eventId);
      remember(abandoned, eventId, true);
      dropWhenIdle();
    },
    hold() {
      holds++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holds--;
        dropWhenIdle();
      };
    },
    close(reason) {
      closed = true;
      clearTimeout(dropTimer);
      controller?.abort();
      controller = null;
      failAll(reason);
      early.clear();
      abandoned.clear();
    },
    get bufferedChars() {
      return early.heldChars;
    },
  };
}

/**
 * Resolves after the I/O callbacks already due have run. The stream opens right after its join's
 * answer was read, and Node's fetch (undici) puts that connection back into its pool only then:
 * opened at once, the stream would take a new connection — on a real link one more TCP (and TLS)
 * handshake, a whole round trip (bench B1 over the 50 ms link: 4 round trips instead of 3).
 */
function afterPendingIo(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: (fn: () => void) => unknown }).setImmediate;
  return new Promise((resolve) => (immediate ? immediate(resolve) : setTimeout(resolve, 0)));
}

function asTransportError(error: unknown, url: string): Error {
  if (error instanceof GradioError) return error;
  const detail =
    error instanceof Error
      ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ""}`
      : String(error);
  return new GradioError("NETWORK", `GET ${url}: the connection broke mid-stream: ${detail}`, { cause: error });
}
