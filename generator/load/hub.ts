/**
 * The Hugging Face Hub API (docs/protocol.md §1.2–§1.4): a Space's host and runtime stage.
 * `HF_ENDPOINT` is honoured like huggingface_hub does; the token goes to the Hub only as
 * `Authorization: Bearer` (never in a URL), and never follows a redirect to another origin.
 */
import { CodegenError } from "../errors.js";
import { generatorHttp, getJson } from "./http.js";
import { isObject } from "./raw-schema.js";

export interface HubOptions {
  readonly token?: string | undefined;
  /** Default: `$HF_ENDPOINT`, else https://huggingface.co. */
  readonly hfEndpoint?: string | undefined;
}

/** What one status read of a Space tells us. */
export interface SpaceStatus {
  /** Where the app is served (`https://owner-name.hf.space`), without trailing slash. */
  readonly host: string;
  readonly stage: string;
  /** `runtime.errorMessage`, set by the Hub for failed Spaces. */
  readonly errorMessage: string | null;
}

/** The Hub's base URL. */
export function hubEndpoint(options: HubOptions): string {
  return (options.hfEndpoint ?? process.env["HF_ENDPOINT"] ?? "https://huggingface.co").replace(/\/+$/, "");
}

/**
 * `GET /api/spaces/{id}`: host and stage in one request (the Python client's route). Falls back to
 * `/host` and `/runtime` when the answer lacks them.
 */
export async function readSpaceStatus(spaceId: string, options: HubOptions & { readonly timeoutMs?: number }): Promise<SpaceStatus> {
  const info = await hubGet(spaceId, "", options);
  let host = info["host"];
  if (typeof host !== "string") host = (await hubGet(spaceId, "/host", options))["host"];
  if (typeof host !== "string") throw new CodegenError("INVALID_SCHEMA", `${hubEndpoint(options)}/api/spaces/${spaceId}/host: the Hub's answer has no "host"`);
  const runtime = isObject(info["runtime"]) && typeof info["runtime"]["stage"] === "string" ? info["runtime"] : await hubGet(spaceId, "/runtime", options);
  return { host: host.replace(/\/+$/, ""), ...stageOf(spaceId, runtime, options) };
}

/** `GET /api/spaces/{id}/runtime`: the stage only (used while waiting). */
export async function readSpaceStage(spaceId: string, options: HubOptions & { readonly timeoutMs?: number }): Promise<Omit<SpaceStatus, "host">> {
  return stageOf(spaceId, await hubGet(spaceId, "/runtime", options), options);
}

function stageOf(spaceId: string, runtime: Record<string, unknown>, options: HubOptions): Omit<SpaceStatus, "host"> {
  const stage = runtime["stage"];
  if (typeof stage !== "string") throw new CodegenError("INVALID_SCHEMA", `${hubEndpoint(options)}/api/spaces/${spaceId}/runtime: the Hub's answer has no "stage"`);
  return { stage, errorMessage: typeof runtime["errorMessage"] === "string" ? runtime["errorMessage"] : null };
}

/** GETs `/api/spaces/{id}{route}` with the token; 401/404 become messages saying what to do. */
async function hubGet(spaceId: string, route: string, options: HubOptions & { readonly timeoutMs?: number }): Promise<Record<string, unknown>> {
  const url = `${hubEndpoint(options)}/api/spaces/${spaceId}${route}`;
  const privateHeaders: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}` } : {};
  try {
    const { json } = await getJson(generatorHttp(hubEndpoint(options), privateHeaders), url, { ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }) });
    if (!isObject(json)) throw new CodegenError("INVALID_SCHEMA", `GET ${url}: the Hub did not answer with a JSON object`);
    return json;
  } catch (error) {
    const status = error instanceof CodegenError && error.code === "HTTP" ? /HTTP (\d{3})/.exec(error.message)?.[1] : undefined;
    if (status === "404") {
      const hint = options.token ? "check the id, and that your token can read this Space" : "if it is private, pass --hf-token or set HF_TOKEN";
      throw new CodegenError("SOURCE_NOT_FOUND", `Space ${spaceId} not found (or private: ${hint}); GET ${url} answered HTTP 404`, { cause: error });
    }
    if (status === "401" || status === "403") {
      const message = options.token
        ? `the Hub rejected the token for Space ${spaceId} (HTTP ${status} from ${url}): check that --hf-token / HF_TOKEN is a valid token (hf_…) with read access to it`
        : `Space ${spaceId} needs authentication (HTTP ${status} from ${url}): it is private or does not exist; pass --hf-token or set HF_TOKEN to a token that can read it`;
      throw new CodegenError("AUTH", message, { cause: error });
    }
    throw error;
  }
}
