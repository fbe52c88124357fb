"""Coreference within one article: which mentions name the same person, country, place,
organization, delegation, event or agreement.

- people: surnames, first names and "Mr./Ms. X" join the full name they belong to;
- countries: by Wikidata id, so "Kazakhstan", "Republic of Kazakhstan" and "Kazakh" are one;
- places and organizations: by id, by name, by acronym ("Trade Promotion Organization",
  "TPO"), by a short name given in brackets ("Agency for International Development
  (USAID)") or by a shorter form of the same name;
- delegations: by the country they come from;
- events and agreements: a bare "the meeting", "the talks", "the protocol" joins the latest
  event or agreement of a compatible kind, a short form in brackets the name before it
  ("a memorandum of understanding (MoU)"); documents counted by the same number are one
  set ("two MoUs", "2 MoUs"; "17 agreements", "17 bilateral cooperation agreements").
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from spacy.tokens import Span, Token

from kg.kb import normalize
from kg.nlp.gazetteer import HONORIFICS, country_named, demonym, spelling
from kg.nlp.mentions import Mention, within
from kg.nlp.relations import Resolver, ahead, modality

__all__ = [
    "Cluster",
    "counted",
    "free_id",
    "last_event",
    "pointing_count",
    "previous_sentence_start",
    "resolve",
    "said_of_it",
]

_TOLD_TIMES = {"latest", "same", "today", "yesterday", "current", "ongoing"}
_BARE_DETERMINERS = {"the", "this", "that", "these", "those", "his", "her", "their", "its"}


@dataclass(eq=False)
class Cluster:
    """The mentions of one entity of the article."""

    id: str
    type: str
    cls: str
    mentions: list[Mention] = field(default_factory=list)
    qid: str | None = None
    country: str | None = None
    name: str | None = None  # for an entity the text only refers to (a dateline's place)

    def add(self, mention: Mention) -> None:
        mention.entity = self.id
        self.mentions.append(mention)
        self.qid = self.qid or mention.qid
        self.country = self.country or mention.country

    @property
    def forms(self) -> list[str]:
        """Distinct surface forms, in order of appearance."""
        seen: dict[str, None] = {}
        for m in self.mentions:
            seen.setdefault(m.text, None)
        return list(seen)


def free_id(taken: Collection[str], count: int) -> str:
    """The first entity id after the ``count`` an article has that is not ``taken``."""
    number = count + 1
    while f"e{number}" in taken:
        number += 1
    return f"e{number}"


def last_event(clusters: Iterable[Cluster], since: int, before: int) -> Cluster | None:
    """The event last named between two token positions (``since`` included)."""
    named = [
        (m.span.start, c)
        for c in clusters
        if c.type == "Event"
        for m in c.mentions
        if since <= m.span.start < before
    ]
    return max(named, key=lambda pair: pair[0])[1] if named else None


def previous_sentence_start(token: Token) -> int:
    """Where the sentence before a word's starts (its own, for the first)."""
    start = token.sent.start
    return token.doc[start - 1].sent.start if start > 0 else start


def said_of_it(noun: Token) -> bool:
    """Whether a word is what a pronoun is said to be ("it was a frank talk")."""
    return noun.dep_ == "attr" and any(
        c.dep_ == "nsubj" and c.lower_ in {"it", "this", "that"} for c in noun.head.children
    )


def _name_tokens(text: str) -> list[str]:
    return [t for t in normalize(text).split() if t not in HONORIFICS]


def _refers_back(mention: Mention, cluster: Cluster) -> bool:
    """Whether a bare mention can name the event or agreement of ``cluster``: one named with
    the same word, for "the document" or "the deal" any agreement, for "the trip" any visit, for "the
    session" a meeting of a body, or for "the meeting" any meeting, session, talks or summit,
    though not one only planned when the meeting was held ("agreed to hold a summit ... in
    their meeting held in New York"), nor one still to come when it was (``_to_come``); a
    plural names no one agreement named only in the singular."""
    lemma = _kind_word(mention.root)
    if _to_come(mention, cluster):
        return False
    if mention.type == "Agreement" and _plural(mention) and not any(map(_plural, cluster.mentions)):
        return False  # "the agreements were signed by ...": not the one agreement named before
    if any(_kind_word(m.root) == lemma for m in cluster.mentions):
        return True
    if mention.type == "Agreement":
        return _any_document(mention, cluster)
    if lemma in {"trip", "visit"} and cluster.cls == "Visit":
        return True  # "arrived on an official visit ... As part of this trip, ..."
    if modality(mention.root) == "asserted" and all(
        modality(m.root) == "planned" for m in cluster.mentions
    ):
        return False
    if lemma == "session" and cluster.cls == "Meeting":  # "the meeting of the Commission ...
        return any(_of_a_body(m) for m in cluster.mentions)  # ... co-chaired the session"
    return lemma in {"meeting", "event"} and cluster.cls in {
        "Meeting",
        "Session",
        "Talks",
        "Summit",
    }


def _plural(mention: Mention) -> bool:
    """A plural, also one tagged as a name ("a Binational Commission Agreements")."""
    word = mention.root.lower_
    return mention.root.tag_ in {"NNS", "NNPS"} or word.endswith("s") or word == "memoranda"


_MEETING_VERBS = {"meet", "receive", "welcome", "host"}


def _met_since(mention: Mention, cluster: Cluster) -> bool:
    """Whether "the meeting" follows a sentence that tells of a meeting by a verb ("X was
    received by Y. During the meeting, ..."), with no word of ``cluster`` in either: the
    meeting that verb tells, not one named further back."""
    root = mention.root
    if root.lemma_.lower() != "meeting" or root.sent.start == 0:
        return False
    before = root.doc[root.sent.start - 1].sent
    if any(before.start <= m.span.start < root.sent.end for m in cluster.mentions):
        return False
    return any(t.pos_ == "VERB" and t.lemma_ in _MEETING_VERBS for t in before)


