/**
 * Validation before sending, without Python: the runtime's check of one value against its rule
 * (Python's equality and iteration, JSON as sent), the feature's error and its switches (no
 * request ever made on a refusal). The extraction of rules: validation-rules.test.ts; the live
 * servers' agreement: test/runtime/live-validation.test.ts.
 */
import { describe, expect, it } from "vitest";
import {
  createAppClient,
  expandEndpoint,
  InvalidArgumentError,
  type AppSpec,
  type ParamRule,
} from "../../runtime/src/index.js";
import { refusal } from "../../runtime/src/validate/check.js";
import { validation } from "../../runtime/src/validate/feature.js";
import { fileValidation } from "../../runtime/src/validate/files.js";
import { uploadName, wrongExtension } from "../../runtime/src/validate/file-name.js";

const radio: ParamRule = { choices: [1, 0.5, "x"], select: "one" };
const dropdown: ParamRule = { choices: ["a", "b"], select: "any" };
const boxes: ParamRule = { choices: ["a", "b", "ab"], select: "each" };
const slider: ParamRule = { minimum: 0, maximum: 10 };
const number: ParamRule = { minimum: -1, maximum: 1, nullable: true };

describe("refusal(rule, value): the server's own judgement", () => {
  const cases: [string, ParamRule, unknown, boolean][] = [
    // [what, rule, value, accepted]
    ["radio: a choice value", radio, 0.5, true],
    ["radio: true == 1 in Python", radio, true, true],
    ["radio: 1.0 is 1", radio, 1.0, true],
    ["radio: null is None (no choice)", radio, null, true],
    ["radio: a label is not a value", radio, "half", false],
    ["radio: '1' is not 1", radio, "1", false],
    ["radio: a list is never a choice", radio, ["x"], false],
    ["dropdown: each element of a list", dropdown, ["a", "b"], true],
    ["dropdown: one bad element", dropdown, ["a", "c"], false],
    ["dropdown: an object", dropdown, {}, false],
    ["dropdown: NaN is sent as null", dropdown, Number.NaN, true],
    ["checkboxes: a string is its characters", boxes, "ba", true],
    ["checkboxes: a character outside", boxes, "abc", false],
    ["checkboxes: an object is its keys", boxes, { ab: 1 }, true],
    ["checkboxes: null cannot be iterated", boxes, null, false],
    ["checkboxes: a number cannot be iterated", boxes, 3, false],
    ["checkboxes: an empty list", boxes, [], true],
    ["slider: both bounds included", slider, 10, true],
    ["slider: just below", slider, -0.001, false],
    ["slider: a boolean compares as a number", slider, true, true],
    ["slider: a numeric string is refused", slider, "5", false],
    ["slider: null is refused", slider, null, false],
    ["slider: Infinity is sent as null", slider, Number.POSITIVE_INFINITY, false],
    ["number: null is None", number, null, true],
    ["number: over the maximum", number, 1.5, false],
    ["number: a list", number, [0], false],
    ["no rule fields: anything", {}, { any: "thing" }, true],
    ["a BigInt has no JSON form: left to the request", slider, 10n, true],
  ];
  it.each(cases)("%s", (_, rule, value, accepted) => {
    expect(refusal(rule, value) === null).toBe(accepted);
  });

  it("names what is allowed and the offending element", () => {
    expect(refusal(dropdown, ["a", "c"])).toEqual({ allowed: 'a list of one of "a", "b"', part: "c" });
    expect(refusal(slider, 11)).toEqual({ allowed: "a number ≥ 0 and ≤ 10" });
    const many = refusal({ choices: Array.from({ length: 30 }, (_, i) => `c${i}`) }, "z");
    expect(many?.allowed).toMatch(/^one of "c0", .*"c9", … \(30 choices\)$/);
  });
});

