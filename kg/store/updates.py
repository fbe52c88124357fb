"""SPARQL updates on kg's layout: afterwards, the default graph is still the merge of the
article graphs plus what it holds of its own (``kg.store.layout``), and what an update did to
either shows in the other.

An update reads and writes the default graph that queries read. Operation by operation, in
the same request (one transaction):

- what an operation deletes from the default graph, no article graph states afterwards (a
  ``DELETE`` without ``GRAPH`` deletes a fact whichever articles state it; ``CLEAR DEFAULT``
  empties the articles too);
- what it writes into an article graph joins the default graph;
- what it deletes from an article graph (``DELETE`` in ``GRAPH``, ``DROP GRAPH``, ...) leaves
  the default graph unless another article graph states it; dropping every named graph leaves
  the default graph what it held of its own;
- what it inserts into the default graph is the default graph's own, in no article.

``with_articles`` adds operations around each one of the request: before it, notes in
scratch graphs (which live within the request) of the default graph's triples it deletes, as
its templates and ``WHERE`` clause make them, and of the article graphs it writes with what
they state; after it, the operations that bring the graphs in line, and the scratch graphs
dropped. Each noted triple is a node of its terms, so that the operation itself, which may
match the triples of every graph (``GRAPH ?g``), does not match the notes (unless it matches
every triple of every graph). The engine parses the request as the user wrote it.

>>> print(with_articles("INSERT DATA { <http://e/s> <http://e/p> 1 }"))
<BLANKLINE>
INSERT DATA { <http://e/s> <http://e/p> 1 }
"""

from __future__ import annotations

from urllib.parse import urljoin

from kg.queries import internal_query
from kg.store.base import BASE
from kg.store.layout import is_article
from kg.store.sparqltext import PREFIXES, Token, declarations, split_update, tokens

__all__ = ["with_articles"]

# The scratch graphs: the triples an operation deletes from the default graph, the article
# graphs it writes, and what those state before it.
DELETED, TOUCHED, STATED = (
    f"<urn:x-kg:update:{name}>" for name in ("deleted", "touched", "stated")
)
_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_ARTICLE_FILTER = 'FILTER (STRSTARTS(STR({var}), "https://w3id.org/kgdt/id/article/"))'
# What runs after an operation, in this order (each with the scratch graph it reads).
_FIXES = (
    ("articles-lose-deleted", DELETED),
    ("default-gains-touched", TOUCHED),
    ("articles-follow-default", None),
    ("default-loses-unstated", STATED),
)


def with_articles(sparql: str, base: str = BASE) -> str:
    """The update request ``sparql`` with the operations that keep the default graph and the
    article graphs in line around each of its operations (see the module docstring)."""
    prologue, operations = split_update(sparql)
    if not operations:
        return sparql
    names = {**PREFIXES, **declarations(prologue)}
    parts = []
    for operation in operations:
        before, after = _Operation(operation, names, base).around()
        parts += [*before, operation, *after]
    return f"{prologue}\n" + " ;\n".join(parts)


