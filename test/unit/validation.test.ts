/**
 * Validation before sending, without Python: the runtime's check of one value against its rule
 * (Python's equality and iteration, JSON as sent), the feature's error and its switches (no
 * request ever made on a refusal), and the generator's extraction of rules from /config per
 * Gradio line. The live servers' agreement is test/runtime/live-validation.test.ts.
 */
import { describe, expect, it } from "vitest";
import type { RawSchema } from "../../generator/load/index.js";
import { buildModel } from "../../generator/model/build-model.js";
import {
  createAppClient,
  expandEndpoint,
  InvalidArgumentError,
  type AppSpec,
  type ParamRule,
} from "../../runtime/src/index.js";
import { refusal } from "../../runtime/src/validate/check.js";
import { validation } from "../../runtime/src/validate/feature.js";
import { fileValidation } from "../../runtime/src/validate/files.js";
import { uploadName, wrongExtension } from "../../runtime/src/validate/file-name.js";

const radio: ParamRule = { choices: [1, 0.5, "x"], select: "one" };
const dropdown: ParamRule = { choices: ["a", "b"], select: "any" };
const boxes: ParamRule = { choices: ["a", "b", "ab"], select: "each" };
const slider: ParamRule = { minimum: 0, maximum: 10 };
const number: ParamRule = { minimum: -1, maximum: 1, nullable: true };

describe("refusal(rule, value): the server's own judgement", () => {
  const cases: [string, ParamRule, unknown, boolean][] = [
    // [what, rule, value, accepted]
    ["radio: a choice value", radio, 0.5, true],
    ["radio: true == 1 in Python", radio, true, true],
    ["radio: 1.0 is 1", radio, 1.0, true],
    ["radio: null is None (no choice)", radio, null, true],
    ["radio: a label is not a value", radio, "half", false],
    ["radio: '1' is not 1", radio, "1", false],
    ["radio: a list is never a choice", radio, ["x"], false],
    ["dropdown: each element of a list", dropdown, ["a", "b"], true],
    ["dropdown: one bad element", dropdown, ["a", "c"], false],
    ["dropdown: an object", dropdown, {}, false],
    ["dropdown: NaN is sent as null", dropdown, Number.NaN, true],
    ["checkboxes: a string is its characters", boxes, "ba", true],
    ["checkboxes: a character outside", boxes, "abc", false],
    ["checkboxes: an object is its keys", boxes, { ab: 1 }, true],
    ["checkboxes: null cannot be iterated", boxes, null, false],
    ["checkboxes: a number cannot be iterated", boxes, 3, false],
    ["checkboxes: an empty list", boxes, [], true],
    ["slider: both bounds included", slider, 10, true],
    ["slider: just below", slider, -0.001, false],
    ["slider: a boolean compares as a number", slider, true, true],
    ["slider: a numeric string is refused", slider, "5", false],
    ["slider: null is refused", slider, null, false],
    ["slider: Infinity is sent as null", slider, Number.POSITIVE_INFINITY, false],
    ["number: null is None", number, null, true],
    ["number: over the maximum", number, 1.5, false],
    ["number: a list", number, [0], false],
    ["no rule fields: anything", {}, { any: "thing" }, true],
    ["a BigInt has no JSON form: left to the request", slider, 10n, true],
  ];
  it.each(cases)("%s", (_, rule, value, accepted) => {
    expect(refusal(rule, value) === null).toBe(accepted);
  });

  it("names what is allowed and the offending element", () => {
    expect(refusal(dropdown, ["a", "c"])).toEqual({ allowed: 'a list of one of "a", "b"', part: "c" });
    expect(refusal(slider, 11)).toEqual({ allowed: "a number ≥ 0 and ≤ 10" });
    const many = refusal({ choices: Array.from({ length: 30 }, (_, i) => `c${i}`) }, "z");
    expect(many?.allowed).toMatch(/^one of "c0", .*"c9", … \(30 choices\)$/);
  });
});

