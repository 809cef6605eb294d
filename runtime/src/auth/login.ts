/**
 * Gradio's own username/password login (docs/protocol.md §5.4): `POST {base}/login` (at the
 * app's root, not under `/gradio_api`; a mounted app has it under its mount path), form-encoded;
 * 200 sets the session cookies, wrong credentials are **400** "Incorrect credentials." (§7 item 14).
 */
import { GradioError, HttpError } from "../errors.js";
import { send, type HttpContext } from "../transport/http.js";
import { readTextPrefix } from "../util/read-capped.js";
import type { LoginFeature } from "../features.js";
import { createCookieJar, type CookieJar } from "./cookies.js";

/** Credentials of an app launched or mounted with `auth=`. */
export interface LoginCredentials {
  readonly username: string;
  readonly password: string;
}

/** Bytes of a login answer that are read (its JSON is `{"success": …}`); the rest is never buffered. */
const LOGIN_ANSWER_BYTES = 1024 * 1024;

/** Logs in and keeps the cookies in `jar`; wrong credentials → AUTH_FAILED. */
export async function login(
  http: HttpContext,
  base: string,
  credentials: LoginCredentials,
  jar: CookieJar,
): Promise<void> {
  const url = `${base}/login`;
  const body = new URLSearchParams({ username: credentials.username, password: credentials.password });
  const response = await send(http, url, {
    method: "POST",
    body,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    secretBody: true,
  });
  // The answer is a few bytes of JSON, or the app's page when it has no login: read a bounded prefix.
  const text = await readTextPrefix(response, LOGIN_ANSWER_BYTES);
  if (response.status === 400 || response.status === 401) {
    throw new HttpError({
      method: "POST",
      url,
      status: response.status,
      body: text,
      code: "AUTH_FAILED",
      detail: `— the app rejected the username/password for ${JSON.stringify(credentials.username)}`,
    });
  }
  if (!response.ok) throw new HttpError({ method: "POST", url, status: response.status, body: text });
  jar.store(response, url);
  if (!(response.headers.get("content-type") ?? "").includes("json")) {
    // An app without auth= redirects /login to its page (HTML): nothing to log in to.
    return;
  }
  try {
    const answer: unknown = JSON.parse(text);
    if (typeof answer === "object" && answer !== null && (answer as Record<string, unknown>)["success"] === false) {
      throw new GradioError("AUTH_FAILED", `POST ${url}: the app refused the login`);
    }
  } catch (error) {
    if (error instanceof GradioError) throw error;
  }
}

/**
 * The login feature: logs in once. With the client's cookie jar (Node) the cookies land there and
 * go back with every request; without one, they are returned as a `Cookie` header for the app's origin.
 */
export const loginFeature: LoginFeature = async (http, base, credentials) => {
  if (http.cookies) return (await login(http, base, credentials, http.cookies), null);
  const jar = createCookieJar(new URL(base).origin);
  await login(http, base, credentials, jar);
  return jar.header(`${base}/`);
};
