"""B1, gradio_client: Client(url), then predict once, as its docs show."""
from common import config, fail, now, report, script_start

try:
    from gradio_client import Client

    client = Client(config["url"], verbose=False)
    out = client.predict("hello", api_name="/echo")
    report({"ok": out == "hello", "result": out, "inScriptMs": (now() - script_start) * 1000})
except Exception as error:  # noqa: BLE001
    fail(error)
