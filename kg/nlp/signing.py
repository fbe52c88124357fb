"""Who signed what: the signatories a sentence names, the countries they sign for, the
agreements a set of signed documents includes, the parties an agreement's name gives, the
article's two sides for a signing that names no one, and who took part in a signing.

``sign`` runs these closures in order on the facts of one article (``kg.nlp.frames.derive``
calls it with the article's two sides).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.kb import KnowledgeBase
from kg.nlp.coref import Cluster, free_id
from kg.nlp.facts import Fact, Facts, Scene, head_words, nested
from kg.nlp.gazetteer import heads
from kg.nlp.mentions import SIGNING_WORDS, Mention
from kg.nlp.relations import modality, where_words
from kg.nlp.titles import titles_by_word

__all__ = ["sign", "sign_for_the_sides"]

_WITNESS_RULES = {"signed/witnessed"}


def sign(facts: Facts, scene: Scene, sides: list[str]) -> None:
    """Add the signing facts that follow from the article's others; ``sides`` are the
    countries of its two sides (none when it has not two)."""
    _infinitives(facts)
    _headlines(facts, scene)
    _not_by_business(facts, scene)
    _capitals(facts, scene)
    _far_agents(facts, scene)
    _signed_for_a_side(facts, scene)
    _signers_named_after(facts, scene)
    _along_with(facts, scene)
    _signing_sides(facts, scene)
    sides = (
        sides
        or _cosignatories(facts, scene)
        or _named_sides(facts, scene)
        or _peoples(facts, scene)
    )
    _signing_by(facts, scene)
    _signing_told_before(facts, scene)
    _participation(facts, scene)
    _signed_as_planned(facts, scene)
    _signed_by_the_sides(facts, scene, sides)
    _included(facts, scene)
    _signing_sides(facts, scene)
    _both_sides(facts, scene, sides)
    _named_parties(facts, scene)
    _witnesses_of_bodies(facts, scene)
    _signings_placed(facts, scene)
    _signatories(facts, scene)
    _headline_agreements(facts, scene)
    _one_signing(facts, scene)
    _lists_only(facts, scene)


def sign_for_the_sides(facts: Facts, scene: Scene, sides: list[str]) -> None:
    """Add the signing facts that the countries of people found since ``sign`` give: a host
    known only from the talks ("held talks with President X") signs for the host country,
    and an agreement signed by no one named is the two sides' once both are known."""
    _signing_sides(facts, scene)
    sides = sides or _cosignatories(facts, scene) or _peoples(facts, scene)
    _signed_by_the_sides(facts, scene, sides)
    _both_sides(facts, scene, sides)


def _infinitives(facts: Facts) -> None:
    """ "The cabinet authorised the delegation to sign agreements with X": a signing told by
    an infinitive is one to come, however the parser hung it."""
    for f in facts.of("signed"):
        verb = f.trigger
        if (
            verb is not None
            and verb.tag_ == "VB"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        ):
            facts.discard(f)
            facts.add(
                f.subject, f.predicate, f.object, f.sentence, f.confidence, "planned", f.rule, verb
            )


def _headlines(facts: Facts, scene: Scene) -> None:
    """ "Kazakhstan, Uzbekistan sign agreement on water sharing": in a headline, which the
    parser reads as a noun phrase or as a list with one subject, the countries, bodies and
    people listed right before the signing word signed the agreement right after it ("to
    sign" is a plan); so too where the parser hung the list elsewhere and gave the verb no
    subject ("In Samarkand, President X and Chinese President Y signed 15 documents")."""
    agreements = {
        m.span.start: c
        for c in scene.clusters.values()
        if c.type == "Agreement"
        for m in c.mentions
    }
    parties = scene.words_of({"Country", "Organization", "Person"})
    for sentence in scene.with_words("LOWER", SIGNING_WORDS):
        for word in sentence:
            if word.lower_ not in SIGNING_WORDS:
                continue
            agreement = agreements.get(word.i + 1) or agreements.get(word.i + 2)
            inherits = word.dep_ in _INHERITING and word.head.i not in parties
            if agreement is None or (word.pos_ == "VERB" and inherits):
                continue  # "X met Y and signed": X's, which the patterns read; not a clause
                # the parser hung on the list's first ("Chile, Peru to sign")
            status = modality(word) if word.pos_ == "VERB" else "asserted"
            if word.i > 0 and word.nbor(-1).lower_ in _PLANNING:
                status = "planned"
            for party in _listed_before(word, sentence, parties):
                facts.add(
                    party.id,
                    "signed",
                    agreement.id,
                    sentence,
                    0.7,
                    status,
                    "signed/headline",
                )


_PLANNING = {"to", "will"}  # "Chile, Peru to sign deal"
_INHERITING = {"conj", "xcomp", "advcl", "pcomp", "acl", "relcl"}


def _in_phrase(token: Token) -> bool:
    """A word of a name that is the object of a preposition ("of the Russian Federation")."""
    while token.dep_ in {"compound", "amod", "nmod", "flat"} and token.head != token:
        token = token.head
    return token.dep_ == "pobj"


def _listed_before(word: Token, sentence: Span, parties: dict[int, Cluster]) -> list[Cluster]:
    """The parties listed right before a signing word ("Kazakhstan, Uzbekistan sign"), over
    the people's titles ("Chinese President X") and a plan's "to" or "will" ("Chile, Peru to
    sign"); not a party named in a phrase of another ("ROSATOM, the corporation of Russia,
    signed")."""
    doc = sentence.doc
    titles = titles_by_word(doc)
    before = []
    i = word.i - 1
    if i > sentence.start and doc[i].lower_ in _PLANNING:
        i -= 1
    while i >= sentence.start and not doc[i].is_space:
        token = doc[i]
        if i in parties:
            if not _in_phrase(token):
                before.append(parties[i])
        elif not (
            token.lower_ in {",", "and", "&"}
            or i in titles
            or (token.pos_ == "ADJ" and token.ent_type_ == "NORP")
        ):
            break
        i -= 1
    return list(dict.fromkeys(before))


