/** Renders the results: a console table, bench/results.json and bench/results.md. */
import { cpus, loadavg, totalmem } from "node:os";
import { summarize } from "./stats.js";
import { CLIENT_LABELS, type ClientId, type Metric, type ScenarioResult } from "./types.js";

const COLUMNS: readonly ClientId[] = ["ours", "gradio-js", "python", "raw", "curl"];

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly node: string;
  readonly platform: string;
  /** 1-minute load average when the report was written (other work on a shared machine shows here). */
  readonly loadAverage: number;
}

export function machine(): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? "unknown",
    cores: list.length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    loadAverage: Number(loadavg()[0]?.toFixed(1)),
  };
}

function fmt(value: number, decimals: number): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** "median (min–max)", "FAILED" or "n/a" for one client's samples of a metric. */
function cell(scenario: ScenarioResult, metric: Metric, client: ClientId): string {
  const samples = metric.values[client];
  const failed = scenario.failures[client]?.length ?? 0;
  if (samples === undefined) return failed > 0 ? "FAILED" : "n/a";
  const s = summarize(samples);
  const unit = metric.unit ? ` ${metric.unit}` : "";
  const failNote = failed > 0 ? ` ⚠ ${failed} run(s) failed` : "";
  if (s === null) return failed > 0 ? `FAILED (${failed}/${failed})` : "n/a";
  const range = s.n > 1 && s.min !== s.max ? ` (${fmt(s.min, metric.decimals)}–${fmt(s.max, metric.decimals)})` : "";
  return `${fmt(s.median, metric.decimals)}${unit}${range}${failNote}`;
}

function usedColumns(results: readonly ScenarioResult[]): ClientId[] {
  return COLUMNS.filter((c) =>
    results.some((r) => r.metrics.some((m) => m.values[c] !== undefined) || r.failures[c] !== undefined),
  );
}

/** Markdown tables: one row per scenario metric, then the targets. */
export function markdown(results: readonly ScenarioResult[], date: string): string {
  const m = machine();
  const cols = usedColumns(results);
  const lines = [
    `Measured ${date} on ${m.cpu} (${m.cores} cores), ${m.memoryGb} GB RAM, ${m.platform}, Node ${m.node}, load average ${m.loadAverage} at the end; Gradio servers on 127.0.0.1 started with demo.launch() unless a row says otherwise, clients interleaved A B C A B C…; median (min–max) of the repetitions shown, warm-up excluded.`,
    "",
    `| scenario | metric | reps | ${cols.map((c) => CLIENT_LABELS[c]).join(" | ")} |`,
    `| --- | --- | --- | ${cols.map(() => "---").join(" | ")} |`,
  ];
  for (const r of results) {
    for (const metric of r.metrics) {
      lines.push(
        `| ${r.id} ${r.title} | ${metric.label} | ${r.reps} | ${cols.map((c) => cell(r, metric, c)).join(" | ")} |`,
      );
    }
  }
  lines.push("", "| target | result | met |", "| --- | --- | --- |");
  for (const r of results)
    for (const t of r.targets)
      lines.push(`| ${t.text} | ${t.detail} | ${t.met === null ? "?" : t.met ? "yes" : "**no**"} |`);
  const failures = results.flatMap((r) =>
    Object.entries(r.failures).map(
      ([c, errs]) => `- ${r.id} ${CLIENT_LABELS[c as ClientId]}: ${errs.length} failed run(s): ${errs[0]}`,
    ),
  );
  const notes = [
    ...results.map((r) => `- ${r.id} warm-up: ${r.warmup}.`),
    ...results.flatMap((r) => r.notes.map((n) => `- ${n}`)),
    ...failures,
  ];
  lines.push("", ...notes, "");
  return lines.join("\n");
}

/** A plain text table for the terminal. */
export function consoleTable(results: readonly ScenarioResult[]): string {
  const cols = usedColumns(results);
  const rows = [["scenario", "metric", ...cols.map((c) => CLIENT_LABELS[c])]];
  for (const r of results)
    for (const metric of r.metrics) rows.push([r.id, metric.label, ...cols.map((c) => cell(r, metric, c))]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const text = rows.map((row) => row.map((v, i) => v.padEnd(widths[i]!)).join("  ")).join("\n");
  const targets = results.flatMap((r) =>
    r.targets.map((t) => `${t.met === null ? "?  " : t.met ? "ok " : "MISS"} ${t.text}: ${t.detail}`),
  );
  return `${text}\n\n${targets.join("\n")}\n`;
}
