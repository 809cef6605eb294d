/**
 * The one way an app is run, for the single-app CLI (a project of one entry) and for every entry
 * of a config file: load → generate → compare with the committed module (`check`), or write the
 * module and its lock (or hand the text back when there is no output file).
 */
import { checkModule, formatCheck, type CheckOutcome } from "../check/check.js";
import { lockPath, lockText, makeLock } from "../check/lock.js";
import { generateFromSchema, type GenerateResult } from "../generate.js";
import { loadSchema, type FetchAppOptions, type RawSchema } from "../load/index.js";
import { writeIfChanged } from "../output/write.js";

/** One app to run, however it was described (command line or config entry). */
export interface RunEntry {
  readonly source: string;
  /** The module file; undefined = the text is returned instead (the CLI prints it). */
  readonly output: string | undefined;
  readonly allEndpoints: boolean;
  /** Type-check before writing (never when checking: nothing is written then). */
  readonly typecheck: boolean;
  /** Include login support in the module. */
  readonly login: boolean;
  /** How a live app is read: token, credentials, waiting for a Space. */
  readonly load: FetchAppOptions;
  /** Also save the schema there (`--save-snapshot`). */
  readonly saveSnapshot?: string | undefined;
  /** The command a check report names to bring the module up to date (never with credentials). */
  readonly regenerate: string;
  /** Called once the schema is loaded, before generating (the CLI's notes about the app). */
  readonly onLoaded?: ((raw: RawSchema) => void) | undefined;
}

/** What running an entry did. */
export type EntryResult = { readonly raw: RawSchema; readonly result: GenerateResult } & (
  | { readonly kind: "checked"; readonly outcome: CheckOutcome; readonly report: string }
  | { readonly kind: "written"; readonly output: string; readonly changed: boolean }
  | { readonly kind: "printed"; readonly text: string }
);

/** Runs `entry`; `check` compares instead of writing (it needs `entry.output`). Failures throw. */
export async function runEntry(entry: RunEntry, check: boolean): Promise<EntryResult> {
  const raw = await loadSchema(entry.source, { ...entry.load, allEndpoints: entry.allEndpoints });
  entry.onLoaded?.(raw);
  const result = await generateFromSchema(raw, {
    allEndpoints: entry.allEndpoints,
    typecheck: entry.typecheck && !check,
    login: entry.login,
  });
  if (check && entry.output !== undefined) {
    const outcome = await checkModule(result, entry.output);
    return { raw, result, kind: "checked", outcome, report: formatCheck(outcome, entry.source, entry.regenerate) };
  }
  if (entry.saveSnapshot) await writeIfChanged(entry.saveSnapshot, `${JSON.stringify(result.snapshot, null, 2)}\n`);
  if (entry.output === undefined) return { raw, result, kind: "printed", text: result.text };
  const changed = await writeIfChanged(entry.output, result.text);
  await writeIfChanged(lockPath(entry.output), lockText(makeLock(result, { allEndpoints: entry.allEndpoints })));
  return { raw, result, kind: "written", output: entry.output, changed };
}
