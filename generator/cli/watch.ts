/**
 * `--watch`: the dev loop for people who write the Gradio app too. While the app runs, its schema
 * is read every `intervalMs`; when it changed (a hash of the normalized snapshot — the same data
 * a saved snapshot holds, so a restart alone changes nothing), the module and its lock are
 * regenerated (atomic writes: never a partial file) and one line says what changed, with the
 * semantic diff `--check` computes. While the app is down, reads back off (doubling up to
 * `maxBackoffMs`) and one line says so. Stops when `signal` aborts (Ctrl-C).
 */
import { createHash } from "node:crypto";
import type { GenerateResult } from "../generate.js";
import { diffSurfaces, type ApiChange } from "../check/diff.js";
import { lockPath, lockText, makeLock, readLock } from "../check/lock.js";
import { apiSurface } from "../check/surface.js";
import { toSnapshot, type RawSchema } from "../load/index.js";
import { writeIfChanged } from "../output/write.js";

export interface WatchTarget {
  readonly source: string;
  readonly output: string;
  readonly allEndpoints: boolean;
  /** Reads the app's schema (one attempt; throws while the app is down). */
  load(): Promise<RawSchema>;
  generate(raw: RawSchema): Promise<GenerateResult>;
}

export interface WatchOptions {
  readonly intervalMs: number;
  readonly maxBackoffMs?: number;
  readonly signal: AbortSignal;
  /** One line per event (regenerated, down, back, failed). */
  readonly log: (line: string) => void;
}

const stamp = () => new Date().toISOString().slice(11, 19);

/** "2 API change(s), 1 breaking: BREAKING /predict parameter removed: x; compatible /new endpoint added". */
export function changeSummary(changes: readonly ApiChange[]): string {
  if (changes.length === 0) return "no API change (module code updated)";
  const breaking = changes.filter((c) => c.severity === "breaking").length;
  const shown = [...changes].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "breaking" ? -1 : 1)).slice(0, 3);
  const more = changes.length > shown.length ? `; … ${changes.length - shown.length} more` : "";
  return `${changes.length} API change(s), ${breaking} breaking: ${shown.map((c) => `${c.severity === "breaking" ? "BREAKING" : "compatible"} ${c.endpoint} ${c.message}`).join("; ")}${more}`;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });

/** Generates, writes and says what changed against the lock on disk (if any). */
async function regenerate(target: WatchTarget, raw: RawSchema): Promise<string> {
  const result = await target.generate(raw);
  const before = await readLock(lockPath(target.output)).catch(() => null);
  const changed = await writeIfChanged(target.output, result.text);
  await writeIfChanged(lockPath(target.output), lockText(makeLock(result, { allEndpoints: target.allEndpoints })));
  if (before === null) return `wrote ${target.output} (${result.model.endpoints.length} endpoint(s))`;
  const changes = diffSurfaces(before.surface, apiSurface(result.model));
  if (!changed && changes.length === 0) return `${target.output} is up to date`;
  return `regenerated ${target.output}: ${changeSummary(changes)}`;
}

/** Runs until `options.signal` aborts; never throws for a failed read or generation. */
export async function watch(target: WatchTarget, options: WatchOptions): Promise<void> {
  const maxBackoff = options.maxBackoffMs ?? 30_000;
  let lastHash: string | null = null;
  let down: string | null = null;
  let wait = options.intervalMs;
  options.log(`${stamp()} watching ${target.source} → ${target.output} every ${options.intervalMs / 1000} s (Ctrl-C to stop)`);
  while (!options.signal.aborted) {
    let raw: RawSchema | null = null;
    try {
      raw = await target.load();
    } catch (error) {
      const message = error instanceof Error ? error.message.split("\n")[0] ?? "" : String(error);
      if (down === null) options.log(`${stamp()} ${target.source} is not answering (${message}); retrying with backoff`);
      down = message;
      wait = Math.min(wait * 2, maxBackoff);
    }
    if (raw !== null && !options.signal.aborted) {
      if (down !== null) options.log(`${stamp()} ${target.source} is back`);
      down = null;
      wait = options.intervalMs;
      const hash = createHash("sha256").update(JSON.stringify(toSnapshot(raw))).digest("hex");
      if (hash !== lastHash) {
        try {
          options.log(`${stamp()} ${await regenerate(target, raw)}`);
          lastHash = hash;
        } catch (error) {
          options.log(`${stamp()} cannot generate from ${target.source}: ${error instanceof Error ? error.message : String(error)} (kept the previous module)`);
          lastHash = hash; // the same schema would fail the same way; wait for the next change
        }
      }
    }
    await sleep(wait, options.signal);
  }
  options.log(`${stamp()} stopped watching ${target.source}`);
}
