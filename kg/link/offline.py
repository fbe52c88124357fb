"""The offline linker: entities of an article to QIDs of the bundled knowledge base.

For each entity it gathers candidates in four tiers and decides within the first tier that
has any; when that tier stays ambiguous the entity is left unlinked (a wrong link is worse
than none), never passed on to a looser tier.

1. exact: a label, alias or acronym equal to one of the entity's names after
   normalization; a demonym for countries; "Karaganda" for "Karaganda region";
2. variant: the same name in another transliteration ("Qaraghandy", "Japarov"), the initials
   of an organization ("SCO"), a government named by its country ("Russian Government");
3. near: a name that differs by a letter or two in each word ("East Africa Community");
4. part: a person named by part of the name: the surname alone ("President Biden"), the
   last words ("Lacalle Pou"), the first and last ("Nana Akufo-Addo").

People found in the last two tiers must be corroborated by their title, country or date
(once, or twice for a surname alone).

Among candidates it prefers, in order: for places, the region when the entity is named as a
region and the city otherwise; the entity's country, then the countries the article names;
the candidate's own label over an alias; and, as a last resort, a place ten times as
populous as any other. Regions, and cities that are neither capitals nor of a million
people, must lie in a country the article names. For people: one whose office matches a
title the article gives, in the country the person represents, held on the article's date;
and no one whose offices were all in countries the article does not name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher
from functools import cache

from kg.kb import Holding, KBEntry, KnowledgeBase, normalize
from kg.kb.names import region_base, translit
from kg.link.base import LinkRequest
from kg.resources import data_path
from kg.types import Article

__all__ = ["Candidate", "Context", "OfflineLinker", "held_on", "near", "title_matches"]

LINKED_TYPES = ("Person", "Country", "Place", "Organization")
_GENERIC_GOVERNMENT = {"government", "cabinet", "cabinet of ministers", "council of ministers"}
_TERRITORIES = {"territory", "other_state"}
_NEAR = 0.9
_NEAR_WORD = 0.75
_DOMINANT = 10
_BIG = 1_000_000
_PARTICLES = {"al", "el", "bin", "ibn", "bint", "de", "da", "dos", "du", "di", "van", "von", "der"}
_PARTICLES |= {"la", "le", "y", "ul", "ould"}
_SUPPORT = {"near": 1, "part": 1, "online": 1, "surname": 2}


@dataclass(frozen=True)
class Candidate:
    """A knowledge-base entry an entity may be, and how its name matched: ``label``,
    ``alias``, ``demonym``, ``translit``, ``initials``, ``body``, ``near`` or ``surname``."""

    entry: KBEntry
    how: str


@dataclass(frozen=True)
class Context:
    """What the article says around its entities: its date and the countries it names."""

    day: date | None
    countries: frozenset[str]


class OfflineLinker:
    """Links from the bundled knowledge base (see the module docstring for how it decides).

    >>> from kg.link import LinkRequest
    >>> linker = OfflineLinker()
    >>> country = LinkRequest("e1", "Kazakhstan", "Country", "Country")
    >>> region = LinkRequest("e2", "Qaraghandy region", "Place", "Region")
    >>> linker.link([country, region], Article("a", ""))
    {'e1': 'Q232', 'e2': 'Q485429'}
    >>> linker.link([region], Article("a", ""))  # a region needs its country named
    {}
    """

    def __init__(self, kb: KnowledgeBase | None = None):
        self.kb = kb or KnowledgeBase.load()

    def link(self, requests: Sequence[LinkRequest], article: Article) -> dict[str, str]:
        """QIDs by entity id, for the entities the linker is sure of."""
        alone = Context(article.date, frozenset())
        countries = {r.id: self.decide(r, alone) for r in requests if r.type == "Country"}
        context = Context(article.date, frozenset(e.qid for e in countries.values() if e))
        surnames = {
            normalize(r.label).split()[-1]
            for r in requests
            if r.type == "Person" and len(normalize(r.label).split()) > 1
        }
        links = {}
        for request in requests:
            if request.type in {"Place", "Organization"} and normalize(request.label) in surnames:
                continue  # "Santos" beside "Juan Manuel Santos" is no place
            entry = countries.get(request.id) or self.decide(request, context)
            if entry is not None:
                links[request.id] = entry.qid
        people = {q for r in requests if r.type == "Person" and (q := links.get(r.id))}
        for request in requests:
            if request.type == "Person" and request.id not in links:
                same = {c.entry.qid for c in self._parts(request, context)} & people
                if len(same) == 1:  # "Macron" beside a linked "Emmanuel Macron"
                    links[request.id] = same.pop()
        return links

    def decide(self, request: LinkRequest, context: Context) -> KBEntry | None:
        """The one entry the request names, or None when there is none or several."""
        if request.type not in LINKED_TYPES:
            return None
        given = self.kb.get(request.qid)
        if request.type == "Country" and given is not None and given.type == "Country":
            return given  # the extractor's countries come from unique names and demonyms
        for tier in (self._exact, self._variants, self._near, self._parts):
            found = _unique(c for c in tier(request, context) if self.fits(request, c))
            if found:
                loose = tier in (self._near, self._parts)
                return self.choose(request, found, context, loose)
        return None

    # -- candidates ---------------------------------------------------------------------

    def _names(self, request: LinkRequest) -> list[str]:
        """The request's names; for a person only those that look like one ("Head of State"
        and "the President" are titles)."""
        names = dict.fromkeys(n.strip() for n in (request.label, *request.aliases))
        found = [n for n in names if len(normalize(n)) >= (2 if n.isupper() else 3)]
        if request.type == "Person":
            found = [n for n in found if _personal(n)]
        return found

    def full_names(self, request: LinkRequest) -> list[str]:
        """The names of a request, without a person's single words (surnames)."""
        names = self._names(request)
        if request.type != "Person":
            return names
        return [n for n in names if len(normalize(n).split()) > 1]

    def _exact(self, request: LinkRequest, context: Context) -> Iterator[Candidate]:
        for name in self.full_names(request):
            key = normalize(name)
            for entry in self.kb.lookup(name):
                matched = [n for n in entry.names if normalize(n) == key]
                if all(n.isupper() for n in matched) and not name.isupper():
                    continue  # "Eric" is no ERIC
                yield Candidate(entry, "label" if normalize(entry.label) == key else "alias")
            if request.type == "Country" and (country := self.kb.demonym(name)):
                yield Candidate(country, "demonym")
            if (base := region_base(name)) is not None:
                for entry in self.kb.lookup(base, ("Place",)):
                    if entry.cls == "Region":
                        how = "label" if normalize(entry.label) == base else "alias"
                        yield Candidate(entry, how)

    def _variants(self, request: LinkRequest, context: Context) -> Iterator[Candidate]:
        for name in self.full_names(request):
            for entry in self.kb.by_key.get(translit(name), []):
                yield Candidate(entry, "translit")
            if (base := region_base(name)) is not None:
                for entry in self.kb.by_key.get(translit(base), []):
                    if entry.cls == "Region":
                        yield Candidate(entry, "translit")
            if request.type == "Organization":
                if name.isupper() and (initials := self.kb.by_initials.get(name)) is not None:
                    yield Candidate(initials, "initials")
                yield from self._government(name, request, context)

    def _government(self, name: str, request: LinkRequest, context: Context) -> Iterator[Candidate]:
        """The government of a country named in the phrase ("Russian Government",
        "Government of Kazakhstan") or, for a phrase without one, of the entity's country;
        a specific phrase ("State Council") also of the one named country that has it."""
        words: list[str] = []
        countries: set[str] = set()
        for word in normalize(name).split():
            country = self.kb.demonym(word) or next(iter(self.kb.lookup(word, ("Country",))), None)
            if country is not None:
                countries.add(country.qid)
            elif word not in {"of", "the"} or words:
                words.append(word)
        while words and words[-1] in {"of", "the"}:
            words.pop()
        head = " ".join(words)
        if not head or len(countries) > 1:
            return
        if countries:
            owners = countries
        elif request.country:
            owners = {request.country}
        elif head not in _GENERIC_GOVERNMENT:
            owners = set(context.countries)
        else:
            return
        for owner in owners:
            for body in _bodies_by_country(self.kb).get(owner, []):
                generic = head in _GENERIC_GOVERNMENT and body.kind == "government (cabinet)"
                if generic or self.body_head(body) == head:
                    yield Candidate(body, "body")

    def body_head(self, body: KBEntry) -> str:
        """A body's label without its country: "state council" for "State Council of the
        People's Republic of China"."""
        label = normalize(body.label)
        country = self.kb.get(body.country)
        for name in sorted(country.names if country else (), key=len, reverse=True):
            for suffix in (f" of the {normalize(name)}", f" of {normalize(name)}"):
                if label.endswith(suffix):
                    return label[: -len(suffix)]
        return label

    def _near(self, request: LinkRequest, context: Context) -> Iterator[Candidate]:
        for name in self.full_names(request):
            key = normalize(name)
            if len(key) < 8:
                continue
            seen: set[str] = set()
            for word in key.split():
                for entry, other in self.kb.by_token.get(word, []):
                    if entry.qid not in seen and _near(key, other):
                        seen.add(entry.qid)
                        yield Candidate(entry, "near")

    def _parts(self, request: LinkRequest, context: Context) -> Iterator[Candidate]:
        """People named by a part of their name: the surname alone ("Biden", unless the
        article gives a full name), the last words ("Lacalle Pou" for Luis Lacalle Pou), the
        first and last ("Nana Akufo-Addo" for Nana Addo Dankwa Akufo-Addo), or the name
        after words that are not ("Affairs Sergey Lavrov", when a title spilled into it)."""
        if request.type != "Person":
            return
        full = self.full_names(request)
        for name in full or self._names(request):
            words = normalize(name).split()
            if len(words) == 1:  # "Rajapaksa" beside "Mahinda Rajapaksa" is no surname
                for entry in self.kb.by_surname.get(translit(words[0]), []):
                    yield Candidate(entry, "surname")
                continue
            for entry in self.kb.by_name_part.get(translit(name), []):
                yield Candidate(entry, "part")
            forms: set[tuple[str, ...]] = {(words[0], words[-1])} if len(words) > 2 else set()
            forms |= {tuple(words[i:]) for i in range(1, len(words) - 1)}
            for form in forms:
                if sum(len(w) > 2 for w in form) < 2:
                    continue  # "al Nahyan" is too little of a name
                key = translit(" ".join(form))
                for entry in (*self.kb.by_key.get(key, []), *self.kb.by_name_part.get(key, [])):
                    if entry.type == "Person":
                        yield Candidate(entry, "part")

    def fits(self, request: LinkRequest, candidate: Candidate) -> bool:
        """Whether a candidate can be what the request names: of the same type, or a place
        for a country (Hong Kong), a country for a place, a region for a body named as a
        region; and a body whose label lacks its country ("Cabinet of Ministers") only when
        the article says whose it is."""
        entry = candidate.entry
        if (
            entry.cls == "GovernmentBody"
            and candidate.how != "body"
            and self.body_head(entry) == normalize(entry.label)
        ):
            return False
        if entry.type == request.type:
            return True
        if request.type == "Country":
            return entry.type == "Place" and (
                entry.kind in _TERRITORIES or entry.country == entry.qid
            )
        if request.type == "Place":
            return entry.type == "Country"
        if request.type == "Organization":
            named_region = any(region_base(n) for n in (request.label, *request.aliases))
            return named_region and entry.cls == "Region"
        return False

    # -- decisions ----------------------------------------------------------------------

    def choose(
        self, request: LinkRequest, found: list[Candidate], context: Context, loose: bool
    ) -> KBEntry | None:
        """The one candidate the preferences leave (see the module docstring), or None;
        people among ``loose`` candidates need corroboration."""
        if request.type == "Person":
            return self._person(request, found, context, loose)
        # The extractor's class of a place comes from the base; the name is the evidence.
        named_region = any(region_base(n) for n in (request.label, *request.aliases))
        found = [c for c in found if self._plausible(c.entry, request, context)]
        found = _narrow(
            found,
            lambda c: c.entry.type != "Place" or (c.entry.cls == "Region") == named_region,
            lambda c: request.country is not None and c.entry.country == request.country,
            lambda c: c.entry.country in context.countries,
            lambda c: c.how in {"label", "demonym"},
        )
        return _only(_narrow(found, lambda c: _dominant(c, found)))

    def _plausible(self, entry: KBEntry, request: LinkRequest, context: Context) -> bool:
        """A region, or a city neither a capital nor of a million people, is plausible only
        in a country the article names (where it names any): not the Gulf Province of Papua
        New Guinea for "the Gulf region" of an article on Qatar."""
        if entry.type != "Place" or request.type == "Country" or entry.kind in _TERRITORIES:
            return True
        if entry.country in context.countries | {request.country, entry.qid}:
            return True
        if entry.cls == "Region":
            return False
        return not context.countries or entry.kind == "capital" or entry.population >= _BIG

    def _person(
        self, request: LinkRequest, found: list[Candidate], context: Context, loose: bool
    ) -> KBEntry | None:
        evidence = {c.entry.qid: self._evidence(request, c.entry, context) for c in found}
        if request.country is not None:
            found = [c for c in found if not self._conflicts(request, c.entry, context)]
        if loose:  # a near name or part of one needs one corroboration, a surname two
            found = [c for c in found if _support(evidence[c.entry.qid]) >= _SUPPORT[c.how]]
        return _only(
            _narrow(
                found,
                lambda c: "title" in evidence[c.entry.qid],
                lambda c: "country" in evidence[c.entry.qid],
                lambda c: "date" in evidence[c.entry.qid],
            )
        )

    def _evidence(self, request: LinkRequest, person: KBEntry, context: Context) -> set[str]:
        """What in the article agrees with the person's offices: ``title`` (a title the
        article gives names one), ``country`` (one was in the country the article says the
        person represents), ``named`` (one was in a country the article names) and ``date``
        (one was held on the article's date, in a country the article names)."""
        found = set()
        places = context.countries | {request.country}
        if person.country is not None:  # a citizenship, known for people found online
            if person.country == request.country:
                found.add("country")
            if person.country in places:
                found.add("named")
        for holding in person.holdings:
            if any(title_matches(t, holding.title, self.kb) for t in request.titles):
                found.add("title")
            if request.country is not None and holding.of == request.country:
                found.add("country")
            if holding.of in places:
                found.add("named")
                if context.day is not None and held_on(holding, context.day):
                    found.add("date")
        return found

    def _conflicts(self, request: LinkRequest, person: KBEntry, context: Context) -> bool:
        """The person represents a country but held offices only in countries the article
        does not name."""
        places = {h.of for h in person.holdings if h.of}
        named = context.countries | {request.country}
        return (
            bool(places)
            and not places & named
            and all((e := self.kb.get(p)) is not None and e.type == "Country" for p in places)
        )


