/**
 * What a generated function gives its caller from an endpoint's public results (which keep updates
 * as `GradioUpdate`s, see outputs.ts): one output → the value, several → the named tuple.
 *
 * Plain form (the default, typed `T`): an update's value replaces it; an update without a value
 * rejects the call with `UnchangedError` carrying the updatable form, so no value contradicting the
 * declared type reaches the caller. In a stream an output an update leaves unchanged keeps its last
 * value (what the Gradio UI shows); a partial result with an output that never had one is not
 * yielded, and the final result with such an output fails like a call.
 *
 * Updates form (`withUpdates(fn)`): the results as the app sent them, updates included.
 */
import { endpointLabel, type EndpointSpec } from "../spec.js";
import { createJobStream, mapJobStream, type JobStream } from "./job-stream.js";
import { nameResults } from "./named-results.js";
import { GradioUpdate, UnchangedError } from "./update.js";

/** An output with no value yet (an update without one, nothing to carry forward). */
const NONE: unique symbol = Symbol("none");

const pick = (spec: EndpointSpec, results: readonly unknown[]): unknown =>
  spec.returns.length === 1 ? results[0] : results;

/** The plain values of `results`, an update's value in its place, `carried[i]` (or NONE) for an update without one. */
function plainValues(results: readonly unknown[], carried: readonly unknown[]): unknown[] {
  return results.map((result, i) => {
    if (!(result instanceof GradioUpdate)) return result;
    const update = result as GradioUpdate<unknown>;
    return update.hasValue ? update.value : i in carried ? carried[i] : NONE;
  });
}

/** The caller's value of a finished call (see the module comment). */
export function callResult(spec: EndpointSpec, results: unknown[], updates: boolean): unknown {
  if (updates || !results.some((r) => r instanceof GradioUpdate)) return pick(spec, results);
  const values = plainValues(results, []);
  if (values.includes(NONE)) throw new UnchangedError(endpointLabel(spec), pick(spec, results));
  return pick(spec, nameResults(values, spec.returns));
}

/** The caller's stream of a streaming call (see the module comment). */
export function resultStream(spec: EndpointSpec, source: JobStream<unknown[]>, updates: boolean): JobStream<unknown> {
  if (updates) return mapJobStream(source, (results) => pick(spec, results));
  const controller = createJobStream<unknown>(() => source.cancel());
  // Last value of each output (sparse: an output without one has no entry).
  const carried: unknown[] = [];
  const carry = (results: readonly unknown[]): unknown[] => {
    const values = plainValues(results, carried);
    values.forEach((value, i) => {
      if (value !== NONE) carried[i] = value;
    });
    return values;
  };
  void (async () => {
    // Reading the source here (not in the consumer's loop) keeps `result` right when nobody iterates.
    for await (const partial of source) {
      const values = carry(partial);
      if (!values.includes(NONE)) controller.push(pick(spec, nameResults(values, spec.returns)));
    }
    const final = await source.result;
    const values = carry(final);
    if (values.includes(NONE)) throw new UnchangedError(endpointLabel(spec), pick(spec, final));
    controller.finish(pick(spec, nameResults(values, spec.returns)));
  })().catch((error: unknown) => controller.fail(error));
  return controller.stream;
}
