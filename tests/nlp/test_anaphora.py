"""References that name no one (``kg.nlp.anaphora``): titles used alone, "the Kenyan leader",
"the sides" and "the two leaders", each bound to the entities it stands for."""

from __future__ import annotations

import pytest

from kg.nlp.affiliation import affiliations
from kg.nlp.anaphora import (
    group_mentions,
    guest_mentions,
    latter_mentions,
    leader_mentions,
    title_mentions,
)
from kg.nlp.positions import find_positions
from tests.conftest import facts


def _read(read, text: str):
    r = read(text)
    positions = find_positions(r.doc, r.resolver)
    sides = affiliations(r.doc, r.resolver, r.clusters, positions, None)
    countries = {p: side.country for p, side in sides.items() if side.country}
    return r, positions, countries


def test_a_deputy_s_title_is_not_the_office_holder_s(read):
    """'the Indian Vice President' is the Vice President named before, not the President
    named since; nor is 'the President' a Vice President."""
    r, positions, countries = _read(
        read,
        "Sultan Haitham bin Tarik received Jagdeep Dhankhar, Vice President of India. He "
        "conveyed the greetings of President Droupadi Murmu. Earlier, the Indian Vice President "
        "visited a port. The Indian President sent a letter.",
    )
    found = title_mentions(r.doc, r.resolver, r.clusters, positions, countries)
    assert [(m.text, r.name(m)) for m, _ in found] == [
        ("Vice President", "Jagdeep Dhankhar"),
        ("President", "Droupadi Murmu"),
    ]


def test_a_title_as_subject_continues_the_subject_before_of_its_kind(read):
    """ "Trade Minister X arrived ... She met Y's Minister of Industry Z. The Minister then
    toured ...": X, the subject the sentence before continues, not Z named last."""
    r, positions, countries = _read(
        read,
        "OTTAWA - Trade Minister Anna Kowal arrived in Hanoi on Monday. She met Vietnam's "
        "Minister of Industry and Trade, Tran Quoc Hung. The Minister then toured the Saigon "
        "Hi-Tech Park.",
    )
    found = title_mentions(r.doc, r.resolver, r.clusters, positions, countries)
    assert [(m.text, r.name(m)) for m, _ in found] == [("Minister", "Anna Kowal")]


def test_a_title_used_alone_is_its_holder(read):
    r, positions, countries = _read(
        read,
        "Kazakh President Kassym-Jomart Tokayev received Chinese Foreign Minister Wang Yi in "
        "Astana. The Chinese Minister thanked the Kazakh President.",
    )
    found = title_mentions(r.doc, r.resolver, r.clusters, positions, countries)
    assert [(m.text, r.name(m), held.title) for m, held in found] == [
        ("Minister", "Wang Yi", "Minister"),
        ("President", "Kassym-Jomart Tokayev", "President"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Foreign Minister Ararat Mirzoyan received Deputy Foreign Minister of Greece "
            "Alexandra Papadopoulou. The deputy minister also met Alen Simonyan.",
            [("deputy minister", "Alexandra Papadopoulou")],
        ),
        (
            "Foreign Minister Bakhtiyor Saidov arrived in Ankara. The minister met Cevdet Yilmaz.",
            [("minister", "Bakhtiyor Saidov")],
        ),
        (  # two foreign ministers: "the minister", the subject, continues the subject
            "Foreign Minister Bakhtiyor Saidov met Foreign Minister Hakan Fidan. The minister "
            "also met Cevdet Yilmaz.",
            [("minister", "Bakhtiyor Saidov")],
        ),
        (  # "Minister for ..." is a minister as "Minister of ..." is
            "Minister for Foreign Affairs Sigrun Berg held talks in Tirana with Albanian "
            "Foreign Minister Arben Kaceli. The Minister then travelled to Durres.",
            [("Minister", "Sigrun Berg")],
        ),
        (  # not where it is no subject: either could be meant
            "Foreign Minister Bakhtiyor Saidov met Foreign Minister Hakan Fidan. Cevdet Yilmaz "
            "also met the minister.",
            [],
        ),
    ],
)
def test_a_title_used_alone_is_the_one_holder_of_a_kind_of_its_office(read, text, expected):
    r, positions, countries = _read(read, text)
    found = title_mentions(r.doc, r.resolver, r.clusters, positions, countries)
    assert [(m.text, r.name(m)) for m, _ in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Qatar's Emir flew to Turkey yesterday. While there, Sheikh Tamim met Turkish "
            "President Recep Tayyip Erdogan in Trabzon.",
            [("Emir", "Tamim")],
        ),
        (
            "On behalf of the Mexican president, Foreign Secretary Ana Ruiz attended the "
            "inauguration in Buenos Aires. She greeted Susana Malcorra there.",
            [],
        ),
        (
            "The President of Kazakhstan met with the delegation of the Asian Development Bank "
            "headed by its President Masatsugu Asakawa.",
            [],
        ),
        (
            "Egypt's president held talks in Cairo on Monday with Antony Blinken. Egypt's "
            "president met Jan Novak there.",
            [],
        ),
        (
            "The Amir holds talks with Tajik leader\n\nAmir Sheikh Tamim bin Hamad Al Thani met "
            "Emomali Rahmon in Dushanbe on Thursday.",
            [("Amir", "Tamim bin Hamad Al Thani")],
        ),
        (
            "The Minister holds talks in Dushanbe\n\nForeign Minister Ana Ruiz met Defence "
            "Minister Luis Vega and Minister Omar Hamdan in Dushanbe on Thursday.",
            [],
        ),
    ],
    ids=[
        "who-a-country-s-office-does-first-is-the-next-person-named",
        "not-only-on-whose-behalf",
        "not-one-whose-title-is-a-body-s",
        "not-whom-the-office-meets",
        "an-office-of-no-country-is-its-one-holder-named-later",
        "not-where-many-hold-it",
    ],
)
def test_an_office_in_the_lead_is_the_person_named_next(read, text, expected):
    r, positions, countries = _read(read, text)
    found = title_mentions(r.doc, r.resolver, r.clusters, positions, countries)
    assert [(m.text, r.name(m)) for m, _ in found] == expected