def _to_come(mention: Mention, cluster: Cluster) -> bool:
    """Whether a mention tells an event as held, in the past tense, and ``cluster`` is one
    only planned or still to come ("met to discuss holding the committee's 9th meeting. The
    meeting took place in Tehran": not the 9th)."""
    root = mention.root
    verb = root.head.head if root.dep_ == "pobj" else root.head  # "In the meeting, they ..."
    return (
        mention.type == "Event"
        and verb.tag_ == "VBD"  # told in the past tense
        and modality(root) == "asserted"
        and all(modality(m.root) == "planned" or ahead(m.root) for m in cluster.mentions)
    )


def _any_document(mention: Mention, cluster: Cluster) -> bool:
    """Whether a bare word for any document ("the document", "the deal", "the accord")
    names an agreement of ``cluster``: one document, or a set for "the deals" (not "they
    sign agreements", which names none)."""
    root = mention.root
    if root.lemma_.lower() not in _ANY_DOCUMENT or not any(
        t.dep_ == "det" or t.tag_ == "PRP$" for t in root.lefts
    ):
        return False
    plural = root.tag_ in {"NNS", "NNPS"}
    return any((m.root.tag_ in {"NNS", "NNPS"}) == plural for m in cluster.mentions)


_ANY_DOCUMENT = {"document", "deal", "accord", "pact", "agreement"}


def _kind_word(token: Token) -> str:
    """The word that says what a mention is, a short form or a synonym read as its usual one
    ("the MoU" names a memorandum, "the talks" negotiations)."""
    lemma = token.lemma_.lower()
    return _SHORT_FORMS.get(lemma, lemma)


_SHORT_FORMS = {
    "mou": "memorandum",
    "mous": "memorandum",
    "memoranda": "memorandum",
    "negotiation": "talk",  # "held negotiations ... The talks focused on"
}


def _of_a_body(mention: Mention) -> bool:
    """An event named as that of a named body ("the meeting of the Intergovernmental
    Commission") or of a body that sits ("of the intergovernmental commission")."""
    return any(o.pos_ == "PROPN" or _sitting_body(o) is not None for o in _of_objects(mention.root))


def _of_objects(token: Token) -> list[Token]:
    """What an "of" after a word names ("the commission" of "the meeting of the commission")."""
    return [
        o
        for p in token.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children
        if o.dep_ == "pobj"
    ]


_SITTING_BODIES = {"commission", "council", "committee"}


def _sitting_body(token: Token) -> str | None:
    """A body that sits in sessions, named by its words and not by its countries ("the
    Kazakhstan-Qatar intergovernmental commission" and "the intergovernmental commission":
    "intergovernmental commission"), when no name the recognizer knows names it."""
    if token.lemma_.lower() not in _SITTING_BODIES:
        return None
    words = [
        t.lower_
        for t in token.subtree
        if t.i < token.i
        and t.dep_ in {"amod", "compound", "nmod"}
        and t.is_alpha
        and not t.ent_type_
        and not country_named(t.text)
    ]
    return " ".join([*words, token.lemma_.lower()])


def _definite(mention: Mention) -> bool:
    """Not introduced by "a"/"an"/"another": a new entity, not one mentioned before."""
    return not any(t.lower_ in {"a", "an", "another"} for t in mention.root.lefts)


def _anaphoric_word(token: Token) -> bool:
    """A word that points back rather than naming: a determiner, a possessive pronoun, or
    a time already told ("the Monday session", "today's meeting", "the latest session")."""
    return (
        token.lower_ in _BARE_DETERMINERS
        or token.lower_ in _TOLD_TIMES
        or token.tag_ in {"POS", "DT", "PRP$"}
        or (token.ent_type_ == "DATE" and not token.like_num and _one_word_entity(token))
    )


