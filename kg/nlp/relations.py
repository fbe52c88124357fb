"""Relations read off the dependency parse with patterns kept as data.

Each pattern in ``kg/nlp/patterns/*.json`` is a spaCy ``DependencyMatcher`` pattern plus the
predicate it gives and which of its nodes are the subject and the object::

    {"name": "met/meet-with", "predicate": "met", "subject": "who", "object": "whom",
     "pattern": [...], "examples": [{"text": "...", "expect": [[s, p, o]]}]}

(an example may also list what it must not give, ``"expect_not"``)

A node's token stands for the mention it heads or lies in; a title stands for the person it
introduces ("the Ambassador ... Alexey Borodavkin"), a pronoun for the person it refers to.
Coordinated nodes ("X and Y signed") give one relation per conjunct. ``"pairwise": "who"``
makes every two conjuncts of that node a pair ("X and Y met"); ``"types": {"who":
["Person"]}`` narrows the entity types a node may stand for.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from kg.nlp.depmatch import DependencyPatterns
from kg.nlp.gazetteer import HONORIFICS, heads, honour
from kg.nlp.mentions import COMPANY_WORDS, Mention
from kg.nlp.paragraphs import quotations
from kg.nlp.titles import titles_by_word

__all__ = [
    "MEETING_WORDS",
    "RECEIVING",
    "SIGNATURES",
    "STYLED",
    "Candidate",
    "Pattern",
    "ahead",
    "find_relations",
    "load_patterns",
    "modality",
    "names_a_format",
    "one_by_one",
    "where_words",
]

PATTERNS = Path(__file__).parent / "patterns"
SIGNATURES = {
    "headedBy": ({"Delegation", "Organization", "Event"}, {"Person"}),
    "heldIn": ({"Event"}, {"Place", "Country"}),
    "signed": ({"Person", "Country", "Organization", "Delegation"}, {"Agreement"}),
    "visited": ({"Person", "Delegation"}, {"Place", "Country", "Organization"}),
    "met": ({"Person"}, {"Person"}),
    "participant": ({"Event"}, {"Person", "Country", "Organization", "Delegation"}),
    "represents": ({"Person", "Delegation"}, {"Country", "Organization"}),
    # Where people met, and who went along with whom: used to fill in other facts, kept
    # inside the extraction.
    "venue": ({"Person"}, {"Place", "Country"}),
    "accompanies": ({"Person", "Delegation"}, {"Person", "Delegation"}),
}
PHRASES = {"Event", "Agreement", "Delegation"}
_ROLES = {"head", "leader", "chief", "chairman", "chairwoman", "chairperson", "chair"}
_LISTED = {"Person", "Country", "Organization", "Delegation"}  # whom a plural noun may list
_PLANNED_LEMMAS = {
    "plan",
    "expect",
    "intend",
    "schedule",
    "set",
    "prepare",
    "agree",
    "aim",
    "hope",
    "want",
    "propose",
    "invite",
    "go",
    "due",
    "likely",
    "wish",
    "seek",
    "consider",
    "discuss",
    "wait",
    "await",
    "anticipate",
    "look",  # "looks forward to receiving"
    "eager",
    "keen",
    # what one is invited, offered or decided to do: "an invitation to hold the meeting"
    "invitation",
    "proposal",
    "offer",
    "intention",
    "readiness",
    "decision",
}
_POSSESSIVE = {"'s", "’s"}  # a possessive ending, as the tokenizer splits it off
_AGREEING = {"agree", "decide", "pledge", "vow", "resolve", "commit", "promise", "reaffirm"}
# Verbs whose "at" or "during" is the place or time of the event they plan.
_EVENT_VERBS = {"meet", "hold", "visit", "sign", "convene", "attend", "host", "gather", "travel"}
_EVENT_VERBS |= {"discuss", "continue", "resume", "take"}
_FUTURE = {
    "forthcoming",
    "upcoming",
    "next",
    "future",
    "planned",
    "scheduled",
    "coming",
    "expected",
    "proposed",
    "prospective",
    "possible",
    "potential",
    "likely",
}
_TIME_NOUNS = {
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "weekend",
    "spring",
    "summer",
}
_TIME_NOUNS |= {"autumn", "fall", "winter", "monday", "tuesday", "wednesday", "thursday"}
_TIME_NOUNS |= {"friday", "saturday", "sunday"}
_LATER = {"later", "next", "coming"}  # "later this year", "next month"
_UNDER_WAY = {"current", "ongoing", "present"}  # an event that is taking place
_CONVENING = {"hold", "convene", "organize", "organise", "host"}
_PLANNING = {"discuss", "plan", "prepare", "consider", "propose", "agree", "decide", "on"}
_PLANS = {"agenda", "programme", "program", "schedule", "plan", "preparation", "preparations"}
_TRIPS = {"visit", "trip", "tour", "stay"}
RECEIVING = {"receive", "welcome", "host", "greet"}  # verbs of receiving a guest
_PLANNED_AUX = {"will", "shall", "would", "'ll", "going"}
_NEGATIONS = {"not", "n't", "never", "no"}
_SITTING_VERBS = {"chair", "co-chair", "cochair", "hold", "attend", "open", "host", "preside"}
_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
# Lemmas that tell of people meeting ("met", "received", "held talks").
MEETING_WORDS = {"meet", "talk", "talks", "meeting", "receive", "welcome", "host", "greet"}
_COLLECTIVES = {"raft", "series", "number", "package", "set", "range", "host", "slew", "batch"}
_EVENT_PARTS = {"opening", "closing", "launch"}  # "attended the opening of the forum"
_SEATS_OF = {"headquarters", "premises", "offices", "campus"}  # a body's seat names the body
# Military ranks, and the "retired" after them ("Major General (Rtd) X", "Maj. Gen. X").
_RANKS = {"general", "major", "lieutenant", "colonel", "brigadier", "admiral", "marshal", "captain"}
_RANKS |= {"gen", "maj", "lt", "col", "brig", "adm", "capt", "rtd", "retd", "retired"}
_NEWLY = {"new", "newly", "appointed", "-", "incoming"}  # "X, the newly-appointed Ambassador"
STYLED = {"Sheikh", "Sheikha", "Prince", "Princess"}  # addresses a person after a title
_MADE_OF = {"consist", "comprise", "compose", "include"}  # what a delegation is made of
_PLACE_WORDS = {"city", "town", "village", "region", "province", "district", "oblast"}
_BUILDINGS = {"palace", "residence", "hall", "headquarters", "mansion", "hotel", "estate", "venue"}
_BUILDINGS |= {"office", "house", "chancellery", "secretariat", "building", "centre", "center"}
_WHERE = {"Place", "Country"}
_SIDE_PEOPLE = {
    "leader",
    "head",
    "representative",
    "president",
    "minister",
    "official",
    "ambassador",
    "envoy",
    "diplomat",
    "negotiator",
    "mediator",
    "delegate",
    "counterpart",
}
_SIDES = {"side", "party", "delegation", "government"}


@dataclass(frozen=True)
class Pattern:
    """One relation pattern (see the module docstring)."""

    name: str
    predicate: str
    subject: str
    object: str
    pattern: list[dict]
    confidence: float = 0.8
    pairwise: str | None = None
    types: dict[str, list[str]] | None = None
    examples: tuple[dict, ...] = ()


@dataclass(frozen=True)
class Candidate:
    """A relation between two mentions, before it is mapped to entity ids; ``trigger`` is
    the word that states it (the pattern's verb, else its subject)."""

    subject: Mention
    predicate: str
    object: Mention
    sentence: Span
    confidence: float
    status: str
    rule: str
    trigger: Token | None = None


@cache
def load_patterns(folder: Path = PATTERNS) -> tuple[Pattern, ...]:
    """All patterns of the ``*.json`` files in ``folder``."""
    patterns = []
    for path in sorted(folder.glob("*.json")):
        for raw in json.loads(path.read_text(encoding="utf-8")):
            raw = dict(raw)
            raw["examples"] = tuple(raw.get("examples", ()))
            patterns.append(Pattern(**raw))
    return tuple(patterns)


def _controlled(pattern: list[dict]) -> list[list[dict]]:
    """The variants of a pattern whose verb takes its subject from the verb it depends on:
    "X plans to visit Y", "X arrived and met Y" (xcomp, conj, advcl), through a
    preposition, "after arriving in Y, X held talks" (pcomp), and the last of three verbs,
    "X arrived, held talks and signed Y" (a conjunct of a conjunct)."""
    subjects = [
        spec
        for spec in pattern[1:]
        if spec["LEFT_ID"] == "verb"
        and spec["REL_OP"] == ">"
        and "nsubj" in str(spec["RIGHT_ATTRS"].get("DEP"))
    ]
    if pattern[0]["RIGHT_ID"] != "verb" or len(subjects) != 1:
        return []
    subject = subjects[0]
    rest = [spec for spec in pattern[1:] if spec is not subject]
    inherited = {
        **subject,
        "LEFT_ID": "_controller",
        "RIGHT_ATTRS": {**subject["RIGHT_ATTRS"], "DEP": {"IN": ["nsubj", "nsubjpass"]}},
    }
    controller = {"RIGHT_ID": "_controller", "RIGHT_ATTRS": {"POS": {"IN": ["VERB", "AUX"]}}}

    # A node of an object or a passive subject ("received X", "X was received") is the
    # controller's subject only where the verb is passive: "looks forward to receiving X"
    # is not about who looks forward.
    passive = {"TAG": "VBN"} if "dobj" in str(subject["RIGHT_ATTRS"].get("DEP")) else {}

    def verb(deps: list[str]) -> dict:
        attrs = {**pattern[0]["RIGHT_ATTRS"], "DEP": {"IN": deps}, **passive}
        return {**pattern[0], "RIGHT_ATTRS": attrs}

    preposition = {
        "LEFT_ID": "verb",
        "REL_OP": "<",
        "RIGHT_ID": "_preposition",
        "RIGHT_ATTRS": {"POS": "ADP"},
    }
    middle = {
        "LEFT_ID": "verb",
        "REL_OP": "<",
        "RIGHT_ID": "_middle",
        "RIGHT_ATTRS": {"POS": {"IN": ["VERB", "AUX"]}, "DEP": "conj"},
    }
    after_verb = {**controller, "LEFT_ID": "verb", "REL_OP": "<"}
    after_preposition = {**controller, "LEFT_ID": "_preposition", "REL_OP": "<"}
    after_middle = {**controller, "LEFT_ID": "_middle", "REL_OP": "<"}
    return [
        [verb(["xcomp", "conj", "advcl"]), after_verb, inherited, *rest],
        [verb(["pcomp"]), preposition, after_preposition, inherited, *rest],
        [verb(["conj"]), middle, after_middle, inherited, *rest],
    ]


@cache
def _matcher() -> DependencyPatterns[tuple[Pattern, tuple[str, ...]]]:
    """Every pattern, and its variants with a controlled subject, keyed by (pattern, nodes)."""
    keyed = []
    for pattern in load_patterns():
        for nodes in (pattern.pattern, *_controlled(pattern.pattern)):
            keyed.append(((pattern, tuple(n["RIGHT_ID"] for n in nodes)), nodes))
    return DependencyPatterns(keyed)


def modality(token: Token) -> str:
    """``planned``, ``negated`` or ``asserted``: how the clause of ``token`` states its fact
    (what one is invited to or prepared for is planned: "accepts the invite for an informal
    summit", "invited X to Tehran", and so is an event "to be held")."""
    if token.lemma_ == "invite" and token.pos_ == "VERB":
        return "planned"
    if (
        token.dep_ == "pobj"
        and token.head.lower_ in {"for", "to"}
        and token.head.head.lemma_ in {"invite", "invitation", "preparation", "prepare"}
    ):
        return "planned"  # also "preparations for a trilateral meeting"
    if token.pos_ in {"NOUN", "PROPN"} and any(
        c.dep_ in {"acl", "relcl"} and _infinitive(c) for c in token.children
    ):
        return "planned"  # "a meeting to be held in May"
    if any(c.dep_ == "amod" and c.lower_ in _UNDER_WAY for c in token.children):
        return "asserted"  # "during the current visit there will be a chance to discuss"
    agreed = _agreed_at(token)
    if agreed is not None:
        return modality(agreed)
    verb = token
    while verb.pos_ not in {"VERB", "AUX"} and verb.dep_ not in {"ROOT"} and verb.head.i != verb.i:
        if verb.dep_ in {"nsubj", "nsubjpass"} and _effect_of(verb):
            return "asserted"  # "the visit of X will give a new impetus": the visit is not ahead
        verb = verb.head
    chain = [verb]
    while (
        (
            chain[-1].dep_ in {"xcomp", "ccomp", "conj", "advcl", "acl", "relcl", "pcomp"}
            or (chain[-1].dep_ == "prep" and chain[-1].lower_ == "to")  # "forward to meeting"
        )
        and len(chain) < 4
        and not _happened(chain[-1])
    ):
        chain.append(chain[-1].head)
    for v in chain[:2]:
        children = list(v.children)
        if any(
            c.dep_ == "neg" or (c.lower_ in _NEGATIONS and c.dep_ == "advmod") for c in children
        ):
            return "negated"
    if _told_ahead(verb):
        return "planned"
    for below, v in zip([None, *chain], chain, strict=False):
        children = list(v.children)
        if any(c.lower_ in _PLANNED_AUX and c.dep_ in {"aux", "auxpass"} for c in children):
            return "planned"
        if below is None and _scheduled(v):
            return "planned"  # "during his stay, he is scheduled to meet": the stay is ahead
        # "agreed to hold", "plans to visit"; not "discussed ties and participated"
        if below is not None and below.dep_ != "conj" and v.lemma_.lower() in _PLANNED_LEMMAS:
            return "planned"
        # "plans to visit", "is to be signed", "the documents to be signed"; in a headline,
        # "X to visit Y"
        of_a_noun = v.dep_ in {"relcl", "acl"} and v.head.pos_ in {"NOUN", "PROPN"}
        if _infinitive(v) and (
            v.head.lemma_.lower() in _PLANNED_LEMMAS | {"be"} or of_a_noun
            if v.head.i != v.i
            else any(c.dep_ == "nsubj" for c in children)
        ):
            return "planned"
    return "asserted"


_SCHEDULES = {"schedule", "expect", "set", "due", "slate"}


def _scheduled(verb: Token) -> bool:
    """ "Is scheduled to meet", "are expected to sign": a passive that puts its clause
    ahead, and with it the time the clause's adjuncts name."""
    children = list(verb.children)
    return (
        verb.lemma_.lower() in _SCHEDULES
        and any(c.dep_ == "auxpass" for c in children)
        and any(c.dep_ == "xcomp" and _infinitive(c) for c in children)
    )


def _infinitive(verb: Token) -> bool:
    """ "to sign", and its passive "to be signed"."""
    children = list(verb.children)
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in children) and (
        verb.tag_ == "VB" or (verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in children))
    )


