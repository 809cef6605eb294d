/**
 * `--auth` / `GRADIO_AUTH` / `--login` through the real CLI, against the real rt_auth app (mounted
 * with `auth=("alice", "wonderland")`, docs/protocol.md §5.4): the generator logs in before
 * reading /config and /info, the module gets login support (and only then), credentials reach no
 * output, and the module logs in and calls the live app. Also: the 401 and wrong-password errors,
 * snapshots that keep the login decision, and how --check and config files treat it.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startHubStandin, type HubStandin } from "../harness/hub-standin.js";
import { startRecordingProxy, type RecordingProxy } from "../harness/recording-proxy.js";
import { runCli, type CliResult } from "../support/cli.js";
import { EXAMPLES_DIR, workDir } from "../support/paths.js";
import { typecheckFiles } from "../support/typecheck.js";

interface AuthModule {
  connect(options?: { auth?: { username: string; password: string }; baseUrl?: string; hfEndpoint?: string }): {
    whoami(text: string): Promise<string>;
    close(): Promise<void>;
  };
}
interface CalculatorModule {
  connect(options?: { auth?: { username: string; password: string }; baseUrl?: string }): {
    predict(a: number, op: string, b: number): Promise<number>;
    close(): Promise<void>;
  };
}

const apps = inject("apps");
const rtAuth = apps["rt_auth"] as string;
const calculator = apps["calculator"] as string;
const USER = "alice";
const PASSWORD = "wonderland";
const WRONG = "looking-glass";
const auth = { username: USER, password: PASSWORD };
/** Without GRADIO_AUTH from the developer's shell leaking in. */
const clean = { GRADIO_AUTH: "", HF_TOKEN: "" };
const dir = workDir("auth");
let n = 0;
const fresh = (name: string) => join(dir, `${name}-${++n}.ts`);

function expectFailure(result: CliResult, out: string, code: number, message: RegExp): void {
  expect(result.stderr).toMatch(/^gradio-codegen: /);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.code).toBe(code);
  expect(existsSync(out)).toBe(false);
}

/** No file written in the work folder, nor anything printed, holds the password or the `user:password` pair. */
function expectNoCredentials(...printed: string[]): void {
  for (const file of readdirSync(dir)) {
    const text = readFileSync(join(dir, file), "utf8");
    expect(text, file).not.toContain(PASSWORD);
    expect(text, file).not.toContain(WRONG);
    expect(text, file).not.toContain(`${USER}:`);
  }
  for (const text of printed) {
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(WRONG);
  }
}

