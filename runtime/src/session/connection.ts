/**
 * Where and how to reach the app: base URL (given, generated, or resolved from a Space id through
 * the Hub), API prefix and protocol (generated, or read once from `/config` when unknown), and
 * the HTTP context that enforces the credentials policy.
 */
import { GradioError } from "../errors.js";
import type { AppSpec } from "../spec.js";
import { sendJson, type FetchLike, type HttpContext } from "../transport/http.js";

export interface ConnectionOptions {
  readonly baseUrl?: string | undefined;
  readonly token?: string | undefined;
  readonly headers?: Readonly<Record<string, string>> | undefined;
  readonly fetch?: FetchLike | undefined;
  readonly hfEndpoint?: string | undefined;
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
export async function connect(app: AppSpec, options: ConnectionOptions): Promise<Connection> {
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const hub = (options.hfEndpoint ?? "https://huggingface.co").replace(/\/+$/, "");
  const tokenHeaders: Record<string, string> = options.token ? { "x-hf-authorization": `Bearer ${options.token}` } : {};
  const hubHttp: HttpContext = {
    fetch: fetchImpl,
    trustedOrigins: new Set([new URL(hub).origin]),
    privateHeaders: options.token ? { authorization: `Bearer ${options.token}` } : {},
  };

  const base = trimSlash(options.baseUrl ?? app.baseUrl ?? (app.spaceId ? await spaceHost(hubHttp, hub, app.spaceId) : missingBase(app)));
  const http: HttpContext = {
    fetch: fetchImpl,
    trustedOrigins: new Set([new URL(base).origin]),
    privateHeaders: { ...options.headers, ...tokenHeaders },
  };

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
  if (!SUPPORTED.has(protocol)) {
    throw new GradioError("UNSUPPORTED", `${base} speaks the queue protocol "${protocol}", which this runtime does not support (Gradio 4.9 or newer is needed)`);
  }
  return { base, api: `${base}${trimSlash(prefix)}`, protocol, http, fnIndexByName };
}

async function spaceHost(http: HttpContext, hub: string, spaceId: string): Promise<string> {
  const url = `${hub}/api/spaces/${spaceId}/host`;
  const answer = await sendJson(http, url);
  const host = typeof answer === "object" && answer !== null ? (answer as Record<string, unknown>)["host"] : undefined;
  if (typeof host !== "string") throw new GradioError("PROTOCOL", `GET ${url}: the answer has no "host"`);
  return host;
}

function missingBase(app: AppSpec): never {
  throw new GradioError("INVALID_ARGUMENT", `no base URL is known for ${app.source}; pass { baseUrl } to connect()`);
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
