"""``kg_gazetteer``: a spaCy component that types entities right for the domain.

It runs after the statistical recognizer and, from the bundled knowledge base and the word
lists in ``data/gazetteer``:

- adds the countries, demonyms, places, international organizations (also groupings such as
  BRICS and the G20) and known politicians the model missed;
- retypes what the model got wrong: a city tagged ORG becomes GPE, a commission tagged FAC
  becomes ORG, a demonym tagged PERSON becomes NORP, an ORG after "in" becomes GPE, and so
  does a PERSON someone travelled to ("flew to Bodh Gaya");
- splits a person's name off the body or title it was run into ("Cabinet of Ministers of
  Kyrgyzstan Akylbek Japarov", "Presidential Administration Sardor Umurzakov") and tags the
  name that follows a title or a country ("Prime Minister of Belarus Roman Golovchenko", "the
  Prime Minister of Mongolia, Ukhnaa Khurelsukh");
- tags companies' names by their legal form ("Erdenes Mongol LLC", "Uzbek Railways JSC"),
  without an owner before them ("Mongolia's");
- tags names written with joined initials, as Mongolian and Russian outlets write them
  ("U.Khurelsukh", "L.Oyun-Erdene", "Batbold.Ts"), and a name coordinated with a person's
  ("between Mamuka Bakhtadze and Nikola Pashinian");
- splits a known city off a building or a body named "in" it ("the Great Hall of the People
  in Beijing");
- trims a leading "the" and headline verbs ("Meeting Emmanuel Macron");
- drops the phrases a title-case headline alone gives, which the knowledge base does not
  know and the text does not repeat ("Turkmenistan Names New Co-Chairman").
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Callable, Collection, Iterable, Iterator
from functools import cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kg.cache import compiled, digest
from kg.kb import KBEntry, KnowledgeBase
from kg.nlp.paragraphs import in_headline
from kg.resources import data_path

__all__ = [
    "GazetteerComponent",
    "country_aliases",
    "country_named",
    "demonym",
    "field_words",
    "heads",
    "honour",
    "portfolio_word",
    "topics",
    "word_list",
]

NAME_LABELS = {"GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"}
_WORKS = {"PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"}  # labels a place is mistaken for
_WHERE = {"in", "to", "from", "at"}  # words before where something is or goes
_TIMES = {"DATE", "TIME"}  # a one-word place's name before a date may be taken into it
_CALENDAR = {*(m.lower() for m in calendar.month_name[1:]), *(d.lower() for d in calendar.day_name)}
_TRAILING_WORDS = {"of", "the", "and", "for", "in", "on", "to", "a", "an"}
_TRAILING_WORDS |= {".", ",", ";", ":"}  # "the Great Hall of the People." ending a sentence
_KB_LABELS = {"Country": "GPE", "Place": "GPE", "Organization": "ORG", "Person": "PERSON"}
_NAME_PREFIX_STOP = {"DET", "PRON", "ADP", "CCONJ", "SCONJ", "PUNCT", "VERB", "AUX", "NUM"}


@cache
def heads(kind: str) -> dict[str, str]:
    """``data/gazetteer/<kind>_heads.tsv``: head lemma -> ontology class."""
    rows = data_path("gazetteer", f"{kind}_heads.tsv").read_text(encoding="utf-8").splitlines()
    return {
        parts[0]: parts[1]
        for line in rows
        if line.strip() and not line.startswith("#")
        for parts in [line.split("\t")]
    }


def agreement_class(word: str) -> str | None:
    """The class of agreement a head word names, singular or plural ("Agreements",
    "Treaties"); None for no agreement word."""
    word = word.lower()
    agreements = heads("agreement")
    singular = word[:-3] + "y" if word.endswith("ies") else word.removesuffix("s")
    return agreements.get(word) or agreements.get(singular)


@cache
def word_list(name: str) -> frozenset[str]:
    """The lines of ``data/gazetteer/<name>.txt`` without comments and blanks."""
    lines = data_path("gazetteer", f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(s for line in lines if (s := line.split("#", 1)[0].strip()))


@cache
def country_aliases() -> dict[str, KBEntry]:
    """``data/gazetteer/country_aliases.tsv``: abbreviations ("U.S.", "UAE") -> country."""
    kb = KnowledgeBase.load()
    table = {}
    for line in (
        data_path("gazetteer", "country_aliases.tsv").read_text(encoding="utf-8").splitlines()
    ):
        if line.strip() and not line.startswith("#"):
            alias, label = line.split("\t")
            table[alias] = kb.lookup(label, ("Country",))[0]
    return table


@cache
def _extra_demonyms() -> dict[str, KBEntry]:
    kb = KnowledgeBase.load()
    rows = data_path("gazetteer", "demonyms.tsv").read_text(encoding="utf-8").splitlines()
    return {
        word: kb.lookup(label, ("Country",))[0]
        for row in rows
        if row.strip() and not row.startswith("#")
        for word, label in [row.split("\t")]
    }


@cache
def topics() -> dict[str, tuple[str, tuple[str, ...]]]:
    """``data/topics.tsv``: topic id -> (label, keywords)."""
    rows = data_path("topics.tsv").read_text(encoding="utf-8").splitlines()
    table = [r.split("\t") for r in rows if r.strip() and not r.startswith("#")][1:]
    return {r[0]: (r[1], tuple(k.strip().lower() for k in r[2].split("|"))) for r in table}


# Words that name fields of cooperation with the topics' keywords (``data/topics.tsv``).
_FIELD_WORDS = {"cooperation", "bilateral", "technical", "information", "economic", "economy"}
_FIELD_WORDS |= {"prosperity", "transformation", "development", "civilian", "capacity"}
_FIELD_WORDS |= {"building", "clean", "critical", "minerals", "fisheries", "blue", "maritime"}


@cache
def field_words() -> frozenset[str]:
    """Words of fields of cooperation and of ministers' portfolios ("energy", "investment")."""
    keywords = {k for _, words in topics().values() for k in words if " " not in k}
    return frozenset(keywords | _FIELD_WORDS)


def demonym(word: str) -> KBEntry | None:
    """The country a demonym or adjective names ("Kazakh", "Tajik", "Belarusian")."""
    return KnowledgeBase.load().demonym(word) or _extra_demonyms().get(word)


