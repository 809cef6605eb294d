/**
 * Issue 3: every real schema in the shared fixtures (test/support/fixtures.ts) becomes a module that compiles. Each document
 * goes through the real pipeline (`generateFromSchema`, gate on, `allEndpoints`), and the outputs
 * are then checked together with the TypeScript compiler API exactly like `tsc --strict --noEmit`
 * without skipLibCheck (test/support/typecheck.ts).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CodegenError } from "../../generator/errors.js";
import { generateFromSchema } from "../../generator/generate.js";
import type { RawSchema } from "../../generator/load/index.js";
import { readSchemaFile } from "../../generator/load/snapshot.js";
import { workDir } from "../support/paths.js";
import { sharedFixtures, skipNote } from "../support/fixtures.js";
import { typecheckFiles } from "../support/typecheck.js";

const FOUND = sharedFixtures();
const FIXTURES = FOUND ?? "";

/**
 * info + config documents of the same app *and* Gradio version (fixtures/README.md). The README
 * pairs none: every config is of another version than the /info of the same demo (blocks_xray
 * 3.30 vs 3.0.24, kitchen_sink 3.30 vs 3.4.1, …), so each document runs alone.
 */
const PAIRS: readonly { info: string; config: string }[] = [];

interface Case {
  readonly name: string;
  readonly raw: RawSchema;
}

function list(dir: string): string[] {
  const path = join(FIXTURES, dir);
  return FOUND !== null && existsSync(path)
    ? readdirSync(path)
        .filter((f) => f.endsWith(".json"))
        .sort()
    : [];
}

function read(dir: string, file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(FIXTURES, dir, file), "utf8")) as Record<string, unknown>;
}

function cases(): Case[] {
  const paired = new Set(PAIRS.flatMap((p) => [`info/${p.info}`, `config/${p.config}`]));
  const raw = (source: string, info: RawSchema["info"], config: RawSchema["config"]): RawSchema => ({
    source,
    baseUrl: null,
    spaceId: null,
    info,
    config,
  });
  return [
    ...PAIRS.map((p) => ({
      name: `${p.info} + ${p.config}`,
      raw: raw(p.info, read("info", p.info), read("config", p.config)),
    })),
    ...list("info")
      .filter((f) => !paired.has(`info/${f}`))
      .map((f) => ({ name: `info/${f}`, raw: raw(f, read("info", f), null) })),
    ...list("config")
      .filter((f) => !paired.has(`config/${f}`))
      .map((f) => ({ name: `config/${f}`, raw: raw(f, null, read("config", f)) })),
  ];
}

const CASES = cases();

