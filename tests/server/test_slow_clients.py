"""Slow clients: a server whose file limit is smaller than the number of connections a
client holds open, each sending a header byte a second, still answers a normal request at
once, and closes the slow ones."""

from __future__ import annotations

import contextlib
import os
import resource
import socket
import subprocess
import sys
import time
import urllib.request

from tests.conftest import ROOT
from tests.processes import free_port, stop

FILES = 400  # the server's file limit: as a desktop's 1,024, in miniature
SLOW = 600  # connections a client holds open, more than the server may


def _limited():
    resource.setrlimit(resource.RLIMIT_NOFILE, (FILES, FILES))


def _answered_within(url: str, seconds: float) -> bool:
    started = time.monotonic()
    with urllib.request.urlopen(url, timeout=seconds + 5) as answer:
        answer.read()
    return time.monotonic() - started < seconds


def test_slow_connections_cannot_stop_the_server(explore_store):
    port = free_port()
    command = [sys.executable, "-m", "kg", "serve", "--store", str(explore_store)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen(
        [*command, "--port", str(port)],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_limited,
    )
    url = f"http://127.0.0.1:{port}/static/kg.css"
    sockets: list[socket.socket] = []
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                assert _answered_within(url, 30)
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline
                time.sleep(0.3)
        for _ in range(SLOW):
            slow = socket.create_connection(("127.0.0.1", port), timeout=5)
            slow.sendall(b"G")
            sockets.append(slow)
        for second in range(12):  # a byte a second, past the server's header time limit
            assert _answered_within(url, 2), f"no answer within 2 s after {second} s"
            for slow in sockets:
                with contextlib.suppress(OSError):
                    slow.sendall(b"E")
            time.sleep(1)
        closed = 0
        for slow in sockets:
            slow.settimeout(0.01)
            try:
                closed += slow.recv(1) == b""
            except ConnectionResetError:
                closed += 1
            except TimeoutError:
                pass
        assert closed == SLOW  # each was closed by the server (too slow, or to make room)
    finally:
        for slow in sockets:
            slow.close()
        stop(server, 20)
    log = server.stderr.read()
    assert "Traceback" not in log and len(log.splitlines()) < 20
