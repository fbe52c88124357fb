"""``kg_gazetteer``: a spaCy component that types entities right for the domain.

It runs after the statistical recognizer and, from the bundled knowledge base and the word
lists in ``data/gazetteer``:

- adds the countries, demonyms, places and international organizations the model missed;
- retypes what the model got wrong: a city tagged ORG becomes GPE, a commission tagged FAC
  becomes ORG, a demonym stays NORP;
- drops spans that are titles or page furniture rather than names.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.link.kb import KBEntry, KnowledgeBase, normalize
from kg.resources import data_path

__all__ = ["GazetteerComponent", "word_list"]

PLACE_LABELS = {"GPE", "LOC", "FAC"}
NAME_LABELS = PLACE_LABELS | {"ORG", "PERSON", "NORP"}


@cache
def word_list(name: str) -> frozenset[str]:
    """The lines of ``data/gazetteer/<name>.txt`` without comments and blanks."""
    lines = data_path("gazetteer", f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(s for line in lines if (s := line.split("#", 1)[0].strip()))


def _label(entry: KBEntry) -> str:
    return {"Country": "GPE", "Place": "GPE", "Organization": "ORG", "Person": "PERSON"}[entry.type]


def _variants(name: str) -> Iterable[str]:
    yield name
    if len(name) > 3 and not name.isupper():
        yield name.upper()


class GazetteerComponent:
    """Adds and retypes entities from the knowledge base (see the module docstring)."""

    def __init__(self, nlp: Language, name: str = "kg_gazetteer"):
        self.name = name
        self.kb = KnowledgeBase.load()
        self.not_places = word_list("not_places")
        self.org_heads = word_list("org_heads")
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        by_label: dict[str, set[str]] = {"GPE": set(), "ORG": set(), "NORP": set()}
        for entry in self.kb.entries():
            if entry.type == "Person" or (entry.type == "Place" and entry.cls == "Region"):
                continue  # people come from the recognizer; region names need "region" context
            for name in entry.names:
                if self._usable(name, entry):
                    by_label[_label(entry)].update(_variants(name))
            for demonym in entry.demonyms:
                by_label["NORP"].update(_variants(demonym))
        for label, names in by_label.items():
            self.matcher.add(label, list(nlp.tokenizer.pipe(sorted(names))))

    def _usable(self, name: str, entry: KBEntry) -> bool:
        if len(name) < 3 or not name[0].isupper() or name in self.not_places:
            return False
        return entry.type == "Country" or len(name) > 3 or name.isupper()

    def __call__(self, doc: Doc) -> Doc:
        ents = [self._retype(ent) for ent in doc.ents]
        ents = [ent for ent in ents if ent is not None]
        taken = {i for ent in ents for i in range(ent.start, ent.end)}
        for label_id, start, end in self.matcher(doc):
            if not any(i in taken for i in range(start, end)):
                ents.append(Span(doc, start, end, label=label_id))
        doc.ents = filter_spans(ents)
        return doc

    def _retype(self, ent: Span) -> Span | None:
        """The entity with the label the knowledge base or its head word says, or None."""
        if ent.label_ not in NAME_LABELS:
            return ent
        text = ent.text
        if ent[0].lower_ == "the":
            ent = ent.doc[ent.start + 1 : ent.end]
            if not len(ent):
                return None
            ent = Span(ent.doc, ent.start, ent.end, label=ent.label_ or "ORG")
        if ent[-1].text in self.org_heads and ent.label_ != "ORG":
            return Span(ent.doc, ent.start, ent.end, label="ORG")
        known = self.kb.lookup(text)
        if ent.label_ == "NORP" and self.kb.demonym(text):
            return ent
        if known and ent.label_ not in {_label(e) for e in known}:
            if ent.label_ == "PERSON" and len(ent) > 1:
                return ent
            return Span(ent.doc, ent.start, ent.end, label=_label(known[0]))
        return ent


@Language.factory("kg_gazetteer")
def make_gazetteer(nlp: Language, name: str) -> GazetteerComponent:
    """Factory of the ``kg_gazetteer`` component."""
    return GazetteerComponent(nlp, name)


def kb_entries(span: Span, types: Iterable[str] | None = None) -> list[KBEntry]:
    """Knowledge-base entries named by a span's text (without a leading "the")."""
    return KnowledgeBase.load().lookup(normalize(span.text), types)
