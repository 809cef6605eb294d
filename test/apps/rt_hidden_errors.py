"""The same failing functions as rt_features, mounted with show_error=False (docs/protocol.md §5.1)."""
import gradio as gr

from rt_features import app_error, crash

MOUNT_OPTIONS = {"show_error": False}


def build() -> gr.Blocks:
    with gr.Blocks() as demo:
        text = gr.Textbox(label="text")
        out = gr.Textbox(label="out")
        button = gr.Button()
        button.click(app_error, text, out, api_name="app_error")
        button.click(crash, text, out, api_name="crash")
    return demo
