"""kg's Python API as the README shows it: the names ``import kg`` gives, from any folder."""

from __future__ import annotations

import pytest

import kg


def test_every_public_name_is_there():
    assert kg.KnowledgeGraph.__module__ == "kg.knowledge"
    assert kg.Pipeline.__module__ == "kg.pipeline"
    assert kg.IngestReport.__module__ == "kg.report"
    for name in kg.__all__:
        assert getattr(kg, name) is not None
    assert set(kg.__all__) <= set(dir(kg))
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        kg.Nope  # noqa: B018


def test_the_samples_are_a_packaged_resource():
    folder = kg.samples()
    assert folder.is_absolute() and (folder / "kz-uz-commission.txt").is_file()


def test_ingest_names_a_missing_path_before_ingesting_anything(tmp_path, monkeypatch, pipeline):
    monkeypatch.chdir(tmp_path)  # the README's relative path, from another folder
    graph = kg.KnowledgeGraph(":memory:", pipeline)
    with pytest.raises(kg.KGError) as missing:
        graph.ingest([kg.samples() / "kz-uz-commission.txt", "data/samples"])
    assert str(missing.value) == (
        f"data/samples: no such file or folder (looked for in {tmp_path})"
    )
    assert graph.store.article_hashes() == {}
    report = graph.ingest([kg.samples() / "kz-uz-commission.txt"])
    assert report.ingested == 1 and report.ok


def test_rows_as_python_values_or_as_terms(sample_graph):
    from datetime import date

    from rdflib import Literal, URIRef

    rows = sample_graph.named("who-met-whom").dicts()
    first = rows[0]
    assert type(first["person"]) is str and first["person"].startswith("https://w3id.org/kgdt/")
    assert type(first["personLabel"]) is str and type(first["articles"]) is int
    assert isinstance(first["firstReported"], date)
    terms = sample_graph.named("who-met-whom").dicts(terms=True)[0]
    assert isinstance(terms["person"], URIRef) and isinstance(terms["articles"], Literal)
    assert terms["articles"].toPython() == first["articles"]


def test_a_relation_in_words(pipeline):
    x = pipeline.extract("Askar Mamin met with Vasily Matyushevsky in Minsk on Friday.")
    said = [x.describe(r) for r in x.relations]
    assert "Askar Mamin met Vasily Matyushevsky" in said
    assert {r.subject for r in x.relations} <= {e.id for e in x.entities}  # ids unchanged
