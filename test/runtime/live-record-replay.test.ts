/**
 * Record and replay against real Gradio, through the committed example modules' own `record()`
 * and `replay()` (clients pointed at the harness's apps): a result, a gr.Error, a streamed
 * generator and an output file are recorded, the recording goes through JSON as a file would, and
 * the replayed double answers the same calls offline with the same values, errors and file contents.
 */
import type { Recording } from "@gradio-codegen/runtime/testing";
import { describe, expect, it } from "vitest";
import * as calculator from "../../generated-examples/calculator/calculator.js";
import * as chatbot from "../../generated-examples/chatbot_stream/chatbot_stream.js";
import * as fileTools from "../../generated-examples/file_tools/file_tools.js";
import { appUrl } from "./helpers.js";

const viaJson = (recording: Recording): Recording => JSON.parse(JSON.stringify(recording)) as Recording;
const texts = (history: chatbot.RespondResult) =>
  history.map((m) => m.content.map((p) => ("text" in p ? p.text : "")).join(""));

describe("record a real app, replay it offline (the module's record() and replay())", () => {
  it("calculator: a result and a gr.Error", async () => {
    const real = calculator.connect({ baseUrl: appUrl("calculator") });
    try {
      const recorder = calculator.record(real);
      expect(await recorder.client.predict(4, "add", 5)).toBe(9);
      await expect(recorder.client.predict(1, "divide", 0)).rejects.toMatchObject({
        code: "APP_ERROR",
        appMessage: "Cannot divide by zero!",
      });
      const replayed = calculator.replay(viaJson(await recorder.recording()));
      expect(await replayed.predict(4, "add", 5)).toBe(9);
      await expect(replayed.predict(1, "divide", 0)).rejects.toMatchObject({
        name: "AppError",
        code: "APP_ERROR",
        appMessage: "Cannot divide by zero!",
      });
      await expect(replayed.predict(2, "add", 2)).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    } finally {
      await real.close();
    }
  });

  it("chatbot: every partial of a streamed generator, then the result", async () => {
    const real = chatbot.connect({ baseUrl: appUrl("chatbot_stream") });
    try {
      const recorder = chatbot.record(real);
      const stream = recorder.client.respond("hello there");
      const livePartials: string[][] = [];
      for await (const partial of stream) livePartials.push(texts(partial));
      const liveFinal = texts(await stream.result);
      expect(liveFinal.at(-1)).toBe("You said: hello there");
      const replayed = chatbot.replay(viaJson(await recorder.recording())).respond("hello there");
      const partials: string[][] = [];
      for await (const partial of replayed) partials.push(texts(partial));
      expect(partials).toEqual(livePartials);
      expect(texts(await replayed.result)).toEqual(liveFinal);
    } finally {
      await real.close();
    }
  });

  it("file output: the replayed GradioFile serves the recorded bytes", async () => {
    const real = fileTools.connect({ baseUrl: appUrl("file_tools") });
    try {
      const recorder = fileTools.record(real);
      const liveText = await (await recorder.client.makeReport("Q3 replay")).text();
      expect(liveText).toBe("Report: Q3 replay\n");
      const file = await fileTools.replay(viaJson(await recorder.recording())).makeReport("Q3 replay");
      expect(file.name).toMatch(/\.txt$/);
      expect(await file.text()).toBe(liveText);
    } finally {
      await real.close();
    }
  });

  it("mock(): the module's own double, typed from its Client", async () => {
    const double = calculator.mock({ predict: (a, op, b) => (op === "add" ? a + b : a * b) });
    expect(await double.predict(4, "add", 5)).toBe(9);
    expect(await double.predict({ num1: 7, operation: "multiply", num2: 6 })).toBe(42);
    expect(double.callsOf("predict")).toHaveLength(2);
  });
});
