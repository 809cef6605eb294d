/**
 * `createClient`: a client with every feature, for hand-written code and tests. Generated modules
 * call `createAppClient` with only the features their app needs, so bundles stay small.
 */
import { loginFeature } from "./auth/login.js";
import { createAppClient, type ClientOptions, type GradioClient } from "./client.js";
import type { ClientFeatures } from "./features.js";
import { files } from "./files/feature.js";
import { direct } from "./session/direct.js";
import { heartbeat } from "./session/heartbeat.js";
import { legacySse } from "./session/legacy-sse.js";
import { streams } from "./session/streams.js";
import { resolveSpace } from "./spaces/space-wait.js";
import type { AppSpec } from "./spec.js";
import { fileValidation } from "./validate/files.js";

/** Every optional feature of the universal entry. */
export const allFeatures: ClientFeatures = {
  files,
  streams,
  heartbeat,
  spaces: resolveSpace,
  login: loginFeature,
  legacySse,
  direct,
  validation: fileValidation,
};

/** Creates a client for one app with every feature. Nothing is sent until the first call. */
export function createClient(
  app: AppSpec,
  options: ClientOptions = {},
  features: ClientFeatures = allFeatures,
): GradioClient {
  return createAppClient(app, options, features);
}