describe("gradio-codegen against an app launched with auth= (rt_auth)", () => {
  let proxy: RecordingProxy;
  let hub: HubStandin;
  const module = join(dir, "rt_auth.ts");
  const snapshot = join(dir, "rt_auth.schema.json");

  beforeAll(async () => {
    proxy = await startRecordingProxy(new URL(rtAuth).origin);
    hub = await startHubStandin();
  });
  afterAll(async () => {
    await proxy.close();
    await hub.close();
  });

  it("without credentials → exit 1: the app requires a login, pass --auth or set GRADIO_AUTH", async () => {
    const out = fresh("none");
    const result = await runCli([rtAuth, "-o", out], { env: clean });
    expectFailure(
      result,
      out,
      1,
      new RegExp(
        `${rtAuth} requires a login .*GET ${rtAuth}/config answered HTTP 401 "Not authenticated".*pass --auth <username:password>, or set GRADIO_AUTH`,
      ),
    );
  });

  it("a wrong password → exit 1 naming the login URL and the HTTP 400, not the credentials", async () => {
    const out = fresh("wrong");
    const result = await runCli([rtAuth, "-o", out, "--auth", `${USER}:${WRONG}`], { env: clean });
    expectFailure(
      result,
      out,
      1,
      new RegExp(
        `wrong username or password: POST ${rtAuth}/login answered HTTP 400; the app rejected the credentials from --auth`,
      ),
    );
    expectNoCredentials(result.stderr, result.stdout);
  });

  it("malformed credentials are usage errors (exit 2) that never echo the value", async () => {
    const out = fresh("malformed");
    const flag = await runCli([rtAuth, "-o", out, "--auth", PASSWORD], { env: clean });
    expectFailure(flag, out, 2, /--auth must be <username>:<password> \(split on the first ":"\)/);
    const env = await runCli([rtAuth, "-o", out], { env: { ...clean, GRADIO_AUTH: `:${PASSWORD}` } });
    expectFailure(env, out, 2, /\$GRADIO_AUTH must be <username>:<password>/);
    expectNoCredentials(flag.stderr, env.stderr);
  });

  it("--auth: logs in first (POST {base}/login, form-encoded), then reads /config and /info with the session cookie", async () => {
    const path = new URL(rtAuth).pathname;
    const start = proxy.requests.length;
    const result = await runCli([`${proxy.url}${path}`, "-o", fresh("proxied"), "--auth", `${USER}:${PASSWORD}`], {
      env: clean,
    });
    expect(result.code, result.stderr).toBe(0);
    const [login, ...later] = proxy.requests.slice(start);
    expect(login).toMatchObject({
      method: "POST",
      path: `${path}/login`,
      headers: expect.objectContaining({ "content-type": "application/x-www-form-urlencoded" }),
    });
    expect(login?.headers["cookie"]).toBeUndefined();
    expect(later.map((r) => r.path)).toEqual([`${path}/config`, `${path}/gradio_api/info`]);
    // Over plain http only Gradio's "unsecure" cookie applies (the other one is Secure).
    for (const r of later) expect(r.headers["cookie"]).toMatch(/^access-token-unsecure-[^=]+=[\w-]+$/);
  });

  it("--auth user:password → a module with login support, its lock and a snapshot saying login: true; no credentials anywhere", async () => {
    const result = await runCli([rtAuth, "-o", module, "--save-snapshot", snapshot, "--auth", `${USER}:${PASSWORD}`], {
      env: clean,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`wrote ${module} (1 endpoint(s))`);
    const text = readFileSync(module, "utf8");
    expect(text).toContain("login: withLogin");
    expect(text).toMatch(/bind\(\s*"whoami",/);
    expect(JSON.parse(readFileSync(snapshot, "utf8"))).toMatchObject({
      format: "gradio-codegen-snapshot/1",
      login: true,
    });
    expect(JSON.parse(readFileSync(join(dir, "rt_auth.gradio-lock.json"), "utf8"))).toMatchObject({
      surface: { login: true },
    });
    expectNoCredentials(result.stdout, result.stderr);
  });

  it("the module type-checks strictly, logs in with connect({ auth }) and gets the app's real result; without auth the app refuses", async () => {
    expect(typecheckFiles([module])).toEqual([]);
    const mod = (await import(module)) as AuthModule;
    const client = mod.connect({ auth });
    expect(await client.whoami("hi")).toBe("alice:hi");
    expect(await client.whoami("again")).toBe("alice:again");
    await client.close();
    const anonymous = mod.connect();
    await expect(anonymous.whoami("x")).rejects.toMatchObject({ code: "AUTH_REQUIRED", status: 401 });
    await anonymous.close();
  }, 120_000);

  it("GRADIO_AUTH instead of --auth gives the same module, and regenerating from the snapshot (no credentials, no flag) keeps login support", async () => {
    const fromEnv = fresh("env");
    const env = await runCli([rtAuth, "-o", fromEnv], { env: { ...clean, GRADIO_AUTH: `${USER}:${PASSWORD}` } });
    expect(env.code, env.stderr).toBe(0);
    expect(readFileSync(fromEnv, "utf8")).toBe(readFileSync(module, "utf8"));
    const offline = fresh("offline");
    const again = await runCli([snapshot, "-o", offline], { env: { ...clean, GRADIO_AUTH: "ignored:for-files" } });
    expect(again.code, again.stderr).toBe(0);
    expect(readFileSync(offline, "utf8")).toBe(readFileSync(module, "utf8"));
    const check = await runCli([snapshot, "-o", module, "--check"], { env: clean });
    expect(check.stdout).toContain("up to date");
    expect(check.code).toBe(0);
    expectNoCredentials(env.stderr, again.stderr);
  }, 120_000);

  it("--check of the live app needs the login too: 401 → exit 1 (not a change); with --auth → up to date", async () => {
    const denied = await runCli([rtAuth, "-o", module, "--check"], { env: clean });
    expect(denied.code).toBe(1);
    expect(denied.stderr).toMatch(/requires a login/);
    const ok = await runCli([rtAuth, "-o", module, "--check", "--auth", `${USER}:${PASSWORD}`], { env: clean });
    expect(ok.stdout).toContain("up to date");
    expect(ok.code).toBe(0);
  });

  it("a Space launched with auth= (Hub stand-in): logs in on the resolved host; the module resolves it and logs in at run time", async () => {
    const id = "tester/private-login";
    hub.addSpace({ id, host: rtAuth });
    const out = fresh("space");
    const result = await runCli([id, "-o", out, "--auth", `${USER}:${PASSWORD}`], {
      env: { ...clean, HF_ENDPOINT: hub.url },
    });
    expect(result.code, result.stderr).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text).toContain(`spaceId: "${id}"`);
    expect(text).toContain("login: withLogin");
    const client = ((await import(out)) as AuthModule).connect({ hfEndpoint: hub.url, auth });
    expect(await client.whoami("space")).toBe("alice:space");
    await client.close();
  });
});

describe("login support is decided at generation time", () => {
  const calculatorSnapshot = join(EXAMPLES_DIR, "calculator", "schema.json");

  it("by default a module has none; given { auth } at run time it fails with UNSUPPORTED naming the missing feature", async () => {
    const out = fresh("calc-default");
    const result = await runCli([calculatorSnapshot, "-o", out], { env: clean });
    expect(result.code, result.stderr).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text).not.toContain("withLogin");
    expect(text).toContain("createAppClient(app, options);");
    const client = ((await import(out)) as CalculatorModule).connect({ baseUrl: calculator, auth });
    await expect(client.predict(1, "add", 2)).rejects.toMatchObject({
      code: "UNSUPPORTED",
      message: expect.stringMatching(/created without login support; regenerate its module/),
    });
    await client.close();
  });

  it("--login from a snapshot includes it (no login now); the module compiles and logs in to an app without auth= as a no-op", async () => {
    const out = fresh("calc-login");
    const result = await runCli([calculatorSnapshot, "-o", out, "--login"], { env: clean });
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("{ login: withLogin }");
    expect(typecheckFiles([out])).toEqual([]);
    const client = ((await import(out)) as CalculatorModule).connect({ baseUrl: calculator, auth });
    expect(await client.predict(2, "multiply", 21)).toBe(42);
    await client.close();
  }, 120_000);

  it("--auth with a schema file is a usage error pointing to --login", async () => {
    const out = fresh("file-auth");
    const result = await runCli([calculatorSnapshot, "-o", out, "--auth", `${USER}:${PASSWORD}`], { env: clean });
    expectFailure(
      result,
      out,
      2,
      /--auth logs in to a live app, and .*schema\.json is a schema file; to include login support in its module, pass --login instead/,
    );
  });

  it("--auth for an app without a login: a warning, and the module still has login support (--auth implies --login)", async () => {
    const out = fresh("open-auth");
    const result = await runCli([calculator, "-o", out, "--auth", `${USER}:${PASSWORD}`], { env: clean });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      /warning: .*calculator has no Gradio login .*credentials from --auth were not needed; the module still gets login support/,
    );
    expect(readFileSync(out, "utf8")).toContain("login: withLogin");
  });

  it("--check: login support added is compatible (3), removed is breaking (4), the same is up to date (0)", async () => {
    const withLogin = fresh("check-login");
    const without = fresh("check-plain");
    expect((await runCli([calculator, "-o", withLogin, "--login"], { env: clean })).code).toBe(0);
    expect((await runCli([calculator, "-o", without], { env: clean })).code).toBe(0);
    const removed = await runCli([calculator, "-o", withLogin, "--check"], { env: clean });
    expect(removed.stdout).toMatch(
      /BREAKING\s+\(app\)\s+login support removed: after regenerating, connect\(\{ auth \}\) fails with UNSUPPORTED; if the app needs a login, pass --auth or --login/,
    );
    expect(removed.code).toBe(4);
    const added = await runCli([calculator, "-o", without, "--check", "--login"], { env: clean });
    expect(added.stdout).toMatch(/compatible\s+\(app\)\s+login support added/);
    expect(added.stdout).toMatch(/Regenerate with: gradio-codegen \S+ -o \S+ --login\n/);
    expect(added.code).toBe(3);
    const same = await runCli([calculator, "-o", withLogin, "--check", "--login"], { env: clean });
    expect(same.code).toBe(0);
  }, 120_000);

  it("--auth/--login with --config are usage errors (the config file says it per app)", async () => {
    const result = await runCli(["--config", join(dir, "x.json"), "--login"], { env: clean });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--config takes login settings from the config file \(per app: "authEnv", "login"\)/);
  });
});

