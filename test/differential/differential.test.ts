/**
 * Differential test (issue 13): small CPU-only apps modelled on Gradio's own demo folder
 * (test/differential/apps, one process on the current Gradio line), each endpoint called through
 * the module our CLI pipeline generates and through Python's `gradio_client` from the same venv.
 *
 * Normalisation (both sides): tuples/labelled tuples → plain arrays; a file → {"sha256": hex of
 * its bytes} (a GradioFile here, a downloaded path in Python); an update → its wire dict
 * (`{"__type__": "update", …props, value?}`, which is what Python returns). Python runs every
 * call twice (two sessions); a call whose two Python results differ is nondeterministic and
 * excluded (listed). Every TypeScript result is also checked against its declared type at run
 * time (conforms.ts). Each app is generated from the URL, from its saved /config and from its
 * saved /info; all three pass the strict type-check gate, and their signatures are compared
 * (expected from /info alone: streaming only). The table is printed at the end.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { GradioFile, GradioUpdate } from "@gradio-codegen/runtime";
import { generate, type GenerateResult } from "../../generator/generate.js";
import { printType } from "../../generator/emit/print-type.js";
import type { EndpointModel, TypeNode } from "../../generator/model/ir.js";
import { startApps, type AppHost } from "../harness/app-host.js";
import { REPO_ROOT } from "../support/paths.js";
import { contradiction } from "./conforms.js";
import { ensureFfmpeg, makeVideo } from "./ffmpeg.js";

const run = promisify(execFile);
const APPS_DIR = resolve(import.meta.dirname, "apps");
const WORK = join(REPO_ROOT, "test", ".work", `differential-${process.pid}`);
const PNG = join(REPO_ROOT, "test", "fixtures", "gradient-4x3.png");
const TEXT = join(WORK, "notes.txt");
const VIDEO = join(WORK, "pattern.mp4");

interface Call {
  readonly api: string;
  readonly args: readonly unknown[];
}

/** The calls per app, in order (State apps depend on it). `{file: path}` is a file argument. */
const CALLS: Record<string, readonly Call[]> = {
  d_updates: [
    { api: "/set_max", args: [20] },
    { api: "/toggle", args: [true] },
    { api: "/toggle", args: [false] },
    { api: "/skip", args: [5] },
    { api: "/mixed", args: [4] },
    { api: "/double", args: [21] },
  ],
  d_streams: [
    { api: "/count_up", args: [3] },
    { api: "/spell", args: ["abc"] },
  ],
  d_state: [
    { api: "/add", args: [2] },
    { api: "/add", args: [3] },
    { api: "/double_total", args: [] },
    { api: "/read_total", args: [] },
  ],
  d_values: [
    { api: "/calc", args: [4, "add", 5] },
    { api: "/calc", args: [1, "divide", 0] },
    { api: "/describe", args: ["hi", 2, true] },
    { api: "/table", args: [2] },
    { api: "/highlight", args: ["Hello world"] },
  ],
  d_media: [
    { api: "/flip", args: [{ file: PNG }] },
    { api: "/upper_file", args: [{ file: TEXT }] },
    { api: "/tone", args: [440] },
    { api: "/tiles", args: [2] },
  ],
  d_chat: [{ api: "/chat", args: ["hello"] }],
  d_video: [
    { api: "/mirror", args: [{ file: VIDEO }] },
    { api: "/subtitled", args: [{ file: VIDEO }] },
  ],
};

type Outcome = { ok: unknown } | { error: string };
interface Row {
  app: string;
  endpoints: number;
  calls: number;
  identical: number;
  differing: string[];
  excluded: string[];
  tsFailures: string[];
  typeContradictions: string[];
  signatures: string[];
}

const rows: Row[] = [];
let host: AppHost;

async function normalise(value: unknown): Promise<unknown> {
  if (value instanceof GradioFile)
    return {
      sha256: createHash("sha256")
        .update(await value.bytes())
        .digest("hex"),
    };
  if (value instanceof GradioUpdate) return normalise(value.toJSON());
  if (Array.isArray(value)) return Promise.all(value.map(normalise));
  if (typeof value === "object" && value !== null) {
    const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await normalise(v)] as const));
    return Object.fromEntries(entries);
  }
  return value;
}

