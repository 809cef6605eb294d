/**
 * Loads a live app: `GET {base}/config` (never prefixed) then `GET {base}{api_prefix}/info`
 * (gradio-protocol.md §1.5, §1.6, §7 item 1). Space ids are resolved to their host first.
 */
import { CodegenError } from "../errors.js";
import { getJson } from "./http.js";
import { resolveSpaceHost, type HubOptions } from "./hub.js";
import { checkShape, isObject, type RawSchema } from "./raw-schema.js";

export interface FetchAppOptions extends HubOptions {
  /** Also list `undocumented` endpoints (`?all_endpoints=true`). */
  readonly allEndpoints?: boolean;
}

/** Fetches /config and /info of the app at `baseUrl`. */
export async function fetchApp(source: string, baseUrl: string, spaceId: string | null, options: FetchAppOptions): Promise<RawSchema> {
  const headers: Record<string, string> = options.token ? { "x-hf-authorization": `Bearer ${options.token}` } : {};
  const configUrl = `${baseUrl}/config`;
  const { json: config } = await getJson(configUrl, { headers }).catch((error: unknown) => {
    if (error instanceof CodegenError && error.code === "HTTP" && /HTTP 404/.test(error.message)) {
      throw new CodegenError("NOT_GRADIO", `${error.message}: ${baseUrl} does not look like a Gradio app (no /config)`, { cause: error });
    }
    throw error;
  });
  if (!isObject(config) || !Array.isArray(config["dependencies"])) {
    throw new CodegenError("NOT_GRADIO", `GET ${configUrl} returned JSON without "dependencies": ${baseUrl} does not look like a Gradio app`);
  }
  const prefix = typeof config["api_prefix"] === "string" ? config["api_prefix"].replace(/\/+$/, "") : "";
  const infoUrl = `${baseUrl}${prefix}/info${options.allEndpoints ? "?all_endpoints=true" : ""}`;
  const { json: info } = await getJson(infoUrl, { headers });
  if (!isObject(info)) throw new CodegenError("NOT_GRADIO", `GET ${infoUrl} did not return a JSON object`);
  return checkShape({ source, baseUrl, spaceId, config, info }, infoUrl);
}

/** Fetches a Space: host lookup on the Hub, then the app itself. */
export async function fetchSpace(spaceId: string, options: FetchAppOptions): Promise<RawSchema> {
  const host = await resolveSpaceHost(spaceId, options);
  return fetchApp(spaceId, host.replace(/\/+$/, ""), spaceId, options);
}
