"""Read articles from text, HTML, JSON Lines, folders or standard input into ``Article``.

A text article may start with a ``date YYYY-MM-DD`` header and an agency dateline
(``ASTANA. KAZINFORM``, ``MINSK, June 19 (Xinhua) --``, ``BRUSSELS (Reuters) -``); both are
parsed into the article's fields and cut from the prose the extractor reads.

>>> article = parse_text("a1", " date 2017-09-22 ASTANA. KAZINFORM On Friday, talks were held.")
>>> article.date, article.dateline, article.publisher, article.text
(datetime.date(2017, 9, 22), 'Astana', 'Kazinform', 'On Friday, talks were held.')
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

from kg.errors import ArticleError
from kg.types import Article

__all__ = ["TEXT_SUFFIXES", "parse_date", "parse_text", "read_articles", "read_path", "unwrap"]

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
MAX_BYTES = 5_000_000

_DATE_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?")
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY_MONTH = (
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:,?\s+\d{{4}})?"
    r"|\d{1,2}\.\d{1,2}\.\d{4})"
)
_CAPS_PLACE = r"[A-Z][A-Z'\-]{2,}(?:[ \-][A-Z][A-Z'\-]+){0,2}"
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_TITLE_PLACE = rf"(?!{_WEEKDAY}\b)[A-Z][a-z'\-]+(?:[ \-][A-Z][a-z'\-]+){{0,2}}"
_AGENCY = r"[A-Z][A-Za-z]*(?:[ \-][A-Z][A-Za-z]*){0,3}"
_DASH = r"(?:--|[-–—])"
# Each alternative names the groups ``place`` and optionally ``agency``; tried in order.
_DATELINES = [
    # ASTANA. KAZINFORM -   /  NUR-SULTAN. KAZINFORM –
    rf"(?P<place>{_CAPS_PLACE})\.\s+(?P<agency>[A-Z]{{3,}})\b\s*(?:{_DASH}\s*)?",
    # YEREVAN, MAY 12, ARMENPRESS.
    rf"(?P<place>{_CAPS_PLACE}),\s+(?i:{_DAY_MONTH}),\s+(?P<agency>[A-Z]{{3,}})\.\s+",
    # ASTANA, July 3. /TASS/.   Ulaanbaatar /MONTSAME/   Yerevan /Mediamax/.
    rf"(?P<place>{_CAPS_PLACE}|{_TITLE_PLACE})(?:,\s+{_DAY_MONTH}\.?)?\s*/\s*(?P<agency>{_AGENCY})\s*/\.?\s+",
    # MINSK, June 19 (Xinhua) --   TOMSK, Russia, April 27 (UPI) --   Colombo, April 5 (IANS)
    rf"(?P<place>{_CAPS_PLACE}|{_TITLE_PLACE})(?:,\s+{_TITLE_PLACE})?,\s+{_DAY_MONTH}"
    rf"\s+\((?P<agency>{_AGENCY})\)\s*(?:{_DASH}|:)?\s*",
    # BRUSSELS (Reuters) -   Hanoi (VNA) –
    rf"(?P<place>{_CAPS_PLACE}|{_TITLE_PLACE})(?:,\s+{_TITLE_PLACE})?"
    rf"\s+\((?P<agency>{_AGENCY})\)\s*(?:{_DASH}|:)\s*",
    # Baku, Azerbaijan, Aug. 17  Trend:   /  Accra, Jan. 11, GNA -
    rf"(?P<place>{_CAPS_PLACE}|{_TITLE_PLACE}),\s+(?:{_TITLE_PLACE},\s+)?{_DAY_MONTH}\.?,?"
    rf"\s+(?:(?P<agency>{_AGENCY})\s*(?::|{_DASH})\s*|{_DASH}\s*)?",
    # ASTANA –   CAIRO–   Pretoria - President   RIYADH:   Islamabad :
    rf"(?P<place>{_CAPS_PLACE})\s*(?:{_DASH}|:)\s*",
    rf"(?P<place>{_TITLE_PLACE})\s(?:{_DASH}|:)\s+",
]
_DATELINE_RES = [re.compile(p) for p in _DATELINES]
# Datelines that may follow a headline: only the unmistakable ones (agency or ALL-CAPS place).
_LATE_DATELINE_RES = _DATELINE_RES[:5]
_LATE_WINDOW = 300


def parse_date(value: str | date | None) -> date | None:
    """An ISO date (``YYYY-MM-DD``, or the date part of a timestamp), or ``None``."""
    if value is None or isinstance(value, date):
        return value
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", str(value))
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


_SINGLE_NEWLINE = re.compile(r"(?<=\S)\n(?=\S)")
_GLUE_WORDS = {
    "the",
    "of",
    "and",
    "to",
    "with",
    "between",
    "in",
    "on",
    "for",
    "by",
    "at",
    "a",
    "an",
    "'s",
    "’s",
    "from",
    "as",
    "his",
    "her",
    "their",
    "its",
    "that",
    "which",
}


def _wrapped(match: re.Match[str]) -> str:
    text, at = match.string, match.start()
    before = text[max(0, at - 20) : at].split()[-1] if text[:at].split() else ""
    after = text[at + 1]
    lowered = before.lower()
    glue = lowered in _GLUE_WORDS or lowered.endswith(("'s", "’s"))
    if glue or ((after.islower() and before[-1:].isalnum()) or before.endswith(",")):
        return " "
    return "\n"


def unwrap(text: str) -> str:
    r"""Text with hard line wraps inside sentences turned into spaces (offsets unchanged).

    >>> unwrap("the meeting between Kazakhstan's\nPrime Minister and the\nambassador.\nNew line")
    "the meeting between Kazakhstan's Prime Minister and the ambassador.\nNew line"
    """
    return _SINGLE_NEWLINE.sub(_wrapped, text)


def _place_name(raw: str) -> str:
    return raw.title() if raw.isupper() else raw


def _agency_name(raw: str) -> str:
    raw = raw.strip()
    return raw.title() if raw.isupper() and len(raw) > 4 else raw


_SYNDICATION = re.compile(r"^\(MENAFN\s*-\s*(?P<agency>[^)]{2,60})\)\s*")


def _dateline(text: str) -> tuple[str | None, str | None, str]:
    """(place, agency, text with the dateline cut out) for a dateline near the start."""
    syndicated = _SYNDICATION.match(text)
    if syndicated:
        place, agency, rest = _dateline(text[syndicated.end() :])
        return place, agency or syndicated["agency"].strip(), rest
    for regex in _DATELINE_RES:
        match = regex.match(text)
        if match and match.end() < len(text):
            return _place_name(match["place"]), _optional_agency(match), text[match.end() :]
    for regex in _LATE_DATELINE_RES:
        for match in regex.finditer(text, 0, _LATE_WINDOW):
            start = match.start()
            if start and text[start - 1] in " \n\t" and _is_break(text[:start]):
                before, after = text[:start].rstrip(), text[match.end() :]
                return _place_name(match["place"]), _optional_agency(match), f"{before}\n\n{after}"
    return None, None, text


def _optional_agency(match: re.Match[str]) -> str | None:
    agency = match.groupdict().get("agency")
    return _agency_name(agency) if agency else None


def _is_break(before: str) -> bool:
    """A late dateline starts after a headline, not inside a sentence."""
    return before.endswith(("  ", "\n", "\t")) or before.rstrip().endswith((".", "!", "?", ":"))


def parse_text(
    article_id: str,
    raw: str,
    *,
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
    published: date | None = None,
) -> Article:
    """An ``Article`` from raw text: the date header and dateline become fields."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    header = _DATE_HEADER.match(text)
    if header:
        published = parse_date(header[1]) or published
        text = text[header.end() :]
    place, agency, text = _dateline(text.strip())
    return Article(
        id=article_id,
        text=unwrap(text.strip()),
        date=published,
        dateline=place,
        publisher=agency,
        url=url,
        title=title,
        source=source,
    )


