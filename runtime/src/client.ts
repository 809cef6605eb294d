/**
 * The client behind every generated module: one session (session hash, shared queue stream,
 * heartbeat) per client, typed calls and streams, cancellation on abort/timeout (the server job is
 * cancelled too), and `close()` that stops everything so a Node process can exit by itself.
 */
import { AppError, GradioError, HttpError, SchemaDriftError } from "./errors.js";
import type { ClientFeatures } from "./features.js";
import { detectDrift } from "./session/drift.js";
import { createCallSignal } from "./session/call-signal.js";
import { connect, readFnIndexes, type Connection, type ConnectionOptions } from "./session/connection.js";
import { createDiscovery } from "./session/discovery.js";
import type { Heartbeat } from "./session/heartbeat.js";
import { wireData } from "./session/inputs.js";
import { createJobSink, type JobEvent } from "./session/job.js";
import type { JobStream } from "./session/job-stream.js";
import { cancel, join } from "./session/join.js";
import { publicOutputs } from "./session/outputs.js";
import { createQueueStream, type QueueStream } from "./session/queue-stream.js";
import type { AppSpec, EndpointSpec } from "./spec.js";
import { asyncDispose, type AsyncDisposal } from "./platform.js";
import { anySignal } from "./util/any-signal.js";

/** Connection options set by the runtime itself, never by users. */
type InternalConnectionOption = "cookies" | "signal" | "needsConfig";

/** What users may set on a client (`connect(options)`, `configure(options)`); nothing else. */
export interface ClientOptions extends Omit<ConnectionOptions, InternalConnectionOption> {
  /**
   * Compare each endpoint with the app's `/config` before its first call (one extra request per
   * client) and fail with SCHEMA_DRIFT if the app changed. Without it the comparison happens on
   * an endpoint's first failure only, so a moved fn_index with an identical layout is not caught.
   */
  readonly verifySchema?: boolean;
  /** Reuse a session (State, chat history) created elsewhere. Default: a new random one. */
  readonly sessionHash?: string;
  /** Keep `GET {P}/heartbeat/{session}` open from the first call to `close()`. Default: `app.connectHeartbeat`. */
  readonly heartbeat?: boolean;
  /** Default of {@link CallOptions.exactPartials}. */
  readonly exactPartials?: boolean;
}

/** Hooks a runtime entry passes to `createAppClient` besides the user's options (the Node entry: a cookie jar per client). */
export interface ClientHooks {
  readonly cookies?: ConnectionOptions["cookies"];
}

export interface CallOptions {
  readonly signal?: AbortSignal;
  /** Milliseconds until the job is cancelled on the server and the call fails with TIMEOUT. */
  readonly timeout?: number;
  readonly onStatus?: (event: JobEvent) => void;
  /**
   * Ask the server for full values on every partial result instead of diffs (`simple_format`):
   * more bytes, but exact even where the server's diff is wrong (nested lists that shrink,
   * docs/protocol.md §3.2). Final results are always exact.
   */
  readonly exactPartials?: boolean;
  /** Extra headers of this call's join request only (e.g. relay an end user's `x-ip-token` to a ZeroGPU Space, §6.1). */
  readonly headers?: Readonly<Record<string, string>>;
  /** The end user's Hugging Face OAuth token, for endpoints taking a `gr.OAuthToken` (sent as the join's `oauth_token`). */
  readonly oauthToken?: string;
}

/** Features an endpoint may bring to a call itself (see {@link GradioClient.call}). */
export type EndpointFeatures = Pick<ClientFeatures, "files" | "streams" | "direct">;

/** A client; `await using` closes it where the lib has `Symbol.asyncDispose` (see platform.ts). */
export interface GradioClient extends AsyncDisposal {
  readonly sessionHash: string;
  /**
   * Runs an endpoint; resolves with its public results in order. `features`: what this endpoint
   * needs besides the client's own (files, direct calls), so that a bundle keeps only the code of
   * the endpoints a program uses.
   */
  call(
    endpoint: EndpointSpec,
    args: readonly unknown[],
    options?: CallOptions,
    features?: EndpointFeatures,
  ): Promise<unknown[]>;
  /** Runs a generator endpoint; iterates its partial results (needs the streams feature). */
  stream(
    endpoint: EndpointSpec,
    args: readonly unknown[],
    options?: CallOptions,
    features?: EndpointFeatures,
  ): JobStream<unknown[]>;
  /** Ends the session's streams and heartbeat; pending calls fail with ABORTED. */
  close(): Promise<void>;
}

type OnPartial = (partial: () => Promise<unknown[]>) => void;

