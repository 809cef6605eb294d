/**
 * @gradio-codegen/runtime/tools — endpoints as tools for LLM agents (OpenAI, Anthropic, MCP):
 * definitions come from a generated `.tools.ts` module; this entry checks the model's arguments
 * and calls the endpoint. Not reached from the main entry: modules without tools pay nothing.
 */
export { createToolDispatcher, toJsonResult, type ToolDefinition, type ToolDispatcher } from "./dispatch.js";
export { firstViolation, type ToolSchema, type Violation } from "./json-schema.js";
export { anthropicTools, mcpTools, openAITools } from "./formats.js";
