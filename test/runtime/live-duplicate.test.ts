/**
 * Live: duplicating a Space through the Hub stand-in (docs/protocol.md §6.3, reached via
 * `hfEndpoint`); the copy's host is a real test app (rt_features, behind a recording proxy so we
 * see what reached it). Duplicate → build → call; re-attach creates nothing; every typed error.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createClient,
  DuplicateError,
  duplicateSpace,
  GradioError,
  type DuplicateStatusEvent,
} from "../../runtime/src/node.js";
import { startHubStandin, type HubStandin } from "../harness/hub-standin.js";
import { startRecordingProxy, type RecordingProxy } from "../harness/recording-proxy.js";
import { appSpec, appUrl, endpoint } from "./helpers.js";

const ALICE = "hf_aliceWriteToken77";
const BROKE = "hf_brokeWriteToken88";
const echo = endpoint("echo");
let hub: HubStandin;
let proxy: RecordingProxy;
let n = 0;

beforeAll(async () => {
  hub = await startHubStandin();
  proxy = await startRecordingProxy(new URL(appUrl("rt_features")).origin);
  hub.addUser({ name: "alice", token: ALICE });
  hub.addUser({ name: "broke", token: BROKE, canPay: false });
});
afterAll(async () => {
  await hub.close();
  await proxy.close();
});

const copyHost = () => `${proxy.url}${new URL(appUrl("rt_features")).pathname}`;

/** A public source Space whose copies are served by rt_features through the proxy. */
function source(
  spec: {
    hardware?: string;
    stages?: readonly string[];
    errorMessage?: string;
    private?: boolean;
    token?: string;
  } = {},
): string {
  const id = `upstream/app-${++n}`;
  const { stages, errorMessage, ...rest } = spec;
  hub.addSpace({
    id,
    host: "http://127.0.0.1:1/never-called",
    ...rest,
    copy: { host: copyHost(), ...(stages ? { stages } : {}), ...(errorMessage ? { errorMessage } : {}) },
  });
  return id;
}

const base = { hfEndpoint: "", intervalMs: 5 };
const opts = () => ({ ...base, hfEndpoint: hub.url, hfToken: ALICE });
const posts = (path: string) => hub.requests.filter((r) => r.method === "POST" && r.path === path);

