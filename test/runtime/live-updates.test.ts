/**
 * Live: listeners that answer with updates (test/apps/rt_updates.py, docs/protocol.md §2.5),
 * through the module the generator writes for the app. Plain calls give values or fail with
 * UNCHANGED carrying the update; `withUpdates(fn)` gives the updates themselves; streams carry an
 * unchanged output's last value forward.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  GradioUpdate,
  UnchangedError,
  withUpdates,
  type CallOptions,
  type ClientOptions,
  type JobStream,
  type ResultTuple,
} from "@gradio-codegen/runtime";
import type { Recorder, Recording } from "@gradio-codegen/runtime/testing";
import { createToolDispatcher } from "@gradio-codegen/runtime/tools";
import { appUrl, generatedModule } from "./helpers.js";

type TextAndCount = ResultTuple<[text: string, count: number]> & { readonly text: string; readonly count: number };

/** The generated module's shape for these endpoints (as the generator types them). */
interface Client {
  setMax(n?: number, options?: CallOptions): Promise<number>;
  toggle(show?: boolean, options?: CallOptions): Promise<string>;
  mixed(n?: number, options?: CallOptions): Promise<TextAndCount>;
  hideCount(n?: number, options?: CallOptions): Promise<TextAndCount>;
  double(n?: number, options?: CallOptions): Promise<number>;
  carry(n?: number, options?: CallOptions): JobStream<TextAndCount>;
  onlyProps(n?: number, options?: CallOptions): JobStream<number>;
  close(): Promise<void>;
}

interface Module {
  connect(options: ClientOptions): Client;
  record(client: Client): Recorder<Client>;
  replay(recording: Recording): Client;
}

let mod: Module;
let client: Client;
beforeAll(async () => {
  mod = await generatedModule<Module>("rt_updates");
  client = mod.connect({ baseUrl: appUrl("rt_updates") });
});
afterAll(() => client?.close());

const plain = (tuple: readonly unknown[]) => [...tuple];

describe("plain results (the default)", () => {
  it("an update without a value rejects with UNCHANGED carrying the update and its props", async () => {
    const error: unknown = await client.setMax(20).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnchangedError);
    const unchanged = error as UnchangedError;
    expect([unchanged.code, unchanged.endpoint, unchanged.update.props.maximum]).toEqual(["UNCHANGED", "/set_max", 20]);
    expect(unchanged.result).toEqual(new GradioUpdate({ maximum: 20 }));
    expect(unchanged.message).toContain("withUpdates");
  });

  it("an update with a value gives the value; a component instance too; plain values pass through", async () => {
    expect(await client.toggle(true)).toBe("shown");
    expect(await client.toggle(false)).toBe("");
    const mixed = await client.mixed(4);
    expect([plain(mixed), mixed.text, mixed.count]).toEqual([["n=4", 5], "n=4", 5]);
    expect(await client.double(21)).toBe(42);
  });

  it("one of two outputs without a value: UNCHANGED carries the whole tuple, by name too", async () => {
    const error: unknown = await client.hideCount(3).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnchangedError);
    const result = (error as UnchangedError<{ readonly text: unknown; readonly count: unknown }>).result;
    expect(result.text).toBe("n=3");
    expect(result.count).toEqual(new GradioUpdate({ visible: false }));
  });
});

describe("withUpdates(fn): the updates form", () => {
  it("returns the GradioUpdate with typed props, and plain values as they are", async () => {
    const level = await withUpdates(client.setMax)(20);
    if (!(level instanceof GradioUpdate)) throw new Error(`expected an update, got ${String(level)}`);
    const maximum: number | undefined = level.props.maximum;
    expect([maximum, level.hasValue, "value" in level]).toEqual([20, false, false]);
    expect(await withUpdates(client.double)(21)).toBe(42);
  });

  it("an update with a value keeps its props; each output of a tuple separately", async () => {
    const shown = await withUpdates(client.toggle)(false);
    expect(shown).toEqual(new GradioUpdate({ visible: false }, { value: "" }));
    const [text, count] = await withUpdates(client.mixed)(4);
    expect(text instanceof GradioUpdate ? [text.value, text.props.interactive] : text).toEqual(["n=4", false]);
    expect(count).toBe(5);
    const hidden = await withUpdates(client.hideCount)(3);
    expect([hidden.text, hidden.count instanceof GradioUpdate && hidden.count.props.visible]).toEqual(["n=3", false]);
  });

  it("streams: partials and result as sent, updates included", async () => {
    const stream = withUpdates(client.carry)(1);
    const partials: unknown[] = [];
    for await (const partial of stream) partials.push(plain(partial));
    expect(partials).toEqual([
      [new GradioUpdate({ visible: true }), new GradioUpdate({})],
      ["step 1", 1],
      [new GradioUpdate({ interactive: false }), 2],
      ["step 3", new GradioUpdate({})],
    ]);
    expect(plain(await stream.result)).toEqual(["step 3", new GradioUpdate({})]);
  });
});

describe("streams in the plain form", () => {
  it("an unchanged output keeps its last value; nothing is yielded before every output has one", async () => {
    const stream = client.carry(1);
    const partials: unknown[] = [];
    for await (const partial of stream) partials.push(plain(partial));
    expect(partials).toEqual([
      ["step 1", 1],
      ["step 1", 2],
      ["step 3", 2],
    ]);
    const result = await stream.result;
    expect([plain(result), result.count]).toEqual([["step 3", 2], 2]);
  });

  it("an output that never got a value: no partials, and the result fails with UNCHANGED", async () => {
    const stream = client.onlyProps(1);
    const partials: unknown[] = [];
    const iterated = (async () => {
      for await (const partial of stream) partials.push(partial);
    })();
    await expect(iterated).rejects.toBeInstanceOf(UnchangedError);
    expect(partials).toEqual([]);
    const error = (await stream.result.catch((e: unknown) => e)) as UnchangedError;
    expect([error.code, error.update.props]).toEqual(["UNCHANGED", { label: "still nothing" }]);
  });
});

describe("updates through the test doubles and the tools dispatcher", () => {
  it("record → JSON → replay: the UNCHANGED error comes back with its update; withUpdates on the double gives it", async () => {
    const recorder = mod.record(client);
    await expect(recorder.client.setMax(20)).rejects.toBeInstanceOf(UnchangedError);
    await expect(withUpdates(recorder.client.setMax)(30)).resolves.toEqual(new GradioUpdate({ maximum: 30 }));
    const recording = JSON.parse(JSON.stringify(await recorder.recording())) as Recording;
    const replayed = mod.replay(recording);
    const error = (await replayed.setMax(20).catch((e: unknown) => e)) as UnchangedError;
    expect([error instanceof UnchangedError, error.code, error.update.props]).toEqual([
      true,
      "UNCHANGED",
      { maximum: 20 },
    ]);
    const level = await withUpdates(replayed.setMax)(30);
    expect(level instanceof GradioUpdate && level.props.maximum).toBe(30);
  });

  it("the tools dispatcher hands the model what the app changed instead of failing", async () => {
    const dispatch = createToolDispatcher(
      [
        {
          name: "set_max",
          description: "Sets the slider's maximum.",
          parameters: { type: "object", properties: { n: { type: "number" } }, additionalProperties: false },
          method: "setMax",
          params: ["n"],
          returns: [],
        },
      ],
      client,
    );
    expect(await dispatch("set_max", { n: 20 })).toEqual({ unchanged: true, props: { maximum: 20 } });
  });
});
