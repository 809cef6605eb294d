"""gr.State across calls: a per-session counter. State slots are on the wire but not in /info."""
import gradio as gr


def increment(step: float, count: int) -> tuple[int, int]:
    """Adds `step` to this session's counter and returns the new value."""
    count = (count or 0) + int(step)
    return count, count


def reset() -> tuple[int, int]:
    """Sets this session's counter back to zero."""
    return 0, 0


def build() -> gr.Blocks:
    with gr.Blocks(title="Counter") as demo:
        count = gr.State(0)
        step = gr.Number(value=1, label="Step", precision=0)
        shown = gr.Number(label="Count", precision=0)
        gr.Button("Add").click(increment, [step, count], [count, shown], api_name="increment")
        gr.Button("Reset").click(reset, None, [count, shown], api_name="reset")
    return demo
