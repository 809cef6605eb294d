/**
 * Where and how to reach the app: base URL (given, generated, or resolved from a Space id through
 * the Hub), API prefix and protocol (generated, or read once from `/config` when unknown), and
 * the HTTP context that enforces the credentials policy.
 */
import type { CookieJar } from "../auth/cookies.js";
import type { LoginCredentials } from "../auth/login.js";
import { GradioError } from "../errors.js";
import type { ClientFeatures } from "../features.js";
import { limitError, resolveLimits, type Limits } from "../limits.js";
import type { SpaceWaitOptions } from "../spaces/space-wait.js";
import type { AppSpec } from "../spec.js";
import { readJson, send, withPrivateHeaders, type FetchLike, type HttpContext } from "../transport/http.js";
import { apiPrefixPath, isSpaceHost, onOrigin } from "../transport/url-policy.js";
import { isObj, num, str } from "../util/json.js";
import { readTextCapped } from "../util/read-capped.js";
import { deadline } from "./deadline.js";

export interface ConnectionOptions {
  readonly baseUrl?: string | undefined;
  readonly token?: string | undefined;
  readonly headers?: Readonly<Record<string, string>> | undefined;
  readonly fetch?: FetchLike | undefined;
  /** Hub API for Space ids (docs/protocol.md §1.2). Default `https://huggingface.co`; Node: `$HF_ENDPOINT`. */
  readonly hfEndpoint?: string | undefined;
  /** Waiting for a Space that sleeps, starts or builds: bound, poll interval, status events. */
  readonly spaceWait?: SpaceWaitOptions | undefined;
  /**
   * Username/password of an app launched with `auth=` (docs/protocol.md §5.4): logs in once per
   * client and sends the session cookies to the app's origin only. Node keeps the cookies itself;
   * a browser hides `Set-Cookie` and keeps them in its own jar — pass a `fetch` that sets
   * `credentials: "include"` when the app is on another origin.
   */
  readonly auth?: LoginCredentials | undefined;
  /**
   * A cookie jar per client for the app's origin: cookies it sets (a load balancer's sticky
   * session, Gradio's login) go back to it, and nowhere else. The Node entry sets it; browsers
   * keep cookies themselves.
   */
  readonly cookies?: ((origin: string) => CookieJar) | undefined;
  /** Aborts discovery (Hub lookups, waiting for a Space) when the client closes. */
  readonly signal?: AbortSignal | undefined;
  /**
   * Bounds on waiting and sizes (runtime/src/limits.ts, README "Limits"): answer headers within
   * 30 s, 60 s of silence on a stream or download, 64 MiB per message, 2 GiB per download, …
   */
  readonly limits?: Partial<Limits> | undefined;
  /** Silence on the queue stream after which the connection counts as lost (same as `limits.idleTimeoutMs`). */
  readonly idleTimeoutMs?: number | undefined;
  /** Read `/config` even when the generated facts are complete (some fn_index is unknown). */
  readonly needsConfig?: boolean | undefined;
}

export interface Connection {
  readonly base: string;
  /** `{base}{apiPrefix}`: where every API route lives (docs/protocol.md §7 item 1). */
  readonly api: string;
  readonly protocol: string;
  readonly http: HttpContext;
  /** api name → fn_index, when `/config` had to be read (schemas generated without it). */
  readonly fnIndexByName: ReadonlyMap<string, number>;
  /** The client's limits, defaults filled in. */
  readonly limits: Limits;
}

