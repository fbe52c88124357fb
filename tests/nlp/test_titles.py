"""The title component (``kg.nlp.titles``): which words of a sentence are a title, with its
modifiers and its complement."""

from __future__ import annotations

import pytest

from kg.nlp.titles import SPAN_KEY


def _titles(pipeline, text: str) -> list[str]:
    doc = pipeline.nlp(text)
    return [span.text for span in doc.spans[SPAN_KEY]]


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        (
            "First Deputy Prime Minister of Kazakhstan Askar Mamin met Vasily Matyushevsky.",
            ["First Deputy Prime Minister of Kazakhstan"],
        ),
        (
            "Minister of Foreign Affairs of the Republic of Kazakhstan Mukhtar Tileuberdi "
            "arrived in Astana.",
            ["Minister of Foreign Affairs of the Republic of Kazakhstan"],
        ),
        ("Kazakh PM Alikhan Smailov met the Turkish ambassador.", ["PM", "ambassador"]),
        (
            "It was attended by Sheikh Saif, Deputy Ruler of Sharjah and National Security "
            "Advisor.",
            ["Sheikh", "Deputy Ruler of Sharjah", "National Security Advisor"],
        ),
        (
            "It will be chaired by the President of Chile and the President of Peru, and the "
            "Minister of Energy and the Environment.",
            ["President of Chile", "President of Peru", "Minister of Energy and the Environment"],
        ),
        (
            "It was signed by Mary Wanjiru, Cabinet Secretary for Mining, Blue Economy and "
            "Maritime Affairs of Kenya.",
            ["Cabinet Secretary for Mining, Blue Economy and Maritime Affairs of Kenya"],
        ),
        (
            "The Minister of Trade, Ahmed Ali and Foreign Minister Omar Said met.",
            ["Minister of Trade", "Foreign Minister"],  # a name after the comma ends it
        ),
        (
            "External Affairs Minister S. Jaishankar met Home Affairs Minister Ali Khan and "
            "Environment Minister Rosa Diaz.",
            ["External Affairs Minister", "Home Affairs Minister", "Environment Minister"],
        ),
    ],
)
def test_a_title_with_its_modifiers_and_complement(pipeline, text, titles):
    assert _titles(pipeline, text) == titles


def test_in_belongs_to_a_diplomat_s_title_only(pipeline):
    assert _titles(pipeline, "Ambassador of Kazakhstan in Belarus Almaz Khamzayev spoke.") == [
        "Ambassador of Kazakhstan in Belarus"
    ]
    assert _titles(pipeline, "Minister of Finance of Kazakhstan in Astana spoke.") == [
        "Minister of Finance of Kazakhstan"
    ]


def test_a_text_cut_off_after_a_title_s_the(pipeline):
    assert _titles(pipeline, "Prime Minister Olzhas Bektenov met the Ambassador to the") == [
        "Prime Minister",
        "Ambassador",
    ]


def test_no_title_in_a_sentence_without_one(pipeline):
    assert _titles(pipeline, "Trade between Kazakhstan and Belarus grew in 2023.") == []


def test_a_title_s_country_ends_before_a_name_no_one_tagged(pipeline):
    x = pipeline.extract(
        "Earlier today, President of Mongolia Natsagiin Bagabandi awarded Ivanov with the "
        "Order of the Pole Star."
    )
    people = {e.label: [p.title for p in e.positions] for e in x.entities if e.type == "Person"}
    assert people.get("Natsagiin Bagabandi") == ["President"], people


def test_a_country_ending_a_longer_complement_ends_the_title_before_a_name(pipeline):
    x = pipeline.extract(
        "BAKU - Minister of Foreign Affairs of Uzbekistan Bakhtiyor Saidov arrived in Baku on "
        "Tuesday. Saidov met his Azerbaijani counterpart."
    )
    people = {e.label: [p.title for p in e.positions] for e in x.entities if e.type == "Person"}
    assert "Bakhtiyor Saidov" in people, people
    assert not [e.label for e in x.entities if e.type == "Organization" and "Saidov" in e.label]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Nurtleu met Qatar's Minister of State for Foreign Affairs Sultan bin Saad "
            "Al-Muraikhi in Astana.",
            "Sultan bin Saad Al-Muraikhi",
        ),
        ("Minister of Trade Amir Hossein Zadeh met Nurtleu in Astana.", "Amir Hossein Zadeh"),
    ],
)
def test_a_title_that_is_also_a_given_name_after_a_title_starts_the_name(pipeline, text, name):
    x = pipeline.extract(text)
    assert name in [e.label for e in x.entities if e.type == "Person"]


