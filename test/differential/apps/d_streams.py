"""Generators, modelled on Gradio's demo/fake_gan and demo/stream_frames: partial results, then the final one."""
import gradio as gr


def count_up(n: float):
    for i in range(int(n)):
        yield i + 1


def spell(word: str):
    for i in range(len(word)):
        yield word[: i + 1], i + 1


def build():
    with gr.Blocks() as demo:
        n = gr.Number(label="n", value=3)
        out = gr.Number(label="current")
        word = gr.Textbox(label="word")
        prefix = gr.Textbox(label="prefix")
        length = gr.Number(label="length")
        gr.Button().click(count_up, n, out, api_name="count_up")
        gr.Button().click(spell, word, [prefix, length], api_name="spell")
    return demo
