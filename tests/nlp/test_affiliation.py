"""Sides (``kg.nlp.affiliation``): the country each person of an article acts for, from a
title, the words around the name, or the office the knowledge base says they held."""

from __future__ import annotations

from datetime import date

import pytest

from kg.nlp.affiliation import affiliations
from kg.nlp.positions import find_positions
from tests.conftest import facts


def _sides(read, text: str, day: date | None = None) -> dict[str, str | None]:
    r = read(text)
    sides = affiliations(r.doc, r.resolver, r.clusters, find_positions(r.doc, r.resolver), day)
    names = {c.id: c.mentions[0].text for c in r.clusters}
    return {names[p]: names.get(side.country) for p, side in sides.items()}


def test_the_country_of_a_title(read):
    text = "Kazakh President Kassym-Jomart Tokayev received Chinese Foreign Minister Wang Yi."
    assert _sides(read, text) == {"Kassym-Jomart Tokayev": "Kazakh", "Wang Yi": "Chinese"}


def test_demonyms_the_knowledge_base_lacks(read):
    text = "Brazilian President Lucas Moura met Cape Verdean President Jose Semedo in Praia."
    assert _sides(read, text)["Jose Semedo"] == "Cape Verdean"


def test_a_country_beside_the_name(read):
    text = (
        "William Ruto of Kenya met John Mahama (Ghana) in Nairobi. Kazakhstan's Tokayev was "
        "there too."
    )
    assert _sides(read, text) == {
        "William Ruto": "Kenya",
        "John Mahama": "Ghana",
        "Tokayev": "Kazakhstan",
    }


@pytest.mark.parametrize(
    ("day", "sides"),
    [
        (date(2020, 5, 1), {"Askar Mamin": "Kazakhstan", "Roman Golovchenko": None}),
        (date(2023, 5, 1), {"Askar Mamin": None, "Roman Golovchenko": "Belarus"}),
    ],
)
def test_the_office_held_on_the_article_s_day(read, day, sides):
    text = "Askar Mamin met Roman Golovchenko in Minsk. Kazakhstan and Belarus signed a protocol."
    assert _sides(read, text, day) == sides


def test_the_office_of_a_name_with_middle_names_the_knowledge_base_has_without(read):
    text = (
        "President Nana Addo Dankwa Akufo-Addo met Cyril Ramaphosa in Pretoria. Ghana and "
        "South Africa signed a protocol."
    )
    assert _sides(read, text, date(2019, 12, 5)) == {
        "Nana Addo Dankwa Akufo-Addo": "Ghana",
        "Cyril Ramaphosa": "South Africa",
    }


def test_a_surname_of_two_words_with_an_abbreviated_title(read):
    text = "PM Marrero Cruz met the Vietnamese side in Hanoi. Vietnam and Cuba signed a protocol."
    assert _sides(read, text, date(2023, 9, 20)) == {"Marrero Cruz": "Cuba"}


def test_a_name_spelt_otherwise_than_the_knowledge_base_spells_it(read):
    text = (
        "A meeting was held between Irakli Kobakhidze and Nikola Pashinian in Yerevan. Armenia "
        "and Georgia signed a protocol."
    )
    assert _sides(read, text, date(2024, 5, 1))["Nikola Pashinian"] == "Armenia"


def test_an_office_counts_only_for_a_country_the_article_names(read):
    text = "Askar Mamin met Roman Golovchenko in Minsk."
    assert _sides(read, text, date(2020, 5, 1)) == {"Askar Mamin": None, "Roman Golovchenko": None}


