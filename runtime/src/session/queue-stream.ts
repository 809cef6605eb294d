/**
 * The one shared `GET {P}/queue/data?session_hash=` stream of a session (sse_v1 … sse_v3,
 * gradio-protocol.md §3.2 "Stream"): demultiplexes messages by `event_id`, buffers messages that
 * arrive before their job registered, reopens when jobs remain after `close_stream` or the end of
 * the response, and fails every pending job on a transport error or an idle timeout.
 *
 * It never drops the connection on its own while the client lives: the server answers a
 * disconnect with `clean_events(session)`, which kills every job of the session, including one
 * whose join is still in flight (gradio/routes.py `queue_data_helper`). The server ends the
 * response itself once no job is pending (`close_stream`, or end of body before sse_v3).
 */
import { GradioError } from "../errors.js";
import type { QueueMessage } from "../protocol/messages.js";
import { createSseParser } from "../sse/parser.js";
import { send, httpError, type HttpContext } from "../transport/http.js";
import { parseStreamMessage } from "./stream-message.js";

/** Receives the messages of one job. */
export interface JobSink {
  /** Returns true when the job is finished and can be forgotten. */
  message(message: QueueMessage): boolean;
  fail(error: Error): void;
}

export interface QueueStreamOptions {
  readonly http: HttpContext;
  readonly url: string;
  /** No byte for this long (heartbeats arrive every 15 s) → the connection is considered dead. */
  readonly idleTimeoutMs: number;
}

/** How many times in a row the stream may end without delivering anything before jobs fail. */
const MAX_EMPTY_REOPENS = 5;
/** Messages kept for event ids nobody registered (yet); beyond this the oldest id is dropped. */
const MAX_EARLY_IDS = 1000;

export class QueueStream {
  readonly #options: QueueStreamOptions;
  readonly #sinks = new Map<string, JobSink>();
  readonly #early = new Map<string, QueueMessage[]>();
  /** Jobs given up locally (abort, timeout): their remaining messages are dropped. */
  readonly #abandoned = new Set<string>();
  #controller: AbortController | null = null;
  #closed = false;

  constructor(options: QueueStreamOptions) {
    this.#options = options;
  }

