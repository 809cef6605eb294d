"""Inputs whose servers refuse some values (choices, ranges, upload size), for the runtime's
validation before sending: each endpoint echoes what its function received, as JSON."""
import inspect
import json
import os

import gradio as gr

# Small, so that a refused upload is cheap. Gradio 4.0-4.8 have no upload limit at all.
MOUNT_OPTIONS = (
    {"max_file_size": 1000} if "max_file_size" in inspect.signature(gr.mount_gradio_app).parameters else {}
)


def echo(value):
    return json.dumps(value)


def size(path):
    with open(path, "rb") as f:
        return len(f.read())


def name(path):
    return os.path.basename(path)


def widen():
    # A listener that changes another component's choices for this session only.
    return gr.Dropdown(choices=["a", "z"])


def count(choice):
    for i in range(2):
        yield f"{choice}:{i}"


def build() -> gr.Blocks:
    with gr.Blocks() as demo:
        out = gr.Textbox(label="out")
        button = gr.Button()
        radio = gr.Radio([("one", 1), ("half", 0.5), "x"], label="radio")
        single = gr.Dropdown(["a", "b"], value="a", label="single")
        multi = gr.Dropdown(["a", "b", "c"], multiselect=True, label="multi")
        custom = gr.Dropdown(["a", "b"], allow_custom_value=True, label="custom")
        boxes = gr.CheckboxGroup(["a", "b", "ab"], label="boxes")
        slider = gr.Slider(0, 10, label="slider")
        number = gr.Number(minimum=-1, maximum=1, label="number")
        upload = gr.File(label="upload")
        typed = gr.File(file_types=[".txt", ".CSV"], label="typed")
        widened = gr.Dropdown(["a"], value="a", label="widened")
        button.click(echo, radio, out, api_name="radio")
        button.click(echo, single, out, api_name="single")
        button.click(echo, multi, out, api_name="multi")
        button.click(echo, custom, out, api_name="custom")
        button.click(echo, boxes, out, api_name="boxes")
        button.click(echo, slider, out, api_name="slider")
        button.click(echo, number, out, api_name="num")
        button.click(size, upload, out, api_name="upload")
        button.click(name, typed, out, api_name="typed")
        button.click(widen, None, widened, api_name="widen")
        button.click(echo, widened, out, api_name="widened")
        button.click(count, radio, out, api_name="count")
    return demo
