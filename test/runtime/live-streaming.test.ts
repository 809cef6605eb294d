/**
 * Live: generator endpoints on real Gradio — exact token order and count through call(), the
 * JobStream iterator and `result`, diffs vs `exactPartials` on the server's nested-list bug, and a
 * streaming ChatInterface whose history lives in the session.
 */
import { describe, expect, it } from "vitest";
import { createClient, mapJobStream, type JobEvent } from "../../runtime/src/node.js";
import { appSpec, endpoint, gradioMajor } from "./helpers.js";

const tokens = endpoint("tokens", { params: ["n"], returns: ["out"], streaming: true });
const expectedTokens = (n: number) =>
  Array.from({ length: n }, (_, i) => Array.from({ length: i + 1 }, (_, j) => `t${j}`).join(" "));

describe("streaming generator", () => {
  it("call() resolves with the final value", async () => {
    await using client = createClient(appSpec("rt_features"));
    expect(await client.call(tokens, [25])).toEqual([expectedTokens(25).at(-1)]);
  });

  it("the iterator yields every partial in order, exactly N, then result is the last one", async () => {
    await using client = createClient(appSpec("rt_features"));
    const statuses: JobEvent["type"][] = [];
    const stream = client.stream(tokens, [40], { onStatus: (e) => statuses.push(e.type) });
    const seen: unknown[] = [];
    for await (const [text] of stream) seen.push(text);
    expect(seen).toEqual(expectedTokens(40));
    expect(await stream.result).toEqual([expectedTokens(40).at(-1)]);
    expect(statuses).toContain("started");
  });

  it("mapJobStream maps partials and result; a consumer that reads late loses nothing", async () => {
    await using client = createClient(appSpec("rt_features"));
    const stream = mapJobStream(client.stream(tokens, [30]), ([text]) => String(text).split(" ").length);
    const final = await stream.result; // the whole job is over before iteration starts
    const counts: number[] = [];
    for await (const count of stream) counts.push(count);
    expect(counts).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(final).toBe(30);
  });

  it("several streams of one client interleave on one connection without mixing", async () => {
    await using client = createClient(appSpec("rt_features"));
    const ns = [5, 17, 9, 30, 1];
    const runs = ns.map(async (n) => {
      const seen: unknown[] = [];
      for await (const [text] of client.stream(tokens, [n])) seen.push(text);
      return seen;
    });
    expect(await Promise.all(runs)).toEqual(ns.map(expectedTokens));
  });

  it("a generator that yields nothing completes with a null output", async () => {
    await using client = createClient(appSpec("rt_features"));
    const stream = client.stream(tokens, [0]);
    const seen: unknown[] = [];
    for await (const value of stream) seen.push(value);
    expect(seen).toEqual([]);
    expect(await stream.result).toEqual([null]);
  });
});

describe("diffs (docs/protocol.md §3.2)", () => {
  const nested = endpoint("nested_shrink", { params: [], returns: ["table", "json"], streaming: true });
  const rows = [
    [
      ["a", "b"],
      ["c", "d"],
    ],
    [["a"], ["c"]],
    [["a"], ["c"], ["e"]],
  ];
  const read = async (stream: AsyncIterable<unknown[]>) => {
    const tables: unknown[] = [];
    const jsons: unknown[] = [];
    for await (const [table, json] of stream) {
      tables.push((table as { data: unknown }).data);
      jsons.push(json);
    }
    return { tables, jsons };
  };

  it("default (diffs): the server's nested-list delete bug (5.x/6.x) shows in a Dataframe partial; JSON and the final value are right", async () => {
    await using client = createClient(appSpec("rt_features"));
    const stream = client.stream(nested, []);
    const { tables, jsons } = await read(stream);
    // For the second yield the server sends ["delete",["data",0,1]], ["delete",["data",1,0]]: [["a"],["d"]].
    // Later diffs are computed against the server's true value, so the error persists until the end.
    // Gradio 4.44's diff has no such bug: its partials are exact.
    expect(tables).toEqual(gradioMajor() >= 5 ? [rows[0], [["a"], ["d"]], [["a"], ["d"], ["e"]]] : rows);
    // gr.JSON values are never diffed (whole-value "replace"), so they are exact.
    expect(jsons).toEqual(rows);
    const [table, json] = await stream.result;
    expect([(table as { data: unknown }).data, json]).toEqual([rows[2], rows[2]]);
  });

  it("exactPartials: full values on every yield, all exact", async () => {
    await using client = createClient(appSpec("rt_features"), { exactPartials: true });
    expect(await read(client.stream(nested, []))).toEqual({ tables: rows, jsons: rows });
  });
});

describe("ChatInterface (messages format, history in the session)", () => {
  // Public endpoint `respond` (6.x names it after the function; 4.x/5.x call it `chat`, docs/protocol.md §0):
  // wire inputs [message, State history], outputs [response, State history].
  const respond = endpoint(gradioMajor() >= 6 ? "respond" : "chat", {
    inputs: [0, "state"],
    outputs: [0, "state"],
    params: ["message"],
    returns: ["response"],
    streaming: true,
  });

  it("answers depend on the session's history; a second client starts over", async () => {
    await using alice = createClient(appSpec("rt_chat"));
    await using bob = createClient(appSpec("rt_chat"));
    expect(await alice.call(respond, ["hello"])).toEqual(["turn 1: you said hello"]);
    const partials: unknown[] = [];
    const stream = alice.stream(respond, ["again"]);
    for await (const [text] of stream) partials.push(text);
    expect(await stream.result).toEqual(["turn 2: you said again"]);
    expect(partials.at(-1)).toBe("turn 2: you said again");
    expect(partials.length).toBeGreaterThan(3);
    // Every partial extends the previous one (append diffs applied in order).
    partials.slice(1).forEach((p, i) => expect(String(p).startsWith(String(partials[i]))).toBe(true));
    expect(await bob.call(respond, ["hi"])).toEqual(["turn 1: you said hi"]);
    expect(await alice.call(respond, ["third"])).toEqual(["turn 3: you said third"]);
  });
});
