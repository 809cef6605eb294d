/**
 * Saving output files in Node: a server-supplied (or caller-supplied) name can never write outside
 * the target folder; the bytes are the app's.
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
