/**
 * `gradio-codegen owner/name` through the real CLI: the Hub is the local stand-in (reached via
 * `HF_ENDPOINT`), every Space's host is a real test app (behind a recording proxy where we need to
 * see which headers reached the app's origin). Covers host resolution, waiting for a waking Space,
 * stages that stop at once, 404/401, and where the token goes.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startHubStandin, type HubStandin, type StandinSpaceSpec } from "../harness/hub-standin.js";
import { startRecordingProxy, type RecordingProxy } from "../harness/recording-proxy.js";
import { runCli, type CliResult } from "../support/cli.js";
import { workDir } from "../support/paths.js";

interface CalculatorModule {
  connect(options: { hfEndpoint: string; token?: string }): {
    predict(a: number, op: string, b: number): Promise<number>;
    close(): Promise<void>;
  };
}

const TOKEN = "hf_standinSecretToken123";
const calculator = inject("apps")["calculator"] as string;
const dir = workDir("spaces");
let hub: HubStandin;
let proxy: RecordingProxy;
let n = 0;

beforeAll(async () => {
  hub = await startHubStandin();
  proxy = await startRecordingProxy(new URL(calculator).origin);
});
afterAll(async () => {
  await hub.close();
  await proxy.close();
});

/** Registers a Space on the stand-in and runs the CLI on it; fast polling so waits take milliseconds. */
async function generate(spec: Omit<StandinSpaceSpec, "id" | "host"> & { host?: string }, args: string[] = []) {
  const id = `tester/space-${++n}`;
  hub.addSpace({ id, host: calculator, ...spec });
  const out = join(dir, `space-${n}.ts`);
  const started = Date.now();
  const poll = args.includes("--poll-interval") ? [] : ["--poll-interval", "0.02"];
  const result = await runCli([id, "-o", out, ...poll, ...args], { env: { HF_ENDPOINT: hub.url, HF_TOKEN: "" } });
  return { id, out, result, ms: Date.now() - started };
}

function expectFailure(result: CliResult, out: string, message: RegExp): void {
  expect(result.stderr).toMatch(/^(waiting for Space .*\n)*gradio-codegen: /);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.code).toBe(1);
  expect(existsSync(out)).toBe(false);
}

/** Requests the stand-in received for one Space. */
const hubRequests = (id: string) => hub.requests.filter((r) => r.path.startsWith(`/api/spaces/${id}`));

