/**
 * What every JavaScript runtime runs in the cross-runtime suite: calls through modules generated
 * from the live test apps. Platform-neutral on purpose (fetch, Blob, File, AbortController, atob,
 * performance — no Node module, no DOM), so one source runs in Chromium, Deno and Bun. Every
 * scenario settles into a JSON-safe Outcome, so one failure never hides the others; the vitest
 * side (runtimes.test.ts) asserts on the report. Typed against the committed generated examples,
 * which the example tests keep identical to what the CLI generates from these apps.
 */
import * as runtime from "@gradio-codegen/runtime";
import type { CallOptions, ClientOptions, JsonValue } from "@gradio-codegen/runtime";
import type * as Calculator from "../../generated-examples/calculator/calculator.js";
import type * as Chatbot from "../../generated-examples/chatbot_stream/chatbot_stream.js";
import type * as Counter from "../../generated-examples/counter_state/counter_state.js";
import type * as FileTools from "../../generated-examples/file_tools/file_tools.js";
import type * as ImageFilter from "../../generated-examples/image_filter/image_filter.js";

/** The part of the rt_features module (test/apps/rt_features.py) used here; it has no committed example. */
export interface FeaturesModule {
  connect(options?: ClientOptions): {
    slow(token: string, steps: number, options?: CallOptions): Promise<number>;
    iterations(token: string, options?: CallOptions): Promise<number>;
    close(): Promise<void>;
  };
}

/** The generated modules, keyed by test app name. */
export interface Modules {
  readonly calculator: typeof Calculator;
  readonly chatbot_stream: typeof Chatbot;
  readonly counter_state: typeof Counter;
  readonly file_tools: typeof FileTools;
  readonly image_filter: typeof ImageFilter;
  readonly rt_features: FeaturesModule;
}

/** The apps the scenarios call (the suite generates one module per app). */
export const SCENARIO_APPS: readonly (keyof Modules)[] = [
  "calculator",
  "chatbot_stream",
  "counter_state",
  "file_tools",
  "image_filter",
  "rt_features",
];

export interface ScenarioInput {
  /** test/fixtures/gradient-4x3.png, base64. */
  readonly pngBase64: string;
}

export interface ErrorInfo {
  readonly name: string;
  readonly code: string | null;
  readonly message: string;
  readonly appMessage: string | null;
  /** `instanceof GradioError` of the runtime instance the generated modules use. */
  readonly isGradioError: boolean;
}

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorInfo };

export interface Report {
  /** Random per run, inside every uploaded file and output: Gradio caches files under a hash of
   * their content and writes them non-atomically, so runtimes running at once must not collide. */
  readonly nonce: string;
  /** Which entry of @gradio-codegen/runtime the modules got: the Node one exports `saveFile`. */
  readonly entry: "node" | "universal";
  readonly call: Outcome<readonly number[]>;
  readonly appError: Outcome<number>;
  readonly stream: Outcome<{ partials: string[]; final: string; roles: string[] }>;
  readonly files: Outcome<{ summary: JsonValue; copies: string[]; copyNames: string[]; report: string }>;
  readonly image: Outcome<{ size: number[]; invertedName: string; pngSignature: boolean; sizeOfInverted: number[] }>;
  readonly state: Outcome<readonly number[]>;
  readonly abort: Outcome<{ error: ErrorInfo | null; rejectMs: number; stoppedAt: number; later: number }>;
}

/** Runs every scenario (concurrently: they use different apps and clients) and reports. */
export async function runScenarios(modules: Modules, input: ScenarioInput): Promise<Report> {
  const nonce = Array.from(crypto.getRandomValues(new Uint8Array(4)), (b) => b.toString(16).padStart(2, "0")).join("");
  const [call, appError, stream, files, image, state, abort] = await Promise.all([
    settle(() => callResult(modules.calculator)),
    settle(() => modules.calculator.predict(1, "divide", 0)),
    settle(() => streamed(modules.chatbot_stream)),
    settle(() => fileRoundTrip(modules.file_tools, nonce)),
    settle(() => imageRoundTrip(modules.image_filter, input.pngBase64)),
    settle(() => isolatedState(modules.counter_state)),
    settle(() => aborted(modules.rt_features)),
  ]);
  return {
    nonce,
    entry: "saveFile" in runtime ? "node" : "universal",
    call,
    appError,
    stream,
    files,
    image,
    state,
    abort,
  };
}

/** Module-level calls on a State app, never closed: the shared session's heartbeat stays open. */
export async function moduleLevelState(modules: Modules): Promise<Outcome<readonly number[]>> {
  return settle(async () => [await modules.counter_state.increment(2), await modules.counter_state.increment(3)]);
}

/** A module-level call (shared client) and one through connect(). */
async function callResult(calculator: typeof Calculator): Promise<number[]> {
  const client = calculator.connect();
  try {
    return [await calculator.predict(4, "add", 5), await client.predict(7, "multiply", 6)];
  } finally {
    await client.close();
  }
}

