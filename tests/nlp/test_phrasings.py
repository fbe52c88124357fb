"""The many ways news tells one fact, each in a sentence written for these tests: every
phrasing of a visit, a meeting, a signing, a delegation's head and a venue must give the
same facts (probes of a template with each phrasing, so a rule that stops covering one
breaks here)."""

from __future__ import annotations

import pytest

from tests.conftest import facts

GUEST = "Ghanaian Foreign Minister Kofi Mensah"
HOST = "Kenyan President William Ruto"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (f"{GUEST} arrived in Nairobi on Monday.", "Nairobi"),
        (f"{GUEST} paid an official visit to Kenya on Monday.", "Kenya"),
        (f"{GUEST} is on a two-day visit to Kenya.", "Kenya"),
        (f"{GUEST} began a state visit to Kenya on Monday.", "Kenya"),
        (f"{GUEST} concluded his visit to Kenya on Monday.", "Kenya"),
        (f"{GUEST} wrapped up a three-day visit to Kenya on Monday.", "Kenya"),
        (f"{GUEST} flew to Nairobi on Monday.", "Nairobi"),
        (f"{GUEST} landed in Nairobi on Monday.", "Nairobi"),
        (f"{GUEST} is in Nairobi on an official visit.", "Nairobi"),
        (f"{GUEST} was received in Nairobi by {HOST} on Monday.", "Kenya"),
        (f"{HOST} hosted {GUEST} at State House in Nairobi on Monday.", "State House"),
        (f"{GUEST}, who is visiting Kenya, met President William Ruto on Monday.", "Kenya"),
        (f"During his visit to Kenya, {GUEST} met President William Ruto.", "Kenya"),
        (f"{GUEST} held talks in Nairobi with {HOST} on Monday.", "Nairobi"),
        (f"{GUEST} headed a delegation to Kenya on Monday.", "Kenya"),
        (f"{GUEST} led a Ghanaian delegation to Nairobi on Monday.", "Nairobi"),
        (f"{GUEST} was in Nairobi on Monday for talks with President William Ruto.", "Nairobi"),
        (f"Nairobi hosted {GUEST} on Monday.", "Nairobi"),
    ],
)
def test_a_visit_however_told(rules, text, place):
    assert ("Kofi Mensah", "visited", place) in facts(rules.extract(text))


@pytest.mark.parametrize(
    "text",
    [
        f"{GUEST} met {HOST} in Nairobi on Monday.",
        f"{GUEST} met with {HOST} in Nairobi on Monday.",
        f"{GUEST} held talks with {HOST} in Nairobi on Monday.",
        f"{HOST} received {GUEST} in Nairobi on Monday.",
        f"{GUEST} was received by {HOST} in Nairobi on Monday.",
        f"{GUEST} had a meeting with {HOST} in Nairobi on Monday.",
        f"{GUEST} paid a courtesy call on {HOST} in Nairobi on Monday.",
        f"{GUEST} and {HOST} held talks in Nairobi on Monday.",
        f"Talks between {GUEST} and {HOST} were held in Nairobi on Monday.",
        f"{HOST} welcomed {GUEST} in Nairobi on Monday.",
        f"In Nairobi on Monday, {GUEST} met {HOST}.",
        f"In a meeting with {HOST} in Nairobi on Monday, {GUEST} discussed trade.",
        f"{GUEST} and {HOST} discussed trade at a meeting in Nairobi on Monday.",
        f"{GUEST} sat down with {HOST} in Nairobi on Monday.",
        f"{GUEST} held a bilateral meeting with {HOST} in Nairobi on Monday.",
        f"{GUEST} and {HOST} held a bilateral in Nairobi on Monday.",
    ],
)
def test_a_meeting_however_told(rules, text):
    found = facts(rules.extract(text))
    assert ("Kofi Mensah", "met", "William Ruto") in found
    events = {s for s, p, o in found if p == "participant" and o == "Kofi Mensah"}
    assert any((e, "participant", "William Ruto") in found for e in events), found
    assert any((e, "heldIn", "Nairobi") in found for e in events), found


_TALKS = f"{GUEST} held talks with Kenyan Trade Minister Paul Otieno in Nairobi on Monday. "
_PEOPLE = {"Kofi Mensah", "Paul Otieno", "Ghana", "Kenya"}


@pytest.mark.parametrize(
    ("text", "signers"),
    [
        ("After the talks, the sides signed a memorandum on trade.", {"Ghana", "Kenya"}),
        ("After the talks, the two ministers signed a memorandum on trade.", _PEOPLE),
        ("Mensah and Otieno signed a memorandum on trade.", _PEOPLE),
        ("A memorandum on trade was signed by Mensah and Otieno.", _PEOPLE),
        ("The two countries signed a memorandum on trade.", {"Ghana", "Kenya"}),
        ("The ministers also inked a memorandum on trade.", _PEOPLE),
        ("They signed a memorandum on trade.", _PEOPLE),
        ("A memorandum on trade between Ghana and Kenya was also signed.", {"Ghana", "Kenya"}),
        ("The talks ended with the signing of a memorandum on trade.", {"Ghana", "Kenya"}),
    ],
)
def test_a_signing_however_told(rules, text, signers):
    found = facts(rules.extract(_TALKS + text))
    assert {s for s, p, o in found if p == "signed"} == signers, found


_SESSION = "The 5th session of the Kenya-Ghana Joint Commission was held in Nairobi on Monday. "


@pytest.mark.parametrize(
    "text",
    [
        "The Ghanaian delegation was headed by Foreign Minister Kofi Mensah.",
        "Foreign Minister Kofi Mensah led the Ghanaian delegation.",
        "The Ghanaian delegation, headed by Foreign Minister Kofi Mensah, arrived on Sunday.",
        "The Ghanaian delegation led by Foreign Minister Kofi Mensah arrived on Sunday.",
        "Foreign Minister Kofi Mensah, head of the Ghanaian delegation, said trade grew.",
        "Foreign Minister Kofi Mensah, who led the Ghanaian delegation, said trade grew.",
        "Foreign Minister Kofi Mensah led a high-level Ghanaian delegation at the session.",
        "The delegations were led by Foreign Minister Kofi Mensah and Trade Minister Paul Otieno.",
    ],
)
def test_a_delegation_s_head_however_told(rules, text):
    found = facts(rules.extract(_SESSION + text))
    assert [s for s, p, o in found if p == "headedBy" and o == "Kofi Mensah"], found


@pytest.mark.parametrize(
    "venue",
    [
        "Presidential Palace",
        "State House",
        "Kenyatta International Convention Centre",
        "Serena Hotel",
        "Hotel Intercontinental",
        "Government House",
        "Great Hall of the People",
        "Villa Madama",
        "Expo Centre",
        "Lancaster House",
        "Kremlin",
    ],
)
def test_a_meeting_at_a_venue_is_held_there(rules, venue):
    found = facts(rules.extract(f"{GUEST} met {HOST} at the {venue} in Nairobi on Monday."))
    assert [s for s, p, o in found if p == "heldIn" and o == venue], found
