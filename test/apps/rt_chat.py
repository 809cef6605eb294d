"""A streaming ChatInterface (messages format on every line) whose answers depend on the history."""
import gradio as gr

from _compat import messages


def earlier_turns(history: list) -> int:
    """User messages so far (messages format), or pairs (the tuples history 4.x's /chat API keeps)."""
    return sum(1 for item in history if not isinstance(item, dict) or item.get("role") == "user")


def respond(message: str, history: list):
    """Stream an answer that counts the earlier turns of this session."""
    answer = f"turn {earlier_turns(history) + 1}: you said {message}"
    for i in range(1, len(answer) + 1, 4):
        yield answer[:i]
    yield answer


def build() -> gr.Blocks:
    return gr.ChatInterface(respond, title="Echo chat", **messages())