def test_a_country_s_leader_is_its_person(read):
    r, _, countries = _read(
        read,
        "William Ruto of Kenya met John Mahama of Ghana in Nairobi. The Kenyan leader thanked "
        "his guest.",
    )
    found = leader_mentions(r.doc, r.resolver, r.clusters, countries)
    assert [(m.text, r.name(m)) for m in found] == [("Kenyan leader", "William Ruto")]


def test_a_counterpart_named_by_no_name_is_the_one_named_so_before(read):
    r, _, countries = _read(
        read,
        "Georgian Prime Minister Mamuka Bakhtadze met his Armenian counterpart Nikol Pashinyan "
        "in Yerevan. He also met Armenian President Armen Sarkissian. The trip comes three "
        "months after his Armenian counterpart visited Tbilisi. His Turkish counterpart will "
        "come in May.",
    )
    found = leader_mentions(r.doc, r.resolver, r.clusters, countries)
    assert [(m.text, r.name(m)) for m in found] == [("Armenian counterpart", "Nikol Pashinyan")]


def test_the_sides_and_the_two_leaders(read):
    r, positions, countries = _read(
        read,
        "Kazakhstan and Belarus held talks in Astana. The sides signed a protocol. The two "
        "leaders Tokayev and Lukashenko spoke.",
    )
    found = group_mentions(r.doc, r.resolver, r.clusters, countries, positions)
    assert [(m.text, [r.name(x) for x in m.members]) for m in found] == [
        ("sides", ["Kazakhstan", "Belarus"]),
        ("leaders", ["Tokayev", "Lukashenko"]),
    ]


def test_the_three_countries_and_the_three_leaders_are_three(read):
    r, positions, countries = _read(
        read,
        "President Ana Ruiz of Chile, President Elmer Soto of Peru and President Jorge Quispe "
        "of Bolivia met in Lima. Chile hosted, and Peru and Bolivia sent ministers. The three "
        "leaders spoke and the three countries signed a memorandum.",
    )
    found = group_mentions(r.doc, r.resolver, r.clusters, countries, positions)
    assert [(m.text, sorted(r.name(x) for x in m.members)) for m in found] == [
        ("leaders", ["Ana Ruiz", "Elmer Soto", "Jorge Quispe"]),
        ("countries", ["Bolivia", "Chile", "Peru"]),
    ]


@pytest.mark.parametrize(
    "subject",
    [
        "The foreign ministers of Chile, Peru and Bolivia",
        "Chilean Minister Ana Ruiz, Peruvian Minister Luis Vega and Bolivian Minister Jorge Soto",
    ],
)
def test_their_countries_are_those_the_subject_names(read, subject):
    r, positions, countries = _read(
        read, f"{subject} agreed on Monday that their countries will hold a summit in Lima."
    )
    (found,) = group_mentions(r.doc, r.resolver, r.clusters, countries, positions)
    qids = {c.id: c.qid for c in r.clusters}
    assert found.text == "countries"
    assert {qids[m.entity] for m in found.members} == {
        "Q298",
        "Q419",
        "Q750",
    }  # Chile, Peru, Bolivia


def test_a_summit_their_leaders_held_is_their_countries(rules):
    found = facts(
        rules.extract(
            "Chilean Minister Ana Ruiz, Peruvian Minister Luis Vega and Bolivian Minister Jorge "
            "Soto said trade grew since their leaders held a summit at Machu Picchu in May."
        )
    )
    for country in ("Chile", "Peru", "Bolivia"):
        assert ("summit", "participant", country) in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Talks in Tallinn brought together Foreign Minister Kaarel Tammsaar of Estonia and "
        "Norwegian Foreign Minister Ingrid Solbakken. With Solbakken, the foreign minister "
        "signed the Estonian-Norwegian Memorandum on Cyber Defence.",
        "Foreign Minister Kaarel Tammsaar of Estonia met Norwegian Foreign Minister Ingrid "
        "Solbakken. With Solbakken, the minister signed the Estonian-Norwegian Memorandum on "
        "Cyber Defence.",
    ],
)
def test_a_title_is_not_the_one_its_verb_is_done_with(rules, text):
    found = facts(rules.extract(text))
    memorandum = "Estonian-Norwegian Memorandum on Cyber Defence"
    for signer in ("Kaarel Tammsaar", "Ingrid Solbakken", "Estonia", "Norway"):
        assert (signer, "signed", memorandum) in found, found


def test_their_countries_after_one_country_s_people_are_no_sides(read):
    r, positions, countries = _read(read, "Chilean exporters said their countries' ports grew.")
    assert group_mentions(r.doc, r.resolver, r.clusters, countries, positions) == []


