/**
 * `gradio-codegen duplicate` and a generated Space module's `duplicate()`, through the real CLI:
 * the Hub is the local stand-in (via `HF_ENDPOINT`), every copy's host is the real calculator
 * test app. Duplicate → build → call returns the app's result; re-running attaches (no second
 * create request at the stand-in); errors are one paragraph with exit 1.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { DuplicateOptions, DuplicateStatusEvent } from "../../runtime/src/index.js";
import { startHubStandin, type HubStandin } from "../harness/hub-standin.js";
import { runCli } from "../support/cli.js";
import { workDir } from "../support/paths.js";

interface CalculatorClient {
  predict(a: number, op: string, b: number): Promise<number>;
  close(): Promise<void>;
}
interface CalculatorSpaceModule {
  duplicate(options?: DuplicateOptions, clientOptions?: { hfEndpoint?: string }): Promise<CalculatorClient>;
}

const TOKEN = "hf_cliDuplicateToken55";
const calculator = inject("apps")["calculator"] as string;
const dir = workDir("duplicate");
let hub: HubStandin;
let env: Record<string, string>;

beforeAll(async () => {
  hub = await startHubStandin();
  hub.addUser({ name: "carol", token: TOKEN });
  hub.addSpace({
    id: "upstream/calc",
    host: calculator,
    hardware: "cpu-basic",
    copy: { host: calculator, stages: ["BUILDING", "APP_STARTING", "RUNNING"] },
  });
  env = { HF_ENDPOINT: hub.url, HF_TOKEN: TOKEN, GRADIO_CODEGEN_POLL_MS: "5" };
});
afterAll(() => hub.close());

const creates = () =>
  hub.requests.filter((r) => r.method === "POST" && r.path === "/api/spaces/upstream/calc/duplicate");

describe("gradio-codegen duplicate (Hub stand-in, live app)", () => {
  it("prints the copy's id, sends the flags, and with -o generates the module from the copy", async () => {
    const out = join(dir, "copy.ts");
    const result = await runCli(
      [
        "duplicate",
        "upstream/calc",
        "--to",
        "calc-copy",
        "--public",
        "--hardware",
        "t4-small",
        "--sleep-timeout",
        "600",
        "--secret",
        "API_KEY",
        "--secret",
        "OTHER=v2",
        "--variable",
        "MODE=fast",
        "-o",
        out,
      ],
      { env: { ...env, API_KEY: "from-env" } },
    );
    expect(result.stdout).toBe("carol/calc-copy\n");
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^duplicating upstream\/calc → carol\/calc-copy …\nwaiting for carol\/calc-copy: BUILDING …\n(.*\n)*carol\/calc-copy is running \(new copy, /,
    );
    expect(result.stderr).not.toContain("from-env"); // secret values are never printed
    expect(JSON.parse(creates().at(-1)?.body ?? "")).toEqual({
      repository: "carol/calc-copy",
      visibility: "public",
      hardware: "t4-small",
      sleepTimeSeconds: 600,
      secrets: [
        { key: "API_KEY", value: "from-env" },
        { key: "OTHER", value: "v2" },
      ],
      variables: [{ key: "MODE", value: "fast" }],
    });
    const text = readFileSync(out, "utf8");
    expect(text).toContain('spaceId: "carol/calc-copy"');
    expect(text).toMatch(/export async function duplicate\(/);
  });

  it("re-running attaches: same id, no second create request", async () => {
    const before = creates().length;
    const result = await runCli(["duplicate", "upstream/calc", "--to", "carol/calc-copy"], { env });
    expect(result).toMatchObject({ code: 0, stdout: "carol/calc-copy\n" });
    expect(result.stderr).toMatch(/carol\/calc-copy is running \(existing copy/);
    expect(creates()).toHaveLength(before);
  });

  it.each([
    [
      ["upstream/calc"],
      { HF_TOKEN: "" },
      /^gradio-codegen: duplicate upstream\/calc: duplicating upstream\/calc needs a Hugging Face token: create a token .*settings\/tokens/,
    ],
    [
      ["nobody/nothing"],
      {},
      /^gradio-codegen: duplicate nobody\/nothing: Space nobody\/nothing cannot be duplicated: it does not exist, or it is private/,
    ],
    [
      ["upstream/calc", "--to", "calc-copy", "--hardware", "a100-large"],
      {},
      /runs on t4-small, not a100-large: nothing was changed/,
    ],
  ] as const)("%j → one paragraph, exit 1", async (args, extra, message) => {
    const result = await runCli(["duplicate", ...args], { env: { ...env, ...extra } });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("usage errors: exit 2", async () => {
    for (const args of [
      ["duplicate"],
      ["duplicate", "upstream/calc", "--secret", "NOT_SET_ANYWHERE_42"],
      ["duplicate", "upstream/calc", "--timeout", "-1"],
    ]) {
      const result = await runCli(args, { env });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^gradio-codegen: .*Run gradio-codegen duplicate --help/);
    }
  });
});

describe("duplicate() of a generated Space module", () => {
  it("creates the copy once, waits, and returns a client of the copy that calls the real app", async () => {
    const out = join(dir, "calc.ts");
    const generated = await runCli(["upstream/calc", "-o", out, "--poll-interval", "0.02"], {
      env: { ...env, HF_TOKEN: "" },
    });
    expect(generated.code).toBe(0);
    const mod = (await import(out)) as CalculatorSpaceModule;
    const events: DuplicateStatusEvent[] = [];
    const before = creates().length;
    const options = {
      to: "module-copy",
      hfToken: TOKEN,
      hfEndpoint: hub.url,
      intervalMs: 5,
      onStatus: (e: DuplicateStatusEvent) => events.push(e),
    };
    const client = await mod.duplicate(options);
    try {
      expect(await client.predict(2, "multiply", 21)).toBe(42);
    } finally {
      await client.close();
    }
    expect(events.map((e) => e.status)).toEqual(["duplicating", "building", "building", "running"]);
    const again = await mod.duplicate({ ...options, onStatus: undefined });
    try {
      expect(await again.predict(1, "add", 1)).toBe(2);
    } finally {
      await again.close();
    }
    expect(creates()).toHaveLength(before + 1);
    expect(existsSync(out)).toBe(true);
  });
});
