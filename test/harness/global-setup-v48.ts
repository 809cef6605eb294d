/** Vitest global setup of the `gradio-4.8` project: Gradio 4.8, the per-job `sse` queue protocol (see lines.ts). */
import type { TestProject } from "vitest/node";
import { setupLine } from "./global-setup.js";

export default function setup(project: TestProject): Promise<() => Promise<void>> {
  return setupLine(project, "v48");
}
