/** Command-line parsing with yargs; usage problems become USAGE errors (exit code 2). */
import yargs from "yargs";
import { CodegenError } from "../errors.js";
import { parseCredentials, type AppCredentials } from "../load/index.js";
import { GENERATOR_VERSION } from "../version.js";

export interface CliArgs {
  readonly source: string;
  readonly output: string | undefined;
  readonly saveSnapshot: string | undefined;
  readonly allEndpoints: boolean;
  readonly typecheck: boolean;
  readonly hfToken: string | undefined;
  /** Seconds to wait for a sleeping/starting Space. */
  readonly waitTimeout: number;
  /** Seconds between two reads of a waking Space's stage. */
  readonly pollInterval: number;
  readonly quiet: boolean;
  /** Compare with the committed module and lock instead of writing (needs --output). */
  readonly check: boolean;
  /** A gradio-codegen.config.json: generate or check every app in it (then `source` is empty). */
  readonly config: string | undefined;
  /** `--auth username:password`: log in before reading the app (implies `login`). */
  readonly auth: AppCredentials | undefined;
  /** `--login`: include login support in the module without logging in now. */
  readonly login: boolean;
  /** `--watch`: keep running; regenerate whenever the app's API changes. */
  readonly watch: boolean;
  /** Seconds between two reads of the app while watching. */
  readonly watchInterval: number;
  /** `--tools`: also write `<output>.tools.ts`, the endpoints as LLM tools. */
  readonly tools: boolean;
}

