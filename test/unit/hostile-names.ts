/**
 * The "nasty names" fixture table (issue 3 item 5, ARCHITECTURE.md "Naming and escaping"): text
 * that tries to leave a comment or a string, collide with the module's own names, or be no name
 * at all. `hostileSchema()` puts every entry everywhere a Gradio schema carries text.
 */

/** Every hostile string, once. */
export const HOSTILE: readonly string[] = [
  "*/",
  "/*",
  "*/ alert(1) /*",
  "`backtick`",
  "${x}",
  "it's",
  'say "hi"',
  "back\\slash\\",
  "line\nbreak",
  "crlf\r\nbreak",
  "sep\u2028arator",
  "para\u2029graph",
  "@deprecated",
  "\n@deprecated do not use",
  "constructor",
  "__proto__",
  "prototype",
  "toString",
  "class",
  "default",
  "await",
  "options",
  "app",
  "endpoints",
  "connect",
  "Client",
  "close",
  "client",
  "FileInput",
  "GradioFile",
  "JsonValue",
  "JobStream",
  "2fast",
  "",
  "?!.,;:",
  "Ünïcödé",
  "名前",
  "🚀",
  "foo-bar",
  "foo_bar",
  "fooBar",
  "x".repeat(300),
  "</script><!--",
  "\u202Ebidi override",
];

type Json = Record<string, unknown>;

/** A parameter/return entry of /info carrying hostile text in every text field. */
function entry(text: string, i: number, kind: "param" | "return"): Json {
  const common = { label: text, component: text, python_type: { type: "str", description: text }, description: text };
  if (kind === "return") return { ...common, type: { type: "string", description: text } };
  return {
    ...common,
    parameter_name: text,
    parameter_has_default: i % 2 === 1,
    parameter_default: i % 2 === 1 ? text : null,
    example_input: text,
    type: { enum: HOSTILE, type: "string", title: text, description: text },
  };
}

/** One endpoint per hostile api name; each with a required and a defaulted parameter. */
export function hostileSchema(): { info: Json; config: Json } {
  const named: Json = {};
  const components: Json[] = [];
  const dependencies: Json[] = [];
  HOSTILE.forEach((text, i) => {
    named[`/${text}`] = {
      description: text,
      parameters: [entry(text, 0, "param"), entry(text, 1, "param")],
      returns: [entry(text, 0, "return"), entry(`${text}-2`, 1, "return")],
    };
    const ids = [0, 1, 2, 3].map((k) => 10 + i * 4 + k);
    for (const id of ids) {
      components.push({
        id,
        type: text,
        props: { label: text, info: text, choices: HOSTILE, minimum: 0, maximum: 1 },
        skip_api: false,
        api_info: { type: "string" },
      });
    }
    dependencies.push({
      id: i,
      api_name: text,
      inputs: ids.slice(0, 2),
      outputs: ids.slice(2),
      backend_fn: true,
      types: { generator: i % 3 === 0 },
    });
  });
  return {
    info: { named_endpoints: named, unnamed_endpoints: {} },
    config: {
      version: "5.0.0*/ alert(1) /*\n",
      protocol: "sse_v3",
      api_prefix: "/gradio_api",
      space_id: "*/x",
      components,
      dependencies,
    },
  };
}
