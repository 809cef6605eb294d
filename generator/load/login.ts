/**
 * Gradio's own username/password login (docs/protocol.md §5.4) for reading an app launched with
 * `auth=`: the runtime's login (`withLogin`, the code a generated module runs), over the
 * generator's HTTP layer. Credentials never appear in a message: errors say where they came from
 * (`--auth`, `$GRADIO_AUTH`, a config entry's `authEnv`), not what they are.
 */
import { GradioError, HttpError, withLogin, type HttpContext, type LoginCredentials } from "@gradio-codegen/runtime";
import { CodegenError } from "../errors.js";

/** Credentials plus where they came from, for messages (`--auth`, `$GRADIO_AUTH`, …). */
export interface AppCredentials extends LoginCredentials {
  readonly from: string;
}

/**
 * `username:password` → credentials, split on the first `:` (a password may contain one). A
 * malformed value is a usage error that names `from`, never the value.
 */
export function parseCredentials(text: string, from: string): AppCredentials {
  const colon = text.indexOf(":");
  if (colon <= 0)
    throw new CodegenError(
      "USAGE",
      `${from} must be <username>:<password> (split on the first ":"), with a non-empty username`,
    );
  return { username: text.slice(0, colon), password: text.slice(colon + 1), from };
}

/**
 * Logs in at `{base}/login` (with `http`'s credentials, e.g. a private Space's token) and returns the
 * session cookies for the app's origin as a `Cookie` header; null when the app has no login (its
 * `/login` redirects to the page, §5.4). Wrong credentials (HTTP 400) → AUTH, naming the URL.
 */
export async function logIn(http: HttpContext, base: string, credentials: AppCredentials): Promise<string | null> {
  const url = `${base}/login`;
  try {
    return await withLogin(http, base, { username: credentials.username, password: credentials.password });
  } catch (error) {
    // The runtime's messages name the username; ours name only where the credentials came from.
    if (error instanceof GradioError && error.code === "AUTH_FAILED") {
      const answer = error instanceof HttpError ? `HTTP ${error.status}` : '{"success": false}';
      throw new CodegenError(
        "AUTH",
        `wrong username or password: POST ${url} answered ${answer}; the app rejected the credentials from ${credentials.from}`,
      );
    }
    if (error instanceof HttpError) throw new CodegenError("HTTP", `POST ${url} (login) answered HTTP ${error.status}`);
    if (error instanceof GradioError)
      throw new CodegenError(
        error.code === "NETWORK" || error.code === "CROSS_ORIGIN" ? "NETWORK" : "HTTP",
        error.message,
        { cause: error },
      );
    throw error;
  }
}
