"""Coreference within an article (``kg.nlp.coref.resolve``): which mentions are one entity.
The whole pipeline's coreference cases are in test_coreference.py."""

from __future__ import annotations

import pytest


def _clusters(read, text: str) -> list[tuple[str, list[str]]]:
    return [(c.type, [m.text for m in c.mentions]) for c in read(text).clusters]


def _of_kind(read, text: str, kind: str) -> list[list[str]]:
    """The mentions of each entity of a kind."""
    return [forms for found, forms in _clusters(read, text) if found == kind]


def test_surnames_and_honorifics_join_the_full_name(read):
    clusters = _clusters(
        read, "Askar Mamin met Roman Golovchenko in Minsk. Mr. Mamin thanked Golovchenko."
    )
    assert ("Person", ["Askar Mamin", "Mamin"]) in clusters
    assert ("Person", ["Roman Golovchenko", "Golovchenko"]) in clusters


def test_a_delegation_told_by_its_size_or_rank_alone_is_the_one_named_before(read):
    delegations = _of_kind(
        read,
        "A delegation from the Ministry of Trade of Korea visited Ghana. The five-member "
        "delegation met officials in Accra. The high-level delegation then left for Lome.",
        "Delegation",
    )
    assert len(delegations) == 1, delegations
    assert {"five-member delegation", "high-level delegation"} <= set(delegations[0])


def test_a_country_s_names_and_demonym_are_one_country(read):
    clusters = _clusters(read, "The Republic of Kazakhstan and Kazakh officials spoke.")
    assert clusters == [("Country", ["Republic of Kazakhstan", "Kazakh"])]


def test_a_bare_agreement_joins_the_latest_one(read):
    clusters = _clusters(
        read, "Kazakhstan and Belarus signed a memorandum. The memorandum covers trade."
    )
    assert ("Agreement", ["memorandum", "memorandum"]) in clusters


def test_documents_counted_by_the_same_number_are_one_set(read):
    agreements = _of_kind(
        read,
        "Ghana and Peru signed 12 cooperation agreements in Lima on Monday. The 12 accords "
        "cover mining and fisheries. Two MoUs on health will follow. They also signed one "
        "agreement on tourism and one memorandum on sport.",
        "Agreement",
    )
    assert ["12 cooperation agreements", "12 accords"] in agreements
    # Another number is another set; "one" counts no set.
    assert ["Two MoUs on health"] in agreements
    assert ["one agreement on tourism"] in agreements and ["one memorandum on sport"] in agreements


def test_documents_said_only_to_be_on_cooperation_are_the_one_set(read):
    agreements = _of_kind(
        read,
        "Documents on cooperation between Ghana and Peru signed\n\nThe ministers witnessed "
        "the signing of documents between the two countries. In all, nine bilateral agreements "
        "between Ghana and Peru were signed. Agreements on two new mines will follow, and "
        "earlier agreements remain in force.",
        "Agreement",
    )
    assert [
        "Documents on cooperation between Ghana and Peru",
        "documents between the two countries",
        "nine bilateral agreements between Ghana and Peru",
    ] in agreements
    # Documents of a subject of their own, or told as earlier ones, are another set.
    assert ["Agreements on two new mines"] in agreements
    assert ["earlier agreements"] in agreements


def test_counted_memoranda_of_understanding_are_the_one_set(read):
    # the tagger takes "memoranda" for one document; the count says they are several
    agreements = _of_kind(
        read,
        "Ghana and Peru signed eight memoranda of understanding in Lima on Thursday. The "
        "documents were signed at the presidential palace.",
        "Agreement",
    )
    assert agreements == [["eight memoranda of understanding", "documents"]], agreements


def test_an_event_named_inside_another_s_name_is_that_event(read):
    events = _of_kind(
        read,
        "Xi Jinping and Barack Obama held two rounds of talks at Sunnylands. The talks "
        "touched on trade.",
        "Event",
    )
    assert events == [["two rounds of talks", "talks", "talks"]]


def test_each_mention_knows_its_entity(read):
    r = read("Askar Mamin met Roman Golovchenko. Mamin thanked him.")
    by_id = {c.id: c for c in r.clusters}
    assert all(m in by_id[m.entity].mentions for m in r.mentions)
    assert r.name(r.mention("Mamin")) == "Askar Mamin"


def test_a_visit_to_a_country_and_one_to_a_city_of_it_are_one_visit(read):
    events = _of_kind(
        read,
        "Rahmon to Pay an Official Visit to Uzbekistan\n\nPresident Emomali Rahmon will "
        "pay an official two-day visit to Tashkent next week. Later he will make a visit "
        "to Kazakhstan.",
        "Event",
    )
    assert ["Official Visit", "official two-day visit to Tashkent"] in events, events
    assert ["visit to Kazakhstan"] in events, events


@pytest.mark.parametrize(
    "text",
    [
        "Agreements were signed during a visit to Hanoi by Chancellor Maria Lindqvist. "
        "Lindqvist hopes to deepen the partnership on her three-day visit.",
        "The Lindqvist visit: trade first\n\nChancellor Maria Lindqvist arrived in Hanoi on "
        "Monday. Maria Lindqvist's visit to Vietnam is her fourth.",
        # one "in" a country "on a visit" is the one making it
        "Chancellor Maria Lindqvist arrived in Vietnam on an official visit. Lindqvist "
        "began her visit to Vietnam with talks.",
        "Chancellor Maria Lindqvist, who is in Vietnam on an official visit, met the "
        "President. Lindqvist began her visit to Vietnam with talks.",
    ],
)
def test_visits_of_one_visitor_named_however_are_one_visit(read, text):
    visits = [forms for forms in _of_kind(read, text, "Event") if "visit" in " ".join(forms)]
    assert len(visits) == 1, visits


