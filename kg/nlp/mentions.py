"""Typed mentions in a parsed article: people, countries, places, organizations, delegations,
events and agreements, each a span of the ``Doc`` with what the knowledge base says of it.

Named mentions come from the entity recognizer (as corrected by ``kg_gazetteer``); delegations,
events and agreements are noun phrases whose head word is in ``data/gazetteer/*_heads.tsv``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property

import numpy
from spacy.attrs import ORTH, POS
from spacy.tokens import Doc, Span, Token

from kg.kb import KBEntry, KnowledgeBase
from kg.nlp.gazetteer import (
    HONORIFICS,
    JOINED_INITIALS,
    REGION_WORDS,
    TITLE_CASE_WORDS,
    agreement_class,
    country_named,
    demonym,
    field_words,
    heads,
    honour,
    name_token,
    portfolio_word,
    spelling,
    word_list,
)
from kg.nlp.paragraphs import QUOTES, in_headline
from kg.nlp.titles import SPAN_KEY, camel, given_title, hyphened_given_name, titles_by_word

__all__ = [
    "COMPANY_WORDS",
    "REMOTE",
    "SIDELINES",
    "SIGNING_WORDS",
    "TAKING_PART",
    "Mention",
    "around",
    "find_mentions",
    "hyphened_end",
    "tokens_with",
    "within",
]

_WITHIN = {"sidelines", "margins", "side", "part", "framework"}  # "as part of the forum"
_TIMES = {"eve", "ahead", "before", "after", "following", "prior", "since", "until", "run-up"}
_AROUND = _TIMES | _WITHIN

TAKING_PART = {"participation", "attendance", "presence"}  # "as part of his participation in"
_ORG_CLASSES = {
    "Ministry": "GovernmentBody",
    "Government": "GovernmentBody",
    "Cabinet": "GovernmentBody",
    "Parliament": "GovernmentBody",
    "Senate": "GovernmentBody",
    "Administration": "GovernmentBody",
    "Secretariat": "GovernmentBody",
    "Office": "GovernmentBody",
    "Department": "GovernmentBody",
    "Embassy": "GovernmentBody",
    "Commission": "Commission",
    "Council": "Commission",
    "Committee": "Commission",
    "Chamber": "ChamberOfCommerce",
    "Company": "Company",
    "Corporation": "Company",
    "Group": "Company",
    "Holding": "Company",
    "Bank": "Company",
    "Agency": "GovernmentBody",
} | dict.fromkeys(["LLC", "JSC", "PJSC", "OJSC", "CJSC", "PLC", "Ltd", "Inc", "GmbH"], "Company")
_PARTICLES = {"bin", "ibn", "bint", "al", "el", "de", "da", "van", "von"}
_ARTICLES = {"der", "den", "la", "du"}  # of particles: "von der", "van den", "de la"
_NAME_PARTICLES = _PARTICLES | _ARTICLES | {"le", "di", "del", "dos", "das", "y"}
# Endings of abstract nouns that no one's name has ("Development", "Information", "Security").
_WEB_NAME = re.compile(r"\w\.(com|net|org|info|az|kz|kg|uz|tj|tm|ru|by|ua|ge|am|mn|cn|pk)\b", re.I)
_NOUN_ENDINGS = ("tion", "sion", "ment", "ity", "ism", "ness", "ship")
_DAYS = {"last", "next", "this", "yesterday", "today", "tomorrow", "monday", "tuesday"}
_DAYS |= {"wednesday", "thursday", "friday", "saturday", "sunday"}
_BODIES_OF_THINGS = {"Services", "Assistance"}  # "Air Navigation Services" is a body
_TO_THE_PRESS = {"press", "media", "news"}
_FACE_TO_FACE = {"courtesy", "protocol", "private", "informal", "personal"}  # not by phone
REMOTE = {"phone", "telephone", "video", "videoconference", "online", "virtual"}  # by phone
SIDELINES = {"sideline", "sidelines", "margin", "margins"}  # what a gathering has beside it


@dataclass(eq=False)
class Mention:
    """A typed span; ``entity`` is filled by coreference with the id of its entity.

    ``country`` is the QID of the country a place, body or delegation belongs to; ``owner``
    the person a delegation belongs to ("his delegation"); ``members`` the mentions a plural
    reference stands for ("the sides": the two countries); ``anaphor`` marks a reference
    that is not a name ("the Kazakh President").
    """

    span: Span
    type: str
    cls: str
    qid: str | None = None
    country: str | None = None
    demonym: bool = False
    entity: str | None = None
    owner: Mention | None = None
    members: tuple[Mention, ...] = ()
    anaphor: bool = False

    @cached_property
    def text(self) -> str:
        return self.span.text  # spaCy joins the tokens' text anew on each call

    @cached_property
    def root(self) -> Token:
        return self.span.root

    def __repr__(self) -> str:
        return f"Mention({self.text!r}, {self.type}/{self.cls}, {self.qid}, e={self.entity})"


def _after_title(span: Span, in_titles: dict[int, Span]) -> Span:
    """A person's name without the end of a title before it that the recognizer took in
    ("Affairs" of "Minister of Foreign Affairs Bakhtiyor Saidov"); not a title of its own
    ("Sheikh Hasina"), nor a body a title is of ("Chairman of the Halk Maslahaty"), nor a
    country, kept for :func:`_leading_country` ("Minister of Belarus Anton Kovalev")."""
    title = in_titles.get(span.start)
    if (
        title is None
        or title.start >= span.start
        or title.end >= span.end
        or country_named(span.doc[span.start : title.end].text)
    ):
        return span
    return Span(span.doc, title.end, span.end, label=span.label_)


def _no_name_word(token: Token, span: Span) -> bool:
    """A verb, preposition or pronoun, which no name holds, unless it is a name word the
    tagger took for one: "He" of "Liu He", "Tshering" (an "-ing" word) modifying a name, "To"
    of "President To Lam"."""
    if token.pos_ not in {"VERB", "AUX", "ADP", "PRON"} or _surname_he(token):
        return False
    if (
        token.i == span.start
        and len(span) > 1
        and token.is_title
        and token.i > token.sent.start
        and token.lower_ not in TITLE_CASE_WORDS
    ):
        before = token.nbor(-1)  # a given name right after a title ("counterpart Tshering")
        return not (before.is_title or before.lower_ in _NAMED_AFTER)
    return not (token.tag_ == "VBG" and token.dep_ == "compound" and token.head in span)


_NAMED_AFTER = word_list("titles_lowercase") | {"counterpart"}  # lower-case words before names


def _surname_he(token: Token) -> bool:
    """ "He" written as a name within a sentence ("Vice Premier He Lifeng", "Liu He"), not
    the pronoun nor "HE" for His Excellency."""
    return token.text == "He" and not token.is_sent_start and token.ent_type_ == "PERSON"


def _strip(span: Span) -> Span:
    """The span without a leading determiner, honorific or bullet, a possessive ending or
    white space, nor the credit line it runs into ("X Photos by Y")."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (
        (doc[start].lower_ in {"the", "a", "an"} | HONORIFICS and not _surname_he(doc[start]))
        or doc[start].is_space
        or doc[start].is_quote  # '"Qasri Millat' with its opening quote and not its closing
        or doc[start].text in _BULLETS
    ):
        start += 1
    while end > start and (
        doc[end - 1].tag_ == "POS"
        or doc[end - 1].text in {"'s", "’s"}
        or doc[end - 1].is_space
        or doc[end - 1].text in {"+", "&", "/"}  # "the Central Asia + China Summit"
        or doc[end - 1].is_quote
        or (doc[end - 1].lower_ in _CREDITS and end < len(doc) and doc[end].lower_ in {"by", ":"})
    ):
        end -= 1
    return Span(doc, start, end, label=span.label_) if start < end else span


def _leading_country(span: Span, kb: KnowledgeBase) -> tuple[list[Mention], Span]:
    """The country a recognized name starts with ("President of Turkmenistan Serdar
    Berdimuhamedov"), and the rest: a name of two words at least, so "Israel Katz" stays."""
    for cut in range(min(3, len(span) - 2), 0, -1):
        country = country_named(span[:cut].text)
        if country and not _kb(kb, span.text, ("Person",)):
            head = Mention(span[:cut], "Country", "Country", country.qid, country.qid)
            return [head], span[cut:]
    return [], span


_CURRENCIES = {"USD", "EUR", "RUB", "GBP", "JPY", "CNY", "CHF", "KZT", "UZS", "KGS", "TJS"}
_CURRENCIES |= {"TMT", "AZN", "GEL", "AMD", "BYN", "UAH", "TRY", "INR", "PKR", "IRR", "AED"}
_CURRENCIES |= {"SAR", "QAR", "MNT", "KRW", "VND", "NGN", "GHS", "KES", "ZAR", "MXN", "ARS"}
_STYLES = {"HRH", "HH", "HE", "Royal Highness", "His Royal Highness", "Highness", "Excellency"}
_STYLES |= {"Majesty", "His Majesty", "Her Majesty", "Royal Majesty"}


def _currency(span: Span) -> bool:
    """A currency's code, alone or with a rate ("EUR", "RUB 0.85")."""
    return span[0].text in _CURRENCIES and all(t.like_num or t.is_punct for t in span[1:])


def _places_joined(span: Span, kb: KnowledgeBase) -> bool:
    """Words joined by hyphens, a place among them ("Tbilisi-Ceyhan"): a route, not a name."""
    parts = re.split(r"[-–]", span.text)
    return (
        len(parts) > 1
        and " " not in span.text
        and any(_kb(kb, p, ("Place", "Country")) for p in parts)
    )


def _owned_place(span: Span) -> tuple[list[Mention], Span]:
    """The country a place's name begins with as its owner ("Russia’s Republic of
    Tatarstan"), and the place."""
    for k, token in enumerate(span[1:-1], start=1):
        country = country_named(span[:k].text) if token.text in {"'s", "’s"} else None
        if country:
            owner = Mention(span[:k], "Country", "Country", country.qid, country.qid)
            return [owner], span[k + 1 :]
    return [], span


def _trailing_country(span: Span) -> tuple[list[Mention], Span]:
    """The country a name the model ran on ends with ("King Abdullah II of Jordan", "Crown
    Prince X of Saudi Arabia"), and the name before it."""
    for k in range(1, len(span) - 1):
        rest = span[k + 2 :] if span[k + 1].lower_ == "the" else span[k + 1 :]
        country = country_named(rest.text) if span[k].lower_ == "of" and rest else None
        if country:
            return [Mention(rest, "Country", "Country", country.qid, country.qid)], span[:k]
    return [], span


def _kb(kb: KnowledgeBase, text: str, types: tuple[str, ...]) -> KBEntry | None:
    found = kb.lookup(text, types)
    return found[0] if found else None


def _widen_name(span: Span) -> Span:
    """A person's name with the names the recognizer left out ("Vasily" in "Vasily
    Matyushevsky" when only the surname was tagged, "Faki Mahamat" in "Moussa Faki Mahamat"
    when only the given name was, "Cruz" in "Manuel Marrero Cruz" when only the first two
    were, "-soo" of "Park Jin-soo")."""
    doc, start, end = span.doc, span.start, span.end
    titles = _title_vocabulary()
    in_titles = titles_by_word(doc)
    head = span.root.head if span.root.dep_ == "compound" else None
    given = {e[0].text for e in doc.ents if e.label_ == "PERSON"}  # a caption's next name
    while (
        head is not None
        and end <= head.i
        and name_token(doc[end])
        and not doc[end].ent_type_
        and doc[end].text not in titles
        and doc[end].text not in given
        and doc[end].lower_ not in _CREDITS  # "X Photos by Y": a caption's credit
    ):
        end += 1
    if hyphened_given_name(doc, end - 1):  # "Park Jin" of "Park Jin-soo"
        end += 2

    def name_word(prev: Token) -> bool:
        return (
            not prev.ent_type_
            and (prev.text not in titles or _given_after_title(prev, in_titles))
            and prev.text not in word_list("org_heads")  # "Communist Party" of "... Party X Y"
            and not portfolio_word(prev)  # "... and Moroccan Expatriates Nasser Bourita"
            and prev.i not in in_titles
            and prev.lower_ not in HONORIFICS
            and not honour(prev)
            and prev.lower_ not in heads("event")
        )

    def left_out(prev: Token) -> bool:
        return (
            name_token(prev)
            and prev.text not in {t.text for t in doc[prev.i + 1 : end]}  # a caption's "X Y X Y"
            and prev.dep_ == "compound"
            and prev.i < prev.head.i < span.end
            and name_word(prev)
        )

    def after_title(prev: Token) -> bool:  # "Do" of "Minister of Environment Do Duc Duy"
        title = in_titles.get(prev.i - 1)
        return (
            title is not None
            and title.end == prev.i
            and prev.is_title
            and prev.tag_ not in {"NNS", "NNPS"}  # "Frontier Regions" the title left out
            and name_word(prev)
        )

    while start > 0:
        if left_out(doc[start - 1]) or after_title(doc[start - 1]):
            start -= 1
        elif start > 1 and doc[start - 1].lower_ in _PARTICLES and left_out(doc[start - 2]):
            start -= 2  # "Mohammed bin Salman bin Abdulaziz Al Saud": "Mohammed bin" too
        else:
            break
    return (
        span if (start, end) == (span.start, span.end) else Span(doc, start, end, label=span.label_)
    )


def _building_of(span: Span) -> bool:
    """A building named by its kind and what it is of ("the Great Mosque of Algiers", "the
    Palace of Independence"), not a body named so ("the House of Representatives")."""
    of = next((t.i for t in span if t.lower_ == "of"), None)
    return of is not None and of > span.start and span.doc[of - 1].text in _BUILDINGS


_BUILDINGS = {"Mosque", "Cathedral", "Church", "Temple", "Monument", "Memorial", "Mausoleum"}
_BUILDINGS |= {"Tomb", "Palace", "Tower", "Museum", "Stadium", "Airport", "Square"}


