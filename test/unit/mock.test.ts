/**
 * Test doubles (@gradio-codegen/runtime/testing): typed from the committed examples' `Client`
 * interfaces, driven by endpoint tables of the same shape the generated modules hold. No network.
 */
import { describe, expect, it } from "vitest";
// The package (as the generated modules import it), so the examples' types and these are one declaration.
import {
  AppError,
  GradioError,
  GradioFile,
  GradioUpdate,
  UnchangedError,
  withUpdates,
  type EndpointSpec,
} from "@gradio-codegen/runtime";
import {
  createMock,
  recordClient,
  replayHandlers,
  type MockHandlers,
  type Recording,
} from "@gradio-codegen/runtime/testing";
import type { Client as Calculator } from "../../generated-examples/calculator/calculator.js";
import type { Client as Chatbot, RespondResult } from "../../generated-examples/chatbot_stream/chatbot_stream.js";
import type { Client as FileTools } from "../../generated-examples/file_tools/file_tools.js";

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
  summarize: {
    apiName: "summarize",
    fnIndex: 0,
    inputs: [0],
    outputs: [0, 1],
    params: [{ name: "files" }],
    returns: [{ name: "summary" }, { name: "upperCasedCopies" }],
  },
  makeReport: {
    apiName: "make_report",
    fnIndex: 1,
    inputs: [0],
    outputs: [0],
    params: [{ name: "title" }],
    returns: [{ name: "report" }],
  },
} satisfies Record<string, EndpointSpec>;

const mockCalculator = (handlers: MockHandlers<Calculator>) => createMock<Calculator>(calculatorEndpoints, handlers);
const mockChatbot = (handlers: MockHandlers<Chatbot>) => createMock<Chatbot>(chatbotEndpoints, handlers);
const reply = (text: string): RespondResult => [
  { role: "assistant", metadata: null, content: [{ type: "text", text }], options: [] },
];

describe("mock(): the Client type, answered by handlers", () => {
  it("a handler gets the endpoint's own parameter types and answers the call; calls are recorded", async () => {
    const client = mockCalculator({ predict: async (a, op, b) => (op === "add" ? a + b : a * b) });
    expect(await client.predict(4, "add", 5)).toBe(9);
    expect(await client.predict(7, "multiply", 6, { timeout: 1000 })).toBe(42);
    expect(client.calls).toEqual([
      { method: "predict", endpoint: "/predict", args: [4, "add", 5] },
      { method: "predict", endpoint: "/predict", args: [7, "multiply", 6, { timeout: 1000 }] },
    ]);
    expect(client.callsOf("predict")).toHaveLength(2);
  });

  it("handler types are checked", () => {
    // @ts-expect-error predict returns a number, not a string
    mockCalculator({ predict: () => "nine" });
    // @ts-expect-error the operation is a literal union, not a number
    mockCalculator({ predict: (_a: number, _op: number) => 1 });
    // @ts-expect-error no endpoint of that name
    mockCalculator({ nope: () => 1 });
  });

  it("an endpoint without a handler fails with a typed error naming it", async () => {
    const client = mockCalculator({});
    const error = await client.predict(1, "add", 2).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GradioError);
    expect(error).toMatchObject({ code: "UNSUPPORTED", message: expect.stringContaining("/predict") });
  });

  it("errors are simulated with the real classes (AppError, QUEUE_FULL)", async () => {
    const client = mockCalculator({
      predict: (_a, op) => {
        if (op === "divide") throw new AppError("/predict", "Cannot divide by zero!", null);
        throw new GradioError("QUEUE_FULL", "queue full");
      },
    });
    await expect(client.predict(1, "divide", 0)).rejects.toMatchObject({
      name: "AppError",
      code: "APP_ERROR",
      appMessage: "Cannot divide by zero!",
    });
    await expect(client.predict(1, "add", 0)).rejects.toMatchObject({ code: "QUEUE_FULL" });
  });

  it("several results: a plain tuple from the handler answers to the result names too", async () => {
    const summary = { count: 1 };
    const tuple: [typeof summary, GradioFile[]] = [summary, []];
    const client = createMock<FileTools>(fileToolsEndpoints, { summarize: () => tuple });
    const result = await client.summarize([new Uint8Array([1])]);
    expect([...result]).toEqual([summary, []]);
    expect(result.summary).toBe(summary);
    expect(result.upperCasedCopies).toEqual([]);
    expect(Object.keys(tuple)).toEqual(["0", "1"]); // the test's own array is left as it was
  });

  it("close() and await using", async () => {
    const client = mockCalculator({});
    expect(client.closed).toBe(false);
    await client.close();
    expect(client.closed).toBe(true);
  });
});

