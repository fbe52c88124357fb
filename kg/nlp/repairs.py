"""``kg_repairs``: parses the small English model gets wrong in news, mended before the rules
read them.

The source a sentence ends on (", Trend reports.", ", the PM's press service reports citing
...") tells who reports it, not what happened. Where the parser made its verb the object of
the sentence's verb (or of "met with"), taking the object's place, and the object a word of
the source's name, the object goes back to its verb and the source hangs on the root:

>>> from kg.nlp import load_nlp
>>> doc = load_nlp()("President Serik Akhmetov received Ambassador of Japan Takashi Nakamura, "
...     "Akorda press service reports.")
>>> [(t.text, t.dep_, t.head.text) for t in doc if t.text in {"Nakamura", "reports"}]
[('Nakamura', 'dobj', 'received'), ('reports', 'parataxis', 'received')]

"X held talks", read as one noun phrase ("held" an adjective of "talks", the sentence's
root), gets its verb back, with the name before it as its subject:

>>> doc = load_nlp()("Egyptian President Abdel-Fattah al-Sisi held talks in Cairo with Antony "
...     "Blinken.")
>>> [(t.text, t.dep_, t.head.text) for t in doc if t.text in {"Sisi", "held", "talks"}]
[('Sisi', 'nsubj', 'held'), ('held', 'ROOT', 'held'), ('talks', 'dobj', 'held')]

So does a participle the parser gave a subject of its own ("The Uzbek capital hosted talks"):

>>> doc = load_nlp()("The Uzbek capital hosted talks between Minister A and Minister B.")
>>> [(t.text, t.dep_, t.head.text) for t in doc if t.text in {"capital", "hosted", "talks"}]
[('capital', 'nsubj', 'hosted'), ('hosted', 'ROOT', 'hosted'), ('talks', 'dobj', 'hosted')]

A style the parser made the object, with the title it addresses in apposition to it
("received HRH the Crown Prince"), gives the title its place:

>>> doc = load_nlp()("President Donald Trump received HRH the Crown Prince at the White House.")
>>> [(t.text, t.dep_, t.head.text) for t in doc if t.text in {"HRH", "Prince"}]
[('HRH', 'compound', 'Prince'), ('Prince', 'dobj', 'received')]

A name spelt like an auxiliary verb ("May met with ...") that the parser made the verb's
auxiliary is its subject, where the verb has none:

>>> doc = load_nlp()("Theresa May arrived in Ankara. After talks, May met with Binali Yildirim.")
>>> [(t.text, t.pos_, t.dep_, t.head.text) for t in doc if t.text == "May"]
[('May', 'PROPN', 'nsubj', 'arrived'), ('May', 'PROPN', 'nsubj', 'met')]

A line without a full stop or a verb (a headline, a caption) whose "hosts", "meets" or
"signs" the parser took for a noun has that word for its verb, the name before it for its
subject and the noun after it for its object:

>>> doc = load_nlp()("Kenya president Ruto hosts German delegation at State House\\n\\nText.")
>>> [(t.text, t.dep_, t.head.text) for t in doc if t.text in {"Ruto", "delegation", "at"}]
[('Ruto', 'nsubj', 'hosts'), ('delegation', 'dobj', 'hosts'), ('at', 'prep', 'hosts')]

The doer of a passive verb the parser hung on the place or event before it is the verb's
agent:

>>> doc = load_nlp()("The agreement was signed at the ceremony by Minister Ana Ruiz.")
>>> [(t.text, t.dep_, t.head.text) for t in doc if t.text == "by"]
[('by', 'agent', 'signed')]

A city "in" which the parser hung on the name of the country it lies in tells where what
the country's name is a complement of happened:

>>> doc = load_nlp()("The meeting was co-chaired by Sergey Donskoy, minister of natural "
...     "resources of the Russian Federation in Moscow.")
>>> [(t.text, t.dep_, t.head.text) for t in doc if t.text == "in"]
[('in', 'prep', 'co-chaired')]

What the parser hung on a date that modifies a verb ("will leave Abuja on Saturday, 28 April
on an official visit to ...": "on" of "April") is the verb's:

>>> doc = load_nlp()("Muhammadu Buhari will leave Abuja on Saturday, 28 April on an official "
...     "visit to the United States.")
>>> [(t.text, t.dep_, t.head.text) for t in doc if t.text == "on" and t.i > 6]
[('on', 'prep', 'leave')]

A subject with a modifier set off by commas, that the parser left the root with the verb
after it as one more modifier, gets its verb back:

>>> doc = load_nlp()("A high-level delegation of Turkmenistan, led by Deputy Chairman Batyr "
...     "Amanov, called on Prime Minister Shehbaz Sharif on Tuesday.")
>>> [(t.text, t.dep_, t.head.text) for t in doc if t.text in {"delegation", "called"}]
[('delegation', 'nsubj', 'called'), ('called', 'ROOT', 'called')]

The "with" or "at" the parser hung on the format a meeting was held in is the verb's (or
the talks'):

>>> doc = load_nlp()("Nikol Pashinyan held a meeting in a narrow format with Irakli "
...     "Kobakhidze in Tbilisi. The presidents held talks in a narrow format at the Akorda.")
>>> [(t.text, t.dep_, t.head.text) for t in doc if t.text in {"with", "at"}]
[('with', 'prep', 'held'), ('at', 'prep', 'talks')]

"Held in X" that the parser hung on a thing before an event (the agreements signed at
a session) tells where the event was held:

>>> doc = load_nlp()("Ghana and Togo signed four agreements in the areas of Energy, Health, and "
...     "Higher Education at the 9th session of the Permanent Joint Commission (PJC) held in Accra.")
>>> [(t.text, t.dep_, t.head.text) for t in doc if t.text == "held"]
[('held', 'acl', 'session')]

The guest a "visiting" names that the parser made the object of "visiting" ("talks with
visiting Prime Minister X") is the object of the preposition, "visiting" its modifier:

>>> doc = load_nlp()("Li Qiang held talks with visiting Spanish Prime Minister Pedro Sanchez.")
>>> [(t.text, t.dep_, t.head.text) for t in doc if t.text in {"visiting", "Sanchez"}]
[('visiting', 'amod', 'Sanchez'), ('Sanchez', 'pobj', 'with')]

"Here" that the parser hung on a name tells where the verb's event happened:

>>> doc = load_nlp()("Ding Xuexiang held talks with Vice President Geraldo Alckmin here on "
...     "Monday.")
>>> [(t.text, t.dep_, t.head.text) for t in doc if t.text == "here"]
[('here', 'advmod', 'held')]

and so does "here" hung on the last word of what was signed:

>>> doc = load_nlp()("They signed three agreements on port utilization, power export and road "
...     "construction here today.")
>>> [(t.text, t.dep_, t.head.text) for t in doc if t.text == "here"]
[('here', 'advmod', 'signed')]

The subject after a phrase put first ("On the sidelines of the summit in Astana, a meeting
... took place") that the parser hung on the phrase's last name, in apposition, is the
subject of the verb that has none:

>>> doc = load_nlp()("On the sidelines of the summit in Astana, a meeting between Ilham Aliyev "
...     "and Shavkat Mirziyoyev took place.")
>>> [(t.text, t.dep_, t.head.text) for t in doc if t.text == "meeting"]
[('meeting', 'nsubj', 'took')]

"In" and a place hung on the name of the person met is where they met:

>>> doc = load_nlp()("Kazakh Ambassador Yerlan Baudarbek met with Japanese Vice Minister for "
...     "Foreign Affairs Kenji Yamada in Tokyo.")
>>> [(t.text, t.dep_, t.head.text) for t in doc if t.text == "in"]
[('in', 'prep', 'met')]

The person received that the parser made the object of "in" and a place before them ("received
on Tuesday in Algiers Mauritanian Minister of Foreign Affairs X") is the verb's object, the
place the object of "in":

>>> doc = load_nlp()("Ahmed Attaf received on Tuesday in Algiers Mauritanian Minister of "
...     "Foreign Affairs Mohamed Salem Ould Merzoug, who is on a working visit to Algeria.")
>>> [(t.text, t.dep_, t.head.text) for t in doc if t.text in {"Algiers", "Merzoug"}]
[('Algiers', 'pobj', 'in'), ('Merzoug', 'dobj', 'received')]

"On behalf of" hung on the object of a verb says for whom the verb's doer acted:

>>> doc = load_nlp()("Ali Karimov signed the agreements on behalf of Bangladesh, while Omar "
...     "Said signed on behalf of the bank.")
>>> [(t.text, t.dep_, t.head.text) for t in doc if t.text == "on"][0]
('on', 'prep', 'signed')

So is "at" a building hung on a title:

>>> doc = load_nlp()("A welcome ceremony was held for the Vietnamese President at the "
...     "Presidential Palace.")
>>> [(t.text, t.dep_, t.head.text) for t in doc if t.text == "at"]
[('at', 'prep', 'held')]

"In" and a place hung on the people a meeting is "of" is where the meeting was held:

>>> doc = load_nlp()("Murat Nurtleu took part in the meeting of foreign ministers in Luxembourg "
...     "on Monday.")
>>> [(t.text, t.dep_, t.head.text) for t in doc if t.text == "in"][1]
('in', 'prep', 'meeting')

The name after a "by" left without its object, that the parser made a second subject of the
verb after it, is the object of the "by":

>>> doc = load_nlp()("A delegation of Uzbekistan led by Deputy Prime Minister Jamshid Khodjaev "
...     "arrived in Islamabad on Monday.")
>>> [(t.text, t.dep_, t.head.text) for t in doc if t.text == "Khodjaev"]
[('Khodjaev', 'pobj', 'by')]

"A bilateral", "our first trilateral": an adjective the talks are named by, used alone as
their noun, is a noun; and the name after "counterpart" and a comma that the parser hung on
the subject is the counterpart's:

>>> doc = load_nlp()("The two leaders held a bilateral in Lima.")
>>> [(t.text, t.pos_, t.dep_) for t in doc if t.text == "bilateral"]
[('bilateral', 'NOUN', 'dobj')]

A clause of who attended or chaired that the parser hung on the place an event was held at
is the event's:

>>> doc = load_nlp()("The MoUs were signed at a ceremony held at the Prime Minister House, "
...     "which was attended by Prime Minister Ali Khan.")
>>> [(t.text, t.dep_, t.head.text) for t in doc if t.text == "attended"]
[('attended', 'relcl', 'ceremony')]

A body the parser coordinated with the country a first party is "of", in what a document is
between, is the second party:

>>> doc = load_nlp()("The agreement was signed between the Ministry of Finance of the Kyrgyz "
...     "Republic and the ADB.")
>>> [(t.text, t.dep_, t.head.text) for t in doc if t.text == "ADB"]
[('ADB', 'conj', 'Ministry')]

A document the parser coordinated with a word of the name of the document before it is
coordinated with that document:

>>> doc = load_nlp()("Then an agreement on visa exemption for holders of diplomatic passports "
...     "and a memorandum on cooperation in tourism were signed.")
>>> [(t.text, t.dep_, t.head.text) for t in doc if t.text in {"and", "memorandum"}]
[('and', 'cc', 'agreement'), ('memorandum', 'conj', 'agreement')]

The verb after a subject and a participle set off by commas has the subject the parser gave
the participle:

>>> doc = load_nlp()("The MoU, concluded between the Ethiopian Standards Agency and the Kenya "
...     "Bureau of Standards (KEBS), was inked by Director-General Meseret Alemu Haile.")
>>> [(t.text, t.dep_, t.head.text) for t in doc if t.text in {"MoU", "concluded"}]
[('MoU', 'nsubjpass', 'inked'), ('concluded', 'acl', 'MoU')]

A person the parser made the possessor of the person after a country's "'s" is coordinated
with that person:

>>> doc = load_nlp()("Kaymak and Uzbekistan's Deputy Prime Minister Akmal Rakhimov signed a "
...     "protocol.")
>>> [(t.text, t.dep_, t.head.text) for t in doc if t.text in {"Kaymak", "Uzbekistan", "Rakhimov"}]
[('Kaymak', 'nsubj', 'signed'), ('Uzbekistan', 'poss', 'Rakhimov'), ('Rakhimov', 'conj', 'Kaymak')]
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from kg.kb import KnowledgeBase
from kg.nlp.gazetteer import country_named, heads, word_list
from kg.nlp.mentions import tokens_with

__all__ = ["repairs"]

_SAYS = ["reports", "informs", "writes", "says", "notes", "cites", "adds", "states"]
_SAYS += ["reported", "informed", "wrote", "said", "noted", "added", "stated"]
_SOURCE_WORDS = 8  # the most words a source's name takes between the comma and the verb
_SOURCE_POS = {"PROPN", "NOUN", "DET", "ADJ", "PART", "ADP", "PUNCT"}
_FINITE = {"VBD", "VBZ", "VBP"}  # "held", "holds", "hold"
_MODIFIER = {"amod", "compound", "nmod"}
_VERB_SUBJECTS = {"nsubj", "npadvmod"}  # a subject the parser gave a verb it made a modifier
_STYLES = ["HRH", "HH", "H.E."]  # His Royal Highness, His Highness, His Excellency
_DOERS = {"PERSON", "ORG", "GPE", "NORP"}
# Nouns whose own "by" tells who made them: a visit, a speech or a decision by X.
_DONE_BY = {"visit", "trip", "tour", "call", "invitation", "speech", "address", "statement"}
_DONE_BY |= {"decision", "decree", "order", "initiative", "proposal", "request", "remark"}
# A headline's verbs, as the parser takes them for nouns: "Ruto hosts German delegation".
_LINE_VERBS = {"hosts": "host", "meets": "meet", "receives": "receive", "welcomes": "welcome"}
_LINE_VERBS |= {"visits": "visit", "signs": "sign", "holds": "hold", "greets": "greet"}
_DATED = ["on", "in", "at", "during"]  # what a date modifying a verb cannot have of its own
_STAGED = ["held", "convened", "hosted", "organized", "organised", "staged"]  # what an event is
_GUESTED = {"with", "for", "on"}  # "talks with visiting X", "a dinner for visiting X"
_RECEIVING = {"meet", "receive", "welcome", "host", "greet"}  # "met visiting X"
_NAMED = {"PERSON", "NORP", "ORG", "GPE"}  # what "here" tells the place of no one of


@Language.component("kg_repairs")
def repairs(doc: Doc) -> Doc:
    """Mend the parses the module docstring tells of."""
    _sources(doc)
    _held(doc)
    _styles(doc)
    _named_auxiliaries(doc)
    _passive_agents(doc)
    _line_verbs(doc)
    _dated(doc)
    _formats(doc)
    _staged(doc)
    _cities_of_countries(doc)
    _visiting(doc)
    _here(doc)
    _placed_on_names(doc)
    _placed_before_names(doc)
    _behalves(doc)
    _placed_on_members(doc)
    _fronted_subjects(doc)
    _datelined_subjects(doc)
    _stranded_agents(doc)
    _meetings_named_by_adjectives(doc)
    _counterparts_named(doc)
    _modified_subjects(doc)
    _participle_subjects(doc)
    _attended_places(doc)
    _between_bodies(doc)
    _coordinated_documents(doc)
    _coordinated_possessors(doc)
    return doc


def _between_bodies(doc: Doc) -> None:
    """Hang a body the parser coordinated with the country the first party of "between" is
    "of" on that party ("between the Ministry of Finance of the Kyrgyz Republic and the ADB")."""
    for between in tokens_with(doc, "LOWER", ["between"]):
        first = next((c for c in between.children if c.dep_ == "pobj"), None)
        if first is None:
            continue
        for country in (t for t in first.subtree if t.dep_ == "pobj" and t.head.lower_ == "of"):
            if country.ent_type_ != "GPE":
                continue
            for body in [c for c in country.children if c.dep_ == "conj" and c.ent_type_ == "ORG"]:
                body.head = first


def _attended_places(doc: Doc) -> None:
    """Hang a relative clause of attending or chairing that the parser hung on the place an
    event was held at on the event ("a ceremony held at the X House, which was attended by
    Y")."""
    events = heads("event")
    for verb in tokens_with(doc, "LEMMA", list(_ATTENDING)):
        place = verb.head
        if verb.dep_ != "relcl" or not (
            place.ent_type_ in {"GPE", "LOC", "FAC"} or place.text in word_list("place_heads")
        ):
            continue
        word = place
        while word.dep_ == "pobj" and word.head.lower_ in {"at", "in"}:
            word = word.head.head
            if word.dep_ == "acl" and word.lower_ in _STAGED:
                word = word.head  # "a ceremony held at"
            if word.lemma_.lower() in events:
                verb.head = word
                break


_ATTENDING = {"attend", "chair", "co-chair", "witness", "grace"}  # what is done at an event


def _modified_subjects(doc: Doc) -> None:
    """Make the verb after a subject and its modifier set off by commas ("A delegation of X,
    led by Y, called on Z"), which the parser hung on the subject or a word of the modifier
    as a modifier of its own, leaving the subject the sentence's root, the sentence's verb
    with the subject its subject."""
    for sent in doc.sents:
        noun = sent.root
        if noun.pos_ not in {"NOUN", "PROPN"}:
            continue
        verb = next(
            (
                c
                for c in doc[noun.i + 1 : sent.end]
                if c.dep_ == "acl"
                and noun in c.ancestors
                and c.tag_ in {"VBD", "VBN"}
                and doc[c.i - 1].text == ","
                and any(t.text == "," for t in doc[noun.i + 1 : c.i - 1])
                and not any(g.dep_ in _SUBJECTS for g in c.children)
            ),
            None,
        )
        if verb is None:
            continue
        for word in [c for c in noun.rights if c.i > verb.i]:
            word.head = verb  # the full stop
        verb.head, verb.dep_ = verb, "ROOT"
        noun.head, noun.dep_ = verb, "nsubj"


def _participle_subjects(doc: Doc) -> None:
    """Give the verb after a subject and a participle set off by commas ("The MoU, concluded
    between A and B, was inked by X") the subject the parser gave the participle, and make the
    participle the subject's modifier."""
    for participle in doc:
        head = participle.head
        subject = next((c for c in participle.children if c.dep_ == "nsubj"), None)
        if (
            participle.dep_ != "advcl"
            or participle.tag_ not in {"VBN", "VBD"}
            or subject is None
            or subject.i != participle.i - 2
            or doc[participle.i - 1].text != ","
            or head.i < participle.i
            or head.pos_ not in {"VERB", "AUX"}
            or any(c.dep_ in _SUBJECTS for c in head.children)
        ):
            continue
        passive = any(c.dep_ == "auxpass" for c in head.children)
        subject.head, subject.dep_ = head, "nsubjpass" if passive else "nsubj"
        participle.head, participle.dep_ = subject, "acl"


def _counterparts_named(doc: Doc) -> None:
    """Put the name after "counterpart" and a comma in apposition to it, where the parser
    hung it on the sentence's subject ("X, who co-chaired the session with his counterpart,
    Mr Y, said")."""
    for word in tokens_with(doc, "LOWER", ["counterpart"]):
        i = word.i + 1
        if i + 1 >= len(doc) or doc[i].text != "," or word.dep_ != "pobj":
            continue
        name = doc[i + 1]
        while name.dep_ == "compound" and name.head.i > name.i and name.head.pos_ == "PROPN":
            name = name.head
        if name.pos_ == "PROPN" and name.dep_ == "appos" and name.head != word:
            name.head = word


def _meetings_named_by_adjectives(doc: Doc) -> None:
    for word in tokens_with(doc, "LOWER", ["bilateral", "trilateral"]):
        if word.pos_ == "ADJ" and word.dep_ in {"dobj", "nsubj", "nsubjpass", "pobj", "attr"}:
            word.pos_, word.tag_, word.lemma_ = "NOUN", "NN", word.lower_


def _sources(doc: Doc) -> None:
    """Give back the object a trailing source's verb took, and hang the verb on the root."""
    for says in tokens_with(doc, "LOWER", _SAYS):
        comma = _source_comma(says)
        if comma is None:
            continue
        root = says.sent.root
        for taken in [c for c in says.children if c.i < comma.i]:
            taken.head, taken.dep_ = says.head, "dobj" if says.dep_ == "ccomp" else says.dep_
        for word in says.doc[comma.i + 1 : says.i]:  # the source's name, off the object's
            if not comma.i < word.head.i <= says.i:
                word.head, word.dep_ = says, "nsubj"
        says.head, says.dep_, says.pos_ = root, "parataxis", "VERB"


def _held(doc: Doc) -> None:
    """Make "held" (or "holds", "had") the verb of an event noun the parser made the root of
    its sentence with the verb as its modifier, and the name before the verb its subject (or
    the subject the parser gave the verb: "The Uzbek capital hosted talks between ...")."""
    for noun in tokens_with(doc, "LOWER", heads("event")):
        if noun.dep_ != "ROOT":
            continue
        verb = next((c for c in noun.lefts if c.dep_ in _MODIFIER and _verb_of(c)), None)
        before = [c for c in noun.lefts if verb is not None and c.i < verb.i]
        own = [c for c in verb.lefts if c.dep_ in _VERB_SUBJECTS] if verb is not None else []
        named = (c for c in reversed(before) if c.pos_ in {"PROPN", "NOUN"})
        subject = own[-1] if own else next(named, None)
        if verb is None or subject is None:
            continue
        verb.head, verb.dep_ = verb, "ROOT"
        noun.head, noun.dep_ = verb, "dobj"
        for word in before:
            word.head = subject
        subject.head, subject.dep_ = verb, "nsubj"


def _verb_of(word: Token) -> bool:
    """A finite verb, or a participle with a subject of its own, that the parser made a
    noun's modifier."""
    return word.tag_ in _FINITE or (
        word.tag_ == "VBN" and any(c.dep_ in _VERB_SUBJECTS for c in word.lefts)
    )


def _source_comma(says: Token) -> Token | None:
    """The comma before a source's name that ends its sentence, where the parser made the
    source's verb a noun hung on a word before the comma ("received X, Trend reports.")."""
    taken = says.pos_ in {"NOUN", "PROPN"} or (says.pos_ == "VERB" and says.dep_ in _TAKEN)
    if not taken or says.dep_ == "ROOT":  # a verb made the object of "with" is taken too
        return None
    after = [t for t in says.doc[says.i + 1 : says.sent.end] if not t.is_space]
    if after and not (after[0].is_punct or after[0].lower_ in {"citing", "quoting"}):
        return None
    start = max(says.sent.start, says.i - _SOURCE_WORDS - 1)
    for t in reversed(says.doc[start : says.i]):
        if t.text == ",":
            return t if says.head.i < t.i < says.i - 1 else None
        if t.pos_ not in _SOURCE_POS:
            return None
    return None


_TAKEN = {"pobj", "dobj", "ccomp"}  # "received [Y, Kabar reports]": the object a clause


def _styles(doc: Doc) -> None:
    """Put the title a style addresses where the parser put the style ("received HRH the Crown
    Prince": "HRH" the object, "Prince" in apposition to it)."""
    for style in tokens_with(doc, "ORTH", _STYLES):
        title = next((c for c in style.rights if c.dep_ == "appos"), None)
        if title is None or style.dep_ == "ROOT":
            continue
        dep = "dobj" if style.dep_ == "dative" else style.dep_
        title.head, title.dep_ = style.head, dep
        style.head, style.dep_ = title, "compound"


def _named_auxiliaries(doc: Doc) -> None:
    """Make a name the parser took for an auxiliary ("May met") its verb's subject."""
    for word in doc:
        if (
            word.dep_ == "aux"
            and word.ent_type_ == "PERSON"
            and word.tag_ == "NNP"
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in word.head.children)
        ):
            word.dep_, word.pos_ = "nsubj", "PROPN"