@pytest.mark.parametrize(
    ("text", "must", "must_not"),
    [
        pytest.param(
            "The minister was joined by Kofi Mensah, the Chief Executive Officer (CEO) of the "
            "Tema Cocoa Board, and other officials.",
            [("Kofi Mensah", "represents", "Tema Cocoa Board")],
            [],
            id="who-heads-a-body-acts-for-it",
        ),
        pytest.param(
            "Joseph Mrema, head of the Tanzania Revenue Authority, said on Friday that customs "
            "revenue rose by ten percent.",
            [("Joseph Mrema", "represents", "Tanzania Revenue Authority")],
            [],
            id="head-in-lower-case-is-a-title",
        ),
        pytest.param(
            "Li Wei, chairman of the board of Sinotrans Logistics, met Kazakh Prime Minister "
            "Askar Mamin in Astana.",
            [("Li Wei", "represents", "Sinotrans Logistics")],
            [],
            id="a-chairman-of-the-board-in-lower-case",
        ),
        pytest.param(
            "The delegation was briefed by Ramesh Pillai, Chief Operating Officer of RAKEZ, on "
            "incentives for manufacturers.",
            [("Ramesh Pillai", "represents", "RAKEZ")],
            [],
            id="a-chief-officer-of-a-company",
        ),
        pytest.param(
            "Minister Aida Balayeva met the Turkish Ambassador to Kazakhstan. Kazakh Foreign "
            "Minister Murat Nurtleu chaired the meeting.",
            [],
            [("Aida Balayeva", "met", "Murat Nurtleu")],
            id="an-ambassador-to-a-country-is-not-its-official",
        ),
        pytest.param(
            "The ministry of trade hosted the event. Speakers praised the chief executive "
            "officer for the results.",
            [],
            [],
            id="a-title-in-lower-case-with-no-holder-is-no-one",
        ),
        pytest.param(
            "ULAANBAATAR (AGENCY) - The Prime Minister of Mongolia L.Oyun-Erdene is paying an "
            "official visit to Peru at the invitation of President Jorge Quispe.",
            [("Jorge Quispe", "represents", "Peru")],
            [("Jorge Quispe", "represents", "Mongolia"), ("Jorge Quispe", "visited", "Peru")],
            id="who-invites-a-visitor-acts-for-the-country-visited-not-the-dateline-s",
        ),
    ],
)
def test_who_acts_for_a_body(rules, text, must, must_not):
    found = facts(rules.extract(text))
    for triple in must:
        assert triple in found, (triple, sorted(found))
    for triple in must_not:
        assert triple not in found, triple


