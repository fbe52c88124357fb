"""What one request may cost: amplifying queries against `kg serve`, the server's memory, and
how long a normal request then waits (the target: under 1 GB, answered within 2 s).

    python benchmarks/amplify.py --attackers 4 --rounds 3

Each attacker sends a query of chained ``BIND(CONCAT(?x, ?x))`` (about 1.6 KB; it would make
a value of gigabytes), half of them doubling a long label read from the store, as fast as
they are answered, for ``--rounds`` each; a normal client meanwhile sends a small query to
``/sparql`` and asks for the home page (the network, which runs queries) every 0.2 s. The
server is `kg serve` with its defaults (2 workers, --timeout 10, --max-bytes 50MB). Prints
what the attackers got, the slowest and median normal answer, and the peak memory of the
server with its query workers (summed).
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.store import OxigraphStore  # noqa: E402
from tests.processes import free_port, stop  # noqa: E402

LABEL = "x" * 10_000
DOUBLINGS = 30
NORMAL = "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } LIMIT 5"


def amplifying(from_store: bool) -> str:
    """A query whose one answer doubles a value ``DOUBLINGS`` times."""
    start = (
        "?s <http://www.w3.org/2000/01/rdf-schema#label> ?x0 ."
        if from_store
        else 'BIND("amplify" AS ?x0)'
    )
    binds = " ".join(f"BIND(CONCAT(?x{i}, ?x{i}) AS ?x{i + 1})" for i in range(DOUBLINGS))
    return f"SELECT ?x{DOUBLINGS} WHERE {{ {start} {binds} }}"


def ask(url: str, timeout: float = 60) -> tuple[int | str, float, int]:
    """The status, seconds and bytes of one GET."""
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as answer:
            size = len(answer.read())
            return answer.status, time.monotonic() - started, size
    except urllib.error.HTTPError as error:
        return error.code, time.monotonic() - started, len(error.read())
    except OSError as error:
        return type(error).__name__, time.monotonic() - started, 0


def tree_memory(pid: int) -> int:
    """The resident memory of a process and its children, in bytes."""
    try:
        process = psutil.Process(pid)
        processes = [process, *process.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for each in processes:
        with contextlib.suppress(psutil.Error):
            total += each.memory_info().rss
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--attackers", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=3, help="queries each attacker sends")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = Path(folder) / "store"
        writer = OxigraphStore(store)
        writer.update(
            "INSERT DATA { "
            + " ".join(
                f'<http://example.org/e{i}> <http://www.w3.org/2000/01/rdf-schema#label> "{label}" .'
                for i, label in enumerate(["Ana", "Ben", LABEL])
            )
            + " }"
        )
        writer.close()
        port = free_port()
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        server = subprocess.Popen(
            [sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", str(port)],
            env=env,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(240):
                if ask(base + "/static/kg.css", 2)[0] == 200:
                    break
                time.sleep(0.5)
            at_rest = tree_memory(server.pid)
            peak, done = [at_rest], threading.Event()

            def sample() -> None:
                while not done.is_set():
                    peak[0] = max(peak[0], tree_memory(server.pid))
                    time.sleep(0.05)

            got: collections.Counter = collections.Counter()
            attack_seconds: list[float] = []

            def attack(n: int) -> None:
                url = base + "/sparql?" + urllib.parse.urlencode({"query": amplifying(n % 2 == 1)})
                for _ in range(args.rounds):
                    status, seconds, _size = ask(url)
                    got[status] += 1
                    attack_seconds.append(seconds)

            normal: list[float] = []
            failed: collections.Counter = collections.Counter()

            def watch() -> None:
                urls = [base + "/sparql?" + urllib.parse.urlencode({"query": NORMAL}), base + "/"]
                while not done.is_set():
                    for url in urls:
                        status, seconds, _size = ask(url, 30)
                        normal.append(seconds)
                        if status != 200:
                            failed[status] += 1
                    time.sleep(0.2)

            sampler, watcher = threading.Thread(target=sample), threading.Thread(target=watch)
            sampler.start()
            watcher.start()
            started = time.monotonic()
            attackers = [threading.Thread(target=attack, args=(n,)) for n in range(args.attackers)]
            for attacker in attackers:
                attacker.start()
            for attacker in attackers:
                attacker.join()
            took = time.monotonic() - started
            done.set()
            sampler.join()
            watcher.join()
        finally:
            stop(server, 20)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"machine: {os.cpu_count()} cores, load average {load} (other jobs slow every number)")
    print(
        f"{args.attackers} attackers x {args.rounds} amplifying queries in {took:.1f} s: "
        + ", ".join(f"{count} x {status}" for status, count in sorted(got.items(), key=str))
        + f"; each answered in {max(attack_seconds):.2f} s at most"
    )
    print(
        f"normal requests meanwhile: {len(normal)}, slowest {max(normal):.2f} s, median "
        f"{statistics.median(normal):.2f} s"
        + (f", failed: {dict(failed)}" if failed else ", none failed")
    )
    print(
        f"server memory (with its workers): {at_rest / 2**20:.0f} MB at rest, peak {peak[0] / 2**20:.0f} MB"
    )


if __name__ == "__main__":
    main()
