/**
 * An async iterable of a streaming job's partial results plus a promise of the final one.
 * Values are buffered, so a slow consumer never loses a partial result. Leaving the loop early
 * (`break`, `return`, a throw in the loop body) or disposing the stream (`await using`) cancels
 * a job that has not settled, exactly like `cancel()`.
 */
import { asyncDispose, type AsyncDisposal } from "../platform.js";

/**
 * What a generated streaming function returns. `await using stream = …` (where the lib has
 * `Symbol.asyncDispose`, see platform.ts) cancels the job if it has not settled when the scope ends.
 */
export interface JobStream<T> extends AsyncIterable<T>, AsyncDisposal {
  /** The final result (authoritative: the server's full `process_completed` value). */
  readonly result: Promise<T>;
  /** Cancels the job on the server and ends iteration. */
  cancel(): Promise<void>;
}

/** A stream's disposer, read through the runtime's own key (present where the platform has the symbol). */
function disposerOf(stream: object): (() => Promise<void>) | undefined {
  const dispose: unknown = (stream as Record<symbol, unknown>)[asyncDispose];
  return typeof dispose === "function" ? (dispose as () => Promise<void>).bind(stream) : undefined;
}

export interface JobStreamController<T> {
  readonly stream: JobStream<T>;
  push(value: T): void;
  finish(value: T): void;
  fail(error: unknown): void;
}

/**
 * Adds `[Symbol.asyncDispose]` where the platform defines the symbol (Node ≥ 20.4, current
 * browsers, Deno, Bun); elsewhere `await using` does not exist either, so nothing is lost.
 */
function disposable<T>(stream: Omit<JobStream<T>, keyof AsyncDisposal>, dispose: () => Promise<void>): JobStream<T> {
  Object.defineProperty(stream, asyncDispose, { value: dispose, enumerable: false });
  return stream as JobStream<T>;
}

/** Creates a stream and the handle that feeds it. */
export function createJobStream<T>(onCancel: () => Promise<void>): JobStreamController<T> {
  const buffer: T[] = [];
  let waiter: (() => void) | null = null;
  let done = false;
  let failure: { error: unknown } | null = null;
  let settle!: { resolve: (value: T) => void; reject: (error: unknown) => void };
  const result = new Promise<T>((resolve, reject) => {
    settle = { resolve, reject };
  });
  result.catch(() => {}); // observed through iteration or `result`; never an unhandled rejection
  const wake = () => {
    waiter?.();
    waiter = null;
  };
  // Cancels only a job that is still running; a settled one has nothing left on the server.
  const cancelIfRunning = async () => {
    if (!done) await onCancel().catch(() => {});
  };

  const stream = disposable<T>(
    {
      result,
      cancel: onCancel,
      async *[Symbol.asyncIterator]() {
        try {
          for (;;) {
            if (buffer.length > 0) {
              yield buffer.shift() as T;
              continue;
            }
            if (failure) throw failure.error;
            if (done) return;
            await new Promise<void>((resolve) => {
              waiter = resolve;
            });
          }
        } finally {
          // Reached with the job still running only when the consumer left the loop early.
          await cancelIfRunning();
        }
      },
    },
    cancelIfRunning,
  );
  return {
    stream,
    push(value) {
      buffer.push(value);
      wake();
    },
    finish(value) {
      done = true;
      settle.resolve(value);
      wake();
    },
    fail(error) {
      failure = { error };
      done = true;
      settle.reject(error);
      wake();
    },
  };
}

/** A stream whose partial and final values are transformed by `map` (used by generated code to pick outputs). */
export function mapJobStream<A, B>(source: JobStream<A>, map: (value: A) => B): JobStream<B> {
  const result = source.result.then(map);
  result.catch(() => {});
  return disposable<B>(
    {
      result,
      cancel: () => source.cancel(),
      async *[Symbol.asyncIterator]() {
        // Leaving this loop early returns the source's iterator, which cancels the job.
        for await (const value of source) yield map(value);
      },
    },
    () => disposerOf(source)?.() ?? Promise.resolve(),
  );
}
