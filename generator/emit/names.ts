/**
 * The one naming module: every identifier in generated code comes from here, never from string
 * pasting (ARCHITECTURE.md "Naming and escaping"). Deterministic for the same input.
 */
import { stringLiteral } from "./escape.js";

/** The module's local binder names (`bind`, `bindFiles`, …): the model keeps endpoint names off them. */
export { allBinderNames } from "./binders.js";

/** Longest identifier produced before collision suffixes (in code points). */
export const MAX_IDENTIFIER_LENGTH = 64;

/** ES reserved + strict-mode reserved words, module `await`, and names unsafe to bind or shadow. */
const RESERVED: ReadonlySet<string> = new Set([
  // ECMAScript reserved words
  ...["break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do"],
  ...["else", "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in"],
  ...["instanceof", "new", "null", "return", "super", "switch", "this", "throw", "true", "try"],
  ...["typeof", "var", "void", "while", "with"],
  // strict mode and modules
  ...["implements", "interface", "let", "package", "private", "protected", "public", "static"],
  ...["yield", "await", "arguments", "eval"],
  // TypeScript type keywords (invalid as type names) and globals we must not shadow
  ...["any", "unknown", "never", "string", "number", "boolean", "symbol", "object", "bigint"],
  ...["undefined", "NaN", "Infinity", "globalThis"],
  // Object.prototype members: trouble as keys of generated lookup objects
  ...["constructor", "__proto__", "prototype", "toString", "hasOwnProperty", "valueOf"],
  ...["isPrototypeOf", "propertyIsEnumerable", "toLocaleString"],
  ...["__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__"],
]);

const IDENTIFIER_NAME = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*$/u;
const NOT_WORD_CHAR = /[^\p{ID_Continue}]|_/gu;

/** True when `name` is syntactically an IdentifierName (reserved words included). */
export function isIdentifierName(name: string): boolean {
  return IDENTIFIER_NAME.test(name);
}

/** True when `name` can be used as a binding (variable, function, type) in generated code. */
export function isValidIdentifier(name: string): boolean {
  return isIdentifierName(name) && !RESERVED.has(name);
}

/** True for words this module refuses as bindings (`class`, `constructor`, `__proto__`, …). */
export function isReservedName(name: string): boolean {
  return RESERVED.has(name);
}

function words(raw: string): string[] {
  return raw
    .normalize("NFC")
    .replace(NOT_WORD_CHAR, " ") // separators, punctuation, emoji, `_`
    .replace(/([\p{Ll}\p{Nd}])(\p{Lu})/gu, "$1 $2") // fooBar → foo Bar
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, "$1 $2") // HTTPServer → HTTP Server
    .split(" ")
    .filter((w) => w.length > 0);
}

function upperFirst(word: string): string {
  const [first = "", ...rest] = Array.from(word);
  return first.toUpperCase() + rest.join("");
}

function finish(joined: string, fallback: string): string {
  // Case mapping can, in rare scripts, yield characters outside ID_Continue: drop them.
  let name = Array.from(joined.replace(/[^\p{ID_Continue}$]/gu, ""))
    .slice(0, MAX_IDENTIFIER_LENGTH)
    .join("");
  if (name === "") name = fallback;
  if (!/^[\p{ID_Start}$_]/u.test(name)) name = "_" + name;
  if (!isIdentifierName(name)) name = "_value";
  return RESERVED.has(name) ? name + "_" : name;
}

/** `"/predict-v2"` → `predictV2`, `"Hello World"` → `helloWorld`, `"2x"` → `_2x`, `"class"` → `class_`. */
export function toCamelIdentifier(raw: string, fallback = "value"): string {
  const parts = words(raw).map((w) => w.toLowerCase());
  const joined = parts.map((w, i) => (i === 0 ? w : upperFirst(w))).join("");
  return finish(joined, fallback === "" ? "value" : fallback);
}

/** `"image data"` → `ImageData`, `"snake_case"` → `SnakeCase`; same rules as `toCamelIdentifier`. */
export function toPascalIdentifier(raw: string, fallback = "Value"): string {
  const joined = words(raw)
    .map((w) => upperFirst(w.toLowerCase()))
    .join("");
  return finish(joined, fallback === "" ? "Value" : fallback);
}

/** Key text for an object *type* member: bare when an IdentifierName, else a JSON string. */
export function propertyKey(key: string): string {
  return isIdentifierName(key) ? key : quote(key);
}

/** Key text for an object *literal* (a value): like `propertyKey`, but `__proto__` is computed. */
export function objectLiteralKey(key: string): string {
  // `{"__proto__": x}` sets the prototype in an object literal; `{["__proto__"]: x}` does not.
  return key === "__proto__" ? `[${quote(key)}]` : propertyKey(key);
}

function quote(text: string): string {
  return stringLiteral(text);
}

/** A per-scope registry handing out unique identifiers. */
export interface NameTable {
  /** Sanitizes `preferred` (style of the table), avoids reserved/taken names, suffixes 2, 3, … */
  claim(preferred: string, fallback?: string): string;
  /** True when `name` is already taken in this scope. */
  has(name: string): boolean;
}

/** Options of `createNameTable`. */
export interface NameTableOptions {
  /** `camel` (default) for values/functions, `pascal` for types. */
  readonly style?: "camel" | "pascal";
  /** Names already used in the scope (imports, helpers) that claims must avoid. */
  readonly taken?: Iterable<string>;
}

/** Creates an empty name table for one scope (a module, a parameter list, a type). */
export function createNameTable(options: NameTableOptions = {}): NameTable {
  const taken = new Set<string>(options.taken ?? []);
  // Next suffix to try per base name: thousands of claims of one base stay linear.
  const nextSuffix = new Map<string, number>();
  const sanitize = options.style === "pascal" ? toPascalIdentifier : toCamelIdentifier;
  return {
    claim(preferred: string, fallback?: string): string {
      const base = sanitize(preferred, fallback);
      // `value13` + 2 would read as `value132`: separate numeric suffixes with `_`.
      const glue = /\d$/.test(base) ? "_" : "";
      let name = base;
      let n = nextSuffix.get(base) ?? 2;
      if (taken.has(name)) {
        for (name = `${base}${glue}${n}`; taken.has(name); n++) name = `${base}${glue}${n + 1}`;
        nextSuffix.set(base, n + 1);
      }
      taken.add(name);
      return name;
    },
    has: (name: string) => taken.has(name),
  };
}