def _personal(name: str) -> bool:
    """Whether a form can be a person's name: capitalized words, but for particles.

    >>> _personal("Mohammed bin Salman"), _personal("el-Sisi"), _personal("Head of State")
    (True, True, False)
    """
    return all(w[:1].isupper() or w.split("-")[0].lower() in _PARTICLES for w in name.split())


def _unique(candidates: Iterable[Candidate]) -> list[Candidate]:
    """One candidate per entry, each with the strongest way it matched."""
    order = ("label", "demonym", "alias")
    best: dict[str, Candidate] = {}
    for c in candidates:
        known = best.get(c.entry.qid)
        rank = order.index(c.how) if c.how in order else len(order)
        if known is None or rank < (order.index(known.how) if known.how in order else rank):
            best[c.entry.qid] = c
    return list(best.values())


def _narrow(found: list[Candidate], *preferences: Callable[[Candidate], bool]) -> list[Candidate]:
    """The candidates left after keeping, preference by preference, those that meet it
    (when any does)."""
    for prefer in preferences:
        if len(found) <= 1:
            break
        found = [c for c in found if prefer(c)] or found
    return found


def _support(evidence: set[str]) -> int:
    """How many independent things corroborate a person: a country the article names counts
    only when the article does not say which country the person represents."""
    return len(evidence - {"named"}) if "country" in evidence else len(evidence)


