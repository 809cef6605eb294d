/**
 * Proxy variables in the Node entry. Whether `HTTPS_PROXY`/`HTTP_PROXY`/`ALL_PROXY` (or lower-case)
 * apply to a URL, with `NO_PROXY` exemptions (curl's rules); the node:http fast paths do not speak
 * to proxies, so such requests go through `fetch` — which, in Node, is made proxy-aware here with
 * the optional peer dependency undici (Node's built-in fetch ignores the variables).
 */
import { createRequire } from "node:module";
import { GradioError } from "../errors.js";

/** True when a proxy variable is set for the URL's scheme and `NO_PROXY` does not list its host. */
export function usesProxy(url: string, env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const target = new URL(url);
  const scheme = target.protocol === "https:" ? "https" : "http";
  const proxy = env[`${scheme}_proxy`] || env[`${scheme.toUpperCase()}_PROXY`] || env["all_proxy"] || env["ALL_PROXY"];
  if (!proxy) return false;
  const noProxy = env["no_proxy"] ?? env["NO_PROXY"] ?? "";
  const host = target.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const port = target.port || (scheme === "https" ? "443" : "80");
  return !noProxy.split(/[\s,]+/).some((entry) => exempts(entry.trim().toLowerCase(), host, port));
}

/** curl's rules: `*` matches all; `host`, `.host` and `*.host` match the host and its subdomains; `host:port` only that port. */
function exempts(entry: string, host: string, port: string): boolean {
  if (entry === "") return false;
  if (entry === "*") return true;
  const bracketed = /^\[(.*)\](?::(\d+))?$/.exec(entry);
  // A bare IPv6 address has several colons and no port.
  const match = bracketed ?? (entry.split(":").length > 2 ? [entry, entry] : /^(.*?)(?::(\d+))?$/.exec(entry));
  const name = (match?.[1] ?? entry).replace(/^\*?\./, "");
  if (match?.[2] && match[2] !== port) return false;
  return host === name || host.endsWith(`.${name}`);
}

/** What the runtime uses of the optional peer dependency `undici`. */
interface Undici {
  fetch(input: string, init: RequestInit & { dispatcher: unknown }): Promise<Response>;
  EnvHttpProxyAgent: new () => unknown;
}

let proxied: ((input: string, init?: RequestInit) => Promise<Response>) | undefined;

/**
 * A fetch that honours `HTTP(S)_PROXY`/`NO_PROXY` (Node's built-in fetch ignores them): URLs a
 * proxy applies to go through undici's EnvHttpProxyAgent, loaded on first use from the optional
 * peer dependency `undici` (7.x); the others through the platform fetch. It is loaded with
 * `createRequire`, which bundlers leave alone: bundling the runtime never pulls undici in.
 */
export async function proxyAwareFetch(input: string, init?: RequestInit): Promise<Response> {
  if (!usesProxy(input)) return globalThis.fetch(input, init);
  if (!proxied) {
    let undici: Undici;
    try {
      undici = createRequire(import.meta.url)("undici") as Undici;
    } catch (error) {
      throw new GradioError(
        "UNSUPPORTED",
        `a proxy variable (HTTP_PROXY/HTTPS_PROXY/ALL_PROXY) applies to ${new URL(input).origin}, but Node's built-in fetch ignores proxies: install the optional peer dependency undici (npm install undici@7), pass your own { fetch }, or exempt the host with NO_PROXY`,
        { cause: error },
      );
    }
    const dispatcher = new undici.EnvHttpProxyAgent();
    proxied = (url, options) => undici.fetch(url, { ...options, dispatcher });
  }
  return proxied(input, init);
}