def _dedicated_building(span: Span) -> Span | None:
    """A building named for whom it honours, where the recognizer took them for a person
    ("Martyrs" of "the Monument to Heroes and Martyrs"): the whole name."""
    token = span.root
    while token.dep_ == "conj":
        token = token.head
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in {"to", "of"}:
        return None
    building = prep.head
    if building.text not in _BUILDINGS or building.i >= span.start:
        return None
    return span.doc[building.i : max(span.end, token.right_edge.i + 1)]


def _titled_building(span: Span) -> Span | None:
    """A building named by a title and a building's word, where the recognizer took the
    word for a name ("House" of "the Prime Minister House"): the whole name."""
    if len(span) != 1 or span[0].text not in word_list("place_heads"):
        return None
    title = titles_by_word(span.doc).get(span.start - 1)
    return span.doc[title.start : span.end] if title is not None else None


def _given_after_title(token: Token, in_titles: dict[int, Span]) -> bool:
    """A title's word right after a title, before a name: a given name ("Minister of State
    Sultan bin Saad")."""
    return token.i - 1 in in_titles and given_title(token.doc, token.i)


def _region_extension(span: Span) -> Span | None:
    """``Karaganda region`` / ``Irkutsk Oblast``: the span widened over the region word."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in REGION_WORDS:
        return Span(doc, span.start, span.end + 1, label="GPE")
    return None


def _named(doc: Doc, kb: KnowledgeBase, dateline: str | None) -> list[Mention]:
    mentions = []
    in_titles = titles_by_word(doc)
    for ent in _entity_spans(doc, kb):
        label = ent.label_
        if label in {"EVENT", "PRODUCT", "WORK_OF_ART"} and ent[-1].text in word_list(
            "place_heads"
        ):
            label = "FAC"  # "the Vietnam-Laos Friendship Hospital", taken for an event
        if label not in {"PERSON", "GPE", "LOC", "FAC", "ORG", "NORP"}:
            continue
        if label == "ORG" and (_courteous(ent) or _titled(ent)):
            label = "PERSON"  # "Dr Kazim Niaz", "Madam Afua Asare": people, whatever the model said
        span = _strip(ent)
        title = in_titles.get(span.start + 1)
        country = demonym(span[0].text) if title is not None and len(title) > 1 else None
        whole = (
            label == "ORG"
            and title is not None
            and (title.start, title.end) == (span.start + 1, span.end)
        )
        before_name = label == "PERSON" and title is not None and span.end > title.end
        if country and (whole or before_name):
            mentions.append(Mention(span[:1], "Country", "Country", country.qid, country.qid, True))
            if whole:
                continue  # "Kazakh Minister of Trade" taken for a body: a country and a title
            span = span[1:]  # "Kazakh Minister of Trade X" taken for one name
        if label == "PERSON":
            cut, span = span, _after_title(span, in_titles)
            body = doc[cut.start : span.start]
            if len(body) == 1 and _acronym(body[0], least=2):  # "Vice President of CNPC X"
                mentions.append(Mention(body, "Organization", "Organization"))
        text = span.text
        if not re.search(r"[A-Za-z]", text) or len(text) < 2:
            continue
        if len(span) == 1 and agreement_class(span[0].text):
            continue  # "an MoU on X" taken for a site or a body: an agreement, named as a phrase
        if label != "NORP" and _plain_word(span, kb):
            continue  # "Comprehensive", "GHANIAN": a word capitalized, no name
        if label != "NORP" and (demonym(text) or demonym(text.removesuffix("s"))):
            label = "NORP"  # "Sri Lankan", "Pakistanis": no one's name
        if label == "PERSON" and country_named(text) and not _kb(kb, text, ("Person",)):
            label = "GPE"  # "Ghana’s Deputy Foreign Minister": a country, not a person
        if label == "PERSON" and _named_settlement(span):
            label = "GPE"  # "the border city of Desaguadero": a place, not a person
        if (
            label == "PERSON"
            and all(t.dep_ == "det" for t in doc[span.root.head.i + 1 : span.start])
            and _where_people_met(span.root)
        ):
            label = "FAC"  # "received X at Qasr Al Watan", "at the Akorda": a building
        if text == "Kingdom" and span.start > 0 and doc[span.start - 1].lower_ == "the":
            # "arrived in the Kingdom": the one kingdom named, or of several the dateline's
            kingdom = _the_kingdom(doc, kb, dateline)
            if kingdom is not None:
                mentions.append(Mention(span, "Country", "Country", kingdom.qid, kingdom.qid))
            continue
        if label in {"GPE", "LOC"}:
            owner, span = _owned_place(span)  # "the Russian Federation’s Republic of Tatarstan"
            mentions.extend(owner)
            while len(span) > 1 and span[-1].like_num and span[-1].head.i >= span.end:
                span = span[:-1]  # "signed in Algiers 27 agreements": the count is theirs
            text = span.text
        compound = _demonym_compound(kb, span)
        if compound:  # "Kyrgyz-Turkish", "Kazakh-Afghan": an adjective naming two countries
            mentions.extend(compound)
            continue
        if label == "NORP":
            country = demonym(text)
            if country:
                if span.end < len(doc) and doc[span.end].lemma_ == "side":
                    span = doc[span.start : span.end + 1]  # "the Kazakh side": the country
                    if _headed(doc[span.end - 1]):  # "the Kazakh side was headed by X"
                        mentions.append(
                            Mention(span, "Delegation", "Delegation", None, country.qid)
                        )
                        span = span[:-1]
                mentions.append(Mention(span, "Country", "Country", country.qid, country.qid, True))
            elif country := country_named(text):  # a country's name taken for a nationality
                mentions.append(Mention(span, "Country", "Country", country.qid, country.qid))
            continue
        if label in {"GPE", "LOC"} and _cut_quarter(span):
            continue  # "East" of "the East Asia Summit": a word of a longer name, no region
        if label in {"ORG", "GPE", "LOC", "FAC"} and _fields_only(span, kb):
            continue  # "Technical Cooperation", "Trade & Investment": a field, no body or place
        if label in {"ORG", "FAC"} and (site := _site_named_after(span)) is not None:
            mentions.append(Mention(site, "Place", "Site"))
            continue  # "the Alley of Honor": a site, with the name "of" it holds
        if label in {"ORG", "FAC"} and (seat := _titled_seat(span, in_titles)) is not None:
            mentions.append(Mention(seat, "Place", "Site"))
            continue  # "the Prime Minister's House": a building, not "House"
        if label == "ORG" and _minister_of(span):
            continue  # "Federal Minister for Commerce": a title, whose holder is named next
        if label in {"ORG", "PERSON"} and _portfolio(span, kb):
            mentions.extend(_countries_inside(span, kb))  # "... of the Republic of Iran"
            continue  # "Interior" of "Interior Minister": what a minister is in charge of
        if label == "ORG" and span[-1].text in word_list("thing_heads") - _BODIES_OF_THINGS:
            continue  # "the National Carrier Project", "the Belt and Road Initiative": no body
        if label == "ORG" and _currency(span):
            continue  # "EUR", "RUB 0.85" of an exchange-rate ticker: no body
        if text in _STYLES:
            continue  # "HRH the Crown Prince", "His Royal Highness": a style, no one's name
        if label == "ORG" and _headline_words(span, kb):
            continue  # "Lula Discusses Brazilian Investment": a headline, not a body's name
        if label == "PERSON" and _headline_only(span, kb):
            continue  # "Mexico and Argentina Share Common Vision": a headline's words
        if label == "PERSON" and _of_a_title(span) and not _leading_country(span, kb)[0]:
            if len(span) > 2:  # "Chairman of Kusto Yerkin Tatishev": the body, then the name
                body = span[:-2]
                mentions.append(Mention(body, "Organization", "Company"))
                span = span[-2:]
            else:
                label = "ORG"  # "Chairman of Cengiz Enerji": what a title is of is a body
        if _only_title_words(span):
            continue  # "Extraordinary" of "Ambassador Extraordinary and Plenipotentiary"
        if label == "PERSON" and _opens_a_title(span):
            continue  # "Diplomatic Adviser" of "X, Diplomatic Adviser to the President"
        if label == "PERSON" and _styled_title(span):
            mentions.extend(
                Mention(span[k : k + 1], "Country", "Country", c.qid, c.qid, True)
                for k, t in enumerate(span)
                if (c := demonym(t.text))
            )
            continue  # "Qatari Amir Sheikh" before the Amir's name: a title, no one's name
        if label == "PERSON" and (_quoted(span) or span[-1].lower_ in heads("event")):
            continue  # the "Nurly Zhol" programme, the Climate Change Conference: no one
        office = _press_office(span) if label == "PERSON" else None
        if office is not None:
            mentions.append(Mention(office, "Organization", "Organization"))
            continue  # "the Akorda press service": a body's, not a person's
        if label == "PERSON" and (_credited(span) or _byline(span)):
            continue  # "Photo credit: Akorda", "(Photo: Medcom/Name)": page furniture
        if label == "PERSON" and (_WEB_NAME.search(text) or _source(span)):
            mentions.append(Mention(span, "Organization", "NewsAgency"))
            continue  # "News.Az reports": a website, not a person
        if label == "PERSON" and _determined(span):
            label = "ORG"  # "the Oliy Majlis": a name with an article is no one's name
        building = (
            (_titled_building(span) or _dedicated_building(span)) if label == "PERSON" else None
        )
        if building is not None:
            mentions.append(Mention(building, "Place", "Site"))
            continue  # "the Prime Minister House", "the Monument to Heroes and Martyrs"
        if label == "PERSON":
            while len(span) > 1 and span[0].lower_ in heads("event"):
                span = span[1:]  # "Meeting Emmanuel Macron," in a headline
            trailing, span = _trailing_country(span)
            mentions.extend(trailing)
            if _places_joined(span, kb):
                continue  # "Europe-Kazakhstan", "Tbilisi-Ceyhan": a route, no one's name
            text = span.text
            last = span[-1].text
            if kind := agreement_class(last):
                mentions.append(Mention(span, "Agreement", kind))
                continue
            if last.lower() in REGION_WORDS and len(span) > 1:  # "Irkutsk Oblast"
                mentions.append(Mention(span, "Place", "Region"))
                continue
            if len(span) > 1 and (
                last in word_list("place_heads") or span[0].text in word_list("place_leads")
            ):
                mentions.append(Mention(span, "Place", "Site"))
                continue  # "Jubilee House", "the Flag Tower", "Schloss Meseberg": a building
            if last in word_list("thing_heads") or _names_a_site(span):
                continue  # "Belt and Road Initiative", "the El-Dabaa power plant": no one
            if company := _body_named(span):
                mentions.append(
                    Mention(span, "Organization", _ORG_CLASSES.get(company, "Organization"))
                )
                continue  # "the Richter Gedeon pharmaceutical company": a company's name
            if last in word_list("org_heads"):
                mentions.append(
                    Mention(span, "Organization", _ORG_CLASSES.get(last, "Organization"))
                )
                continue
            if _kb(kb, text, ("Country", "Place", "Organization")) and not _kb(
                kb, text, ("Person",)
            ):
                continue
            if any(c.isdigit() for c in text) or (text.isupper() and len(span) > 3):
                continue  # "COVID-19", "G20": no one's name
            if text.isupper() and _in_brackets(span):
                continue  # "the Joint Commission Meeting (JCM)": a short form, no one's name
            if any(_no_name_word(t, span) for t in span):
                continue  # "Respond Together" in a headline: words, not a name
            if any(_acronym(t) for t in span) and not text.isupper():
                continue  # "SAARC Yatra": an acronym is no part of a person's name
            if any(_common_noun(t) for t in span) or span[-1].lower_ in _GROUPS_OF_PEOPLE:
                continue  # "Sustainable Development Goals", "Kazakh, Azerbaijani Presidents"
            leading, span = _leading_country(span, kb)
            mentions.extend(leading)
            mentions.append(Mention(_widen_name(span), "Person", "Person"))
            continue
        region = _region_extension(span) if label in {"GPE", "LOC"} else None
        if region is not None:
            regions = [e for e in kb.lookup(span.text, ("Place",)) if e.cls == "Region"]
            entry = regions[0] if regions else None
            mentions.append(
                Mention(
                    region,
                    "Place",
                    "Region",
                    entry.qid if entry else None,
                    entry.country if entry else None,
                )
            )
            continue
        country = country_named(text)
        if (country and label != "ORG") or (country and label == "ORG" and len(span) <= 3):
            mentions.append(Mention(span, "Country", "Country", country.qid, country.qid))
            continue
        if _named_event(span) and (_numbered(span) or not _kb(kb, text, ("Organization",))):
            cls = heads("event").get(span.root.lemma_.lower(), "Session")
            mentions.append(Mention(_event_phrase(span), "Event", cls))
            mentions.extend(_countries_inside(_event_phrase(span), kb))
            continue
        city = _city_after_site(span, kb)
        if city is not None:  # "State House Entebbe": a building named with its city
            mentions.append(Mention(span, "Place", "Site"))
            mentions.append(Mention(span[-1:], "Place", city.cls, city.qid, city.country))
            continue
        if len(span) == 1 and text in word_list("place_heads") and _owned(span):
            continue  # "at his Mausoleum": a word, no name (not "the Kremlin")
        if (
            label in {"GPE", "LOC", "FAC"}
            or _building_of(span)
            or (
                (
                    span[-1].text in word_list("place_heads")
                    or span[0].text in word_list("place_leads")
                )
                and (span[-1].text not in word_list("org_heads") or _venue_centre(span))
            )
        ):
            place = _kb(kb, text, ("Place",))
            if label not in {"GPE", "LOC"} and not place:
                mentions.append(Mention(span, "Place", "Site"))
            else:
                cls = place.cls if place else _unknown_place(span, label)
                mentions.append(
                    Mention(
                        span,
                        "Place",
                        cls,
                        place.qid if place else None,
                        place.country if place else None,
                    )
                )
            continue
        kind = next((k for t in (span[-1], span.root) if (k := agreement_class(t.text))), None)
        if kind and not _kb(kb, text, ("Organization",)):
            mentions.append(Mention(span, "Agreement", kind))
            continue
        org = _kb(kb, text, ("Organization",))
        if org is None and _common_word(span):
            continue  # "Trade" of "US Trade Representative" in an article about trade
        cls = org.cls if org else _ORG_CLASSES.get(span[-1].text, "Organization")
        if text in word_list("groupings"):
            cls = "InternationalOrganization"  # "BRICS", "the G20"
        inner = list(_countries_inside(span, kb))
        of = org.country if org else (inner[0].qid if inner else None)
        mentions.append(Mention(span, "Organization", cls, org.qid if org else None, of))
        mentions.extend(inner)
    return mentions


_HEADING = {"head", "lead", "chair", "co-chair", "preside"}


def _unknown_place(span: Span, label: str) -> str:
    """The class of a place the knowledge base lacks: a site where its last word is one
    ("Tashkent City Park", "Independence Square"), even as the recognizer took it for a city;
    else a city where the recognizer took it for one."""
    if span[-1].lower_ in word_list("site_heads"):
        return "Site"
    return "City" if label == "GPE" and span[-1].text not in word_list("place_heads") else "Place"


def _headed(side: Token) -> bool:
    """ "The Kazakh side was chaired by X", "the Kazakh side, led by X", "..., and the
    Japanese side by Y", "X led the Pakistani side": a side someone heads is that country's
    delegation, not the country."""
    after = [t.lemma_ for t in side.doc[side.i + 1 : side.i + 3]]
    return (
        (side.dep_ in {"nsubjpass", "dobj"} and side.head.lemma_ in _HEADING)
        or (
            side.dep_ == "conj"
            and side.head.lemma_ in _HEADING
            and any(c.lower_ == "by" for c in side.children)
        )
        or any(c.dep_ in {"acl", "relcl"} and c.lemma_ in _HEADING for c in side.children)
        or (len(after) == 2 and after[0] == "be" and after[1] in _HEADING)
    )


_MINISTERS = {"minister", "ministers", "secretary", "commissioner"}


_JOINERS = {"and", "&", ",", "of", "the", "in", "for"}


def _fields_only(span: Span, kb: KnowledgeBase) -> bool:
    """A name made of nothing but words of fields of cooperation ("Technical Cooperation",
    "Blue Economy and Fisheries, Trade, Defence"), which the recognizer took for a body or
    a place."""
    words = [t.lower_ for t in span if t.lower_ not in _JOINERS]
    return (
        bool(words)
        and all(w in field_words() for w in words)
        and not _kb(kb, span.text, ("Organization", "Place", "Country"))
    )


def _minister_of(span: Span) -> bool:
    """A minister's title taken for a body ("Federal Minister for Commerce"), not a body a
    title names ("Office of the Prime Minister", "Prime Minister's Office")."""
    if span[-1].text in word_list("org_heads"):
        return False
    return any(
        t.lower_ in _MINISTERS - {"ministers"}
        and t.i + 1 < span.end
        and span.doc[t.i + 1].lower_ in {"for", "of"}
        for t in span
    )


_SETTLEMENTS = {"city", "town", "village", "capital", "province", "region", "district"}


def _named_settlement(span: Span) -> bool:
    """A name after "the city of", "the town of", "the province of" ...: a place's."""
    doc = span.doc
    return (
        span.start >= 2
        and doc[span.start - 1].lower_ == "of"
        and doc[span.start - 2].lower_ in _SETTLEMENTS
    )


