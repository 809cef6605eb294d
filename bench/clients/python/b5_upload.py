"""B5, gradio_client: handle_file(path) as the argument, as its docs show."""
import os

from common import config, cpu_seconds, fail, now, report

try:
    from gradio_client import Client, handle_file

    client = Client(config["url"], verbose=False)
    client.predict(handle_file(config["warmupFile"]), api_name="/file_size")
    size_on_disk = os.path.getsize(config["file"])
    cpu = cpu_seconds()
    start = now()
    size = client.predict(handle_file(config["file"]), api_name="/file_size")
    seconds = now() - start
    report({"ok": size == size_on_disk, "mbPerS": size_on_disk / 1e6 / seconds, "seconds": seconds,
            "cpuS": cpu_seconds(cpu), "size": size})
except Exception as error:  # noqa: BLE001
    fail(error)
