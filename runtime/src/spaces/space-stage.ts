/**
 * What a Space's runtime stage means (docs/protocol.md §1.3, `huggingface_hub.SpaceStage` and
 * @gradio/client's `helpers/spaces.ts`). Shared: the generator imports it from this package too.
 */

/** `go`: call the app now; `wait`: read the stage again (`wake`: the host must get a request); `fail`: stop. */
export type StageVerdict =
  | { readonly action: "go" }
  | { readonly action: "wait"; readonly wake: boolean }
  | { readonly action: "fail"; readonly message: string };

/** Decides what to do about one stage. Unknown stages fail rather than wait forever. */
export function judgeStage(stage: string, spaceId: string, page: string, errorMessage: string | null): StageVerdict {
  const detail = errorMessage ? ` The Hub says: ${errorMessage.trim()}` : "";
  switch (stage) {
    case "RUNNING":
    case "RUNNING_BUILDING":
      return { action: "go" };
    // Asleep or stopped: the platform starts a Space when its host receives a request.
    case "SLEEPING":
    case "STOPPED":
      return { action: "wait", wake: true };
    case "APP_STARTING":
    case "BUILDING":
      return { action: "wait", wake: false };
    case "PAUSED":
      return {
        action: "fail",
        message: `Space ${spaceId} is paused by its owner (stage PAUSED) and will not wake up on request: ask the owner to restart it, or duplicate it to your account (${page}) and use your copy.`,
      };
    case "NO_APP_FILE":
      return {
        action: "fail",
        message: `Space ${spaceId} has no app file (stage NO_APP_FILE); check the Space id (${page}).`,
      };
    case "CONFIG_ERROR":
    case "BUILD_ERROR":
    case "RUNTIME_ERROR":
      return {
        action: "fail",
        message: `Space ${spaceId} is broken (stage ${stage}): its owner must fix or restart it; see its logs at ${page}.${detail}`,
      };
    case "DELETING":
      return { action: "fail", message: `Space ${spaceId} is being deleted (stage DELETING).` };
    default:
      return {
        action: "fail",
        message: `Space ${spaceId} is in stage ${stage}, which gradio-codegen does not know; see ${page}.${detail}`,
      };
  }
}
