"""How long each page of ``kg serve`` takes to answer on synthetic stores shaped like kg's
output (``synthetic.py``, as ``queries.py`` uses).

For each size, the synthetic N-Quads are loaded into an Oxigraph store folder (kept in
``--cache`` beside them, with its summary of meeting pairs built), a real ``kg serve``
process is started over it, every page is fetched once to warm the store, then each page's
first screen (the whole HTML the server sends; long lists come a page at a time) is fetched
``--runs`` times over HTTP. The table gives the median and the slowest run. The pages are
the network, a search, the busiest entities (the most connected person, with the next one,
the country in nine articles of ten, the busiest place) and a person in a few reports, an
event, a delegation, an agreement, an article, the timeline (whole, of those people, of
that country, of visits and of signings, which the synthetic stores have none of), the
networks an entity page links to (around the person and the country, who met whom around
the person), the network with filters (the full and countries views, dates, the country,
types, a focus with dates, the earlier reports of a view: each drawn from the latest reports
that match) and the query page (empty and running who-met-whom).

    python benchmarks/pages.py                     # 1M and 10M triples
    python benchmarks/pages.py --sizes 2e5         # a quick run
"""

from __future__ import annotations

import argparse
import gc
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import httpx
from common import ROOT, console, machine
from rich.table import Table
from synthetic import write_nquads

KGR = "https://w3id.org/kgdt/id/"
KGO = "https://w3id.org/kgdt/ontology#"
PERSON = KGR + "person/person-0"  # the most popular synthetic person
OTHER = KGR + "person/person-1"  # the second
RARE = KGR + "person/person-5000"  # in a few reports
COUNTRY = KGR + "country/country-0"  # in nine articles of ten
PLACE = KGR + "place/city-0"
ARTICLE = KGR + "article/synthetic-0"
# One entity of each kind kept per article (an event, a delegation, an agreement).
FIRST = {
    "event": f"SELECT ?x WHERE {{ ?x <{KGO}participant> <{PERSON}> }} LIMIT 1",
    "delegation": f"SELECT ?x WHERE {{ ?x a <{KGO}Delegation> }} LIMIT 1",
    "agreement": f"SELECT ?x WHERE {{ ?x a <{KGO}Agreement> }} LIMIT 1",
}
TARGET = 1.0  # seconds: the bound for a page's first screen


def pages(first: dict[str, str]) -> dict[str, str]:
    """Name -> path of each page timed (``first``: an IRI of each kind in ``FIRST``)."""

    def entity(iri: str, **more) -> str:
        return "/entity?" + urlencode({"iri": iri, **more})

    return {
        "network": "/",
        "search": "/search?q=Person+12",
        "person": entity(PERSON),
        "person, page 2": entity(PERSON, page=2),
        "person with another": entity(PERSON, **{"with": OTHER}),
        "person in a few reports": entity(RARE),
        "country": entity(COUNTRY),
        "place": entity(PLACE),
        **{kind: entity(iri) for kind, iri in first.items()},
        "article": "/article?" + urlencode({"iri": ARTICLE}),
        "timeline": "/timeline",
        "timeline of the person": "/timeline?" + urlencode({"person": PERSON}),
        "timeline of the country": "/timeline?" + urlencode({"country": COUNTRY}),
        "timeline of visits": "/timeline?kind=visit",
        "timeline of signings": "/timeline?kind=signing",
        "timeline of a person in a few reports": "/timeline?" + urlencode({"person": RARE}),
        "network around the person": "/?" + urlencode({"view": "full", "focus": PERSON}),
        "who met whom around the person": "/?"
        + urlencode({"view": "who-met-whom", "depth": 1, "focus": PERSON}),
        "network around the country": "/?" + urlencode({"view": "full", "focus": COUNTRY}),
        "network: full view": "/?view=full",
        "network: countries view": "/?view=countries",
        "network: countries view since 2020": "/?"
        + urlencode({"view": "countries", "since": "2020"}),
        "network from 2020 to 2021": "/?" + urlencode({"since": "2020", "until": "2021"}),
        "network of the country": "/?" + urlencode({"country": COUNTRY}),
        "network of people and countries": "/?"
        + urlencode({"type": ["Person", "Country"]}, doseq=True),
        "network: full view of the country in 2021": "/?"
        + urlencode({"view": "full", "country": COUNTRY, "since": "2021", "until": "2021"}),
        "network around the person in 2021": "/?"
        + urlencode({"view": "full", "focus": PERSON, "since": "2021", "until": "2021"}),
        "network: full view, earlier reports (page 2)": "/?view=full&page=2",
        "query page": "/sparql",
        "query page: who-met-whom": "/sparql?name=who-met-whom",
    }