def _not_by_business(facts: Facts, scene: Scene) -> None:
    """ "Kazakh and Chinese business leaders inked 40 agreements": businesspeople and
    companies sign for themselves, not for the country their demonym names."""
    for f in facts.of("signed", None):
        verb = f.trigger
        if verb is None or scene.clusters[f.subject].type != "Country":
            continue
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "agent"}]
        if any(t.lower_ in _NOT_SIDES for s in subjects for t in s.subtree):
            facts.discard(f)


def _capitals(facts: Facts, scene: Scene) -> None:
    """A capital that signs stands for its country ("Minsk and Bryansk signed a programme":
    Belarus signed it), when the article names the country."""
    kb = KnowledgeBase.load()
    countries = {c.qid: c.id for c in scene.clusters.values() if c.type == "Country" and c.qid}
    capitals: dict[int, str] = {}
    for c in scene.clusters.values():
        entry = kb[c.country] if c.type == "Place" and c.country and c.country in kb else None
        if entry is not None and c.qid and entry.capital == c.qid and c.country in countries:
            capitals.update((m.root.i, countries[c.country]) for m in c.mentions)
    agreements = {
        m.root.i: c.id for c in scene.clusters.values() if c.type == "Agreement" for m in c.mentions
    }
    for sentence in scene.sentences if capitals else ():
        for verb in (t for t in sentence if t.lemma_ in _SIGN and t.pos_ == "VERB"):
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            for subject in (t for s in subjects for t in (s, *s.conjuncts) if t.i in capitals):
                for obj in (t for o in objects for t in (o, *o.conjuncts) if t.i in agreements):
                    status = modality(verb)
                    facts.add(
                        capitals[subject.i],
                        "signed",
                        agreements[obj.i],
                        sentence,
                        0.7,
                        status,
                        "signed/capital",
                        verb,
                    )


def _far_agents(facts: Facts, scene: Scene) -> None:
    """ "The agreements were signed at the X House, the seat of government, by Foreign
    Ministers A and B": who a "by" after a passive signing names signed, also where the
    parser hung it on a noun before it (not "a visit by", nor the subject's "by")."""
    signers = scene.words_of({"Person", "Country", "Organization", "Delegation"})
    agreements = scene.roots_of("Agreement")
    for sentence in scene.with_words("LEMMA", _SIGN):
        for verb in (t for t in sentence if t.lemma_ in _SIGN and t.pos_ == "VERB"):
            signed = [
                agreements[t.i]
                for c in verb.children
                if c.dep_ == "nsubjpass"
                for t in (c, *c.conjuncts)
                if t.i in agreements
            ]
            if not signed or any(c.dep_ == "agent" for c in verb.children):
                continue
            for by in (t for t in verb.subtree if t.i > verb.i and _far_by(t)):
                who = [signers[t.i] for t in by.subtree if t.i in signers and _named_by(t, by)]
                for party in dict.fromkeys(who):
                    for agreement in signed:
                        facts.add(
                            party.id,
                            "signed",
                            agreement.id,
                            sentence,
                            0.7,
                            modality(verb),
                            "signed/far-by",
                        )


def _along_with(facts: Facts, scene: Scene) -> None:
    """ "The sides signed an agreement on defence, along with pacts on power and health":
    who signed the one signed the documents it goes along with, together with or in addition
    to."""
    agreements = scene.words_of({"Agreement"})
    for f in list(facts.of("signed", None)):
        verb = f.trigger
        if verb is None or verb.lemma_ not in _SIGN:
            continue
        added = [
            t
            for word in verb.subtree
            if word.dep_ == "pobj"
            and _added(word.head)
            and next((a for a in word.head.ancestors if a.lemma_ in _SIGN), None) == verb
            for t in (word, *word.conjuncts)
        ]
        for word in (t for t in added if t.i in agreements):
            facts.add(
                f.subject,
                "signed",
                agreements[word.i].id,
                f.sentence,
                f.confidence * 0.9,
                f.status,
                "signed/along-with",
            )


def _added(preposition: Token) -> bool:
    """ "along with", "together with", "in addition to", "besides"."""
    head = preposition.head
    return (
        preposition.lower_ == "besides"
        or (
            preposition.lower_ == "with"
            and (
                head.lower_ == "along"
                or any(c.lower_ in {"along", "together"} for c in preposition.children)
            )
        )
        or (preposition.lower_ == "to" and head.lower_ == "addition" and head.head.lower_ == "in")
    )


def _last_signed(facts: Facts, scene: Scene, sentence: Span) -> str | None:
    """The one agreement the latest sentence up to this one that tells of a signing names."""
    here = scene.index(sentence)
    told = [f for f in facts.of("signed") if scene.index(f.sentence) <= here]
    last = max((scene.index(f.sentence) for f in told), default=None)
    before = {f.object for f in told if scene.index(f.sentence) == last}
    return next(iter(before)) if len(before) == 1 else None


def _signers_named_after(facts: Facts, scene: Scene) -> None:
    """ "Signing for Nigeria were the Minister of Foreign Affairs, X, and the Minister of
    Aviation, Y", "Those who signed the agreements were X and Y": the people the sentence
    names after "be" signed the one agreement the latest sentence about a signing names, and
    so did a country signed for."""
    people = scene.words_of({"Person"})
    countries = scene.words_of({"Country"})
    for sentence in scene.with_words("LOWER", _SIGNERS_TOLD):
        agreement = _last_signed(facts, scene, sentence)
        for verb in (t for t in sentence if t.lower_ in _SIGNERS_TOLD):
            gerund = verb.dep_ in {"nsubj", "csubj"} and verb.lower_.endswith("ing")
            be = verb.head if gerund else None  # "Signing for X were", tagged a noun or not
            if verb.dep_ == "relcl" and verb.head.lower_ == "those" and verb.head.dep_ == "nsubj":
                be = verb.head.head
            if be is None or be.lemma_ != "be" or agreement is None:
                continue
            named = [t for a in be.children if a.dep_ == "attr" for t in a.subtree]
            who = [people[t.i] for t in named if t.i in people]
            who += [countries[t.i] for t in _sides_signed_for(verb) if t.i in countries]
            _signed_by(facts, who, agreement, verb, "signed/named-after")


