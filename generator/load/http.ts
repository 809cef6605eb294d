/**
 * HTTP for the generator: undici's fetch (honours HTTP(S)_PROXY / NO_PROXY, unlike Node 20's
 * global fetch) with bounded timeouts, and failures turned into CodegenErrors that name the URL
 * and status.
 */
import type { FetchLike, LoginFeature } from "@gradio-codegen/runtime";
import { EnvHttpProxyAgent, fetch } from "undici";
import { CodegenError } from "../errors.js";

const dispatcher = new EnvHttpProxyAgent();

export interface GetOptions {
  readonly headers?: Record<string, string>;
  /** Credentials: sent to the origin of `url` only, dropped if a redirect leaves it (§1.4). */
  readonly privateHeaders?: Record<string, string>;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

const MAX_REDIRECTS = 5;

/** GETs a URL and parses JSON; says clearly when the answer is HTML or not JSON. */
export async function getJson(url: string, options: GetOptions = {}): Promise<{ status: number; json: unknown }> {
  let response;
  try {
    response = await fetchOnce(url, options).catch((error: unknown) => {
      // A pooled keep-alive socket the server closed at the same moment: a GET is safe to retry once.
      if (isStaleSocket(error)) return fetchOnce(url, options);
      throw error;
    });
  } catch (error) {
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    throw new CodegenError("NETWORK", `GET ${url} failed: ${reason}`, { cause: error });
  }
  const text = await response.text();
  if (!response.ok) {
    const body = text.trimStart().startsWith("<") ? "an HTML page" : JSON.stringify(text.slice(0, 200));
    throw new CodegenError("HTTP", `GET ${url} answered HTTP ${response.status} with ${body}`);
  }
  try {
    return { status: response.status, json: JSON.parse(text) as unknown };
  } catch (error) {
    const what = text.trimStart().startsWith("<") ? "an HTML page" : `text that is not JSON (${JSON.stringify(text.slice(0, 80))})`;
    throw new CodegenError("NOT_GRADIO", `GET ${url} returned ${what}, not JSON: is this a Gradio app?`, { cause: error });
  }
}

/** Follows redirects by hand so that private headers never reach another origin. */
async function fetchOnce(url: string, options: GetOptions) {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 30_000);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  const origin = new URL(url).origin;
  let current = url;
  let trusted = true;
  for (let hop = 0; ; hop++) {
    // Once a redirect has left the origin, credentials stay off even if it comes back.
    trusted &&= new URL(current).origin === origin;
    const headers = { ...options.headers, ...(trusted ? options.privateHeaders : {}) };
    const response = await fetch(current, { headers, dispatcher, signal, redirect: "manual" });
    const location = response.headers.get("location");
    if (response.status < 300 || response.status >= 400 || location === null || hop === MAX_REDIRECTS) return response;
    await response.body?.cancel();
    current = new URL(location, current).toString();
  }
}

/** The runtime's HTTP context (credentials policy included) for the app at `base`. */
export type RuntimeHttp = Parameters<LoginFeature>[0];

/**
 * An HTTP context for reusing runtime code (its login) in the generator: requests go through
 * undici like ours (proxies honoured, bounded time); credentials stay with the origin of `base`.
 */
export function runtimeHttp(base: string, privateHeaders: Readonly<Record<string, string>> = {}, timeoutMs = 30_000): RuntimeHttp {
  const runtimeFetch: FetchLike = async (input, init) => {
    const signal = init?.signal ? AbortSignal.any([AbortSignal.timeout(timeoutMs), init.signal]) : AbortSignal.timeout(timeoutMs);
    // The runtime sends plain header records and string/URLSearchParams bodies; undici's types and
    // the DOM's differ only in details (iterator disposal), not in what is used here.
    const response = await fetch(input, { method: init?.method, headers: init?.headers as Record<string, string> | undefined, body: init?.body as string | URLSearchParams | null | undefined, redirect: init?.redirect, dispatcher, signal });
    return response as unknown as Response;
  };
  return { fetch: runtimeFetch, trustedOrigins: new Set([new URL(base).origin]), privateHeaders };
}

function isStaleSocket(error: unknown): boolean {
  const cause = error instanceof Error ? error.cause : undefined;
  return typeof cause === "object" && cause !== null && (cause as { code?: unknown }).code === "UND_ERR_SOCKET";
}