def test_a_visit_its_visitor_makes_is_the_one_told_before_unless_it_goes_elsewhere(read):
    text = (
        "Chile, Peru sign port deal as Ruiz wraps up Lima trip\n\nLIMA -- Chilean President "
        "Ana Ruiz concluded a two-day visit to the Peruvian capital on Tuesday. Ruiz paid a "
        "working visit to Ecuador on Sunday."
    )
    visits = [f for f in _of_kind(read, text, "Event") if "visit" in " ".join(f).lower()]
    assert ["Lima trip", "two-day visit to the Peruvian capital"] in visits, visits
    assert ["working visit to Ecuador"] in visits, visits


def test_the_event_it_is_said_to_be_is_the_one_named_before_of_its_kind(read):
    events = _of_kind(
        read,
        "Chancellor Maria Lindqvist spoke after a two-day meeting with President Tomas Novak "
        'in Brno: "It was a very open talk." Novak hosted the elevated session of the '
        "commission. This was the first session at that level.",
        "Event",
    )
    assert ["two-day meeting", "very open talk"] in events, events
    assert ["elevated session of the commission", "first session"] in events, events
    visits = _of_kind(
        read,
        "Lindqvist went to Brno to hold talks with Novak. This was Lindqvist's first visit to "
        "Brno.",
        "Event",
    )
    assert ["talks with Novak"] in visits, visits


def test_the_visit_it_is_said_to_be_is_the_last_one_named_anywhere_before(read):
    text = (
        "Prime Minister Ana Ruiz said she will travel to Japan for a state visit. The two "
        "countries are close partners. Trade has grown fast. It will be an important visit."
    )
    visits = [f for f in _of_kind(read, text, "Event") if "visit" in " ".join(f)]
    assert visits == [["state visit", "important visit"]], visits
    talks = _of_kind(
        read,
        "Ruiz held talks with Ken Sato in Tokyo. Trade has grown fast. Ports were built. It "
        "was a frank talk.",
        "Event",
    )
    assert ["frank talk"] in talks, talks


def test_an_event_s_proper_name_names_it_whatever_else_the_phrase_says(read):
    events = _of_kind(
        read,
        "Leaders head to Addis Ababa as African Union summit kicks off\n\nLeaders met at the "
        "African Union's annual summit in Addis Ababa. The next African Union summit will be "
        "held in Kigali.",
        "Event",
    )
    assert ["African Union summit", "African Union's annual summit"] in events, events
    assert ["next African Union summit"] in events, events


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "Shavkat Mirziyoyev met Emomali Rahmon in Dushanbe. Shavkat Mirziyoev thanked "
            "Emomali Rahman, and Rahman praised Ilham Aliyev.",
            [
                ["Shavkat Mirziyoyev", "Shavkat Mirziyoev"],
                ["Emomali Rahmon", "Emomali Rahman", "Rahman"],
                ["Ilham Aliyev"],
            ],
        ),
        (
            "Major General Waqar Ahmed Kingravi met Ilham Aliyev. Wagar Ahmad Kinggravi "
            "thanked Ilgar Aliyev.",
            [["Waqar Ahmed Kingravi", "Wagar Ahmad Kinggravi"], ["Ilham Aliyev"], ["Ilgar Aliyev"]],
        ),
        (  # transliterations (zh/j, in/yn), and a Mongolian name both ways round
            "Sergey Lavrov will hold talks with Foreign Minister Batmunkhin Battsetseg and "
            "speaker Gombozhavin Zandanshatar in Ulaanbaatar. Lavrov will also meet his "
            "counterpart, Battsetseg Batmunkh, and the speaker, Gombojavyn Zandanshatar. "
            "Battsetseg Enkhbold and Gombojav Zandan did not attend.",
            [
                ["Batmunkhin Battsetseg", "Battsetseg Batmunkh"],
                ["Gombozhavin Zandanshatar", "Gombojavyn Zandanshatar"],
                ["Battsetseg Enkhbold"],
                ["Gombojav Zandan"],
            ],
        ),
        (  # a surname alone spelled another way, its first letter too (zh/j)
            "Kyrgyz Prime Minister Akylbek Zhaparov arrived in Taraz. Japarov opened a forum.",
            [["Akylbek Zhaparov", "Japarov"]],
        ),
    ],
)
def test_a_name_spelled_another_way_is_the_same_person(read, text, people):
    found = _of_kind(read, text, "Person")
    assert all(p in found for p in people), found


def test_an_event_named_again_with_a_is_another_one(read):
    """ "a state visit" to one country and then "a state visit" to the next: two visits; the
    same words with "the" name the one told before."""
    events = _of_kind(
        read,
        "Ramaphosa will be in Nigeria for a state visit. From Nigeria, he will go to Ghana, "
        "where he will be hosted on a state visit. The state visit ends on Friday.",
        "Event",
    )
    assert events == [["state visit"], ["state visit", "state visit"]]


def test_a_body_named_by_its_head_word_alone_is_the_one_named_so_before(read):
    bodies = _of_kind(
        read,
        "The fifth meeting of the Chile-Peru Intergovernmental Commission on Trade was held in "
        "Lima. The co-chairs signed the Protocol of the fifth meeting of the Commission.",
        "Organization",
    )
    assert [forms for forms in bodies if "Commission" in forms] == [
        ["Chile-Peru Intergovernmental Commission on Trade", "Commission"]
    ], bodies
