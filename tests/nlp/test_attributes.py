"""``kg_attributes`` sets what the model's attribute ruler sets, token for token."""

from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from kg.nlp import default_model, load_nlp
from kg.nlp.attributes import Attributes

# Words the ruler's patterns of two tokens ("gon na", "ai n't"), of a token's label and of
# spaces set apart, beside ordinary ones.
TEXT = (
    "He ain't gonna sign it. They're gon na win, y'all know?\n\n"
    "  The ministers   met in Baku on Friday; we 'll see what's next.\n"
)
ATTRIBUTES = [POS, TAG, MORPH, LEMMA, DEP, HEAD]


@pytest.fixture(scope="module")
def bare():
    return spacy.load(default_model())


def _both(nlp, texts: list[str]) -> list[tuple]:
    """Each text with the ruler's attributes and with the component's."""
    ruler = nlp.get_pipe("attribute_ruler")
    component = Attributes(nlp.vocab).adopt(ruler)
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        docs = list(nlp.pipe(texts))
    pairs = []
    for doc in docs:
        a, b = ruler(doc.copy()), component(doc.copy())
        pairs.append((a, b))
    return pairs


def _same(a, b) -> bool:
    return numpy.array_equal(a.to_array(ATTRIBUTES), b.to_array(ATTRIBUTES)) and [
        str(t.morph) for t in a
    ] == [str(t.morph) for t in b]


def test_it_sets_what_the_ruler_sets(bare):
    [(a, b)] = _both(bare, [TEXT])
    assert _same(a, b)
    assert [t.lemma_ for t in b if t.lower_ in {"ai", "gon"}] == ["be", "go", "go"]
    # Asked again, from what it remembers of each kind of token.
    assert _same(a, _both(bare, [TEXT])[0][1])


def test_it_sets_what_the_ruler_sets_on_the_news(bare, corpus):
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))[:40]]
    assert all(_same(a, b) for a, b in _both(bare, texts))


def test_kg_reads_with_it_in_the_rulers_place():
    nlp = load_nlp()
    assert "attribute_ruler" in nlp.pipe_names
    assert isinstance(nlp.get_pipe("attribute_ruler"), Attributes)
    assert [t.pos_ for t in nlp("The talks ended.")] == ["DET", "NOUN", "VERB", "PUNCT"]
