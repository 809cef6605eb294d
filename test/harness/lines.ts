/**
 * What runs on which Gradio line. The current line (6.31) runs every test file with every app.
 * The older lines (vitest projects `gradio-5`, `gradio-4`, each with its own venv) run the live
 * runtime suite and the generated-module round trips, with modules generated from the old
 * servers themselves; what does not apply there is listed in README "Development".
 */
import type { GradioLine } from "./gradio-versions.js";

/** Test files of the old-line projects: listed one by one, so a new live test opts in explicitly. */
export const OLD_LINE_TESTS: readonly string[] = [
  ...[
    "bad-input",
    "cancel",
    "concurrency",
    "errors",
    "files",
    "nonqueued",
    "session",
    "status",
    "streaming",
    "validation",
    "updates",
  ].map((name) => `test/runtime/live-${name}.test.ts`),
  "test/runtime/process-exit.test.ts",
  "test/e2e/slice.test.ts",
  "test/e2e/lines.test.ts",
  // Starts its own apps (test/differential/apps), per line: Video's {video, subtitles} on 4.x/5.x, object defaults.
  "test/differential/differential.test.ts",
  "test/differential/config-signatures.test.ts",
];

/** Test files of the `gradio-4.8` project (Gradio 4.0–4.8, queue protocol `sse`); not run on the other lines. */
export const LEGACY_SSE_TESTS: readonly string[] = [
  "test/runtime/live-legacy-sse.test.ts",
  "test/e2e/legacy-sse-module.test.ts",
];

/** Test files the `gradio-4.8` project runs besides its own (they run on every line). */
export const V48_SHARED_TESTS: readonly string[] = ["test/runtime/live-validation.test.ts"];

/** Apps the runtime suite and the slice call, plus the example apps the generator is run on. */
const OLD_LINE_APPS: readonly string[] = [
  "rt_features",
  "rt_chat",
  "rt_hidden_errors",
  "rt_queue_full",
  "rt_validation",
  "rt_updates",
  "calculator",
  "translator",
  "whisper_like",
  "chatbot_stream",
  "counter_state",
  "country_picker",
  "dataframe_stats",
  "file_tools",
  "image_filter",
  "text_tools",
];

/** Apps started per line; `null` = every app under test/apps. */
export const LINE_APPS: Readonly<Record<GradioLine, readonly string[] | null>> = {
  current: null,
  v5: OLD_LINE_APPS,
  v4: OLD_LINE_APPS,
  // 4.0–4.8 (queue protocol `sse`): only the runtime's legacySse feature is tested there.
  v48: ["rt_legacy_sse", "rt_queue_full", "rt_validation"],
};

/** The major version of a Gradio release string ("4.44.1" → 4). */
export function majorOf(version: string): number {
  return Number(version.split(".")[0]);
}
