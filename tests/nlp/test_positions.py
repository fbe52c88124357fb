"""Positions (``kg.nlp.positions``): which person holds which title, of which country or
body, from the titles and mentions of a text."""

from __future__ import annotations

import pytest

from kg.nlp.positions import find_positions


def _held(read, text: str) -> list[tuple[str, str | None, str | None, bool]]:
    r = read(text)
    return [
        (h.person.text, h.title, h.of.text if h.of else None, h.inferred)
        for h in find_positions(r.doc, r.resolver)
    ]


@pytest.mark.parametrize(
    ("text", "held"),
    [
        pytest.param(
            "First Deputy Prime Minister of Kazakhstan Askar Mamin met Vasily Matyushevsky.",
            [("Askar Mamin", "First Deputy Prime Minister", "Kazakhstan", False)],
            id="the-owner-is-cut-from-the-title",
        ),
        pytest.param(
            "Minister of Foreign Affairs of the Republic of Kazakhstan Mukhtar Tileuberdi "
            "arrived in Astana.",
            [
                (
                    "Mukhtar Tileuberdi",
                    "Minister of Foreign Affairs",
                    "Republic of Kazakhstan",
                    False,
                )
            ],
            id="a-ministry-stays-in-the-title",
        ),
        pytest.param(
            "The minister received Ghana's non-resident High Commissioner, Ama Owusu, on Friday.",
            [("Ama Owusu", "High Commissioner", "Ghana", False)],
            id="words-between-an-owner-and-the-title-say-which-holder",
        ),
        pytest.param(
            "Kazakh PM Alikhan Smailov arrived in Minsk.",
            [("Alikhan Smailov", "PM", "Kazakh", False)],
            id="a-demonym-before-the-title-is-its-owner",
        ),
        pytest.param(
            "Pedro Soto, the newly-appointed Ambassador of Chile to Ghana, met Kofi Mensah.",
            [("Pedro Soto", "Ambassador of Chile to Ghana", "Chile", False)],
            id="a-new-appointment-in-apposition",
        ),
        pytest.param(
            "Askar Mamin met his Belarusian counterpart Roman Golovchenko.",
            [("Roman Golovchenko", None, "Belarusian", True)],
            id="a-counterpart-of-another-side",
        ),
        pytest.param(
            "Prime Minister Askar Mamin met his Belarusian counterpart Roman Golovchenko.",
            [
                ("Askar Mamin", "Prime Minister", None, False),
                ("Roman Golovchenko", "Prime Minister", "Belarusian", True),
            ],
            id="a-counterpart-holds-the-same-title",
        ),
        pytest.param(
            "The session was co-chaired by Saran Bold, deputy prime minister of Mongolia, and "
            "Oleg Petrov, minister of energy of Russia.",
            [
                ("Saran Bold", "deputy prime minister", "Mongolia", False),
                ("Oleg Petrov", "minister", None, False),
            ],
            id="a-title-written-lower-in-apposition-is-not-the-next-person-s",
        ),
        pytest.param(
            "A conversation between the Prime Ministers of Armenia and Georgia, Nikol "
            "Pashinyan and Irakli Garibashvili, took place in Tbilisi.",
            [
                ("Nikol Pashinyan", "Prime Minister", "Armenia", False),
                ("Irakli Garibashvili", "Prime Minister", "Georgia", False),
            ],
            id="the-titles-of-two-countries-held-respectively",
        ),
        pytest.param(
            "The new Pakistani High Commissioner to Ghana, Major General Rtd. Wagar Kinggravi "
            "was received.",
            [
                ("Wagar Kinggravi", "High Commissioner to Ghana", "Pakistani", False),
                ("Wagar Kinggravi", "General", None, False),
            ],
            id="a-high-commissioner-is-an-envoy-whose-rank-comes-before-the-name",
        ),
        pytest.param(
            "The deal was signed in Accra by Kenya’s Foreign Minister, Mrs. Achieng Otieno, and "
            "the Ugandan Foreign Minister, Jeje Odongo.",
            [
                ("Achieng Otieno", "Foreign Minister", "Kenya", False),
                ("Jeje Odongo", "Foreign Minister", "Ugandan", False),
            ],
            id="a-courtesy-title-between-the-office-and-the-name",
        ),
        pytest.param(
            "Presidents Alexander Lukashenko and Vladimir Putin met in Minsk.",
            [],
            id="a-plural-title-is-no-one-s",
        ),
        pytest.param(
            "Jan Novak, Czech Foreign Minister, met Kassym-Jomart Tokayev.",
            [("Jan Novak", "Foreign Minister", "Czech", False)],
            id="a-country-s-title-in-apposition",
        ),
        pytest.param(
            "Turkey's Erdogan, British PM discuss trade in Ankara",
            [],
            id="a-title-of-a-second-subject-is-no-apposition",
        ),
        pytest.param(
            "King Abdullah II of Jordan met Recep Tayyip Erdogan in Ankara.",
            [("Abdullah II", "King", "Jordan", False)],
            id="the-country-after-the-name-the-title-introduces",
        ),
        pytest.param(
            "Foreign Minister Hossein Amir-Abdollahian met Bilawal Bhutto in Islamabad.",
            [("Hossein Amir-Abdollahian", "Foreign Minister", None, False)],
            id="a-title-word-that-begins-a-hyphenated-name-is-no-title",
        ),
        pytest.param(
            "Talks were held between Batbayar.Ts, Energy Minister of Mongolia and "
            "A.V.Petrov, Minister of Energy of Russia.",
            [
                ("Batbayar.Ts", "Energy Minister", "Mongolia", False),
                ("A.V.Petrov", "Minister of Energy", "Russia", False),
            ],
            id="an-apposed-title-ends-at-and-and-a-name-written-with-initials",
        ),
        pytest.param(
            "Omar Butt, consul general of Ghana in Lahore, met the trade minister.",
            [("Omar Butt", "consul general of Ghana in Lahore", "Ghana", False)],
            id="a-diplomat-s-title-written-in-lower-case",
        ),
        pytest.param(
            "Chilean presidential spokesman Pablo Rojas said the talks went well.",
            [("Pablo Rojas", "presidential spokesman", "Chilean", False)],
            id="a-spokesman-s-title-in-lower-case",
        ),
        pytest.param(
            "Prime Minister Sheikh Hasina met Sheikh Tamim bin Hamad Al Thani in Doha.",
            [("Sheikh Hasina", "Prime Minister", None, False)],
            id="a-style-of-address-is-no-office",
        ),
        pytest.param(
            "Saudi Foreign Minister Prince Faisal bin Farhan met Alexander Novak in Riyadh.",
            [("Faisal bin Farhan", "Foreign Minister", "Saudi", False)],
            id="a-prince-s-office-is-the-title-before-the-style",
        ),
        pytest.param(
            "BISHKEK, Kabar - President Sadyr Japarov met Foreign Minister Jeenbek Kulubaev.",
            [
                ("Sadyr Japarov", "President", None, False),
                ("Jeenbek Kulubaev", "Foreign Minister", None, False),
            ],
            id="the-source-a-dash-ends-owns-no-title",
        ),
        pytest.param(
            "Foreign Minister Datuk Seri Mohamad Hasan met Tan Sri Muhyiddin Yassin.",
            [("Mohamad Hasan", "Foreign Minister", None, False)],
            id="a-style-of-honour-between-title-and-name",
        ),
        pytest.param(
            "Minister of Investment Datuk Seri Zulkarnain Hashim met Chilean Minister Ana Ruiz.",
            [
                ("Zulkarnain Hashim", "Minister of Investment", None, False),
                ("Ana Ruiz", "Minister", "Chilean", False),
            ],
            id="a-style-of-honour-ends-the-portfolio-of-a-title",
        ),
        pytest.param(
            "He was welcomed by Deputy Foreign Minister for Economic Diplomacy Mehdi Safari.",
            [("Mehdi Safari", "Deputy Foreign Minister for Economic Diplomacy", None, False)],
            id="a-portfolio-run-into-the-name",
        ),
        pytest.param(
            "Meg Whitman is the Ambassador of the United States to Kenya.",
            [("Meg Whitman", "Ambassador of the United States to Kenya", "United States", False)],
            id="a-title-a-clause-says-someone-holds",
        ),
    ],
)
def test_who_holds_which_title(read, text, held):
    assert _held(read, text) == held


