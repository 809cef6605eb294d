/** Semantic diff of API surfaces: given two surfaces → the classified changes. */
import { describe, expect, it } from "vitest";
import { diffSurfaces } from "../../generator/check/diff.js";
import type { ApiSurface, EndpointSurface, ParameterSurface } from "../../generator/check/surface.js";
import type { TypeNode } from "../../generator/model/ir.js";

const str: TypeNode = { kind: "string" };
const num: TypeNode = { kind: "number" };
const choices = (...values: string[]): TypeNode => ({
  kind: "union",
  members: values.map((value) => ({ kind: "literal", value })),
});

function param(name: string, type: TypeNode = str, extra: Partial<ParameterSurface> = {}): ParameterSurface {
  return {
    name,
    pythonName: name,
    label: name,
    component: "Textbox",
    type,
    hasDefault: false,
    default: null,
    ...extra,
  };
}

function endpoint(
  apiName: string,
  parameters: ParameterSurface[],
  extra: Partial<EndpointSurface> = {},
): EndpointSurface {
  const inputs = parameters.map((_, i) => i);
  return {
    apiName,
    functionName: apiName,
    fnIndex: 0,
    streaming: false,
    inputs,
    outputs: [0],
    parameters,
    returns: [{ name: "out", label: "out", component: "Textbox", type: str }],
    ...extra,
  };
}

const surface = (...endpoints: EndpointSurface[]): ApiSurface => ({ gradioVersion: "6.31.0", endpoints });
const summary = (before: ApiSurface, after: ApiSurface) =>
  diffSurfaces(before, after).map((c) => `${c.severity} ${c.endpoint}: ${c.message}`);

describe("diffSurfaces", () => {
  const base = surface(endpoint("predict", [param("text"), param("op", choices("a", "b"))]));

  it.each([
    ["identical", base, []],
    [
      "parameter added with a default",
      surface(
        endpoint("predict", [
          param("text"),
          param("op", choices("a", "b")),
          param("n", num, { hasDefault: true, default: 2 }),
        ]),
      ),
      ["compatible /predict: parameter added: n (optional, default 2)"],
    ],
    [
      "parameter added without a default",
      surface(endpoint("predict", [param("text"), param("op", choices("a", "b")), param("n", num)])),
      ["breaking /predict: parameter added: n (required)"],
    ],
    ["parameter removed", surface(endpoint("predict", [param("text")])), ["breaking /predict: parameter removed: op"]],
    [
      "parameters reordered",
      surface(endpoint("predict", [param("op", choices("a", "b")), param("text")])),
      ["breaking /predict: parameters reordered: (text, op) → (op, text)"],
    ],
    [
      "choice removed",
      surface(endpoint("predict", [param("text"), param("op", choices("a"))])),
      ['breaking /predict: parameter op: choices removed: "b"'],
    ],
    [
      "choice added",
      surface(endpoint("predict", [param("text"), param("op", choices("a", "b", "c"))])),
      ['compatible /predict: parameter op: choices added: "c"'],
    ],
    [
      "non-file → file",
      surface(endpoint("predict", [param("text", { kind: "file" }), param("op", choices("a", "b"))])),
      ["breaking /predict: parameter text: non-file → file"],
    ],
    [
      "retyped",
      surface(endpoint("predict", [param("text", num), param("op", choices("a", "b"))])),
      ["breaking /predict: parameter text: type changed"],
    ],
    [
      "widened",
      surface(
        endpoint("predict", [param("text", { kind: "union", members: [str, num] }), param("op", choices("a", "b"))]),
      ),
      ["compatible /predict: parameter text: type widened"],
    ],
    ["endpoint removed", surface(), ["breaking /predict: endpoint removed: /predict"]],
    [
      "endpoint renamed",
      surface(endpoint("infer", [param("text"), param("op", choices("a", "b"))])),
      ["breaking /predict: endpoint renamed: /predict → /infer (function predict → infer)"],
    ],
    [
      "now streams",
      surface(endpoint("predict", [param("text"), param("op", choices("a", "b"))], { streaming: true })),
      ["breaking /predict: now streams partial results (returns a JobStream)"],
    ],
    [
      "fn_index moved",
      surface(endpoint("predict", [param("text"), param("op", choices("a", "b"))], { fnIndex: 3 })),
      [expect.stringMatching(/^compatible \/predict: wire layout changed \(fn_index 0 → 3/)],
    ],
  ] as const)("%s", (_, after, want) => {
    expect(summary(base, after)).toEqual(want);
  });

  it("an added endpoint is compatible; a Gradio upgrade is reported", () => {
    const after: ApiSurface = { gradioVersion: "6.32.0", endpoints: [...base.endpoints, endpoint("extra", [])] };
    expect(summary(base, after)).toEqual([
      "compatible (app): Gradio version changed: 6.31.0 → 6.32.0",
      "compatible /extra: endpoint added: /extra (function extra)",
    ]);
  });

  it("defaults: changed is compatible, dropped is breaking", () => {
    const withDefault = surface(endpoint("p", [param("n", num, { hasDefault: true, default: 1 })]));
    expect(summary(withDefault, surface(endpoint("p", [param("n", num, { hasDefault: true, default: 5 })])))).toEqual([
      "compatible /p: default of n changed: 1 → 5",
    ]);
    expect(summary(withDefault, surface(endpoint("p", [param("n", num)])))).toEqual([
      "breaking /p: parameter n is now required",
    ]);
  });
});