def _only(found: list[Candidate]) -> KBEntry | None:
    return found[0].entry if len(found) == 1 else None


def _dominant(candidate: Candidate, found: list[Candidate]) -> bool:
    """Ten times as populous as any other candidate (the last resort)."""
    others = [o.entry.population for o in found if o is not candidate]
    return candidate.entry.population >= _DOMINANT * max(others, default=0) > 0


@cache
def _bodies_by_country(kb: KnowledgeBase) -> dict[str, list[KBEntry]]:
    found: dict[str, list[KBEntry]] = {}
    for entry in kb.entries("Organization"):
        if entry.country and entry.cls == "GovernmentBody":
            found.setdefault(entry.country, []).append(entry)
    return found


def near(a: str, b: str) -> bool:
    """Whether two names differ only by a few letters, word for word.

    >>> near("East Africa Community", "East African Community")
    True
    >>> near("African Court of Justice", "East African Court of Justice")
    False
    >>> near("Abdel Fattah al-Sisi", "Abdel Fattah el-Sisi")
    True
    """
    return _near(normalize(a), normalize(b))


def _near(a: str, b: str) -> bool:
    """``near`` of two normalized names."""
    words_a, words_b = a.split(), b.split()
    # Cheap upper bounds of the ratio first (by length, then by letters): most pairs of
    # names sharing a word fail them, and SequenceMatcher.ratio is slow.
    total = len(a) + len(b)
    if len(words_a) != len(words_b) or (total and 2.0 * min(len(a), len(b)) / total < _NEAR):
        return False
    matcher = SequenceMatcher(None, a, b)
    if matcher.quick_ratio() < _NEAR or matcher.ratio() < _NEAR:
        return False
    return all(
        SequenceMatcher(None, x, y).ratio() >= _NEAR_WORD
        for x, y in zip(words_a, words_b, strict=True)
        if len(x) > 3 or len(y) > 3  # "al" and "el" may differ
    )


