import { describe, expect, it } from "vitest";
import type { TypeNode } from "../../generator/model/ir.js";
import { legacySerializerType, schemaToType, unwrapApiInfo } from "../../generator/model/schema/index.js";

const S: TypeNode = { kind: "string" };
const N: TypeNode = { kind: "number" };
const I: TypeNode = { kind: "number", integer: true };
const B: TypeNode = { kind: "boolean" };
const NULL: TypeNode = { kind: "null" };
const J: TypeNode = { kind: "json" };
const U: TypeNode = { kind: "unknown" };
const F: TypeNode = { kind: "file" };
const lit = (value: string | number | boolean): TypeNode => ({ kind: "literal", value });
const union = (...members: TypeNode[]): TypeNode => ({ kind: "union", members });
const arr = (items: TypeNode): TypeNode => ({ kind: "array", items });
const prop = (key: string, type: TypeNode, optional = false, description?: string) =>
  description === undefined ? { key, type, optional } : { key, type, optional, description };

const nullable = (schema: object) => ({ anyOf: [schema, { type: "null" }], default: null });
const FILE_DATA_META = {
  properties: { _type: { const: "gradio.FileData", title: "Type", type: "string" } },
  required: ["_type"],
  title: "FileDataMeta",
  type: "object",
};
const FILE_DATA_PROPS = {
  path: { title: "Path", type: "string" },
  url: nullable({ type: "string" }),
  size: nullable({ type: "integer" }),
  orig_name: nullable({ type: "string" }),
  mime_type: nullable({ type: "string" }),
  is_stream: { default: false, title: "Is Stream", type: "boolean" },
};
/** §2.2 FileData as a root model (≥4.21). */
const FILE_DATA = {
  properties: { ...FILE_DATA_PROPS, meta: { $ref: "#/$defs/FileDataMeta" } },
  required: ["path"],
  title: "FileData",
  type: "object",
  $defs: { FileDataMeta: FILE_DATA_META },
};
const DEFS = {
  FileData: {
    properties: { ...FILE_DATA_PROPS, meta: { $ref: "#/$defs/FileDataMeta" } },
    required: ["path"],
    title: "FileData",
    type: "object",
  },
  FileDataMeta: FILE_DATA_META,
};
/** §2.2 ImageData: all optional, meta is a plain dict with a default. */
const IMAGE_DATA = {
  properties: {
    path: { ...nullable({ type: "string" }), description: "Path to a local file" },
    url: nullable({ type: "string" }),
    meta: { additionalProperties: true, default: { _type: "gradio.FileData" }, title: "Meta", type: "object" },
  },
  title: "ImageData",
  type: "object",
};

interface Case {
  readonly name: string;
  readonly given: unknown;
  readonly want: TypeNode;
  readonly direction?: "input" | "output";
  /** Substrings expected in the diagnostics' messages (none expected when absent). */
  readonly diagnostics?: readonly string[];
}

