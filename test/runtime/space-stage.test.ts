/** What each Space stage means for a call (docs/protocol.md §1.3), table-driven. */
import { describe, expect, it } from "vitest";
import { judgeStage } from "../../runtime/src/spaces/space-stage.js";

const page = "https://huggingface.co/spaces/o/n";

describe("judgeStage", () => {
  it.each([
    ["RUNNING", { action: "go" }],
    ["RUNNING_BUILDING", { action: "go" }],
    ["SLEEPING", { action: "wait", wake: true }],
    ["STOPPED", { action: "wait", wake: true }],
    ["APP_STARTING", { action: "wait", wake: false }],
    ["BUILDING", { action: "wait", wake: false }],
  ])("%s → %o", (stage, want) => {
    expect(judgeStage(stage, "o/n", page, null)).toEqual(want);
  });

  it.each([
    ["PAUSED", /paused by its owner .*duplicate it/],
    ["NO_APP_FILE", /has no app file/],
    ["CONFIG_ERROR", /is broken \(stage CONFIG_ERROR\).*The Hub says: bad yaml/],
    ["BUILD_ERROR", /is broken \(stage BUILD_ERROR\)/],
    ["RUNTIME_ERROR", /is broken \(stage RUNTIME_ERROR\)/],
    ["DELETING", /is being deleted/],
    ["SOMETHING_NEW", /stage SOMETHING_NEW, which gradio-codegen does not know/],
  ])("%s → fail with a message naming the Space", (stage, message) => {
    const verdict = judgeStage(stage, "o/n", page, " bad yaml\n");
    expect(verdict.action).toBe("fail");
    expect(verdict.action === "fail" && verdict.message).toMatch(message);
    expect(verdict.action === "fail" && verdict.message).toContain("o/n");
  });
});
