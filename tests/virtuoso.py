"""A real Virtuoso server for the tests: ``virtuoso-t`` in a temporary folder, on free ports.

It runs as an ordinary process with its own ini (database files in the folder, its own SQL and
HTTP ports), anonymous SPARQL updates granted, and is stopped by process id when done.
"""

from __future__ import annotations

import configparser
import shutil
import subprocess
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import requests

from tests.processes import free_port, stop

INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
START_SECONDS = 60


class Unavailable(Exception):
    """Virtuoso cannot run here; the message says why."""


@dataclass
class Virtuoso:
    """A running server: its SPARQL endpoint, graph store endpoint and SQL port."""

    http: int
    sql: int

    @property
    def sparql(self) -> str:
        return f"http://127.0.0.1:{self.http}/sparql"

    @property
    def graph_store(self) -> str:
        return f"http://127.0.0.1:{self.http}/sparql-graph-crud"

    def sparql_auth(self, user: str, password: str) -> str:
        """The endpoint that asks for digest authentication, with credentials in the URL."""
        return f"http://{user}:{password}@127.0.0.1:{self.http}/sparql-auth"

    def sql_script(self, script: str) -> str:
        """Run SQL statements as ``dba`` with ``isql-vt``; their output."""
        done = subprocess.run(
            ["isql-vt", str(self.sql), "dba", "dba"],
            input=script,
            capture_output=True,
            text=True,
            timeout=60,
        )
        if done.returncode != 0 or "*** Error" in done.stdout:
            raise RuntimeError(f"isql-vt failed: {done.stdout[-500:]} {done.stderr[-500:]}")
        return done.stdout


def _ini(folder: Path, sql: int, http: int) -> Path:
    config = configparser.ConfigParser(
        strict=False, inline_comment_prefixes=(";",), interpolation=None
    )
    config.optionxform = str  # keep the keys' case
    config.read(INI)
    for key, name in (
        ("DatabaseFile", "virtuoso.db"),
        ("ErrorLogFile", "virtuoso.log"),
        ("LockFile", "virtuoso.lck"),
        ("TransactionFile", "virtuoso.trx"),
        ("xa_persistent_file", "virtuoso.pxa"),
    ):
        config["Database"][key] = str(folder / name)
    config["TempDatabase"]["DatabaseFile"] = str(folder / "virtuoso-temp.db")
    config["TempDatabase"]["TransactionFile"] = str(folder / "virtuoso-temp.trx")
    config["Parameters"]["ServerPort"] = str(sql)
    config["HTTPServer"]["ServerPort"] = str(http)
    config["Parameters"]["NumberOfBuffers"] = "10000"
    path = folder / "virtuoso.ini"
    with open(path, "w") as out:
        config.write(out)
    return path


def _wait_online(server: Virtuoso, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log.read_text(errors="replace")[-400:] if log.exists() else ""
            raise Unavailable(f"virtuoso-t exited with status {process.returncode}: {tail}")
        try:
            answer = requests.get(
                server.sparql,
                params={"query": "ASK { ?s ?p ?o }"},
                headers={"Accept": "application/sparql-results+json"},
                timeout=2,
            )
            if answer.ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    raise Unavailable(f"virtuoso-t did not come online in {START_SECONDS} seconds")


@contextmanager
def running_virtuoso(folder: Path):
    """A Virtuoso server with its database in ``folder``; raises ``Unavailable`` when it
    cannot start here."""
    for program in ("virtuoso-t", "isql-vt"):
        if shutil.which(program) is None:
            raise Unavailable(
                f"{program} is not installed (Debian package virtuoso-opensource; .ci/run "
                f"installs it)"
            )
    if not INI.exists():
        raise Unavailable(f"{INI} is missing (Debian package virtuoso-opensource)")
    folder.mkdir(parents=True, exist_ok=True)
    server = Virtuoso(http=free_port(), sql=free_port())
    log = folder / "virtuoso.out"
    with open(log, "w") as out:
        process = subprocess.Popen(
            [
                "virtuoso-t",
                "+configfile",
                str(_ini(folder, server.sql, server.http)),
                "+foreground",
            ],
            cwd=folder,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_online(server, process, log)
        server.sql_script('GRANT SPARQL_UPDATE TO "SPARQL";\n')
        yield server
    finally:
        stop(process, 30)
