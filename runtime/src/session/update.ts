/**
 * A result that is a Gradio update (`gr.update(...)`, a component instance returned by the
 * listener, `gr.skip()`; docs/protocol.md §2.5) rather than a plain value. Generated functions give
 * plain values: an update's value when it set one, else an {@link UnchangedError} that carries the
 * whole result in its updatable form. `withUpdates(fn)` gives that form itself: each output a
 * plain `T` or a `GradioUpdate<T>` whose `value` (a `T`, post-processed like a plain one) is present
 * only when the update set one, and whose other properties (`visible`, `maximum`, …) are in `props`.
 */
import { GradioError } from "../errors.js";
import type { JsonValue } from "../spec.js";

/** The properties of an update other than its value, as the app sent them (Gradio's keyword names). */
export interface UpdateProps {
  readonly visible?: boolean | "hidden";
  readonly interactive?: boolean;
  readonly label?: string | null;
  readonly info?: string | null;
  readonly placeholder?: string | null;
  /** Choices as the wire has them: `[label, value]` pairs. */
  readonly choices?: JsonValue[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly step?: number;
  /** Accordion / Sidebar. */
  readonly open?: boolean;
  /** Timer. */
  readonly active?: boolean;
  readonly [prop: string]: JsonValue | undefined;
}

/** An update sent instead of a plain value; `"value" in update` (or `update.hasValue`) tells whether it set one. */
export class GradioUpdate<T> {
  /** The new value, when the update set one (absent: the component keeps its value, e.g. `gr.skip()`). */
  // `declare`: no own property unless the update set one (`hasValue` reads it).
  declare readonly value?: T;
  readonly props: UpdateProps;
  constructor(props: UpdateProps, value?: { readonly value: T }) {
    this.props = props;
    if (value) (this as { value?: T }).value = value.value;
  }
  /** True when the update carries a value. */
  get hasValue(): boolean {
    return Object.hasOwn(this, "value");
  }
  /** The wire form (`{"__type__": "update", …}`), as Python's `gradio_client` returns it. */
  toJSON(): Record<string, unknown> {
    return { __type__: "update", ...this.props, ...(this.hasValue ? { value: this.value } : {}) };
  }
}

/** One output in the form `withUpdates(fn)` gives: the plain value, or an update of it. */
export type Updatable<T> = T | GradioUpdate<T>;

/** The value of a result whether it came plain or inside an update; `undefined` when an update left it unchanged. */
// biome-ignore lint/suspicious/noShadowRestrictedNames: a module export (`import { valueOf }`), never the global Object.prototype member
export function valueOf<T>(result: Updatable<T>): T | undefined {
  return result instanceof GradioUpdate ? (result as GradioUpdate<T>).value : result;
}

/**
 * The value of a result, or a `GradioError` with code `UNCHANGED` when it is an update that set no
 * value (`gr.update(visible=False)`, `gr.skip()`): for callers that know their endpoint returns values.
 */
export function requireValue<T>(result: Updatable<T>): T {
  if (!(result instanceof GradioUpdate)) return result;
  const update = result as GradioUpdate<T>;
  if (update.hasValue) return update.value as T;
  throw new UnchangedError(null, update);
}

/**
 * An output answered with an update that sets no value (`gr.update(visible=False)`, `gr.skip()`,
 * a Timer's `active`), where a plain value was promised: code `UNCHANGED`. `result` is the whole
 * result as `withUpdates(fn)` would have given it (type it with `UnchangedError<UpdatableResult<…>>`);
 * `update` is the first output's update without a value, whose `props` say what the app changed.
 */
export class UnchangedError<R = unknown> extends GradioError {
  override readonly name = "UnchangedError";
  /** The endpoint (`/set_max`), or null (from {@link requireValue}). */
  declare readonly endpoint: string | null;
  /** The whole result in its updatable form: a `GradioUpdate`, or a tuple with one or more. */
  declare readonly result: R;
  /** The first update without a value in `result`. */
  declare readonly update: GradioUpdate<unknown>;

  constructor(endpoint: string | null, result: R) {
    const outputs: readonly unknown[] = Array.isArray(result) ? result : [result];
    const update =
      outputs.find((o): o is GradioUpdate<unknown> => o instanceof GradioUpdate && !o.hasValue) ??
      new GradioUpdate<unknown>({});
    super(
      "UNCHANGED",
      `${endpoint ?? "the result"}: an update without a value (${JSON.stringify(update.props)}); withUpdates(fn) gives updates`,
    );
    Object.assign(this, { endpoint, result, update });
  }
}

/** The update dict of a wire output, or null for a plain value. */
export function wireUpdate(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    (value as Record<string, unknown>)["__type__"] === "update"
    ? (value as Record<string, unknown>)
    : null;
}

/** The update's properties without `__type__` and `value` (only JSON arrives on the wire). */
export function updateProps(update: Record<string, unknown>): UpdateProps {
  const props: Record<string, JsonValue> = {};
  for (const [key, v] of Object.entries(update)) if (key !== "__type__" && key !== "value") props[key] = v as JsonValue;
  return props;
}