describe("file_types: the upload's name, judged only where it is plain", () => {
  it.each([
    ["a local path: its last segment", "/data/notes.TXT", "notes.TXT"],
    ["a Windows path", "C:\\data\\a.csv", "a.csv"],
    ["bytes are uploaded as 'file'", new Uint8Array(1), "file"],
    ["a data: URL too", "data:text/plain,x", "file"],
    ["a File: its name", new File(["x"], "a.pdf"), "a.pdf"],
    ["a named stream", { stream: new ReadableStream(), name: "s.txt" }, "s.txt"],
    ["an http URL: the server names it", "https://example.com/a.pdf", null],
    ["a file already on the server", { path: "/tmp/x.pdf", meta: { _type: "gradio.FileData" } }, null],
  ])("%s", (_, input, name) => {
    expect(uploadName(input)).toBe(name);
  });

  it.each([
    ["notes.txt", false],
    ["NOTES.TXT", false],
    ["notes.pdf", true],
    ["file", true],
    ["txt", true],
    // Not plain: each Gradio release sanitizes such names its own way, so the server decides.
    ["a.txt.pdf", false],
    ["a b.pdf", false],
    ["ü.pdf", false],
    [`${"a".repeat(120)}.pdf`, false],
  ])("%s refused: %s", (name, refused) => {
    expect(wrongExtension(name, [".txt", ".csv"])).toBe(refused);
  });
});

describe("the validation feature", () => {
  const spec = expandEndpoint("pick", 0, {
    params: ["free", { name: "choice", rule: radio }, { name: "upload", files: [[]], rule: { maxBytes: 4 } }],
  });

  it("throws InvalidArgumentError naming endpoint, parameter, position, value and what was allowed", async () => {
    const error = await validation(spec, ["anything", "y", undefined], "/pick").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toMatchObject({
      code: "INVALID_ARGUMENT",
      endpoint: "/pick",
      parameter: "choice",
      position: 2,
      received: "y",
      allowed: 'one of 1, 0.5, "x"',
    });
    expect((error as Error).message).toBe(
      '/pick: argument "choice" (position 2) must be one of 1, 0.5, "x", received "y"; nothing was sent (the app would refuse it; pass { validate: false } to send it anyway)',
    );
  });

  it("checks the size of files known before the upload, at the parameter's file positions", async () => {
    // The plain feature leaves files alone; modules pass fileValidation where a file has a rule.
    await expect(validation(spec, [null, "x", new Blob(["12345"])], "/pick")).resolves.toBeUndefined();
    await expect(fileValidation(spec, [null, "x", new Uint8Array(4)], "/pick")).resolves.toBeUndefined();
    await expect(fileValidation(spec, [null, "x", new Blob(["12345"])], "/pick")).rejects.toThrow(
      /argument "upload" \(position 3\) must be a file of at most 4 bytes \(the app's max_file_size\), received a file of 5 bytes/,
    );
    // A path or URL has no size before the upload: the server judges it.
    await expect(fileValidation(spec, [null, "x", "https://example.com/big.bin"], "/pick")).resolves.toBeUndefined();
  });

  it("skips omitted arguments (the server's default is sent) and shortens long values", async () => {
    await expect(validation(spec, [undefined, undefined, undefined], "/pick")).resolves.toBeUndefined();
    const long = "y".repeat(500);
    const error = (await validation(spec, [null, long], "/pick").catch((e: unknown) => e)) as Error;
    expect(error.message).toContain(`received "${"y".repeat(76)}...;`);
  });

  const app: AppSpec = {
    source: "test",
    baseUrl: "http://127.0.0.1:9/",
    spaceId: null,
    gradioVersion: "6.31.0",
    protocol: "sse_v3",
    apiPrefix: "/gradio_api",
    connectHeartbeat: false,
    maxFileSize: null,
  };
  const counting = () => {
    const requests: string[] = [];
    const fetch = async (input: string) => {
      requests.push(input);
      throw new TypeError("offline");
    };
    return { requests, fetch };
  };

  it("runs before any request; validate: false (client or call) sends anyway", async () => {
    const { requests, fetch } = counting();
    const spec = expandEndpoint("pick", 0, { params: ["free", { name: "choice", rule: radio }] });
    const client = createAppClient(app, { fetch }, {});
    const features = { validation };
    await expect(client.call(spec, [null, "y"], {}, features)).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(requests).toEqual([]);
    await expect(client.call(spec, [null, "y"], { validate: false }, features)).rejects.toMatchObject({
      code: "NETWORK",
    });
    expect(requests.length).toBeGreaterThan(0);
    const off = createAppClient(app, { fetch, validate: false }, {});
    const before = requests.length;
    await expect(off.call(spec, [null, "y"], {}, features)).rejects.toMatchObject({ code: "NETWORK" });
    expect(requests.length).toBeGreaterThan(before);
    await expect(off.call(spec, [null, "y"], { validate: true }, features)).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
    await Promise.all([client.close(), off.close()]);
  });
});

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