def test_a_plural_followed_by_other_names_stands_for_them_not_the_two(read):
    r, positions, countries = _read(
        read,
        "Presidents Ana Ruiz and Elmer Soto met in Lima. The ministers of foreign affairs "
        "Rosa Quispe and Jorge Vidal signed an agreement.",
    )
    found = group_mentions(r.doc, r.resolver, r.clusters, countries, positions)
    assert [m.text for m in found] == [], [(m.text, m.members) for m in found]


@pytest.mark.parametrize("body", ["Quad", "BRICS"])
def test_a_body_s_plural_stands_for_its_members_not_the_two(read, body):
    r, positions, countries = _read(
        read,
        f"Xi Jinping and Narendra Modi met in Kazan. The {body} foreign ministers met in Tokyo.",
    )
    found = group_mentions(r.doc, r.resolver, r.clusters, countries, positions)
    assert [m.text for m in found] == [], [(m.text, m.members) for m in found]


def test_no_reference_where_the_article_has_no_one_to_refer_to(read):
    r, positions, countries = _read(read, "The sides met. The Kenya leader came.")
    assert group_mentions(r.doc, r.resolver, r.clusters, countries, positions) == []
    assert leader_mentions(r.doc, r.resolver, r.clusters, countries) == []


def test_the_heads_of_state_are_not_two_foreign_ministers(read):
    r, positions, countries = _read(
        read,
        "Kazakh Foreign Minister Murat Nurtleu met Russian Foreign Minister Sergey Lavrov in "
        "Astana. The heads of state of Russia and Kazakhstan will attend the forum.",
    )
    found = group_mentions(r.doc, r.resolver, r.clusters, countries, positions)
    assert [m.text for m in found if m.cls == "person"] == []


@pytest.mark.parametrize(
    ("portfolio", "members"),
    [("railway", None), ("trade", ["Ali Raza", "Olim Karimov"])],
)
def test_ministers_of_a_portfolio_are_those_who_hold_it(read, portfolio, members):
    r, positions, countries = _read(
        read,
        "Trade Minister Ali Raza held talks with Uzbek Minister of Trade Olim Karimov. The "
        f"working group was chaired by the {portfolio} ministers of the two countries.",
    )
    found = group_mentions(r.doc, r.resolver, r.clusters, countries, positions)
    named = [[r.name(x) for x in m.members] for m in found if m.text == "ministers"]
    assert named == ([members] if members else []), named


def test_the_ministers_are_the_two_of_any_portfolio_not_the_prime_minister(read):
    r, positions, countries = _read(
        read,
        "Foreign Minister Bakhtiyor Saidov called on Prime Minister Shehbaz Sharif. Saidov held "
        "talks with Foreign Minister Ishaq Dar. Later, the two ministers signed an agreement.",
    )
    found = group_mentions(r.doc, r.resolver, r.clusters, countries, positions)
    named = [[r.name(x) for x in m.members] for m in found if m.text == "ministers"]
    assert named == [["Bakhtiyor Saidov", "Ishaq Dar"]], named


def test_the_ministers_are_not_a_minister_and_his_deputy(read):
    r, positions, countries = _read(
        read,
        "Brazilian Foreign Minister Helena Moura received the Egyptian Minister of Foreign "
        "Affairs, Sameh Shoukry. The Egyptian delegation also included the Deputy Minister "
        "of Trade, Nadia Ghoneim. The two ministers signed a memorandum.",
    )
    found = group_mentions(r.doc, r.resolver, r.clusters, countries, positions)
    named = [sorted(r.name(x) for x in m.members) for m in found if m.text == "ministers"]
    assert named == [["Helena Moura", "Sameh Shoukry"]], named


def test_the_co_chairs_are_the_two_who_chaired(rules):
    x = rules.extract(
        "The 9th session of the Kenya-Ghana Joint Commission was held in Accra. It was "
        "co-chaired by Ghanaian Minister of Trade Kofi Mensah and Kenyan Trade Minister Paul "
        "Otieno. At the end of the session, the co-chairs signed the minutes."
    )
    signed = {s for s, p, o in facts(x) if p == "signed" and o == "minutes"}
    assert {"Kofi Mensah", "Paul Otieno"} <= signed, signed


def test_the_co_chairs_are_the_two_who_chaired_not_the_two_who_met(rules):
    x = rules.extract(
        "President John Mahama received Kenyan Trade Minister Paul Otieno in Accra. The 9th "
        "session of the Kenya-Ghana Joint Commission was co-chaired by Ghanaian Trade "
        "Minister Kofi Mensah and the Kenyan minister. At the end of the session, the "
        "co-chairs signed the minutes."
    )
    signed = {s for s, p, o in facts(x) if p == "signed" and o == "minutes"}
    assert {"Kofi Mensah", "Paul Otieno"} <= signed, signed
    assert "John Mahama" not in signed, signed


@pytest.mark.parametrize(
    ("text", "leaders"),
    [
        (
            "President Ruto arrived in Accra. The deal was signed by Ghana’s Foreign Minister, "
            "Kwame Mensah. The two leaders held a press conference.",
            None,
        ),
        (
            "President Ruto arrived in Accra and met President Kwame Mensah. The two leaders "
            "held a press conference.",
            ["Ruto", "Kwame Mensah"],
        ),
    ],
)
def test_the_two_leaders_are_no_minister(read, text, leaders):
    r, positions, countries = _read(read, text)
    found = group_mentions(r.doc, r.resolver, r.clusters, countries, positions)
    members = [[r.name(x) for x in m.members] for m in found if m.text == "leaders"]
    assert members == ([leaders] if leaders else []), members


