"""B4, gradio_client: client.submit(...) and iterate the Job (after one small untimed job)."""
from common import config, cpu_seconds, fail, now, report

try:
    from gradio_client import Client

    client = Client(config["url"], verbose=False)
    for _ in client.submit(config["warmup"], api_name="/tokens"):
        pass
    received, out_of_order, last_at, last = 0, 0, 0.0, None
    cpu = cpu_seconds()
    start = now()
    for token in client.submit(config["count"], api_name="/tokens"):
        if token == f"t{received}":
            received += 1
            last_at = (now() - start) * 1000
        elif token != last:
            out_of_order += 1
        last = token
    cpu_s = cpu_seconds(cpu)
    report({"ok": received == config["count"] and out_of_order == 0, "lastTokenMs": last_at, "cpuS": cpu_s,
            "received": received, "outOfOrder": out_of_order})
except Exception as error:  # noqa: BLE001
    fail(error)