def _one_word_entity(token: Token) -> bool:
    """A named entity of one word ("Monday", not "17 April")."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.ent_iob_ == "B" and (after is None or after.ent_iob_ != "I")


def _proper_name(mention: Mention) -> tuple[str, str] | None:
    """What names an event whatever else its phrase says: the proper names before its head
    and the head ("the African Union's annual summit" and "the African Union summit"), not
    when a number, a date or "next" sets one sitting apart ("the 10th summit", "the 2019
    summit", "next year's summit"); a name in capitals after its head word names it with
    that word ("the 12th International Exhibition INNOPROM": "the INNOPROM exhibition")."""
    root = mention.root
    word = root.nbor(-1) if root.i > mention.span.start else None
    if root.is_upper and word is not None and word.dep_ == "compound":
        return ("Event name", f"{root.lower_} {word.lemma_.lower()}")  # "Exhibition INNOPROM"
    before = [t for t in mention.span if t.i < root.i]
    if any(t.like_num or t.ent_type_ == "ORDINAL" or t.lower_ in _APART for t in mention.span):
        return None
    names = [t.lower_ for t in before if t.pos_ == "PROPN" or (t.is_upper and len(t) > 2)]
    return ("Event name", " ".join([*names, root.lemma_.lower()])) if names else None


_LASTING = re.compile(r"[\w-]+-(?:minute|hour|day|week|long)s?", re.IGNORECASE)


def _duration(span: Span) -> set[int]:
    """The words of a span that say how long an event lasted and not which it was ("the
    40-minute meeting", "the hour-long talks")."""
    found: set[int] = set()
    start = span.start
    for t in span:
        if t.whitespace_ or t.i == span.end - 1:
            if _LASTING.fullmatch(span.doc[start : t.i + 1].text):
                found.update(range(start, t.i + 1))
            start = t.i + 1
    return found


def _is_bare(mention: Mention) -> bool:
    """An anaphoric event/agreement phrase: ``the meeting``, ``the talks``, ``this protocol``."""
    root: Token = mention.root
    lasting = _duration(mention.span)
    words = [t for t in mention.span if t.i != root.i and t.i not in lasting]
    if not all(_anaphoric_word(t) for t in words):
        return False
    left = [t for t in root.lefts if t.i not in lasting]
    return all(_anaphoric_word(t) or t.dep_ == "det" for t in left) and not any(
        t.dep_ == "prep" and t.lower_ in {"between", "of", "with"} for t in root.rights
    )


def _bare_delegation(mention: Mention) -> bool:
    """A delegation told by its size or rank alone ("the delegation", "the five-member
    delegation", "the high-level delegation"): one named before."""
    if _is_bare(mention):
        return True
    root = mention.root
    return all(
        t.i == root.i or _anaphoric_word(t) or t.like_num or t.lower_ in _SIZES
        for t in [*mention.span, *root.lefts]
    )


# Words of a delegation's size or rank: "five-member", "20-strong", "high-level".
_SIZES = {"-", "member", "strong", "man", "high", "level", "large", "small"}


class _Resolver:
    def __init__(self) -> None:
        self.clusters: list[Cluster] = []
        self.by_key: dict[tuple[str, str], Cluster] = {}
        self.person_at: dict[int, str] = {}  # token index -> the person entity named there
        self.place_at: dict[int, str] = {}  # token index -> the country or place named there
        self.country_at: dict[int, str] = {}  # token index -> QID of the country named there
        self.body_at: dict[int, str] = {}  # token index -> the body named there
        self.people_named: list[Mention] = []  # whom "his" or "her" can refer to
        self.pronouns: Resolver | None = None  # built from them when a visit needs one

    def new(self, mention: Mention, key: tuple[str, str] | None = None) -> Cluster:
        cluster = Cluster(f"e{len(self.clusters) + 1}", mention.type, mention.cls)
        cluster.add(mention)
        self.clusters.append(cluster)
        if key:
            self.by_key[key] = cluster
        return cluster

    def keyed(self, mention: Mention, key: tuple[str, str]) -> None:
        cluster = self.by_key.get(key)
        if cluster is None:
            self.new(mention, key)
        else:
            cluster.add(mention)

    def people(self, mentions: list[Mention]) -> None:
        full = [m for m in mentions if len(_name_tokens(m.text)) > 1]
        short = [m for m in mentions if len(_name_tokens(m.text)) == 1]
        for m in sorted(full, key=_fullness):
            tokens = _name_tokens(m.text)
            key = ("Person", " ".join(tokens))
            variants = [
                c
                for c in self.clusters
                if c.type == "Person"
                and key not in self.by_key
                and (
                    _shortened(tokens, _name_tokens(c.mentions[0].text))
                    or _initialed(tokens, _name_tokens(c.mentions[0].text))
                    or _respelled(tokens, _name_tokens(c.mentions[0].text))
                )
            ]
            variant = variants[0] if len(variants) == 1 else None
            if variant is not None:  # "Nana Akufo-Addo" after "Nana Dankwa Akufo-Addo"
                variant.add(m)
                self.by_key[key] = variant
            else:
                self.keyed(m, key)
        people = [c for c in self.clusters if c.type == "Person"]
        for m in short:
            token = _name_tokens(m.text)[0]
            owners = [c for c in people if token in _name_tokens(c.mentions[0].text)[-1:]]
            if not owners:
                owners = [c for c in people if token == _name_tokens(c.mentions[0].text)[0]]
            if (
                not owners
            ):  # "Lula" of "Luiz Inacio Lula da Silva", "Jokowi" of "Joko Jokowi Widodo"
                owners = [c for c in people if token in _name_tokens(c.mentions[0].text)[1:-1]]
            if not owners:  # "Rahman" of "Emomali Rahmon"
                owners = [c for c in people if _near(token, _name_tokens(c.mentions[0].text)[-1])]
            if len(owners) == 1:
                owners[0].add(m)
            else:
                self.keyed(m, ("Person", token))
        self.person_at = {
            i: m.entity for m in mentions if m.entity for i in range(m.span.start, m.span.end)
        }
        self.people_named = mentions

    def names(self, mentions: list[Mention]) -> None:
        self._names(mentions)
        self.place_at |= {
            i: m.entity
            for m in mentions
            if m.entity and m.type in {"Country", "Place"}
            for i in range(m.span.start, m.span.end)
        }
        self.country_at |= {
            i: m.country
            for m in mentions
            if m.country and m.type in {"Country", "Place"}
            for i in range(m.span.start, m.span.end)
        }
        self.body_at |= {
            i: m.entity
            for m in mentions
            if m.entity and m.type == "Organization"
            for i in range(m.span.start, m.span.end)
        }

    def _names(self, mentions: list[Mention]) -> None:
        for m in mentions:
            if m.qid:
                told = None if (m.type, m.qid) in self.by_key else self._acronym_told(m)
                if told is not None:  # "SCO" in the headline, "Shanghai Cooperation
                    told.add(m)  # Organization" in the text
                    self.by_key[(m.type, m.qid)] = told
                else:
                    self.keyed(m, (m.type, m.qid))
                continue
            key = (m.type, normalize(m.text))
            if key in self.by_key:
                self.by_key[key].add(m)
                continue
            host = self._longer_form(m)
            if host is not None:
                host.add(m)
                self.by_key[key] = host
            else:
                self.new(m, key)

    def _acronym_told(self, mention: Mention) -> Cluster | None:
        """A cluster of no known entity named before by this mention's acronym."""
        short = _acronym(mention.text)
        return next(
            (
                c
                for c in self.clusters
                if c.type == mention.type and c.qid is None and len(short) > 1 and short in c.forms
            ),
            None,
        )

    def _longer_form(self, mention: Mention) -> Cluster | None:
        """A cluster that this mention abbreviates or shortens."""
        text = normalize(mention.text)
        bracketed = self._bracketed(mention)
        if bracketed is not None:
            return bracketed
        headed = self._one_headed_so(mention)
        if headed is not None:
            return headed
        for cluster in self.clusters:
            if cluster.type != mention.type:
                continue
            for form in cluster.forms:
                other = normalize(form)
                if text.isalpha() and mention.text.isupper() and _acronym(form) == mention.text:
                    return cluster
                if _acronym(mention.text) == form and all(f.isupper() for f in cluster.forms):
                    return cluster  # "CNPC" alone in the headline, its whole name in the text
                if _complemented(text, other) or _complemented(other, text):
                    return cluster
                if _of_the_countries(text, other) or (
                    _of_the_countries(other, text) and not _told_beside(cluster, mention)
                ):
                    return cluster
        return None

    def _one_headed_so(self, mention: Mention) -> Cluster | None:
        """The one body named before with this mention's only word as its head ("the
        Commission" after "the Turkmen-Qatari Intergovernmental Commission on Trade")."""
        word = mention.root.lower_
        if len(mention.span) != 1 or mention.type != "Organization" or word not in _SITTING_BODIES:
            return None
        found = [
            c
            for c in self.clusters
            if c.type == "Organization" and any(m.root.lower_ == word for m in c.mentions)
        ]
        return found[0] if len(found) == 1 else None

    def _bracketed(self, mention: Mention) -> Cluster | None:
        """The cluster of the name a short form is given in brackets after, or within
        ("Agency for International Development (USAID)", "a memorandum of understanding
        (MoU) on trade")."""
        doc, start, size = mention.span.doc, mention.span.start, len(mention.span)
        bracket = start - 1 if start and doc[start - 1].text == "(" else None

        def gives(m: Mention) -> bool:
            if bracket is not None and m.span.start < bracket <= m.span.end:
                return True  # this very mention is the short form
            end = m.span.end  # the short form given there, named again here
            return (
                doc[end : end + 1].text == "("
                and doc[end + 1 : end + 1 + size].text == mention.text
            )

        return next(
            (c for c in self.clusters if c.type == mention.type and any(map(gives, c.mentions))),
            None,
        )

    def delegations(self, mentions: list[Mention]) -> None:
        for m in mentions:
            key = ("Delegation", m.country) if m.country else None
            led = self._led_from(m) if key and key not in self.by_key else None
            if key and led is not None:  # "a delegation led by Austrian Minister X ... the
                led.add(m)  # Austrian delegation": one
                self.by_key[key] = led
            elif key:
                self.keyed(m, key)
            elif _bare_delegation(m) and _definite(m) and (latest := self._latest("Delegation")):
                latest.add(m)
            elif not key and (keyed := self._led_by_one_of(m)) is not None:
                keyed.add(m)
            else:
                self.new(m)

    def _led_by_one_of(self, mention: Mention) -> Cluster | None:
        """The delegation of a country told before that one of no country is, led by someone
        named with that country ("Mongolian delegation tours port" in the headline, "a
        delegation led by Mongolia's Minister X" in the body)."""
        led = [c for c in mention.root.children if c.lemma_ in {"lead", "head"}]
        agents = [a for c in led for a in c.children if a.dep_ == "agent"]
        # the leader's name and titles, not a clause told of him ("who is visiting Baku")
        words = [t for a in agents for t in a.subtree if not _in_clause_under(t, a)]
        if not words:
            return None
        return next(
            (
                c
                for key, c in self.by_key.items()
                if key[0] == "Delegation" and any(_names(t.text, key[1]) for t in words)
            ),
            None,
        )

    def _led_from(self, mention: Mention) -> Cluster | None:
        """The delegation of no country yet that a definite one of a country is (told before,
        led by someone named with that country: "a delegation led by Austrian Minister X")."""
        if not _definite(mention):
            return None
        for c in reversed(self.clusters):
            if c.type != "Delegation" or any(m.country for m in c.mentions):
                continue
            first = c.mentions[0].root
            words = [t for t in first.subtree if t.i >= first.i]
            if any(_names(t.text, mention.country) for t in words):
                return c
        return None

    def events(self, mentions: list[Mention], kind: str) -> None:
        by_root = {m.root.i: m for m in mentions}
        for m in mentions:
            previous = self._latest(kind, m)
            if _is_bare(m) and _definite(m) and previous is not None:
                if _met_since(m, previous):  # the meeting a verb told: frames fold it in
                    self.new(m)
                else:
                    previous.add(m)
                continue
            key = (kind, normalize(m.text))
            name = _proper_name(m)
            # The same words name the same event when they say more than its kind (not
            # with "a": "for a state visit ... hosted on a state visit" are two).
            same = self.by_key.get(key) if len(m.span) > 1 and _definite(m) else None
            same = same or (self.by_key.get(name) if name else None)
            same = same or self._bracketed(m) or self._part_of(m, by_root) or self._same_visit(m)
            same = same or self._apposed_to_clause(m, kind, by_root) or self._said_to_be(m)
            same = same or self._same_count(m) or self._one_set(m) or self._set_told(m)
            same = same or self._shorter(m)
            same = same or self._cut_short(m)
            same = same or self._described(m, kind)
            sitting, of_body = self._sitting(m)
            same = same or (self.by_key.get(sitting) if sitting else None)
            same = same or self._same_body(m, of_body) or self._body_word_sitting(m)
            if same is not None:
                same.add(m)
                self.by_key.setdefault(key, same)
            else:
                self.new(m, key)
            for other in (name, sitting, of_body):
                if other:
                    self.by_key.setdefault(other, self.by_key[key])

    def _described(self, mention: Mention, kind: str) -> Cluster | None:
        """The event "it" is said to be ("... after a meeting with X: 'It was a very open
        talk'"): the last one of its kind named in its sentence or the one before (talks
        and meetings are one kind; "this was his first visit" after "held talks" is not). A
        visit is the last one named anywhere before ("I'll travel to X for a state visit. ...
        It will be an important visit"): a trip lasts the whole story."""
        if kind != "Event" or not said_of_it(mention.root):
            return None
        kinds = _TALKS if mention.cls in _TALKS else {mention.cls}
        since = 0 if mention.cls == "Visit" else previous_sentence_start(mention.root)
        return last_event((c for c in self.clusters if c.cls in kinds), since, mention.span.start)

    def _apposed_to_clause(
        self, mention: Mention, kind: str, by_root: dict[int, Mention]
    ) -> Cluster | None:
        """An event the parser put in apposition to a word that names no event ("held talks
        at X, an estate in Y, the first meeting between them since"): the one event its
        sentence named before it, not as what held it ("on the sidelines of the exhibition
        held in X, Y, a meeting between ...")."""
        root = mention.root
        if kind != "Event" or root.dep_ != "appos" or root.head.i in by_root:
            return None
        sent = root.sent
        named = [
            (c, m)
            for c in self.clusters
            if c.type == "Event"
            for m in c.mentions
            if sent.start <= m.span.start < mention.span.start
        ]
        outer = {  # not "talks" inside "two rounds of talks", nor the summit on whose
            id(c): c  # sidelines it was held
            for c, m in named
            if not any(o is not m and o.span.start <= m.span.start < o.span.end for _, o in named)
            and not within(m)
        }
        return next(iter(outer.values())) if len(outer) == 1 else None

    def _said_to_be(self, mention: Mention) -> Cluster | None:
        """The event a sentence says another one was ("The meeting was the first binational
        cabinet session since 2021", "the talks were the first high-level meeting")."""
        root = mention.root
        if mention.type != "Event" or root.dep_ != "attr" or root.head.lemma_ != "be":
            return None
        subjects = [c for c in root.head.children if c.dep_ == "nsubj"]
        return next(
            (
                c
                for c in self.clusters
                if c.type == "Event"
                for m in c.mentions
                if any(m.root.i == s.i for s in subjects)
            ),
            None,
        )

    def _part_of(self, mention: Mention, by_root: dict[int, Mention]) -> Cluster | None:
        """ "The 13th meeting of the 13th session": the event it is a sitting of; and the other
        way, "talks" in "two rounds of talks": the event named around it."""
        for prep in mention.root.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    inner = by_root.get(obj.i)
                    if inner is not None:
                        return self.by_key.get((inner.type, normalize(inner.text)))
        prep = mention.root.head
        outer = by_root.get(prep.head.i) if mention.root.dep_ == "pobj" else None
        if prep.lower_ == "of" and outer is not None and outer.span.start < mention.span.start:
            return next((c for c in self.clusters if outer in c.mentions), None)
        return None

    def _same_body(self, mention: Mention, of_body: tuple[str, str] | None) -> Cluster | None:
        """The sitting of the same body the article told of before, unless both are numbered
        ("a meeting of the Joint Economic Commission in Tehran ... the 22nd session of the
        Joint Economic Commission in Tehran": one sitting; the 7th and the 8th: two)."""
        found = self.by_key.get(of_body) if of_body else None
        if found is None or _number(mention) is None:
            return found
        return None if any(_number(m) for m in found.mentions) else found

    def _body_word_sitting(self, mention: Mention) -> Cluster | None:
        """ "The committee meeting", "the commission session": the sitting told last of a
        body named with that word ("the 2nd meeting of the Mongolia-Korea Intergovernmental
        Committee"), unless a number or a date sets it apart."""
        root = mention.root
        words = {
            c.lower_
            for c in root.lefts
            if c.dep_ in {"compound", "nmod"} and c.lower_ in _SITTING_BODIES
        }
        if (
            mention.type != "Event"
            or not words
            or not _definite(mention)
            or _number(mention)
            or any(_dating(t) for t in _modifiers(mention))
        ):
            return None
        return next(
            (
                c
                for c in reversed(self.clusters)
                if c.type == "Event"
                and any(o.lower_ in words for m in c.mentions for o in _of_objects(m.root))
            ),
            None,
        )

    def _sitting(self, mention: Mention) -> tuple[tuple[str, str] | None, tuple[str, str] | None]:
        """The keys of a sitting of a body: with its head word and number, if numbered ("the
        13th session of the commission"; "the first meeting of the Supreme Interstate Council"
        after "the first meeting of the Azerbaijan-Kazakhstan Supreme Interstate Council" is
        that sitting), and with its body alone, unless a date or "next" sets it apart."""
        number = _number(mention)
        bodies = _of_objects(mention.root)
        body = next((self.body_at[o.i] for o in bodies if o.i in self.body_at), None)
        body = body or next((b for o in bodies if (b := _sitting_body(o)) is not None), None)
        if mention.type != "Event" or body is None:
            return None, None
        numbered = ("Event sitting", f"{mention.root.lemma_.lower()} {number} {body}")
        apart = any(_dating(t) for t in _modifiers(mention))
        return numbered if number else None, None if apart else ("Event body", body)

    def _shorter(self, mention: Mention) -> Cluster | None:
        """ "The official talks" after "official talks with his counterpart", "the 10th
        session" after "the 10th Session of the Commission": a definite event named with no
        more than the words an earlier one of its head had before it (its ordinal too), and
        nothing after the head that says whose it is; not when a date, another number or
        "next" sets it apart."""
        number = _number(mention)
        words = [t for t in mention.span if t.i != mention.root.i and t.lower_ != number]
        if (
            mention.type != "Event"
            or not any(t.lower_ == "the" for t in mention.root.lefts)
            or any(t.i > mention.root.i for t in words)
            or any(_dating(t) or t.like_num or t.ent_type_ == "ORDINAL" for t in words)
            or any(c.dep_ == "prep" and c.lower_ in _WHOSE for c in mention.root.rights)
        ):
            return None
        said = {t.lower_ for t in words if not _anaphoric_word(t)}
        for c in reversed(self.clusters):
            for m in c.mentions:
                if (
                    c.type == "Event"
                    and m.root.lemma_ == mention.root.lemma_
                    and said <= {t.lower_ for t in m.span if t.i < m.root.i}
                    and number in {None, _number(m)}
                    and not _to_come(mention, c)
                ):
                    return c
        return None

    def _cut_short(self, mention: Mention) -> Cluster | None:
        """ "The agreement on defence industry" after "an agreement on defence industry
        cooperation": an agreement "the" names by the first words of an earlier one's name."""
        words = normalize(mention.text).split()
        if (
            mention.type != "Agreement"
            or len(words) < 3
            or not any(t.lower_ == "the" for t in mention.root.lefts)
        ):
            return None
        for c in (c for c in reversed(self.clusters) if c.type == "Agreement"):
            for m in c.mentions:
                full = normalize(m.text).split()
                if len(full) > len(words) and full[: len(words)] == words:
                    return c
        return None

    def _same_count(self, mention: Mention) -> Cluster | None:
        """The documents counted by the same number before ("signed two agreements ... the
        two deals cover"): one set of documents, named twice."""
        count = counted(mention)
        if mention.type != "Agreement" or count is None:
            return None
        return next(
            (
                c
                for c in self.clusters
                if c.type == "Agreement" and any(counted(m) == count for m in c.mentions)
            ),
            None,
        )

    def _one_set(self, mention: Mention) -> Cluster | None:
        """Documents named in the plural, counted alike or not at all, where the article names
        no other such set: the one set it tells of ("Documents on cooperation signed",
        "official documents of cooperation", "12 agreements on bilateral cooperation")."""
        if mention.type != "Agreement" or not _a_set(mention):
            return None
        count = counted(mention)
        sets = [
            c
            for c in self.clusters
            if c.type == "Agreement"
            and all(_a_set(m) for m in c.mentions)
            and (count is None or all(counted(m) in {None, count} for m in c.mentions))
        ]
        return sets[0] if len(sets) == 1 else None

    def _set_told(self, mention: Mention) -> Cluster | None:
        """Documents named in the plural by pointing words alone ("The documents were signed
        at the Foreign Office") after a set of documents ("signed three memoranda in the
        fields of energy and railways"): that set, told last, with no single document named
        since (those ``kg.nlp.anaphora.listed_documents`` reads), counted alike if at all."""
        count = pointing_count(mention) if mention.type == "Agreement" else None
        if count is None:
            return None
        told = [
            (m, c)
            for c in self.clusters
            if c.type == "Agreement"
            for m in c.mentions
            if m.span.start < mention.span.start
        ]
        if not told:
            return None
        cluster = max(told, key=lambda mc: mc[0].span.start)[1]
        counts = {counted(m) for m in cluster.mentions} - {None}
        plural = counts or any(m.root.tag_ in {"NNS", "NNPS"} for m in cluster.mentions)
        return cluster if plural and (count == 0 or count in counts) else None

    def _same_visit(self, mention: Mention) -> Cluster | None:
        """Two mentions of a visit by the same person (to one destination, where both say
        where), or to the same place (a country and a place in it are one destination) by no
        one else, are one visit ("is on visit to Russia", "paying an official visit to the
        Russian Federation"; a headline's "Visit to Uzbekistan", "a two-day visit to
        Tashkent"); not one called previous or next ("during his brief visit ... his previous
        visit")."""
        if mention.cls != "Visit":
            return None
        named, target = self._visitor(mention), self._destination(mention)
        visitor = named or self._doer(mention)
        for cluster in self.clusters:
            if cluster.cls != "Visit" or _another(mention) != all(map(_another, cluster.mentions)):
                continue
            visitors = {self._visitor(m) or self._doer(m) for m in cluster.mentions} - {None}
            targets = [t for m in cluster.mentions if (t := self._destination(m)) is not None]
            there = target is not None and any(self._one_destination(target, t) for t in targets)
            # "X paid a visit to Guinea" is not X's visit told before to no place it names
            known = target is None or (not targets and named is not None)
            if visitor is not None and visitor in visitors and (there or known):
                return cluster
            if there and (visitor is None or not visitors):
                return cluster
        return None

    def _one_destination(self, a: tuple[str, str | None], b: tuple[str, str | None] | None) -> bool:
        """Whether two destinations (entity, country QID) are one: the same, or a country and
        a place in it."""
        if b is None:
            return False
        if a[0] == b[0]:
            return True
        countries = {c.id for c in self.clusters if c.type == "Country"}
        return a[1] is not None and a[1] == b[1] and bool({a[0], b[0]} & countries)

    def _destination(self, mention: Mention) -> tuple[str, str | None] | None:
        """The country or place a visit mention goes to ("visit to Russia", "pay a visit to
        Russia", "the Cairo trip"), with the QID of its country."""
        root = mention.root
        heads = [root, root.head] if root.dep_ == "dobj" else [root]
        for child in root.children:
            if child.dep_ == "compound" and child.i in self.place_at:
                return self.place_at[child.i], self.country_at.get(child.i)
        on = _on_a_visit(root)  # "arrived in Baku on a visit"
        preps = [c for h in heads for c in h.children if c.dep_ in {"prep", "dative"}]
        preps = [c for c in preps if c.lower_ == "to"]
        preps += [c for c in on.children if c.lower_ in {"in", "to"}] if on is not None else []
        for obj in (o for prep in preps for o in prep.children):
            if obj.i in self.place_at:
                return self.place_at[obj.i], self.country_at.get(obj.i)
        return None

    def _visitor(self, mention: Mention) -> str | None:
        """The person whose visit a mention names ("Li's visit", "her visit", "the Li visit",
        "the visit of X", "a visit to Y by X")."""
        for child in mention.root.children:
            if child.dep_ in {"poss", "compound"} and child.i in self.person_at:
                return self.person_at[child.i]
            if child.dep_ == "poss" and child.lower_ in {"his", "her"} and self.people_named:
                if self.pronouns is None:
                    self.pronouns = Resolver(child.doc, self.people_named)
                antecedent = self.pronouns.antecedent(child)
                return antecedent.entity if antecedent is not None else None
            if child.dep_ == "prep" and child.lower_ in {"of", "by"}:
                people = [
                    self.person_at[obj.i] for obj in child.children if obj.i in self.person_at
                ]
                if people:
                    return people[0]
        return None

    def _doer(self, mention: Mention) -> str | None:
        """The person who makes the visit a verb's object names ("X paid a visit", "X wraps
        up his Cairo trip")."""
        root = mention.root
        verb = _on_a_visit(root)
        if verb is None and (root.dep_ != "dobj" or root.head.lemma_ not in _MAKING_A_VISIT):
            return None
        verb = verb or root.head
        doers = [c for c in verb.children if c.dep_ == "nsubj"]
        if doers and doers[0].tag_ == "WP" and verb.dep_ == "relcl":
            doers = [verb.head]  # "X, who is in Baku on a visit"
        return self.person_at.get(doers[0].i) if doers else None

    def _latest(self, kind: str, mention: Mention | None = None) -> Cluster | None:
        """The latest cluster of a kind that a bare mention can refer back to: one named
        with the same head word ("the talks"), or for "the meeting" any meeting, session,
        talks or summit, for "the deal" an agreement (one named so first); for an event, the latest one not set apart by its own date or as
        previous or next ("the 19th session held in Islamabad in 2014")."""
        found = [
            c
            for c in reversed(self.clusters)
            if c.type == kind and (mention is None or _refers_back(mention, c))
        ]
        if mention is not None and kind == "Agreement":  # "the agreement" before "the deal"
            word = _kind_word(mention.root)
            same = [c for c in found if any(_kind_word(m.root) == word for m in c.mentions)]
            found = same or found
        if mention is None or kind != "Event":
            return found[0] if found else None
        since = previous_sentence_start(mention.root)
        same = [  # "a meeting ... on the sidelines of the session. During the meeting": the
            c  # meeting, named near, not the session named since
            for c in found
            if not _set_apart(c)
            and any(
                m.root.lemma_ == mention.root.lemma_ and since <= m.span.start < mention.span.start
                for m in c.mentions
            )
        ]
        if same:
            return same[0]
        return next((c for c in found if not _set_apart(c)), found[0] if found else None)


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)$", re.IGNORECASE)
_WHOSE = {"with", "between", "of"}  # "the meeting with X": whose, not one told before
_TALKS = {"Meeting", "Talks"}  # one kind of event: "It was a frank talk" after a meeting
_APART = {"previous", "last", "earlier", "past", "next", "upcoming", "forthcoming", "former"}


_NUMBERS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
]