async function streamed(chatbot: typeof Chatbot): Promise<{ partials: string[]; final: string; roles: string[] }> {
  const client = chatbot.connect();
  try {
    const stream = client.respond("hello there");
    const lastText = (history: Chatbot.RespondResult): string => {
      const part = history.at(-1)?.content.at(-1);
      return part && "text" in part ? part.text : "";
    };
    const partials: string[] = [];
    for await (const history of stream) partials.push(lastText(history));
    const final = await stream.result;
    return { partials, final: lastText(final), roles: final.map((m) => m.role) };
  } finally {
    await client.close();
  }
}

/** Uploads a File and raw bytes in one call, fetches the output files back. */
async function fileRoundTrip(
  fileTools: typeof FileTools,
  nonce: string,
): Promise<{ summary: JsonValue; copies: string[]; copyNames: string[]; report: string }> {
  const client = fileTools.connect();
  try {
    const [summary, copies] = await client.summarize([
      new File([`hello ${nonce}`], "a.txt"),
      new TextEncoder().encode(`second file ${nonce}`),
    ]);
    const report = await client.makeReport(`Q3 ${nonce}`);
    return {
      summary,
      copies: await Promise.all(copies.map((file) => file.text())),
      copyNames: copies.map((file) => file.name),
      report: await report.text(),
    };
  } finally {
    await client.close();
  }
}

/** PNG bytes in; a Blob of random pixels inverted, the PNG fetched back and passed on as an input. */
async function imageRoundTrip(
  imageFilter: typeof ImageFilter,
  pngBase64: string,
): Promise<{ size: number[]; invertedName: string; pngSignature: boolean; sizeOfInverted: number[] }> {
  const png = Uint8Array.from(atob(pngBase64), (c) => c.charCodeAt(0));
  const client = imageFilter.connect();
  try {
    const size = [...(await client.size(png))];
    // Random pixels: the output is cached under a hash of its content (see Report.nonce).
    const inverted = await client.invert(new File([randomBmp(4, 3)], "random.bmp", { type: "image/bmp" }));
    const bytes = await inverted.bytes();
    const pngSignature = [137, 80, 78, 71, 13, 10, 26, 10].every((b, i) => bytes[i] === b);
    return { size, invertedName: inverted.name, pngSignature, sizeOfInverted: [...(await client.size(inverted))] };
  } finally {
    await client.close();
  }
}

/** Two connect() clients of the counter app: each has its own State. */
async function isolatedState(counter: typeof Counter): Promise<number[]> {
  const a = counter.connect();
  const b = counter.connect();
  try {
    return [
      await a.increment(2),
      await a.increment(3),
      await b.increment(1),
      await a.increment(),
      await b.increment(10),
    ];
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
}

/** Aborts a running call; the server-side loop (observed through a second client) must stop. */
async function aborted(
  features: FeaturesModule,
): Promise<{ error: ErrorInfo | null; rejectMs: number; stoppedAt: number; later: number }> {
  const client = features.connect();
  const observer = features.connect();
  try {
    const token = `abort-${Math.random().toString(36).slice(2)}`;
    const controller = new AbortController();
    const settled = client.slow(token, 100, { signal: controller.signal }).then(
      () => null,
      (error: unknown) => error,
    );
    const deadline = performance.now() + 10_000;
    while ((await observer.iterations(token)) < 2) {
      if (performance.now() > deadline) throw new Error(`slow(${token}) never ran 2 iterations`);
      await sleep(50);
    }
    const abortedAt = performance.now();
    controller.abort();
    const error = await settled;
    const rejectMs = performance.now() - abortedAt;
    await sleep(400); // the cancel request is fire-and-forget; let it land
    const stoppedAt = await observer.iterations(token);
    await sleep(500); // 5 more iterations would run if the loop were still going
    return {
      error: error === null ? null : errorInfo(error),
      rejectMs,
      stoppedAt,
      later: await observer.iterations(token),
    };
  } finally {
    await Promise.all([client.close(), observer.close()]);
  }
}

/** A 24-bit BMP (the simplest format PIL reads) of random pixels; rows of 3·width bytes padded to 4. */
function randomBmp(width: number, height: number): Uint8Array<ArrayBuffer> {
  const row = Math.ceil((3 * width) / 4) * 4;
  const bytes = new Uint8Array(54 + row * height);
  const view = new DataView(bytes.buffer);
  bytes.set([0x42, 0x4d]); // "BM"
  view.setUint32(2, bytes.length, true);
  view.setUint32(10, 54, true); // pixel data offset
  view.setUint32(14, 40, true); // BITMAPINFOHEADER
  view.setInt32(18, width, true);
  view.setInt32(22, height, true);
  view.setUint16(26, 1, true); // planes
  view.setUint16(28, 24, true); // bits per pixel
  view.setUint32(34, row * height, true);
  crypto.getRandomValues(bytes.subarray(54));
  return bytes;
}

async function settle<T>(work: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: errorInfo(error) };
  }
}

function errorInfo(error: unknown): ErrorInfo {
  const record = (typeof error === "object" && error !== null ? error : {}) as Record<string, unknown>;
  const text = (key: string): string | null => (typeof record[key] === "string" ? record[key] : null);
  return {
    name: text("name") ?? typeof error,
    code: text("code"),
    message: text("message") ?? String(error),
    appMessage: text("appMessage"),
    isGradioError: error instanceof runtime.GradioError,
  };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
