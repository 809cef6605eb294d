/**
 * `gradio-codegen inspect <source>`: prints what a module generated from `source` would offer —
 * each endpoint's TypeScript signature, parameters (component, type, default, choices, range,
 * description), results, streaming — without writing anything. Formats: text (terminal width),
 * markdown (an API reference page), json (the lock's surface plus signatures; generator/inspect).
 */
import { basename, dirname } from "node:path";
import yargs from "yargs";
import { CodegenError } from "../errors.js";
import { parseSubcommand } from "./parse-subcommand.js";
import { inspectSource, renderInspect, type InspectFormat } from "../inspect/inspect.js";
import { endProgressLine, spaceProgress } from "./progress.js";

const USAGE = "Run gradio-codegen inspect --help for usage.";

/** Returns the exit code. */
export async function runSubcommand(argv: string[]): Promise<number> {
  const parsed = await parseSubcommand(
    yargs(argv)
      .scriptName("gradio-codegen inspect")
      .usage(
        "$0 <source> [options]\n\nShow the API a module generated from <source> would have (Space id, URL, snapshot, bare /info or /config), without writing anything.",
      )
      .command("$0 [source]", false, (y) =>
        y.positional("source", { type: "string", describe: "Space id, URL or schema file" }),
      )
      .option("format", {
        alias: "f",
        choices: ["text", "markdown", "json"] as const,
        default: "text" as const,
        describe: "text (terminal), markdown (API reference page) or json (the normalised surface)",
      })
      .option("all-endpoints", {
        type: "boolean",
        default: false,
        describe: "Include unnamed and undocumented endpoints",
      })
      .option("hf-token", { type: "string", describe: "Hugging Face token for private Spaces (default: $HF_TOKEN)" })
      .option("wait-timeout", {
        type: "number",
        default: 300,
        describe: "Seconds to wait for a sleeping or starting Space",
      })
      .option("width", { type: "number", describe: "Text width (default: the terminal's, else 100)" })
      .option("quiet", { alias: "q", type: "boolean", default: false, describe: "Print no progress" })
      .example("$0 abidlabs/whisper", "See a Space's API before generating its module")
      .example("$0 app.schema.json --format markdown > API.md", "An API reference page, offline"),
    USAGE,
  );
  if (parsed === null) return 0;
  const source = parsed["source"];
  if (typeof source !== "string" || source === "")
    throw new CodegenError("USAGE", `no source given: pass a Space id (owner/name), a URL or a schema file. ${USAGE}`);
  const wait = parsed["waitTimeout"];
  if (!Number.isFinite(wait) || wait < 0)
    throw new CodegenError("USAGE", `--wait-timeout needs a number of seconds ≥ 0. ${USAGE}`);
  const width = parsed["width"] ?? (process.stdout.isTTY ? process.stdout.columns : undefined) ?? 100;
  if (!Number.isFinite(width) || width < 40) throw new CodegenError("USAGE", `--width needs a number ≥ 40. ${USAGE}`);
  const doc = await inspectSource(source, {
    allEndpoints: parsed["allEndpoints"],
    token: parsed["hfToken"] ?? (process.env["HF_TOKEN"] || undefined),
    waitTimeoutMs: wait * 1000,
    ...(parsed["quiet"] ? {} : { onWait: spaceProgress() }),
  }).catch((error: unknown) => {
    if (!parsed["quiet"]) endProgressLine();
    throw error;
  });
  const format: InspectFormat = parsed["format"];
  process.stdout.write(
    await renderInspect(doc, format, { width: Math.min(width, 200), moduleName: moduleName(source) }),
  );
  return 0;
}

/** `abidlabs/whisper` → `whisper`; `app.schema.json` → `app`; a URL → its last path segment. */
function moduleName(source: string): string {
  const path = source.replace(/\/+$/, "").replace(/^https?:\/\/[^/]+\/?/, "");
  // generated-examples/whisper/schema.json → whisper
  const last =
    (/^(schema|snapshot)\.json$/.test(basename(path)) ? basename(dirname(path)) : basename(path)) || "client";
  return last.replace(/(\.schema)?\.json$/, "").replace(/[^\w-]/g, "_") || "client";
}
