/**
 * The URL rule's `api_prefix` check (runtime/src/transport/url-policy.ts), value by value: every
 * prefix a real Gradio serves passes unchanged (so the rule cannot break a real app), and every
 * spelling that `new URL` would resolve to another host or outside the app's path is refused.
 */
import { describe, expect, it } from "vitest";
import { apiPrefixPath, GradioError, isSpaceHost } from "../../runtime/src/index.js";

describe("apiPrefixPath", () => {
  it.each([
    [undefined, ""],
    ["", ""],
    ["/gradio_api", "/gradio_api"],
    ["/gradio_api/", "/gradio_api"],
    ["/mounted/app-1/gradio_api", "/mounted/app-1/gradio_api"],
  ])("a real prefix %j → %j", (value, want) => {
    expect(apiPrefixPath(value, "test")).toBe(want);
  });

  // Each stands for a way to point the API (and the credentials on it) elsewhere: a suffix on the
  // host or port, a network-path reference, userinfo, a backslash (read as / by URL parsers),
  // dot segments (encoded too), a query/fragment cutting the path, or a whole URL.
  it.each([
    "1",
    ".evil.example",
    "gradio_api",
    "//evil.example",
    "/x@evil.example",
    "\\\\evil.example",
    "/a/../../b",
    "/%2E%2e/b",
    "/./x",
    "/a?b",
    "/a#b",
    "/a b",
    "http://evil.example",
    5,
  ])("%j is refused with PROTOCOL", (value) => {
    const error = (() => {
      try {
        return apiPrefixPath(value, "GET http://app/config");
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(GradioError);
    expect((error as GradioError).code).toBe("PROTOCOL");
    expect((error as GradioError).message).toMatch(/^GET http:\/\/app\/config: "api_prefix" /);
  });
});

describe("isSpaceHost (who may get the token as X-HF-Authorization when the app is given by URL)", () => {
  it.each([
    ["https://o-s.hf.space", true],
    ["https://o-s.hf.space/app", true],
    ["http://o-s.hf.space", false],
    ["https://o-s.hf.space.evil.example", false],
    ["https://hf.space.evil.example", false],
    ["https://evilhf.space", false],
  ])("%s → %s", (url, want) => {
    expect(isSpaceHost(url)).toBe(want);
  });
});
