"""A "whisper"-like app: Audio (file path) -> Textbox. Instead of a speech model it describes the
audio deterministically (duration, sample rate, channels), which is enough to prove the upload path."""
import wave

import gradio as gr


def predict(input_audio: str) -> str:
    """Describe an uploaded WAV file."""
    if input_audio is None:
        raise gr.Error("No audio given")
    with wave.open(input_audio, "rb") as wav:
        frames = wav.getnframes()
        rate = wav.getframerate()
        channels = wav.getnchannels()
    seconds = frames / rate
    return f"{seconds:.2f} seconds of audio at {rate} Hz, {channels} channel(s)"


def build() -> gr.Blocks:
    return gr.Interface(
        fn=predict,
        inputs=gr.Audio(type="filepath", label="Input Audio"),
        outputs=gr.Textbox(label="Transcription"),
        title="Whisper (deterministic stand-in)",
    )