/** Parses argv; returns null when yargs already handled the call (`--help`, `--version`). */
export async function parseArgs(argv: string[]): Promise<CliArgs | null> {
  let handled = true;
  const parsed = await yargs(argv)
    .scriptName("gradio-codegen")
    .usage("$0 <source> [options]\n\nGenerate a typed TypeScript client for a Gradio app.\n<source> is a Hugging Face Space id (owner/name), an http(s) URL of a Gradio app, or a schema file (a snapshot written with --save-snapshot, or a bare /info JSON).")
    .command("$0 [source]", false, (y) => y.positional("source", { type: "string", describe: "Space id, URL or schema file" }))
    .option("output", { alias: "o", type: "string", describe: "Write the module to this file (default: stdout)" })
    .option("save-snapshot", { type: "string", describe: "Also save the schema (/config + /info) to this file, for offline regeneration" })
    .option("all-endpoints", { type: "boolean", default: false, describe: "Include unnamed and undocumented endpoints" })
    .option("typecheck", { type: "boolean", default: true, describe: "Type-check the module before writing it (--no-typecheck to skip)" })
    .option("hf-token", { type: "string", describe: "Hugging Face token for private Spaces (default: $HF_TOKEN)" })
    .option("auth", { type: "string", describe: "<username:password> of an app launched with auth=: log in before reading it; implies --login (default: $GRADIO_AUTH)" })
    .option("login", { type: "boolean", default: false, describe: "Include login support (connect({ auth })) in the module without logging in now" })
    .option("check", { type: "boolean", default: false, describe: "Write nothing; compare with the committed module and its lock. Exit 0 up to date, 3 compatible changes, 4 breaking changes, 1 error" })
    .option("wait-timeout", { type: "number", default: 300, describe: "Seconds to wait for a sleeping or starting Space before giving up" })
    .option("poll-interval", { type: "number", default: 1, hidden: true, describe: "Seconds between two reads of a waking Space's stage" })
    .option("config", { alias: "c", type: "string", describe: "Generate (or with --check, check) every app listed in this config file" })
    .option("watch", { type: "boolean", default: false, describe: "Keep running: regenerate the module whenever the app's API changes (a local dev server), one line per change" })
    .option("watch-interval", { type: "number", default: 1, describe: "Seconds between two reads of the app with --watch" })
    .option("tools", { type: "boolean", default: false, describe: "Also write <output>.tools.ts: every endpoint as a tool for LLM agents (JSON Schemas + dispatcher)" })
    .option("quiet", { alias: "q", type: "boolean", default: false, describe: "Print no diagnostics" })
    .example("$0 abidlabs/whisper -o whisper.ts", "Client for a Space")
    .example("$0 http://127.0.0.1:7860/ -o app.ts --save-snapshot app.schema.json", "Client for a local app, keeping its schema")
    .example("$0 app.schema.json -o app.ts", "Regenerate offline from a saved schema")
    .example("GRADIO_AUTH=alice:secret $0 http://127.0.0.1:7860/ -o app.ts", "Client for an app launched with auth= (or --auth alice:secret)")
    .example("$0 abidlabs/whisper -o whisper.ts --check", "In CI: has the Space's API changed since whisper.ts was generated?")
    .example("$0 --config gradio-codegen.config.json --check", "Check every app of a project at once")
    .example("$0 http://127.0.0.1:7860/ -o src/app.ts --watch", "Regenerate while you change the app (Ctrl-C to stop)")
    .version(GENERATOR_VERSION)
    .help()
    .strict()
    .exitProcess(false)
    .fail((message, error) => {
      throw error instanceof CodegenError ? error : new CodegenError("USAGE", `${message ?? error?.message ?? "invalid arguments"}. Run gradio-codegen --help for usage.`);
    })
    .check(() => {
      handled = false;
      return true;
    })
    .parseAsync();
  if (handled || parsed["help"] === true || parsed["version"] === true) return null;
  const source = parsed["source"];
  const config = parsed["config"];
  if (config !== undefined) {
    if (typeof source === "string" && source !== "") throw new CodegenError("USAGE", "pass either a source or --config, not both. Run gradio-codegen --help for usage.");
    if (parsed["output"] || parsed["saveSnapshot"]) throw new CodegenError("USAGE", "--config takes each app's output from the config file; drop --output/--save-snapshot. Run gradio-codegen --help for usage.");
    if (parsed["auth"] !== undefined || parsed["login"] === true) throw new CodegenError("USAGE", "--config takes login settings from the config file (per app: \"authEnv\", \"login\"); drop --auth/--login. Run gradio-codegen --help for usage.");
  } else if (typeof source !== "string" || source === "") throw new CodegenError("USAGE", "no source given: pass a Space id (owner/name), a URL or a schema file. Run gradio-codegen --help for usage.");
  if (parsed["check"] === true && !parsed["output"] && config === undefined) throw new CodegenError("USAGE", "--check needs --output: the module to compare with. Run gradio-codegen --help for usage.");
  if (parsed["watch"] === true && (!parsed["output"] || config !== undefined || parsed["check"] === true)) throw new CodegenError("USAGE", "--watch needs --output (the module it keeps up to date) and goes with neither --check nor --config. Run gradio-codegen --help for usage.");
  if (parsed["tools"] === true && !parsed["output"] && config === undefined) throw new CodegenError("USAGE", "--tools needs --output: the tools module is written next to it. Run gradio-codegen --help for usage.");
  return {
    source: typeof source === "string" ? source : "",
    config,
    output: parsed["output"],
    saveSnapshot: parsed["saveSnapshot"],
    allEndpoints: parsed["allEndpoints"],
    typecheck: parsed["typecheck"],
    hfToken: parsed["hfToken"],
    waitTimeout: seconds(parsed["waitTimeout"], "--wait-timeout"),
    pollInterval: seconds(parsed["pollInterval"], "--poll-interval"),
    quiet: parsed["quiet"],
    check: parsed["check"],
    auth: credentials(parsed["auth"]),
    login: parsed["login"],
    watch: parsed["watch"],
    watchInterval: seconds(parsed["watchInterval"], "--watch-interval"),
    tools: parsed["tools"],
  };
}

/** `--auth`'s value; never echoed in a message. */
function credentials(value: unknown): AppCredentials | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw new CodegenError("USAGE", "--auth was given more than once. Run gradio-codegen --help for usage.");
  try {
    return parseCredentials(value, "--auth");
  } catch (error) {
    throw error instanceof CodegenError ? new CodegenError("USAGE", `${error.message}. Run gradio-codegen --help for usage.`) : error;
  }
}

function seconds(value: number, flag: string): number {
  if (!Number.isFinite(value) || value < 0) throw new CodegenError("USAGE", `${flag} needs a number of seconds ≥ 0. Run gradio-codegen --help for usage.`);
  return value;
}
