/**
 * An async iterable of a streaming job's partial results plus a promise of the final one.
 * Values are buffered, so a slow consumer never loses a partial result.
 */

/** What a generated streaming function returns. */
export interface JobStream<T> extends AsyncIterable<T> {
  /** The final result (authoritative: the server's full `process_completed` value). */
  readonly result: Promise<T>;
  /** Cancels the job on the server and ends iteration. */
  cancel(): Promise<void>;
}

export interface JobStreamController<T> {
  readonly stream: JobStream<T>;
  push(value: T): void;
  finish(value: T): void;
  fail(error: unknown): void;
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

  const stream: JobStream<T> = {
    result,
    cancel: onCancel,
    async *[Symbol.asyncIterator]() {
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
    },
  };
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
  return {
    result,
    cancel: () => source.cancel(),
    async *[Symbol.asyncIterator]() {
      for await (const value of source) yield map(value);
    },
  };
}