@pytest.mark.parametrize(
    ("text", "must", "must_not"),
    [
        pytest.param(
            "The Iranian side was chaired by Interior Minister Reza Karimi and the Turkish "
            "side was headed by Trade Minister Ali Demir.",
            [("Reza Karimi", "represents", "Iran"), ("Ali Demir", "represents", "Turkey")],
            [("Reza Karimi", "represents", "Turkey")],
            id="the-side-was-chaired-by",
        ),
        pytest.param(
            "Aman Orazov became the co-chairman, from the Turkmen side, of the joint commission "
            "with Japan.",
            [("Aman Orazov", "represents", "Turkmenistan")],
            [("Aman Orazov", "represents", "Japan")],
            id="co-chairman-from-the-side",
        ),
        pytest.param(
            "ACCRA, May 3 (GNA) - Foreign Minister Ama Mensah met Turkish Ambassador Ali Demir "
            "to discuss trade between Ghana and Turkey.",
            [("Ama Mensah", "represents", "Ghana")],
            [("Ali Demir", "represents", "Ghana")],
            id="a-minister-of-no-country-is-the-dateline-s",  # when the article names it
        ),
        pytest.param(
            "BEIJING, May 3 - Chinese President Wei Lan met Brazil's President Ana Costa. Ms "
            "Costa attended the inauguration of former President Maria Prado as head of the "
            "New Development Bank.",
            [],
            [("Maria Prado", "represents", "China")],
            id="a-former-office-is-not-the-dateline-country-s",
        ),
        pytest.param(
            "Thai PM ends visit to Laos\n\nVIENTIANE, May 3 - Prime Minister Malee Chaiyo "
            "ended a two-day visit to Laos on Friday after talks with Lao Prime Minister Kham "
            "Vongsa.",
            [("Malee Chaiyo", "represents", "Thailand"), ("Malee Chaiyo", "visited", "Laos")],
            [("Malee Chaiyo", "represents", "Laos")],
            id="the-headline-s-holder-of-a-title-is-not-the-dateline-country-s",
        ),
        pytest.param(
            "HANOI, May 3 (VNA) - Minister of Foreign Affairs Bat Oyun arrived in Hanoi on "
            "Tuesday for an official visit to Vietnam. She held talks with Deputy Prime Minister "
            "Tran Quoc Hieu.",
            [("Bat Oyun", "visited", "Hanoi"), ("Bat Oyun", "met", "Tran Quoc Hieu")],
            [("Bat Oyun", "represents", "Vietnam")],
            id="a-minister-who-comes-to-the-dateline-country-is-a-guest-not-its-minister",
        ),
        pytest.param(
            "India, Oman review trade\n\nMuscat, Dec 12 (PTI) Commerce Minister Piyush Goyal "
            "met Oman's Minister of Commerce Qais Al Yousef. The minister is on a two-day visit "
            "to Oman.",
            [("Piyush Goyal", "visited", "Oman")],
            [("Piyush Goyal", "represents", "Oman")],
            id="a-minister-who-is-on-a-visit-to-the-dateline-country-is-a-guest",
        ),
        pytest.param(
            "HANOI, May 3 (VNA) - Prime Minister Pham Van Long arrived in Tokyo on Tuesday for "
            "an official visit to Japan. Trade between Vietnam and Japan grew last year.",
            [("Pham Van Long", "represents", "Vietnam")],
            [],
            id="a-minister-of-the-dateline-country-who-goes-abroad-is-still-its-minister",
        ),
        pytest.param(
            "MUSCAT, May 4 (ONA) - Oman and Kuwait held the fifth session of their joint "
            "committee in Muscat. The Kuwaiti delegation included Foreign Minister Salem Ahmad "
            "and Minister of Commerce Khalid Ajeel.",
            [("Salem Ahmad", "represents", "Kuwait"), ("Khalid Ajeel", "represents", "Kuwait")],
            [("Salem Ahmad", "represents", "Oman"), ("Khalid Ajeel", "represents", "Oman")],
            id="whom-a-country-s-delegation-included-act-for-it",
        ),
        pytest.param(
            "TASHKENT, May 4 (UzA) - President of Uzbekistan Bakhtiyor Rakhimov received the "
            "Latvian delegation led by Minister of Economics Andris Kalnins.",
            [
                ("Andris Kalnins", "represents", "Latvia"),
                ("Bakhtiyor Rakhimov", "met", "Andris Kalnins"),
            ],
            [("Andris Kalnins", "represents", "Uzbekistan")],
            id="who-leads-a-country-s-delegation-acts-for-it",
        ),
        pytest.param(
            "Latvia and Uzbekistan deepen ties\n\nTASHKENT (UzA) - The Latvian delegation was "
            "led by Minister of Economics Andris Kalnins.",
            [("Andris Kalnins", "represents", "Latvia")],
            [("Andris Kalnins", "represents", "Uzbekistan")],
            id="who-a-country-s-delegation-was-led-by-acts-for-it",
        ),
        pytest.param(
            "Latvia and Uzbekistan deepen ties\n\nTASHKENT (UzA) - Minister of Economics Andris "
            "Kalnins headed the Latvian delegation at the talks in Tashkent.",
            [("Andris Kalnins", "represents", "Latvia")],
            [("Andris Kalnins", "represents", "Uzbekistan")],
            id="who-heads-a-country-s-delegation-acts-for-it",
        ),
        pytest.param(
            "Latvia and Uzbekistan deepen ties\n\nTASHKENT (UzA) - The Uzbek side was headed by "
            "Deputy Prime Minister Jamshid Tursunov, and the Latvian side by Minister of "
            "Economics Andris Kalnins.",
            [("Andris Kalnins", "represents", "Latvia")],
            [("Andris Kalnins", "represents", "Uzbekistan")],
            id="who-heads-the-second-side-of-a-gapped-clause-acts-for-it",
        ),
        pytest.param(
            "ASTANA, May 4 - President Nurlan Abenov received Prime Minister of Uzbekistan "
            "Jasur Karimov at the Akorda on Tuesday. The guest conveyed warm greetings from the "
            "President of Uzbekistan.",
            [("Nurlan Abenov", "met", "Jasur Karimov")],
            [("Nurlan Abenov", "represents", "Uzbekistan")],
            id="a-country-s-title-alone-is-not-a-host-of-no-country-when-its-guest-is-of-it",
        ),
        pytest.param(
            "BISHKEK, April 3 - The Kyrgyz side was chaired by Deputy Chairman Azamat Tokonov. "
            "Minister of Foreign Affairs and Trade Gabor Fekete led the other side. President "
            "Kanybek Usenov met the Hungarian minister. Hungary's Ambassador Zoltan Varga also "
            "took part.",
            [("Gabor Fekete", "represents", "Hungary")],
            [],
            id="a-country-s-title-alone-is-of-its-holder-though-a-compatriot-is-named-elsewhere",
        ),
        pytest.param(
            "ACCRA, May 3 (GNA) - Governor Ama Mensah met Kofi Boateng, chairman of the "
            "board, to discuss trade between Ghana and Turkey.",
            [],
            [("Ama Mensah", "represents", "Ghana"), ("Kofi Boateng", "represents", "Ghana")],
            id="no-national-office-no-dateline-country",
        ),
        pytest.param(
            "BRASILIA, May 3 (AP) - Portuguese President Henrique Moura arrived in Brazil on "
            "Tuesday. He was accompanied by Foreign Minister Teresa Sacadura and Economy "
            "Minister Rui Costa.",
            [
                ("Teresa Sacadura", "represents", "Portugal"),
                ("Rui Costa", "represents", "Portugal"),
            ],
            [("Teresa Sacadura", "represents", "Brazil"), ("Rui Costa", "represents", "Brazil")],
            id="a-minister-who-accompanies-a-guest-acts-for-the-guest-s-country",
        ),
        pytest.param(
            "SEOUL, May 3 (AP) - Chilean President Ana Torres arrived on Monday with Foreign "
            "Minister Luis Vega. Economy Minister Pablo Rojas, who is travelling with Ana Torres, "
            "met Korean business leaders.",
            [("Luis Vega", "represents", "Chile"), ("Pablo Rojas", "represents", "Chile")],
            [
                ("Luis Vega", "represents", "South Korea"),
                ("Pablo Rojas", "represents", "South Korea"),
            ],
            id="a-minister-who-arrives-or-travels-with-a-guest-acts-for-the-guest-s-country",
        ),
        pytest.param(
            "Arman Beisenov, Deputy Prime Minister, Minister of Trade of Kazakhstan, met "
            "Azerbaijani officials in Baku.",
            [("Arman Beisenov", "represents", "Kazakhstan")],
            [("Arman Beisenov", "represents", "Azerbaijan")],
            id="a-second-title-in-apposition",
        ),
        pytest.param(
            "Belarus' Prime Minister Roman Golovchenko met with Chairwoman of the Senate of the "
            "Oliy Majlis of Uzbekistan Dilnoza Karimova on 5 September.",
            [("Dilnoza Karimova", "represents", "Uzbekistan")],
            [("Dilnoza Karimova", "represents", "Belarus")],
            id="the-country-after-a-body-in-a-title",
        ),
        pytest.param(
            "Portugal's Prime Minister Rui Costa met Brazil's then-President Paulo Lima.",
            [("Paulo Lima", "represents", "Brazil")],
            [("Paulo Lima", "represents", "Portugal")],
            id="then-president",
        ),
        pytest.param(
            "Deputy Foreign Minister Giorgi Beridze led the Georgian side at the consultations "
            "with Armenia.",
            [("Giorgi Beridze", "represents", "Georgia")],
            [("Giorgi Beridze", "represents", "Armenia")],
            id="who-led-a-side",
        ),
        pytest.param(
            "Australian Prime Minister Tom Reid met newly installed UK leader Ian Moss in Bali.",
            [("Ian Moss", "represents", "United Kingdom")],
            [("Ian Moss", "represents", "Australia")],
            id="a-country-s-leader",
        ),
        pytest.param(
            "Korea's Trade Minister Lee Jae-sung met Polish Deputy Prime Minister Jan Nowak.",
            [("Lee Jae-sung", "represents", "South Korea")],
            [],
            id="korea-in-the-news-is-south-korea",
        ),
        pytest.param(
            "President Arman Tokenov met Kazakhstan's recently appointed ambassador to Russia, "
            "Dauren Abenov.",
            [("Dauren Abenov", "represents", "Kazakhstan")],
            [("Dauren Abenov", "represents", "Russia")],
            id="a-country-s-newly-appointed-ambassador",
        ),
    ],
)
def test_whom_a_person_speaks_for(rules, text, must, must_not):
    found = facts(rules.extract(text))
    for triple in must:
        assert triple in found, (triple, sorted(found))
    for triple in must_not:
        assert triple not in found, triple


