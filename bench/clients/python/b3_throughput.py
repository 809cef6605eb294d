"""B3, gradio_client: `n` predict calls from `concurrency` threads on one Client (after `warmup`).

Client(max_workers=concurrency): its documented knob for how many jobs run at once (default 40).
"""
from concurrent.futures import ThreadPoolExecutor

from common import config, cpu_seconds, fail, now, peak_rss_mb, report

try:
    from gradio_client import Client

    client = Client(config["url"], verbose=False, max_workers=config["concurrency"])
    counts = {"errors": 0, "mismatches": 0}
    first_error: list[str] = []

    def call(i: int) -> None:
        text = f"call-{i}-payload"
        try:
            if client.predict(text, api_name="/fast") != text[::-1]:
                counts["mismatches"] += 1
        except Exception as error:  # noqa: BLE001
            counts["errors"] += 1
            first_error.append(repr(error)[:200])

    with ThreadPoolExecutor(max_workers=config["concurrency"]) as executor:
        list(executor.map(call, range(-config["warmup"], 0)))
        counts = {"errors": 0, "mismatches": 0}
        cpu = cpu_seconds()
        start = now()
        list(executor.map(call, range(config["n"])))
        seconds = now() - start
    ok = counts["errors"] == 0 and counts["mismatches"] == 0
    report({"ok": ok, "callsPerS": config["n"] / seconds, "cpuS": cpu_seconds(cpu), "peakRssMb": peak_rss_mb(),
            **counts, "firstError": first_error[0] if first_error else None})
except Exception as error:  # noqa: BLE001
    fail(error)
