import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Project } from "ts-morph";
import { describe, expect, it } from "vitest";
import { printType } from "../../generator/emit/print-type.js";
import { childPointer } from "../../generator/model/schema/json.js";
import { findFilePaths, schemaToType, unwrapApiInfo, type SchemaResult } from "../../generator/model/schema/index.js";
import { sharedFixtures, skipNote } from "../support/fixtures.js";

const FOUND = sharedFixtures();
const FIXTURES = FOUND ?? "";

interface Converted {
  readonly pointer: string;
  readonly direction: "input" | "output";
  readonly result: SchemaResult;
}

function jsonFiles(dir: string): string[] {
  return FOUND !== null && existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(".json"))
        .sort()
        .map((f) => join(dir, f))
    : [];
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function fromInfo(doc: unknown): Converted[] {
  const out: Converted[] = [];
  for (const group of ["named_endpoints", "unnamed_endpoints"]) {
    for (const [name, endpoint] of Object.entries(asRecord(asRecord(doc)[group]))) {
      for (const [key, direction] of [
        ["parameters", "input"],
        ["returns", "output"],
      ] as const) {
        const entries = asRecord(endpoint)[key];
        if (!Array.isArray(entries)) continue;
        entries.forEach((entry: unknown, i) => {
          const { type, serializer } = asRecord(entry);
          const pointer = childPointer("", group, name, key, i, "type");
          const ctx = typeof serializer === "string" ? { pointer, direction, serializer } : { pointer, direction };
          out.push({ pointer, direction, result: schemaToType(type, ctx) });
        });
      }
    }
  }
  return out;
}

function fromConfig(doc: unknown): Converted[] {
  const components = asRecord(doc)["components"];
  if (!Array.isArray(components)) return [];
  return components.flatMap((component: unknown, i): Converted[] => {
    const record = asRecord(component);
    if (!Object.hasOwn(record, "api_info")) return [];
    return (["input", "output"] as const).map((direction) => {
      const pointer = childPointer("", "components", i, "api_info");
      return { pointer, direction, result: schemaToType(unwrapApiInfo(record["api_info"]), { pointer, direction }) };
    });
  });
}

const documents = [
  ...jsonFiles(join(FIXTURES, "info")).map((file) => ({ file, convert: fromInfo })),
  ...jsonFiles(join(FIXTURES, "config")).map((file) => ({ file, convert: fromConfig })),
];

const STUBS = "type FileInput = string;\ntype GradioFile = { path: string };\ntype JsonValue = unknown;\n";

function typeCheck(text: string): string[] {
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: { strict: true, noEmit: true, lib: ["lib.es2022.d.ts"], noUncheckedIndexedAccess: true },
  });
  project.createSourceFile("/check.ts", text);
  return project.getPreEmitDiagnostics().map((d) => `${d.getLineNumber() ?? "?"}: ${String(d.getMessageText())}`);
}

describe.skipIf(FOUND === null)(`schemaToType over every fixture${skipNote(FOUND)}`, () => {
  it("finds the fixtures", () => expect(documents.length).toBeGreaterThan(0));
  it.each(documents.map((d) => [d.file.slice(FIXTURES.length + 1), d] as const))("%s", (_name, { file, convert }) => {
    const doc: unknown = JSON.parse(readFileSync(file, "utf8"));
    let converted: Converted[] = [];
    expect(() => (converted = convert(doc))).not.toThrow();
    const decls = converted.map(({ result, direction }, n) => {
      expect(() => findFilePaths(result.type)).not.toThrow();
      return `export type T_${n} = ${printType(result.type, { direction, fileInput: "FileInput", fileOutput: "GradioFile", json: "JsonValue" })};`;
    });
    const text = STUBS + decls.join("\n") + "\n";
    expect(typeCheck(text), text).toEqual([]);
  });

  it("the compile check is real (libs load, errors surface)", () => {
    expect(typeCheck("export const n: ReadonlyArray<number> = [1].map((x) => x * 2);\n")).toEqual([]);
    expect(typeCheck("export type X = NoSuchType;\n").length).toBe(1);
  });

  it("finds the files the protocol says are there", () => {
    const z = fromInfo(JSON.parse(readFileSync(join(FIXTURES, "info/z_image_lora_sns__gradio-6.json"), "utf8")));
    const gallery = z.find((c) => c.pointer === "/named_endpoints/~1add_custom_lora/returns/1/type");
    const paths = gallery === undefined ? [] : findFilePaths(gallery.result.type);
    expect(paths).toEqual([
      ["*", "image"],
      ["*", "video"],
    ]);
    const idm = fromInfo(JSON.parse(readFileSync(join(FIXTURES, "info/idm_vton_tryon__gradio-4.json"), "utf8")));
    const editor = idm[0];
    expect(editor === undefined ? [] : findFilePaths(editor.result.type)).toEqual([
      ["background"],
      ["layers", "*"],
      ["composite"],
    ]);
  });
});