def _agreed_at(token: Token) -> Token | None:
    """For an event the sides agreed at ("agreed to boost cooperation at talks in Tokyo",
    "agreed to expand trade during the meeting"), the verb of agreeing: the event is where
    they agreed, not part of what they agreed to do (not "agreed to meet at the summit")."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in {"at", "during"}:
        return None
    done = prep.head.head if prep.head.dep_ == "dobj" else prep.head  # "boost ties at"
    if done.tag_ != "VB" or done.dep_ != "xcomp" or done.lemma_ in _EVENT_VERBS:
        return None
    return done.head if done.head.lemma_ in _AGREEING else None


def _happened(clause: Token) -> bool:
    """A clause in the past that dates what its head says ("agreed to increase cooperation
    after X met Y", a headline's "to deepen ties as X meets Y"): what it tells happened,
    whatever the head plans."""
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    return clause.dep_ == "advcl" and (
        (clause.tag_ == "VBD" and bool(marks & {"after", "since", "when", "as"}))
        or (clause.tag_ == "VBZ" and "as" in marks)
    )


# Verbs that say an event happens (its future is the event's), not what it will bring.
_HAPPENING = {
    *("take", "hold", "be", "begin", "start", "open", "happen", "last", "run", "end"),
    *("coincide", "include", "conclude", "continue", "feature", "focus", "culminate", "involve"),
}


def _effect_of(subject: Token) -> bool:
    """An event (by its head noun, not one still to come) that is the subject of what it
    will bring: "the visit will contribute to ties", not "the visit will take place"."""
    verb = subject.head
    return (
        subject.lemma_.lower() in heads("event")
        and verb.pos_ == "VERB"
        and verb.lemma_ not in _HAPPENING
        and not ahead(subject)
        and not any(c.lower_ in _FUTURE for c in subject.subtree)
    )


def _told_ahead(verb: Token) -> bool:
    """A present tense dated ahead: "is visiting Chile next week", "meets him tomorrow",
    "travels to Baku later this month", "signs it in the coming days"."""
    if verb.tag_ not in {"VBZ", "VBP", "VBG"}:
        return False
    if verb.tag_ == "VBG" and not any(
        c.dep_ == "aux" and c.lower_ in {"is", "are", "am", "'s", "'re"} for c in verb.children
    ):
        return False
    for child in verb.children:
        if child.dep_ not in {"npadvmod", "advmod", "prep", "tmod"}:
            continue
        words = [t.lower_ for t in child.subtree]
        if "tomorrow" in words or (words[:2] == ["later", "this"] and len(words) == 3):
            return True
        if any(
            t.lower_ in _TIME_NOUNS
            and any(a.lower_ in {"next", "coming", "upcoming"} for a in t.lefts)
            for t in child.subtree
        ):
            return True
    return False


def ahead(token: Token) -> bool:
    """An event still to come: "the forthcoming meeting", "the agenda of the talks", "a
    meeting of the ministers later this year", one they discussed or planned holding ("met
    to discuss holding the committee's ninth meeting")."""
    if any(c.dep_ == "amod" and c.lower_ in _FUTURE for c in token.lefts):
        return True
    verb = token.head
    if (
        token.dep_ == "dobj"
        and verb.lemma_ in _CONVENING
        and verb.tag_ in {"VB", "VBG"}
        and verb.dep_ in {"xcomp", "dobj", "pcomp", "acl"}
        and verb.head.lemma_ in _PLANNING
    ):
        return True
    if any(
        c.dep_ == "npadvmod"
        and c.ent_type_ == "DATE"
        and any(w.lower_ in _LATER for w in c.subtree)
        for c in token.rights
    ):
        return True
    head = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
    if head is None:
        return False
    return head.lemma_ in _PLANS or any(
        c.dep_ == "amod" and c.lower_ in _FUTURE for c in head.lefts
    )


def _their(token: Token) -> list[Token]:
    """The subjects "their" refers to: those of its clause, when more than one ("X and Y
    signed a declaration following their talks")."""
    if token.lower_ != "their" or token.dep_ != "poss":
        return []
    subjects = (c for a in token.ancestors for c in a.children if c.dep_ == "nsubj")
    subject = next(subjects, None)
    return [subject, *subject.conjuncts] if subject is not None and subject.conjuncts else []


def _together_with(token: Token) -> list[Token]:
    """Those a subject did what it did "together with" or "along with" ("X attended the
    ceremony together with Y", "X, along with Y, attended")."""
    if token.dep_ not in {"nsubj", "nsubjpass"}:
        return []
    withs = [
        w
        for h in (token, token.head)
        for c in h.children
        for w in ([c] if c.lower_ == "with" else [g for g in c.children if g.lower_ == "with"])
        if c.dep_ in {"prep", "advmod"} and (c.lower_ == "along" or w.lower_ == "with")
    ]
    return [
        o
        for w in withs
        if w.dep_ == "prep"
        and any(c.lower_ in {"together", "along"} for c in (*w.children, w.head))
        for o in w.children
        if o.dep_ == "pobj"
    ]


def _coordinated_preps(token: Token) -> list[Token]:
    """The objects of prepositions coordinated with the one ``token`` is the object of: in
    "his visits to China ten days ago and to the United States and Uruguay", those of the
    second "to", however the parser hangs it (on the first, on its clause or on a preposition
    of its clause after it, when no other "to" comes between)."""
    if token.dep_ != "pobj":
        return []
    prep = token.head
    clause = []
    for a in prep.ancestors:
        clause.append(a)
        if a.pos_ in {"VERB", "AUX"}:
            break
    siblings = [  # "in Brussels on July 18-20, and in Baku": the second "in" on "on"
        c for a in clause for c in a.children if c.dep_ == "prep" and c.i > prep.i
    ]
    others = [*prep.conjuncts] + [
        c
        for a in clause + siblings
        for c in a.children
        if c.dep_ == "conj"
        and c.pos_ == "ADP"
        and c.lower_ == prep.lower_
        and c.i > prep.i
        and not any(t.lower_ == prep.lower_ for t in prep.doc[prep.i + 1 : c.i])
    ]
    return [
        t
        for other in dict.fromkeys(others)
        if other.pos_ == "ADP"
        for o in other.children
        if o.dep_ == "pobj"
        for t in (o, *o.conjuncts)
    ]


def _collected(token: Token) -> list[Token]:
    """The items of "a number (series, package) of A and B": B as well as A, which the
    collective word stands for."""
    if token.lemma_ not in _COLLECTIVES:
        return []
    return [
        t
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for o in prep.children
        if o.dep_ == "pobj"
        for t in o.conjuncts
    ]


_BODY_WORDS = COMPANY_WORDS | {"enterprise", "organization", "agency", "institution", "university"}


class Resolver:
    """Maps a matched token to the mention it stands for."""

    def __init__(self, doc: Doc, mentions: list[Mention]):
        self.doc = doc
        self.by_root: dict[int, Mention] = {}
        self.inside: dict[int, Mention] = {}
        # Words of an event's, agreement's or delegation's phrase stand for it only when they
        # stand for nothing else (a title there introduces its holder).
        self.within: dict[int, Mention] = {}
        for m in mentions:
            self.by_root.setdefault(m.root.i, m)
            index = self.within if m.type in PHRASES else self.inside
            for i in range(m.span.start, m.span.end):
                current = index.get(i)
                if current is None or len(m.span) < len(current.span):
                    index[i] = m
        self.people = sorted(
            (m for m in mentions if m.type == "Person"), key=lambda m: m.span.start
        )
        self.titles = titles_by_word(doc)
        self._expanded: dict[int, list[Mention]] = {}  # by token: patterns share nodes

    def _sitting_of(self, body: Mention | None, verb: Token) -> Mention | None:
        """The event a body named in its "of" phrase is a sitting of, when the clause says it
        was held or chaired ("the 5th session of the Commission, which the two ministers
        co-chaired": the session)."""
        if body is None or body.type == "Event" or verb.lemma_ not in _SITTING_VERBS:
            return None
        of = body.root.head
        if body.root.dep_ != "pobj" or of.lower_ != "of":
            return None
        event = self.by_root.get(of.head.i)
        return event if event is not None and event.type == "Event" else None

    def mention(self, token: Token) -> Mention | None:
        found = self.by_root.get(token.i) or self.inside.get(token.i)
        if found is not None:
            return found
        if token.i in self.titles:
            return self.holder(self.titles[token.i])
        if token.lower_ in _ROLES and (person := self._said_to_be(token)) is not None:
            return person  # "X was the head of the delegation"
        if token.lower_ in _PRONOUNS:
            return self.antecedent(token)
        if token.lower_ in {"who", "whom", "which", "that"} and token.head.dep_ == "relcl":
            # "X, who arrived here": X, also where the parser hung the clause further back
            found = self.mention(token.head.head) or self._just_before(token)
            return self._sitting_of(found, token.head) or found
        if token.tag_ in {"WDT", "WP"} and token.i > 0 and token.nbor(-1).text == ",":
            return self._just_before(token)  # "X, which was signed", parsed as no clause of X
        named = self._place_named(token)
        if named is not None:
            return named
        for child in token.children:
            if child.dep_ == "appos":
                return self.by_root.get(child.i) or self.inside.get(child.i)
            if child.dep_ == "compound" and token.lemma_ in _PLACE_WORDS:
                place = self.by_root.get(child.i) or self.inside.get(child.i)
                if place is not None and place.type == "Place":
                    return place  # "in Kokshetau city"
            if child.dep_ == "compound" and token.text in COMPANY_WORDS:
                body = self.by_root.get(child.i) or self.inside.get(child.i)
                if body is not None and body.type == "Organization":
                    return body  # "the Richter Gedeon pharmaceutical company"
            # "a raft of agreements", "a series of deals"; "the opening of the forum"
            kinds = PHRASES if token.lemma_ in _COLLECTIVES else None
            if token.lemma_ in _EVENT_PARTS and not token.ent_type_:
                kinds = {"Event"}
            if token.lower_ in _SEATS_OF and not token.ent_type_:
                kinds = {"Organization"}  # "visited the headquarters of the Bank"
            if child.dep_ == "prep" and child.lower_ == "of" and kinds:
                of = [
                    self.by_root.get(t.i)
                    for o in child.children
                    if o.dep_ == "pobj"
                    for t in (o, *o.conjuncts)
                ]
                found = next((m for m in of if m is not None and m.type in kinds), None)
                if found is not None:
                    return found
        return self.within.get(token.i)

    def _place_named(self, token: Token) -> Mention | None:
        """The place a word the article names no entity with stands for: the one after a
        "city of" or "capital of" ("in the Black Sea city of Trabzon", not the Black Sea);
        for a building, the place it is in ("at the presidential palace in Dushanbe", "at
        Sunnylands, an estate in Rancho Mirage"); for a date the parser read with a place
        before it as one noun, that place ("in Maputo Thursday")."""
        if token.lemma_ in _PLACE_WORDS | {"capital"}:
            return self._place_after(token, "of")
        if token.ent_type_ == "DATE":  # "arrived in Maputo Thursday", parsed as one noun
            for child in token.children:
                place = self.inside.get(child.i) if child.dep_ == "compound" else None
                if place is not None and place.type in _WHERE:
                    return place
        buildings = [t for t in (token, *token.children) if t.lemma_.lower() in _BUILDINGS]
        if not buildings or (token not in buildings and buildings[0].dep_ != "appos"):
            return None
        for place in (self._place_after(t, "in") for t in (token, *token.children)):
            if place is not None:
                return place
        return None

    def _place_after(self, token: Token, word: str) -> Mention | None:
        """The place or country a word's "of" or "in" phrase names."""
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == word:
                for obj in prep.children:
                    place = self.by_root.get(obj.i) or self.inside.get(obj.i)
                    if obj.dep_ == "pobj" and place is not None and place.type in _WHERE:
                        return place
        return None

    def _just_before(self, token: Token) -> Mention | None:
        """The mention that ends right before a word, past commas and closing quotes."""
        i = token.i - 1
        while i >= 0 and self.doc[i].is_punct:
            i -= 1
        found = self.inside.get(i) or self.within.get(i)
        return found if found is not None and found.span.end == i + 1 else None

    def holder(self, title: Span) -> Mention | None:
        """The person a title introduces: right after it ("Minister X", "the Minister, X",
        "Ambassador to the country X"), or in apposition before it ("X, the Minister of Y,"),
        also after another of their titles ("X, Deputy Prime Minister, Minister of Y")."""
        doc = self.doc
        apposed = self._apposed(title)
        i = title.end
        while i < min(len(doc), title.end + 8):
            after = self.inside.get(i)
            if after is not None and after.type == "Person":
                return after
            if i in self.titles and (doc[i - 1].lower_ in {"and", ","} or doc[i].text in STYLED):
                i = self.titles[i].end  # "Special Envoy and Minister of Communication X",
                continue  # "Amir Sheikh Tamim"
            if (
                after is not None
                and after.type in {"Country", "Organization"}
                and doc[i - 1].lower_ == "and"
                and after.span.end in self.titles
            ):  # "UN Deputy Secretary-General and UNDP Associate Administrator X"
                i = self.titles[after.span.end].end
                continue
            if doc[i].text == "(" and i + 2 < len(doc) and doc[i + 2].text == ")":
                i += 3  # "Administrator of the Agency for International Development (USAID) X"
                continue
            if (
                doc[i].text == ","
                and i + 1 < len(doc)
                and doc[i + 1].is_lower
                and doc[i + 1].pos_ == "ADP"
            ):
                break  # "X, Governor of Y, in the presence of Z": a new phrase, not a name
            word = doc[i].lower_.strip(".()")
            if (word in _RANKS or word in HONORIFICS or honour(doc[i])) and not doc[i].is_lower:
                i += 2 if i + 1 < len(doc) and doc[i + 1].text == "." else 1
                continue  # "the High Commissioner, Major General Rtd. X", "the Minister, Mrs. X"
            if (
                after is not None
                and after.type in {"Country", "Organization", "Place"}
                and (
                    doc[i - 1].lower_ in {"of", "to", "in", "the", *_POSSESSIVE}
                    or after.span.start < i
                )
            ):  # "President of Turkmenistan X", "Chairwoman of the Senate of the Oliy Majlis X",
                # "President of the Russian Federation's Republic of Tatarstan X", "Minister of
                # Enterprises and Made in Italy, X"
                i = after.span.end
                continue
            linking = doc[i].text in {",", "-", *_POSSESSIVE} or (
                doc[i].is_lower and doc[i].pos_ in {"DET", "ADP", "NOUN", "ADJ", "CCONJ"}
            )
            listed = doc[i].pos_ == "CCONJ" and (
                doc[i - 1].text == "," or (i == title.end and apposed is not None)
            )
            if after is not None or not linking or listed:
                break  # "X, Deputy Prime Minister of Y, and Z", "X, Minister of Y and Z": the
                # title is not Z's
            i += 1
        if apposed is not None:
            return apposed
        j = self._left_of(title)
        if self.inside.get(j) is None and j in self.titles and doc[j + 1].text == ",":
            return self.holder(self.titles[j])  # "X, Deputy Prime Minister, Minister of Y"
        for child in title.root.children:
            found = self.inside.get(child.i) if child.dep_ == "appos" else None
            between = doc[title.end : found.span.start] if found is not None else ()
            if (
                found is not None
                and found.type == "Person"
                and all(t.pos_ != "VERB" for t in between)
            ):
                return found  # not a name the parser put in apposition past the verb
        return self._said_to_be(title.root)

    def _said_to_be(self, noun: Token) -> Mention | None:
        """The person a clause says a title or role is: "X is the Ambassador of Y", "X, who
        was the head of the delegation"."""
        verb = noun.head
        if noun.dep_ != "attr" or verb.lemma_ != "be":
            return None
        for subject in (c for c in verb.children if c.dep_ == "nsubj"):
            if subject.lower_ == "who" and verb.dep_ == "relcl":
                subject = verb.head
            found = self.inside.get(subject.i)
            if found is not None and found.type == "Person":
                return found
        return None

    def _left_of(self, title: Span) -> int:
        """The word before a title and the article, comma, country's name or word of a new
        appointment ("the newly appointed") before it."""
        doc = self.doc
        j = title.start - 1
        if j >= 0 and doc[j].text in _POSSESSIVE:
            j -= 1
        owner = self.inside.get(j) if j >= 0 else None
        closed = title.end == title.sent.end or doc[title.end].is_punct
        if owner is not None and owner.type in {"Country", "Organization"} and closed:
            j = owner.span.start - 1  # "X, Czech Foreign Minister,", not "X, British PM discuss"
        while j >= 0 and (doc[j].lower_ in {"the", "a", ","} or doc[j].text in _NEWLY):
            j -= 1
        return j

    def _apposed(self, title: Span) -> Mention | None:
        """The person a title follows in apposition ("X, the Minister of Y"), not the one a
        phrase put before its clause names ("With X, the Minister signed", "In her meeting with
        X, the head of the ministry reviewed": its subject)."""
        j = self._left_of(title)
        before = self.inside.get(j) if j >= 0 else None
        if (
            before is not None
            and before.type == "Person"
            and "," in self.doc[j + 1 : title.start].text
            and not (
                title.root.dep_ in {"nsubj", "nsubjpass"}
                and before.root.dep_ == "pobj"
                and title.root.head in before.root.ancestors
            )
        ):
            return before
        return None

    def antecedent(self, pronoun: Token) -> Mention | None:
        """The person a he/his/she/her refers to: in a phrase put before its clause ("during
        his visit, the Minister inspected"), the subject of that clause; in a phrase
        coordinated with a person's name ("X and his counterpart"), that person; else the
        latest person before it, preferring a subject of its own sentence, and outside a
        quotation one named outside quotations; never the speaker a quotation's "I" stands
        for."""
        subject = self._fronted_subject(pronoun)
        if subject is not None:
            return subject
        partner = self._conjunct_before(pronoun)
        if partner is not None:
            return partner
        subject = self._clause_subject(pronoun)
        if subject is not None:
            return subject
        doer = self._doer_of(pronoun)
        before = [
            m
            for m in self.people
            if m.span.end <= pronoun.i  # not the speaker a quotation's "I" is
            and not (m.root.pos_ == "PRON" and m.root.lower_ not in _PRONOUNS)
            and m is not doer
        ]
        if pronoun.i not in self.quoted:  # not someone only the words of a quotation name
            before = [m for m in before if m.span.start not in self.quoted] or before
        if not before:
            return None
        recent = [s.start for s in self.doc.sents if s.start <= pronoun.i][-4:]
        subjects = [
            m
            for m in before
            if m.root.dep_ in {"nsubj", "nsubjpass"} and m.span.sent.start in recent
        ]
        if subjects and subjects[-1].span.sent.start != pronoun.sent.start:
            last = subjects[
                -1
            ].span.sent.start  # its main clause's, not one of "since X took office"
            subjects = [
                m for m in subjects if m.span.sent.start != last or _main(m.root)
            ] or subjects
        if subjects and subjects[-1].span.sent.start != pronoun.sent.start:
            inside = [m for m in before if m.span.start >= pronoun.sent.start]
            if not inside:
                return subjects[-1]
        sent_start = pronoun.sent.start
        subjects = [
            m
            for m in before
            if m.root.dep_ in {"nsubj", "nsubjpass"} and m.span.start >= sent_start
        ]
        if not subjects and pronoun.dep_ in {"nsubj", "nsubjpass"}:
            # a subject goes on with the story's last subject, not with whom it last named
            subjects = [m for m in before if m.root.dep_ in {"nsubj", "nsubjpass"}]
        return (subjects or before)[-1]

    @cached_property
    def quoted(self) -> set[int]:
        """The tokens inside quotation marks."""
        return {i for start, end in quotations(self.doc) for i in range(start, end)}

    def _conjunct_before(self, pronoun: Token) -> Mention | None:
        """The person coordinated just before the phrase a possessive opens: in "between X and
        her counterpart Y", X; in "a lunch for X and his delegation", X however the parser
        coordinated the delegation."""
        noun = pronoun.head
        if pronoun.dep_ != "poss":
            return None
        if pronoun.i > 1 and pronoun.nbor(-1).lower_ == "and":  # "X and his delegation"
            found = self.mention(pronoun.nbor(-2))
            if found is not None and found.type == "Person":
                return found
        if noun.dep_ != "conj":
            return None
        found = self.mention(noun.head)
        return found if found is not None and found.type == "Person" else None

    def _clause_subject(self, pronoun: Token) -> Mention | None:
        """For a possessive after its verb, the person who is the subject of that verb, of the
        verb it is coordinated with or whose clause it opens, or whom the parser hung the verbs
        on ("X, who arrived here, called on A and B and held talks with his counterpart": X,
        not B)."""
        node = pronoun
        while node.head.i != node.i and node.pos_ not in {"VERB", "AUX"}:
            node = node.head
        if pronoun.dep_ != "poss" or node.pos_ not in {"VERB", "AUX"} or node.i > pronoun.i:
            return None
        guest = self._guest_of(pronoun, node)
        if guest is not None:
            return guest
        subjects = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}]
        while not subjects and node.dep_ in {"conj", "pcomp", "advcl", "xcomp"}:
            node = node.head  # "X called on Y after returning from his visit": X's
            if node.dep_ == "prep":
                node = node.head
            subjects = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:  # not the speaker a quotation's "I" stands for
            subject = subjects[0]
            third = subject.pos_ != "PRON" or subject.lower_ in _PRONOUNS
            found = self.mention(subject) if third and subject.i < pronoun.i else None
        else:
            found = self.mention(node.head) if node.dep_ == "acl" else None
        return found if found is not None and found.type == "Person" else None

    def _guest_of(self, pronoun: Token, verb: Token) -> Mention | None:
        """For the possessive of a visit after a verb of receiving, the guest received ("X
        received Y ... as part of his state visit": Y's visit, not X's)."""
        if pronoun.head.lemma_ not in _TRIPS or verb.lemma_ not in RECEIVING:
            return None
        guests = [self.mention(c) for c in verb.children if c.dep_ == "dobj"]
        return next((m for m in guests if m is not None and m.type == "Person"), None)

    def _doer_of(self, pronoun: Token) -> Mention | None:
        """For "him" or "her" as an object, the subject of its verb, whom it is not ("X
        welcomed him": not X)."""
        if pronoun.lower_ not in {"him", "her"} or pronoun.dep_ not in {"dobj", "dative", "pobj"}:
            return None
        verb = pronoun.head  # also through the object it hangs on ("hosted a dinner for him")
        while verb.dep_ in {"prep", "pobj", "dobj"} and verb.pos_ not in {"VERB", "AUX"}:
            verb = verb.head
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        return self.mention(subjects[0]) if subjects and subjects[0].i < pronoun.i else None

    def _fronted_subject(self, pronoun: Token) -> Mention | None:
        node = pronoun
        while node.head.i != node.i and node.pos_ not in {"VERB", "AUX"}:
            if node.dep_ in {"nsubj", "nsubjpass", "dobj"}:
                return None
            node = node.head
        subjects = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not subjects or subjects[0].i < pronoun.i:
            return None
        found = self.mention(subjects[0])  # also a title with the name in apposition
        return found if found is not None and found.type == "Person" else None

    def _bodies_named_before(self, conjuncts: list[Token]) -> list[Token]:
        """The body named before a plural word that names nothing itself, coordinated with
        another ("toured the Richter Gedeon and MOL Group companies": MOL Group too)."""
        return [
            c
            for t in conjuncts
            if t.tag_ == "NNS" and t.lemma_ in _BODY_WORDS and self.mention(t) is None
            for c in t.children
            if c.dep_ in {"compound", "nmod"}
            and (m := self.mention(c)) is not None
            and m.type == "Organization"
        ]

    def expand(self, token: Token) -> list[Mention]:
        """The mentions of a node and of its coordinated conjuncts; a plural reference ("the
        sides") stands for its members, and "the leaders of X, Y and Z" for those countries."""
        if token.i in self._expanded:
            return self._expanded[token.i]
        found = self._expanded[token.i] = []
        conjuncts = [token, *token.conjuncts]
        named = self.mention(token)
        if named is None and token.tag_ in {"NNS", "NNPS"}:
            named = self._person(token)  # "Presidents of A and B X and Y held"
            conjuncts += [named.root] if named is not None else []
        if named is not None and named.root.head == token and named.root.dep_ == "appos":
            conjuncts += named.root.conjuncts  # "national company X and Y signed"
        if (
            named is not None
            and named.type == "Person"
            and named.root is not token
            and (named.span.start <= token.i < named.span.end or token.i in self.titles)
        ):
            conjuncts += named.root.conjuncts  # "of President of X Y and President of Z W"
        conjuncts += [  # "Chairman of X Akylbek Japarov and Prime Minister of Y Olzhas Bektenov",
            c  # also hung on a word inside a hyphenated name ("Minister X Ofori-Atta and Y")
            for t in conjuncts
            if (m := self.mention(t)) is not None and m.type == "Person"
            for a in t.children
            if a.dep_ == "appos"
            for w in self._words(a)
            for c in w.conjuncts
        ]
        conjuncts += self._phrase_conjuncts(conjuncts)
        conjuncts += self._apposed_list(conjuncts)
        conjuncts += _their(token)
        conjuncts += self._stray_agents(token)
        conjuncts += self._people_before(token)
        conjuncts += self._titled_list(token)
        conjuncts += self._split_subject(token)
        conjuncts += self._verb_conjuncts(token)
        conjuncts += _collected(token)
        conjuncts += self._included(token)
        conjuncts += self._members(token)
        conjuncts += _coordinated_preps(token)
        conjuncts += _together_with(token)
        conjuncts += self._listed(conjuncts)
        conjuncts += self._bodies_named_before(conjuncts)
        related = [*self._last_conjunct(conjuncts), *self._places_beside(token)]
        for t in [*conjuncts, *related, *self._sides_of(token)]:
            m = self.mention(t)
            if m is None and t is not token:
                m = self._person(t)  # "with X and President of Y Z"
            for each in (m.members or (m,)) if m is not None else ():
                if each not in found:
                    found.append(each)
        return found

    def _words(self, token: Token) -> Iterable[Token]:
        """The words of the mention a word belongs to, or the word alone."""
        m = self.mention(token)
        return m.span if m is not None else (token,)

    def _titled_list(self, token: Token) -> list[Token]:
        """The people of a list, each named after a title, that the parser hung on one another
        any way ("President of A X, President of B Y and President of C Z took part": X an
        "nmod" of Z, Y an apposition inside X's title; "Minister of A X and Minister of B Y
        put their signatures": X a subject inside Y's name): the roots of the names in the
        subject's phrase, where only titles and commas or "and" part them."""
        m = self.mention(token)
        if m is None or m.type != "Person" or token.dep_ not in {"nsubj", "nsubjpass"}:
            return []
        doc = token.doc
        people = sorted(
            {p.span.start: p for t in token.subtree if (p := self.mention(t)) is not None}.values(),
            key=lambda p: p.span.start,
        )
        people = [p for p in people if p.type == "Person"]
        if len(people) < 2 or any(p.span.start not in self._title_ends for p in people):
            return []
        for before, after in itertools.pairwise(people):
            gap = doc[before.span.end : self._title_ends[after.span.start]]
            if (
                not gap
                or gap[0].text not in {",", "and"}
                or any(t.text not in {",", "and"} and not self._country(t) for t in gap[1:])
            ):
                return []  # only a title's country may stand there: "and Djiboutian Minister"
        return [p.root for p in people if p is not m]

    def _country(self, token: Token) -> bool:
        """Whether a word names a country."""
        return (m := self.mention(token)) is not None and m.type == "Country"

    @cached_property
    def _title_ends(self) -> dict[int, int]:
        """Where each title that a name follows starts, by the name's first word."""
        return {span.end: span.start for span in set(self.titles.values())}

    def _people_before(self, token: Token) -> list[Token]:
        """A person the parser made a modifier of the titled name coordinated after it ("by
        Foreign Minister X and Tajik Foreign Minister Y": X an "nmod", "compound" or "appos" of
        Y, with the "and")."""
        if (m := self.mention(token)) is None or m.type != "Person":
            return []
        return [
            c
            for w in token.lefts  # also on the title: "were Minister X and Minister Y"
            for c in (w, *w.children)
            if c.dep_ in {"nmod", "compound", "appos"}
            and c.head.i <= token.i
            and any(g.dep_ == "cc" for g in c.children)
            and (before := self.mention(c)) is not None
            and before.type == "Person"
            and before is not m
        ]

    def _verb_conjuncts(self, token: Token) -> list[Token]:
        """Events or documents the parser coordinated with the verb instead of with its
        object ("will hold a meeting with X, and a working lunch": "lunch" a conjunct of
        "hold")."""
        m = self.mention(token)
        if m is None or m.type not in PHRASES or token.dep_ != "dobj":
            return []
        verb = token.head
        return [
            c
            for c in verb.children
            if c.dep_ == "conj"
            and c.pos_ == "NOUN"
            and c.i > token.i
            and (other := self.mention(c)) is not None
            and other.type == m.type
            and not any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)
        ]

    def _split_subject(self, token: Token) -> list[Token]:
        """The person the parser made a second subject of the verb when a title comes between
        ("X and his Uzbek counterpart Y met": "counterpart" a conjunct of X, Y a subject of
        "met" of its own)."""
        if token.dep_ not in {"nsubj", "nsubjpass"} or not any(
            c.dep_ == "conj" and c.pos_ == "NOUN" and self.mention(c) is None
            for c in token.children
        ):
            return []
        return [
            s
            for s in token.head.children
            if s.dep_ == token.dep_
            and s.i > token.i
            and (m := self.mention(s)) is not None
            and m.type == "Person"
        ]

    def _stray_agents(self, token: Token) -> list[Token]:
        """People the parser coordinated with a verb instead of with its agent ("co-chaired
        by X, minister of Y, and Z, minister of W": Z a conjunct of "chaired" or of the verb
        above it)."""
        by = token.head
        if token.dep_ != "pobj" or by.dep_ != "agent" or self.mention(token) is None:
            return []
        return [
            c
            for verb in (by.head, *by.head.ancestors)
            for c in verb.conjuncts
            if c.pos_ == "PROPN"
            and c.i > token.i
            and (m := self.mention(c)) is not None
            and m.type == "Person"
            and not any(d.dep_ in {"nsubj", "nsubjpass", "dobj"} for d in c.children)
        ]

    def _apposed_list(self, conjuncts: list[Token]) -> list[Token]:
        """The rest of a list of countries the parser hung on its first as an apposition
        ("Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan took part": "Kyrgyzstan" an
        apposition of "Kazakhstan", the rest its conjuncts)."""
        found = []
        for token in conjuncts:
            m = self.mention(token)
            if m is None or m.type != "Country":
                continue
            for a in token.children:
                other = self.mention(a) if a.dep_ == "appos" else None
                if other is not None and other.type == "Country" and other is not m:
                    found += [a, *a.conjuncts]
        return [t for t in dict.fromkeys(found) if t not in conjuncts]

    def _phrase_conjuncts(self, conjuncts: list[Token]) -> list[Token]:
        """Agreements or events the parser hung inside the complement of the one before: in
        "a memorandum on investment cooperation and an agreement on visa exemption" the
        agreement is coordinated with "cooperation", not with "memorandum" (also where the
        complement hangs on the verb: "signed a declaration on X as well as a programme"); not an
        event told as ahead, which the complement talks of ("discussions on security and the
        upcoming summit")."""
        found = []
        for token in conjuncts:
            m = self.by_root.get(token.i)
            if m is None or m.type not in PHRASES:
                continue
            for t in dict.fromkeys([*token.subtree, *(c for w in m.span for c in w.children)]):
                other = self.by_root.get(t.i) if t.dep_ == "conj" else None
                if other is not None and other.type == m.type and other is not m:
                    if other.type == "Event" and any(a.lower_ in _FUTURE for a in t.lefts):
                        continue  # "talks on security as well as the upcoming summit": a topic
                    found += [t, *t.conjuncts]
        return [t for t in dict.fromkeys(found) if t not in conjuncts]

    def _included(self, token: Token) -> list[Token]:
        """The items a list names after "including" ("14 documents, including a memorandum on
        investment and an agreement on visas", also when the parser hung it on "the signing
        of"), when they are of the same kind as the node; for a plural noun that names no one,
        whoever it lists ("the heads of institutions, including X and Y")."""
        m = self.mention(token)
        unnamed = m is None and token.tag_ == "NNS"
        if not unnamed and (m is None or m.type not in PHRASES):
            return []
        holders = [token]
        if token.dep_ == "pobj" and token.head.lower_ == "of":
            holders.append(token.head.head)
        if unnamed:  # "the heads of institutions, including X"
            holders += [o for p in token.children if p.lower_ == "of" for o in p.children]
        items = [
            t
            for holder in holders
            for prep in holder.children
            if prep.lower_ == "including"
            for obj in prep.children
            if obj.dep_ == "pobj"
            for t in (obj, *obj.conjuncts)
        ]
        items += self._phrase_conjuncts(items)
        kinds = {m.type} if m is not None else _LISTED
        return [t for t in items if (i := self.mention(t)) is not None and i.type in kinds]

    def _members(self, token: Token) -> list[Token]:
        """The people a delegation is made of ("a delegation consisting of X and Y",
        "comprising X", "including X", "a delegation of investors consisting of X")."""
        m = self.mention(token)
        if m is None or m.type != "Delegation":
            return []
        heads = [token, *(o for p in token.children if p.lower_ == "of" for o in p.children)]
        objects = []
        for c in (c for head in heads for c in head.children):
            if c.dep_ == "acl" and c.lemma_ in _MADE_OF:
                objects += [o for o in c.children if o.dep_ == "dobj"]
                objects += [
                    o
                    for p in c.children
                    if p.dep_ == "prep" and p.lower_ == "of"
                    for o in p.children
                    if o.dep_ == "pobj"
                ]
            elif c.dep_ == "prep" and c.lower_ == "including":
                objects += [o for o in c.children if o.dep_ == "pobj"]
        people: list[Token] = []
        for o in objects:
            for t in (o, *o.conjuncts):
                x = self._person(t)
                if x is None:
                    continue
                root = x.root.head if x.root.dep_ == "compound" else x.root  # "Jassim Al Thani"
                ys = [x, *(self._person(c) for c in root.conjuncts)]
                people += [y.root for y in ys if y is not None]
        return list(dict.fromkeys(people))

    def _listed(self, tokens: list[Token]) -> list[Token]:
        """The people named in one list with a person among ``tokens`` that the parser hung
        elsewhere ("attended by Minister of A X, Minister of B Y and Minister of C Z": X deep
        in the first title): those next to it across commas, "and" and titles, not one who
        starts a clause of their own, nor across a subject's fronted phrase ("On behalf of
        President X, Minister Y attended")."""
        people = [m for t in tokens if (m := self._person(t)) is not None]
        found: list[Token] = []
        subjects = {"nsubj", "nsubjpass"}
        for m in people:
            for step in (1, -1) if m.root.dep_ not in subjects else (1,):
                i, parted = _past(m.span, step), False
                while m.span.sent.start <= i < m.span.sent.end:
                    word, inner = self.doc[i], self.inside.get(i)
                    if word.text == "," or word.lower_ == "and":
                        parted, i = True, i + step
                    elif word.lower_ == "the" and i + 1 in self.titles:
                        i += step  # "and the prime minister X"
                    elif i in self.titles:
                        i = _past(self.titles[i], step)
                    elif inner is not None and inner.type in {"Country", "Organization"}:
                        i = _past(inner.span, step)
                    elif inner is not None and inner.type == "Person" and parted:
                        if inner.root.dep_ in subjects:
                            break
                        found.append(inner.root)
                        i, parted = _past(inner.span, step), False
                    else:
                        break
        return found

    def _person(self, token: Token) -> Mention | None:
        """The person a word names, or that the title it is in introduces."""
        m = self.mention(token) or (
            self.holder(self.titles[token.i]) if token.i in self.titles else None
        )
        return m if m is not None and m.type == "Person" else None

    def _last_conjunct(self, conjuncts: list[Token]) -> list[Token]:
        """The last item of a list the parser cut off: in "X (Ghana), Y (Comoros) and Z
        (Guinea-Bissau)" the "and" stays with Y and Z hangs elsewhere; Z is the mention of the
        same type right after that "and"."""
        last = max(conjuncts, key=lambda t: t.i)
        children = list(last.children)
        first = self.mention(conjuncts[0])
        if first is None or any(c.dep_ == "conj" for c in children):
            return []
        for cc in (c for c in children if c.dep_ == "cc"):
            after = self.inside.get(cc.i + 1)
            if after is not None and after.type == first.type and after.root.dep_ == "dep":
                return [after.root]
        return []

    def _sides_of(self, token: Token) -> list[Token]:
        """The countries and bodies of "the leaders (heads, representatives, officials) of
        (from) X, Y and Z", the countries of "delegations from X, Y and Z", and of "the Uzbek
        and Turkish sides (officials, delegations)"."""
        noun = token.lemma_.lower()  # a capitalized plural keeps its "s": "the Ministers"
        noun = noun.removesuffix("s") if token.tag_ == "NNPS" else noun
        if noun not in _SIDE_PEOPLE | _SIDES or token.tag_ not in {"NNS", "NNPS"}:
            return []
        demonyms = [
            d
            for a in token.children
            if a.dep_ == "amod"
            for d in (a, *a.conjuncts)
            if (m := self.mention(d)) is not None and m.type == "Country"
        ]
        if len(demonyms) >= 2:
            return demonyms
        listed = noun == "delegation"  # "delegations from A, B and C": each country's
        if not listed and (noun in _SIDES or self.mention(token)):
            return []
        preps = list(token.children)
        if listed and token.dep_ == "dobj":  # "brought together delegations from A and B",
            preps += [p for p in token.head.children if p.lower_ == "from"]  # hung on the verb
        objects = [
            obj
            for prep in preps
            if prep.dep_ == "prep" and prep.lower_ in {"of", "from"}
            for obj in prep.children
            if obj.dep_ == "pobj"
        ]
        objects += [  # "the Ministers of Foreign Affairs of X and Y"
            inner
            for obj in objects
            if self.mention(obj) is None
            for prep in obj.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for inner in prep.children
            if inner.dep_ == "pobj"
        ]
        kinds = {"Country"} if listed else {"Country", "Organization"}
        countries = [
            country
            for obj in objects
            for item in (obj, *(a for a in obj.children if a.dep_ == "appos"))
            for country in (item, *item.conjuncts)  # "of A, B, C and D", B in apposition
            if (m := self.mention(country)) is not None and m.type in kinds
        ]
        return countries if len(countries) >= 2 or not listed else []

    def _places_beside(self, token: Token) -> list[Token]:
        """Appositions of a node, and for a place the places around it: "the Grand Prince
        Hotel, Hiroshima, Japan", "the presidential residence in Tashkent"; for the country
        of a city put in apposition to it, the city ("Lima, Peru, where ...")."""
        found, todo = [], [token]
        country, city = self.inside.get(token.i), self.inside.get(token.head.i)
        if (
            token.dep_ == "appos"
            and country is not None
            and city is not None
            and (country.type, city.type) == ("Country", "Place")
        ):
            found.append(token.head)
        while todo:
            node = todo.pop()
            site = self.inside.get(node.i)
            described = node is not token and node.dep_ == "appos" and site is None
            words = site.span if site is not None and site.root.i == node.i else [node]
            within = [  # "in Tashkent", "in Tashkent city", "X, seat of the Y, in Accra", "the
                t  # Palace of Independence in Minsk" (hung on "Independence")
                for word in words
                for prep in word.children
                if (described or (site is not None and site.cls == "Site")) and prep.dep_ == "prep"
                if prep.lower_ == "in"
                for obj in prep.children
                for t in (obj, *(c for c in obj.children if c.dep_ == "compound"))
            ]
            for child in [*node.children, *within]:
                place = self.inside.get(child.i)
                if child.dep_ == "appos" or (
                    (child.dep_ == "nmod" or child in within)
                    and place is not None
                    and place.type in {"Place", "Country"}
                ):
                    found.append(child)
                    todo.append(child)
        return found


