"""Where events took place when their own sentences do not say (``kg.nlp.event_places``),
and places the parser hangs on a date, on short articles written for these tests. Each case
says what the rules must give and must not give."""

from __future__ import annotations

import pytest

from tests.conftest import facts

CASES = [
    pytest.param(
        "President William Ruto on Saturday held bilateral talks with his Ugandan counterpart "
        "Yoweri Museveni at State House Entebbe.",
        [
            ("bilateral talks with his Ugandan counterpart", "heldIn", "State House Entebbe"),
            ("bilateral talks with his Ugandan counterpart", "heldIn", "Entebbe"),
        ],
        [],
        id="a-building-named-with-its-city-is-a-site-in-that-city",
    ),
    pytest.param(
        "The Bolivian delegation led by Deputy Prime Minister Jorge Quispe is in Lima.\n\n"
        "Quispe held talks with Peruvian Finance Minister Ana Torres on Wednesday.\n\nEarlier, "
        "Bolivian President Luis Arce received Chilean Foreign Minister Rosa Rojas.",
        [("talks with Peruvian Finance Minister Ana Torres", "heldIn", "Lima")],
        [("meeting between Luis Arce and Rosa Rojas", "heldIn", "Bolivia")],
        id="talks-of-a-guest-with-a-host-are-held-where-the-guest-went",
    ),
    pytest.param(
        "Speaking at a joint press conference with his Chilean counterpart in Santiago, "
        "Peruvian Foreign Minister Rosa Quispe said trade had doubled.",
        [("joint press conference", "heldIn", "Santiago")],
        [],
        id="the-place-of-those-an-event-was-with-is-where-it-was-held",
    ),
    pytest.param(
        "Presidents meet in Lima\n\nThe Government Palace in Lima hosted an official welcome "
        "ceremony for Bolivian President Jorge Quispe on Monday. Then the talks of the two "
        "presidents started, the statement said.",
        [("talks of the two presidents", "heldIn", "Lima")],
        [("talks of the two presidents", "heldIn", "Government Palace")],
        id="talks-told-right-after-a-placed-welcome-took-place-in-its-city",
    ),
    pytest.param(
        "Presidents meet in Lima\n\nThe Government Palace in Lima hosted an official welcome "
        "ceremony for Bolivian President Jorge Quispe on Monday.\n\nChilean Foreign Minister "
        "Luis Soto held talks with Argentine Foreign Minister Pablo Ruiz on trade.",
        [],
        [("talks with Argentine Foreign Minister Pablo Ruiz", "heldIn", "Lima")],
        id="talks-of-other-people-in-another-paragraph-stay-unplaced",
    ),
    pytest.param(
        "President receives ambassador\n\nDuring the meeting with Bolivian Ambassador Jorge "
        "Quispe, Peruvian President Ana Torres noted the importance of the trade forum held in "
        "Cusco last year.",
        [("trade forum", "heldIn", "Cusco")],
        [("meeting between Jorge Quispe and Ana Torres", "heldIn", "Cusco")],
        id="a-meeting-told-before-the-placed-event-of-its-sentence-is-not-placed-by-it",
    ),
    pytest.param(
        "Presidents meet\n\nPeruvian President Ana Torres and Bolivian President Jorge Quispe "
        "held talks in Cusco on Monday. At a joint press conference after the talks, Torres "
        "praised the ties.",
        [("joint press conference", "heldIn", "Cusco")],
        [],
        id="a-press-conference-told-right-after-placed-talks-took-place-in-their-city",
    ),
    pytest.param(
        "Presidents meet\n\nPeruvian President Ana Torres and Bolivian President Jorge Quispe "
        "held talks in Cusco on Monday. Torres backed the meeting of Andean trade ministers "
        "that will take place in Quito next year.",
        [],
        [("meeting of Andean trade ministers", "heldIn", "Cusco")],
        id="an-event-a-plan-places-elsewhere-takes-no-place-from-the-sentence-before",
    ),
    pytest.param(
        "Commission meets\n\nThe 5th session of the Peru-Bolivia joint commission was held on "
        "3-4 May in Lima. The sides signed a memorandum.",
        [("5th session of the Peru-Bolivia joint commission", "heldIn", "Lima")],
        [],
        id="a-place-the-parser-hangs-on-the-date-is-where-the-session-was-held",
    ),
    pytest.param(
        "Forum planned\n\nThe two governments are preparing the 9th Forum of Regions, scheduled "
        "to take place in Cusco city in May.",
        [("9th Forum of Regions", "heldIn", "Cusco")],
        [],
        id="an-announced-forum-is-held-where-it-is-scheduled-to-take-place-named-with-city",
    ),
]