def _passive_agents(doc: Doc) -> None:
    """Make the "by" of a passive verb's doer its agent where the parser hung it on the
    place or event before it ("was signed at the ceremony by X": "by" of "ceremony")."""
    for by in tokens_with(doc, "LOWER", ["by"]):
        noun = by.head
        prep = noun.head
        verb = prep.head
        if (
            by.dep_ != "prep"
            or noun.dep_ != "pobj"
            or noun.lemma_.lower() in _DONE_BY  # "signed during a visit by X": X's visit
            or prep.dep_ != "prep"
            or verb.tag_ != "VBN"
            or not any(c.dep_ == "auxpass" for c in verb.children)
            or any(c.dep_ == "agent" for c in verb.children)
            or not any(o.dep_ == "pobj" and o.ent_type_ in _DOERS for o in by.children)
        ):
            continue
        by.head, by.dep_ = verb, "agent"


def _line_verbs(doc: Doc) -> None:
    """Make a verb of a line with none ("X hosts Y at Z", no full stop) the line's root, with
    the name before it for its subject, the first noun after it for its object and that
    noun's "at" or "in" its own."""
    for line in doc.sents:
        if line.text.rstrip().endswith((".", "!", "?")) or any(
            t.pos_ in {"VERB", "AUX"} for t in line
        ):
            continue
        verb = next(
            (
                t
                for t in line[1:-1]
                if t.lower_ in _LINE_VERBS and doc[t.i - 1].pos_ in {"PROPN", "NOUN"}
            ),
            None,
        )
        if verb is None:
            continue
        left = [t for t in doc[line.start : verb.i] if not line.start <= t.head.i < verb.i]
        right = [
            t for t in doc[verb.i + 1 : line.end] if t.head == t or not verb.i < t.head.i < line.end
        ]
        subject = next((t for t in reversed(left) if t.pos_ in {"PROPN", "NOUN"}), None)
        thing = next((t for t in right if t.pos_ in {"PROPN", "NOUN"}), None)
        if subject is None or thing is None:
            continue
        verb.head, verb.dep_, verb.pos_, verb.tag_ = verb, "ROOT", "VERB", "VBZ"
        verb.lemma_ = _LINE_VERBS[verb.lower_]
        for t in left:
            t.head = subject if t != subject else verb
            if t != subject and t.pos_ in {"PROPN", "NOUN"}:
                t.dep_ = "compound"
        subject.dep_ = "nsubj"
        for t in right:
            t.head = verb
        thing.dep_ = "dobj"
        for prep in [c for c in thing.children if c.dep_ == "prep" and c.lower_ in {"at", "in"}]:
            prep.head = verb


