/**
 * Differential test (issue 13): small CPU-only apps modelled on Gradio's own demo folder
 * (test/differential/apps, one process per Gradio line: this file runs in the gradio-6, gradio-5
 * and gradio-4 projects), each endpoint called through the module our CLI pipeline generates and
 * through Python's `gradio_client` from the same venv.
 *
 * Normalisation (both sides): tuples/labelled tuples → plain arrays; a file → {"sha256": hex of
 * its bytes} (a GradioFile here, a downloaded path in Python); an update → its wire dict
 * (`{"__type__": "update", …props, value?}`, which is what Python returns; calls go through
 * `withUpdates(fn)`, the form that keeps updates). Python runs every
 * call twice (two sessions); a call whose two Python results differ is nondeterministic and
 * excluded (listed). Every TypeScript result is also checked against its declared type at run
 * time (conforms.ts). Each app is generated from the URL, from its saved /config and from its
 * saved /info; all three pass the strict type-check gate, the /config module makes the same calls,
 * and the signatures are compared parameter by parameter (signatures.ts): the only differences
 * allowed are those the document cannot carry (from /config: argument names, Python None
 * defaults; from /info: streaming, State/layout slots), each warned by the CLI. The table is printed at the end.
 */
import { execFile } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { withUpdates } from "@gradio-codegen/runtime";
import { generate, type GenerateResult } from "../../generator/generate.js";
import type { EndpointModel, TypeNode } from "../../generator/model/ir.js";
import { startApps, type AppHost } from "../harness/app-host.js";
import { type Call, callsFor, SRT, TEXT, VIDEO, WORK, withFiles } from "./calls.js";
import { contradiction } from "./conforms.js";
import { ensureFfmpeg, makeVideo } from "./ffmpeg.js";
import { normalise, type Row, table } from "./report.js";
import { canonical, type DiffKind, signatureDiffs } from "./signatures.js";

const run = promisify(execFile);
const APPS_DIR = resolve(import.meta.dirname, "apps");
const CALLS = callsFor(inject("gradioLine"));

type Outcome = { ok: unknown } | { error: string };
type TsOutcome = { ok: unknown; raw: unknown } | { error: string };
type Client = Record<string, (...a: unknown[]) => unknown> & { close(): Promise<void> };

const rows: Row[] = [];
let host: AppHost;

beforeAll(async () => {
  mkdirSync(WORK, { recursive: true });
  writeFileSync(TEXT, "some notes\nsecond line\n");
  writeFileSync(SRT, "1\n00:00:00,000 --> 00:00:01,000\nHi\n");
  await ensureFfmpeg();
  await makeVideo(VIDEO);
  host = await startApps({ python: inject("python"), apps: Object.keys(CALLS), appsDir: APPS_DIR });
}, 180_000);

afterAll(async () => {
  await host?.stop();
  rmSync(WORK, { recursive: true, force: true });
  process.stdout.write(`\n${table(inject("gradioVersion"), rows)}\n`);
});

/** Imports a generated module as a user would and makes `calls` through a client of its own. */
async function callThrough(result: GenerateResult, file: string, url: string, calls: readonly Call[]) {
  writeFileSync(file, result.text);
  const mod = (await import(file)) as { connect(o: { baseUrl: string }): Client };
  const client = mod.connect({ baseUrl: url });
  const outcomes: { endpoint: EndpointModel; ts: TsOutcome }[] = [];
  try {
    for (const call of calls) {
      const endpoint = result.model.endpoints.find((e) => `/${e.apiName}` === call.api);
      if (!endpoint) throw new Error(`${file}: no endpoint ${call.api}`);
      const args = call.args.map((a) => withFiles(a, (path) => path));
      // The updates form: Python returns an update as its dict; plain calls would reject with UNCHANGED.
      const fn = withUpdates(client[endpoint.functionName] as (...a: unknown[]) => unknown);
      try {
        const raw = endpoint.streaming
          ? await (fn(...args) as { result: Promise<unknown> }).result
          : await (fn(...args) as Promise<unknown>);
        outcomes.push({ endpoint, ts: { ok: await normalise(raw), raw } });
      } catch (error) {
        outcomes.push({ endpoint, ts: { error: String(error) } });
      }
    }
  } finally {
    await client.close();
  }
  return outcomes;
}

