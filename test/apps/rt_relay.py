"""Runtime relay app: what a ZeroGPU Space or an OAuth endpoint sees of a call (docs/protocol.md
§6.1, §3.2 join body `oauth_token`).

Endpoints: ip_token (echoes the x-ip-token header of the join request via gr.Request),
oauth (echoes the gr.OAuthToken the caller passed, "none" without one), quota (raises the
ZeroGPU quota message as gr.Error).
"""
import gradio as gr


def ip_token(text: str, request: gr.Request) -> str:
    """The x-ip-token header the join request carried ("" without one)."""
    return f"{text}|{request.headers.get('x-ip-token', '')}"


def oauth(text: str, token: gr.OAuthToken | None) -> str:
    """The OAuth token Gradio injected ("none" without one)."""
    return f"{text}|{token.token if token is not None else 'none'}"


def quota(text: str) -> str:
    """Fail as a ZeroGPU Space does when the caller's GPU quota is spent."""
    raise gr.Error("You have exceeded your GPU quota (60s requested vs. 56s left).")


def build() -> gr.Blocks:
    with gr.Blocks() as demo:
        text = gr.Textbox(label="text")
        out = gr.Textbox(label="out")
        gr.Button().click(ip_token, text, out, api_name="ip_token")
        gr.Button().click(oauth, text, out, api_name="oauth")
        gr.Button().click(quota, text, out, api_name="quota")
    return demo
