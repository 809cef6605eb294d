"""Several files in, a JSON summary and several files out; also a file produced from a path."""
import os
import tempfile

import gradio as gr


def summarize(files: list[str]) -> tuple[dict, list[str]]:
    """Names and sizes of the uploaded files, plus an upper-cased copy of each text file."""
    summary = {"count": len(files), "files": []}
    copies = []
    out_dir = tempfile.mkdtemp(prefix="file_tools_")
    for path in files:
        name = os.path.basename(path)
        with open(path, "rb") as handle:
            data = handle.read()
        summary["files"].append({"name": name, "size": len(data)})
        copy = os.path.join(out_dir, f"upper-{name}")
        with open(copy, "wb") as handle:
            handle.write(data.upper())
        copies.append(copy)
    return summary, copies


def make_report(title: str) -> str:
    """Writes a small text report to a file and returns its path."""
    path = os.path.join(tempfile.mkdtemp(prefix="report_"), "report.txt")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(f"Report: {title}\n")
    return path


def build() -> gr.Blocks:
    with gr.Blocks(title="File tools") as demo:
        files = gr.File(file_count="multiple", label="Files")
        summary = gr.JSON(label="Summary")
        copies = gr.File(file_count="multiple", label="Upper-cased copies")
        gr.Button("Summarize").click(summarize, files, [summary, copies], api_name="summarize")
        title = gr.Textbox(label="Title")
        report = gr.File(label="Report")
        gr.Button("Report").click(make_report, title, report, api_name="make_report")
    return demo
