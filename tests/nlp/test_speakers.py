"""Speakers (``kg.nlp.speakers``): the people "I", "you" and "we" stand for in quotations and
transcripts."""

from __future__ import annotations

from kg.nlp.speakers import speaker_mentions

QUOTED = (
    "Ilham Aliyev received Nikol Pashinyan in Baku.\n\n"
    "“I thank you for your visit,” Aliyev said. “We signed the declaration.”"
)


def _speakers(read, text: str, partner_of: tuple[str, str] | None = None) -> list[tuple]:
    r = read(text)
    partner = {}
    if partner_of:
        person, other = (r.mention(name) for name in partner_of)
        partner[person.entity] = other
    return [(m.text, r.name(m)) for m in speaker_mentions(r.doc, r.resolver, partner, {})]


def test_i_is_the_speaker_of_a_quotation_and_of_the_next_unattributed_one(read):
    assert _speakers(read, QUOTED) == [("I", "Ilham Aliyev"), ("We", "Ilham Aliyev")]


def test_you_is_the_person_the_speaker_talks_with(read):
    assert _speakers(read, QUOTED, ("Ilham Aliyev", "Nikol Pashinyan")) == [
        ("I", "Ilham Aliyev"),
        ("you", "Nikol Pashinyan"),
        ("your", "Nikol Pashinyan"),
        ("We", "Ilham Aliyev"),
    ]


def test_i_in_a_transcript_is_the_labelled_speaker(read):
    text = "ANTHONY ALBANESE, PRIME MINISTER: Good afternoon. I will travel to Beijing next week."
    assert _speakers(read, text) == [("I", "ANTHONY ALBANESE")]


def test_no_speaker_outside_quotations(read):
    assert _speakers(read, "Ilham Aliyev said he would visit Yerevan. I was not there.") == []
