/**
 * The foundation slice, end to end against real Gradio: live app → `gradio-codegen URL -o file`
 * → strict type-check → import → call over the queue protocol → the app's real result.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { runCli } from "../support/cli.js";
import { WAV_FIXTURE, workDir } from "../support/paths.js";
import { typecheckFiles } from "../support/typecheck.js";

const apps = inject("apps");

interface Calculator {
  predict(a: number, op: string, b: number): Promise<number>;
}
interface Translator {
  /** 6.x names an Interface's endpoint after its function; 4.x/5.x call it /predict (docs/protocol.md §0). */
  translate?(text: string): Promise<string>;
  predict?(text: string): Promise<string>;
}
interface Whisper {
  predict(audio: string): Promise<string>;
}

describe("generated modules against the live test apps", () => {
  const dir = workDir("slice");
  const modules: Record<string, string> = {};

  beforeAll(async () => {
    for (const name of ["calculator", "translator", "whisper_like"]) {
      const file = join(dir, `${name}.ts`);
      const result = await runCli([`${apps[name]}/`, "-o", file]);
      expect(result.stderr).toContain(`wrote ${file}`);
      expect(result.code).toBe(0);
      modules[name] = file;
    }
  });

  it("type-check with tsc --strict --noEmit and no skipLibCheck", () => {
    expect(typecheckFiles(Object.values(modules))).toEqual([]);
  });

  it("calculator: predict(4, 'add', 5) → 9", async () => {
    const calculator = (await import(modules["calculator"] as string)) as Calculator;
    expect(await calculator.predict(4, "add", 5)).toBe(9);
    expect(await calculator.predict(7, "multiply", 6)).toBe(42);
  });

  it("calculator: divide by zero → AppError carrying the app's message", async () => {
    const calculator = (await import(modules["calculator"] as string)) as Calculator;
    const error: unknown = await calculator.predict(1, "divide", 0).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "AppError", code: "APP_ERROR", appMessage: "Cannot divide by zero!" });
    expect((error as Error).message).toContain("/predict");
  });

  it("translator: translate('Hello') → 'bonjour'", async () => {
    const translator = (await import(modules["translator"] as string)) as Translator;
    const translate = inject("gradioVersion").startsWith("6.") ? translator.translate : translator.predict;
    expect(translate).toBeTypeOf("function");
    expect(await translate?.("Hello")).toBe("bonjour");
  });

  it("whisper-like: a local WAV path is uploaded and described", async () => {
    const whisper = (await import(modules["whisper_like"] as string)) as Whisper;
    expect(await whisper.predict(WAV_FIXTURE)).toBe("1.50 seconds of audio at 16000 Hz, 1 channel(s)");
  });

  it("a missing argument from untyped JavaScript is a typed error, not a server call", async () => {
    const calculator = (await import(modules["calculator"] as string)) as {
      predict(...args: unknown[]): Promise<number>;
    };
    await expect(calculator.predict(1, "add")).rejects.toMatchObject({
      code: "INVALID_ARGUMENT",
      message: expect.stringContaining('"num2"'),
    });
  });
});
