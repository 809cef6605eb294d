"""Bench app host, the way users start an app: `demo.launch()`, one server per app.

Usage: python launch.py app1 [app2 ...]. Each app's `build()` is launched by Gradio's own
`launch()` (its uvicorn server, socket and settings, in its own thread) on a free 127.0.0.1 port;
prints one line `READY {"app1": port, ...}` once all serve, and exits when stdin closes.

Each app also gets the bench's request counter (`GET /__bench/requests`, `POST /__bench/reset`),
added to the FastAPI app that `launch()` builds (gradio.routes.App.create_app is wrapped before
launching; a pure ASGI middleware, the same few hundred ns for every client).
"""
import importlib
import json
import os
import socket
import sys
import threading

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import gradio as gr  # noqa: E402
import gradio.routes  # noqa: E402
from serve import RequestCounter  # noqa: E402  (bench/apps/serve.py)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def add_counter(app) -> None:
    app.add_middleware(RequestCounter)

    def counter() -> RequestCounter:
        stack = app.middleware_stack
        while stack is not None and not isinstance(stack, RequestCounter):
            stack = getattr(stack, "app", None)
        assert stack is not None, "request counter missing"
        return stack

    @app.get("/__bench/requests")
    def requests() -> dict:
        paths = counter().paths
        return {"count": len(paths), "paths": paths}

    @app.post("/__bench/reset")
    def reset() -> dict:
        counter().paths.clear()
        return {"ok": True}


def main(names: list[str]) -> None:
    original = gradio.routes.App.create_app

    def create_app(*args, **kwargs):
        app = original(*args, **kwargs)
        add_counter(app)
        return app

    gradio.routes.App.create_app = staticmethod(create_app)
    ports = {}
    for name in names:
        demo = importlib.import_module(name).build()  # build() sets each app's queue options
        for attempt in range(5):  # a free port can be taken between the probe and the bind
            port = free_port()
            try:
                demo.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True, show_error=True)
                break
            except OSError:
                if attempt == 4:
                    raise
        ports[name] = port
    print("READY " + json.dumps(ports), flush=True)
    try:
        sys.stdin.read()
    finally:
        os._exit(0)


if __name__ == "__main__":
    main(sys.argv[1:])
