/**
 * Whether the proxy environment applies to a URL. The node:http fast paths do not speak to
 * proxies: when `HTTPS_PROXY`/`HTTP_PROXY` (or lower-case) would apply and `NO_PROXY` does not
 * exempt the host, the request goes through `fetch` instead, so whatever dispatcher the program
 * configured for fetch (undici `setGlobalDispatcher(new EnvHttpProxyAgent())`, …) is honoured.
 */

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
