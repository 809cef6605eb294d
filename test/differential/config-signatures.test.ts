/**
 * Every test app of the line (test/apps: 21 on 6.x, including a 24-input kitchen sink with
 * FileData, Dataframe, Label and JSON defaults), read from its URL, then modelled once from
 * /config + /info and once from /config alone: the parameter-level differences (signatures.ts)
 * must all be ones /config cannot carry (argument names, Python None defaults), and the CLI's
 * warning must say so. Before config-only modules took object values as defaults, the kitchen
 * sink alone had 6 parameters required from /config that /info makes optional.
 */
import { describe, expect, inject, it } from "vitest";
import { loadSchema } from "../../generator/load/index.js";
import { buildModel } from "../../generator/model/build-model.js";
import { signatureDiffs } from "./signatures.js";

// rt_auth answers /config only after a login (its own suite covers that path).
const apps = Object.entries(inject("apps")).filter(([name]) => name !== "rt_auth");

describe("a module from a saved /config has the URL's signature wherever /config carries the facts", () => {
  it.each(apps)("%s", async (_name, url) => {
    const raw = await loadSchema(url);
    const full = buildModel(raw, { allEndpoints: false });
    const configOnly = buildModel({ ...raw, info: null }, { allEndpoints: false });
    const diffs = signatureDiffs(full, configOnly);
    expect(diffs.filter((d) => d.kind !== "name" && d.kind !== "none-default")).toEqual([]);
    if (diffs.length > 0)
      expect(
        configOnly.diagnostics.some((d) => /argument names are only in \/info.*default is None/.test(d.message)),
      ).toBe(true);
  });
});
