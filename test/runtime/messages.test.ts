/**
 * The pure message decoder and the per-job sink, driven by the §3.2 transcript and the error
 * payloads of call_sse_transcripts.txt (gradio-protocol.md §5.1).
 */
import { describe, expect, it } from "vitest";
import { AppError, GradioError } from "../../runtime/src/errors.js";
import { decodeMessage } from "../../runtime/src/protocol/messages.js";
import { createJobSink, type JobEvent } from "../../runtime/src/session/job.js";
import { streams } from "../../runtime/src/session/streams.js";
import { createSseParser } from "../../runtime/src/sse/parser.js";
import { QUEUE_V3_EVENT_ID, QUEUE_V3_MESSAGES } from "./fixtures/streams.js";

describe("decodeMessage", () => {
  const table: [string, unknown, unknown][] = [
    ["estimation", { msg: "estimation", event_id: "e", rank: 2, queue_size: 5, rank_eta: 1.5 }, { msg: "estimation", event_id: "e", rank: 2, queue_size: 5, rank_eta: 1.5 }],
    ["estimation with nulls", { msg: "estimation", event_id: "e", rank: null, queue_size: null, rank_eta: null }, { msg: "estimation", event_id: "e", rank: null, queue_size: null, rank_eta: null }],
    ["process_starts", { msg: "process_starts", event_id: "e", eta: null }, { msg: "process_starts", event_id: "e", eta: null }],
    [
      "progress",
      { msg: "progress", event_id: "e", progress_data: [{ index: 1, length: 4, unit: "steps", progress: null, desc: "Working" }, { progress: 0.5 }] },
      {
        msg: "progress",
        event_id: "e",
        progress_data: [
          { index: 1, length: 4, unit: "steps", progress: null, desc: "Working" },
          { index: null, length: null, unit: null, progress: 0.5, desc: null },
        ],
      },
    ],
    [
      "log (gr.Warning)",
      { msg: "log", event_id: "e", log: "careful", level: "warning", duration: 10, visible: true, title: "Warning" },
      { msg: "log", event_id: "e", log: "careful", level: "warning", title: "Warning" },
    ],
    [
      "process_generating keeps data and is_generating, drops the rest",
      { msg: "process_generating", event_id: "e", output: { data: ["x"], is_generating: true, duration: 0.1 }, success: true, time_limit: null },
      { msg: "process_generating", event_id: "e", output: { data: ["x"], is_generating: true }, success: true },
    ],
    [
      "process_completed: gr.Error payload",
      { msg: "process_completed", event_id: "e", output: { error: "Custom user-facing error message", duration: 10, visible: true, title: "Error" }, success: false, title: "Error" },
      { msg: "process_completed", event_id: "e", output: { error: "Custom user-facing error message", title: "Error" }, success: false, title: "Error" },
    ],
    [
      // Recorded from Gradio 4.44.1: str(gr.Error) is repr(message) there, and the payload has no title.
      "process_completed: gr.Error payload of 4.x (Python repr quotes undone)",
      { msg: "process_completed", event_id: "e", output: { error: "'Cannot divide by zero!'", duration: 10, visible: true }, success: false },
      { msg: "process_completed", event_id: "e", output: { error: "Cannot divide by zero!" }, success: false, title: null },
    ],
    [
      "process_completed: 4.x gr.Error repr with escapes and the other quote",
      { msg: "process_completed", event_id: "e", output: { error: String.raw`"it's \\ a\nb\t\x07 \u2028 é"`, duration: null, visible: true }, success: false },
      { msg: "process_completed", event_id: "e", output: { error: "it's \\ a\nb\t\x07 \u2028 é" }, success: false, title: null },
    ],
    [
      "process_completed: 4.x plain exception text (no duration/visible) is kept as sent",
      { msg: "process_completed", event_id: "e", output: { error: "'quoted on purpose'" }, success: false },
      { msg: "process_completed", event_id: "e", output: { error: "'quoted on purpose'" }, success: false, title: null },
    ],
    [
      "process_completed: hidden exception {error: null}",
      { msg: "process_completed", event_id: "e", output: { error: null }, success: false, title: "Error" },
      { msg: "process_completed", event_id: "e", output: { error: null }, success: false, title: "Error" },
    ],
    ["process_completed after /cancel: output {}", { msg: "process_completed", event_id: "e", output: {}, success: true }, { msg: "process_completed", event_id: "e", output: {}, success: true, title: null }],
    ["heartbeat", { msg: "heartbeat", event_id: null }, { msg: "heartbeat", event_id: null }],
    ["close_stream", { msg: "close_stream", event_id: null }, { msg: "close_stream", event_id: null }],
    [
      "unexpected_error, session not found",
      { msg: "unexpected_error", event_id: null, message: "404: Not Found", session_not_found: true, success: false },
      { msg: "unexpected_error", event_id: null, message: "404: Not Found", session_not_found: true },
    ],
    ["server_stopped (≤ 4.9)", { msg: "server_stopped", success: false }, { msg: "server_stopped", event_id: null, message: null, session_not_found: false }],
    ["unknown msg is kept", { msg: "send_hash", event_id: null }, { msg: "unknown", event_id: null, raw: { msg: "send_hash", event_id: null } }],
    ["not an object", [1, 2], { msg: "unknown", event_id: null, raw: [1, 2] }],
    ["wrong-typed fields become null", { msg: "estimation", event_id: 5, rank: "2" }, { msg: "estimation", event_id: null, rank: null, queue_size: null, rank_eta: null }],
  ];
  it.each(table)("%s", (_name, raw, want) => {
    expect(decodeMessage(raw)).toEqual(want);
  });
});

