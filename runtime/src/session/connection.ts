/**
 * Where and how to reach the app: base URL (given, generated, or resolved from a Space id through
 * the Hub), API prefix and protocol (generated, or read once from `/config` when unknown), and
 * the HTTP context that enforces the credentials policy.
 */
import type { LoginCredentials } from "../auth/login.js";
import { GradioError } from "../errors.js";
import type { ClientFeatures } from "../features.js";
import type { SpaceWaitOptions } from "../spaces/space-wait.js";
import type { AppSpec } from "../spec.js";
import { sendJson, type FetchLike, type HttpContext } from "../transport/http.js";

export interface ConnectionOptions {
  readonly baseUrl?: string | undefined;
  readonly token?: string | undefined;
  readonly headers?: Readonly<Record<string, string>> | undefined;
  readonly fetch?: FetchLike | undefined;
  /** Hub API for Space ids (gradio-protocol.md §1.2). Default `https://huggingface.co`; Node: `$HF_ENDPOINT`. */
  readonly hfEndpoint?: string | undefined;
  /** Waiting for a Space that sleeps, starts or builds: bound, poll interval, status events. */
  readonly spaceWait?: SpaceWaitOptions | undefined;
  /**
   * Username/password of an app launched with `auth=` (gradio-protocol.md §5.4): logs in once per
   * client and sends the session cookies to the app's origin only. Node keeps the cookies itself;
   * a browser hides `Set-Cookie` and keeps them in its own jar — pass a `fetch` that sets
   * `credentials: "include"` when the app is on another origin.
   */
  readonly auth?: LoginCredentials | undefined;
  /** Aborts discovery (Hub lookups, waiting for a Space) when the client closes. */
  readonly signal?: AbortSignal | undefined;
  /** Read `/config` even when the generated facts are complete (some fn_index is unknown). */
  readonly needsConfig?: boolean | undefined;
}

export interface Connection {
  readonly base: string;
  /** `{base}{apiPrefix}`: where every API route lives (gradio-protocol.md §7 item 1). */
  readonly api: string;
  readonly protocol: string;
  readonly http: HttpContext;
  /** api name → fn_index, when `/config` had to be read (schemas generated without it). */
  readonly fnIndexByName: ReadonlyMap<string, number>;
}

const SUPPORTED = new Set(["sse_v1", "sse_v2", "sse_v2.1", "sse_v3"]);

/** Resolves the connection facts, doing at most what the generated facts leave open. */
export async function connect(app: AppSpec, options: ConnectionOptions, features: ClientFeatures): Promise<Connection> {
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const hub = trimSlash(options.hfEndpoint ?? "https://huggingface.co");
  const hubHttp: HttpContext = {
    fetch: fetchImpl,
    trustedOrigins: new Set([new URL(hub).origin]),
    privateHeaders: options.token ? { authorization: `Bearer ${options.token}` } : {},
  };
  // The Hugging Face token reaches an app only when it is a Space: a host the Hub resolved, or an
  // *.hf.space URL — never an app given by some other URL (gradio-protocol.md §1.4, §7 item 16).
  const appHttp = (url: string, toSpace: boolean): HttpContext => ({
    fetch: fetchImpl,
    trustedOrigins: new Set([new URL(url).origin]),
    privateHeaders: { ...options.headers, ...(options.token && (toSpace || isSpaceHost(url)) ? { "x-hf-authorization": `Bearer ${options.token}` } : {}) },
  });

  const given = options.baseUrl ?? app.baseUrl;
  const base = trimSlash(
    given ??
      (app.spaceId
        ? await (features.spaces ?? missing("Space ids", app))(app.spaceId, { hub, hubHttp, appHttp: (host) => appHttp(host, true), wait: options.spaceWait ?? {}, hasToken: Boolean(options.token), signal: options.signal })
        : missing("", app)),
  );
  let http = appHttp(base, given === null);
  if (options.auth) {
    const cookie = await (features.login ?? missing("login", app))(http, base, options.auth);
    if (cookie !== null) http = { ...http, privateHeaders: { ...http.privateHeaders, cookie } };
  }

  let prefix = options.baseUrl === undefined || options.baseUrl === app.baseUrl ? app.apiPrefix : null;
  let protocol = app.protocol;
  const fnIndexByName = new Map<string, number>();
  if (prefix === null || protocol === null || options.needsConfig) {
    const config = await sendJson(http, `${base}/config`);
    const record = typeof config === "object" && config !== null ? (config as Record<string, unknown>) : {};
    prefix = typeof record["api_prefix"] === "string" ? record["api_prefix"] : "";
    protocol = typeof record["protocol"] === "string" ? record["protocol"] : "ws";
    const deps = Array.isArray(record["dependencies"]) ? (record["dependencies"] as unknown[]) : [];
    deps.forEach((dep, i) => {
      if (typeof dep !== "object" || dep === null) return;
      const { api_name: name, id } = dep as Record<string, unknown>;
      if (typeof name === "string" && !fnIndexByName.has(name)) fnIndexByName.set(name, typeof id === "number" ? id : i);
    });
  }
  if (protocol === "sse") features.legacySse ?? missing("Gradio 4.0–4.8 (queue protocol sse)", app);
  else if (!SUPPORTED.has(protocol)) {
    throw new GradioError("UNSUPPORTED", `${base} speaks the queue protocol "${protocol}", which this runtime does not support (Gradio 4.0 or newer is needed)`);
  }
  return { base, api: `${base}${trimSlash(prefix)}`, protocol, http, fnIndexByName };
}

/** A needed feature the module was generated without (or no base URL at all). */
function missing(feature: string, app: AppSpec): never {
  throw feature
    ? new GradioError("UNSUPPORTED", `the client of ${app.source} was created without ${feature} support; regenerate its module, or use the runtime's createClient(), which has every feature`)
    : new GradioError("INVALID_ARGUMENT", `no base URL is known for ${app.source}; pass { baseUrl } to connect()`);
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

function isSpaceHost(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === "https:" && hostname.endsWith(".hf.space");
}
