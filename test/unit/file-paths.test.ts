import { describe, expect, it } from "vitest";
import type { FilePath, TypeNode } from "../../generator/model/ir.js";
import { findFilePaths, literalChoices } from "../../generator/model/schema/index.js";

const F: TypeNode = { kind: "file" };
const S: TypeNode = { kind: "string" };
const NULL: TypeNode = { kind: "null" };
const obj = (...props: [string, TypeNode][]): TypeNode => ({
  kind: "object",
  properties: props.map(([key, type]) => ({ key, type, optional: false })),
});

const cases: readonly { name: string; given: TypeNode; want: FilePath[] }[] = [
  { name: "no files", given: S, want: [] },
  { name: "root file", given: F, want: [[]] },
  { name: "nullable root file", given: { kind: "union", members: [F, NULL] }, want: [[]] },
  { name: "list of files", given: { kind: "array", items: F }, want: [["*"]] },
  {
    name: "Video {video, subtitles}",
    given: obj(["video", F], ["subtitles", { kind: "union", members: [F, NULL] }]),
    want: [["video"], ["subtitles"]],
  },
  {
    name: "Gallery union members deduplicated",
    given: {
      kind: "array",
      items: { kind: "union", members: [obj(["image", F], ["caption", S]), obj(["video", F]), obj(["image", F])] },
    },
    want: [
      ["*", "image"],
      ["*", "video"],
    ],
  },
  { name: "ImageSlider tuple", given: { kind: "tuple", items: [F, S, F] }, want: [[0], [2]] },
  { name: "tuple rest", given: { kind: "tuple", items: [S], rest: F }, want: [["*"]] },
  { name: "additional values", given: { kind: "object", properties: [], additional: F }, want: [["*"]] },
  { name: "named is opaque", given: { kind: "named", name: "X" }, want: [] },
  {
    name: "ImageEditor",
    given: obj(
      ["background", { kind: "union", members: [F, NULL] }],
      ["layers", { kind: "array", items: F }],
      ["composite", F],
    ),
    want: [["background"], ["layers", "*"], ["composite"]],
  },
];

describe("findFilePaths", () => {
  it.each(cases)("$name", ({ given, want }) => expect(findFilePaths(given)).toEqual(want));
});

describe("literalChoices", () => {
  const lit = (value: string | number | boolean): TypeNode => ({ kind: "literal", value });
  const table: readonly { name: string; given: TypeNode; want: (string | number | boolean)[] | null }[] = [
    { name: "single literal", given: lit("a"), want: ["a"] },
    {
      name: "union of literals",
      given: { kind: "union", members: [lit("a"), lit(2), lit(true)] },
      want: ["a", 2, true],
    },
    { name: "with null", given: { kind: "union", members: [lit("a"), NULL] }, want: null },
    { name: "plain string", given: S, want: null },
    { name: "empty union", given: { kind: "union", members: [] }, want: null },
  ];
  it.each(table)("$name", ({ given, want }) => expect(literalChoices(given)).toEqual(want));
});
