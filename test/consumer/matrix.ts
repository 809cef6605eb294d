/**
 * The tsconfig matrix of the consumer test: each entry is a project setting people really use,
 * compiled with its own `tsconfig.json` and every TypeScript version it supports. No entry sets
 * skipLibCheck (the stock Vite config's `skipLibCheck: true` is turned off: the runtime's
 * declarations are checked too).
 */
import type { TsVersion } from "./toolchain.js";

/** Usage files (test/consumer/fixtures) a config compiles next to the generated modules. */
export type Usage = "universal" | "node" | "browser" | "dispose";

export interface ConsumerConfig {
  readonly name: string;
  /** Where the tsconfig sits: `types` sees @types/node (installed there), `plain` sees none. */
  readonly dir: "types" | "plain";
  readonly usage: readonly Usage[];
  readonly compilerOptions: Readonly<Record<string, unknown>>;
  /** TypeScript versions that know every option used (all when absent). */
  readonly minVersion?: TsVersion;
}

const STRICT_NODENEXT = {
  target: "ES2022",
  module: "NodeNext",
  moduleResolution: "NodeNext",
  strict: true,
  noEmit: true,
  skipLibCheck: false,
};

/** The stock create-vite 9.3 `vanilla-ts` tsconfig.json, with skipLibCheck turned off. */
const CREATE_VITE_VANILLA_TS = {
  target: "es2023",
  module: "esnext",
  lib: ["ES2023", "DOM"],
  types: ["vite/client"],
  allowArbitraryExtensions: true,
  skipLibCheck: false,
  moduleResolution: "bundler",
  allowImportingTsExtensions: true,
  verbatimModuleSyntax: true,
  moduleDetection: "force",
  noEmit: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  erasableSyntaxOnly: true,
  noFallthroughCasesInSwitch: true,
};

export const CONFIGS: readonly ConsumerConfig[] = [
  // Default lib (ES2022 + DOM) and Node's types: a typical Node + TypeScript project.
  {
    name: "nodenext + @types/node",
    dir: "types",
    usage: ["universal", "node", "browser"],
    compilerOptions: { ...STRICT_NODENEXT, types: ["node"] },
  },
  // The same without @types/node installed at all (TypeScript 6 defaults `types` to []).
  { name: "nodenext, no @types/node", dir: "plain", usage: ["universal", "browser"], compilerOptions: STRICT_NODENEXT },
  // A Node project without the dom lib.
  {
    name: "Node, no dom lib",
    dir: "types",
    usage: ["universal", "node"],
    compilerOptions: { ...STRICT_NODENEXT, lib: ["ES2022"], types: ["node"] },
  },
  // No dom, no @types/node, but disposal: `await using` on a generated client.
  {
    name: "no dom, no @types/node, esnext.disposable",
    dir: "plain",
    usage: ["universal", "dispose"],
    compilerOptions: { ...STRICT_NODENEXT, lib: ["ES2022", "ESNext.Disposable"], types: [] },
    minVersion: "5.9.3",
  },
  {
    name: "bundler resolution",
    dir: "plain",
    usage: ["universal", "browser"],
    compilerOptions: {
      target: "ES2022",
      module: "ESNext",
      moduleResolution: "Bundler",
      lib: ["ES2022", "DOM", "DOM.Iterable"],
      strict: true,
      noEmit: true,
      skipLibCheck: false,
    },
  },
  {
    name: "create-vite vanilla-ts",
    dir: "plain",
    usage: ["universal", "browser"],
    compilerOptions: CREATE_VITE_VANILLA_TS,
    minVersion: "5.9.3",
  },
  {
    name: "exactOptionalPropertyTypes + noUncheckedIndexedAccess + verbatimModuleSyntax",
    dir: "types",
    usage: ["universal", "node", "dispose"],
    compilerOptions: {
      ...STRICT_NODENEXT,
      lib: ["ESNext"],
      types: ["node"],
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      verbatimModuleSyntax: true,
      isolatedModules: true,
      noUnusedLocals: true,
      noUnusedParameters: true,
      noImplicitOverride: true,
      noPropertyAccessFromIndexSignature: true,
    },
    minVersion: "5.9.3",
  },
  // The oldest TypeScript supported (5.0: no esnext.disposable lib yet), same strict options without `await using`.
  {
    name: "exactOptionalPropertyTypes + noUncheckedIndexedAccess + verbatimModuleSyntax (no await using)",
    dir: "types",
    usage: ["universal", "node"],
    compilerOptions: {
      ...STRICT_NODENEXT,
      types: ["node"],
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      verbatimModuleSyntax: true,
      isolatedModules: true,
    },
  },
];
