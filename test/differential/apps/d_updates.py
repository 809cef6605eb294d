"""Updates, modelled on Gradio's demo/blocks_update and demo/slider_release: listeners that return
gr.update(...) with and without a value, a component instance, and gr.skip()."""
import gradio as gr


def build():
    with gr.Blocks() as demo:
        n = gr.Number(label="n", value=10)
        slider = gr.Slider(label="level", minimum=0, maximum=10)
        text = gr.Textbox(label="text")
        flag = gr.Checkbox(label="show", value=True)
        count = gr.Number(label="count")
        btn = gr.Button()
        # Only properties: the value is unchanged.
        btn.click(lambda m: gr.update(maximum=m), n, slider, api_name="set_max")
        # A value and properties.
        btn.click(lambda show: gr.update(value="shown" if show else "", visible=show), flag, text, api_name="toggle")
        # gr.skip(): nothing changes.
        btn.click(lambda m: gr.skip(), n, count, api_name="skip")
        # A component instance for one output, a plain value for the other.
        btn.click(lambda m: (gr.Textbox(value=f"n={m}", interactive=False), m + 1), n, [text, count], api_name="mixed")
        # A plain value: the common case.
        btn.click(lambda m: m * 2, n, count, api_name="double")
    return demo
