/**
 * The one shared `GET {P}/queue/data?session_hash=` stream of a session (sse_v1 … sse_v3,
 * docs/protocol.md §3.2 "Stream"): demultiplexes messages by `event_id`, buffers messages that
 * arrive before their job registered, reopens when jobs remain after `close_stream` or the end of
 * the response, and fails every pending job on a transport error or an idle timeout.
 *
 * It never drops the connection on its own while the client lives: the server answers a
 * disconnect with `clean_events(session)`, which kills every job of the session, including one
 * whose join is still in flight (gradio/routes.py `queue_data_helper`). The server ends the
 * response itself once no job is pending (`close_stream`, or end of body before sse_v3).
 */
import { GradioError } from "../errors.js";
import { createSseParser } from "../sse/parser.js";
import { httpError, send, type HttpContext } from "../transport/http.js";
import { isObj, str } from "../util/json.js";
import type { JobSink } from "./job.js";

export interface QueueStream {
  /** Routes the messages of `eventId` to `sink` (including any that arrived already) and makes sure the stream is open. */
  register(eventId: string, sink: JobSink): void;
  /** Stops routing messages to a job (after cancel or timeout); its later messages are dropped. */
  abandon(eventId: string): void;
  /** Closes the stream; pending jobs fail with `reason`. */
  close(reason: Error): void;
}

/** How many times in a row the stream may end without delivering anything before jobs fail. */
const MAX_EMPTY_REOPENS = 5;
/** Event ids remembered without a job (early messages, abandoned jobs); beyond this the oldest goes. */
const MAX_IDS = 1000;

/** `idleTimeoutMs`: no byte for this long (heartbeats arrive every 15 s) → the connection counts as dead. */
export function createQueueStream(http: HttpContext, url: string, idleTimeoutMs: number): QueueStream {
  const sinks = new Map<string, JobSink>();
  const early = new Map<string, unknown[]>();
  /** Jobs given up locally (abort, timeout): their remaining messages are dropped. */
  const abandoned = new Map<string, true>();
  let controller: AbortController | null = null;
  let closed = false;

  const failAll = (error: Error) => {
    const pending = [...sinks.values()];
    sinks.clear();
    for (const sink of pending) sink.fail(error);
  };
  const remember = <V>(map: Map<string, V>, id: string, value: V) => {
    if (map.size >= MAX_IDS) map.delete(map.keys().next().value as string);
    map.set(id, value);
  };

  const deliver = (message: unknown) => {
    const m = isObj(message) ? message : {};
    const id = str(m["event_id"]);
    if (id === null) {
      if (m["msg"] === "unexpected_error" || m["msg"] === "server_stopped") {
        const hint = m["session_not_found"] === true ? " (the server lost this session; it may have restarted)" : "";
        failAll(new GradioError("PROTOCOL", `${url}: ${str(m["message"]) ?? "the server reported an unexpected error"}${hint}`));
      }
    } else if (abandoned.has(id)) {
      if (m["msg"] === "process_completed" || m["msg"] === "unexpected_error") abandoned.delete(id);
    } else {
      const sink = sinks.get(id);
      if (!sink) early.get(id)?.push(message) ?? remember(early, id, [message]);
      else if (sink.message(message)) sinks.delete(id);
    }
  };

  /**
   * One SSE event's data. A line that is not JSON is attributed to its job when its `event_id` can
   * still be read (or when only one job is pending), so one bad message fails one job, not the
   * whole session; otherwise it is dropped.
   */
  const onData = (data: string) => {
    try {
      deliver(JSON.parse(data));
    } catch (error) {
      const id = /"event_id"\s*:\s*"([^"\\]{1,200})"/.exec(data)?.[1] ?? (sinks.size === 1 ? [...sinks.keys()][0] : undefined);
      const message = `malformed message on ${url}: ${data.slice(0, 120)} (${error instanceof Error ? error.message : String(error)})`;
      if (id !== undefined) deliver({ msg: "unexpected_error", event_id: id, message });
    }
  };

  /** Reads one HTTP response of the stream to its end; returns how many messages it carried. */
  const readOnce = async (signal: AbortSignal, abort: () => void): Promise<number> => {
    let idle: ReturnType<typeof setTimeout> | undefined;
    let timedOut = false;
    let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
    const armIdle = () => {
      clearTimeout(idle);
      if (signal.aborted) return;
      idle = setTimeout(() => ((timedOut = true), abort()), idleTimeoutMs);
      // Pending jobs keep the process alive through their request; this timer alone never should.
      (idle as { unref?: () => void }).unref?.();
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
      const parser = createSseParser((event) => (count++, onData(event.data)));
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
      if (timedOut) throw new GradioError("NETWORK", `GET ${url}: no data for ${idleTimeoutMs} ms (connection lost?)`, { cause: error });
      throw error;
    } finally {
      signal.removeEventListener("abort", onAbort);
      clearTimeout(idle);
    }
  };

  const open = () => {
    const current = new AbortController();
    controller = current;
    (async () => {
      for (let emptyRuns = 0; sinks.size > 0 && !current.signal.aborted; ) {
        emptyRuns = (await readOnce(current.signal, () => current.abort())) > 0 ? 0 : emptyRuns + 1;
        if (emptyRuns >= MAX_EMPTY_REOPENS) throw new GradioError("PROTOCOL", `${url}: the stream ended ${emptyRuns} times without any message while jobs were pending`);
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
      sinks.set(eventId, sink);
      const messages = early.get(eventId);
      early.delete(eventId);
      for (const message of messages ?? []) deliver(message);
      if (sinks.size > 0 && controller === null) open();
    },
    abandon(eventId) {
      sinks.delete(eventId);
      early.delete(eventId);
      remember(abandoned, eventId, true);
    },
    close(reason) {
      closed = true;
      controller?.abort();
      controller = null;
      failAll(reason);
      early.clear();
      abandoned.clear();
    },
  };
}

function asTransportError(error: unknown, url: string): Error {
  if (error instanceof GradioError) return error;
  const detail = error instanceof Error ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ""}` : String(error);
  return new GradioError("NETWORK", `GET ${url}: the connection broke mid-stream: ${detail}`, { cause: error });
}
