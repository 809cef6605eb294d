"""A streaming chatbot: Textbox + Chatbot (messages) -> Chatbot, the reply streamed word by word."""
import gradio as gr

from _compat import messages


def respond(message: str, history: list):
    """Echo bot: replies "You said: <message>", streaming one word at a time."""
    history = list(history or [])
    history.append({"role": "user", "content": message})
    words = f"You said: {message}".split(" ")
    reply = ""
    for i, word in enumerate(words):
        reply = word if i == 0 else f"{reply} {word}"
        yield history + [{"role": "assistant", "content": reply}]


def build() -> gr.Blocks:
    with gr.Blocks(title="Streaming chatbot") as demo:
        chatbot = gr.Chatbot(label="Conversation", **messages())
        message = gr.Textbox(label="Message")
        message.submit(respond, [message, chatbot], chatbot, api_name="respond")
    return demo
