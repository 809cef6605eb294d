/**
 * Live, with faults injected between the runtime and a real Gradio server: a malformed SSE line
 * (attributable to one job, or to none), a connection dropped mid-stream, HTML where JSON was
 * expected, and the server process killed mid-job. Each ends in a typed error within the
 * timeout, no hang, no unhandled rejection, and nothing lost for unrelated jobs.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startApps, type AppHost } from "../harness/app-host.js";
import { createClient, GradioError, type FetchLike } from "../../runtime/src/node.js";
import { apiPrefix, appSpec, endpoint, uniqueToken } from "./helpers.js";
import { expectNoUnhandledRejections } from "./live-support.js";

const echo = endpoint("echo");
const slow = endpoint("slow", { params: ["token", "steps"], returns: ["count"] });
const isQueueData = (url: string) => url.includes(`${apiPrefix()}/queue/data`);

/** Rewrites each SSE line of the queue stream through `edit` (null drops the line). */
function rewriteLines(response: Response, edit: (line: string) => string | null): Response {
  let pending = "";
  const lines = new TransformStream<string, string>({
    transform(chunk, controller) {
      const parts = (pending + chunk).split("\n");
      pending = parts.pop() ?? "";
      for (const line of parts) {
        const out = edit(line);
        if (out !== null) controller.enqueue(`${out}\n`);
      }
    },
    flush(controller) {
      if (pending) controller.enqueue(pending);
    },
  });
  const body = response.body
    ?.pipeThrough(new TextDecoderStream())
    .pipeThrough(lines)
    .pipeThrough(new TextEncoderStream());
  return new Response(body, { status: response.status, headers: response.headers });
}

expectNoUnhandledRejections();

describe("malformed SSE lines", () => {
  it("a broken message that names its event_id fails that job only", async () => {
    const fetchSpy: FetchLike = async (input, init) => {
      const response = await globalThis.fetch(input, init);
      if (!isQueueData(input)) return response;
      // Break the completion of the victim's job; its event_id stays readable.
      return rewriteLines(response, (line) =>
        line.includes('"victim"') && line.includes("process_completed")
          ? line.replace('"output":{', '"output":{{')
          : line,
      );
    };
    await using client = createClient(appSpec("rt_features"), { fetch: fetchSpy });
    const victim = client.call(echo, ["victim"], { timeout: 10_000 }).catch((e: unknown) => e);
    const others = Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => client.call(echo, [`other-${i}`], { timeout: 10_000 })),
    );
    const error = await victim;
    expect(error).toBeInstanceOf(GradioError);
    expect(error).toMatchObject({ code: "PROTOCOL" });
    expect((error as Error).message).toMatch(/malformed message/);
    expect(await others).toEqual(
      Array.from({ length: 20 }, (_, i) => ({ status: "fulfilled", value: [`other-${i}`] })),
    );
  });

  it("an unattributable broken line fails nobody", async () => {
    const fetchSpy: FetchLike = async (input, init) => {
      const response = await globalThis.fetch(input, init);
      if (!isQueueData(input)) return response;
      let injected = false;
      return rewriteLines(response, (line) =>
        !injected && line.startsWith("data:") ? ((injected = true), `data: {this is not json\n\n${line}`) : line,
      );
    };
    await using client = createClient(appSpec("rt_features"), { fetch: fetchSpy });
    const payloads = Array.from({ length: 10 }, (_, i) => `p${i}`);
    expect(await Promise.all(payloads.map((p) => client.call(echo, [p], { timeout: 10_000 })))).toEqual(
      payloads.map((p) => [p]),
    );
  });
});

describe("broken connections", () => {
  it("the stream dropped mid-job → every pending job fails with NETWORK at once; the client recovers", async () => {
    let drop = true;
    const fetchSpy: FetchLike = async (input, init) => {
      const response = await globalThis.fetch(input, init);
      if (!isQueueData(input) || !drop || !response.body) return response;
      drop = false;
      const reader = response.body.getReader();
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const { done, value } = await reader.read();
          if (done) return controller.close();
          controller.enqueue(value);
          if (new TextDecoder().decode(value).includes("process_starts")) {
            await reader.cancel(); // really disconnect from the server
            controller.error(new TypeError("terminated"));
          }
        },
      });
      return new Response(body, { status: response.status, headers: response.headers });
    };
    await using client = createClient(appSpec("rt_features"), { fetch: fetchSpy });
    const started = performance.now();
    const results = await Promise.allSettled([
      client.call(slow, [uniqueToken("drop"), 50]),
      client.call(slow, [uniqueToken("drop"), 50]),
    ]);
    expect(performance.now() - started).toBeLessThan(3000);
    // A job registered on the cut stream fails with NETWORK. A job whose join answer came back
    // after the cut finds its session deleted by the server's disconnect handler (clean_events +
    // session queue removed): its new stream says session_not_found → PROTOCOL.
    const reasons = results.map((r) => (r.status === "rejected" ? (r.reason as GradioError) : null));
    expect(reasons.every((e) => e instanceof GradioError)).toBe(true);
    expect(reasons.some((e) => e?.code === "NETWORK")).toBe(true);
    for (const e of reasons) {
      if (e?.code === "NETWORK") expect(e.message).toMatch(/queue\/data.*connection broke mid-stream: terminated/);
      else expect(e?.message).toMatch(/lost this session/);
    }
    expect(await client.call(echo, ["after"])).toEqual(["after"]);
  });

  it("HTML where JSON was expected → PROTOCOL error naming the URL", async () => {
    const fetchSpy: FetchLike = async (input, init) =>
      input.endsWith("/config")
        ? new Response("<!doctype html><html><body>Login</body></html>", {
            status: 200,
            headers: { "content-type": "text/html" },
          })
        : globalThis.fetch(input, init);
    await using client = createClient(appSpec("rt_features", { apiPrefix: null }), { fetch: fetchSpy });
    const error = (await client.call(echo, ["x"]).catch((e: unknown) => e)) as GradioError;
    expect(error.code).toBe("PROTOCOL");
    expect(error.message).toMatch(/GET http:.*\/config: expected JSON, got HTML/);
  });
});

describe("server killed mid-job", () => {
  let host: AppHost;
  beforeAll(async () => {
    host = await startApps({ python: inject("python"), apps: ["rt_features"] });
  });
  afterAll(async () => host.stop());

  it("a typed error within seconds, then NETWORK for new calls", async () => {
    const url = host.url("rt_features");
    await using client = createClient(appSpec("rt_features", { baseUrl: url, source: url }));
    await using observer = createClient(appSpec("rt_features", { baseUrl: url, source: url }));
    const token = uniqueToken("killed");
    const call = client.call(slow, [token, 200]).catch((e: unknown) => e);
    for (let i = 0; i < 100 && ((await observer.call(endpoint("iterations"), [token]))[0] as number) < 2; i++)
      await new Promise((r) => setTimeout(r, 50));
    const killedAt = performance.now();
    await host.stop();
    const error = (await call) as GradioError;
    const ms = performance.now() - killedAt;
    expect(error).toBeInstanceOf(GradioError);
    expect(["NETWORK", "PROTOCOL"]).toContain(error.code);
    expect(ms).toBeLessThan(10_000);
    process.stderr.write(
      `[runtime] server killed mid-job: ${error.code} after ${ms.toFixed(0)} ms (${error.message.slice(0, 100)})\n`,
    );
    await expect(client.call(echo, ["x"])).rejects.toMatchObject({ code: "NETWORK" });
  });
});
