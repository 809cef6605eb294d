"""A chat interface, modelled on Gradio's demo/chatinterface_streaming_echo (deterministic echo, streamed)."""
import gradio as gr


def echo(message: str, history: list):
    reply = f"You said: {message} ({len(history)} earlier)"
    for i in range(1, len(reply) + 1, 8):
        yield reply[:i]
    yield reply


def build():
    return gr.ChatInterface(echo, api_name="chat")