/** Resolves the connection facts, doing at most what the generated facts leave open. */
export async function connect(app: AppSpec, options: ConnectionOptions, features: ClientFeatures): Promise<Connection> {
  const { token, baseUrl } = options;
  const limits = resolveLimits(options.limits, options.idleTimeoutMs);
  const fetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  // The Hugging Face token reaches an app only when it is a Space: a host the Hub resolved, or an
  // *.hf.space URL — never an app given by some other URL (docs/protocol.md §1.4, §7 item 16).
  const appHttp = (url: string, toSpace: boolean): HttpContext => ({
    fetch,
    trustedOrigins: new Set([new URL(url).origin]),
    privateHeaders: {
      ...options.headers,
      ...(token && (toSpace || isSpaceHost(url)) ? { "x-hf-authorization": `Bearer ${token}` } : {}),
    },
    cookies: options.cookies?.(new URL(url).origin),
    requestTimeoutMs: limits.requestTimeoutMs,
  });
  const need = <T>(feature: T | undefined, what: string, how = ""): T => {
    if (feature) return feature;
    throw new GradioError(
      "UNSUPPORTED",
      `the client of ${app.source} was created without ${what} support; regenerate its module${how}, or use the runtime's createClient(), which has every feature`,
    );
  };

  const given = baseUrl ?? app.baseUrl;
  let base = given;
  if (base === null) {
    if (!app.spaceId)
      throw new GradioError(
        "INVALID_ARGUMENT",
        `no base URL is known for ${app.source}; pass { baseUrl } to connect()`,
      );
    base = await need(features.spaces, "Space ids")(app.spaceId, {
      fetch,
      token,
      hfEndpoint: options.hfEndpoint,
      appHttp: (host) => appHttp(host, true),
      wait: options.spaceWait ?? {},
      signal: options.signal,
    });
  }
  base = trimSlash(base);
  let http = appHttp(base, given === null);
  if (options.auth) {
    const cookie = await need(
      features.login,
      "login",
      ' with --login (or --auth / GRADIO_AUTH; config: "login": true)',
    )(http, base, options.auth);
    if (cookie !== null) http = withPrivateHeaders(http, { cookie });
  }

  let prefix = baseUrl === undefined || baseUrl === app.baseUrl ? app.apiPrefix : null;
  let { protocol } = app;
  const fnIndexByName = new Map<string, number>();
  if (prefix === null || protocol === null || options.needsConfig) {
    const config = await readConfig(http, `${base}/config`, options.signal, limits);
    const record = isObj(config) ? config : {};
    prefix = apiPrefixPath(record["api_prefix"], `GET ${base}/config`);
    protocol = str(record["protocol"]) ?? "ws";
    const deps = record["dependencies"];
    (Array.isArray(deps) ? deps : []).forEach((dep: unknown, i) => {
      const name = isObj(dep) ? str(dep["api_name"]) : null;
      if (isObj(dep) && name !== null && !fnIndexByName.has(name)) fnIndexByName.set(name, num(dep["id"]) ?? i);
    });
  }
  if (protocol === "sse") need(features.legacySse, "Gradio 4.0–4.8 (queue protocol sse)");
  else if (!/^sse_v/.test(protocol))
    throw new GradioError(
      "UNSUPPORTED",
      `${base} speaks the queue protocol "${protocol}", which this runtime does not support (Gradio 4.0 or newer is needed)`,
    );
  // A baked-in prefix is checked like a read one: a module generated from a hostile schema stays harmless.
  const api = onOrigin(base, apiPrefixPath(prefix, app.source), `the API prefix of ${app.source}`);
  return { base, api, protocol, http, fnIndexByName, limits };
}

/**
 * `GET /config` in full within `limits.requestTimeoutMs` (headers and body) and at most
 * `limits.maxMessageBytes` long, aborted with `signal` (every caller gave up, or the client closed).
 */
async function readConfig(
  http: HttpContext,
  url: string,
  signal: AbortSignal | undefined,
  limits: Limits,
): Promise<unknown> {
  const { requestTimeoutMs: ms, maxMessageBytes: max } = limits;
  const bound = deadline(signal, ms, `GET ${url}: no complete answer within ${ms} ms (limits.requestTimeoutMs)`);
  try {
    const response = await send(http, url, { signal: bound.signal });
    const text = await readTextCapped(response, max, () =>
      limitError(`GET ${url}: the answer`, "maxMessageBytes", max),
    );
    return await readJson(new Response(text, { status: response.status, headers: response.headers }), "GET", url);
  } catch (error) {
    throw bound.signal.aborted ? bound.signal.reason : error;
  } finally {
    bound.clear();
  }
}

const trimSlash = (url: string) => url.replace(/\/+$/, "");

/** Reads `/config` for the api name → fn_index table (a connection made without it, later needing it). */
export async function readFnIndexes(conn: Connection, signal: AbortSignal | undefined): Promise<Map<string, number>> {
  const config = await readConfig(conn.http, `${conn.base}/config`, signal, conn.limits);
  const record = isObj(config) ? config : {};
  const deps = record["dependencies"];
  const table = new Map<string, number>();
  (Array.isArray(deps) ? deps : []).forEach((dep: unknown, i) => {
    const name = isObj(dep) ? str(dep["api_name"]) : null;
    if (isObj(dep) && name !== null && !table.has(name)) table.set(name, num(dep["id"]) ?? i);
  });
  return table;
}
