"""``kg train`` and ``kg check-gold``: a relations model from your own gold annotations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from kg.cli.app import PathsArgument, handled
from kg.cli.output import err, out, print_problems, progress_bar, say
from kg.errors import KGError

__all__ = ["check_gold", "train"]

GoldOption = Annotated[
    Path,
    typer.Option(
        "--gold",
        help="Folder of <article-id>.json gold files (see docs/training.md).",
        show_default=False,
    ),
]


@handled
def train(
    paths: PathsArgument,
    gold: GoldOption,
    output: Annotated[
        Path,
        typer.Option("--out", "-o", help="Folder to write the model to.", show_default=False),
    ],
    with_bundled: Annotated[
        bool,
        typer.Option(
            "--with-bundled",
            help="Also train on the feature rows of kg's development set (shipped with kg: "
            "numbers, no sentences); for a small gold set.",
        ),
    ] = False,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the folds and the learner.")] = 0,
) -> None:
    """Train a relations model on the articles that have gold annotations, print its
    cross-validated scores (each article scored by a model that never saw it) and write it
    to --out; use it with --relations-model on extract, ingest and eval."""
    from kg.evaluate import load_gold
    from kg.learn.model import refuse_shipped
    from kg.report import read
    from kg.training import train as fit

    refuse_shipped(output)
    docs = load_gold(gold)
    reading, report = read(paths)
    articles = list(reading)
    print_problems(report)
    wanted = {str(d["article"]) for d in docs} & {a.id for a in articles}
    with progress_bar() as progress:
        task = progress.add_task("reading the gold articles", total=len(wanted))

        def advance(step: str) -> None:
            if step in wanted:
                progress.advance(task)
            else:
                progress.update(task, description=f"cross-validating: {step}")

        result = fit(docs, articles, with_bundled=with_bundled, seed=seed, progress=advance)
    out.print(result.table(), highlight=False, soft_wrap=True)
    folder = result.model.save(output)
    say(f"wrote {folder}; use it with --relations-model {folder}")


@handled
def check_gold(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Gold files or folders of them.", show_default=False),
    ],
    articles: Annotated[
        Path | None,
        typer.Option(
            "--articles",
            help="Folder of the articles (<article-id>.txt): names must occur in them.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check gold files against the annotation guidelines (docs/training.md): one line per
    problem, exit status 1 on any."""
    files = [f for p in paths for f in (sorted(p.glob("*.json")) if p.is_dir() else [p])]
    if not files:
        raise KGError(f"{', '.join(map(str, paths))}: no gold files (<article-id>.json) here")
    problems = 0
    for path in files:
        for problem in _problems(path, articles):
            out.print(f"{path}: {problem}", highlight=False, markup=False, soft_wrap=True)
            problems += 1
    err.print(f"{len(files)} files, {problems} problems", highlight=False)
    if problems:
        raise typer.Exit(1)


def _problems(path: Path, articles: Path | None) -> list[str]:
    from kg.evaluate import check_gold as check

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        return [f"not a gold file ({error})"]
    if articles is None:
        return check(data, path.stem)
    article = articles / f"{path.stem}.txt"
    if not article.is_file():
        return [f"no article {article}", *check(data, path.stem)]
    return check(data, path.stem, article.read_text(encoding="utf-8"))
