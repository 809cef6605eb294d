/**
 * `--watch` against a real Gradio app whose source changes during the test: the app (a small
 * Blocks app written here, launched with `demo.launch()` on a fixed free port) is stopped, its
 * source edited (a new optional parameter and a new endpoint), and started again; the watching
 * CLI says the app went away and came back, regenerates once with the semantic diff, the module
 * compiles strictly, and Ctrl-C (SIGINT) ends the CLI with exit code 0 and no stray files.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { venvPython } from "../harness/venv.js";
import { CLI, REPO_ROOT, workDir } from "../support/paths.js";
import { typecheckFiles } from "../support/typecheck.js";

const APP_V1 = `
import os, gradio as gr
def greet(name: str) -> str:
    return "Hello " + name
with gr.Blocks() as demo:
    name = gr.Textbox(label="name")
    out = gr.Textbox(label="greeting")
    gr.Button().click(greet, name, out, api_name="greet")
demo.launch(server_name="127.0.0.1", server_port=int(os.environ["PORT"]))
`;
const APP_V2 = `
import os, gradio as gr
def greet(name: str, punctuation: str = "!") -> str:
    return "Hello " + name + punctuation
def shout(text: str) -> str:
    return text.upper()
with gr.Blocks() as demo:
    name = gr.Textbox(label="name")
    punctuation = gr.Textbox(label="punctuation", value="!")
    out = gr.Textbox(label="greeting")
    gr.Button().click(greet, [name, punctuation], out, api_name="greet")
    gr.Button().click(shout, name, out, api_name="shout")
demo.launch(server_name="127.0.0.1", server_port=int(os.environ["PORT"]))
`;

const children = new Set<ChildProcess>();
afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

function startApp(dir: string, source: string, port: number): ChildProcess {
  writeFileSync(join(dir, "app.py"), source);
  const child = spawn(venvPython(inject("gradioVersion")), [join(dir, "app.py")], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), GRADIO_ANALYTICS_ENABLED: "False" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  children.add(child);
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
  children.delete(child);
}

/** Collects the CLI's stderr lines; `next(re)` waits (bounded) for a line matching `re`. */
function lines(child: ChildProcess): { next(re: RegExp, timeoutMs?: number): Promise<string>; all(): string[] } {
  const seen: string[] = [];
  let buffered = "";
  const waiters: { re: RegExp; resolve: (line: string) => void; from: number }[] = [];
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    buffered += chunk;
    const parts = buffered.split("\n");
    buffered = parts.pop() ?? "";
    seen.push(...parts);
    for (const w of [...waiters]) {
      const hit = seen.slice(w.from).find((l) => w.re.test(l));
      if (hit !== undefined) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(hit);
      }
    }
  });
  let cursor = 0;
  return {
    all: () => seen,
    next(re, timeoutMs = 60_000) {
      const from = cursor;
      const found = seen.slice(from).findIndex((l) => re.test(l));
      if (found >= 0) {
        cursor = from + found + 1;
        return Promise.resolve(seen[from + found] as string);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no line matching ${re} within ${timeoutMs} ms; saw:\n${seen.join("\n")}`)),
          timeoutMs,
        );
        waiters.push({
          re,
          from,
          resolve: (line) => {
            clearTimeout(timer);
            cursor = seen.indexOf(line, from) + 1;
            resolve(line);
          },
        });
      });
    },
  };
}

describe("gradio-codegen <url> -o app.ts --watch", () => {
  it("regenerates when the app's API changes, says so in one line, survives the app going down, exits 0 on Ctrl-C", async () => {
    const dir = workDir("watch");
    const out = join(dir, "out");
    const port = await freePort();
    let app = startApp(dir, APP_V1, port);
    const cli = spawn(
      process.execPath,
      [CLI, `http://127.0.0.1:${port}/`, "-o", join(out, "app.ts"), "--watch", "--watch-interval", "0.25"],
      { cwd: REPO_ROOT, stdio: ["ignore", "ignore", "pipe"] },
    );
    children.add(cli);
    const log = lines(cli);
    await log.next(/watching http:\/\/127\.0\.0\.1:\d+\/ → /);
    await log.next(/wrote .*app\.ts \(1 endpoint\(s\)\)/, 90_000);

    await stop(app);
    await log.next(/is not answering/);
    app = startApp(dir, APP_V2, port);
    await log.next(/is back/, 90_000);
    const regenerated = await log.next(/regenerated .*app\.ts: /);
    expect(regenerated).toMatch(/2 API change\(s\), 0 breaking/);
    expect(regenerated).toMatch(/compatible \/greet parameter added: punctuation/);
    expect(regenerated).toMatch(/endpoint added: \/shout/);
    expect(typecheckFiles([join(out, "app.ts")])).toEqual([]);

    const exited = new Promise<number | null>((resolve) => cli.once("exit", (code) => resolve(code)));
    cli.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(log.all().at(-1)).toMatch(/stopped watching/);
    expect(readdirSync(out).sort()).toEqual(["app.gradio-lock.json", "app.ts"]);
    await stop(app);
  }, 240_000);
});
