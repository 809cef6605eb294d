/**
 * Node entry of @gradio-codegen/runtime: everything from the universal entry, plus local file
 * paths as file inputs and `HF_TOKEN` from the environment. Browsers never load this file.
 */
import { openAsBlob } from "node:fs";
import { basename } from "node:path";
import { createClient as createUniversalClient, type ClientOptions, type GradioClient } from "./client.js";
import { GradioError } from "./errors.js";
import { openNodeHeartbeat } from "./node/heartbeat.js";
import { sendNodeUpload, type LocalFile } from "./node/upload.js";
import type { AppSpec } from "./spec.js";

export * from "./index.js";

/** Opens a local file lazily: the upload streams it from disk. */
export async function openLocalFile(path: string): Promise<LocalFile> {
  try {
    return { blob: await openAsBlob(path), name: basename(path), path };
  } catch (error) {
    throw new GradioError("INVALID_ARGUMENT", `cannot read the file ${JSON.stringify(path)}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/**
 * Like the universal `createClient`, with Node defaults: local paths, `HF_TOKEN`, `HF_ENDPOINT`,
 * a heartbeat whose socket does not keep the process alive, and uploads streamed from disk with
 * node:http (these two only without a custom `fetch`, which then gets every request).
 */
export function createClient(app: AppSpec, options: ClientOptions = {}): GradioClient {
  const token = options.token ?? (process.env["HF_TOKEN"] || undefined);
  const hfEndpoint = options.hfEndpoint ?? (process.env["HF_ENDPOINT"] || undefined);
  // node:http fast paths only when the platform fetch would be used: an injected fetch gets every request.
  const nodeHooks = options.fetch ? {} : { openHeartbeat: openNodeHeartbeat, sendUpload: sendNodeUpload };
  return createUniversalClient(app, { openFile: openLocalFile, ...nodeHooks, ...options, token, hfEndpoint });
}
