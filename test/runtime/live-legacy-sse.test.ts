/**
 * Live, Gradio 4.8 only (project gradio-4.8): the per-job `sse` queue protocol of Gradio 4.0–4.8
 * (docs/protocol.md §3.3) through the runtime's legacySse feature — results, app errors,
 * generators, State, concurrency, QUEUE_FULL, abort (closing the job's stream stops the job on the
 * server) and a Node process that exits by itself. The universal entry is used: its createClient
 * has every feature, legacySse included.
 */
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { beforeAll, describe, expect, inject, it } from "vitest";
import {
  createAppClient,
  createClient,
  GradioError,
  type AppSpec,
  type FetchLike,
  type JobEvent,
} from "../../runtime/src/index.js";
import { appSpec, appUrl, endpoint, sleep, uniqueToken } from "./helpers.js";
import { runUntilExit, waitForIterations } from "./live-support.js";

const legacy = (name = "rt_legacy_sse"): AppSpec => appSpec(name, { protocol: "sse", apiPrefix: "" });

const echo = endpoint("echo");
const appError = endpoint("app_error");
const crash = endpoint("crash");
const tokens = endpoint("tokens", { params: ["n"], streaming: true });
const counter = endpoint("counter", { inputs: ["state"], outputs: [0, "state"], params: [], returns: ["count"] });
const slow = endpoint("slow", { params: ["token", "steps"], returns: ["count"] });
const slowGen = endpoint("slow_gen", { params: ["token", "steps"], returns: ["count"], streaming: true });
const slowOne = endpoint("slow_one", { params: ["token", "steps"], returns: ["count"] });
const iterations = endpoint("iterations", { params: ["token"], returns: ["count"] });
const lookalike = endpoint("lookalike", { params: [], returns: ["json"], streaming: true });
const hold = endpoint("hold", { params: ["seconds"], returns: ["out"] });

/** Rejection of `promise` (fails the test if it resolves). */
async function rejection(promise: Promise<unknown>): Promise<GradioError> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!("error" in outcome)) throw new Error(`expected a rejection, got ${JSON.stringify(outcome.value)}`);
  expect(outcome.error).toBeInstanceOf(GradioError);
  return outcome.error as GradioError;
}

