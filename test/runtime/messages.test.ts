/**
 * The message helpers and the per-job sink, driven by the §3.2 transcript and the error
 * payloads of call_sse_transcripts.txt (docs/protocol.md §5.1).
 */
import { describe, expect, it } from "vitest";
import { AppError, type GradioError } from "../../runtime/src/errors.js";
import { appErrorText, progressUnit } from "../../runtime/src/protocol/messages.js";
import { createJobSink, type JobEvent } from "../../runtime/src/session/job.js";
import { streams } from "../../runtime/src/session/streams.js";
import { createSseParser } from "../../runtime/src/sse/parser.js";
import { QUEUE_V3_EVENT_ID, QUEUE_V3_MESSAGES } from "./fixtures/streams.js";

describe("appErrorText", () => {
  const table: [string, Record<string, unknown>, string | null][] = [
    [
      "gr.Error payload (5.x+, titled)",
      { error: "Custom user-facing error message", duration: 10, visible: true, title: "Error" },
      "Custom user-facing error message",
    ],
    // Recorded from Gradio 4.44.1: str(gr.Error) is repr(message) there, and the payload has no title.
    [
      "gr.Error payload of 4.x (Python repr quotes undone)",
      { error: "'Cannot divide by zero!'", duration: 10, visible: true },
      "Cannot divide by zero!",
    ],
    [
      "4.x gr.Error repr with escapes and the other quote",
      { error: String.raw`"it's \\ a\nb\t\x07 \u2028 é"`, duration: null, visible: true },
      "it's \\ a\nb\t\x07 \u2028 é",
    ],
    [
      "4.x plain exception text (no duration/visible) is kept as sent",
      { error: "'quoted on purpose'" },
      "'quoted on purpose'",
    ],
    [
      "a titled 5.x message that looks quoted is kept",
      { error: "'kept'", duration: 10, visible: true, title: "Error" },
      "'kept'",
    ],
    ["hidden exception {error: null}", { error: null }, null],
    ["wrong-typed error", { error: 5 }, null],
  ];
  it.each(table)("%s", (_name, output, want) => {
    expect(appErrorText(output)).toBe(want);
  });
});

describe("progressUnit", () => {
  it("keeps checked fields and nulls the rest", () => {
    expect(
      [{ index: 1, length: 4, unit: "steps", progress: null, desc: "Working" }, { progress: 0.5 }, "x"].map(
        progressUnit,
      ),
    ).toEqual([
      { index: 1, length: 4, unit: "steps", progress: null, desc: "Working" },
      { index: null, length: null, unit: null, progress: 0.5, desc: null },
      { index: null, length: null, unit: null, progress: null, desc: null },
    ]);
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
  for (const m of messages) finished.push(sink.message(m));
  return { statuses, partials, done, error, cancelled, finished };
}

describe("job sink", () => {
  it("the §3.2 transcript, parsed from SSE text: partials Hel/Hello/Hello!, final Hello!", () => {
    const messages: unknown[] = [];
    createSseParser((e) => messages.push(JSON.parse(e.data))).feed(
      QUEUE_V3_MESSAGES.map((m) => `data: ${m}\n\n`).join(""),
    );
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
    const r = runSink([
      { msg: "process_generating", event_id: "e", output: { data: [[["add", [0], 1]]] }, success: true },
    ]);
    expect(r.partials).toEqual([[[["add", [0], 1]]]]);
  });

  it("gr.Error → AppError with message and title", () => {
    const r = runSink([
      {
        msg: "process_completed",
        event_id: "e",
        output: { error: "Custom iterator message", duration: 10, visible: true, title: "Oops" },
        success: false,
        title: "Oops",
      },
    ]);
    expect(r.error).toBeInstanceOf(AppError);
    const e = r.error as AppError;
    expect([e.code, e.appMessage, e.title]).toEqual(["APP_ERROR", "Custom iterator message", "Oops"]);
  });

  it("{error: null} (show_error=False) → AppError with null appMessage", () => {
    const r = runSink([
      { msg: "process_completed", event_id: "e", output: { error: null }, success: false, title: "Error" },
    ]);
    const e = r.error as AppError;
    expect([e.code, e.appMessage]).toEqual(["APP_ERROR", null]);
    expect(e.message).toMatch(/show_error/);
  });

  it("a ZeroGPU quota message → QUOTA_EXCEEDED", () => {
    const r = runSink([
      {
        msg: "process_completed",
        event_id: "e",
        output: { error: "You have exceeded your GPU quota (60s requested vs. 56s left)." },
        success: false,
      },
    ]);
    expect((r.error as GradioError).code).toBe("QUOTA_EXCEEDED");
  });

  it("completed without data (after /cancel) → cancelled", () => {
    expect(runSink([{ msg: "process_completed", event_id: "e", output: {}, success: true }]).cancelled).toBe(true);
  });

  it("progress and log become status events", () => {
    const r = runSink([
      {
        msg: "progress",
        event_id: "e",
        progress_data: [{ index: 0, length: 3, unit: "steps", progress: null, desc: null }],
      },
      { msg: "log", event_id: "e", log: "hello", level: "info", title: "Info" },
    ]);
    expect(r.statuses).toEqual([
      { type: "progress", units: [{ index: 0, length: 3, unit: "steps", progress: null, desc: null }] },
      { type: "log", level: "info", message: "hello", title: "Info" },
    ]);
  });

  it("ill-typed, unknown and non-object messages are ignored, typed fields read as null", () => {
    const r = runSink([
      { msg: "estimation", event_id: 5, rank: "2" },
      { msg: "send_hash" },
      [1, 2],
      null,
      { msg: "heartbeat" },
    ]);
    expect(r.statuses).toEqual([{ type: "queued", position: null, queueSize: null, eta: null }]);
    expect(r.finished).toEqual([false, false, false, false, false]);
  });

  it("a 4.x gr.Error (repr text, no title) → AppError with the plain message", () => {
    const r = runSink([
      {
        msg: "process_completed",
        event_id: "e",
        output: { error: "'Cannot divide by zero!'", duration: 10, visible: true },
        success: false,
      },
    ]);
    const e = r.error as AppError;
    expect([e.appMessage, e.title]).toEqual(["Cannot divide by zero!", null]);
  });

  it("queue_full (4.0–4.8 per-job streams) → QUEUE_FULL; unexpected_error → PROTOCOL; both end the job", () => {
    const full = runSink([{ msg: "queue_full" }]);
    expect([(full.error as GradioError).code, full.finished]).toEqual(["QUEUE_FULL", [true]]);
    const unexpected = runSink([{ msg: "unexpected_error", event_id: "e", message: "boom", success: false }]);
    expect([(unexpected.error as GradioError).code, unexpected.error?.message]).toEqual(["PROTOCOL", "/fn: boom"]);
  });
});