_SIGNERS_TOLD = {"signing", "inking", "signed", "inked"}  # "Signing for X were", "Those who signed"


def _signed_for_a_side(facts: Facts, scene: Scene) -> None:
    """ "X signed for Ghana, while Y signed on behalf of his country", "while the Minister
    of Z, Ms Y, signed for Morocco": who signs for a side and names nothing signed the one
    agreement the latest sentence about a signing names,
    and so did the country or body signed for."""
    signers = scene.words_of({"Person", "Organization", "Delegation"})
    countries = scene.words_of({"Country"})
    for sentence in scene.with_words("LEMMA", _SIGN):
        agreement = _last_signed(facts, scene, sentence)
        if agreement is None:
            continue
        for verb in (t for t in sentence if t.lemma_ in _SIGN and t.pos_ == "VERB"):
            sides = [
                t
                for t in _sides_signed_for(verb)
                if t.i in countries or t.i in signers or t.lemma_ in _SIDE_WORDS
            ]
            if not sides or any(c.dep_ in _SIGNED_SOMETHING for c in verb.children):
                continue
            subjects = [t for c in verb.children if c.dep_ == "nsubj" for t in (c, *c.conjuncts)]
            if verb.dep_ == "acl":  # "Mr Y, Minister of Z, signed for Y's country"
                subjects.append(verb.head)
            subjects += [a for t in subjects for a in t.children if a.dep_ == "appos"]
            who = [signers[t.i] for t in subjects if t.i in signers]
            bodies = [
                signers[t.i] for t in sides if t.i in signers and signers[t.i].type != "Person"
            ]
            if who:  # the sides signed for sign only beside someone who signs for them
                who += [countries[t.i] for t in sides if t.i in countries] + bodies
            _signed_by(facts, who, agreement, verb, "signed/for-a-side")


def _signed_by(facts: Facts, who: list[Cluster], agreement: str, verb: Token, rule: str) -> None:
    """Each of ``who`` signed the agreement, as the verb's sentence tells."""
    for party in dict.fromkeys(who):
        facts.add(party.id, "signed", agreement, verb.sent, 0.7, modality(verb), rule, verb)


def _sides_signed_for(verb: Token) -> list[Token]:
    """The words that may name whom a signing verb signs for ("for Ghana", "on behalf of his
    country")."""
    found = []
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        if prep.lower_ == "for":
            found += _objects(prep)
        for behalf in (o for o in _objects(prep) if prep.lower_ == "on" and o.lower_ == "behalf"):
            found += [t for c in behalf.children if c.lower_ == "of" for t in _objects(c)]
    return found


_SIGNED_SOMETHING = {"dobj", "nsubjpass", "auxpass", "agent", "ccomp", "xcomp"}
_SIDE_WORDS = {"side", "country", "government", "party", "nation", "state"}


def _far_by(token: Token) -> bool:
    """A "by" the parser hung on a noun that is not an event ("a visit by the President")."""
    head = token.head
    return (
        token.lower_ == "by"
        and token.dep_ == "prep"
        and head.pos_ in {"NOUN", "PROPN"}
        and head.lemma_.lower() not in heads("event")
    )


def _named_by(token: Token, by: Token) -> bool:
    """Whether a word names who a "by" names ("by X's Minister A and B"), not someone in a
    phrase of theirs ("by the head of the Y Office")."""
    while token != by:
        if token.dep_ == "prep":
            return False
        token = token.head
    return True


def _both_sides(facts: Facts, scene: Scene, sides: list[str]) -> None:
    """Two people of the article's two sides who signed one agreement signed it for both,
    also where the article gives the country of one only ("in the presence of the
    presidents, the ministers X and Y signed a treaty")."""
    if len(sides) != 2:
        return
    signers: dict[tuple[str, int, str], set[str]] = {}
    for f in facts.of("signed", None):
        if scene.clusters[f.subject].type == "Person" and not f.rule.startswith(
            tuple(_WITNESS_RULES)
        ):
            signers.setdefault((f.object, f.sentence.start, f.status), set()).add(f.subject)
    for (agreement, start, status), people in signers.items():
        known = {scene.countries[p] for p in people if p in scene.countries}
        if len(people) < 2 or not known or not known <= set(sides):
            continue
        sentence = next(s for s in scene.sentences if s.start == start)
        for side in sides:
            facts.add(side, "signed", agreement, sentence, 0.6, status, "signed/both-sides")


def _signing_by(facts: Facts, scene: Scene) -> None:
    """ "The signing of the agreement on transit by Foreign Ministers X and Y": who the
    signing is by, or who ended a meeting with it, signed what it is of."""
    signers = scene.words_of({"Person", "Country", "Organization", "Delegation"})
    for agreement in (c for c in scene.clusters.values() if c.type == "Agreement"):
        for m in agreement.mentions:
            token = m.root
            while token.dep_ == "conj":
                token = token.head
            if not (token.dep_ == "pobj" and token.head.lower_ == "of"):
                continue
            signing = token.head.head
            if not (signing.lower_ == "signing" or _signing(signing)):
                continue
            by = [c for c in signing.children if c.lower_ == "by" and c.dep_ in {"prep", "agent"}]
            doers = [t for b in by for t in _objects(b)] or _ended_with(signing)
            for who in (t for t in doers if t.i in signers):
                facts.add(
                    signers[who.i].id,
                    "signed",
                    agreement.id,
                    m.span.sent,
                    0.8,
                    modality(signing),
                    "signed/signing-by",
                )


