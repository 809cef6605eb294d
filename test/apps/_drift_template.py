"""One app in several versions, to test `gradio-codegen --check` against real API changes.

`build(variant)` returns the app as it looks after one kind of change to its source; serve.py
mounts it with `name=_drift_template:variant`. The base version:
  /predict(text, mode: Dropdown["a", "b"]) -> text     and     /helper(text) -> text
"""
import gradio as gr

VARIANTS = {
    "base": {},
    "param_default": {"extra": "default"},  # a new input with an initial value -> compatible
    "param_required": {"extra": "required"},  # a new input without a value -> breaking
    "endpoint_removed": {"helper": False},  # /helper gone -> breaking
    "choice_removed": {"choices": ["a"]},  # "b" gone -> breaking
    "choice_added": {"choices": ["a", "b", "c"]},  # "c" new -> compatible
    "renamed": {"name": "infer"},  # /predict is now /infer -> breaking, a rename
}


def predict(text, mode, extra=None):
    return f"{text}:{mode}:{extra}"


def predict_required(text, mode, extra):
    return f"{text}:{mode}:{extra}"


def helper(text):
    return text.upper()


def build(variant: str = "base") -> gr.Blocks:
    spec = VARIANTS[variant]
    with gr.Blocks(title=f"drift {variant}") as demo:
        text = gr.Textbox(label="text")
        mode = gr.Dropdown(spec.get("choices", ["a", "b"]), value="a", label="mode")
        inputs = [text, mode]
        if spec.get("extra") == "default":
            inputs.append(gr.Number(value=1, label="extra"))
        elif spec.get("extra") == "required":
            inputs.append(gr.Number(label="extra"))
        out = gr.Textbox(label="out")
        fn = predict_required if spec.get("extra") == "required" else predict
        gr.Button("Go").click(fn, inputs, out, api_name=spec.get("name", "predict"))
        if spec.get("helper", True):
            gr.Button("Help").click(helper, text, out, api_name="helper")
    return demo
