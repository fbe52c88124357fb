"""``kg_titles``: a spaCy component that finds titles of office ("First Deputy Prime Minister",
"Minister of Foreign Affairs of the Republic of Kazakhstan", "Ambassador of Russia to
Kazakhstan") and puts them in ``doc.spans["kg_titles"]``.

Heads come from ``data/gazetteer/titles.txt`` (and "the head of the [Uzbek] government or
state"); the component widens each to the left with
modifiers (``title_modifiers.txt``) and to the right with an ``of``/``for``/``to`` complement
made of capitalized words, stopping at a person's name.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kg.nlp.gazetteer import (
    JOINED_INITIALS,
    country_named,
    field_words,
    honour,
    portfolio_word,
    word_list,
)

__all__ = ["SPAN_KEY", "TitleComponent", "camel", "given_title", "titles_by_word"]

SPAN_KEY = "kg_titles"
_COMPLEMENT_PREPS = {"of", "for", "to", "in"}
_LINKERS = {"and", "&", "of", "the", "for", "-"}
_DIPLOMATS = {
    "ambassador",
    "envoy",
    "representative",
    "consul",
    "attaché",
    "attache",
    "chargé",
    "commissioner",  # a high commissioner: a Commonwealth country's ambassador
}
_GIVEN_TITLES = {"Sultan", "Amir"}  # titles that are given names too, not styles ("Sheikh")
_AIDES = {"adviser", "advisor", "assistant", "aide", "secretary", "counsellor", "counselor"}


class TitleComponent:
    """Finds titles of office (see the module docstring)."""

    def __init__(self, nlp: Language, name: str = "kg_titles"):
        self.name = name
        self.modifiers = word_list("title_modifiers")
        heads = sorted(word_list("titles"))
        self.last_words = {  # "Advisor" of "Security Advisor", not "Affairs"
            h.split()[-1] for h in heads if not {"of", "for", "to"} & set(h.split())
        }
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.matcher.add("TITLE", [nlp.make_doc(h) for h in heads])
        lower = [h.lower() for h in heads if h.lower() in word_list("titles_lowercase")]
        self.matcher.add("TITLE", [nlp.make_doc(h) for h in lower])
        self.heads_of = Matcher(nlp.vocab)  # "the head of the Uzbek government"
        self.heads_of.add(
            "TITLE",
            [
                [
                    {"LOWER": "head"},
                    {"LOWER": "of"},
                    {"LOWER": "the"},
                    {"ENT_TYPE": "NORP", "OP": "?"},
                    {"LOWER": {"IN": ["government", "state"]}},
                ]
            ],
        )

    def __call__(self, doc: Doc) -> Doc:
        found = [*self.matcher(doc), *self.heads_of(doc)]
        spans = [
            self._widen(doc, start, end)
            for _, start, end in found
            if not _joined_to_a_name(doc, end)
        ]
        kept = filter_spans(spans)
        ends = {span.end for span in kept}
        doc.spans[SPAN_KEY] = [  # "... Foreign Affairs Sultan bin Saad": a name's, no title
            span for span in kept if not (span.start in ends and given_title(doc, span.start))
        ]
        return doc

    def _widen(self, doc: Doc, start: int, end: int) -> Span:
        sent_start = doc[start].sent.start
        lower = doc[start].is_lower  # "deputy prime minister of Mongolia", written lower
        while start > sent_start and self._is_modifier(doc[start - 1], lower):
            start -= 1
        words = {t.lower_ for t in doc[start:end]}
        end = self._complement_end(doc, end, bool(_DIPLOMATS & words), bool(_AIDES & words))
        return Span(doc, start, end, label="TITLE")

    def _is_modifier(self, token, lower: bool = False) -> bool:
        text = token.text.capitalize() if lower and token.is_lower else token.text
        return text in self.modifiers and token.ent_type_ != "PERSON"

    def _complement_end(self, doc: Doc, end: int, diplomat: bool, aide: bool) -> int:
        """The end of an ``of ...``/``to ...`` complement after a title head, if any (``in
        ...`` only for a diplomat: "Ambassador of Kazakhstan in Belarus"; ``to ...`` only
        for a diplomat or an aide, "Ambassador to China", "Adviser to the President": in
        "the visit of the President to China" the President is not China's)."""
        sent_end = doc[end - 1].sent.end
        best = end
        i = end
        preps = _COMPLEMENT_PREPS - ({"in"} if not diplomat else set())
        preps -= {"to"} if not (diplomat or aide) else set()
        if _acronym_at(doc, i, sent_end) and i + 3 < sent_end and doc[i + 3].lower_ in preps:
            i += 3  # "Chief Executive Officer (CEO) of the Agency"
        while i < sent_end and doc[i].lower_ in preps:
            j = i + 1
            if j < sent_end and doc[j].lower_ == "the":
                j += 1
            k = _determined_name_end(doc, j) if doc[j - 1].lower_ == "the" else j
            while (
                k < sent_end
                and not self._another_title(doc, k, sent_end)
                and (
                    (self._complement_word(doc[k]) and not _given_name(doc, k))
                    or _listed(doc, k, sent_end)
                    or (  # "of the Xinjiang Region (XUAR) Communist Party"
                        _acronym_at(doc, k, sent_end)
                        and k + 3 < sent_end
                        and self._complement_word(doc[k + 3])
                    )
                )
            ):
                k += 3 if doc[k].text == "(" else 1
                if _country_then_name(doc, j, k, sent_end):
                    break  # "President of Mongolia Natsagiin Bagabandi", a name no one tagged
            while k > j and doc[k - 1].lower_ in _LINKERS:
                k -= 1
            last = max((p for p in range(j, k) if doc[p - 1].lower_ == "the"), default=None)
            k -= 2 if last is not None and _name_at_end(doc, last, k) else 0
            k = _name_after_portfolio(doc, j, k)
            if k == j:
                k = _country_in_name(doc, j, sent_end)
            if k == j:
                break
            best = i = k
        return best

    def _another_title(self, doc: Doc, i: int, sent_end: int) -> bool:
        """Whether "and" at ``i`` joins another title rather than more words of the
        complement ("Deputy Ruler of Abu Dhabi and National Security Advisor", "President of
        South Africa and the President of Zambia", not "Minister of Energy and Water
        Resources")."""
        if doc[i].lower_ != "and":
            return False
        start = i + 2 if i + 1 < sent_end and doc[i + 1].lower_ == "the" else i + 1
        k = start
        while k < sent_end and doc[k].is_title and doc[k].text not in self.last_words:
            k += 1
        return k < sent_end and doc[k].text in self.last_words and (k > start or start > i + 1)

    @staticmethod
    def _complement_word(token) -> bool:
        """A word of an office's complement: not a person's name, which ends it (also one
        the recognizer missed, written with joined initials: "Minister of Energy of
        Mongolia and A.V.Novak"), save a field the recognizer took into the name after it."""
        doc = token.doc
        named_next = token.i + 1 < len(doc) and doc[token.i + 1].ent_type_ == "PERSON"
        if token.ent_type_ == "PERSON" and token.lower_ in field_words() and named_next:
            return True  # "Minister of Trade Arman X", the field taken into the name
        if token.ent_iob_ == "B" and token.ent_type_ == "PERSON" and token.is_upper and named_next:
            return True  # "Vice President of CNPC Huang X", the body taken into the name
        if token.ent_type_ == "PERSON" or JOINED_INITIALS.fullmatch(token.text) or honour(token):
            return False  # nor a style of honour a name follows ("Datuk Seri X")
        if hyphened_given_name(doc, token.i) or hyphened_given_name(doc, token.i + 1):
            return False  # "Minister of Science and ICT Kang Do-hyun", untagged
        return token.text[:1].isupper() or token.lower_ in _LINKERS  # also "KazMunayGas"


def hyphened_given_name(doc: Doc, i: int) -> bool:
    """Whether a word opens a given name of two syllables joined by a hyphen, after a
    surname ("Do" of "Kang Do-hyun"), not a field's word ("Agro-industrial Complex")."""
    if not 1 <= i < len(doc) - 2 or not doc[i - 1].is_title or doc[i - 1].lower_ in _LINKERS:
        return False
    word, dash, rest = doc[i], doc[i + 1], doc[i + 2]
    after = doc[i + 3] if i + 3 < len(doc) else None
    return (
        word.is_title
        and len(word) <= 4
        and dash.text == "-"
        and not word.whitespace_
        and not dash.whitespace_
        and rest.is_lower
        and rest.is_alpha
        and len(rest) <= 5
        and (after is None or not after.is_title)
    )


def _listed(doc: Doc, i: int, sent_end: int) -> bool:
    """Whether a comma at ``i`` parts the fields of one portfolio ("Cabinet Secretary for
    Investments, Trade and Industry"): capitalized words after it, then "and" and one more."""
    if doc[i].text != ",":
        return False
    k = i + 1
    while k < sent_end and (doc[k].is_title or doc[k].text == ",") and doc[k].ent_type_ != "PERSON":
        k += 1
    return (
        k > i + 1
        and k + 1 < sent_end
        and doc[k].lower_ == "and"
        and doc[k + 1].is_title
        and doc[k + 1].ent_type_ not in {"PERSON", "GPE"}  # not "..., and Niger's Minister"
    )


def titles_by_word(doc: Doc) -> dict[int, Span]:
    """The title each word of a title stands in, by token."""
    return {i: span for span in doc.spans.get(SPAN_KEY, []) for i in range(span.start, span.end)}


def _country_in_name(doc: Doc, i: int, end: int) -> int:
    """The end of a country's name that the recognizer made the start of a person's name
    ("President of Turkmenistan Serdar Berdimuhamedov"), else ``i``: the person's name of
    two words at least follows it."""
    for n in (3, 2, 1):
        rest = doc[i + n : i + n + 2]
        if (
            i + n + 2 <= end
            and all(t.ent_type_ == "PERSON" for t in rest)
            and country_named(doc[i : i + n].text)
        ):
            return i + n
    return i


_NAMED_THINGS = {"GPE", "ORG", "FAC", "LOC", "NORP"}


def _country_then_name(doc: Doc, start: int, end: int, sent_end: int) -> bool:
    """Whether words ``start:end`` end with a country and two capitalized words follow that the
    recognizer took for no place or body (a name it did not tag as a person's), save a
    surname alone it took for a body's ("of Uzbekistan Bakhtiyor Saidov", "Saidov" a body's)."""
    rest = doc[end : end + 2]
    return (
        end + 2 <= sent_end
        and all(t.pos_ == "PROPN" and t.is_title for t in rest)
        and (all(_no_place_nor_body(t) for t in rest) or _a_body_of_no_body_s_word(rest))
        and any(  # the country also ends a longer complement: "of Foreign Affairs of X"
            country_named(doc[s:end].text) is not None
            for s in range(start, end)
            if s == start or doc[s - 1].lower_ in {"of", "the"}
        )
    )


def _a_body_of_no_body_s_word(words: Span) -> bool:
    """Two words the recognizer took for a body of these words alone, neither a body's nor
    a field's word ("of Mongolia Dashzegviin Amarbayasgalan"): a name."""
    ents = {(t.ent_type_, t.ent_iob_) for t in words}
    after = words.end == len(words.doc) or words.doc[words.end].ent_iob_ != "I"
    return (
        ents == {("ORG", "B"), ("ORG", "I")}
        and words[0].ent_iob_ == "B"
        and after
        and not any(t.text in word_list("org_heads") or t.lower_ in field_words() for t in words)
    )


def _no_place_nor_body(token: Token) -> bool:
    """A word the recognizer took for no place or body, or for a body of this word alone
    that no body's word names ("Saidov", not "Parliament")."""
    if token.ent_type_ not in _NAMED_THINGS:
        return True
    alone = token.ent_iob_ == "B" and (
        token.i + 1 == len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I"
    )
    return token.ent_type_ == "ORG" and alone and token.text not in word_list("org_heads")


def _name_at_end(doc: Doc, start: int, end: int) -> bool:
    """Whether a body's name after "the" ends in a person's name of two words that the
    recognizer did not tag, before the clause goes on ("Speaker of the Milli Majlis Sahiba
    Gafarova."): a name of four capitalized words or more, no body's or field's word last."""
    words = doc[start:end]
    stops = _clause_goes_on(doc, end)
    return (
        stops
        and len(words) >= 4
        and all(t.is_title and t.pos_ == "PROPN" and not t.ent_type_ for t in words)
        and not any(
            t.text in word_list("org_heads") or t.lower_ in field_words() for t in words[-2:]
        )
    )


def _clause_goes_on(doc: Doc, end: int) -> bool:
    """Whether a name ends at ``end``: the text or clause goes on there, or a Turkic
    patronymic word closes the name ("Nurlanbek Turgunbek uulu")."""
    return (
        end == len(doc)
        or doc[end].is_punct
        or doc[end].pos_ in {"VERB", "AUX", "CCONJ"}
        or doc[end].lower_ in _TURKIC_PATRONYMS
    )


_TURKIC_PATRONYMS = {"uulu", "kyzy", "ogly", "oglu", "qizi", "kizi"}


def _name_after_portfolio(doc: Doc, start: int, end: int) -> int:
    """Where a name starts that the recognizer did not tag, run on after a portfolio's last
    word ("Minister of Agriculture and Rural Development Le Minh Hoan") or a company's name
    ("Chairman of KazMunayGas X Y"): two or three capitalized words before the clause goes
    on; ``end`` otherwise."""
    fields = [p for p in range(start, end) if portfolio_word(doc[p]) or camel(doc[p])]
    tagged = end < len(doc) and doc[end].ent_type_ == "PERSON"  # "... Prasetyo" + "Wibowo"
    if not fields or not (_clause_goes_on(doc, end) or tagged):
        return end
    rest = doc[fields[-1] + 1 : end]
    named = all(t.is_title and t.pos_ == "PROPN" and t.ent_type_ in {"", "PERSON"} for t in rest)
    return fields[-1] + 1 if 2 <= len(rest) <= 3 and named else end


def camel(token: Token) -> bool:
    """A company's name with capitals inside ("KazMunayGas", "CNPC"), which ends a body."""
    return token.is_alpha and any(c.isupper() for c in token.text[1:])


def _determined_name_end(doc: Doc, i: int) -> int:
    """The end of a name after "the" that the recognizer took for a person's ("of the Oliy
    Majlis", "of the Halk Maslahaty"): no one's name follows "the"."""
    if i >= len(doc) or doc[i].ent_type_ != "PERSON" or doc[i].ent_iob_ != "B":
        return i  # also a text that ends on "the"
    end = i + 1
    while end < len(doc) and doc[end].ent_type_ == "PERSON" and doc[end].ent_iob_ == "I":
        end += 1
    return end


def _acronym_at(doc: Doc, i: int, end: int) -> bool:
    """ "(CEO)": an acronym in brackets starts at ``i``."""
    return i + 2 < end and doc[i].text == "(" and doc[i + 1].is_upper and doc[i + 2].text == ")"


def _joined_to_a_name(doc: Doc, end: int) -> bool:
    """A title word that is the first part of a hyphenated name ("Amir" in "Hossein
    Amir-Abdollahian"; not "President-elect")."""
    return (
        end + 1 < len(doc)
        and not doc[end - 1].whitespace_
        and doc[end].text == "-"
        and not doc[end].whitespace_
        and doc[end + 1].is_title
    )


def _given_name(doc: Doc, i: int) -> bool:
    """ "Akbar" in "Secretary General of Qatar Tourism Council Akbar Al Baker": a word after
    a named body, or a title that is also a given name, before a person's name the recognizer
    tagged without it."""
    after_body = doc[i - 1].ent_type_ not in {"", "PERSON"}
    return (after_body and _before_a_name(doc, i)) or given_title(doc, i)


def given_title(doc: Doc, i: int) -> bool:
    """A title that is also a given name ("Sultan" of "Minister of State Sultan bin Saad"),
    before a person's name the recognizer tagged without it."""
    return doc[i].text in _GIVEN_TITLES and _before_a_name(doc, i)


def _before_a_name(doc: Doc, i: int) -> bool:
    """An untagged capitalized word right before a person's name the recognizer tagged."""
    return (
        0 < i < len(doc) - 1
        and not doc[i].ent_type_
        and doc[i].is_title
        and doc[i + 1].ent_type_ == "PERSON"
        and doc[i + 1].ent_iob_ == "B"
    )


@Language.factory("kg_titles")
def make_titles(nlp: Language, name: str) -> TitleComponent:
    """Factory of the ``kg_titles`` component."""
    return TitleComponent(nlp, name)
