/**
 * Live: hundreds of concurrent jobs in one client share one queue stream; every result must reach
 * its own caller (demultiplexing by event_id, early-message buffering, close_stream reopen).
 */
import { describe, expect, it } from "vitest";
import { createClient, type FetchLike } from "../../runtime/src/node.js";
import { appSpec, endpoint } from "./helpers.js";

const echo = endpoint("echo");
const tokens = endpoint("tokens", { params: ["n"], returns: ["out"], streaming: true });

describe("concurrency", () => {
  it("500 concurrent calls in one client: every result matched to its caller", { timeout: 180_000 }, async () => {
    let streams = 0;
    const fetchSpy: FetchLike = (input, init) => (
      input.includes("/queue/data") && streams++, globalThis.fetch(input, init)
    );
    await using client = createClient(appSpec("rt_features"), { fetch: fetchSpy });
    const payloads = Array.from({ length: 500 }, (_, i) => `caller-${i}-${"✓".repeat(i % 7)}`);
    const started = performance.now();
    const results = await Promise.all(payloads.map((p) => client.call(echo, [p])));
    const ms = performance.now() - started;
    expect(results).toEqual(payloads.map((p) => [p]));
    // Reported for the record only: timings belong to the benchmarks, the test timeout bounds it.
    process.stderr.write(`[runtime] 500 concurrent calls: ${ms.toFixed(0)} ms, ${streams} queue/data request(s)\n`);
  });

  it("waves of calls (the stream closes and reopens between them) lose nothing", async () => {
    await using client = createClient(appSpec("rt_features"));
    for (let wave = 0; wave < 5; wave++) {
      const payloads = Array.from({ length: 20 }, (_, i) => `w${wave}-${i}`);
      expect(await Promise.all(payloads.map((p) => client.call(echo, [p])))).toEqual(payloads.map((p) => [p]));
    }
  });

  it("calls started one after another as each finishes (close_stream races) all complete", async () => {
    await using client = createClient(appSpec("rt_features"));
    const out: unknown[] = [];
    for (let i = 0; i < 40; i++) out.push((await client.call(echo, [`s${i}`]))[0]);
    expect(out).toEqual(Array.from({ length: 40 }, (_, i) => `s${i}`));
  });

  it("60 streams and 60 calls interleaved", async () => {
    await using client = createClient(appSpec("rt_features"));
    const jobs = Array.from({ length: 120 }, async (_, i) => {
      if (i % 2 === 0) return client.call(echo, [`c${i}`]);
      const n = (i % 9) + 1;
      const parts: unknown[] = [];
      const stream = client.stream(tokens, [n]);
      for await (const [text] of stream) parts.push(text);
      return [parts.length, await stream.result];
    });
    const results = await Promise.all(jobs);
    results.forEach((r, i) => {
      if (i % 2 === 0) expect(r).toEqual([`c${i}`]);
      else {
        const n = (i % 9) + 1;
        expect(r).toEqual([n, [Array.from({ length: n }, (_, j) => `t${j}`).join(" ")]]);
      }
    });
  });
});