/** `fn(a?: T, b: U): Promise<R>` of one endpoint, from the model (names, optionality, types). */
function signature(e: EndpointModel): string {
  const ctx = { direction: "input", fileInput: "FileInput", fileOutput: "GradioFile", json: "JsonValue" } as const;
  const params = e.parameters.map((p) => `${p.name}${p.hasDefault ? "?" : ""}: ${printType(p.type, ctx)}`).join(", ");
  const results = e.returns.map((r) => printType(r.type, { ...ctx, direction: "output" })).join(", ");
  return `${e.functionName}(${params}): ${e.streaming ? "JobStream" : "Promise"}<[${results}]>`;
}

function signatureDiffs(url: GenerateResult, other: GenerateResult, from: string): string[] {
  const mine = new Map(other.model.endpoints.map((e) => [e.apiName, e]));
  return url.model.endpoints.flatMap((e) => {
    const o = mine.get(e.apiName);
    if (!o) return [`${from}: /${e.apiName} missing`];
    const [a, b] = [signature(e), signature(o)];
    if (a === b) return [];
    const reason = a.replace("JobStream", "Promise") === b.replace("JobStream", "Promise") ? "streaming" : "signature";
    return [`${from} ${reason}: ${a} ≠ ${b}`];
  });
}

beforeAll(async () => {
  mkdirSync(WORK, { recursive: true });
  writeFileSync(TEXT, "some notes\nsecond line\n");
  await ensureFfmpeg();
  await makeVideo(VIDEO);
  host = await startApps({ python: inject("python"), apps: Object.keys(CALLS), appsDir: APPS_DIR });
}, 180_000);

afterAll(async () => {
  await host?.stop();
  rmSync(WORK, { recursive: true, force: true });
  const line = (cells: readonly (string | number)[]) => `| ${cells.join(" | ")} |`;
  const table = [
    line([
      "app",
      "endpoints",
      "calls",
      "identical",
      "differing",
      "excluded (nondeterministic)",
      "TS fails where Python succeeds",
      "type contradictions",
      "signature differences (config / info)",
    ]),
    line(Array.from({ length: 9 }, () => "---")),
    ...rows.map((r) =>
      line([
        r.app,
        r.endpoints,
        r.calls,
        r.identical,
        r.differing.join("; ") || 0,
        r.excluded.join("; ") || 0,
        r.tsFailures.length,
        r.typeContradictions.length,
        r.signatures.join("; ") || "none",
      ]),
    ),
    line([
      "total",
      sum((r) => r.endpoints),
      sum((r) => r.calls),
      sum((r) => r.identical),
      sum((r) => r.differing.length),
      sum((r) => r.excluded.length),
      sum((r) => r.tsFailures.length),
      sum((r) => r.typeContradictions.length),
      sum((r) => r.signatures.length),
    ]),
  ];
  process.stdout.write(`\nDifferential test (Gradio ${inject("gradioVersion")}):\n${table.join("\n")}\n`);
});

const sum = (f: (r: Row) => number) => rows.reduce((n, r) => n + f(r), 0);

