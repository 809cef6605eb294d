"""Video in and out, modelled on Gradio's demo/video_component and demo/video_subtitle: a video passed
through, and a video returned with subtitles (a (video, subtitles) pair)."""
import os
import tempfile

import gradio as gr

OUT = tempfile.mkdtemp(prefix="d_video_")


def with_subtitles(video: str):
    srt = os.path.join(OUT, "subs.srt")
    with open(srt, "w", encoding="utf-8") as f:
        f.write("1\n00:00:00,000 --> 00:00:01,000\nHello\n")
    return video, srt


def build():
    with gr.Blocks() as demo:
        video = gr.Video(label="video")
        gr.Button().click(lambda v: v, video, gr.Video(label="same"), api_name="mirror")
        gr.Button().click(with_subtitles, video, gr.Video(label="subtitled"), api_name="subtitled")
    return demo
