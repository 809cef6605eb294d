/** What every scenario gets from the driver: the app host, the generated modules, the settings. */
import type { AppHost } from "../../test/harness/app-host.js";

/** Where a scenario's clients send their requests. */
export interface BenchHost {
  /** Base URL of one bench app as the clients see it (through the link when there is one). */
  url(app: string): string;
  /** Origin of the app's own server (never through the link): the request counter lives there. */
  counterOrigin(app: string): string;
}

/** Which set-up a pass of scenarios runs on; shown in each row's id and title. */
export interface Variant {
  /** Appended to the scenario id: "" (the main pass), "-mounted", "-50ms", … */
  readonly suffix: string;
  /** Appended to the title, e.g. "50 ms RTT link". Empty for the main pass. */
  readonly label: string;
  /** Round-trip time of the emulated link (0: loopback). */
  readonly rttMs: number;
  /** Bandwidth cap of the link in bytes/s per direction (B5), if any. */
  readonly bytesPerSecond?: number;
}

export interface BenchContext {
  readonly repoRoot: string;
  /** bench/.work (git-ignored scratch space). */
  readonly workDir: string;
  readonly host: BenchHost;
  readonly variant: Variant;
  readonly python: string;
  /** Compiled generated module per bench app, e.g. `modules.bench_echo` → …/gen/bench_echo.js. */
  readonly modules: Readonly<Record<string, string>>;
  /** Timed repetitions per client (≥ 5 unless a scenario says otherwise). */
  readonly reps: number;
  /** Multiplies the workload sizes (1 = the sizes; smaller for a quick smoke run). */
  readonly scale: number;
  log(line: string): void;
}

/** The host of a scenario pass without a link. */
export function directHost(host: AppHost): BenchHost {
  return { url: (app) => host.url(app), counterOrigin: (app) => new URL(host.url(app)).origin };
}

/** Scenario id and title for this pass. */
export function named(ctx: BenchContext, id: string, title: string): { id: string; title: string } {
  return { id: `${id}${ctx.variant.suffix}`, title: ctx.variant.label ? `${title} — ${ctx.variant.label}` : title };
}
