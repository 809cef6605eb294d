"""Dataframe in, dataframe out: per-column sums of a numeric table, and the row count."""
import gradio as gr
import pandas as pd


def column_sums(table: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Sum of every numeric column, as a one-row table, and how many rows the input had."""
    numeric = table.apply(pd.to_numeric, errors="coerce")
    sums = numeric.sum(numeric_only=True).to_frame().T
    return sums, len(table)


def build() -> gr.Blocks:
    with gr.Blocks(title="Dataframe stats") as demo:
        table = gr.Dataframe(headers=["a", "b"], value=[[1, 2], [3, 4]], label="Table")
        sums = gr.Dataframe(label="Column sums")
        rows = gr.Number(label="Rows", precision=0)
        gr.Button("Sum").click(column_sums, table, [sums, rows], api_name="column_sums")
    return demo
