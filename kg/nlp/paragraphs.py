"""``kg_paragraphs``: a spaCy component that starts a sentence after every line break.

Headlines, datelines and paragraphs end without a full stop often enough that the parser
would otherwise run a headline into the first sentence. Line breaks inside a sentence were
already joined when the article was read (``kg.articles.unwrap``).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["paragraphs"]


@Language.component("kg_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    """Mark the token after each line break as the start of a sentence."""
    for token in doc[:-1]:
        if "\n" in token.text_with_ws:
            doc[token.i + 1].is_sent_start = True
    return doc