def _past(span: Span, step: int) -> int:
    """The word after ``span`` walking forward (``step`` 1), or before it walking back."""
    return span.end if step > 0 else span.start - 1


# Before delegations are replaced by their heads, "X met a delegation" may stand for "X met
# the person heading it" (see kg.extract).
_PROVISIONAL = {"met": ({"Person", "Delegation"}, {"Person", "Delegation"})}


def _typed(predicate: str, subject: Mention, obj: Mention) -> bool:
    signature = _PROVISIONAL.get(predicate) or SIGNATURES.get(predicate)
    if signature is None:
        return True
    subjects, objects = signature
    return subject.type in subjects and obj.type in objects


def _slot(resolver: Resolver, token: Token, types: set[str] | None) -> list[Mention]:
    """The mentions a node stands for; when none is of a type the slot takes, for a place
    the one an "in" after the word names ("at the ministry in Ankara"), else the event,
    agreement or delegation whose phrase the word lies in ("the 78th session of the UN
    General Assembly held in New York": "held" hangs off "Assembly", a body's name)."""
    found = resolver.expand(token)
    event = resolver.mention(token)
    if event is not None and event.type == "Event":  # not the words of its name ("Australia"
        inside = range(event.span.start, event.span.end)  # of "the 20th Australia-India ...")
        found = [m for m in found if m is event or m.span.start not in inside]
    if types is None or any(m.type in types for m in found):
        return found
    if types <= _WHERE:
        inner = [m for m in _located_in(resolver, token) if m.type in types]
        if inner:
            return inner
    phrase = resolver.within.get(token.i)
    return [*found, phrase] if phrase is not None and phrase.type in types else found


