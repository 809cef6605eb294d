/**
 * The model of `/config`-only documents (generator/model/from-config.ts) and the loader paths
 * that produce them, plus the model fixes the real fixtures needed. Table-driven `given → want`.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CodegenError } from "../../generator/errors.js";
import { readSchemaFile, toSnapshot } from "../../generator/load/snapshot.js";
import type { RawSchema } from "../../generator/load/index.js";
import { buildModel } from "../../generator/model/build-model.js";

type Json = Record<string, unknown>;

function configOnly(config: Json): RawSchema {
  return { source: "cfg", baseUrl: null, spaceId: null, config, info: null };
}

const textbox = (id: number, label?: string, extra: Json = {}): Json => ({
  id,
  type: "textbox",
  props: label === undefined ? {} : { label },
  ...extra,
});

/** A 3.x-style config: no api_info, unnamed and named dependencies, a js-only one, layout. */
const LEGACY: Json = {
  version: "3.4.1\n",
  components: [
    textbox(1, "Input"),
    textbox(2),
    { id: 3, type: "state", props: {} },
    { id: 4, type: "button", props: {} },
    textbox(5, "Out"),
  ],
  dependencies: [
    { targets: [4], inputs: [1, 2, 3], outputs: [3, 5], backend_fn: true, api_name: "greet" },
    { targets: [4], inputs: [1], outputs: [5], backend_fn: true, api_name: null },
    { targets: [4], inputs: [1], outputs: [5], backend_fn: false, api_name: "js_fn" },
  ],
};

/** A 3.40 config (`api_info: {info, serialized_info}`) and a 4.0 one (plain JSON Schema, ids). */
const V340: Json = {
  version: "3.40.1",
  components: [
    {
      id: 7,
      type: "number",
      props: { label: "n", minimum: 0, maximum: 10 },
      serializer: "NumberSerializable",
      api_info: { info: { type: "number" }, serialized_info: false },
      example_inputs: { raw: 3, serialized: 3 },
    },
    {
      id: 8,
      type: "checkbox",
      props: { label: "flag" },
      api_info: { info: { type: "boolean" }, serialized_info: false },
    },
  ],
  dependencies: [{ inputs: [7], outputs: [8], backend_fn: true, api_name: "check" }],
};

const V40: Json = {
  version: "4.0.0-beta.15",
  components: [
    {
      id: 1,
      type: "radio",
      props: { label: "op" },
      skip_api: false,
      api_info: { enum: ["add", "sub"], type: "string" },
      example_inputs: "add",
    },
    { id: 2, type: "number", props: {}, skip_api: false, api_info: { type: "number" } },
  ],
  dependencies: [
    {
      id: 5,
      inputs: [1],
      outputs: [2],
      backend_fn: true,
      api_name: "calc",
      show_api: true,
      types: { generator: true },
    },
    { id: 6, inputs: [1], outputs: [2], backend_fn: true, api_name: "hidden", show_api: false },
  ],
};