# "Amarbayar.Ts", "Davaasuren.Ts": a surname with the initial of the father's name after it,
# as Mongolian outlets write names (not two sentences run together: "in Astana.He said");
# "A.V.Novak": a surname after joined initials, as Mongolian and Russian outlets write them.
SURNAME_INITIAL = re.compile(r"[A-Z][a-z]{2,}\.(?:[A-Z]|Ts|Ch|Sh|Kh|Zh|Ya|Yu|Ye|Yo)")
JOINED_INITIALS = re.compile(
    r"(?:[A-Z]\.){1,3}[A-Z][a-z]+(?:-[A-Z][a-z]+)?|" + SURNAME_INITIAL.pattern
)
# A form of state before a country's name; not with a qualifier, which may make it another
# country's ("the Democratic Republic of Congo" is not the Republic of the Congo).
_STATE_FORM = re.compile(r"(?:the )?(?:Republic|Kingdom|State|Sultanate|Principality) of (?:the )?")


def country_named(text: str) -> KBEntry | None:
    """The country a name stands for: a knowledge-base name or a common abbreviation, also
    after a form of state the knowledge base does not name it with ("the Republic of Togo":
    Togo; "the Republic of Tatarstan" is no country)."""
    kb = KnowledgeBase.load()
    found = kb.lookup(text, ("Country",)) or (
        kb.lookup(text[m.end() :], ("Country",)) if (m := _STATE_FORM.match(text)) else []
    )
    return found[0] if found else country_aliases().get(text)


def _phrases(nlp: Language, by_label: dict[str, set[str]]) -> dict[str, list[tuple[int, ...]]]:
    """Each label's names as the ``ORTH`` ids of their tokens, as the matcher takes them.

    Tokenizing the knowledge base's names takes longer than loading the model, so they are
    compiled once for each tokenizer and set of names (``kg.cache``).
    """
    names = {label: sorted(found) for label, found in by_label.items()}
    tokenizer: Any = nlp.tokenizer  # a spaCy Tokenizer, which its stubs type as a function
    key = digest(spacy.__version__, tokenizer.to_bytes(exclude=["vocab"]), json.dumps(names))
    return compiled(
        "gazetteer",
        key,
        lambda: {
            label: [tuple(t.orth for t in doc) for doc in tokenizer.pipe(found)]
            for label, found in names.items()
        },
    )


def _variants(name: str) -> Iterable[str]:
    """A name as written, in capitals, and with the other apostrophe ("Côte d’Ivoire")."""
    for form in dict.fromkeys([name, name.replace("'", "’"), name.replace("’", "'")]):
        yield form
        if len(form) > 3 and not form.isupper():
            yield form.upper()


_UNCHECKED = {"ORG", "FAC", "LOC", "PERSON", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}


def _overlapping(span: Span, others: list[Span]) -> bool:
    return any(span.start < o.end and o.start < span.end for o in others)


def _relabel(span: Span, label: str) -> Span:
    return Span(span.doc, span.start, span.end, label=label)


