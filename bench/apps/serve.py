"""Bench app host: test/apps/serve.py unchanged, plus a request counter on the outer FastAPI app.

Usage: python serve.py app1 [app2 ...] (started by test/harness/app-host.ts with appsDir=bench/apps).
Every HTTP request that reaches the server is counted (pure ASGI middleware, a few hundred ns per
request, the same for every client). `GET /__bench/requests` returns the count and the paths seen
since the last `POST /__bench/reset`; the /__bench routes themselves are not counted.
"""
import os
import sys

import importlib.util

HERE = os.path.dirname(os.path.abspath(__file__))
TEST_SERVE = os.path.join(HERE, "..", "..", "test", "apps", "serve.py")
_spec = importlib.util.spec_from_file_location("serve_base", TEST_SERVE)
assert _spec is not None and _spec.loader is not None
serve_base = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(serve_base)  # test/apps/serve.py, reused as is

from fastapi import FastAPI  # noqa: E402


class RequestCounter:
    def __init__(self, app):
        self.app = app
        self.paths: list[str] = []

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and not scope["path"].startswith("/__bench/"):
            self.paths.append(f'{scope["method"]} {scope["path"]}')
        await self.app(scope, receive, send)


class CountingFastAPI(FastAPI):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_middleware(RequestCounter)

        @self.get("/__bench/requests")
        def requests() -> dict:
            paths = counter().paths
            return {"count": len(paths), "paths": paths}

        @self.post("/__bench/reset")
        def reset() -> dict:
            counter().paths.clear()
            return {"ok": True}

        def counter() -> RequestCounter:
            stack = self.middleware_stack
            while stack is not None and not isinstance(stack, RequestCounter):
                stack = getattr(stack, "app", None)
            assert stack is not None, "request counter missing"
            return stack


class _ProtoZeroSockets:
    """`socket` module stand-in whose `socket()` drops the protocol argument (BENCH_NAGLE=1).

    Reproduces the set-up that made every request wait ~40 ms: a listening socket created with
    proto 0, on whose connections asyncio does not set TCP_NODELAY (see test/apps/serve.py).
    """

    def __getattr__(self, name):
        import socket

        return getattr(socket, name)

    @staticmethod
    def socket(family, kind, proto=0):  # noqa: ARG004 - the point is to ignore it
        import socket

        return socket.socket(family, kind)


if __name__ == "__main__":
    serve_base.FastAPI = CountingFastAPI
    if os.environ.get("BENCH_NAGLE") == "1":
        serve_base.socket = _ProtoZeroSockets()
    serve_base.main(sys.argv[1:])
