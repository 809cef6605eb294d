// Run by process-exit.test.ts: `node exit-scenario.mjs <runtime node.js URL> <app base URL> <scenario> [api prefix]`.
// Prints "READY <ms>" when its work is done (after close() where the scenario closes), then
// does nothing: the parent measures how long the process takes to exit by itself.
const [runtimeUrl, base, scenario, prefix = "/gradio_api"] = process.argv.slice(2);

// Diagnostics: remember where every live timer was created (Node-internal ones included).
const { createHook } = await import("node:async_hooks");
const live = new Map();
createHook({
  init(id, type, _trigger, resource) {
    if (type === "Timeout")
      live.set(id, {
        resource,
        where: new Error().stack
          .split("\n")
          .slice(3, 9)
          .map((l) => l.trim())
          .join(" < "),
      });
  },
  destroy(id) {
    live.delete(id);
  },
}).enable();
const { createClient } = await import(runtimeUrl);

const app = {
  source: base,
  baseUrl: base,
  spaceId: null,
  gradioVersion: null,
  protocol: "sse_v3",
  apiPrefix: prefix,
  connectHeartbeat: true,
  maxFileSize: null,
};
const ep = (apiName, inputs, outputs, params, returns, streaming = false) => ({
  apiName,
  fnIndex: null,
  inputs,
  outputs,
  params: params.map((name) => ({ name })),
  returns: returns.map((name) => ({ name })),
  streaming,
});
const counter = ep("counter", ["state"], [0, "state"], [], ["count"]);
const slow = ep("slow", [0, 1], [0], ["token", "steps"], ["count"]);
const tokens = ep("tokens", [0], [0], ["n"], ["out"], true);

// The shape of a generated module: module-level functions share one lazily created client.
let shared;
const sharedClient = () => (shared ??= createClient(app));
const check = (got, want) => {
  if (JSON.stringify(got) !== JSON.stringify(want))
    throw new Error(`got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
};

if (scenario === "explicit-close") {
  const client = createClient(app);
  check(await client.call(counter, []), [1]);
  check(await client.call(counter, []), [2]);
  await client.close();
} else if (scenario === "module-level") {
  check(await sharedClient().call(counter, []), [1]);
  check(await sharedClient().call(counter, []), [2]);
  const seen = [];
  for await (const [text] of sharedClient().stream(tokens, [5])) seen.push(text);
  check(seen.length, 5);
} else if (scenario === "timeout") {
  const error = await sharedClient()
    .call(slow, [`exit-${process.pid}`, 100], { timeout: 300 })
    .catch((e) => e);
  check(error.code, "TIMEOUT");
} else if (scenario === "cancelled-stream") {
  const stream = sharedClient().stream(tokens, [100000]);
  let n = 0;
  const error = await (async () => {
    for await (const _ of stream) if (++n === 3) await stream.cancel();
  })().catch((e) => e);
  check(error.code, "ABORTED");
} else if (scenario === "async-dispose") {
  const client = createClient(app);
  try {
    check(await client.call(counter, []), [1]);
  } finally {
    await client[Symbol.asyncDispose]();
  }
} else {
  throw new Error(`unknown scenario ${scenario}`);
}
process.stdout.write(`READY ${performance.now().toFixed(0)}\n`);
// Diagnostics only: if the process is still alive after 1.5 s, say what keeps it alive (the timer
// itself is unref'd, so it never holds the process).
setTimeout(() => {
  const detail = [...live.values()]
    .filter(({ resource }) => resource.hasRef?.() && resource._idleTimeout > 0)
    .map(({ resource, where }) => `${resource._idleTimeout} ms: ${where}`);
  process.stderr.write(`STILL ALIVE: ${process.getActiveResourcesInfo().join(", ")} ${detail.join(" | ")}\n`);
}, 1500).unref();
