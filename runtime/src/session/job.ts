/**
 * Per-call state: turns the queue messages of one job into status events, partial results (diffs
 * applied, gradio-protocol.md §3.2) and the final result or a typed error.
 */
import { AppError, GradioError } from "../errors.js";
import type { ProgressUnit, QueueMessage } from "../protocol/messages.js";
import type { JobSink } from "./queue-stream.js";

/** What a running job reports through `onStatus`. */
export type JobEvent =
  | { readonly type: "queued"; readonly position: number | null; readonly queueSize: number | null; readonly eta: number | null }
  | { readonly type: "started"; readonly eta: number | null }
  | { readonly type: "progress"; readonly units: readonly ProgressUnit[] }
  | { readonly type: "log"; readonly level: string; readonly message: string; readonly title: string | null };

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

/** Creates the sink that the shared stream feeds with this job's messages. */
export function createJobSink(hooks: JobHooks): JobSink {
  let last: unknown[] | null = null;
  const status = (event: JobEvent) => hooks.onStatus?.(event);
  return {
    message(message: QueueMessage): boolean {
      switch (message.msg) {
        case "estimation":
          status({ type: "queued", position: message.rank, queueSize: message.queue_size, eta: message.rank_eta });
          return false;
        case "process_starts":
          status({ type: "started", eta: message.eta });
          return false;
        case "progress":
          status({ type: "progress", units: message.progress_data ?? [] });
          return false;
        case "log":
          status({ type: "log", level: message.level, message: message.log, title: message.title });
          return false;
        case "process_generating":
        case "process_streaming": {
          if (!hooks.onPartial) return false;
          const data = message.output.data ?? [];
          last = hooks.diffs && last !== null && message.msg === "process_generating" ? hooks.diffs(last, data) : data;
          hooks.onPartial(last);
          return false;
        }
        case "process_completed":
          if (message.success) {
            if (message.output.data === undefined) hooks.onCancelled();
            else hooks.onDone(message.output.data);
          } else {
            const error = message.output.error ?? null;
            hooks.onError(new AppError(hooks.endpoint, error, message.output.title ?? message.title, isQuota(error) ? "QUOTA_EXCEEDED" : "APP_ERROR"));
          }
          return true;
        case "unexpected_error":
        case "server_stopped":
          hooks.onError(new GradioError("PROTOCOL", `${hooks.endpoint}: ${message.message ?? "the server stopped unexpectedly"}`));
          return true;
        default:
          return false;
      }
    },
    fail(error: Error): void {
      hooks.onError(error);
    },
  };
}

/** ZeroGPU quota messages arrive as ordinary app errors (gradio-protocol.md §5.1). */
function isQuota(message: string | null): boolean {
  return message !== null && /exceeded your (GPU|ZeroGPU) quota|GPU quota/i.test(message);
}
