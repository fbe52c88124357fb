"""Servers the tests start: a free local port, and a process stopped for sure."""

from __future__ import annotations

import socket
import subprocess


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
