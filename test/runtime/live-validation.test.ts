/**
 * Validation before sending, against the real servers of each line (test/apps/rt_validation.py):
 * for every rule, each value the runtime refuses is refused by the server too when sent anyway
 * (`validate: false`), each boundary value the server accepts goes through, and a refusal sends
 * nothing. What a line does not check (4.x: choices, Slider bounds) has no rule in the module
 * generated from that line, and its server is shown to accept those values.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { ClientOptions, FetchLike, GradioError, JobStream } from "../../runtime/src/index.js";
import { generatedModule, gradioMajor } from "./helpers.js";

type Call = (value: unknown, options?: { validate?: boolean }) => Promise<unknown>;
interface Client {
  readonly [endpoint: string]: unknown;
  close(): Promise<void>;
}
interface ValidationModule {
  connect(options?: ClientOptions): Client;
}

let mod: ValidationModule;
beforeAll(async () => {
  mod = await generatedModule<ValidationModule>("rt_validation");
}, 60_000);

/** A client of the generated module whose requests are counted. */
function counted(options: ClientOptions = {}) {
  const requests: string[] = [];
  const fetch: FetchLike = (input, init) => {
    requests.push(String(input));
    return globalThis.fetch(input, init);
  };
  const client = mod.connect({ ...options, fetch });
  const call = (name: string) => client[name] as Call;
  return { client, call, requests };
}

/** How a call ended: the result, our refusal (with the number of requests it made), or the server's. */
async function outcome(name: string, value: unknown, validate: boolean) {
  const { client, call, requests } = counted();
  try {
    return { kind: "accepted", result: await call(name)(value, { validate }) } as const;
  } catch (error) {
    // The generated module's runtime is the built package (runtime/dist): its classes are not src's.
    if (!(error instanceof Error && "code" in error)) throw error;
    const typed = error as GradioError;
    if (typed.code === "INVALID_ARGUMENT") return { kind: "ours", requests: requests.length, error: typed } as const;
    return { kind: "server", error: typed } as const;
  } finally {
    await client.close();
  }
}

interface Case {
  readonly endpoint: string;
  /** Accepted by the server on every line, and so by us. */
  readonly accepted: readonly unknown[];
  /** Refused by the servers of Gradio ≥ `from`; accepted below it. */
  readonly refused: readonly unknown[];
  readonly from: number;
}

const CASES: readonly Case[] = [
  // Python equality: true == 1, and 0.5 is a choice value (its label is "half").
  { endpoint: "radio", accepted: [1, 0.5, "x", true, null], refused: ["1", "half", 2, ["x"]], from: 5 },
  { endpoint: "single", accepted: ["a", "b", null, ["a", "b"]], refused: ["c", ["a", "c"], 1, {}], from: 5 },
  { endpoint: "multi", accepted: [["a", "c"], [], "b"], refused: [["a", "d"], "d", [null]], from: 5 },
  // A string is iterated character by character ("ab" → "a", "b"), an object by its keys.
  { endpoint: "boxes", accepted: [["a", "ab"], [], "ab", "ba", { a: 1 }], refused: [["c"], "abc", null, 7], from: 5 },
  { endpoint: "slider", accepted: [0, 10, 5.5, true], refused: [-0.001, 10.5, "5", null], from: 5 },
  { endpoint: "num", accepted: [-1, 1, 0.25, null, false], refused: [1.5, -2, "0", [0]], from: 4 },
  // file_types [".txt", ".CSV"]: the upload's name, case-insensitive; bytes are uploaded as "file".
  {
    endpoint: "typed",
    accepted: [new File(["x"], "notes.txt"), new File(["x"], "DATA.csv")],
    refused: [new File(["x"], "a.pdf"), new Uint8Array([1]), new File(["x"], "txt")],
    from: 5,
  },
];

