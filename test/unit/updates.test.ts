/**
 * Update dicts in outputs (docs/protocol.md §2.5) become typed `GradioUpdate`s, never a value of
 * the wrong type: without a value (gr.update(maximum=20), gr.skip()) they carry only props. What a
 * caller gets from them: plain values (an update's value, carried forward in streams, or
 * UNCHANGED), or with `withUpdates` the updates themselves.
 */
import { describe, expect, it } from "vitest";
import {
  bindEndpoint,
  GradioError,
  GradioUpdate,
  requireValue,
  UnchangedError,
  // biome-ignore lint/suspicious/noShadowRestrictedNames: the runtime's exported helper of that name
  valueOf,
  withStreams as streams,
  withUpdates,
  type EndpointSpec,
  type JobStream,
} from "../../runtime/src/index.js";
import { createJobStream } from "../../runtime/src/session/job-stream.js";
import { publicOutputs } from "../../runtime/src/session/outputs.js";
import { callResult, resultStream } from "../../runtime/src/session/results.js";

const spec: EndpointSpec = {
  apiName: "x",
  fnIndex: 0,
  inputs: [],
  outputs: [0, "state", 1],
  params: [],
  returns: [{ name: "level" }, { name: "file", files: [[]] }],
};
const mapFiles = async (value: unknown) => (value === null ? null : { decoded: value });

describe("publicOutputs with updates", () => {
  it("an update without a value → GradioUpdate with props only; with a value → the value decoded (files too)", async () => {
    const [level, file] = await publicOutputs(
      spec,
      [{ __type__: "update", maximum: 20 }, null, { __type__: "update", visible: true, value: { path: "a" } }],
      mapFiles,
    );
    expect(level).toBeInstanceOf(GradioUpdate);
    const update = level as GradioUpdate<number>;
    expect([update.props, update.hasValue, "value" in update, valueOf(update)]).toEqual([
      { maximum: 20 },
      false,
      false,
      undefined,
    ]);
    expect(() => requireValue(update)).toThrow(GradioError);
    expect(JSON.stringify(update)).toBe('{"__type__":"update","maximum":20}');
    const withValue = file as GradioUpdate<unknown>;
    expect([withValue.props, withValue.hasValue, withValue.value, requireValue(withValue)]).toEqual([
      { visible: true },
      true,
      { decoded: { path: "a" } },
      { decoded: { path: "a" } },
    ]);
  });

  it("gr.skip() → an update with no props and no value; plain values pass through", async () => {
    const [skipped, plain] = await publicOutputs(spec, [{ __type__: "update" }, null, { path: "b" }], mapFiles);
    expect(skipped).toEqual(new GradioUpdate({}));
    expect(plain).toEqual({ decoded: { path: "b" } });
    expect(requireValue(7)).toBe(7);
  });
});

describe("plain results (callResult, resultStream)", () => {
  const two: EndpointSpec = { ...spec, outputs: [0, 1], returns: [{ name: "text" }, { name: "count" }] };
  const one: EndpointSpec = { ...spec, outputs: [0], returns: [{ name: "level" }] };

  it("a call: an update's value replaces it; one without a value → UnchangedError with the updatable form", () => {
    const withValue = new GradioUpdate({ visible: true }, { value: "shown" });
    const tuple = callResult(two, [withValue, 3], false) as unknown as { text: unknown; count: unknown };
    expect([[...(tuple as unknown as unknown[])], tuple.text, tuple.count]).toEqual([["shown", 3], "shown", 3]);
    expect(callResult(two, [withValue, 3], true)).toEqual([withValue, 3]);
    const hidden = new GradioUpdate({ visible: false });
    let caught: unknown;
    try {
      callResult(one, [hidden], false);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UnchangedError);
    expect(caught).toMatchObject({ code: "UNCHANGED", endpoint: "/x", result: hidden, update: hidden });
    expect(callResult(one, [hidden], true)).toBe(hidden);
  });

  it("a stream: unchanged outputs carry forward, partials with an output never set are held back", async () => {
    const source = createJobStream<unknown[]>(async () => {});
    const skip = new GradioUpdate({});
    const stream = resultStream(two, source.stream, false);
    source.push([skip, skip]);
    source.push(["a", skip]);
    source.push(["a", 1]);
    source.push([new GradioUpdate({ interactive: false }), 2]);
    source.push([new GradioUpdate({}, { value: "b" }), skip]);
    source.finish([skip, skip]);
    const seen: unknown[] = [];
    for await (const partial of stream) seen.push([...(partial as unknown[])]);
    expect(seen).toEqual([
      ["a", 1],
      ["a", 2],
      ["b", 2],
    ]);
    const result = (await stream.result) as unknown as { text: unknown; count: unknown };
    expect([result.text, result.count]).toEqual(["b", 2]);
  });

  it("a stream whose output never had a value fails its result with UNCHANGED; break cancels the source", async () => {
    const source = createJobStream<unknown[]>(async () => {});
    const stream = resultStream(one, source.stream, false);
    source.push([new GradioUpdate({ visible: true })]);
    source.finish([new GradioUpdate({ label: "x" })]);
    await expect(stream.result).rejects.toMatchObject({ code: "UNCHANGED", update: { props: { label: "x" } } });
    let cancelled = 0;
    const running = createJobStream<unknown[]>(async () => {
      cancelled++;
    });
    const plain = resultStream(one, running.stream, false);
    running.push([1]);
    for await (const value of plain) if (value === 1) break;
    expect(cancelled).toBe(1);
  });
});

describe("bindEndpoint: plain results by default, withUpdates for the updates", () => {
  const skip = new GradioUpdate<unknown>({});
  /** A runner whose calls and streams answer with `answers` (public results, updates included). */
  const runner = (answers: unknown[][]) => ({
    call: async () => answers[0] ?? [],
    stream: () => {
      const source = createJobStream<unknown[]>(async () => {});
      for (const partial of answers) source.push(partial);
      source.finish(answers.at(-1) ?? []);
      return source.stream;
    },
  });
  const decl = { params: ["n"], returns: ["text", "count"], streaming: true } as const;
  const read = async (stream: JobStream<unknown>) => {
    const seen: unknown[] = [];
    for await (const partial of stream) seen.push([...(partial as unknown[])]);
    return seen;
  };

  it("a streaming endpoint with the streams feature carries forward; withUpdates gives the partials as sent", async () => {
    const answers = [
      ["a", 1],
      [skip, 2],
    ];
    const fn = bindEndpoint<(n: number) => JobStream<unknown>>(runner(answers), "s", 0, decl, { streams });
    expect(await read(fn(1))).toEqual([
      ["a", 1],
      ["a", 2],
    ]);
    expect(await read(withUpdates(fn)(1))).toEqual(answers);
  });

  it("without the per-endpoint feature (hand-written binds) each partial stands alone: an unchanged output fails it", async () => {
    const fn = bindEndpoint<(n: number) => JobStream<unknown>>(
      runner([
        ["a", 1],
        [skip, 2],
      ]),
      "s",
      0,
      decl,
    );
    await expect(read(fn(1))).rejects.toBeInstanceOf(UnchangedError);
  });

  it("a call: withUpdates(fn) of a bound function runs the same endpoint in the updates form", async () => {
    const call = bindEndpoint<(n: number) => Promise<unknown>>(runner([[skip, 2]]), "c", 0, {
      ...decl,
      streaming: false,
    });
    await expect(call(1)).rejects.toMatchObject({ code: "UNCHANGED", endpoint: "/c" });
    expect([...((await withUpdates(call)(1)) as unknown[])]).toEqual([skip, 2]);
  });
});
