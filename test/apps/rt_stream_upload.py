"""Runtime stream-upload app: what the server received for each uploaded file, byte for byte.

Endpoints: digest (files in → "name:size:sha256" each, "|"-joined), digest_one (one file in →
"name:size:sha256"). The runtime's stream-input tests compare these with the bytes they sent.
"""
import hashlib
import os

import gradio as gr


def _digest(path: str) -> str:
    sha = hashlib.sha256()
    size = 0
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            sha.update(chunk)
            size += len(chunk)
    return f"{os.path.basename(path)}:{size}:{sha.hexdigest()}"


def digest(paths: list):
    """Describe uploaded files as "name:size:sha256" each, in order."""
    return "|".join(_digest(path) for path in paths or [])


def digest_one(path: str):
    """Describe one uploaded file as "name:size:sha256"."""
    return _digest(path) if path else ""


def build() -> gr.Blocks:
    with gr.Blocks() as demo:
        in_files = gr.File(label="in files", file_count="multiple", type="filepath")
        in_file = gr.File(label="in file", type="filepath")
        out = gr.Textbox(label="out")
        button = gr.Button()
        button.click(digest, in_files, out, api_name="digest", concurrency_limit=None)
        button.click(digest_one, in_file, out, api_name="digest_one", concurrency_limit=None)
    return demo
