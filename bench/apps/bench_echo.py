"""B1/B2/B6: a file-free echo endpoint, Textbox -> Textbox."""
import gradio as gr


def echo(text: str) -> str:
    """Returns its input unchanged."""
    return text


def build() -> gr.Blocks:
    with gr.Blocks(title="Bench echo") as demo:
        text = gr.Textbox(label="text")
        out = gr.Textbox(label="out")
        gr.Button().click(echo, text, out, api_name="echo")
    return demo
