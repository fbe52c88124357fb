"""``kg extract`` and ``kg eval``: extraction without a store, and its score against gold."""

from __future__ import annotations

import json
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated

import typer

from kg.cli.app import (
    FollowLinksOption,
    ModelOption,
    OnlineOption,
    OutOption,
    PathsArgument,
    RelationsModelOption,
    WorkersOption,
    handled,
)
from kg.cli.output import out, print_problems, say
from kg.errors import KGError

__all__ = ["eval_command", "extract"]


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
    relations_model: RelationsModelOption = None,
    follow_links: FollowLinksOption = False,
    workers: WorkersOption = None,
) -> None:
    """Extract entities and relations without storing them."""
    from kg.contract import to_json
    from kg.link import make_linker
    from kg.pipeline import Pipeline
    from kg.report import read
    from kg.workers import default_workers, extractions

    if fmt not in {"json", "turtle", "trig"}:
        raise KGError(f"unknown format {fmt!r}; choose json, turtle or trig")
    articles, report = read(paths, follow_links)
    pipeline = Pipeline(model, linker=make_linker(online), relations_model=relations_model)
    found = extractions(pipeline, articles, workers or default_workers())
    with open(output, "w", encoding="utf-8") if output else nullcontext(sys.stdout) as stream:
        if fmt == "json":
            for extraction in found:
                stream.write(json.dumps(to_json(extraction), ensure_ascii=False) + "\n")
        else:  # Turtle has no named graphs: it gets the merge of the article graphs.
            from kg.rdf import merge

            stream.write(merge(found, named=fmt == "trig").serialize(format=fmt))
    print_problems(report)
    if report.failed:
        raise typer.Exit(1)


@handled
def eval_command(
    paths: PathsArgument,
    gold: Annotated[
        Path,
        typer.Option("--gold", metavar="FOLDER", help="Folder of <article-id>.json gold files."),
    ],
    model: ModelOption = None,
    relations_model: RelationsModelOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    by_article: Annotated[
        bool, typer.Option("--by-article", help="Also list relation F1 per article.")
    ] = False,
    workers: WorkersOption = None,
) -> None:
    """Extract the articles and score the result against gold annotations (the same table
    as ../shared/eval/score.py).

    Scores the articles that have a gold file, and says which those are, which articles
    have none and which gold files had no article given; none of the latter is scored.
    """
    from kg.contract import to_json
    from kg.evaluate import evaluate, load_gold
    from kg.pipeline import Pipeline
    from kg.report import read
    from kg.workers import default_workers, extractions

    docs = load_gold(gold)
    articles, report = read(paths)
    pipeline = Pipeline(model, relations_model=relations_model)
    found = extractions(pipeline, articles, workers or default_workers())
    predictions = {x.article.id: to_json(x) for x in found}
    print_problems(report)
    scores = evaluate(docs, predictions)
    n = len(scores.articles)
    say(f"scored {n} article{'s' * (n != 1)} with gold: {', '.join(sorted(scores.articles))}")
    if scores.without_gold:
        say(f"not scored, no gold file in {gold}: {', '.join(scores.without_gold)}")
    if scores.without_article:
        say(f"not scored, gold without its article: {', '.join(scores.without_article)}")
    if as_json:
        sys.stdout.write(json.dumps(scores.to_json(), indent=2) + "\n")
        return
    out.print(scores.table(), highlight=False)
    if by_article:
        for name, f1 in sorted(scores.articles.items(), key=lambda kv: kv[1]):
            out.print(f"  {f1:.3f} {name}", highlight=False)
