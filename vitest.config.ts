import { configDefaults, defineConfig } from "vitest/config";
import { LEGACY_SSE_TESTS, OLD_LINE_TESTS, V48_SHARED_TESTS } from "./test/harness/lines.js";

/** Tests that need no Gradio app (no Python): the fast loop, `npm run test:unit`. */
const UNIT_TESTS = [
  "test/unit/**/*.test.ts",
  ...["credentials", "diff", "messages", "space-stage", "sse-parser"].map((name) => `test/runtime/${name}.test.ts`),
];

// `unit` has no set-up at all. Then one project per Gradio line, each with its own venv and app host (test/harness/lines.ts):
// `gradio-6` runs everything; `gradio-5` and `gradio-4` run the live runtime suite and the
// generated-module round trips against Gradio 5.x and 4.x; `gradio-4.8` runs the runtime's legacySse
// feature against Gradio 4.8 (queue protocol `sse`). `vitest run --project gradio-4` runs one.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: ["default", "./test/harness/summary-reporter.ts"],
    projects: [
      { extends: true, test: { name: "unit", include: UNIT_TESTS } },
      {
        extends: true,
        test: {
          name: "gradio-6",
          include: ["test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...UNIT_TESTS, ...LEGACY_SSE_TESTS],
          globalSetup: ["test/harness/global-setup.ts"],
        },
      },
      {
        extends: true,
        test: { name: "gradio-5", include: [...OLD_LINE_TESTS], globalSetup: ["test/harness/global-setup-v5.ts"] },
      },
      {
        extends: true,
        test: { name: "gradio-4", include: [...OLD_LINE_TESTS], globalSetup: ["test/harness/global-setup-v4.ts"] },
      },
      {
        extends: true,
        test: {
          name: "gradio-4.8",
          include: [...LEGACY_SSE_TESTS, ...V48_SHARED_TESTS],
          globalSetup: ["test/harness/global-setup-v48.ts"],
        },
      },
    ],
  },
});
