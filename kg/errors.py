"""The exceptions kg raises: one root, a few kinds, messages that name the bad value and the fix."""

__all__ = [
    "AnswerTooLarge",
    "ArticleError",
    "ArticleSkipped",
    "ArticleWarning",
    "KGError",
    "KnowledgeBaseError",
    "ModelError",
    "QueryError",
    "QueryRefused",
    "ServiceError",
    "StoreError",
]


class KGError(Exception):
    """Root of every error kg raises on purpose; the CLI prints it as one line."""


class ArticleError(KGError):
    """An input article could not be read or parsed; it is not stored."""


class ArticleSkipped(ArticleError):
    """An article that was read but is not stored on purpose (e.g. it is not English)."""

    def __init__(self, source: str, article_id: str, reason: str):
        super().__init__(f"{source}: skipped, {reason}")
        self.article_id = article_id
        self.reason = reason


class ArticleWarning(UserWarning):
    """Something questionable in an article that is still stored (e.g. a malformed date)."""


class ModelError(KGError):
    """The spaCy model could not be found or loaded."""


class StoreError(KGError):
    """The store could not be opened, read or written."""


class QueryError(KGError):
    """A SPARQL query is malformed, unknown or failed."""


class QueryRefused(QueryError):
    """A query asks for what this server does not do (SERVICE, LOAD to a host not allowed)."""


class AnswerTooLarge(QueryError):
    """A query's answer, or the memory it needs, passes what one query may have (the server
    answers 413)."""


class ServiceError(QueryError):
    """A SPARQL endpoint that a query's ``SERVICE`` calls failed (the server answers 502)."""


class KnowledgeBaseError(KGError):
    """A knowledge-base file (Wikidata TSV) is missing or malformed."""