describe("mock(): streaming endpoints", () => {
  it("from an array: every partial in order, the last one is the result", async () => {
    const client = mockChatbot({ respond: (message) => [reply("You"), reply(`You said: ${message}`)] });
    const stream = client.respond("hi");
    const seen: string[] = [];
    for await (const partial of stream) seen.push(JSON.stringify(partial));
    expect(seen).toEqual([JSON.stringify(reply("You")), JSON.stringify(reply("You said: hi"))]);
    expect(await stream.result).toEqual(reply("You said: hi"));
  });

  it("from an async generator, whose return value is the final result", async () => {
    const client = mockChatbot({
      respond: async function* () {
        yield reply("a");
        yield reply("ab");
        return reply("abc (final)");
      },
    });
    const stream = client.respond("x");
    const seen: RespondResult[] = [];
    for await (const partial of stream) seen.push(partial);
    expect(seen).toEqual([reply("a"), reply("ab")]);
    expect(await stream.result).toEqual(reply("abc (final)"));
  });

  it("cancel() stops the generator and rejects the result with ABORTED", async () => {
    let produced = 0;
    const client = mockChatbot({
      respond: async function* () {
        for (;;) {
          produced++;
          yield reply(String(produced));
          await new Promise((r) => setTimeout(r, 5));
        }
      },
    });
    const stream = client.respond("x");
    for await (const partial of stream) if (partial[0]?.content[0] && produced >= 3) break;
    await stream.cancel();
    await expect(stream.result).rejects.toMatchObject({ code: "ABORTED" });
    await new Promise((r) => setTimeout(r, 10)); // the step under way when cancel came may finish
    const after = produced;
    await new Promise((r) => setTimeout(r, 50)); // ~10 more steps if the generator still ran
    expect(produced).toBe(after);
  });

  it("an error thrown by the handler fails iteration and the result", async () => {
    const client = mockChatbot({
      respond: async function* () {
        yield reply("a");
        throw new AppError("/respond", "model overloaded", null);
      },
    });
    const stream = client.respond("x");
    const seen: RespondResult[] = [];
    await expect(
      (async () => {
        for await (const partial of stream) seen.push(partial);
      })(),
    ).rejects.toMatchObject({ appMessage: "model overloaded" });
    expect(seen).toEqual([reply("a")]);
    await expect(stream.result).rejects.toBeInstanceOf(AppError);
  });
});

describe("replayHandlers(): a recording answers offline", () => {
  const recording: Recording = {
    format: "gradio-codegen-recording",
    version: 1,
    calls: [
      {
        method: "makeReport",
        args: ["Q3"],
        result: {
          $file: {
            path: "/tmp/report.txt",
            url: "http://app.test/file=/tmp/report.txt",
            origName: "report.txt",
            mimeType: "text/plain",
            base64: btoa("Report: Q3\n"),
          },
        },
      },
      { method: "summarize", args: [[{ $input: "bytes", size: 1 }]], result: [{ count: 1 }, []] },
    ],
  };

  it("results match on arguments; output files serve their recorded bytes; a call not recorded fails", async () => {
    const client = createMock<FileTools>(fileToolsEndpoints, replayHandlers<FileTools>(recording, fileToolsEndpoints));
    const report = await client.makeReport("Q3");
    expect(report).toBeInstanceOf(GradioFile);
    expect(report.name).toBe("report.txt");
    expect(await report.text()).toBe("Report: Q3\n");
    expect((await client.summarize([new Uint8Array([7])])).summary).toEqual({ count: 1 });
    await expect(client.makeReport("Q4")).rejects.toMatchObject({
      code: "INVALID_ARGUMENT",
      message: expect.stringContaining("makeReport"),
    });
  });
});

describe("updates in test doubles", () => {
  const skipped = () => new UnchangedError("/summarize", [{ count: 2 }, new GradioUpdate({ visible: false })]);

  it("withUpdates(mock method): a plain result is a valid updatable one; an UnchangedError gives the result it carries", async () => {
    const client = createMock<FileTools>(fileToolsEndpoints, {
      makeReport: () => {
        throw new UnchangedError("/make_report", new GradioUpdate({ interactive: false }));
      },
      summarize: () => [{ count: 1 }, []],
    });
    const [summary, copies] = await withUpdates(client.summarize)([new Uint8Array([1])]);
    expect([summary, copies]).toEqual([{ count: 1 }, []]);
    await expect(client.makeReport("Q3")).rejects.toMatchObject({ code: "UNCHANGED", endpoint: "/make_report" });
    const report = await withUpdates(client.makeReport)("Q3");
    if (!(report instanceof GradioUpdate)) throw new Error("expected the update");
    expect([report.props.interactive, report.hasValue]).toEqual([false, false]);
  });

  it("record → JSON → replay keeps an UNCHANGED error: class, endpoint, the updatable result with its names and props", async () => {
    const live = createMock<FileTools>(fileToolsEndpoints, {
      summarize: () => {
        throw skipped();
      },
    });
    const recorder = recordClient(live, fileToolsEndpoints);
    await expect(recorder.client.summarize([new Uint8Array([1])])).rejects.toBeInstanceOf(UnchangedError);
    const recording = JSON.parse(JSON.stringify(await recorder.recording())) as Recording;
    const replayed = createMock<FileTools>(
      fileToolsEndpoints,
      replayHandlers<FileTools>(recording, fileToolsEndpoints),
    );
    const error: unknown = await replayed.summarize([new Uint8Array([1])]).catch((e: unknown) => e);
    if (!(error instanceof UnchangedError)) throw new Error(`expected UnchangedError, got ${String(error)}`);
    expect([error.code, error.endpoint, error.update.props]).toEqual(["UNCHANGED", "/summarize", { visible: false }]);
    const result = error.result as { summary: unknown; upperCasedCopies: unknown };
    expect(result.summary).toEqual({ count: 2 });
    expect(result.upperCasedCopies).toEqual(new GradioUpdate({ visible: false }));
    // The same recording through withUpdates: the result itself, typed per output.
    const again = createMock<FileTools>(fileToolsEndpoints, replayHandlers<FileTools>(recording, fileToolsEndpoints));
    const updates = await withUpdates(again.summarize)([new Uint8Array([1])]);
    const copies = updates.upperCasedCopies;
    expect(copies instanceof GradioUpdate ? copies.props.visible : "plain").toBe(false);
  });
});
