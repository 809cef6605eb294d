/** The Gradio releases the test apps run on. Bump a version here and the next run builds its venv. */
export const GRADIO_VERSIONS = {
  /** The current line: every test runs against it. */
  current: "6.31.0",
  /** Older lines, each in its own venv (runtime compatibility suite). */
  v5: "5.50.0",
  v4: "4.44.1",
} as const;

export type GradioLine = keyof typeof GRADIO_VERSIONS;
