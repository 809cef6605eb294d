/**
 * The Hugging Face Hub API (gradio-protocol.md §1.2): Space id → host. `HF_ENDPOINT` and
 * `HF_TOKEN` are honoured like huggingface_hub does; the token goes only to the Hub and the app.
 */
import { CodegenError } from "../errors.js";
import { getJson } from "./http.js";

export interface HubOptions {
  readonly token?: string | undefined;
  readonly hfEndpoint?: string | undefined;
}

/** The Hub's base URL. */
export function hubEndpoint(options: HubOptions): string {
  return (options.hfEndpoint ?? process.env["HF_ENDPOINT"] ?? "https://huggingface.co").replace(/\/+$/, "");
}

/** Asks the Hub where a Space is served. */
export async function resolveSpaceHost(spaceId: string, options: HubOptions): Promise<string> {
  const url = `${hubEndpoint(options)}/api/spaces/${spaceId}/host`;
  const headers: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}` } : {};
  try {
    const { json } = await getJson(url, { headers });
    const host = typeof json === "object" && json !== null ? (json as Record<string, unknown>)["host"] : undefined;
    if (typeof host !== "string") throw new CodegenError("INVALID_SCHEMA", `GET ${url}: the Hub's answer has no "host"`);
    return host;
  } catch (error) {
    if (error instanceof CodegenError && error.code === "HTTP" && /HTTP (401|404)/.test(error.message)) {
      const hint = options.token ? "check the Space id and that your token can read it" : "check the Space id; for a private Space pass --hf-token or set HF_TOKEN";
      throw new CodegenError("SOURCE_NOT_FOUND", `${error.message}: Space ${spaceId} not found or not accessible (${hint})`, { cause: error });
    }
    throw error;
  }
}
