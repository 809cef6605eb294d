"""Calculator, modelled on the Gradio docs' calculator Space: Number, Radio, Number -> Number."""
import gradio as gr


def predict(num1: float, operation: str, num2: float) -> float:
    """Apply an arithmetic operation to two numbers."""
    if operation == "add":
        return num1 + num2
    if operation == "subtract":
        return num1 - num2
    if operation == "multiply":
        return num1 * num2
    if operation == "divide":
        if num2 == 0:
            raise gr.Error("Cannot divide by zero!")
        return num1 / num2
    raise ValueError(f"unknown operation {operation!r}")


def build() -> gr.Blocks:
    return gr.Interface(
        fn=predict,
        inputs=[
            gr.Number(label="num1"),
            gr.Radio(["add", "subtract", "multiply", "divide"], label="operation"),
            gr.Number(label="num2"),
        ],
        outputs=gr.Number(label="output"),
        title="Calculator",
    )
