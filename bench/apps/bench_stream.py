"""B4: a generator yielding `count` small tokens ("t0", "t1", ...), one per update, no sleep."""
import gradio as gr


async def tokens(count: float):
    """Yields tok 0..count-1, each as the whole output value (so a lost update is detectable)."""
    for i in range(int(count)):
        yield f"t{i}"


def build() -> gr.Blocks:
    with gr.Blocks(title="Bench stream") as demo:
        count = gr.Number(label="count", precision=0)
        out = gr.Textbox(label="token")
        gr.Button().click(tokens, count, out, api_name="tokens")
    demo.queue(default_concurrency_limit=8, max_size=None)
    return demo
