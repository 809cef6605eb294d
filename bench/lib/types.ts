/** Shapes shared by the bench driver, its scenarios and the report. */

/**
 * Who is measured: the three clients, plus `curl` as B5's practical limit and `raw` (join + stream
 * with Node's fetch and no library: bench/clients/raw) as B2/B3's floor.
 */
export type ClientId = "ours" | "gradio-js" | "python" | "raw" | "curl";

export const CLIENT_LABELS: Record<ClientId, string> = {
  ours: "gradio-codegen",
  "gradio-js": "@gradio/client",
  python: "gradio_client (Py)",
  raw: "raw floor (fetch, no library)",
  curl: "curl",
};

/** One measured quantity; `values[client]` holds one sample per repetition. */
export interface Metric {
  readonly label: string;
  readonly unit: string;
  readonly better: "lower" | "higher";
  readonly decimals: number;
  readonly values: Partial<Record<ClientId, number[]>>;
}

/** A target from issue 6, checked against the medians of this run. */
export interface Target {
  readonly text: string;
  /** null: could not be checked (a client failed). */
  readonly met: boolean | null;
  readonly detail: string;
}

export interface ScenarioResult {
  readonly id: string;
  readonly title: string;
  readonly reps: number;
  readonly warmup: string;
  readonly metrics: Metric[];
  /** Error messages of failed runs, per client. */
  readonly failures: Partial<Record<ClientId, string[]>>;
  readonly targets: Target[];
  readonly notes: string[];
}
