"""B7 medium: 20 named endpoints over common components (text, numbers, choices, files, JSON, images)."""
import gradio as gr


def _text(*args):
    return " ".join(str(a) for a in args)


def build() -> gr.Blocks:
    with gr.Blocks(title="Bench medium (20 endpoints)") as demo:
        text = gr.Textbox(label="text")
        number = gr.Number(label="number")
        slider = gr.Slider(0, 100, label="amount")
        radio = gr.Radio(["low", "medium", "high"], label="level")
        dropdown = gr.Dropdown(["en", "fr", "de", "es"], label="language")
        multi = gr.Dropdown(["a", "b", "c"], multiselect=True, label="tags")
        check = gr.Checkbox(label="flag")
        checks = gr.CheckboxGroup(["x", "y", "z"], label="options")
        file = gr.File(label="file")
        image = gr.Image(label="image", type="filepath")
        json_out = gr.JSON(label="json")
        out = gr.Textbox(label="out")
        num_out = gr.Number(label="number out")
        frame = gr.Dataframe(label="table")
        code = gr.Code(label="code")
        color = gr.ColorPicker(label="color")
        date = gr.Textbox(label="date")
        b = gr.Button()
        specs = [
            ("echo", [text], out),
            ("add", [number, slider], num_out),
            ("level", [radio], out),
            ("translate", [text, dropdown], out),
            ("tag", [text, multi], json_out),
            ("toggle", [check], out),
            ("pick", [checks], json_out),
            ("file_info", [file], json_out),
            ("image_info", [image], json_out),
            ("summarize", [text, number, radio], json_out),
            ("table", [text], frame),
            ("table_sum", [frame], num_out),
            ("highlight", [code], out),
            ("color", [color], out),
            ("parse_date", [date], json_out),
            ("combo", [text, dropdown, check, slider], out),
            ("many", [text, number, slider, radio, dropdown, multi, check, checks], json_out),
            ("json_roundtrip", [json_out], json_out),
            ("two_outputs", [text], [out, num_out]),
            ("code_gen", [text, dropdown], code),
        ]
        for name, inputs, outputs in specs:
            b.click(_text, inputs, outputs, api_name=name)
    return demo
