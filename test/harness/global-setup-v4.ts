/** Vitest global setup of the `gradio-4` project: the Gradio 4.x line (see lines.ts). */
import type { TestProject } from "vitest/node";
import { setupLine } from "./global-setup.js";

export default function setup(project: TestProject): Promise<() => Promise<void>> {
  return setupLine(project, "v4");
}
