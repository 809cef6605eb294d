/**
 * The client's public shapes: what users may set (`ClientOptions`, `CallOptions`), what a runtime
 * entry adds (`ClientHooks`), and the `GradioClient` every generated module wraps (client.ts).
 */
import type { ClientFeatures } from "./features.js";
import type { ConnectionOptions } from "./session/connection.js";
import type { JobEvent } from "./session/job.js";
import type { JobStream } from "./session/job-stream.js";
import type { EndpointSpec } from "./spec.js";
import type { AsyncDisposal } from "./platform.js";

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
  /** `false`: send arguments the app would refuse instead of failing with INVALID_ARGUMENT first. Default true. */
  readonly validate?: boolean;
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
  /**
   * Check the arguments against what the app's server refuses (choices, ranges, upload size and
   * type; see README "Validation before sending") before sending anything. Default: the client's
   * `validate` (true).
   */
  readonly validate?: boolean;
}

/** Features an endpoint may bring to a call itself (see {@link GradioClient.call}). */
export type EndpointFeatures = Pick<ClientFeatures, "files" | "streams" | "direct" | "validation">;

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