describe("Gradio 4.0–4.8 queue protocol sse (legacySse)", () => {
  it("the harness serves a 4.0–4.8 app: /config says protocol sse, no api_prefix", async () => {
    const config = (await (await fetch(`${appUrl("rt_legacy_sse")}/config`)).json()) as Record<string, unknown>;
    expect([config["version"], config["protocol"], config["api_prefix"]]).toEqual([
      inject("gradioVersion"),
      "sse",
      undefined,
    ]);
  });

  it("a call: GET /queue/join (the job's stream), POST /queue/data with the send_data event_id, result, status events", async () => {
    const requests: string[] = [];
    const bodies: unknown[] = [];
    const spy: FetchLike = (input, init) => {
      requests.push(`${init?.method ?? "GET"} ${input.replace(appUrl("rt_legacy_sse"), "")}`);
      if (typeof init?.body === "string") bodies.push(JSON.parse(init.body));
      return globalThis.fetch(input, init);
    };
    await using client = createClient(legacy(), { fetch: spy });
    const events: JobEvent["type"][] = [];
    expect(await client.call(echo, ["héllo ✓"], { onStatus: (e) => events.push(e.type) })).toEqual(["héllo ✓"]);
    // /config once: the endpoint's fn_index is looked up by name.
    expect(requests).toEqual([
      "GET /config",
      `GET /queue/join?fn_index=0&session_hash=${client.sessionHash}`,
      "POST /queue/data",
    ]);
    expect(bodies).toEqual([
      {
        data: ["héllo ✓"],
        fn_index: 0,
        session_hash: client.sessionHash,
        event_id: expect.stringMatching(/^[0-9a-f]{32}$/),
        event_data: null,
      },
    ]);
    expect([events[0], events.at(-1)]).toEqual(["queued", "started"]);
  });

  it("gr.Error → APP_ERROR with the app's message (4.x sends repr(message): the quotes are undone); other exceptions keep their text", async () => {
    await using client = createClient(legacy());
    const error = await rejection(client.call(appError, ['it\'s "bad"']));
    expect(error).toMatchObject({ code: "APP_ERROR", appMessage: `Custom message: it's "bad"` });
    const other = await rejection(client.call(crash, ["x"]));
    expect(other).toMatchObject({ code: "APP_ERROR", appMessage: "secret detail x" });
  });

  it("a generator: partial results in order, then the final value", async () => {
    await using client = createClient(legacy());
    const stream = client.stream(tokens, [5]);
    const seen: unknown[] = [];
    for await (const [text] of stream) seen.push(text);
    expect(seen).toEqual(["t0", "t0 t1", "t0 t1 t2", "t0 t1 t2 t3", "t0 t1 t2 t3 t4"]);
    expect(await stream.result).toEqual(["t0 t1 t2 t3 t4"]);
    expect(await client.call(tokens, [3])).toEqual(["t0 t1 t2"]);
  });

  it("gr.State: kept across the calls of one client, isolated between two clients", async () => {
    await using a = createClient(legacy());
    await using b = createClient(legacy());
    expect(await a.call(counter, [])).toEqual([1]);
    expect(await a.call(counter, [])).toEqual([2]);
    expect(await b.call(counter, [])).toEqual([1]);
    expect(await a.call(counter, [])).toEqual([3]);
  });

  it("20 concurrent calls of one client, each result matched to its caller", async () => {
    await using client = createClient(legacy());
    const inputs = Array.from({ length: 20 }, (_, i) => `value-${i}-${"x".repeat(i)}`);
    const results = await Promise.all(inputs.map((text) => client.call(echo, [text])));
    expect(results).toEqual(inputs.map((text) => [text]));
  });

  it("queue max_size reached: the server's queue_full message → QUEUE_FULL, the other calls complete", async () => {
    await using client = createClient(legacy("rt_queue_full"));
    const outcomes = await Promise.allSettled(Array.from({ length: 6 }, () => client.call(hold, [0.5])));
    const refused = outcomes.filter((o) => o.status === "rejected");
    expect(refused.length).toBeGreaterThan(0);
    for (const o of refused) expect(o.reason).toMatchObject({ code: "QUEUE_FULL" });
    for (const o of outcomes) if (o.status === "fulfilled") expect(o.value).toEqual([0.5]);
  });

  describe("abort", () => {
    it("a running generator: ABORTED at once, and the server stops it (the stream is closed)", async () => {
      await using client = createClient(legacy());
      await using observer = createClient(legacy());
      const token = uniqueToken("legacy-gen");
      const controller = new AbortController();
      const call = client.call(slowGen, [token, 100], { signal: controller.signal });
      await waitForIterations(observer, iterations, token, 3);
      controller.abort();
      expect(await rejection(call)).toMatchObject({ code: "ABORTED" });
      await sleep(400);
      const [first] = await observer.call(iterations, [token]);
      await sleep(600); // 6 more iterations would run if the generator were still going
      const [second] = await observer.call(iterations, [token]);
      expect(second).toBe(first);
      expect(first).toBeLessThan(10);
    });

    it("a queued job: ABORTED, and it never runs (closing the stream removes it from the queue)", async () => {
      await using client = createClient(legacy());
      const busy = uniqueToken("legacy-busy");
      const queued = uniqueToken("legacy-queued");
      const first = client.call(slowOne, [busy, 8]);
      const controller = new AbortController();
      let position: number | null = null;
      const second = client.call(slowOne, [queued, 1], {
        signal: controller.signal,
        onStatus: (e) => (e.type === "queued" ? (position = e.position) : undefined),
      });
      for (let i = 0; i < 100 && position === null; i++) await sleep(20);
      expect(position).not.toBeNull();
      controller.abort();
      expect(await rejection(second)).toMatchObject({ code: "ABORTED" });
      expect(await first).toEqual([8]);
      await sleep(300);
      expect(await client.call(iterations, [queued])).toEqual([-1]);
    });

    it("timeout on a plain function: TIMEOUT at once; the function itself runs to its end (4.0–4.8 cannot stop it)", async () => {
      // That the stream is released is what the process-exit scenario "timeout" checks.
      await using client = createClient(legacy());
      const token = uniqueToken("legacy-timeout");
      const startedAt = performance.now();
      expect(await rejection(client.call(slow, [token, 5], { timeout: 200 }))).toMatchObject({ code: "TIMEOUT" });
      expect(performance.now() - startedAt).toBeLessThan(1000);
      await sleep(800);
      expect(await client.call(iterations, [token])).toEqual([5]);
    });

    it("a stream's cancel(): iteration ends with ABORTED", async () => {
      await using client = createClient(legacy());
      const stream = client.stream(slowGen, [uniqueToken("legacy-cancel"), 100]);
      let n = 0;
      const error = await rejection(
        (async () => {
          for await (const _ of stream) if (++n === 2) await stream.cancel();
        })(),
      );
      expect([error.code, n]).toEqual(["ABORTED", 2]);
    });
  });

  describe("transport failures", () => {
    it("POST /queue/data refused → HttpError with its status", async () => {
      const refuse: FetchLike = (input, init) =>
        input.endsWith("/queue/data")
          ? Promise.resolve(new Response("nope", { status: 500 }))
          : globalThis.fetch(input, init);
      await using client = createClient(legacy(), { fetch: refuse });
      expect(await rejection(client.call(echo, ["x"]))).toMatchObject({ code: "HTTP", status: 500 });
    });

    it("the stream ends before process_completed → NETWORK", async () => {
      // Passes the first chunk of the job's stream (estimation, send_data), then ends it.
      const truncate: FetchLike = async (input, init) => {
        const response = await globalThis.fetch(input, init);
        if (!input.includes("/queue/join") || !response.body) return response;
        const reader = response.body.getReader();
        const first = await reader.read();
        await reader.cancel();
        return new Response(first.value ?? new Uint8Array(), {
          status: 200,
          headers: { "content-type": "text/event-stream" },
        });
      };
      await using client = createClient(legacy(), { fetch: truncate });
      const error = await rejection(client.call(echo, ["x"]));
      expect([error.code, error.message]).toEqual([
        "NETWORK",
        expect.stringContaining("ended before the job completed"),
      ]);
    });

    it("nothing listening → NETWORK", async () => {
      await using client = createClient({ ...legacy(), baseUrl: "http://127.0.0.1:9/nothing" });
      expect(await rejection(client.call({ ...echo, fnIndex: 0 }, ["x"]))).toMatchObject({ code: "NETWORK" });
    });
  });

  it("a client created without legacySse → UNSUPPORTED, naming what is missing", async () => {
    await using client = createAppClient(legacy(), {}, {});
    const error = await rejection(client.call(echo, ["x"]));
    expect(error.code).toBe("UNSUPPORTED");
    expect(error.message).toContain("Gradio 4.0–4.8");
  });

  it("partials are full values on 4.0–4.8 (no diffs): values that look like edit lists stay as they are", async () => {
    await using client = createClient(legacy());
    const seen: unknown[] = [];
    for await (const [value] of client.stream(lookalike, [])) seen.push(value);
    expect(seen).toEqual([[["replace", [], "first"]], [["append", [], "second"]]]);
  });

  it("close() fails a pending call with ABORTED and ends its stream", async () => {
    const client = createClient(legacy());
    const call = client.call(slow, [uniqueToken("legacy-close"), 15]);
    await sleep(300);
    await client.close();
    const outcome = await Promise.race([
      call.then(
        () => "resolved",
        (e: unknown) => (e instanceof GradioError ? e.code : "other"),
      ),
      sleep(1000).then(() => "pending"),
    ]);
    expect(outcome).toBe("ABORTED");
  });
});

