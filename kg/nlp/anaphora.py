"""References that name no one: titles used alone and plural references to the two sides.

- "the Kazakh President", "the Chinese Minister", "the premier", "the Head of State" refer to
  the person of the article who holds that title (or represents that country);
- "the sides", "both countries", "the parties" refer to the article's two main countries;
  "the two leaders", "the presidents", "the ministers" to its two main people;
- "the country" someone went to ("flew into the country", "visited the country") is a
  country named just before it, not one of the travellers';
- "the guest", "the high-ranking guest", "the visiting leader" is the article's one visitor;
- "it" that was held, attended, chaired or took place is the event named last before it;
- "the latter" is the person (or country) named last before it, "the former" the one of the
  same kind named before that.

Both become mentions bound to existing entities, so patterns read "the sides signed a
protocol" as two signatures and "the Kazakh President received X" as a meeting.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from kg.kb import normalize
from kg.nlp.coref import Cluster, last_event, pointing_count, previous_sentence_start
from kg.nlp.gazetteer import agreement_class
from kg.nlp.mentions import SIGNING_WORDS, Mention, tokens_with
from kg.nlp.positions import COUNTERPARTS, Held, bare_title, plural_title
from kg.nlp.relations import MEETING_WORDS, Resolver
from kg.nlp.titles import SPAN_KEY
from kg.nlp.visits import GUESTS, in_quotes

__all__ = [
    "country_mentions",
    "document_pronouns",
    "event_pronouns",
    "group_mentions",
    "guest_mentions",
    "holds",
    "latter_mentions",
    "leader_mentions",
    "listed_documents",
    "office",
    "partners",
    "side_delegations",
    "style_mentions",
    "title_mentions",
]

_COUNTRY_GROUPS = {
    "side",
    "sides",
    "party",
    "parties",
    "country",
    "countries",
    "nation",
    "nations",
    "state",
    "states",
    "governments",
}
_PEOPLE_GROUPS = {
    "leader",
    "leaders",
    "president",
    "presidents",
    "minister",
    "ministers",
    "premiers",
    "pms",
    "counterparts",
    "heads",
    "officials",
    "chiefs",
    "diplomats",
    "co-chairs",
    "co-chairmen",
    "co-chairpersons",
}
_HEADS = {"heads", "chiefs", "leaders"}
_HEAD_WORDS = {"head", "chief", "leader"}
_LED_SIDES = {"state", "government", "delegation", "side", "country", "nation", "party", "ministry"}
_GROUP_MARKERS = {"both", "two", "three", "four", "five", "six"}
_MEETING = MEETING_WORDS | {"negotiation"}
_GROUP_WORDS = _COUNTRY_GROUPS | _PEOPLE_GROUPS | {"two"}
_LEADERS = ("head of state", "head of government")  # titles only a country's leader holds
_CABINET_HEAD = re.compile(
    r"(?:the )?(?:chair\w*|head|president) of (?:the )?(?:cabinet|government|council of ministers)\b"
)
_SYNONYMS = {
    "premier": "prime minister",
    "pm": "prime minister",
    "fm": "foreign minister",
    "eam": "foreign minister",  # India's External Affairs Minister
    "head of state": "president",
    "emir": "amir",
    "head of government": "prime minister",
    "chairman": "chair",
    "chairperson": "chair",
    "chairwoman": "chair",
}


_FOREIGN_AFFAIRS = re.compile(
    r"(?:\w+ )*?minister (?:of|for) (?:the )?(?:foreign|external) affairs\b"
)


def holds(title: str, head: str) -> bool:
    """Whether a title is of an office (``office``) or a kind of it ("Foreign Minister" of
    "minister")."""
    held = office(title)
    return held == head or held.endswith(" " + head)


def office(title: str) -> str:
    """The office a title names, without modifiers and complements: "First Deputy Prime
    Minister of Kazakhstan" -> "prime minister"."""
    full = normalize(title)
    led = re.fullmatch(r"(?:the )?head of the (?:\w+ )?(state|government)", full)
    if led:  # "the head of the Uzbek government"
        return _SYNONYMS[f"head of {led.group(1)}"]
    if full.endswith(_LEADERS):
        return _SYNONYMS[full[full.index("head of") :]]
    if _CABINET_HEAD.match(full):  # "Chairman of the Cabinet of Ministers of the Kyrgyz Republic"
        return "prime minister"
    text = re.split(r" (?:of|to|for) ", full)[0]  # "Minister for Foreign Affairs": a minister
    for long, short in _SYNONYMS.items():
        if text == long or text.endswith(" " + long):
            return short
    for word in ("first ", "deputy ", "vice ", "acting ", "former "):
        text = text.replace(word, "")
    words = text.split()
    if len(words) > 1 and " ".join(words[-2:]) in {"prime minister", "foreign minister"}:
        return " ".join(words[-2:])
    return words[-1] if words else text


def _title(held: Held) -> str:
    """The title a position states, with the cabinet or government its holder chairs
    ("Chairman" of "the Cabinet of Ministers": a head of government's)."""
    title = held.title or ""
    if held.of is not None and held.of.type == "Organization":
        full = f"{title} of {held.of.text}"
        return full if _CABINET_HEAD.match(normalize(full)) else title
    return title


def _of(held: Held) -> str | None:
    """The entity of what a position is of."""
    return held.of.entity if held.of is not None else None


def _deputy(title: str) -> bool:
    """Whether a title is of a deputy ("Vice President", "Deputy Prime Minister"): one who is
    not the holder of the office ``office`` names."""
    words = re.split(r"[\s-]+", normalize(title).split(" of ")[0])
    return "deputy" in words or "vice" in words


def _same_office(held: str, head: str, deputy: bool) -> bool:
    """Whether a title a person holds is of the office ``head``, as deputy or not."""
    return office(held) == head and _deputy(held) == deputy


_MINISTRY = re.compile(r"(?:head|chief|leader) of (?:the )?ministry ((?:of|for) .+)")


def _heads_ministry(title: str, held: str) -> bool:
    """Whether a title used alone names the office a person holds as the head of its ministry
    ("the head of the Ministry of Foreign Trade" and "Minister of Foreign Trade")."""
    found = _MINISTRY.fullmatch(normalize(title))
    return found is not None and normalize(held) == f"minister {found[1]}"


def _owner(title: Span, resolver: Resolver, bodies: set[str | None]) -> Mention | None:
    """The country named in or just before a title used alone ("the Kazakh President"), or
    the body named in it that one of ``bodies`` is ("the President of the EBRD")."""
    doc = title.doc
    before_to = next((t.i for t in title if t.lower_ == "to"), title.end)  # "Ambassador to X"
    for i in [*range(title.start, before_to), title.start - 1]:
        m = resolver.inside.get(i) if i >= 0 else None
        if m is not None and m.type == "Country":
            return m
        if m is not None and m.type == "Organization" and m.entity in bodies and i >= title.start:
            return m
        if i == title.start - 1 and i >= 0 and doc[i].dep_ == "case" and i > 0:
            m = resolver.inside.get(i - 1)
            if m is not None and m.type == "Country":
                return m
    return None


