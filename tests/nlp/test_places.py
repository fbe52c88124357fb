"""Where events took place and who went where: datelines, "here", visits, on short articles
written for these tests. Each case says what the extraction must give and must not give."""

from __future__ import annotations

import pytest

from tests.conftest import facts

CASES = [
    pytest.param(
        "ALMATY. AGENCY - On the sidelines of the 5th International Agricultural Exhibition "
        "AGROTEK held in Almaty, Kazakhstan, a meeting between Prime Ministers of Kazakhstan and "
        "Uzbekistan Nurlan Bekov and Timur Rashidov took place, the agency cites the press "
        "service.\n\nDuring the meeting, the Uzbek Prime Minister said that this year "
        "Uzbekistan is the AGROTEK exhibition's partner.",
        [
            ("AGROTEK exhibition", "heldIn", "Almaty"),
            ("5th International Agricultural Exhibition AGROTEK", "heldIn", "Almaty"),
            ("meeting", "heldIn", "Almaty"),
            ("meeting", "participant", "Nurlan Bekov"),
        ],
        [("5th International Agricultural Exhibition AGROTEK", "participant", "Nurlan Bekov")],
        id="an-exhibition-named-in-capitals-after-its-word-and-a-meeting-on-its-sidelines",
    ),
    pytest.param(
        "Foreign Minister Rustam Aliev of Tajikistan took part in the meeting of foreign "
        "ministers in the Central Asia - European Union format in Luxembourg on Monday. Later, "
        "Aliev joined the session of the heads of foreign agencies in the Central Asia – Russia "
        "format, where the ministers spoke of security.",
        [("meeting", "heldIn", "Luxembourg")],
        [
            ("meeting", "participant", "Luxembourg"),
            ("session of the heads of foreign agencies", "heldIn", "Central Asia"),
        ],
        id="a-place-of-a-meeting-s-members-or-format-is-where-it-was-held-the-format-is-not",
    ),
    pytest.param(
        "President Ana Torres received Bolivian President Jorge Quispe at the Union Buildings "
        "in Lima on Monday.",
        [
            ("meeting between Ana Torres and Jorge Quispe", "heldIn", "Union Buildings"),
            ("meeting between Ana Torres and Jorge Quispe", "heldIn", "Lima"),
            ("Jorge Quispe", "visited", "Union Buildings"),
        ],
        [],
        id="a-name-ending-in-buildings-is-a-site-the-meeting-was-held-at",
    ),
    pytest.param(
        " date 2023-03-01 LIMA, March 1 (EFE) - Bolivian President Jorge Quispe arrived here "
        "on Monday for talks on trade with Peru.",
        [("Jorge Quispe", "visited", "Lima"), ("Jorge Quispe", "visited", "Peru")],
        [("Jorge Quispe", "visited", "Bolivia")],
        id="who-arrived-here-visited-the-dateline-city-and-its-country",
    ),
    pytest.param(
        " date 2023-03-01 DHAKA, March 1 - Japanese Foreign Minister Kenji Ota arrived in the "
        "capital on Monday for a two-day official visit. The Bangladeshi capital hosts a trade "
        "fair this week.",
        [("Kenji Ota", "visited", "Dhaka")],
        [],
        id="the-capital-is-the-dateline-s-capital-city",
    ),
    pytest.param(
        " date 2023-03-01 KHULNA, March 1 - Japanese Foreign Minister Kenji Ota arrived in the "
        "capital on Monday. Bangladesh and Japan discussed trade.",
        [],
        [("Kenji Ota", "visited", "Khulna")],
        id="the-capital-is-not-a-dateline-city-that-is-no-capital",
    ),
    pytest.param(
        "Egyptian Trade Minister Ahmed Samir toured Aqaba Port and the Aqaba Container Terminal "
        "on Tuesday. He was accompanied by Jordanian officials.",
        [
            ("Ahmed Samir", "visited", "Aqaba Port"),
            ("Ahmed Samir", "visited", "Aqaba Container Terminal"),
        ],
        [],
        id="a-terminal-is-a-site-each-of-a-tour-s-sites-was-visited",
    ),
    pytest.param(
        "Latvian Foreign Minister Ilze Berzina arrived in Baku on Monday. She visited the "
        "Alley of Honor and laid a wreath at the grave of the national leader.",
        [("Ilze Berzina", "visited", "Alley of Honor")],
        [("Ilze Berzina", "visited", "Alley")],
        id="a-site-s-word-the-recognizer-took-alone-keeps-its-name-after-of",
    ),
    pytest.param(
        "LIMA (AGENCY) - Minister of Trade Ana Torres on Tuesday called on Latvian Foreign "
        "Minister Ilze Berzina, who is visiting Peru.\n\nEarlier, Berzina met President Jorge "
        "Quispe at the President's House. Later, the visiting dignitary toured the Callao "
        "Port.",
        [
            ("meeting between Ilze Berzina and Jorge Quispe", "heldIn", "President's House"),
            ("Ilze Berzina", "visited", "Callao Port"),
        ],
        [("Ana Torres", "visited", "Callao Port")],
        id="the-visiting-one-is-the-guest-not-the-host-who-called-on-her-and-a-titled-seat",
    ),
    pytest.param(
        "Lima, Peru (AGENCY) -- On 20 May, President of Peru Jorge Quispe held negotiations with "
        "Prime Minister of Latvia Ilze Berzina, who arrived in our country on an official visit."
        '\n\n"Our country values this visit," Berzina said.',
        [("Ilze Berzina", "visited", "Peru")],
        [("Ilze Berzina", "visited", "Latvia")],
        id="our-country-outside-a-quotation-is-the-outlet-s-the-dateline-s",
    ),
    pytest.param(
        "MINSK (AGENCY) - Latvian Prime Minister Ilze Berzina arrived in Minsk on Monday.\n\n"
        "The prime minister visited the Belshina and BelAZ plants and toured the Richter "
        "Gedeon and MOL Group companies.",
        [("Ilze Berzina", "visited", "Richter Gedeon"), ("Ilze Berzina", "visited", "MOL Group")],
        [],
        id="each-company-named-before-a-plural-company-word-was-visited",
    ),
    pytest.param(
        "MINSK (AGENCY) - Latvian Prime Minister Ilze Berzina arrived in Minsk on Monday.\n\n"
        "The prime minister toured the Richter Gedeon and MOL Group companies.",
        [("Ilze Berzina", "visited", "Richter Gedeon"), ("Ilze Berzina", "visited", "MOL Group")],
        [],
        id="each-company-named-before-a-plural-company-word-was-visited-parsed-otherwise",
    ),
    pytest.param(
        "The Brazilian minister, Julio Ramos, arrived in Montevideo on Monday evening. Ramos "
        "held talks with Uruguayan Foreign Minister Ana Pereyra on trade.",
        [("Julio Ramos", "visited", "Montevideo")],
        [],
        id="a-city-the-recognizer-takes-into-a-date-is-a-place",
    ),
    pytest.param(
        "President of Kenya meets leader of Peru in Geneva\n\nThe President of Kenya met with "
        "the leader of Peru on the sidelines of the 12th session of the Human Rights Council "
        "held in Geneva.\n\nKenyan President William Ruto and Peruvian President Dina Boluarte "
        "agreed to meet again.",
        [
            ("William Ruto", "met", "Dina Boluarte"),
            ("meeting between William Ruto and Dina Boluarte", "heldIn", "Geneva"),
        ],
        [],
        id="a-country-s-president-or-leader-is-the-one-the-article-names-later",
    ),
    pytest.param(
        "Trade between Kenya and Peru grew last year. Exports rose by a third. Imports fell by a fifth. "
        "The President of Kenya met with the leader of Peru in Geneva.\n\nKenyan President "
        "William Ruto and Peruvian President Dina Boluarte agreed to meet again.",
        [],
        [("William Ruto", "met", "Dina Boluarte")],
        id="only-the-headline-and-lead-name-people-the-article-names-later",
    ),
    pytest.param(
        "Kazakh President Kassym-Jomart Tokayev held talks with Peruvian President Dina "
        "Boluarte during the Astana International Forum on Thursday. Leaders also met at the "
        "Shanghai Cooperation Organisation summit.",
        [
            ("Astana International Forum", "heldIn", "Astana"),
            ("talks with Peruvian President Dina Boluarte", "heldIn", "Astana"),
        ],
        [("Shanghai Cooperation Organisation summit", "heldIn", "Shanghai")],
        id="a-forum-named-after-a-city-was-held-there-and-so-were-talks-during-it",
    ),
    pytest.param(
        "Presidents confirm good relations\n\nLIMA, Nov 27 (EFE) - Peruvian President Ana "
        "Torres and Bolivian counterpart Jorge Quispe met here on Tuesday to confirm good "
        "relations.\n\nAt the event, Torres praised the ties.\n\nMinisters also took part in "
        "the presidents' meeting, which ended with the signing of agreements.",
        [
            ("meeting between Ana Torres and Jorge Quispe", "heldIn", "Lima"),
            ("Jorge Quispe", "visited", "Lima"),
            ("Jorge Quispe", "visited", "Peru"),
        ],
        [("Ana Torres", "visited", "Lima")],
        id="the-pair-met-here-so-their-meeting-told-later-was-held-here",
    ),
    pytest.param(
        "Peruvian President Ana Torres and Chilean President Luis Soto signed 12 agreements "
        "during a state visit in Santiago. In a state visit to Chile, Torres said the ties "
        "were strong.",
        [
            ("Ana Torres", "visited", "Santiago"),
            ("state visit to Chile", "heldIn", "Santiago"),
        ],
        [],
        id="one-visit-told-with-two-places-is-one-visit",
    ),
    pytest.param(
        "Tajik President Emomali Rahmon met Kyrgyz President Sadyr Japarov in Bishkek on "
        "Monday. “It was after your visit to Dushanbe in 2019 that our ties grew,” Rahmon told "
        "Japarov.",
        [("meeting between Emomali Rahmon and Sadyr Japarov", "heldIn", "Bishkek")],
        [
            ("visit to Dushanbe", "heldIn", "Dushanbe"),
            ("visit to Dushanbe", "heldIn", "Tajikistan"),
        ],
        id="a-visit-a-quotation-recalls-is-no-event-of-the-article",
    ),
    pytest.param(
        "Egyptian President Ahmed Nabil welcomed Turkish President Kemal Arslan on his first "
        "visit to Egypt. The two presidents later headed to the Koubba Palace, where an "
        "official reception ceremony was held.",
        [
            ("Kemal Arslan", "visited", "Egypt"),
            ("official reception ceremony", "heldIn", "Koubba Palace"),
        ],
        [("Ahmed Nabil", "visited", "Egypt"), ("official reception ceremony", "heldIn", "Egypt")],
        id="the-host-of-a-visit-visits-nothing-and-where-held-places-the-ceremony",
    ),
    pytest.param(
        "The two ministers witnessed the signing of the accord at Sela House, the seat of "
        "the Ruritanian government, in Strelsau, Ruritania.",
        [
            ("signing of the accord", "heldIn", "Sela House"),
            ("signing of the accord", "heldIn", "Strelsau"),
        ],
        [],
        id="the-place-in-which-a-site-s-apposition-lies",
    ),
]


@pytest.mark.parametrize(("text", "must", "must_not"), CASES)
def test_places(pipeline, text, must, must_not):
    found = facts(pipeline.extract(text), aliases=True)
    for triple in must:
        assert triple in found, (triple, sorted(found))
    for triple in must_not:
        assert triple not in found, triple