describe("each rule is the server's own", () => {
  for (const { endpoint, accepted, refused, from } of CASES) {
    it(`/${endpoint}: boundary values go through, refused values are refused by the server too`, async () => {
      for (const value of accepted) {
        const result = await outcome(endpoint, value, true);
        expect(result, `/${endpoint} ${JSON.stringify(value)}`).toMatchObject({ kind: "accepted" });
      }
      const enforced = gradioMajor() >= from;
      for (const value of refused) {
        const ours = await outcome(endpoint, value, true);
        const server = await outcome(endpoint, value, false);
        const label = `/${endpoint} ${JSON.stringify(value)}`;
        expect(server.kind, `${label} sent anyway`).toBe(enforced ? "server" : "accepted");
        if (enforced) {
          expect(ours, label).toMatchObject({ kind: "ours", requests: 0 });
          const error = ours.kind === "ours" ? ours.error : null;
          expect(error?.message).toContain(`/${endpoint}: argument`);
          expect(error?.message).toMatch(/\(position 1\) must be .+, received /);
        } else {
          expect(ours.kind, `${label}: no rule on Gradio ${gradioMajor()}`).toBe("accepted");
        }
      }
    });
  }

  it("a Dropdown with allow_custom_value has no rule: any value goes", async () => {
    expect(await outcome("custom", "anything", true)).toMatchObject({ kind: "accepted", result: '"anything"' });
  });

  it("an upload over the app's max_file_size is refused before it is sent, as the server refuses it (5.x, 6.x)", async () => {
    const limit = 1000;
    expect(await outcome("upload", new Blob([new Uint8Array(limit)]), true)).toMatchObject({
      kind: "accepted",
      result: String(limit),
    });
    const big = () => new Blob([new Uint8Array(limit + 1)]);
    if (gradioMajor() < 5) {
      // 4.x states max_file_size but checks the size on disk while the upload is still buffered:
      // 1,001 bytes go through, so the module has no size rule there.
      expect(await outcome("upload", big(), true)).toMatchObject({ kind: "accepted", result: String(limit + 1) });
      return;
    }
    const ours = await outcome("upload", big(), true);
    expect(ours).toMatchObject({ kind: "ours", requests: 0 });
    expect(ours.kind === "ours" && ours.error.message).toContain("a file of 1001 bytes");
    expect(await outcome("upload", big(), false)).toMatchObject({ kind: "server" });
  });
});

describe("what a session may change has no rule", () => {
  it("a Dropdown another listener writes to accepts the choices that listener set", async () => {
    const { client, call } = counted();
    try {
      // Before the update the server refuses "z" on lines that check choices; afterwards it accepts it.
      const before = call("widened")("z").then(
        () => "accepted",
        () => "refused",
      );
      expect(await before).toBe(gradioMajor() >= 5 ? "refused" : "accepted");
      // `/widen` answers with an update without a value (new choices): a plain call reports it as UNCHANGED.
      await expect((client["widen"] as () => Promise<unknown>)()).rejects.toMatchObject({ code: "UNCHANGED" });
      expect(await call("widened")("z")).toBe('"z"');
    } finally {
      await client.close();
    }
  });
});

describe("switches and streams", () => {
  const enforced = () => gradioMajor() >= 5;

  it("validate: false on the client sends what the call would refuse", async () => {
    const { client, call, requests } = counted({ validate: false });
    try {
      const result = await call("radio")("y").then(
        () => "accepted",
        (error: unknown) => (error as GradioError).code,
      );
      expect(result).toBe(enforced() ? "APP_ERROR" : "accepted");
      expect(requests.length).toBeGreaterThan(0);
      // A call may turn it back on.
      const again = await call("radio")("y", { validate: true }).catch((error: unknown) => error);
      if (enforced()) expect(again).toMatchObject({ code: "INVALID_ARGUMENT" });
    } finally {
      await client.close();
    }
  });

  it("a streaming endpoint is checked too: its result rejects and nothing is sent", async () => {
    const { client, requests } = counted();
    try {
      const count = client["count"] as (value: unknown) => JobStream<string>;
      if (enforced()) {
        await expect(count("y").result).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
        expect(requests).toEqual([]);
      }
      const partials: string[] = [];
      for await (const partial of count("x")) partials.push(partial);
      expect(partials.at(-1)).toBe("x:1");
    } finally {
      await client.close();
    }
  });
});