describe("config-only documents → endpoints", () => {
  const table: readonly { name: string; config: Json; all: boolean; want: [string | null, string, number | null][] }[] =
    [
      {
        name: "named only by default; js-only dependency skipped",
        config: LEGACY,
        all: false,
        want: [["greet", "greet", 0]],
      },
      {
        name: "--all-endpoints adds fn<index> for unnamed",
        config: LEGACY,
        all: true,
        want: [
          ["greet", "greet", 0],
          [null, "fn1", 1],
        ],
      },
      {
        name: "dependency ids win over positions; show_api false is unnamed",
        config: V40,
        all: true,
        want: [
          ["calc", "calc", 5],
          [null, "fn6", 6],
        ],
      },
    ];
  it.each(table)("$name", ({ config, all, want }) => {
    const model = buildModel(configOnly(config), { allEndpoints: all });
    expect(model.endpoints.map((e) => [e.apiName, e.functionName, e.fnIndex])).toEqual(want);
  });

  it("labels from props.label, else Gradio's parameter_<id>/value_<id> (names then from the component); State and buttons are wire slots", () => {
    const [greet] = buildModel(configOnly(LEGACY)).endpoints;
    expect(greet?.parameters.map((p) => [p.name, p.label, p.component])).toEqual([
      ["input", "Input", "Textbox"],
      ["textbox", "parameter_2", "Textbox"],
    ]);
    expect(greet?.returns.map((r) => r.label)).toEqual(["Out"]);
    expect(greet?.inputSlots).toEqual([{ kind: "param", param: 0 }, { kind: "param", param: 1 }, { kind: "state" }]);
    expect(greet?.outputSlots).toEqual([{ kind: "state" }, { kind: "param", param: 0 }]);
  });

  it("no api_info (3.0–3.39) → typed from the component type; unknown types stay unknown with an info diagnostic", () => {
    const model = buildModel(configOnly(LEGACY));
    expect(model.endpoints[0]?.parameters.map((p) => p.type)).toEqual([{ kind: "string" }, { kind: "string" }]);
    const odd = buildModel(
      configOnly({
        version: "3.4.1",
        components: [
          { id: 1, type: "dropdown", props: { label: "pick", choices: ["a", ["Bee", "b"]], multiselect: true } },
          { id: 2, type: "mystery", props: { label: "m" } },
          { id: 3, type: "number", props: { label: "n" } },
        ],
        dependencies: [{ targets: [1], inputs: [1, 2], outputs: [3], backend_fn: true, api_name: "odd" }],
      }),
    );
    const [pick, mystery] = odd.endpoints[0]?.parameters ?? [];
    expect(pick?.type).toEqual({
      kind: "array",
      items: {
        kind: "union",
        members: [
          { kind: "literal", value: "a" },
          { kind: "literal", value: "b" },
        ],
      },
    });
    expect(mystery?.type).toEqual({ kind: "unknown" });
    expect(odd.endpoints[0]?.returns[0]?.type).toEqual({ kind: "number" });
    expect(odd.diagnostics).toContainEqual(
      expect.objectContaining({ level: "info", pointer: "/config/components/1/type" }),
    );
    // The one warning: what a /config-only module cannot know (issue 13 item 2).
    expect(odd.diagnostics.filter((d) => d.level === "warning")).toEqual([
      expect.objectContaining({
        pointer: "/info",
        message: expect.stringMatching(/^generated from \/config alone: parameter names come from component labels/),
      }),
    ]);
  });

  it("a bare /info: the model warns that streaming and State cannot be known (issue 13 item 3)", () => {
    const info = {
      named_endpoints: { "/predict": { parameters: [], returns: [{ label: "out", type: { type: "string" } }] } },
      unnamed_endpoints: {},
    };
    const model = buildModel({ source: "info.json", baseUrl: null, spaceId: null, config: null, info });
    expect(model.diagnostics).toContainEqual({
      level: "warning",
      pointer: "/config",
      message: expect.stringMatching(
        /^streaming and State cannot be known from \/info alone; generate from the URL or a snapshot/,
      ),
    });
    const withConfig = buildModel({
      source: "s",
      baseUrl: null,
      spaceId: null,
      config: { version: "6.31.0", components: [], dependencies: [] },
      info,
    });
    expect(withConfig.diagnostics.filter((d) => d.pointer === "/config")).toEqual([]);
  });

  it("a component's initial value is the parameter's default, as in Gradio's /info (optional parameters)", () => {
    const model = buildModel(
      configOnly({
        version: "6.31.0",
        components: [
          { id: 1, type: "number", props: { label: "n", value: 3 }, api_info: { type: "number" } },
          { id: 2, type: "textbox", props: { label: "s", value: null }, api_info: { type: "string" } },
          {
            id: 3,
            type: "checkboxgroup",
            props: { label: "picks", value: ["a"] },
            api_info: { type: "array", items: { type: "string" } },
          },
          { id: 4, type: "number", props: { label: "out" }, api_info: { type: "number" } },
        ],
        dependencies: [{ id: 0, targets: [1], inputs: [1, 2, 3], outputs: [4], backend_fn: true, api_name: "count" }],
      }),
    );
    const params = model.endpoints[0]?.parameters ?? [];
    expect(params.map((p) => [p.name, p.hasDefault, p.default])).toEqual([
      ["n", true, 3],
      ["s", false, undefined],
      ["picks", true, ["a"]],
    ]);
  });

  it("object values are defaults too (FileData, a Dataframe's {headers, data}, JSON, a 4.x/5.x Video's {video, subtitles}), sent as is", () => {
    const file = {
      path: "/tmp/gradio/ab/cat.png",
      url: "http://h/gradio_api/file=/tmp/gradio/ab/cat.png",
      orig_name: "cat.png",
      meta: { _type: "gradio.FileData" },
    };
    const fileSchema = { type: "object", properties: { path: { type: "string" } }, required: ["path"] };
    const frame = { headers: ["a", "b"], data: [[1, 2]], metadata: null };
    const model = buildModel(
      configOnly({
        version: "5.50.0",
        components: [
          { id: 1, type: "image", props: { label: "image", value: file }, api_info_as_input: fileSchema },
          {
            id: 2,
            type: "dataframe",
            props: { label: "frame", value: frame },
            api_info_as_input: {
              type: "object",
              properties: { headers: { type: "array", items: { type: "string" } } },
            },
          },
          { id: 3, type: "json", props: { label: "data", value: { k: [1] } }, api_info_as_input: {} },
          {
            id: 4,
            type: "video",
            props: { label: "video", value: { video: file, subtitles: null } },
            api_info_as_input: { type: "object", properties: { video: fileSchema }, required: ["video"] },
          },
          { id: 5, type: "file", props: { label: "none" }, api_info_as_input: fileSchema },
          { id: 6, type: "textbox", props: { label: "out" }, api_info_as_output: { type: "string" } },
        ],
        dependencies: [{ id: 0, targets: [1], inputs: [1, 2, 3, 4, 5], outputs: [6], backend_fn: true, api_name: "f" }],
      }),
    );
    const params = model.endpoints[0]?.parameters ?? [];
    expect(params.map((p) => [p.name, p.hasDefault, p.default])).toEqual([
      ["image", true, file],
      ["frame", true, frame],
      ["data", true, { k: [1] }],
      ["video", true, { video: file, subtitles: null }],
      ["none", false, undefined],
    ]);
  });

  it("an object value nested past the model's bound is dropped with a warning at its props/value pointer", () => {
    const deep = JSON.parse(`${'{"a":['.repeat(50)}1${"]}".repeat(50)}`) as unknown;
    const model = buildModel(
      configOnly({
        version: "6.31.0",
        components: [
          { id: 1, type: "json", props: { label: "data", value: deep }, api_info_as_input: {} },
          { id: 2, type: "textbox", props: { label: "out" }, api_info_as_output: { type: "string" } },
        ],
        dependencies: [{ id: 0, targets: [1], inputs: [1], outputs: [2], backend_fn: true, api_name: "f" }],
      }),
    );
    expect(model.endpoints[0]?.parameters[0]?.hasDefault).toBe(false);
    const warning = model.diagnostics.find((d) => d.message.startsWith("default nested deeper"));
    expect(warning?.pointer.startsWith("/config/components/0/props/value/a/0")).toBe(true);
  });

  it("3.40 api_info is unwrapped; example_inputs.serialized is the example; ranges from props", () => {
    const [check] = buildModel(configOnly(V340)).endpoints;
    expect(check?.parameters[0]).toMatchObject({
      name: "n",
      type: { kind: "number" },
      example: 3,
      range: { minimum: 0, maximum: 10 },
    });
    expect(check?.returns[0]?.type).toEqual({ kind: "boolean" });
  });

  it("4.0 api_info: enums, streaming from types.generator", () => {
    const [calc] = buildModel(configOnly(V40)).endpoints;
    expect(calc?.parameters[0]?.type).toEqual({
      kind: "union",
      members: [
        { kind: "literal", value: "add" },
        { kind: "literal", value: "sub" },
      ],
    });
    expect(calc?.returns[0]?.label).toBe("value_2");
    expect(calc?.streaming).toBe(true);
  });

  it('a config\'s version loses its trailing newline (3.x "3.4.1\\n")', () => {
    expect(buildModel(configOnly(LEGACY)).app.gradioVersion).toBe("3.4.1");
  });
});

