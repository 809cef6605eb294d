/**
 * The client behind every generated module: one session (session hash, shared queue stream) per
 * client, typed calls and streams, cancellation on abort/timeout, and `close()` that stops
 * everything so a Node process can exit by itself.
 */
import { GradioError, SchemaDriftError } from "./errors.js";
import type { OpenFile } from "./files/file-input.js";
import { connect, type Connection, type ConnectionOptions } from "./session/connection.js";
import { cancel, join } from "./session/join.js";
import { createJobSink, type JobEvent } from "./session/job.js";
import { createJobStream, type JobStream } from "./session/job-stream.js";
import { wireData } from "./session/inputs.js";
import { publicOutputs } from "./session/outputs.js";
import { QueueStream } from "./session/queue-stream.js";
import type { AppSpec, EndpointSpec } from "./spec.js";
import { httpError, send } from "./transport/http.js";

export interface ClientOptions extends ConnectionOptions {
  /** Reuse a session (State, chat history) created elsewhere. Default: a new random one. */
  readonly sessionHash?: string;
  /** Reads local file paths (set by the Node entry). */
  readonly openFile?: OpenFile;
  /** Silence on the queue stream after which the connection counts as lost. Default 60 s. */
  readonly idleTimeoutMs?: number;
}

export interface CallOptions {
  readonly signal?: AbortSignal;
  /** Milliseconds until the job is cancelled on the server and the call fails with TIMEOUT. */
  readonly timeout?: number;
  readonly onStatus?: (event: JobEvent) => void;
}

export interface GradioClient {
  readonly sessionHash: string;
  /** Runs an endpoint; resolves with its public results in order. */
  call(endpoint: EndpointSpec, args: readonly unknown[], options?: CallOptions): Promise<unknown[]>;
  /** Runs a generator endpoint; iterates its partial results. */
  stream(endpoint: EndpointSpec, args: readonly unknown[], options?: CallOptions): JobStream<unknown[]>;
  /** Ends the session's streams; pending calls fail with ABORTED. */
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** Creates a client for one app. Nothing is sent until the first call. */
export function createClient(app: AppSpec, options: ClientOptions = {}): GradioClient {
  const sessionHash = options.sessionHash ?? randomHash();
  let connection: Promise<Connection> | null = null;
  let queue: QueueStream | null = null;
  let closed = false;
  const getConnection = (needsConfig = false) => (connection ??= connect(app, { ...options, needsConfig }));

  const run = async (spec: EndpointSpec, args: readonly unknown[], callOptions: CallOptions, onPartial?: (wire: unknown[]) => void): Promise<unknown[]> => {
    if (closed) throw new GradioError("ABORTED", "the client was closed");
    const label = spec.apiName === null ? `fn_index ${spec.fnIndex}` : `/${spec.apiName}`;
    const conn = await getConnection(spec.fnIndex === null).catch((error: unknown) => {
      connection = null; // let the next call retry discovery
      throw error;
    });
    const signal = combinedSignal(callOptions);
    const fnIndex = spec.fnIndex ?? (spec.apiName === null ? undefined : conn.fnIndexByName.get(spec.apiName));
    if (fnIndex === undefined) throw new SchemaDriftError(`${label}: the app has no endpoint of that name`);
    const data = await wireData(spec, args, { http: conn.http, api: conn.api, openFile: options.openFile, signal }, label);
    const request = { http: conn.http, api: conn.api, label, fnIndex, sessionHash, data, signal };
    const eventId = await join(request).catch((error: unknown) => {
      throw signal?.aborted ? abortReason(signal, callOptions, label) : error;
    });
    const stream = (queue ??= new QueueStream({ http: conn.http, url: `${conn.api}/queue/data?session_hash=${encodeURIComponent(sessionHash)}`, idleTimeoutMs: options.idleTimeoutMs ?? 60_000 }));
    const wire = await new Promise<unknown[]>((resolve, reject) => {
      const onAbort = () => {
        stream.unregister(eventId);
        void cancel(request, eventId);
        reject(abortReason(signal as AbortSignal, callOptions, label));
      };
      const finish = () => signal?.removeEventListener("abort", onAbort);
      if (signal?.aborted) return onAbort();
      signal?.addEventListener("abort", onAbort, { once: true });
      stream.register(
        eventId,
        createJobSink({
          endpoint: label,
          diffs: conn.protocol !== "sse_v1",
          onStatus: callOptions.onStatus,
          onPartial,
          onDone: (result) => (finish(), resolve(result)),
          onError: (error) => (finish(), reject(error)),
          onCancelled: () => (finish(), reject(new GradioError("ABORTED", `${label}: the job was cancelled on the server`))),
        }),
      );
    });
    return publicOutputs(spec, wire, conn.api, download);
  };

  const download = async (url: string): Promise<Response> => {
    const conn = await getConnection();
    const response = await send(conn.http, url);
    if (!response.ok) throw httpError("GET", url, response.status, await response.text());
    return response;
  };

  const close = async () => {
    closed = true;
    queue?.close(new GradioError("ABORTED", "the client was closed"));
    queue = null;
  };

  return {
    sessionHash,
    call: (spec, args, callOptions = {}) => run(spec, args, callOptions),
    stream(spec, args, callOptions = {}) {
      const controller = new AbortController();
      const signals = [controller.signal, ...(callOptions.signal ? [callOptions.signal] : [])];
      const handle = createJobStream<unknown[]>(async () => controller.abort(new GradioError("ABORTED", "the stream was cancelled")));
      let conn: Connection | null = null;
      void getConnection().then((c) => (conn = c), () => {});
      run(spec, args, { ...callOptions, signal: AbortSignal.any(signals) }, (wire) => {
        if (conn) void publicOutputs(spec, wire, conn.api, download).then(handle.push, handle.fail);
      }).then(handle.finish, handle.fail);
      return handle.stream;
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}

function combinedSignal(options: CallOptions): AbortSignal | undefined {
  const signals = [options.signal, options.timeout !== undefined ? AbortSignal.timeout(options.timeout) : undefined].filter((s): s is AbortSignal => s !== undefined);
  if (signals.length === 0) return undefined;
  return signals.length === 1 ? signals[0] : AbortSignal.any(signals);
}

function abortReason(signal: AbortSignal, options: CallOptions, label: string): GradioError {
  const reason: unknown = signal.reason;
  if (reason instanceof GradioError) return reason;
  if (reason instanceof DOMException && reason.name === "TimeoutError") {
    return new GradioError("TIMEOUT", `${label}: no result within ${options.timeout ?? "?"} ms; the job was cancelled`, { cause: reason });
  }
  return new GradioError("ABORTED", `${label}: the call was aborted`, { cause: reason });
}

function randomHash(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
