/**
 * Live (Node entry): cookies the app's origin sets — here a load balancer's sticky-session cookie,
 * added by a pass-through proxy in front of a real Gradio app — go back with every later request
 * of the same client (join, stream, node:http upload, file download), each client has its own.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createClient, type GradioFile } from "../../runtime/src/node.js";
import { appSpec, appUrl, endpoint } from "./helpers.js";
import { recordingProxy } from "./live-support.js";

const echo = endpoint("echo");
const makeFile = endpoint("make_file", { returns: [{ name: "file", files: [[]] }] });
const describeFiles = {
  ...endpoint("describe_files", { params: ["files"] }),
  params: [{ name: "files", files: [["*"]] }],
};

describe("cookies of the app's origin (Node)", () => {
  it("a sticky-session cookie set on the first answer rides on every later request of the client, uploads and downloads included", async () => {
    const proxy = await recordingProxy(appUrl("rt_features"), null, { "set-cookie": "lb=replica-1; Path=/; HttpOnly" });
    const dir = mkdtempSync(join(tmpdir(), "rt-cookies-"));
    writeFileSync(join(dir, "a.txt"), "sticky");
    await using client = createClient(appSpec("rt_features", { baseUrl: proxy.base, source: proxy.base }));
    expect(await client.call(echo, ["one"])).toEqual(["one"]);
    expect(await client.call(describeFiles, [[join(dir, "a.txt")]])).toEqual(["a.txt:6:sticky"]);
    const [file] = (await client.call(makeFile, ["downloaded"])) as [GradioFile];
    expect(await file.text()).toBe("downloaded");
    const [first, ...later] = proxy.seen;
    expect(first?.headers.cookie).toBeUndefined();
    expect(later.length).toBeGreaterThanOrEqual(6);
    // Each request with its path, so a miss names the request that lacked the cookie.
    const path = (r: { path: string }) => r.path.split("?")[0];
    expect(later.map((r) => `${path(r)} ${r.headers.cookie}`)).toEqual(later.map((r) => `${path(r)} lb=replica-1`));
    expect(later.some((r) => r.path.includes("/upload"))).toBe(true);
    expect(later.some((r) => r.path.includes("/file="))).toBe(true);
  });

  it("each client keeps its own jar: a new client starts without the cookie", async () => {
    const proxy = await recordingProxy(appUrl("rt_features"), null, { "set-cookie": "lb=replica-2; Path=/" });
    await using a = createClient(appSpec("rt_features", { baseUrl: proxy.base, source: proxy.base }));
    await a.call(echo, ["a"]);
    const seenByA = proxy.seen.length;
    await using b = createClient(appSpec("rt_features", { baseUrl: proxy.base, source: proxy.base }));
    await b.call(echo, ["b"]);
    expect(proxy.seen[seenByA]?.headers.cookie).toBeUndefined();
  });
});
