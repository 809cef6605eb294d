/**
 * Runs client scripts interleaved — A B C A B C … — so that drift in machine load hits every
 * client alike. Each run is a new process; untimed warm-up rounds come first and are dropped.
 */
import { join } from "node:path";
import type { BenchContext } from "./context.js";
import { runScript, type RunOutcome } from "./process.js";
import type { ClientId } from "./types.js";

export type ScriptClient = "ours" | "gradio-js" | "python" | "raw";
export const SCRIPT_CLIENTS: readonly ScriptClient[] = ["ours", "gradio-js", "python"];

export interface InterleaveOptions {
  /** Script name without extension, e.g. `b2-latency` (python: `b2_latency.py`). */
  readonly script: string;
  /** Settings passed to the script for a client. */
  readonly config: (client: ScriptClient) => Record<string, unknown>;
  readonly reps: number;
  /** Whole untimed rounds before the timed ones. */
  readonly warmupRounds: number;
  readonly clients?: readonly ScriptClient[];
  /** Extra participant (B5's curl), run in the same rotation. */
  readonly extra?: { readonly id: ClientId; run: () => Promise<RunOutcome> };
  readonly before?: (client: ClientId) => Promise<void>;
  readonly after?: (client: ClientId, outcome: RunOutcome) => Promise<RunOutcome>;
  readonly timeoutMs?: number;
}

/** The command line that runs one client's script for this scenario. */
export function clientCommand(
  ctx: BenchContext,
  client: ScriptClient,
  script: string,
  config: Record<string, unknown>,
): [string, string[]] {
  const dir = join(ctx.repoRoot, "bench", "clients", client);
  if (client === "python")
    return [ctx.python, [join(dir, `${script.replaceAll("-", "_")}.py`), JSON.stringify(config)]];
  return [process.execPath, [join(dir, `${script}.mjs`), JSON.stringify(config)]];
}

export async function interleave(
  ctx: BenchContext,
  options: InterleaveOptions,
): Promise<Partial<Record<ClientId, RunOutcome[]>>> {
  const clients = options.clients ?? SCRIPT_CLIENTS;
  const outcomes: Partial<Record<ClientId, RunOutcome[]>> = {};
  const runOne = async (id: ClientId, run: () => Promise<RunOutcome>, timed: boolean, round: number) => {
    await options.before?.(id);
    let outcome = await run();
    if (options.after) outcome = await options.after(id, outcome);
    const tag = timed ? `rep ${round + 1}/${options.reps}` : "warm-up";
    const status =
      outcome.result["ok"] === true
        ? "ok"
        : `FAILED ${String(outcome.result["error"] ?? JSON.stringify(outcome.result)).slice(0, 160)}`;
    ctx.log(`  ${options.script} ${id} ${tag}: ${(outcome.wallMs / 1000).toFixed(2)} s ${status}`);
    if (timed) (outcomes[id] ??= []).push(outcome);
  };
  for (let round = -options.warmupRounds; round < options.reps; round++) {
    for (const client of clients) {
      const [command, args] = clientCommand(ctx, client, options.script, options.config(client));
      await runOne(
        client,
        () => runScript(command, args, { timeoutMs: options.timeoutMs ?? 300_000 }),
        round >= 0,
        round,
      );
    }
    if (options.extra) await runOne(options.extra.id, options.extra.run, round >= 0, round);
  }
  return outcomes;
}

/** Pulls one numeric field from the successful runs; failures go to `failures`. */
export function collect(
  outcomes: Partial<Record<ClientId, RunOutcome[]>>,
  pick: (outcome: RunOutcome) => number,
): Partial<Record<ClientId, number[]>> {
  const values: Partial<Record<ClientId, number[]>> = {};
  for (const [id, runs] of Object.entries(outcomes) as [ClientId, RunOutcome[]][]) {
    const picked = runs
      .filter((r) => r.result["ok"] === true)
      .map(pick)
      .filter(Number.isFinite);
    if (picked.length > 0 || runs.every((r) => r.result["ok"] !== true)) values[id] = picked;
  }
  return values;
}

/** Error messages of the failed runs, per client. */
export function failuresOf(outcomes: Partial<Record<ClientId, RunOutcome[]>>): Partial<Record<ClientId, string[]>> {
  const failures: Partial<Record<ClientId, string[]>> = {};
  for (const [id, runs] of Object.entries(outcomes) as [ClientId, RunOutcome[]][]) {
    const failed = runs
      .filter((r) => r.result["ok"] !== true)
      .map((r) => String(r.result["error"] ?? `check failed: ${JSON.stringify(r.result).slice(0, 200)}`));
    if (failed.length > 0) failures[id] = failed;
  }
  return failures;
}

/** A numeric field of a result. */
export const num =
  (field: string) =>
  (outcome: RunOutcome): number =>
    Number(outcome.result[field]);