def _located_in(resolver: Resolver, token: Token) -> list[Mention]:
    """The places an "in" after a word names ("the ministry in Ankara")."""
    return [m for obj in where_words([token], {"in"}) for m in resolver.expand(obj)]


def where_words(tokens: list[Token], words: Collection[str] = ("at", "in")) -> list[Token]:
    """The nouns "at" or "in" hangs on any of ``tokens`` ("visiting Minister X in Cairo")."""
    return [
        place
        for x in tokens
        for c in x.children
        if c.dep_ == "prep" and c.lower_ in words
        for place in c.children
        if place.dep_ == "pobj"
    ]


def _subject(verb: Token) -> Token | None:
    """The noun the parser gave a verb as its subject ("while the committee was held in X"),
    not a pronoun ("as he met Y", whose person is the subject of the verb it hangs on)."""
    return next(
        (
            c
            for c in verb.children
            if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ in {"NOUN", "PROPN"}
        ),
        None,
    )


def _own_subject(verb: Token) -> Token | None:
    """The subject of a coordinated verb with its own auxiliary right after a noun ("X was
    chaired by A and the Y side was headed by B", where the parser hung "side" on "A"): that
    noun, not the subject of the verb it is coordinated with."""
    for c in verb.lefts:
        if (
            c.dep_ in {"aux", "auxpass"}
            and c.pos_ == "AUX"
            and c.i > 0
            and c.doc[c.i - 1].pos_ in {"NOUN", "PROPN"}
        ):
            return c.doc[c.i - 1]
    return None


