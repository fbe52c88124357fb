"""Capitalized event and document words ("a Working Visit", "Official Talks") read as the
common nouns they are, outside headlines, on short articles written for these tests."""

from __future__ import annotations

from tests.conftest import facts


def _lemmas(pipeline, text: str, words: set[str]) -> dict[str, str]:
    return {t.text: t.lemma_ for t in pipeline.nlp(text) if t.text in words}


def test_a_capitalized_event_word_has_the_common_noun_s_lemma(pipeline):
    lemmas = _lemmas(
        pipeline,
        "President Ana Torres paid a Working Visit to Chile and signed two Agreements.",
        {"Working", "Visit", "Agreements", "Torres"},
    )
    assert lemmas == {
        "Working": "Working",
        "Visit": "visit",
        "Agreements": "agreement",
        "Torres": "Torres",
    }


def test_a_headline_keeps_its_lemmas(pipeline):
    lemmas = _lemmas(
        pipeline, "Peru President Begins Working Visit To Chile\n\nShe arrived.", {"Visit"}
    )
    assert lemmas == {"Visit": "Visit"}


def test_the_rules_read_a_capitalized_visit(rules):
    found = facts(
        rules.extract(
            "The signing was a highlight of President Gabriel Boric's Working Visit to Peru."
        ),
        aliases=True,
    )
    assert ("Working Visit", "participant", "Gabriel Boric") in found, sorted(found)
    assert ("Gabriel Boric", "visited", "Peru") in found, sorted(found)
