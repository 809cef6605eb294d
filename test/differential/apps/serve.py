"""Hosts the differential apps with the test harness's own server (test/apps/serve.py)."""
import os
import runpy

runpy.run_path(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "apps", "serve.py"), run_name="__main__")
