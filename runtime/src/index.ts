/** @gradio-codegen/runtime — the transport every generated module imports (universal entry). */
export { createClient, type CallOptions, type ClientOptions, type GradioClient } from "./client.js";
export { AppError, GradioError, HttpError, SchemaDriftError, ValidationError, type GradioErrorCode } from "./errors.js";
export { GradioFile, type FileData } from "./files/file-data.js";
export type { FileInput, NamedBlob, OpenFile } from "./files/file-input.js";
export type { JobEvent } from "./session/job.js";
export { mapJobStream, type JobStream } from "./session/job-stream.js";
export type { ProgressUnit } from "./protocol/messages.js";
export type { AppSpec, EndpointSpec, FilePath, JsonValue, ParamSpec, ReturnSpec, WireSlot } from "./spec.js";
export type { FetchLike } from "./transport/http.js";
export type { LoginCredentials } from "./auth/login.js";
export type { SpaceStatusEvent, SpaceWaitOptions } from "./spaces/space-wait.js";
export type { Heartbeat, HeartbeatOpener } from "./session/heartbeat.js";
export { judgeStage, type StageVerdict } from "./spaces/space-stage.js";
