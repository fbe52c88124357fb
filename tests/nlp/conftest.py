"""Fixtures of the NLP steps' unit tests: a text read by the real spaCy pipeline up to the
step under test, as ``kg.extract`` chains them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from spacy.tokens import Doc

from kg.nlp.coref import Cluster, resolve
from kg.nlp.mentions import Mention, find_mentions
from kg.nlp.relations import Resolver
from kg.pipeline import Pipeline


@dataclass
class Read:
    """A text through the spaCy pipeline, mentions, the resolver and coreference."""

    doc: Doc
    mentions: list[Mention]
    resolver: Resolver
    clusters: list[Cluster]

    def mention(self, text: str) -> Mention:
        """The first mention with this text."""
        return next(m for m in self.mentions if m.text == text)

    def name(self, mention: Mention) -> str:
        """The text of the first mention of a mention's entity."""
        return next(c.mentions[0].text for c in self.clusters if c.id == mention.entity)


@pytest.fixture(scope="session")
def rules() -> Pipeline:
    """The real pipeline with the rules alone: what a rule gives, whatever the shipped model
    (retrained whenever the rules change) adds at its threshold."""
    return Pipeline(relations_model="none")


@pytest.fixture(scope="session")
def read(pipeline: Pipeline) -> Callable[[str], Read]:
    def read(text: str) -> Read:
        doc = pipeline.nlp(text)
        mentions = find_mentions(doc)
        resolver = Resolver(doc, mentions)
        return Read(doc, mentions, resolver, resolve(mentions))

    return read