def _through_a_clause(pattern: Pattern, node: dict[str, Token]) -> bool:
    """Whether a word a pattern reaches at any depth (``>>``) lies in a clause of its own,
    under a verb between them that has a subject of its own."""
    for spec in pattern.pattern[1:]:
        if spec["REL_OP"] != ">>" or spec["LEFT_ID"] not in node:
            continue
        top, token = node[spec["LEFT_ID"]], node[spec["RIGHT_ID"]].head
        while token != top and token.head != token:
            if token.pos_ in {"VERB", "AUX"} and any(
                c.dep_ in {"nsubj", "nsubjpass"} for c in token.children
            ):
                return True
            token = token.head
    return False


def _within_itself(phrase: Mention, word: Token, other: Token) -> bool:
    """Whether a phrase stands in a slot for a word inside it that is not its head, and the
    other slot's word lies inside it too: the words relate two parts of one name ("the
    visit of the Chairman of the Government": not a visit headed by the chairman)."""
    start, end = phrase.span.start, phrase.span.end
    return (
        phrase.type in PHRASES
        and word.i != phrase.root.i
        and start <= word.i < end
        and start <= other.i < end
    )


def names_a_format(where: Token) -> bool:
    """Whether a place names the format of a meeting, not where it was held ("in the Central
    Asia - Russia format", "in the C5+1 format")."""
    for token in where.doc[where.i + 1 : where.i + 8]:
        if token.lower_ == "format":
            return True
        if not (token.pos_ in {"PROPN", "PUNCT", "NUM", "SYM"} or token.lower_ in {"+", "plus"}):
            return False
    return False