/**
 * Creates a client for one app with the optional `features` it needs (generated modules pass
 * what their app uses). Nothing is sent until the first call.
 */
export function createAppClient(
  app: AppSpec,
  options: ClientOptions & ClientHooks = {},
  features: ClientFeatures = {},
): GradioClient {
  const sessionHash = options.sessionHash ?? randomHash();
  const customFetch = options.fetch !== undefined;
  let queue: QueueStream | null = null;
  let heartbeat: Heartbeat | null = null;
  let closed = false;
  const lifetime = new AbortController();
  // Discovery is aborted when every call waiting for it gave up (bounds: runtime/src/limits.ts).
  const discovery = createDiscovery(lifetime.signal);
  /** Endpoints whose layout was already compared with the app's /config. */
  const driftChecked = new WeakSet<EndpointSpec>();

  /**
   * api name → fn_index for endpoints generated without one. The connection reads `/config` when
   * the first call needs it; when an endpoint with a baked-in fn_index came first, `/config` is
   * read here, once, so the order of calls never matters.
   */
  let names: Promise<ReadonlyMap<string, number>> | null = null;
  const fnIndexOf = async (
    conn: Connection,
    apiName: string,
    signal: AbortSignal | undefined,
  ): Promise<number | undefined> => {
    if (conn.fnIndexByName.size > 0) return conn.fnIndexByName.get(apiName);
    names ??= readFnIndexes(conn, lifetime.signal).catch((error: unknown) => {
      names = null;
      throw error;
    });
    const table = names;
    return (
      signal
        ? await Promise.race([
            table,
            new Promise<never>((_, reject) =>
              signal.addEventListener("abort", () => reject(signal.reason), { once: true }),
            ),
          ])
        : await table
    ).get(apiName);
  };

  const outputs = (spec: EndpointSpec, wire: readonly unknown[], conn: Connection, files: ClientFeatures["files"]) =>
    publicOutputs(spec, wire, files && ((value, paths) => files.output(value, paths, conn)));

  const run = async (
    spec: EndpointSpec,
    args: readonly unknown[],
    callOptions: CallOptions,
    own: EndpointFeatures | undefined,
    onPartial?: OnPartial,
    onCancelSent?: (sent: Promise<void>) => void,
  ): Promise<unknown[]> => {
    const files = own?.files ?? features.files;
    const streams = own?.streams ?? features.streams;
    const direct = own?.direct ?? features.direct;
    const label = spec.apiName === null ? `fn_index ${spec.fnIndex}` : `/${spec.apiName}`;
    if (closed) throw new GradioError("ABORTED", `${label}: the client was closed`);
    if (spec.oauthToken === "required" && !callOptions.oauthToken)
      throw new GradioError(
        "AUTH_REQUIRED",
        `${label} needs the user's Hugging Face OAuth token: pass { oauthToken } in the call options`,
      );
    const call = createCallSignal(label, callOptions);
    const { signal } = call;
    let release: (() => void) | undefined;
    try {
      const conn = await discovery.get(signal, (discoverySignal) =>
        connect(app, { ...options, needsConfig: spec.fnIndex === null, signal: discoverySignal }, features),
      );
      const { http, api, protocol } = conn;
      const open = features.heartbeat;
      if (!heartbeat && !closed && open && (options.heartbeat ?? app.connectHeartbeat)) {
        heartbeat = open(http, `${api}/heartbeat/${encodeURIComponent(sessionHash)}`, customFetch);
      }
      release = heartbeat?.hold?.();
      const fnIndex = spec.fnIndex ?? (await fnIndexOf(conn, spec.apiName ?? "", signal));
      if (fnIndex === undefined) throw new SchemaDriftError(`${label}: the app has no endpoint of that name`);
      if (options.verifySchema && !driftChecked.has(spec)) {
        driftChecked.add(spec);
        const drift = await detectDrift(http, conn.base, spec, label);
        if (drift) throw new SchemaDriftError(drift);
      }
      const ctx = { http, api, openFile: undefined, customFetch, signal };
      const data = await wireData(spec, args, label, files && ((values) => files.inputs(spec, values, ctx)));
      const exact = callOptions.exactPartials ?? options.exactPartials ?? false;
      const request = {
        http,
        api,
        label,
        fnIndex,
        sessionHash,
        data,
        signal,
        simpleFormat: exact,
        oauthToken: callOptions.oauthToken,
        headers: callOptions.headers,
        limits: conn.limits,
      };
      const wire = await new Promise<unknown[]>((resolve, reject) => {
        let eventId: string | undefined;
        // `cancel(…)` must not be an argument of `onCancelSent?.(…)`: that would skip the request.
        const cancelJob = (id: string) => {
          const sent = cancel(request, id);
          onCancelSent?.(sent);
        };
        const onAbort = () => {
          if (eventId !== undefined) {
            queue?.abandon(eventId);
            cancelJob(eventId);
          }
          reject(call.reason());
        };
        // Jobs on the shared stream fail when close() closes it; a per-job stream (4.0–4.8) is told here,
        // through a signal of its own (listeners per call on lifetime.signal would warn past 10 calls).
        const ended = anySignal([lifetime.signal]);
        const onClose = () => reject(lifetime.signal.reason);
        const settle =
          <T>(fn: (value: T) => void) =>
          (value: T) => {
            signal?.removeEventListener("abort", onAbort);
            ended.removeEventListener("abort", onClose);
            fn(value);
          };
        const sink = createJobSink({
          endpoint: label,
          // Partials are diffs from sse_v2 on; sse_v1 and 4.0–4.8's sse send full values.
          diffs: /^sse_v[2-9]/.test(protocol) && !exact ? streams?.diff : undefined,
          onStatus: callOptions.onStatus,
          onPartial: onPartial && ((partial) => onPartial(() => outputs(spec, partial, conn, files))),
          onDone: settle(resolve),
          onError: settle(reject),
          onCancelled: () =>
            settle(reject)(new GradioError("ABORTED", `${label}: the job was cancelled on the server`)),
        });
        if (signal?.aborted) return onAbort();
        signal?.addEventListener("abort", onAbort, { once: true });
        if (protocol === "sse" && features.legacySse) {
          ended.addEventListener("abort", onClose, { once: true });
          const both = anySignal(signal ? [signal, ended] : [ended]);
          return features.legacySse({ ...request, signal: both }, sink, conn.limits.idleTimeoutMs);
        }
        const queued = () => {
          if (closed) return settle(reject)(new GradioError("ABORTED", `${label}: the client was closed`));
          // The stream stays open while this join is in flight (a dropped stream kills the session's jobs).
          const stream = (queue ??= createQueueStream(
            http,
            `${api}/queue/data?session_hash=${encodeURIComponent(sessionHash)}`,
            conn.limits,
          ));
          const joined = stream.hold();
          join(request).then(
            (id) => {
              joined();
              if (signal?.aborted) return cancelJob(id);
              eventId = id;
              stream.register(id, sink);
            },
            (error: unknown) => (joined(), settle(reject)(error)),
          );
        };
        if (direct && spec.queued === false && !onPartial)
          return void direct(request).then((data) => (data ? settle(resolve)(data) : queued()), settle(reject));
        queued();
      });
      return await outputs(spec, wire, conn, files);
    } catch (error) {
      throw signal?.aborted ? call.reason() : await explainFailure(spec, label, error);
    } finally {
      call.dispose();
      release?.();
    }
  };

  // Drift guard: on an endpoint's first failure, ask /config whether the app still matches.
  const explainFailure = async (spec: EndpointSpec, label: string, error: unknown): Promise<unknown> => {
    const suspicious =
      error instanceof AppError ||
      error instanceof SchemaDriftError ||
      (error instanceof HttpError && !["AUTH_REQUIRED", "RATE_LIMITED", "QUEUE_FULL"].includes(error.code));
    const connection = discovery.current;
    if (!suspicious || driftChecked.has(spec) || connection === null) return error;
    driftChecked.add(spec);
    const conn = await connection.catch(() => null);
    const drift = conn && (await detectDrift(conn.http, conn.base, spec, label).catch(() => null));
    return drift ? new SchemaDriftError(drift, { cause: error }) : error;
  };

  const close = async () => {
    const reason = new GradioError("ABORTED", "the client was closed");
    closed = true;
    lifetime.abort(reason);
    queue?.close(reason);
    queue = null;
    heartbeat?.close();
    heartbeat = null;
  };

  return {
    sessionHash,
    call: (spec, args, callOptions = {}, own) => run(spec, args, callOptions, own),
    stream(spec, args, callOptions = {}, own) {
      const streams = own?.streams ?? features.streams;
      if (!streams)
        throw new GradioError(
          "UNSUPPORTED",
          `${spec.apiName ?? spec.fnIndex}: this client was created without streams support`,
        );
      return streams.stream(
        (signal, onPartial, onCancelSent) => run(spec, args, { ...callOptions, signal }, own, onPartial, onCancelSent),
        callOptions.signal,
      );
    },
    close,
    [asyncDispose]: close,
  };
}

function randomHash(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => (b | 256).toString(16).slice(1)).join("");
}
