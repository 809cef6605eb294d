/**
 * Live: file outputs (one file returned from a path, several files) become GradioFile objects
 * whose URL is on the app's own base and whose bytes download; file inputs from a local path,
 * bytes, a Blob and a GradioFile of an earlier result (sent back without a new upload).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createClient, GradioFile, type FetchLike } from "../../runtime/src/node.js";
import { apiBase, appSpec, endpoint } from "./helpers.js";

const makeFile = endpoint("make_file", { returns: [{ name: "file", files: [[]] }] });
const makeFiles = endpoint("make_files", { params: ["n"], returns: [{ name: "files", files: [["*"]] }] });
const describeFiles = endpoint("describe_files", { params: ["files"], returns: ["out"] });
const describeFilesSpec = { ...describeFiles, params: [{ name: "files", files: [["*"]] }] };

describe("file outputs", () => {
  it("a file returned from a path → GradioFile with a working bytes()/text()", async () => {
    await using client = createClient(appSpec("rt_features"));
    const [file] = await client.call(makeFile, ["héllo, file ✓"]);
    expect(file).toBeInstanceOf(GradioFile);
    const f = file as GradioFile;
    expect(f.url.startsWith(`${apiBase("rt_features")}/file=`)).toBe(true);
    expect(f.name).toMatch(/^note-\d+\.txt$/);
    expect(new TextDecoder().decode(await f.bytes())).toBe("héllo, file ✓");
    expect(await f.text()).toBe("héllo, file ✓");
    expect((await f.blob()).size).toBe(new TextEncoder().encode("héllo, file ✓").length);
  });

  it("several files → GradioFile[] in order, each with its own content", async () => {
    await using client = createClient(appSpec("rt_features"));
    const [files] = (await client.call(makeFiles, [4])) as [GradioFile[]];
    expect(files.map((f) => f.name)).toEqual(["part-0.txt", "part-1.csv", "part-2.txt", "part-3.csv"]);
    const texts = await Promise.all(files.map((f) => f.text()));
    expect(texts).toEqual([0, 1, 2, 3].map((i) => `file ${i}\n`.repeat(i + 1)));
  });
});

describe("file inputs", () => {
  it("a local path, bytes and a Blob go up in one upload request", async () => {
    const uploads: string[] = [];
    const fetchSpy: FetchLike = (input, init) => (
      input.includes("/upload") && uploads.push(input), globalThis.fetch(input, init)
    );
    await using client = createClient(appSpec("rt_features"), { fetch: fetchSpy });
    const dir = mkdtempSync(join(tmpdir(), "rt-files-"));
    const path = join(dir, "local.txt");
    writeFileSync(path, "from disk\nsecond line");
    const bytes = new TextEncoder().encode("from bytes");
    const blob = new File(["from a blob"], "blob.md", { type: "text/markdown" });
    const [out] = await client.call(describeFilesSpec, [[path, bytes, blob]]);
    expect(out).toBe("local.txt:21:from disk|file:10:from bytes|blob.md:11:from a blob");
    expect(uploads).toHaveLength(1);
  });

  it("a GradioFile from an earlier result is sent back as-is, without a new upload", async () => {
    const uploads: string[] = [];
    const fetchSpy: FetchLike = (input, init) => (
      input.includes("/upload") && uploads.push(input), globalThis.fetch(input, init)
    );
    await using client = createClient(appSpec("rt_features"), { fetch: fetchSpy });
    const [files] = (await client.call(makeFiles, [2])) as [GradioFile[]];
    const [out] = await client.call(describeFilesSpec, [files]);
    expect(out).toBe("part-0.txt:7:file 0|part-1.csv:14:file 1");
    expect(uploads).toEqual([]);
  });
});
