import { describe, expect, it } from "vitest";
import {
  createNameTable,
  isIdentifierName,
  isValidIdentifier,
  objectLiteralKey,
  propertyKey,
  toCamelIdentifier,
  toPascalIdentifier,
} from "../../generator/emit/names.js";

/** The "nasty names" table: raw label/api name → camel, Pascal. */
const NASTY_NAMES: readonly { given: string; camel: string; pascal: string }[] = [
  { given: "/predict-v2", camel: "predictV2", pascal: "PredictV2" },
  { given: "snake_case", camel: "snakeCase", pascal: "SnakeCase" },
  { given: "Hello World", camel: "helloWorld", pascal: "HelloWorld" },
  { given: "HTTPServer", camel: "httpServer", pascal: "HttpServer" },
  { given: "_check_login_status", camel: "checkLoginStatus", pascal: "CheckLoginStatus" },
  { given: "value_13", camel: "value13", pascal: "Value13" },
  { given: "📱 Aspect Ratio (SNS Presets)", camel: "aspectRatioSnsPresets", pascal: "AspectRatioSnsPresets" },
  { given: "Social Distancing?", camel: "socialDistancing", pascal: "SocialDistancing" },
  { given: "*/", camel: "value", pascal: "Value" },
  { given: "", camel: "value", pascal: "Value" },
  { given: "🚀🚀", camel: "value", pascal: "Value" },
  { given: "2fast", camel: "_2fast", pascal: "_2fast" },
  { given: "2x", camel: "_2x", pascal: "_2x" },
  { given: "class", camel: "class_", pascal: "Class" },
  { given: "default", camel: "default_", pascal: "Default" },
  { given: "await", camel: "await_", pascal: "Await" },
  { given: "arguments", camel: "arguments_", pascal: "Arguments" },
  { given: "constructor", camel: "constructor_", pascal: "Constructor" },
  { given: "__proto__", camel: "proto", pascal: "Proto" },
  { given: "toString", camel: "toString_", pascal: "ToString" },
  { given: "hasOwnProperty", camel: "hasOwnProperty_", pascal: "HasOwnProperty" },
  { given: "string", camel: "string_", pascal: "String" },
  { given: "Ünïcödé", camel: "ünïcödé", pascal: "Ünïcödé" },
  { given: "名前 入力", camel: "名前入力", pascal: "名前入力" },
  { given: '`${x}` "quoted"', camel: "xQuoted", pascal: "XQuoted" },
  { given: "a\u2028b", camel: "aB", pascal: "AB" },
  { given: "x".repeat(100), camel: "x".repeat(64), pascal: "X" + "x".repeat(63) },
];

describe("toCamelIdentifier / toPascalIdentifier", () => {
  it.each(NASTY_NAMES)("$given", ({ given, camel, pascal }) => {
    expect(toCamelIdentifier(given)).toBe(camel);
    expect(toPascalIdentifier(given)).toBe(pascal);
    expect(isValidIdentifier(camel)).toBe(true);
  });

  it("uses the caller's fallback", () => {
    expect(toCamelIdentifier("!!!", "param1")).toBe("param1");
    expect(toCamelIdentifier("🚀", "")).toBe("value");
  });

  it("every output compiles as a binding", () => {
    for (const { given } of NASTY_NAMES) {
      const name = toCamelIdentifier(given);
      expect(() => new Function(`"use strict"; let ${name} = 1; return ${name};`)).not.toThrow();
    }
  });
});

describe("createNameTable", () => {
  it("suffixes collisions deterministically", () => {
    const table = createNameTable({ taken: ["client"] });
    const claims = [
      "predict",
      "predict",
      "/predict",
      "predict2",
      "predict",
      "client",
      "value_13",
      "value13",
      "class",
      "class",
      "",
      "",
    ].map((n) => table.claim(n));
    expect(claims).toEqual([
      "predict",
      "predict2",
      "predict3",
      "predict2_2",
      "predict4",
      "client2",
      "value13",
      "value13_2",
      "class_",
      "class_2",
      "value",
      "value2",
    ]);
    expect(table.has("predict3")).toBe(true);
  });

  it("pascal style", () => {
    const table = createNameTable({ style: "pascal" });
    expect([table.claim("image data"), table.claim("ImageData"), table.claim("🚀", "Input")]).toEqual([
      "ImageData",
      "ImageData2",
      "Input",
    ]);
  });
});

describe("propertyKey / objectLiteralKey", () => {
  const table: readonly { given: string; type: string; literal: string }[] = [
    { given: "path", type: "path", literal: "path" },
    { given: "orig_name", type: "orig_name", literal: "orig_name" },
    { given: "class", type: "class", literal: "class" },
    { given: "__proto__", type: "__proto__", literal: '["__proto__"]' },
    { given: "constructor", type: "constructor", literal: "constructor" },
    { given: "a-b", type: '"a-b"', literal: '"a-b"' },
    { given: "2x", type: '"2x"', literal: '"2x"' },
    { given: "", type: '""', literal: '""' },
    { given: "*/", type: '"*/"', literal: '"*/"' },
    { given: "a\u2028", type: '"a\\u2028"', literal: '"a\\u2028"' },
    { given: "Ünï", type: "Ünï", literal: "Ünï" },
  ];
  it.each(table)("$given", ({ given, type, literal }) => {
    expect(propertyKey(given)).toBe(type);
    expect(objectLiteralKey(given)).toBe(literal);
  });

  it("__proto__ stays data in an object literal", () => {
    const obj = new Function(`return {${objectLiteralKey("__proto__")}: 1};`)() as Record<string, unknown>;
    expect(Object.keys(obj)).toEqual(["__proto__"]);
  });

  it("isIdentifierName vs isValidIdentifier", () => {
    expect(isIdentifierName("class")).toBe(true);
    expect(isValidIdentifier("class")).toBe(false);
    expect(isValidIdentifier("$ok_1")).toBe(true);
    expect(isIdentifierName("1a")).toBe(false);
  });
});
