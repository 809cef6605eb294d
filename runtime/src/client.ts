/**
 * The client behind every generated module: one session (session hash, shared queue stream,
 * heartbeat) per client, typed calls and streams, cancellation on abort/timeout (the server job is
 * cancelled too), and `close()` that stops everything so a Node process can exit by itself.
 */
import type { ClientHooks, ClientOptions, CallOptions, EndpointFeatures, GradioClient } from "./client-types.js";
import { GradioError, SchemaDriftError } from "./errors.js";
import type { ClientFeatures } from "./features.js";
import { createCallSignal } from "./session/call-signal.js";
import { connect, type Connection } from "./session/connection.js";
import { createDiscovery } from "./session/discovery.js";
import { createDriftGuard } from "./session/drift-guard.js";
import { createFnIndexLookup } from "./session/fn-index.js";
import type { Heartbeat } from "./session/heartbeat.js";
import { wireData } from "./session/inputs.js";
import { createJobSink } from "./session/job.js";
import { cancel, join } from "./session/join.js";
import { publicOutputs } from "./session/outputs.js";
import { createQueueStream, type QueueStream } from "./session/queue-stream.js";
import { endpointLabel, type AppSpec, type EndpointSpec } from "./spec.js";
import { asyncDispose } from "./platform.js";
import { anySignal } from "./util/any-signal.js";

export type { CallOptions, ClientHooks, ClientOptions, EndpointFeatures, GradioClient } from "./client-types.js";

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
  const drift = createDriftGuard(discovery);

  const fnIndexOf = createFnIndexLookup(lifetime.signal);

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
    const label = endpointLabel(spec);
    if (closed) throw new GradioError("ABORTED", `${label}: the client was closed`);
    if (spec.oauthToken === "required" && !callOptions.oauthToken)
      throw new GradioError(
        "AUTH_REQUIRED",
        `${label} needs the user's Hugging Face OAuth token: pass { oauthToken } in the call options`,
      );
    const validation = own?.validation ?? features.validation;
    if (validation && (callOptions.validate ?? options.validate) !== false) await validation(spec, args, label);
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
      if (options.verifySchema) await drift.verify(spec, http, conn.base, label);
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
      throw signal?.aborted ? call.reason() : await drift.explain(spec, label, error);
    } finally {
      call.dispose();
      release?.();
    }
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