WORDS_FOR_PLACES = [
    pytest.param(
        "Leaders meet\n\nPeruvian President Ana Torres met with Bolivian President Jorge Quispe "
        "in the Andean city of Cusco on Monday. The meeting focused on trade.",
        [("meeting between Ana Torres and Jorge Quispe", "heldIn", "Cusco")],
        [],
        id="a-city-of-x-is-x",
    ),
    pytest.param(
        "Leaders meet\n\nPeruvian President Ana Torres met with Bolivian President Jorge Quispe "
        "in the Pacific Ocean city of Arica on Monday.",
        [("meeting between Ana Torres and Jorge Quispe", "heldIn", "Arica")],
        [("meeting between Ana Torres and Jorge Quispe", "heldIn", "Pacific Ocean")],
        id="a-city-of-x-is-x-not-the-place-named-before-city",
    ),
    pytest.param(
        "Commission meets\n\nHavana, Nov 12 (Prensa Latina) The 43rd session of the Cuba-Peru "
        "Intergovernmental Commission was held in this capital on Tuesday.",
        [("43rd session of the Cuba-Peru Intergovernmental Commission", "heldIn", "Havana")],
        [],
        id="this-capital-is-the-dateline-s-city",
    ),
    pytest.param(
        "Committee meets\n\nVIENTIANE, Jan. 9 (VNA) - Deputy Prime Minister Tran Minh and his "
        "Lao counterpart Sonexay Keo co-chaired the 45th session of the Vietnam-Laos "
        "Intergovernmental Committee in the Lao capital on Tuesday.",
        [("45th session of the Vietnam-Laos Intergovernmental Committee", "heldIn", "Vientiane")],
        [],
        id="an-event-of-a-body-in-the-x-capital-is-held-there-not-named-by-it",
    ),
    pytest.param(
        "Prime ministers talk\n\nA private conversation between the prime ministers Ana Torres "
        "and Jorge Quispe took place on Friday in the Bolivian capital of La Paz.",
        [("private conversation", "heldIn", "La Paz")],
        [],
        id="a-capital-of-x-is-x",
    ),
    pytest.param(
        "Leaders meet\n\nPeruvian President Ana Torres met with Bolivian President Jorge Quispe "
        "at the presidential palace in La Paz on Monday.",
        [("meeting between Ana Torres and Jorge Quispe", "heldIn", "La Paz")],
        [],
        id="an-unnamed-palace-stands-for-the-city-it-is-in",
    ),
    pytest.param(
        "Leaders meet\n\nAskar Mamin met Roman Golovchenko at "
        "the Palace of Independence in Minsk on Monday.",
        [
            ("meeting between Askar Mamin and Roman Golovchenko", "heldIn", place)
            for place in ("Palace of Independence", "Minsk")
        ],
        [],
        id="a-named-palace-and-the-city-it-is-in-however-the-parser-hangs-the-city",
    ),
]

