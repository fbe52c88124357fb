"""``kg_attributes`` and ``kg_lemmas``: the model's attribute ruler and rule lemmatizer,
decided once per kind of token.

spaCy's ``attribute_ruler`` matches each of its patterns (179 in the small English model) at
every token of every article, a tenth of the parse. Nearly all of them test one token's tag,
lowercase form, dependency label or whether it is a space, so this component matches those
once per distinct (lowercase form, tag, label) and remembers which apply; the patterns of
longer spans, or on other attributes, it matches as the ruler does. It sets what the ruler
sets, token for token, in the ruler's order (a later pattern wins).

The rule lemmatizer remembers only some of its lemmas (not those of words in their base form,
most of them); ``kg_lemmas`` remembers each by (word, part of speech, morphology), all the
lemmatizer reads, and asks the lemmatizer for the others, its lists of base forms made sets.

``quicken`` (which ``load_nlp`` calls) puts each in its model component's place, under its
name, with its rules.
"""

from __future__ import annotations

from typing import cast

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab

__all__ = ["Attributes", "Lemmas", "quicken"]

# What a one-token pattern may test for its result to follow from (lowercase, tag, label).
_KEYS = {"TAG", "LOWER", "DEP", "IS_SPACE"}
_ARRAY: list[int | str] = ["LOWER", "TAG", "DEP"]


def quicken(nlp: Language) -> Language:
    """``nlp`` with its attribute ruler and rule lemmatizer (if any) replaced by
    ``kg_attributes`` and ``kg_lemmas``, under the same names."""
    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    if isinstance(ruler, AttributeRuler):
        quicker = nlp.replace_pipe("attribute_ruler", "kg_attributes")
        cast(Attributes, quicker).adopt(ruler)
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if isinstance(lemmatizer, Lemmatizer) and lemmatizer.mode == "rule":
        quicker = nlp.replace_pipe("lemmatizer", "kg_lemmas")
        cast(Lemmas, quicker).adopt(lemmatizer)
    return nlp


@Language.factory("kg_attributes")
def make_attributes(nlp: Language, name: str) -> Attributes:
    return Attributes(nlp.vocab, name)


class Attributes:
    """The attribute ruler's patterns, the one-token ones remembered by kind of token."""

    def __init__(self, vocab: Vocab, name: str = "kg_attributes"):
        self.vocab = vocab
        self.name = name
        self.attrs: list[dict] = []
        self.indices: list[int] = []
        self.one = Matcher(vocab)
        self.rest = Matcher(vocab)
        self.known: dict[tuple[int, int, int], tuple[int, ...]] = {}

    def adopt(self, ruler: AttributeRuler) -> Attributes:
        """Take the patterns of ``ruler``, in its order."""
        for order, (attrs, index) in enumerate(zip(ruler.attrs, ruler.indices, strict=True)):
            patterns = ruler.matcher.get(str(order))[1]
            one = all(len(p) == 1 and set(p[0]) <= _KEYS for p in patterns)
            (self.one if one else self.rest).add(str(order), patterns)
            self.attrs.append(attrs)
            self.indices.append(index)
        self.known.clear()
        return self

    def __call__(self, doc: Doc) -> Doc:
        keys: list[tuple[int, int, int]] = [
            (lower, tag, dep) for lower, tag, dep in doc.to_array(_ARRAY).tolist()
        ]
        new = {key for key in keys if key not in self.known}
        if new:
            self._learn(sorted(new))
        todo = [(order, i) for i, key in enumerate(keys) for order in self.known[key]]
        strings = self.vocab.strings
        for match, start, end in self.rest(doc, allow_missing=True):
            order = int(strings[match])
            todo.append((order, doc[start:end][self.indices[order]].i))
        todo.sort()
        for order, i in todo:
            set_token_attrs(doc[i], self.attrs[order])
        return doc

    def _learn(self, keys: list[tuple[int, int, int]]) -> None:
        """Match the one-token patterns once on a token of each kind."""
        strings = self.vocab.strings
        probe = Doc(
            self.vocab,
            words=[strings[lower] for lower, _, _ in keys],
            spaces=[False] * len(keys),
            tags=[strings[tag] for _, tag, _ in keys],
            deps=[strings[dep] for _, _, dep in keys],
            heads=list(range(len(keys))),
        )
        found: dict[int, list[int]] = {}
        for match, start, _ in self.one(probe, allow_missing=True):
            found.setdefault(start, []).append(int(strings[match]))
        for k, key in enumerate(keys):
            self.known[key] = tuple(sorted(found.get(k, ())))


@Language.factory("kg_lemmas")
def make_lemmas(nlp: Language, name: str) -> Lemmas:
    return Lemmas(nlp.vocab, name)


class Lemmas:
    """A rule lemmatizer's lemmas, remembered by (word, part of speech, morphology)."""

    def __init__(self, vocab: Vocab, name: str = "kg_lemmas"):
        self.vocab = vocab
        self.name = name
        self.lemmatizer: Lemmatizer | None = None
        self.known: dict[tuple[int, int, int], int] = {}

    def adopt(self, lemmatizer: Lemmatizer) -> Lemmas:
        """Lemmatize as ``lemmatizer`` (of the rule mode) does, its lists of known base forms
        made sets (it tests each form a rule makes for membership: a scan of a list)."""
        index = lemmatizer.lookups.get_table("lemma_index", {})
        for pos, forms in list(index.items()):
            index[pos] = frozenset(forms)
        self.lemmatizer = lemmatizer
        self.known.clear()
        return self

    def __call__(self, doc: Doc) -> Doc:
        lemmatizer = self.lemmatizer
        if lemmatizer is None:
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        lemmas = [row[3] for row in rows]
        known, strings = self.known, self.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not lemmatizer.overwrite:
                continue
            key = (orth, pos, morph)
            if key not in known:
                known[key] = strings.add(self._lemma(lemmatizer, doc[i]))
            lemmas[i] = known[key]
        column = numpy.array(lemmas, numpy.uint64).reshape(-1, 1)
        doc.from_array([LEMMA], column)  # type: ignore[arg-type]  # hashes are uint64
        return doc

    def _lemma(self, lemmatizer: Lemmatizer, token: Token) -> str:
        """The token's lemma; of a word with a joining prefix, the prefix and the lemma of the
        rest ("co-chair" of "co-chaired", where the rules alone give "co-chaire")."""
        prefix, dash, rest = token.text.partition("-")
        if not dash or prefix.lower() != "co" or not rest.isalpha() or token.pos_ == "PROPN":
            return lemmatizer.lemmatize(token)[0]
        word = Doc(self.vocab, words=[rest])[0]
        word.pos, word.morph = token.pos, token.morph
        return f"co-{lemmatizer.lemmatize(word)[0]}"
