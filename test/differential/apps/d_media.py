"""Files, images and audio, modelled on Gradio's demo/image_mod, demo/zip_files, demo/sine_curve-style
numpy audio and demo/gallery_component: uploads in, generated media out (all in memory, no downloads)."""
import os
import tempfile

import numpy as np
import gradio as gr

OUT = tempfile.mkdtemp(prefix="d_media_")


def flip(image):
    return np.flipud(image)


def upper_file(path: str):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    out = os.path.join(OUT, "upper-" + os.path.basename(path))
    with open(out, "w", encoding="utf-8") as f:
        f.write(text.upper())
    return out, len(text)


def tone(freq: float):
    rate = 8000
    t = np.arange(rate // 4) / rate
    return rate, (np.sin(2 * np.pi * freq * t) * 10000).astype(np.int16)


def tiles(n: float):
    return [(np.full((2, 2, 3), i * 40, dtype=np.uint8), f"tile {i}") for i in range(int(n))]


def build():
    with gr.Blocks() as demo:
        img = gr.Image(label="image")
        flipped = gr.Image(label="flipped", format="png")
        gr.Button().click(flip, img, flipped, api_name="flip")
        f = gr.File(label="file", type="filepath")
        gr.Button().click(upper_file, f, [gr.File(label="upper"), gr.Number(label="size")], api_name="upper_file")
        freq = gr.Number(label="freq", value=440)
        gr.Button().click(tone, freq, gr.Audio(label="tone", format="wav"), api_name="tone")
        n = gr.Number(label="n", value=2)
        gr.Button().click(tiles, n, gr.Gallery(label="tiles", format="png"), api_name="tiles")
    return demo