@pytest.mark.parametrize(
    ("text", "they"),
    [
        (
            "Santiago Cafiero arrived in Mexico City and held a meeting with Marcelo Ebrard. "
            "They signed two agreements.",
            ["Santiago Cafiero", "Marcelo Ebrard"],
        ),
        (
            "Ali Khan received Anne Dubois in Islamabad. They discussed trade.",
            ["Ali Khan", "Anne Dubois"],
        ),
        ("Ali Khan praised Anne Dubois in Islamabad. They discussed trade.", None),
        (
            "Ali Khan met Anne Dubois and Jean Roux in Islamabad. They discussed trade.",
            None,
        ),
    ],
)
def test_they_after_one_person_meeting_another_are_those_two(read, text, they):
    r, positions, countries = _read(read, text)
    found = group_mentions(r.doc, r.resolver, r.clusters, countries, positions)
    members = [[r.name(x) for x in m.members] for m in found if m.text == "They"]
    assert members == ([they] if they else []), members


def test_the_guest_is_the_one_visitor(read):
    r = read(
        "Turkmen President Serdar Orazov arrived in Dushanbe on an official visit. At the "
        "airport, the high-ranking guest was met by Prime Minister Kohir Rasulov."
    )
    found = guest_mentions(r.doc, r.resolver, r.clusters)
    assert [(m.text, r.name(m)) for m in found] == [("the high-ranking guest", "Serdar Orazov")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Minister Bakhtiyor Saidov called on Prime Minister Shehbaz Sharif. Later, the guest "
            "held talks with Ishaq Dar.",
            [("the guest", "Bakhtiyor Saidov")],
        ),
        (
            "Minister Bakhtiyor Saidov paid a visit to Islamabad. The visiting dignitary met "
            "Ishaq Dar.",
            [("The visiting dignitary", "Bakhtiyor Saidov")],
        ),
        (
            "Prime Minister Shehbaz Sharif received visiting Foreign Minister Bakhtiyor Saidov. "
            "Later, the visiting minister held talks with Ishaq Dar.",
            [("the visiting minister", "Bakhtiyor Saidov")],
        ),
        (  # a phone call makes no one a guest
            "Minister Bakhtiyor Saidov's phone call with Ishaq Dar went well. The guest held "
            "talks with Ishaq Dar.",
            [],
        ),
        (  # nor does a visit someone cancelled
            "Minister Ali Khan cancelled the visit. The guest held talks with Ishaq Dar.",
            [],
        ),
        (  # visiting a person is no visit of theirs
            "The delegation started visiting President Ilham Aliyev. Later, the visiting "
            "minister held talks with Ishaq Dar.",
            [],
        ),
    ],
)
def test_who_calls_on_pays_a_visit_or_is_called_visiting_is_the_guest(read, text, expected):
    r = read(text)
    found = guest_mentions(r.doc, r.resolver, r.clusters)
    assert [(m.text, r.name(m)) for m in found] == expected


def test_no_guest_where_two_travel(read):
    r = read(
        "Serdar Orazov arrived in Dushanbe. Ali Demir visited Dushanbe too. The guest was met "
        "by Prime Minister Kohir Rasulov."
    )
    assert guest_mentions(r.doc, r.resolver, r.clusters) == []


def test_the_visitors_are_the_one_delegation(read):
    r = read(
        "Minister Kwame Mensah received a trade delegation from Pakistan in Accra. Omar Butt led "
        "the visitors. The guests toured the port."
    )
    found = guest_mentions(r.doc, r.resolver, r.clusters)
    assert [(m.text, m.type, r.name(m)) for m in found] == [
        ("the visitors", "Delegation", "trade delegation"),
        ("The guests", "Delegation", "trade delegation"),
    ]


def test_no_visitors_where_two_delegations_came(read):
    r = read(
        "Minister Kwame Mensah received a trade delegation from Pakistan and a delegation from "
        "Chile in Accra. Omar Butt led the visitors."
    )
    assert guest_mentions(r.doc, r.resolver, r.clusters) == []


def test_a_plural_title_used_alone_is_no_one_person(read):
    r, positions, countries = _read(
        read,
        "Presidents of Uzbekistan and Tajikistan talk over the phone\n\nUzbek President Shavkat "
        "Mirziyoyev spoke with Tajik President Emomali Rahmon.",
    )
    found = title_mentions(r.doc, r.resolver, r.clusters, positions, countries)
    assert [m.text for m, _ in found if "Presidents" in m.text] == []


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "The Kazakh-Uzbek business forum opened on Monday. It was attended by Trade Minister "
            "Arman Shakkaliyev.",
            ("Kazakh-Uzbek business forum", "participant", "Arman Shakkaliyev"),
        ),
        (
            "The 10th meeting of the intergovernmental commission was held on Friday. It took "
            "place in Bishkek.",
            ("10th meeting of the intergovernmental commission", "heldIn", "Bishkek"),
        ),
        (
            "The summit opened on Monday. It was chaired by Kazakh President Kassym-Jomart "
            "Tokayev.",
            ("summit", "headedBy", "Kassym-Jomart Tokayev"),
        ),
    ],
)
def test_it_that_was_held_or_attended_is_the_event_named_before(pipeline, text, fact):
    x = pipeline.extract(text)
    labels = {e.id: e.label for e in x.entities}
    found = {(labels[r.subject], r.predicate, labels[r.object]) for r in x.relations}
    assert fact in found, sorted(found)


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        (
            "Prime Minister Narendra Modi met his British counterpart Boris Johnson during the "
            "latter's visit to India.",
            [("the latter", "Boris Johnson")],
        ),
        (
            "Kassym-Jomart Tokayev received Shavkat Mirziyoyev in Astana. The former thanked "
            "him, and the latter invited Tokayev to Tashkent.",
            [("The former", "Kassym-Jomart Tokayev"), ("the latter", "Shavkat Mirziyoyev")],
        ),
        # Not a title's "former", and no pair to choose from.
        ("The former president met Kassym-Jomart Tokayev in Astana.", []),
        ("Kassym-Jomart Tokayev spoke in Astana. The latter's view was clear.", []),
    ],
)
def test_the_latter_and_the_former_are_the_last_two_people_named(read, text, meant):
    r = read(text)
    found = latter_mentions(r.doc, r.mentions)
    assert [(m.text, r.name(m)) for m in found] == meant


