/**
 * Classifies what the user passed: an http(s) URL, a Hugging Face Space id (`owner/name`), or a
 * schema file on disk (docs/protocol.md §1.1).
 */
import { existsSync } from "node:fs";

export type Source =
  | { readonly kind: "url"; readonly url: string }
  | { readonly kind: "space"; readonly spaceId: string }
  | { readonly kind: "file"; readonly path: string };

const SPACE_ID = /^[a-zA-Z0-9_\-.]+\/[a-zA-Z0-9_\-.]+$/;

/** Decides how to load `input`. An existing file wins over a Space id of the same spelling. */
export function classifySource(input: string): Source {
  if (/^https?:\/\//i.test(input)) return { kind: "url", url: input.replace(/\/+$/, "") };
  if (existsSync(input)) return { kind: "file", path: input };
  // "." and ".." are not names: `../x` would walk out of /api/spaces/ on the Hub.
  if (SPACE_ID.test(input) && !input.endsWith(".json") && !input.split("/").some((part) => /^\.+$/.test(part))) return { kind: "space", spaceId: input };
  return { kind: "file", path: input };
}
