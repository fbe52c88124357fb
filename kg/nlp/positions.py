"""Titles of office attached to the people who hold them, with the country or body they
belong to.

"First Deputy Prime Minister Askar Mamin", "Askar Mamin, First Deputy Prime Minister of
Kazakhstan", "the Kazakh President Kassym-Jomart Tokayev", "The Argentine Foreign Minister,
Santiago Cafiero" and "his Belarusian counterpart Vasily Matyushevsky" (who takes the title of
the person "his" refers to) all give a position.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg.nlp.mentions import Mention, tokens_with
from kg.nlp.relations import STYLED, Resolver
from kg.nlp.titles import SPAN_KEY

__all__ = ["COUNTERPARTS", "Held", "bare_title", "find_positions", "plural_title"]

_OWNER_TYPES = {"Country", "Organization"}
COUNTERPARTS = ("counterpart", "colleague")  # lemmas: "his Turkish colleague X"
_OFFICE_WORDS = {"State", "Government", "Cabinet"}  # "Head of State": part of the title


@dataclass(frozen=True)
class Held:
    """A title held by a person mention, with the mention of the country or body it is of.

    ``title`` is None where only the side is known ("his Belarusian counterpart X");
    ``country`` is the country the title names last, beside a body it is of ("Chairman of
    the Halk Maslahaty of Turkmenistan"); ``former`` marks a title held no more ("former
    President", "ex-Minister").
    """

    person: Mention
    title: str | None
    of: Mention | None
    sentence: Span
    inferred: bool = False
    country: Mention | None = None
    former: bool = False


def _mention_at(resolver: Resolver, i: int) -> Mention | None:
    return resolver.inside.get(i)


_BEFORE_TITLE = {"-", "then", "former", "new", "newly", "recently", "appointed", "elected"}


def _owner(doc: Doc, title: Span, resolver: Resolver) -> Mention | None:
    """The country or organization a title belongs to: named inside its complement, or just
    before it ("Kazakh President", "Kazakhstan's Foreign Minister", "Brazil's then-President"),
    or for "its", the latest one its sentence names before it."""
    for token in title:
        if token.lower_ == "to":
            break
        m = _mention_at(resolver, token.i)
        if m is not None and m.type in _OWNER_TYPES and m.text not in _OFFICE_WORDS:
            return _named_body(m, title, resolver)
    j = title.start - 1
    while j >= 1 and _before_title(doc[j], title, resolver) and doc[j - 1].lower_ != "and":
        j -= 1  # "Brazil's then-President", "Ghana's non-resident High Commissioner"
    if j >= 0 and doc[j].text in {"'s", "’s", "'"}:
        j -= 1
    before = _mention_at(resolver, j)
    if before is not None and before.type in _OWNER_TYPES:
        return before
    if j >= 0 and doc[j].lower_ == "its":  # "the delegation of the Bank headed by its President"
        named = (_mention_at(resolver, i) for i in range(j - 1, doc[j].sent.start - 1, -1))
        return next((m for m in named if m is not None and m.type in _OWNER_TYPES), None)
    if j >= 1 and doc[j].lower_ == "and" and j - 1 in resolver.titles:
        return _owner(doc, resolver.titles[j - 1], resolver)  # "X's Envoy and Minister"
    return None


def _before_title(token: Token, title: Span, resolver: Resolver) -> bool:
    """A word between a title and its owner that says which holder or when ("then", "newly
    appointed", "non-resident"), not an owner itself ("Kazakh"). A dash with spaces ends a
    dateline's source ("BISHKEK, Kabar - President X"): it joins no owner to a title."""
    if token.is_punct and (token.whitespace_ or token.nbor(-1).whitespace_):
        return False
    if token.lower_ in _BEFORE_TITLE:
        return True
    return (
        token.dep_ in {"amod", "advmod", "punct"}
        and token.head.i < title.end
        and token.head.i > token.i
        and _mention_at(resolver, token.i) is None
    )


def _owner_after(person: Mention, title: Span, resolver: Resolver) -> Mention | None:
    """The country named after the name a title introduces ("King Abdullah II of Jordan")."""
    doc, end = title.doc, person.span.end
    if person.span.start < title.end or end + 1 >= len(doc) or doc[end].lower_ != "of":
        return None
    owner = resolver.inside.get(end + 2 if doc[end + 1].lower_ == "the" else end + 1)
    return owner if owner is not None and owner.type == "Country" else None


def _named_country(title: Span, resolver: Resolver) -> Mention | None:
    """The last country a title names before any "to" ("Ambassador of X to Y": X)."""
    found = None
    for token in title:
        if token.lower_ == "to":
            break
        m = _mention_at(resolver, token.i)
        if m is not None and m.type == "Country" and m.entity:
            found = m
    return found


def _named_body(owner: Mention, title: Span, resolver: Resolver) -> Mention:
    """The body whose name, inside the title, holds the country found first ("CEO of the
    Ghana Investment Promotion Centre": the centre, not Ghana)."""
    for i in range(owner.span.end, title.end):
        body = resolver.by_root.get(i)
        if (
            body is not None
            and body.type == "Organization"
            and body.span.start <= owner.span.start
            and body.span.end <= title.end
        ):
            return body
    return owner


def bare_title(title: Span, owner: Mention | None) -> str:
    """The title without a trailing ``of <owner>``: "Prime Minister of Belarus" -> "Prime
    Minister"; "Minister of Foreign Affairs" stays whole; "Chief Executive Officer (CEO) of
    the Agency" -> "Chief Executive Officer"."""
    if owner is not None and title.start <= owner.span.start and owner.span.end == title.end:
        cut = owner.span.start
        while cut > title.start and title.doc[cut - 1].lower_ in {"of", "the", "republic"}:
            cut -= 1
        if cut - 3 > title.start and title.doc[cut - 3].text == "(":
            cut -= 3
        if cut > title.start:
            return title.doc[title.start : cut].text
    return title.text


def plural_title(title: Span) -> bool:
    """ "Prime Ministers" (which the tagger may take for a name), not "Minister"."""
    head = title.root.text
    return head.endswith("s") and not head.endswith("ss")


def _respectively(title: Span, person: Mention, resolver: Resolver) -> list[Held]:
    """ "The Prime Ministers of Armenia and Georgia, Nikol Pashinyan and Irakli
    Garibashvili": as many people as countries, each the holder of the title of the country
    named in the same place."""
    if not plural_title(title):
        return []
    countries = []
    for token in title:
        m = _mention_at(resolver, token.i)
        if m is not None and m.type == "Country" and m not in countries:
            countries.append(m)
    people = [
        m
        for t in (person.root, *person.root.conjuncts)
        if t.i >= person.span.start
        and (m := resolver.mention(t)) is not None
        and m.type == "Person"
    ]
    if len(countries) < 2 or len(people) != len(countries):
        return []
    end = min(c.span.start for c in countries)
    while end > title.start and title.doc[end - 1].lower_ in {"of", "the"}:
        end -= 1
    words = [t.text for t in title.doc[title.start : end]]
    if not words or not words[-1].endswith("s"):
        return []
    words[-1] = words[-1][:-1]  # "Prime Ministers" -> "Prime Minister"
    return [
        Held(p, " ".join(words), c, title.sent, country=c)
        for p, c in zip(people, countries, strict=True)
    ]


def _counterparts(doc: Doc, resolver: Resolver, held: list[Held]) -> list[Held]:
    """``his Belarusian counterpart X`` (or colleague): X holds the title of the person "his"
    refers to."""
    found = []
    for token in tokens_with(doc, "LEMMA", COUNTERPARTS):
        person = None
        for i in (token.i + 1, token.i + 2):
            m = _mention_at(resolver, i)
            if m is not None and m.type == "Person":
                person = m
                break
        if person is None:
            person = resolver.mention(token.head) if token.dep_ == "appos" else None
        if person is None or person.type != "Person":
            continue
        owner = next(
            (
                m
                for c in token.lefts
                if (m := _mention_at(resolver, c.i)) is not None and m.type in _OWNER_TYPES
            ),
            None,
        )
        possessor = next((c for c in token.lefts if c.dep_ == "poss"), None)
        other = resolver.mention(possessor) if possessor is not None else None
        titles = [h.title for h in held if other is not None and h.person.entity == other.entity]
        if titles or owner is not None:
            found.append(Held(person, titles[0] if titles else None, owner, token.sent, True))
    return found


def find_positions(doc: Doc, resolver: Resolver) -> list[Held]:
    """Every (person, title, owner) the article states."""
    held = []
    for title in doc.spans.get(SPAN_KEY, []):
        person = resolver.holder(title)
        if person is None or title.text in STYLED:
            continue  # "Sheikh Hasina": a style of address, no office
        each = _respectively(title, person, resolver)
        if each or plural_title(title):
            held += each  # "the Presidents of A and B": no one's title but each one's
            continue
        owner = _owner(doc, title, resolver) or _owner_after(person, title, resolver)
        country = _named_country(title, resolver)
        held.append(
            Held(
                person,
                bare_title(title, owner),
                owner,
                title.sent,
                country=country,
                former=_former(title),
            )
        )
    return held + _counterparts(doc, resolver, held)


def _former(title: Span) -> bool:
    """A title said to be held no more: "former President", "ex-Minister"."""
    before = title.doc[max(title.start - 2, title.sent.start) : title.start]
    return any(t.lower_ in {"former", "ex"} for t in before)
