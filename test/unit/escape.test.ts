import { format } from "prettier";
import { describe, expect, it } from "vitest";
import { PRETTIER_OPTIONS } from "../../generator/output/format.js";
import { docLines, docText, jsonLiteral, stringLiteral } from "../../generator/emit/escape.js";

const HOSTILE = [
  "*/ alert(1) /*",
  "`${x}` and `back`ticks",
  `"double" 'single'`,
  "a\u2028b\u2029c",
  "line1\r\nline2\rline3",
  "\\ backslash",
  "</script>",
  "\u0000nul",
];

describe("stringLiteral", () => {
  it.each(HOSTILE)("round-trips %j as a JS expression", (value) => {
    const literal = stringLiteral(value);
    expect(literal).not.toMatch(/[\u2028\u2029\n\r]/);
    expect(new Function(`return ${literal};`)()).toBe(value);
  });

  it.each(HOSTILE)("writes %j as JSON that prettier leaves byte-identical", async (value) => {
    const literal = stringLiteral(value);
    expect(JSON.parse(literal)).toBe(value);
    // Prettier re-quotes `"a \"b\""` as `'a "b"'`; `\u0022` keeps the printed literal JSON.
    expect(await format(`const x = ${literal};\n`, PRETTIER_OPTIONS)).toBe(`const x = ${literal};\n`);
  });

  it("escapes the separators JSON.stringify leaves raw", () => {
    expect(stringLiteral("\u2028\u2029")).toBe('"\\u2028\\u2029"');
  });
});

describe("jsonLiteral", () => {
  const table: readonly { name: string; given: unknown; want: string }[] = [
    { name: "scalars", given: [null, true, 1.5, -3, "s"], want: '[null,true,1.5,-3,"s"]' },
    { name: "key order kept", given: { b: 1, a: [{ z: null, y: "x" }] }, want: '{"b":1,"a":[{"z":null,"y":"x"}]}' },
    { name: "separators", given: { "\u2028": "\u2029" }, want: '{"\\u2028":"\\u2029"}' },
    { name: "non-finite numbers", given: [Number.NaN, Infinity], want: "[null,null]" },
    { name: "__proto__ key stays data", given: JSON.parse('{"__proto__": {"x": 1}}'), want: '{["__proto__"]:{"x":1}}' },
    { name: "hostile strings", given: { k: "*/ `${x}`" }, want: '{"k":"*/ `${x}`"}' },
  ];
  it.each(table)("$name", ({ given, want }) => expect(jsonLiteral(given)).toBe(want));

  it("evaluates back to an equal value with the same own keys", () => {
    const value: unknown = JSON.parse('{"__proto__": {"polluted": true}, "a": ["\\u2028", {"b": null}]}');
    const back = new Function(`return ${jsonLiteral(value)};`)() as unknown;
    expect(JSON.stringify(back)).toBe(JSON.stringify(value));
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("rejects non-JSON input", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic["self"] = cyclic;
    expect(() => jsonLiteral(cyclic)).toThrow(TypeError);
    expect(() => jsonLiteral(10n)).toThrow(TypeError);
  });
});

describe("docText", () => {
  const table: readonly { name: string; given: string; want: string }[] = [
    { name: "comment terminator", given: "*/ alert(1) /*", want: "*\\/ alert(1) /*" },
    { name: "repeated stars", given: "a **/ b", want: "a **\\/ b" },
    { name: "CRLF, CR, U+2028/9, NEL", given: "a\r\nb\rc\u2028d\u2029e\u0085f", want: "a\nb\nc\nd\ne\nf" },
    { name: "control chars removed, tab kept", given: "a\u0000b\u001bc\td\u007f", want: "abc\td" },
    { name: "bidi overrides removed", given: "safe\u202Eevil\u2066x\u2069", want: "safeevilx" },
    { name: "trailing whitespace and outer blank lines", given: "\n\n  a  \n\n b \t\n\n", want: "  a\n\n b" },
    {
      name: "line-start tags escaped",
      given: "@deprecated\n  @internal x\nmail me @ home",
      want: "\\@deprecated\n  \\@internal x\nmail me @ home",
    },
    { name: "control char cannot splice a terminator", given: "*\u0000/", want: "*\\/" },
    { name: "backticks and templates untouched", given: "`${x}`", want: "`${x}`" },
  ];
  it.each(table)("$name", ({ given, want }) => expect(docText(given)).toBe(want));
});

describe("docLines", () => {
  it("splits and keeps inner blank lines", () => {
    expect(docLines("a\n\nb")).toEqual(["a", "", "b"]);
    expect(docLines(" \n ")).toEqual([]);
  });

  it("wraps at spaces without breaking words or creating tags", () => {
    expect(docLines("one two three @deprecated four", 13)).toEqual(["one two three", "\\@deprecated", "four"]);
    expect(docLines("averyveryverylongword x", 5)).toEqual(["averyveryverylongword", "x"]);
  });

  it("produces a comment that parses with the text intact", () => {
    const lines = docLines("*/ throw new Error('pwned'); /*\n@deprecated");
    const source = `/**\n${lines.map((l) => ` * ${l}`).join("\n")}\n */\nreturn 1;`;
    expect(new Function(source)()).toBe(1);
  });
});