def test_the_latter_s_visit_is_the_latter_s(pipeline):
    x = pipeline.extract(
        "Prime Minister Narendra Modi met his British counterpart Boris Johnson during the "
        "latter's India visit."
    )
    labels = {e.id: e.label for e in x.entities}
    found = {(labels[r.subject], r.predicate, labels[r.object]) for r in x.relations}
    assert ("Boris Johnson", "visited", "India") in found
    assert ("Narendra Modi", "visited", "India") not in found


@pytest.mark.parametrize(
    "text",
    [
        "Egyptian President Abdel Fattah al-Sisi received Turkish President Recep Tayyip Erdogan "
        "in Cairo. The two presidents then held an expanded session in the presence of "
        "delegations from the two countries.",
        "Egyptian President Abdel Fattah al-Sisi received Turkish President Recep Tayyip Erdogan "
        "in Cairo. Both delegations then held an expanded session.",
    ],
    ids=["delegations-of-the-two-countries", "both-delegations"],
)
def test_the_two_delegations_are_each_side_s(rules, text):
    x = rules.extract(text)
    labels = {e.id: e.label for e in x.entities}
    found = {(labels[r.subject], r.predicate, labels[r.object]) for r in x.relations}
    assert {("Egyptian delegation", "represents", "Egypt")} <= found
    assert {("Turkish delegation", "represents", "Turkey")} <= found
    session = next(e.label for e in x.entities if "expanded session" in e.label)
    assert (session, "participant", "Egyptian delegation") in found
    assert (session, "participant", "Turkish delegation") in found


@pytest.mark.parametrize(
    "delegations", ["the two delegations", "the delegations", "the delegations of their countries"]
)
def test_two_people_who_led_the_two_delegations_led_each_their_own(rules, delegations):
    x = rules.extract(
        "Pakistan and Uzbekistan held talks in Islamabad on Monday. Foreign Minister Ishaq Dar "
        f"and Uzbek Foreign Minister Bakhtiyor Saidov led {delegations}."
    )
    labels = {e.id: e.label for e in x.entities}
    found = {(labels[r.subject], r.predicate, labels[r.object]) for r in x.relations}
    assert {
        ("Uzbek delegation", "headedBy", "Bakhtiyor Saidov"),
        ("Pakistan delegation", "headedBy", "Ishaq Dar"),
        ("Ishaq Dar", "represents", "Pakistan"),
        ("Ishaq Dar", "met", "Bakhtiyor Saidov"),
    } <= found
    assert ("Uzbek delegation", "headedBy", "Ishaq Dar") not in found
    assert ("Ishaq Dar", "represents", "Uzbekistan") not in found


@pytest.mark.parametrize("leaders", ["the two ministers", "Dar and Saidov"])
def test_delegations_told_only_by_their_two_leaders_are_each_one_s_own(rules, leaders):
    x = rules.extract(
        "Pakistani Foreign Minister Ishaq Dar received Uzbek Foreign Minister Bakhtiyor Saidov in "
        f"Islamabad on Monday. The talks, held between delegations led by {leaders}, lasted "
        "two hours. The Uzbek delegation also included Deputy Minister Aziz Karimov."
    )
    found = facts(x, aliases=True)
    assert ("Uzbek delegation", "headedBy", "Bakhtiyor Saidov") in found
    assert ("Pakistan delegation", "headedBy", "Ishaq Dar") in found
    assert ("Pakistan delegation", "headedBy", "Bakhtiyor Saidov") not in found


def test_one_said_alone_to_head_the_delegations_heads_their_own(rules):
    x = rules.extract(
        "Pakistan and Uzbekistan held talks in Islamabad on Monday. Foreign Minister Ishaq Dar "
        "and Uzbek Foreign Minister Bakhtiyor Saidov, who headed the delegations, signed a "
        "protocol."
    )
    found = facts(x)
    assert ("Uzbek delegation", "headedBy", "Bakhtiyor Saidov") in found
    assert ("Pakistan delegation", "headedBy", "Bakhtiyor Saidov") not in found


