"""``IngestReport``: what reading and ingesting articles met, article by article, and
``read``, the articles of some paths with the report their problems go to.

Apart from ``KnowledgeGraph`` (which fills one) so that what only reads articles (``kg
extract``, ``kg eval``) reports its problems without loading the store and the views.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.articles import read_articles
from kg.errors import ArticleError, ArticleSkipped, ArticleWarning
from kg.types import Article

__all__ = ["IngestReport", "read"]


@dataclass
class IngestReport:
    """What an ingest did: counts, and the reason for each article skipped or failed.

    ``skipped`` holds (article id, reason); ``failed`` and ``warnings`` hold one message each,
    naming the file; ``stopped`` says why the ingest ended early (a full disk, ...), when it did.
    """

    ingested: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    stopped: str | None = None

    @property
    def ok(self) -> bool:
        """True when nothing failed."""
        return not self.failed and self.stopped is None

    def add(self, problem: ArticleError | ArticleWarning) -> None:
        """Record a problem met while reading: a skipped article, a failed one or a warning."""
        if isinstance(problem, ArticleSkipped):
            self.skipped.append((problem.article_id, problem.reason))
        elif isinstance(problem, ArticleError):
            self.failed.append(str(problem))
        else:
            self.warnings.append(str(problem))


def read(
    paths: Iterable[Path | str], follow_links: bool = False
) -> tuple[Iterator[Article], IngestReport]:
    """The articles in files and folders (``-`` for stdin), read as a stream, and the report
    each problem met meanwhile goes to: a path that does not exist or cannot be read, a file
    that is no article or is skipped, a warning. ``follow_links`` as ``read_articles``."""
    report = IngestReport()
    articles = read_articles(paths, report.add, report.add, follow_links=follow_links)
    return articles, report
