"""Who "I", "you" and "we" are: the speaker of a quotation or of a transcript's turn.

- In a quotation attributed to a person ("“... your visit to Azerbaijan ...,” Aliyev said";
  a quotation with no attribution continues the one before it in its paragraph), "I",
  "me" and "my" are the speaker; "you" and "your" the person the speaker is talking with,
  where the article has one (the other of its two main people); "we" and "us" both of them.
- In a transcript ("ANTHONY ALBANESE, PRIME MINISTER: Good afternoon. I'll travel ..."), the
  turn of a labelled speaker runs to the next label; "I" there is the speaker ("you" is the
  audience, not a person of the article).

Each pronoun becomes a mention bound to the person (or, for "we", the pair) so relation
patterns read "we signed the Declaration" and "your visit to Azerbaijan" like any other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg.nlp.mentions import Mention
from kg.nlp.paragraphs import paragraph_ends, quotations, text_of
from kg.nlp.relations import MEETING_WORDS, Resolver

__all__ = ["speaker_mentions"]

_FIRST = {"i", "me", "my", "myself"}
_SECOND = {"you", "your", "yourself"}
_PLURAL = {"we", "us"}
_SAY = {
    "say",
    "add",
    "note",
    "stress",
    "tell",
    "emphasize",
    "emphasise",
    "underline",
    "state",
    "remark",
    "recall",
    "continue",
    "declare",
    "conclude",
    "ask",
    "reply",
    "answer",
}
_LABEL = re.compile(r"^([A-Z][A-Z.'’ -]+[A-Z])(?:,[A-Z.'’ ,-]*)?:")


@dataclass(frozen=True)
class _Turn:
    """Tokens ``start``..``end`` said by ``speaker`` to ``listener``; ``quoted`` for a
    quotation (a transcript's turn addresses its audience)."""

    start: int
    end: int
    speaker: Mention
    listener: Mention | None = None
    quoted: bool = True


def _attribution(doc: Doc, span: Span, resolver: Resolver) -> tuple[Mention, Token] | None:
    """The person a saying verb next to the quotation gives ("…,” Mirziyoyev said", "said
    the Azerbaijani President", "he quoted Jaishankar as saying"), with that verb."""
    sentences = {span.sent, doc[span.end].sent if span.end < len(doc) else span.sent}
    sentences.add(doc[span.start - 1].sent)
    for sentence in sorted(sentences, key=lambda s: s.start):
        for token in sentence:
            if span.start - 1 <= token.i <= span.end:
                continue
            role = "dobj" if token.lemma_ == "quote" else "nsubj" if token.lemma_ in _SAY else None
            speaker = _person(token, role, resolver) if role else None
            if speaker is not None:
                return speaker, token
    return None


def _person(verb: Token, role: str, resolver: Resolver) -> Mention | None:
    for child in verb.children:
        if child.dep_ == role:
            found = resolver.mention(child)
            if found is not None and found.type == "Person" and found.entity:
                return found
    return None


def _listener(
    verb: Token, quote: Span, speaker: Mention, resolver: Resolver, country_of: dict[str, str]
) -> Mention | None:
    """The one person of another side whom the attribution has the speaker meet ("said
    Aliyev as he met with President of Russia Vladimir Putin")."""
    side = country_of.get(speaker.entity or "")
    sentence = verb.sent
    if not any(t.lemma_ in MEETING_WORDS for t in sentence if not quote.start <= t.i < quote.end):
        return None
    reporters = {c.i for c in verb.children if c.dep_ == "nsubj"}
    found = {
        m.entity: m
        for m in resolver.people
        if sentence.start <= m.span.start < sentence.end
        and not quote.start <= m.span.start < quote.end
        and not m.anaphor
        and m.root.i not in reporters
        and m.entity
        and m.entity != speaker.entity
        and country_of.get(m.entity) not in {None, side}
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _transcript_turns(doc: Doc, ends: list[int], resolver: Resolver) -> list[_Turn]:
    """The turns of a transcript: from a speaker's label to the next label."""
    labels = []
    text = text_of(doc)
    for start in [0, *ends[:-1]]:
        line = doc[start : start + 12]
        match = _LABEL.match(text[line.start_char : line.start_char + 120])
        if match is None:
            continue
        name_end = line.start_char + match.end(1)
        person = next(
            (
                resolver.inside.get(t.i)
                for t in line
                if t.idx < name_end and resolver.inside.get(t.i) is not None
            ),
            None,
        )
        labels.append((start, person if person is not None and person.type == "Person" else None))
    ends = [*(start for start, _ in labels[1:]), len(doc)] if labels else []
    return [
        _Turn(start, end, person, quoted=False)
        for (start, person), end in zip(labels, ends, strict=True)
        if person is not None and person.entity
    ]


def _quoted_turns(
    doc: Doc, ends: list[int], resolver: Resolver, country_of: dict[str, str]
) -> list[_Turn]:
    """Quotations with their speaker, and the listener the words around them name (or that
    an earlier quotation of the same speaker had)."""
    turns: list[_Turn] = []
    for start, end in quotations(doc, ends):
        if end - start < 3:
            continue
        quote = doc[start:end]
        said = _attribution(doc, quote, resolver)
        if said is not None:
            speaker, verb = said
            listener = _listener(verb, quote, speaker, resolver, country_of) or next(
                (t.listener for t in reversed(turns) if t.speaker.entity == speaker.entity),
                None,
            )
            turns.append(_Turn(start, end, speaker, listener))
        elif turns and not any("\n" in t.whitespace_ for t in doc[turns[-1].end : start]):
            turns.append(_Turn(start, end, turns[-1].speaker, turns[-1].listener))
    return turns


def speaker_mentions(
    doc: Doc, resolver: Resolver, partner: dict[str, Mention], country_of: dict[str, str]
) -> list[Mention]:
    """Mentions for the first- and second-person pronouns of quotations and transcripts.
    ``partner`` maps a person's entity id to the person they talk with in the article, where
    the words around a quotation do not say; ``country_of`` people's sides."""
    said_by: dict[int, _Turn] = {}
    ends = paragraph_ends(doc)
    turns = _transcript_turns(doc, ends, resolver) + _quoted_turns(doc, ends, resolver, country_of)
    for turn in turns:
        said_by.update(dict.fromkeys(range(turn.start, turn.end), turn))
    found = []
    for i, turn in said_by.items():
        token, lower, span = doc[i], doc[i].lower_, doc[i : i + 1]
        if token.pos_ != "PRON":
            continue
        addressed = turn.listener or (
            partner.get(turn.speaker.entity or "") if turn.quoted else None
        )
        if lower in _FIRST or (lower in _PLURAL and turn.listener is None):
            target = turn.speaker
        elif lower in _SECOND and addressed is not None:
            target = addressed
        elif lower in _PLURAL and turn.listener is not None:
            group = Mention(span, "Group", "person", anaphor=True)
            group.members = (turn.speaker, turn.listener)
            found.append(group)
            continue
        else:
            continue
        found.append(Mention(span, "Person", "Person", entity=target.entity, anaphor=True))
    return found