def _on_a_visit(visit: Token) -> Token | None:
    """The verb that says who is somewhere "on a visit" ("X arrived in Baku on an official
    visit", "X, who is in Baku on a visit")."""
    on = visit.head
    if visit.dep_ == "pobj" and on.lower_ == "on" and on.head.pos_ in {"VERB", "AUX"}:
        return on.head
    return None


def _in_clause_under(token: Token, top: Token) -> bool:
    """Whether a word lies in a clause hung below ``top`` (a relative or adverbial one)."""
    while token != top and token.head != token:
        if token.dep_ in {"relcl", "acl", "advcl"}:
            return True
        token = token.head
    return False


def _names(word: str, country: str | None) -> bool:
    """Whether a word names a country (by its QID) or is its demonym."""
    entry = demonym(word) or country_named(word)
    return entry is not None and entry.qid == country


def _number(mention: Mention) -> str | None:
    """The ordinal that numbers a sitting ("13th", "first")."""
    return next((t.lower_ for t in mention.root.lefts if _ordinal(t)), None)


def _ordinal(token: Token) -> bool:
    """An ordinal, also one some parses take for a date ("the 20th session")."""
    return token.ent_type_ == "ORDINAL" or bool(_ORDINAL.match(token.text))


def counted(mention: Mention) -> int | None:
    """The number of things a mention counts ("two", "17"), if more than one."""
    for child in mention.root.children:
        if child.dep_ == "nummod" and child.ent_type_ != "DATE":
            word = child.lower_
            count = int(word) if word.isdigit() else _NUMBERS.index(word) if word in _NUMBERS else 0
            return count if count > 1 else None
    return None


