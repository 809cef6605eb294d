"""B2, gradio_client: `warmup` untimed calls, then `n` sequential predict calls, each timed."""
from common import config, cpu_seconds, fail, now, percentiles, report

try:
    from gradio_client import Client

    client = Client(config["url"], verbose=False)
    for i in range(config["warmup"]):
        client.predict(f"w{i}", api_name="/echo")
    samples, mismatches = [], 0
    cpu = cpu_seconds()
    for i in range(config["n"]):
        text = f"m{i}"
        start = now()
        out = client.predict(text, api_name="/echo")
        samples.append((now() - start) * 1000)
        mismatches += out != text
    report({"ok": mismatches == 0, **percentiles(samples), "cpuS": cpu_seconds(cpu), "mismatches": mismatches})
except Exception as error:  # noqa: BLE001
    fail(error)