def _alone(title: Span, resolver: Resolver) -> bool:
    """A title that introduces no name: "the President said", "the Kazakh Prime Minister"."""
    doc = title.doc
    after = resolver.inside.get(title.end)
    if after is not None and after.type == "Person":
        return False
    if title.end < len(doc) and doc[title.end].text in {",", "("}:
        nxt = resolver.inside.get(title.end + 1)
        if nxt is not None and nxt.type == "Person":
            return False
    before = resolver.inside.get(title.start - 1) if title.start else None
    if before is not None and before.type == "Person":
        return False
    if resolver.holder(title) is not None:  # "X, the Chief Executive Officer (CEO) of Y,"
        return False
    left = doc[title.start - 1] if title.start else None
    if left is None or left.is_punct or left.is_sent_start:
        return title.root.dep_ in {"nsubj", "nsubjpass"}
    if left.dep_ == "case" and left.i > 0:  # "Qatar's Emir"
        left = doc[left.i - 1]
    return left.lower_ in {"the", "his", "her", "their"} or (
        resolver.inside.get(left.i) is not None and resolver.inside[left.i].type == "Country"
    )


def title_mentions(
    doc: Doc,
    resolver: Resolver,
    clusters: list[Cluster],
    positions: list[Held],
    country_of: dict[str, str],
) -> list[tuple[Mention, Held]]:
    """Person mentions for titles used alone, each with the position it states."""
    found = []
    lead = _lead_end(doc)
    bodies = {h.of.entity for h in positions if h.of is not None and h.of.type == "Organization"}
    for title in doc.spans.get(SPAN_KEY, []):
        if plural_title(title) or not _alone(title, resolver):
            continue  # "the Presidents of A and B": the two, not one
        owner = _owner(title, resolver, bodies)
        head, deputy = office(title.text), _deputy(title.text)
        leader = _leader_of_a_country(title)
        others = _counterparties(title, resolver)
        best, best_rank, holders = None, None, set()
        for held in sorted(positions, key=lambda h: h.person.span.start):
            if held.person.span.start >= title.start or held.title is None:
                continue
            if held.person.entity in others:
                continue  # "With Minister X, the minister signed": not X
            if leader and not _of_a_country(held):
                continue  # "the head of state" is not the President of Tatarstan
            same_office = (
                _same_office(_title(held), head, deputy)
                or (  # "the head of the EBRD": whoever of its people leads it
                    head in _HEAD_WORDS
                    and owner is not None
                    and owner.type == "Organization"
                    and _deputy(_title(held)) == deputy
                )
                or _heads_ministry(title.text, _title(held))  # "the head of the Ministry of X"
            )
            person = held.person.entity
            country = country_of.get(person) if person is not None else None
            side = country if owner is None or owner.type == "Country" else _of(held)
            same_side = owner is None or side == owner.entity
            rank = (not held.inferred, held.person.span.start)
            if same_office and same_side:
                holders.add(person)
            if same_office and same_side and (best_rank is None or rank > best_rank):
                best, best_rank = held.person, rank
        main = _main(clusters, "Person", n=1) if owner is None else []
        if main and main[0].id in holders and best is not None and best.entity != main[0].id:
            best = main[0].mentions[0]  # "the Prime Minister": the article's own, not the last
        if owner is None:
            best = _continued(title, resolver, head, deputy, positions) or best
        if best is None:
            best = _one_holder_of_a_kind(title, owner, head, deputy, positions, country_of)
        if best is None and title.start < lead:
            best = _named_later(title, owner, head, deputy, positions, country_of)
        if best is None and owner is not None:
            best = _one_of(owner.entity, title.start, clusters, country_of, title.start < lead)
            if best is not None and _in_another_office(best, head, deputy, positions):
                best = None  # "the Foreign Minister of Colombia" is not President X of Colombia
        if best is None and owner is not None:
            best = _sideless(title, owner, head, positions, country_of)
        if best is None and owner is not None and title.start < lead:
            best = _unplaced_after(title, clusters, country_of, positions)
        if best is None or best.entity in others:
            continue
        mention = Mention(title, "Person", "Person", entity=best.entity, anaphor=True)
        found.append((mention, Held(mention, bare_title(title, owner), owner, title.sent)))
    return found


def _counterparties(title: Span, resolver: Resolver) -> set[str | None]:
    """The people the verb a title is the subject of is done to or with ("With Minister X,
    the minister signed", "the minister received X"): not the title's holder."""
    if title.root.dep_ not in {"nsubj", "nsubjpass"}:
        return set()
    verb = title.root.head
    return {
        m.entity
        for t in title.sent
        if _counterparty(t, verb) and (m := resolver.mention(t)) is not None
    }