def _the_kingdom(doc: Doc, kb: KnowledgeBase, dateline: str | None) -> KBEntry | None:
    """The kingdom the text names, by name or demonym ("Saudi", "Jordanian"), that "the
    Kingdom" stands for: the one named, or of several the one the dateline's place is in;
    None when it names none, or several and none is the dateline's."""
    found = {
        country.qid: country
        for ent in doc.ents
        if ent.label_ in {"GPE", "NORP"}
        and (country := country_named(ent.text) or demonym(ent.text)) is not None
        and any(name.startswith(("Kingdom of", "Hashemite Kingdom")) for name in country.names)
    }
    if len(found) == 1:
        return next(iter(found.values()))
    place = _kb(kb, dateline, ("Place",)) if dateline else None
    return found.get(place.country or "") if place is not None else None


def _portfolio(span: Span, kb: KnowledgeBase) -> bool:
    """A minister's field that the recognizer took for a body: "Interior" in "Interior
    Minister X", "Roads and Urban Development" in "Minister of Roads and Urban Development",
    "Cooperatives" in "Minister of Trade, Industry and Cooperatives", "East African
    Cooperation" in "Minister for Foreign Affairs and East African Cooperation", not a body's
    own name ("Secretary of the Council", "Minister of the Cabinet Office"), nor a country and
    a name ("Minister of Belarus Yuri Shuleiko")."""
    doc = span.doc
    start = span.start - 1
    j = _fields_before(doc, start) if span.label_ != "PERSON" and start >= 1 else start
    listed = (
        start >= 1
        and doc[start].lower_ in {"and", "&"}
        and doc[start - 1].text != ","
        and 1 <= j < start
        and doc[j - 1].lower_ in _MINISTERS - {"ministers"}
        and not any(t.ent_type_ in {"PERSON", "GPE"} for t in doc[j:start])
    )
    named = span[-1].text in word_list("org_heads") or _kb(kb, span.text, ("Organization",))
    if named and not listed:
        return False
    if span.label_ == "PERSON" and _leading_country(span, kb)[0]:
        return False
    after = span.end  # "Interior" of "Interior Minister", also over title-case words:
    while span.label_ != "PERSON" and after < min(len(doc), span.end + 2) and doc[after].is_title:
        if doc[after].lower_ in _MINISTERS:
            break
        after += 1  # "Canadian International" of "Canadian International Trade Minister"
    if after < len(doc) and doc[after].lower_ in _MINISTERS:
        return True
    i = span.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if span.label_ != "PERSON":
        i = _fields_before(doc, i)
    return i >= 1 and doc[i].lower_ in {"of", "for"} and doc[i - 1].lower_ in _MINISTERS


_LISTING = {",", "and", "&"}


def _fields_before(doc: Doc, i: int) -> int:
    """Where a list of fields that ends at token ``i`` begins: at "of" in "Minister of Trade,
    Industry and Cooperatives" for the comma or "and" before the last; else ``i``."""
    j = i
    while j > max(i - 8, 0) and (doc[j].text in _LISTING or doc[j].is_title):
        j -= 1
    return j if j < i and doc[i].text in _LISTING and doc[j].lower_ in {"of", "for"} else i


def _city_after_site(span: Span, kb: KnowledgeBase) -> KBEntry | None:
    """The city a building's name ends with ("State House Entebbe"), if it does."""
    if len(span) < 3 or span[-2].text not in word_list("place_heads"):
        return None
    return next((e for e in kb.lookup(span[-1].text, ("Place",)) if e.cls == "City"), None)


def _names_a_site(span: Span) -> bool:
    """A name that modifies a site's head noun ("El-Dabaa" of "the El-Dabaa nuclear power
    plant") names the site."""
    head = span.root.head
    return (
        span.root.dep_ in {"compound", "nmod", "amod"}
        and head.i >= span.end
        and head.lower_ in word_list("site_heads")
    )


COMPANY_WORDS = {"company", "corporation", "firm", "group", "holding", "bank", "concern", "utility"}


def _body_named(span: Span) -> str | None:
    """The company's word (as a name ends with it: "Company") that a name modifies
    ("Richter Gedeon" of "the Richter Gedeon pharmaceutical company"), if it modifies one."""
    head = span.root.head
    named = span.root.dep_ in {"compound", "nmod"} and head.i >= span.end
    return head.text.title() if named and head.text in COMPANY_WORDS else None


def _common_noun(token: Token) -> bool:
    """A word no one's name holds: a lower-case word that is no particle ("businesspeople";
    "bin", "von" and the "un" of "Jong-un" are), or an abstract noun ("Development")."""
    if token.is_lower and token.is_alpha:
        return token.text not in _NAME_PARTICLES and (token.i == 0 or token.nbor(-1).text != "-")
    return len(token) >= 8 and token.lower_.endswith(_NOUN_ENDINGS)


_COURTESY = {"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Madam"}


def _courteous(ent: Span) -> bool:
    """A name that starts with, or follows, a form of address ("Dr", "Madam")."""
    doc = ent.doc
    first = ent[0].text in _COURTESY and len(ent) > 1
    return first or (ent.start > 0 and doc[ent.start - 1].text in _COURTESY)


_PRESS = {"service", "office", "centre", "center", "department"}


