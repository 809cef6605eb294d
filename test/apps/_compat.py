"""Keyword arguments that differ between the Gradio lines the test apps run on (4.x, 5.x, 6.x).

Feature-detected, so each app keeps its 6.x behaviour unchanged and still loads on older lines
(docs/protocol.md §0, §6.7).
"""
import inspect

import gradio as gr


def _accepts(callable_, name: str) -> bool:
    return name in inspect.signature(callable_).parameters


def undocumented() -> dict:
    """Listener kwargs that hide an endpoint from /info: `api_visibility` (6.x) or `show_api` (4.x/5.x)."""
    if _accepts(gr.Button.click, "api_visibility"):
        return {"api_visibility": "undocumented"}
    return {"show_api": False}


def messages() -> dict:
    """Chatbot/ChatInterface kwargs for the messages format, the only one on 6.x (4.x/5.x default to tuples)."""
    return {"type": "messages"} if _accepts(gr.Chatbot, "type") else {}


def error(message: str, title: str) -> gr.Error:
    """gr.Error with a title where the line has titles (5.0+); 4.x has none."""
    return gr.Error(message, title=title) if _accepts(gr.Error, "title") else gr.Error(message)
