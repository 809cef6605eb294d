/** The Gradio releases the test apps run on. Bump a version here and the next run builds its venv. */
export const GRADIO_VERSIONS = {
  /** The current line: every test runs against it. */
  current: "6.31.0",
  /** Older lines, each in its own venv (runtime compatibility suite, vitest projects gradio-5/gradio-4). */
  v5: "5.50.0",
  v4: "4.44.1",
  /** The last release of the per-job `sse` queue protocol (4.0–4.8): project gradio-4.8, runtime feature legacySse only. */
  v48: "4.8.0",
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
  // December 2023's releases (fastapi 0.104 brings starlette 0.27; gradio_client 0.7.1 pins websockets itself).
  "4.8.0": ["huggingface_hub<0.20", "fastapi<0.105", "pydantic<2.6", "httpx<0.26", "uvicorn<0.25"],
};
