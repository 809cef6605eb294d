"""Endpoints whose names mean something to JavaScript: `/then` (a module or client exporting
`then` is a thenable: `await import()` / `await connect()` would call it), `/toJSON`,
`/constructor`, `/close` (the client's own method); plus `/echo`, called in both orders with `/then`."""
import gradio as gr


def build() -> gr.Blocks:
    with gr.Blocks() as demo:
        text = gr.Textbox(label="text")
        out = gr.Textbox(label="out")
        for name in ["then", "toJSON", "constructor", "close", "echo"]:
            gr.Button(name).click(lambda t, n=name: f"{n}:{t}", text, out, api_name=name)
    return demo
