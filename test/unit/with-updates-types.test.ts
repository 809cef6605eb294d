/**
 * `withUpdates(fn)` keeps an endpoint's call forms and types each output's update: checked by the
 * compiler (`npm run typecheck`; each @ts-expect-error must be an error) on the committed
 * examples' `Client` types, and run on the module's test double.
 */
import { describe, expect, it } from "vitest";
import {
  GradioUpdate,
  withUpdates,
  type JobStream,
  type ResultTuple,
  type Updatable,
  type UpdatableResult,
  type WithUpdates,
} from "@gradio-codegen/runtime";
import { createMock } from "@gradio-codegen/runtime/testing";
import type { Client as TextTools } from "../../generated-examples/text_tools/text_tools.js";

const endpoints = {
  shout: {
    apiName: "shout",
    fnIndex: 1,
    inputs: [0, 1],
    outputs: [0],
    params: [{ name: "text" }, { name: "exclamations", default: 1 }],
    returns: [{ name: "output" }],
  },
  stats: {
    apiName: "stats",
    fnIndex: 2,
    inputs: [0],
    outputs: [0, 1, 2],
    params: [{ name: "text" }],
    returns: [{ name: "characters" }, { name: "words" }, { name: "lines" }],
  },
};

describe("withUpdates types", () => {
  it("both overloads (named and positional arguments), tuples output by output", async () => {
    const client = createMock<TextTools>(endpoints, {
      shout: (text, n = 1) => `${text.toUpperCase()}${"!".repeat(n)}`,
      stats: () => [1, 2, 3],
    });
    const shout = withUpdates(client.shout);
    const named: Updatable<string> = await shout({ text: "hi", exclamations: 2 });
    const positional: Updatable<string> = await shout("hi");
    expect([named, positional]).toEqual(["HI!!", "HI!"]);
    // Never called: each line is a compile error.
    const misuse = async () => {
      // @ts-expect-error the named form keeps its parameter types
      void shout({ text: 1 });
      // @ts-expect-error an update is not a string
      const notPlain: string = await shout("hi");
      return notPlain;
    };
    void misuse;

    const stats = await withUpdates(client.stats)("a b");
    const words: Updatable<number> = stats.words;
    const [characters] = stats;
    const props = characters instanceof GradioUpdate ? characters.props.maximum : characters;
    expect([words, props, stats.lines]).toEqual([2, 1, 3]);
    // @ts-expect-error an output may be an update, not a number
    const count: number = stats.words;
    void count;
  });

  it("one output whose value is a tuple stays one Updatable (ResultTuple marks several results only)", () => {
    type One = UpdatableResult<[number, string]>;
    type Several = UpdatableResult<ResultTuple<[a: number, b: string]> & { readonly a: number; readonly b: string }>;
    const one: One = new GradioUpdate<[number, string]>({ visible: false });
    const several: Several = Object.assign([new GradioUpdate<number>({}), "x"] as [Updatable<number>, string], {
      a: new GradioUpdate<number>({}),
      b: "x",
    });
    // @ts-expect-error one output: the whole tuple is the update, not each element
    const elementwise: One = [new GradioUpdate<number>({}), "x"];
    // @ts-expect-error several outputs: the result itself is never one update
    const whole: Several = new GradioUpdate({});
    type Streamed = ReturnType<WithUpdates<(n: number) => JobStream<number>>>;
    const stream: Streamed = null as unknown as JobStream<Updatable<number>>;
    expect([one, several, elementwise, whole, stream].length).toBe(5);
  });
});
