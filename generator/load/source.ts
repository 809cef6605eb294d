/**
 * Classifies what the user passed: an http(s) URL, a Hugging Face Space id (`owner/name`), or a
 * schema file on disk (docs/protocol.md §1.1). Any URL a user copies works: the app's page with
 * `?view=api` (Gradio's "Use via API" link), an API route (`/gradio_api/info`, `/info`,
 * `/config`), a Space's page on the Hub (`https://huggingface.co/spaces/owner/name/…`), its
 * `https://owner-name.hf.space` host, or a bare `host:port`.
 */
import { existsSync } from "node:fs";

export type Source =
  | { readonly kind: "url"; readonly url: string }
  | { readonly kind: "space"; readonly spaceId: string }
  | { readonly kind: "file"; readonly path: string };

const SPACE_ID = /^[a-zA-Z0-9_\-.]+\/[a-zA-Z0-9_\-.]+$/;
/** `localhost:7860`, `127.0.0.1:7860/app`, `my-host:80`: a host and a port, no scheme. */
const HOST_PORT = /^(localhost|[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)*|\[[0-9a-fA-F:.]+\]):\d{1,5}(\/.*)?$/;
/** Hosts of the Hub's website, where `/spaces/owner/name` is a Space's page. */
const HUB_HOSTS: ReadonlySet<string> = new Set(["huggingface.co", "www.huggingface.co", "hf.co"]);
/** API routes a user may copy instead of the app's base URL (with or without the 5.x+ `/gradio_api` prefix). */
const API_SUFFIX = /(\/gradio_api)?\/(info|config)$|\/gradio_api$/;

/** Decides how to load `input`. An existing file wins over a Space id of the same spelling. */
export function classifySource(input: string): Source {
  if (/^https?:\/\//i.test(input)) return fromUrl(input);
  if (existsSync(input)) return { kind: "file", path: input };
  // "." and ".." are not names: `../x` would walk out of /api/spaces/ on the Hub.
  if (SPACE_ID.test(input) && !input.endsWith(".json") && !isDots(input)) return { kind: "space", spaceId: input };
  if (HOST_PORT.test(input)) return fromUrl(`http://${input}`);
  return { kind: "file", path: input };
}

/** The app behind a copied URL: query and fragment dropped, API route suffixes removed, Hub pages → Space id. */
function fromUrl(input: string): Source {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { kind: "url", url: input.replace(/\/+$/, "") };
  }
  const segments = url.pathname.split("/").filter((s) => s !== "");
  if (HUB_HOSTS.has(url.hostname.toLowerCase()) && segments[0] === "spaces" && segments.length >= 3) {
    const spaceId = `${decodeURIComponent(segments[1] ?? "")}/${decodeURIComponent(segments[2] ?? "")}`;
    if (SPACE_ID.test(spaceId) && !isDots(spaceId)) return { kind: "space", spaceId };
  }
  // Credentials in the URL are kept (the loader's URL policy decides about them); query and fragment are page state.
  const path = url.pathname.replace(/\/+$/, "").replace(API_SUFFIX, "").replace(/\/+$/, "");
  return {
    kind: "url",
    url: `${url.protocol}//${url.username ? `${url.username}${url.password ? `:${url.password}` : ""}@` : ""}${url.host}${path}`,
  };
}

function isDots(spaceId: string): boolean {
  return spaceId.split("/").some((part) => /^\.+$/.test(part));
}
