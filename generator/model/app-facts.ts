/** Reads the app-wide facts the runtime needs from `/config` (docs/protocol.md §1.5). */
import type { RawSchema } from "../load/raw-schema.js";
import type { AppFacts } from "./ir.js";

/** App facts; fields that need /config are null without it. */
export function appFacts(raw: RawSchema): AppFacts {
  const config = raw.config;
  const str = (key: string): string | null =>
    config && typeof config[key] === "string" ? (config[key] as string) : null;
  // 3.x configs end the version with a newline ("3.4.1\n", fixtures/config/*3.*.json).
  const version = str("version")?.trim() || null;
  return {
    source: raw.source,
    baseUrl: raw.baseUrl,
    spaceId: raw.spaceId ?? str("space_id"),
    gradioVersion: version,
    protocol: config ? (str("protocol") ?? "ws") : null,
    apiPrefix: config ? (str("api_prefix") ?? "") : null,
    connectHeartbeat: config?.["connect_heartbeat"] === true,
    maxFileSize: config && typeof config["max_file_size"] === "number" ? config["max_file_size"] : null,
  };
}
