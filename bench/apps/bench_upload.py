"""B5: one file in, its size in bytes out."""
import os

import gradio as gr


def file_size(path: str) -> float:
    """Size of the uploaded file in bytes."""
    return float(os.path.getsize(path))


def build() -> gr.Blocks:
    with gr.Blocks(title="Bench upload") as demo:
        file = gr.File(label="file", type="filepath")
        size = gr.Number(label="size")
        gr.Button().click(file_size, file, size, api_name="file_size")
    return demo