def _decode(data: bytes, path: str) -> str:
    if b"\x00" in data[:4096]:
        raise ArticleError(f"{path}: binary data, not a text article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ArticleError(
            f"{path}: not valid UTF-8 at byte {err.start}; convert it with "
            f"`iconv -t UTF-8` and try again"
        ) from None


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ArticleError(
                f"{path}: {size:,} bytes is over the {MAX_BYTES:,}-byte limit for one article"
            )
        return path.read_bytes()
    except PermissionError:
        raise ArticleError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise ArticleError(f"{path}: is a directory") from None
    except OSError as err:
        raise ArticleError(f"{path}: cannot be read ({err.strerror or err})") from None


def _from_html(article_id: str, html: str, source: str) -> Article:
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    doc = trafilatura.bare_extraction(html, with_metadata=True)
    if doc is None or not (doc.text or "").strip():
        raise ArticleError(f"{source}: no article text found in this HTML page")
    return parse_text(
        article_id,
        doc.text,
        source=source,
        url=doc.url,
        title=doc.title,
        published=parse_date(doc.date),
    )


def _from_jsonl(text: str, source: str) -> Iterator[Article | ArticleError]:
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}, line {number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            yield ArticleError(f"{where}: not JSON ({err.msg})")
            continue
        if not isinstance(obj, dict):
            yield ArticleError(f"{where}: expected a JSON object with 'id' and 'text'")
            continue
        missing = [key for key in ("id", "text") if not obj.get(key)]
        if missing or not isinstance(obj["text"], str):
            yield ArticleError(
                f"{where}: missing or empty field(s): {', '.join(missing) or 'text'}"
            )
            continue
        yield parse_text(
            str(obj["id"]),
            obj["text"],
            source=obj.get("url") or where,
            url=obj.get("url"),
            title=obj.get("title"),
            published=parse_date(obj.get("date")),
        )


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def read_path(path: Path | str) -> Iterator[Article | ArticleError]:
    """The articles in one file (errors are yielded, not raised, so the rest goes on)."""
    source = str(path)
    if source == "-":
        yield from _articles_in("stdin", sys.stdin.read(), "-", ".txt")
        return
    path = Path(path)
    try:
        data = _read_bytes(path)
        text = _decode(data, source)
    except ArticleError as err:
        yield err
        return
    yield from _articles_in(path.stem, text, source, path.suffix.lower())


def _articles_in(
    stem: str, text: str, source: str, suffix: str
) -> Iterator[Article | ArticleError]:
    if suffix in JSONL_SUFFIXES:
        yield from _from_jsonl(text, source)
        return
    if not text.strip():
        yield ArticleError(f"{source}: empty file")
        return
    try:
        if suffix in HTML_SUFFIXES or _looks_like_html(text):
            yield _from_html(stem, text, source)
        else:
            article = parse_text(stem, text, source=source)
            if not article.text:
                raise ArticleError(f"{source}: no text after the date header and dateline")
            yield article
    except ArticleError as err:
        yield err


def _expand(paths: Iterable[Path | str]) -> Iterator[Path | str]:
    for raw in paths:
        if str(raw) == "-":
            yield "-"
            continue
        path = Path(raw)
        if path.is_dir():
            yield from sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and p.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
            )
        else:
            yield path


def read_articles(
    paths: Iterable[Path | str],
    on_error: Callable[[ArticleError], None] | None = None,
) -> Iterator[Article]:
    """The articles in files, folders (recursively) and ``-`` (standard input).

    Each unreadable input goes to ``on_error`` and reading goes on; without ``on_error`` the
    first one is raised.
    """
    for path in _expand(paths):
        if path != "-" and not Path(path).exists():
            items: Iterable[Article | ArticleError] = [ArticleError(f"{path}: no such file")]
        else:
            items = read_path(path)
        for item in items:
            if isinstance(item, ArticleError):
                if on_error is None:
                    raise item
                on_error(item)
            else:
                yield item