describe("gradio-codegen owner/name (Hub stand-in, live app)", () => {
  it("a RUNNING public Space → a module with spaceId and no baked-in host, which calls the live app", async () => {
    const { id, out, result } = await generate({}, ["--save-snapshot", join(dir, "public.schema.json")]);
    expect(result.stderr).not.toMatch(/waiting/);
    expect(result.code).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text).toContain(`spaceId: "${id}"`);
    expect(text).toContain("baseUrl: null");
    expect(JSON.parse(readFileSync(join(dir, "public.schema.json"), "utf8"))).toMatchObject({
      source: id,
      spaceId: id,
      baseUrl: null,
    });
    expect(hubRequests(id).map((r) => r.path)).toEqual([`/api/spaces/${id}`]);
    const client = ((await import(out)) as CalculatorModule).connect({ hfEndpoint: hub.url });
    expect(await client.predict(4, "add", 5)).toBe(9);
    await client.close();
  });

  it("SLEEPING → APP_STARTING → RUNNING: one progress line per stage change on stderr, then success", async () => {
    const stages = ["SLEEPING", "SLEEPING", "SLEEPING", "APP_STARTING", "APP_STARTING", "RUNNING"];
    const { id, out, result } = await generate({ stages });
    expect(result.code).toBe(0);
    const lines = result.stderr.split("\n").filter((l) => /Space /.test(l));
    expect(lines).toEqual([
      `waiting for Space ${id}: SLEEPING …`,
      `waiting for Space ${id}: SLEEPING → APP_STARTING …`,
      expect.stringMatching(
        new RegExp(`^Space ${id} is RUNNING after \\d+\\.\\d s \\(SLEEPING → APP_STARTING → RUNNING\\)$`),
      ),
    ]);
    expect(hubRequests(id)).toHaveLength(stages.length);
    expect(readFileSync(out, "utf8")).toContain(`spaceId: "${id}"`);
  });

  it.each([
    ["PAUSED", /is paused by its owner .*ask the owner to restart it, or duplicate it/],
    ["BUILD_ERROR", /is broken \(stage BUILD_ERROR\): its owner must fix or restart it/],
    ["NO_APP_FILE", /has no app file/],
  ])("%s → a clear error at once, exit 1, no file", async (stage, message) => {
    const { id, out, result } = await generate({ stages: [stage] });
    expectFailure(result, out, message);
    expect(hubRequests(id)).toHaveLength(1);
  });

  it("an unknown Space → the 404 message, exit 1, no file", async () => {
    const out = join(dir, "unknown.ts");
    const result = await runCli(["nobody/nothing", "-o", out], { env: { HF_ENDPOINT: hub.url, HF_TOKEN: "" } });
    expectFailure(
      result,
      out,
      /Space nobody\/nothing not found \(or private: if it is private, pass --hf-token or set HF_TOKEN\); GET .*\/api\/spaces\/nobody\/nothing answered HTTP 404/,
    );
  });

  it("a private Space without a token → says to pass --hf-token, exit 1, no file", async () => {
    const { out, result } = await generate({ private: true, token: TOKEN });
    expectFailure(
      result,
      out,
      /needs authentication \(HTTP 401 .*\): it is private or does not exist; pass --hf-token or set HF_TOKEN/,
    );
  });

  it("a private Space with a wrong token → says the Hub rejected it, exit 1", async () => {
    const { out, result } = await generate({ private: true, token: TOKEN }, ["--hf-token", "hf_wrong"]);
    expectFailure(result, out, /the Hub rejected the token .*HTTP 401/);
    expect(result.stderr).not.toContain("hf_wrong");
  });

  it("a private Space with --hf-token works; the token reaches the Hub as Authorization and the app's origin only as X-HF-Authorization", async () => {
    const hostPath = new URL(calculator).pathname;
    const proxyStart = proxy.requests.length;
    const { id, out, result } = await generate(
      { private: true, token: TOKEN, host: `${proxy.url}${hostPath}`, stages: ["SLEEPING", "RUNNING"] },
      ["--hf-token", TOKEN],
    );
    expect(result.stderr).not.toContain(TOKEN);
    expect(result.code).toBe(0);
    expect(readFileSync(out, "utf8")).not.toContain(TOKEN);
    // Hub: every request carries the token, only in Authorization.
    const toHub = hubRequests(id);
    expect(toHub.length).toBeGreaterThanOrEqual(2);
    for (const r of toHub) {
      expect(r.headers["authorization"]).toBe(`Bearer ${TOKEN}`);
      expect(r.path).not.toContain(TOKEN);
      expect(r.headers["x-hf-authorization"]).toBeUndefined();
    }
    // App origin (the resolved host): /config and /info, plus the wake-up request, only with X-HF-Authorization.
    const toApp = proxy.requests.slice(proxyStart);
    expect(toApp.map((r) => r.path)).toEqual(
      expect.arrayContaining([`${hostPath}/config`, `${hostPath}/gradio_api/info`]),
    );
    for (const r of toApp) {
      expect(r.headers["x-hf-authorization"]).toBe(`Bearer ${TOKEN}`);
      expect(r.headers["authorization"]).toBeUndefined();
    }
    // The generated module resolves the host through the Hub with the token and calls the live app.
    const client = ((await import(out)) as CalculatorModule).connect({ hfEndpoint: hub.url, token: TOKEN });
    expect(await client.predict(6, "multiply", 7)).toBe(42);
    await client.close();
  });

  it("HF_TOKEN never reaches an app given by a non-Hugging-Face URL", async () => {
    const start = proxy.requests.length;
    const out = join(dir, "by-url.ts");
    const result = await runCli([`${proxy.url}${new URL(calculator).pathname}/`, "-o", out], {
      env: { HF_TOKEN: TOKEN },
    });
    expect(result.code).toBe(0);
    const seen = proxy.requests.slice(start);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    for (const r of seen) expect(JSON.stringify(r.headers)).not.toContain(TOKEN);
  });

  it("just woken and its host still answers 503: retried within the wait, then success", async () => {
    const hostPath = new URL(calculator).pathname;
    const start = proxy.requests.length;
    proxy.failNext(3);
    const { out, result } = await generate({ host: `${proxy.url}${hostPath}`, stages: ["APP_STARTING", "RUNNING"] });
    expect(result.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    // The runtime's Space code probes /config until the gateway serves (3 × 503, then 200), then the app is read.
    expect(proxy.requests.slice(start).filter((r) => r.path === `${hostPath}/config`)).toHaveLength(5);
  });

  it("already RUNNING and its host answers 503: no retry, a clear error naming the URL", async () => {
    const hostPath = new URL(calculator).pathname;
    proxy.failNext(1);
    const { out, result } = await generate({ host: `${proxy.url}${hostPath}` });
    expectFailure(result, out, new RegExp(`GET ${proxy.url}${hostPath}/config answered HTTP 503 with an HTML page`));
  });

  it("a Space that never starts → a timeout error within the bound, exit 1, no file", async () => {
    const { out, result, ms } = await generate({ stages: ["SLEEPING", "APP_STARTING"] }, [
      "--wait-timeout",
      "1",
      "--poll-interval",
      "0.1",
    ]);
    expectFailure(
      result,
      out,
      /did not start within 1 s \(stages seen: SLEEPING → APP_STARTING\): try again later, or wait longer with --wait-timeout <seconds>/,
    );
    expect(ms).toBeLessThan(8_000);
  });

  it("--wait-timeout must be a number of seconds ≥ 0 (usage error, exit 2)", async () => {
    const result = await runCli(["tester/x", "--wait-timeout", "-3"], { env: { HF_ENDPOINT: hub.url } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--wait-timeout needs a number of seconds/);
  });
});
