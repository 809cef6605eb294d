"""Video in and out, modelled on Gradio's demo/video_component and demo/video_subtitle: a video passed
through, and a video returned with subtitles. The subtitles take each line's own form: Gradio 6
returns `gr.Video(value=video, subtitles=srt)` (its Video value is a plain file); 4.x and 5.x return a
(video, subtitles) pair, and their Video value is `{video, subtitles}` in and out."""
import inspect
import os
import tempfile

import gradio as gr

OUT = tempfile.mkdtemp(prefix="d_video_")
SUBTITLES_PROP = "subtitles" in inspect.signature(gr.Video.__init__).parameters


def with_subtitles(video: str):
    srt = os.path.join(OUT, "subs.srt")
    with open(srt, "w", encoding="utf-8") as f:
        f.write("1\n00:00:00,000 --> 00:00:01,000\nHello\n")
    return gr.Video(value=video, subtitles=srt) if SUBTITLES_PROP else (video, srt)


def build():
    with gr.Blocks() as demo:
        video = gr.Video(label="video")
        gr.Button().click(lambda v: v, video, gr.Video(label="same"), api_name="mirror")
        gr.Button().click(with_subtitles, video, gr.Video(label="subtitled"), api_name="subtitled")
    return demo
