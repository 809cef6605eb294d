"""A streaming ChatInterface (6.x messages format) whose answers depend on the history."""
import gradio as gr


def respond(message: str, history: list):
    """Stream an answer that counts the earlier turns of this session."""
    answer = f"turn {len(history) // 2 + 1}: you said {message}"
    for i in range(1, len(answer) + 1, 4):
        yield answer[:i]
    yield answer


def build() -> gr.Blocks:
    return gr.ChatInterface(respond, title="Echo chat")
