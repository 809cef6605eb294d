/**
 * What a generated module builds its functions from: `bindEndpoint` turns one endpoint's spec into
 * the function users call (positional or named arguments, per-call options last), and
 * `createSharedClient` is the configurable client behind a module's module-level functions.
 * Both are small and standalone, so a bundler keeps only the endpoints a program imports.
 */
import type { CallOptions, ClientOptions, EndpointFeatures, GradioClient } from "./client.js";
import { mapJobStream } from "./session/job-stream.js";
import { callResult } from "./session/results.js";
import { expandEndpoint, type EndpointDecl, type EndpointSpec } from "./spec.js";

/** The part of a client that runs endpoints. */
export type EndpointRunner = Pick<GradioClient, "call" | "stream">;

/** The client behind module-level functions, whose options `configure` can replace. */
export interface SharedClient extends EndpointRunner {
  /** Sets the options of the clients created from now on; see {@link createSharedClient}. */
  configure(options: ClientOptions): void;
}

/**
 * The function of endpoint `apiName` (fn_index `fnIndex`, layout `decl`, and the `features` it
 * needs beyond the client's: files, streams, direct calls) on `client`. Its type `F` comes from
 * the generated `Client` interface (the declaration it initializes), derived from the same facts.
 *
 * Arguments: positional in the spec's order, then the call options; `undefined` sends the
 * parameter's default. Unless `spec.named` is false, a single plain object whose keys are all
 * parameter names (`{ num2: 10 }`) is read as named arguments, followed by the options. The
 * generator sets `named: false` where the first parameter can itself be such an object, so the
 * two forms never overlap. One result resolves to the value, several to the named tuple; an update
 * gives its value or fails with UNCHANGED (session/results.ts; `withUpdates` for the updates).
 */
export function bindEndpoint<F>(
  client: EndpointRunner,
  apiName: string | null,
  fnIndex: number | null,
  decl: EndpointDecl,
  features?: EndpointFeatures,
): F {
  return bindSpec(client, { spec: expandEndpoint(apiName, fnIndex, decl), features });
}

interface Bound {
  readonly spec: EndpointSpec;
  readonly features: EndpointFeatures | undefined;
  /** Results with updates as `GradioUpdate`s (`withUpdates`) instead of plain values (session/results.ts). */
  readonly updates?: boolean;
}

function bindSpec<F>(client: EndpointRunner, endpoint: Bound): F {
  const { spec, features, updates = false } = endpoint;
  const run = (...args: unknown[]): unknown => {
    const { values, options } = callArguments(spec, args);
    if (spec.streaming) {
      const stream = client.stream(spec, values, options, features);
      // Generated modules pass the streams feature with each streaming endpoint; without it (hand-written
      // binds), each partial is converted on its own: no carrying forward, an unchanged output fails it.
      const results = features?.streams?.results;
      return results ? results(spec, stream, updates) : mapJobStream(stream, (r) => callResult(spec, r, updates));
    }
    return client.call(spec, values, options, features).then((results) => callResult(spec, results, updates));
  };
  bound.set(run, { endpoint, client });
  return run as F;
}

/** The endpoint and client of each function made by {@link bindEndpoint}. */
const bound = new WeakMap<object, { readonly endpoint: Bound; readonly client: EndpointRunner }>();

/** `fn` (made by {@link bindEndpoint}) with results in the updates form, or undefined for other functions. */
export function bindUpdates<F extends object>(fn: F): F | undefined {
  const entry = bound.get(fn);
  return entry && bindSpec(entry.client, { ...entry.endpoint, updates: true });
}

/** The endpoint spec behind a function made by {@link bindEndpoint} (test doubles read it). */
export function endpointSpecOf(fn: object): EndpointSpec | undefined {
  return bound.get(fn)?.endpoint.spec;
}

/**
 * The same endpoint as `fn` (a function made by {@link bindEndpoint}) on another client: how a
 * module's `connect()` builds a client's methods from its module-level functions.
 */
export function rebindEndpoint<F extends object>(client: EndpointRunner, fn: F): F {
  const entry = bound.get(fn);
  if (!entry) throw new TypeError("rebindEndpoint: not a function made by bindEndpoint");
  return bindSpec(client, entry.endpoint);
}

/**
 * A call's arguments in the spec's order, and its options: positional (`f(a, b, options)`) or, unless
 * `spec.named` is false, named (`f({ b }, options)`), as {@link bindEndpoint} documents.
 */
export function callArguments(
  spec: EndpointSpec,
  args: readonly unknown[],
): { values: unknown[]; options: CallOptions | undefined } {
  const count = spec.params.length;
  if (spec.named !== false && args.length <= 2 && isNamedArguments(args[0], spec)) {
    const named = args[0];
    return {
      values: spec.params.map((p) => (Object.hasOwn(named, p.name) ? named[p.name] : undefined)),
      options: args[1] as CallOptions | undefined,
    };
  }
  return { values: args.slice(0, count), options: args[count] as CallOptions | undefined };
}

function isNamedArguments(value: unknown, spec: EndpointSpec): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.keys(value).every((key) => spec.params.some((p) => p.name === key));
}

interface Generation {
  readonly client: GradioClient;
  pending: number;
  retired: boolean;
}

/**
 * A client created on first use from `create(options)`. `configure(options)` replaces it cleanly:
 * calls already running finish on the old client (which is closed when the last one settles);
 * later calls use a new client with the new options. Before the first call it only sets them.
 */
export function createSharedClient(create: (options: ClientOptions) => GradioClient): SharedClient {
  let options: ClientOptions = {};
  let current: Generation | null = null;
  const acquire = (): Generation => (current ??= { client: create(options), pending: 0, retired: false });
  const settle = (generation: Generation) => () => {
    generation.pending--;
    if (generation.retired && generation.pending === 0) void generation.client.close();
  };
  const track = (generation: Generation, result: Promise<unknown>) => {
    generation.pending++;
    const done = settle(generation);
    result.then(done, done);
  };
  return {
    call(spec, args, callOptions, features) {
      const generation = acquire();
      const result = generation.client.call(spec, args, callOptions, features);
      track(generation, result);
      return result;
    },
    stream(spec, args, callOptions, features) {
      const generation = acquire();
      const stream = generation.client.stream(spec, args, callOptions, features);
      track(generation, stream.result);
      return stream;
    },
    configure(next) {
      options = next;
      const old = current;
      current = null;
      if (!old) return;
      old.retired = true;
      if (old.pending === 0) void old.client.close();
    },
  };
}