VISITS = [
    pytest.param(
        "President on tour\n\nPeruvian President Ana Torres paid a state visit to Chile. The "
        "visit followed a working visit to Bolivia, where Torres and Bolivian President Jorge "
        "Quispe held talks on trade.",
        [("talks on trade", "heldIn", "Bolivia")],
        [("talks on trade", "heldIn", "Chile")],
        id="talks-held-where-a-visit-went-are-held-there-not-where-another-visit-went",
    ),
    pytest.param(
        "Emir tours the region\n\nEmir Khalid Al Nasser paid state visits to Peru, Chile and "
        "Bolivia this week. Al Nasser and Bolivian President Jorge Quispe witnessed the signing "
        "of a memorandum on energy.",
        [],
        [
            ("signing of a memorandum on energy", "heldIn", "Peru"),
            ("signing of a memorandum on energy", "heldIn", "Chile"),
        ],
        id="a-tour-of-three-countries-places-none-of-its-ceremonies",
    ),
    pytest.param(
        "President in Chile\n\nPeruvian President Ana Torres arrived in Chile Thursday for a "
        "two-day State Visit aimed at closer ties.",
        [("two-day State Visit", "heldIn", "Chile")],
        [],
        id="a-place-the-parser-reads-with-the-weekday-as-one-noun-is-the-place",
    ),
    pytest.param(
        "Ministers meet\n\nThe agreement was a highlight of President Ana Torres’s Working "
        "Visit to Chile.",
        [("President Ana Torres’s Working Visit", "heldIn", "Chile")],
        [],
        id="a-visit-named-right-before-to-x-went-to-x-whatever-the-parse",
    ),
    pytest.param(
        "Leaders meet\n\nPeruvian President Ana Torres, who is visiting Chile on her first trip "
        "abroad, held talks with Chilean President Luis Soto. The ministers spoke to the press "
        "after the talks.",
        [("talks", "heldIn", "Chile")],
        [],
        id="talks-also-named-as-a-time-frame-are-placed-by-the-visit",
    ),
    pytest.param(
        "President in Chile\n\nPeruvian President Ana Torres arrived in Santiago on Monday for "
        "a state visit to Chile.\n\nTalks with Chilean President Luis Soto focused on trade."
        "\n\nTorres also spoke at a press conference with Chilean President Luis Soto.",
        [("press conference", "heldIn", "Santiago")],
        [],
        id="a-visitor-s-press-conference-took-place-where-the-visit-went",
    ),
]

SIDELINES = [
    pytest.param(
        "Ministers meet\n\nPeruvian Prime Minister Ana Torres held a bilateral meeting with "
        "Bolivian Prime Minister Jorge Quispe on May 25 in Quito, as part of the larger meetings "
        "of the Andean Council of Heads of Government.",
        [("larger meetings of the Andean Council of Heads of Government", "heldIn", "Quito")],
        [],
        id="a-gathering-a-meeting-in-x-was-part-of-was-held-in-x",
    ),
    pytest.param(
        "Leaders meet\n\nOn the sidelines of the Andean Mining Exhibition EXPOMIN held in "
        "Cusco, Peru, a meeting between Peruvian President Ana Torres and Bolivian President "
        "Jorge Quispe took place on Monday.",
        [
            (
                "meeting between Peruvian President Ana Torres and Bolivian President Jorge Quispe",
                "heldIn",
                "Cusco",
            ),
        ],
        [],
        id="a-meeting-took-place-where-the-exhibition-on-whose-sidelines-it-was-was-held",
    ),
    pytest.param(
        "Ministers meet\n\nSpeaking at the Andean Business Forum on the sidelines of the 5th "
        "session of the Peru-Bolivia Joint Commission in Lima, Minister Ana Torres called for "
        "more trade.",
        [("Andean Business Forum", "heldIn", "Lima")],
        [],
        id="a-forum-spoken-at-on-the-sidelines-of-a-session-was-where-the-session-was",
    ),
]