describe("process exit (Gradio 4.8)", () => {
  const ROOT = resolve(import.meta.dirname, "..", "..");
  const BUNDLE = join(ROOT, "test", ".work", "runtime", `legacy-exit-${process.pid}`, "index.js");

  // The runtime's sources bundled by esbuild (well under a second; tsc takes 10–20 s here), so the
  // test never runs a stale runtime/dist.
  beforeAll(async () => {
    await build({
      entryPoints: [join(ROOT, "runtime", "src", "index.ts")],
      bundle: true,
      format: "esm",
      platform: "node",
      outfile: BUNDLE,
      logLevel: "warning",
    });
  }, 60_000);

  // Runs in a fresh node process: argv = runtime index.js URL, app base URL, scenario. Prints READY when done.
  const SCRIPT = `
    const [runtimeUrl, base, scenario] = process.argv.slice(1);
    const { createClient } = await import(runtimeUrl);
    const app = { source: base, baseUrl: base, spaceId: null, gradioVersion: null, protocol: "sse", apiPrefix: "", connectHeartbeat: false, maxFileSize: null };
    const ep = (apiName, params, streaming = false) => ({ apiName, fnIndex: null, inputs: params.map((_, i) => i), outputs: [0], params: params.map((name) => ({ name })), returns: [{ name: "out" }], streaming });
    const client = createClient(app);
    const token = "exit-" + process.pid;
    if (scenario === "calls") {
      await client.call(ep("echo", ["text"]), ["x"]);
      for await (const _ of client.stream(ep("tokens", ["n"], true), [3]));
    } else if (scenario === "timeout") {
      const error = await client.call(ep("slow", ["token", "steps"]), [token, 30], { timeout: 300 }).catch((e) => e);
      if (error.code !== "TIMEOUT") throw new Error("expected TIMEOUT, got " + error);
    } else if (scenario === "cancelled-stream") {
      const stream = client.stream(ep("slow_gen", ["token", "steps"], true), [token, 100]);
      let n = 0;
      const error = await (async () => { for await (const _ of stream) if (++n === 2) await stream.cancel(); })().catch((e) => e);
      if (error.code !== "ABORTED") throw new Error("expected ABORTED, got " + error);
    }
    process.stdout.write("READY\\n");
  `;

  const runScenario = (scenario: string) =>
    runUntilExit(
      ["--input-type=module", "-e", SCRIPT, pathToFileURL(BUNDLE).href, appUrl("rt_legacy_sse"), scenario],
      scenario,
    );

  for (const scenario of ["calls", "timeout", "cancelled-stream"]) {
    it(`${scenario}: the process exits by itself within 2 s, without close()`, async () => {
      const { code, afterReadyMs, stderr } = await runScenario(scenario);
      expect(stderr).toBe("");
      expect(code).toBe(0);
      expect(afterReadyMs).toBeLessThan(2000);
    });
  }
});
