/**
 * Node entry of @gradio-codegen/runtime: everything from the universal entry, plus local file
 * paths as file inputs, `HF_TOKEN`/`HF_ENDPOINT` from the environment, a heartbeat that never
 * holds the process, and uploads streamed from disk with node:http. Browsers never load this file.
 */
import { openAsBlob } from "node:fs";
import { basename } from "node:path";
import { createCookieJar } from "./auth/cookies.js";
import { loginFeature } from "./auth/login.js";
import {
  createAppClient as createUniversalClient,
  type ClientHooks,
  type ClientOptions,
  type GradioClient,
} from "./client.js";
import { GradioError } from "./errors.js";
import type { ClientFeatures, FilesFeature, HeartbeatFeature } from "./features.js";
import { files as universalFiles } from "./files/feature.js";
import type { BlobContent } from "./files/file-input.js";
import { openNodeHeartbeat } from "./node/heartbeat.js";
import { proxyAwareFetch, usesProxy } from "./node/proxy.js";
import { createNodeFetch } from "./node/transport.js";
import { sendNodeUpload } from "./node/upload.js";
import { openFetchHeartbeat } from "./session/heartbeat.js";
import { direct } from "./session/direct.js";
import { legacySse } from "./session/legacy-sse.js";
import { streams } from "./session/streams.js";
import { duplicateSpace as duplicateUniversal } from "./spaces/duplicate.js";
import type { DuplicatedSpace, DuplicateOptions } from "./spaces/duplicate-types.js";
import { resolveSpace } from "./spaces/space-wait.js";
import type { AppSpec } from "./spec.js";
import { fileValidation } from "./validate/files.js";
import { credentialsFor, type HttpContext } from "./transport/http.js";

export * from "./index.js";
export { safeFileName, saveFile, type SaveFileOptions } from "./node/save-file.js";

/**
 * Opens a local file lazily: the upload streams it from disk. (Typed without the upload module's
 * `LocalFile`, whose declarations reach node:http: this entry's declarations need no @types/node.)
 */
export async function openLocalFile(path: string): Promise<BlobContent & { readonly path: string }> {
  try {
    return { blob: await openAsBlob(path), name: basename(path), path };
  } catch (error) {
    throw new GradioError(
      "INVALID_ARGUMENT",
      `cannot read the file ${JSON.stringify(path)}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

// node:http fast paths only when the platform fetch would be used: an injected fetch gets every request.

/** Files with local paths, uploads streamed from disk with node:http. */
export const withFiles: FilesFeature = {
  output: (value, paths, conn) => universalFiles.output(value, paths, conn),
  inputs: (spec, values, ctx) =>
    universalFiles.inputs(spec, values, {
      ...ctx,
      openFile: ctx.openFile ?? openLocalFile,
      sendUpload: ctx.sendUpload ?? (userFetch(ctx) ? undefined : sendNodeUpload),
    }),
};

/** A heartbeat whose socket does not keep the process alive. */
export const withHeartbeat: HeartbeatFeature = (http, url, customFetch) =>
  userFetch({ http, customFetch }) || usesProxy(url)
    ? openFetchHeartbeat(http, url)
    : openNodeHeartbeat(url, credentialsFor(http, url));

/** The Node entry's requests: node:http(s) keep-alive agents, proxied and streamed ones through (proxy-aware) fetch. */
const nodeFetch = createNodeFetch(proxyAwareFetch);

/** The user injected a `fetch` (not the Node entry's own): then every request goes through it. */
const userFetch = (ctx: { http: HttpContext; customFetch?: boolean | undefined }) =>
  ctx.customFetch === true && ctx.http.fetch !== nodeFetch;

/** Every optional feature, Node versions. */
export const allFeatures: ClientFeatures = {
  files: withFiles,
  streams,
  heartbeat: withHeartbeat,
  spaces: resolveSpace,
  login: loginFeature,
  legacySse,
  direct,
  validation: fileValidation,
};

/**
 * Like the universal `createAppClient`, with `HF_TOKEN` and `HF_ENDPOINT` from the environment,
 * a cookie jar per client for the app's origin, and the proxy variables honoured (through the
 * optional peer dependency undici) when set.
 *
 * Requests go over node:http(s) keep-alive agents (node/transport.ts: less CPU per call than the
 * platform fetch, and no fetch bootstrap in a fresh process); an injected `fetch` gets them all.
 */
export function createAppClient(
  app: AppSpec,
  options: ClientOptions & ClientHooks = {},
  features: ClientFeatures = {},
): GradioClient {
  const token = options.token ?? (process.env["HF_TOKEN"] || undefined);
  const hfEndpoint = options.hfEndpoint ?? (process.env["HF_ENDPOINT"] || undefined);
  const fetch = options.fetch ?? nodeFetch;
  // Node has no cookie store of its own: each client keeps the app origin's cookies (sticky sessions, login).
  const cookies = options.cookies ?? createCookieJar;
  return createUniversalClient(app, { ...options, token, hfEndpoint, fetch, cookies }, features);
}

/** A client with every feature and the Node defaults (see {@link createAppClient}). */
export function createClient(
  app: AppSpec,
  options: ClientOptions = {},
  features: ClientFeatures = allFeatures,
): GradioClient {
  return createAppClient(app, options, features);
}

/** Duplicates a Space (see the universal entry), with `HF_TOKEN`, `HF_ENDPOINT` and the proxy variables from the environment. */
export function duplicateSpace(from: string, options: DuplicateOptions = {}): Promise<DuplicatedSpace> {
  const hfToken = options.hfToken ?? (process.env["HF_TOKEN"] || undefined);
  const hfEndpoint = options.hfEndpoint ?? (process.env["HF_ENDPOINT"] || undefined);
  return duplicateUniversal(from, {
    ...options,
    fetch: options.fetch ?? proxyAwareFetch,
    ...(hfToken ? { hfToken } : {}),
    ...(hfEndpoint ? { hfEndpoint } : {}),
  });
}
