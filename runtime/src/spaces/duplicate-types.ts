/**
 * Types of duplicating a Space (docs/protocol.md §6.3): options, progress events, the result and
 * the typed error. The behaviour is in duplicate.ts.
 */
import { GradioError, type GradioErrorCode } from "../errors.js";
import type { FetchLike } from "../transport/http.js";

/**
 * Hardware a Space can run on (huggingface_hub's `SpaceHardware`); other strings are accepted for
 * flavors added later.
 */
export type SpaceHardware =
  | "cpu-basic"
  | "cpu-upgrade"
  | "zero-a10g"
  | "t4-small"
  | "t4-medium"
  | "l4x1"
  | "l4x4"
  | "l40sx1"
  | "l40sx4"
  | "l40sx8"
  | "a10g-small"
  | "a10g-large"
  | "a10g-largex2"
  | "a10g-largex4"
  | "a100-large"
  | "a100x4"
  | "a100x8"
  | (string & {});

/** Progress of a duplication: `duplicating` (once, only when a copy is created), `building` (each stage change while waiting), `running` (once, last). */
export interface DuplicateStatusEvent {
  readonly status: "duplicating" | "building" | "running";
  /** The copy, `owner/name`. */
  readonly spaceId: string;
  /** The Space copied. */
  readonly from: string;
  /** False when the copy already existed and was re-attached. */
  readonly created: boolean;
  /** The copy's runtime stage just read (`BUILDING`, `APP_STARTING`, `RUNNING`, …); null before the copy exists. */
  readonly stage: string | null;
  /** Stages seen so far, without repeats, the current one last. */
  readonly stages: readonly string[];
  readonly elapsedMs: number;
  /** True once: the copy runs. */
  readonly done: boolean;
}

export interface DuplicateOptions {
  /** The copy's id, `owner/name` or just `name` (in the token's account). Default `<your user>/<source name>`. */
  readonly to?: string;
  /** A token with write access. Node default: `$HF_TOKEN`. */
  readonly hfToken?: string;
  /** Default true (as gradio_client). Ignored when the copy already exists. */
  readonly private?: boolean;
  /**
   * Hardware of a new copy. Default: the source's. When the copy already exists and runs on other
   * hardware, nothing is changed and the call fails with `DUPLICATE_REFUSED` (reason
   * `HARDWARE_MISMATCH`) instead of silently changing what is billed.
   */
  readonly hardware?: SpaceHardware;
  /**
   * Seconds of inactivity before the copy sleeps (and stops billing). Default 300, as gradio_client
   * (5 minutes); only sent for hardware other than `cpu-basic`, whose sleep time the Hub fixes at 48 h.
   */
  readonly sleepTimeout?: number;
  /** Secrets of a new copy (name → value); never sent to an existing copy. */
  readonly secrets?: Readonly<Record<string, string>>;
  /** Public environment variables of a new copy (name → value). */
  readonly variables?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
  /** Milliseconds for the whole duplication, building included (TIMEOUT). Default 900 000 (15 min). */
  readonly timeout?: number;
  readonly onStatus?: (event: DuplicateStatusEvent) => void;
  /** Hub API. Default `https://huggingface.co` (Node: `$HF_ENDPOINT`). */
  readonly hfEndpoint?: string;
  readonly fetch?: FetchLike;
  /** Between two stage reads while the copy builds. Default 2000 ms (gradio_client's interval). */
  readonly intervalMs?: number;
}

/** A running copy. */
export interface DuplicatedSpace {
  /** `owner/name` of the copy. */
  readonly spaceId: string;
  /** Where its app is served (`https://owner-name.hf.space`). */
  readonly host: string;
  /** False: it already existed and was re-attached (nothing was created or changed). */
  readonly created: boolean;
  /** Its requested hardware, as the Hub reports it. */
  readonly hardware: string | null;
  /** Its page on the Hub. */
  readonly url: string;
}

export type DuplicateRefusal =
  /** The source Space is private (and the token cannot read it) or does not exist. */
  | "SOURCE_NOT_FOUND"
  /** The copy's name is taken by a repo that is not a Space this token can read. */
  | "NAME_TAKEN"
  /** The Hub refused the hardware (no payment method, not available to this account). */
  | "HARDWARE_REFUSED"
  /** The copy exists on other hardware than the one asked for; nothing was changed. */
  | "HARDWARE_MISMATCH";

/** Duplicating failed for a reason the caller can act on. */
export class DuplicateError extends GradioError {
  override readonly name = "DuplicateError";
  declare readonly reason: DuplicateRefusal | "BUILD_FAILED";
  /** The Space concerned (the source for SOURCE_NOT_FOUND, else the copy). */
  declare readonly spaceId: string;
  /** BUILD_FAILED: the copy's stage (`BUILD_ERROR`, `RUNTIME_ERROR`, …). */
  declare readonly stage: string | null;
  /** BUILD_FAILED: where the copy's logs are. */
  declare readonly logsUrl: string | null;

  constructor(
    init: {
      reason: DuplicateRefusal | "BUILD_FAILED";
      spaceId: string;
      message: string;
      stage?: string;
      logsUrl?: string;
    },
    options?: { cause?: unknown },
  ) {
    const code: GradioErrorCode = init.reason === "BUILD_FAILED" ? "SPACE_NOT_RUNNING" : "DUPLICATE_REFUSED";
    super(code, init.message, options);
    Object.assign(this, {
      reason: init.reason,
      spaceId: init.spaceId,
      stage: init.stage ?? null,
      logsUrl: init.logsUrl ?? null,
    });
  }
}