_ROLES = {"spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "aide", "envoy"}


def _titled(ent: Span) -> bool:
    """A name of words that name no body, after a title or a person's role ("the Chairman of
    the National Assembly, Phuong Dinh Hue", "his spokesman, Femi Adesina"): a person."""
    doc = ent.doc
    before = ent.start - 1 - (ent.start > 1 and doc[ent.start - 1].text == ",")
    if before < 0 or not 2 <= len(ent) <= 4 or not all(t.is_title for t in ent):
        return False
    if any(t.text in word_list("org_heads") or t.text in word_list("place_heads") for t in ent):
        return False
    title = titles_by_word(doc).get(before)
    return doc[before].lower_ in _ROLES or (title is not None and title.end == before + 1)


def _source(span: Span) -> bool:
    """A one-word name that reports the story, set off after a comma ("..., Akorda
    reports."), or that an agency cites ("..., Kazinform cites Akorda."): the news source,
    not a person."""
    doc = span.doc
    verb = doc[span.end] if span.end < len(doc) else None
    reports = (
        verb is not None
        and verb.lemma_ in {"report", "inform"}
        and verb.tag_ == "VBZ"
        and span.root.head == verb
        and span.start > 0
        and doc[span.start - 1].text == ","
    )
    cited = (
        span.start > 0
        and doc[span.start - 1].lower_ == "cites"
        and (span.end == len(doc) or doc[span.end].is_punct)
    )
    return len(span) == 1 and (reports or cited)


def _press_office(span: Span) -> Span | None:
    """ "Akorda press service", "Ak Orda press office": a name before a press office is its
    body's; the span with the office."""
    doc = span.doc
    end = span.end + 2
    if end <= len(doc) and doc[span.end].lower_ == "press" and doc[end - 1].lower_ in _PRESS:
        return doc[span.start : end]
    return None


_GROUPS_OF_PEOPLE = {"presidents", "ministers", "leaders", "premiers", "heads", "chiefs"}
_CREDITS = {"photo", "photos", "picture", "credit", "credits", "courtesy", "image", "images"}


def _credited(span: Span) -> bool:
    """A name in a photo credit ("Photo credit: X", "(Photo: Agency/X)", "Images | X")."""
    doc = span.doc
    start = max(span.sent.start, span.start - 6)
    words = [t.lower_ for t in doc[start : span.start]]
    marks = [k for k, w in enumerate(words) if w in {":", "|"}]
    return bool(marks) and bool(_CREDITS & set(words[: marks[0]]))


def _byline(span: Span) -> bool:
    """A name on a line of its own but for a date, a time and separators ("Name  •  18 July
    2018 12:27 WIB"): who wrote the article, not who is in it."""
    doc = span.doc
    start, end = span.start, span.end
    while start > 0 and "\n" not in doc[start - 1].text_with_ws:
        start -= 1
    while end < len(doc) and "\n" not in doc[end - 1].text_with_ws:
        end += 1
    rest = [*doc[start : span.start], *doc[span.end : end]]
    return any(t.ent_type_ in {"DATE", "TIME"} for t in rest) and all(
        not t.is_alpha or _of_a_date(t) or t.is_upper or (t.i > 0 and _of_a_date(t.nbor(-1)))
        for t in rest
    )  # a month or a time zone the recognizer does not know ("18 Juli", "WIB")


def _of_a_date(token: Token) -> bool:
    return token.ent_type_ in {"DATE", "TIME"} or token.like_num


def _only_title_words(span: Span) -> bool:
    """A span of words of titles only ("Extraordinary", "Plenipotentiary")."""
    return all(t.text in _title_vocabulary() for t in span)


def _opens_a_title(span: Span) -> bool:
    """Whether a span's last word opens a title that goes on after it ("Adviser to the UAE
    President"): the span is that title's modifier and head, no one's name."""
    title = titles_by_word(span.doc).get(span[-1].i)
    return title is not None and title.start == span[-1].i and title.end > span.end


def _styled_title(span: Span) -> bool:
    """A span of a title's words and the words that address a person, and at most a
    nationality: "Qatari Amir Sheikh", "HH The Amir"."""
    words = [t for t in span if not demonym(t.text)]
    return bool(words) and all(
        t.text in _title_vocabulary() or t.text in _ADDRESSED or t.lower_ in HONORIFICS
        for t in words
    )


def _quoted(span: Span) -> bool:
    """A name in quotation marks: a programme's, a project's or a nickname, not a person's."""
    doc = span.doc
    if span.start == 0 or span.end >= len(doc):
        return False
    closer = QUOTES.get(doc[span.start - 1].text)
    return closer is not None and doc[span.end].text == closer


def _plain_word(span: Span, kb: KnowledgeBase) -> bool:
    """One word the tagger reads as no noun ("Comprehensive", "GHANIAN") and the knowledge
    base does not name; not an acronym ("USAID funds projects")."""
    word = span[0]
    acronym = word.is_upper and len(word) <= 5
    return (
        len(span) == 1
        and word.pos_ in {"ADJ", "VERB", "ADV"}
        and not acronym
        and not kb.lookup(word.text)
    )


def _common_word(span: Span) -> bool:
    """One capitalized word that the article also writes in lower case ("Trade", "State",
    "Technical"): a common word capitalized in a title or heading, not a body's name."""
    word = span[0]
    if len(span) != 1 or not word.is_title or word.text in word_list("org_heads"):
        return False
    return any(True for _ in tokens_with(span.doc, "ORTH", [word.lower_]))


def _determined(span: Span) -> bool:
    """A name right after "the" ("of the Oliy Majlis"), which people's names never are."""
    before = span.doc[span.start - 1] if span.start else None
    return (
        before is not None
        and before.lower_ == "the"
        and before.head.i in range(span.start, span.end)
    )


def _of_a_title(span: Span) -> bool:
    """A name a title's "of" governs ("Chairman of the Board of Directors of Cengiz Enerji"):
    what a title is of is a body or a place, not a person."""
    doc = span.doc
    if not span.start or doc[span.start - 1].lower_ != "of":
        return False
    titles = _title_vocabulary()
    token = doc[span.start - 1].head
    while token.dep_ in {"pobj", "prep"} and token.head.i != token.i and token.text not in titles:
        token = token.head
    return token.text in titles


def _entity_spans(doc: Doc, kb: KnowledgeBase) -> Iterator[Span]:
    """The recognizer's entities, a name and the acronym after it apart ("Agency for
    International Development (USAID)" is two names of one body), a site and the place it is
    in apart ("the Kwala Industrial Park in Pwani Region"), and a person's name cut
    after its particle made whole ("Ursula von der" and "Leyen": "Ursula von der Leyen"), or
    at a hyphen ("Hoa Lac Hi" of "Hi-Tech Park"), or in two with an untagged word between
    ("Sardar" and "Khattak" of "Sardar Imran Khattak"), and two names a caption ran together
    apart ("Nikol Pashinyan Irakli Garibashvili")."""
    end = 0
    alone = {e.text for e in doc.ents if e.label_ == "PERSON"}
    for ent in doc.ents:
        if ent.start < end:
            continue  # the surname a person's name took in
        if ent.label_ == "PERSON" and len(names := _run_together(ent, alone)) > 1:
            yield from names
            continue
        if ent.label_ == "PERSON" and (rest := _name_resumed(ent)) is not None:
            end = rest.end
            yield Span(doc, ent.start, end, label="PERSON")
        elif ent.label_ == "PERSON" and ent[-1].lower_ in _PARTICLES | _ARTICLES:
            end = ent.end
            while (
                end < len(doc)
                and doc[end].pos_ == "PROPN"
                and (
                    doc[end].is_title or doc[end].lower_ in _ARTICLES  # "Ursula von" "der" "Leyen"
                )
            ):
                end += 1
            yield Span(doc, ent.start, end, label="PERSON")
        elif len(ent) > 3 and ent[-1].text == ")" and ent[-3].text == "(" and ent[-2].is_upper:
            yield Span(doc, ent.start, ent.end - 3, label=ent.label_)
            yield Span(doc, ent.end - 2, ent.end - 1, label=ent.label_)
        elif (end := _hyphen_cut(ent)) > ent.end:
            yield Span(doc, ent.start, end, label=ent.label_)
        elif (at := _site_in_place(ent, kb)) is not None:
            yield Span(doc, ent.start, at, label=ent.label_)
            yield Span(doc, at + 1, ent.end, label="GPE")
        else:
            yield ent


def _site_in_place(ent: Span, kb: KnowledgeBase) -> int | None:
    """Where "in" parts a site or a body the recognizer ran into the place it is in ("the
    Kwala Industrial Park in Pwani Region", "the Great Hall of the People in Beijing"): a
    region, or a known place or country, named after it."""
    if ent.label_ not in {"ORG", "FAC", "GPE", "LOC"}:
        return None
    for t in ent[1:-1]:
        place = ent.doc[t.i + 1 : ent.end]
        if t.lower_ == "in" and all(w.is_title for w in place):
            region = place[-1].lower_ in REGION_WORDS and len(place) > 1
            if region or _kb(kb, place.text, ("Place", "Country")):
                return t.i
    return None


def _name_resumed(ent: Span) -> Span | None:
    """The person's name a name continues after one untagged word of it, all one compound
    ("Sardar" and "Khattak" of "Sardar Imran Khattak")."""
    doc, gap = ent.doc, ent.end
    if gap + 1 >= len(doc) or doc[gap].ent_type_ or doc[gap].pos_ != "PROPN":
        return None
    rest = next((e for e in doc.ents if e.start == gap + 1 and e.label_ == "PERSON"), None)
    if (
        rest is None
        or not doc[gap].is_title
        or doc[gap].dep_ != "compound"
        or doc[gap].text in _title_vocabulary()
        or doc[gap].lower_.strip(".") in HONORIFICS
    ):
        return None  # not "Sri Lankan President Anura": a title between
    joined = ent.root.head.i in range(gap, rest.end) and doc[gap].head.i in range(
        rest.start, rest.end
    )
    return rest if joined else None


def _hyphen_cut(ent: Span) -> int:
    """The end of a name the recognizer cut at a hyphen inside a word, taking in the rest of
    the name up to the word that says what it names ("Hoa Lac Hi" of "the Hoa Lac Hi-Tech
    Park"), or a person's the rest of the word ("Stojanoska" of "Stojanoska-Velkova"), else
    the entity's end."""
    doc, end = ent.doc, ent.end
    if not (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_title
        and not doc[end + 1].ent_type_
    ):
        return end
    cut, end = end, end + 2
    while (
        end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN" and not doc[end].ent_type_
    ):
        end += 1
    heads = word_list("place_heads") | word_list("org_heads")
    if end > cut + 2 and doc[end - 1].text in heads:
        return end
    return cut + 2 if ent.label_ == "PERSON" else cut  # "Marija Stojanoska-Velkova"


def _run_together(ent: Span, alone: set[str]) -> list[Span]:
    """The names a recognized name runs together: names the article writes apart elsewhere,
    or one name twice."""
    for cut in range(ent.start + 2, ent.end - 1):
        first, second = ent.doc[ent.start : cut], ent.doc[cut : ent.end]
        if first.text == second.text or {first.text, second.text} <= alone:
            return [
                Span(ent.doc, s.start, s.end, label="PERSON")
                for part in (first, second)
                for s in _run_together(part, alone)
            ]
    return [ent]


def _countries_inside(span: Span, kb: KnowledgeBase) -> Iterator[Mention]:
    """Countries named inside a body's name: "Kyrgyzstan" in "Cabinet of Ministers of
    Kyrgyzstan", "Kazakh" in "Kazakh-Chinese Business Council"."""
    for token in span:
        if not token.is_title or _of_a_region(token):
            continue
        country = country_named(token.text) or demonym(token.text)
        if country is not None:
            one = span.doc[token.i : token.i + 1]
            yield Mention(
                one, "Country", "Country", country.qid, country.qid, token.text != country.label
            )


_QUARTERS = {"Latin", "North", "South", "East", "West", "Central", "Northern", "Southern"}


def _cut_quarter(span: Span) -> bool:
    """A quarter of the world the recognizer cut from the name it begins ("East" of "East
    Asia Summit")."""
    doc = span.doc
    return (
        len(span) == 1
        and span[0].text in _QUARTERS
        and span.end < len(doc)
        and doc[span.end].is_title
        and not doc[span.end].is_sent_start
    )


def _of_a_region(token: Token) -> bool:
    """A country's name that ends a region's ("America" in "Latin America"), not a country's
    ("Korea" in "South Korea")."""
    doc = token.doc
    before = doc[token.i - 1] if token.i else None
    return (
        before is not None
        and before.text in _QUARTERS
        and country_named(f"{before.text} {token.text}") is None
    )


_NAMED_EVENT_HEADS = {
    "forum",
    "summit",
    "conference",
    "session",
    "meeting",
    "talks",
    "exhibition",
    "fair",
    "dialogue",
    "round",
    "visit",
}


# Standing bodies whose numbered sitting is named by the body ("the 8th Joint Trade Committee
# was held in Islamabad": its eighth session).
_NUMBERED_SITTINGS = {"assembly", "commission", "committee", "council"}


def _named_event(span: Span) -> bool:
    """ "the CICA Business Forum", "the Forum of Regions of Russia", "the 77th UN General
    Assembly", "the 8th Joint Trade Committee", "an official State Visit", "the Commonwealth
    Heads of Government Meeting": a name of an event (not the body's name before the event
    noun of "the 9th Joint Trade Committee meeting")."""
    head = span.root.lemma_.lower()
    if head in _NAMED_EVENT_HEADS or span[-1].lemma_.lower() in _NAMED_EVENT_HEADS:
        return True  # the name's last word where the parser took another for its head
    compound = span.root.dep_ == "compound"  # "the 9th Joint Committee meeting": the meeting's
    return head in _NUMBERED_SITTINGS and _numbered(span) and not compound


def _numbered(span: Span) -> bool:
    """An ordinal before a name or as its first word ("the 8th Joint Trade Committee")."""
    before = span.doc[span.start - 1] if span.start else None
    return (before is not None and before.ent_type_ == "ORDINAL") or bool(
        _ORDINAL.fullmatch(span[0].lower_)
    )


_ORDINAL = re.compile(r"\d+(st|nd|rd|th)")


def _event_phrase(span: Span) -> Span:
    """A recognized event name widened over its ordinal and modifiers ("7th", "official")
    and the rest of its complements ("... of Russia and Belarus")."""
    doc = span.doc
    start = span.start
    if start and doc[start - 1].ent_type_ == "ORDINAL":
        start -= 1
    while start and (
        (doc[start - 1].dep_ == "amod" and span.start <= doc[start - 1].head.i < span.end)
        or _name_word_of(doc[start - 1], doc[start : span.end])
    ):
        start -= 1
    end = max(span.end, _noun_phrase_end(span.root))
    while doc[end - 1].is_space:  # a name at the end of a line: "... State Visit\n\n"
        end -= 1
    return doc[start:end]


def _name_word_of(token: Token, name: Span) -> bool:
    """Whether a capitalized word or an "and" between two is a word of the name after it,
    which the recognizer left out ("the Dakar Peace and" of "Security Forum")."""
    if not (token.is_title and token.pos_ == "PROPN") and not (
        token.lower_ in {"and", "&"} and token.i and token.doc[token.i - 1].is_title
    ):
        return False
    for head in token.ancestors:
        if name.start <= head.i < name.end:
            return True
        if head.i >= name.end or not head.is_title:
            return False
    return False


def tokens_with(doc: Doc, attr: str, values: Iterable[str]) -> Iterator[Token]:
    """The tokens of ``doc`` whose ``attr`` (``ORTH``, ``LOWER``, ``POS``, ...) is one of
    ``values``, in order. Faster than a loop over the doc, which makes a Python object of
    every token.

    >>> from kg.nlp import load_nlp
    >>> doc = load_nlp()("His counterpart met the Counterparts.")
    >>> [t.i for t in tokens_with(doc, "LOWER", ["counterpart", "counterparts"])]
    [1, 4]
    """
    found = doc.to_array(attr)
    hits = numpy.zeros(len(found), dtype=bool)
    for value in values:  # not numpy.isin: its first call imports numpy.ma, slowing kg's start
        hits |= found == doc.vocab.strings[value]
    for i in numpy.flatnonzero(hits):
        yield doc[int(i)]


def _surnames_as_people(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """The surname of a person named in the article is that person wherever it stands
    alone, whatever the recognizer made of it ("Saidov" after "Bakhtiyor Saidov", "Ruto
    said" with no entity at all, "Santos" taken for the Brazilian port after "Juan Manuel
    Santos"; only a country stays a country), also spelled another way ("Japarov" after
    "Akylbek Zhaparov"), and so is a "body" made of a title or that person's names and the
    surname ("PM Modi" after "Narendra Modi"). Another word of one person's name alone is
    that person's too ("Abiy" of "Abiy Ahmed", "Yoon" of "Yoon Suk Yeol", "Lula" of "Luiz
    Inacio Lula da Silva")."""
    names: dict[str, set[str]] = {}  # surname -> the words of the names it ends
    inner: dict[str, set[str]] = {}  # a name's other word -> the names it is part of
    titles = _title_vocabulary()
    for m in mentions:
        if m.type == "Person" and len(m.span) > 1:
            names.setdefault(m.span[-1].text, set()).update(t.text for t in m.span)
            for t in m.span[:-1]:
                inner.setdefault(t.text, set()).add(m.span.text)
    surnames = set(names)
    for word, named in inner.items():
        if (
            len(named) == 1
            and word[:1].isupper()
            and len(word) > 2
            and word not in surnames | titles | _ADDRESSED
        ):
            names[word] = {t for n in named for t in n.split()}
    for i, m in enumerate(mentions):
        if m.type in ("Person", "Country") or m.span[-1].text not in names:
            continue
        words = names[m.span[-1].text]
        given = [t for t in m.span[:-1] if t.text not in titles]
        if len(m.span) == 1 or (
            m.type == "Organization"
            and all(t.text in words for t in given)
            and m.span[-1].text not in word_list("org_heads")
        ):  # "Femi Adesina" or "PM Modi" the recognizer took for a body
            mentions[i] = Mention(m.span[len(m.span) - len(given) - 1 :], "Person", "Person")
    taken = {i for m in mentions for i in range(m.span.start, m.span.end)}
    spelled = {spelling(s) for s in surnames if len(s) >= 5}
    for token in tokens_with(doc, "POS", ["PROPN", "NOUN"]):  # "Ruiz is ...": a noun to
        proper = token.pos_ == "PROPN"  # the tagger; "Japarov" after "Akylbek Zhaparov"
        if token.i not in taken and (
            (token.text in surnames and token.is_title)
            or (proper and spelling(token.text) in spelled)
            or (proper and token.text in names and _alone(token))  # not "Minh" of "Ho Chi Minh"
        ):
            mentions.append(Mention(doc[token.i : token.i + 1], "Person", "Person"))
    return mentions


def _alone(token: Token) -> bool:
    """A name word that no other name word stands next to."""
    doc = token.doc
    return not any(
        0 <= i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].is_title
        for i in (token.i - 1, token.i + 1)
    )


_INITIAL = re.compile(r"[A-Z]\.?")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")  # "K.T." of "K.T. Hammond"


def _acronym(token: Token, least: int = 4) -> bool:
    """A word of ``least`` capitals or more ("SAARC"), not initials ("K.T.")."""
    return token.is_upper and len(token) >= least and not _INITIALS.fullmatch(token.text)


# Words that address a person by name ("Sheikh Tamim", "Mr Grant"): a name after one is a
# person's wherever the recognizer took it for a nationality or a body.
_ADDRESSED = _COURTESY | {"Sheikh", "Sheikha", "Emir", "Amir", "King", "Queen", "Prince"}
_ADDRESSED |= {"Princess", "Sultan"}


def _unrecognized_people(doc: Doc, mentions: list[Mention], kb: KnowledgeBase) -> list[Mention]:
    """People the recognizer missed: a surname with joined initials as Mongolian and
    Russian outlets write it ("A.V.Novak"), a name after a word that addresses a person
    ("Sheikh Tamim", which the recognizer may take for a nationality) or after a title ("PM
    Chinh", not "President Hotel") or "counterpart" ("his Chilean counterpart Ana Ruiz", also
    after a comma) or after a title and a comma, ending its clause ("Fiji's
    Minister for Trade, Cooperatives and SMEs, Litia Vakacegu."), and a capitalized name a
    title is in apposition to after a comma ("Ana Torres, deputy prime minister of Chile")."""
    titles = doc.spans.get(SPAN_KEY, [])
    titled = {t.end for t in titles}
    after_comma = {t.end + 1 for t in titles if t.end + 1 < len(doc) and doc[t.end].text == ","}
    counterparts = {  # "his Chilean counterpart Ana Ruiz", "her counterpart, Ana Ruiz"
        word.i + 1 + (word.i + 1 < len(doc) and doc[word.i + 1].text == ",")
        for word in tokens_with(doc, "LOWER", ["counterpart"])
    }
    titled |= counterparts
    found = []
    for m in mentions:  # a counterpart is a person, whatever body the recognizer took it for
        if m.type != "Organization" or m.qid is not None or _names_a_thing(m.span):
            continue
        if m.span.start in counterparts:
            found.append(Mention(m.span, "Person", "Person"))
        elif _surname_after_given(m.span, titled):
            found.append(Mention(m.span.doc[m.span.start - 1 : m.span.end], "Person", "Person"))
    mentions = [m for m in mentions if not any(f.span.end == m.span.end for f in found)]
    taken = {i for m in [*mentions, *found] for i in range(m.span.start, m.span.end)}
    for i in sorted(titled & set(range(len(doc)))):
        if i not in taken and (initialed := _initialed(doc[i], taken, kb)) is not None:
            found.append(Mention(initialed, "Person", "Person"))
            taken.update(range(initialed.start, initialed.end))
    for i in numpy.flatnonzero(doc.to_array(POS) == doc.vocab.strings["PROPN"]).tolist():
        token = doc[i]
        if i in taken:
            continue
        if JOINED_INITIALS.fullmatch(token.text):
            name: Span | None = doc[token.i : token.i + 1]
        elif token.i and doc[token.i - 1].text in _ADDRESSED:
            name = _addressed(token, taken, kb)  # not "Queen Alia International Airport"
            name = None if name is None or _names_a_thing(name) else name
        elif i in titled and token.lower_ not in HONORIFICS:
            while honour(token) and token.i + 1 < len(doc):
                token = doc[token.i + 1]  # "Home Minister Datuk Seri X": the name after
            name = _addressed(token, taken, kb)
            name = None if name is None or _names_a_thing(name) else name
        elif i in after_comma:  # "Fiji's Minister for Trade, Cooperatives and SMEs, Litia X."
            name = _addressed(token, taken, kb)
            if name is None or len(name) < 2 or _names_a_thing(name) or not _ends(name):
                name = None
        else:
            name = _apposed(token, taken, kb)
        if name is not None:
            found.append(Mention(name, "Person", "Person"))
            taken.update(range(name.start, name.end))
    return mentions + found


def _initialed(token: Token, taken: set[int], kb: KnowledgeBase) -> Span | None:
    """A name after a title opened by initials without stops, as South Asian outlets
    write it ("his counterpart A K Abdul Momen"), which the recognizer leaves untagged."""
    doc = token.doc
    end = token.i
    while end < min(len(doc), token.i + 3) and _INITIAL.fullmatch(doc[end].text):
        end += 1
    if end == token.i or end == len(doc) or doc[end].pos_ != "PROPN" or end in taken:
        return None
    rest = _addressed(doc[end], taken, kb)
    return None if rest is None or _names_a_thing(rest) else doc[token.i : rest.end]


def _surname_after_given(span: Span, titled: set[int]) -> bool:
    """A surname the recognizer took for a body, after a given name it left untagged that
    follows a title ("Minister of Foreign Affairs of Uzbekistan Bakhtiyor Saidov")."""
    given = span.start - 1
    return (
        len(span) == 1
        and given in titled
        and span.doc[given].pos_ == "PROPN"
        and span.doc[given].is_title
        and not span.doc[given].ent_type_
    )


def _ends(name: Span) -> bool:
    """Whether a name ends its clause: punctuation or the text's end follows it."""
    return name.end == len(name.doc) or name.doc[name.end].is_punct


def _names_a_thing(name: Span) -> bool:
    """A name whose words, or the word after it, make it a body, place, building, event or
    document ("President Hotel", "Prime Minister Office"), or that is a title's own word."""
    doc = name.doc
    words = {t.lower_ for t in doc[name.start : min(name.end + 1, len(doc))]}
    titles = {t.lower_.rstrip("s") for t in name} & _title_words()[1]  # "Chief Executive Officers"
    return bool(words & _thing_words() or titles)


@cache
def _thing_words() -> frozenset[str]:
    """The words that end a name of a body, place or building, and that head an event or
    a document."""
    lists = ("org_heads", "place_heads", "site_heads", "thing_heads")
    words = {w.lower() for name in lists for w in word_list(name)}
    return frozenset(words | set(heads("event")) | set(heads("agreement")))


def _addressed(token: Token, taken: set[int], kb: KnowledgeBase) -> Span | None:
    """The name of up to three capitalized words from ``token``, after "Sheikh", "Mr"...,
    unless it names a country, place, body or nationality."""
    doc = token.doc
    end = token.i + 1
    while end < min(len(doc), token.i + 3) and (
        doc[end].pos_ == "PROPN" or hyphened_given_name(doc, end)
    ):
        end += 1
    if not all(t.is_title and t.i not in taken for t in doc[token.i : end]):
        return None
    name = doc[token.i : end + 2 if hyphened_given_name(doc, end - 1) else end]  # "Do-hyun"
    if demonym(name.text) or _kb(kb, name.text, ("Country", "Place", "Organization")):
        return None
    return name


def _apposed(token: Token, taken: set[int], kb: KnowledgeBase) -> Span | None:
    """The name ``token`` ends that a title is in apposition to after a comma: not "the
    National Leader, Chairman of ...", nor a title's own words, nor a name a title is of."""
    doc = token.doc
    titles = _title_words()
    if token.dep_ == "compound" or not any(
        c.dep_ == "appos" and c.lower_ in titles[0] for c in token.children
    ):
        return None
    start = token.i
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head == token:
        start -= 1
    name = doc[start : token.i + 1]
    if (
        2 <= len(name) <= 4
        and all(t.pos_ == "PROPN" and t.is_title and t.i not in taken for t in name)
        and not any(t.lower_ in titles[1] for t in name)
        and not any(c.dep_ == "det" for c in token.children)
        and token.i + 1 < len(doc)
        and doc[token.i + 1].text == ","
        and not _of_a_title(name)
        and _kb(kb, name.text, ("Country", "Place", "Organization")) is None
    ):
        return name
    return None


@cache
def _title_vocabulary() -> frozenset[str]:
    """The titles and the words that modify them ("Minister", "Deputy", "Extraordinary")."""
    return word_list("titles") | word_list("title_modifiers")


@cache
def _title_words() -> tuple[frozenset[str], frozenset[str]]:
    """The one-word titles ("minister"), and every word of a title or its modifiers."""
    return (
        frozenset(t.lower() for t in word_list("titles") if " " not in t),
        frozenset(w.lower() for t in _title_vocabulary() for w in t.split()),
    )


def _demonym_compound(kb: KnowledgeBase, span: Span) -> list[Mention]:
    """The countries of ``Kazakh-Belarusian`` or ``Kyrgyz-Turkish``, a mention for each
    part, when every part names a country."""
    dashes = [t.i for t in span if t.text in {"-", "–"}]
    bounds = [span.start - 1, *dashes, span.end]
    parts = [span.doc[a + 1 : b] for a, b in itertools.pairwise(bounds) if b > a + 1]
    if not dashes or len(parts) < 2:
        return []
    found = []
    for part in parts:
        country = demonym(part.text) or country_named(part.text)
        if country is None:
            return []
        found.append(Mention(part, "Country", "Country", country.qid, country.qid, True))
    return found


def _headline_only(span: Span, kb: KnowledgeBase) -> bool:
    """A "name" only a title-case line gives ("Respond Together", "Share Common Vision"):
    its words stand nowhere else in the article and the knowledge base knows no such
    person."""
    if not in_headline(span.sent):
        return False
    orths = span.doc.to_array(ORTH)
    rest = set(numpy.delete(orths, range(span.sent.start, span.sent.end)).tolist())
    return not any(t.orth in rest for t in span) and not _kb(kb, span.text, ("Person",))


def _headline_words(span: Span, kb: KnowledgeBase) -> bool:
    """A "body" of three words or more that only a title-case line gives, with no word that
    ends a body's name ("Chiefs Reaffirm Importance of Bilateral Ties"): its text stands
    nowhere else in the article and the knowledge base knows no such body."""
    if len(span) < 3 or span[-1].text in word_list("org_heads") or not in_headline(span.sent):
        return False
    doc = span.doc
    rest = doc[: span.sent.start].text + " " + doc[span.sent.end :].text
    return span.text not in rest and not _kb(kb, span.text, ("Organization",))


def _on_a_trip(word: Token) -> bool:
    """ "on" a visit, trip or mission."""
    return word.lower_ == "on" and any(
        o.dep_ == "pobj" and (o.lemma_ in heads("event") or o.lemma_ == "mission")
        for o in word.children
    )


def _phrase(token: Token, named: dict[int, Mention]) -> Span:
    """The noun phrase of an event or agreement head: its left modifiers, the head and its
    ``of``/``on``/``between`` complements, and the whole of a body's name they begin ("the
    21st Meeting of the Commission on Trade, Economic and Technical Cooperation")."""
    doc = token.doc
    left = token.i
    lemma = token.lemma_.lower()
    agreement = lemma in heads("agreement") or lemma in {"plan", "arrangement"}
    # A finite verb (or "held") the parser hung before the head ends the name: "the two held
    # talks", "President X held talks" misread as one noun phrase.
    verb = max(
        (c.i for c in token.lefts if c.tag_ in {"VBD", "VBZ", "VBP"} or c.lemma_ == "hold"),
        default=-1,
    )
    for child in token.lefts:
        if child.i > verb and (
            child.dep_ in {"amod", "compound", "nummod", "nmod", "npadvmod"}
            or (child.dep_ == "poss" and child.pos_ == "PROPN")
            or (child.dep_ == "poss" and child.tag_ == "NNS" and _bare_apostrophe(child))
        ):  # "a trilateral foreign ministers' meeting", not "their meeting"
            left = min(left, child.left_edge.i)
    left = max(_dashed_modifier(token, _coordinated_modifier(token, left)), verb + 1)
    right = token.i + 1
    complements = {"of", "on", "between"} | _COMPLEMENTS.get(token.lemma_, set())
    for child in token.rights:
        if child.lower_ == "with" and child.i != token.i + 1:
            break  # "talks with X", not "talks in Dhaka with X"
        if agreement and _counted(token) and _of_an_event(child):
            break  # "15 documents of the visit": signed there, no part of their name (not
            # as "the minutes of the meeting", "the protocol of the session")
        if not all(token.is_ancestor(doc[k]) for k in range(token.i + 1, child.i)):
            break  # "a meeting was held between X and Y": "was held" is no part of its name
        if child.dep_ == "prep" and (
            (child.lower_ in complements and not _temporal(child))
            or (agreement and child.i == right and (_term(child) or _field(child)))
        ):
            right = max(right, _noun_phrase_end(child))
        elif agreement and child.dep_ in {"acl", "relcl"} and (end := _purpose_end(child, right)):
            right = end  # "an agreement to establish a joint commission"
        elif child.dep_ != "prep":
            break
    if agreement:
        right = hyphened_end(doc, _verb_complement_end(token, right))
    if lemma == "delegation":  # "a delegation of X on a trade mission": not what it is on
        right = next((t.i for t in doc[token.i + 1 : right] if _on_a_trip(t)), right)
    inside = [named[k] for k in range(token.i + 1, right) if k in named]
    right = max([right, *(m.span.end for m in inside if m.type == "Organization")])
    while left < token.i and (
        doc[left].dep_ in {"det", "punct", "case"} or doc[left].text in _BULLETS
    ):
        left += 1  # "• Memorandum on ...": a list's bullet is no part of its item
    day = left
    while day < token.i and doc[day].ent_type_ == "DATE" and doc[day].lower_ in _DAYS:
        day += 1
    if day > left and doc[day].like_num:
        left = day  # "signed last Friday four agreements": the day is no part of their name
    while right > token.i + 1 and (
        doc[right - 1].is_punct or "cc" in {doc[right - 1].dep_, doc[right - 1].head.dep_}
    ):  # "... and", "... as well as"
        right -= 1
    return doc[left:right]


_BULLETS = {"•", "·", "▪", "●", "◦", "*", "-", "–", "—"}


def _bare_apostrophe(token: Token) -> bool:
    """A plural noun with a bare apostrophe of possession after it that says of what kind
    ("foreign ministers'", "the BRICS foreign ministers'"), not whose ("the two countries'",
    "both sides'", "the ministers'")."""
    children = list(token.children)
    named = any(c.pos_ == "PROPN" and c.dep_ in {"nmod", "compound"} for c in children)
    return any(c.dep_ == "case" and c.text in {"'", "’"} for c in children) and not any(
        c.dep_ in {"nummod", "predet"}
        or (c.dep_ == "det" and c.lower_ not in {"a", "an"} and not named)
        for c in children
    )  # "a" is the event's: "a trilateral foreign ministers' meeting"


def _counted(token: Token) -> bool:
    """A plural head, or one with a number ("15 cooperation document" of a headline)."""
    return token.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "nummod" for c in token.children)


