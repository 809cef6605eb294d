/**
 * HTTP for the generator: the runtime's own `send` (one credentials policy, one redirect loop for
 * generator and runtime, README "Security model") over undici's fetch, which honours
 * HTTP(S)_PROXY / NO_PROXY unlike Node 20's global fetch. Bounded in time and size; failures become
 * CodegenErrors that name the URL and status.
 */
import { GradioError, send, type FetchLike, type HttpContext } from "@gradio-codegen/runtime";
import { EnvHttpProxyAgent, fetch } from "undici";
import { CodegenError } from "../errors.js";
import { readCapped } from "./read-capped.js";

const dispatcher = new EnvHttpProxyAgent();

/** undici's fetch as the runtime's FetchLike. */
export const generatorFetch: FetchLike = async (input, init) => {
  // The runtime sends plain header records and string/URLSearchParams bodies; undici's types and
  // the DOM's differ only in details (iterator disposal), not in what is used here.
  const response = await fetch(input, {
    method: init?.method,
    headers: init?.headers as Record<string, string> | undefined,
    body: init?.body as string | URLSearchParams | null | undefined,
    redirect: init?.redirect,
    signal: init?.signal,
    dispatcher,
  });
  return response as unknown as Response;
};

/**
 * An HTTP context whose credentials (`privateHeaders`) go to `trusted` only — the app's origin, or
 * the Hub's — and stay off once a redirect has left it.
 */
export function generatorHttp(
  trusted: string | null,
  privateHeaders: Readonly<Record<string, string>> = {},
): HttpContext {
  return {
    fetch: generatorFetch,
    trustedOrigins: new Set(trusted === null ? [] : [new URL(trusted).origin]),
    privateHeaders,
  };
}

export interface GetOptions {
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** Refuse a body larger than this (TOO_LARGE); default {@link maxResponseBytes}. */
  readonly maxBytes?: number;
}

/** GETs a URL and parses JSON; says clearly when the answer is HTML, not JSON, or too large. */
export async function getJson(
  http: HttpContext,
  url: string,
  options: GetOptions = {},
): Promise<{ status: number; json: unknown }> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  let response: Response;
  try {
    response = await send(http, url, { signal }).catch((error: unknown) => {
      // A pooled keep-alive socket the server closed at the same moment: a GET is safe to retry once.
      if (isStaleSocket(error)) return send(http, url, { signal });
      throw error;
    });
  } catch (error) {
    if (timeout.aborted)
      throw new CodegenError("NETWORK", `GET ${url} failed: no answer within ${timeoutMs / 1000} s`, { cause: error });
    // The runtime's own verdicts (too many redirects) have no cause and say it all.
    const reason =
      error instanceof GradioError && error.cause === undefined
        ? error.message
        : `GET ${url} failed: ${innermost(error)}`;
    throw new CodegenError("NETWORK", reason, { cause: error });
  }
  const text = await readCapped(response, url, options.maxBytes);
  if (!response.ok) {
    const body = text.trimStart().startsWith("<") ? "an HTML page" : JSON.stringify(text.slice(0, 200));
    throw new CodegenError("HTTP", `GET ${url} answered HTTP ${response.status} with ${body}`);
  }
  try {
    return { status: response.status, json: JSON.parse(text) as unknown };
  } catch (error) {
    const what = text.trimStart().startsWith("<")
      ? "an HTML page"
      : `text that is not JSON (${JSON.stringify(text.slice(0, 80))})`;
    throw new CodegenError("NOT_GRADIO", `GET ${url} returned ${what}, not JSON: is this a Gradio app?`, {
      cause: error,
    });
  }
}

/** The low-level reason of a network failure (`connect ECONNREFUSED …`). */
function innermost(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}

function isStaleSocket(error: unknown): boolean {
  let current = error;
  while (current instanceof Error) {
    if ((current as { code?: unknown }).code === "UND_ERR_SOCKET") return true;
    current = current.cause;
  }
  return false;
}
