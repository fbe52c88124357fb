"""Query latency over synthetic stores shaped like kg's output: embedded Oxigraph against
rdflib's in-memory Dataset.

For each size, the synthetic N-Quads (``synthetic.py``, cached in ``--cache``) are loaded in a
fresh process per store: Oxigraph with its bulk loader, then queried through kg's
``OxigraphStore`` (answers as rdflib terms, as kg gets them); rdflib with ``Dataset.parse``.
Then the summary of meeting pairs (``kg.store.pairs``) is built whole, as kg does for a store it did
not write itself (an ingest keeps it up to date as it goes). Each query runs ``--runs`` times
after a warm-up; the table gives the median. The queries:

- who-met-whom: kg's named query (``kg/queries/who-met-whom.rq``), over that summary;
- ego network: every fact of the most connected person, both ways, with evidence and source
  (``kg serve``'s entity page shows them a page of articles at a time);
- meetings in a country: the events held in the most frequent host country with their
  participants (kg has no named query for it; ``meetings.rq`` restricted to one country).

    python benchmarks/queries.py                    # 1M and 10M triples
    python benchmarks/queries.py --sizes 2e5        # a quick run
"""

from __future__ import annotations

import argparse
import gc
import os
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

from common import console, machine, run_stage, stage_main
from rich.table import Table
from synthetic import write_nquads

PERSON = "https://w3id.org/kgdt/id/person/person-0"  # the most popular synthetic person
COUNTRY = "https://w3id.org/kgdt/id/country/country-0"
MEETINGS_IN = """PREFIX kgo: <https://w3id.org/kgdt/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?event (MIN(?name) AS ?label) (MIN(?day) AS ?date)
       (GROUP_CONCAT(DISTINCT ?memberName; SEPARATOR="; ") AS ?participants)
WHERE {
  GRAPH ?article {
    ?event a kgo:Event ; kgo:heldIn ?country ; rdfs:label ?name .
    OPTIONAL { ?event kgo:date ?day }
    OPTIONAL { ?event kgo:participant/rdfs:label ?memberName }
  }
}
GROUP BY ?event
ORDER BY DESC(?date) ?label"""
# Every fact of a person with its evidence and source: what the entity page asked before it
# came a page at a time (benchmarks/pages.py times the pages).
EGO = """PREFIX kgo: <https://w3id.org/kgdt/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
SELECT ?p ?other ?otherLabel ?outgoing ?evidence ?status ?article ?date ?title ?url WHERE {
  GRAPH ?article {
    { ?statement rdf:subject ?entity ; rdf:object ?other . BIND (true AS ?outgoing) }
    UNION { ?statement rdf:object ?entity ; rdf:subject ?other . BIND (false AS ?outgoing) }
    ?statement rdf:predicate ?p ; kgo:evidence ?evidence .
    OPTIONAL { ?statement kgo:status ?status }
    OPTIONAL { ?other rdfs:label ?otherLabel }
    OPTIONAL { ?article dct:date ?date }
    OPTIONAL { ?article dct:title ?title }
    OPTIONAL { ?article schema:url ?url }
  }
}
ORDER BY ?date ?article ?p"""
STORES = ("oxigraph", "rdflib")
SLOW = 10.0  # seconds: a query this slow is run once
LIMIT = 120  # seconds: a query still running is stopped (Oxigraph only between rows)
RDFLIB_MAX = 2_000_000  # triples; beyond it rdflib is skipped unless --rdflib-max says more


def queries() -> dict[str, tuple[str, dict]]:
    """Name -> (SPARQL, bindings) of the benchmarked queries."""
    from rdflib import URIRef

    from kg.queries import named_query

    return {
        "who-met-whom": (named_query("who-met-whom"), {}),
        "ego network": (EGO, {"entity": URIRef(PERSON)}),
        "meetings in a country": (MEETINGS_IN, {"country": URIRef(COUNTRY)}),
    }


class _Stopped(Exception):
    """A run stopped at ``LIMIT`` (not an ``OSError``, which kg's store turns into an error)."""


def _timeout(signum, frame):
    raise _Stopped


def _limited(run) -> tuple[float, object]:
    """The seconds ``run()`` took and its result; ``(LIMIT, None)`` when it was still running
    after ``LIMIT`` seconds and was stopped (Oxigraph only stops between rows)."""
    signal.signal(signal.SIGALRM, _timeout)
    signal.alarm(LIMIT)
    started = time.perf_counter()
    try:
        result = run()
        return time.perf_counter() - started, result
    except _Stopped:
        return LIMIT, None
    finally:
        signal.alarm(0)


def _median_seconds(run, runs: int) -> tuple[float, int | None]:
    """The median time of ``runs`` runs after a warm-up, and the rows of the answer; a query
    slower than ``SLOW`` seconds is timed once, by its warm-up, and one still running after
    ``LIMIT`` seconds is stopped (no rows)."""
    seconds, rows = _limited(lambda: len(run()))
    if rows is None:
        return seconds, None
    times = [seconds]
    for _ in range(runs if times[0] < SLOW else 0):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times[1:] or times), rows


