"""Runtime auth app: Gradio's own username/password login (docs/protocol.md §5.4).

Mounted with auth=("alice", "wonderland"): POST /rt_auth/login sets the session cookies; without
them the queue answers 401, wrong credentials answer 400 "Incorrect credentials.".
Endpoint: whoami (returns the logged-in user name from gr.Request, and the text it was given).
"""
import gradio as gr

MOUNT_OPTIONS = {"auth": ("alice", "wonderland")}


def whoami(text: str, request: gr.Request) -> str:
    """Echo the text with the user Gradio logged in."""
    return f"{request.username}:{text}"


def build() -> gr.Blocks:
    with gr.Blocks() as demo:
        text = gr.Textbox(label="text")
        out = gr.Textbox(label="out")
        gr.Button().click(whoami, text, out, api_name="whoami")
    return demo
