"""Image in, image out: invert colours, and report an image's size (two outputs)."""
import gradio as gr
from PIL import Image, ImageOps


def invert(image: Image.Image) -> Image.Image:
    """Invert the colours of an RGB image."""
    return ImageOps.invert(image.convert("RGB"))


def size(image: Image.Image) -> tuple[int, int]:
    """Width and height of the image in pixels."""
    return image.width, image.height


def build() -> gr.Blocks:
    with gr.Blocks(title="Image filter") as demo:
        source = gr.Image(type="pil", label="Source image")
        inverted = gr.Image(type="pil", label="Inverted", format="png")
        width = gr.Number(label="Width", precision=0)
        height = gr.Number(label="Height", precision=0)
        gr.Button("Invert").click(invert, source, inverted, api_name="invert")
        gr.Button("Size").click(size, source, [width, height], api_name="size")
    return demo
