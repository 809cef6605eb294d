/**
 * A Space id → its running host, through the runtime's own Space code (`withSpaces`: the Hub
 * lookup, the wait while it sleeps, starts or builds, the wake-up request, the probe until its
 * gateway serves; docs/protocol.md §1.2–§1.4) over the generator's HTTP. The token goes to the Hub
 * as `Authorization: Bearer` and to the resolved host as `X-HF-Authorization` only. The runtime's
 * errors become CLI messages (flags instead of `connect()` options).
 */
import { GradioError, HttpError, withSpaces, type SpaceStatusEvent } from "@gradio-codegen/runtime";
import { CodegenError } from "../errors.js";
import { generatorFetch, generatorHttp } from "./http.js";

/** Reported on each stage change while waiting (never for a Space that already runs). */
export type SpaceWaitEvent = SpaceStatusEvent;

export interface SpaceWaitOptions {
  readonly token?: string | undefined;
  /** Default: `$HF_ENDPOINT`, else https://huggingface.co. */
  readonly hfEndpoint?: string | undefined;
  /** Give up after this long. Default 300 s. 0 = do not wait at all. */
  readonly waitTimeoutMs?: number;
  /** Between two stage reads. Default 1 s (what @gradio/client does). */
  readonly pollIntervalMs?: number;
  readonly onWait?: (event: SpaceWaitEvent) => void;
}

/** The Hub's base URL. */
export function hubEndpoint(options: SpaceWaitOptions): string {
  return (options.hfEndpoint ?? process.env["HF_ENDPOINT"] ?? "https://huggingface.co").replace(/\/+$/, "");
}

/** Resolves the Space's host once it runs; a CodegenError that says what to do otherwise. */
export async function resolveSpaceHost(spaceId: string, options: SpaceWaitOptions): Promise<string> {
  const { token } = options;
  const appHeaders: Record<string, string> = token ? { "x-hf-authorization": `Bearer ${token}` } : {};
  try {
    return await withSpaces(spaceId, {
      fetch: generatorFetch,
      hfEndpoint: hubEndpoint(options),
      token,
      appHttp: (host) => generatorHttp(host, appHeaders),
      wait: {
        timeoutMs: options.waitTimeoutMs ?? 300_000,
        intervalMs: options.pollIntervalMs ?? 1_000,
        ...(options.onWait ? { onStatus: options.onWait } : {}),
      },
    });
  } catch (error) {
    throw cliError(error, spaceId, options);
  }
}

function cliError(error: unknown, spaceId: string, options: SpaceWaitOptions): unknown {
  if (error instanceof HttpError) {
    const answered = `GET ${error.url} answered HTTP ${error.status}`;
    if (error.status === 404) {
      const hint = options.token
        ? "check the id, and that your token can read this Space"
        : "if it is private, pass --hf-token or set HF_TOKEN";
      return new CodegenError("SOURCE_NOT_FOUND", `Space ${spaceId} not found (or private: ${hint}); ${answered}`, {
        cause: error,
      });
    }
    if (error.status === 401 || error.status === 403) {
      const message = options.token
        ? `the Hub rejected the token for Space ${spaceId} (HTTP ${error.status} from ${error.url}): check that --hf-token / HF_TOKEN is a valid token (hf_…) with read access to it`
        : `Space ${spaceId} needs authentication (HTTP ${error.status} from ${error.url}): it is private or does not exist; pass --hf-token or set HF_TOKEN to a token that can read it`;
      return new CodegenError("AUTH", message, { cause: error });
    }
    return new CodegenError("HTTP", answered, { cause: error });
  }
  if (!(error instanceof GradioError)) return error;
  // The runtime names its own option; the CLI's is a flag.
  const message = error.message.replace("{ spaceWait: { timeoutMs } }", "--wait-timeout <seconds>");
  const code =
    error.code === "SPACE_NOT_RUNNING" || error.code === "TIMEOUT"
      ? error.code
      : error.code === "PROTOCOL"
        ? "INVALID_SCHEMA"
        : "NETWORK";
  return new CodegenError(code, message, { cause: error });
}
