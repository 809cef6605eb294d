/**
 * Saving output files in Node: a server-supplied (or caller-supplied) name can never write outside
 * the target folder; the bytes are the app's; no output is ever lost to another of the same name
 * (issue 10 item 14) unless `overwrite: true` asks for it.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { safeFileName, saveFile } from "@gradio-codegen/runtime";
import { connect } from "../../generated-examples/file_tools/file_tools.js";

describe("safeFileName", () => {
  it.each([
    ["report.txt", "report.txt"],
    ["../../.bashrc", "bashrc"],
    ["/etc/passwd", "passwd"],
    ["C:\\Windows\\system.ini", "system.ini"],
    ["..", "file"],
    [".", "file"],
    ["", "file"],
    ["a\u0000b\nc.txt", "a_b_c.txt"],
    ["x<y>:z|?.txt", "x_y__z__.txt"],
  ])("%j → %j", (name, want) => {
    expect(safeFileName(name)).toBe(want);
  });
});

describe("saveFile against the live file_tools app", () => {
  it("writes the app's file into the folder, under a safe name only", async () => {
    const client = connect({ baseUrl: inject("apps")["file_tools"] as string });
    try {
      const report = await client.makeReport("Q4");
      const dir = mkdtempSync(join(tmpdir(), "gradio-save-"));
      const saved = await saveFile(report, dir);
      expect(saved).toBe(join(dir, "report.txt"));
      expect(readFileSync(saved, "utf8")).toBe("Report: Q4\n");
      const hostile = await saveFile(report, join(dir, "inner"), "../../escape.txt");
      expect(hostile).toBe(join(dir, "inner", "escape.txt"));
      expect(existsSync(join(dir, "escape.txt"))).toBe(false);
      expect(readdirSync(dir).sort()).toEqual(["inner", "report.txt"]);
    } finally {
      await client.close();
    }
  });
});

describe("saveFile never loses an output", () => {
  it("three outputs named report.txt, saved at once into one folder, keep three files; overwrite: true replaces", async () => {
    const client = connect({ baseUrl: inject("apps")["file_tools"] as string });
    try {
      const reports = await Promise.all(["Q1", "Q2", "Q3"].map((title) => client.makeReport(title)));
      expect(reports.map((r) => r.name)).toEqual(["report.txt", "report.txt", "report.txt"]);
      const dir = mkdtempSync(join(tmpdir(), "gradio-unique-"));
      const saved = await Promise.all(reports.map((report) => saveFile(report, dir)));
      expect(readdirSync(dir).sort()).toEqual(["report (1).txt", "report (2).txt", "report.txt"]);
      expect(saved.map((path) => readFileSync(path, "utf8")).sort()).toEqual([
        "Report: Q1\n",
        "Report: Q2\n",
        "Report: Q3\n",
      ]);
      const replaced = await saveFile(reports[0]!, dir, { name: "report.txt", overwrite: true });
      expect(replaced).toBe(join(dir, "report.txt"));
      expect(readFileSync(replaced, "utf8")).toBe("Report: Q1\n");
      expect(readdirSync(dir)).toHaveLength(3);
    } finally {
      await client.close();
    }
  });
});
