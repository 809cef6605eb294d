"""Several named endpoints in one Blocks app, with defaults, a Slider range and several outputs."""
import gradio as gr

from _compat import undocumented


def reverse(text: str) -> str:
    """The text backwards."""
    return text[::-1]


def shout(text: str, exclamations: int = 1) -> str:
    """Upper-cases the text and appends exclamation marks."""
    return text.upper() + "!" * int(exclamations)


def stats(text: str) -> tuple[int, int, int]:
    """Characters, words and lines of the text."""
    return len(text), len(text.split()), len(text.splitlines()) if text else 0


def internal(text: str) -> str:
    return text


def build() -> gr.Blocks:
    with gr.Blocks(title="Text tools") as demo:
        text = gr.Textbox(label="Text")
        exclamations = gr.Slider(1, 5, value=1, step=1, label="Exclamation marks")
        out = gr.Textbox(label="Result")
        chars = gr.Number(label="Characters", precision=0)
        words = gr.Number(label="Words", precision=0)
        lines = gr.Number(label="Lines", precision=0)
        gr.Button("Reverse").click(reverse, text, out, api_name="reverse")
        gr.Button("Shout").click(shout, [text, exclamations], out, api_name="shout")
        gr.Button("Stats").click(stats, text, [chars, words, lines], api_name="stats")
        gr.Button("Internal").click(internal, text, out, api_name="internal", **undocumented())
    return demo
