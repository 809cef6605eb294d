/**
 * The one place the runtime talks HTTP. Credentials (token, custom headers, cookies) go only to
 * the app's own origin and the Hub API, never to third-party URLs, and are dropped when a
 * redirect leaves that origin (README "Security model"; the generator uses it too).
 */
import type { CookieJar } from "../auth/cookies.js";
import { GradioError, HttpError } from "../errors.js";
import { withHeaderDeadline } from "../session/deadline.js";
import { errorText, isObj, parseJson } from "../util/json.js";
import { originOf } from "./url-policy.js";

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface HttpContext {
  readonly fetch: FetchLike;
  /** Origins (scheme://host:port) that may receive `privateHeaders`. */
  readonly trustedOrigins: ReadonlySet<string>;
  /** Token and user headers: only sent to trusted origins. */
  readonly privateHeaders: Readonly<Record<string, string>>;
  /** Cookies the trusted origin set, sent back to it (the Node entry; browsers keep cookies themselves). */
  readonly cookies?: CookieJar | undefined;
  /** Bound on waiting for an answer's headers (`limits.requestTimeoutMs`, runtime/src/session/deadline.ts). */
  readonly requestTimeoutMs?: number | undefined;
}

export interface RequestOptions {
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: BodyInit;
  readonly signal?: AbortSignal | undefined;
  /**
   * The body carries a secret (a login form, a join with `oauth_token`, the user's files of an
   * upload): a 307/308 to another origin, which would re-send it there, fails with CROSS_ORIGIN.
   */
  readonly secretBody?: boolean | undefined;
}

/** One request of a redirect chain, made by something other than `ctx.fetch` (the Node entry's node:http). */
export type Exchange<B> = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: B | null; signal: AbortSignal | null },
) => Promise<Response>;

const MAX_REDIRECTS = 10;

/** `ctx` with `headers` added to its private headers (app origin only, dropped on a redirect elsewhere). */
export function withPrivateHeaders(
  ctx: HttpContext,
  headers: Readonly<Record<string, string>> | undefined,
): HttpContext {
  return headers ? { ...ctx, privateHeaders: { ...ctx.privateHeaders, ...headers } } : ctx;
}

/**
 * The credentials for a request to `url`: the private headers and the jar's cookies when its
 * origin is trusted, nothing otherwise. For requests made outside {@link sendVia} (the Node heartbeat).
 */
export function credentialsFor(ctx: HttpContext, url: string): Record<string, string> {
  const origin = originOf(url);
  if (origin === null || !ctx.trustedOrigins.has(origin)) return {};
  const cookie = ctx.cookies?.header(url);
  return { ...ctx.privateHeaders, ...(cookie ? { cookie } : {}) };
}

/** Sends a request; returns the response whatever its status. Network failures → NETWORK. */
export function send(ctx: HttpContext, url: string, options: RequestOptions = {}): Promise<Response> {
  const fetch = ctx.requestTimeoutMs === undefined ? ctx.fetch : withHeaderDeadline(ctx.fetch, ctx.requestTimeoutMs);
  return sendVia(ctx, url, options, (target, init) => fetch(target, { ...init, redirect: "manual" }));
}

/** {@link send} with the requests made by `exchange`: same credentials policy, redirects and errors. */
export async function sendVia<B>(
  ctx: HttpContext,
  url: string,
  options: Omit<RequestOptions, "body"> & { readonly body?: B },
  exchange: Exchange<B>,
): Promise<Response> {
  let { method = "GET", body = null, signal = null } = options;
  let target = url;
  let trusted = true;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    // Once a redirect chain has left the trusted origins, credentials stay off even if it comes back.
    trusted &&= ctx.trustedOrigins.has(originOf(target) ?? "");
    const jar = trusted ? ctx.cookies : undefined;
    const cookie = jar?.header(target);
    let response: Response;
    try {
      response = await exchange(target, {
        method,
        headers: { ...(trusted ? ctx.privateHeaders : {}), ...(cookie ? { cookie } : {}), ...options.headers },
        body,
        signal,
      });
    } catch (error) {
      // A GradioError is already typed (e.g. TIMEOUT of limits.requestTimeoutMs, runtime/src/session/deadline.ts).
      throw signal?.aborted
        ? (signal.reason ?? error)
        : error instanceof GradioError
          ? error
          : new GradioError("NETWORK", `${method} ${target} failed: ${errorText(error)}`, { cause: error });
    }
    jar?.store(response, target);
    const { status } = response;
    const location = response.headers.get("location");
    if (status < 300 || status > 399 || !location) return response;
    await response.body?.cancel();
    const next = resolveUrl(location, target);
    if (next === null)
      throw new GradioError(
        "PROTOCOL",
        `${method} ${target} answered HTTP ${status} with a Location that is not a URL: ${JSON.stringify(location.slice(0, 120))}`,
      );
    if (
      options.secretBody &&
      body !== null &&
      (status === 307 || status === 308) &&
      originOf(next) !== originOf(target)
    ) {
      throw new GradioError(
        "CROSS_ORIGIN",
        `${method} ${target} answered HTTP ${status} to ${originOf(next) ?? next}: its body carries a secret, which is never re-sent from ${originOf(target) ?? target} to another origin`,
      );
    }
    target = next;
    if (status === 303 || ((status === 301 || status === 302) && method === "POST")) {
      method = "GET";
      body = null;
    }
  }
  throw new GradioError("NETWORK", `${method} ${url} failed: too many redirects (more than ${MAX_REDIRECTS})`);
}

/** `location` resolved against `base`, or null when it is not a URL. */
function resolveUrl(location: string, base: string): string | null {
  try {
    return new URL(location, base).href;
  } catch {
    return null;
  }
}

/** Sends a request and parses a JSON answer; any non-2xx status becomes an HttpError. */
export async function sendJson(ctx: HttpContext, url: string, options: RequestOptions = {}): Promise<unknown> {
  return readJson(await send(ctx, url, options), options.method ?? "GET", url);
}

/** Parses a JSON answer; any non-2xx status becomes an HttpError. */
export async function readJson(response: Response, method: string, url: string): Promise<unknown> {
  const text = await response.text();
  if (!response.ok) throw httpError(method, url, response.status, text);
  const value = parseJson(text);
  if (value === undefined)
    throw new GradioError(
      "PROTOCOL",
      `${method} ${url}: expected JSON, got ${isHtml(text) ? "HTML" : "text that is not JSON"}: ${text.slice(0, 120)}`,
    );
  return value;
}

/** Maps a failed response to an HttpError with the most specific code. */
export function httpError(method: string, url: string, status: number, body: string): HttpError {
  const json = parseJson(body);
  const detail = isObj(json) && "detail" in json ? json["detail"] : undefined;
  let text =
    detail === undefined
      ? isHtml(body)
        ? "(HTML page)"
        : body.slice(0, 200)
      : typeof detail === "string"
        ? detail
        : JSON.stringify(detail);
  // Gradio's login guard (docs/protocol.md §3.2, §5.4), not a Hub/proxy 401.
  if (status === 401 && text.includes("Not authenticated"))
    text += " — the app requires a login: pass { auth: { username, password } } to connect()";
  const code =
    status === 401 ? "AUTH_REQUIRED" : status === 429 ? "RATE_LIMITED" : status === 422 ? "VALIDATION" : "HTTP";
  return new HttpError({ method, url, status, body, code, detail: text });
}

const isHtml = (text: string) => text.trimStart().startsWith("<");
