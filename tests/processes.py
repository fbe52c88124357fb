"""Servers the tests start: a free local port, a process stopped for sure, ``kg serve``."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    """A local TCP port that nothing listens on (now)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def stop(process: subprocess.Popen, wait: float) -> None:
    """Ask ``process`` to end, and kill it when it has not after ``wait`` seconds."""
    process.terminate()
    try:
        process.wait(wait)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextlib.contextmanager
def serving(store: Path, *options: str, log: Path | None = None) -> Iterator[str]:
    """A `kg serve` process over ``store`` with ``options``, until the block ends; its base
    URL. Its log (a line per request) goes to the file ``log``, which a pipe nobody reads
    would not hold, or nowhere."""
    port = free_port()
    command = [sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", str(port)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    written = log.open("w") if log else subprocess.DEVNULL
    server = subprocess.Popen([*command, *options], env=env, stderr=written, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    try:
        while True:
            try:
                with urllib.request.urlopen(url + "/static/kg.css", timeout=5):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    said = log.read_text() if log else f"exit status {server.poll()}"
                    raise RuntimeError(f"kg serve did not start: {said}") from None
                time.sleep(0.2)
        yield url
    finally:
        stop(server, 20)
        if log:
            written.close()