def _oxigraph(nquads: str, runs: str) -> dict:
    import pyoxigraph as ox

    from kg.store import OxigraphStore

    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        loader = ox.Store(folder)
        loader.bulk_load(path=nquads, format=ox.RdfFormat.N_QUADS)
        loader.flush()
        del loader
        gc.collect()  # releases the folder for kg's store
        store = OxigraphStore(folder)
        loaded = time.perf_counter() - started
        summary = _limited(lambda: store.pairs.rebuild() or True)
        found = _queries(lambda q, b: store.query(q, b).rows, int(runs), summary)
        store.close()
    return {"load": loaded, "summary": summary, "queries": found}


def _rdflib(nquads: str, runs: str) -> dict:
    from rdflib import Dataset

    from kg.store import with_values
    from kg.store.pairs import REBUILD

    started = time.perf_counter()
    dataset = Dataset(default_union=True)
    dataset.parse(nquads, format="nquads")
    loaded = time.perf_counter() - started
    summary = _limited(lambda: dataset.update(REBUILD) or True)
    found = _queries(lambda q, b: list(dataset.query(with_values(q, b))), int(runs), summary)
    return {"load": loaded, "summary": summary, "queries": found}


def _queries(run, runs: int, summary: tuple[float, object]) -> dict:
    """Each query's median time and rows (who-met-whom only if the summary was built)."""
    return {
        name: _median_seconds(lambda q=q, b=b: run(q, b), runs)
        for name, (q, b) in queries().items()
        if summary[1] is not None or name != "who-met-whom"
    }


def _size(text: str) -> int:
    return int(float(text))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1e6,1e7", help="triples, comma-separated")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each query")
    parser.add_argument(
        "--rdflib-max", type=float, default=RDFLIB_MAX, help="the largest size rdflib loads"
    )
    parser.add_argument(
        "--cache",
        default=os.path.join(tempfile.gettempdir(), "kg-benchmarks"),
        help="where the synthetic N-Quads are kept between runs",
    )
    args = parser.parse_args()
    Path(args.cache).mkdir(parents=True, exist_ok=True)
    console.print(
        f"{machine()}\nquery times (ms) are the median of {args.runs} runs after a warm-up (a "
        f"query over {SLOW:.0f} s: its one run; stopped after {LIMIT} s); in brackets, the rows"
    )
    results: dict[tuple[int, str], dict] = {}
    skipped: list[str] = []
    with console.status("") as status:
        for size in map(_size, args.sizes.split(",")):
            nquads = Path(args.cache) / f"synthetic-{size}.nq"
            if not nquads.exists():
                status.update(f"writing {size:,} synthetic triples to {nquads}")
                write_nquads(nquads.with_suffix(".part"), size)
                nquads.with_suffix(".part").rename(nquads)
            with nquads.open("rb") as lines:
                quads = sum(1 for _ in lines)
            for store in STORES:
                if store == "rdflib" and size > args.rdflib_max:
                    skipped.append(_why_not_rdflib(size, results))
                    continue
                status.update(f"{size:,} triples: loading and querying {store}")
                result = run_stage(__file__, store, str(nquads), str(args.runs))
                results[(size, store)] = {**result, "quads": quads}
            _print({k: r for k, r in results.items() if k[0] == size})  # as each size is done
    for reason in skipped:
        console.print(f"[yellow]{reason}[/]")


def _why_not_rdflib(size: int, results: dict) -> str:
    measured = [(s, r) for (s, store), r in results.items() if store == "rdflib"]
    if not measured:
        return f"rdflib skipped at {size:,} triples (over --rdflib-max)"
    base, result = max(measured, key=lambda item: item[0])
    scale = size / base
    return (
        f"rdflib skipped at {size:,} triples (over --rdflib-max): at {base:,} it took "
        f"{result['load']:.0f} s to load and {result['peak_mb'] / 1024:.1f} GB, so about "
        f"{result['load'] * scale / 60:.0f} min and {result['peak_mb'] * scale / 1024:.0f} GB "
        f"here, and its queries grow with it"
    )


def _print(results: dict) -> None:
    names = list(queries())
    table = Table(title="Synthetic stores shaped like kg's output")
    for column in ("quads", "store", "load (s)", "summary (s)", *names, "peak RSS (MB)"):
        table.add_column(column, justify="left" if column == "store" else "right")
    for (_, store), result in results.items():
        table.add_row(
            f"{result['quads']:,}",
            store,
            f"{result['load']:.1f}",
            _latency(*result["summary"], unit=1),
            *(_latency(*result["queries"].get(n, (0, "no summary"))) for n in names),
            f"{result['peak_mb']:.0f}",
        )
    console.print(table)


def _latency(seconds: float, rows: object, unit: int = 1000) -> str:
    """Time in ms (or s, with ``unit=1``) and the rows in brackets; how long a stopped run ran;
    or why a query did not run."""
    if rows is None:
        return f"over {seconds:,.0f} s"
    if isinstance(rows, str):
        return rows
    return f"{seconds * unit:,.1f}" if rows is True else f"{seconds * unit:,.0f} ({rows:,})"


if __name__ == "__main__":
    if sys.argv[1:2] == ["--stage"]:
        stage_main({"oxigraph": _oxigraph, "rdflib": _rdflib}, sys.argv[2:])
    else:
        main()
