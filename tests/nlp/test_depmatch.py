"""kg's dependency-pattern matcher finds exactly what spaCy's DependencyMatcher finds."""

from __future__ import annotations

from spacy.matcher import DependencyMatcher

from kg.articles import read_articles
from kg.nlp.depmatch import DependencyPatterns, _Index
from kg.nlp.relations import load_patterns
from tests.conftest import SAMPLES


def test_same_matches_as_spacy(pipeline):
    nlp = pipeline.nlp
    patterns = load_patterns()
    spacy_matcher = DependencyMatcher(nlp.vocab)
    for p in patterns:
        spacy_matcher.add(p.name, [p.pattern])
    ours = DependencyPatterns([(p.name, p.pattern) for p in patterns])
    total = 0
    for article in read_articles([SAMPLES]):
        doc = nlp(article.text)
        theirs = {(nlp.vocab.strings[key], tuple(tokens)) for key, tokens in spacy_matcher(doc)}
        mine = {(name, tuple(tokens)) for name, tokens in ours(doc)}
        assert mine == theirs, article.id
        total += len(mine)
    assert total > 20


def test_siblings_as_spacy_finds_them(pipeline):
    nlp = pipeline.nlp
    doc = nlp("In Baku, Tokayev took part in the meeting at the palace in March.")
    preps = {"DEP": "prep"}
    pattern = [
        {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"POS": "VERB"}},
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "a", "RIGHT_ATTRS": preps},
    ]
    for op in ("$++", "$--"):
        nodes = [*pattern, {"LEFT_ID": "a", "REL_OP": op, "RIGHT_ID": "b", "RIGHT_ATTRS": preps}]
        spacy_matcher = DependencyMatcher(nlp.vocab)
        spacy_matcher.add("p", [nodes])
        theirs = {tuple(tokens) for _, tokens in spacy_matcher(doc)}
        mine = {tuple(tokens) for _, tokens in DependencyPatterns([("p", nodes)])(doc)}
        assert mine == theirs and mine, op


def test_children_on_one_side_as_spacy_finds_them(pipeline):
    nlp = pipeline.nlp
    doc = nlp("In Baku, Tokayev took part in the meeting at the palace in March.")
    for op in (">++", ">--"):
        nodes = [
            {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"POS": "VERB"}},
            {"LEFT_ID": "verb", "REL_OP": op, "RIGHT_ID": "a", "RIGHT_ATTRS": {"DEP": "prep"}},
        ]
        spacy_matcher = DependencyMatcher(nlp.vocab)
        spacy_matcher.add("p", [nodes])
        theirs = {tuple(tokens) for _, tokens in spacy_matcher(doc)}
        mine = {tuple(tokens) for _, tokens in DependencyPatterns([("p", nodes)])(doc)}
        assert mine == theirs and mine, op


def test_descendants_in_the_order_of_spacys_subtree(pipeline):
    """Matches come in the order spaCy walks a subtree, so the rules read them alike."""
    for article in read_articles([SAMPLES]):
        doc = pipeline.nlp(article.text)
        index = _Index(doc)
        for token in doc:
            assert index.descendants(token.i) == [t.i for t in token.subtree if t != token]
