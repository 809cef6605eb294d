/** Every URL a user copies reaches the same live app (the parsing itself: test/unit/source.test.ts). */
import { describe, expect, inject, it } from "vitest";
import { runCli } from "../support/cli.js";

const app = inject("apps")["calculator"] ?? "";

describe("gradio-codegen with a copied URL", () => {
  it.each([
    ['the "Use via API" link', `${app}/?view=api`],
    ["the /gradio_api/info route", `${app}/gradio_api/info`],
    ["the /config route", `${app}/config`],
    ["a bare host:port (no scheme)", app.replace(/^http:\/\//, "")],
  ])("%s", async (_, source) => {
    const result = await runCli([source, "--no-typecheck"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`baseUrl: ${JSON.stringify(app.replace(/\/+$/, ""))}`);
    expect(result.stdout).toContain("export const predict");
  });
});
