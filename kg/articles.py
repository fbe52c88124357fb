"""Read articles from text, HTML, JSON Lines, folders or standard input into ``Article``.

A text article may start with a ``date YYYY-MM-DD`` header and an agency dateline
(``ASTANA. KAZINFORM``, ``MINSK, June 19 (Xinhua) --``, ``BRUSSELS (Reuters) -``); both are
parsed into the article's fields and cut from the prose the extractor reads.

>>> article = parse_text("a1", " date 2017-09-22 ASTANA. KAZINFORM On Friday, talks were held.")
>>> article.date, article.dateline, article.publisher, article.text
(datetime.date(2017, 9, 22), 'Astana', 'Kazinform', 'On Friday, talks were held.')
"""

from __future__ import annotations

import functools
import io
import itertools
import json
import os
import re
import select
import stat
import sys
import unicodedata
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from functools import cache
from pathlib import Path
from typing import BinaryIO

from kg.errors import ArticleError, ArticleSkipped, ArticleWarning
from kg.kb import KnowledgeBase
from kg.resources import data_path
from kg.types import Article

__all__ = [
    "MAX_BYTES",
    "TEXT_SUFFIXES",
    "language_problem",
    "parse_date",
    "parse_text",
    "read_articles",
    "read_path",
    "unwrap",
]

Problem = ArticleError | ArticleWarning

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
MAX_BYTES = 5_000_000  # one article: a text or HTML file, standard input, a JSON Lines line
READ_SECONDS = 60.0  # the longest wait for data from a pipe named as an input
MIN_WORDS = 12  # shorter texts are judged by their script only
ENGLISH_SHARE = 0.15  # common English words in English news: 24-52% (the corpus)
_SAMPLE_CHARS = 20_000
_WORD = re.compile(r"[^\W\d_]+")

# ``date 2017-09-22``; other dates (``date 22.09.2017``) are cut too, with a warning.
_DATE_HEADER = re.compile(r"^\s*date:?[ \t]+(\d[\d./-]*\d)\b[ \t]*\n?")
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY_MONTH = (
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}}|/\d{{4}})?"  # May 14, 2025   May 14/2025
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s+\d{{4}})?"  # 14th May, 2025
    r"|\d{1,2}\.\d{1,2}\.\d{4})"
)


def _latin(case: Callable[[str], bool]) -> str:
    """The Latin letters of a case, with their accents ("HÀ NỘI", "Bogotá"), for a character
    class."""
    blocks = (range(0x41, 0x250), range(0x1E00, 0x1F00))
    return "".join(c for block in blocks for c in map(chr, block) if c.isalpha() and case(c))


