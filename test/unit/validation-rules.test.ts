/**
 * The generator's extraction of validation rules from /config (generator/model/validation-rules.ts):
 * a rule only where the Gradio release that served the schema checks it, none for what a session
 * may change, hostile props kept as data. The runtime's check: validation.test.ts.
 */
import { describe, expect, it } from "vitest";
import type { RawSchema } from "../../generator/load/index.js";
import { buildModel } from "../../generator/model/build-model.js";

type Json = Record<string, unknown>;

/** A /config + /info pair with one endpoint `/f` over `inputs` (components by id). */
function schema(
  version: string,
  components: Json[],
  extra: { outputs?: number[]; deps?: Json[]; config?: Json } = {},
): RawSchema {
  const inputs = components.filter((c) => c["type"] !== "textbox").map((c) => c["id"] as number);
  const parameters = inputs.map((id) => ({
    label: `p${id}`,
    parameter_name: `p${id}`,
    parameter_has_default: false,
    component: "Component",
    type: {},
  }));
  return {
    source: "test",
    baseUrl: null,
    spaceId: null,
    config: {
      version,
      components: [...components, { id: 99, type: "textbox", props: {} }],
      dependencies: [
        { id: 0, api_name: "f", inputs, outputs: extra.outputs ?? [99], backend_fn: true, types: {} },
        ...(extra.deps ?? []),
      ],
      ...extra.config,
    },
    info: {
      named_endpoints: {
        "/f": { parameters, returns: [{ label: "out", component: "Textbox", type: { type: "string" } }] },
      },
      unnamed_endpoints: {},
    },
  };
}
const rulesOf = (raw: RawSchema) => buildModel(raw).endpoints[0]?.parameters.map((p) => p.rule ?? null);

const c = (id: number, type: string, props: Json): Json => ({ id, type, props });
const CHOICE_COMPONENTS = [
  c(1, "dropdown", {
    choices: [
      ["A", "a"],
      ["B", 2],
    ],
  }),
  c(2, "dropdown", { choices: [["A", "a"]], allow_custom_value: true }),
  c(3, "radio", { choices: [["Yes", true]] }),
  c(4, "checkboxgroup", { choices: [["x", "x"]] }),
  c(5, "slider", { minimum: 0, maximum: 10, step: 0.5 }),
  c(6, "number", { minimum: null, maximum: 3 }),
  c(7, "number", {}),
];

