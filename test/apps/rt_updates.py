"""Listeners that answer with updates (docs/protocol.md §2.5): gr.update(...) with and without a
value, a component instance, an update for one of two outputs, and generators whose partial
results leave outputs unchanged. gr.update() with no arguments is what gr.skip() sends (5.x+),
so the app loads on every line."""
import gradio as gr


def carry(n: float):
    """Two outputs over a stream: nothing shown, then values, then updates that keep them."""
    yield gr.update(visible=True), gr.update()
    yield "step 1", 1
    yield gr.update(interactive=False), 2
    yield "step 3", gr.update()


def only_props(n: float):
    """One output that only ever gets properties."""
    yield gr.update(visible=True)
    yield gr.update(label="still nothing")


def build() -> gr.Blocks:
    with gr.Blocks() as demo:
        n = gr.Number(label="n", value=10)
        level = gr.Slider(label="level", minimum=0, maximum=10)
        text = gr.Textbox(label="text")
        flag = gr.Checkbox(label="show", value=True)
        count = gr.Number(label="count")
        btn = gr.Button()
        btn.click(lambda m: gr.update(maximum=m), n, level, api_name="set_max")
        btn.click(lambda show: gr.update(value="shown" if show else "", visible=show), flag, text, api_name="toggle")
        btn.click(lambda m: (gr.Textbox(value=f"n={m}", interactive=False), m + 1), n, [text, count], api_name="mixed")
        btn.click(lambda m: (f"n={m}", gr.update(visible=False)), n, [text, count], api_name="hide_count")
        btn.click(lambda m: m * 2, n, count, api_name="double")
        btn.click(carry, n, [text, count], api_name="carry")
        btn.click(only_props, n, level, api_name="only_props")
    return demo