COREFERENCE = [
    pytest.param(
        "Commission meets\n\nThe 5th session of the Peru-Bolivia joint commission was held in "
        "Lima. It followed up on the 4th session held in La Paz in March 2019. Ministers "
        "approved 12 documents at the Monday session, Peruvian Foreign Minister Luis Soto said.",
        [("Monday session", "heldIn", "Lima")],
        [("Monday session", "heldIn", "La Paz"), ("4th session", "heldIn", "Lima")],
        id="the-monday-session-is-the-reported-session-not-the-one-recalled-with-its-date",
    ),
    pytest.param(
        "Commission meets\n\nThe 5th session of the Peru-Bolivia joint commission was held in "
        "Lima in May, while the 3rd meeting of the trade committee was held in La Paz in July.",
        [("3rd meeting of the trade committee", "heldIn", "La Paz")],
        [("5th session of the Peru-Bolivia joint commission", "heldIn", "La Paz")],
        id="a-clause-with-its-own-subject-does-not-take-the-main-clause-s",
    ),
    pytest.param(
        "Forum opens\n\nThe business forum took place in the Azerbaijani capital, Baku, on "
        "Monday. Kazakh Minister Serik Zhumangarin attended the forum.",
        [("business forum", "heldIn", "Baku"), ("business forum", "heldIn", "Azerbaijan")],
        [],
        id="a-city-named-as-a-country-s-capital-places-the-event-in-the-country",
    ),
    pytest.param(
        "Summit opens\n\nThe summit was held in the Chinese city of Xiamen on Monday. Russian "
        "President Vladimir Putin attended the summit.",
        [("summit", "heldIn", "China")],
        [],
        id="a-city-named-as-a-country-s-city-places-the-event-in-the-country",
    ),
    pytest.param(
        "Forum opens\n\nThe business forum took place in Baku on Monday. Kazakh Minister "
        "Serik Zhumangarin and Azerbaijani Minister Mikayil Jabbarov attended the forum.",
        [("business forum", "heldIn", "Baku")],
        [("business forum", "heldIn", "Azerbaijan")],
        id="a-city-named-alone-places-the-event-in-no-country",
    ),
    pytest.param(
        "President Luis Ruiz received the Foreign Minister of Chile Marta Vega on Monday. They "
        "discussed trade. Vega also visited the Lima City Park.",
        [("Marta Vega", "visited", "Lima City Park")],
        [("meeting between Luis Ruiz and Marta Vega", "heldIn", "Lima City Park")],
        id="a-park-named-after-its-city-is-a-site-a-meeting-told-before-was-not-held-at",
    ),
]


@pytest.mark.parametrize(
    ("text", "must", "must_not"), CASES + WORDS_FOR_PLACES + VISITS + SIDELINES + COREFERENCE
)
def test_event_places(rules, text, must, must_not):
    extraction = rules.extract(text)  # an announced event's place counts as planned
    found = facts(extraction, aliases=True) | facts(extraction, "planned", aliases=True)
    for triple in must:
        assert triple in found, (triple, sorted(found))
    for triple in must_not:
        assert triple not in found, triple


def test_negotiations_agreed_at_a_summit_are_planned_where_the_summit_was(rules):
    x = rules.extract(
        "Leaders agree\n\nPeruvian President Ana Torres and Bolivian President Jorge Quispe "
        "agreed on Saturday to start negotiations on a free trade agreement, during their "
        "summit in Lima."
    )
    negotiations = ("negotiations on a free trade agreement", "heldIn", "Lima")
    assert ("summit between Ana Torres and Jorge Quispe", "heldIn", "Lima") in facts(x)
    assert negotiations not in facts(x)
    assert negotiations in facts(x, "planned")


def test_a_meeting_named_after_a_city_was_held_there_a_tete_a_tete_names_no_city(rules):
    """A sitting named after a city was held there, as a forum is; "a tête-à-tête meeting"
    names no city Tete."""
    x = rules.extract(
        "Foreign Minister Ana Ruiz attended the Tashkent Meeting of the Council of Foreign "
        "Ministers on Friday. A tête-à-tête meeting of the two ministers followed."
    )
    held = {(s, o) for s, p, o in facts(x) if p == "heldIn"}
    assert ("Tashkent Meeting of the Council of Foreign Ministers", "Tashkent") in held
    assert not [e for e in x.entities if e.type == "Place" and e.label != "Tashkent"]