def _continued(
    title: Span, resolver: Resolver, head: str, deputy: bool, positions: list[Held]
) -> Mention | None:
    """The subject of the sentence before, when a title used alone is the subject of its own
    and the two hold the same kind of office ("Trade Minister X arrived ... She met Y's
    Minister of Industry Z. The Minister then toured ...": X)."""
    doc = title.doc
    if title.root.dep_ not in {"nsubj", "nsubjpass"} or title.sent.start == 0:
        return None
    before = doc[title.sent.start - 1].sent
    subject = next((c for c in before.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None:
        return None
    if subject.pos_ == "PRON":
        people = [resolver.antecedent(subject)]
    else:  # "A and Foreign Minister B discussed ...": A first, however the parser joined them
        people = [resolver.mention(t) for t in _conjoined(subject)]
    for found in people:
        if found is None or found.type != "Person" or not found.entity:
            continue
        held = [h for h in positions if h.person.entity == found.entity and h.title]
        if any(holds(h.title or "", head) and _deputy(h.title or "") == deputy for h in held):
            return found
    return None


def _conjoined(subject: Token) -> list[Token]:
    """The words of a subject outside its clauses, appositions and prepositional phrases
    ("A and B", not "B, who met C" or "the counterpart of C")."""
    found = []
    for t in subject.subtree:
        word = t
        while word.i != subject.i and word.dep_ not in _ASIDES:
            word = word.head
        if word.i == subject.i:
            found.append(t)
    return found


_ASIDES = {"relcl", "acl", "prep", "appos"}


def _one_holder_of_a_kind(
    title: Span,
    owner: Mention | None,
    head: str,
    deputy: bool,
    positions: list[Held],
    country_of: dict[str, str],
) -> Mention | None:
    """The one person named before a title used alone who holds a kind of its office ("the
    minister" after Foreign Minister X, "the Deputy Minister" after Deputy Foreign Minister
    Y), of the title's country if it names one; no one when two people could be meant."""
    holders: dict[str, Mention] = {}
    for held in positions:
        person = held.person.entity
        if held.person.span.start >= title.start or held.title is None or person is None:
            continue
        t = _title(held)
        same_side = owner is None or country_of.get(person) == owner.entity
        if holds(t, head) and _deputy(t) == deputy and same_side:
            holders.setdefault(person, held.person)
    return next(iter(holders.values())) if len(holders) == 1 else None


def _leader_of_a_country(title: Span) -> bool:
    """A title only a country's leader holds: "the head of state", "the head of government"."""
    return normalize(title.text).endswith(_LEADERS)


def _of_a_country(held: Held) -> bool:
    """Whether a title is of a country, or of nothing it names ("President", "Head of State",
    not "President of Tatarstan", nor "President of the company")."""
    if held.of is not None:
        return held.of.type == "Country" or office(_title(held)) == "prime minister"
    title = normalize(held.title or "")
    return title.endswith(_LEADERS) or " of " not in title


# Words for whoever holds some office: "the Pakistani envoy" may be its High Commissioner.
_ANY_OFFICE = {"envoy", "head", "leader", "chief", "official", "representative", "diplomat"}


def _in_another_office(person: Mention, head: str, deputy: bool, positions: list[Held]) -> bool:
    """Whether the article gives a person titles, none of them of that office or a kind of it
    (any are of "the envoy" or "the head of the cabinet"), or all of them a deputy's when the
    office is not ("the Vice President of India" is not President X of India) or the other
    way round."""
    titles = [_title(h) for h in positions if h.person.entity == person.entity and h.title]
    if head in _ANY_OFFICE or not titles:
        return False
    return not any(
        (holds(t, head) or holds(head, office(t))) and _deputy(t) == deputy for t in titles
    )


def _sideless(
    title: Span, owner: Mention, head: str, positions: list[Held], country_of: dict[str, str]
) -> Mention | None:
    """The latest holder of that office named before a country's title used alone who acts
    for no country and is not who deals with the title's holder in its sentence ("Foreign
    Minister X ... the Czech minister": X, not in "X called the Czech minister"); not one named
    beside a person of that country, his counterpart ("President X received Prime Minister of
    Uzbekistan Y ... greetings from the President of Uzbekistan")."""
    theirs = {p for p, c in country_of.items() if c == owner.entity}
    doers = _doers_with(title.root)
    here = {h.person.entity for h in positions if h.person.span.root.i in doers}
    for held in sorted(positions, key=lambda h: -h.person.span.start):
        person = held.person.entity
        if (
            held.person.span.start < title.start
            and person not in here  # "X held a call with the Fijian minister"
            and held.title is not None
            and holds(held.title, head)
            and person is not None
            and person not in country_of
        ):
            beside = {
                h.person.entity for h in positions if h.person.span.sent == held.person.span.sent
            }
            return None if beside & theirs else held.person
    return None


def _named_later(
    title: Span,
    owner: Mention | None,
    head: str,
    deputy: bool,
    positions: list[Held],
    country_of: dict[str, str],
) -> Mention | None:
    """The person a headline or lead names only by an office ("The President of Kyrgyzstan
    met ...", "The Amir holds talks ...") and the article names further on: the first later
    holder of that office who acts for that country; of an office of no country named, the
    one person the article gives that office, named in a sentence after it (in its own, it is
    someone else: "The Prime Minister had talks with Prime Minister X")."""
    holders = [
        h
        for h in sorted(positions, key=lambda h: h.person.span.start)
        if h.title is not None
        and _same_office(_title(h), head, deputy)
        and h.person.entity is not None
    ]
    if owner is None:
        people = {h.person.entity for h in holders}
        later = [h for h in holders if h.person.span.start >= title.sent.end]
        return later[0].person if len(people) == 1 and later else None
    for held in holders:
        if (
            held.person.span.start > title.start
            and country_of.get(held.person.entity or "") == owner.entity
        ):
            return held.person
    return None


def _unplaced_after(
    title: Span, clusters: list[Cluster], country_of: dict[str, str], positions: list[Held]
) -> Mention | None:
    """The person a headline or lead names only by a country's office as who does something
    ("Qatar's Emir flew to Turkey") and names next, within two sentences, by a name with no
    country or body of its own ("While there, Sheikh Tamim met ...", not "the Bank's
    delegation headed by its President X")."""
    if not _doer(title.root):
        return None
    sentences = [s for s in title.doc.sents if s.start >= title.sent.start][:3]
    later = sorted(
        (
            m
            for c in clusters
            if c.type == "Person"
            for m in c.mentions
            if title.end <= m.span.start < sentences[-1].end
        ),
        key=lambda m: m.span.start,
    )
    first = later[0] if later else None
    if first is None or first.anaphor or first.entity in country_of:
        return None
    if _counterparty(first.span.root, title.root.head):  # "Egypt's President met X"
        return None
    if any(h.person.entity == first.entity and h.of is not None for h in positions):
        return None
    return first


def _counterparty(token: Token, verb: Token) -> bool:
    """Whether ``token`` is whom ``verb`` is done to or with: its object, or the object of its
    "with" or of its object's ("met X", "held talks with X")."""
    if token.head == verb:
        return token.dep_ == "dobj"
    prep = token.head
    return (
        token.dep_ == "pobj"
        and prep.lower_ == "with"
        and (prep.head == verb or (prep.head.dep_ == "dobj" and prep.head.head == verb))
    )


def _doers_with(token: Token) -> set[int]:
    """The words of the subject of the verb done to or with ``token`` ("X held a call with
    the minister": X), also of a verb sharing its subject ("X met Y and held talks with Z")."""
    for verb in list(token.ancestors)[:3]:
        if _counterparty(token, verb):
            while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
                verb = verb.head
            return {t.i for c in verb.children if c.dep_ == "nsubj" for t in c.subtree}
    return set()


def _doer(token: Token) -> bool:
    """A subject, or a subject's conjunct ("Qatar's Emir and a delegation flew")."""
    while token.dep_ == "conj":
        token = token.head
    return token.dep_ in {"nsubj", "nsubjpass"}


def _lead_end(doc: Doc) -> int:
    """Where the headline and lead end (the first three sentences with a verb, past page
    furniture such as times and prices): a title there may name someone the article names
    only further on."""
    told = (s for s in doc.sents if len(s) >= 4 and any(t.pos_ in {"VERB", "AUX"} for t in s))
    ends = [s.end for s, _ in zip(told, range(3), strict=False)]
    return ends[-1] if ends else 0


def _one_of(
    country: str | None,
    at: int,
    clusters: list[Cluster],
    country_of: dict[str, str],
    forward: bool,
) -> Mention | None:
    """The one person who acts for ``country`` named before token ``at``, else (when none is
    named before and ``forward``) the one the whole article names."""
    sided = [c for c in clusters if c.type == "Person" and country_of.get(c.id) == country]
    before = [c for c in sided if c.mentions[0].span.start < at]
    chosen = before or (sided if forward else [])
    return chosen[0].mentions[0] if len(chosen) == 1 else None


def leader_mentions(
    doc: Doc, resolver: Resolver, clusters: list[Cluster], country_of: dict[str, str]
) -> list[Mention]:
    """ "The Kenya leader", "the Emirati leader", "his Armenian counterpart" named by no name:
    the one person who acts for that country named before it, or in the lead the one the
    article names (of several, the one the article called a counterpart before)."""
    found = []
    lead = _lead_end(doc)
    for token in tokens_with(doc, "LEMMA", ["leader", *COUNTERPARTS]):
        if token.pos_ != "NOUN" or token.tag_ == "NNS" or _named_after(token, resolver):
            continue
        owners = [c for c in token.lefts if c.dep_ in {"compound", "amod", "poss"}]
        owners += [
            o for p in token.rights if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
        ]
        sides = [resolver.mention(c) for c in owners]
        countries = [m.entity for m in sides if m is not None and m.type == "Country"]
        if len(countries) != 1:
            continue
        counterpart = token.lemma_ in COUNTERPARTS
        forward = token.i < lead  # "held talks with his Tajik counterpart" named further on
        person = _one_of(countries[0], token.i, clusters, country_of, forward)
        if person is None and counterpart:
            person = _counterpart_before(countries[0], token.i, clusters, country_of)
        if person is not None and person.entity is not None:
            start = min([token.i, *(c.i for c in token.lefts if _owner_word(c))])
            found.append(
                Mention(
                    doc[start : token.i + 1], "Person", "Person", entity=person.entity, anaphor=True
                )
            )
    return found


def _owner_word(token: Token) -> bool:
    """A word of a reference by office ("Kenyan", "Kenya's"), not "the" or "his"."""
    return token.dep_ != "det" and token.pos_ != "PRON"


def _named_after(token: Token, resolver: Resolver) -> bool:
    """A word a name follows ("his counterpart Nikol Pashinyan", "the leader, X,")."""
    doc = token.doc
    for i in (token.i + 1, token.i + 2):
        m = resolver.inside.get(i) if i < len(doc) else None
        if m is not None and m.type == "Person":
            return i == token.i + 1 or doc[token.i + 1].text == ","
    return False


def _names_others(group: Token, members: list[Mention], resolver: Resolver) -> bool:
    """Whether a plural names, right after it, people other than those it would stand for
    ("the ministers of foreign affairs X and Y signed" after the presidents met)."""
    doc = group.doc
    after = group.right_edge.i + 1
    after += after < len(doc) and doc[after].text == ","
    words = [c.i for c in group.children if c.dep_ == "appos"] + [after] * (after < len(doc))
    named = [m for i in words if (m := resolver.inside.get(i)) is not None and m.type == "Person"]
    return any(m.entity not in {x.entity for x in members} for m in named)


def _counterpart_before(
    country: str | None, at: int, clusters: list[Cluster], country_of: dict[str, str]
) -> Mention | None:
    """The one person of ``country`` the article introduced before token ``at`` as a
    counterpart ("his Armenian counterpart Nikol Pashinyan")."""
    named = [
        c.mentions[0]
        for c in clusters
        if c.type == "Person"
        and country_of.get(c.id) == country
        and any(
            m.span.start < at
            and m.span.start
            and m.span.doc[m.span.start - 1].lemma_ in COUNTERPARTS
            for m in c.mentions
        )
    ]
    return named[0] if len(named) == 1 else None


def _main(
    clusters: list[Cluster], kind: str, country_of: dict[str, str] | None = None, n: int = 2
) -> list[Cluster]:
    """The article's ``n`` main entities of a kind: the most mentioned, earliest first (not
    one the article only refers to, such as a dateline's place it never names); people of
    as many countries."""
    counted = Counter({c.id: len(c.mentions) for c in clusters if c.type == kind and c.mentions})
    ranked = sorted(
        (c for c in clusters if c.id in counted),
        key=lambda c: (-counted[c.id], c.mentions[0].span.start),
    )
    if kind == "Person" and country_of:
        chosen: list[Cluster] = []
        for c in ranked:
            if all(
                country_of.get(c.id) != country_of.get(o.id) or c.id not in country_of
                for o in chosen
            ):
                chosen.append(c)
            if len(chosen) == n:
                break
        return chosen
    return ranked[:n]


def side_delegations(clusters: list[Cluster]) -> list[tuple[Cluster, list[Cluster]]]:
    """The delegations that stand for one of several countries' each, with those countries:
    named in the plural for the article's two countries ("the two delegations", "both
    delegations", "delegations from the two countries"; none where the article has not
    two), or named as one but from two or more countries ("a delegation from Germany and the
    United States", not "delegations from A, B and C")."""
    countries = _main(clusters, "Country")
    at = {m.root.i: c for c in clusters if c.type == "Country" for m in c.mentions}
    found = []
    for c in clusters:
        if c.type != "Delegation" or not c.mentions:
            continue
        listing = max(c.mentions, key=lambda m: len(_listed_countries(m.root, at)))
        listed = _listed_countries(listing.root, at)
        plural = listing.root.tag_ in {"NNS", "NNPS"}
        if (
            len(countries) == 2
            and c.country is None
            and all(_of_the_two(m.root) for m in c.mentions)
        ):
            found.append((c, countries))
        elif len(listed) >= 2 and not plural:  # "delegations from A, B and C" stand for
            found.append((c, listed))  # the countries (``Resolver``)
    return found


def listed_documents(clusters: list[Cluster]) -> list[tuple[Cluster, list[Cluster]]]:
    """Documents named in the plural by a pointing word alone ("The documents were signed by
    X and Y", "both agreements") after a sentence that names two or more documents (and as
    many as a count says): they are those documents, each."""
    agreements = [c for c in clusters if c.type == "Agreement" and c.mentions]
    found = []
    for c in agreements:
        first = min(c.mentions, key=lambda m: m.span.start)
        count = pointing_count(first)
        if count is None or any(pointing_count(m) is None for m in c.mentions):
            continue
        before = previous_sentence_start(first.root)
        named = [
            a
            for a in agreements
            if a is not c
            and before <= (start := min(m.span.start for m in a.mentions)) < first.span.start
            and all(m.root.tag_ in {"NN", "NNP"} for m in a.mentions if m.span.start == start)
        ]
        if len(named) >= 2 and count in {0, len(named)}:
            found.append((c, named))
    return found


def _listed_countries(token: Token, at: dict[int, Cluster]) -> list[Cluster]:
    """The countries a delegation word's "from" or "of", or its adjectives, list ("from
    Germany and the United States", "a German, US delegation")."""
    named = [
        obj
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ in {"from", "of"}
        for obj in prep.children
        if obj.dep_ == "pobj"
    ] + [a for a in token.children if a.dep_ in {"amod", "compound"}]
    return list(dict.fromkeys(at[t.i] for n in named for t in (n, *n.conjuncts) if t.i in at))


def _of_the_two(token: Token) -> bool:
    """A plural delegation word of the two sides: "the two delegations", "delegations of
    both countries", "the delegations" or "their delegations" that say no more, or no more
    than that the two sides' people led them."""
    if token.tag_ not in {"NNS", "NNPS"}:
        return False
    lefts = list(token.lefts)
    if any(t.lower_ in _GROUP_MARKERS for t in lefts):
        return True
    if [t.lower_ for t in lefts] in (["the"], ["their"]) and not any(
        c.dep_ in {"prep", "acl", "relcl", "amod", "compound"} for c in token.children
    ):
        return True
    if [t.lower_ for t in lefts] in ([], ["the"]) and _led_by_two(token):
        return True  # "talks between delegations led by the two ministers"
    return any(
        prep.lower_ in {"of", "from"}
        and o.lower_ in _COUNTRY_GROUPS
        and (_is_group(o) == "country" or [t.lower_ for t in o.lefts] == ["their"])
        for prep in token.children
        for o in prep.children
        if o.dep_ == "pobj"
    )  # "headed the delegations of their countries"


def _led_by_two(token: Token) -> bool:
    """Whether delegations are told only by who led them, and those are two: "the two
    ministers", "both leaders", or two people named."""
    if any(c.dep_ in {"prep", "relcl", "amod", "compound"} for c in token.children):
        return False
    leaders = [
        o
        for acl in token.children
        if acl.dep_ == "acl" and acl.lemma_ in {"lead", "head"}
        for by in acl.children
        if by.dep_ == "agent"
        for o in by.children
        if o.dep_ == "pobj"
    ]
    return any(
        any(t.lower_ in {"two", "both"} for t in o.lefts) or len(o.conjuncts) == 1 for o in leaders
    )


def partners(clusters: list[Cluster], country_of: dict[str, str]) -> dict[str, Mention]:
    """Each of the article's two main people (of two sides) to the other: whom "you" in a
    quotation of one addresses."""
    people = _main(clusters, "Person", country_of)
    if len(people) != 2 or not all(p.id in country_of for p in people):
        return {}
    a, b = people
    return {a.id: b.mentions[0], b.id: a.mentions[0]}


def _is_group(token: Token) -> str | None:
    """``country`` or ``person`` for a plural reference to the two sides, else None."""
    lower = token.lower_
    if lower == "two" and token.dep_ in {"nsubj", "nsubjpass", "pobj", "dobj"}:
        return "person" if any(t.lower_ == "the" for t in token.lefts) else None
    if token.pos_ not in {"NOUN", "PROPN"} or lower not in _GROUP_WORDS or _lists_its_own(token):
        return None
    left = {t.lower_ for t in token.lefts}
    plural = token.tag_ in {"NNS", "NNPS"} or lower.endswith("s")
    if not (left & _GROUP_MARKERS or ("the" in left and plural)):
        return None
    people = lower in _PEOPLE_GROUPS and bool(left & _GROUP_MARKERS)  # "the two Asian leaders"
    if not people and any(t.ent_type_ in {"NORP", "GPE"} for t in token.lefts):
        return None  # "the two Korean sides", "the Central Asian countries": not the two sides
    if any(t.ent_type_ == "ORG" for t in token.lefts):
        return None  # "the Quad foreign ministers", "the BRICS leaders": a body's members
    if lower in _HEADS and any(
        o.pos_ == "NOUN" and o.lemma_.lower() not in _LED_SIDES
        for p in token.rights
        if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children
    ):
        return None  # "the heads of the two railway corporations": not the sides' people
    if lower in {"side", "party", "country", "nation", "state"} and not left & _GROUP_MARKERS:
        return None
    return "country" if lower in _COUNTRY_GROUPS else "person"


def _lists_its_own(token: Token) -> bool:
    """Whether a plural names whom it stands for in a list of its own ("the heads of
    institutions, including X and Y"): not the article's two sides."""
    nouns = [token, *(o for p in token.children if p.lower_ == "of" for o in p.children)]
    return any(
        c.lower_ == "including" and not any(agreement_class(o.text) for o in c.children)
        for n in nouns
        for c in n.children
    )  # not "signed between the two countries, including the Agreement on X"


def _office_word(token: Token) -> tuple[Token, str]:
    """The word that says which office a plural names, and the office's noun: "ministers" and
    "minister" for "the foreign ministers", "ministries" and "minister" for "the heads of the
    two foreign ministries"."""
    if token.lower_ in _HEADS:
        for p in token.rights:
            for o in p.children if p.dep_ == "prep" and p.lower_ == "of" else ():
                if o.dep_ == "pobj" and o.lemma_.lower() == "ministry":
                    return o, "minister"
    return token, token.lower_.removesuffix("s")


def _office_named(token: Token) -> str:
    """The office a plural names: "the foreign ministers" and "the heads of the two foreign
    ministries" -> "foreign minister", "the heads of state" -> "head of state"."""
    token, noun = _office_word(token)
    words = [*(c.lower_ for c in token.lefts if c.dep_ in {"compound", "amod"}), noun]
    of = [
        o.lower_
        for p in token.rights
        if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children
        if o.lower_ in {"state", "government"}
    ]
    return " ".join([*words, "of", of[0]] if of else words)


def _co_chairs(token: Token, resolver: Resolver) -> list[Mention]:
    """ "The co-chairs": the two people named in the nearest sentence up to it that says who
    chaired, else who presided or headed, when it names two ("The session was co-chaired by
    X and the Omani minister. Following the session, the co-chairs signed the protocol"; "X
    presided over the meeting, while the other side was headed by Y. ... the co-chairs
    signed")."""
    if not token.lower_.startswith("co-chair"):
        return []
    sentences = [s for s in token.doc.sents if s.start <= token.i]
    for told in (_chaired, _presided):
        for sent in reversed(sentences):
            if not any(told(t) for t in sent if t.i != token.i):
                continue
            people = {
                m.entity: m
                for t in sent
                if (m := resolver.mention(t)) is not None and m.type == "Person" and m.entity
            }
            return list(people.values()) if len(people) == 2 else []
    return []


def _chaired(word: Token) -> bool:
    return "chair" in word.lower_


def _presided(word: Token) -> bool:
    return word.pos_ == "VERB" and word.lemma_ in {"preside", "head", "lead"}


def _office_holders(token: Token, positions: list[Held]) -> list[Mention]:
    """The two people who hold the office a plural names ("the two prime ministers"); for
    "the ministers", the two ministers of any portfolio but a prime minister's (of a
    deputy's only if there are not two others: not a foreign minister and his deputy)."""
    named = office(_office_named(token))
    if named not in {"prime minister", "foreign minister", "president", "minister"}:
        return []
    portfolio = _portfolio(token)
    titled = [
        (_held(h.title), h.person, h.title)
        for h in positions
        if h.title and portfolio <= set(normalize(h.title).split())
    ]
    holders = {p.entity: p for held, p, _ in titled if held == named}
    if named == "minister":
        ministers = [(p, title) for held, p, title in titled if holds(held, named)]
        ministers = [(p, t) for p, t in ministers if office(t) != "prime minister"]
        principals = {
            p.entity: p for p, t in ministers if not {"deputy", "vice"} & set(normalize(t).split())
        }
        paired = _one_office_pair(ministers) if len(principals) > 2 else {}
        if len(principals) == 2:
            holders = principals
        elif paired:  # "the ministers" of three named: the two of one portfolio
            holders = paired
        elif len(holders) != 2:
            holders = {p.entity: p for p, _ in ministers}
    return list(holders.values()) if len(holders) == 2 else []


def _one_office_pair(ministers: list[tuple[Mention, str]]) -> dict[str | None, Mention]:
    """The two of these ministers who hold one office, if only one office has two holders
    (two foreign ministers and an economy minister: the foreign ministers)."""
    by_office: dict[str, dict[str | None, Mention]] = {}
    for person, title in ministers:
        if person.entity:
            by_office.setdefault(_held(title), {})[person.entity] = person
    pairs = [found for found in by_office.values() if len(found) == 2]
    return pairs[0] if len(pairs) == 1 else {}


def _held(title: str) -> str:
    """The office a title names, a foreign minister's for a "Minister of Foreign Affairs"
    (also "Deputy Prime Minister and Minister of Foreign Affairs")."""
    return "foreign minister" if _FOREIGN_AFFAIRS.match(normalize(title)) else office(title)


def _portfolio(token: Token) -> set[str]:
    """The nouns that say which ministry a plural office is of: "railway" of "the railway
    ministers", "economy" of "the ministers of economy of the two countries"; none of "the
    foreign ministers", "the heads of state" or "the two South American leaders"."""
    token, _ = _office_word(token)
    before = {c.lower_ for c in token.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"}
    after = {
        o.lower_
        for p in token.rights
        if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children
        if o.dep_ == "pobj" and o.pos_ == "NOUN" and o.lemma_ not in _WHOSE_OFFICE
    }
    return before | after


_WHOSE_OFFICE = {"state", "government", "country", "side", "nation", "party"}


def _other_office(token: Token, people: list[Mention], positions: list[Held]) -> bool:
    """Whether a plural names an office ("the ministers", "the foreign ministers", "the
    railway ministers") that one of ``people`` is known to hold none of: it names others."""
    named = office(_office_named(token))
    names = _OFFICES.get(named)
    if names is None and named != "leader":
        return False
    held: dict[str | None, set[str]] = {}
    words: dict[str | None, set[str]] = {}
    for h in positions:
        if h.title:
            held.setdefault(h.person.entity, set()).add(office(h.title))
            words.setdefault(h.person.entity, set()).update(normalize(h.title).split())
    portfolio = _portfolio(token)  # "the railway ministers"
    if portfolio and any(not portfolio <= words.get(m.entity, set()) for m in people):
        return True
    if names is None:  # "the two leaders" are no ministers or envoys
        return any(m.entity in held and held[m.entity] <= _NO_LEADERS for m in people)
    return any(m.entity in held and not names & held[m.entity] for m in people)


_NO_LEADERS = {"minister", "foreign minister", "ambassador", "envoy", "commissioner", "secretary"}
_OFFICES = {  # an office a plural names -> the offices it covers
    "president": {"president"},
    "prime minister": {"prime minister"},
    "foreign minister": {"foreign minister"},
    "minister": {"minister", "prime minister", "foreign minister"},
}


def _holders_for(
    token: Token,
    countries: set[str | None],
    clusters: list[Cluster],
    country_of: dict[str, str],
    positions: list[Held],
) -> list[Mention]:
    """The one person acting for each of ``countries`` (holding the office the plural names,
    if any: "the foreign ministers of"), else nobody."""
    named = _office_named(token)
    titled = {h.person.entity for h in positions if h.title and office(h.title) == office(named)}
    sideless = [c for c in clusters if c.id in titled and c.id not in country_of]
    found = []
    for country in countries:
        people = [c for c in clusters if c.type == "Person" and country_of.get(c.id) == country]
        if len(people) > 1:
            people = [c for c in people if c.id in titled]
        if not people and len(sideless) == 1:
            people, sideless = sideless, []  # the one of that office whose country is unsaid
        if len(people) != 1:
            return []
        found.append(people[0].mentions[0])
    return found


def _named_sides(token: Token, resolver: Resolver) -> list[Mention]:
    """The countries a plural reference names: "the ministers of Japan and Korea"."""
    return [
        m
        for prep in token.rights
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for obj in prep.children
        for t in (obj, *obj.conjuncts)
        if (m := resolver.mention(t)) is not None and m.type == "Country"
    ]


def _pair_subject(sent: Span, resolver: Resolver, groups: list[Mention]) -> tuple[Mention, ...]:
    """The two a sentence's plural subject names: "X and Y met", "the two leaders", "the
    parties"; or its subject and the one person it met ("X met Y", "X held a meeting with
    Y")."""
    for token in sent:
        if token.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        group = next((g for g in groups if g.span.start == token.i), None)
        if group is not None:
            return group.members
        found = [resolver.mention(t) for t in (token, *token.conjuncts)]
        people = tuple(p for p in found if p is not None and p.type == "Person")
        if len(found) > 1 and len(people) == len(found):
            return people
        if len(people) == 1 and token.dep_ == "nsubj" and (met := _met(token.head, resolver)):
            return (*people, met) if met.entity != people[0].entity else ()
    return ()


def _met(verb: Token, resolver: Resolver) -> Mention | None:
    """The one person a clause's verb (or those coordinated with it) says its subject met:
    its object ("met Y", "received Y") or the one it met with ("held talks with Y")."""
    met = []
    for v in (verb, *verb.conjuncts):
        for child in v.children:
            if child.dep_ == "dobj" and v.lemma_ in _MEETING:
                objects = [child]
            else:  # "met with Y", "held talks with Y"
                held = child.dep_ == "dobj" and child.lemma_ in _MEETING
                preps = list(child.children) if held else [child]
                objects = [
                    o
                    for p in preps
                    if p.dep_ == "prep" and p.lower_ == "with"
                    for o in p.children
                    if o.dep_ == "pobj"
                ]
            met += [resolver.mention(o) for x in objects for o in (x, *x.conjuncts)]
    people = {m.entity: m for m in met if m is not None and m.type == "Person"}
    return next(iter(people.values())) if len(people) == 1 else None


def group_mentions(
    doc: Doc,
    resolver: Resolver,
    clusters: list[Cluster],
    country_of: dict[str, str],
    positions: list[Held],
) -> list[Mention]:
    """Mentions of "the sides", "the two leaders" and the like, with their members ("the two
    prime ministers": the two who hold that office, if the article names two; "the foreign
    ministers of Japan, South Korea and China": the one of each); "they" after a sentence
    about two people stands for them."""
    countries = [c.mentions[0] for c in _main(clusters, "Country")]
    people = [c.mentions[0] for c in _main(clusters, "Person", country_of)]
    found: list[Mention] = []
    sides = {country_of.get(m.entity or "") for m in people}
    for token in tokens_with(doc, "LOWER", _GROUP_WORDS):
        kind = _is_group(token)
        if kind is None:
            continue
        many = _counted(token)
        named = {m.entity for m in _named_sides(token, resolver)}
        if many > 2:  # "the three countries", "the three leaders": as many main ones
            members = _many(token, many, kind, named, clusters, country_of, positions)
            if not members:
                continue
        else:
            chosen = (_told_last(token, clusters, country_of) if kind == "person" else []) or people
            members = (
                countries
                if kind == "country"
                else _co_chairs(token, resolver) or _office_holders(token, positions) or chosen
            )
            if kind == "person" and len(named) >= 2 and not (named == sides and len(members) == 2):
                # "the foreign ministers of Japan, South Korea and China": one of each
                members = _holders_for(token, named, clusters, country_of, positions)
                if not members:
                    continue
            elif kind == "person" and members is chosen and _other_office(token, chosen, positions):
                continue  # "the foreign ministers of the two countries" are not its two presidents
            elif len(members) != 2 or (named and named != sides):
                continue
        if not _names_others(token, members, resolver):
            found.append(_group(token, kind, members))
    for token in tokens_with(doc, "LOWER", ["countries", "nations", "governments", "leaders"]):
        their = any(c.dep_ == "poss" and c.lower_ == "their" for c in token.children)
        if their and (members := _theirs(token, resolver, clusters, country_of)):
            found.append(_group(token, "country", members))
    pair: tuple[Mention, ...] = ()
    they = [t for t in tokens_with(doc, "LOWER", ["they", "them"]) if t.pos_ == "PRON"]
    for sent in doc.sents:
        for token in they:
            own = _coordinated_subject(token, resolver) if sent.start <= token.i else ()
            if own and token.i < sent.end:
                found.append(_group(token, "person", own))
            elif pair and sent.start <= token.i < sent.end:
                found.append(_group(token, pair[0].type.lower(), pair))
        pair = _pair_subject(sent, resolver, found) or pair
    return found


def _told_last(token: Token, clusters: list[Cluster], country_of: dict[str, str]) -> list[Mention]:
    """Where the article has people of more than two countries, its main person and the one
    of another country told last before a plural of the sides ("In her meeting with X of
    Indonesia, ... At its end, both ministers signed", of an article that also tells of a
    minister of Thailand)."""
    people = [c for c in clusters if c.type == "Person" and c.id in country_of]
    if len({country_of[c.id] for c in people}) <= 2:
        return []
    main = next(iter(_main(clusters, "Person", country_of, 1)), None)
    if main is None or main.id not in country_of:
        return []
    told = [
        (m.span.start, c)
        for c in people
        if country_of[c.id] != country_of.get(main.id)
        for m in c.mentions
        if m.span.start < token.i
    ]
    return [main.mentions[0], max(told, key=lambda sc: sc[0])[1].mentions[0]] if told else []


def _coordinated_subject(they: Token, resolver: Resolver) -> tuple[Mention, ...]:
    """The people (or delegations: "members of the delegation") coordinated as the subject of
    the clause a "they" is in a clause of ("X and members of his delegation travelled to Y,
    where they toured Z")."""
    for verb in list(they.ancestors)[1:]:
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < they.i]
        if verb.pos_ not in {"VERB", "AUX"} or not subjects:
            continue
        words = [_member_of(t) for t in (subjects[0], *subjects[0].conjuncts)]
        found = [resolver.mention(t) for t in words]
        if len(found) > 1 and all(
            m is not None and m.type in {"Person", "Delegation"} for m in found
        ):
            return tuple(m for m in found if m is not None)
        return ()
    return ()


def _member_of(word: Token) -> Token:
    """The delegation "members of the delegation" are of; else the word."""
    of = [o for p in word.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    return of[0] if word.lemma_ == "member" and of else word


def _group(word: Token, kind: str, members: Sequence[Mention]) -> Mention:
    """A mention of the group of ``members`` (``kind`` ``country`` or ``person``) at a word."""
    group = Mention(word.doc[word.i : word.i + 1], "Group", kind)
    group.members = tuple(members)
    return group


def _theirs(
    token: Token, resolver: Resolver, clusters: list[Cluster], country_of: dict[str, str]
) -> list[Mention]:
    """The countries "their countries" (or "their leaders", who act for them: "since their
    leaders held a summit") stands for: those of the people the sentence's subject
    before it names ("the foreign ministers of Japan and Korea agreed that their countries
    ..."), or those of the people it lists ("X, Y and Z agreed that their countries will hold
    a summit"), two at least."""
    by_id = {c.id: c for c in clusters}
    for word in token.sent:
        if word.i >= token.i:
            break
        if word.dep_ not in {"nsubj", "nsubjpass"} or word.pos_ == "PRON":
            continue
        inside = (resolver.mention(t) for t in word.subtree)  # "the ministers of A, B and C"
        named = [m.entity for m in inside if m is not None and m.type == "Country"]
        if not named:
            found = [resolver.mention(t) for t in (word, *word.conjuncts)]
            if any(m is None or m.type != "Person" for m in found):
                continue
            named = [country_of.get(m.entity or "") for m in found if m is not None]
        countries = list(dict.fromkeys(named))
        if len(countries) >= 2 and None not in countries:
            return [by_id[c].mentions[0] for c in countries if c is not None]
    return []


_COUNTS = {"three": 3, "four": 4, "five": 5, "six": 6, "3": 3, "4": 4, "5": 5, "6": 6}


def _counted(token: Token) -> int:
    """How many a plural says it stands for ("the three countries": 3), else 2."""
    return next((_COUNTS[c.lower_] for c in token.lefts if c.lower_ in _COUNTS), 2)


def _many(
    token: Token,
    n: int,
    kind: str,
    named: set[str | None],
    clusters: list[Cluster],
    country_of: dict[str, str],
    positions: list[Held],
) -> list[Mention]:
    """The ``n`` a plural of more than two stands for: the one person of each of the
    countries it ``named`` ("the foreign ministers of Japan, China and Korea"), else the
    countries the article names most, or the people of as many countries."""
    if kind == "person" and len(named) == n:
        return _holders_for(token, named, clusters, country_of, positions)
    if named:
        return []
    main = _main(clusters, "Country" if kind == "country" else "Person", country_of, n)
    if kind == "person" and any(c.id not in country_of for c in main):
        return []
    return [c.mentions[0] for c in main] if len(main) == n else []


_INTO = {"to", "into", "in"}
_VERBS = {"VERB", "AUX"}


def _delegations_countries(travellers: list[Token], resolver: Resolver) -> set[str | None]:
    """The countries (QIDs) a travelling delegation comes from, as any of its mentions says
    ("a delegation from the Republic of Korea ... The delegation is in the country")."""
    entities = {
        m.entity
        for c in travellers
        if (m := resolver.mention(c)) is not None and m.type == "Delegation"
    }
    return {m.country for m in resolver.by_root.values() if m.entity in entities and m.country}


def country_mentions(
    doc: Doc, resolver: Resolver, country_of: dict[str, str], home: Cluster | None = None
) -> list[Mention]:
    """Mentions of "the country" where someone went ("a trip to the country", "flew into the
    country", "visited the country"): of the countries named before it in its sentence or the
    one before (else anywhere before it), leaving out the travellers' own and those named in
    their phrase, the one the article names most, the nearest on a tie; else the dateline's
    country (``home``), where the travellers are not its own ("MOMBASA, Kenya - ... The
    Korean delegation is in the country for a four-day visit"), as "our country" is outside
    a quotation ("TASHKENT (UzA) -- ... who arrived in our country")."""
    found = []
    mentions = {m.span.start: m for m in resolver.inside.values() if m.type == "Country"}
    times = Counter(m.entity for m in mentions.values())
    for token in tokens_with(doc, "LOWER", ["country"]):
        lefts = list(token.lefts)
        ours = [t.lower_ for t in lefts] == ["our"] and not in_quotes(token)
        if token.tag_ != "NN" or not ([t.lower_ for t in lefts] == ["the"] or ours):
            continue
        head = token.head
        if not (
            (token.dep_ == "pobj" and head.lower_ in _INTO)
            or (token.dep_ == "dobj" and head.lemma_ == "visit")
        ):
            continue
        verb = head.head if token.dep_ == "pobj" else head
        if verb.pos_ == "NOUN" and verb.head.lower_ == "on" and verb.head.head.pos_ in _VERBS:
            verb = verb.head.head  # "X, who is on an official visit to the country"
        if verb.pos_ == "NOUN" and not any(c.dep_ == "poss" for c in verb.children):
            # "who arrived ... at the head of a delegation on a visit to the country"
            verb = next((a for a in verb.ancestors if a.pos_ in _VERBS), verb)
        travellers = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "poss"}]
        if verb.dep_ == "relcl":
            travellers.append(verb.head)  # "a delegation from X and Y that flew into the country"
        left_out = {t.i for c in travellers for t in c.subtree}
        own = {
            country_of.get(m.entity or "")
            for c in travellers
            if (m := resolver.mention(c)) is not None
        }
        own |= _delegations_countries(travellers, resolver)
        start = token.sent.start
        if start:  # and the sentence before
            start = doc[start - 1].sent.start
        named = []
        for first in (start, 0):  # else any named before it
            named = [
                m
                for i in range(token.i - 1, first - 1, -1)
                if (m := resolver.inside.get(i)) is not None
                and m.type == "Country"
                and m.entity
                and i not in left_out
                and m.entity not in own
                and m.qid not in own
            ]
            if named:
                break
        if ours and home is not None and home.qid:  # the outlet's: "arrived in our country"
            named = []
        if named:  # "Sri Lanka, India and the Maldives ... visited the country": Sri Lanka
            country = max(named, key=lambda m: times.get(m.entity, 0))
            entity, qid = country.entity, country.qid
        elif home is not None and home.qid and not own & {home.id, home.qid}:
            entity, qid = home.id, home.qid
        else:
            continue
        mention = Mention(doc[lefts[0].i : token.i + 1], "Country", "Country", qid, qid)
        mention.entity, mention.anaphor = entity, True
        found.append(mention)
    return found


_VISITING = {"leader", "president", "premier", "minister", "guest", "delegation", "dignitary"}


def _visitors(doc: Doc, resolver: Resolver) -> set[str]:
    """The people the article says travel: subjects of "arrive", "visit" and "call on", owners
    or payers of a visit or trip ("his visit", "Modi's trip", "X paid a visit"), people it
    calls visiting ("visiting President X")."""
    words = []
    for token in tokens_with(doc, "LEMMA", ["arrive", "visit", "trip", "call"]):
        if token.pos_ == "NOUN":
            paid = {"pay"} if token.lemma_ == "call" else {"pay", "make"}  # not a phone call
            if token.lemma_ != "call":
                words += [c for c in token.children if c.dep_ == "poss"]
            if token.dep_ == "dobj" and token.head.lemma_ in paid:  # "X paid a visit"
                words += [c for c in token.head.children if c.dep_ == "nsubj"]
        elif token.lemma_ != "call" or any(c.lower_ == "on" for c in token.children):
            words += [c for c in token.children if c.dep_ == "nsubj"]
    for token in tokens_with(doc, "LOWER", ["visiting"]):
        if token.dep_ == "amod":
            words.append(token.head)
        elif token.dep_ == "xcomp" and token.head.lemma_ in MEETING_WORDS:
            words += [c for c in token.children if c.dep_ == "dobj"]  # "received visiting X",
            # parsed as the verb's complement
    return {
        m.entity
        for w in words
        if (m := resolver.mention(w)) is not None
        and m.type == "Person"
        and m.entity
        and not m.anaphor
    }


def _is_guest(token: Token) -> bool:
    """ "the guest", "the high-ranking guest", "the visiting leader"."""
    lefts = {t.lower_ for t in token.lefts}
    if token.tag_ != "NN" or "the" not in lefts:
        return False
    return token.lemma_ in GUESTS or ("visiting" in lefts and token.lemma_ in _VISITING)


def guest_mentions(
    doc: Doc,
    resolver: Resolver,
    clusters: list[Cluster],
    country_of: dict[str, str] | None = None,
    home: str | None = None,
) -> list[Mention]:
    """Mentions of "the guest" and "the visiting leader": the one person the article has
    arrive or visit (the one from abroad, if the dateline's country is known), else (for
    "the visiting ...") the one person it names of a country (``country_of``) other than
    the dateline's (``home``, if known); of "the guests" and "the visitors": its one
    delegation."""
    visitors = _visitors(doc, resolver)
    away = {v for v in visitors if (country_of or {}).get(v) not in {None, home}}
    if len(visitors) > 1 and home is not None and len(away) == 1:
        visitors = away  # not the host who "called on" the guest in the dateline's capital
    if not visitors and country_of:
        foreign = {
            c.id
            for c in clusters
            if c.type == "Person" and country_of.get(c.id) not in {None, home}
        }
        if len(foreign) == 1 and next(tokens_with(doc, "LOWER", ["visiting"]), None) is not None:
            visitors = foreign
    delegations = [c.id for c in clusters if c.type == "Delegation"]
    found = []
    for token in tokens_with(doc, "LOWER", [*GUESTS, *_VISITING, "guests", "visitors"]):
        if resolver.mention(token) is not None or "the" not in {t.lower_ for t in token.lefts}:
            continue
        start = min(t.i for t in token.lefts)
        if len(visitors) == 1 and _is_guest(token):
            found.append(
                Mention(
                    doc[start : token.i + 1],
                    "Person",
                    "Person",
                    entity=next(iter(visitors)),
                    anaphor=True,
                )
            )
        elif len(delegations) == 1 and token.tag_ == "NNS" and token.lemma_ in GUESTS:
            found.append(
                Mention(
                    doc[start : token.i + 1],
                    "Delegation",
                    "Delegation",
                    entity=delegations[0],
                    anaphor=True,
                )
            )
    return found


_STYLE_WORDS = {"Highness", "Majesty"}  # "His Highness", "Her Majesty"; not "Excellency",
# which news gives every minister


def style_mentions(doc: Doc, resolver: Resolver) -> list[Mention]:
    """Mentions of a style used alone ("His Highness arrived in Jakarta"): the person the
    article named last after that style ("His Highness Sheikh Mohamed bin Zayed")."""
    found: list[Mention] = []
    styled: dict[str, str] = {}  # style -> the entity last named after it
    for token in tokens_with(doc, "ORTH", _STYLE_WORDS):
        start = token.i
        while start > 0 and doc[start - 1].lower_ in {"his", "her", "royal"}:
            start -= 1
        after = doc[token.i + 1 : token.i + 4]
        named = next(
            (m for t in after if (m := resolver.mention(t)) and m.type == "Person" and m.entity),
            None,
        )
        if named is not None and named.entity:
            styled[token.text] = named.entity
        elif token.text in styled and not (
            after and after[0].is_title and after[0].pos_ == "PROPN"
        ):
            found.append(
                Mention(
                    doc[start : token.i + 1],
                    "Person",
                    "Person",
                    entity=styled[token.text],
                    anaphor=True,
                )
            )
    return found


_EVENT_VERBS = {"hold", "attend", "chair", "co-chair", "host", "organize", "organise", "open"}


def event_pronouns(doc: Doc, resolver: Resolver, clusters: list[Cluster]) -> list[Mention]:
    """Mentions of "it" that was held, attended, chaired or hosted, or took place ("The
    forum opened in Almaty. It was attended by X"), and of "the event" ("speaking at the
    event, held in Abuja"): the event named last before it, in its sentence or the one
    before."""
    found = []
    for token in tokens_with(doc, "LOWER", ["it", "event"]):
        if token.lower_ == "event":
            if [c.lower_ for c in token.lefts] not in (["the"], ["this"]):
                continue
        else:
            verb = token.head
            done = token.dep_ == "nsubjpass" and verb.lemma_ in _EVENT_VERBS
            happened = (
                token.dep_ == "nsubj"
                and verb.lemma_ == "take"
                and any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
            )
            if not (done or happened):
                continue
        event = last_event(clusters, previous_sentence_start(token), token.i)
        if event is not None:
            found.append(
                Mention(
                    doc[token.i : token.i + 1], "Event", event.cls, entity=event.id, anaphor=True
                )
            )
    return found


def document_pronouns(doc: Doc, clusters: list[Cluster]) -> list[Mention]:
    """Mentions of "it" or "they" that was signed ("Chile and Peru signed an agreement. It
    was signed by X and Y"): the document named last before it, in its sentence or the one
    before, if one of as many ("they" of documents, "it" of one)."""
    found = []
    for token in tokens_with(doc, "LOWER", ["it", "they"]):
        if token.dep_ != "nsubjpass" or token.head.lower_ not in SIGNING_WORDS:
            continue
        since = previous_sentence_start(token)
        named = [
            (m.span.start, m, c)
            for c in clusters
            if c.type == "Agreement"
            for m in c.mentions
            if since <= m.span.start < token.i
        ]
        if not named:
            continue
        _, last, document = max(named, key=lambda told: told[0])
        if (token.lower_ == "they") == (last.root.tag_ in {"NNS", "NNPS"}):
            found.append(
                Mention(
                    doc[token.i : token.i + 1],
                    "Agreement",
                    document.cls,
                    entity=document.id,
                    anaphor=True,
                )
            )
    return found


def latter_mentions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Mentions of "the latter" and "the former" standing alone (not "the former president"):
    of two people (or countries) named in its sentence or the one before, the one named last
    and the other one ("Modi met Boris Johnson during the latter's India visit")."""
    found = []
    for token in tokens_with(doc, "LOWER", ["latter", "former"]):
        if token.dep_ == "amod" or [c.lower_ for c in token.lefts] != ["the"]:
            continue
        start = previous_sentence_start(token)
        named = sorted(
            (
                m
                for m in mentions
                if m.type in {"Person", "Country"}
                and m.entity
                and not m.anaphor
                and start <= m.span.start
                and m.span.end <= token.i - 1
            ),
            key=lambda m: m.span.start,
        )
        if not named:
            continue
        kind = named[-1].type
        order = list(dict.fromkeys(m.entity for m in named if m.type == kind))
        if len(order) < 2:
            continue
        entity = order[-1] if token.lower_ == "latter" else order[-2]
        found.append(
            Mention(doc[token.i - 1 : token.i + 1], kind, kind, entity=entity, anaphor=True)
        )
    return found