def _dated(doc: Doc) -> None:
    """Hang on the verb what the parser hung on a date that modifies it ("on Saturday, 28
    April on a visit to X", "On 4 June in Tirana, X held talks"): a date takes no "on", "in",
    "at" or "during" of its own."""
    for prep in tokens_with(doc, "LOWER", _DATED):
        date = prep.head
        verb = date.head.head if date.dep_ == "pobj" and date.head.lower_ == "on" else date.head
        if (
            prep.dep_ == "prep"
            and date.dep_ in {"npadvmod", "pobj"}
            and date.ent_type_ == "DATE"
            and verb.pos_ in {"VERB", "AUX"}
            and (date.dep_ == "npadvmod" or date.i < prep.i)
            and not any(o.ent_type_ in {"DATE", "TIME"} for o in prep.children)
        ):
            prep.head = verb


def _formats(doc: Doc) -> None:
    """Hang on the verb (or the talks) the "with" or "at" the parser hung on the format a
    meeting was held in ("held a meeting in a narrow format with X", "held talks in a narrow
    format at the Akorda": with X, at the Akorda, not a format with X)."""
    for prep in tokens_with(doc, "LOWER", ["with", "at"]):
        form, into = prep.head, prep.head.head
        verb = into.head
        if (
            prep.dep_ == "prep"
            and form.lemma_ == "format"
            and form.dep_ == "pobj"
            and into.lower_ == "in"
            and verb.pos_ in {"VERB", "AUX", "NOUN"}  # "held talks in a narrow format at"
        ):
            prep.head = verb


