/**
 * Tool definitions for LLM agents, offline: every committed example's endpoints as tools, each
 * parameters schema compiled by a JSON Schema validator (Ajv, draft 2020-12 meta-schema) and
 * checked against the rules of the formats that take them as-is — OpenAI Chat Completions tools,
 * Anthropic Messages tools, MCP `tools/list` — plus the runtime's argument checker and the
 * generated `.tools.ts` module compiled strictly next to its module.
 */
import { mkdirSync, readdirSync, writeFileSync, copyFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { renderToolsModule, toolsPath } from "../../generator/emit/tools-module.js";
import { toolDefinitions } from "../../generator/emit/tool-schema.js";
import { buildModel } from "../../generator/model/build-model.js";
import { readSchemaFile } from "../../generator/load/snapshot.js";
import { formatModule } from "../../generator/output/format.js";
import {
  anthropicTools,
  firstViolation,
  mcpTools,
  openAITools,
  type ToolSchema,
} from "../../runtime/src/tools/index.js";
import { EXAMPLES_DIR, workDir } from "../support/paths.js";
import { typecheckFiles } from "../support/typecheck.js";

const examples = readdirSync(EXAMPLES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== "ci")
  .map((d) => d.name);
const modelOf = async (name: string) =>
  buildModel(await readSchemaFile(join(EXAMPLES_DIR, name, "schema.json")), { allEndpoints: false, login: false });

/** Published constraints: OpenAI and Anthropic tool names `^[a-zA-Z0-9_-]{1,64}$`; all three take an object schema. */
const NAME = /^[a-zA-Z0-9_-]{1,64}$/;
/** The keywords the runtime's checker understands; a schema using others would be checked only in part. */
const KNOWN = new Set([
  "type",
  "description",
  "enum",
  "const",
  "minimum",
  "maximum",
  "items",
  "properties",
  "required",
  "additionalProperties",
  "anyOf",
  "default",
  "format",
]);

function keywords(schema: unknown, found = new Set<string>()): Set<string> {
  if (typeof schema !== "object" || schema === null) return found;
  for (const [key, value] of Object.entries(schema)) {
    found.add(key);
    if (key === "properties") for (const sub of Object.values(value as object)) keywords(sub, found);
    else if (key === "items" || key === "additionalProperties") keywords(value, found);
    else if (key === "anyOf") for (const sub of value as unknown[]) keywords(sub, found);
  }
  return found;
}

describe("tool definitions of every committed example", () => {
  const ajv = new Ajv2020({ strict: true, strictRequired: false, validateFormats: false });
  for (const name of examples) {
    it(`${name}: valid JSON Schemas in the shapes of OpenAI, Anthropic and MCP`, async () => {
      const tools = toolDefinitions(await modelOf(name));
      expect(tools.length).toBeGreaterThan(0);
      expect(new Set(tools.map((t) => t.name)).size).toBe(tools.length);
      for (const tool of tools) {
        expect(tool.name).toMatch(NAME);
        expect(tool.description.length).toBeGreaterThan(0);
        expect(tool.parameters.type).toBe("object");
        expect(() => ajv.compile(tool.parameters)).not.toThrow();
        expect([...keywords(tool.parameters)].filter((k) => !KNOWN.has(k))).toEqual([]);
      }
      for (const t of openAITools(tools))
        expect(t).toMatchObject({
          type: "function",
          function: { name: expect.stringMatching(NAME), parameters: { type: "object" } },
        });
      for (const t of anthropicTools(tools))
        expect(t).toMatchObject({ name: expect.stringMatching(NAME), input_schema: { type: "object" } });
      for (const t of mcpTools(tools))
        expect(t).toMatchObject({ name: expect.any(String), inputSchema: { type: "object" } });
    });
  }

  it("calculator: choices as enum, required parameters, no other properties; the checker agrees with Ajv", async () => {
    const [predict] = toolDefinitions(await modelOf("calculator"));
    expect(predict?.parameters).toMatchObject({
      properties: {
        num1: { type: "number" },
        operation: { enum: ["add", "subtract", "multiply", "divide"] },
        num2: { type: "number" },
      },
      required: ["num1", "operation", "num2"],
      additionalProperties: false,
    });
    const validate = ajv.compile(predict?.parameters ?? {});
    const cases: unknown[] = [
      { num1: 1, operation: "add", num2: 2 },
      { num1: 1, operation: "power", num2: 2 },
      { num1: "1", operation: "add", num2: 2 },
      { num1: 1, operation: "add" },
      { num1: 1, operation: "add", num2: 2, extra: 1 },
      [],
      null,
    ];
    for (const value of cases)
      expect(firstViolation(predict?.parameters as ToolSchema, value) === null, JSON.stringify(value)).toBe(
        validate(value),
      );
  });

  it("files are URL strings with a format note; ranges become minimum/maximum", async () => {
    const tools = toolDefinitions(await modelOf("whisper"));
    const params = Object.values(tools[0]?.parameters.properties ?? {});
    expect(params.some((p) => p.type === "string" && p.format === "uri")).toBe(true);
  });
});

describe("the runtime's argument checker", () => {
  const schema: ToolSchema = {
    type: "object",
    properties: { n: { type: "integer", minimum: 1, maximum: 5 }, tags: { type: "array", items: { type: "string" } } },
    required: ["n"],
    additionalProperties: false,
  };
  it("names the place, what was expected and what came", () => {
    expect(firstViolation(schema, { n: 3, tags: ["a"] })).toBeNull();
    expect(firstViolation(schema, { n: 9 })).toEqual({ pointer: "/n", expected: "a number ≤ 5", received: 9 });
    expect(firstViolation(schema, { n: 1.5 })).toMatchObject({ pointer: "/n", expected: "integer" });
    expect(firstViolation(schema, { n: 1, tags: ["a", 2] })).toMatchObject({ pointer: "/tags/1", expected: "string" });
    expect(firstViolation(schema, {})).toMatchObject({ pointer: "/n", expected: "a value (required)" });
    expect(firstViolation(schema, { n: 1, x: 0 })).toMatchObject({ pointer: "/x", expected: "no such property" });
  });
});

describe("the generated .tools.ts module", () => {
  it("compiles strictly next to its module (plain, streaming, files)", async () => {
    const dir = workDir("tools-modules");
    const files: string[] = [];
    for (const name of ["calculator", "chatbot_stream", "file_tools"]) {
      mkdirSync(join(dir, name), { recursive: true });
      const modulePath = join(dir, name, `${name}.ts`);
      copyFileSync(join(EXAMPLES_DIR, name, `${name}.ts`), modulePath);
      const text = await formatModule(renderToolsModule(await modelOf(name), modulePath, "test"));
      writeFileSync(toolsPath(modulePath), text);
      files.push(toolsPath(modulePath));
    }
    expect(typecheckFiles(files)).toEqual([]);
  });
});
