"""Calls endpoints through Python's gradio_client and prints normalised results as JSON.

Usage: python py_client.py <calls.json>   (calls.json: {"passes": N, "apps": {url: [{"api": "/x", "args": [...]}]}})
Each pass uses a new Client per app (its own session, as the TypeScript side), calls in order.
Normalisation (the same as normalise() in differential.test.ts): tuples → lists; a result string
that names a file gradio_client downloaded → {"sha256": <hex of its bytes>}; an argument
{"file": path}, at any depth → handle_file(path).
"""
import hashlib
import json
import os
import sys

from gradio_client import Client, handle_file


def arg(value):
    if isinstance(value, dict) and set(value) == {"file"}:
        return handle_file(value["file"])
    if isinstance(value, dict):
        return {k: arg(v) for k, v in value.items()}
    if isinstance(value, list):
        return [arg(v) for v in value]
    return value


def norm(value, roots):
    if isinstance(value, (list, tuple)):
        return [norm(v, roots) for v in value]
    if isinstance(value, dict):
        return {k: norm(v, roots) for k, v in value.items()}
    if isinstance(value, str) and os.path.isabs(value) and os.path.isfile(value) and any(value.startswith(r) for r in roots):
        with open(value, "rb") as f:
            return {"sha256": hashlib.sha256(f.read()).hexdigest()}
    return value


def main(path):
    with open(path) as f:
        spec = json.load(f)
    out = []
    for _ in range(spec["passes"]):
        results = {}
        for url, calls in spec["apps"].items():
            client = Client(url, verbose=False, download_files=os.path.join(spec["downloads"], "py"))
            roots = [os.path.realpath(spec["downloads"]), spec["downloads"]]
            results[url] = []
            for call in calls:
                try:
                    results[url].append({"ok": norm(client.predict(*[arg(a) for a in call["args"]], api_name=call["api"]), roots)})
                except Exception as error:  # noqa: BLE001 - reported, not handled
                    results[url].append({"error": f"{type(error).__name__}: {error}"[:300]})
            client.close() if hasattr(client, "close") else None
        out.append(results)
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