def _staged(doc: Doc) -> None:
    """Hang "held in X" on the event it follows where the parser hung it on a thing before
    the event that is not one ("signed three memoranda in the 21st session of the commission
    held in Islamabad": the session was held there, not the memoranda), or after a comma on
    the verb after it ("During the meeting, held at the palace, the two leaders discussed")."""
    events = heads("event")
    for verb in tokens_with(doc, "LOWER", _STAGED):
        thing = verb.head
        before = doc[verb.i - 2] if verb.i > 1 and doc[verb.i - 1].text == "," else None
        if verb.dep_ == "advcl" and verb.tag_ == "VBN" and before is not None:
            if (
                before.pos_ == "NOUN"
                and before.lemma_.lower() in events
                and thing.is_ancestor(before)
            ):
                for c in verb.lefts:  # "During the meeting" hung on "held"
                    if c.is_ancestor(before):
                        c.head = thing
                verb.head, verb.dep_ = before, "acl"  # "During the meeting, held at X, they ..."
            continue
        if verb.dep_ != "acl" or verb.tag_ != "VBN" or thing.lemma_.lower() in events:
            continue
        between = doc[thing.i + 1 : verb.i]
        event = next((t for t in reversed(between) if t.lemma_.lower() in events), None)
        if event is not None and event.pos_ == "NOUN" and not verb.is_ancestor(event):
            verb.head = event


