"""What one request may cost `kg serve`: an answer's bytes, a query's memory, and the time a
client may take to read its answer (the server's memory and time; benchmarks/amplify.py
measures them under four attackers at once)."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import httpx
import psutil
import pytest
from starlette.testclient import TestClient

from kg.server import Settings, create_app
from kg.store.querypool import QueryPool
from tests.processes import serving
from tests.store.test_querypool import amplifying

PAGE = {"Accept": "text/html", "Sec-Fetch-Dest": "document"}  # the query page
LABELS = "?s <http://www.w3.org/2000/01/rdf-schema#label> ?x0 ."


class Memory:
    """The peak resident memory of a process with its children, sampled until closed."""

    def __init__(self, pid: int):
        self.process = psutil.Process(pid)
        self.peak = self.now()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample)
        self._thread.start()

    def now(self, children: bool = True) -> int:
        total = 0
        for each in [self.process, *(self.process.children(True) if children else [])]:
            with contextlib.suppress(psutil.Error):
                total += each.memory_info().rss
        return total

    def _sample(self) -> None:
        while not self._done.wait(0.02):
            self.peak = max(self.peak, self.now())

    def close(self) -> None:
        self._done.set()
        self._thread.join()


def _server_pid(url: str) -> int:
    port = int(url.rsplit(":", 1)[1])
    for connection in psutil.net_connections("tcp"):
        if connection.laddr.port == port and connection.status == psutil.CONN_LISTEN:
            return connection.pid
    raise AssertionError(f"nothing listens on {port}")


def test_an_amplifying_query_is_refused_and_the_server_stays_small(explore_store, tmp_path):
    # A long query timeout: on a loaded machine the 10 s default stops the queries (503) before
    # they reach the memory limit this test is about.
    with serving(explore_store, "--timeout", "60", log=tmp_path / "serve.log") as url:
        memory = Memory(_server_pid(url))
        main_before = memory.now(children=False)
        try:
            answered = []
            attacks = [amplifying(), amplifying().replace('BIND("amplify" AS ?x0)', LABELS)] * 2

            def attack(query: str) -> None:
                answered.append(httpx.get(url + "/sparql", params={"query": query}, timeout=60))

            attackers = [threading.Thread(target=attack, args=(q,)) for q in attacks]
            for attacker in attackers:
                attacker.start()
            normal = httpx.get(url + "/sparql", params={"query": "ASK {}"}, timeout=60)
            for attacker in attackers:
                attacker.join()
            page = httpx.get(url + "/sparql", params={"query": amplifying()}, headers=PAGE)
        finally:
            memory.close()
        assert normal.status_code == 200
        for response in answered:
            assert response.status_code == 413, response.text
            assert "more memory than one query may have" in response.text
            assert len(response.text.strip().splitlines()) == 1
        assert page.status_code == 413 and "more memory than one query may have" in page.text
        assert memory.peak < 1024**3, f"{memory.peak / 2**20:.0f} MB"
        assert memory.now(children=False) - main_before < 100 * 2**20  # never held an answer
        cli = subprocess.run(
            [sys.executable, "-m", "kg", "query", "--store", url + "/sparql", amplifying()],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert cli.returncode == 1 and "HTTP 413" in cli.stderr
        assert len(cli.stderr.strip().splitlines()) == 1
    log = (tmp_path / "serve.log").read_text()
    assert "Traceback" not in log and "stack backtrace" not in log


@pytest.fixture(scope="module")
def small(explore_store):
    """The app over a pool whose answers may have 100,000 bytes."""
    with QueryPool(str(explore_store), workers=1, max_bytes=100_000) as pool:
        settings = Settings(str(explore_store), max_bytes=100_000)
        yield TestClient(create_app(settings, pool), base_url="http://127.0.0.1")


def test_answers_over_the_byte_limit_are_refused(small):
    too_many = amplifying(11, rows=10)  # ten values of 14,336 characters
    for response in (
        small.get("/sparql", params={"query": too_many}),
        small.get("/sparql", params={"query": too_many}, headers=PAGE),
        small.get("/sparql", params={"query": amplifying(13, '"a&b&c"'), "format": "xml"}),
    ):
        assert response.status_code == 413, response.text
        assert "the answer is larger than 0.09537 MB" in response.text
    fits = small.get("/sparql", params={"query": amplifying(11, rows=6)})
    assert fits.status_code == 200 and len(fits.content) > 86_000


def test_a_client_that_does_not_take_its_answer_is_cut_off(explore_store, tmp_path):
    """With one worker, a client that asks for a large answer and reads none of it holds the
    worker for the time limit at most: then its answer is cut short, and others are served."""
    big = amplifying(21).replace("SELECT ?n ?x21", "CONSTRUCT { <http://e/s> <http://e/p> ?x21 }")
    log = tmp_path / "serve.log"
    with serving(explore_store, "--workers", "1", "--timeout", "3", log=log) as url:
        host = url.removeprefix("http://")
        slow = socket.socket()
        slow.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        slow.connect(("127.0.0.1", int(host.split(":")[1])))
        slow.sendall(
            f"GET /sparql?{urlencode({'query': big})} HTTP/1.1\r\nHost: {host}\r\n"
            f"Accept: application/n-triples\r\n\r\n".encode()
        )
        time.sleep(0.5)
        started = time.monotonic()
        normal = httpx.get(url + "/sparql", params={"query": "ASK {}"}, timeout=60)
        waited = time.monotonic() - started
        slow.settimeout(10)
        received = bytearray()
        while chunk := slow.recv(1 << 20):
            received += chunk
        slow.close()
    assert normal.status_code == 200, normal.text  # not 503: the worker was freed
    assert waited < 3 + 5
    assert received.startswith(b"HTTP/1.1 200")
    assert len(received) < 7 * 2**21 and not received.endswith(b"0\r\n\r\n")  # cut short
    assert "answer cut short" in Path(log).read_text()