class _Operation:
    """One operation of an update request, and what to run around it."""

    def __init__(self, text: str, prefixes: dict[str, str], base: str):
        self.text, self.prefixes, self.base = text, prefixes, base
        self.found = tokens(text)
        self.notes: list[str] = []
        self.touched: list[str] = []  # notes of the article graphs written
        self.deletes_articles = False
        self.fixes: set[str] = set()

    def around(self) -> tuple[list[str], list[str]]:
        """The operations to run before and after this one."""
        words = [t.text.upper() for t in self.found[:2] if t.kind == "word"]
        first = words[0] if words else ""
        if words[:2] in (["INSERT", "DATA"], ["DELETE", "DATA"]):
            self._data(first == "DELETE")
        elif first in ("WITH", "INSERT", "DELETE"):
            self._modify()
        elif first in ("CLEAR", "DROP"):
            self._clear()
        elif first in ("ADD", "COPY", "MOVE"):
            self._transfer(first)
        elif first == "LOAD":
            into = next((i for i, t in enumerate(self.found) if t.keyword("INTO")), None)
            if into is not None:
                self._touch(self._graph_at(into + 1)[0], deletes=False)
        before = list(self.notes)
        if self.touched:
            before += self.touched
            self.fixes.add("default-gains-touched")
            if self.deletes_articles:
                before.append(
                    internal_query("update-note-contents", scratch=STATED, touched=TOUCHED)
                )
                self.fixes.add("default-loses-unstated")
        after = [
            internal_query(name, scratch=scratch or "", touched=TOUCHED)
            for name, scratch in _FIXES
            if name in self.fixes
        ]
        used = [g for name, g in _FIXES if g and name in self.fixes]
        return before, after + [f"DROP SILENT GRAPH {g}" for g in used]

    # What an operation names

    def _iri(self, token: Token) -> str | None:
        """The IRI a token names (``None`` for a variable)."""
        if token.kind == "var":
            return None
        if token.kind == "iri":
            return urljoin(self.base, token.text[1:-1])
        prefix, _, local = token.text.partition(":")
        return self.prefixes.get(prefix, f"{prefix}:") + local

    def _graph_at(self, at: int) -> tuple[Token | None, int]:
        """The graph that ``GRAPH <g>``, ``<g>`` or ``DEFAULT`` at token ``at`` names (``None``
        for the default graph), and the index after it."""
        token = self.found[at]
        if token.keyword("DEFAULT"):
            return None, at + 1
        if token.keyword("GRAPH"):
            return self.found[at + 1], at + 2
        return token, at + 1

    def _closing(self, at: int) -> int:
        """The index of the bracket that closes the one at token ``at``."""
        depth = 0
        for i in range(at, len(self.found)):
            token = self.found[i]
            if token.kind == "punct" and token.text in "{([":
                depth += 1
            elif token.kind == "punct" and token.text in "})]":
                depth -= 1
                if depth == 0:
                    return i
        return len(self.found) - 1

    def _blocks(self, start: int, end: int) -> list[tuple[Token | None, int, int]]:
        """The parts of the template or quad data between the braces at tokens ``start`` and
        ``end``: (the graph token of a ``GRAPH`` block, or ``None`` outside one, and the
        indexes of its first and after its last token)."""
        parts: list[tuple[Token | None, int, int]] = []
        i = segment = start + 1
        while i < end:
            if self.found[i].keyword("GRAPH"):
                parts.append((None, segment, i))
                closing = self._closing(i + 2)
                parts.append((self.found[i + 1], i + 3, closing))
                i = segment = closing + 1
            else:
                i += 1
        parts.append((None, segment, end))
        return [(graph, a, b) for graph, a, b in parts if b > a]

    def _triples(self, start: int, end: int) -> list[tuple[str | None, str | None, str]]:
        """The triples that the terms between tokens ``start`` and ``end`` write: subjects,
        predicate lists after ``;`` and object lists after ``,``, as in a DELETE template or
        quad data, which hold no blank nodes."""
        terms, i = [], start
        while i < end:  # a term: one token, or a literal with its language or datatype
            j = i + 1
            if self.found[i].kind == "string" and j < end and self.found[j].text.startswith("@"):
                j += 1
            elif self.found[i].kind == "string" and j < end and self.found[j].text == "^^":
                j += 2
            terms.append(self._text(i, j))
            i = j
        triples, subject, predicate, expect = [], None, None, "subject"
        for term in terms:
            if term == ".":
                expect = "subject"
            elif term == ";":
                expect = "predicate"
            elif term == ",":
                expect = "object"
            elif expect == "subject":
                subject, expect = term, "predicate"
            elif expect == "predicate":
                predicate, expect = term, "object"
            else:
                triples.append((subject, predicate, term))
                expect = "separator"
        return triples

    def _text(self, start: int, end: int) -> str:
        return self.text[self.found[start].start : self.found[end - 1].end]

    # Notes

    def _note_deleted(self, start: int, end: int, dataset: str, where: str | None) -> None:
        """Note the default graph's triples that the terms between tokens ``start`` and
        ``end`` delete (for each solution of ``where``), each a node of its terms."""
        nodes = " ".join(
            f"[] <urn:x-kg:s> {s} ; <urn:x-kg:p> {_RDF_TYPE if p == 'a' else p} ; <urn:x-kg:o> {o} ."
            for s, p, o in self._triples(start, end)
        )
        if not nodes:
            return
        if where is None:
            self.notes.append(internal_query("update-note-data", scratch=DELETED, triples=nodes))
        else:
            self.notes.append(
                internal_query(
                    "update-note", dataset=dataset, scratch=DELETED, triples=nodes, where=where
                )
            )
        self.fixes.add("articles-lose-deleted")

    def _touch(
        self, graph: Token | None, deletes: bool, dataset: str = "", where: str | None = None
    ) -> None:
        """Note that the operation writes the graph ``graph`` if it is an article graph (a
        variable: for each solution of ``where`` that binds it to one)."""
        if graph is None:
            return
        iri = self._iri(graph)
        if iri is not None and not is_article(iri):
            return
        if iri is not None:
            mark = f"<{iri}> <urn:x-kg:touched> true"
            note = internal_query("update-note-data", scratch=TOUCHED, triples=mark)
        else:
            mark = f"{graph.text} <urn:x-kg:touched> true"
            only = _ARTICLE_FILTER.format(var=graph.text)
            assert where is not None  # a graph named by a variable is bound by a WHERE
            where = f"{where.strip()[:-1]} {only} }}"
            note = internal_query(
                "update-note", dataset=dataset, scratch=TOUCHED, triples=mark, where=where
            )
        if note not in self.touched:
            self.touched.append(note)
        self.deletes_articles |= deletes

    # The kinds of operation

    def _data(self, deletes: bool) -> None:
        opening = next(i for i, t in enumerate(self.found) if t.text == "{")
        for graph, start, end in self._blocks(opening, self._closing(opening)):
            if graph is None and deletes:
                self._note_deleted(start, end, "", None)
            self._touch(graph, deletes)

    def _modify(self) -> None:
        found, i = self.found, 0
        target = None  # where the templates' triples outside GRAPH go: WITH's graph, or default
        if found[0].keyword("WITH"):
            target, i = found[1], 2
        parts: list[tuple[bool, list]] = []  # (deletes?, the blocks of a template)
        if found[i].keyword("DELETE") and found[i + 1].keyword("WHERE"):  # DELETE WHERE { }
            closing = self._closing(i + 2)
            parts.append((True, self._blocks(i + 2, closing)))
            dataset, where = "", self._text(i + 2, closing + 1)
        else:
            for keyword, deletes in (("DELETE", True), ("INSERT", False)):
                if i < len(found) and found[i].keyword(keyword):
                    closing = self._closing(i + 1)
                    parts.append((deletes, self._blocks(i + 1, closing)))
                    i = closing + 1
            at = next(j for j in range(i, len(found)) if found[j].keyword("WHERE"))
            dataset = self._text(i, at) + " " if at > i else ""
            where = self.text[found[at + 1].start :]
        if target is not None:
            dataset = f"WITH {target.text} {dataset}"
        for deletes, blocks in parts:
            for graph, start, end in blocks:
                written = graph if graph is not None else target
                if written is None and deletes:
                    self._note_deleted(start, end, dataset, where)
                self._touch(written, deletes, dataset, where)

    def _clear(self) -> None:
        what = self.found[2] if self.found[1].keyword("SILENT") else self.found[1]
        if what.keyword("DEFAULT"):
            self.fixes.add("articles-follow-default")
        elif what.keyword("NAMED"):  # the articles go: so does what they state
            self.notes.append(internal_query("default-loses-articles"))
        elif not what.keyword("ALL"):
            self._touch(self._graph_at(self.found.index(what))[0], deletes=True)

    def _transfer(self, kind: str) -> None:
        source, i = self._graph_at(2 if self.found[1].keyword("SILENT") else 1)
        target, _ = self._graph_at(i + 1)  # after TO
        self._touch(target, deletes=kind != "ADD")
        if target is None and kind != "ADD":  # the default graph replaced
            self.fixes.add("articles-follow-default")
        if kind == "MOVE":
            self._touch(source, deletes=True)
            if source is None:
                self.fixes.add("articles-follow-default")