_UP, _LOW = _latin(str.isupper), _latin(str.islower)
_CAPS_WORD = rf"[{_UP}][{_UP}'\-]+"
_CAPS_PLACE = (  # a first word of two letters only before another ("HÀ NỘI", not "US")
    rf"(?:[{_UP}][{_UP}'\-]{{2,}}(?:[ \-]{_CAPS_WORD}){{0,2}}"
    rf"|[{_UP}][{_UP}'](?:[ \-]{_CAPS_WORD}){{1,2}})"
)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_TITLE_PLACE = rf"(?!{_WEEKDAY}\b)[{_UP}][{_LOW}'\-]+(?:[ \-][{_UP}][{_LOW}'\-]+){{0,2}}"
_AGENCY = r"(?!By\b)[A-Z][A-Za-z]*(?:[ \-][A-Z][A-Za-z]*){0,3}"  # "By X": a byline
_DASH = r"(?:--|[-–—])"
# Each alternative names the groups ``place`` and optionally ``agency``; tried in order.
_DATELINES = [
    # ASTANA. KAZINFORM -   /  NUR-SULTAN. KAZINFORM –
    rf"(?P<place>{_CAPS_PLACE})\.\s+(?P<agency>[A-Z]{{3,}})\b\s*(?:{_DASH}\s*)?",
    # YEREVAN, MAY 12, ARMENPRESS.   YEREVAN, MAY 12, ARMENPRESS:
    rf"(?P<place>{_CAPS_PLACE}),\s+(?i:{_DAY_MONTH}),\s+(?P<agency>[A-Z]{{3,}})[.:]\s+",
    # ASTANA, July 3. /TASS/.   Ulaanbaatar /MONTSAME/   Yerevan /Mediamax/.
    rf"(?P<place>{_CAPS_PLACE}|{_TITLE_PLACE})(?:,\s+{_DAY_MONTH}\.?)?\s*/\s*(?P<agency>{_AGENCY})\s*/\.?\s+",
    # MINSK, June 19 (Xinhua) --   TOMSK, Russia, April 27 (UPI) --   Colombo, April 5 (IANS)
    # ABU DHABI, 14th May, 2025 (WAM) --
    rf"(?P<place>{_CAPS_PLACE}|{_TITLE_PLACE})(?:,\s+{_TITLE_PLACE})?,\s+{_DAY_MONTH}"
    rf"\s+\((?P<agency>{_AGENCY})\)\s*(?:{_DASH}|:)?\s*",
    # BRUSSELS (Reuters) -   Hanoi (VNA) –
    rf"(?P<place>{_CAPS_PLACE}|{_TITLE_PLACE})(?:,\s+{_TITLE_PLACE})?"
    rf"\s+\((?P<agency>{_AGENCY})\)\s*(?:{_DASH}|:)\s*",
    # Baku, Azerbaijan, Aug. 17  Trend:   /  Accra, Jan. 11, GNA -
    rf"(?P<place>{_CAPS_PLACE}|{_TITLE_PLACE}),\s+(?:{_TITLE_PLACE},\s+)?{_DAY_MONTH}\.?,?"
    rf"\s+(?:(?P<agency>{_AGENCY})\s*(?::|{_DASH}(?!\w))\s*|{_DASH}\s*)?",
    # ASTANA –   CAIRO–   Pretoria - President   RIYADH:   Islamabad :
    rf"(?P<place>{_CAPS_PLACE})\s*(?:{_DASH}|:)\s*",
    rf"(?P<place>{_TITLE_PLACE})\s(?:{_DASH}|:)\s+",
]
_DATELINE_RES = [re.compile(p) for p in _DATELINES]
# Datelines that may follow a headline: only the unmistakable ones (agency or ALL-CAPS place).
_LATE_DATELINE_RES = _DATELINE_RES[:5]
_LATE_WINDOW = 300
# Forms that are datelines only where they name a known city or region, at the start or on a
# line of their own below the headline and page furniture: the forms above, "Colombo: PM",
# "Dodoma. President", "Tashkent, The Gulf Observer: Today", "ANKARA" alone on its line.
_PLACE_DATELINE_RES = [
    *_DATELINE_RES,
    re.compile(rf"(?P<place>{_TITLE_PLACE}):\s+"),
    re.compile(rf"(?P<place>{_TITLE_PLACE})\.\s+(?=[{_UP}])"),  # "Dodoma. President X"
    re.compile(
        rf"(?P<place>{_CAPS_PLACE}|{_TITLE_PLACE}),\s+(?P<agency>(?:The\s+)?{_AGENCY})\s*:\s+"
    ),
    re.compile(rf"(?P<place>{_CAPS_PLACE})[ \t]*\n"),
]
_PLACE_WINDOW = 800


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


_ENDS = (".", "!", "?", ":", ";", '"', "”", "’", "'", ")", "»")  # what may end a sentence
_RUN_ON = 0.6  # a line at least this share of the wrap width, with no end, runs on


def _wrapped(match: re.Match[str], width: int | None) -> str:
    text, at = match.string, match.start()
    before = text[max(0, at - 20) : at].split()[-1] if text[:at].split() else ""
    after = text[at + 1]
    lowered = before.lower()
    glue = lowered in _GLUE_WORDS or lowered.endswith(("'s", "’s"))
    if glue or ((after.islower() and before[-1:].isalnum()) or before.endswith(",")):
        return " "
    line = at - text.rfind("\n", 0, at) - 1
    if width and line >= _RUN_ON * width and not before.endswith(_ENDS):
        return " "  # a full line of hard-wrapped text runs on ("Minister Haji Nooruddin\nAzizi")
    return "\n"