def test_a_title_no_one_holds_is_no_position(read):
    assert _held(read, "The prime minister will visit Minsk next week.") == []


@pytest.mark.parametrize(
    ("text", "held"),
    [
        pytest.param(
            "The minister was joined by Kofi Mensah, the Chief Executive Officer (CEO) of the "
            "Tema Cocoa Board.",
            [("Kofi Mensah", "Chief Executive Officer", "Tema Cocoa Board", False)],
            id="an-acronym-in-brackets-does-not-cut-the-title-from-its-body",
        ),
        pytest.param(
            "Kwame Boateng, CEO of the Ghana Export Promotion Authority, spoke at the forum.",
            [("Kwame Boateng", "CEO", "Ghana Export Promotion Authority", False)],
            id="the-body-not-the-country-its-name-begins-with",
        ),
        pytest.param(
            "The representative of the Lagos Chamber of Commerce, Peter Okafor, thanked the "
            "minister.",
            [("Peter Okafor", "representative", "Lagos Chamber of Commerce", False)],
            id="a-title-in-lower-case",
        ),
        pytest.param(
            "Bektenov spoke with UN Deputy Secretary-General and UNDP Associate Administrator "
            "Haoliang Xu.",
            [
                ("Haoliang Xu", "Deputy Secretary-General", "UN", False),
                ("Haoliang Xu", "Associate Administrator", "UNDP", False),
            ],
            id="two-titles-of-two-bodies-before-one-name",
        ),
        pytest.param(
            "The deal was signed by Chairman of KazMunayGas Berik Ospanov and Vice President "
            "of CNPC Li Wenhua.",
            [
                ("Berik Ospanov", "Chairman", "KazMunayGas", False),
                ("Li Wenhua", "Vice President", "CNPC", False),
            ],
            id="a-company-in-capitals-inside-or-run-into-the-name-after-it",
        ),
    ],
)
def test_titles_of_bodies(read, text, held):
    assert _held(read, text) == held


