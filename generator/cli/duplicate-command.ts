/**
 * `gradio-codegen duplicate <space>`: duplicates a Space into the token's account (or re-attaches
 * to the existing copy), waits until it runs, prints the copy's id on stdout, and with `-o`
 * generates the module from the copy. The work is the runtime's `duplicateSpace`; this file maps
 * flags to its options and its typed errors to one paragraph (exit 1).
 */
import { duplicateSpace, GradioError, type DuplicateStatusEvent } from "@gradio-codegen/runtime";
import yargs from "yargs";
import { CodegenError } from "../errors.js";
import { parseSubcommand } from "./parse-subcommand.js";
import type { CliArgs } from "./args.js";

const USAGE = "Run gradio-codegen duplicate --help for usage.";

/** Returns the exit code. */
export async function runSubcommand(argv: string[]): Promise<number> {
  const parsed = await parseSubcommand(
    yargs(argv)
      .scriptName("gradio-codegen duplicate")
      .usage(
        "$0 <space> [options]\n\nDuplicate a Hugging Face Space into your account (private by default) and wait until the copy runs; prints the copy's id. Re-running attaches to the existing copy and creates nothing.",
      )
      .command("$0 [space]", false, (y) =>
        y.positional("space", { type: "string", describe: "Space id (owner/name) to duplicate" }),
      )
      .option("to", { type: "string", describe: "The copy's id (owner/name or name; default <you>/<space name>)" })
      .option("hardware", { type: "string", describe: "Hardware of a new copy, e.g. t4-small (default: the source's)" })
      .option("private", {
        type: "boolean",
        default: true,
        describe: "Make a new copy private (--public or --no-private: public)",
      })
      .option("public", { type: "boolean", default: false, describe: "Make a new copy public" })
      .option("sleep-timeout", {
        type: "number",
        describe: "Seconds of inactivity before the copy sleeps (default 300; paid hardware only)",
      })
      .option("secret", {
        type: "string",
        array: true,
        describe: "NAME=value, or NAME to read $NAME (keeps the value off the command line); repeatable",
      })
      .option("variable", {
        type: "string",
        array: true,
        describe: "NAME=value (a public environment variable of the copy); repeatable",
      })
      .option("hf-token", { type: "string", describe: "Token with write access (default: $HF_TOKEN)" })
      .option("timeout", { type: "number", default: 900, describe: "Seconds to wait for the copy to build and run" })
      .option("output", {
        alias: "o",
        type: "string",
        describe: "Also generate the module from the copy into this file",
      })
      .option("quiet", { alias: "q", type: "boolean", default: false, describe: "Print no progress" })
      .example(
        "$0 abidlabs/whisper --hardware t4-small --secret HF_API_KEY -o whisper.ts",
        "Own GPU copy, a secret from $HF_API_KEY, and its module",
      ),
    USAGE,
  );
  if (parsed === null) return 0;
  const space = parsed["space"];
  if (typeof space !== "string" || !/^[\w.-]+\/[\w.-]+$/.test(space))
    throw new CodegenError("USAGE", `pass the Space to duplicate as owner/name. ${USAGE}`);
  const token = parsed["hfToken"] ?? (process.env["HF_TOKEN"] || undefined);
  const timeout = seconds(parsed["timeout"], "--timeout");
  const sleep = parsed["sleepTimeout"] === undefined ? undefined : seconds(parsed["sleepTimeout"], "--sleep-timeout");
  const quiet = parsed["quiet"];
  let copy;
  try {
    copy = await duplicateSpace(space, {
      ...(parsed["to"] ? { to: parsed["to"] } : {}),
      ...(token ? { hfToken: token } : {}),
      private: parsed["public"] ? false : parsed["private"],
      ...(parsed["hardware"] ? { hardware: parsed["hardware"] } : {}),
      ...(sleep === undefined ? {} : { sleepTimeout: sleep }),
      ...(parsed["secret"] ? { secrets: pairs(parsed["secret"], "--secret", true) } : {}),
      ...(parsed["variable"] ? { variables: pairs(parsed["variable"], "--variable", false) } : {}),
      timeout: timeout * 1000,
      ...(quiet ? {} : { onStatus: progress }),
      ...(process.env["GRADIO_CODEGEN_POLL_MS"] ? { intervalMs: Number(process.env["GRADIO_CODEGEN_POLL_MS"]) } : {}),
    });
  } catch (error) {
    if (!(error instanceof GradioError)) throw error;
    const code =
      error.code === "AUTH_REQUIRED" || error.code === "AUTH_FAILED"
        ? "AUTH"
        : error.code === "TIMEOUT"
          ? "TIMEOUT"
          : error.code === "SPACE_NOT_RUNNING"
            ? "SPACE_NOT_RUNNING"
            : error.code === "NETWORK"
              ? "NETWORK"
              : "HTTP";
    throw new CodegenError(code, `duplicate ${space}: ${error.message}`, { cause: error });
  }
  process.stdout.write(`${copy.spaceId}\n`);
  if (parsed["output"] === undefined) return 0;
  const { run } = await import("./run.js");
  const args: CliArgs = {
    source: copy.spaceId,
    output: parsed["output"],
    saveSnapshot: undefined,
    allEndpoints: false,
    typecheck: true,
    hfToken: token,
    waitTimeout: timeout,
    pollInterval: 1,
    quiet,
    check: false,
    config: undefined,
    auth: undefined,
    login: false,
    watch: false,
    watchInterval: 1,
    tools: false,
  };
  return run(args);
}

function progress(event: DuplicateStatusEvent): void {
  const seconds = (event.elapsedMs / 1000).toFixed(1);
  const line =
    event.status === "duplicating"
      ? `duplicating ${event.from} → ${event.spaceId} …`
      : event.status === "building"
        ? `waiting for ${event.spaceId}: ${event.stages.join(" → ")} …`
        : `${event.spaceId} is running (${event.created ? "new copy" : "existing copy"}, ${seconds} s)`;
  process.stderr.write(`${line}\n`);
}

/** `NAME=value` pairs; with `fromEnv`, a bare `NAME` reads `$NAME`. Values are never echoed. */
function pairs(items: readonly unknown[], flag: string, fromEnv: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items) {
    const text = String(item);
    const at = text.indexOf("=");
    const name = at < 0 ? text : text.slice(0, at);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      throw new CodegenError("USAGE", `${flag} needs NAME=value with NAME a variable name. ${USAGE}`);
    const value = at >= 0 ? text.slice(at + 1) : fromEnv ? process.env[name] : undefined;
    if (value === undefined)
      throw new CodegenError(
        "USAGE",
        `${flag} ${name}: ${fromEnv ? `$${name} is not set (or pass ${name}=value)` : "pass NAME=value"}. ${USAGE}`,
      );
    out[name] = value;
  }
  return out;
}

function seconds(value: unknown, flag: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
    throw new CodegenError("USAGE", `${flag} needs a number of seconds ≥ 0. ${USAGE}`);
  return value;
}
