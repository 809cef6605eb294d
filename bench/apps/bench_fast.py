"""B3: a fast endpoint; async (no thread pool) and a queue that runs 64 jobs at once, unbounded.

The queue settings keep the server from serialising the clients: the client side is what B3 compares.
"""
import gradio as gr


async def fast(text: str) -> str:
    """Returns the input reversed (so a client cannot pass by echoing a cached answer)."""
    return text[::-1]


def build() -> gr.Blocks:
    with gr.Blocks(title="Bench fast") as demo:
        text = gr.Textbox(label="text")
        out = gr.Textbox(label="out")
        gr.Button().click(fast, text, out, api_name="fast")
    demo.queue(default_concurrency_limit=64, max_size=None)
    return demo