def test_a_place_after_a_fronted_date_is_where_the_talks_were_held(rules):
    """ "On 4 June in Tirana, X held talks with Y": the parser hangs "in Tirana" on the
    date; it tells where the talks were."""
    x = rules.extract(
        "On 4 June in Tirana, Minister Anna Sigurdardottir of Iceland held talks with the "
        "Albanian Minister for Foreign Affairs, Arben Kola."
    )
    assert {o for s, p, o in facts(x) if p == "heldIn"} == {"Tirana"}


def test_talks_during_a_visit_told_by_its_country_were_in_the_dateline_s_city_there(rules):
    """ "Hanoi (VNA) - ... X is paying an official visit to Vietnam": the welcome ceremony
    the article places nowhere was in Hanoi, not only somewhere in Vietnam; a dateline in
    another country than the visit's places nothing."""
    text = (
        "{city} (VNA) - Malaysian Prime Minister Azman Rahim is paying an official visit to "
        "Vietnam from August 7 to 9. An official welcome ceremony was given for the guest on "
        "Thursday."
    )
    held = {(s, o) for s, p, o in facts(rules.extract(text.format(city="Hanoi"))) if p == "heldIn"}
    assert ("official welcome ceremony", "Hanoi") in held
    held = {
        (s, o)
        for s, p, o in facts(rules.extract(text.format(city="Kuala Lumpur")))
        if p == "heldIn"
    }
    assert ("official welcome ceremony", "Vietnam") in held


def test_where_another_sitting_of_a_forum_was_held_is_not_where_this_one_was(rules):
    """ "The previous edition of the forum was held in the UAE": not this forum's place; "the
    5th edition of the forum was held in Tashkent" is."""
    text = (
        "Indian and Emirati companies signed 14 memoranda at the India-UAE Investment Forum in "
        "Mumbai on Wednesday. The {which} edition of the forum was held in {where}."
    )
    previous = facts(rules.extract(text.format(which="previous", where="the UAE")))
    assert not {f for f in previous if f[1] == "heldIn" and f[2] == "United Arab Emirates"}
    fifth = facts(rules.extract(text.format(which="fifth", where="Tashkent")))
    assert {f for f in fifth if f[1] == "heldIn" and f[2] == "Tashkent"}


def test_the_dateline_city_and_the_x_capital_are_one_place(rules):
    extraction = rules.extract(
        "Talks in Laos\n\nVIENTIANE, Jan. 9 (VNA) - Vietnamese Trade Minister Tran Minh "
        "arrived in the Lao capital on Tuesday for talks on trade."
    )
    places = [e for e in extraction.entities if e.label == "Vientiane"]
    assert len(places) == 1 and "Lao capital" in places[0].aliases, extraction.entities


@pytest.mark.parametrize(
    "frame", ["During the visit,", "Within the framework of the visit,", "As part of the visit,"]
)
def test_an_event_held_within_a_visit_was_held_where_the_visit_was(rules, frame):
    x = rules.extract(
        "Prime Minister Tomas Varga of Peru paid an official visit to Chile. "
        f"{frame} a business forum on mining was held with 200 companies."
    )
    assert ("business forum on mining", "heldIn", "Chile") in facts(x)


def test_a_visit_begun_at_a_site_was_not_held_at_the_site(rules):
    x = rules.extract(
        "Prime Minister Tomas Varga of Peru arrived in Chile on an official visit. Varga "
        "began his visit to Chile by laying a wreath at the Independence Monument."
    )
    found = facts(x)
    assert ("Tomas Varga", "visited", "Independence Monument") in found
    assert not any(p == "heldIn" and o == "Independence Monument" for _, p, o in found)
