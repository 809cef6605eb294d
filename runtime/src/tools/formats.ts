/**
 * The same tool definitions in the shapes the common function-calling APIs take: OpenAI's
 * `tools` (Chat Completions), Anthropic's `tools` (Messages API) and MCP's `tools/list` result.
 */
import type { ToolDefinition } from "./dispatch.js";
import type { ToolSchema } from "./json-schema.js";

/** OpenAI Chat Completions: `{ type: "function", function: { name, description, parameters } }`. */
export function openAITools(
  tools: readonly ToolDefinition[],
): { type: "function"; function: { name: string; description: string; parameters: ToolSchema } }[] {
  return tools.map((t) => ({
    type: "function",
    function: { name: t.name, description: t.description, parameters: t.parameters },
  }));
}

/** Anthropic Messages API: `{ name, description, input_schema }`. */
export function anthropicTools(
  tools: readonly ToolDefinition[],
): { name: string; description: string; input_schema: ToolSchema }[] {
  return tools.map((t) => ({ name: t.name, description: t.description, input_schema: t.parameters }));
}

/** MCP `tools/list`: `{ name, description, inputSchema }`. */
export function mcpTools(
  tools: readonly ToolDefinition[],
): { name: string; description: string; inputSchema: ToolSchema }[] {
  return tools.map((t) => ({ name: t.name, description: t.description, inputSchema: t.parameters }));
}
