/**
 * The pieces behind `--auth`/`--login`, in process: credentials split on the first ":", the
 * snapshot's `login` flag (written only when true, validated when read), the runtime features a
 * module passes (login only when decided, legacySse only for protocol "sse"), and how --check
 * classifies a change of login support, locks written before it was a choice included.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diffSurfaces } from "../../generator/check/diff.js";
import { apiSurface, surfaceHash, type ApiSurface } from "../../generator/check/surface.js";
import { generateFromSchema } from "../../generator/generate.js";
import { loadSchema, parseCredentials, toSnapshot, type RawSchema } from "../../generator/load/index.js";
import { EXAMPLES_DIR, workDir } from "../support/paths.js";

const dir = workDir("login-decision");
const calculatorSnapshot = join(EXAMPLES_DIR, "calculator", "schema.json");

describe("credentials (username:password)", () => {
  it.each([
    ["alice:wonderland", "alice", "wonderland"],
    ["alice:pa:ss:word", "alice", "pa:ss:word"],
    ["alice:", "alice", ""],
    ["a b:c d", "a b", "c d"],
  ])("%s → split on the first colon", (text, username, password) => {
    expect(parseCredentials(text, "--auth")).toEqual({ username, password, from: "--auth" });
  });

  it.each(["wonderland", ":wonderland", ""])("%j → an error naming where it came from, never the value", (text) => {
    const error = (() => {
      try {
        parseCredentials(text, "$GRADIO_AUTH");
      } catch (e) {
        return e as Error & { code?: string };
      }
      return null;
    })();
    expect(error).toMatchObject({
      code: "USAGE",
      message: expect.stringMatching(/^\$GRADIO_AUTH must be <username>:<password>/),
    });
    if (text !== "") expect(error?.message).not.toContain("wonderland");
  });
});

describe("the snapshot's login flag", () => {
  it("is written only when the module has login support (existing snapshots stay byte-identical)", async () => {
    const raw = await loadSchema(calculatorSnapshot);
    expect(`${JSON.stringify(toSnapshot(raw), null, 2)}\n`).toBe(readFileSync(calculatorSnapshot, "utf8"));
    const withLogin = await generateFromSchema(raw, { typecheck: false, login: true });
    expect(Object.keys(withLogin.snapshot).slice(0, 5)).toEqual(["format", "source", "baseUrl", "spaceId", "login"]);
    expect(withLogin.snapshot.login).toBe(true);
    expect((await generateFromSchema(raw, { typecheck: false })).snapshot).not.toHaveProperty("login");
  });

  it("is read back (regeneration keeps login support) and must be a boolean", async () => {
    const snapshot = JSON.parse(readFileSync(calculatorSnapshot, "utf8")) as Record<string, unknown>;
    const good = join(dir, "login.json");
    writeFileSync(good, JSON.stringify({ ...snapshot, login: true }));
    const raw = await loadSchema(good);
    expect(raw.login).toBe(true);
    expect((await generateFromSchema(raw, { typecheck: false })).model.login).toBe(true);
    const bad = join(dir, "bad-login.json");
    writeFileSync(bad, JSON.stringify({ ...snapshot, login: "yes" }));
    await expect(loadSchema(bad)).rejects.toMatchObject({
      code: "INVALID_SCHEMA",
      pointer: "/login",
      message: expect.stringMatching(/"login" must be true or false \(at \/login\)/),
    });
  });
});

describe("runtime features passed to createAppClient", () => {
  const calculator = async (): Promise<RawSchema> => loadSchema(calculatorSnapshot);
  // The app-wide features are one `const features = { … }` that createAppClient receives (absent: none).
  const features = (text: string) =>
    /createAppClient\(app, options, features\)/.test(text)
      ? (/\nconst features = (\{[^}]*\});/.exec(text)?.[1] ?? "")
      : "";

  it("login only when decided", async () => {
    expect(features((await generateFromSchema(await calculator(), { typecheck: false })).text)).toBe("");
    expect(features((await generateFromSchema(await calculator(), { typecheck: false, login: true })).text)).toBe(
      "{ login: withLogin }",
    );
    expect(
      features((await generateFromSchema({ ...(await calculator()), login: true }, { typecheck: false })).text),
    ).toBe("{ login: withLogin }");
  });

  it('legacySse for Gradio 4.0–4.8\'s protocol "sse" (the module passes the strict type-check gate against the runtime)', async () => {
    const raw = await calculator();
    const old: RawSchema = { ...raw, config: { ...raw.config, protocol: "sse" } };
    const { text } = await generateFromSchema(old, { login: true });
    expect(features(text)).toBe("{ legacySse: withLegacySse, login: withLogin }");
    expect(text).toMatch(/import \{[^}]*\bwithLegacySse\b[^}]*\} from "@gradio-codegen\/runtime"/);
  }, 60_000);
});

describe("--check and login support", () => {
  const surface = async (login: boolean): Promise<ApiSurface> =>
    apiSurface((await generateFromSchema(await loadSchema(calculatorSnapshot), { typecheck: false, login })).model);

  it("added → compatible, removed → breaking, same → no change; not part of the schema hash", async () => {
    const [plain, login] = [await surface(false), await surface(true)];
    expect(diffSurfaces(plain, plain)).toEqual([]);
    expect(diffSurfaces(plain, login)).toEqual([
      { severity: "compatible", endpoint: "(app)", message: expect.stringMatching(/^login support added/) },
    ]);
    expect(diffSurfaces(login, plain)).toEqual([
      { severity: "breaking", endpoint: "(app)", message: expect.stringMatching(/^login support removed/) },
    ]);
    expect(surfaceHash(login)).toBe(surfaceHash(plain));
  });

  it("a lock from before login was a choice (no field) had login support: checked without it → removed", async () => {
    const { login: _, ...legacy } = await surface(true);
    expect(diffSurfaces(legacy, await surface(true))).toEqual([]);
    expect(diffSurfaces(legacy, await surface(false))).toMatchObject([
      { severity: "breaking", message: expect.stringMatching(/^login support removed/) },
    ]);
  });
});
