/**
 * `withUpdates(fn)`: the same endpoint function, giving results in their updatable form — each
 * output a plain value or a `GradioUpdate` of it (docs/protocol.md §2.5) — instead of plain
 * values. The types come from `fn`'s own: both call forms of an endpoint (named and positional
 * arguments), a tuple of several results mapped output by output, streams too.
 */
import { bindUpdates } from "../bind.js";
import { createJobStream, type JobStream } from "./job-stream.js";
import { UnchangedError, type Updatable } from "./update.js";

declare const resultTuple: unique symbol;

/**
 * Several results of one call: the labelled tuple `T` (generated modules add a name per output).
 * The mark (an optional property of a key nobody can write) lets {@link UpdatableResult} tell it
 * from one output whose value is itself a tuple.
 */
export type ResultTuple<T extends readonly unknown[]> = T & { readonly [resultTuple]?: T };

type TupleOf<T> = T extends { readonly [resultTuple]?: infer E } ? E : never;

/** A result type as a test double may give it: several results also as a bare tuple (the names are added for it). */
export type BareResult<T> = typeof resultTuple extends keyof T ? TupleOf<T> | T : T;
type EachUpdatable<E> = { [I in keyof E]: Updatable<E[I]> };

/**
 * A result type `T` in its updatable form: one output → `Updatable<T>`; several (a
 * {@link ResultTuple}) → each output `Updatable`, read by position or by name.
 */
export type UpdatableResult<T> = typeof resultTuple extends keyof T
  ? EachUpdatable<TupleOf<T>> & { readonly [resultTuple]?: EachUpdatable<TupleOf<T>> } & {
      readonly [K in Exclude<keyof T, keyof TupleOf<T> | typeof resultTuple>]: Updatable<T[K]>;
    }
  : Updatable<T>;

/** What an endpoint function returns (a promise or a `JobStream`), in the updatable form. */
export type UpdatesReturn<R> =
  R extends JobStream<infer T>
    ? JobStream<UpdatableResult<T>>
    : R extends Promise<infer T>
      ? Promise<UpdatableResult<T>>
      : R;

/**
 * The type of `withUpdates(fn)`. Generated endpoints with named arguments have two overloads
 * (named first, positional last); both are kept. A function with one signature matches the
 * two-overload pattern with the same signature twice on recent TypeScript (folded back into one);
 * TypeScript 5.0 does not match it, hence the one-signature branch.
 */
export type WithUpdates<F> = F extends {
  (...args: infer A1): infer R1;
  (...args: infer A2): infer R2;
}
  ? [A1, A2] extends [A2, A1]
    ? (...args: A2) => UpdatesReturn<R2>
    : { (...args: A1): UpdatesReturn<R1>; (...args: A2): UpdatesReturn<R2> }
  : F extends (...args: infer A) => infer R
    ? (...args: A) => UpdatesReturn<R>
    : never;

const isJobStream = (value: unknown): value is JobStream<unknown> =>
  typeof value === "object" && value !== null && "result" in value && Symbol.asyncIterator in value;

const recover = (error: unknown): unknown => {
  if (error instanceof UnchangedError) return error.result;
  throw error;
};

/** A stream whose UNCHANGED final result becomes the updatable result it carries. */
function recoverStream(source: JobStream<unknown>): JobStream<unknown> {
  const controller = createJobStream<unknown>(() => source.cancel());
  void (async () => {
    for await (const partial of source) controller.push(partial);
    controller.finish(await source.result);
  })().catch((error: unknown) => {
    try {
      controller.finish(recover(error));
    } catch (other) {
      controller.fail(other);
    }
  });
  return controller.stream;
}

/**
 * The endpoint function `fn` (a module-level function or a `Client` method) giving its results
 * in the updatable form: each output a plain `T` or a `GradioUpdate<T>` (`props`, and `value`
 * when the update set one). Nothing else changes: arguments, options, streams, errors.
 *
 * ```ts
 * const level = await withUpdates(client.setMax)(20); // Updatable<number>
 * if (level instanceof GradioUpdate) level.props.maximum; // 20
 * ```
 *
 * Any other function of an endpoint's type (a test double from `mock()`/`replay()`) works too:
 * its plain results are valid updatable ones, and an `UnchangedError` it raises gives the result
 * that error carries.
 */
export function withUpdates<F extends (...args: never[]) => unknown>(fn: F): WithUpdates<F> {
  const bound = bindUpdates(fn);
  if (bound) return bound as unknown as WithUpdates<F>;
  const call = fn as unknown as (...args: unknown[]) => unknown;
  return function (this: unknown, ...args: unknown[]): unknown {
    const result = call.apply(this, args);
    if (result instanceof Promise) return result.catch(recover);
    return isJobStream(result) ? recoverStream(result) : result;
  } as unknown as WithUpdates<F>;
}
