/**
 * Live: app errors (gr.Error vs an unexpected exception, with show_error on and off), a full
 * queue (HTTP 503 on join → QUEUE_FULL), schema drift, and wrong-typed arguments from untyped
 * JavaScript — each a typed error, none a hang.
 */
import { describe, expect, it } from "vitest";
import { AppError, createClient, GradioError, HttpError, SchemaDriftError } from "../../runtime/src/node.js";
import { appSpec, endpoint, gradioMajor } from "./helpers.js";

const appError = endpoint("app_error");
const crash = endpoint("crash");

describe("errors raised by the app (docs/protocol.md §5.1)", () => {
  it("gr.Error → AppError with the app's message and title (4.x: no titles, message sent as a Python repr)", async () => {
    await using client = createClient(appSpec("rt_features"));
    const error = await client.call(appError, ["x"]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: "APP_ERROR",
      appMessage: "Custom message: x",
      title: gradioMajor() >= 5 ? "Oops" : null,
    });
    expect((error as Error).message).toContain("/app_error");
  });

  it("unexpected exception with show_error=True (mount_gradio_app's default) → its text", async () => {
    await using client = createClient(appSpec("rt_features"));
    await expect(client.call(crash, ["y"])).rejects.toMatchObject({ code: "APP_ERROR", appMessage: "secret detail y" });
  });

  it("show_error=False: gr.Error still shows, an unexpected exception arrives as {error: null} → null appMessage", async () => {
    await using client = createClient(appSpec("rt_hidden_errors"));
    await expect(client.call(appError, ["z"])).rejects.toMatchObject({
      code: "APP_ERROR",
      appMessage: "Custom message: z",
    });
    const error = (await client.call(crash, ["z"]).catch((e: unknown) => e)) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.appMessage).toBeNull();
    expect(error.message).toMatch(/show_error=True/);
  });

  it("an app error fails only its own call; the session keeps working", async () => {
    await using client = createClient(appSpec("rt_features"));
    const echo = endpoint("echo");
    const results = await Promise.allSettled([
      client.call(echo, ["a"]),
      client.call(crash, ["b"]),
      client.call(echo, ["c"]),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(await client.call(echo, ["d"])).toEqual(["d"]);
  });

  it("a wrong-typed argument from untyped JavaScript → a typed error, no hang", async () => {
    await using client = createClient(appSpec("rt_features"));
    const tokens = endpoint("tokens", { params: ["n"], returns: ["out"] });
    const error = await client.call(tokens, [{ not: "a number" }], { timeout: 10_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GradioError);
    expect((error as GradioError).code).toMatch(/APP_ERROR|VALIDATION/);
  });

  it("too many arguments / a missing required one → INVALID_ARGUMENT before any request", async () => {
    await using client = createClient(appSpec("rt_features"));
    await expect(client.call(endpoint("echo"), ["a", "b"])).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    await expect(client.call(endpoint("echo"), [])).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
  });
});

describe("schema drift", () => {
  it("an api name the app no longer has → SCHEMA_DRIFT", async () => {
    await using client = createClient(appSpec("rt_features"));
    await expect(client.call(endpoint("no_such_endpoint"), ["a"])).rejects.toBeInstanceOf(SchemaDriftError);
  });

  it("a fn_index the server does not know (HTTP 500 on join) → SCHEMA_DRIFT", async () => {
    await using client = createClient(appSpec("rt_features"));
    const error = await client.call({ ...endpoint("echo"), fnIndex: 9999 }, ["a"]).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "SCHEMA_DRIFT" });
  });
});

describe("queue limits", () => {
  it("concurrency_limit=1 and max_size=2: extra joins fail with QUEUE_FULL (HTTP 503), the rest complete", async () => {
    await using client = createClient(appSpec("rt_queue_full"));
    const hold = endpoint("hold", { params: ["seconds"], returns: ["out"] });
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => client.call(hold, [0.5])));
    const rejected = results
      .filter((r): r is PromiseRejectedResult => r.status === "rejected")
      .map((r) => r.reason as HttpError);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    expect(rejected.length).toBeGreaterThanOrEqual(3);
    expect(fulfilled.length).toBeGreaterThanOrEqual(2);
    for (const error of rejected) {
      expect(error).toBeInstanceOf(HttpError);
      expect([error.code, error.status]).toEqual(["QUEUE_FULL", 503]);
      expect(error.message).toMatch(/Queue is full\. Max size is 2/);
    }
    for (const r of fulfilled) expect(r).toEqual({ status: "fulfilled", value: [0.5] });
  });
});
