/**
 * @gradio-codegen/runtime/testing — test doubles for code that calls a generated module, without
 * the network: `createMock` (behind a generated module's `mock(handlers)`), and recording real
 * answers once to replay them offline (`recordClient`, `replayHandlers`). Nothing here is reached
 * from the package's main entry, so a module that does not use it pays nothing.
 */
export { createMock } from "./mock.js";
export { recordClient, replayHandlers, type Recorder, type Recording, type RecordedCall } from "./recording.js";
export type { EndpointTable } from "./endpoints.js";
export type { EndpointName, Handler, HandlerResult, MockCall, MockClient, MockHandlers } from "./types.js";