_ENDING = {"end", "conclude", "close", "wrap", "complete", "finish", "culminate"}


def _ended_with(signing: Token) -> list[Token]:
    """Who ended a meeting with a signing ("Ghana and Togo ended the session with the signing
    of three agreements"): the subjects of the verb of ending."""
    prep, verb = signing.head, signing.head.head
    if signing.dep_ != "pobj" or prep.lower_ != "with" or verb.lemma_ not in _ENDING:
        return []
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return [*subjects, *(c for s in subjects for c in s.conjuncts)]


def _signing_told_before(facts: Facts, scene: Scene) -> None:
    """ "The leaders observed the signing of the agreement. The signing by Ministers X and Y
    was a highlight": who a signing of nothing named is by signed the one agreement the
    sentence before says was signed."""
    signers = scene.words_of({"Person", "Country", "Organization", "Delegation"})
    for sentence in scene.with_words("LOWER", ["signing"]):
        here = scene.index(sentence)
        before = {f.object for f in facts.of("signed") if scene.index(f.sentence) == here - 1}
        if here == 0 or len(before) != 1:
            continue
        for signing in (t for t in sentence if t.lower_ == "signing" and _signing(t)):
            if any(c.lower_ == "of" for c in signing.children):
                continue
            by = [c for c in signing.children if c.lower_ == "by" and c.dep_ in {"prep", "agent"}]
            for who in (t for b in by for t in _objects(b) if t.i in signers):
                facts.add(
                    signers[who.i].id,
                    "signed",
                    next(iter(before)),
                    sentence,
                    0.7,
                    modality(signing),
                    "signed/signing-by",
                )


def _participation(facts: Facts, scene: Scene) -> None:
    """The bodies an agreement is "with the participation of" are its parties ("the
    signing of the agreement on a joint company with the participation of the X Bank and
    the Y Exchange"), where the text says it was signed without saying by whom."""
    parties = scene.words_of({"Organization", "Country"})
    for agreement in (c for c in scene.clusters.values() if c.type == "Agreement"):
        for m in agreement.mentions:
            verb = _unsigned(m.root)
            if verb is None or _quoted(m.span.sent):
                continue
            for word in m.root.subtree:
                if word.lower_ != "participation" or word.head.lower_ != "with":
                    continue
                if not _modifies(word.head, m.root):
                    continue
                of = [p for p in word.children if p.lower_ == "of" and p.dep_ == "prep"]
                bodies = [t for p in of for t in p.subtree if _body_in_name(t, parties)]
                for party in (t for p in of for t in _objects(p) + bodies if t.i in parties):
                    facts.add(
                        parties[party.i].id,
                        "signed",
                        agreement.id,
                        m.span.sent,
                        0.6,
                        modality(verb),
                        "signed/participation",
                    )


def _body_in_name(token: Token, parties: dict[int, Cluster]) -> bool:
    """A body the parser hung as a modifier of the next one's name ("the X Center and Y
    Bank": "Center" a modifier of "Bank"); not a country naming a body ("Ghana's Y Bank")."""
    body = parties.get(token.i)
    return token.dep_ in {"nmod", "compound"} and body is not None and body.type == "Organization"


def _named_sides(facts: Facts, scene: Scene) -> list[str]:
    """The two countries the article's main event names ("the meeting of the
    Kazakhstan-Kyrgyzstan Intergovernmental Council")."""
    named = scene.named_countries.get(scene.main.id, []) if scene.main else []
    return _two_sides(facts, named)


def _peoples(facts: Facts, scene: Scene) -> list[str]:
    """The two countries the article's people act for, when it names people of two only
    ("... Modi said ... President Dissanayake ... Several agreements were signed")."""
    countries = {
        country for who, country in scene.countries.items() if scene.clusters[who].type == "Person"
    }
    return _two_sides(facts, sorted(countries))


def _two_sides(facts: Facts, countries: list[str]) -> list[str]:
    """Two countries as the article's two sides, unless both are where its visitors went
    (a visit to Albania and Montenegro, whose hosts the visitor signed with in turn)."""
    went = {f.object for f in facts.of("visited", None)}
    return list(countries) if len(countries) == 2 and not set(countries) <= went else []


def _cosignatories(facts: Facts, scene: Scene) -> list[str]:
    """The two countries that signed something together, for an article whose main event
    names no two sides ("X and Y signed a joint statement ... the programme signed in
    Baku")."""
    countries = {
        f.subject
        for f in facts.of("signed")
        if scene.clusters[f.subject].type == "Country"
        and not f.rule.startswith(tuple(_WITNESS_RULES))
    }
    return sorted(countries) if len(countries) == 2 else []


_INCLUDE = {"include", "comprise", "cover"}
_LIST_WORDS = {"including", "namely", "notably", "particularly", "especially", ":"}
_FINITE = {"VBD", "VBZ", "VBP", "MD"}