describe("duplicateSpace (Hub stand-in, live app)", () => {
  it("duplicates, waits through the build, and the copy answers with the app's real result", async () => {
    const from = source({ hardware: "t4-small" });
    const events: DuplicateStatusEvent[] = [];
    const copy = await duplicateSpace(from, {
      ...opts(),
      secrets: { API_KEY: "s3cret" },
      variables: { MODE: "fast" },
      onStatus: (e) => events.push(e),
    });
    const to = `alice/${from.split("/")[1]}`;
    expect(copy).toEqual({
      spaceId: to,
      host: copyHost(),
      created: true,
      hardware: "t4-small",
      url: `${hub.url}/spaces/${to}`,
    });
    expect(events.map((e) => [e.status, e.stage, e.done])).toEqual([
      ["duplicating", null, false],
      ["building", "BUILDING", false],
      ["running", "RUNNING", true],
    ]);
    const [create] = posts(`/api/spaces/${from}/duplicate`);
    expect(JSON.parse(create?.body ?? "")).toEqual({
      repository: to,
      visibility: "private",
      hardware: "t4-small", // the source's, as gradio_client
      sleepTimeSeconds: 300, // gradio_client's 5 minutes, for hardware that bills
      secrets: [{ key: "API_KEY", value: "s3cret" }],
      variables: [{ key: "MODE", value: "fast" }],
    });
    await using client = createClient(appSpec("rt_features", { baseUrl: copy.host }));
    expect(await client.call(echo, ["from the copy"])).toEqual(["from the copy"]);
    // The token went to the Hub as Bearer, and to nobody else.
    const hubCalls = hub.requests.filter((r) => r.headers["authorization"] === `Bearer ${ALICE}`);
    expect(hubCalls.length).toBeGreaterThan(3);
    // The copy's own host got it as X-HF-Authorization (the readiness probe after the build), never as Authorization.
    expect(proxy.requests.some((r) => r.headers["x-hf-authorization"] === `Bearer ${ALICE}`)).toBe(true);
    expect(proxy.requests.filter((r) => r.headers["authorization"] !== undefined)).toEqual([]);
  });

  it("re-running attaches: no second create request, created false, nothing sent but reads", async () => {
    const from = source();
    const first = await duplicateSpace(from, { ...opts(), to: "mine" });
    const events: DuplicateStatusEvent[] = [];
    const again = await duplicateSpace(from, {
      ...opts(),
      to: "alice/mine",
      secrets: { IGNORED: "x" },
      onStatus: (e) => events.push(e),
    });
    expect(first).toMatchObject({ spaceId: "alice/mine", created: true, hardware: "cpu-basic" });
    expect(again).toMatchObject({ spaceId: "alice/mine", created: false, host: first.host });
    expect(posts(`/api/spaces/${from}/duplicate`)).toHaveLength(1);
    expect(events.map((e) => e.status)).toEqual(["running"]);
    // cpu-basic: no sleep time (the Hub fixes it at 48 h for free hardware).
    expect(JSON.parse(posts(`/api/spaces/${from}/duplicate`)[0]?.body ?? "")).not.toHaveProperty("sleepTimeSeconds");
  });

  it("--public, a chosen sleep timeout and hardware are sent as asked", async () => {
    const from = source();
    await duplicateSpace(from, {
      ...opts(),
      to: "gpu-copy",
      private: false,
      hardware: "a10g-small",
      sleepTimeout: 3600,
    });
    expect(JSON.parse(posts(`/api/spaces/${from}/duplicate`)[0]?.body ?? "")).toEqual({
      repository: "alice/gpu-copy",
      visibility: "public",
      hardware: "a10g-small",
      sleepTimeSeconds: 3600,
    });
  });

  it("an existing copy on other hardware: DUPLICATE_REFUSED (HARDWARE_MISMATCH), nothing changed", async () => {
    const from = source();
    await duplicateSpace(from, { ...opts(), to: "cpu-copy" });
    const before = hub.requests.filter((r) => r.method === "POST").length;
    const error = await duplicateSpace(from, { ...opts(), to: "cpu-copy", hardware: "t4-small" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DuplicateError);
    expect(error).toMatchObject({ code: "DUPLICATE_REFUSED", reason: "HARDWARE_MISMATCH", spaceId: "alice/cpu-copy" });
    expect((error as Error).message).toMatch(
      /runs on cpu-basic, not t4-small: nothing was changed.*\/spaces\/alice\/cpu-copy\/settings/,
    );
    expect(hub.requests.filter((r) => r.method === "POST")).toHaveLength(before);
  });

  it("no token: AUTH_REQUIRED saying where to get one, before any request", async () => {
    const before = hub.requests.length;
    const error = await duplicateSpace(source(), { ...base, hfEndpoint: hub.url }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "AUTH_REQUIRED",
      message: expect.stringMatching(/huggingface\.co\/settings\/tokens.*HF_TOKEN/),
    });
    expect(hub.requests).toHaveLength(before);
  });

  it("a rejected token: AUTH_FAILED", async () => {
    await expect(duplicateSpace(source(), { ...opts(), hfToken: "hf_forged" })).rejects.toMatchObject({
      code: "AUTH_FAILED",
    });
  });

  it("a private or missing source: SOURCE_NOT_FOUND", async () => {
    const hidden = source({ private: true, token: "hf_someoneElse1" });
    for (const from of [hidden, "nobody/nothing"]) {
      const error = await duplicateSpace(from, opts()).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "DUPLICATE_REFUSED", reason: "SOURCE_NOT_FOUND", spaceId: from });
      expect((error as Error).message).toMatch(/does not exist, or it is private.*HTTP 40[14]/);
    }
  });

  it("a copy outside the token's account is refused before anything is read (never attaches to someone else's Space)", async () => {
    const from = source();
    await expect(duplicateSpace(from, { ...opts(), to: from })).rejects.toMatchObject({
      code: "INVALID_ARGUMENT",
      message: expect.stringMatching(/outside your account; the copy must be under alice/),
    });
    expect(
      hub.requests.filter((r) => r.path.includes(`${from}/runtime`) || (r.method === "POST" && r.path.includes(from))),
    ).toEqual([]);
  });

  it("the name is taken by a repo that is not a Space: NAME_TAKEN", async () => {
    hub.addRepo("alice/a-model", "model");
    const error = await duplicateSpace(source(), { ...opts(), to: "a-model" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "DUPLICATE_REFUSED", reason: "NAME_TAKEN", spaceId: "alice/a-model" });
  });

  it("the Hub refuses the hardware: HARDWARE_REFUSED, nothing created", async () => {
    const from = source();
    const error = await duplicateSpace(from, { ...opts(), hfToken: BROKE, hardware: "t4-medium" }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      code: "DUPLICATE_REFUSED",
      reason: "HARDWARE_REFUSED",
      spaceId: `broke/${from.split("/")[1]}`,
    });
    expect((error as Error).message).toMatch(/refused hardware t4-medium .*HTTP 402.*settings\/billing/);
    // A free copy is still possible for the same account.
    await expect(duplicateSpace(from, { ...opts(), hfToken: BROKE, hardware: "cpu-basic" })).resolves.toMatchObject({
      created: true,
    });
  });

  it("the build fails: SPACE_NOT_RUNNING with the stage and the logs URL", async () => {
    const from = source({ stages: ["BUILDING", "BUILD_ERROR"], errorMessage: "pip install failed" });
    const error = await duplicateSpace(from, opts()).catch((e: unknown) => e);
    const to = `alice/${from.split("/")[1]}`;
    expect(error).toBeInstanceOf(DuplicateError);
    expect(error).toMatchObject({
      code: "SPACE_NOT_RUNNING",
      reason: "BUILD_FAILED",
      stage: "BUILD_ERROR",
      logsUrl: `${hub.url}/spaces/${to}?logs=build`,
    });
    expect((error as Error).message).toMatch(/pip install failed/);
  });

  it("timeout bounds the build wait (TIMEOUT); the signal aborts it", async () => {
    const slow = source({ stages: ["BUILDING"] });
    await expect(duplicateSpace(slow, { ...opts(), to: "slow", timeout: 200 })).rejects.toMatchObject({
      code: "TIMEOUT",
      message: expect.stringMatching(/re-running attaches/),
    });
    const controller = new AbortController();
    const pending = duplicateSpace(slow, { ...opts(), to: "slow", signal: controller.signal, intervalMs: 50 });
    setTimeout(() => controller.abort(new GradioError("ABORTED", "stop")), 100);
    await expect(pending).rejects.toMatchObject({ code: "ABORTED" });
  });
});
