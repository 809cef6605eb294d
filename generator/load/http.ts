/**
 * HTTP for the generator: undici's fetch (honours HTTP(S)_PROXY / NO_PROXY, unlike Node 20's
 * global fetch) with bounded timeouts, and failures turned into CodegenErrors that name the URL
 * and status.
 */
import { EnvHttpProxyAgent, fetch } from "undici";
import { CodegenError } from "../errors.js";

const dispatcher = new EnvHttpProxyAgent();

export interface GetOptions {
  readonly headers?: Record<string, string>;
  readonly timeoutMs?: number;
}

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

function fetchOnce(url: string, options: GetOptions) {
  return fetch(url, { headers: options.headers ?? {}, dispatcher, signal: AbortSignal.timeout(options.timeoutMs ?? 30_000) });
}

function isStaleSocket(error: unknown): boolean {
  const cause = error instanceof Error ? error.cause : undefined;
  return typeof cause === "object" && cause !== null && (cause as { code?: unknown }).code === "UND_ERR_SOCKET";
}