describe("rules from /config, per Gradio line", () => {
  it("6.x and 5.x: choices (not with custom values), Slider and Number bounds; never step", () => {
    const want = [
      { choices: ["a", 2], select: "any" },
      null,
      { choices: [true], select: "one" },
      { choices: ["x"], select: "each" },
      { minimum: 0, maximum: 10 },
      { maximum: 3, nullable: true },
      null,
    ];
    expect(rulesOf(schema("6.31.0", CHOICE_COMPONENTS))).toEqual(want);
    expect(rulesOf(schema("5.39.0", CHOICE_COMPONENTS))).toEqual(want);
  });

  it("5.0–5.38: choices and Number bounds, no Slider bounds (gradio-app/gradio#11635 came in 5.39)", () => {
    const rules = rulesOf(schema("5.38.2", CHOICE_COMPONENTS));
    expect(rules?.[4]).toBeNull();
    expect(rules?.[0]).toEqual({ choices: ["a", 2], select: "any" });
    expect(rulesOf(schema("5.0.0", CHOICE_COMPONENTS))?.[5]).toEqual({ maximum: 3, nullable: true });
  });

  it("4.x: only Number bounds (its Dropdown, Radio, CheckboxGroup and Slider check nothing)", () => {
    expect(rulesOf(schema("4.44.1", CHOICE_COMPONENTS))).toEqual([
      null,
      null,
      null,
      null,
      null,
      { maximum: 3, nullable: true },
      null,
    ]);
  });

  it("no rules without a readable version, or for 3.x", () => {
    expect(rulesOf(schema("unknown", CHOICE_COMPONENTS))?.every((r) => r === null)).toBe(true);
    expect(rulesOf(schema("3.50.2", CHOICE_COMPONENTS))?.every((r) => r === null)).toBe(true);
  });

  it("a component a backend listener writes to has none (gr.update may change it); a JS-only listener does not count", () => {
    const comps = [c(1, "radio", { choices: [["a", "a"]] }), c(2, "radio", { choices: [["a", "a"]] })];
    const deps = [
      { id: 1, api_name: "set", inputs: [], outputs: [1], backend_fn: true },
      { id: 2, api_name: "clear", inputs: [], outputs: [2], backend_fn: false },
    ];
    expect(rulesOf(schema("6.31.0", comps, { deps }))).toEqual([null, { choices: ["a"], select: "one" }]);
  });

  it("max_file_size on file parameters from 5.35 (before, small overruns went through)", () => {
    const file = c(1, "file", {});
    const fileInfo = (raw: RawSchema): RawSchema => {
      const info = raw.info as Json;
      const f = (info["named_endpoints"] as Json)["/f"] as Json;
      f["parameters"] = [
        {
          label: "file",
          parameter_name: "file",
          parameter_has_default: false,
          component: "File",
          type: {
            type: "object",
            properties: { path: { type: "string" }, meta: { default: { _type: "gradio.FileData" } } },
          },
        },
      ];
      return raw;
    };
    expect(rulesOf(fileInfo(schema("5.50.0", [file], { config: { max_file_size: 1000 } })))).toEqual([
      { maxBytes: 1000 },
    ]);
    expect(rulesOf(fileInfo(schema("5.35.0", [file], { config: { max_file_size: 1000 } })))).toEqual([
      { maxBytes: 1000 },
    ]);
    expect(rulesOf(fileInfo(schema("5.34.2", [file], { config: { max_file_size: 1000 } })))).toEqual([null]);
    expect(rulesOf(fileInfo(schema("4.44.1", [file], { config: { max_file_size: 1000 } })))).toEqual([null]);
    expect(rulesOf(fileInfo(schema("6.31.0", [file])))).toEqual([null]);
  });

  it("file_types of a filepath File from 5.2, only when every entry is an extension", () => {
    const file = (props: Json) => c(1, "file", { type: "filepath", ...props });
    const withFile = (version: string, props: Json) => {
      const raw = schema(version, [file(props)]);
      const f = ((raw.info as Json)["named_endpoints"] as Json)["/f"] as Json;
      f["parameters"] = [
        {
          label: "file",
          parameter_name: "file",
          parameter_has_default: false,
          component: "File",
          type: {
            type: "object",
            properties: { path: { type: "string" }, meta: { default: { _type: "gradio.FileData" } } },
          },
        },
      ];
      return rulesOf(raw);
    };
    expect(withFile("6.31.0", { file_types: [".TXT", ".csv"] })).toEqual([{ extensions: [".txt", ".csv"] }]);
    expect(withFile("5.2.0", { file_types: [".pdf"] })).toEqual([{ extensions: [".pdf"] }]);
    expect(withFile("5.1.0", { file_types: [".pdf"] })).toEqual([null]);
    expect(withFile("6.31.0", { file_types: [".pdf", "image"] })).toEqual([null]);
    expect(withFile("6.31.0", { file_types: [".tar.gz"] })).toEqual([null]);
    expect(withFile("6.31.0", { file_types: [".pdf"], type: "binary" })).toEqual([null]);
    expect(withFile("6.31.0", { file_types: null })).toEqual([null]);
  });

  it("hostile props: non-scalar or non-finite choices and bounds give no rule; odd strings stay data", () => {
    const comps = [
      c(1, "dropdown", { choices: [["a", { x: 1 }]] }),
      c(2, "radio", { choices: "abc" }),
      c(3, "slider", { minimum: "0", maximum: null }),
      c(4, "radio", {
        choices: [
          ["evil", '"); process.exit(1); ("'],
          ["nl", "a\u2028b*/"],
        ],
      }),
      c(5, "checkboxgroup", { choices: [] }),
    ];
    expect(rulesOf(schema("6.31.0", comps))).toEqual([
      null,
      null,
      null,
      { choices: ['"); process.exit(1); ("', "a\u2028b*/"], select: "one" },
      null,
    ]);
  });

  it("a non-public listener (Gradio's own flagging skips preprocess) has none", () => {
    const raw = schema("6.31.0", [c(1, "radio", { choices: [["a", "a"]] })]);
    const dep = ((raw.config as Json)["dependencies"] as Json[])[0] as Json;
    dep["api_visibility"] = "undocumented";
    expect(rulesOf(raw)).toEqual([null]);
  });
});