/** Runs a job sink over a list of wire messages. */
function runSink(messages: readonly unknown[], diffs = true) {
  const statuses: JobEvent[] = [];
  const partials: unknown[][] = [];
  let done: unknown[] | undefined;
  let error: Error | undefined;
  let cancelled = false;
  const finished: boolean[] = [];
  const sink = createJobSink({
    endpoint: "/fn",
    diffs: diffs ? streams.diff : undefined,
    onStatus: (e) => statuses.push(e),
    onPartial: (d) => partials.push(d),
    onDone: (d) => (done = d),
    onError: (e) => (error = e),
    onCancelled: () => (cancelled = true),
  });
  for (const m of messages) finished.push(sink.message(decodeMessage(m)));
  return { statuses, partials, done, error, cancelled, finished };
}

describe("job sink", () => {
  it("the §3.2 transcript, parsed from SSE text: partials Hel/Hello/Hello!, final Hello!", () => {
    const messages: unknown[] = [];
    createSseParser((e) => messages.push(JSON.parse(e.data))).feed(QUEUE_V3_MESSAGES.map((m) => `data: ${m}\n\n`).join(""));
    const mine = messages.filter((m) => (m as { event_id: unknown }).event_id === QUEUE_V3_EVENT_ID);
    const r = runSink(mine);
    expect(r.statuses).toEqual([
      { type: "queued", position: 0, queueSize: 1, eta: null },
      { type: "started", eta: null },
    ]);
    expect(r.partials).toEqual([["Hel"], ["Hello"], ["Hello!"]]);
    expect(r.done).toEqual(["Hello!"]);
    expect(r.finished).toEqual([false, false, false, false, false, true]);
  });

  it("sse_v1 (no diffs): a later message that looks like an edit list is a full value", () => {
    const gen = (data: unknown[]) => ({ msg: "process_generating", event_id: "e", output: { data }, success: true });
    const r = runSink([gen(["a"]), gen([[["append", [], "b"]]])], false);
    expect(r.partials).toEqual([["a"], [[["append", [], "b"]]]]);
  });

  it("the first generating message is never treated as a diff", () => {
    const r = runSink([{ msg: "process_generating", event_id: "e", output: { data: [[["add", [0], 1]]] }, success: true }]);
    expect(r.partials).toEqual([[[["add", [0], 1]]]]);
  });

  it("gr.Error → AppError with message and title", () => {
    const r = runSink([{ msg: "process_completed", event_id: "e", output: { error: "Custom iterator message", duration: 10, visible: true, title: "Oops" }, success: false, title: "Oops" }]);
    expect(r.error).toBeInstanceOf(AppError);
    const e = r.error as AppError;
    expect([e.code, e.appMessage, e.title]).toEqual(["APP_ERROR", "Custom iterator message", "Oops"]);
  });

  it("{error: null} (show_error=False) → AppError with null appMessage", () => {
    const r = runSink([{ msg: "process_completed", event_id: "e", output: { error: null }, success: false, title: "Error" }]);
    const e = r.error as AppError;
    expect([e.code, e.appMessage]).toEqual(["APP_ERROR", null]);
    expect(e.message).toMatch(/show_error/);
  });

  it("a ZeroGPU quota message → QUOTA_EXCEEDED", () => {
    const r = runSink([{ msg: "process_completed", event_id: "e", output: { error: "You have exceeded your GPU quota (60s requested vs. 56s left)." }, success: false }]);
    expect((r.error as GradioError).code).toBe("QUOTA_EXCEEDED");
  });

  it("completed without data (after /cancel) → cancelled", () => {
    expect(runSink([{ msg: "process_completed", event_id: "e", output: {}, success: true }]).cancelled).toBe(true);
  });

  it("progress and log become status events", () => {
    const r = runSink([
      { msg: "progress", event_id: "e", progress_data: [{ index: 0, length: 3, unit: "steps", progress: null, desc: null }] },
      { msg: "log", event_id: "e", log: "hello", level: "info", title: "Info" },
    ]);
    expect(r.statuses).toEqual([
      { type: "progress", units: [{ index: 0, length: 3, unit: "steps", progress: null, desc: null }] },
      { type: "log", level: "info", message: "hello", title: "Info" },
    ]);
  });
});
