/** File parameters are documented by what a caller passes, not by Gradio's Python FileData docstring. */
import { describe, expect, it } from "vitest";
import { endpointDoc } from "../../generator/emit/docs.js";
import type { EndpointModel, FilePath, ParameterModel } from "../../generator/model/ir.js";

const DOCSTRING =
  "The FileData class is a subclass of the GradioModel class that represents a file object within a Gradio interface.";

function param(name: string, filePaths: readonly FilePath[], description?: string): ParameterModel {
  return {
    name,
    label: name,
    component: "File",
    type: { kind: "unknown" },
    hasDefault: false,
    filePaths,
    ...(description ? { description } : {}),
  } as ParameterModel;
}

function doc(...parameters: ParameterModel[]): string {
  const endpoint = {
    apiName: "predict",
    functionName: "predict",
    fnIndex: 0,
    streaming: false,
    queued: true,
    parameters,
    returns: [],
    inputSlots: [],
    outputSlots: [],
  } as EndpointModel;
  return endpointDoc(endpoint).join("\n");
}

describe("file parameter docs", () => {
  it("replace the server's data-model docstring with what the caller passes", () => {
    const text = doc(
      param("audio", [[]], DOCSTRING),
      param("files", [["*"]], DOCSTRING),
      param("message", [["files", "*"]], "MultimodalData docstring"),
    );
    expect(text).not.toContain("GradioModel");
    expect(text).not.toContain("MultimodalData docstring");
    expect(text).toMatch(
      /@param audio - audio \(File\)\. A file: a local path \(Node\), an http\(s\) URL, a Blob\/File/,
    );
    expect(text).toMatch(/@param files - files \(File\)\. Files, each a local path/);
    expect(text).toMatch(/@param message - message \(File\)\. Its files: each a local path/);
  });

  it("keep the description of parameters without files", () => {
    expect(doc(param("name", [], "Your name, as on your passport."))).toContain("Your name, as on your passport.");
  });
});
