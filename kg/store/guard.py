"""What a SPARQL text may ask of the engine, judged before the engine parses it.

Two dangers, judged on the query's tokens as SPARQL reads them (strings, IRIs, comments,
prefixed names and variables, in any case), never on substrings:

- **Shape.** Oxigraph's parser and evaluator recurse on a query's structure: about 2,200
  nested groups, 900 nested function calls, 2,500 BINDs or 10,000 ``||`` in a row overflow
  the stack and kill the process (SIGSEGV). ``check_shape`` refuses over ``MAX_DEPTH``
  nested brackets, or over ``MAX_CHAIN`` operators, clauses or list items in one bracket:
  far from any real query, and far from a crash.
- **Reach.** ``SERVICE`` makes the engine send a query to a URL and ``LOAD`` fetch one: a
  server would make requests to its own ports and its network on a stranger's behalf.
  ``check_reach`` refuses both unless the URL's host is allowed.

``isolate_network`` cuts a query worker off the network, where the system allows it.

>>> check_reach("SELECT * WHERE { ?s ?p 'SERVICE <http://x/>' } # LOAD <http://x/>")
>>> check_reach("select * { service <http://10.0.0.1/> { ?s ?p ?o } }")
Traceback (most recent call last):
...
kg.errors.QueryRefused: SERVICE <http://10.0.0.1/> is refused: this server sends no requests to other hosts on a query's behalf (start it with --allow-service HOST to allow one)
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from kg.errors import QueryError, QueryRefused

__all__ = [
    "MAX_CHAIN",
    "MAX_DEPTH",
    "check_reach",
    "check_shape",
    "isolate_network",
    "read",
]

MAX_DEPTH = 128
MAX_CHAIN = 1000

# The terminals of the SPARQL 1.1 (and 1.2) grammar that can hide text from a reader:
# strings, IRIs, comments, and prefixed names (whose escapes include ' and #).
_BASE = r"[^\W\d_]"
_CHARS = r"[\w\-\u00b7\u0300-\u036f\u203f\u2040]"
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
_PREFIX = rf"{_BASE}(?:(?:{_CHARS}|\.)*{_CHARS})?"
_LOCAL = rf"(?:[^\W]|:|{_PLX})(?:(?:{_CHARS}|[.:]|{_PLX})*(?:{_CHARS}|:|{_PLX}))?"
_TOKEN = re.compile(
    r"""
    (?P<space>\s+|\#[^\n\r]*)
    |(?P<string>'''(?:(?:'|'')?(?:[^'\\]|\\.))*'''|\"\"\"(?:(?:"|"")?(?:[^"\\]|\\.))*\"\"\"
        |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
    |(?P<quote>['"])
    |(?P<bnode>_:[\w\u00b7\u0300-\u036f\u203f\u2040.\-]*)
    |(?P<pname>(?:"""
    + _PREFIX
    + r")?:(?:"
    + _LOCAL
    + r""")?)
    |(?P<var>[?$][\w\u00b7\u0300-\u036f\u203f\u2040]+)
    |(?P<word>[A-Za-z_][A-Za-z0-9_]*)
    |(?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*(?:--[A-Za-z]+)?)
    |(?P<number>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)
    |(?P<open>[{(\[])
    |(?P<close>[})\]])
    |(?P<punct>[.;,])
    |(?P<op>\|\||&&|!=|<=|>=|\^\^|>>|<<|[=<>!+\-*/^|?~]|.)
    """,
    re.VERBOSE | re.DOTALL,
)
_IRI = re.compile(r"<([^<>\"{}|^`\\\x00-\x20]*)>")
_OPERAND = {"iri", "pname", "var", "string", "number", "lang", "bnode"}
_LITERAL_WORDS = {"a", "true", "false", "undef"}  # words that are terms, not keywords
_CLAUSES = {"bind", "filter", "optional", "union", "minus", "graph", "service", "lateral"}
_CLAUSES |= {"as", "exists", "values"}
_MODES = {
    "select": "projection",
    "group": "modifier",
    "order": "modifier",
    "having": "modifier",
    "limit": "modifier",
    "offset": "modifier",
}
_FETCHES = {"service", "load"}


@dataclass
class Token:
    kind: str  # iri, pname, var, string, number, lang, bnode, word, open, close, punct, op
    text: str
    at: int


@dataclass
class _Frame:
    bracket: str  # "", "{", "(", "[", "<<"
    expression: bool = False  # a parenthesis holding an expression, not a list of terms
    mode: str = "pattern"  # of a group: pattern, projection (SELECT) or modifier (ORDER BY)
    data: bool = False  # a VALUES block: rows of terms, however many
    chain: int = 0


@dataclass
class Reading:
    """What ``read`` found: the deepest nesting, the longest chain in one bracket, the
    prefixes and base the query declares, and its SERVICE and LOAD clauses (the keyword
    and the tokens after it)."""

    depth: int = 0
    chain: int = 0
    prefixes: dict[str, str] = field(default_factory=dict)
    bases: list[str] = field(default_factory=list)
    fetches: list[tuple[Token, list[Token]]] = field(default_factory=list)


def _line(text: str, at: int) -> str:
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    return f"line {line}, column {column}"


class _Reader:
    """Reads tokens one by one, keeping the brackets open around them.

    ``<`` is read as SPARQL's grammar reads it: an IRI where a term may come, the
    less-than operator right after an operand inside an expression.
    """

    def __init__(self, sparql: str):
        self.sparql = sparql
        self.frames = [_Frame("")]
        self.before: list[Token] = []  # the last two tokens
        self.values = ""  # where a VALUES clause is: "", "keyword", "variables", "rows"
        self.depth = self.chain = 0

    def __iter__(self) -> Iterator[Token]:
        sparql, at, end = self.sparql, 0, len(self.sparql)
        while at < end:
            frame, before = self.frames[-1], self.before
            after_operand = frame.expression and bool(before) and _ends_operand(before[-1])
            iri = _IRI.match(sparql, at) if sparql[at] == "<" and not after_operand else None
            if iri:
                token = Token("iri", iri[1], at)
                at = iri.end()
            else:
                match = _TOKEN.match(sparql, at)
                assert match is not None and match.lastgroup is not None
                kind, text = match.lastgroup, match.group()
                if kind == "quote":
                    raise QueryError(
                        f"bad SPARQL: a string that does not end ({_line(sparql, at)})"
                    )
                if kind == "op" and text == "<<" and after_operand:
                    text = "<"  # less than, then an IRI or a triple term
                token = Token(kind, text, at)
                at += len(text)
                if kind == "space":
                    continue
            self._enter(token)
            yield token
            self.before = [*before[-1:], token]

    def _enter(self, token: Token) -> None:
        """Open and close brackets, and change a group's mode, as ``token`` says."""
        frame = self.frames[-1]
        kind, text = token.kind, token.text
        word = text.lower() if kind == "word" else None
        values, self.values = self.values, ""
        if word == "values":
            self.values = "keyword"
        elif values == "keyword" and kind == "var":
            self.values = "rows"
        elif values == "keyword" and text == "(":
            self.values = "variables"
        elif values == "variables":
            self.values = "rows" if text == ")" else "variables"
        if kind == "open" or text == "<<":
            if text == "(":
                child = _Frame("(", expression=self._expression())
            else:
                child = _Frame(text, data=text == "{" and values == "rows")
            self._count(frame)
            self.frames.append(child)
            self.depth = max(self.depth, len(self.frames) - 1)
        elif (kind == "close" or text == ">>") and len(self.frames) > 1:
            if text != ">>" or frame.bracket == "<<":
                self.frames.pop()
        elif frame.bracket in ("", "{") and word in _MODES:
            frame.mode = _MODES[word]
        elif frame.bracket == "" and text == ";":
            frame.mode, frame.chain = "pattern", 0  # the next operation of an update
        elif kind == "op" or word in _CLAUSES or (frame.bracket == "(" and not frame.expression):
            self._count(frame)

    def _count(self, frame: _Frame) -> None:
        if not frame.data:
            frame.chain += 1
            self.chain = max(self.chain, frame.chain)

    def _expression(self) -> bool:
        """Whether a ``(`` opens an expression (FILTER, BIND, a function's arguments,
        SELECT's projections, ORDER BY's conditions) rather than a list of terms (a
        collection, a property path, a row of VALUES)."""
        frame, before = self.frames[-1], self.before
        if frame.expression or (frame.bracket in ("", "{") and frame.mode != "pattern"):
            return True
        if frame.bracket == "<<" or not before:
            return False
        last = before[-1]
        if last.kind == "word":
            return last.text.lower() not in _LITERAL_WORDS
        if last.kind in ("iri", "pname") and len(before) > 1:
            return before[-2].kind == "word" and before[-2].text.lower() == "filter"
        return False


def _ends_operand(token: Token) -> bool:
    if token.kind in _OPERAND:
        return True
    if token.kind == "word":
        return token.text.lower() in ("true", "false")
    return token.kind == "close" and token.text in ")]"


def read(sparql: str) -> Reading:
    """Read a SPARQL query or update: its shape, declarations, SERVICE and LOAD clauses."""
    reading = Reading()
    reader = _Reader(sparql)
    declaration: list[Token] = []  # a PREFIX or BASE being read
    fetch: list[Token] = []
    for token in reader:
        word = token.text.lower() if token.kind == "word" else None
        if len(fetch) < 3:
            fetch.append(token)
        if word in _FETCHES:
            fetch = []
            reading.fetches.append((token, fetch))
        if word in ("prefix", "base"):
            declaration = [token]
            continue
        if not declaration:
            continue
        declaration.append(token)
        if declaration[0].text.lower() == "base" and token.kind == "iri":
            reading.bases.append(token.text)
        elif len(declaration) == 3 and declaration[1].kind == "pname" and token.kind == "iri":
            reading.prefixes[declaration[1].text[:-1]] = token.text
        elif len(declaration) < 3:
            continue
        declaration = []
    reading.depth, reading.chain = reader.depth, reader.chain
    return reading


def check_shape(sparql: str) -> Reading:
    """``QueryError`` (one line) when ``sparql`` nests too deep or chains too long for the
    engine to parse and run it without crashing; else what ``read`` found."""
    reading = read(sparql)
    if reading.depth > MAX_DEPTH:
        raise QueryError(
            f"the query nests brackets {reading.depth:,} deep; kg refuses more than "
            f"{MAX_DEPTH} levels (deeper would crash the query engine)"
        )
    if reading.chain > MAX_CHAIN:
        raise QueryError(
            f"the query chains {reading.chain:,} operators, clauses or items in one bracket; "
            f"kg refuses more than {MAX_CHAIN:,} (more would crash the query engine)"
        )
    return reading


def check_reach(
    sparql: str,
    allowed: frozenset[str] = frozenset(),
    base: str | None = None,
    prefixes: Mapping[str, str] | None = None,
) -> None:
    """``QueryRefused`` unless every SERVICE and LOAD of ``sparql`` names, as an IRI or a
    prefixed name, an http(s) URL whose host (``host`` or ``host:port``) is ``allowed``;
    ``QueryError`` for a query shaped to crash the engine (``check_shape``). ``base`` and
    ``prefixes`` are those the engine resolves the query with besides its own."""
    reading = check_shape(sparql)
    known = {**(prefixes or {}), **reading.prefixes}
    for keyword, after in reading.fetches:
        name = keyword.text.upper()
        words = [t for t in after if not (t.kind == "word" and t.text.lower() == "silent")]
        target = words[0] if words else None
        url = _url(target, known, reading.bases[-1] if reading.bases else base)
        shown = f"{name} {_shown(target)}"
        if url is None:
            raise QueryRefused(
                f"{shown} is refused: an endpoint must be written as an IRI whose host is "
                f"allowed with --allow-service HOST"
            )
        if not _allowed(url, allowed):
            raise QueryRefused(
                f"{shown} is refused: this server sends no requests to other hosts on a "
                f"query's behalf (start it with --allow-service HOST to allow one)"
                if not allowed
                else f"{shown} is refused: its host is not one of --allow-service "
                f"{' '.join(sorted(allowed))}"
            )


def _shown(token: Token | None) -> str:
    if token is None:
        return "(no endpoint)"
    return f"<{token.text}>" if token.kind == "iri" else token.text[:200]


def _url(token: Token | None, prefixes: Mapping[str, str], base: str | None) -> str | None:
    """The URL a SERVICE or LOAD token names, or ``None`` (a variable, an unknown prefix)."""
    if token is None:
        return None
    if token.kind == "iri":
        iri = token.text
    elif token.kind == "pname":
        prefix, _, local = token.text.partition(":")
        if prefix not in prefixes:
            return None
        iri = prefixes[prefix] + re.sub(r"\\(.)", r"\1", local)
    else:
        return None
    return urljoin(base, iri) if base else iri


def _allowed(url: str, allowed: frozenset[str]) -> bool:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return False
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return False
    host = parts.hostname.lower()
    default = {"http": 80, "https": 443}[parts.scheme]
    names = {host, f"{host}:{port or default}"} if port in (None, default) else {f"{host}:{port}"}
    return any(name in {a.lower() for a in allowed} for name in names)


_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000


def isolate_network() -> bool:
    """Move this process into a network namespace of its own, whose only interface (the
    loopback) is down, so nothing it runs can open a connection; ``False`` where the system
    does not allow it (not Linux, user namespaces disabled, a process with threads)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return False
    uid, gid = os.getuid(), os.getgid()
    if libc.unshare(_CLONE_NEWUSER | _CLONE_NEWNET) == 0:
        try:  # keep the user's own ids, so its files stay its own
            for name, text in (
                ("setgroups", "deny"),
                ("uid_map", f"{uid} {uid} 1"),
                ("gid_map", f"{gid} {gid} 1"),
            ):
                with open(f"/proc/self/{name}", "w") as mapping:
                    mapping.write(text)
        except OSError:
            pass
        return True
    return libc.unshare(_CLONE_NEWNET) == 0
