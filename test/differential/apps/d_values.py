"""Multiple outputs of many value types, modelled on Gradio's demo/calculator, demo/dataframe_datatype,
demo/datetimes and demo/label_component: text, numbers, JSON, Label, Checkbox, Dropdown, Radio,
DateTime, Dataframe, HighlightedText, ColorPicker, Code."""
import gradio as gr


def calc(a: float, op: str, b: float):
    if op == "divide" and b == 0:
        raise gr.Error("Cannot divide by zero!")
    return {"add": a + b, "subtract": a - b, "multiply": a * b, "divide": a / b if b else 0}[op]


def describe(text: str, repeat: float, loud: bool):
    out = (text.upper() if loud else text) * int(repeat)
    return out, len(out), {"text": text, "words": text.split()}, {"long": 0.7, "short": 0.3}, loud, "b"


def table(rows: float):
    return [[i, i * i, f"r{i}"] for i in range(int(rows))], "2024-01-02 03:04:05"


def highlight(text: str):
    return [(w, "NOUN" if w[:1].isupper() else None) for w in text.split()], "#ff0000", f"print({text!r})"


def build():
    with gr.Blocks() as demo:
        a = gr.Number(label="a", value=4)
        op = gr.Radio(["add", "subtract", "multiply", "divide"], label="operation", value="add")
        b = gr.Number(label="b")
        result = gr.Number(label="result")
        gr.Button().click(calc, [a, op, b], result, api_name="calc")

        text = gr.Textbox(label="text", value="hi")
        repeat = gr.Slider(1, 5, step=1, label="repeat", value=2)
        loud = gr.Checkbox(label="loud")
        outs = [gr.Textbox(label="out"), gr.Number(label="length"), gr.JSON(label="info"), gr.Label(label="label"), gr.Checkbox(label="was_loud"), gr.Dropdown(["a", "b"], label="pick")]
        gr.Button().click(describe, [text, repeat, loud], outs, api_name="describe")

        rows = gr.Number(label="rows", value=2)
        frame = gr.Dataframe(headers=["i", "square", "name"], label="frame")
        when = gr.DateTime(label="when")
        gr.Button().click(table, rows, [frame, when], api_name="table")

        ht = gr.HighlightedText(label="tags")
        color = gr.ColorPicker(label="color")
        code = gr.Code(label="code", language="python")
        gr.Button().click(highlight, text, [ht, color, code], api_name="highlight")
    return demo
