/** @gradio-codegen/runtime — the transport every generated module imports (universal entry). */
export {
  createAppClient,
  type CallOptions,
  type ClientHooks,
  type EndpointFeatures,
  type ClientOptions,
  type GradioClient,
} from "./client.js";
export { bindEndpoint, createSharedClient, rebindEndpoint, type EndpointRunner, type SharedClient } from "./bind.js";
export { allFeatures, createClient } from "./create-client.js";
export type {
  ClientFeatures,
  DirectFeature,
  FilesFeature,
  HeartbeatFeature,
  JobRunner,
  LegacySseFeature,
  LoginFeature,
  SpacesFeature,
  StreamsFeature,
  ValidationFeature,
} from "./features.js";
export { files as withFiles } from "./files/feature.js";
export { streams as withStreams } from "./session/streams.js";
export { heartbeat as withHeartbeat } from "./session/heartbeat.js";
export { resolveSpace as withSpaces } from "./spaces/space-wait.js";
export { loginFeature as withLogin } from "./auth/login.js";
export { legacySse as withLegacySse } from "./session/legacy-sse.js";
export { direct as withDirect } from "./session/direct.js";
export { validation as withValidation } from "./validate/feature.js";
export { fileValidation as withFileValidation } from "./validate/files.js";
export {
  AppError,
  GradioError,
  HttpError,
  InvalidArgumentError,
  SchemaDriftError,
  ValidationError,
  type GradioErrorCode,
} from "./errors.js";
export { GradioFile, type FileData } from "./files/file-data.js";
export type { DownloadOptions } from "./files/download.js";
export { DEFAULT_LIMITS, type Limits } from "./limits.js";
export type { FileInput, NamedBlob, OpenFile } from "./files/file-input.js";
export type { ByteStream, NamedStream } from "./files/stream-source.js";
export type { JobEvent } from "./session/job.js";
export { mapJobStream, type JobStream } from "./session/job-stream.js";
export {
  GradioUpdate,
  requireValue,
  UnchangedError,
  valueOf,
  type Updatable,
  type UpdateProps,
} from "./session/update.js";
export {
  withUpdates,
  type ResultTuple,
  type UpdatableResult,
  type UpdatesReturn,
  type WithUpdates,
} from "./session/with-updates.js";
export type { ProgressUnit } from "./protocol/messages.js";
export { expandEndpoint } from "./spec.js";
export type {
  AppSpec,
  EndpointDecl,
  EndpointSpec,
  FilePath,
  JsonValue,
  ParamRule,
  ParamSpec,
  ReturnSpec,
  WireSlot,
} from "./spec.js";
export type { FetchLike } from "./transport/http.js";
// The HTTP layer and URL rule, for the generator (which loads schemas through them) and custom features.
export { credentialsFor, send, type HttpContext, type RequestOptions } from "./transport/http.js";
export { apiPrefixPath, isSpaceHost, unsafePathReason } from "./transport/url-policy.js";
export type { LoginCredentials } from "./auth/login.js";
export type { CookieJar } from "./auth/cookies.js";
export type { SpaceStatusEvent, SpaceWaitOptions } from "./spaces/space-wait.js";
export type { Heartbeat, HeartbeatOpener } from "./session/heartbeat.js";
export { judgeStage, type StageVerdict } from "./spaces/space-stage.js";
export { duplicateSpace } from "./spaces/duplicate.js";
export {
  DuplicateError,
  type DuplicatedSpace,
  type DuplicateOptions,
  type DuplicateRefusal,
  type DuplicateStatusEvent,
  type SpaceHardware,
} from "./spaces/duplicate-types.js";
export { slotKind } from "./session/slot-kind.js";
export { asyncDispose, type AsyncDisposal, type AsyncDisposeSymbol } from "./platform.js";