class GazetteerComponent:
    """Adds, retypes and splits entities (see the module docstring)."""

    def __init__(self, nlp: Language, name: str = "kg_gazetteer"):
        self.name = name
        self.kb = KnowledgeBase.load()
        self.not_places = word_list("not_places")
        self.org_heads = word_list("org_heads")
        self.place_heads = word_list("place_heads")
        self.titles = word_list("titles")
        self.title_words = {w for t in self.titles for w in t.split()} | word_list(
            "title_modifiers"
        )
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        by_label: dict[str, set[str]] = {"GPE": set(), "ORG": set(), "NORP": set(), "PERSON": set()}
        for entry in self.kb.entries():
            if entry.type == "Place" and entry.cls == "Region":
                continue  # region names need their "region"/"oblast" to be told from cities
            for name in entry.names:
                if self._usable(name, entry):
                    by_label[_KB_LABELS[entry.type]].update(
                        _variants(name) if entry.type != "Person" else (name,)
                    )
            for word in entry.demonyms:
                by_label["NORP"].update(_variants(word))
        by_label["GPE"].update(v for alias in country_aliases() for v in _variants(alias))
        by_label["ORG"].update(word_list("news_agencies") | word_list("groupings"))
        by_label["NORP"].update(_extra_demonyms())
        for label, phrases in _phrases(nlp, by_label).items():
            # spaCy's PhraseMatcher takes token ids as well as Docs; its stubs name Docs only
            self.matcher.add(label, phrases)  # type: ignore[arg-type]

    def _usable(self, name: str, entry: KBEntry) -> bool:
        if len(name) < 3 or not name[0].isupper() or name in self.not_places:
            return False
        if entry.type == "Country" and len(name) == 3 and name.isupper():
            return False  # ISO codes: "AND", "PAN" in headlines are words, not countries
        if entry.type == "Person":
            return len(name.split()) > 1
        return entry.type == "Country" or len(name) > 3 or name.isupper()

    def __call__(self, doc: Doc) -> Doc:
        matches = [Span(doc, s, e, label=label) for label, s, e in self.matcher(doc)]
        people = [m for m in matches if m.label_ == "PERSON"]
        ents = [
            piece
            for ent in self._given_names_back(list(doc.ents))
            for part in _outside(ent, people)
            for piece in self._fix(part)
            if piece is not None
        ] + people
        initialed = list(_initialed_names(doc))
        ents = [piece for e in ents for piece in _outside(e, initialed)]
        ents += initialed
        in_people = {i for e in ents if e.label_ == "PERSON" for i in range(e.start, e.end)}
        in_bodies = {
            i
            for e in ents
            if e.label_ == "ORG" and not self._looks_like_name(e)
            for i in range(e.start, e.end)
        }
        said = {t.text for e in ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
        named = {
            e[k:].text for e in ents if e.label_ == "PERSON" and len(e) > 1 for k in range(len(e))
        }
        ents = [part for ent in ents for part in _known_people(ent, named)]
        ents = _joined(
            [self._coordinated(ent, in_people, in_bodies, said, named) for ent in ents],
            lambda a, b: (
                ("PERSON" if _patronym(a, b) or self._surnames(a, b) else None)
                or ("ORG" if self._name_goes_on(a, b) else None)
                or ("PERSON" if self._given_name_before(a, b) else None)
            ),
        )
        places = [m for m in matches if m.label_ in {"GPE", "NORP"}]
        ents.extend(self._names_after_titles(doc, ents, places))
        ents = _joined(  # "Chief Executive Officer Dorcas" + "Nyaboke Omwenga"
            ents,
            lambda a, b: (
                "PERSON"
                if a.start
                and doc[a.start - 1].text in self.title_words
                and self._given_name_before(a, b)
                else None
            ),
        )
        ents = self._told_beyond_headlines(doc, ents)
        companies = list(_companies(doc))
        ents = [e for e in ents if not _overlapping(e, companies)] + companies
        known = [m for m in matches if m.label_ != "PERSON" and len(m) > 1]
        ents = [e for e in ents if e.label_ not in _WORKS or not _overlapping(e, known)]
        taken = {i for ent in ents for i in range(ent.start, ent.end)}
        for match in matches:
            # A known name of several words may correct the recognizer's boundaries
            # ("Organization of" + "Turkic States"); a one-word name only fills a gap.
            free = not any(i in taken for i in range(match.start, match.end))
            if match.label_ != "PERSON" and (free or len(match) > 1):
                ents.append(match)
        ents += [t for t in self._short_cities(doc) if t.start not in taken]
        doc.ents = filter_spans(ents)
        return doc

    def _short_cities(self, doc: Doc) -> Iterator[Span]:
        """Cities of three letters, too short to be matched anywhere, where something is or
        goes ("in Osh", "to Ufa")."""
        for token in doc[1:]:
            if (
                len(token) == 3
                and token.is_title
                and doc[token.i - 1].lower_ in _WHERE
                and any(e.cls == "City" for e in self.kb.lookup(token.text, ("Place",)))
            ):
                yield Span(doc, token.i, token.i + 1, label="GPE")

    def _told_beyond_headlines(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """Without the names only a title-case headline gives that the knowledge base does not
        know and the text does not repeat: there every word is capitalized, and the recognizer
        takes phrases for names ("US Launches New Chapter", "Its Two Intergovernmental
        Structures"); a person's stays if the text names him again ("Pashinyan")."""
        headlines = {s.start for s in doc.sents if in_headline(s)}
        if not headlines:
            return ents
        body = " ".join(s.text for s in doc.sents if s.start not in headlines)

        def kept(ent: Span) -> bool:
            if ent.label_ not in _UNCHECKED or ent.sent.start not in headlines:
                return True
            said = ent[-1].text if ent.label_ == "PERSON" else ent.text
            again = re.search(rf"\b{re.escape(said)}\b", body) is not None
            return again or bool(self.kb.lookup(ent.text))

        return [e for e in ents if kept(e)]

    def _fix(self, ent: Span) -> Iterator[Span | None]:
        """The entity retyped, trimmed or split into a body and a person's name."""
        portfolio = ent.label_ == "ORG" and all(
            portfolio_word(t) or (t.lower_ in {"and", ","} and 0 < t.i - ent.start < len(ent) - 1)
            for t in ent
        )
        if portfolio and self._portfolio_ends(ent.doc, ent.end):
            yield None  # "Undersecretary for International Economic Relations": no body
            return
        if ent.label_ not in NAME_LABELS:
            if len(ent) == 1 and demonym(ent.text):
                yield _relabel(ent, "NORP")  # "his Lao counterpart": a PRODUCT to the recognizer
                return
            if len(ent) > 1 and demonym(ent[0].text) and ent[1:].text in self.titles:
                yield _relabel(ent[:1], "NORP")  # "Georgian PM visits ...": a WORK_OF_ART
                return
            mistaken = ent.label_ in _WORKS or (
                ent.label_ in _TIMES and len(ent) == 1 and ent[0].lower_ not in _CALENDAR
            )
            places = self.kb.lookup(ent.text, ("Country", "Place")) if mistaken else []
            # "arrived in Montevideo" a PRODUCT, or a DATE before "on Monday evening"
            yield _relabel(ent, "GPE") if places else ent
            return
        doc = ent.doc
        start = ent.start
        if ent.label_ == "NORP" and len(ent) > 1 and demonym(ent[-1].text):
            places = self.kb.lookup(ent[:-1].text, ("Place", "Country"))
            if any(p.cls in {"City", "Country"} for p in places):  # "in Algiers Mauritanian"
                yield Span(doc, ent.start, ent.end - 1, label="GPE")
                yield Span(doc, ent.end - 1, ent.end, label="NORP")
                return
        if (
            ent.label_ == "PERSON"
            and len(ent) > 2
            and doc[start + 1].text in self.title_words
            and demonym(doc[start].text)
        ):  # "Ghanaian Chairperson Kofi Mensah": a country's, its title, a name
            yield Span(doc, start, start + 1, label="NORP")
            start += 1
        while start < ent.end - 1 and (
            doc[start].lower_ == "the"
            or (
                ent.label_ == "PERSON"
                and (doc[start].tag_ == "VBG" or doc[start].text in self.title_words)
            )
        ):
            start += 1
        if ent.label_ != "PERSON" and doc[start].text in self.title_words:
            of = next((t.i for t in doc[start : ent.end] if t.lower_ == "of"), None)
            if of is not None and of + 1 < ent.end and self._title_of(doc[start:of]):
                start = of + 2 if doc[of + 1].lower_ == "the" and of + 2 < ent.end else of + 1
        if ent.label_ == "PERSON":
            start = _after_honours(doc, start, ent.end)
            if start == ent.end:
                yield None  # "Datuk Seri" before "Anwar Ibrahim": honours alone, no name
                return
            start = self._after_portfolio(doc, start, ent.end)
            if start == ent.start:
                start = self._name_words_before(doc, start)
        end = ent.end
        opened = next((t.i for t in doc[start:end] if t.text == "("), None)
        if opened is not None and opened > start and ")" not in doc[opened:end].text:
            end = opened  # "European Bank for Reconstruction and Development (EBRD": the name
        while end > start + 1 and doc[end - 1].lower_ in _TRAILING_WORDS:
            end -= 1  # "Heads of State of", "Youth Capital of the": cut off mid-phrase
        if ent.label_ == "PERSON" and end > start + 1 and doc[end - 1].text == "-":
            end -= 1  # "Ali Khan-" of "Ali Khan-led"
        if ent.label_ == "PERSON" and _hyphened_syllable(doc, end):
            end += 2  # "Han Duck" + "-soo": a Korean given name is one name
        ent = Span(doc, start, end, label=ent.label_)
        at = self._in_city(ent)
        if at is not None:  # "the Great Hall of the People in Beijing": a building and a city
            yield from self._without_title(Span(doc, ent.start, at, label=ent.label_))
            yield Span(doc, at + 1, ent.end, label="GPE")
            return
        split = self._person_tail(ent) if ent.label_ != "PERSON" else None
        if split is not None:
            region = doc[split - 1].lower_ in REGION_WORDS
            label = "GPE" if region else ent.label_
            yield from self._without_title(Span(doc, ent.start, split, label=label))
            yield Span(doc, split, ent.end, label="PERSON")
            return
        yield from self._without_title(ent)

    def _in_city(self, ent: Span) -> int | None:
        """Where a building's or a body's name ends in "in" and a known city's name ("the
        Presidential Secretariat in Colombo", "the Embassy of Qatar in Ankara"): that "in"."""
        if ent.label_ not in {"FAC", "ORG"}:
            return None
        at = next((t.i for t in reversed(ent[1:-1]) if t.text == "in"), None)
        if at is None:
            return None
        city = ent.doc[at + 1 : ent.end].text
        return at if any(e.cls == "City" for e in self.kb.lookup(city, ("Place",))) else None

    def _title_of(self, words: Span) -> bool:
        """Whether the words before a body's "of" are a title, no part of its name
        ("Administrator of the Agency for ...", "Minister of Energy of Russia", "Chairman of
        the Board of X"), not a body named with words of titles ("the National Assembly of
        Vietnam", "the Parliament of Georgia", "the Government of Uzbekistan")."""
        last = words[-1].text
        if last in self.titles:
            return True
        named = last in self.org_heads and last != "Board"  # a board is its company's
        return not named and all(t.text in self.title_words for t in words)

    def _without_title(self, ent: Span) -> Iterator[Span | None]:
        """ "(Astana) Kazakh PM": a demonym and a title are no name; keep the demonym. "UNDP
        Associate Administrator", "World Bank Vice President": a body and a title of it; keep
        the body."""
        doc = ent.doc
        for i in range(ent.start, ent.end - 1):
            if demonym(doc[i].text) and doc[i + 1 : ent.end].text in self.titles:
                if i > ent.start:
                    yield self._retype(Span(doc, ent.start, i, label=ent.label_))
                yield Span(doc, i, i + 1, label="NORP")
                return
        if ent.label_ == "ORG" and doc[ent.end - 1].text in self.titles:
            i = ent.end - 1
            while i > ent.start + 1 and doc[i - 1].is_title and doc[i - 1].text in self.title_words:
                i -= 1
            body = doc[ent.start : i]
            if i > ent.start and (
                (len(body) == 1 and body[0].is_upper and len(body[0]) > 1)
                or self.kb.lookup(body.text, ("Organization",))
            ):
                yield self._retype(Span(doc, ent.start, i, label="ORG"))
                return
        yield self._retype(ent)

    def _is_title(self, ent: Span) -> bool:
        """ "Heads of State", "the Prime Minister", "National Security Advisor": a title the
        recognizer took for a name (for a body, one ending in a title word, of nothing and
        naming no body: not "Council of Ministers", "UNDP Associate Administrator")."""
        words = ent.text.split()
        singular = " ".join([words[0].removesuffix("s"), *words[1:]]) if words else ""
        return (
            ent.text in self.titles
            or singular in self.titles
            or (
                ent.label_ == "ORG"
                and len(words) > 1
                and words[-1] in self.titles
                and not any(t.lower_ in {"of", "and", "for"} or t.is_upper for t in ent)
            )
        )

    def _retype(self, ent: Span) -> Span | None:
        text = ent.text
        if text in word_list("news_agencies") or text in word_list("groupings"):
            return _relabel(ent, "ORG")
        if _COMPASS_PAIR.fullmatch(text):
            return None  # "the North-South corridor", "an East-West highway": a direction
        if ent.label_ in {"ORG", "PERSON"} and self._is_title(ent):
            return None
        after = ent.doc[ent.end].text if ent.end < len(ent.doc) else ""
        if ent.label_ == "ORG" and f"{ent[-1].text} {after}" in self.titles:
            return None  # "Cabinet" of "Cabinet Secretary X": the start of a title
        if len(ent) == 1 and demonym(text):
            return _relabel(ent, "NORP")
        if ent.label_ == "NORP":  # no demonym: a city's name where one goes ("in Andijan")
            where = ent.root.dep_ == "pobj" and ent.root.head.lower_ in _WHERE
            return _relabel(ent, "GPE") if where and self.kb.lookup(text, ("Place",)) else ent
        last = ent[-1].text
        if last in self.org_heads:
            return _relabel(ent, "ORG")
        known = self.kb.lookup(text) or [e for e in (country_aliases().get(text),) if e]
        labels = {_KB_LABELS[e.type] for e in known}
        if known and ent.label_ not in labels:
            before = ent.doc[ent.start - 1].text if ent.start else ""
            if (
                ent.label_ == "PERSON"
                and len(ent) > 1
                and (labels != {"GPE"} or before in self.title_words)
            ):  # a city's name taken for someone's is the city ("visited Buenos Aires"), not
                return ent  # where a title says it is someone's ("President Ho Chi Minh")
            return _relabel(ent, "GPE" if "GPE" in labels else next(iter(sorted(labels))))
        if ent.label_ == "PERSON" and not known and _travelled_to(ent):
            return _relabel(ent, "GPE")  # "travelled to Bodh Gaya": a place, not someone
        if ent.label_ == "GPE" and not known and self._named_after_title(ent):
            return _relabel(ent, "PERSON")  # "the Ambassador to Cairo, Ajit Gupte"
        if (
            ent.label_ == "ORG"
            and not known
            and ent.root.dep_ == "pobj"
            and ent.root.head.lower_ in {"in", "to", "from"}
            and not any(t.text in self.org_heads for t in ent)  # "according to the Ministry"
            and not (ent.start > 1 and ent.doc[ent.start - 2].lower_ == "according")
        ):  # "according to Deutsche Welle": a source, no place
            return _relabel(ent, "GPE" if last not in self.place_heads else "FAC")
        return ent

    def _given_name_before(self, word: Span, name: Span) -> bool:
        """Whether the recognizer took a given name for a place or a body and tagged the
        rest of the name apart ("Nadia" and "Samir Ghoneim"): one capitalized word no list
        knows, right before a person's name."""
        return (
            len(word) == 1
            and word.label_ in {"GPE", "LOC", "ORG", "NORP"}
            and name.label_ == "PERSON"
            and word[0].is_title
            and word.text not in self.title_words | self.org_heads
            and demonym(word.text) is None
            and not self.kb.lookup(word.text)
        )

    def _name_goes_on(self, body: Span, rest: Span) -> bool:
        """Whether the recognizer cut a body's name mid-phrase and took its last words for a
        person's ("QazTrade Center for Trade" and "Policy Development"): words that end in a
        field's or a body's word, which no one's name does."""
        return (
            body.label_ == "ORG"
            and rest.label_ == "PERSON"
            and len(body) > 2
            and body[-2].lower_ in {"for", "of", "on"}
            and all(t.is_title for t in rest)
            and (rest[-1].lower_ in field_words() or rest[-1].text in self.org_heads)
        )

    def _surnames(self, name: Span, body: Span) -> bool:
        """Whether the recognizer cut a name before its surnames and took them for a body's
        name ("Maria Fernanda" and "Espinosa Garces"): one phrase, no body's word in it, no
        name the knowledge base knows."""
        return (
            name.label_ == "PERSON"
            and body.label_ == "ORG"
            and len(body) <= 2
            and all(t.is_title and t.text not in self.org_heads for t in body)
            and name.root.head.i in range(body.start, body.end)
            and not self.kb.lookup(body.text)
        )

    def _named_after_title(self, ent: Span) -> bool:
        """Whether words that look like a name follow a title and a comma ("the Ambassador to
        Cairo, Ajit Gupte")."""
        doc, comma = ent.doc, ent.start - 1
        if comma < 1 or doc[comma].text != "," or not self._looks_like_name(ent):
            return False
        before = doc[max(comma - 5, ent.sent.start) : comma]
        return any(t.is_title and t.text in self.title_words for t in before) and not any(
            t.is_punct for t in before
        )

    def _looks_like_name(self, tokens: Span) -> bool:
        """Two or three capitalized words (a Korean given name's syllable after a hyphen
        aside) that are not a title, a body or a known place."""
        syllables = {t.i + 1 for t in tokens[:-1] if _hyphened_syllable(t.doc, t.i)}
        words = [
            t
            for t in tokens
            if t.text not in {"-", "'"} and t.i not in syllables and t.lower_ not in _PATRONYMIC
        ]
        if _COMPASS_PAIR.fullmatch(tokens.text):
            return False  # "the North-South corridor": a direction
        if len(words) < 2 or _name_length(tokens) > 3 or agreement_class(words[-1].text):
            return False  # "(Trade) Facilitation Agreement": a document's name
        if portfolio_word(words[0]):
            return False  # "(International Economic) Relations Catalina": a portfolio's
        for t in words:
            if not t.is_title or t.text in self.title_words or t.text in self.org_heads:
                return False
            if t.text in self.place_heads and (t != words[0] or self._places_in(tokens)):
                return False  # "Tashkent City Park", "House Entebbe"; not "Park Seong-min"
            if t.like_num:
                return False
            if t.lower_ in REGION_WORDS:
                return False  # "(East) Kazakhstan Region": a region
            if t.text in word_list("thing_heads"):
                return False  # "(Just Energy) Transition Partnership": a programme
        if self.kb.lookup(tokens.text, ("Country", "Place", "Organization")):
            return False
        return not demonym(words[0].text)

    def _places_in(self, tokens: Span) -> bool:
        """Whether a word of these names a known place or country."""
        return any(self.kb.lookup(t.text, ("Country", "Place")) for t in tokens)

    def _given_names_back(self, ents: list[Span]) -> list[Span]:
        """A portfolio run into a given name, the surnames or the patronym after it
        ("Undersecretary for International Economic Relations Catalina" and "Fuentes Araya",
        "Investment Promotion Qais" and "bin Mohammed Al Yousef"): the given name goes back to
        the name (to the surnames' entity, or to the words a later step names)."""
        ents = list(ents)
        starts = {e.start: k for k, e in enumerate(ents)}
        for k, ent in enumerate(list(ents)):
            doc = ent.doc
            after = ents[starts[ent.end]] if ent.end in starts else None
            if not (
                ent.label_ == "ORG"
                and len(ent) > 1
                and ent.end < len(doc)
                and (doc[ent.end].is_title or doc[ent.end].lower_ in _PATRONYMIC)
                and (after is None or after.label_ == "PERSON")
                and ent[-1].is_title
                and not portfolio_word(ent[-1])
                and ent[-1].text not in self.org_heads | self.title_words
                and self._portfolio_ends(doc, ent.end - 1)
            ):
                continue
            ents[k] = Span(doc, ent.start, ent.end - 1, label="ORG")
            if after is not None:
                ents[starts[ent.end]] = Span(doc, ent.end - 1, after.end, label="PERSON")
        return ents

    def _person_tail(self, ent: Span) -> int | None:
        """Where a person's name starts inside an entity that runs a body into it."""
        doc = ent.doc
        for size in (2, 3, 4):
            split = ent.end - size
            if split <= ent.start:
                break
            tail, head = doc[split : ent.end], doc[ent.start : split]
            if head[-1].lower_ in _TRAILING_WORDS:
                continue  # "Heads of State of Central Asia": a place or body follows "of"
            if self._looks_like_name(tail) and (
                self._ends_a_body(head) or self._country_before_a_name(head, ent)
            ):
                return split
        return None

    def _country_before_a_name(self, head: Span, ent: Span) -> bool:
        """Whether a country's name alone runs into a name that makes no place with it
        ("Ambassador to the UAE Karen Grigoryan")."""
        return country_named(head.text) is not None and not self.kb.lookup(
            ent.text, ("Country", "Place", "Person")
        )

    def _ends_a_body(self, head: Span) -> bool:
        if head[-1].text == ")" and len(head) > 2 and head[-2].is_upper:
            return True  # "... Development (USAID)": a body with its acronym
        last = head[-1].text
        if last.endswith("s") and last[:-1] in self.org_heads:
            return True  # "... for Work with Religious Organizations Ramin Mammadov"
        if last in self.org_heads or last in self.title_words or last.lower() in REGION_WORDS:
            return True  # "... Kostanay Region Kumar Aksakalov": a region's name ends there
        before = head.doc[max(head.start - 2, 0) : head.start]
        if (
            len(before) == 2
            and before[1].lower_ in {"of", "for"}
            and before[0].text in self.title_words
            and portfolio_word(head[-1])
        ):
            return True  # "Minister for Road and Urban Development Mohammad Eslami": a portfolio
        if portfolio_word(head[-1]) and self._portfolio_ends(head.doc, head.end):
            return True  # "Minister of Foreign Affairs and the National Community Abroad"
        of = len(head) - (4 if head[-2:-1].text == "'" else 2)  # "of Peoples' Representatives"
        if (
            of > 0
            and head[of].lower_ == "of"
            and last.endswith("s")
            and any(t.text in self.org_heads or t.text == "House" for t in head[:of])
        ):
            return True  # "National Chamber of Entrepreneurs", "House of Representatives"
        places = [head[i:].text for i in range(max(0, len(head) - 3), len(head))]
        if any(p in word_list("world_regions") for p in places):
            return True  # "... for Europe and Central Asia": a world region ends a portfolio
        return any(self.kb.lookup(p, ("Country", "Place")) for p in places) or bool(
            self.kb.lookup(head.text, ("Country", "Place", "Organization"))
        )  # "... of the Kyrgyz Republic": a country's name of several words ends it

    def _names_after_titles(
        self, doc: Doc, ents: list[Span], places: Iterable[Span] = ()
    ) -> Iterator[Span]:
        """ "Prime Minister of Belarus Roman Golovchenko", "the Prime Minister of Mongolia,
        Ukhnaa Khurelsukh", "Minister of Investment Eng. Fahad bin Abdulrahman Al-Otaibi": the
        unnamed words after a title or a country (and a comma, or a style) are a person's name
        when they look like one; ``places``: the countries and places the
        knowledge base finds, which the recognizer may have missed ("of Estonia, X")."""
        taken = {i for ent in ents for i in range(ent.start, ent.end)}
        ends = {ent.end for ent in [*ents, *places] if ent.label_ in {"GPE", "ORG", "NORP"}}
        for i, token in enumerate(doc):
            if i in taken or not token.is_title or portfolio_word(token):
                continue
            if token.lower_ in HONORIFICS:
                continue
            if token.pos_ != "PROPN" and not _given_name_like_a_word(doc, i, self.title_words):
                continue
            start = i - 1 if i and doc[i - 1].text == "," else i  # "of Mongolia, Ukhnaa X"
            if start and doc[start - 1].lower_ in HONORIFICS:
                start -= 1  # "Minister of Investment Eng. Fahad ..."
            before = doc[start - 1] if start else None
            if before is None or not (
                start in ends or before.text in self.title_words or self._portfolio_ends(doc, start)
            ):
                continue
            end = i + 1  # the first word, of whatever part of speech ("To" of "To Lam")
            while (
                end < len(doc)
                and _name_length(doc[i:end]) < 3  # "Khalid Al-Falih", "Jassim Saif Al Sulaiti"
                and end not in taken
                and (doc[end].is_title or doc[end].text == "-" or _patronym_at(doc, end))
                and doc[end].pos_ in {"PROPN", "PUNCT", "NOUN", "ADJ"}
            ):
                end += 1
            if doc[end - 1].text == "-":  # "Jang Young-jin": a Korean given name is one name
                end = end + 1 if _hyphened_syllable(doc, end - 1) else end - 1
            if end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
                continue  # a longer capitalized run: more likely a body than a name
            root, head = doc[i:end].root, doc[i:end].root.head
            if (
                root.dep_ in {"compound", "nmod"}
                and head.i >= end
                and all(t.is_title or t.lower_ in TITLE_CASE_WORDS for t in doc[end : head.i + 1])
            ):
                continue  # "the Dakar Peace and Security Forum": words of a longer name
            if self._looks_like_name(doc[i:end]):
                yield Span(doc, i, end, label="PERSON")

    def _name_words_before(self, doc: Doc, start: int) -> int:
        """Where a name starts whose first words (initials, given names) the recognizer left
        out between it and a title ("Foreign Minister AH Mahmood Ali"): its start otherwise."""
        k = start
        while (
            k > 0
            and start - k < 2
            and doc[k - 1].pos_ == "PROPN"
            and (doc[k - 1].is_title or _INITIALS.match(doc[k - 1].text))
            and doc[k - 1].text not in self.title_words
            and not honour(doc[k - 1])
            and not doc[k - 1].ent_type_
            and not portfolio_word(doc[k - 1])
        ):
            k -= 1
        if k < start and k > 0 and doc[k - 1].is_title and doc[k - 1].text in self.title_words:
            return k
        return start

    def _after_portfolio(self, doc: Doc, start: int, end: int) -> int:
        """Where a person's name starts that the recognizer ran a portfolio into ("Minister of
        Water Resources Nurzhan Nurzhigitov"); after "and" in a portfolio, its next word is
        the portfolio's whatever it is ("Minister of Energy and Mines Abdelhafid Merabet")."""
        joined = end - start > 2 and doc[start].is_title and self._portfolio_and(doc, start - 1)
        k = start + joined
        while k < end - 1 and portfolio_word(doc[k]):
            k += 1
        return k if k > start and (joined or self._portfolio_ends(doc, k)) else start

    def _portfolio_and(self, doc: Doc, at: int) -> bool:
        """Whether the word at ``at`` is the "and" of a title's portfolio ("Minister of Hajj
        and", "Minister of Agriculture, Forestry and")."""
        if at < 3 or doc[at].lower_ != "and":
            return False
        k = at - 1
        while k > max(at - 5, 1) and (doc[k].is_title or doc[k].text == ","):
            k -= 1
        return k < at - 1 and doc[k].lower_ in {"of", "for"} and doc[k - 1].text in self.title_words

    def _portfolio_ends(self, doc: Doc, end: int) -> bool:
        """Whether a minister's portfolio ends before ``end`` ("Minister of Investment",
        "Minister of Energy and Water Resources", "Minister of Commerce, Industry and
        Investment Promotion")."""
        k = end - 1
        while k > 0 and (
            portfolio_word(doc[k])
            or doc[k].lower_ in {"and", ",", "the"}
            or (k < end - 1 and demonym(doc[k].text) is not None)  # "and Moroccan Expatriates"
        ):
            k -= 1
        return (
            k < end - 1
            and k > 0
            and doc[k].lower_ in {"of", "for"}
            and (doc[k - 1].text in self.title_words)
        )

    def _coordinated(
        self, ent: Span, people: set[int], bodies: set[int], surnames: set[str], named: set[str]
    ) -> Span:
        """A name the recognizer took for a body or a place, coordinated with a person's name
        ("between Mamuka Bakhtadze and Nikola Pashinian"), or that it tags a person's name or
        the end of one elsewhere in the article ("under the co-chairmanship of X and Y", "El
        Sisi" after "Abdel Fattah El Sisi") and no known name, is a person's; a one-word name
        it took for a person's, coordinated with a body's in what is between them ("an
        agreement between Viettel and Singtel"), is a body's, unless it is the known or full
        name of someone."""
        root = ent.root
        partners = [root.head] if root.dep_ == "conj" else []
        partners += [c for c in root.children if c.dep_ == "conj"]
        if ent.label_ in {"ORG", "GPE"} and ent.text in named and not self.kb.lookup(ent.text):
            return _relabel(ent, "PERSON")  # "El Sisi" after "Abdel Fattah El Sisi"
        if ent.label_ in {"ORG", "GPE"} and self._looks_like_name(ent):
            if any(p.i in people for p in partners):
                return _relabel(ent, "PERSON")
        elif (
            ent.label_ == "PERSON"
            and len(ent) == 1
            and ent.text not in surnames
            and not self.kb.lookup(ent.text)
            and any(p.i in bodies for p in partners)
            and any(w.lower_ == "between" for w in (root.head, root.head.head))
        ):
            return _relabel(ent, "ORG")
        return ent


_PATRONYMIC = {"bin", "bint", "ibn"}  # "son of", "daughter of" in Arabic names
_FAMILY = {"al", "el"}  # "Al Qasimi": the article of an Arabic family name


def _known_people(ent: Span, named: set[str]) -> list[Span]:
    """A body's name that is the names of people the article names, coordinated ("led by Dar
    and Saidov"): each a person's; else the name as it is."""
    if ent.label_ != "ORG":
        return [ent]
    parts, start = [], ent.start
    for t in ent:
        if t.lower_ in {"and", ","}:
            parts.append(Span(ent.doc, start, t.i, label="PERSON"))
            start = t.i + 1
    parts = [p for p in (*parts, Span(ent.doc, start, ent.end, label="PERSON")) if len(p)]
    return parts if len(parts) > 1 and all(p.text in named for p in parts) else [ent]


def _patronym_at(doc: Doc, i: int) -> bool:
    """Whether a "bin" or "ibn" inside a name stands at ``i`` ("Fahad bin Abdulrahman")."""
    return doc[i].lower_ in _PATRONYMIC and i + 1 < len(doc) and doc[i + 1].is_title


def _patronym(name: Span, rest: Span) -> bool:
    """Whether the recognizer cut a name before its "bin" or "ibn", or before the "Al" of its
    family name ("Prince Abdulaziz" and "bin Salman"; "Faisal bin Humaid" and "Al Qasimi")."""
    return name.label_ == rest.label_ == "PERSON" and (
        rest[0].lower_ in _PATRONYMIC or (rest[0].lower_ in _FAMILY and len(rest) > 1)
    )


def _joined(ents: list[Span], joins: Callable[[Span, Span], str | None]) -> list[Span]:
    """The entities, each one that ``joins`` the one right before it joined to it, under the
    label it gives."""
    out: list[Span] = []
    for ent in sorted(ents, key=lambda e: e.start):
        last = out[-1] if out else None
        label = joins(last, ent) if last is not None and last.end == ent.start else None
        if last is not None and label is not None:
            out[-1] = Span(ent.doc, last.start, ent.end, label=label)
        else:
            out.append(ent)
    return out


TITLE_CASE_WORDS = {"of", "and", "the", "for", "in", "on", "at", "by", "with", "from"}  # "Of"
REGION_WORDS = {"region", "oblast", "province", "state", "district", "prefecture", "governorate"}
_JOURNEYS = {"arrive", "travel", "fly", "head", "land", "proceed", "jet", "return"}
_DEPARTURES = {"leave", "depart", "head", "fly"}  # "left for X"


def _travelled_to(ent: Span) -> bool:
    """Whether a name is where someone went ("travelled to X", "arrived in X", "left for X")."""
    prep, verb = ent.root.head, ent.root.head.head
    return (
        ent.root.dep_ == "pobj"
        and verb.pos_ == "VERB"
        and (
            (prep.lower_ in {"to", "in", "into"} and verb.lemma_ in _JOURNEYS)
            or (prep.lower_ == "for" and verb.lemma_ in _DEPARTURES)
        )
    )


_COMPASS_PAIR = re.compile(r"(?:North|South|East|West)\s*-\s*(?:North|South|East|West)")
_INITIALS = re.compile(r"^(?:[A-Z]{1,2}|(?:[A-Z]\.){1,3})$")  # "AH", "S", "A.H."
_INITIALED = re.compile(r"^[A-Z]\.[A-Z][a-z]+$")  # "U.Khurelsukh"
_TRAILING_INITIAL = re.compile(r"^[A-Z][a-z]?$")  # the "Ts" of "Batbold.Ts"


# A company's legal form, its name's last word ("Erdenes Mongol LLC", "Uzbek Railways JSC").
_LEGAL_FORMS = {"LLC", "JSC", "PJSC", "OJSC", "CJSC", "PLC", "Ltd", "Ltd.", "Inc", "Inc."}
_LEGAL_FORMS |= {"Corp", "Corp.", "GmbH", "AG", "LLP", "S.A.", "N.V.", "B.V."}
_JOINERS = {"-", "–", "&"}  # inside a name: "UZTM – KARTEX LLC", "Johnson & Johnson"


def _companies(doc: Doc) -> Iterator[Span]:
    """Companies' names: the capitalized words before a legal form ("Kazakh Temir Zholy JSC",
    "UZTM – KARTEX LLC"), not an owner's name before "'s" ("Mongolia's Erdenes Mongol LLC")
    nor a word such as "between" or "The" a title-case line capitalizes."""
    for token in doc:
        if token.text not in _LEGAL_FORMS or token.i == 0:
            continue
        start = token.i
        while start > 0 and start > token.i - 7:
            word = doc[start - 1]
            joins = word.text in _JOINERS and start > 1 and doc[start - 2].text[:1].isupper()
            named = word.text[:1].isupper() and word.pos_ not in _NAME_PREFIX_STOP - {"PUNCT"}
            if not (joins or (named and word.lower_ not in TITLE_CASE_WORDS | {"between"})):
                break
            start -= 1
        while start < token.i and doc[start].text in _JOINERS:
            start += 1
        if start < token.i:
            yield Span(doc, start, token.i + 1, label="ORG")


def _initialed_names(doc: Doc) -> Iterator[Span]:
    """Names with joined initials: "U.Khurelsukh" (and "L.Oyun-Erdene"), "Batbold.Ts",
    "Kh.Batzorig" (an initial of two letters, which the tokenizer splits off)."""
    for token in doc:
        i = token.i
        if _INITIALED.match(token.text):
            end = i + 1
            while (
                end + 1 < len(doc)
                and doc[end].text == "-"
                and not doc[end - 1].whitespace_
                and not doc[end].whitespace_
                and doc[end + 1].is_title
            ):
                end += 2
            yield Span(doc, i, end, label="PERSON")
        elif (
            token.text == "."
            and 0 < i < len(doc) - 1
            and not doc[i - 1].whitespace_
            and not token.whitespace_
            and doc[i - 1].is_title
            and doc[i + 1].is_title
            and (
                (len(doc[i - 1]) > 2 and _TRAILING_INITIAL.match(doc[i + 1].text))
                or (len(doc[i + 1]) > 2 and _TRAILING_INITIAL.match(doc[i - 1].text))
            )
        ):
            yield Span(doc, i - 1, i + 2, label="PERSON")  # "Batbold.Ts", "Kh.Batzorig"


# Malaysian styles of honour ("Datuk Seri Anwar Ibrahim", "Tan Sri X", "Dato' Sri Y"): what
# opens them, and the words that may follow in one style.
# Forms of address and styles before a name, in lower case ("Dr.", "Eng.", "H.E.").
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "h.e.", "he", "madam", "sir"}
HONORIFICS |= {"gen", "gen.", "maj", "maj.", "col", "col.", "lt", "lt.", "brig", "brig."}  # ranks
HONORIFICS |= {"rtd", "rtd.", "retd", "retd."}  # "Major General Rtd. X": retired
HONORIFICS |= {"hon", "hon.", "prof", "prof.", "professor", "engr", "engr.", "lady", "dame"}
HONORIFICS |= {"eng", "eng.", "amb", "amb.", "adv", "adv."}
HONORIFICS |= {"h.h.", "h.h", "hh", "h.r.h.", "hrh"}  # "H.H. Sheikh X": His Highness
_HONOURS = {"Datuk", "Dato", "Datin", "Tan", "Toh"}
_HONOURS_ON = {"Seri", "Sri", "Paduka", "Wira", "Setia", "Puan", "'"}


def honour(token: Token) -> bool:
    """Whether a word belongs to a style of honour before a name ("Datuk Seri"); "Tan" and
    "Toh" open one only before "Sri", "Puan": as surnames ("Tan Kin Lian") they do not."""
    doc, i = token.doc, token.i
    if token.text in _HONOURS_ON:
        return i > 0 and (doc[i - 1].text in _HONOURS_ON or honour(doc[i - 1]))
    if token.text in {"Tan", "Toh"}:
        return i + 1 < len(doc) and doc[i + 1].text in _HONOURS_ON
    return token.text in _HONOURS


def _after_honours(doc: Doc, start: int, end: int) -> int:
    """Where a name starts after the styles of honour it opens with; ``end`` if it is all
    honours."""
    while start < end and honour(doc[start]):
        start += 1
    return start


def _name_length(words: Span) -> int:
    """How many words a name has, not counting hyphens, apostrophes, the Arabic article and
    "bin" ("Khalid Al-Falih", "Jassim Saif Al Sulaiti", "Fahad bin Abdulrahman Al-Otaibi"
    have 3)."""
    return sum(t.text not in {"-", "'", "Al", "El"} and t.lower_ not in _PATRONYMIC for t in words)


def portfolio_word(token: Token) -> bool:
    """A capitalized word of a minister's portfolio ("Investment", "Water", "Resources")."""
    return token.is_title and (token.lower_ in field_words() or token.lower_ in _PORTFOLIOS)


_PORTFOLIOS = {"affairs", "resources", "water", "foreign", "internal", "emergency", "situations"}
_PORTFOLIOS |= {"diplomacy", "relations", "integration", "planning", "justice", "interior"}
_PORTFOLIOS |= {"labour", "labor", "communications", "housing", "petroleum", "consular"}
_PORTFOLIOS |= {"manpower", "employment", "welfare", "broadcasting", "promotion", "enterprises"}
_PORTFOLIOS |= {"entrepreneurship", "infrastructure", "international", "external"}
_PORTFOLIOS |= {"national", "community", "abroad", "overseas", "diaspora", "expatriates"}
_PORTFOLIOS |= {"emigrants", "worship", "francophonie", "upstream", "downstream"}
_PORTFOLIOS |= {"transition", "heritage"}  # "Minister for Ecological Transition"


def _given_name_like_a_word(doc: Doc, i: int, title_words: Collection[str]) -> bool:
    """A capitalized word the tagger took for a word of English, between a title and a name
    ("President To Lam"): a given name."""
    return (
        0 < i < len(doc) - 1
        and doc[i].lower_ not in TITLE_CASE_WORDS
        and doc[i - 1].text in title_words
        and doc[i - 1].is_title
        and doc[i + 1].is_title
        and doc[i + 1].pos_ == "PROPN"
        and not doc[i + 1].ent_type_
    )


def _hyphened_syllable(doc: Doc, end: int) -> bool:
    """Whether a name ending before ``end`` goes on joined by a hyphen to a lowercase
    syllable ("Han Duck-soo", "Moon Jae-in"), which the recognizer leaves out; not a word
    made of the name ("a Putin-led delegation", "Xi-era policies")."""
    if end + 1 >= len(doc):
        return False
    syllable = doc[end + 1]
    return (
        doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and syllable.is_lower
        and syllable.is_alpha
        and not syllable.text.endswith("ed")
        and syllable.text not in _MADE_OF_NAMES
    )


_MADE_OF_NAMES = {"era", "style", "like", "type", "born", "run", "made", "brokered"}


def _outside(ent: Span, people: list[Span]) -> Iterator[Span]:
    """The entity without the parts a known person's name covers."""
    overlapping = [p for p in people if p.start < ent.end and ent.start < p.end]
    if not overlapping:
        yield ent
        return
    if ent.label_ == "PERSON":
        return
    first = min(p.start for p in overlapping)
    if first > ent.start:
        yield Span(ent.doc, ent.start, first, label=ent.label_)


def spelling(word: str) -> str:
    """A name word as transliterations agree on it: lower case, "zh" as "j", "kh" as "h", "y"
    as "i", no doubled letters ("Gombozhavin" and "Gombojavyn" are both "gombojavin",
    "Zhaparov" and "Japarov" "japarov")."""
    word = word.lower()
    for spelled, as_ in (("zh", "j"), ("kh", "h"), ("y", "i")):
        word = word.replace(spelled, as_)
    return re.sub(r"(.)\1", r"\1", word)


def name_token(token: Token) -> bool:
    """A token that can be part of a person's name."""
    return token.pos_ not in _NAME_PREFIX_STOP and token.is_title


@Language.factory("kg_gazetteer")
def make_gazetteer(nlp: Language, name: str) -> GazetteerComponent:
    """Factory of the ``kg_gazetteer`` component."""
    return GazetteerComponent(nlp, name)
