/**
 * Live: how many TCP connections a Node client opens. Over a real link every new connection costs
 * a handshake round trip (and TLS), so the first call must carry its requests on one connection —
 * with the platform fetch too, where the queue stream used to take a second one (Node's fetch
 * pools a connection only one I/O turn after its answer was read) — and later calls reuse the
 * pooled keep-alive connections of the Node transport. A plain TCP relay in front of the real app counts
 * the connections; it imitates nothing and passes every byte unchanged.
 */
import { createServer, connect as connectTcp, type AddressInfo, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createClient } from "../../runtime/src/node.js";
import { appSpec, appUrl, endpoint } from "./helpers.js";

const counter = endpoint("counter", { inputs: ["state"], outputs: [0, "state"], params: [], returns: ["count"] });
let relay: Server;
let relayOrigin = "";
let accepted = 0;
const sockets = new Set<Socket>();

beforeAll(async () => {
  const upstream = new URL(appUrl("rt_features"));
  relay = createServer((client) => {
    accepted++;
    const remote = connectTcp({ host: upstream.hostname, port: Number(upstream.port) });
    for (const s of [client, remote]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => (client.destroy(), remote.destroy()));
    }
    client.pipe(remote).pipe(client);
  });
  await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
  relayOrigin = `http://127.0.0.1:${(relay.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => relay.close(() => resolve()));
});

const throughRelay = (options: Parameters<typeof createClient>[1] = {}) => {
  const path = new URL(appUrl("rt_features")).pathname.replace(/\/$/, "");
  return createClient(appSpec("rt_features", { baseUrl: `${relayOrigin}${path}` }), options);
};

it("the first call of a fresh client carries /config, the join and the queue stream on one connection", async () => {
  const before = accepted;
  await using client = throughRelay();
  expect(await client.call(counter, [])).toEqual([1]);
  expect(accepted - before).toBe(1);
});

it("on the platform fetch (injected), the join and the queue stream share one connection", async () => {
  // fn_index baked in, as a generated module has it: no /config read (after which Node's fetch
  // pools the connection late too, so the join would still take a second one).
  const config = (await (await fetch(`${appUrl("rt_features")}/config`)).json()) as {
    dependencies: { id: number; api_name: string | null }[];
  };
  const fnIndex = config.dependencies.find((d) => d.api_name === "counter")?.id ?? null;
  expect(fnIndex).not.toBeNull();
  const before = accepted;
  await using client = throughRelay({ fetch: (input, init) => globalThis.fetch(input, init) });
  expect(await client.call({ ...counter, fnIndex }, [])).toEqual([1]);
  expect(accepted - before).toBe(1);
});

it("sequential calls reuse the pooled connections instead of opening new ones", async () => {
  await using client = throughRelay();
  await client.call(counter, []);
  const before = accepted;
  for (let i = 2; i <= 6; i++) expect(await client.call(counter, [])).toEqual([i]);
  // 10 requests; without keep-alive 10 connections. One new one is allowed: a call resolves on its
  // result message, and on a loaded machine the next call's stream can start before the previous
  // response has ended, while its connection is still busy.
  expect(accepted - before).toBeLessThanOrEqual(1);
});
