/**
 * Shared helpers of the runtime's live tests: app URLs from the harness, hand-written AppSpec and
 * EndpointSpec for the test apps (wire layouts read from their /config), and generated modules.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { inject } from "vitest";
import type { AppSpec, EndpointSpec, FilePath, WireSlot } from "../../runtime/src/index.js";
import { majorOf } from "../harness/lines.js";

/** Major version of the Gradio line the harness runs (6, 5 or 4). */
export const gradioMajor = (): number => majorOf(inject("gradioVersion"));

/** Route prefix of the harness's Gradio: `/gradio_api` since 5.0, none on 4.x (docs/protocol.md §0). */
export const apiPrefix = (): string => (gradioMajor() >= 5 ? "/gradio_api" : "");

/** `{base}{prefix}` of a test app: where its API routes live. */
export const apiBase = (name: string): string => `${appUrl(name)}${apiPrefix()}`;

/** Base URL of a test app started by the harness. */
export function appUrl(name: string): string {
  const url = inject("apps")[name];
  if (!url) throw new Error(`test app ${name} is not running`);
  return url;
}

/** AppSpec of a test app on the harness's Gradio (sse_v3 on every line; prefix per line). */
export function appSpec(name: string, overrides: Partial<AppSpec> = {}): AppSpec {
  const url = appUrl(name);
  return {
    source: url,
    baseUrl: url,
    spaceId: null,
    gradioVersion: inject("gradioVersion"),
    protocol: "sse_v3",
    apiPrefix: apiPrefix(),
    connectHeartbeat: false,
    maxFileSize: null,
    ...overrides,
  };
}

/** An endpoint whose fn_index the runtime looks up by name in /config. */
export function endpoint(
  apiName: string,
  layout: {
    inputs?: readonly WireSlot[];
    outputs?: readonly WireSlot[];
    params?: readonly string[];
    returns?: readonly (string | { name: string; files: readonly FilePath[] })[];
    streaming?: boolean;
  } = {},
): EndpointSpec {
  const params = layout.params ?? ["text"];
  const returns = layout.returns ?? ["out"];
  return {
    apiName,
    fnIndex: null,
    inputs: layout.inputs ?? params.map((_, i) => i),
    outputs: layout.outputs ?? returns.map((_, i) => i),
    params: params.map((name) => ({ name })),
    returns: returns.map((r) => (typeof r === "string" ? { name: r } : r)),
    streaming: layout.streaming ?? false,
  };
}

const WORK = resolve(import.meta.dirname, "..", ".work", "runtime");

/** Generates the module of a running test app and imports it (through the built runtime/dist). */
export async function generatedModule<T>(name: string): Promise<T> {
  // Imported lazily: the generator is someone else's moving target; runtime tests need it rarely.
  const { generate } = await import("../../generator/generate.js");
  const { text } = await generate(appUrl(name));
  const dir = join(WORK, `${name}-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.ts`);
  writeFileSync(file, text);
  return (await import(file)) as T;
}

/** Waits `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A unique token for server-side bookkeeping. */
export const uniqueToken = (prefix: string) => `${prefix}-${process.pid}-${Math.random().toString(36).slice(2)}`;
