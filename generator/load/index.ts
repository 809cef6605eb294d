/** Entry of the load stage: any source → RawSchema. */
import { fetchSpace, fetchUrl, type FetchAppOptions } from "./fetch-app.js";
import type { RawSchema } from "./raw-schema.js";
import { readSchemaFile } from "./snapshot.js";
import { classifySource } from "./source.js";

export type { RawSchema } from "./raw-schema.js";
export type { FetchAppOptions } from "./fetch-app.js";
export { parseCredentials, type AppCredentials } from "./login.js";
export type { SpaceWaitEvent } from "./space.js";
export { toSnapshot, type Snapshot } from "./snapshot.js";
export { classifySource } from "./source.js";

/** Loads the schema of a URL, Space id or schema file. */
export async function loadSchema(input: string, options: FetchAppOptions = {}): Promise<RawSchema> {
  const source = classifySource(input);
  if (source.kind === "url") return fetchUrl(input, source.url, options);
  if (source.kind === "space") return fetchSpace(source.spaceId, options);
  return readSchemaFile(source.path);
}
