/** How the streaming chatbot module is used (and misused: the @ts-expect-error lines must not compile). */
import { connect, respond, type RespondResult } from "./chatbot_stream.js";

/** What `demo` returns against the running test app. */
export const expected = {
  partialReplies: ["You", "You said:", "You said: hello", "You said: hello there"],
  finalRoles: ["user", "assistant"],
  finalReply: "You said: hello there",
  secondTurnMessages: 4,
};

function lastText(history: RespondResult): string {
  const part = history.at(-1)?.content.at(-1);
  return part && "text" in part ? part.text : "";
}

/** Streams one reply, then continues the conversation with the returned history. */
export async function demo(baseUrl: string): Promise<typeof expected> {
  const client = connect({ baseUrl });
  try {
    const stream = client.respond("hello there");
    const partialReplies: string[] = [];
    for await (const history of stream) partialReplies.push(lastText(history));
    const final = await stream.result;
    const second = await client.respond("again", final).result;
    return {
      partialReplies,
      finalRoles: final.map((m) => m.role),
      finalReply: lastText(final),
      secondTurnMessages: second.length,
    };
  } finally {
    await client.close();
  }
}

/** Never called: each line below is a compile error, proven by @ts-expect-error. */
export function misuse(): void {
  // @ts-expect-error the message is required
  void respond();
  // @ts-expect-error a streaming endpoint returns a JobStream, not a Promise of text
  const text: Promise<string> = respond("hi");
  void text;
  // @ts-expect-error history messages need a role
  void respond("hi", [{ content: [{ text: "x", type: "text" }] }]);
}
