"""SPARQL requests as text: tokens, and an update request's prologue and operations.

kg adds operations to a user's update request (so that the article graphs follow it in the
same transaction, ``kg.store.layout``) and a dataset to its operations (``USING``, from the
protocol's ``using-graph-uri``); the engine parses the request, and these only need its
structure: where the prologue ends, where each operation starts and ends (a ``;`` outside any
brackets), and the keywords, IRIs and brackets in each. Strings, IRIs and comments are read as
single tokens, so nothing inside them is taken for structure.

>>> prologue, operations = split_update('PREFIX ex: <http://e/> INSERT DATA { ex:a ex:b "x;y" } ;'
...     ' # a comment; with a semicolon\\n DROP GRAPH <http://e/g> ;')
>>> prologue
'PREFIX ex: <http://e/>'
>>> operations
['INSERT DATA { ex:a ex:b "x;y" }', 'DROP GRAPH <http://e/g>']

``syntax_error`` makes the engine's message on a bad query one readable line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.ontology import NAMESPACES

__all__ = [
    "PREFIXES",
    "Token",
    "declarations",
    "from_clauses",
    "split_update",
    "syntax_error",
    "tokens",
    "with_prefixes",
    "with_using",
]

_TOKEN = re.compile(
    r"""
      (?P<space>\s+|\#[^\n]*)
    | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
                 |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
    | (?P<word>[^\s{}()\[\];,<>"'\#?$^=!&|*/+]+)
    | (?P<punct>\^\^|&&|\|\||[<>!]=|.)
    """,
    re.VERBOSE | re.DOTALL,
)


# kg's prefixes, known to every query and update without a PREFIX line (one there overrides).
PREFIXES = {prefix: str(namespace) for prefix, namespace in NAMESPACES.items()}
_WHERE = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)
# The engine's lists of expected characters, such as ['A' ..= 'Z' | 'a' ..= 'z' | ...].
_CHARACTERS = re.compile(r"\[(?:'(?:[^'\\]|\\.)*'|[^\]'])*\]")


@dataclass(frozen=True)
class Token:
    """A token of SPARQL text: its kind (string, iri, var, word, punct) and where it is."""

    kind: str
    text: str
    start: int
    end: int

    def keyword(self, *words: str) -> bool:
        """Whether the token is one of the keywords ``words`` (any case)."""
        return self.kind == "word" and self.text.upper() in words


def tokens(text: str) -> list[Token]:
    """The tokens of ``text``, without spaces and comments.

    >>> [t.text for t in tokens('SELECT * { ?s <http://e/p> "a # b" } # end')]
    ['SELECT', '*', '{', '?s', '<http://e/p>', '"a # b"', '}']
    """
    found = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind is not None and kind != "space":
            found.append(Token(kind, match[0], match.start(), match.end()))
    return found


def _prologue(found: list[Token]) -> tuple[int, set[str]]:
    """How many of the tokens ``found`` make the prologue, and the prefixes it declares."""
    i, names = 0, set()
    while i < len(found) and found[i].keyword("BASE", "PREFIX"):
        if found[i].keyword("PREFIX") and i + 1 < len(found):
            names.add(found[i + 1].text.removesuffix(":"))
            i += 3
        else:
            i += 2
    return min(i, len(found)), names


def with_prefixes(text: str) -> str:
    """``text`` with a PREFIX line for each of kg's prefixes it does not declare itself, for
    engines that take no default prefixes.

    >>> with_prefixes("PREFIX kgo: <http://mine/> SELECT * { ?s a kgo:X }").count("PREFIX kgo:")
    1
    """
    own = _prologue(tokens(text))[1]
    lines = [f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items() if p not in own]
    return "\n".join([*lines, text])


def from_clauses(text: str) -> tuple[list[str], list[str]]:
    """The graphs a query's ``FROM`` and ``FROM NAMED`` clauses name (prefixed names
    expanded with its own and kg's prefixes).

    >>> from_clauses("PREFIX e: <http://e/> SELECT * FROM e:a FROM <http://e/b> FROM NAMED e:c {}")
    (['http://e/a', 'http://e/b'], ['http://e/c'])
    """
    found = tokens(text)
    start, _ = _prologue(found)
    prefixes = {**PREFIXES, **_declarations(found[:start])}
    default: list[str] = []
    named: list[str] = []
    depth = 0
    for i, token in enumerate(found[start:], start):
        if token.kind == "punct" and token.text in "{([":
            depth += 1
        elif token.kind == "punct" and token.text in "})]":
            depth -= 1
        elif depth == 0 and token.keyword("FROM") and i + 1 < len(found):
            is_named = found[i + 1].keyword("NAMED")
            name = found[i + 2] if is_named and i + 2 < len(found) else found[i + 1]
            (named if is_named else default).append(_iri(name, prefixes))
    return default, named


def declarations(prologue: str) -> dict[str, str]:
    """The prefixes a prologue declares, with their IRIs."""
    return _declarations(tokens(prologue))


def _declarations(prologue: list[Token]) -> dict[str, str]:
    return {
        token.text.removesuffix(":"): iri.text[1:-1]
        for keyword, token, iri in zip(prologue, prologue[1:], prologue[2:], strict=False)
        if keyword.keyword("PREFIX") and iri.kind == "iri"
    }


def _iri(token: Token, prefixes: dict[str, str]) -> str:
    if token.kind == "iri":
        return token.text[1:-1]
    prefix, _, local = token.text.partition(":")
    return prefixes.get(prefix, f"{prefix}:") + local


def with_using(text: str, default: list[str], named: list[str]) -> str:
    """The update request ``text`` with ``USING`` (``default``) and ``USING NAMED`` (``named``)
    clauses added to each of its operations that read a ``WHERE`` clause, as the protocol's
    ``using-graph-uri`` and ``using-named-graph-uri`` ask. ``ValueError`` if an operation names
    its own (``USING`` or ``WITH``).

    >>> with_using("DELETE WHERE { ?s ?p 1 } ; INSERT DATA { <http://e/s> <http://e/p> 2 }",
    ...            ["http://e/g"], [])
    'DELETE { ?s ?p 1 } USING <http://e/g> WHERE { ?s ?p 1 } ;\\nINSERT DATA { <http://e/s> <http://e/p> 2 }'
    """
    if not default and not named:
        return text
    clauses = " ".join([*(f"USING <{g}>" for g in default), *(f"USING NAMED <{g}>" for g in named)])
    prologue, operations = split_update(text)
    rewritten = []
    for operation in operations:
        found = tokens(operation)
        if any(t.keyword("USING", "WITH") for t in _top_level(found)):
            raise ValueError(
                "the update names its dataset (USING or WITH) and so does the request "
                "(using-graph-uri or using-named-graph-uri); give one of them"
            )
        where = next((t for t in _top_level(found) if t.keyword("WHERE")), None)
        if where is None or not found[0].keyword("DELETE", "INSERT", "WITH"):
            rewritten.append(operation)
        elif found[0].keyword("DELETE") and found[1] is where:  # DELETE WHERE { pattern }
            pattern = operation[where.end :].strip()
            rewritten.append(f"DELETE {pattern} {clauses} WHERE {pattern}")
        else:
            rewritten.append(f"{operation[: where.start]}{clauses} {operation[where.start :]}")
    return (f"{prologue}\n" if prologue else "") + " ;\n".join(rewritten)


def _top_level(found: list[Token]) -> list[Token]:
    """The tokens outside any brackets."""
    depth, outside = 0, []
    for token in found:
        if token.kind == "punct" and token.text in "{([":
            depth += 1
        elif token.kind == "punct" and token.text in "})]":
            depth -= 1
        elif depth == 0:
            outside.append(token)
    return outside


def split_update(text: str) -> tuple[str, list[str]]:
    """An update request's prologue (its ``BASE`` and ``PREFIX`` declarations) and its
    operations, each without the ``;`` between them."""
    found = tokens(text)
    i = _prologue(found)[0]
    start = found[i - 1].end if i else 0
    operations, depth, begin, end = [], 0, None, 0
    for token in found[i:]:
        if token.kind == "punct" and token.text in "{([":
            depth += 1
        elif token.kind == "punct" and token.text in "})]":
            depth -= 1
        elif token.text == ";" and depth == 0:
            if begin is not None:
                operations.append(text[begin:end])
            begin = None
            continue
        if begin is None:
            begin = token.start
        end = token.end
    if begin is not None:
        operations.append(text[begin:end])
    return text[:start].strip(), operations


def syntax_error(error: str, text: str) -> str:
    """The engine's message on the bad SPARQL ``text``, in one line: where it stopped (line,
    column and the text just before) and what it expected, without its lists of characters.

    >>> syntax_error("error at 1:23: expected one of Prefix not found, ['%'], ['.']",
    ...              "SELECT * WHERE { kgx:a ?p ?o }")
    'unknown prefix kgx: (line 1, column 23, after "SELECT * WHERE { kgx:a")'
    """
    found = _WHERE.match(error)
    if not found:
        return " ".join(error.split())
    line, column, expected = int(found[1]), int(found[2]), " ".join(found[3].split())
    lines = text.splitlines() or [""]
    before = lines[min(line, len(lines)) - 1][: column - 1].rstrip()
    where = f"line {line}, column {column}, " + (
        f'after "{before[-30:]}"' if before else "at the start of the line"
    )
    if "Prefix not found" in expected:
        prefix = re.search(r"([^\s{}()<>:]*:)[^\s:]*$", before)
        return f"unknown prefix {prefix[1] if prefix else ''} ({where})"
    alternatives = _CHARACTERS.sub("", expected.removeprefix("expected ")).removeprefix("one of ")
    words = [w for w in (a.strip() for a in alternatives.split(", ")) if w]
    if not words:
        return f"unexpected text ({where})"
    shown = ", ".join(words[:8]) + (", ..." if len(words) > 8 else "")
    return f"expected {'one of ' if len(words) > 1 else ''}{shown} ({where})"