def _included(facts: Facts, scene: Scene) -> None:
    """Who signed a set of documents signed each one it includes ("the signed documents
    include a protocol on customs and a memorandum on mining"; "signed 12 deals, including /
    such as / in particular / among them a protocol on customs"; "the following documents
    were signed: ..."; "among the documents signed were ..."), wherever the parser hung the
    list (also "and a memorandum" on "include")."""
    agreements = scene.roots_of("Agreement")
    for f in facts.of("signed", None):
        lists = [
            (m.span.sent, o)
            for m in scene.clusters[f.object].mentions
            if m.root.dep_ == "nsubj" and m.root.head.lemma_ in _INCLUDE
            for o in m.root.head.children
            if o.dep_ == "dobj" or (o.dep_ == "conj" and o.pos_ in {"NOUN", "PROPN"})
        ]
        items = {
            o.i: sentence
            for sentence, head in lists
            for o in head.subtree
            if o.i == head.i or o.dep_ in {"conj", "appos"}  # "an X, a Y and a Z": Y apposed
        }
        for m in scene.clusters[f.object].mentions:
            sentence = m.span.sent
            items.update((i, sentence) for i in _listed(sentence, m.span.end, agreements))
            if m.root.dep_ == "pobj" and m.root.head.lower_ == "among":  # "Among the
                rest = m.span.doc[m.span.end : sentence.end]  # documents signed were"
                items.update((i, sentence) for i in _items(rest, agreements))
            after = scene.index(sentence) + 1  # "... signed 15 documents. Among them are"
            if after < len(scene.sentences):
                nxt = scene.sentences[after]
                items.update((i, nxt) for i in _listed(nxt, nxt.start, agreements, True))
        kept = f.rule.startswith(tuple(_WITNESS_RULES)) or f.rule in _SIDES_RULES
        for i, sentence in items.items():
            item = agreements.get(i)
            if item is not None and item.id != f.object:
                scene.parts.setdefault(item.id, f.object)
                rule = f.rule if kept else "signed/included"  # "witnessed", "sides": as told
                facts.add(
                    f.subject, "signed", item.id, sentence, f.confidence * 0.9, f.status, rule
                )


def _listed(
    sentence: Span, start: int, agreements: dict[int, Cluster], opening: bool = False
) -> list[int]:
    """The agreements a list after a set of documents names, in its sentence from token
    ``start`` (or, ``opening``, a list the sentence opens with: "Among them are ...", "They
    include ..."): after "including", "such as", "in particular", "among them" or a colon,
    up to a clause of its own ("..., including a protocol on customs, and agreed to draft a
    treaty"); a colon that ends the sentence opens a list set out after it, one document a
    line ("... with the following documents signed:"). A document an item names inside its
    title is no item."""
    marker = next((t for t in sentence if t.i >= start and _marks_list(t)), None)
    if marker is None or (opening and marker.i > sentence.start + 1):
        return []
    last = max(t.i for t in sentence if not t.is_space)
    end = _list_end(sentence) if sentence.doc[last].text == ":" else sentence.end  # "including:"
    return _items(sentence.doc[marker.i + 1 : end], agreements)


def _list_end(sentence: Span) -> int:
    """Where a list set out one document a line after ``sentence`` ends: with bullets, at
    the first sentence after it that has none ("The protocol was signed by the co-chairs."
    after "- a loan agreement between ...;"); else where its words end (``_items``)."""
    doc = sentence.doc
    after = [s for s in doc.sents if s.start >= sentence.end]
    if not after or not _bulleted(after[0]):
        return len(doc)
    return next((s.start for s in after if not _bulleted(s)), len(doc))


def _bulleted(sentence: Span) -> bool:
    return sentence.text.lstrip().startswith(("-", "•", "*", "–", "—"))


def _items(words: Span, agreements: dict[int, Cluster]) -> list[int]:
    """The agreements a list names, up to a clause of its own."""
    found = []
    for t in words:
        if t.tag_ in _FINITE and t.lemma_ not in _SIGN | {"be"}:
            break
        if t.i in agreements and not _within(t):
            found.append(t.i)
    return found


def _within(t: Token) -> bool:
    """A document an item names inside its own title ("... on consulting for the
    implementation of the contract on ..."), not an item of the list."""
    return t.dep_ == "pobj" and t.head.lower_ in {"of", "for", "on", "under", "within"}


def _marks_list(t: Token) -> bool:
    """ "including", "such as", "in particular", "among them", a colon; "they include"."""
    return (
        t.lower_ in _LIST_WORDS
        or (t.lower_ == "as" and t.i > 0 and t.nbor(-1).lower_ == "such")
        or (t.lower_ == "particular" and t.i > 0 and t.nbor(-1).lower_ == "in")
        or (
            t.lower_ == "among"
            and t.i + 1 < len(t.doc)
            and t.nbor().lower_ in {"them", "which", "others", "these", "those"}
        )
        or (
            t.lemma_ in _INCLUDE
            and any(c.dep_ == "nsubj" and c.lower_ in {"they", "these"} for c in t.children)
        )
    )


def _signing_sides(facts: Facts, scene: Scene) -> None:
    """A person signs for their country: the country signed too. Who only witnessed a
    signing did not sign, but their country did."""
    for f in facts.of("signed", None):
        country = scene.countries.get(f.subject)
        if scene.clusters[f.subject].type != "Person":
            continue
        if country:
            facts.add(
                country,
                "signed",
                f.object,
                f.sentence,
                f.confidence * 0.8,
                f.status,
                f.rule + "+side",
            )
        if f.rule in _WITNESS_RULES:
            del facts.found[(f.subject, f.predicate, f.object)]


_SIGN = {"sign", "ink", "initial", "conclude", "seal", "pen", "exchange"}


def _signed_by_the_sides(facts: Facts, scene: Scene, sides: list[str]) -> None:
    """An agreement the article says was signed without saying by whom ("the declaration
    signed in Baku", "an agreement which was signed during the visit", "the signed
    documents") was signed by the two sides of the article: the countries of its two
    principals, else the two countries of its main event. Not so in a quotation ("these six
    deals signed are a small part"), where agreements are talked of, not reported, nor for
    business deals and contracts, which companies sign."""
    if len(sides) != 2:
        return
    signed = {f.object for f in facts.of("signed", None)}
    for agreement in scene.clusters.values():
        if agreement.type != "Agreement" or agreement.id in signed or _commercial(agreement):
            continue
        for m in agreement.mentions:
            if _told_signed(m):
                for side in sides:
                    facts.add(side, "signed", agreement.id, m.span.sent, 0.6, rule="signed/sides")
                break