describe("names the generated module itself uses are never taken by endpoints or parameters", () => {
  const info = (api: string, param: string): Json => ({
    named_endpoints: {
      [`/${api}`]: {
        parameters: [{ label: param, parameter_name: param, type: { type: "string" }, component: "Textbox" }],
        returns: [],
      },
    },
  });
  const table = [
    { api: "close", param: "x", fn: "close2", p: "x" },
    { api: "shared", param: "client", fn: "shared2", p: "client2" },
    { api: "connect", param: "endpoints", fn: "connect2", p: "endpoints2" },
    { api: "app", param: "options", fn: "app2", p: "options2" },
    { api: "mapJobStream", param: "mapJobStream", fn: "mapJobStream2", p: "mapJobStream2" },
  ];
  it.each(table)("/$api($param) → $fn($p)", ({ api, param, fn, p }) => {
    const model = buildModel({ source: "s", baseUrl: null, spaceId: null, config: null, info: info(api, param) });
    expect([model.endpoints[0]?.functionName, model.endpoints[0]?.parameters[0]?.name]).toEqual([fn, p]);
  });
});

describe("loading documents from disk", () => {
  const dir = mkdtempSync(join(tmpdir(), "gc-load-"));
  const write = (name: string, value: unknown): string => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(value));
    return path;
  };

  it("a bare /config document (dependencies + components) loads with info null", async () => {
    const raw = await readSchemaFile(write("config.json", LEGACY));
    expect(raw.info).toBeNull();
    expect(raw.config).toMatchObject({ version: "3.4.1\n" });
  });

  it("a snapshot without info but with config loads, and round-trips through toSnapshot", async () => {
    const snapshot = toSnapshot(configOnly(V40));
    expect(snapshot.info).toBeNull();
    const raw = await readSchemaFile(write("snap.json", snapshot));
    expect(buildModel(raw).endpoints.map((e) => e.functionName)).toEqual(["calc"]);
  });

  const bad: readonly { name: string; doc: unknown; pointer: string; message: RegExp }[] = [
    {
      name: "snapshot with neither",
      doc: { format: "gradio-codegen-snapshot/1", source: "x", info: null, config: null },
      pointer: "/info",
      message: /neither an "info" nor a "config"/,
    },
    {
      name: "snapshot info not an object",
      doc: { format: "gradio-codegen-snapshot/1", info: [1] },
      pointer: "/info",
      message: /"info" must be an object/,
    },
    { name: "neither /info nor /config", doc: { hello: 1 }, pointer: "", message: /nor a Gradio \/config document/ },
    {
      name: "@gradio/client view_api() output",
      doc: {
        named_endpoints: {
          "/p": {
            parameters: [{ label: "x", type: "number" }],
            returns: [],
            type: { generator: false, cancel: false },
          },
        },
      },
      pointer: "/info/named_endpoints/~1p/type",
      message: /@gradio\/client's view_api\(\)/,
    },
  ];
  it.each(bad)("$name → INVALID_SCHEMA at $pointer", async ({ name, doc, pointer, message }) => {
    const error: unknown = await readSchemaFile(write(`${name.replace(/\W+/g, "-")}.json`, doc)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CodegenError);
    expect(error).toMatchObject({ code: "INVALID_SCHEMA", pointer });
    expect((error as Error).message).toMatch(message);
  });
});
