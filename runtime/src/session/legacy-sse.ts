/**
 * Gradio 4.0–4.8's `sse` queue protocol (docs/protocol.md §3.3), as gradio_client 0.7 speaks it:
 * one stream per job, `GET {P}/queue/join?fn_index=&session_hash=` → `estimation`… → `send_data`
 * (the job's `event_id`) → `POST {P}/queue/data` with the inputs → `process_starts`,
 * `process_generating`…, `process_completed`, after which the server ends the stream
 * (gradio 4.8.0 routes.py `queue_join`/`queue_data`, queueing.py `Event.get_data`/`process_events`).
 *
 * Cancelling is closing the stream: the server answers the disconnect with `clean_event` (routes.py
 * `sse_stream`), which drops a queued job, ends the 5 s wait for its data, and stops a generator
 * after its current step; a running plain function still runs to its end (4.0–4.8 cannot stop it)
 * and its result is discarded. Both official 4.8 clients also POST `/reset {event_id}`; it adds
 * nothing to that (it only acts on running generators, whose iterator `process_events` resets in
 * its `finally` anyway), so it is not sent.
 */
import { GradioError } from "../errors.js";
import type { LegacySseFeature } from "../features.js";
import { DEFAULT_LIMITS } from "../limits.js";
import { createSseParser } from "../sse/parser.js";
import { httpError, send, withPrivateHeaders } from "../transport/http.js";
import { errorText, isObj, str } from "../util/json.js";

/** Runs one job over its own stream; see the module comment. */
export const legacySse: LegacySseFeature = (request, sink, idleTimeoutMs) => {
  const { api, fnIndex, sessionHash, signal } = request;
  // Per-call headers (a relayed x-ip-token, …) reach gr.Request through the join request; app origin only.
  const http = withPrivateHeaders(request.http, request.headers);
  const url = `${api}/queue/join?fn_index=${fnIndex}&session_hash=${encodeURIComponent(sessionHash)}`;
  const controller = new AbortController();
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let idle: ReturnType<typeof setTimeout> | undefined;
  let timedOut = false;
  let done = false;

  // Undici (Node 20) does not always error a pending read() on abort: cancel the reader too.
  const release = () => {
    clearTimeout(idle);
    controller.abort();
    reader?.cancel().catch(() => {});
  };
  const finish = (error?: Error) => {
    if (done) return;
    done = true;
    signal?.removeEventListener("abort", release);
    release();
    // After the caller's abort the client has already rejected the call.
    if (error && !signal?.aborted) sink.fail(error);
  };
  const armIdle = () => {
    clearTimeout(idle);
    if (controller.signal.aborted) return;
    idle = setTimeout(() => ((timedOut = true), release()), idleTimeoutMs);
    // The open request keeps a Node process alive while the job runs; this timer alone never should.
    (idle as { unref?: () => void }).unref?.();
  };

  const postData = async (eventId: string | null) => {
    const dataUrl = `${api}/queue/data`;
    const body = JSON.stringify({
      data: request.data,
      fn_index: fnIndex,
      session_hash: sessionHash,
      event_id: eventId,
      event_data: null,
    });
    const response = await send(http, dataUrl, {
      method: "POST",
      body,
      headers: { "content-type": "application/json" },
      signal: controller.signal,
    });
    const text = await response.text();
    if (!response.ok) throw httpError("POST", dataUrl, response.status, text);
  };

  /** Handles one message; true when the job is finished. */
  const handle = async (data: string): Promise<boolean> => {
    let message: unknown;
    try {
      message = JSON.parse(data);
    } catch (error) {
      throw new GradioError("PROTOCOL", `GET ${url}: malformed message: ${data.slice(0, 120)}`, { cause: error });
    }
    if (!isObj(message)) return false;
    if (message["msg"] === "send_data") {
      await postData(str(message["event_id"]));
      return false;
    }
    const output = message["output"];
    // 4.0–4.8 re-raise every app error as Exception(str(error)) (queueing.py `call_prediction`), and
    // str(gr.Error) is repr(message) (exceptions.py `Error.__str__`), so the payload is a bare
    // {"error": "'text'"}. The `visible` key of later 4.x gr.Error payloads lets the sink undo the
    // repr the same way (protocol/messages.ts `appErrorText`); unquoted texts stay as they are.
    if (
      message["msg"] === "process_completed" &&
      message["success"] !== true &&
      isObj(output) &&
      !("visible" in output)
    ) {
      return sink.message({ ...message, output: { ...output, visible: true } });
    }
    return sink.message(message);
  };

  const run = async () => {
    armIdle();
    const response = await send(http, url, { headers: { accept: "text/event-stream" }, signal: controller.signal });
    if (!response.ok || !response.body) throw httpError("GET", url, response.status, await response.text());
    const pending: string[] = [];
    const parser = createSseParser(
      (event) => pending.push(event.data),
      (request.limits ?? DEFAULT_LIMITS).maxMessageBytes,
    );
    const decoder = new TextDecoder();
    reader = response.body.getReader();
    if (controller.signal.aborted) throw new GradioError("ABORTED", `GET ${url}: aborted`);
    for (let chunk; !(chunk = await reader.read()).done; ) {
      armIdle();
      parser.feed(decoder.decode(chunk.value, { stream: true }));
      for (const data of pending.splice(0)) if (await handle(data)) return;
    }
    throw new GradioError(
      "NETWORK",
      `GET ${url}: the stream ended before the job completed (the server dropped it or restarted)`,
    );
  };

  if (signal?.aborted) return;
  signal?.addEventListener("abort", release, { once: true });
  run().then(
    () => finish(),
    (error: unknown) => {
      if (timedOut)
        finish(
          new GradioError("NETWORK", `GET ${url}: no data for ${idleTimeoutMs} ms (connection lost?)`, {
            cause: error,
          }),
        );
      else if (error instanceof GradioError) finish(error);
      else
        finish(
          new GradioError("NETWORK", `GET ${url}: the connection broke mid-stream: ${errorText(error)}`, {
            cause: error,
          }),
        );
    },
  );
};