/** JSON with object keys sorted (the two clients order an update's keys differently). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === "object" && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

describe.runIf(inject("gradioLine") === "current")("differential: generated module vs Python gradio_client", () => {
  it.each(Object.keys(CALLS))(
    "%s",
    async (app) => {
      const url = host.url(app);
      const calls = CALLS[app] ?? [];
      // Python: two passes, each with its own session.
      const spec = join(WORK, `${app}.calls.json`);
      writeFileSync(spec, JSON.stringify({ passes: 2, downloads: join(WORK, "downloads"), apps: { [url]: calls } }));
      const { stdout } = await run(inject("python"), [join(import.meta.dirname, "py_client.py"), spec], {
        maxBuffer: 64 << 20,
        timeout: 120_000,
      });
      const passes = (JSON.parse(stdout) as Record<string, Outcome[]>[]).map((p) => p[url] ?? []);

      // TypeScript: the module generated from the URL, imported as a user would.
      const fromUrl = await generate(url);
      const moduleFile = join(WORK, `${app}.ts`);
      writeFileSync(moduleFile, fromUrl.text);
      const mod = (await import(moduleFile)) as {
        connect(o: { baseUrl: string }): Record<string, (...a: unknown[]) => unknown> & { close(): Promise<void> };
      };
      const client = mod.connect({ baseUrl: url });
      const named = new Map<string, TypeNode>(fromUrl.model.declarations.map((d) => [d.name, d.type]));
      const row: Row = {
        app,
        endpoints: fromUrl.model.endpoints.length,
        calls: calls.length,
        identical: 0,
        differing: [],
        excluded: [],
        tsFailures: [],
        typeContradictions: [],
        signatures: [],
      };
      try {
        for (const [i, call] of calls.entries()) {
          const endpoint = fromUrl.model.endpoints.find((e) => `/${e.apiName}` === call.api);
          if (!endpoint) throw new Error(`${app}: no endpoint ${call.api}`);
          const args = call.args.map((a) =>
            typeof a === "object" && a !== null && "file" in a ? (a as { file: string }).file : a,
          );
          const fn = client[endpoint.functionName] as (...a: unknown[]) => unknown;
          let ts: { ok: unknown; raw: unknown } | { error: string };
          try {
            const raw = endpoint.streaming
              ? await (fn(...args) as { result: Promise<unknown> }).result
              : await (fn(...args) as Promise<unknown>);
            ts = { ok: await normalise(raw), raw };
          } catch (error) {
            ts = { error: String(error) };
          }
          const [py1, py2] = [passes[0]?.[i], passes[1]?.[i]];
          const label = `${call.api}(${JSON.stringify(call.args).slice(1, -1).slice(0, 40)})`;
          if (canonical(py1) !== canonical(py2)) {
            row.excluded.push(label);
            continue;
          }
          if ("raw" in ts) {
            const values = endpoint.returns.length === 1 ? [ts.raw] : (ts.raw as unknown[]);
            endpoint.returns.forEach((r, k) => {
              const bad = contradiction(values[k], r.type, named);
              if (bad) row.typeContradictions.push(`${label} ${r.name}: ${bad}`);
            });
          }
          if (py1 && "ok" in py1 && !("ok" in ts)) row.tsFailures.push(`${label}: ${ts.error}`);
          else if (py1 && "error" in py1 && "error" in ts)
            row.identical++; // both fail (gr.Error)
          else if (py1 && "ok" in py1 && "ok" in ts && canonical(py1.ok) === canonical(ts.ok)) row.identical++;
          else
            row.differing.push(
              `${label}: python ${JSON.stringify(py1).slice(0, 160)} vs ts ${JSON.stringify("ok" in ts ? ts.ok : ts).slice(0, 160)}`,
            );
        }
      } finally {
        await client.close();
      }

      // The same app from its saved /config and its saved /info: strict gate passes, signatures compared.
      const prefix = fromUrl.model.app.apiPrefix ?? "";
      const [config, info] = await Promise.all([
        fetch(`${url}/config`).then((r) => r.text()),
        fetch(`${url}${prefix}/info`).then((r) => r.text()),
      ]);
      writeFileSync(join(WORK, `${app}.config.json`), config);
      writeFileSync(join(WORK, `${app}.info.json`), info);
      const fromConfig = await generate(join(WORK, `${app}.config.json`));
      const fromInfo = await generate(join(WORK, `${app}.info.json`));
      const infoDiffs = signatureDiffs(fromUrl, fromInfo, "info");
      row.signatures.push(...signatureDiffs(fromUrl, fromConfig, "config"), ...infoDiffs);
      rows.push(row);

      expect(row.tsFailures).toEqual([]);
      expect(row.typeContradictions).toEqual([]);
      expect(infoDiffs.filter((d) => !d.startsWith("info streaming"))).toEqual([]);
      expect(row.identical + row.excluded.length + row.differing.length).toBe(calls.length);
    },
    240_000,
  );
});
