/**
 * The queue stream against servers that misbehave (issue 10 items 6, 7, 9, 11, 15): memory for
 * event ids that never register is capped in characters, a stream that closes after one heartbeat
 * is reopened with backoff a bounded number of times, a stream the server keeps alive after a
 * cancel is dropped once no job needs it, an oversized SSE message fails with the limit's name, and
 * a relative streaming file url is resolved (an invalid one is a typed error).
 */
import { describe, expect, it } from "vitest";
import { GradioError, GradioFile } from "../../runtime/src/index.js";
import { createClient } from "../../runtime/src/node.js";
import { createQueueStream } from "../../runtime/src/session/queue-stream.js";
import { DEFAULT_LIMITS } from "../../runtime/src/limits.js";
import type { JobSink } from "../../runtime/src/session/job.js";
import { completed, faultApp, faultServer, predict, sse } from "./fault-server.js";

const KiB = 1024;
const padding = (n: number) => "x".repeat(n);

/** A sink that records what reaches it. */
function recordingSink() {
  const messages: unknown[] = [];
  let failure: Error | null = null;
  const sink: JobSink = { message: (m) => (messages.push(m), false), fail: (e) => void (failure = e) };
  return { sink, messages, failure: () => failure };
}

const http = (url: string) => ({
  fetch: (input: string, init?: RequestInit) => globalThis.fetch(input, init),
  trustedOrigins: new Set([url]),
  privateHeaders: {},
});

describe("messages for event ids that never register (a flooding server)", () => {
  it("holds at most limits.maxBufferedBytes characters, and a job whose early messages were dropped fails with LIMIT_EXCEEDED", async () => {
    const cap = 256 * KiB;
    let flooded!: () => void;
    const done = new Promise<void>((r) => (flooded = r));
    // Stands for a buggy or hostile server streaming megabytes for ids this client never joined.
    const server = await faultServer({
      "/queue/data": (_req, res) => {
        const send = sse(res);
        for (let i = 0; i < 200; i++)
          send({ msg: "process_generating", event_id: `UNKNOWN-${i % 50}`, output: { data: [padding(16 * KiB)] } });
        send({ msg: "estimation", event_id: "real", rank: 0 });
        flooded();
      },
    });
    const queue = createQueueStream(http(server.url), `${server.url}/queue/data`, {
      ...DEFAULT_LIMITS,
      maxBufferedBytes: cap,
    });
    const real = recordingSink();
    queue.register("real", real.sink);
    await done;
    await expect.poll(() => real.messages.length).toBe(1);
    // 200 × 16 KiB ≈ 3.2 MB arrived for nobody; what is held stays under the cap.
    expect(queue.bufferedChars).toBeGreaterThan(0);
    expect(queue.bufferedChars).toBeLessThanOrEqual(cap);
    const late = recordingSink();
    queue.register("UNKNOWN-0", late.sink);
    expect(late.failure()).toBeInstanceOf(GradioError);
    expect((late.failure() as GradioError).code).toBe("LIMIT_EXCEEDED");
    expect(late.failure()?.message).toContain("maxBufferedBytes");
    queue.close(new GradioError("ABORTED", "test over"));
  });
});

describe("a stream that sends one heartbeat and closes (a buggy proxy)", () => {
  it("is reopened with backoff limits.maxStreamReopens times, then the call fails with PROTOCOL", async () => {
    const server = await faultServer({ "/queue/data": (_req, res) => (sse(res)({ msg: "heartbeat" }), res.end()) });
    const client = createClient(faultApp(server.url), { limits: { maxStreamReopens: 3 } });
    try {
      const error = await client.call(predict(), ["hi"]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GradioError);
      expect((error as GradioError).code).toBe("PROTOCOL");
      expect((error as GradioError).message).toContain("maxStreamReopens");
      expect(server.count("/queue/data")).toBe(3);
    } finally {
      await client.close();
    }
  });
});

describe("a server that ignores the cancel and keeps the stream alive (a hung worker)", () => {
  it("has its stream dropped by the client once no job needs it", async () => {
    const controller = new AbortController();
    const server = await faultServer({
      "/queue/data": (_req, res) => {
        const send = sse(res);
        const beat = setInterval(() => send({ msg: "heartbeat" }), 100);
        res.on("close", () => clearInterval(beat));
        // The caller gives up once the job's stream is open.
        send({ msg: "estimation", event_id: "job-0", rank: 0, queue_size: 1 });
      },
    });
    const client = createClient(faultApp(server.url));
    try {
      const onStatus = () => controller.abort();
      const error = await client
        .call(predict(), ["hi"], { signal: controller.signal, onStatus })
        .catch((e: unknown) => e);
      expect((error as GradioError).code).toBe("ABORTED");
      const stream = server.seen.find((s) => s.path.startsWith("/queue/data"));
      // Bounded wait for the client to hang up (it drops an unneeded stream after a 2 s grace).
      const hungUp = await Promise.race([
        stream?.closedByClient.then(() => true),
        new Promise((r) => setTimeout(() => r(false), 10_000)),
      ]);
      expect(hungUp).toBe(true);
      expect(server.count("/cancel")).toBe(1);
    } finally {
      await client.close();
    }
  });
});

describe("an SSE message larger than limits.maxMessageBytes (a flood in one line)", () => {
  it("fails the call with LIMIT_EXCEEDED naming the limit, for a line without end and for one huge event", async () => {
    const server = await faultServer({
      "/queue/data": (_req, res) => {
        res.writeHead(200, { "content-type": "text/event-stream" });
        // Half a megabyte per write, never a line end: a server that streams one endless line.
        const chunk = padding(512 * KiB);
        const more = () => {
          while (!res.destroyed && res.write(chunk));
          if (!res.destroyed) res.once("drain", more);
        };
        res.write("data: ");
        more();
      },
    });
    const client = createClient(faultApp(server.url), { limits: { maxMessageBytes: 1024 * KiB } });
    try {
      const error = await client.call(predict(), ["hi"]).catch((e: unknown) => e);
      expect((error as GradioError).code).toBe("LIMIT_EXCEEDED");
      expect((error as GradioError).message).toContain("limits.maxMessageBytes");
    } finally {
      await client.close();
    }
  });
});

describe("a streaming file output with a relative url (a proxy rewriting URLs)", () => {
  it("resolves it on the app's API, and an invalid url is a typed PROTOCOL error", async () => {
    const file = (url: string) => ({ path: "/tmp/x.m3u8", url, is_stream: true, meta: { _type: "gradio.FileData" } });
    const server = await faultServer({
      "/queue/data": (_req, res) => {
        const send = sse(res);
        send(completed("job-0", [file("stream/abc/playlist.m3u8")]));
        send(completed("job-1", [file("http://")]));
        res.end();
      },
    });
    const client = createClient(faultApp(server.url));
    try {
      // Which call gets job-0 depends on which join arrives first.
      const settled = await Promise.allSettled([client.call(predict(true), ["a"]), client.call(predict(true), ["b"])]);
      const files = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value[0]] : []));
      const errors = settled.flatMap((s) => (s.status === "rejected" ? [s.reason as unknown] : []));
      expect(files).toHaveLength(1);
      expect(files[0]).toBeInstanceOf(GradioFile);
      expect((files[0] as GradioFile).url).toBe(`${server.url}/stream/abc/playlist.m3u8`);
      expect(errors[0]).toBeInstanceOf(GradioError);
      expect((errors[0] as GradioError).code).toBe("PROTOCOL");
    } finally {
      await client.close();
    }
  });
});