/** The differences a document may have (it cannot carry them) and the CLI's warning that says so. */
const ALLOWED: Record<"config" | "info", { kinds: readonly DiffKind[]; warning: RegExp }> = {
  config: { kinds: ["name", "none-default"], warning: /argument names are only in \/info.*default is None/ },
  // Without /config, State and layout slots are unknown (the runtime reads /config on the first call).
  info: { kinds: ["streaming", "layout"], warning: /streaming and State cannot be known from \/info/ },
};

describe("differential: generated module vs Python gradio_client", () => {
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

      // The same app from the URL, its saved /config and its saved /info.
      const fromUrl = await generate(url);
      // The documents the URL read, saved as a user would save them (no second fetch).
      writeFileSync(join(WORK, `${app}.config.json`), JSON.stringify(fromUrl.snapshot.config));
      writeFileSync(join(WORK, `${app}.info.json`), JSON.stringify(fromUrl.snapshot.info));
      const fromConfig = await generate(join(WORK, `${app}.config.json`));
      const fromInfo = await generate(join(WORK, `${app}.info.json`));

      const row: Row = {
        app,
        endpoints: fromUrl.model.endpoints.length,
        calls: calls.length,
        identical: 0,
        differing: [],
        excluded: [],
        tsFailures: [],
        typeContradictions: [],
        configIdentical: 0,
        configDiffs: signatureDiffs(fromUrl.model, fromConfig.model),
        infoDiffs: signatureDiffs(fromUrl.model, fromInfo.model),
      };
      const named = new Map<string, TypeNode>(fromUrl.model.declarations.map((d) => [d.name, d.type]));
      const viaUrl = await callThrough(fromUrl, join(WORK, `${app}.ts`), url, calls);
      const viaConfig = await callThrough(fromConfig, join(WORK, `${app}.config.ts`), url, calls);
      calls.forEach((call, i) => {
        const { endpoint, ts } = viaUrl[i] as (typeof viaUrl)[number];
        const [py1, py2] = [passes[0]?.[i], passes[1]?.[i]];
        const label = `${call.api}(${JSON.stringify(call.args).slice(1, -1).slice(0, 40)})`;
        if (canonical(py1) !== canonical(py2)) {
          row.excluded.push(label);
          return;
        }
        if ("raw" in ts) {
          const values = endpoint.returns.length === 1 ? [ts.raw] : (ts.raw as unknown[]);
          endpoint.returns.forEach((r, k) => {
            const bad = contradiction(values[k], r.type, named);
            if (bad) row.typeContradictions.push(`${label} ${r.name}: ${bad}`);
          });
        }
        const same = (out: TsOutcome) =>
          (py1 && "error" in py1 && "error" in out) || // both fail (gr.Error)
          (py1 && "ok" in py1 && "ok" in out && canonical(py1.ok) === canonical(out.ok));
        const viaConfigTs = viaConfig[i]?.ts ?? { error: "not called" };
        if (py1 && "ok" in py1 && !("ok" in ts)) row.tsFailures.push(`${label}: ${ts.error}`);
        else if (same(ts)) row.identical++;
        else
          row.differing.push(
            `${label}: python ${JSON.stringify(py1).slice(0, 160)} vs ts ${JSON.stringify("ok" in ts ? ts.ok : ts).slice(0, 160)}`,
          );
        if (same(viaConfigTs)) row.configIdentical++;
        else if (py1 && "ok" in py1 && !("ok" in viaConfigTs))
          row.tsFailures.push(`/config module ${label}: ${viaConfigTs.error}`);
      });
      rows.push(row);

      expect(row.tsFailures).toEqual([]);
      expect(row.typeContradictions).toEqual([]);
      expect(row.identical + row.excluded.length + row.differing.length).toBe(calls.length);
      expect(row.configIdentical).toBe(row.identical);
      for (const [from, result, diffs] of [
        ["config", fromConfig, row.configDiffs],
        ["info", fromInfo, row.infoDiffs],
      ] as const) {
        const allowed = ALLOWED[from];
        expect(diffs.filter((d) => !allowed.kinds.includes(d.kind))).toEqual([]);
        if (diffs.length > 0)
          expect(result.model.diagnostics.some((d) => d.level === "warning" && allowed.warning.test(d.message))).toBe(
            true,
          );
      }
    },
    240_000,
  );
});