describe.skipIf(FOUND === null)(`every fixture generates a module that compiles${skipNote(FOUND)}`, () => {
  it("finds the fixtures", () => expect(CASES.length).toBeGreaterThan(0));
  const dir = workDir("fixtures-compile");
  const files = new Map<string, string>();
  const functions = new Map<string, string[]>();

  beforeAll(async () => {
    for (const [i, { name, raw }] of CASES.entries()) {
      const { text, model } = await generateFromSchema(raw, { allEndpoints: true, typecheck: true });
      functions.set(
        name,
        model.endpoints.map((e) => e.functionName),
      );
      const file = join(dir, `fixture-${String(i).padStart(2, "0")}.ts`);
      writeFileSync(file, text);
      files.set(name, file);
    }
  }, 300_000);

  it("covers every /info and /config document (21 + 9)", () => {
    expect(CASES.length).toBe(list("info").length + list("config").length - PAIRS.length);
    expect(files.size).toBe(CASES.length);
  });

  it("tsc --strict --noEmit, no skipLibCheck: zero errors over all of them", () => {
    expect(typecheckFiles([...files.values()])).toEqual([]);
  }, 120_000);

  it.each(CASES.map((c) => [c.name] as const))("%s exports one function per endpoint", (name) => {
    const text = readFileSync(files.get(name) as string, "utf8");
    const exported = [...text.matchAll(/^export const (\S+): Client\[/gm)].map((m) => m[1]);
    expect(exported.length).toBeGreaterThan(0);
    expect(exported).toEqual(functions.get(name));
  });
});

describe.skipIf(FOUND === null)(`without --all-endpoints every fixture still passes the gate${skipNote(FOUND)}`, () => {
  // Six documents have only unnamed endpoints: their module exposes none and must still compile
  // (no unused shared client, bindEndpoint or CallOptions import under noUnusedLocals).
  it.each(CASES.map((c) => [c.name, c.raw] as const))("%s", async (_name, raw) => {
    const { text, model } = await generateFromSchema(raw, { typecheck: true });
    expect(text.includes("bindEndpoint(")).toBe(model.endpoints.length > 0);
  });
});

describe.skipIf(FOUND === null)(`paired /info + /config: wire slots come from /config${skipNote(FOUND)}`, () => {
  // The app of fixtures/info/hello_world_with_state_and_accordion__gradio-4.21.json
  // (gradio client/python/test/conftest.py): greeting(name, state) → [State, Textbox, Number, Accordion];
  // open/close take the State and return [Number, Accordion]. No real /config of it was captured,
  // so its dependency layout is written out here from that source.
  const config = {
    version: "4.21.0",
    protocol: "sse_v3",
    components: [
      { id: 1, type: "textbox", props: { label: "name" }, skip_api: false },
      { id: 2, type: "state", props: {}, skip_api: true },
      { id: 3, type: "textbox", props: { label: "greeting" }, skip_api: false },
      { id: 4, type: "number", props: { label: "count" }, skip_api: false },
      { id: 5, type: "accordion", props: {}, skip_api: true },
    ],
    dependencies: [
      { id: 0, api_name: "greeting", inputs: [1, 2], outputs: [2, 3, 4, 5], backend_fn: true },
      { id: 1, api_name: "open", inputs: [2], outputs: [4, 5], backend_fn: true },
      { id: 2, api_name: "close", inputs: [2], outputs: [4, 5], backend_fn: true },
    ],
  };

  it("hello_world_with_state_and_accordion: fn_index and State/layout slots in each endpoint's binder call", async () => {
    const info = read("info", "hello_world_with_state_and_accordion__gradio-4.21.json");
    const { text, model } = await generateFromSchema(
      { source: "state-app", baseUrl: null, spaceId: null, info, config },
      { allEndpoints: true },
    );
    const table = text.slice(text.indexOf("/* @__PURE__ */ bind"));
    expect(table).toContain('inputs: [0, "state"]');
    expect(table).toContain('outputs: ["state", 0, 1, "skip"]');
    expect(table).toMatch(/bind\(\s*"close",\s*2,/);
    expect(model.endpoints.map((e) => [e.apiName, e.functionName, e.fnIndex])).toEqual([
      ["greeting", "greeting", 0],
      ["open", "open", 1],
      // `close` is the session's own method on Client: the endpoint function must not shadow it.
      ["close", "close2", 2],
    ]);
    expect(model.diagnostics.filter((d) => d.level === "warning")).toEqual([]);
  });
});

describe.skipIf(FOUND === null)(
  `the @gradio/client view_api() document (info-jsclient/) is rejected, not misread${skipNote(FOUND)}`,
  () => {
    const files = list("info-jsclient");

    it.each(files.map((f) => [f] as const))("%s → INVALID_SCHEMA naming view_api()", async (file) => {
      const error: unknown = await readSchemaFile(join(FIXTURES, "info-jsclient", file)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CodegenError);
      expect(error).toMatchObject({
        code: "INVALID_SCHEMA",
        pointer: expect.stringMatching(/^\/info\/named_endpoints\//),
      });
      expect((error as Error).message).toContain("@gradio/client's view_api()");
    });
  },
);