def _store(cache: Path, size: int) -> Path:
    """The store folder of ``size`` synthetic triples, loaded and summarized once."""
    import pyoxigraph as ox

    from kg.store import OxigraphStore

    folder = cache / f"synthetic-{size}.store"
    if (folder / "loaded").exists():
        OxigraphStore(folder).close()  # brings a store an older kg wrote up to date
        return folder
    nquads = cache / f"synthetic-{size}.nq"
    if not nquads.exists():
        console.print(f"writing {size:,} synthetic triples to {nquads}")
        write_nquads(nquads.with_suffix(".part"), size)
        nquads.with_suffix(".part").rename(nquads)
    console.print(f"loading {nquads} into {folder}")
    loader = ox.Store(str(folder))
    loader.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    loader.flush()
    del loader
    gc.collect()
    store = OxigraphStore(folder)
    store.pairs.rebuild()
    store.close()
    (folder / "loaded").touch()
    return folder


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _time(client: httpx.Client, path: str) -> tuple[float, int, int]:
    started = time.perf_counter()
    response = client.get(path)
    return time.perf_counter() - started, response.status_code, len(response.content)


def measure(
    folder: Path, runs: int, only: str = ""
) -> list[tuple[str, str, int, int, list[float]]]:
    """(name, path, status, bytes, seconds of each run) of every page whose name contains
    ``only``, on a warm server."""
    port = _free_port()
    command = [sys.executable, "-m", "kg", "serve", "--store", str(folder), "--port", str(port)]
    command += ["--timeout", "120"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    headers = {"Accept": "text/html", "Sec-Fetch-Dest": "document"}
    try:
        with httpx.Client(
            base_url=f"http://127.0.0.1:{port}", headers=headers, timeout=180
        ) as client:
            deadline = time.monotonic() + 120
            while True:
                try:
                    client.get("/static/kg.css")
                    break
                except httpx.TransportError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise SystemExit("kg serve did not start") from None
                    time.sleep(0.5)
            first = {}  # (a small store may have no delegation or agreement)
            for kind, query in FIRST.items():
                csv = client.get("/sparql", params={"query": query}, headers={"Accept": "text/csv"})
                for iri in csv.text.splitlines()[1:2]:
                    first[kind] = iri
            timed = []
            for name, path in pages(first).items():
                if only not in name:
                    continue
                _time(client, path)  # warm-up
                runs_of = [_time(client, path) for _ in range(runs)]
                status, size = runs_of[-1][1], runs_of[-1][2]
                timed.append((name, path, status, size, [r[0] for r in runs_of]))
                console.print(f"  {name}: {statistics.median(r[0] for r in runs_of):.3f} s")
            return timed
    finally:
        server.terminate()
        server.wait(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1e6,1e7", help="triples, comma-separated")
    parser.add_argument("--runs", type=int, default=5, help="timed fetches of each page")
    parser.add_argument(
        "--cache",
        default=os.path.join(tempfile.gettempdir(), "kg-benchmarks"),
        help="where the synthetic N-Quads and stores are kept between runs",
    )
    parser.add_argument("--only", default="", help="time only the pages whose name has this")
    args = parser.parse_args()
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    console.print(
        f"{machine()}\npage times are the median of {args.runs} fetches over HTTP after a "
        f"warm-up (the slowest in brackets); the target is {TARGET:g} s"
    )
    for size in (int(float(s)) for s in args.sizes.split(",")):
        folder = _store(cache, size)
        timed = measure(folder, args.runs, args.only)
        table = Table(title=f"kg serve's pages over {size:,} synthetic triples")
        for column in ("page", "status", "KB", "median (s)", "slowest (s)", ""):
            table.add_column(column, justify="left" if column in ("page", "") else "right")
        for name, _, status, size_bytes, seconds in timed:
            median = statistics.median(seconds)
            table.add_row(
                name,
                str(status),
                f"{size_bytes / 1024:,.0f}",
                f"{median:.3f}",
                f"{max(seconds):.3f}",
                "" if median < TARGET else "over",
            )
        console.print(table)


if __name__ == "__main__":
    main()
