/**
 * Endpoints as tools for LLM agents: a dispatcher takes a tool name and the model's JSON
 * arguments, checks them against the tool's parameter schema (before anything is sent), calls the
 * endpoint through a generated module's client and returns a JSON-safe result (files as URLs).
 */
import { GradioError } from "../errors.js";
import { GradioFile } from "../files/file-data.js";
import type { JobStream } from "../session/job-stream.js";
import { GradioUpdate } from "../session/update.js";
import { withUpdates } from "../session/with-updates.js";
import type { JsonValue } from "../spec.js";
import { firstViolation, type ToolSchema } from "./json-schema.js";

/** One endpoint as a tool (what a generated `.tools.ts` module lists). */
export interface ToolDefinition {
  /** Tool name: `[A-Za-z0-9_-]{1,64}`, unique in the app. */
  readonly name: string;
  readonly description: string;
  /** JSON Schema of the arguments object (`type: "object"`). */
  readonly parameters: ToolSchema & { readonly type: "object" };
  /** The client method it calls and its parameters in call order (the arguments object's keys). */
  readonly method: string;
  readonly params: readonly string[];
  /** Result names, when the endpoint returns several values (the result is then an object). */
  readonly returns: readonly string[];
}

type Callable = (...args: unknown[]) => Promise<unknown> | JobStream<unknown>;

/**
 * A result as JSON: files become `{ url, name, mimeType }`, several results an object by name, an
 * update its value (or, when it set none, `{ unchanged: true, props }`: what the app changed instead).
 */
export function toJsonResult(value: unknown): JsonValue {
  if (value instanceof GradioFile) return { url: value.url, name: value.name, mimeType: value.mimeType };
  if (value instanceof GradioUpdate)
    return value.hasValue ? toJsonResult(value.value) : { unchanged: true, props: toJsonResult(value.props) };
  if (Array.isArray(value)) return value.map(toJsonResult);
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonResult(v)]));
  if (value === undefined || (typeof value === "number" && !Number.isFinite(value))) return null;
  return value as JsonValue;
}

/** The tool's result for the model. */
function shape(tool: ToolDefinition, value: unknown): JsonValue {
  if (tool.returns.length > 1 && Array.isArray(value))
    return Object.fromEntries(tool.returns.map((name, i) => [name, toJsonResult(value[i])]));
  return toJsonResult(value);
}

export type ToolDispatcher = (
  name: string,
  args: unknown,
  options?: { signal?: AbortSignal; timeout?: number },
) => Promise<JsonValue>;

/** Creates the dispatcher of `tools` over `client` (a generated module's client: `connect()`). */
export function createToolDispatcher(tools: readonly ToolDefinition[], client: object): ToolDispatcher {
  const byName = new Map(tools.map((tool) => [tool.name, tool]));
  return async (name, args, options = {}) => {
    const tool = byName.get(name);
    if (tool === undefined)
      throw new GradioError(
        "INVALID_ARGUMENT",
        `no tool named ${JSON.stringify(name)} (tools: ${[...byName.keys()].join(", ")})`,
      );
    const given = args === undefined || args === null ? {} : args;
    const violation = firstViolation(tool.parameters, given);
    if (violation) {
      const received = violation.received === undefined ? "nothing" : JSON.stringify(violation.received);
      throw new GradioError(
        "INVALID_ARGUMENT",
        `tool ${tool.name}: argument ${violation.pointer} must be ${violation.expected}, received ${received}; nothing was sent`,
      );
    }
    const method = (client as Record<string, unknown>)[tool.method];
    if (typeof method !== "function")
      throw new GradioError("INVALID_ARGUMENT", `the client has no method ${tool.method}`);
    const record = given as Record<string, unknown>;
    const positional = tool.params.map((param) => (Object.hasOwn(record, param) ? record[param] : undefined));
    // The updates form: an update without a value reaches the model as `{ unchanged, props }`, not an error.
    const called = withUpdates(method as Callable).apply(client, [...positional, options]);
    const value = called instanceof Promise ? await called : await called.result;
    return shape(tool, value);
  };
}
