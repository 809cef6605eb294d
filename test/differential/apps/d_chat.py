"""A chat interface, modelled on Gradio's demo/chatinterface_streaming_echo (deterministic echo, streamed)."""
import inspect

import gradio as gr


def echo(message: str, history: list):
    reply = f"You said: {message} ({len(history)} earlier)"
    for i in range(1, len(reply) + 1, 8):
        yield reply[:i]
    yield reply


def build():
    # Gradio 4.x's ChatInterface takes no api_name; its endpoint is /chat already.
    named = "api_name" in inspect.signature(gr.ChatInterface.__init__).parameters
    return gr.ChatInterface(echo, **({"api_name": "chat"} if named else {}))