def held_on(holding: Holding, day: date) -> bool:
    """Whether an office was held on a day, to the precision of its dates.

    >>> held_on(Holding("Prime Minister", "Q232", "2019-02-25", "2022-01-05"), date(2019, 3, 1))
    True
    >>> held_on(Holding("Prime Minister", "Q232", "2021", None), date(2020, 12, 31))
    False
    """
    when = day.isoformat()
    start, end = holding.start or "", holding.end or ""
    if start and when[: len(start)] < start:
        return False
    return not end or end == "?" or when[: len(end)] <= end


@cache
def _title_table() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    same, rank, skip = {}, set(), set()
    lines = data_path("linking", "titles.tsv").read_text(encoding="utf-8").splitlines()
    for line in lines:
        if not line.strip() or line.startswith(("#", "kind\t")):
            continue
        kind, phrase, *means = line.split("\t")
        if kind == "same":
            same[phrase] = means[0]
        elif kind == "rank":
            rank.add(phrase)
        else:
            skip.add(phrase)
    return same, frozenset(rank), frozenset(skip)


def _title_words(title: str, kb: KnowledgeBase) -> tuple[frozenset[str], frozenset[str]]:
    """The words that say which office a title is, and its rank words."""
    same, rank, skip = _title_table()
    text = f" {normalize(title)} "
    for phrase, meaning in same.items():
        if f" {phrase} " in text:
            text += f" {meaning} "
    words = {w for w in set(text.split()) - skip if not _country_word(w, kb)}
    return frozenset(words - rank), frozenset(words & rank)


def _country_word(word: str, kb: KnowledgeBase) -> bool:
    return kb.demonym(word) is not None or bool(kb.lookup(word, ("Country",)))


def title_matches(title: str, office: str, kb: KnowledgeBase) -> bool:
    """Whether a title in an article can name an office of the knowledge base.

    >>> kb = KnowledgeBase.load()
    >>> title_matches("President", "President of the United States", kb)
    True
    >>> title_matches("Foreign Minister", "Minister of Foreign Affairs of Kazakhstan", kb)
    True
    >>> title_matches("Prime Minister", "First Deputy Prime Minister of Kazakhstan", kb)
    False
    >>> title_matches("Vice President", "President of the United States", kb)
    False
    """
    words, rank = _title_words(title, kb)
    office_words, office_rank = _title_words(office, kb)
    if not words or rank != office_rank:
        return False
    return words <= office_words or office_words <= words