def _visit_of_another(node: dict[str, Token], subject: Mention, resolver: Resolver) -> bool:
    """Whether the visit a match reads is someone else's than its visitor's: "I met X ...
    during his visit to Cuba", said by Y, is X's visit, not Y's."""
    visit = node.get("visit")
    if visit is None or subject.type != "Person":
        return False
    owners = [c for c in visit.children if c.dep_ == "poss" and c not in node.values()]
    owner = resolver.mention(owners[0]) if owners else None
    return owner is not None and owner.type == "Person" and owner.entity != subject.entity


def _main(subject: Token) -> bool:
    """A subject of its sentence's main clause (or of a verb coordinated with it)."""
    verb = subject.head
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.dep_ == "ROOT"


def _leads(node: dict[str, Token], resolver: Resolver) -> bool:
    """A verb of going that leads something: "heads the mission to the UN" goes nowhere,
    but who led a delegation or a trip (a trade mission) to a place went there."""
    verb = node.get("verb")
    return (
        verb is not None
        and verb.lemma_ in {"head", "lead"}
        and any(
            c.dep_ == "dobj"
            and c.lemma_ != "delegation"
            and not ((led := resolver.mention(c)) is not None and led.type == "Event")
            for c in verb.children
        )
    )


_TOPICAL = {"on", "about", "over", "concerning", "regarding"}


