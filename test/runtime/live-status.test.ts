/**
 * Live: queue and progress events through onStatus — estimation/process_starts, gr.Progress units,
 * gr.Info and gr.Warning as log events, in the order the server sent them.
 */
import { describe, expect, it } from "vitest";
import { createClient, type JobEvent } from "../../runtime/src/node.js";
import { appSpec, endpoint, gradioMajor } from "./helpers.js";

describe("status events", () => {
  it("progress units, Info and Warning arrive in order, before the result", async () => {
    await using client = createClient(appSpec("rt_features"));
    const events: JobEvent[] = [];
    let resultSeenWith = -1;
    const result = await client
      .call(endpoint("progress_job", { params: ["steps"], returns: ["out"] }), [6], { onStatus: (e) => events.push(e) })
      .then((r) => ((resultSeenWith = events.length), r));
    expect(result).toEqual(["did 6 steps"]);
    expect(resultSeenWith).toBe(events.length);

    const types = events.map((e) => e.type);
    expect(types[0]).toBe("queued");
    expect(types.indexOf("started")).toBeGreaterThan(-1);
    const logs = events.filter((e): e is Extract<JobEvent, { type: "log" }> => e.type === "log");
    // Log titles came with 5.0; 4.x sends none.
    const titled = gradioMajor() >= 5;
    expect(logs.map(({ level, message, title }) => ({ level, message, title }))).toEqual([
      { level: "info", message: "starting", title: titled ? "Info" : null },
      { level: "warning", message: "almost done", title: titled ? "Warning" : null },
    ]);
    const progress = events.filter((e): e is Extract<JobEvent, { type: "progress" }> => e.type === "progress");
    expect(progress.length).toBeGreaterThan(0);
    for (const p of progress) expect(p.units[0]).toMatchObject({ unit: "steps", length: 6, desc: "Working" });
    const indices = progress.map((p) => p.units[0]?.index ?? -1);
    expect(indices).toEqual([...indices].sort((a, b) => a - b)); // never goes backwards
    // Info is sent at once, before the first progress update. (Progress is coalesced and flushed
    // by a periodic task, so the last progress update may arrive after the Warning: not asserted.)
    expect(types.indexOf("log")).toBeLessThan(types.indexOf("progress"));
  });

  it("a queued job reports its position while another holds the only worker", async () => {
    // rt_features' own single-worker endpoint: rt_queue_full is kept full by another test file.
    await using client = createClient(appSpec("rt_features"));
    const hold = endpoint("hold", { params: ["seconds"], returns: ["out"] });
    const events: JobEvent[] = [];
    const first = client.call(hold, [0.6]);
    await new Promise((r) => setTimeout(r, 150));
    const second = client.call(hold, [0.1], { onStatus: (e) => events.push(e) });
    expect(await Promise.all([first, second])).toEqual([[0.6], [0.1]]);
    const queued = events.filter((e): e is Extract<JobEvent, { type: "queued" }> => e.type === "queued");
    expect(queued[0]?.position).toBe(0); // rank is 0-based: first in line behind the running job
    expect(events.at(-1)?.type).toBe("started");
  });
});