def _cities_of_countries(doc: Doc) -> None:
    """Hang "in X" that the parser hung on the name of the country X lies in on the verb
    that name is a complement of, or the event that verb tells of: a country is not in its
    own city."""
    kb = KnowledgeBase.load()
    names = {t.i: ent for ent in doc.ents if ent.label_ in {"GPE", "ORG"} for t in ent}
    events = heads("event")
    for prep in tokens_with(doc, "LOWER", ["in"]):
        city = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if prep.dep_ != "prep" or city is None or prep.head.i not in names or city.i not in names:
            continue
        country = country_named(names[prep.head.i].text)
        places = kb.lookup(names[city.i].text, ("Place",))
        if country is None or not any(p.country == country.qid for p in places):
            continue
        verb = next((a for a in prep.head.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        if verb is None:
            continue
        told = verb.dep_ in {"acl", "relcl"} and verb.head.lemma_.lower() in events
        prep.head = verb.head if told else verb


def _visiting(doc: Doc) -> None:
    """Make the person a "visiting" the parser took for a verb names ("held talks with
    visiting Prime Minister X": X the object of "visiting") the object of the preposition,
    or of the verb ("met visiting X" read as "met" and "visiting X"), with "visiting" its
    modifier; what else the parser hung on "visiting" ("in Cairo") is that head's."""
    for visiting in tokens_with(doc, "LOWER", ["visiting"]):
        prep = visiting.head
        guest = next((c for c in visiting.children if c.dep_ == "dobj"), None)
        received = visiting.dep_ == "xcomp" and prep.lemma_ in _RECEIVING  # "met visiting X"
        if (
            not (received or (visiting.dep_ == "pcomp" and prep.lower_ in _GUESTED))
            or guest is None
            or not any(t.ent_type_ == "PERSON" for t in guest.subtree)
        ):
            continue
        for said in [c for c in visiting.children if c != guest]:  # "in Cairo", "here"
            said.head = prep if received else prep.head
        guest.head, guest.dep_ = prep, "dobj" if received else "pobj"
        visiting.head, visiting.dep_ = guest, "amod"


def _here(doc: Doc) -> None:
    """Hang "here" that the parser hung on a name ("held talks with X here on Monday") or on the
    last noun of an object's complement ("signed agreements on trade and transport here") on
    the verb the phrase belongs to: "here" says where something happened, not who or what
    (but where an event did: "after their talks here")."""
    for here in tokens_with(doc, "LOWER", ["here"]):
        head = here.head
        if here.dep_ != "advmod" or not (
            head.ent_type_ in _NAMED
            or (
                head.pos_ == "NOUN"
                and head.dep_ in {"pobj", "conj"}
                and head.lemma_.lower() not in heads("event")  # "after their talks here"
            )
        ):
            continue
        verb = next((a for a in here.head.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        if verb is not None:
            here.head = verb


def _placed_on_names(doc: Doc) -> None:
    """Hang "in" and a place that the parser hung on the last word of a person's name after
    a verb ("met with Vice Minister for Foreign Affairs Kenji Yamada in Tokyo") on that verb:
    it says where the person was met, not who they are; so "at" a building after a title
    ("was held for the Vietnamese President at the Presidential Palace"; after a name,
    ``kg_attachments`` hangs it on the event the person was the guest of)."""
    titles = word_list("titles")
    for prep in tokens_with(doc, "LOWER", ["in", "at"]):
        name = prep.head
        place = next((c for c in prep.children if c.dep_ == "pobj"), None)
        building = place is not None and place.text in word_list("place_heads")
        if (
            prep.dep_ != "prep"
            or place is None
            or not (place.ent_type_ in {"GPE", "LOC", "FAC"} or (prep.lower_ == "at" and building))
            or not (name.ent_type_ == "PERSON" if prep.lower_ == "in" else name.text in titles)
            or name.i + 1 != prep.i
        ):
            continue
        verb = next((a for a in name.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        if verb is not None and verb.i < name.i:
            prep.head = verb


def _coordinated_documents(doc: Doc) -> None:
    """Coordinate a document the parser coordinated with a word of the name of the document
    before it with that document ("an agreement on visas for holders of diplomatic passports and
    a memorandum on tourism": "memorandum" coordinated with "passports")."""
    documents = heads("agreement")
    for word in doc:
        if (
            word.dep_ != "conj"
            or word.lemma_.lower() not in documents
            or not any(c.dep_ in {"det", "nummod"} for c in word.children)
        ):
            continue
        named, first = word.head, word.head
        while first.dep_ == "pobj" and first.head.dep_ == "prep":
            first = first.head.head  # the outermost document whose name holds the word
        if first is named or first.lemma_.lower() not in documents:
            continue
        for cc in (c for c in named.children if c.dep_ == "cc" and c.i < word.i):
            cc.head = first
        word.head = first


def _coordinated_possessors(doc: Doc) -> None:
    """Coordinate a person the parser coordinated with a country's "'s" with the person after it
    ("Kaymak and Uzbekistan's Deputy Prime Minister Rakhimov signed": "Uzbekistan" a conjunct of
    "Kaymak", and "Kaymak" the possessor of "Rakhimov" or in apposition to a noun before)."""
    for case in tokens_with(doc, "LOWER", ["'s", "’s"]):
        country, name = case.head, case.head.head
        if (
            country.dep_ != "conj"
            or country.ent_type_ != "GPE"
            or name.pos_ != "PROPN"
            or name.ent_type_ in {"GPE", "NORP", "LOC"}
            or any(c.dep_ == "case" for c in name.children)
            or case.i + 1 >= len(doc)
        ):
            continue
        owned = doc[case.i + 1]
        while owned.dep_ == "compound":  # "Minister" of "Minister Akmal Rakhimov"
            owned = owned.head
        if owned.ent_type_ != "PERSON" or owned.head in (name, owned) or owned.i < name.i:
            continue
        name.head, name.dep_ = owned.head, owned.dep_
        for cc in (c for c in name.children if c.dep_ == "cc"):
            cc.head = owned
        country.head, country.dep_ = owned, "poss"
        owned.head, owned.dep_ = name, "conj"


def _behalves(doc: Doc) -> None:
    """Hang "on behalf of" that the parser hung on a verb's object on the verb."""
    for behalf in tokens_with(doc, "LOWER", ["behalf"]):
        on, thing = behalf.head, behalf.head.head
        if on.lower_ == "on" and behalf.dep_ == "pobj" and thing.dep_ == "dobj":
            on.head = thing.head


def _placed_before_names(doc: Doc) -> None:
    """Make the person the parser made the object of "in" and a place before them, after a
    verb with no object, that verb's object, and the place the object of "in" ("received on
    Tuesday in Algiers Mauritanian Minister X")."""
    kb = KnowledgeBase.load()
    for prep in tokens_with(doc, "LOWER", ["in"]):
        name = next((c for c in prep.children if c.dep_ == "pobj"), None)
        verb = prep.head
        if (
            name is None
            or name.ent_type_ != "PERSON"
            or prep.i + 1 >= name.i
            or verb.pos_ != "VERB"
            or any(c.dep_ == "dobj" for c in verb.children)
        ):
            continue
        place = doc[prep.i + 1]  # "Algiers", whatever the recognizer took it for
        if (
            place in name.subtree
            and place.dep_ == "compound"
            and kb.lookup(place.text, ("Place", "Country"))
        ):
            place.head, place.dep_ = prep, "pobj"
            name.head, name.dep_ = verb, "dobj"


def _placed_on_members(doc: Doc) -> None:
    """Hang "in" and a place that the parser hung on the people an event is "of" or "with",
    or on its format, on the event's word ("the meeting of foreign ministers in Luxembourg",
    "the meeting of ministers in the Central Asia - EU format in Luxembourg", "a press
    conference with his Kyrgyz counterpart in Bishkek")."""
    events = heads("event")
    for prep in tokens_with(doc, "LOWER", ["in"]):
        place = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if (
            prep.dep_ != "prep"
            or place is None
            or not (place.ent_type_ in {"GPE", "LOC", "FAC"} or country_named(place.text))
        ):
            continue
        word = prep.head
        while word.dep_ == "pobj" and (
            word.head.lower_ == "with"
            or (
                (word.tag_ == "NNS" or word.lower_ == "format") and word.head.lower_ in {"of", "in"}
            )
        ):
            word = word.head.head
            if word.lemma_.lower() in events:
                prep.head = word
                break


_SUBJECTS = {"nsubj", "nsubjpass", "csubj", "expl"}
_BEFORE_VERB = {"aux", "auxpass", "neg", "advmod"}  # what stands between a subject and verb


def _fronted_subjects(doc: Doc) -> None:
    """Make the noun after a fronted phrase and its comma, which the parser put in apposition
    to a word of the phrase, the subject of the sentence's verb right after it when the verb
    has none."""
    for noun in tokens_with(doc, "DEP", ["appos"]):
        verb = noun.sent.root
        if (
            verb.pos_ not in {"VERB", "AUX"}
            or not noun.sent.start < noun.left_edge.i <= noun.i < verb.i
            or doc[noun.left_edge.i - 1].text != ","
            or any(
                t.dep_ not in _BEFORE_VERB and not t.is_punct  # "(Mincetur) reviewed"
                for t in doc[noun.right_edge.i + 1 : verb.i]
            )
            or any(c.dep_ in _SUBJECTS for c in verb.children)
        ):
            continue
        head = noun.head
        while head.head.i != verb.i and not (head.pos_ == "VERB" and head.dep_ not in {"acl"}):
            head = head.head
        if head.dep_ == "prep" and head.head.i == verb.i:
            passive = any(c.dep_ == "auxpass" for c in verb.children)
            noun.head, noun.dep_ = verb, "nsubjpass" if passive else "nsubj"


def _datelined_subjects(doc: Doc) -> None:
    """Make the noun after a dateline's dash, which the parser put in apposition to the
    dateline's city and made that city the subject ("Bishkek, May 3 (Kabar) - Chairman X
    received Y"), the subject of the verb right after it."""
    for verb in (s.root for s in doc.sents if s.root.pos_ in {"VERB", "AUX"}):
        for city in [c for c in verb.children if c.dep_ in _SUBJECTS and c.i < verb.i]:
            noun = next(
                (
                    a
                    for a in city.children
                    if a.dep_ == "appos"
                    and a.left_edge.i > 0
                    and doc[a.left_edge.i - 1].text in _DASHES
                    and all(t.dep_ in _BEFORE_VERB for t in doc[a.right_edge.i + 1 : verb.i])
                ),
                None,
            )
            if noun is not None:
                noun.head, noun.dep_ = verb, city.dep_
                city.dep_ = "npadvmod"


_DASHES = {"-", "\u2013", "\u2014"}


def _stranded_agents(doc: Doc) -> None:
    """Make the subject right after a "by" with no object, where its verb has a subject
    before it besides, the object of the "by" ("a delegation led by X arrived": X a subject
    of "arrived")."""
    for by in tokens_with(doc, "LOWER", ["by"]):
        if by.dep_ != "agent" or any(c.dep_ == "pobj" for c in by.children):
            continue
        after = next(
            (t for t in by.sent if t.left_edge.i == by.i + 1 and t.dep_ in _SUBJECTS), None
        )
        if after is None or after.head.i < by.i:
            continue
        others = [c for c in after.head.children if c.dep_ in _SUBJECTS and c.i < by.i]
        if others:
            after.head, after.dep_ = by, "pobj"