_DOCUMENTS = {"document", "agreement", "memorandum", "deal", "accord", "text", "paper"}
_POINTING = {"the", "these", "those", "both", "all"}


def pointing_count(mention: Mention) -> int | None:
    """For documents named in the plural by pointing words alone ("the documents", "both
    agreements", "the two deals"), the number they count (0 for none); else None."""
    token = mention.root
    if token.tag_ not in {"NNS", "NNPS"} or token.lemma_ not in _DOCUMENTS:
        return None
    lefts = list(token.lefts)
    if any(t.dep_ == "prep" for t in token.rights) or not lefts or lefts[0].lower_ not in _POINTING:
        return None
    count = counted(mention)
    if len(lefts) > 1 + (count is not None):
        return None  # "the signed documents", "the two intergovernmental agreements"
    return count or (2 if lefts[0].lower_ == "both" else 0)


def _a_set(mention: Mention) -> bool:
    """A plural mention of documents that says no more of them than that they are on
    cooperation between the parties ("agreements", "official documents of cooperation",
    "12 bilateral agreements between A and B", "documents between the two countries"; not
    "agreements on two new factories", "trade deals", "previously reached agreements"), or
    counted ("eight memoranda of understanding", which the tagger may take for one)."""
    plural = mention.root.tag_ in {"NNS", "NNPS"} or counted(mention) is not None  # "memoranda"
    return plural and all(
        t.i == mention.root.i
        or t.like_num
        or t.ent_type_ in {"GPE", "NORP", "ORG", "CARDINAL"}
        or t.pos_ in {"DET", "ADP", "CCONJ", "PUNCT", "PART", "PRON"}
        or t.lemma_.lower() in _GENERIC_WORDS
        for t in _modifiers(mention)
    )


