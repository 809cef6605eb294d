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
    // Every URL a user copies: "Use via API" link, API routes, Hub pages, hf.space hosts, host:port.
    ["http://127.0.0.1:7860/?view=api", { kind: "url", url: "http://127.0.0.1:7860" }],
    ["http://127.0.0.1:7860/app/?view=api#top", { kind: "url", url: "http://127.0.0.1:7860/app" }],
    ["http://127.0.0.1:7860/gradio_api/info", { kind: "url", url: "http://127.0.0.1:7860" }],
    ["http://127.0.0.1:7860/gradio_api/config/", { kind: "url", url: "http://127.0.0.1:7860" }],
    ["http://127.0.0.1:7860/gradio_api", { kind: "url", url: "http://127.0.0.1:7860" }],
    ["http://127.0.0.1:7860/info", { kind: "url", url: "http://127.0.0.1:7860" }],
    ["https://example.com/mounted/config", { kind: "url", url: "https://example.com/mounted" }],
    ["https://huggingface.co/spaces/abidlabs/whisper", { kind: "space", spaceId: "abidlabs/whisper" }],
    ["https://huggingface.co/spaces/abidlabs/whisper/", { kind: "space", spaceId: "abidlabs/whisper" }],
    ["https://huggingface.co/spaces/abidlabs/whisper/blob/main/app.py", { kind: "space", spaceId: "abidlabs/whisper" }],
    ["https://huggingface.co/spaces/abidlabs/whisper?logs=container", { kind: "space", spaceId: "abidlabs/whisper" }],
    ["https://huggingface.co/spaces/abidlabs", { kind: "url", url: "https://huggingface.co/spaces/abidlabs" }],
    ["https://huggingface.co/spaces/owner/..", { kind: "url", url: "https://huggingface.co/spaces" }],
    ["https://abidlabs-whisper.hf.space", { kind: "url", url: "https://abidlabs-whisper.hf.space" }],
    ["HTTPS://Abidlabs-Whisper.HF.space/?view=api", { kind: "url", url: "https://abidlabs-whisper.hf.space" }],
    ["127.0.0.1:7860", { kind: "url", url: "http://127.0.0.1:7860" }],
    ["localhost:7860/", { kind: "url", url: "http://localhost:7860" }],
    ["my-box.local:8080/app/?view=api", { kind: "url", url: "http://my-box.local:8080/app" }],
  ])("%s", (input, want) => {
    expect(classifySource(input)).toEqual(want);
  });
});