@pytest.mark.parametrize(
    "delegation", ["a delegation from Germany and the United States", "a German, US delegation"]
)
def test_a_delegation_from_two_countries_is_each_country_s(rules, delegation):
    x = rules.extract(
        f"Kenyan President William Ruto held a meeting with {delegation} on Tuesday. The "
        "guests flew into Kenya for his swearing in."
    )
    delegations = {e.label for e in x.entities if e.type == "Delegation"}
    represented = {(s, o) for s, p, o in facts(x) if p == "represents" and s in delegations}
    assert sorted(o for _, o in represented) == ["Germany", "United States"], represented
    assert len(delegations) == 2, delegations


def test_delegations_of_many_countries_are_no_two_sides(rules):
    x = rules.extract(
        "Delegations from Egypt, Turkey, Jordan and Qatar attended the conference in Cairo."
    )
    delegations = [e.label for e in x.entities if e.type == "Delegation"]
    assert len(delegations) <= 1 and "Turkish delegation" not in delegations, delegations


def test_the_head_of_state_is_no_president_of_a_region(rules):
    x = rules.extract(
        "President Ilham Aliyev has received a delegation led by President of Tatarstan Rustam "
        "Minnikhanov. The head of state recalled his visit to Tatarstan."
    )
    (aliyev,) = (e for e in x.entities if e.label == "Ilham Aliyev")
    assert "head of state" in aliyev.aliases
    assert ("Ilham Aliyev", "visited", "Tatarstan") in facts(x)


def test_the_head_of_government_is_who_chairs_the_cabinet(rules):
    x = rules.extract(
        "Chairman of the Cabinet of Ministers of Kyrgyzstan Adylbek Kasymaliev met President "
        "of Tajikistan Emomali Rahmon on July 9. The Kyrgyz head of government is in "
        "Tajikistan on a working visit. He laid a wreath at the Ismoili Somoni monument."
    )
    (kasymaliev,) = (e for e in x.entities if e.label == "Adylbek Kasymaliev")
    assert "head of government" in kasymaliev.aliases
    assert ("Adylbek Kasymaliev", "visited", "Ismoili Somoni monument") in facts(x)
    assert ("Emomali Rahmon", "visited", "Ismoili Somoni monument") not in facts(x)


def test_the_head_of_state_is_one_so_titled(rules):
    x = rules.extract(
        "Head of State Kassym-Jomart Tokayev has received Foreign Minister of China Wang Yi. "
        "The Head of State praised the relations between the two countries."
    )
    (tokayev,) = (e for e in x.entities if e.label == "Kassym-Jomart Tokayev")
    later = x.article.text.index("The Head of State") + len("The ")
    assert "Head of State" in {m.text for m in tokayev.mentions if m.start == later}


def test_the_head_of_state_is_the_article_s_own_not_the_last_president_named(rules):
    found = facts(
        rules.extract(
            "TIANJIN. KAZINFORM - Kazakh President Kassym-Jomart Tokayev, who is in China to "
            "attend the summit, held bilateral meetings in Tianjin. Tokayev also held talks with "
            "President of Iran Masoud Pezeshkian. The Iranian leader invited Tokayev to Tehran. "
            "In addition, the Head of State met with UN Secretary-General Antonio Guterres."
        )
    )
    assert ("Kassym-Jomart Tokayev", "met", "Antonio Guterres") in found
    assert ("Masoud Pezeshkian", "met", "Antonio Guterres") not in found


def test_a_bare_title_two_people_hold_is_the_article_s_own_holder_not_the_last_named(rules):
    found = facts(rules.extract(_HOME_PM))
    assert ("D.Bat-Erdene", "visited", "Toyota factory") in found
    assert ("Kenji Moriyama", "visited", "Toyota factory") not in found


def test_his_in_a_clause_a_verb_opens_is_the_subject_of_the_verb_it_hangs_on(rules):
    found = facts(rules.extract(_HOME_PM))
    assert ("D.Bat-Erdene", "visited", "Japan") in found
    assert ("G.Tsogtbaatar", "visited", "Japan") not in found


def test_an_event_after_returning_from_a_visit_was_not_held_where_the_visit_went(rules):
    x = rules.extract(_HOME_PM)
    held = {(e.label, p) for e, p in _held_in(x)}
    assert ("D.Bat-Erdene", "met", "G.Tsogtbaatar") in facts(x)
    assert not {p for label, p in held if label.startswith("courtesy call")}


_HOME_PM = (
    "ULAANBAATAR, October 10 (MONTSAME). Prime Minister of Mongolia D.Bat-Erdene paid a "
    "courtesy call on Chairman of the State Great Khural G.Tsogtbaatar after returning from his "
    "official visit to Japan.\n\nDuring his visit to Tokyo, Prime Minister D.Bat-Erdene met "
    "with Japanese Prime Minister Kenji Moriyama, and the two sides issued a joint statement on "
    "the Special Strategic Partnership.\n\nAs part of the visit, eight documents, including an "
    "agreement on a grant aid for a new hospital and a memorandum of cooperation in the mining "
    "sector, were signed in the presence of the two Prime Ministers.\n\nThe Prime Minister also "
    "visited the Toyota factory in Aichi Prefecture."
)


def _held_in(x):
    labels = {e.id: e for e in x.entities}
    return [
        (labels[r.subject], labels[r.object].label) for r in x.relations if r.predicate == "heldIn"
    ]