def test_the_heads_of_two_sides_of_a_session_met(rules):
    found = facts(
        rules.extract(
            "The 20th session of the Iran-Turkey Joint Economic Commission was held in Tehran. "
            "The Iranian side was chaired by Interior Minister Reza Karimi and the Turkish side "
            "was headed by Trade Minister Ali Demir."
        )
    )
    assert ("Iranian side", "headedBy", "Reza Karimi") in found
    assert ("Reza Karimi", "met", "Ali Demir") in found
    assert ("Iranian side", "headedBy", "Ali Demir") not in found


def test_an_official_of_no_country_met_with_others_of_one_acts_for_it(rules):
    x = rules.extract(
        "ASTANA. KAZINFORM - Kazakh Foreign Minister Aibek Sultanov, who is on a working "
        "visit to Hungary, held meetings in Budapest.\n\nSultanov met with Speaker of the "
        "National Assembly Laszlo Kover, Minister of Foreign Affairs and Trade Peter Szijjarto "
        "and Minister of National Economy Marton Nagy."
    )
    found = facts(x)
    assert ("Marton Nagy", "represents", "Hungary") in found
    assert ("Marton Nagy", "represents", "Kazakhstan") not in found


@pytest.mark.parametrize(
    "told",
    [
        "Prime Minister Luis Vega conveyed greetings from President Jorge Quispe.",
        "A letter from President Jorge Quispe was handed over by Prime Minister Luis Vega.",
    ],
)
def test_whom_a_guest_brings_a_message_from_acts_for_the_guest_s_country(rules, told):
    x = rules.extract(
        "Lima, May 3 (Andina) - President of Peru Ana Torres received Prime Minister of Bolivia "
        f"Luis Vega, who is on an official visit to Peru. {told}"
    )
    found = facts(x)
    assert ("Jorge Quispe", "represents", "Bolivia") in found
    assert ("Jorge Quispe", "represents", "Peru") not in found


