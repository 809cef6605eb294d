"""A queue with max_size=2 and one worker: further joins are refused with HTTP 503."""
import time

import gradio as gr


def hold(seconds: float):
    """Sleep, keeping the only worker busy."""
    time.sleep(seconds)
    return seconds


def build() -> gr.Blocks:
    with gr.Blocks() as demo:
        seconds = gr.Number(label="seconds")
        out = gr.Number(label="out")
        gr.Button().click(hold, seconds, out, api_name="hold", concurrency_limit=1)
    demo.queue(max_size=2)
    return demo
