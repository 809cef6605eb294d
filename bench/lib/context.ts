/** What every scenario gets from the driver: the app host, the generated modules, the settings. */
import type { AppHost } from "../../test/harness/app-host.js";

export interface BenchContext {
  readonly repoRoot: string;
  /** bench/.work (git-ignored scratch space). */
  readonly workDir: string;
  readonly host: AppHost;
  readonly python: string;
  /** Compiled generated module per bench app, e.g. `modules.bench_echo` → …/gen/bench_echo.js. */
  readonly modules: Readonly<Record<string, string>>;
  /** Timed repetitions per client (≥ 5 unless a scenario says otherwise). */
  readonly reps: number;
  /** Multiplies the workload sizes (1 = the sizes; smaller for a quick smoke run). */
  readonly scale: number;
  log(line: string): void;
}
