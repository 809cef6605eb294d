"""Runtime app for Gradio 4.0–4.8's per-job `sse` queue protocol (docs/protocol.md §3.3), which
rt_features cannot serve there (it needs `Blocks.unload`, 4.25+). Loads on every line.

Endpoints: echo (fast, unlimited concurrency), app_error / crash (gr.Error vs plain exception),
tokens (generator), counter (gr.State), slow / slow_gen / slow_one + iterations (server-side
progress of a job, to see that a cancelled one stopped or never ran; slow_one has one worker),
lookalike (a generator whose full values look like sse_v2 edit lists).
"""

import gradio as gr

from _compat import error
from _jobs import counter, iterations, slow, slow_gen, tokens


async def echo(text: str):
    """Return the input unchanged."""
    return text


def app_error(text: str):
    """Raise gr.Error."""
    raise error(f"Custom message: {text}", title="Oops")


def crash(text: str):
    """Raise an unexpected exception (hidden unless show_error)."""
    raise ValueError(f"secret detail {text}")


def lookalike():
    """Full JSON values that have the shape of sse_v2 edit lists: only full values may be read."""
    yield [["replace", [], "first"]]
    yield [["append", [], "second"]]


def build() -> gr.Blocks:
    with gr.Blocks() as demo:
        text = gr.Textbox(label="text")
        number = gr.Number(label="number")
        out_text = gr.Textbox(label="out")
        out_number = gr.Number(label="count")
        out_json = gr.JSON(label="json")
        state = gr.State(0)
        button = gr.Button()
        button.click(echo, text, out_text, api_name="echo", concurrency_limit=None)
        button.click(app_error, text, out_text, api_name="app_error")
        button.click(crash, text, out_text, api_name="crash")
        button.click(tokens, number, out_text, api_name="tokens", concurrency_limit=None)
        button.click(counter, state, [out_number, state], api_name="counter", concurrency_limit=None)
        button.click(slow, [text, number], out_number, api_name="slow", concurrency_limit=None)
        button.click(slow_gen, [text, number], out_number, api_name="slow_gen", concurrency_limit=None)
        button.click(slow, [text, number], out_number, api_name="slow_one", concurrency_limit=1)
        button.click(iterations, text, out_number, api_name="iterations", concurrency_limit=None)
        button.click(lookalike, None, out_json, api_name="lookalike")
    return demo
