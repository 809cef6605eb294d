/**
 * Live: listeners with `queue=False` (docs/protocol.md §3.5), on every Gradio line. The queue
 * takes them too; with the `direct` feature the runtime calls them with one `POST {P}/run/predict`
 * instead of join + stream, and falls back to the queue when the server refuses a direct call.
 */
import { describe, expect, it } from "vitest";
import { AppError, createAppClient, createClient, type EndpointSpec, type FetchLike } from "../../runtime/src/node.js";
import { appSpec, appUrl, endpoint, generatedModule } from "./helpers.js";

/** A fetch that records the path of every request. */
function recorder(): { fetch: FetchLike; paths: string[] } {
  const paths: string[] = [];
  return {
    paths,
    fetch: (input, init) => (
      paths.push(new URL(input).pathname.replace(/^.*?\/(run|queue|config)/, "/$1")), globalThis.fetch(input, init)
    ),
  };
}
const direct = (name: string): EndpointSpec => ({ ...endpoint(name), queued: false });

describe("non-queued endpoints (queue=False)", () => {
  it("without the direct feature: joined through the queue like any other", async () => {
    const { fetch, paths } = recorder();
    await using client = createAppClient(appSpec("rt_features"), { fetch }, {});
    expect(await client.call(direct("echo_direct"), ["queued anyway"])).toEqual(["queued anyway"]);
    expect(paths.filter((p) => !p.startsWith("/config"))).toEqual(["/queue/join", "/queue/data"]);
  });

  it("with it: one POST {P}/run/predict answers the call", async () => {
    const { fetch, paths } = recorder();
    await using client = createClient(appSpec("rt_features"), { fetch });
    expect(await client.call(direct("echo_direct"), ["direct"])).toEqual(["direct"]);
    expect(await client.call(direct("echo_direct"), ["again"])).toEqual(["again"]);
    expect(paths.filter((p) => !p.startsWith("/config"))).toEqual(["/run/predict", "/run/predict"]);
  });

  it("a gr.Error through a direct call → AppError with the app's message", async () => {
    await using client = createClient(appSpec("rt_features"));
    const error = await client.call(direct("app_error_direct"), ["boom"]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect([(error as AppError).code, (error as AppError).appMessage]).toEqual(["APP_ERROR", "Custom message: boom"]);
  });

  it("a listener that became queued (the server refuses the direct call: 404 with api_open=False) → joined through the queue", async () => {
    const { fetch, paths } = recorder();
    await using client = createClient(appSpec("rt_features"), { fetch });
    expect(await client.call(direct("echo"), ["queued now"])).toEqual(["queued now"]);
    expect(paths.filter((p) => !p.startsWith("/config"))).toEqual(["/run/predict", "/queue/join", "/queue/data"]);
  });

  it("a generated module marks the endpoint and passes the direct feature (strict type-check gate), and its call works", async () => {
    const { generate } = await import("../../generator/generate.js");
    const { text } = await generate(appUrl("rt_features"));
    // Each endpoint's binder call carries its layout; its binder passes the features it needs (here: direct).
    expect(text).toMatch(/bindDirect\(\s*"echo_direct",\s*\d+,\s*\{[^}]*queued: false[^}]*\},?\s*\)/);
    expect(text).toMatch(
      /function bindDirect<F>\([^)]*\): F \{\s*return bindEndpoint\(shared, apiName, fnIndex, decl, \{ direct: withDirect \}\);/,
    );
    expect(text).not.toMatch(/bind\w*\(\s*"echo",\s*\d+,\s*\{[^}]*queued: false/);
    const module = await generatedModule<{
      connect(): { echoDirect(text: string): Promise<string>; close(): Promise<void> };
    }>("rt_features");
    const client = module.connect();
    expect(await client.echoDirect("from the module")).toBe("from the module");
    await client.close();
  }, 60_000);
});
