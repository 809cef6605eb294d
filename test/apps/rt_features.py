"""Runtime feature app: one endpoint per protocol behaviour the runtime tests exercise.

Endpoints: tokens (generator, N tokens), counter (gr.State), progress_job (gr.Progress, gr.Info,
gr.Warning), slow/slow_gen + iterations (cancellation observable server-side), app_error /
crash (gr.Error vs plain exception), nested_shrink (the §3.2 diff bug), echo (fast, unlimited
concurrency), hold (one worker, for queue positions), make_file / make_files (file outputs from paths), describe_files (file inputs), unloaded (did the heartbeat of a
session close?).
"""
import os
import tempfile
import time

import gradio as gr

from _compat import error
from _jobs import counter, iterations, slow, slow_gen, tokens


# session hashes whose heartbeat closed (the server ran the app's unload listener for them).
UNLOADED: set[str] = set()
OUT_DIR = tempfile.mkdtemp(prefix="rt_features_")


def progress_job(steps: float, progress=gr.Progress()):
    """Report progress for each step, with an Info and a Warning on the way."""
    gr.Info("starting")
    for _ in progress.tqdm(range(int(steps)), desc="Working", unit="steps"):
        time.sleep(0.05)
    gr.Warning("almost done")
    return f"did {int(steps)} steps"


def app_error(text: str):
    """Raise gr.Error."""
    raise error(f"Custom message: {text}", title="Oops")


def crash(text: str):
    """Raise an unexpected exception."""
    raise ValueError(f"secret detail {text}")


def nested_shrink():
    """Yield nested lists that shrink, to a Dataframe (diffed: the server's diff gets the second
    value wrong) and to a JSON output (never diffed: JsonData is not a GradioModel, so the server
    always sends a whole-value replace)."""
    for rows in ([["a", "b"], ["c", "d"]], [["a"], ["c"]], [["a"], ["c"], ["e"]]):
        yield rows, rows


def hold(seconds: float):
    """Sleep on the endpoint's only worker (concurrency_limit=1)."""
    time.sleep(seconds)
    return seconds


async def echo(text: str):
    """Return the input unchanged."""
    return text


def describe_files(paths: list):
    """Describe uploaded files as "name:size:first line" each."""
    out = []
    for path in paths or []:
        with open(path, "rb") as f:
            data = f.read()
        first = data.split(b"\n")[0].decode("utf-8", "replace")
        out.append(f"{os.path.basename(path)}:{len(data)}:{first}")
    return "|".join(out)


def on_unload(request: gr.Request):
    UNLOADED.add(request.session_hash)


def unloaded(session: str):
    """1 if the session's heartbeat closed (unload ran), else 0."""
    return 1 if session in UNLOADED else 0


def make_file(text: str):
    """Write text to a new file and return its path."""
    path = os.path.join(OUT_DIR, f"note-{abs(hash(text)) % 10**8}.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def make_files(n: float):
    """Return n small files with different contents and extensions."""
    paths = []
    for i in range(int(n)):
        path = os.path.join(OUT_DIR, f"part-{i}.{'txt' if i % 2 == 0 else 'csv'}")
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"file {i}\n" * (i + 1))
        paths.append(path)
    return paths


def build() -> gr.Blocks:
    with gr.Blocks() as demo:
        text = gr.Textbox(label="text")
        number = gr.Number(label="number")
        out_text = gr.Textbox(label="out")
        out_number = gr.Number(label="count")
        state = gr.State(0)
        out_json = gr.JSON(label="json")
        out_table = gr.Dataframe(label="table")
        out_file = gr.File(label="file")
        out_files = gr.File(label="files", file_count="multiple")
        in_files = gr.File(label="in files", file_count="multiple", type="filepath")
        button = gr.Button()
        button.click(tokens, number, out_text, api_name="tokens")
        button.click(counter, state, [out_number, state], api_name="counter")
        button.click(progress_job, number, out_text, api_name="progress_job")
        button.click(slow, [text, number], out_number, api_name="slow", concurrency_limit=None)
        button.click(slow_gen, [text, number], out_number, api_name="slow_gen", concurrency_limit=None)
        button.click(iterations, text, out_number, api_name="iterations", concurrency_limit=None)
        button.click(app_error, text, out_text, api_name="app_error")
        button.click(app_error, text, out_text, api_name="app_error_direct", queue=False)
        button.click(crash, text, out_text, api_name="crash")
        button.click(nested_shrink, None, [out_table, out_json], api_name="nested_shrink")
        button.click(echo, text, out_text, api_name="echo", concurrency_limit=None)
        # Not queued (queue=False): the JS client posts these to {P}/run/predict; the queue takes them too.
        button.click(echo, text, out_text, api_name="echo_direct", queue=False)
        button.click(hold, number, out_number, api_name="hold", concurrency_limit=1)
        button.click(make_file, text, out_file, api_name="make_file")
        button.click(make_files, number, out_files, api_name="make_files")
        button.click(unloaded, text, out_number, api_name="unloaded", concurrency_limit=None)
        button.click(describe_files, in_files, out_text, api_name="describe_files")
        demo.unload(on_unload)
    # As on Spaces: queued listeners refuse direct calls ({P}/run → 404); queue=False ones take them.
    demo.queue(api_open=False)
    return demo
