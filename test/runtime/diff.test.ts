/**
 * applyDiff against edit lists produced by the real server's `gradio.utils.diff` (6.31, recorded in
 * fixtures/diff-cases.json by make-diff-cases.py), plus hand-written edits for paths the server
 * does not produce today.
 *
 * What we do about the server's nested-list delete bug (docs/protocol.md §3.2): apply the edits
 * exactly as the official Python and JS clients do, so an intermediate value can be wrong in the
 * same way; the final `process_completed` value is full and always authoritative; callers who need
 * exact intermediate values pass `exactPartials: true`, which joins with `simple_format: true`
 * (see test/runtime/live-streaming.test.ts for the live check).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyDiff, isEditList } from "../../runtime/src/protocol/diff.js";

interface DiffCase {
  name: string;
  old: unknown;
  new: unknown;
  edits: [string, (string | number)[], unknown][];
  pythonApplied: unknown;
}

const recorded = JSON.parse(readFileSync(new URL("./fixtures/diff-cases.json", import.meta.url), "utf8")) as {
  gradio: string;
  cases: DiffCase[];
};

describe(`applyDiff on edits from the server's diff (Gradio ${recorded.gradio})`, () => {
  for (const c of recorded.cases) {
    it(c.name, () => {
      expect(isEditList(c.edits)).toBe(true);
      const before = structuredClone(c.old);
      const got = applyDiff(c.old, c.edits);
      // Same result as the official Python client's apply_diff, always.
      expect(got).toEqual(c.pythonApplied);
      // And the intended value, except in the documented server bug cases.
      if (c.name.startsWith("BUG")) expect(got).not.toEqual(c.new);
      else expect(got).toEqual(c.new);
      expect(c.old).toEqual(before); // never mutates its input
    });
  }

  it("the bug cases are the ones docs/protocol.md §3.2 describes", () => {
    const bug = recorded.cases.find((c) => c.name === "BUG nested list shrink");
    expect(bug?.edits).toEqual([
      ["delete", [0, 1], null],
      ["delete", [1, 0], null],
    ]);
    expect(bug?.pythonApplied).toEqual([["a"], ["d"]]);
  });
});

describe("applyDiff: hand-written edits", () => {
  const table: { name: string; base: unknown; edits: [string, (string | number)[], unknown][]; want: unknown }[] = [
    { name: "replace root", base: "a", edits: [["replace", [], { x: 1 }]], want: { x: 1 } },
    { name: "append to root string", base: "Hel", edits: [["append", [], "lo"]], want: "Hello" },
    {
      name: "append to null starts from the value (output added by a hot reload)",
      base: null,
      edits: [["append", [], "x"]],
      want: "x",
    },
    { name: "append list to list", base: [1], edits: [["append", [], [2, 3]]], want: [1, 2, 3] },
    { name: "add inserts into an array", base: [1, 3], edits: [["add", [1], 2]], want: [1, 2, 3] },
    { name: "add sets an object key", base: { a: 1 }, edits: [["add", ["b"], 2]], want: { a: 1, b: 2 } },
    { name: "delete object key", base: { a: 1, b: 2 }, edits: [["delete", ["a"], null]], want: { b: 2 } },
    {
      name: "deletes apply in order with pre-adjusted indices",
      base: [0, 1, 2, 3],
      edits: [
        ["delete", [1], null],
        ["delete", [1], null],
      ],
      want: [0, 3],
    },
    {
      name: "nested replace through object and array",
      base: {
        rows: [
          [1, 2],
          [3, 4],
        ],
      },
      edits: [["replace", ["rows", 1, 0], 9]],
      want: {
        rows: [
          [1, 2],
          [9, 4],
        ],
      },
    },
    {
      name: "chatbot token append deep inside messages",
      base: [{ role: "assistant", content: [{ type: "text", text: "Hi" }] }],
      edits: [["append", [0, "content", 0, "text"], " there"]],
      want: [{ role: "assistant", content: [{ type: "text", text: "Hi there" }] }],
    },
    {
      name: "edit below a missing parent is skipped, not a crash",
      base: { a: 1 },
      edits: [["replace", ["x", "y"], 1]],
      want: { a: 1 },
    },
    { name: "empty edit list = unchanged", base: [1, { a: "b" }], edits: [], want: [1, { a: "b" }] },
  ];
  for (const row of table) {
    it(row.name, () => {
      expect(applyDiff(row.base, row.edits)).toEqual(row.want);
    });
  }

  it("added values are copied, so later edits never change the message object", () => {
    const value = { text: "a" };
    const out = applyDiff([], [["add", [0], value]]) as { text: string }[];
    const next = applyDiff(out, [["append", [0, "text"], "b"]]);
    expect(value.text).toBe("a");
    expect(out[0]?.text).toBe("a");
    expect(next).toEqual([{ text: "ab" }]);
  });
});

describe("isEditList", () => {
  it.each([
    [[], true],
    [[["append", [], "x"]], true],
    [
      [
        ["replace", [0, "a"], null],
        ["delete", [1], null],
      ],
      true,
    ],
    [["a", "b"], false],
    [[["frobnicate", [], 1]], false],
    [[["add", "0", 1]], false],
    ["text", false],
    [null, false],
  ])("%j → %s", (value, want) => {
    expect(isEditList(value)).toBe(want);
  });
});
