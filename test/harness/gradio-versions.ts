/** The Gradio releases the test apps run on. Bump a version here and the next run builds its venv. */
export const GRADIO_VERSIONS = {
  /** The current line: every test runs against it. */
  current: "6.31.0",
  /** Older lines, each in its own venv (runtime compatibility suite, vitest projects gradio-5/gradio-4). */
  v5: "5.50.0",
  v4: "4.44.1",
} as const;

export type GradioLine = keyof typeof GRADIO_VERSIONS;

/**
 * Extra pip requirements installed next to an old `gradio==X`: its own requirements have no upper
 * bounds, and today's releases of them break it (4.44.1 imports `HfFolder`, gone in
 * huggingface_hub 1.0; its schema code predates pydantic 2.11, starlette 0.42 and httpx 0.28).
 * Pinned to what was current when that Gradio was.
 */
export const PIP_EXTRAS: Readonly<Record<string, readonly string[]>> = {
  "4.44.1": ["huggingface_hub<1", "pydantic<2.11", "fastapi<0.116", "starlette<0.42", "httpx<0.28"],
};