const cases: readonly Case[] = [
  { name: "string", given: { type: "string" }, want: S },
  { name: "number", given: { type: "number" }, want: N },
  { name: "integer", given: { type: "integer", description: "index of selected example" }, want: I },
  { name: "boolean", given: { type: "boolean" }, want: B },
  { name: "null", given: { type: "null" }, want: NULL },
  { name: "format byte", given: { type: "string", format: "byte" }, want: S },
  { name: "format byte without type", given: { format: "byte" }, want: S },
  { name: "empty schema", given: {}, want: J },
  { name: "title-only schema", given: { title: "Value" }, want: J },
  { name: '"type": {} (JSON component)', given: { type: {}, description: "any valid json" }, want: J },
  { name: "true schema", given: true, want: J },
  { name: "false schema", given: false, want: U, diagnostics: ["admits no value"] },
  { name: "garbage number", given: 42, want: U, diagnostics: ["got a number"] },
  { name: "garbage array", given: [1, 2], want: U, diagnostics: ["got an array"] },
  { name: "garbage null", given: null, want: U, diagnostics: ["got null"] },
  { name: "type array nullable", given: { type: ["string", "null"] }, want: union(S, NULL) },
  { name: "type array empty", given: { type: [] }, want: J },
  { name: "unknown type name", given: { type: "dict" }, want: J, diagnostics: ["unknown JSON Schema type"] },
  { name: "type is a number", given: { type: 3 }, want: J, diagnostics: ["`type` is a number"] },
  { name: "filepath (hf condensed)", given: { type: "filepath" }, want: F, diagnostics: ["filepath"] },
  { name: "nullable anyOf", given: nullable({ type: "string" }), want: union(S, NULL) },
  {
    name: "oneOf null first (gr.api)",
    given: { oneOf: [{ type: "null" }, { type: "integer" }] },
    want: union(I, NULL),
  },
  {
    name: "identical anyOf branches (DataframeData.data)",
    given: {
      anyOf: [
        { items: { items: {}, type: "array" }, type: "array" },
        { items: { items: {}, type: "array" }, type: "array" },
      ],
    },
    want: arr(arr(J)),
  },
  { name: "integer absorbed by number", given: { anyOf: [{ type: "integer" }, { type: "number" }] }, want: N },
  { name: "empty anyOf", given: { anyOf: [] }, want: U, diagnostics: ["`anyOf` is empty"] },
  { name: "const with type + default", given: { const: "text", default: "text", type: "string" }, want: lit("text") },
  { name: "const without type", given: { const: 3 }, want: lit(3) },
  { name: "const null", given: { const: null }, want: NULL },
  { name: "const object", given: { const: { a: 1 } }, want: J, diagnostics: ["non-primitive"] },
  {
    name: "Radio enum",
    given: { enum: ["add", "subtract"], title: "Radio", type: "string" },
    want: union(lit("add"), lit("subtract")),
  },
  {
    name: "enum without type, mixed",
    given: { enum: [1, "a", true, null] },
    want: union(lit(1), lit("a"), lit(true), NULL),
  },
  { name: "enum duplicates", given: { enum: ["a", "a"] }, want: lit("a") },
  {
    name: "empty enum (Dropdown without choices)",
    given: { type: "string", enum: [] },
    want: S,
    diagnostics: ["empty `enum`"],
  },
  { name: "empty enum without type", given: { enum: [] }, want: J, diagnostics: ["empty `enum`"] },
  { name: "array of strings", given: { type: "array", items: { type: "string" } }, want: arr(S) },
  { name: "bare array", given: { type: "array" }, want: arr(J) },
  { name: "array items: {} (Dataframe headers)", given: { items: {}, type: "array" }, want: arr(J) },
  {
    name: "CheckboxGroup",
    given: { items: { enum: ["Covid", "Malaria"], type: "string" }, title: "Checkbox Group", type: "array" },
    want: arr(union(lit("Covid"), lit("Malaria"))),
  },
  {
    name: "ImageSlider tuple + root anyOf null",
    given: {
      $defs: { ImageData: IMAGE_DATA },
      anyOf: [
        {
          prefixItems: [nullable({ $ref: "#/$defs/ImageData" }), nullable({ $ref: "#/$defs/ImageData" })],
          minItems: 2,
          maxItems: 2,
          type: "array",
        },
        { type: "null" },
      ],
      title: "SliderData",
    },
    want: union({ kind: "tuple", items: [union(F, NULL), union(F, NULL)] }, NULL),
  },
  {
    name: "tuple items:false (3.x)",
    given: { type: "array", prefixItems: [{ type: "string" }, { type: "number" }], items: false },
    want: { kind: "tuple", items: [S, N] },
  },
  {
    name: "tuple with rest",
    given: { type: "array", prefixItems: [{ type: "string" }], items: { type: "number" } },
    want: { kind: "tuple", items: [S], rest: N },
  },
  {
    name: "tuple open (no items/maxItems)",
    given: { prefixItems: [{ type: "string" }], minItems: 1 },
    want: { kind: "tuple", items: [S], rest: J },
  },
  {
    name: "tuple optional trailing element",
    given: { prefixItems: [{ type: "string" }, { type: "number" }], minItems: 1, maxItems: 2 },
    want: union({ kind: "tuple", items: [S, N] }, { kind: "tuple", items: [S] }),
  },
  {
    name: "nested items.prefixItems (3.x Gallery pairs)",
    given: {
      type: "array",
      items: {
        type: "array",
        items: false,
        prefixItems: [{ type: "string" }, { oneOf: [{ type: "string" }, { type: "null" }] }],
      },
    },
    want: arr({ kind: "tuple", items: [S, union(S, NULL)] }),
  },
  { name: "items: false", given: { type: "array", items: false }, want: { kind: "tuple", items: [] } },
  {
    name: "draft-4 items array",
    given: { items: [{ type: "string" }], additionalItems: false },
    want: { kind: "tuple", items: [S] },
  },
  {
    name: "object with required/optional and descriptions",
    given: {
      type: "object",
      properties: { a: { type: "string", description: "the A" }, b: { type: "integer" } },
      required: ["a"],
    },
    want: { kind: "object", properties: [prop("a", S, false, "the A"), prop("b", I, true)] },
  },
  {
    name: "dict[str, Any] (additionalProperties: true)",
    given: { type: "object", additionalProperties: true },
    want: { kind: "object", properties: [], additional: J },
  },
  {
    name: "gr.api dict (additionalProperties: {})",
    given: { type: "object", additionalProperties: {} },
    want: { kind: "object", properties: [], additional: J },
  },
  {
    name: "dict[str, int]",
    given: { type: "object", additionalProperties: { type: "integer" } },
    want: { kind: "object", properties: [], additional: I },
  },
  { name: "bare object", given: { type: "object" }, want: { kind: "object", properties: [], additional: J } },
  {
    name: "additionalProperties: false",
    given: { type: "object", properties: { a: { type: "string" } }, additionalProperties: false },
    want: { kind: "object", properties: [prop("a", S, true)] },
  },
  {
    name: "object inferred without type; hostile keys",
    given: JSON.parse(
      '{"properties": {"__proto__": {"type": "string"}, "constructor": {"type": "number"}}, "required": ["__proto__"]}',
    ),
    want: { kind: "object", properties: [prop("__proto__", S), prop("constructor", N, true)] },
  },
  {
    name: "defaulted property is present in outputs (pydantic dumps defaults)",
    given: { properties: { caption: nullable({ type: "string" }), x: { type: "string" } }, type: "object" },
    direction: "output",
    want: { kind: "object", properties: [prop("caption", union(S, NULL)), prop("x", S, true)] },
  },
  { name: "FileData (≥4.21, meta via $ref)", given: FILE_DATA, want: F },
  {
    name: "FileData meta as plain default (4.x)",
    given: {
      properties: { path: { type: "string" }, meta: { default: { _type: "gradio.FileData" }, type: "object" } },
    },
    want: F,
  },
  {
    name: "FileData pre-4.21 (no meta, title)",
    given: {
      properties: { path: { title: "Path", type: "string" }, url: nullable({ type: "string" }) },
      required: ["path"],
      title: "FileData",
      type: "object",
    },
    want: F,
  },
  { name: "ImageData", given: IMAGE_DATA, want: F },
  {
    name: "path + meta without the marker is not a file",
    given: { properties: { path: { type: "string" }, meta: { type: "object" } }, required: ["path"], type: "object" },
    want: {
      kind: "object",
      properties: [prop("path", S), prop("meta", { kind: "object", properties: [], additional: J }, true)],
    },
  },
  {
    name: "ListFiles",
    given: { $defs: DEFS, items: { $ref: "#/$defs/FileData" }, title: "ListFiles", type: "array" },
    want: arr(F),
  },
  {
    name: "Video 4.x/5.x stays an object",
    given: {
      $defs: DEFS,
      properties: { video: { $ref: "#/$defs/FileData" }, subtitles: nullable({ $ref: "#/$defs/FileData" }) },
      required: ["video"],
      title: "VideoData",
      type: "object",
    },
    want: { kind: "object", properties: [prop("video", F), prop("subtitles", union(F, NULL), true)] },
  },
  {
    name: "Gallery ($defs chain GalleryImage → ImageData)",
    given: {
      $defs: {
        ...DEFS,
        ImageData: IMAGE_DATA,
        GalleryImage: {
          properties: { image: { $ref: "#/$defs/ImageData" }, caption: nullable({ type: "string" }) },
          required: ["image"],
          type: "object",
        },
        GalleryVideo: {
          properties: { video: { $ref: "#/$defs/FileData" }, caption: nullable({ type: "string" }) },
          required: ["video"],
          type: "object",
        },
      },
      items: { anyOf: [{ $ref: "#/$defs/GalleryImage" }, { $ref: "#/$defs/GalleryVideo" }] },
      title: "GalleryData",
      type: "array",
      additional_description: null,
    },
    want: arr(
      union(
        { kind: "object", properties: [prop("image", F), prop("caption", union(S, NULL), true)] },
        { kind: "object", properties: [prop("video", F), prop("caption", union(S, NULL), true)] },
      ),
    ),
  },
  {
    name: "$ref resolves against the nearest enclosing $defs",
    given: {
      $defs: { X: { type: "string" } },
      properties: { inner: { $defs: { X: { type: "number" } }, items: { $ref: "#/$defs/X" }, type: "array" } },
      type: "object",
    },
    want: { kind: "object", properties: [prop("inner", arr(N), true)] },
  },
  {
    name: "definitions (draft-7)",
    given: { definitions: { A: { type: "boolean" } }, items: { $ref: "#/definitions/A" }, type: "array" },
    want: arr(B),
  },
  {
    name: "missing $defs",
    given: { items: { $ref: "#/$defs/Nope" }, type: "array" },
    want: arr(U),
    diagnostics: ["unresolvable `$ref`"],
  },
  { name: "non-local $ref", given: { $ref: "https://example.com/s.json" }, want: U, diagnostics: ["non-local `$ref`"] },
  { name: "$ref not a string", given: { $ref: 7 }, want: U, diagnostics: ["`$ref` is not a string"] },
  {
    name: "self-referencing root",
    given: { type: "array", items: { $ref: "#" } },
    want: arr(arr(U)),
    diagnostics: ["cyclic `$ref`"],
  },
  {
    name: "mutually cyclic $defs",
    given: { $defs: { A: { $ref: "#/$defs/B" }, B: { $ref: "#/$defs/A" } }, $ref: "#/$defs/A" },
    want: U,
    diagnostics: ["cyclic `$ref`"],
  },
  {
    name: "recursive tree",
    given: {
      $defs: { Node: { properties: { kids: { items: { $ref: "#/$defs/Node" }, type: "array" } }, type: "object" } },
      $ref: "#/$defs/Node",
    },
    want: { kind: "object", properties: [prop("kids", arr(U), true)] },
    diagnostics: ["cyclic `$ref`"],
  },
  {
    name: "allOf single member (pydantic v1)",
    given: { $defs: DEFS, allOf: [{ $ref: "#/$defs/FileData" }], default: null },
    want: F,
  },
  {
    name: "allOf merge of objects",
    given: {
      allOf: [{ properties: { a: { type: "string" } }, required: ["a"] }, { properties: { b: { type: "number" } } }],
    },
    want: { kind: "object", properties: [prop("a", S), prop("b", N, true)] },
  },
  {
    name: "allOf of scalars",
    given: { allOf: [{ type: "string" }, { type: "number" }] },
    want: U,
    diagnostics: ["`allOf` of non-object"],
  },
  { name: "OpenAPI nullable", given: { type: "string", nullable: true }, want: union(S, NULL) },
  {
    name: "properties not an object",
    given: { type: "object", properties: 3 },
    want: { kind: "object", properties: [], additional: J },
    diagnostics: ["`properties` is not an object"],
  },
];

