"""State and chained events, modelled on Gradio's demo/chatbot_multimodal's .then() chains and
demo/blocks_simple_squares (State): a session total, then a listener chained after it."""
import gradio as gr


def add(x: float, total: float):
    total = (total or 0) + x
    return total, total


def build():
    with gr.Blocks() as demo:
        total = gr.State(0)
        x = gr.Number(label="x", value=1)
        shown = gr.Number(label="total")
        doubled = gr.Number(label="doubled")
        gr.Button().click(add, [x, total], [shown, total], api_name="add").then(lambda t: t * 2, total, doubled, api_name="double_total")
        gr.Button().click(lambda t: t, total, shown, api_name="read_total")
    return demo
