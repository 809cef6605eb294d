/**
 * Optional parts of a client, passed to `createAppClient` by a generated module that needs them
 * (ARCHITECTURE.md "decide at generation time"): an app without files, streams, heartbeat, Space
 * id or login never bundles their code. The Node entry exports Node versions of some of them.
 */
import type { LoginCredentials } from "./auth/login.js";
import type { Limits } from "./limits.js";
import type { JobSink } from "./session/job.js";
import type { JoinRequest } from "./session/join.js";
import type { InputContext } from "./session/inputs.js";
import type { Heartbeat } from "./session/heartbeat.js";
import type { JobStream } from "./session/job-stream.js";
import type { SpaceContext } from "./spaces/space-wait.js";
import type { EndpointSpec, FilePath } from "./spec.js";
import type { HttpContext } from "./transport/http.js";

/** What a feature may use of the resolved connection. */
export interface FeatureConnection {
  /** `{base}{apiPrefix}`. */
  readonly api: string;
  readonly http: HttpContext;
  /** The client's bounds (runtime/src/limits.ts); downloads use them. */
  readonly limits?: Limits | undefined;
}

/** File inputs (upload) and file outputs (GradioFile). */
export interface FilesFeature {
  /** Converts the values at the spec's file positions to FileData, uploading content in one request. */
  inputs(spec: EndpointSpec, values: unknown[], ctx: InputContext): Promise<unknown[]>;
  /** Turns FileData found at `paths` inside an output value into GradioFile objects. */
  output(value: unknown, paths: readonly FilePath[], conn: FeatureConnection): Promise<unknown>;
}

/** Runs one job; `onPartial` receives each intermediate result (mapped on demand, in order). */
export type JobRunner = (
  signal: AbortSignal,
  onPartial: (partial: () => Promise<unknown[]>) => void,
  onCancelSent: (sent: Promise<void>) => void,
) => Promise<unknown[]>;

/** Generator endpoints: `client.stream()` and diffs of partial results. */
export interface StreamsFeature {
  /** Applies one `process_generating` message's edit lists to the previous outputs (sse_v2+). */
  diff(last: readonly unknown[], data: readonly unknown[]): unknown[];
  /** Starts `run` and exposes it as a stream, cancelled by `outerSignal` or the stream's `cancel()`. */
  stream(run: JobRunner, outerSignal: AbortSignal | undefined): JobStream<unknown[]>;
  /** The caller's stream of a stream of public results: plain values carried forward, or the updates (session/results.ts). */
  results?(spec: EndpointSpec, source: JobStream<unknown[]>, updates: boolean): JobStream<unknown>;
}

/** Opens the session heartbeat (`customFetch`: the user passed their own `fetch`). */
export type HeartbeatFeature = (http: HttpContext, url: string, customFetch: boolean) => Heartbeat;

/** Space id → host, waiting while it sleeps or builds. */
export type SpacesFeature = (spaceId: string, ctx: SpaceContext) => Promise<string>;

/** Gradio username/password login; returns the `Cookie` header for the app's origin, if any. */
export type LoginFeature = (http: HttpContext, base: string, credentials: LoginCredentials) => Promise<string | null>;

/**
 * Gradio 4.0–4.8's `sse` protocol (docs/protocol.md §3.3): one stream per job. Runs the job of
 * `request` and feeds `sink` every message (parsed JSON) until `sink.message` returns true; a
 * transport failure goes to `sink.fail`. Aborting `request.signal` ends the job's stream; no byte
 * for `idleTimeoutMs` counts as a lost connection.
 */
export type LegacySseFeature = (request: JoinRequest, sink: JobSink, idleTimeoutMs: number) => void;

/**
 * Listeners with `queue=False` (docs/protocol.md §3.5): runs the call with one request and
 * resolves with the wire outputs, or null when the server wants it queued after all.
 */
export type DirectFeature = (request: JoinRequest) => Promise<unknown[] | null>;

/**
 * Checks a call's arguments against the rules of its parameters (`ParamSpec.rule`) before anything
 * is sent; throws `InvalidArgumentError` (code INVALID_ARGUMENT). `label` names the endpoint.
 */
export type ValidationFeature = (spec: EndpointSpec, args: readonly unknown[], label: string) => Promise<void>;

/** The optional parts of a client. */
export interface ClientFeatures {
  readonly files?: FilesFeature | undefined;
  readonly streams?: StreamsFeature | undefined;
  readonly heartbeat?: HeartbeatFeature | undefined;
  readonly spaces?: SpacesFeature | undefined;
  readonly login?: LoginFeature | undefined;
  readonly legacySse?: LegacySseFeature | undefined;
  readonly direct?: DirectFeature | undefined;
  readonly validation?: ValidationFeature | undefined;
}
