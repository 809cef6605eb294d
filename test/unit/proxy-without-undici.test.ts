/**
 * A proxy variable applies but the optional peer dependency undici is not installed: the call
 * fails with UNSUPPORTED and the install hint (README), not NETWORK with a module loader's
 * "Require stack". The runtime's built package is copied where no undici can be resolved; no
 * connection is made (the request never leaves), so no app is needed.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, expect, it } from "vitest";
import { REPO_ROOT } from "../support/paths.js";

const dir = mkdtempSync(join(tmpdir(), "gradio-codegen-no-undici-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("reports UNSUPPORTED with the install hint", async () => {
  const runtime = join(dir, "node_modules", "@gradio-codegen", "runtime");
  cpSync(join(REPO_ROOT, "runtime", "dist"), join(runtime, "dist"), { recursive: true });
  cpSync(join(REPO_ROOT, "runtime", "package.json"), join(runtime, "package.json"));
  writeFileSync(join(dir, "package.json"), `{ "type": "module" }\n`);
  const app = {
    source: "http://app.invalid",
    baseUrl: "http://app.invalid",
    spaceId: null,
    gradioVersion: "6.0.0",
    protocol: "sse_v3",
    apiPrefix: "/gradio_api",
    connectHeartbeat: false,
    maxFileSize: null,
  };
  writeFileSync(
    join(dir, "main.js"),
    `import { createClient } from "@gradio-codegen/runtime";
const client = createClient(${JSON.stringify(app)});
try { await client.call({ apiName: "predict", fnIndex: 0, inputs: [], outputs: [], params: [], returns: [] }, []); }
catch (error) { process.stdout.write(JSON.stringify({ code: error.code, message: String(error.message) })); }
await client.close();\n`,
  );
  const { stdout } = await promisify(execFile)(process.execPath, [join(dir, "main.js")], {
    cwd: dir,
    env: { ...process.env, HTTP_PROXY: "http://127.0.0.1:9", NO_PROXY: "" },
    timeout: 30_000,
  });
  expect(stdout).not.toBe("");
  const { code, message } = JSON.parse(stdout) as { code?: string; message: string };
  expect(code).toBe("UNSUPPORTED");
  expect(message).toContain("npm install undici@7");
  expect(message).not.toMatch(/Require stack|NETWORK/);
});
