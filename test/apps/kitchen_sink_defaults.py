"""An Interface with 24 inputs of mixed components, each with a default value (one a file, so its
default is FileData; a Dataframe, JSON and HighlightedText give object defaults), after Gradio's
demo kitchen_sink_random (fixed values instead of random ones; no Video/Model3D/Plot, which need
ffmpeg or plotting libraries). Returns its first input (and keeps its State).

It reproduces a module that once failed `tsc --strict`: the endpoint table's inferred type mixed
default objects into `{ headers?: undefined, … }` members that are not JSON values."""
import os
import tempfile

import gradio as gr

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "fixtures")


def _csv() -> str:
    path = os.path.join(tempfile.mkdtemp(prefix="kitchen-sink-"), "titanic.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("name,age\nAnn,29\n")
    return path


def first(*args):
    return str(args[0]), args[12]


def build() -> gr.Blocks:
    image = os.path.join(FIXTURES, "gradient-4x3.png")
    return gr.Interface(
        first,
        inputs=[
            gr.Textbox(value="2026-01-01 00:00:00", label="Current Time"),
            gr.Number(value=0.5, label="Random Percentage"),
            gr.Slider(minimum=-1, maximum=1, value=0, label="Slider"),
            gr.Slider(minimum=0, maximum=1, value=0.25, label="Slider with value"),
            gr.Checkbox(value=True, label="Checkbox"),
            gr.CheckboxGroup(choices=["a", "b", "c", "d"], value=["a"], label="CheckboxGroup"),
            gr.Radio(choices=list("abcdefghijklmnopqrstuvwxyz"), value="q"),
            gr.Dropdown(choices=["a", "b", "c", "d", "e"], value="b"),
            gr.Image(value=image),
            gr.Audio(value=os.path.join(FIXTURES, "tone-16k-1500ms.wav")),
            gr.File(value=_csv()),
            gr.Dataframe(value=[[1], [2], [3]], headers=["random_number_rows"]),
            gr.State(value="s"),
            gr.ColorPicker(value="#ff0000"),
            gr.Label(value="Car"),
            gr.HighlightedText(value=[("The", None), ("cat", "animal")]),
            gr.JSON(value={"a": 1}),
            gr.HTML(value='<p style="color:red;">I am red</p>'),
            gr.Gallery(value=[image, image]),
            gr.Chatbot(value=[{"role": "user", "content": "hello"}, {"role": "assistant", "content": "hi!"}]),
            gr.Markdown(value="### Hello"),
            gr.Code(value="print(1)", language="python"),
            gr.Number(value=3, precision=0, label="Integer"),
            gr.Textbox(value="last", label="Last"),
        ],
        outputs=[gr.Textbox(label="first"), gr.State()],
        api_name="predict",
    )
