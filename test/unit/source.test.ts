/** What the user passed → URL, Space id or schema file (docs/protocol.md §1.1). */
import { describe, expect, it } from "vitest";
import { classifySource } from "../../generator/load/source.js";

describe("classifySource", () => {
  it.each([
    // given → want
    ["abidlabs/whisper", { kind: "space", spaceId: "abidlabs/whisper" }],
    ["Owner_1/my.app-v2", { kind: "space", spaceId: "Owner_1/my.app-v2" }],
    ["https://owner-name.hf.space/", { kind: "url", url: "https://owner-name.hf.space" }],
    ["http://127.0.0.1:7860/calculator//", { kind: "url", url: "http://127.0.0.1:7860/calculator" }],
    ["schemas/app.json", { kind: "file", path: "schemas/app.json" }],
    ["../x", { kind: "file", path: "../x" }],
    ["owner/..", { kind: "file", path: "owner/.." }],
    ["a/b/c", { kind: "file", path: "a/b/c" }],
  ])("%s", (input, want) => {
    expect(classifySource(input)).toEqual(want);
  });
});