def _wrap_width(text: str) -> int | None:
    """The width the text was hard-wrapped at, if it was: most of its lines as long as the
    longest but one run on into the next without ending a sentence."""
    lines = [line.rstrip() for line in text.split("\n")]
    widths = sorted(len(line) for line in lines)
    if len(widths) < 6:
        return None
    width = widths[-2]
    full = [
        (line, after.lstrip()[:1])
        for line, after in itertools.pairwise(lines)
        if len(line) >= _RUN_ON * width
    ]
    run_on = sum(not line.endswith(_ENDS) for line, _ in full)
    lower = sum(after.islower() for _, after in full)  # a sentence going on, not a headline
    wrapped = len(full) >= 4 and run_on >= 0.5 * len(full) and lower >= 0.3 * len(full)
    return width if wrapped and width <= 100 else None


def unwrap(text: str) -> str:
    r"""Text with hard line wraps inside sentences turned into spaces (offsets unchanged).

    >>> unwrap("the meeting between Kazakhstan's\nPrime Minister and the\nambassador.\nNew line")
    "the meeting between Kazakhstan's Prime Minister and the ambassador.\nNew line"
    """
    width = _wrap_width(text)
    return _SINGLE_NEWLINE.sub(lambda match: _wrapped(match, width), text)


def _place_name(raw: str) -> str:
    return raw.title() if raw.isupper() else raw


def _agency_name(raw: str) -> str:
    raw = raw.strip()
    return raw.title() if raw.isupper() and len(raw) > 4 else raw


_SYNDICATION = re.compile(r"^\(MENAFN\s*-\s*(?P<agency>[^)]{2,60})\)\s*")


def _dateline(text: str) -> tuple[str | None, str | None, str]:
    """(place, agency, text with the dateline cut out) for a dateline near the start."""
    syndicated = _SYNDICATION.match(text) or _credit(text)
    if syndicated:
        place, agency, rest = _dateline(text[syndicated.end() :])
        return place, agency or syndicated["agency"].strip(), rest
    for regex in _DATELINE_RES:
        match = regex.match(text)
        if match and match.end() < len(text) and _names_a_place(regex, match):
            return _place_name(match["place"]), _optional_agency(match), text[match.end() :]
    credited = _credit_line(text)
    if credited:
        before, after = text[: credited.start()].rstrip(), text[credited.end() :]
        return credited["place"], credited["agency"], f"{before}\n\n{after}"
    for regex in _LATE_DATELINE_RES:
        for match in regex.finditer(text, 0, _LATE_WINDOW):
            start = match.start()
            if start and text[start - 1] in " \n\t" and _is_break(text[:start]):
                before, after = text[:start].rstrip(), text[match.end() :]
                return _place_name(match["place"]), _optional_agency(match), f"{before}\n\n{after}"
    return _place_dateline(text)


def _place_dateline(text: str) -> tuple[str | None, str | None, str]:
    """The first dateline of a known city or region at the start or on a line of its own."""
    found = [
        match
        for regex in _PLACE_DATELINE_RES
        for match in regex.finditer(text, 0, _PLACE_WINDOW)
        if match.end() < len(text)
        and (match.start() == 0 or text[match.start() - 1] == "\n")
        and _known_place(_place_name(match["place"]))
    ]
    if not found:
        return None, None, text
    match = min(found, key=lambda m: m.start())
    before, after = text[: match.start()].rstrip(), text[match.end() :]
    rest = f"{before}\n\n{after}" if before else after
    return _place_name(match["place"]), _optional_agency(match), rest


def _names_a_place(regex: re.Pattern[str], match: re.Match[str]) -> bool:
    """A dateline of the bare "Pretoria - President ..." form names a known place; another
    sentence may open so ("The Estonia – Finland Business Forum was held ...")."""
    return regex is not _DATELINE_RES[-1] or _known_place(_place_name(match["place"]))


def _known_place(name: str) -> bool:
    """A city or region of the knowledge base (a country's name heads headlines too)."""
    return bool(KnowledgeBase.load().lookup(name, ("Place",)))


_CREDIT = re.compile(r"^(?:By\s+)?(?P<agency>[A-Z][\w.\-]*(?: [A-Z][\w.\-]*){0,3})\s*:?\s*\n")


def _credit(text: str) -> re.Match[str] | None:
    """A first line that only credits a news agency: "By Trend", "Trend:"."""
    match = _CREDIT.match(text)
    return match if match and match["agency"] in _agencies() else None


