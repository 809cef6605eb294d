/**
 * Live: the Node entry's upload fast path (runtime/src/node/upload.ts, node:http from file read
 * streams) against real Gradio — a 20 MB file round-trips its size without touching fetch, mixed
 * path/bytes/Blob parts, abort and timeout mid-upload, credentials kept to the app's origin across
 * a 307 to another origin (recording pass-through proxies in front of the real app), and the
 * proxy-environment fallback rule.
 */
import { randomBytes } from "node:crypto";
import { closeSync, mkdtempSync, openSync, truncateSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { usesProxy } from "../../runtime/src/node/proxy.js";
import { createClient, GradioError } from "../../runtime/src/node.js";
import { appSpec, appUrl, endpoint } from "./helpers.js";
import { recordingProxy, type RecordingProxy } from "./live-support.js";

const describeFiles = {
  ...endpoint("describe_files", { params: ["files"] }),
  params: [{ name: "files", files: [["*"]] }],
};
const dir = mkdtempSync(join(tmpdir(), "rt-node-upload-"));

/** A file of `mb` MB whose first line is "big" (describe_files reports name:size:first line). */
function bigFile(name: string, mb: number): string {
  const path = join(dir, name);
  const fd = openSync(path, "w");
  writeSync(fd, Buffer.from("big\n"));
  for (let i = 0; i < mb; i++) writeSync(fd, i === 0 ? randomBytes(1_000_000 - 4) : randomBytes(1_000_000));
  closeSync(fd);
  return path;
}

afterEach(() => vi.restoreAllMocks());

describe("Node upload fast path", () => {
  it("a 20 MB file from a path round-trips its size, without fetch", async () => {
    const path = bigFile("big-20.bin", 20);
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    await using client = createClient(appSpec("rt_features"));
    const [out] = await client.call(describeFiles, [[path]]);
    expect(out).toBe("big-20.bin:20000000:big");
    expect(fetchSpy.mock.calls.map(([url]) => String(url)).filter((url) => url.includes("/upload"))).toEqual([]);
  });

  it("a path, bytes and a Blob in one multipart body", async () => {
    const path = join(dir, "local.txt");
    const fd = openSync(path, "w");
    writeSync(fd, "from disk\nsecond line");
    closeSync(fd);
    await using client = createClient(appSpec("rt_features"));
    const blob = new File(["from a blob"], "blob.md", { type: "text/markdown" });
    const [out] = await client.call(describeFiles, [[path, new TextEncoder().encode("from bytes"), blob]]);
    expect(out).toBe("local.txt:21:from disk|file:10:from bytes|blob.md:11:from a blob");
  });

  it.each([
    ["an abort signal", (c: AbortController) => ({ signal: c.signal }), "ABORTED"],
    ["a timeout", () => ({ timeout: 150 }), "TIMEOUT"],
  ])("%s mid-upload → a typed error at once, and the client still works", async (_, options, code) => {
    const path = join(dir, "sparse-300.bin"); // sparse: quick to make, as slow to send as any
    writeFileSync(path, "big\n");
    truncateSync(path, 300_000_000);
    await using client = createClient(appSpec("rt_features"));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const started = Date.now();
    const error = await client.call(describeFiles, [[path]], options(controller)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GradioError);
    expect((error as GradioError).code).toBe(code);
    expect(Date.now() - started).toBeLessThan(2_000);
    const [out] = await client.call(describeFiles, [[new TextEncoder().encode("after")]]);
    expect(out).toBe("file:5:after");
  });

  it("an upload is a secret body: a 307 to another origin fails with CROSS_ORIGIN and the other origin receives nothing", async () => {
    // The file itself is the user's data: like the login form, it never follows a redirect to
    // another origin (README "Security model").
    const target = appUrl("rt_features");
    const other = await recordingProxy(target);
    // The front proxy redirects the upload to the other origin (a 307 keeps method and body).
    const front = await recordingProxy(target, (req, res) => {
      if (!req.url?.includes("/upload")) return false;
      req.resume();
      res.writeHead(307, { location: `${other.url}${req.url}` }).end();
      return true;
    });
    const path = bigFile("big-3.bin", 3);
    const base = front.base;
    await using client = createClient(appSpec("rt_features", { baseUrl: base, source: base }), {
      headers: { "x-secret": "s3cret" },
      token: "hf_secret",
    });
    await expect(client.call(describeFiles, [[path]])).rejects.toMatchObject({ code: "CROSS_ORIGIN" });
    const uploadsAt = (p: RecordingProxy) => p.seen.filter((r) => r.path.includes("/upload"));
    expect(uploadsAt(front).map((r) => r.headers["x-secret"])).toEqual(["s3cret"]);
    expect(uploadsAt(other)).toEqual([]);
  });
});

describe("proxy environment (node:http is used only where no proxy applies)", () => {
  it.each([
    [{}, "http://127.0.0.1:7860/x", false],
    [{ HTTP_PROXY: "http://proxy:3128" }, "http://127.0.0.1:7860/x", true],
    [{ HTTP_PROXY: "http://proxy:3128" }, "https://app.example/x", false],
    [{ https_proxy: "http://proxy:3128" }, "https://app.example/x", true],
    [{ HTTPS_PROXY: "http://p", NO_PROXY: "example.com" }, "https://app.example.com/x", false],
    [{ HTTPS_PROXY: "http://p", NO_PROXY: ".example.com" }, "https://example.com/x", false],
    [{ HTTPS_PROXY: "http://p", NO_PROXY: "example.com" }, "https://notexample.com/x", true],
    [{ HTTP_PROXY: "http://p", NO_PROXY: "localhost,127.0.0.1:7860" }, "http://127.0.0.1:7860/x", false],
    [{ HTTP_PROXY: "http://p", NO_PROXY: "127.0.0.1:9999" }, "http://127.0.0.1:7860/x", true],
    [{ HTTP_PROXY: "http://p", NO_PROXY: "*" }, "http://a.b/x", false],
    [{ HTTP_PROXY: "http://p", no_proxy: "::1" }, "http://[::1]:80/x", false],
    [{ ALL_PROXY: "http://p" }, "http://a.b/x", true],
  ])("%j, %s → %s", (env, url, want) => {
    expect(usesProxy(url, env)).toBe(want);
  });
});
