import { Project } from "ts-morph";
import { describe, expect, it } from "vitest";
import { printType, type PrintTypeContext } from "../../generator/emit/print-type.js";
import type { TypeNode } from "../../generator/model/ir.js";

const IN: PrintTypeContext = {
  direction: "input",
  fileInput: "FileInput",
  fileOutput: "GradioFile",
  json: "JsonValue",
};
const OUT: PrintTypeContext = { ...IN, direction: "output" };
const S: TypeNode = { kind: "string" };
const N: TypeNode = { kind: "number" };
const NULL: TypeNode = { kind: "null" };
const F: TypeNode = { kind: "file" };
const U = (...members: TypeNode[]): TypeNode => ({ kind: "union", members });
const A = (items: TypeNode): TypeNode => ({ kind: "array", items });

const cases: readonly { name: string; given: TypeNode; input: string; output: string }[] = [
  {
    name: "scalars",
    given: U(S, N, { kind: "boolean" }, NULL),
    input: "string | number | boolean | null",
    output: "string | number | boolean | null",
  },
  { name: "integer", given: { kind: "number", integer: true }, input: "number", output: "number" },
  {
    name: "literals",
    given: U(
      { kind: "literal", value: 'a"*/`${x}`' },
      { kind: "literal", value: -1.5 },
      { kind: "literal", value: false },
    ),
    input: '"a\\u0022*/`${x}`" | -1.5 | false',
    output: '"a\\u0022*/`${x}`" | -1.5 | false',
  },
  { name: "file", given: F, input: "FileInput", output: "GradioFile" },
  {
    name: "json / unknown / named",
    given: U({ kind: "json" }, { kind: "unknown" }, { kind: "named", name: "Foo" }),
    input: "JsonValue | unknown | Foo",
    output: "JsonValue | unknown | Foo",
  },
  { name: "array", given: A(S), input: "readonly string[]", output: "string[]" },
  { name: "array of union", given: A(U(S, NULL)), input: "readonly (string | null)[]", output: "(string | null)[]" },
  { name: "nested arrays", given: A(A(N)), input: "readonly (readonly number[])[]", output: "number[][]" },
  {
    name: "tuple",
    given: { kind: "tuple", items: [F, U(S, NULL)] },
    input: "readonly [FileInput, string | null]",
    output: "[GradioFile, string | null]",
  },
  {
    name: "tuple rest",
    given: { kind: "tuple", items: [S], rest: U(S, N) },
    input: "readonly [string, ...(string | number)[]]",
    output: "[string, ...(string | number)[]]",
  },
  { name: "empty tuple", given: { kind: "tuple", items: [] }, input: "readonly []", output: "[]" },
  { name: "empty union", given: { kind: "union", members: [] }, input: "never", output: "never" },
  {
    name: "object keys",
    given: {
      kind: "object",
      properties: [
        { key: "path", type: S, optional: false },
        { key: "orig name", type: S, optional: true },
        { key: "class", type: N, optional: true },
      ],
    },
    input: '{ path: string; "orig name"?: string; class?: number; }',
    output: '{ path: string; "orig name"?: string; class?: number; }',
  },
  {
    name: "record",
    given: { kind: "object", properties: [], additional: { kind: "json" } },
    input: "Record<string, JsonValue>",
    output: "Record<string, JsonValue>",
  },
  {
    name: "closed empty object",
    given: { kind: "object", properties: [] },
    input: "Record<string, never>",
    output: "Record<string, never>",
  },
  {
    name: "properties + index signature",
    given: {
      kind: "object",
      properties: [
        { key: "a", type: S, optional: false },
        { key: "b", type: F, optional: true },
      ],
      additional: N,
    },
    input: "{ a: string; b?: FileInput; [key: string]: number | string | FileInput | undefined; }",
    output: "{ a: string; b?: GradioFile; [key: string]: number | string | GradioFile | undefined; }",
  },
];

describe("printType", () => {
  it.each(cases)("$name", ({ given, input, output }) => {
    expect(printType(given, IN)).toBe(input);
    expect(printType(given, OUT)).toBe(output);
  });

  it("prints property descriptions as safe JSDoc", () => {
    const type: TypeNode = {
      kind: "object",
      properties: [
        { key: "a", type: S, optional: false, description: "Path */ to a file" },
        {
          key: "b",
          type: {
            kind: "object",
            properties: [{ key: "c", type: N, optional: true, description: "line 1\n@deprecated\r\nline 3" }],
          },
          optional: true,
        },
      ],
    };
    expect(printType(type, OUT)).toBe(
      [
        "{",
        "  /** Path *\\/ to a file */",
        "  a: string;",
        "  b?: {",
        "    /**",
        "     * line 1",
        "     * \\@deprecated",
        "     * line 3",
        "     */",
        "    c?: number;",
        "  };",
        "}",
      ].join("\n"),
    );
  });

  it("every printed case type-checks (both directions)", () => {
    const decls = cases.flatMap((c, i) => [
      `export type I${i} = ${printType(c.given, IN)};`,
      `export type O${i} = ${printType(c.given, OUT)};`,
    ]);
    const project = new Project({
      useInMemoryFileSystem: true,
      compilerOptions: { strict: true, noEmit: true, lib: ["lib.es2022.d.ts"] },
    });
    const stubs =
      "type FileInput = string | Uint8Array; type GradioFile = { path: string }; type JsonValue = unknown; type Foo = 1;\n";
    project.createSourceFile("/t.ts", stubs + decls.join("\n"));
    expect(project.getPreEmitDiagnostics().map((d) => String(d.getMessageText()))).toEqual([]);
  });
});