def test_a_visitor_was_where_the_events_of_the_visit_were_held_not_where_invited(rules):
    x = rules.extract(
        "TIANJIN. KAZINFORM - Kazakh President Kassym-Jomart Tokayev, who is in China to "
        "attend the summit, held bilateral meetings in Tianjin. The Iranian President invited "
        "Tokayev to Tehran."
    )
    visited = {(r.object, r.status) for r in x.relations if r.predicate == "visited"}
    labels = {e.id: e.label for e in x.entities}
    assert {(labels[o], status) for o, status in visited} >= {
        ("China", "asserted"),
        ("Tianjin", "asserted"),
    }
    assert ("Tehran", "asserted") not in {(labels[o], status) for o, status in visited}


def test_a_counterpart_the_lead_names_no_name_for_is_the_one_of_that_country_named_later(rules):
    x = rules.extract(
        "Bolivian Foreign Minister Jorge Quispe held talks with his Peruvian counterpart in Lima "
        "on Monday. Peruvian Foreign Minister Ana Torres said relations were at a high level."
    )
    assert ("Jorge Quispe", "met", "Ana Torres") in facts(x)


def test_a_country_s_title_someone_deals_with_is_not_that_someone(rules):
    """ "Minister X held a video call with the Fijian trade minister": the minister is Fiji's
    one named later, not X; X, whose country the article does not say, acts for no Fiji."""
    x = rules.extract(
        "Minister Anna Virtanen meets Samoan leader and holds video call with Fijian trade "
        "minister\n\nMinister for Foreign Trade Anna Virtanen received Samoa's Prime Minister "
        "Tui Leota in Helsinki on Wednesday. Earlier on Wednesday, Minister Virtanen held a "
        "video call with Fiji's Minister for Trade, Cooperatives and Small and Medium "
        "Enterprises, Litia Vakasama."
    )
    found = facts(x)
    assert ("Anna Virtanen", "represents", "Fiji") not in found
    assert ("Litia Vakasama", "represents", "Fiji") in found


def test_who_a_president_acts_for_is_the_president_their_country_s_title_names(rules):
    """ "On behalf of President X, Y conveyed the greetings of the Mexican president": X is
    the Mexican president, named in the same sentence."""
    x = rules.extract(
        "On behalf of President Jorge Salinas, Foreign Secretary Lucia Marquez attended the "
        "inauguration in Lima and conveyed the greetings of the Mexican president."
    )
    assert ("Jorge Salinas", "represents", "Mexico") in facts(x)


@pytest.mark.parametrize(
    ("second", "signer"),
    [
        # the two joined as subjects: the first (the parser hangs her on the second's name)
        ("Nowak and Portuguese Foreign Minister Rui Albergaria discussed trade.", "Anna Nowak"),
        # a name in a clause of the subject is not a subject
        (
            "Portuguese Foreign Minister Rui Albergaria, who met Nowak, discussed trade.",
            "Rui Albergaria",
        ),
    ],
)
def test_a_title_used_alone_continues_the_first_of_joined_subjects(rules, second, signer):
    found = facts(
        rules.extract(
            "Polish Foreign Minister Anna Nowak held talks in Prague on Tuesday. "
            f"{second} With Norwegian Foreign Minister Ingrid Solbakken, the minister signed "
            "a memorandum on cyber defence."
        )
    )
    people = {s for s, p, o in found if p == "signed" and o == "memorandum on cyber defence"}
    people &= {"Anna Nowak", "Rui Albergaria", "Ingrid Solbakken"}
    assert people == {signer, "Ingrid Solbakken"}, found


@pytest.mark.parametrize(
    ("first", "expected"),
    [
        (  # no verb says who travels: the one person of a country named
            "Defence Minister Rajnath Singh held talks with Brazilian Defence Minister Jose "
            "Monteiro in New Delhi.",
            [("The visiting minister", "Jose Monteiro")],
        ),
        (  # two of countries named: which, the text does not say
            "Indian Defence Minister Rajnath Singh held talks with Brazilian Defence Minister "
            "Jose Monteiro in New Delhi.",
            [],
        ),
    ],
)
def test_the_visiting_minister_is_the_one_person_of_a_country_named(read, first, expected):
    r, _, countries = _read(read, f"{first} The visiting minister led a delegation.")
    found = guest_mentions(r.doc, r.resolver, r.clusters, countries)
    assert [(m.text, r.name(m)) for m in found] == expected


@pytest.mark.parametrize(
    ("first", "signers"),
    [
        (  # "the ministers of economy" are not the two prime ministers named before
            "Georgian Prime Minister Irakli Kobakhidze met Azerbaijani Prime Minister Ali "
            "Asadov in Baku.",
            set(),
        ),
        (
            "Georgian Economy Minister Levan Davitashvili met Azerbaijani Economy Minister "
            "Mikayil Jabbarov in Baku.",
            {"Levan Davitashvili", "Mikayil Jabbarov"},
        ),
    ],
)
def test_the_ministers_of_a_portfolio_are_its_holders(rules, first, signers):
    found = facts(
        rules.extract(
            f"{first} The ministers of economy of the two countries signed an agreement on the "
            "Middle Corridor."
        )
    )
    people = {s for s, p, o in found if p == "signed"} - {"Georgia", "Azerbaijan"}
    assert people == signers, found


def test_the_ministers_of_three_named_are_the_two_of_one_portfolio(rules):
    x = rules.extract(
        "Kazakh Foreign Minister Aibek Sultanov met with Minister of Foreign Affairs and Trade "
        "Peter Szijjarto and Minister of National Economy Marton Nagy in Budapest. Following "
        "the talks, the ministers signed a memorandum on consular cooperation."
    )
    signers = {s for s, p, o in facts(x) if p == "signed" and o.startswith("memorandum")}
    assert {"Aibek Sultanov", "Peter Szijjarto"} <= signers, signers
    assert "Marton Nagy" not in signers


