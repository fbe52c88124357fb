"""Any piece of an article extracts without crashing or hanging: texts cut anywhere, as
feeds and copy-paste cut them (a sentence that ends on "the", a name cut in two)."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.resources import data_path
from kg.types import Extraction

WORDS = [
    path.read_text(encoding="utf-8").split(" ")
    for path in sorted(data_path("samples").glob("*.txt"))
]


@contextmanager
def _within(seconds: int) -> Iterator[None]:
    """Fail the test, rather than hang the suite, when the block runs longer."""

    def stop(*_: object) -> None:
        raise TimeoutError(f"no result within {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@st.composite
def pieces(draw: st.DrawFn) -> str:
    words = draw(st.sampled_from(WORDS))
    start = draw(st.integers(0, len(words) - 1))
    end = draw(st.integers(start + 1, min(len(words), start + 60)))
    return " ".join(words[start:end])


@settings(
    max_examples=40,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=pieces())
def test_any_piece_of_an_article_extracts(rules, text):
    with _within(30):
        x = rules.extract(text)
    assert isinstance(x, Extraction)
    ids = {e.id for e in x.entities}
    assert all(r.subject in ids and r.object in ids for r in x.relations)


@pytest.mark.parametrize(
    "text",
    [
        "Prime Minister Olzhas Bektenov met the Ambassador to the",
        "Tashkent hosted talks between Uzbek Foreign Minister Bakhtiyor Saidov and his",
        "graffiti during a protest against the visit to Argentina by Mexico’s",
        "the",
        "The two sides signed a memorandum on trade",
        "President",
        ", and",
    ],
)
def test_texts_cut_short_extract(rules, text):
    with _within(30):
        assert isinstance(rules.extract(text), Extraction)