def _of_an_event(prep: Token) -> bool:
    """An "of" phrase that names an event ("of the visit", "of the talks")."""
    return prep.lower_ == "of" and any(
        o.dep_ == "pobj" and o.lemma_.lower() in heads("event") for o in prep.children
    )


def _term(prep: Token) -> bool:
    """ "for 2022-2026", "for development of cooperation": what or when a document is for,
    not its price nor a party ("for $2 billion", "for the Kazakh side")."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return (
        prep.lower_ == "for"
        and len(objects) == 1
        and objects[0].ent_type_ not in {"MONEY", "GPE", "NORP", "ORG", "PERSON"}
        and objects[0].lemma_.lower() not in {"side", "party", "government"}
    )


def _field(prep: Token) -> bool:
    """ "In the fields of transport and trade": what a document is about."""
    return prep.lower_ == "in" and any(
        c.dep_ == "pobj" and c.lemma_.lower() in {"field", "area", "sphere", "domain"}
        for c in prep.children
    )


def _purpose_end(verb: Token, right: int) -> int:
    """The end of "to establish a joint commission" right after an agreement's name (what it
    is for: the verb's object and what the object is of or in, "to boost trade in energy",
    not where or when, "to open a plant in Tashkent"), or 0."""
    doc = verb.doc
    if verb.tag_ != "VB" or right + 1 != verb.i or doc[right].lower_ != "to":
        return 0
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        return 0
    end = _noun_phrase_end(objects[0], inner=True)
    for prep in verb.rights:
        if prep.i == end and prep.dep_ == "prep" and prep.lower_ in {"in", "of", "on"}:
            if _where_or_when(prep) or _temporal(prep):
                break
            end = _noun_phrase_end(prep, inner=True)
    return end


def _verb_complement_end(token: Token, right: int) -> int:
    """The end of an agreement's name with the complements the parser hung on its verb
    right after it ("signed a Declaration on strategic relations for 2024-2026": "on" and
    "for" hang on "signed"), up to another agreement named after it ("... as well as a
    programme"), not one its name names ("a protocol on amendments to the agreement")."""
    doc = token.doc
    while right < len(doc) and token.dep_ in {"dobj", "nsubjpass"}:
        prep = doc[_past_brackets(doc, right)]  # "a memorandum (MoU) on ..."
        if prep.head != token.head or prep.dep_ != "prep" or not _complement(prep):
            break
        end = _noun_phrase_end(prep)
        other = next(
            (
                t
                for t in doc[prep.i : end]
                if t.lemma_.lower() in heads("agreement") and t.dep_ != "pobj"
            ),
            None,
        )  # not the object of a word of its name: "on amendments to the trade agreement"
        if other is not None:  # up to the words joining it: "and", "as well as"
            end = other.left_edge.i
            while end > right and doc[end - 1].dep_ in {"cc", "advmod", "punct"}:
                end -= 1
            return end
        right = end
    return right


def _in_brackets(span: Span) -> bool:
    """Whether a span is all that stands in brackets ("(JCM)")."""
    doc = span.doc
    return (
        span.start > 0
        and span.end < len(doc)
        and (doc[span.start - 1].text, doc[span.end].text) == ("(", ")")
    )


def _past_brackets(doc: Doc, i: int) -> int:
    """Past a short form given in brackets at ``i`` ("(MoU)"), else ``i`` (also at the end)."""
    if i >= len(doc) or doc[i].text != "(":
        return i
    close = next((k for k in range(i + 2, min(i + 5, len(doc))) if doc[k].text == ")"), None)
    return close + 1 if close is not None and close + 1 < len(doc) else i


def _complement(prep: Token) -> bool:
    """ "On", "between" or a term's "for", that says what a document is (not "on Monday",
    "on behalf of")."""
    if prep.lower_ == "for":
        return _term(prep)
    return (
        prep.lower_ in {"on", "between"}
        and not _temporal(prep)
        and not any(c.lower_ == "behalf" for c in prep.children)
    )


def hyphened_end(doc: Doc, end: int) -> int:
    """The end of a phrase past the rest of a hyphened word it ends in ("for 2022-2026",
    "economic co-operation"), which the parser may have hung elsewhere."""
    while (
        end + 1 < len(doc)
        and not doc[end - 1].whitespace_
        and doc[end].text in {"-", "\u2013"}
        and not doc[end].whitespace_
        and (doc[end + 1].is_alpha or doc[end + 1].is_digit)
    ):
        end += 2
    return end


def _dashed_modifier(token: Token, left: int) -> int:
    """The start of a name whose first word the parser took for its head across a spaced
    dash: "Vietnam" in "the Vietnam \u2013 Russia Business Forum"."""
    head = token.head
    if (
        token.dep_ == "appos"
        and head.pos_ == "PROPN"
        and head.i == left - 2
        and token.doc[left - 1].text in {"-", "\u2013", "\u2014"}
    ):
        return head.i
    return left


def _coordinated_modifier(token: Token, left: int) -> int:
    """The start of a phrase whose first modifier the parser took for a noun coordinated
    with it: "trade" in "trade and investment deals"."""
    head = token.head
    between = token.doc[head.i + 1 : left]
    if (
        token.dep_ == "conj"
        and head.i < token.i
        and head.pos_ == "NOUN"
        and not any(c.dep_ in {"det", "prep"} for c in (*head.children, *token.lefts))
        and head.lemma_.lower() not in heads("agreement") | heads("event")
        and [t.lower_ for t in between] in (["and"], ["or"])
    ):
        return head.i
    return left


_COMPLEMENTS = {
    "visit": {"to"},
    "trip": {"to"},
    "talk": {"with"},
    "talks": {"with"},
}


def _temporal(prep: Token) -> bool:
    """ "on 22 September", "on the sidelines of the summit": when or where, not what."""
    return any(
        c.ent_type_ in {"DATE", "TIME"} or c.lemma_.lower() in {"sideline", "margin"}
        for c in prep.children
    )


_ALWAYS_PLURAL = {"talk", "talks", "negotiation", "negotiations", "consultation", "consultations"}
_HOLD = {"hold", "conduct"}  # "held discussions" are talks that took place, not a kind
_COUNTING = {"two", "three", "four", "both", "bilateral", "series"}  # not "several meetings"
_CLAUSE_DEPS = {"acl", "relcl", "advcl", "appos", "punct", "parataxis", "dep"}


def _noun_phrase_end(token: Token, inner: bool = False) -> int:
    """End of the noun phrase under ``token``, without the clauses, appositions and
    adverbial phrases that hang off it ("of Irkutsk Oblast headed by ..." ends after
    "Oblast"; "Commission on Cooperation, the press service ..." after "Cooperation").
    Inside a complement, "in" and "to" say what, not where ("on cooperation in the energy
    sector", "on amendments to the trade agreement"), unless a place or a date follows."""
    end = token.i + 1
    short = _past_brackets(token.doc, end)  # "a memorandum (MoU) between ..."
    for child in token.rights:
        if _listing(child) or child.i < short:
            continue  # "on education, agriculture and trade"
        if child.dep_ in _CLAUSE_DEPS or (
            child.dep_ == "prep"
            and (
                (
                    child.lower_ not in {"of", "on", "for", "between"}
                    and not (inner and child.lower_ in {"in", "to"} and not _where_or_when(child))
                )
                or (child.lower_ == "on" and _temporal(child))  # "... agreement on Friday"
            )
        ):
            break
        if child.dep_ == "conj" and _new_phrase(child, _between(token)):
            break  # "... on investment cooperation and an agreement on visa exemption"
        end = max(end, _noun_phrase_end(child, inner or child.dep_ == "pobj"))
    doc = token.doc
    while end - 1 > token.i and (doc[end - 1].dep_ == "cc" or doc[end - 1].text in {",", ";"}):
        end -= 1  # "the X Forum and the Y park": the forum, without the "and"
    return end


def _listing(comma: Token) -> bool:
    """A comma between the items of a list of common nouns ("education, agriculture and
    trade") or of countries ("the ministers of A, B and C"; a delegation is one country's,
    so not "the delegation of A, B and C"), not one before an apposition ("the Prime
    Ministers of A and B, X and Y")."""
    after = next((c for c in comma.head.rights if c.dep_ == "conj" and c.i > comma.i), None)
    owner = comma.head.head.head  # "delegation" of "delegation of A, B and C"
    return (
        comma.text == ","
        and after is not None
        and all(t.dep_ == "cc" for t in comma.doc[comma.i + 1 : after.left_edge.i])  # ", and"
        and (
            comma.head.pos_ == after.pos_ == "NOUN"
            or (comma.head.ent_type_ == after.ent_type_ == "GPE" and owner.lemma_ != "delegation")
        )
        and not _new_phrase(after)
    )


def _between(token: Token) -> bool:
    """The first of the parties "between" names ("between Kazakhstan and the UK")."""
    return token.dep_ == "pobj" and token.head.lower_ == "between"


def _where_or_when(prep: Token) -> bool:
    """A place or a date after "in": a name, or a capital or city ("in the Lao capital")."""
    return any(t.ent_type_ in {"GPE", "LOC", "FAC", "DATE", "TIME"} for t in prep.subtree) or any(
        c.dep_ == "pobj" and c.lemma_ in {"capital", "city"} for c in prep.children
    )


def _new_phrase(token: Token, party: bool = False) -> bool:
    """A coordinated noun that starts a phrase of its own: with its own determiner (not the
    second ``party`` of "between A and the B"), or an agreement's or event's head word ("a
    protocol and a roadmap", "talks and a dinner")."""
    lemma = token.lemma_.lower()
    return (
        (not party and any(c.dep_ == "det" for c in token.lefts))
        or lemma in heads("agreement")
        or lemma in heads("event")
    )


def _of_signing(ceremony: Token, phrase: Span) -> bool:
    """Whether a ceremony is a signing: "the signing ceremony", "a ceremony in which twelve
    agreements were signed", "a ceremony to sign the treaty"."""
    return any(t.lower_ == "signing" for t in phrase) or any(
        c.dep_ in {"relcl", "acl"} and c.lemma_ in {"sign", "ink"} for c in ceremony.children
    )


def _government(token: Token, named: dict[int, Mention]) -> Mention | None:
    """A country's government named by the country ("the Russian government", "the UK
    Government", "the government of Kyrgyzstan"), a body; not a word of another name ("the
    Kazakh government delegation", "government officials"), nor several ("the Georgian and
    Armenian governments"), nor a party an agreement's name names ("the Agreement between the
    Government of X and ..."), nor one shared with others ("the government and people of X")."""
    doc = token.doc
    if (
        any(
            a.lower_ == "between" and a.head.lemma_.lower() in heads("agreement")
            for a in token.ancestors
        )
        or token.dep_ in {"compound", "amod"}
        or token.tag_ == "NNS"
        or (token.i + 1 < len(doc) and doc[token.i + 1].pos_ in {"NOUN", "PROPN"})
    ):
        return None
    before = named.get(token.i - 1)
    of = next((c for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    of = of if of is not None and of.i == token.i + 1 else None
    after = next((named.get(o.i) for o in of.children if o.dep_ == "pobj"), None) if of else None
    country = before if before is not None and before.span.end == token.i else after
    if country is None or country.type != "Country":
        return None
    start, end = (
        (country.span.start, token.i + 1) if country is before else (token.i, country.span.end)
    )
    return Mention(doc[start:end], "Organization", "GovernmentBody", None, country.qid)


def _nominal(doc: Doc, named: dict[int, Mention]) -> list[Mention]:
    mentions = []
    events, agreements = heads("event"), heads("agreement")
    for token in tokens_with(doc, "POS", ("NOUN", "PROPN")):
        if token.i in named or any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
            continue  # "no agreement was signed": no agreement to speak of
        lemma = token.lemma_.lower()
        if lemma == "delegation" and not _hyphened_modifier(token):
            mentions.append(Mention(_phrase(token, named), "Delegation", "Delegation"))
        elif lemma == "government" and (government := _government(token, named)) is not None:
            mentions.append(government)
        elif (lemma in word_list("site_heads") and _named_site(token)) or _venue(token):
            mentions.append(Mention(_phrase(token, named), "Place", "Site"))
        elif lemma in REGION_WORDS and (region := _region_name(token)):
            mentions.append(Mention(region, "Place", "Region"))
        elif _numbered_sitting(token):  # "the 20th Australia-India Joint Commission"
            mentions.append(Mention(_phrase(token, named), "Event", "Session"))
        elif (lemma in events and _is_event_use(token)) or _named_by(token, events):
            cls = events.get(lemma) or events[_named_by(token, events)]
            phrase = _phrase(token, named)
            if cls == "PhoneCall" and any(c.lower_ in _FACE_TO_FACE for c in token.lefts):
                cls = "Meeting"  # "a courtesy call on the President", "a private conversation"
            elif cls == "PhoneCall" and _on_the_sidelines(token):
                cls = "Meeting"  # "on the sidelines of the forum, X had a conversation with Y"
            elif cls in {"Talks", "Meeting"} and any(c.lower_ in REMOTE for c in token.lefts):
                cls = "PhoneCall"  # "phone talks", "a video conference meeting"
            elif cls == "Meeting" and any(c.lower_ in _TO_THE_PRESS for c in token.lefts):
                cls = "Conference"  # "a press meeting", "a joint media meeting"
            if lemma == "ceremony" and _of_signing(token, phrase):
                cls = "SigningCeremony"  # not a welcome or an opening ceremony
            mentions.append(Mention(phrase, "Event", cls))
        elif (
            lemma in agreements
            or (lemma == "statement" and any(c.lower_ == "joint" for c in token.lefts))
            or (lemma in _SIGNED_ONLY and _signed_document(token))
            or _document_phrase(token)
        ):  # "a joint statement" is a document its parties sign, a statement alone is not
            phrase = _phrase(token, named)
            if _only_praised(phrase, token):
                continue  # "very important agreements": which ones, the article does not say
            if _schedule(token, events):
                continue  # "the programme of the visit": what the visit held, no document
            cls = agreements.get(lemma) or _document_phrase(token) or "Agreement"
            mentions.append(Mention(phrase, "Agreement", cls))
    return mentions


_VENUES = {"Convention", "Conference", "Exhibition", "Expo", "Congress", "Exposition"}


def _venue_centre(span: Span) -> bool:
    """A centre that is a building events are held in ("the Kenyatta International Convention
    Centre", "the Expo Centre"), not a body ("the Centre for Strategic Studies")."""
    return len(span) > 1 and span[-2].text in _VENUES


def _numbered_sitting(token: Token) -> bool:
    """Whether a body's capitalized name the recognizer did not take whole is numbered as
    its sittings are ("the 20th Australia-India Joint Ministerial Commission was held"): a
    sitting of it, as ``_named_event`` reads such a name when it is recognized."""
    return (
        token.is_title
        and token.lemma_.lower() in _NUMBERED_SITTINGS
        and token.dep_ != "compound"
        and any(c.ent_type_ == "ORDINAL" or _ORDINAL.fullmatch(c.lower_) for c in token.lefts)
    )


def _on_the_sidelines(token: Token) -> bool:
    """Whether a word of a call is said on the sidelines of a gathering, not by phone."""
    return not any(c.lower_ in REMOTE for c in token.lefts) and any(
        t.lemma_.lower() in SIDELINES for t in token.sent
    )


def _named_by(token: Token, events: dict[str, str]) -> str:
    """The event word of a name written in capitals after it ("the International Industrial
    Exhibition INNOPROM"), or ""."""
    if not (token.pos_ == "PROPN" and token.is_upper and len(token) > 2):
        return ""
    word = next((c for c in token.lefts if c.i == token.i - 1 and c.dep_ == "compound"), None)
    lemma = word.lemma_.lower() if word is not None and word.is_title else ""
    return lemma if lemma in events else ""


def _hyphened_modifier(token: Token) -> bool:
    """The first word of a hyphened modifier ("delegation-level talks"): it names a kind of
    what follows, not a thing of its own."""
    doc = token.doc
    return (
        token.i + 2 < len(doc)
        and not token.whitespace_
        and doc[token.i + 1].text == "-"
        and not doc[token.i + 1].whitespace_
        and token.head.i == token.i + 2
        and token.head.dep_ in {"compound", "amod"}
    )


_WEIGHTY = {"important", "significant", "major", "key", "crucial", "vital", "enough", "many"}


def _only_praised(phrase: Span, head: Token) -> bool:
    """A document's phrase that says no more of it than how much it matters or how many
    there are ("very important agreements", "enough agreements")."""
    told = [t for t in phrase if t.i != head.i and t.dep_ not in {"det", "advmod", "punct"}]
    return bool(told) and phrase[-1] == head and all(t.lower_ in _WEIGHTY for t in told)


SIGNING_WORDS = {
    *("sign", "signs", "signed", "ink", "inks", "inked", "seal", "seals", "sealed"),
    *("initialled", "initialed"),
}


def _after_signing_words(mentions: list[Mention], kb: KnowledgeBase) -> list[Mention]:
    """An agreement taken with the headline words before it ("Kazakhstan, Uzbekistan sign
    agreement on water", "Chile and Peru Sign Agreement on Trade", where the parser read no
    verb) starts after the signing word; the countries before it stay countries."""
    found = []
    covered = {
        i for m in mentions if m.type != "Agreement" for i in range(m.span.start, m.span.end)
    }
    for m in mentions:
        cut = [t for t in m.span[:-1] if t.lower_ in SIGNING_WORDS] if m.type == "Agreement" else []
        if not cut:
            found.append(m)
            continue
        before = m.span.doc[m.span.start : cut[-1].i]
        found.extend(c for c in _countries_inside(before, kb) if c.span.start not in covered)
        found.append(Mention(_strip(m.span.doc[cut[-1].i + 1 : m.span.end]), m.type, m.cls))
    return found


def _titles(mentions: list[Mention]) -> list[Mention]:
    """Agreements named by a title, quoted or capitalized, the whole title each, without the
    bodies the parser found in its words ("“Programme on the Development of Cooperation
    between A and B”", "the Declaration on Strategic Partnership": no organization
    "Development of Cooperation" nor "Strategic Partnership"; A and B stay, its parties)."""
    found, titles = [], []
    for m in mentions:
        title = None
        if m.type == "Agreement":
            title = _quoted_title(m.span) or _capitalized_title(m.span)
            if title is None and m.span.root.is_title:
                title = m.span  # "a Memorandum of Understanding on River Pilotage"
        if title is not None:
            titles.append(_topic(title))
            m = Mention(title, m.type, m.cls, m.qid, m.country)
        found.append(m)
    return [
        m
        for m in found
        if m.type not in {"Organization", "Person"}
        or not any(t.start <= m.span.start and m.span.end <= t.end for t in titles)
    ]


def _topic(title: Span) -> Span:
    """The words of a document's title that say what it is on, where a body's name is no
    body: from its "on", "in" or "for" up to the parties it is "between" ("... on Digital
    Trade between Austrade and Invest India"), not the body it is "of" ("the Protocol of the
    Commission")."""
    start = next((t.i for t in title if t.lower_ in {"on", "in", "for"}), title.end)
    end = next((t.i for t in title if t.lower_ == "between"), title.end)
    return title.doc[start : max(start, end)]


_TITLE_JOINS = {"on", "of", "between", "for", "and", "the"}


def _capitalized_title(phrase: Span) -> Span | None:
    """The title of a document named in capitals from its capitalized head word on, over
    the capitalized words and joining words of its complement ("the Treaty on Allied
    Relations", "the Agreement on Cooperation in Veterinary Medicine"), where the phrase
    stops short; not over "in" before a place ("... Partnership in Accra")."""
    doc, sentence = phrase.doc, phrase.sent
    head = phrase[-1]
    if not head.is_title or phrase.end >= sentence.end:
        return None
    first = doc[phrase.end]
    if first.lower_ not in {"on", "of", "between", "for"} and not (
        first.lower_ == "in" and _title_join(first)
    ):
        return None
    end = phrase.end
    for t in doc[phrase.end : sentence.end]:
        if (t.is_title or (t.is_upper and t.is_alpha)) and t.ent_type_ not in {"DATE", "TIME"}:
            end = t.i + 1  # "... between Kazakhstan and the UK"
        elif not _title_join(t):
            break
    return doc[phrase.start : end] if end > phrase.end + 1 else None


def _title_join(token: Token) -> bool:
    """Whether a word joins the words of a document's title: "on", "of", "for" ..., and
    "in" before a field ("in Veterinary Medicine", "in the Field of"), not before a place."""
    if token.lower_ != "in":
        return token.lower_ in _TITLE_JOINS
    doc = token.doc
    start = token.i + 1 + (token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "the")
    end = start
    while end < token.sent.end and doc[end].is_title:
        end += 1
    words = doc[start:end]
    return bool(words) and not (
        any(t.ent_type_ in _NO_FIELD for t in words)
        or KnowledgeBase.load().lookup(words.text, ("Place", "Country"))
    )


_NO_FIELD = {"GPE", "LOC", "FAC", "DATE", "TIME"}  # a place or a time: no field


def _quoted_title(phrase: Span) -> Span | None:
    """The whole title of a document the text quotes from its head word on ("the “Program
    on the Development of Cooperation between A and B for 2022-2026”"), not the part before
    the first name inside it."""
    doc, sentence = phrase.doc, phrase.sent
    opening = next(
        (t for t in (doc[phrase.start - 1 : phrase.start + 1]) if t.text in QUOTES), None
    )
    if opening is None or opening.i + 1 >= sentence.end:
        return None
    closing = next(
        (
            t
            for t in doc[opening.i + 1 : min(sentence.end, opening.i + 40)]
            if t.text == QUOTES[opening.text]
        ),
        None,
    )
    if closing is None or closing.i <= phrase.end - 1 or closing.i - opening.i < 2:
        return None
    end = closing.i
    while end > opening.i + 2 and doc[end - 1].is_punct:
        end -= 1  # "“... between the two countries,”": the comma is the sentence's
    title = doc[opening.i + 1 : end]
    if any(t.tag_ in {"VBD", "VBZ", "VBP", "MD"} or t.pos_ == "AUX" for t in title):
        return None  # a quoted sentence, not a title
    return title


_SIGNED_ONLY = {"plan", "arrangement", "minutes", "minute", "instrument"}


def _schedule(token: Token, events: dict[str, str]) -> bool:
    """A programme of an event ("the programme of the visit", "the forum's programme", "the
    visit programme"): its schedule, not a document."""
    if token.lemma_.lower() not in {"programme", "program"}:
        return False
    owners = [c for c in token.lefts if c.dep_ in {"compound", "poss"}]
    owners += [o for c in token.rights if c.lower_ == "of" for o in c.children]
    return any(o.lemma_.lower() in events for o in owners)


def _document_phrase(token: Token) -> str | None:
    """The class of a document a common word names with another ("a road map", "a letter
    of intent"), not alone ("a map", "a letter")."""
    lemma = token.lemma_.lower()
    if lemma == "map" and any(c.lower_ == "road" for c in token.lefts):
        return "Roadmap"
    if lemma == "letter" and any(
        c.lower_ == "of" and any(o.lower_ == "intent" for o in c.children) for c in token.rights
    ):
        return "Agreement"
    return None


_SIGNS = {"sign", "ink", "pen"}


def _signed_document(token: Token) -> bool:
    """ "Signed an action plan", "the plan of consultations was signed", "the minutes signed
    by": a plan, an arrangement or minutes are documents where the text says they were
    signed, not elsewhere ("a plan to build a railway"); also one listed with a document
    so told ("signed an agreement and a plan of action"), or with an agreement, or among
    documents ("the documents include an action plan, a framework agreement and a
    protocol")."""
    listing = [*token.conjuncts, *(c for c in token.children if c.dep_ == "appos")]
    if token.dep_ == "dobj" and token.head.lemma_ == "include":
        listing += [c for c in token.head.children if c.dep_ == "nsubj"]
    if any(agreement_class(c.text) for c in listing):
        return True
    listed = any(c.dep_ == "det" for c in token.lefts)  # "a plan", not a word of a name
    while token.dep_ == "conj" and token.head.pos_ in {"NOUN", "PROPN"}:
        token = token.head
        if listed and token.dep_ == "pobj" and token.head.head.pos_ in {"NOUN", "PROPN"}:
            token = token.head.head  # the parser hangs it on the last word of the name before
    head = token.head
    return (
        (token.dep_ in {"dobj", "nsubjpass"} and head.lemma_ in _SIGNS)
        or any(c.lemma_ in _SIGNS and c.dep_ in {"acl", "amod", "relcl"} for c in token.children)
        or (token.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ == "signing")
    )


def _owned(span: Span) -> bool:
    """A phrase a possessive pronoun opens ("his Mausoleum")."""
    return span.start > 0 and span.doc[span.start - 1].tag_ == "PRP$"


def _named_site(token: Token) -> bool:
    """ "The Uzbek presidential residence", "the KazBelAZ plant", "the port of Dar es
    Salaam", "the presidential palace": a site with a name or a demonym in front, a named
    place after "of" (where a venture or enterprise "of" names its owners), a memorial of a
    named person ("the tomb of Luís de Camões", "the monument to Heydar Aliyev"), or a head
    of state's or government's seat, not "the building"."""
    return (
        _memorial_of(token)
        or any(
            c.dep_ in {"compound", "amod", "nmod"}
            and (
                c.pos_ == "PROPN"
                or c.ent_type_ in {"NORP", "GPE", "ORG"}
                or (c.lower_ in _SEATS and token.lemma_ in _SEAT_HEADS)
            )
            for c in token.lefts
        )
        or (
            token.lemma_ not in _BODIES
            and any(
                of.lower_ == "of"
                and any(n.dep_ == "pobj" and n.ent_type_ in _SITE_OWNERS for n in of.children)
                for of in token.rights
            )
        )
    )


def _site_named_after(span: Span) -> Span | None:
    """A site's word the recognizer took for a body, with the capitalized name "of" it,
    whole ("the Alley of Honors") or left out ("Alley" of "the Alley of Honor"), as one
    site's name."""
    doc, end = span.doc, span.end
    if span[0].lower_ not in word_list("site_heads") or not span[0].is_title:
        return None
    if len(span) > 2 and span[1].lower_ == "of":
        return span
    if len(span) != 1:
        return None
    if end + 1 >= len(doc) or doc[end].lower_ != "of":
        return None
    last = end + 1
    while last < min(len(doc), end + 4) and doc[last].is_title and not doc[last].ent_type_:
        last += 1
    return doc[span.start : last] if last > end + 1 else None


_SEAT_WORDS = {"House", "Office", "Palace", "Residence", "Secretariat"}


def _titled_seat(span: Span, in_titles: dict[int, Span]) -> Span | None:
    """An office holder's building the recognizer took for its last word alone ("House" of
    "the Prime Minister's House"), as the whole name."""
    doc, start = span.doc, span.start
    if len(span) != 1 or span.text not in _SEAT_WORDS or start < 2:
        return None
    title = in_titles.get(start - 2)
    if doc[start - 1].lower_ not in {"'s", "’s"} or title is None or title.end != start - 1:
        return None
    return doc[title.start : span.end]


def _memorial_of(token: Token) -> bool:
    return token.lemma_ in _MEMORIALS and any(
        p.lower_ in {"of", "to"}
        and any(
            n.dep_ == "pobj" and (n.pos_ == "PROPN" or n.ent_type_ == "PERSON") for n in p.children
        )
        for p in token.rights
    )


_SITE_OWNERS = {"GPE", "LOC", "FAC"}
_MEMORIALS = {"tomb", "grave", "mausoleum", "memorial", "monument", "statue"}
# A head of state's or government's seat: "the presidential compound", "his official residence".
_SEATS = {"presidential", "royal", "official"}
_SEAT_HEADS = {"palace", "residence", "compound", "complex"}
_BODIES = {"venture", "enterprise"}


_GATHER = {"hold", "meet", "talk", "sign", "receive", "welcome", "host", "gather", "convene"}


def _venue(token: Token) -> bool:
    """ "Held talks at Sunnylands": a name the recognizer did not take, where people met."""
    return (
        not token.ent_type_
        and _where_people_met(token)
        and not any(c.dep_ == "det" for c in token.children)
    )


def _where_people_met(token: Token) -> bool:
    """A name ``token`` ends that is what the "at" of a verb of meeting or an event noun
    governs ("held talks at Sunnylands", "received X at Qasr Al Watan", "the talks took place
    at the Akorda"): where people met."""
    at_word = token.head
    verb = at_word.head
    return (
        token.pos_ == "PROPN"
        and token.dep_ == "pobj"
        and at_word.lower_ == "at"
        and (
            verb.lemma_ in _GATHER
            or verb.lemma_.lower() in heads("event")
            or (verb.lemma_ == "take" and any(c.lower_ == "place" for c in verb.children))
        )
    )


def _region_name(token: Token) -> Span | None:
    """ "Western region", "Rift Valley region": a region named by capitalized words."""
    doc = token.doc
    start = token.left_edge.i
    while start < token.i and doc[start].dep_ == "det":
        start += 1
    words = doc[start : token.i]
    if token.lower_ == "state" or token.tag_ == "NNS" or not words:
        return None  # "the Central Asian states", "a West African state": no place's name
    if not all(t.is_title and not t.is_sent_start and t.ent_type_ != "NORP" for t in words):
        return None
    return doc[start : token.i + 1]


def _is_event_use(token: Token) -> bool:
    """``meeting``/``visit`` as an event noun, not as a compound modifier, a verb, or a
    kind of event in general ("regular visits of governors", "we have had meetings")."""
    if token.dep_ in {"compound", "amod"}:
        return False  # "breakfast meeting", "summit talks": a modifier of another noun
    if token.lemma_ == "round" and not any(c.lower_ == "of" for c in token.rights):
        return False  # "a round of talks", not "19 artillery rounds"
    if token.lemma_ == "dialogue" and not any(_names_a_dialogue(c) for c in token.lefts):
        return False  # "the interstate dialogue", "active political dialogue": relations
    if token.lower_ == "signing" and _outcome(token):
        return False  # "the talks resulted in the signing of a protocol": what came of them
    if token.lemma_ == "call" and any(c.lower_ == "for" for c in token.rights):
        return False  # "renewed its call for a settlement": an appeal, not a telephone call
    if token.lemma_ in {"reception", "welcome"} and any(
        c.lower_ in _HOSPITABLE for c in token.lefts
    ):
        return False  # "thanked Ghana for the warm reception accorded him": hospitality
    if token.lemma_ == "mission" and not any(c.lower_ in _TRADE for c in token.lefts):
        return False  # "a trade mission", not "the permanent mission" (a body)
    if _topic_of_agreement(token):
        return False  # "a memorandum on political consultations": what it provides for
    if token.tag_ == "NN" and token.lemma_ in _TALKING and not list(token.lefts):
        return False  # "put emphasis on discussion", "resolved through dialogue": talking
    if (
        token.tag_ == "NNS"
        and token.lemma_ not in _ALWAYS_PLURAL
        and not any(
            c.dep_ in {"det", "poss", "nummod"} or c.like_num or c.lower_ in _COUNTING
            for c in token.lefts
        )
        and not any(c.dep_ == "prep" and c.lower_ == "between" for c in token.rights)
        and not (token.lower_ == "discussions" and token.head.lemma_ in _HOLD)
    ):
        return False  # "meetings between X and Y" name theirs, "they held discussions" too
    return token.tag_ != "VBG" or token.dep_ in {"pobj", "dobj", "nsubj", "nsubjpass", "attr"}


_HOSPITABLE = {"warm", "cordial", "hospitable", "kind", "generous", "friendly", "gracious"}
_TRADE = {"trade", "business", "investment", "commercial", "economic"}
_TALKING = {"discussion", "negotiation", "consultation", "dialogue"}  # as a practice
_OUTCOMES = {"result", "culminate", "lead"}


def _topic_of_agreement(token: Token) -> bool:
    """A noun an agreement is about, or a word of its topic ("a memorandum of understanding
    on political consultations", "... on the establishment of a committee for political
    consultations")."""
    while token.dep_ == "pobj":
        prep, noun = token.head, token.head.head
        if noun.lemma_.lower() in {"result", "outcome"}:
            return False  # "a protocol on the results of the 10th session": a real one
        if prep.lower_ in {"on", "about", "concerning", "regarding"}:
            if noun.pos_ in {"VERB", "AUX"} and prep.i > 0:
                noun = prep.doc[prep.i - 1]  # "signed an MoU on political consultations",
                # parsed as the verb's
            while noun.dep_ == "pobj" and noun.head.lower_ == "of":
                noun = noun.head.head  # "memorandum" of "memorandum of understanding"
            return noun.lemma_.lower() in heads("agreement")
        token = noun
    return False


def _outcome(token: Token) -> bool:
    """A noun that says what something came to ("resulted in", "culminate in", "led to")."""
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ in {"in", "to"} and prep.head.lemma_ in _OUTCOMES


def _names_a_dialogue(token: Token) -> bool:
    """A word that makes a dialogue a forum of its own ("the Indo-Pacific dialogue", "the
    vice-ministerial strategic dialogue")."""
    return token.pos_ == "PROPN" or any(w in token.lower_ for w in ("strategic", "ministerial"))


def _capitals(doc: Doc, named: dict[int, Mention], kb: KnowledgeBase) -> list[Mention]:
    """ "The Uzbek capital", "Australia's capital", "the capital of Uzbekistan": the capital
    city of the country named, when the knowledge base knows it and the text does not name
    the city right there ("the Turkish capital Ankara")."""
    found = []
    for token in tokens_with(doc, "LOWER", ["capital"]):
        if token.pos_ != "NOUN" or any(c.dep_ == "appos" for c in token.children):
            continue
        after = named.get(token.i + 1) or named.get(token.i + 2)
        if after is not None and after.type == "Place" and after.span.start <= token.i + 2:
            continue
        countries = [
            named.get(c.i) for c in token.children if c.dep_ in {"poss", "amod", "compound"}
        ] + [
            named.get(o.i)
            for c in token.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for o in c.children
        ]
        country = next((m for m in countries if m is not None and m.type == "Country"), None)
        if country is None or country.qid is None or country.qid not in kb:
            continue
        capital = kb[country.qid].capital
        if capital is None or capital not in kb:
            continue
        start = min(token.i, country.span.start)
        end = max(token.i + 1, country.span.end)
        found.append(Mention(doc[start:end], "Place", "City", capital, country.qid, anaphor=True))
    return found


def find_mentions(doc: Doc, dateline: str | None = None) -> list[Mention]:
    """Every typed mention in ``doc``, in text order; ``dateline`` is the place the article
    was filed from, if known."""
    kb = KnowledgeBase.load()
    named = _surnames_as_people(doc, _unrecognized_people(doc, _named(doc, kb, dateline), kb))
    named = _companies_named_after(doc, named + _companies_in_titles(doc, named), kb)
    named = _companies_beside_bodies(doc, named, kb)
    by_token = {i: m for m in named for i in range(m.span.start, m.span.end)}
    mentions = named + _nominal(doc, by_token) + _capitals(doc, by_token, kb)
    mentions = _titles(_after_signing_words(mentions, kb))
    mentions = [m for m in mentions if any(c.isalpha() for c in m.text)]  # not a stray "-"
    mentions = _outside_agreements(_agreement_acronyms(mentions))
    mentions.sort(key=lambda m: (m.span.start, -m.span.end))
    return mentions


def _companies_in_titles(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A company no one tagged that a title is of, named by one word with capitals inside
    ("Chairman of KazMunayGas X")."""
    taken = {i for m in mentions for i in range(m.span.start, m.span.end)}
    return [
        Mention(doc[t.i : t.i + 1], "Organization", "Company")
        for title in doc.spans.get(SPAN_KEY, [])
        for t in title
        if t.i not in taken and t.i > title.start and camel(t) and t.nbor(-1).lower_ == "of"
    ]


def _companies_named_after(doc: Doc, mentions: list[Mention], kb: KnowledgeBase) -> list[Mention]:
    """A company named in apposition after a company's word ("national company KazMunayGas",
    "the Chinese company Sinoterra"), up to three capitalized words: a body, where no one
    tagged it or the recognizer took it for a place it does not know."""
    places = {m.span.start: m for m in mentions if m.type == "Place" and m.qid is None}
    taken = {i for m in mentions for i in range(m.span.start, m.span.end)} - {
        i for m in places.values() for i in range(m.span.start, m.span.end)
    }
    found = []
    for word in tokens_with(doc, "LOWER", COMPANY_WORDS):
        if not word.is_lower:
            continue  # "World Bank Vice President X": a name's own word
        end = word.i + 1
        while end < min(len(doc), word.i + 4) and doc[end].pos_ == "PROPN" and end not in taken:
            end += 1
        name = doc[word.i + 1 : end]
        place = places.get(word.i + 1)
        if (
            name
            and (place is None or place.span.end == end)
            and all(t.text[:1].isupper() and t.ent_type_ in {"", "ORG", "LOC"} for t in name)
            and _kb(kb, name.text, ("Country", "Place", "Person")) is None
            and not demonym(name.text)
        ):
            found.append(Mention(name, "Organization", "Company"))
    ends = {m.span.end for m in found}
    return [m for m in mentions if m.span.end not in ends] + found


def _companies_beside_bodies(doc: Doc, mentions: list[Mention], kb: KnowledgeBase) -> list[Mention]:
    """A name coordinated with a body: a company, where no one tagged it and it has capitals
    inside ("KazMunayGas and CNPC signed"), or where the two are those a document was signed
    "between" and kg knows no country, place or person by the name ("an agreement signed
    between AD Ports Group and Pelindo", "a deal inked between Masdar and the state utility
    PLN")."""
    places = {m.span.start: m for m in mentions if m.type == "Place" and m.qid is None}
    taken = {i for m in mentions for i in range(m.span.start, m.span.end)}
    bodies = {m.root.i for m in mentions if m.type == "Organization"}
    found = []
    for t in doc:
        beside = [c for c in t.conjuncts if c.i in bodies or c.lemma_ in COMPANY_WORDS]
        if t.pos_ != "PROPN" or not beside:
            continue
        if t.i not in taken and not t.ent_type_ and camel(t) and not t.is_upper:
            found.append(Mention(doc[t.i : t.i + 1], "Organization", "Company"))
            continue
        name = places[t.i].span if t.i in places else doc[t.i : t.i + 1]
        if (
            _signed_between(t)
            and (t.i in places or (t.i not in taken and t.ent_type_ in {"", "PRODUCT"}))
            and name.root.i == t.i
            and not any(c.dep_ in {"prep", "det", "amod", "compound"} for c in t.children)
            and _kb(kb, name.text, ("Country", "Place", "Person")) is None
        ):
            found.append(Mention(name, "Organization", "Company"))
    starts = {m.span.start for m in found}
    return [m for m in mentions if m.span.start not in starts] + found


def _signed_between(party: Token) -> bool:
    """Whether a name is one of those a document was signed between ("signed between A and
    B", "an agreement between A and B")."""
    while party.dep_ == "conj":
        party = party.head
    prep = party.head
    return (
        party.dep_ == "pobj"
        and prep.lower_ == "between"
        and (prep.head.lemma_ in _SIGNS or agreement_class(prep.head.text) is not None)
    )


def _agreement_acronyms(mentions: list[Mention]) -> list[Mention]:
    """An agreement's short form, given in brackets after its name ("the Comprehensive
    Economic Partnership Agreement (CEPA)"), which the recognizer took for a body's, wherever
    the article writes it ("UAE, Indonesia sign CEPA"): the agreement's."""
    given: dict[str, str] = {}
    for m in mentions:
        if m.type == "Agreement":
            doc, end = m.span.doc, m.span.end
            inside = [t for t in m.span if t.i > m.span.start + 1 and t.nbor(-1).text == "("]
            after = [doc[end + 1]] if end + 2 < len(doc) and doc[end].text == "(" else []
            for t in inside + after:  # the short form of the document's word, not of a body
                if t.is_upper and t.nbor(1).text == ")" and t.nbor(-2).i == m.root.i:
                    given.setdefault(t.text, m.cls)
    return [
        Mention(m.span, "Agreement", given[m.text])
        if m.type == "Organization" and m.qid is None and m.text in given
        else m
        for m in mentions
    ]


def _outside_agreements(mentions: list[Mention]) -> list[Mention]:
    """Without the agreements named inside another's name ("the trade agreement" of "a
    protocol on amendments to the trade agreement"): words of its name, not a document the
    article tells of."""
    names = [m.span for m in mentions if m.type == "Agreement"]
    return [
        m
        for m in mentions
        if m.type != "Agreement"
        or not any(
            n.start <= m.span.start and m.span.end <= n.end and len(n) > len(m.span) for n in names
        )
    ]


def around(mention: Mention) -> bool:
    """An event named only as a time frame ("on the eve of the session", "ahead of the
    summit", "after the talks", "as part of the forum", "as part of his participation in the
    summit"): what the sentence tells happened beside it, not in it."""
    return _framed(mention, _AROUND)


def within(mention: Mention) -> bool:
    """An event named only as what holds what the sentence tells ("on the sidelines of the
    summit", "as part of his tour of the region"): a larger event, maybe elsewhere."""
    return _framed(mention, _WITHIN)


def _framed(mention: Mention, words: set[str]) -> bool:
    """Whether a mention is the complement of one of ``words`` ("the eve of", "part of"), or
    of such a preposition ("after the talks")."""
    token = mention.root
    while token.dep_ in {"pobj", "compound", "prep"} and token.head.i != token.i:
        token = token.head
        if token.lower_ in words:
            return True
        if token.lower_ == "to" and token.head.lower_ == "prior":
            continue  # "prior to the talks", as "ahead of the talks"
        if token.pos_ == "ADP" and token.lower_ != "of" and token.head.lemma_ not in TAKING_PART:
            return token.lower_ in words & _TIMES  # "after the talks"
    return False