def test_a_title_used_alone_for_an_office_held_adds_no_position(pipeline):
    x = pipeline.extract(
        "Uzbek Prime Minister Abdulla Aripov arrived in Minsk on Monday. The head of the Uzbek "
        "government also visited the Minsk Tractor Works. The Premier met the workers."
    )
    person = next(e for e in x.entities if e.label == "Abdulla Aripov")
    assert [p.title for p in person.positions] == ["Prime Minister"], person.positions
    visited = {
        next(e.label for e in x.entities if e.id == r.object)
        for r in x.relations
        if r.predicate == "visited" and r.subject == person.id
    }
    assert "Minsk Tractor Works" in visited


def test_a_colleague_is_a_counterpart(pipeline):
    x = pipeline.extract(
        "The Kazakh Foreign Minister, Murat Nurtleu, met his Turkish colleague Hakan Fidan."
    )
    fidan = next(e for e in x.entities if e.label == "Hakan Fidan")
    countries = {e.id: e.label for e in x.entities if e.type == "Country"}
    acts_for = {
        countries[r.object]
        for r in x.relations
        if r.predicate == "represents" and r.subject == fidan.id and r.object in countries
    }
    assert acts_for == {"Turkey"}
    assert [p.title for p in fidan.positions] == ["Foreign Minister"], fidan.positions


def test_a_country_s_title_used_alone_for_a_holder_of_no_country(pipeline):
    x = pipeline.extract(
        "Kazakh President Kassym-Jomart Tokayev met Foreign Minister Jan Novak in Astana. "
        "The Czech minister praised the talks."
    )
    novak = next(e for e in x.entities if e.label == "Jan Novak")
    labels = {e.id: e.label for e in x.entities}
    assert [(p.title, labels.get(p.of or "")) for p in novak.positions] == [
        ("Foreign Minister", "Czech Republic")
    ]
    acts_for = {
        (labels[r.subject], labels[r.object]) for r in x.relations if r.predicate == "represents"
    }
    assert acts_for == {("Jan Novak", "Czech Republic"), ("Kassym-Jomart Tokayev", "Kazakhstan")}


@pytest.mark.parametrize(
    ("text", "person", "titles"),
    [
        pytest.param(
            "Anton Kovalev, Deputy Prime Minister of Belarus, arrived in Astana on Monday. "
            '"Trade is growing," the deputy prime minister told reporters.',
            "Anton Kovalev",
            ["Deputy Prime Minister"],
            id="a-title-is-listed-once-whatever-its-case",
        ),
        pytest.param(
            "Foreign Minister Karim Hossain said there was no discussion of trade at the meeting "
            "between Prime Minister Nasrin Akter and her Indian counterpart Vikram Rao.",
            "Vikram Rao",
            ["Prime Minister"],
            id="a-counterpart-after-and-is-the-counterpart-of-the-person-before",
        ),
        pytest.param(  # the one Colombian the article names is its President, not its minister
            "The Minister of Foreign Affairs of Colombia visited Chile on Thursday.\n\n"
            "It was confirmed that President Ivan Rojas of Colombia will visit Chile in March.",
            "Ivan Rojas",
            ["President"],
            id="a-country-s-office-used-alone-is-no-holder-of-another-office",
        ),
    ],
)
def test_the_titles_a_person_holds(pipeline, text, person, titles):
    held = next(e for e in pipeline.extract(text).entities if e.label == person)
    assert [p.title for p in held.positions] == titles, held.positions
