/**
 * What a Space's runtime stage means for the generator (gradio-protocol.md §1.3, stage values of
 * `huggingface_hub.SpaceStage` and the reactions of @gradio/client's `helpers/spaces.ts`).
 */

/** `go`: fetch /config now; `wait`: poll the Hub again; `fail`: stop with `message`. */
export type StageVerdict = { readonly action: "go" } | { readonly action: "wait"; readonly wake: boolean } | { readonly action: "fail"; readonly message: string };

export interface StageContext {
  readonly spaceId: string;
  /** The Space's page on the Hub, e.g. `https://huggingface.co/spaces/owner/name`. */
  readonly page: string;
  readonly errorMessage: string | null;
}

/** Decides what to do about one stage. Unknown stages fail rather than wait forever. */
export function judgeStage(stage: string, context: StageContext): StageVerdict {
  const { spaceId, page } = context;
  const detail = context.errorMessage ? ` The Hub says: ${context.errorMessage.trim()}` : "";
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
        message: `Space ${spaceId} is paused by its owner (stage PAUSED) and will not wake up on request: ask the owner to restart it, or duplicate it to your account (${page}, "Duplicate this Space") and generate from your copy.`,
      };
    case "NO_APP_FILE":
      return { action: "fail", message: `Space ${spaceId} has no app file (stage NO_APP_FILE): there is no Gradio app to read yet; check the Space id (${page}).` };
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
      return { action: "fail", message: `Space ${spaceId} is in stage ${stage}, which gradio-codegen does not know; see ${page}.${detail}` };
  }
}
