/**
 * Typed test doubles of a generated module's client: the same `Client` type, no network. Each
 * endpoint answers from a handler given by the test; the endpoint table the module was generated
 * with says which endpoints stream and what their results are called, so a double behaves like
 * the real client (a `JobStream` for generators, labelled tuples that answer to their names).
 */
import { callArguments } from "../bind.js";
import { GradioError } from "../errors.js";
import { asyncDispose } from "../platform.js";
import { createJobStream, type JobStream } from "../session/job-stream.js";
import { nameResults } from "../session/named-results.js";
import type { EndpointSpec } from "../spec.js";
import { specsOf, type EndpointTable } from "./endpoints.js";
import type { EndpointName, MockCall, MockClient, MockHandlers } from "./types.js";

type AnyHandler = (...args: unknown[]) => unknown;

const isObject = (value: unknown): value is object => typeof value === "object" && value !== null;
const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  isObject(value) && Symbol.asyncIterator in value;
const isIterable = (value: unknown): value is Iterable<unknown> => isObject(value) && Symbol.iterator in value;

/** A tuple result gets the named accessors the real client adds (on a copy: the test's array stays as it was). */
function named(value: unknown, spec: EndpointSpec): unknown {
  return Array.isArray(value) ? nameResults([...value], spec.returns) : value;
}

function notHandled(method: string, spec: EndpointSpec): GradioError {
  const endpoint = spec.apiName === null ? `${method} (unnamed endpoint)` : `/${spec.apiName}`;
  return new GradioError("UNSUPPORTED", `mock: no handler for ${endpoint}; pass one to mock({ ${method}: … })`);
}

/**
 * Runs a streaming handler: every item is a partial result; the last one is also the final one,
 * unless a generator returns a value, which is then the final result.
 */
function streamFrom(produce: () => unknown, spec: EndpointSpec, method: string): JobStream<unknown> {
  let stop = false;
  const controller = createJobStream<unknown>(async () => {
    stop = true;
    controller.fail(new GradioError("ABORTED", `/${spec.apiName ?? method} was cancelled`));
  });
  void (async () => {
    const source = produce();
    if (!isAsyncIterable(source) && !isIterable(source)) {
      throw new GradioError(
        "INVALID_ARGUMENT",
        `mock: the handler of streaming /${spec.apiName ?? method} must return an array or an (async) iterable of partial results`,
      );
    }
    const iterator = isAsyncIterable(source)
      ? source[Symbol.asyncIterator]()
      : (source as Iterable<unknown>)[Symbol.iterator]();
    let last: { value: unknown } | null = null;
    for (;;) {
      const step = await iterator.next();
      if (stop) {
        await iterator.return?.();
        return;
      }
      if (step.done === true) {
        // A generator's `return value` is the final result when it differs from the last partial.
        if (step.value !== undefined) last = { value: named(step.value, spec) };
        break;
      }
      last = { value: named(step.value, spec) };
      controller.push(last.value);
    }
    if (last === null)
      throw new GradioError("PROTOCOL", `mock: the handler of /${spec.apiName ?? method} produced no result`);
    controller.finish(last.value);
  })().catch((error: unknown) => controller.fail(error));
  return controller.stream;
}

/**
 * Creates a double of a client from the module's endpoint table (method name → spec) and the
 * test's handlers. Generated modules wrap it as `mock(handlers)`.
 */
export function createMock<C>(endpointTable: EndpointTable, handlers: MockHandlers<C>): MockClient<C> {
  const endpoints = specsOf(endpointTable);
  const calls: MockCall[] = [];
  let closed = false;
  const table = handlers as Readonly<Record<string, AnyHandler | undefined>>;
  const close = async () => {
    closed = true;
  };
  const client: Record<string | symbol, unknown> = {
    close,
    get calls() {
      return calls;
    },
    callsOf: (method: string) => calls.filter((call) => call.method === method),
    get closed() {
      return closed;
    },
  };
  client[asyncDispose] = close;
  for (const [method, spec] of Object.entries(endpoints)) {
    client[method] = (...given: unknown[]) => {
      calls.push({ method, endpoint: spec.apiName === null ? null : `/${spec.apiName}`, args: given });
      // Named arguments (`f({ b: 1 })`) reach the handler in positional order, as on the real client.
      const { values, options } = callArguments(spec, given);
      const args = options === undefined ? values : [...values, options];
      const handler = table[method];
      if (spec.streaming === true) {
        return streamFrom(
          () => {
            if (handler === undefined) throw notHandled(method, spec);
            return handler(...args);
          },
          spec,
          method,
        );
      }
      return (async () => {
        if (handler === undefined) throw notHandled(method, spec);
        return named(await handler(...args), spec);
      })();
    };
  }
  return client as MockClient<C>;
}

export type { EndpointName };
