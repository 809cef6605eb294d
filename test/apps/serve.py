"""Host several test apps in one Python process, each mounted at its own path.

Usage: python serve.py app1 [app2 ...] [mount=module:variant ...]
An argument `name` mounts `name.build()` at `/name`; `mount=module:variant` mounts
`module.build("variant")` at `/mount` (one app in several versions, for drift tests).
Binds 127.0.0.1 on a free port chosen by the OS, then prints one line `READY <port>` on stdout
once uvicorn accepts connections. Exits when stdin closes, so the process never outlives the test
harness that started it (even if the harness is killed).
"""
import importlib
import os
import socket
import sys
import threading

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr  # noqa: E402
import uvicorn  # noqa: E402
from fastapi import FastAPI  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def watch_parent() -> None:
    """Exit as soon as the parent closes our stdin (normal stop, crash or kill -9)."""
    try:
        sys.stdin.read()
    finally:
        os._exit(0)


def main(names: list[str]) -> None:
    app = FastAPI()
    for name in names:
        mount, _, target = name.partition("=")
        module_name, _, variant = (target or mount).partition(":")
        module = importlib.import_module(module_name)
        blocks = module.build(variant) if variant else module.build()
        options = getattr(module, "MOUNT_OPTIONS", {})
        gr.mount_gradio_app(app, blocks, path=f"/{mount}", **options)

    # IPPROTO_TCP, not the default proto 0: asyncio sets TCP_NODELAY only on sockets whose proto is
    # IPPROTO_TCP (asyncio.base_events._set_nodelay), and accepted connections inherit the
    # listener's proto. With proto 0, Nagle stays on, h11 writes a response's headers and body
    # separately, and every request then waits ~40 ms for the client's delayed ACK (measured: a
    # raw POST /queue/join 44 ms median vs 2.5 ms; `demo.launch()` lets uvicorn create the socket
    # itself and never had the stall).
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]

    config = uvicorn.Config(app, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)

    original_startup = server.startup

    async def startup(sockets=None):
        await original_startup(sockets=sockets)
        print(f"READY {port}", flush=True)

    server.startup = startup
    threading.Thread(target=watch_parent, daemon=True).start()
    server.run(sockets=[sock])


if __name__ == "__main__":
    main(sys.argv[1:])