def _signed_as_planned(facts: Facts, scene: Scene) -> None:
    """An agreement the article first tells as to be signed by some ("the presidents are
    expected to sign an agreement") and later as signed by no one it names ("the agreement
    was signed on Tuesday") was signed by those it named before."""
    planned: dict[str, list[Fact]] = {}
    for f in facts.of("signed", None):
        planned.setdefault(f.object, []).append(f)
    for agreement, told in planned.items():
        if any(f.status != "planned" for f in told):
            continue
        first = min(f.sentence.start for f in told)
        done = [
            m
            for m in scene.clusters[agreement].mentions
            if m.span.sent.start > first and _told_signed(m)
        ]
        for f in told if done else ():
            facts.add(
                f.subject, "signed", agreement, done[0].span.sent, 0.6, rule="signed/as-planned"
            )


def _told_signed(mention: Mention) -> bool:
    """Whether a mention of an agreement tells it signed, by no one it names, as done and not
    in a quotation."""
    verb = _unsigned(mention.root)
    return verb is not None and not _quoted(mention.span.sent) and _told(verb)


_EARLIER = {"earlier", "previously", "formerly"}  # a signing told as past the news
_AGENDA = {"plan", "planned", "agenda", "programme", "program", "schedule", "itinerary"}


def _told(verb: Token) -> bool:
    """Whether a signing is told as done: not planned, nor on an agenda ("the programme of
    the visit includes the signing of documents"), nor done long before ("the implementation
    of agreements signed earlier")."""
    head = verb.head
    subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    agenda = verb.dep_ in {"dobj", "attr"} and any(
        s.lemma_.lower() in _AGENDA or s.lower_ in _AGENDA for s in subjects
    )
    earlier = any(c.lower_ in _EARLIER for c in verb.children)  # "agreements signed earlier"
    return not agenda and not earlier and modality(verb) == "asserted"


def _commercial(agreement: Cluster) -> bool:
    """ "Six business deals", "contracts", "commercial documents": what companies sign."""
    return agreement.cls == "Contract" or any(
        t.lower_ in {"business", "commercial"} for m in agreement.mentions for t in m.span
    )


def _named_parties(facts: Facts, scene: Scene) -> None:
    """A signed agreement that names its parties ("the Agreement between the Ministry of
    Trade of Kazakhstan and the Ministry of Economy of Uzbekistan", "the Programme of
    Cooperation between Azerbaijan and Kazakhstan") was signed by them, also where the
    article says it was signed and by no one ("... was signed in the presence of the
    presidents")."""
    named = scene.words_of({"Country", "Organization"})
    starts: dict[int, int] = {}  # the end of the longest name at each word
    for c in scene.clusters.values():
        for m in c.mentions if c.type in {"Country", "Organization"} else ():
            starts[m.span.start] = max(m.span.end, starts.get(m.span.start, 0))
    signings = [(f.object, f.sentence, f.status) for f in facts.of("signed", None)]
    roots = scene.roots_of("Agreement")
    for document in [c for c in scene.clusters.values() if c.type == "Agreement"]:
        for m in (m for m in document.mentions if _told_signed(m)):
            signings.append((document.id, m.span.sent, "asserted"))
            listed = _listed(m.span.sent, m.span.end, roots)  # "... were signed: - a"
            signings += [(roots[i].id, m.span.sent, "asserted") for i in listed]
    for agreement, sentence, status in signings:
        if status == "negated":
            continue
        for m in scene.clusters[agreement].mentions:
            for between in (t for t in m.span if t.lower_ == "between" and t.dep_ == "prep"):
                parties = [*_objects(between), *_between_names(between, starts)]
                for party in dict.fromkeys(parties):
                    if party.i in named and m.span.start <= party.i < m.span.end:
                        facts.add(
                            named[party.i].id,
                            "signed",
                            agreement,
                            sentence,
                            0.6,
                            status,
                            "signed/named-parties",
                        )


def _witnesses_of_bodies(facts: Facts, scene: Scene) -> None:
    """An agreement that names bodies as its parties ("a memorandum between Padiberas and
    Vietnam Southern Food Corporation") was not signed by the country of who witnessed it,
    nor by the sides of the article, which the text does not say signed it."""
    parties: dict[str, set[str]] = {}
    for f in facts.of("signed", None):
        if f.rule == "signed/named-parties":
            parties.setdefault(f.object, set()).add(scene.clusters[f.subject].type)
    for f in facts.of("signed", None):
        if parties.get(f.object) == {"Organization"} and (
            f.rule.split("+")[0] in _WITNESS_RULES or f.rule in _SIDES_RULES
        ):
            facts.discard(f)


_SIDES_RULES = {"signed/sides", "signed/both-sides"}  # who signed, the text does not say


