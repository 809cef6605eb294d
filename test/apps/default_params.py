"""Defaults before a required parameter, like the app of Gradio's own client test
`test_default_params`: `num1` and `operation` have defaults, `num2` does not, so a caller names
only `num2` (Python: `client.predict(num2=10, api_name="/predict")` → 20)."""
import gradio as gr


def calculator(num1=10, operation=None, *rest):
    """Apply an operation (default: add) to two numbers; the second one is required."""
    operation = operation or "add"
    (num2,) = rest
    if operation == "add":
        return num1 + num2
    if operation == "subtract":
        return num1 - num2
    if operation == "multiply":
        return num1 * num2
    return num1 / num2


def build() -> gr.Blocks:
    with gr.Blocks() as demo:
        num1 = gr.Number(value=10, label="num1")
        operation = gr.Radio(["add", "subtract", "multiply", "divide"], label="operation")
        num2 = gr.Number(label="num2")
        out = gr.Number(label="result")
        gr.Button().click(calculator, [num1, operation, num2], out, api_name="predict")
    return demo