def _credit_line(text: str) -> re.Match[str] | None:
    """A line near the start that credits an agency and a place: "Press Trust of India
    Dhaka", "Xinhua | Beijing"."""
    return _credit_line_re().search(text, 0, _LATE_WINDOW)


@cache
def _credit_line_re() -> re.Pattern[str]:
    agencies = "|".join(re.escape(a) for a in sorted(_agencies(), key=len, reverse=True))
    return re.compile(
        rf"^(?P<agency>{agencies})\s*[|,]?\s*(?P<place>{_TITLE_PLACE})[ \t]*$", re.MULTILINE
    )


@cache
def _agencies() -> frozenset[str]:
    lines = data_path("gazetteer", "news_agencies.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(s for line in lines if (s := line.split("#", 1)[0].strip()))


def _optional_agency(match: re.Match[str]) -> str | None:
    """The agency a dateline names, but a country after its city ("Nairobi, Kenya:")."""
    agency = match.groupdict().get("agency")
    if not agency or KnowledgeBase.load().lookup(agency.strip(), ("Country",)):
        return None
    return _agency_name(agency)


def _is_break(before: str) -> bool:
    """A late dateline starts after a headline, not inside a sentence."""
    return before.endswith(("  ", "\n", "\t")) or before.rstrip().endswith((".", "!", "?", ":"))


# Page furniture on a line of its own, which is no part of the article: links to other
# stories ("[See more: ...]", "Read also", "READ MORE: ..."), photo credits ("Photo: PTI"),
# tag lists, advertisements.
_FURNITURE = re.compile(
    r"^[ \t]*(?:"
    r"\[[ \t]*(?:see|read|watch|also|more)\b[^\]\n]*\]"
    r"|(?:read|see|watch)[ \t]+(?:also|more)\b[^\n]*"
    r"|also[ \t]+(?:read|see)\b[^\n]*"
    r"|related(?:[ \t]+(?:news|articles?|stories|posts?|content|links?))?[ \t]*(?::[^\n]*)?"
    r"|advertisement|sponsored(?:[ \t]+content)?"
    r"|(?:photos?|images?|pictures?|pic)(?:[ \t]+(?:credits?|by|source))?[ \t]*:(?:[ \t]*[^\s]+){1,6}"
    r"|(?:tags?|topics?|keywords?)[ \t]*:[^\n]*"
    r")[ \t]*(?:\n|$)",
    re.IGNORECASE | re.MULTILINE,
)
_BACKTICK_APOSTROPHE = re.compile(r"(?<=[^\W\d_])[`\"](?=(?:s|t|ll|re|ve|d)\b)")


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
    text = _BACKTICK_APOSTROPHE.sub("’", text)  # "Russia`s", "today\"s": an apostrophe, typed
    # as a backtick or a quotation mark
    header = _DATE_HEADER.match(text)
    if header:
        published = parse_date(header[1]) or published
        text = text[header.end() :]
    place, agency, text = _dateline(_FURNITURE.sub("", text).strip())
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


def _decode(data: bytes, where: str) -> str:
    """UTF-8 text; binary data and invalid UTF-8 are refused (never guessed or replaced)."""
    nul = data.find(b"\x00")
    head = data[:4096]
    controls = sum(1 for b in head if b < 32 and b not in b"\t\n\r\x0c")
    if nul >= 0 or controls > len(head) // 10:
        raise ArticleError(f"{where}: binary data, not a text article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ArticleError(
            f"{where}: not valid UTF-8 at byte {err.start}; convert it with "
            f"`iconv -t UTF-8` and try again"
        ) from None


def _os_error(path: Path, err: OSError) -> ArticleError:
    if isinstance(err, PermissionError):
        return ArticleError(f"{path}: permission denied")
    if isinstance(err, IsADirectoryError):
        return ArticleError(f"{path}: is a directory")
    return ArticleError(f"{path}: cannot be read ({err.strerror or err})")


_KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


def _kind(mode: int) -> str:
    """What a file that is not a regular file is: ``a FIFO``, ``a character device``, ..."""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


class _Pipe(io.RawIOBase):
    """A pipe read with a time limit: ``ArticleError`` when no data comes for
    ``READ_SECONDS`` (so a FIFO nobody writes to cannot hang an ingest)."""

    def __init__(self, fd: int, path: Path):
        self.fd, self.path = fd, path

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        ready, _, _ = select.select([self.fd], [], [], READ_SECONDS)
        if not ready:
            raise ArticleError(f"{self.path}: no data for {READ_SECONDS:g} s from this pipe")
        try:
            data = os.read(self.fd, len(buffer))
        except BlockingIOError:
            return self.readinto(buffer)
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        if not self.closed:
            os.close(self.fd)
        super().close()


def _open(path: Path) -> BinaryIO:
    """An input opened for reading: a regular file, or a pipe (read with a time limit);
    ``ArticleError`` for anything else (a device, a socket), which is never read."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a FIFO without a writer: no wait
    except OSError as err:
        raise _os_error(path, err) from None
    mode = os.fstat(fd).st_mode
    if stat.S_ISREG(mode):
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    if stat.S_ISFIFO(mode):
        return io.BufferedReader(_Pipe(fd, path))
    os.close(fd)
    raise ArticleError(f"{path}: not a regular file ({_kind(mode)}); it is not read")


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, read at most to the limit (and a pipe's within the time limit)."""
    try:
        with _open(path) as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError as err:
        raise _os_error(path, err) from None
    if len(data) > MAX_BYTES:
        raise ArticleError(
            f"{path}: over the {MAX_BYTES:,}-byte limit for one article; split it, or put "
            f"one article per line in a .jsonl file"
        )
    return data


def _lines(stream: BinaryIO, first: bytes = b"") -> Iterator[bytes | None]:
    """The lines of a binary stream; ``None`` for a line over the limit, which is not kept."""
    line = first or stream.readline(MAX_BYTES + 1)
    while line:
        if len(line) > MAX_BYTES and not line.endswith(b"\n"):
            while (rest := stream.readline(MAX_BYTES)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line
        line = stream.readline(MAX_BYTES + 1)


def _from_html(article_id: str, html: str, source: str) -> Article:
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True)
    except Exception as err:  # a parser's failure on a malformed page is that page's problem
        raise ArticleError(f"{source}: cannot parse this HTML ({type(err).__name__})") from None
    assert not isinstance(doc, dict)  # a Document (as_dict is off) or None
    if doc is None or doc.text is None or not doc.text.strip():
        raise ArticleError(f"{source}: no article text found in this HTML page")
    return parse_text(
        article_id,
        doc.text,
        source=source,
        url=doc.url,
        title=doc.title,
        published=parse_date(doc.date),
    )


def _bad_unicode(value: str) -> int | None:
    """The position of a lone surrogate (valid in JSON, not in Unicode text), or ``None``."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as err:
        return err.start
    return None


def _from_jsonl(lines: Iterable[bytes | None], source: str) -> Iterator[Article | Problem]:
    empty = True
    for number, raw in enumerate(lines, 1):
        where = f"{source}, line {number}"
        if raw is None:
            empty = False
            yield ArticleError(f"{where}: over the {MAX_BYTES:,}-byte limit for one article")
            continue
        if not raw.strip():
            continue
        empty = False
        try:
            obj = json.loads(_decode(raw, where))
        except ArticleError as err:
            yield err
        except json.JSONDecodeError as err:
            yield ArticleError(f"{where}: not JSON ({err.msg})")
        else:
            yield from _jsonl_article(obj, where)
    if empty:
        yield ArticleError(f"{source}: empty file")


def _jsonl_article(obj: object, where: str) -> Iterator[Article | Problem]:
    if not isinstance(obj, dict):
        yield ArticleError(f"{where}: expected a JSON object with 'id' and 'text'")
        return
    article_id, text = obj.get("id"), obj.get("text")
    if isinstance(article_id, int) and not isinstance(article_id, bool):
        article_id = str(article_id)
    missing = [
        key
        for key, value in (("id", article_id), ("text", text))
        if not isinstance(value, str) or not value.strip()
    ]
    if missing:
        yield ArticleError(
            f"{where}: missing or empty field(s): {', '.join(missing)} "
            f"(each must be a non-empty string)"
        )
        return
    assert isinstance(article_id, str) and isinstance(text, str)
    fields = {"url": obj.get("url"), "title": obj.get("title"), "date": obj.get("date")}
    for key, given in list(fields.items()):
        if given is not None and not isinstance(given, str):
            yield ArticleWarning(f"{where}: field {key!r} is not a string; it is left out")
            fields[key] = None
    for key, field in (
        ("id", article_id),
        ("text", text),
        ("url", fields["url"]),
        ("title", fields["title"]),
    ):
        if field is not None and (at := _bad_unicode(field)) is not None:
            yield ArticleError(
                f"{where}: field {key!r} is not valid Unicode (a lone surrogate at character {at})"
            )
            return
    published = parse_date(fields["date"])
    if fields["date"] and published is None:
        yield ArticleWarning(
            f"{where}: date {fields['date']!r} is not a YYYY-MM-DD date; kept without a date"
        )
    article = parse_text(
        article_id.strip(),
        text,
        source=fields["url"] or where,
        url=fields["url"],
        title=fields["title"],
        published=published,
    )
    yield _checked(article, where)


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def read_path(path: Path | str) -> Iterator[Article | Problem]:
    """The articles in one file, or ``-`` for standard input: JSON Lines when its first line is
    a JSON object, else one text article. Problems are yielded, not raised, so the rest goes on.
    """
    if str(path) == "-":
        yield from _from_stdin(sys.stdin.buffer)
        return
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            with _open(path) as stream:
                yield from _from_jsonl(_lines(stream), str(path))
            return
        text = _decode(_read_bytes(path), str(path))
    except OSError as err:
        yield _os_error(path, err)
        return
    except ArticleError as err:
        yield err
        return
    yield from _articles_in(path.stem, text, str(path), suffix)


def _from_stdin(stream: BinaryIO) -> Iterator[Article | Problem]:
    first = stream.readline(MAX_BYTES + 1)
    if first.lstrip().startswith(b"{"):
        yield from _from_jsonl(_lines(stream, first), "-")
        return
    data = first + stream.read(MAX_BYTES + 1 - len(first))
    if len(data) > MAX_BYTES:
        yield ArticleError(f"-: over the {MAX_BYTES:,}-byte limit for one article")
        return
    try:
        text = _decode(data, "-")
    except ArticleError as err:
        yield err
        return
    yield from _articles_in("stdin", text, "-", ".txt")


def _articles_in(stem: str, text: str, source: str, suffix: str) -> Iterator[Article | Problem]:
    if not text.strip():
        yield ArticleError(f"{source}: empty file")
        return
    try:
        if suffix in HTML_SUFFIXES or _looks_like_html(text):
            article = _from_html(stem, text, source)
        else:
            header = _DATE_HEADER.match(text.lstrip("\ufeff"))
            if header and parse_date(header[1]) is None:
                yield ArticleWarning(
                    f"{source}: date header {header[1]!r} is not a YYYY-MM-DD date; "
                    f"kept without a date"
                )
            article = parse_text(stem, text, source=source)
            if not article.text:
                raise ArticleError(f"{source}: no text after the date header and dateline")
    except ArticleError as err:
        yield err
        return
    yield _checked(article, source)


def _checked(article: Article, where: str) -> Article | ArticleSkipped:
    """The article, or why it is skipped: kg reads English only."""
    problem = language_problem(article.text)
    if problem:
        return ArticleSkipped(where, article.id, f"not English ({problem})")
    return article


@functools.cache
def _english_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def language_problem(text: str) -> str | None:
    """Why ``text`` is not English, or ``None`` when it is (or too short to tell).

    Text in another script is told by its letters; text in Latin letters by the share of
    common English words (about 25-50% of English news, under 10% of French, German,
    Turkish, Uzbek, ...). Texts under ``MIN_WORDS`` words are judged by their script only.

    >>> language_problem("The ministers met in Astana on Friday to discuss trade and transit.")
    >>> language_problem("Стороны обсудили торгово-экономическое сотрудничество.")
    'Cyrillic script'
    >>> language_problem("Die beiden Minister sprachen am Freitag in Berlin über Handel, Energie "
    ...                  "und Verkehr und unterzeichneten mehrere Abkommen über Investitionen.")
    'few common English words'
    """
    words = _WORD.findall(text[:_SAMPLE_CHARS])
    scripts = Counter(_script(c) for word in words for c in word)
    letters = sum(scripts.values())
    if not letters:
        return None
    if scripts["LATIN"] < letters / 2:
        script = max((s for s in scripts if s != "LATIN"), key=scripts.__getitem__)
        return f"{script if len(script) <= 3 else script.title()} script"
    if len(words) >= MIN_WORDS:
        common = sum(1 for word in words if word.lower() in _english_words())
        if common < ENGLISH_SHARE * len(words):
            return "few common English words"
    return None


def _script(char: str) -> str:
    return unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]


def _expand(
    paths: Iterable[Path | str], follow_links: bool = False
) -> Iterator[Path | str | ArticleError]:
    """Files, with folders read recursively (hidden entries left out); what is not read is
    yielded as an ``ArticleError`` (an unreadable folder) or ``ArticleSkipped`` (a FIFO, a
    device, a link out of the folder). A path given is read even if it is a link."""
    for raw in paths:
        if str(raw) == "-":
            yield "-"
            continue
        path = Path(raw)
        if not path.is_dir():
            yield path
            continue
        found: list[Path | ArticleError] = []
        _walk(path, path.resolve(), follow_links, found, set())
        yield from sorted(found, key=str)


def _walk(folder: Path, top: Path, follow_links: bool, found: list, seen: set[Path]) -> None:
    """Add the article files in ``folder`` (under ``top``, resolved) to ``found``: regular
    files only, and links only to what lies inside ``top`` unless ``follow_links``."""
    real = folder.resolve()
    if real in seen:  # a link back to a folder already read
        return
    seen.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: (e.is_symlink(), e.name))
    except OSError as err:
        found.append(_os_error(folder, err))
        return
    for entry in entries:
        path = Path(entry.path)
        if entry.name.startswith("."):
            continue
        wanted = path.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
        try:
            link = entry.is_symlink()
            target = path.resolve(strict=True)
            outside = link and not follow_links and not target.is_relative_to(top)
            mode = 0 if outside else path.stat().st_mode
        except (OSError, RuntimeError):  # a link to nothing, or a loop of links
            if wanted:
                found.append(ArticleSkipped(str(path), str(path), "a link to nothing"))
            continue
        if outside:
            if wanted or target.is_dir():
                reason = "a link out of the folder (--follow-links reads it)"
                found.append(ArticleSkipped(str(path), str(path), reason))
        elif stat.S_ISDIR(mode):
            if not link or follow_links:
                _walk(path, top, follow_links, found, seen)
        elif wanted and not stat.S_ISREG(mode):
            reason = f"not a regular file ({_kind(mode)})"
            found.append(ArticleSkipped(str(path), str(path), reason))
        elif wanted and target not in seen:  # a file and a link to it: read once
            seen.add(target)
            found.append(path)


def read_articles(
    paths: Iterable[Path | str],
    on_error: Callable[[ArticleError], None] | None = None,
    on_warning: Callable[[ArticleWarning], None] | None = None,
    follow_links: bool = False,
) -> Iterator[Article]:
    """The articles in files, folders (recursively) and ``-`` (standard input).

    In folders only regular files are read (a FIFO or a device is skipped and named), and a
    link only when it points inside the folder given, unless ``follow_links``; a path given
    is read even if it is a link (a FIFO given is read, waiting ``READ_SECONDS`` at most for
    its data). Each input that cannot be read or is skipped (``ArticleSkipped``: not English) goes to
    ``on_error`` and reading goes on; without ``on_error`` the first one is raised. Warnings
    about articles still read go to ``on_warning``, else to Python's ``warnings``.
    """
    for path in _expand(paths, follow_links):
        if isinstance(path, ArticleError):
            items: Iterable[Article | Problem] = [path]
        elif path != "-" and not Path(path).exists():
            items = [ArticleError(f"{path}: no such file")]
        else:
            items = read_path(path)
        for item in items:
            if isinstance(item, ArticleWarning):
                if on_warning is None:
                    warnings.warn(item, stacklevel=2)
                else:
                    on_warning(item)
            elif isinstance(item, ArticleError):
                if on_error is None:
                    raise item
                on_error(item)
            else:
                yield item
