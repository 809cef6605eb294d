/**
 * Per-call state: turns the queue messages of one job (parsed JSON, docs/protocol.md §3.2) into
 * status events, partial results (diffs applied) and the final result or a typed error.
 */
import { AppError, GradioError } from "../errors.js";
import { appErrorText, progressUnit, type ProgressUnit } from "../protocol/messages.js";
import { isObj, num, str } from "../util/json.js";

/** What a running job reports through `onStatus`. */
export type JobEvent =
  | {
      readonly type: "queued";
      readonly position: number | null;
      readonly queueSize: number | null;
      readonly eta: number | null;
    }
  | { readonly type: "started"; readonly eta: number | null }
  | { readonly type: "progress"; readonly units: readonly ProgressUnit[] }
  | { readonly type: "log"; readonly level: string; readonly message: string; readonly title: string | null };

/** Receives the messages of one job. */
export interface JobSink {
  /** One message as parsed from the stream; returns true when the job is finished and can be forgotten. */
  message(message: unknown): boolean;
  /** The transport failed (or the client closed) before the job finished. */
  fail(error: Error): void;
}

export interface JobHooks {
  /** Label used in error messages, e.g. `/predict`. */
  readonly endpoint: string;
  /** Applies the edit lists of a partial to the previous one; absent when partials are full values (sse_v1, exactPartials). */
  readonly diffs?: ((last: readonly unknown[], data: readonly unknown[]) => unknown[]) | undefined;
  readonly onStatus?: ((event: JobEvent) => void) | undefined;
  /** Wire outputs of each intermediate result. */
  readonly onPartial?: ((data: unknown[]) => void) | undefined;
  /** Wire outputs of the final result. */
  readonly onDone: (data: unknown[]) => void;
  readonly onError: (error: Error) => void;
  /** `process_completed` without data: the job was cancelled on the server. */
  readonly onCancelled: () => void;
}

/** Creates the sink that the stream feeds with this job's messages. */
export function createJobSink(hooks: JobHooks): JobSink {
  const { endpoint, onStatus: status = () => {} } = hooks;
  let last: unknown[] | null = null;
  return {
    message(raw) {
      const m = isObj(raw) ? raw : {};
      const output = isObj(m["output"]) ? m["output"] : {};
      const data = Array.isArray(output["data"]) ? output["data"] : undefined;
      switch (m["msg"]) {
        case "estimation":
          status({
            type: "queued",
            position: num(m["rank"]),
            queueSize: num(m["queue_size"]),
            eta: num(m["rank_eta"]),
          });
          break;
        case "process_starts":
          status({ type: "started", eta: num(m["eta"]) });
          break;
        case "progress":
          status({
            type: "progress",
            units: Array.isArray(m["progress_data"]) ? m["progress_data"].map(progressUnit) : [],
          });
          break;
        case "log":
          status({
            type: "log",
            level: str(m["level"]) ?? "info",
            message: str(m["log"]) ?? "",
            title: str(m["title"]),
          });
          break;
        case "process_generating":
        case "process_streaming":
          if (hooks.onPartial) {
            last =
              hooks.diffs && last !== null && m["msg"] === "process_generating"
                ? hooks.diffs(last, data ?? [])
                : (data ?? []);
            hooks.onPartial(last);
          }
          break;
        case "process_completed":
          if (m["success"] !== true) hooks.onError(appError(endpoint, output, str(m["title"])));
          else if (data) hooks.onDone(data);
          else hooks.onCancelled();
          return true;
        case "queue_full":
          hooks.onError(new GradioError("QUEUE_FULL", `${endpoint}: the app's queue is full`));
          return true;
        case "unexpected_error":
        case "server_stopped":
          hooks.onError(
            new GradioError("PROTOCOL", `${endpoint}: ${str(m["message"]) ?? "the server stopped unexpectedly"}`),
          );
          return true;
      }
      return false;
    },
    fail: (error) => hooks.onError(error),
  };
}

/** The AppError of a failed job's output payload (`{error, title, …}`); `title` is the message's own, if any. */
export function appError(endpoint: string, output: Record<string, unknown>, title: string | null): AppError {
  const text = appErrorText(output);
  // ZeroGPU quota messages arrive as ordinary app errors (docs/protocol.md §5.1).
  const code =
    text !== null && /exceeded your (GPU|ZeroGPU) quota|GPU quota/i.test(text) ? "QUOTA_EXCEEDED" : "APP_ERROR";
  return new AppError(endpoint, text, str(output["title"]) ?? title, code);
}
