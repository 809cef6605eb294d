/**
 * Record once, replay offline: `recordClient` wraps a real client of a running app and keeps what
 * each call answered (partial results of streams, errors with their codes, output files with
 * their bytes); the recording is plain JSON, to commit next to the tests; `replayHandlers` turns
 * it back into handlers for `mock()`, so CI tests of code that calls the app run without it.
 */
import { AppError, GradioError, type GradioErrorCode } from "../errors.js";
import { createJobStream, type JobStream } from "../session/job-stream.js";
import { nameResults } from "../session/named-results.js";
import { UnchangedError } from "../session/update.js";
import type { EndpointSpec, JsonValue } from "../spec.js";
import { argumentKey, recordResult, replayResult } from "./recorded-value.js";
import { specsOf, type EndpointTable } from "./endpoints.js";
import type { MockHandlers } from "./types.js";

/** One call in a recording. */
export interface RecordedCall {
  readonly method: string;
  /** The public arguments, as match keys (files by name and size). */
  readonly args: readonly JsonValue[];
  /** Partial results of a streaming endpoint, in order. */
  readonly partials?: readonly JsonValue[];
  readonly result?: JsonValue;
  readonly error?: {
    readonly name: string;
    readonly code: string | null;
    readonly message: string;
    readonly appMessage: string | null;
    /** UNCHANGED: the result in its updatable form that the error carried. */
    readonly result?: JsonValue;
  };
}

/** What `Recorder.recording()` returns; `JSON.stringify` it to a file. */
export interface Recording {
  readonly format: "gradio-codegen-recording";
  readonly version: 1;
  readonly calls: readonly RecordedCall[];
}

export interface Recorder<C> {
  /** Use this client in place of the real one while recording. */
  readonly client: C;
  /** Everything recorded so far (waits for calls still running). */
  recording(): Promise<Recording>;
}

async function errorOf(error: unknown, maxFileBytes: number): Promise<NonNullable<RecordedCall["error"]>> {
  if (error instanceof UnchangedError)
    return {
      name: error.name,
      code: error.code,
      message: error.message,
      appMessage: null,
      result: await recordResult(error.result, maxFileBytes),
    };
  if (error instanceof AppError)
    return { name: error.name, code: error.code, message: error.message, appMessage: error.appMessage };
  if (error instanceof GradioError)
    return { name: error.name, code: error.code, message: error.message, appMessage: null };
  return {
    name: error instanceof Error ? error.name : "Error",
    code: null,
    message: error instanceof Error ? error.message : String(error),
    appMessage: null,
  };
}

/**
 * Wraps `client` (a generated module's client) so every endpoint call is recorded. Output files
 * are downloaded into the recording up to `maxFileBytes` each (default 1 MB; larger ones keep
 * their URL only).
 */