def _unsigned(token: Token) -> Token | None:
    """The word that says an agreement was signed, when nothing names who signed it: the
    agreement (or the list it is in, or the set it counts: "a package of documents") its
    passive subject (or a headline's subject: "Documents signed") or the participle's noun,
    with no agent, or the noun of "the signing of the agreement" ("the signing ceremony of
    the documents"), or the object of a signing whose subject names no one the article
    knows ("the ministries of the two countries signed a memorandum")."""
    verb: Token | None
    while token.dep_ == "conj" and token.head.pos_ in {"NOUN", "PROPN"}:
        token = token.head  # "the signing of the protocol and the agreement"
    while token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_ in _SETS:
        token = token.head.head  # "a package of documents was signed"
    if _signing(token):  # "the signing of the protocol as well as the agreement"
        verb = token
    elif token.dep_ == "nsubjpass" and token.head.lemma_ in _SIGN:
        verb = token.head
    elif token.dep_ == "nsubj" and token.head.lemma_ in _SIGN and _objectless(token.head):
        verb = token.head  # a headline's "Documents on cooperation signed"
    elif token.dep_ == "pobj" and token.head.lower_ == "of" and _signing(token.head.head):
        verb = token.head.head
    elif token.dep_ == "dobj" and token.head.lemma_ in _SIGN and _nameless(token.head):
        verb = token.head
    else:
        verb = next(
            (
                c
                for t in (token, *token.conjuncts)  # "the declaration and the programme signed"
                for c in t.subtree
                if c.lemma_ in _SIGN
                and c.dep_ in {"acl", "amod", "relcl"}
                and _modifies(c, t)
                and not _subject_named(c)
            ),
            None,
        ) or _signed_after_of(token)
    if verb is None or any(c.lower_ == "between" for c in verb.children):
        return None
    if any(c.dep_ == "agent" for c in verb.children) and not _nameless(verb):
        return None
    return verb


def _signed_after_of(agreement: Token) -> Token | None:
    """A "signed" participle the parser hung on the noun the agreement complements, after it
    ("the importance of the Treaty on Partnership signed in Budapest", "the implementation
    of the roadmap, signed during the visit"): it tells of the agreement."""
    if agreement.dep_ != "pobj" or agreement.head.lower_ != "of":
        return None
    noun = agreement.head.head
    return next(
        (
            c
            for c in noun.rights
            if c.lemma_ in _SIGN
            and c.dep_ in {"acl", "relcl"}
            and c.i > agreement.i
            and not _subject_named(c)
        ),
        None,
    )


def _subject_named(verb: Token) -> bool:
    """Whether a relative clause's signing names who signed ("the accord Japan and Korea
    concluded"), not "which" or "that" nor a common noun phrase naming no one."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.tag_ not in {"WDT", "WP"}]
    return bool(subjects) and not _nameless(verb)


def _objectless(verb: Token) -> bool:
    return not any(c.dep_ in {"dobj", "obj"} for c in verb.children)


def _modifies(participle: Token, agreement: Token) -> bool:
    """Whether a "signed" participle tells of the agreement: hung on it, or on the last word
    of its complement ("the programme to develop cooperation signed in Baku")."""
    token = participle.head
    while token != agreement:
        if token.dep_ not in _INSIDE or token.lemma_.lower() in heads("agreement"):
            return False
        token = token.head
    return True


_INSIDE = {"dobj", "pobj", "prep", "acl", "pcomp", "compound", "amod", "appos"}
_SETS = {"package", "set", "number", "series", "raft", "range", "batch", "bundle", "host", "total"}
_NOT_SIDES = {
    "business",
    "businesses",
    "businessman",
    "businessmen",
    "company",
    "companies",
    "firm",
    "firms",
    "entrepreneur",
    "entrepreneurs",
    "investor",
    "investors",
    "corporation",
    "corporations",
}


def _nameless(verb: Token) -> bool:
    """A signing whose subject (or agent) is a common noun phrase naming no one ("the
    ministries of the two countries", "by the foreign ministers"): not a pronoun ("he", "we": someone the text
    names elsewhere), nor a name, nor companies and businesspeople, who sign for
    themselves."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"] + [
        o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"
    ]
    if len(subjects) != 1:
        return False
    words = list(subjects[0].subtree)
    return (
        subjects[0].pos_ == "NOUN"
        and not any(t.pos_ == "PROPN" or t.ent_type_ in _NAMED for t in words)
        and not any(t.lower_ in _NOT_SIDES for t in words)
    )


_NAMED = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}


def _signing(noun: Token) -> bool:
    """ "The signing", "the signing ceremony", "was signing of an agreement" (taken for a
    verb), "the exchange of documents", not "his signing" nor "X's signing": a signing that
    names no signatory."""
    if noun.tag_ == "VBG" and noun.lower_ == "signing":  # "a result was signing of a treaty"
        return any(c.lower_ == "of" for c in noun.children) and not any(
            c.dep_ == "poss" for c in noun.children
        )
    signing = noun.lemma_ in {"signing", "exchange"} or (
        noun.lemma_ == "ceremony" and any(c.lemma_ == "signing" for c in noun.lefts)
    )
    return signing and not any(c.dep_ in {"poss", "nsubj"} for c in noun.children)


def _signings_placed(facts: Facts, scene: Scene) -> None:
    """A signing the verb tells with where it was ("signed the agreement at the Palace of
    Serbia in Belgrade", "the deal was signed in Riga") and no signing ceremony names: an
    event of the article, held there (its signatories and documents follow as for one
    named)."""
    places = scene.roots_of("Place")
    named = {e.id for e in scene.clusters.values() if e.cls == "SigningCeremony"}
    told: dict[int, Cluster] = {}
    for f in facts.of("signed"):
        verb = f.trigger
        if verb is None or verb.lemma_ not in _SIGN or named:
            continue
        words = [w for w in where_words([verb]) if w.i in places]  # not "at a ceremony"
        words += where_words(words)  # "at the Palace of Serbia in Belgrade"
        where = [places[w.i] for w in words if w.i in places]
        if not where:
            continue
        event = told.get(verb.i)
        if event is None:
            event = told[verb.i] = Cluster(
                free_id(scene.clusters, len(scene.clusters)),
                "Event",
                "SigningCeremony",
                name=f"signing of {_title(scene.clusters[f.object])}",
            )
            event.add(
                Mention(verb.doc[verb.i : verb.i + 1], "Event", "SigningCeremony", anaphor=True)
            )
            scene.clusters[event.id] = event
        for place in dict.fromkeys(where):
            facts.add(event.id, "heldIn", place.id, f.sentence, 0.7, f.status, "heldIn/signed-at")