  /** Routes the messages of `eventId` to `sink` (including any that arrived already) and makes sure the stream is open. */
  register(eventId: string, sink: JobSink): void {
    if (this.#closed) {
      sink.fail(new GradioError("ABORTED", "the client was closed"));
      return;
    }
    this.#sinks.set(eventId, sink);
    const early = this.#early.get(eventId);
    this.#early.delete(eventId);
    for (const message of early ?? []) this.#deliver(message);
    if (this.#sinks.size > 0 && this.#controller === null) this.#open();
  }

  /** Stops routing messages to a job (after cancel or timeout); its later messages are dropped. */
  abandon(eventId: string): void {
    this.#sinks.delete(eventId);
    this.#early.delete(eventId);
    if (this.#abandoned.size >= MAX_EARLY_IDS) this.#abandoned.delete(this.#abandoned.values().next().value as string);
    this.#abandoned.add(eventId);
  }

  /** Number of jobs waiting for messages. */
  get pending(): number {
    return this.#sinks.size;
  }

  /** Closes the stream; pending jobs fail with `reason`. */
  close(reason: Error): void {
    this.#closed = true;
    this.#controller?.abort();
    this.#controller = null;
    this.#failAll(reason);
    this.#early.clear();
    this.#abandoned.clear();
  }

  #open(): void {
    const controller = new AbortController();
    this.#controller = controller;
    this.#run(controller)
      .catch((error: unknown) => {
        if (this.#controller === controller) this.#failAll(asTransportError(error, this.#options.url));
      })
      .finally(() => {
        if (this.#controller === controller) this.#controller = null;
        // A job may have registered while the last response was ending.
        if (!this.#closed && this.#controller === null && this.#sinks.size > 0) this.#open();
      });
  }

  async #run(controller: AbortController): Promise<void> {
    let emptyRuns = 0;
    while (this.#sinks.size > 0 && !controller.signal.aborted) {
      const delivered = await this.#readOnce(controller);
      emptyRuns = delivered > 0 ? 0 : emptyRuns + 1;
      if (emptyRuns >= MAX_EMPTY_REOPENS) {
        throw new GradioError("PROTOCOL", `${this.#options.url}: the stream ended ${emptyRuns} times without any message while jobs were pending`);
      }
    }
  }

  /** Reads one HTTP response of the stream to its end; returns how many messages it carried. */
  async #readOnce(controller: AbortController): Promise<number> {
    const { http, url, idleTimeoutMs } = this.#options;
    let idle: ReturnType<typeof setTimeout> | undefined;
    let timedOut = false;
    let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
    const armIdle = () => {
      clearTimeout(idle);
      if (controller.signal.aborted) return;
      idle = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, idleTimeoutMs);
      // Pending jobs keep the process alive through their request; this timer alone never should.
      (idle as { unref?: () => void }).unref?.();
    };
    // A body whose bytes have all arrived is not always errored by the abort (undici, Node 20), so
    // a pending read() could wait forever: cancel the reader explicitly.
    const onAbort = () => {
      clearTimeout(idle);
      reader?.cancel().catch(() => {});
    };
    controller.signal.addEventListener("abort", onAbort, { once: true });
    armIdle();
    let count = 0;
    try {
      const response = await send(http, url, { headers: { accept: "text/event-stream" }, signal: controller.signal });
      if (!response.ok || !response.body) throw httpError("GET", url, response.status, await response.text());
      const parser = createSseParser((event) => {
        count += 1;
        this.#deliver(parseStreamMessage(event.data, url, this.#sinks.size === 1 ? [...this.#sinks.keys()][0] : undefined));
      });
      const decoder = new TextDecoder();
      reader = response.body.getReader();
      if (controller.signal.aborted) await reader.cancel();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        armIdle();
        parser.feed(decoder.decode(value, { stream: true }));
      }
      parser.feed(decoder.decode());
      return count;
    } catch (error) {
      if (timedOut) throw new GradioError("NETWORK", `GET ${url}: no data for ${idleTimeoutMs} ms (connection lost?)`, { cause: error });
      throw error;
    } finally {
      controller.signal.removeEventListener("abort", onAbort);
      clearTimeout(idle);
    }
  }

  #deliver(message: QueueMessage): void {
    if (message.event_id === null) {
      if (message.msg === "unexpected_error" || message.msg === "server_stopped") {
        const detail = message.message ?? "the server reported an unexpected error";
        const hint = message.session_not_found ? " (the server lost this session; it may have restarted)" : "";
        this.#failAll(new GradioError("PROTOCOL", `${this.#options.url}: ${detail}${hint}`));
      }
      return;
    }
    const id = message.event_id;
    if (this.#abandoned.has(id)) {
      if (message.msg === "process_completed" || message.msg === "unexpected_error") this.#abandoned.delete(id);
      return;
    }
    const sink = this.#sinks.get(id);
    if (!sink) {
      this.#keepEarly(id, message);
      return;
    }
    if (sink.message(message)) this.#sinks.delete(id);
  }

  #keepEarly(id: string, message: QueueMessage): void {
    const list = this.#early.get(id);
    if (list) return void list.push(message);
    if (this.#early.size >= MAX_EARLY_IDS) this.#early.delete(this.#early.keys().next().value as string);
    this.#early.set(id, [message]);
  }

  #failAll(error: Error): void {
    const sinks = [...this.#sinks.values()];
    this.#sinks.clear();
    for (const sink of sinks) sink.fail(error);
  }
}

function asTransportError(error: unknown, url: string): Error {
  if (error instanceof GradioError) return error;
  const detail = error instanceof Error ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ""}` : String(error);
  return new GradioError("NETWORK", `GET ${url}: the connection broke mid-stream: ${detail}`, { cause: error });
}