describe("file_types: the upload's name, judged only where it is plain", () => {
  it.each([
    ["a local path: its last segment", "/data/notes.TXT", "notes.TXT"],
    ["a Windows path", "C:\\data\\a.csv", "a.csv"],
    ["bytes are uploaded as 'file'", new Uint8Array(1), "file"],
    ["a data: URL too", "data:text/plain,x", "file"],
    ["a File: its name", new File(["x"], "a.pdf"), "a.pdf"],
    ["a named stream", { stream: new ReadableStream(), name: "s.txt" }, "s.txt"],
    ["an http URL: the server names it", "https://example.com/a.pdf", null],
    ["a file already on the server", { path: "/tmp/x.pdf", meta: { _type: "gradio.FileData" } }, null],
  ])("%s", (_, input, name) => {
    expect(uploadName(input)).toBe(name);
  });

  it.each([
    ["notes.txt", false],
    ["NOTES.TXT", false],
    ["notes.pdf", true],
    ["file", true],
    ["txt", true],
    // Not plain: each Gradio release sanitizes such names its own way, so the server decides.
    ["a.txt.pdf", false],
    ["a b.pdf", false],
    ["ü.pdf", false],
    [`${"a".repeat(120)}.pdf`, false],
  ])("%s refused: %s", (name, refused) => {
    expect(wrongExtension(name, [".txt", ".csv"])).toBe(refused);
  });
});

describe("the validation feature", () => {
  const spec = expandEndpoint("pick", 0, {
    params: ["free", { name: "choice", rule: radio }, { name: "upload", files: [[]], rule: { maxBytes: 4 } }],
  });

  it("throws InvalidArgumentError naming endpoint, parameter, position, value and what was allowed", async () => {
    const error = await validation(spec, ["anything", "y", undefined], "/pick").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toMatchObject({
      code: "INVALID_ARGUMENT",
      endpoint: "/pick",
      parameter: "choice",
      position: 2,
      received: "y",
      allowed: 'one of 1, 0.5, "x"',
    });
    expect((error as Error).message).toBe(
      '/pick: argument "choice" (position 2) must be one of 1, 0.5, "x", received "y"; nothing was sent (the app would refuse it; pass { validate: false } to send it anyway)',
    );
  });

  it("checks the size of files known before the upload, at the parameter's file positions", async () => {
    // The plain feature leaves files alone; modules pass fileValidation where a file has a rule.
    await expect(validation(spec, [null, "x", new Blob(["12345"])], "/pick")).resolves.toBeUndefined();
    await expect(fileValidation(spec, [null, "x", new Uint8Array(4)], "/pick")).resolves.toBeUndefined();
    await expect(fileValidation(spec, [null, "x", new Blob(["12345"])], "/pick")).rejects.toThrow(
      /argument "upload" \(position 3\) must be a file of at most 4 bytes \(the app's max_file_size\), received a file of 5 bytes/,
    );
    // A path or URL has no size before the upload: the server judges it.
    await expect(fileValidation(spec, [null, "x", "https://example.com/big.bin"], "/pick")).resolves.toBeUndefined();
  });

  it("skips omitted arguments (the server's default is sent) and shortens long values", async () => {
    await expect(validation(spec, [undefined, undefined, undefined], "/pick")).resolves.toBeUndefined();
    const long = "y".repeat(500);
    const error = (await validation(spec, [null, long], "/pick").catch((e: unknown) => e)) as Error;
    expect(error.message).toContain(`received "${"y".repeat(76)}...;`);
  });

  const app: AppSpec = {
    source: "test",
    baseUrl: "http://127.0.0.1:9/",
    spaceId: null,
    gradioVersion: "6.31.0",
    protocol: "sse_v3",
    apiPrefix: "/gradio_api",
    connectHeartbeat: false,
    maxFileSize: null,
  };
  const counting = () => {
    const requests: string[] = [];
    const fetch = async (input: string) => {
      requests.push(input);
      throw new TypeError("offline");
    };
    return { requests, fetch };
  };

  it("runs before any request; validate: false (client or call) sends anyway", async () => {
    const { requests, fetch } = counting();
    const spec = expandEndpoint("pick", 0, { params: ["free", { name: "choice", rule: radio }] });
    const client = createAppClient(app, { fetch }, {});
    const features = { validation };
    await expect(client.call(spec, [null, "y"], {}, features)).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(requests).toEqual([]);
    await expect(client.call(spec, [null, "y"], { validate: false }, features)).rejects.toMatchObject({
      code: "NETWORK",
    });
    expect(requests.length).toBeGreaterThan(0);
    const off = createAppClient(app, { fetch, validate: false }, {});
    const before = requests.length;
    await expect(off.call(spec, [null, "y"], {}, features)).rejects.toMatchObject({ code: "NETWORK" });
    expect(requests.length).toBeGreaterThan(before);
    await expect(off.call(spec, [null, "y"], { validate: true }, features)).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
    await Promise.all([client.close(), off.close()]);
  });
});
