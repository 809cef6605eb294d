/**
 * Record and replay against real Gradio: calls through the committed example modules' clients
 * (pointed at the harness's apps) are recorded — a result, a gr.Error, a streamed generator, an
 * output file — the recording goes through JSON as a file would, and a mock built from it answers
 * the same calls offline with the same values, errors and file contents.
 */
import { describe, expect, it } from "vitest";
import { requireValue, type EndpointSpec } from "@gradio-codegen/runtime";
import { createMock, recordClient, replayHandlers, type Recording } from "@gradio-codegen/runtime/testing";
import * as calculator from "../../generated-examples/calculator/calculator.js";
import * as chatbot from "../../generated-examples/chatbot_stream/chatbot_stream.js";
import * as fileTools from "../../generated-examples/file_tools/file_tools.js";
import { appUrl } from "./helpers.js";

// The same tables the example modules hold (their `endpoints` constants).
const calculatorEndpoints = {
  predict: {
    apiName: "predict",
    fnIndex: 0,
    inputs: [0, 1, 2],
    outputs: [0],
    params: [{ name: "num1" }, { name: "operation" }, { name: "num2" }],
    returns: [{ name: "output" }],
  },
} satisfies Record<string, EndpointSpec>;
const chatbotEndpoints = {
  respond: {
    apiName: "respond",
    fnIndex: 0,
    inputs: [0, 1],
    outputs: [0],
    params: [{ name: "message" }, { name: "history", default: [] }],
    returns: [{ name: "conversation" }],
    streaming: true,
  },
} satisfies Record<string, EndpointSpec>;
const fileToolsEndpoints = {
  makeReport: {
    apiName: "make_report",
    fnIndex: 1,
    inputs: [0],
    outputs: [0],
    params: [{ name: "title" }],
    returns: [{ name: "report" }],
  },
} satisfies Record<string, EndpointSpec>;

const viaJson = (recording: Recording): Recording => JSON.parse(JSON.stringify(recording)) as Recording;
const texts = (history: chatbot.RespondResult) =>
  history.map((m) => m.content.map((p) => ("text" in p ? p.text : "")).join(""));

describe("record a real app, replay it offline", () => {
  it("calculator: a result and a gr.Error", async () => {
    const real = calculator.connect({ baseUrl: appUrl("calculator") });
    try {
      const recorder = recordClient(real, calculatorEndpoints);
      const live = [
        await recorder.client.predict(4, "add", 5),
        await recorder.client.predict(1, "divide", 0).catch((e: unknown) => e),
      ];
      expect(live[0]).toBe(9);
      expect(live[1]).toMatchObject({ code: "APP_ERROR", appMessage: "Cannot divide by zero!" });
      const replay = createMock<calculator.Client>(
        calculatorEndpoints,
        replayHandlers(viaJson(await recorder.recording()), calculatorEndpoints),
      );
      expect(await replay.predict(4, "add", 5)).toBe(9);
      await expect(replay.predict(1, "divide", 0)).rejects.toMatchObject({
        name: "AppError",
        code: "APP_ERROR",
        appMessage: "Cannot divide by zero!",
      });
    } finally {
      await real.close();
    }
  });

  it("chatbot: every partial of a streamed generator, then the result", async () => {
    const real = chatbot.connect({ baseUrl: appUrl("chatbot_stream") });
    try {
      const recorder = recordClient(real, chatbotEndpoints);
      const stream = recorder.client.respond("hello there");
      const livePartials: string[][] = [];
      for await (const partial of stream) livePartials.push(texts(requireValue(partial)));
      const liveFinal = texts(requireValue(await stream.result));
      expect(liveFinal.at(-1)).toBe("You said: hello there");
      const replay = createMock<chatbot.Client>(
        chatbotEndpoints,
        replayHandlers(viaJson(await recorder.recording()), chatbotEndpoints),
      );
      const replayed = replay.respond("hello there");
      const partials: string[][] = [];
      for await (const partial of replayed) partials.push(texts(requireValue(partial)));
      expect(partials).toEqual(livePartials);
      expect(texts(requireValue(await replayed.result))).toEqual(liveFinal);
    } finally {
      await real.close();
    }
  });

  it("file output: the replayed GradioFile serves the recorded bytes", async () => {
    const real = fileTools.connect({ baseUrl: appUrl("file_tools") });
    try {
      const recorder = recordClient(real, fileToolsEndpoints);
      const liveText = await requireValue(await recorder.client.makeReport("Q3 replay")).text();
      expect(liveText).toBe("Report: Q3 replay\n");
      const replay = createMock<fileTools.Client>(
        fileToolsEndpoints,
        replayHandlers(viaJson(await recorder.recording()), fileToolsEndpoints),
      );
      const file = requireValue(await replay.makeReport("Q3 replay"));
      expect(file.name).toMatch(/\.txt$/);
      expect(await file.text()).toBe(liveText);
    } finally {
      await real.close();
    }
  });
});
