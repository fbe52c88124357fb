"""``kg_attributes`` and ``kg_lemmas`` set what the model's attribute ruler and lemmatizer
set, token for token."""

from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from kg.nlp import default_model, load_nlp
from kg.nlp.attributes import Attributes, Lemmas, quicken

# Words the ruler's patterns of two tokens ("gon na", "ai n't"), of a token's label and of
# spaces set apart, words in their base form and inflected, beside ordinary ones.
TEXT = (
    "He ain't gonna sign it. They're gon na win, y'all know?\n\n"
    "  The ministers   met in Baku on Friday; we 'll see what's next. Better talks were held "
    "by the biggest delegations, and the presidents have signed agreements.\n"
)
ATTRIBUTES = [POS, TAG, MORPH, LEMMA, DEP, HEAD]


@pytest.fixture(scope="module")
def models():
    """The model as spaCy loads it, and quickened."""
    return spacy.load(default_model()), quicken(spacy.load(default_model()))


def _same(texts: list[str], models) -> bool:
    plain, quick = ([*nlp.pipe(texts)] for nlp in models)
    for a, b in zip(plain, quick, strict=True):
        if not numpy.array_equal(a.to_array(ATTRIBUTES), b.to_array(ATTRIBUTES)):
            return False
        if [(str(t.morph), t.lemma_) for t in a] != [(str(t.morph), t.lemma_) for t in b]:
            return False
    return True


def test_they_set_what_the_models_components_set(models):
    assert _same([TEXT], models)
    lemmas = [t.lemma_ for t in models[1](TEXT) if t.lower_ in {"ai", "gon", "met", "signed"}]
    assert lemmas == ["be", "go", "go", "meet", "sign"]
    # Asked again, from what they remember of each kind of token.
    assert _same([TEXT, TEXT.upper()], models)


def test_they_set_what_the_models_components_set_on_the_news(models, corpus):
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))[:40]]
    assert _same(texts, models)


def test_kg_reads_with_them_in_the_components_places():
    nlp = load_nlp()
    assert isinstance(nlp.get_pipe("attribute_ruler"), Attributes)
    assert isinstance(nlp.get_pipe("lemmatizer"), Lemmas)
    assert [t.pos_ for t in nlp("The talks ended.")] == ["DET", "NOUN", "VERB", "PUNCT"]
