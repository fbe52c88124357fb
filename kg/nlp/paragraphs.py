"""``kg_paragraphs``: a spaCy component that tells the parser where sentences may start.

A sentence starts after every line break (headlines, datelines and paragraphs often end
without a full stop), may start after closing punctuation, and starts nowhere else: the
parser would otherwise run a headline into the first sentence, or cut a sentence in two
before a name. Line breaks inside a sentence were joined when the article was read
(``kg.articles.unwrap``).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["paragraphs"]

_CLOSERS = (".", "!", "?", ":", ";", '"', "”", "’", "'", ")", "»")


@Language.component("kg_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    """Mark sentence starts after line breaks and forbid them where no sentence can end."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if "\n" in before.text_with_ws:
            token.is_sent_start = True
        elif not before.text.endswith(_CLOSERS):
            token.is_sent_start = False
    return doc