_GENERIC_WORDS = {
    "cooperation",
    "bilateral",
    "official",
    "several",
    "various",
    "number",
    "series",
    "package",
    "new",
    "key",
    "major",
    "important",
    "mutual",
    "intergovernmental",
    "interstate",
    "field",
    "area",
    "sphere",
    "sign",
    "joint",
    "relevant",
    "partnership",
    "country",
    "side",
    "state",
    "government",
    "newly",
    "understanding",  # "memoranda of understanding": what the documents are, not on what
}


def _set_apart(cluster: Cluster) -> bool:
    """An event every mention of which dates it or calls it previous or next: one the
    article recalls or expects beside the one it reports."""
    return all(any(_dating(t) for t in _modifiers(m)) for m in cluster.mentions)


def _modifiers(mention: Mention) -> list[Token]:
    """The words of a mention and of the phrases that modify its head word."""
    words = list(mention.span)
    for child in mention.root.children:
        if child.dep_ in {"acl", "prep", "amod", "npadvmod"} and child not in words:
            words += list(child.subtree)
    return words


# Verbs whose subject makes the visit their object names ("X paid a visit", "X concluded his
# trip"), not hosts it ("X hosted the visit").
_MAKING_A_VISIT = {
    "pay",
    "make",
    "begin",
    "start",
    "conclude",
    "end",
    "complete",
    "wrap",
    "undertake",
}