describe("config file: per-app authEnv and login", () => {
  // Invalid entries (one holds the credentials themselves) live apart from the outputs checked above.
  const badDir = workDir("auth-config");
  const write = (name: string, apps: unknown[], folder = dir) => {
    const file = join(folder, name);
    writeFileSync(file, JSON.stringify({ apps }));
    return file;
  };

  it("authEnv names the variable holding user:password: the app is read after logging in; login: true adds support without one", async () => {
    const config = write("auth.config.json", [
      { name: "guarded", source: rtAuth, output: "cfg-guarded.ts", authEnv: "RT_AUTH_CREDENTIALS" },
      { name: "open", source: calculator, output: "cfg-open.ts", login: true },
      { name: "plain", source: calculator, output: "cfg-plain.ts" },
    ]);
    const result = await runCli(["--config", config], {
      env: { ...clean, RT_AUTH_CREDENTIALS: `${USER}:${PASSWORD}` },
    });
    expect(result.code, result.stderr + result.stdout).toBe(0);
    expect(readFileSync(join(dir, "cfg-guarded.ts"), "utf8")).toContain("login: withLogin");
    expect(readFileSync(join(dir, "cfg-open.ts"), "utf8")).toContain("login: withLogin");
    expect(readFileSync(join(dir, "cfg-plain.ts"), "utf8")).not.toContain("withLogin");
    const check = await runCli(["--config", config, "--check"], {
      env: { ...clean, RT_AUTH_CREDENTIALS: `${USER}:${PASSWORD}` },
    });
    expect(check.stdout).toMatch(/3 app\(s\): 3 up to date/);
    expect(check.code).toBe(0);
    expectNoCredentials(result.stdout, result.stderr, check.stdout, check.stderr);
  });

  it("an app that requires a login without authEnv, or with its variable unset → an error saying what to add", async () => {
    const config = write("missing.config.json", [
      { name: "noenv", source: rtAuth, output: "cfg-noenv.ts" },
      { name: "unset", source: rtAuth, output: "cfg-unset.ts", authEnv: "RT_AUTH_UNSET_VARIABLE" },
    ]);
    const result = await runCli(["--config", config], { env: clean });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /noenv: .*requires a login .*add "authEnv": "<NAME>" to its entry in the config file/,
    );
    expect(result.stderr).toMatch(/unset: the environment variable RT_AUTH_UNSET_VARIABLE \(authEnv\) is not set/);
  });

  it.each([
    [
      "authEnv holding the credentials themselves",
      { authEnv: `${USER}:${PASSWORD}` },
      /app bad: "authEnv" must be the name of an environment variable \(letters, digits, _\), not its value \(at \/apps\/0\/authEnv\)/,
    ],
    ["an empty authEnv", { authEnv: "" }, /app bad: "authEnv" must be a non-empty string \(at \/apps\/0\/authEnv\)/],
    ["login not a boolean", { login: "yes" }, /app bad: "login" must be true or false \(at \/apps\/0\/login\)/],
    [
      "a misspelt key",
      { logn: true },
      /app bad: unknown key "logn" \(allowed: .*authEnv, login.*\) \(at \/apps\/0\/logn\)/,
    ],
  ])("%s → exit 1 with a JSON pointer, never echoing the value", async (_, entry, message) => {
    const config = write(
      `bad-${++n}.config.json`,
      [{ name: "bad", source: calculator, output: "never.ts", ...entry }],
      badDir,
    );
    const result = await runCli(["--config", config], { env: clean });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toContain(PASSWORD);
    expect(existsSync(join(badDir, "never.ts"))).toBe(false);
  });
});