def _title(agreement: Cluster) -> str:
    """The fullest name an agreement has in the article."""
    return max((m.text for m in agreement.mentions), key=len).removeprefix("the ")


def _signatories(facts: Facts, scene: Scene) -> None:
    """What was signed at a signing ceremony (the agreements named in its phrase, "the signing
    of the protocol", or signed in a sentence naming it, else in the sentence before or
    after, and the documents listed as among them), and who signed it took part (not the
    country of who only witnessed it)."""
    signed = facts.of("signed", None)
    for event in scene.clusters.values():
        if event.cls != "SigningCeremony":
            continue
        agreements: dict[str, None] = {}
        for distance in (0, 1):
            for m in event.mentions:
                here = scene.index(m.span.sent)
                for f in signed:
                    inside = any(
                        m.span.start <= a.span.start and a.span.end <= m.span.end
                        for a in scene.clusters[f.object].mentions
                    )
                    if inside or abs(scene.index(f.sentence) - here) == distance:
                        agreements[f.object] = None
            if agreements:
                break
        if not agreements:
            continue
        agreements.update(
            dict.fromkeys(a for a, whole in scene.parts.items() if whole in agreements)
        )
        scene.outcomes[event.id] = tuple(agreements)
        for f in signed:
            witnessed = f.rule.startswith(tuple(_WITNESS_RULES))  # the witnesses' country
            if f.object in agreements and f.status != "negated" and not witnessed:
                facts.add(
                    event.id,
                    "participant",
                    f.subject,
                    f.sentence,
                    0.7,
                    f.status,
                    "participant/signatory",
                )


def _headline_agreements(facts: Facts, scene: Scene) -> None:
    """An agreement only the headline names ("Ethiopia, Djibouti sign deals on port, power")
    is the one agreement of the body signed by its signers or some of them, or the other way
    round (of those, the one of its head word when there is one): "... signed three
    agreements on port utilization and power export". A headline's plan to sign names the
    agreement the body tells signed as well, and one it tells signed by no one it names ("Kyrgyz,
    Tajik presidents sign border treaty") the one treaty of the body signed."""
    end = scene.headline_end()
    signers: dict[str, set[str]] = {}
    for f in facts.of("signed", None):
        signers.setdefault(f.object, set()).add(f.subject)
    agreements = [c for c in scene.clusters.values() if c.type == "Agreement"]
    for agreement in agreements:
        if not end or any(m.span.start >= end for m in agreement.mentions):
            continue
        body = [
            b
            for b in agreements
            if b.id in scene.clusters
            and b.id in signers
            and all(m.span.start >= end for m in b.mentions)
            and nested(signers.get(agreement.id, set()), signers[b.id])
        ]
        found = [b for b in body if head_words(b) & head_words(agreement)]
        found = found or (body if agreement.id in signers else [])
        if len(found) == 1:
            scene.fold(facts, agreement.id, found[0].id)
            scene.outcomes = {
                event: tuple(dict.fromkeys(found[0].id if a == agreement.id else a for a in made))
                for event, made in scene.outcomes.items()
            }


def _one_signing(facts: Facts, scene: Scene) -> None:
    """Signings of an agreement in common are one ("clap during a signing ceremony ...
    oversaw the signing of bilateral agreements"): the first told keeps the others' mentions
    and facts."""
    kept: list[str] = []
    for event in sorted(scene.outcomes, key=lambda e: scene.clusters[e].mentions[0].span.start):
        keeper = next(
            (k for k in kept if set(scene.outcomes[k]) & set(scene.outcomes[event])), None
        )
        if keeper is None:
            kept.append(event)
            continue
        scene.outcomes[keeper] = tuple(
            dict.fromkeys(scene.outcomes[keeper] + scene.outcomes[event])
        )
        scene.fold(facts, event, keeper)
        del scene.outcomes[event]


_POINTERS = {"following", "below", "listed"}


def _lists_only(facts: Facts, scene: Scene) -> None:
    """A set of documents that says only that a list follows ("the sides signed the following
    documents: ...") is no document of its own once the list's items are known: each item is
    signed (``_included``), the set is gone."""
    wholes = set(scene.parts.values())
    for agreement in [c for c in scene.clusters.values() if c.id in wholes]:
        if not all(
            any(t.lower_ in _POINTERS for t in m.span)
            and all(t.lower_ in _POINTERS or t == m.root or t.is_punct for t in m.span)
            for m in agreement.mentions
        ):
            continue
        facts.forget(agreement.id)
        del scene.clusters[agreement.id]
        scene.parts = {a: whole for a, whole in scene.parts.items() if whole != agreement.id}
        scene.outcomes = {
            event: tuple(a for a in made if a != agreement.id)
            for event, made in scene.outcomes.items()
        }


def _between_names(between: Token, starts: dict[int, int]) -> list[Token]:
    """The names listed right after "between", each after "and" or a comma ("between the
    Ministry of Road and Transport of Mongolia and the Ministry of Transport of Russia",
    however the parser joins them); of "A's X", X alone."""
    doc, found, i = between.doc, [], between.i + 1
    while i < len(doc):
        if doc[i].lower_ == "the":
            i += 1
        end = starts.get(i)
        if end is None:
            break
        if end < len(doc) and doc[end].tag_ == "POS":
            i = end + 1  # "between Malaysia's Padiberas and ...": Padiberas, not its owner
            continue
        found.append(doc[i])
        if end >= len(doc) or doc[end].lower_ not in {"and", ","}:
            break
        i = end + 1
    return found


def _objects(preposition: Token) -> list[Token]:
    """The objects of a preposition with the words joined to them ("between A and B")."""
    return [t for o in preposition.children if o.dep_ == "pobj" for t in (o, *o.conjuncts)]


def _quoted(sentence: Span) -> bool:
    return any(q in sentence.text for q in '"“”')