def _another(mention: Mention) -> bool:
    """An event called previous or next ("his previous visit", "the upcoming talks")."""
    return any(t.lower_ in _APART for t in _modifiers(mention))


def _dating(token: Token) -> bool:
    """A word that dates an event or calls it previous or next (not an ordinal: "the 20th
    session", which some parses take for a date)."""
    if token.lower_ in _APART:
        return True
    return token.ent_type_ == "DATE" and token.tag_ in {"NNP", "CD"} and not _ordinal(token)


def _told_beside(cluster: Cluster, mention: Mention) -> bool:
    """Whether a body's bare name comes before a mention in its sentence: "Chairman of the
    National Assembly X held talks with President of the Lao National Assembly Y" names two
    bodies, where a bare name told before ("the Supreme Interstate Council") is the one the
    text names later after its countries."""
    return any(m.span.sent.start == mention.span.sent.start for m in cluster.mentions)


def _complemented(short: str, long: str) -> bool:
    """``long`` is ``short`` with an of/on/for complement: "Kazakhstan-Belarusian Commission"
    and "Kazakhstan-Belarusian Commission on Trade and Economic Cooperation"."""
    return len(short.split()) > 1 and any(
        long.startswith(f"{short} {prep} ") for prep in ("of", "on", "for")
    )


