"""Inputs whose initial values are objects, modelled on Gradio's demo/kitchen_sink and
demo/dataframe_component: an Image, File, Audio and Video with a file as value (FileData
defaults), a Dataframe (`{headers, data}`), a JSON value and a Gallery. Gradio's /info makes
each such input optional with its component value as the default; the module generated from the
saved /config must do the same. Called without arguments, the function describes what it got."""
import json
import os
import subprocess
import tempfile

import gradio as gr

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "..", "fixtures")
OUT = tempfile.mkdtemp(prefix="d_defaults_")


def _notes() -> str:
    path = os.path.join(OUT, "notes.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write("default notes\n")
    return path


def _video() -> str:
    # ffmpeg is installed before the differential test starts its apps (test/differential/ffmpeg.ts).
    path = os.path.join(OUT, "default.mp4")
    subprocess.run(
        ["ffmpeg", "-y", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc=size=32x32:rate=5", "-t", "1",
         "-pix_fmt", "yuv420p", "-c:v", "libx264", "-bitexact", path],
        check=True,
    )
    return path


def describe(image, file, audio, video, frame, data, gallery):
    rate, samples = audio
    return json.dumps(
        {
            "image": list(image.shape),
            "file": [os.path.basename(file), os.path.getsize(file)],
            "audio": [rate, len(samples)],
            "video": os.path.splitext(video)[1],
            "frame": [list(map(str, frame.columns)), frame.values.tolist()],
            "data": data,
            "gallery": len(gallery),
        },
        sort_keys=True,
    )


def build():
    image = os.path.join(FIXTURES, "gradient-4x3.png")
    with gr.Blocks() as demo:
        inputs = [
            gr.Image(value=image, label="image"),
            gr.File(value=_notes(), label="notes", type="filepath"),
            gr.Audio(value=os.path.join(FIXTURES, "tone-16k-1500ms.wav"), label="audio", type="numpy"),
            gr.Video(value=_video(), label="video"),
            gr.Dataframe(value=[[1, 2], [3, 4]], headers=["a", "b"], label="frame"),
            gr.JSON(value={"k": [1, 2]}, label="data"),
            gr.Gallery(value=[image, image], label="gallery"),
        ]
        gr.Button().click(describe, inputs, gr.Textbox(label="summary"), api_name="describe")
    return demo
