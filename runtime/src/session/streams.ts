/**
 * The streams feature: `client.stream()` for generator endpoints (partial results in arrival
 * order, then the authoritative final one) and the diffs of sse_v2+ partials (docs/protocol.md §3.2).
 */
import { GradioError } from "../errors.js";
import type { StreamsFeature } from "../features.js";
import { applyDiff, isEditList } from "../protocol/diff.js";
import { createJobStream } from "./job-stream.js";
import { resultStream } from "./results.js";
import { anySignal } from "../util/any-signal.js";

/** Streams support, passed to `createAppClient` by modules with generator endpoints. */
export const streams: StreamsFeature = {
  results: resultStream,
  diff: (last, data) => data.map((edits, i) => (isEditList(edits) ? applyDiff(last[i] ?? null, edits) : edits)),
  stream(run, outer) {
    const controller = new AbortController();
    let cancelSent: Promise<void> = Promise.resolve();
    const handle = createJobStream<unknown[]>(async () => {
      controller.abort(new GradioError("ABORTED", "the stream was cancelled"));
      await cancelSent;
    });
    const signal = outer ? anySignal([controller.signal, outer]) : controller.signal;
    // Partials are mapped one after another, so they are pushed in arrival order, before the result.
    let tail: Promise<void> = Promise.resolve();
    run(
      signal,
      (partial) => (tail = tail.then(async () => handle.push(await partial()))),
      (sent) => (cancelSent = sent),
    )
      .then(async (result) => {
        await tail;
        handle.finish(result);
      })
      .catch(async (error: unknown) => {
        await tail.catch(() => {});
        handle.fail(error);
      });
    return handle.stream;
  },
};
