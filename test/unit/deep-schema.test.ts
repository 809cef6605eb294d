/**
 * Issue 10 item 5: schema data nested without bound must never overflow the generator's stack
 * ("unexpected error: Maximum call stack size exceeded … This is a bug" before). A document
 * nested 10,000 deep is refused with one paragraph naming the JSON pointer; values past the
 * model's bounds (but inside the document bound) degrade with a warning at their pointer; the
 * optional-tuple fan-out through `$ref` stays small. The hostile inputs are built as text: such
 * values cannot even be JSON.stringify'd.
 */
import { describe, expect, it } from "vitest";
import { CodegenError } from "../../generator/errors.js";
import { generateFromSchema } from "../../generator/generate.js";
import type { RawSchema } from "../../generator/load/index.js";
import { MAX_DOCUMENT_DEPTH, MAX_VALUE_DEPTH } from "../../generator/model/value-depth.js";

type Json = Record<string, unknown>;

/** `{"a":[{"a":[…leaf…]}]}`: `levels` levels of nesting around `leaf`, parsed from text. */
function deepValue(levels: number, leaf = "1"): unknown {
  return JSON.parse(`${'{"a":['.repeat(levels / 2)}${leaf}${"]}".repeat(levels / 2)}`);
}

/** A JSON Schema nesting `levels` levels (object → property → array → items …). */
function deepSchema(levels: number): unknown {
  const open = '{"type":"object","properties":{"p":{"type":"array","items":';
  return JSON.parse(`${open.repeat(levels / 4)}{"type":"string"}${"}}}".repeat(levels / 4)}`);
}

function param(extra: Json): Json {
  return {
    label: "x",
    component: "Textbox",
    python_type: { type: "str" },
    type: { type: "string" },
    parameter_has_default: false,
    parameter_default: null,
    ...extra,
  };
}

function raw(named: Json): RawSchema {
  return {
    source: "deep",
    baseUrl: null,
    spaceId: null,
    config: null,
    info: { named_endpoints: named, unnamed_endpoints: {} },
  };
}

async function refusal(schema: RawSchema): Promise<CodegenError> {
  const error: unknown = await generateFromSchema(schema, { typecheck: false }).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof CodegenError)) throw new Error(`expected a CodegenError, got ${String(error)}`);
  return error;
}

describe("schema data nested 10,000 deep", () => {
  const cases: [string, Json][] = [
    [
      "a parameter_default",
      {
        "/d": {
          parameters: [param({ parameter_has_default: true, parameter_default: deepValue(10_000) })],
          returns: [],
        },
      },
    ],
    ["an example_input", { "/e": { parameters: [param({ example_input: deepValue(10_000) })], returns: [] } }],
    ["a parameter schema", { "/s": { parameters: [param({ type: deepSchema(10_000) })], returns: [] } }],
    [
      "a return schema",
      { "/r": { parameters: [], returns: [{ label: "y", component: "JSON", type: deepSchema(10_000) }] } },
    ],
  ];
  for (const [what, named] of cases) {
    it(`in ${what} is refused with one paragraph naming where`, async () => {
      const error = await refusal(raw(named));
      expect(error.code).toBe("INVALID_SCHEMA");
      expect(error.message).toContain(`nests deeper than ${MAX_DOCUMENT_DEPTH} levels (at /info/named_endpoints/~1`);
      expect(error.message).not.toContain("\n");
      expect(error.message.length).toBeLessThan(400);
      expect(error.pointer?.startsWith("/info/named_endpoints/~1")).toBe(true);
    });
  }

  it("in /config is refused the same way", async () => {
    const config = { components: [{ id: 1, type: "textbox", props: { value: deepValue(10_000) } }], dependencies: [] };
    const error = await refusal({ source: "deep", baseUrl: null, spaceId: null, config, info: null });
    expect(error.pointer?.startsWith("/config/components/0/props/value/a/0/a/0")).toBe(true);
  });
});

describe("schema data past the model's bounds but inside the document bound", () => {
  const levels = 400;
  const named = {
    "/d": { parameters: [param({ parameter_has_default: true, parameter_default: deepValue(levels) })], returns: [] },
    "/e": { parameters: [param({ example_input: deepValue(levels) })], returns: [] },
    "/s": { parameters: [param({ type: deepSchema(levels) })], returns: [] },
  };

  it("degrades each value with a warning at its JSON pointer, and the module compiles", async () => {
    const result = await generateFromSchema(raw(named), { typecheck: true });
    const warnings = result.model.diagnostics.filter((d) => d.level === "warning");
    const at = (prefix: string) => warnings.find((d) => d.pointer.startsWith(prefix));
    expect(at("/info/named_endpoints/~1d/parameters/0/parameter_default/a/0")?.message).toContain(
      `default nested deeper than ${MAX_VALUE_DEPTH} levels`,
    );
    expect(at("/info/named_endpoints/~1e/parameters/0/example_input/a/0")?.message).toContain(
      `example nested deeper than ${MAX_VALUE_DEPTH} levels`,
    );
    expect(at("/info/named_endpoints/~1s/parameters/0/type/properties/p/items")?.message).toContain("typed as unknown");
    const [d] = result.model.endpoints;
    expect(d?.parameters[0]?.hasDefault).toBe(false);
  }, 120_000);

  it("previews a default at most 8 levels deep in the JSDoc", async () => {
    const shallow = {
      "/d": { parameters: [param({ parameter_has_default: true, parameter_default: deepValue(12) })], returns: [] },
    };
    const result = await generateFromSchema(raw(shallow), { typecheck: false });
    expect(result.text).toContain('Default: `{"a":[{"a":[{"a":[{"a":[…]}]}]}]}`');
  });
});

describe("optional tuple elements through $ref", () => {
  it("are spelled out only within a budget (they grew exponentially: minutes and gigabytes)", async () => {
    const defs: Json = { t8: { type: "string" } };
    for (let i = 0; i < 8; i++)
      defs[`t${i}`] = {
        type: "array",
        prefixItems: Array.from({ length: 8 }, () => ({ $ref: `#/$defs/t${i + 1}` })),
        minItems: 0,
      };
    const result = await generateFromSchema(
      raw({ "/f": { parameters: [param({ type: { $defs: defs, $ref: "#/$defs/t0" } })], returns: [] } }),
      { typecheck: false },
    );
    expect(result.model.diagnostics.some((d) => d.message.includes("too large to spell out each length"))).toBe(true);
    expect(result.text.length).toBeLessThan(2_000_000);
  }, 120_000);
});