def test_his_delegation_after_a_title_used_alone_is_headed_by_the_title_s_holder(rules):
    found = facts(
        rules.extract(
            "President Ana Torres received Prime Minister of Greece Nikos Andreou at the "
            "Government Palace in Lima today. The two sides signed a memorandum on tourism, "
            "signed by Minister of Trade Elmer Soto and Greek Minister of Tourism Petros Kallis. "
            "The President hosted a dinner in honor of the Greek Prime Minister and his "
            "accompanying delegation."
        )
    )
    headed = {o for s, p, o in found if p == "headedBy" and "delegation" in s}
    assert headed == {"Nikos Andreou"}, found


def test_the_two_foreign_ministers_are_the_ministers_of_foreign_affairs_whatever_else_held(rules):
    found = facts(
        rules.extract(
            "Lao Deputy Prime Minister and Minister of Foreign Affairs Somphone Vongsa paid an "
            "official visit to Hungary at the invitation of Hungarian Minister of Foreign "
            "Affairs and Trade Gabor Kertesz. During the visit, the two foreign ministers "
            "co-chaired the fourth meeting of the Laos-Hungary Joint Committee in Budapest."
        )
    )
    meeting = "fourth meeting of the Laos-Hungary Joint Committee"
    assert {(meeting, "headedBy", "Somphone Vongsa"), (meeting, "headedBy", "Gabor Kertesz")} <= {
        (s, p, o) for s, p, o in found if p == "headedBy"
    }, found


@pytest.mark.parametrize(
    ("heads", "signers"),
    [
        ("the heads of the two ministries", {"Arman Dosov", "Laziz Umarov"}),
        ("the heads of the two foreign ministries", {"Murat Sadykov", "Bakhtiyor Aliev"}),
    ],
)
def test_the_heads_of_the_two_ministries_are_the_two_ministers(rules, heads, signers):
    found = facts(
        rules.extract(
            "Kazakh Minister of Trade Arman Dosov held talks with Uzbek Minister of Investment "
            "and Trade Laziz Umarov in Tashkent on Tuesday. Kazakh Foreign Minister Murat "
            "Sadykov met Uzbek Foreign Minister Bakhtiyor Aliev the same day. Following the "
            f"talks, {heads} signed a roadmap for expanding trade cooperation."
        )
    )
    assert {s for s, p, o in found if p == "signed" and o == "roadmap"} >= signers, found
    others = {"Arman Dosov", "Laziz Umarov", "Murat Sadykov", "Bakhtiyor Aliev"} - signers
    assert not {s for s, p, o in found if p == "signed"} & others, found


@pytest.mark.parametrize("head", ["the President of the EBRD", "the head of the EBRD"])
def test_a_title_of_a_body_used_alone_is_whoever_holds_it_in_that_body(rules, head):
    found = facts(
        rules.extract(
            "TASHKENT, July 18 (UzA) - President of Uzbekistan Shavkat Mirziyoyev received a "
            "delegation of the European Bank for Reconstruction and Development (EBRD) headed by "
            "its President Odile Renaud-Basso and Vice President Mark Bowman. Following the "
            "meeting, a loan agreement was signed by Minister of Finance Jamshid Kuchkarov and "
            f"{head}."
        )
    )
    signed = {s for s, p, o in found if p == "signed" and o == "loan agreement"}
    assert "Odile Renaud-Basso" in signed, found
    assert not signed & {"Shavkat Mirziyoyev", "Mark Bowman"}, found


def test_the_head_of_a_ministry_is_the_minister_of_its_portfolio(rules):
    x = rules.extract(
        "Peru's Minister of Foreign Trade and Tourism, Mariela Quispe, held meetings in Arequipa "
        "with Indonesian Trade Minister Agus Pranoto. Later, the head of the Ministry of Foreign "
        "Trade and Tourism signed a memorandum with Chile."
    )
    assert ("Mariela Quispe", "signed", "memorandum") in facts(x)


def test_the_title_after_a_fronted_phrase_s_person_is_the_subject_s_not_that_person_s(rules):
    x = rules.extract(
        "Peru's Minister of Foreign Trade and Tourism, Mariela Quispe, held meetings in "
        "Arequipa. In her meeting with Indonesian Trade Minister Agus Pranoto, the head of the "
        "Ministry of Foreign Trade and Tourism (Mincetur) reviewed the state of trade relations."
    )
    found = facts(x)
    assert ("Agus Pranoto", "represents", "Ministry of Foreign Trade and Tourism") not in found
    assert ("Mariela Quispe", "met", "Agus Pranoto") in found


def test_a_delegation_of_a_country_s_companies_is_that_country_s(rules):
    x = rules.extract(
        "Minister Azlan Hashim is leading a delegation of 35 Malaysian companies on a trade "
        "mission to Saudi Arabia. He met Saudi Minister of Investment Khalid Al-Mutairi."
    )
    found = facts(x)
    assert ("Azlan Hashim", "represents", "Malaysia") in found
    assert ("Azlan Hashim", "represents", "Saudi Arabia") not in found
    delegation = next(e.label for e in x.entities if e.type == "Delegation")
    assert delegation == "delegation of 35 Malaysian companies"  # not "on a trade mission"
