"""Which words are named entities, and of what type: false entities the recognizer makes
and names it misses, on short articles written for these tests."""

from __future__ import annotations

import pytest


def _named(pipeline, text: str) -> dict[str, str]:
    x = pipeline.extract(text)
    return {
        e.label: e.type
        for e in x.entities
        if e.type in {"Person", "Country", "Place", "Organization"}
    }


def test_an_adjective_of_two_countries_names_the_two_countries(pipeline):
    named = _named(
        pipeline,
        "The sides discussed Kyrgyz-Turkish cooperation. The Kazakh-Afghan business forum "
        "was held in Almaty.",
    )
    assert {"Kyrgyzstan", "Turkey", "Kazakhstan", "Afghanistan"} <= set(named)
    assert not [n for n in named if "-" in n]


def test_a_name_is_not_cut_off_after_of_or_the(pipeline):
    named = _named(pipeline, "Heads of State of Central Asia met in Tashkent on Friday.")
    assert "Central Asia" not in named or named["Central Asia"] != "Person"
    assert not [n for n in named if n.endswith((" of", " the"))]


@pytest.mark.parametrize(
    ("text", "person", "not_people"),
    [
        (
            "Mexico and Argentina Share Common Vision\n\nMexican President Enrique Pena Nieto "
            "met Argentine President Mauricio Macri in Buenos Aires.",
            "Mauricio Macri",
            {"Share Common Vision", "Argentina Share Common Vision"},
        ),
        (
            "Leaders Respond Together\n\nPresident Yoon Suk Yeol said the two sides would "
            "respond together.",
            "Yoon Suk Yeol",
            {"Respond Together", "Leaders Respond Together"},
        ),
    ],
)
def test_a_headline_s_words_are_no_one_s_name(pipeline, text, person, not_people):
    named = _named(pipeline, text)
    assert named.get(person) == "Person"
    assert not {n for n, t in named.items() if t == "Person"} & not_people
