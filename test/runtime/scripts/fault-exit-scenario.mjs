// Run by faults-exit.test.ts: `node fault-exit-scenario.mjs <runtime node.js URL> <fault server URL> <scenario>`.
// Makes one call that ends in a typed error against a misbehaving server, prints "READY", then
// does nothing: the parent measures how long the process takes to exit by itself.
const [runtimeUrl, base, scenario] = process.argv.slice(2);
const { createClient } = await import(runtimeUrl);

const app = {
  source: base,
  baseUrl: base,
  spaceId: null,
  gradioVersion: null,
  protocol: "sse_v3",
  apiPrefix: "",
  connectHeartbeat: false,
  maxFileSize: null,
};
const predict = {
  apiName: "predict",
  fnIndex: 0,
  inputs: [0],
  outputs: [0],
  params: [{ name: "text" }],
  returns: [{ name: "out" }],
};
const expectCode = async (promise, code) => {
  const error = await promise.then(
    () => null,
    (e) => e,
  );
  if (error?.code !== code) throw new Error(`expected ${code}, got ${error?.stack ?? "success"}`);
};

if (scenario === "config-hangs") {
  // Run-time discovery: /config is read, and never answered.
  const client = createClient({ ...app, apiPrefix: null, protocol: null });
  await expectCode(client.call(predict, ["x"], { timeout: 200 }), "TIMEOUT");
} else if (scenario === "join-hangs") {
  const client = createClient(app, { limits: { requestTimeoutMs: 300 } });
  await expectCode(client.call(predict, ["x"]), "TIMEOUT");
} else if (scenario === "cancel-ignored") {
  // Gives up once the job's stream is open (the server sends one estimation, then heartbeats only).
  const client = createClient(app);
  const controller = new AbortController();
  await expectCode(
    client.call(predict, ["x"], { signal: controller.signal, onStatus: () => controller.abort() }),
    "ABORTED",
  );
} else {
  throw new Error(`unknown scenario ${scenario}`);
}
process.stdout.write("READY\n");
