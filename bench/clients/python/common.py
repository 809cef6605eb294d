"""Shared by the Python client scripts: same JSON-in / `RESULT {...}`-out contract as common.mjs."""
import json
import math
import os
import resource
import sys
import time

config = json.loads(sys.argv[1]) if len(sys.argv) > 1 else {}
now = time.perf_counter
# When this script's own code started (after the interpreter's boot); B1 reports the time since then.
script_start = now()


def cpu_seconds(since: float = 0.0) -> float:
    """CPU seconds (user+system, all threads) of this process, minus `since`."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime - since


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentiles(samples: list[float]) -> dict:
    ordered = sorted(samples)
    at = lambda q: ordered[min(len(ordered) - 1, math.ceil(q * len(ordered)) - 1)]  # noqa: E731
    return {"p50": at(0.5), "p99": at(0.99), "mean": sum(ordered) / len(ordered)}


def report(result: dict) -> None:
    """Prints the result line and exits at once (os._exit: no teardown of the client's threads)."""
    sys.stdout.write("RESULT " + json.dumps(result) + "\n")
    sys.stdout.flush()
    os._exit(0)


def fail(error: BaseException) -> None:
    sys.stdout.write("RESULT " + json.dumps({"ok": False, "error": f"{type(error).__name__}: {error}"[:300]}) + "\n")
    sys.stdout.flush()
    os._exit(1)
