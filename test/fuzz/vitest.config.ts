/** The fuzz test alone, without the Gradio app hosts of the main config (`npm run fuzz`). */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { include: ["test/unit/generator-fuzz.test.ts"], testTimeout: 0, reporters: ["default"] },
});