def _of_its_topic(word: Token, event: Mention) -> bool:
    """Whether a word of an event's phrase lies in what it is about ("negotiations on the
    boundaries in the Sulawesi Sea"): a place said of it is the topic's, not the event's."""
    while word.i != event.root.i and word.head.i != word.i and word in event.span:
        if word.dep_ == "prep" and word.lower_ in _TOPICAL:
            return True
        word = word.head
    return False


_IN_TURN = {"separately", "individually", "successively"}


def one_by_one(verb: Token) -> bool:
    """Whether a verb is told of each of its subjects or objects apart ("met with C
    separately", "met successively with A and B")."""
    return any(c.lower_ in _IN_TURN for c in verb.children)


_EARLIER = {"previous", "last", "past", "earlier", "former", "prior"}


def _another_sitting(node: dict[str, Token], pattern: Pattern) -> bool:
    """Whether the words between an event and its place name another sitting of it ("the
    previous edition of the forum was held in the UAE")."""
    between = [t for k, t in node.items() if k not in {pattern.subject, pattern.object}]
    return any(
        c.dep_ == "amod" and c.lower_ in _EARLIER
        for t in between
        if t.pos_ == "NOUN"
        for c in t.lefts
    )


def find_relations(doc: Doc, resolver: Resolver) -> Iterator[Candidate]:
    """Relation candidates from every pattern match in ``doc``."""
    for (pattern, ids), tokens in _matcher()(doc):
        node = {name: doc[i] for name, i in zip(ids, tokens, strict=True)}
        if "_controller" in node and any(
            _subject(node[v]) is not None for v in ("verb", "_middle") if v in node
        ):
            continue  # the verb has a subject of its own: not the one of the verb it hangs on
        if _through_a_clause(pattern, node):
            continue  # "X said the President would hold talks with Y": not X's talks
        if "_controller" in node and (own := _own_subject(node["verb"])) is not None:
            node[ids[ids.index("_controller") + 1]] = own  # given in place of its own
        if pattern.pairwise and one_by_one(node["verb"]):
            continue  # "A and B met with C separately": A did not meet B
        if pattern.pairwise:  # those with the subject came with it: they met none of it
            company = {
                id(m) for t in _together_with(node[pattern.pairwise]) for m in resolver.expand(t)
            }
            people = [m for m in resolver.expand(node[pattern.pairwise]) if id(m) not in company]
            pairs = [(a, b) for i, a in enumerate(people) for b in people[i + 1 :]]
        else:
            signature = _PROVISIONAL.get(pattern.predicate) or SIGNATURES.get(pattern.predicate)
            subjects, objects = signature if signature else (None, None)
            s_word, o_word = node[pattern.subject], node[pattern.object]
            pairs = [
                (s, o)
                for s in _slot(resolver, s_word, subjects)
                for o in _slot(resolver, o_word, objects)
                if not _within_itself(s, s_word, o_word) and not _within_itself(o, o_word, s_word)
            ]
        allowed = pattern.types or {}
        pairs = [
            (subject, obj)
            for subject, obj in pairs
            if subject is not obj
            and _typed(pattern.predicate, subject, obj)
            and subject.type in allowed.get(pattern.subject, [subject.type])
            and obj.type in allowed.get(pattern.object, [obj.type])
            and not (
                pattern.predicate == "visited"
                and (_visit_of_another(node, subject, resolver) or _leads(node, resolver))
            )
            and not (pattern.predicate == "heldIn" and names_a_format(node[pattern.object]))
            and not (
                pattern.predicate == "heldIn" and _of_its_topic(node[pattern.subject], subject)
            )
            and not (pattern.predicate == "heldIn" and _another_sitting(node, pattern))
        ]
        if not pairs:  # most matches: the words fit, the entities do not
            continue
        anchor = node.get("verb") or node[pattern.subject]
        # "agreed to boost ties at talks in Tokyo": taking part is as told as the agreeing
        agreed = _agreed_at(node["event"]) if "event" in node else None
        status = modality(agreed or anchor)
        if status == "asserted" and any(ahead(t) for t in node.values()):
            status = "planned"
        sentence = anchor.sent
        for subject, obj in pairs:
            yield Candidate(
                subject,
                pattern.predicate,
                obj,
                sentence,
                pattern.confidence,
                status,
                pattern.name,
                anchor,
            )
