"""The exceptions kg raises: one root, a few kinds, messages that name the bad value and the fix."""

__all__ = ["ArticleError", "KGError", "ModelError", "QueryError", "StoreError"]


class KGError(Exception):
    """Root of every error kg raises on purpose; the CLI prints it as one line."""


class ArticleError(KGError):
    """An input article could not be read or parsed."""


class ModelError(KGError):
    """The spaCy model could not be found or loaded."""


class StoreError(KGError):
    """The store could not be opened, read or written."""


class QueryError(KGError):
    """A SPARQL query is malformed, unknown or failed."""
