/**
 * One error hierarchy with stable codes (ARCHITECTURE.md "Errors are classes with a code").
 * Callers switch on `code` or use `instanceof`; `cause` is always kept.
 */

export type GradioErrorCode =
  | "APP_ERROR"
  | "QUEUE_FULL"
  | "QUOTA_EXCEEDED"
  | "RATE_LIMITED"
  | "SPACE_NOT_RUNNING"
  | "AUTH_REQUIRED"
  | "AUTH_FAILED"
  | "VALIDATION"
  | "HTTP"
  | "NETWORK"
  | "PROTOCOL"
  | "SCHEMA_DRIFT"
  | "TIMEOUT"
  | "ABORTED"
  | "INVALID_ARGUMENT"
  /** A size or retry bound of `limits` (runtime/src/limits.ts) was hit; the message names it. */
  | "LIMIT_EXCEEDED"
  /** An update set no value where a plain value was promised (`UnchangedError`, session/update.ts). */
  | "UNCHANGED"
  | "UNSUPPORTED"
  /** Duplicating a Space: the Hub refused, or the copy is not what was asked for (see `DuplicateError.reason`). */
  | "DUPLICATE_REFUSED"
  /** A secret would go to another origin than the one it is for (a login form re-sent by a 307/308). */
  | "CROSS_ORIGIN";

/** Base class of every error the runtime throws. */
export class GradioError extends Error {
  override readonly name: string = "GradioError";
  declare readonly code: GradioErrorCode;

  constructor(code: GradioErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** The app's own function failed (`gr.Error`, or any exception when `show_error` is on). */
export class AppError extends GradioError {
  override readonly name = "AppError";
  /** Title the app gave the error (`"Error"` by default). */
  declare readonly title: string | null;
  /** The app's message; null when the app hides errors (`show_error=False`). */
  declare readonly appMessage: string | null;

  constructor(endpoint: string, appMessage: string | null, title: string | null, code: GradioErrorCode = "APP_ERROR") {
    super(code, `${endpoint}: ${appMessage ?? "the app hides its error details (launch it with show_error=True)"}`);
    this.title = title;
    this.appMessage = appMessage;
  }
}

/** An HTTP request answered with an unexpected status. */
export class HttpError extends GradioError {
  override readonly name = "HttpError";
  declare readonly method: string;
  declare readonly url: string;
  declare readonly status: number;
  /** The response body, for diagnostics. */
  declare readonly body: string;

  constructor(
    init: { method: string; url: string; status: number; body: string; code?: GradioErrorCode; detail?: string },
    options?: { cause?: unknown },
  ) {
    const detail = init.detail ?? init.body.slice(0, 200);
    super(
      init.code ?? "HTTP",
      `${init.method} ${init.url} failed: HTTP ${init.status}${detail && ` ${detail}`}`,
      options,
    );
    Object.assign(this, { method: init.method, url: init.url, status: init.status, body: init.body });
  }
}

/** Input validators of the app rejected the arguments (HTTP 422, Gradio ≥ 5.45). */
export class ValidationError extends GradioError {
  override readonly name = "ValidationError";
  declare readonly issues: readonly { readonly parameter: string | null; readonly message: string }[];

  constructor(endpoint: string, issues: readonly { parameter: string | null; message: string }[]) {
    super(
      "VALIDATION",
      `${endpoint}: ${issues.length} parameter(s) failed validation${issues.map((i) => `\n- ${i.parameter ?? "input"}: ${i.message}`).join("")}`,
    );
    this.issues = issues;
  }
}

/** The server no longer matches what the module was generated from: regenerate it. */
export class SchemaDriftError extends GradioError {
  override readonly name = "SchemaDriftError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(
      "SCHEMA_DRIFT",
      `${message} — the app changed since this module was generated; regenerate it with gradio-codegen`,
      options,
    );
  }
}

/**
 * An argument the app's server would refuse (a choice it does not offer, a number out of range, a
 * file over the upload limit), found before anything was sent. `validate: false` sends it anyway.
 */
export class InvalidArgumentError extends GradioError {
  override readonly name = "InvalidArgumentError";
  /** `/predict`, or `fn_index 3` for an unnamed endpoint. */
  declare readonly endpoint: string;
  declare readonly parameter: string;
  /** 1-based position of the parameter in the call. */
  declare readonly position: number;
  declare readonly received: unknown;
  /** What the server accepts there, in words. */
  declare readonly allowed: string;

  constructor(init: {
    endpoint: string;
    parameter: string;
    position: number;
    received: string;
    allowed: string;
    value: unknown;
  }) {
    super(
      "INVALID_ARGUMENT",
      `${init.endpoint}: argument "${init.parameter}" (position ${init.position}) must be ${init.allowed}, received ${init.received}; nothing was sent (the app would refuse it; pass { validate: false } to send it anyway)`,
    );
    Object.assign(this, {
      endpoint: init.endpoint,
      parameter: init.parameter,
      position: init.position,
      received: init.value,
      allowed: init.allowed,
    });
  }
}
