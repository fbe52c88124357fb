"""Slow clients against `kg serve`: N sockets that each send a header byte a second, and how
long a normal request then waits (the target: under 2 s with 20,000 slow sockets).

    python benchmarks/slowclients.py --sockets 20000 --seconds 30
    python benchmarks/slowclients.py --plain      # uvicorn's own HTTP/1.1 protocol, to compare
    python benchmarks/slowclients.py --loop asyncio   # Python's event loop instead of uvloop

Prints the slowest and median answer to a normal request while the slow sockets are open,
how many normal requests got no answer, and the server's memory. The clients run in
processes of at most 8,000 sockets each (the file limit of one process).
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.store import OxigraphStore  # noqa: E402
from tests.processes import free_port, stop  # noqa: E402

SERVER = """
import sys, uvicorn
from kg.server import Settings, create_app
from kg.server.connections import Limited, OncePerSecond, raise_file_limit
import logging
store, port, plain, loop = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "plain", sys.argv[4]
if not plain:
    raise_file_limit()
    for name in ("uvicorn.error", "asyncio"):
        logging.getLogger(name).addFilter(OncePerSecond())
uvicorn.run(create_app(Settings(store, port=port)), host="127.0.0.1", port=port,
            log_level="warning", http="h11" if plain else Limited, loop=loop)
"""


def _slow(port: int, count: int, seconds: float, ready) -> None:
    import resource
    import socket

    resource.setrlimit(
        resource.RLIMIT_NOFILE, (count + 100, resource.getrlimit(resource.RLIMIT_NOFILE)[1])
    )
    held = []
    for _ in range(count):
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            s.setblocking(False)
            s.send(b"G")
            held.append(s)
        except OSError:
            pass
    ready.put(len(held))
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        for i, s in enumerate(held):
            try:
                s.send(b"E")
            except OSError:  # closed by the server: open another, as an attacker would
                try:
                    held[i] = socket.create_connection(("127.0.0.1", port), timeout=1)
                    held[i].setblocking(False)
                except OSError:
                    pass
        time.sleep(1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sockets", type=int, default=20_000)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--plain", action="store_true")
    parser.add_argument(
        "--loop", default="auto", help="uvicorn's event loop: auto (uvloop if installed), asyncio"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = Path(folder) / "store"
        OxigraphStore(store).close()
        port = free_port()
        server = subprocess.Popen(
            [
                sys.executable,
                "-c",
                SERVER,
                str(store),
                str(port),
                "plain" if args.plain else "",
                args.loop,
            ],
            cwd=ROOT,
        )
        url = f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D"
        for _ in range(120):
            try:
                urllib.request.urlopen(url, timeout=2).read()
                break
            except OSError:
                time.sleep(0.5)
        ready: multiprocessing.Queue = multiprocessing.Queue()
        clients = []
        left = args.sockets
        while left > 0:
            count = min(8000, left)
            left -= count
            clients.append(
                multiprocessing.Process(target=_slow, args=(port, count, args.seconds, ready))
            )
            clients[-1].start()
        opened = sum(ready.get() for _ in clients)
        times, failed = [], 0
        end = time.monotonic() + args.seconds - 2
        while time.monotonic() < end:
            started = time.monotonic()
            try:
                urllib.request.urlopen(url, timeout=10).read()
                times.append(time.monotonic() - started)
            except OSError:
                failed += 1
            time.sleep(0.5)
        memory = psutil.Process(server.pid).memory_info().rss / 2**20
        for client in clients:
            client.join()
        stop(server, 20)
    mode = "uvicorn's h11" if args.plain else "kg serve (Limited)"
    mode += f", event loop {args.loop}"
    print(f"{mode}: {opened} slow sockets opened")
    if times:
        print(
            f"normal requests: slowest {max(times):.3f} s, median {statistics.median(times):.3f} s"
        )
    print(f"no answer: {failed} of {failed + len(times)}; server memory {memory:.0f} MB")


if __name__ == "__main__":
    main()