def test_a_title_whose_name_ends_in_a_country_introduces_the_name_after_it(rules):
    """ "the Italian Minister of Enterprises and Made in Italy, X": X's title and country,
    not those of the host named before."""
    x = rules.extract(
        "ALGIERS - Minister of Foreign Affairs Karim Benali received Wednesday in Algiers the "
        "Italian Minister of Enterprises and Made in Italy, Marco Bellini, who is on a working "
        "visit to Algeria."
    )
    found = facts(x)
    assert ("Marco Bellini", "represents", "Italy") in found
    assert ("Karim Benali", "represents", "Italy") not in found


def test_one_met_on_a_visit_abroad_is_of_the_country_visited_not_of_the_dateline(rules):
    found = facts(
        rules.extract(
            "New Delhi, Mar 4 (PTI) External Affairs Minister Ravi Kumar on Tuesday wrapped up "
            "his two-day visit to Japan during which he held talks with his Japanese "
            "counterpart Kenji Sato and called on Prime Minister Taro Mori.\n\nIn Tokyo, Kumar "
            "and Sato co-chaired the 17th India-Japan Foreign Ministers' Strategic Dialogue."
        )
    )
    assert ("Taro Mori", "represents", "Japan") in found
    assert ("Taro Mori", "represents", "India") not in found
    assert ("Ravi Kumar", "met", "Taro Mori") in found


def test_who_leads_a_body_s_delegation_acts_for_the_body_not_for_the_dateline_s_country(rules):
    found = facts(
        rules.extract(
            "Bishkek, 10 June (Kabar). Chairman of the Cabinet of Ministers Adylbek Kasymaliev "
            "met with a delegation of the Asian Development Bank led by Vice President Paul "
            "Brenner. Following the meeting, a grant agreement on irrigation was signed between "
            "the Ministry of Finance of the Kyrgyz Republic and the ADB."
        )
    )
    assert ("Paul Brenner", "represents", "Asian Development Bank") in found
    assert ("Paul Brenner", "represents", "Kyrgyzstan") not in found
    assert ("Adylbek Kasymaliev", "met", "Paul Brenner") in found
    assert ("Asian Development Bank", "signed", "grant agreement on irrigation") in found
