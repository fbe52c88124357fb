"""Candidates and their features: every pair the signatures allow that the article brings
together, every rule's relation among them, hashed rows that hold no text."""

from __future__ import annotations

import dataclasses

import numpy
import pytest

from kg.learn.features import DIM, candidates
from kg.nlp.relations import SIGNATURES
from kg.pipeline import Pipeline

TEXT = (
    "Kazakh Foreign Minister Murat Nurtleu met Tajik Foreign Minister Sirojiddin Muhriddin in "
    "Dushanbe on Monday.\n\nThe ministers discussed water and energy.\n\n"
    "Nurtleu later toured the Nurek hydropower plant.\n\nIn another story, Kyrgyz President "
    "Sadyr Japarov will visit Tokyo next year.\n\nThe weather was fine.\n\nMarkets were calm."
    "\n\nJapanese Prime Minister Fumio Kishida spoke to reporters."
)


@pytest.fixture(scope="module")
def read():
    pipeline = Pipeline(relations_model="none")
    x = pipeline.extract(TEXT)
    doc = pipeline.nlp(x.article.text)
    return doc, x, candidates(doc, x.article, x.entities, x.relations)


def _named(x, rows):
    label = {e.id: e.label for e in x.entities}
    return {(label[c.subject], c.predicate, label[c.object]) for c in rows.candidates}


def test_candidates_fit_the_signatures_and_hold_every_rule(read):
    _, x, rows = read
    types = {e.id: e.type for e in x.entities}
    for c in rows.candidates:
        subjects, objects = SIGNATURES[c.predicate]
        assert types[c.subject] in subjects and types[c.object] in objects
    found = {(c.subject, c.predicate, c.object) for c in rows.candidates}
    assert {(r.subject, r.predicate, r.object) for r in x.relations} <= found
    assert ("Murat Nurtleu", "met", "Sirojiddin Muhriddin") in _named(x, rows)


def test_entities_far_apart_are_no_candidates(read):
    _, x, rows = read
    named = _named(x, rows)
    assert ("Murat Nurtleu", "visited", "Dushanbe") in named
    assert ("Murat Nurtleu", "met", "Fumio Kishida") not in named  # six sentences apart
    assert not any(p == "met" and o == "Murat Nurtleu" for _, p, o in named)  # each pair once


def test_the_candidate_points_at_its_sentence_and_clause(read):
    doc, x, rows = read
    label = {e.id: e.label for e in x.entities}
    [visit] = [
        c
        for c in rows.candidates
        if (label[c.subject], c.predicate, label[c.object]) == ("Sadyr Japarov", "visited", "Tokyo")
    ]
    sentence = list(doc.sents)[visit.sentence]
    assert sentence.text.startswith("In another story")
    assert doc[visit.anchor].lemma_ == "visit"


def test_rows_are_hashed_numbers(read):
    _, _, rows = read
    assert len(rows.indptr) == len(rows.candidates) + 1
    assert rows.indices.dtype.kind == "i" and rows.values.dtype.kind == "f"
    assert rows.indices.min() >= 0 and rows.indices.max() < DIM
    assert rows.dense.any() and not rows.dense.all()  # the tensor, and the rest


def test_the_fingerprint_sees_the_rules_not_the_tensors_last_bits(read):
    doc, x, rows = read
    nudged = dataclasses.replace(
        rows, values=numpy.where(rows.dense, rows.values * (1 + 1e-9), rows.values)
    )
    assert nudged.fingerprint() == rows.fingerprint()
    fewer = candidates(doc, x.article, x.entities, x.relations[1:])
    assert fewer.fingerprint() != rows.fingerprint()


def test_only_some_predicates_reads_what_a_model_that_only_adds_needs(read):
    doc, x, rows = read
    some = candidates(doc, x.article, x.entities, x.relations, only={"visited", "participant"})
    rules = {(r.subject, r.predicate, r.object) for r in x.relations}

    def by_candidate(r):
        return {
            c: (
                list(r.indices[r.indptr[k] : r.indptr[k + 1]]),
                list(r.values[r.indptr[k] : r.indptr[k + 1]]),
            )
            for k, c in enumerate(r.candidates)
        }

    full = by_candidate(rows)
    wanted = {
        c
        for c in rows.candidates
        if c.predicate in {"visited", "participant"}
        and (c.subject, c.predicate, c.object) not in rules
    }
    assert wanted and set(some.candidates) == wanted
    assert by_candidate(some) == {c: full[c] for c in wanted}


def test_people_who_act_for_one_country_are_no_met_candidate():
    pipeline = Pipeline(relations_model="none")
    x = pipeline.extract(
        "Kazakh President Kassym-Jomart Tokayev and Kazakh Foreign Minister Murat Nurtleu met "
        "Tajik President Emomali Rahmon in Dushanbe."
    )
    rows = candidates(pipeline.nlp(x.article.text), x.article, x.entities, x.relations)
    met = {frozenset((s, o)) for s, p, o in _named(x, rows) if p == "met"}
    assert frozenset(("Kassym-Jomart Tokayev", "Emomali Rahmon")) in met
    assert frozenset(("Kassym-Jomart Tokayev", "Murat Nurtleu")) not in met


def test_people_who_met_a_third_together_are_no_met_candidate():
    pipeline = Pipeline(relations_model="none")
    x = pipeline.extract(
        "Uzbek President Shavkat Mirziyoyev received investors Hamad Al Thani and Adebayo "
        "Ogunlesi in Tashkent."
    )
    rows = candidates(pipeline.nlp(x.article.text), x.article, x.entities, x.relations)
    met = {frozenset((s, o)) for s, p, o in _named(x, rows) if p == "met"}
    assert frozenset(("Shavkat Mirziyoyev", "Adebayo Ogunlesi")) in met
    assert frozenset(("Hamad Al Thani", "Adebayo Ogunlesi")) not in met