def test_a_style_after_a_title_is_no_given_name(pipeline):
    x = pipeline.extract(
        "Kuwait's Minister of Foreign Affairs Sheikh Fahad Salem Al-Sabah received a call."
    )
    assert "Fahad Salem Al-Sabah" in [e.label for e in x.entities if e.type == "Person"]


def test_a_name_no_one_tagged_at_the_end_of_a_long_body_s_name_is_a_person_s(pipeline):
    x = pipeline.extract(
        "Kobakhidze met with Speaker of the Milli Majlis Sahiba Gafarova. Chairman of the Halk "
        "Maslahaty Gurbanguly Berdimuhamedov received him."
    )
    people = [e.label for e in x.entities if e.type == "Person"]
    assert "Sahiba Gafarova" in people, people
    assert "Halk Maslahaty" not in people


@pytest.mark.parametrize(
    ("text", "name"),
    [  # a legislature's name after a chamber's, then a name no one tagged
        (
            "Chairperson of the Senate of the Oliy Majlis Dilnoza Karimova held talks.",
            "Dilnoza Karimova",
        ),
        # ... closed by a Turkic patronymic word
        (
            "Speaker of the Jogorku Kenesh Nurlanbek Turgunbek uulu met the envoy.",
            "Nurlanbek Turgunbek",
        ),
        # a name after a country that the recognizer took for a body
        (
            "Chairman of the Khural of Mongolia Dashzegviin Amarbayasgalan visited Astana.",
            "Dashzegviin Amarbayasgalan",
        ),
        # a name after a body of a plural body word, and after a portfolio of expatriates
        (
            "Chairman of the State Committee for Work with Religious Organizations Elnur "
            "Mammadli attended.",
            "Elnur Mammadli",
        ),
        (
            "Minister of Foreign Affairs, International Cooperation and Moroccan Expatriates Karim "
            "Alaoui received him.",
            "Karim Alaoui",
        ),
        (
            "Minister of Foreign Affairs, International Cooperation and Moroccan Expatriates "
            "Nasser Bourita received his counterpart.",
            "Nasser Bourita",
        ),
        (  # a portfolio word after a demonym, last
            "Egypt's Minister of Foreign Affairs, Emigration and Egyptian Expatriates Badr "
            "Abdelatty met him.",
            "Badr Abdelatty",
        ),
        (  # an oil company's portfolio, before a name the recognizer tagged in part
            "It was signed by Petrona Director of Upstream Bagus Prasetyo Wibowo.",
            "Bagus Prasetyo Wibowo",
        ),
        # a chamber of a body of people, with or without a possessive
        (
            "Speaker of the House of Representatives Hiroshi Tanabe welcomed the guests.",
            "Hiroshi Tanabe",
        ),
        (
            "Speaker of the House of Peoples' Representatives Alemu Desta received the envoy.",
            "Alemu Desta",
        ),
        # a name after a company's name with capitals inside
        (
            "Chairman of the Management Board of TengizGaz Berik Ospanov met the envoy.",
            "Berik Ospanov",
        ),
        # a name of three words after a portfolio
        (
            "Minister of Agriculture and Rural Development Le Minh Hoan visited the farm.",
            "Le Minh Hoan",
        ),
    ],
)
def test_a_name_no_one_tagged_after_a_long_title_is_a_person_s(pipeline, text, name):
    people = [e.label for e in pipeline.extract(text).entities if e.type == "Person"]
    assert name in people, people


def test_an_abbreviated_highness_is_no_part_of_a_name(pipeline):
    x = pipeline.extract(
        "H.H. Sheikh Abdullah bin Zayed Al Nahyan, Deputy Prime Minister, received the minister."
    )
    people = [e.label for e in x.entities if e.type == "Person"]
    assert people and not any("H.H." in p for p in people), people
