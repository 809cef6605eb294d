/**
 * Many concurrent calls sharing one AbortSignal (issue 10 item 16): no listener per call on the
 * caller's signal, so Node prints no MaxListenersExceededWarning; aborting it still ends them all.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { GradioError } from "../../runtime/src/index.js";
import { createClient } from "../../runtime/src/node.js";
import { appSpec, endpoint } from "./helpers.js";

const echo = endpoint("echo");
const slow = endpoint("slow", { params: ["token", "steps"], returns: ["count"] });

describe("12 concurrent calls on the live rt_features app sharing one AbortSignal", () => {
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => warnings.push(warning);
  beforeEach(() => void process.on("warning", onWarning));
  afterEach(() => void process.off("warning", onWarning));

  it("complete without MaxListenersExceededWarning, and an abort ends every one of them", async () => {
    const client = createClient(appSpec("rt_features"));
    try {
      const controller = new AbortController();
      const texts = Array.from({ length: 12 }, (_, i) => `shared-${i}`);
      const results = await Promise.all(
        texts.map((text) => client.call(echo, [text], { signal: controller.signal, timeout: 30_000 })),
      );
      expect(results).toEqual(texts.map((text) => [text]));
      const pending = texts.map((text) =>
        client.call(slow, [text, 100], { signal: controller.signal }).catch((e: unknown) => e),
      );
      setTimeout(() => controller.abort(), 200);
      for (const error of await Promise.all(pending)) expect((error as GradioError).code).toBe("ABORTED");
      // Warnings are emitted on the next tick.
      await new Promise((r) => setImmediate(r));
      expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning").map((w) => w.message)).toEqual([]);
    } finally {
      await client.close();
    }
  });
});