describe("schemaToType", () => {
  it.each(cases)("$name", ({ given, want, direction, diagnostics }) => {
    const result = schemaToType(given, { pointer: "/p", direction: direction ?? "input" });
    expect(result.type).toEqual(want);
    const messages = result.diagnostics.map((d) => d.message);
    if (diagnostics === undefined) expect(messages).toEqual([]);
    else for (const fragment of diagnostics) expect(messages.join("\n")).toContain(fragment);
  });

  it("points diagnostics into the schema, through $refs", () => {
    const { diagnostics } = schemaToType(
      { $defs: { A: { items: false } }, properties: { "a/b": { $ref: "#/$defs/A/items" } } },
      { pointer: "/info/x", direction: "input" },
    );
    expect(diagnostics).toEqual([
      { level: "warning", pointer: "/info/x/$defs/A/items", message: expect.stringContaining("admits no value") },
    ]);
  });

  it("survives cyclic JS objects and deep nesting", () => {
    const cyclic: Record<string, unknown> = { type: "array" };
    cyclic["items"] = cyclic;
    expect(() => schemaToType(cyclic, { pointer: "", direction: "input" })).not.toThrow();
    let deep: unknown = { type: "string" };
    for (let i = 0; i < 500; i++) deep = { type: "array", items: deep };
    const result = schemaToType(deep, { pointer: "", direction: "output" });
    expect(result.diagnostics.some((d) => d.message.includes("deeper than"))).toBe(true);
  });

  it("survives exponential $ref fan-out", () => {
    const defs: Record<string, unknown> = { D0: { type: "string" } };
    for (let i = 1; i <= 30; i++)
      defs[`D${i}`] = { prefixItems: [{ $ref: `#/$defs/D${i - 1}` }, { $ref: `#/$defs/D${i - 1}` }], items: false };
    const result = schemaToType({ $defs: defs, $ref: "#/$defs/D30" }, { pointer: "", direction: "input" });
    expect(result.diagnostics.some((d) => d.message.includes("too large"))).toBe(true);
    for (let i = 1; i <= 30; i++)
      defs[`D${i}`] = { anyOf: [{ $ref: `#/$defs/D${i - 1}` }, { items: { $ref: `#/$defs/D${i - 1}` } }] };
    const started = Date.now();
    expect(() => schemaToType({ $defs: defs, $ref: "#/$defs/D30" }, { pointer: "", direction: "input" })).not.toThrow();
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe("Gradio 3.x serializers", () => {
  const legacy: readonly { serializer: string; given: unknown; want: TypeNode; note: boolean }[] = [
    { serializer: "StringSerializable", given: { type: "string" }, want: S, note: false },
    { serializer: "NumberSerializable", given: {}, want: N, note: false },
    { serializer: "JSONSerializable", given: { type: {}, description: "any valid json" }, want: J, note: false },
    {
      serializer: "ListStringSerializable",
      given: { type: "array", items: { type: "string" } },
      want: arr(S),
      note: false,
    },
    {
      serializer: "ImgSerializable",
      given: { type: "string", description: "base64 representation of an image" },
      want: S,
      note: true,
    },
    {
      serializer: "FileSerializable",
      given: {
        oneOf: [
          { type: "string", description: "filepath or URL to file" },
          {
            type: "object",
            properties: { name: { type: "string" }, data: { type: "string" } },
            required: ["name", "data"],
          },
        ],
      },
      want: union(S, { kind: "object", properties: [prop("name", S), prop("data", S)] }),
      note: true,
    },
    {
      serializer: "GallerySerializable",
      given: {},
      want: arr({ kind: "tuple", items: [S, union(S, NULL)] }),
      note: true,
    },
    { serializer: "MysterySerializable", given: { type: "boolean" }, want: B, note: true },
  ];
  it.each(legacy)("$serializer", ({ serializer, given, want, note }) => {
    const result = legacySerializerType(serializer, given, { pointer: "/p", direction: "input" });
    expect(result.type).toEqual(want);
    expect(result.diagnostics.filter((d) => d.level === "info").length).toBe(note ? 1 : 0);
  });

  it("unwraps 3.40 config api_info", () => {
    expect(unwrapApiInfo({ info: { type: "string" }, serialized_info: false })).toEqual({ type: "string" });
    expect(unwrapApiInfo({ type: "string" })).toEqual({ type: "string" });
  });
});