def _of_the_countries(short: str, long: str) -> bool:
    """``long`` is ``short`` after the countries it is of, and with the field it is on after
    it: "Supreme Interstate Council" and "Azerbaijan-Kazakhstan Supreme Interstate Council",
    "Kazakh-Belarusian Intergovernmental Commission", "Kazakhstan-Hungary Intergovernmental
    Council on Economic Cooperation"."""
    long = re.sub(r" (?:on|for) .*$", "", long) if " on " in long or " for " in long else long
    if len(short.split()) < 2 or not long.endswith(f" {short}"):
        return False
    words = re.sub(r"[-–—]", " ", long[: -len(short)]).split()  # "Pakistan–Iran"
    return bool(words) and all(country_named(w.title()) or demonym(w.title()) for w in words)


def _shortened(short: list[str], full: list[str]) -> bool:
    """A shorter form of a full name: the same first and last names and fewer middle ones
    ("Nana Akufo-Addo"), its last two names or more ("Xuan Phuc" of "Nguyen Xuan Phuc",
    "El-Sisi" of "Abdel Fattah El-Sisi"), or its first three names and more ("Mohammed bin Salman" of "Mohammed bin Salman
    bin Abdulaziz Al Saud")."""
    if len(short) >= len(full):
        return False
    given_names = len(short) >= 2 and short == full[-len(short) :]
    lineage = len(short) >= 3 and short == full[: len(short)]  # "Mohammed bin Salman"
    return (short[0] == full[0] and short[-1] == full[-1]) or given_names or lineage


def _respelled(one: list[str], other: list[str]) -> bool:
    """The same name spelled another way, as transliterations differ ("Shavkat Mirziyoev"
    of "Shavkat Mirziyoyev", "Gombojavyn Zandanshatar" of "Gombozhavin Zandanshatar"): each
    word the same or a near spelling of it; or a Mongolian name written both ways round,
    the father's name in the genitive before the given name or after it in the nominative
    ("Batmunkhin Battsetseg", "Battsetseg Batmunkh")."""
    if len(one) != len(other) or len(one) < 2:
        return False
    if len(one) == 2 and (_patronymic(one, other) or _patronymic(other, one)):
        return True
    differ = [(a, b) for a, b in zip(one, other, strict=True) if a != b]
    return bool(differ) and all(_near(a, b) for a, b in differ)


def _patronymic(genitive_first: list[str], given_first: list[str]) -> bool:
    """``genitive_first`` is "Batmunkhin Battsetseg" of ``given_first`` "Battsetseg
    Batmunkh": the same given name, and the father's name with a genitive ending."""
    (father, given), (given_too, father_too) = genitive_first, given_first
    if given != given_too and not _near(given, given_too):
        return False
    stem, genitive = spelling(father_too), spelling(father)
    return genitive.startswith(stem) and genitive[len(stem) :] in {"in", "gin", "n"}


def _near(a: str, b: str) -> bool:
    """Two spellings of one long name word: the same as transliterations agree on it
    ("Japarov", "Zhaparov"), or the same first letter and at most a letter or two apart."""
    return (
        a != b
        and min(len(a), len(b)) >= 5
        and (
            spelling(a) == spelling(b)
            or (a[0] == b[0] and SequenceMatcher(None, a, b).ratio() >= 0.8)
        )
    )


def _fullness(mention: Mention) -> tuple[int, bool]:
    """Longer names first, and a spelled-out name before one with initials."""
    tokens = _name_tokens(mention.text)
    return -len(tokens), min(len(t) for t in tokens) <= 2


def _initialed(short: list[str], full: list[str]) -> bool:
    """A name with initials for some names of a full one, in either order: "U.Khurelsukh"
    (u khurelsukh) of "Ukhnaa Khurelsukh", "Batbold.Ts" (batbold ts) of "Tsend Batbold"."""
    if len(short) != len(full) or short == full:
        return False
    for other in (full, full[::-1]):
        pairs = list(zip(short, other, strict=True))
        if all(
            a == b or (len(a) <= 2 and b.startswith(a)) or (len(b) <= 2 and a.startswith(b))
            for a, b in pairs
        ) and any(a == b and len(a) > 2 for a, b in pairs):
            return True
    return False


def _acronym(name: str) -> str:
    words = [w for w in name.replace("-", " ").split() if w[0].isupper()]
    return "".join(w[0] for w in words)


def resolve(mentions: Iterable[Mention]) -> list[Cluster]:
    """Group mentions into clusters, one per entity; sets each mention's ``entity``."""
    mentions = list(mentions)
    resolver = _Resolver()
    by_type: dict[str, list[Mention]] = {}
    for m in mentions:
        by_type.setdefault(m.type, []).append(m)
    resolver.people(by_type.get("Person", []))
    for kind in ("Country", "Place", "Organization"):
        resolver.names(by_type.get(kind, []))
    resolver.delegations(by_type.get("Delegation", []))
    for kind in ("Event", "Agreement"):
        resolver.events(by_type.get(kind, []), kind)
    return resolver.clusters
