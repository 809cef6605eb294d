/**
 * Bad input at the command line: one-paragraph messages naming the problem, exit code 2 for
 * usage errors and 1 for failures, no stack trace, no partial output file.
 */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { runCli } from "../support/cli.js";
import { workDir } from "../support/paths.js";

const apps = inject("apps");
const dir = workDir("cli");
const out = join(dir, "out.ts");

function expectCleanFailure(
  result: { code: number | null; stderr: string; stdout: string },
  code: number,
  mention: RegExp,
): void {
  expect(result.code).toBe(code);
  expect(result.stderr).toMatch(mention);
  expect(result.stderr).toMatch(/^gradio-codegen: /);
  expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(result.stdout).toBe("");
  expect(existsSync(out)).toBe(false);
}

describe("gradio-codegen with bad input", () => {
  it("no source → usage error (2)", async () => {
    expectCleanFailure(await runCli(["-o", out]), 2, /source|arguments/i);
  });

  it("an unknown flag → usage error (2)", async () => {
    expectCleanFailure(await runCli(["x.json", "--frobnicate", "-o", out]), 2, /frobnicate/);
  });

  it("a URL that is not a Gradio app → failure (1) naming URL and status", async () => {
    const origin = new URL(apps["calculator"] as string).origin;
    expectCleanFailure(
      await runCli([`${origin}/`, "-o", out]),
      1,
      new RegExp(`GET ${origin}/config answered HTTP 404.*not look like a Gradio app`),
    );
  });

  it("a URL nobody listens on → failure (1) naming the URL", async () => {
    expectCleanFailure(
      await runCli(["http://127.0.0.1:9/", "-o", out]),
      1,
      /GET http:\/\/127\.0\.0\.1:9\/config failed/,
    );
  });

  it("a missing schema file → failure (1)", async () => {
    expectCleanFailure(
      await runCli([join(dir, "missing.json"), "-o", out]),
      1,
      /cannot read .*missing\.json: no such file/,
    );
  });

  it("invalid JSON → failure (1)", async () => {
    const file = join(dir, "broken.json");
    writeFileSync(file, '{"named_endpoints": ');
    expectCleanFailure(await runCli([file, "-o", out]), 1, /broken\.json is not valid JSON/);
  });

  it("a JSON file of the wrong shape → failure (1) with a JSON pointer", async () => {
    const file = join(dir, "shape.json");
    writeFileSync(file, JSON.stringify({ named_endpoints: { "/predict": { parameters: [1], returns: [] } } }));
    expectCleanFailure(await runCli([file, "-o", out]), 1, /at \/info\/named_endpoints\/~1predict\/parameters\/0/);
  });

  it("--help and --version succeed", async () => {
    const help = await runCli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/gradio-codegen <source>/);
    expect(help.stdout).toMatch(/Examples:/);
    const version = await runCli(["--version"]);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