export function recordClient<C extends object>(
  client: C,
  table: EndpointTable,
  options: { maxFileBytes?: number } = {},
): Recorder<C> {
  const endpoints = specsOf(table);
  const maxFileBytes = options.maxFileBytes ?? 1_000_000;
  const pending: Promise<RecordedCall>[] = [];
  const real = client as unknown as Record<string, (...args: unknown[]) => unknown>;
  const wrapped: Record<string | symbol, unknown> = Object.create(client) as Record<string | symbol, unknown>;
  for (const [method, spec] of Object.entries(endpoints)) {
    const call = real[method];
    if (typeof call !== "function") continue;
    wrapped[method] = (...args: unknown[]) => {
      const keys = args.slice(0, spec.params.length).map(argumentKey);
      if (spec.streaming === true) {
        const source = call.apply(client, args) as JobStream<unknown>;
        const { stream, recorded } = teeStream(source, async (partials, outcome) => ({
          method,
          args: keys,
          partials: await Promise.all(partials.map((p) => recordResult(p, maxFileBytes))),
          ...(outcome.ok
            ? { result: await recordResult(outcome.value, maxFileBytes) }
            : { error: await errorOf(outcome.error, maxFileBytes) }),
        }));
        pending.push(recorded);
        return stream;
      }
      const result = (call.apply(client, args) as Promise<unknown>).then(
        async (value) => ({ value, entry: { method, args: keys, result: await recordResult(value, maxFileBytes) } }),
        async (error: unknown) => ({ error, entry: { method, args: keys, error: await errorOf(error, maxFileBytes) } }),
      );
      pending.push(result.then((r) => r.entry));
      return result.then((r) => ("error" in r ? Promise.reject(r.error) : r.value));
    };
  }
  return {
    client: wrapped as C,
    recording: async () => ({ format: "gradio-codegen-recording", version: 1, calls: await Promise.all(pending) }),
  };
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** A stream that passes on `source` and, once it ended, hands its partials and outcome to `done`. */
function teeStream(
  source: JobStream<unknown>,
  done: (partials: unknown[], outcome: Outcome) => Promise<RecordedCall>,
): { stream: JobStream<unknown>; recorded: Promise<RecordedCall> } {
  const controller = createJobStream<unknown>(() => source.cancel());
  const partials: unknown[] = [];
  const recorded = (async () => {
    try {
      for await (const partial of source) {
        partials.push(partial);
        controller.push(partial);
      }
      const value = await source.result;
      controller.finish(value);
      return done(partials, { ok: true, value });
    } catch (error) {
      controller.fail(error);
      return done(partials, { ok: false, error });
    }
  })();
  return { stream: controller.stream, recorded };
}

function replayError(error: NonNullable<RecordedCall["error"]>, method: string, spec: EndpointSpec): Error {
  if (error.name === "UnchangedError") {
    const result = replayResult(error.result ?? null);
    return new UnchangedError(method, Array.isArray(result) ? nameResults(result, spec.returns) : result);
  }
  if (error.name === "AppError") {
    const appError = new AppError(method, error.appMessage, null, (error.code ?? "APP_ERROR") as GradioErrorCode);
    return appError;
  }
  if (error.code !== null) return new GradioError(error.code as GradioErrorCode, error.message);
  return new Error(error.message);
}

/**
 * Handlers for `mock()` that answer from a recording: a call gets the first recorded answer of
 * its method whose arguments match (each recorded call answers once, in order); a call with no
 * match fails with INVALID_ARGUMENT naming the method and its arguments.
 */
export function replayHandlers<C>(recording: Recording, table: EndpointTable): MockHandlers<C> {
  const endpoints = specsOf(table);
  if (recording.format !== "gradio-codegen-recording" || recording.version !== 1) {
    throw new GradioError("INVALID_ARGUMENT", "replayHandlers: not a gradio-codegen recording (format/version)");
  }
  const unused = [...recording.calls];
  const handlers: Record<string, (...args: unknown[]) => unknown> = {};
  for (const [method, spec] of Object.entries(endpoints)) {
    const take = (args: unknown[]): RecordedCall => {
      const key = JSON.stringify(args.slice(0, spec.params.length).map(argumentKey));
      const index = unused.findIndex((call) => call.method === method && JSON.stringify(call.args) === key);
      const found = index < 0 ? undefined : unused.splice(index, 1)[0];
      if (found === undefined)
        throw new GradioError("INVALID_ARGUMENT", `replay: no recorded call of ${method} with arguments ${key}`);
      return found;
    };
    handlers[method] =
      spec.streaming === true
        ? async function* (...args: unknown[]) {
            const call = take(args);
            for (const partial of call.partials ?? []) yield replayResult(partial);
            if (call.error) throw replayError(call.error, `/${spec.apiName ?? method}`, spec);
            return replayResult(call.result ?? null);
          }
        : async (...args: unknown[]) => {
            const call = take(args);
            if (call.error) throw replayError(call.error, `/${spec.apiName ?? method}`, spec);
            return replayResult(call.result ?? null);
          };
  }
  return handlers as MockHandlers<C>;
}
