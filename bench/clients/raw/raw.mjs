/**
 * The floor: the least a Node client can do per call with Gradio's `sse_v3` queue protocol and
 * Node's built-in fetch, no library — POST `{P}/queue/join`, then GET `{P}/queue/data` for a
 * fresh session and read SSE lines until this event's `process_completed`. No retries, no
 * validation, no file handling: what is left above this in a real client is that client's cost.
 */
import { randomUUID } from "node:crypto";

/** fn_index of `/apiName` and the API prefix, read once from `/config` (untimed, at start-up). */
export async function discover(url, apiName) {
  const config = await (await fetch(`${url}/config`)).json();
  const dep = config.dependencies.find((d) => d.api_name === apiName);
  if (!dep) throw new Error(`no endpoint /${apiName}`);
  return { url, fnIndex: dep.id ?? config.dependencies.indexOf(dep), prefix: config.api_prefix ?? "/gradio_api" };
}

/** One call: join + stream; resolves the output's data array. */
export async function rawCall(endpoint, data) {
  const sessionHash = randomUUID().slice(0, 11);
  const base = `${endpoint.url}${endpoint.prefix}`;
  const joined = await fetch(`${base}/queue/join`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      data,
      fn_index: endpoint.fnIndex,
      session_hash: sessionHash,
      event_data: null,
      trigger_id: null,
    }),
  });
  if (!joined.ok) throw new Error(`join: HTTP ${joined.status}`);
  const { event_id: eventId } = await joined.json();
  const stream = await fetch(`${base}/queue/data?session_hash=${sessionHash}`);
  if (!stream.ok || !stream.body) throw new Error(`stream: HTTP ${stream.status}`);
  const decoder = new TextDecoder();
  let buffered = "";
  // Returning from inside the loop ends the iterator, which cancels the body (closes the stream).
  for await (const chunk of stream.body) {
    buffered += decoder.decode(chunk, { stream: true });
    let end;
    while ((end = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      if (!line.startsWith("data:")) continue;
      const message = JSON.parse(line.slice(5));
      if (message.msg === "process_completed" && message.event_id === eventId) {
        if (!message.success) throw new Error(`call failed: ${JSON.stringify(message.output)}`);
        return message.output.data;
      }
    }
  }
  throw new Error("stream ended before process_completed");
}
