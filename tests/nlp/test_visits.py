"""Who visited where (kg/nlp/visits.py and the visited patterns), on short articles written
for these tests. Each case says what the rules must give and must not give."""

from __future__ import annotations

import pytest

from tests.conftest import facts

CASES = [
    pytest.param(
        "Bolivian President Jorge Quispe, who was on a one-day working visit to Peru, held talks "
        "with Peruvian President Ana Torres in Lima on Monday. The visit comes weeks after "
        "Torres visited La Paz, where the two leaders signed three agreements.",
        [("one-day working visit to Peru", "heldIn", "Lima"), ("Ana Torres", "visited", "La Paz")],
        [
            ("one-day working visit to Peru", "heldIn", "La Paz"),
            ("Jorge Quispe", "visited", "La Paz"),
        ],
        id="a-visit-told-after-another-is-not-that-one",
    ),
    pytest.param(
        "Bolivian minister arrives in Lima\n\nBolivian Foreign Minister Jorge Quispe arrived in "
        "Lima on a working visit on Sunday, the ministry's press service reported.\n\nOn Monday, "
        "Quispe held talks with Peruvian Foreign Minister Ana Torres. The ministers discussed "
        "trade.\n\nLater, the Bolivian minister met with Peruvian Minister of Trade Luis Rojas.",
        [
            ("working visit", "heldIn", "Lima"),
            ("working visit", "heldIn", "Peru"),
            ("talks with Peruvian Foreign Minister Ana Torres", "heldIn", "Lima"),
            ("meeting between Jorge Quispe and Luis Rojas", "heldIn", "Lima"),
        ],
        [],
        id="who-arrived-somewhere-on-a-visit-made-it-and-met-people-there",
    ),
    pytest.param(
        "Bolivian President Jorge Quispe arrived in Peru on Monday. Quispe and his Peruvian "
        "counterpart Ana Torres jointly inaugurated a hospital in Cusco. Quispe also discussed "
        "investment in Arequipa.",
        [("Jorge Quispe", "visited", "Cusco")],
        [("Jorge Quispe", "visited", "Arequipa"), ("Ana Torres", "visited", "Cusco")],
        id="a-visitor-who-opens-something-in-a-city-was-there",
    ),
    pytest.param(
        "Today, Peruvian President Ana Torres received at Lima International Airport Bolivian "
        "President Jorge Quispe. The two presidents then met for talks.",
        [
            ("Jorge Quispe", "visited", "Lima International Airport"),
            ("Jorge Quispe", "visited", "Peru"),
        ],
        [("Ana Torres", "visited", "Lima International Airport")],
        id="received-at-a-place-a-guest-the-parser-hangs-under-it-met-in-another-sentence",
    ),
    pytest.param(
        "Peruvian President Ana Torres and Bolivian President Jorge Quispe attended a signing "
        "ceremony in Lima on Monday.",
        [("Jorge Quispe", "visited", "Lima"), ("Jorge Quispe", "visited", "Peru")],
        [("Ana Torres", "visited", "Lima"), ("Ana Torres", "visited", "Peru")],
        id="a-guest-at-a-signing-in-the-host-country-visited-it",
    ),
    pytest.param(
        "The 10th meeting of the Peru-Bolivia Intergovernmental Commission was held in Lima "
        "on Monday. It was chaired by Peruvian Minister Ana Torres and Bolivian Minister "
        "Jorge Quispe.",
        [],
        [("Jorge Quispe", "visited", "Lima"), ("Jorge Quispe", "visited", "Peru")],
        id="members-of-a-standing-body-at-its-numbered-sitting-visit-nothing",
    ),
    pytest.param(
        "Peruvian President Ana Torres met Bolivian President Jorge Quispe in Geneva on "
        "Monday, on the sidelines of a United Nations conference.",
        [],
        [("Jorge Quispe", "visited", "Geneva"), ("Ana Torres", "visited", "Geneva")],
        id="a-meeting-in-a-third-country-tells-no-visit",
    ),
    pytest.param(
        "Peruvian President Ana Torres hosted Bolivian President Jorge Quispe in Lima on Monday.",
        [("Jorge Quispe", "visited", "Lima"), ("Jorge Quispe", "visited", "Peru")],
        [("Ana Torres", "visited", "Lima"), ("Ana Torres", "visited", "Peru")],
        id="the-guest-a-host-hosted-visited-the-host-s-country",
    ),
    pytest.param(
        "Bolivian President Jorge Quispe was welcomed by Peruvian President Ana Torres at "
        "the Government Palace.",
        [("Jorge Quispe", "visited", "Government Palace"), ("Jorge Quispe", "visited", "Peru")],
        [("Ana Torres", "visited", "Peru")],
        id="welcomed-by-a-host-at-a-palace",
    ),
    pytest.param(
        "Upon arrival at the Lima airport, Bolivian President Jorge Quispe was met by "
        "Peruvian Prime Minister Ana Torres.",
        [
            ("Jorge Quispe", "visited", "Lima airport"),
            ("Jorge Quispe", "visited", "Peru"),
            ("Ana Torres", "met", "Jorge Quispe"),
        ],
        [("Ana Torres", "visited", "Lima airport"), ("Ana Torres", "visited", "Bolivia")],
        id="met-by-the-host-on-arrival-at-the-airport",
    ),
    pytest.param(
        "Bolivian President Jorge Quispe, shortly after arriving in Lima, held talks with "
        "Peruvian President Ana Torres. Before leaving for Quito, Ana Torres met the press.",
        [
            ("Jorge Quispe", "visited", "Lima"),
            ("Jorge Quispe", "visited", "Peru"),
            ("Ana Torres", "visited", "Quito"),
        ],
        [("Ana Torres", "visited", "Lima"), ("Jorge Quispe", "visited", "Quito")],
        id="the-subject-of-a-clause-arrives-after-a-preposition",
    ),
    pytest.param(
        "Peruvian President Ana Torres held talks with the visiting Bolivian President "
        "Jorge Quispe on Monday.",
        [("Jorge Quispe", "visited", "Peru")],
        [("Ana Torres", "visited", "Bolivia")],
        id="the-visiting-president-visited-the-country-of-whom-he-met",
    ),
    pytest.param(
        "Bolivian President Jorge Quispe is visiting Peru and met Peruvian President Ana "
        "Torres on Monday.",
        [("Jorge Quispe", "visited", "Peru")],
        [("Ana Torres", "visited", "Bolivia"), ("Ana Torres", "visited", "Peru")],
        id="visiting-a-country-is-no-reception-by-everyone-named",
    ),
    pytest.param(
        "Bolivian President Jorge Quispe is on a state visit to Peru. He and Peruvian "
        "President Ana Torres held talks at the Government Palace on Monday.",
        [("Jorge Quispe", "visited", "Government Palace")],
        [("Ana Torres", "visited", "Government Palace")],
        id="a-palace-of-no-known-country-lies-in-the-country-the-guest-visits",
    ),
    pytest.param(
        "Peruvian President Ana Torres and Bolivian President Jorge Quispe held talks at the "
        "Government Palace on Monday.",
        [],
        [
            ("Jorge Quispe", "visited", "Government Palace"),
            ("Ana Torres", "visited", "Government Palace"),
        ],
        id="a-palace-of-no-known-country-where-no-one-is-visiting-tells-no-visit",
    ),
    pytest.param(
        "During his stay in Lima, Bolivian President Jorge Quispe was given a ceremonial "
        "welcome at the Government Palace. He spent two days in Cusco.",
        [
            ("Jorge Quispe", "visited", "Lima"),
            ("Jorge Quispe", "visited", "Government Palace"),
            ("Jorge Quispe", "visited", "Cusco"),
        ],
        [],
        id="a-stay-a-ceremonial-welcome-and-days-spent-somewhere",
    ),
    pytest.param(
        "Bolivian President Jorge Quispe is on a state visit to Peru. At the Government "
        "Palace in Lima, Quispe praised the ties. Peruvian President Ana Torres spoke in "
        "Cusco on Monday.",
        [("Jorge Quispe", "visited", "Government Palace")],
        [("Ana Torres", "visited", "Cusco")],
        id="a-visitor-shown-at-a-place-was-there-a-host-was-not-visiting",
    ),
    pytest.param(
        "Bolivian President Jorge Quispe is on a state visit to Peru. Last year Quispe spoke "
        "in Santiago, Chile, on trade.",
        [("Jorge Quispe", "visited", "Peru")],
        [("Jorge Quispe", "visited", "Santiago")],
        id="a-visitor-shown-in-a-city-of-another-country-was-not-there-on-this-visit",
    ),
    pytest.param(
        "Bolivian President Jorge Quispe reached Lima on Monday. He and Peruvian President "
        "Ana Torres reached an agreement on the port of Ilo.",
        [("Jorge Quispe", "visited", "Lima")],
        [("Ana Torres", "visited", "Ilo"), ("Jorge Quispe", "visited", "Ilo")],
        id="reaching-a-city-is-a-visit-reaching-an-agreement-is-not",
    ),
    pytest.param(
        "Bolivian President Jorge Quispe, who is currently in Lima, praised the ties. "
        "“I look forward to the talks while I am in Chile,” Peruvian President Ana Torres "
        "said.",
        [("Jorge Quispe", "visited", "Lima")],
        [("Ana Torres", "visited", "Chile")],
        id="who-is-in-a-city-visited-it-not-a-speaker-saying-while-I-am-in",
    ),
    pytest.param(
        "Bolivian President Jorge Quispe returned home after a four-day visit to Peru.",
        [("Jorge Quispe", "visited", "Peru")],
        [("Jorge Quispe", "visited", "Bolivia")],
        id="returned-home-after-a-visit",
    ),
    pytest.param(
        "Cuban Prime Minister Manuel Marrero Cruz is on an official visit to Vietnam. The "
        "Cuban guest toured the Hanoi Textile Plant on Tuesday. At the Noi Bai International "
        "Airport, the guest was met by Vietnamese Deputy Prime Minister Tran Luu Quang.",
        [
            ("Manuel Marrero Cruz", "visited", "Hanoi Textile Plant"),
            ("Manuel Marrero Cruz", "visited", "Noi Bai International Airport"),
        ],
        [("Tran Luu Quang", "visited", "Noi Bai International Airport")],
        id="the-guest-is-the-one-person-visiting-a-foreign-country",
    ),
    pytest.param(
        "Bolivian President Jorge Quispe and Chilean President Luis Soto are on visits to "
        "Peru. The guest toured the Lima Textile Plant.",
        [("Jorge Quispe", "visited", "Peru"), ("Luis Soto", "visited", "Peru")],
        [
            ("Jorge Quispe", "visited", "Lima Textile Plant"),
            ("Luis Soto", "visited", "Lima Textile Plant"),
        ],
        id="the-guest-is-no-one-when-two-are-visiting",
    ),
    pytest.param(
        "The official visit of the Kazakh President to China took place on May 17. Kazakh "
        "President Kassym-Jomart Tokayev and Chinese President Xi Jinping signed 20 agreements.",
        [("Kassym-Jomart Tokayev", "visited", "China")],
        [("Xi Jinping", "visited", "China")],
        id="the-president-in-a-visit-to-a-country-is-not-that-country-s-president",
    ),
    pytest.param(
        "Bolivian President Jorge Quispe recalled his visit to Peru ten days ago and to "
        "Chile, Argentina and Brazil earlier this year.",
        [
            ("Jorge Quispe", "visited", "Peru"),
            ("Jorge Quispe", "visited", "Chile"),
            ("Jorge Quispe", "visited", "Brazil"),
        ],
        [],
        id="a-visit-to-one-country-and-to-three-more",
    ),
    pytest.param(
        "Bolivian President Jorge Quispe is on a state visit to Peru. Quispe and Peruvian "
        "President Ana Torres later headed to the Government Palace. Peruvian President Ana "
        "Torres visited the Lima Textile Plant on Friday.",
        [
            ("Jorge Quispe", "visited", "Government Palace"),
            ("Ana Torres", "visited", "Lima Textile Plant"),
        ],
        [("Ana Torres", "visited", "Government Palace")],
        id="a-host-going-with-the-guest-shows-the-guest-round",
    ),
    pytest.param(
        "Bolivian President Jorge Quispe is on a state visit to Peru. Peruvian President Ana "
        "Torres escorted Quispe on a tour of the Government Palace. Quispe later went on a "
        "tour of the Lima Textile Plant.",
        [("Jorge Quispe", "visited", "Lima Textile Plant")],
        [("Ana Torres", "visited", "Government Palace")],
        id="who-escorts-a-guest-on-a-tour-is-not-the-one-touring",
    ),
    pytest.param(
        "Bolivian President Jorge Quispe laid a wreath at the Tomb of the Unknown Soldier in "
        "Lima. He also got acquainted with the work of the Lima Textile Plant.",
        [
            ("Jorge Quispe", "visited", "Tomb of the Unknown Soldier"),
            ("Jorge Quispe", "visited", "Lima Textile Plant"),
        ],
        [],
        id="sites-where-a-wreath-was-laid-or-whose-work-a-visitor-saw",
    ),
    pytest.param(
        "Bolivian President Jorge Quispe was received with honours in Lima before laying a "
        "wreath on the tomb of Miguel Grau. Officials then laid flowers at Santa Rosa "
        "memorial cemetery.",
        [("Jorge Quispe", "visited", "tomb of Miguel Grau")],
        [("Jorge Quispe", "visited", "Miguel Grau")],
        id="a-tomb-or-memorial-of-a-named-person-is-a-site",
    ),
    pytest.param(
        "Bolivian President Jorge Quispe, who arrived in Peru on an official visit, held a "
        "meeting in a narrow format with Peruvian President Ana Torres in Lima. Quispe also "
        "visited the Bolivian church of Saint Rose in the Peruvian capital.",
        [
            ("meeting between Jorge Quispe and Ana Torres", "participant", "Ana Torres"),
            ("Jorge Quispe", "visited", "Bolivian church of Saint Rose"),
        ],
        [],
        id="a-meeting-in-a-narrow-format-with-someone-and-a-named-church",
    ),
    pytest.param(
        "Bolivian President Jorge Quispe arrived in Peru Thursday for a two-day state visit.",
        [("Jorge Quispe", "visited", "Peru")],
        [("Jorge Quispe", "visited", "Bolivia")],
        id="arrived-in-a-country-the-parser-hangs-on-the-day",
    ),
    pytest.param(
        "Bolivian President Jorge Quispe, who is in the Peruvian city of Cusco, met Peruvian "
        "President Ana Torres. Torres lives in the city of Lima.",
        [("Jorge Quispe", "visited", "Cusco")],
        [("Ana Torres", "visited", "Lima"), ("Ana Torres", "visited", "Cusco")],
        id="the-city-of-a-place-is-that-place",
    ),
    pytest.param(
        "President Jorge Quispe of Bolivia paid a Working Visit to the Republic of Peru "
        "yesterday. Quispe made a speech to the Bolivian community.",
        [("Jorge Quispe", "visited", "Peru")],
        [("Jorge Quispe", "visited", "Bolivia")],
        id="paid-a-visit-with-the-to-on-the-verb",
    ),
    pytest.param(
        "President Jorge Quispe left Bolivia on Tuesday for a weeklong tour to West Africa. "
        "Peruvian President Ana Torres will leave for a visit to Senegal.",
        [("Jorge Quispe", "visited", "West Africa")],
        [("Jorge Quispe", "visited", "Bolivia"), ("Ana Torres", "visited", "Senegal")],
        id="left-for-a-tour-to-a-place-not-a-planned-one",
    ),
    pytest.param(
        "Peruvian President, Ana Torres, held talks yesterday, with visiting Bolivian Foreign "
        "Minister, Jorge Quispe in Lima.",
        [("Jorge Quispe", "visited", "Peru"), ("Jorge Quispe", "visited", "Lima")],
        [("Ana Torres", "visited", "Lima"), ("Ana Torres", "visited", "Bolivia")],
        id="with-visiting-minister-comma-name-in-a-city",
    ),
    pytest.param(
        "Sri Lankan President Anura Perera and Indian Prime Minister Ravi Kumar held bilateral "
        'discussions at the Presidential Secretariat in Colombo on Saturday. "Much has '
        'changed since President Perera visited India," Kumar said.',
        [("Anura Perera", "visited", "India")],
        [("Anura Perera", "visited", "Presidential Secretariat in Colombo")],
        id="a-trip-a-quotation-recalls-places-no-palace-in-that-country",
    ),
    pytest.param(
        "Pakistani Prime Minister Omar Khan met Chinese President Li Wei in Beijing on Tuesday.",
        [("Omar Khan", "visited", "Beijing"), ("Omar Khan", "visited", "China")],
        [("Li Wei", "visited", "Beijing"), ("Li Wei", "visited", "Pakistan")],
        id="met-someone-in-a-city-the-parser-hangs-on-the-one-met",
    ),
    pytest.param(
        "Indian Prime Minister Ravi Kumar wrapped up his two-day Nepal visit on Saturday. His "
        "State visit had been planned for months.",
        [("Ravi Kumar", "visited", "Nepal")],
        [("Ravi Kumar", "visited", "India")],
        id="a-visit-named-by-its-place",
    ),
    pytest.param(
        "Peruvian President Ana Torres returned home from Bolivia on Friday. Bolivian "
        "President Jorge Quispe came from La Paz.",
        [("Ana Torres", "visited", "Bolivia")],
        [("Jorge Quispe", "visited", "La Paz")],
        id="returned-from-a-country-not-came-from-a-city",
    ),
    pytest.param(
        "Belarusian Prime Minister Roman Golovchenko paid a courtesy call on Vietnamese "
        "President Vo Van Thuong. Vietnamese Prime Minister Pham Minh Chinh paid tribute to "
        "Belarusian President Alexander Lukashenko.",
        [("Roman Golovchenko", "visited", "Vietnam")],
        [("Pham Minh Chinh", "visited", "Belarus"), ("Vo Van Thuong", "visited", "Belarus")],
        id="who-paid-a-courtesy-call-on-a-host-visited-the-host-s-country",
    ),
    pytest.param(
        "Peruvian President Ana Torres received the Ambassador of Bolivia to the Republic of "
        "Peru Jorge Quispe. Torres held talks with Chilean ambassador Luis Soto in Lima. "
        "Bolivian Foreign Minister Luis Arce was received by Torres in Lima.",
        [("Luis Arce", "visited", "Peru"), ("Luis Arce", "visited", "Lima")],
        [
            ("Jorge Quispe", "visited", "Peru"),
            ("Luis Soto", "visited", "Peru"),
            ("Luis Soto", "visited", "Lima"),
        ],
        id="an-ambassador-received-in-the-country-he-lives-in-visits-no-country",
    ),
    pytest.param(
        "Luis Soto, the Chilean Ambassador to Peru, met Peruvian President Ana Torres in Lima. "
        "Jorge Quispe, the Bolivian Foreign Minister, met President Torres in Lima.",
        [("Jorge Quispe", "visited", "Lima")],
        [("Luis Soto", "visited", "Peru"), ("Luis Soto", "visited", "Lima")],
        id="an-ambassador-named-before-a-demonym-title-visits-no-country",
    ),
    pytest.param(
        "Foreign Minister of the Republic of Kazakhstan Murat Nurtleu received Ambassador of the "
        "United Kingdom of Great Britain and Northern Ireland to the Republic of Kazakhstan "
        "Kathy Leach. The parties discussed trade.",
        [("Murat Nurtleu", "met", "Kathy Leach")],
        [
            ("Kathy Leach", "visited", "Kazakhstan"),
            ("meeting between Murat Nurtleu and Kathy Leach", "heldIn", "Kazakhstan"),
        ],
        id="an-ambassador-received-where-she-lives-makes-no-visit-to-place-the-meeting",
    ),
    pytest.param(
        "Japanese Prime Minister Shigeru Ishiba held a summit with South Korean President Lee "
        "Jae-myung in Tokyo on Saturday. It was Lee's first visit to Japan since June.",
        [("Lee Jae-myung", "visited", "Tokyo")],
        [("Shigeru Ishiba", "visited", "Tokyo")],
        id="the-guest-at-a-summit-of-two-held-in-the-host-s-city-visited-it",
    ),
    pytest.param(
        "Bolivian President Jorge Quispe is on a state visit to Peru. A ceremony dedicated to "
        "the official welcome of Quispe took place at the Government Palace. A ceremony of "
        "signing the agreements took place at the Lima Textile Plant.",
        [("Jorge Quispe", "visited", "Government Palace")],
        [("Jorge Quispe", "visited", "Lima Textile Plant")],
        id="a-ceremony-welcoming-a-guest-took-place-where-the-guest-was",
    ),
    pytest.param(
        "Chinese President Xi Jinping on Tuesday held talks with visiting Pakistani Prime "
        "Minister Shehbaz Sharif at the Great Hall of the People.",
        [
            ("Shehbaz Sharif", "visited", "China"),
            ("Shehbaz Sharif", "visited", "Great Hall of the People"),
        ],
        [
            ("Xi Jinping", "visited", "Pakistan"),
            ("Xi Jinping", "visited", "Great Hall of the People"),
        ],
        id="talks-with-visiting-minister-no-met-fact-needed",
    ),
    pytest.param(
        "Bolivian President Jorge Quispe is on a state visit to Peru. Speaking in Cusco, "
        "Quispe praised the ties. Quispe was given a guard of honour at the Government Palace. "
        "Peruvian President Ana Torres, speaking in Arequipa, said trade grew.",
        [("Jorge Quispe", "visited", "Cusco"), ("Jorge Quispe", "visited", "Government Palace")],
        [("Ana Torres", "visited", "Arequipa")],
        id="speaking-at-a-place-a-visitor-was-there-and-a-guard-of-honour",
    ),
    pytest.param(
        "Pakistani Prime Minister Shehbaz Sharif called on Chinese President Xi Jinping at the "
        "Great Hall of the People. Xi called on the world to help. Sharif, currently on a visit "
        "to China, also met Chinese Premier Li Qiang.",
        [
            ("Shehbaz Sharif", "visited", "China"),
            ("Shehbaz Sharif", "visited", "Great Hall of the People"),
        ],
        [
            ("Xi Jinping", "visited", "Pakistan"),
            ("Xi Jinping", "visited", "Great Hall of the People"),
        ],
        id="called-on-a-host-and-on-a-visit-beside-the-name",
    ),
    pytest.param(
        "Chinese Premier Li Qiang hosted a banquet for Pakistani Prime Minister Shehbaz Sharif "
        "at the Great Hall of the People. Li Qiang and Shehbaz Sharif held talks on Tuesday.",
        [("Shehbaz Sharif", "visited", "Great Hall of the People")],
        [("Li Qiang", "visited", "Great Hall of the People"), ("Li Qiang", "visited", "Pakistan")],
        id="the-guest-a-host-gave-a-banquet-for",
    ),
    pytest.param(
        "Indian Prime Minister Ravi Kumar arrived in Sri Lanka on Thursday. Former Sri Lankan "
        "president Anura Perera called on Prime Minister Ravi Kumar on Thursday night.",
        [("Ravi Kumar", "visited", "Sri Lanka")],
        [("Anura Perera", "visited", "India")],
        id="calling-on-a-guest-in-one-s-own-country-is-no-visit",
    ),
    pytest.param(
        "Peruvian President Ana Torres touched down in La Paz on Friday. Bolivian President "
        "Jorge Quispe touched on trade in Chile during his speech.",
        [("Ana Torres", "visited", "La Paz")],
        [("Jorge Quispe", "visited", "Chile")],
        id="touched-down-in-a-city-not-touched-on-a-country",
    ),
    pytest.param(
        "Bolivian President Jorge Quispe said on Thursday after a two-day meeting with "
        "Peruvian President Ana Torres in the city of Cusco that trade would grow.",
        [("Jorge Quispe", "visited", "Cusco"), ("Jorge Quispe", "visited", "Peru")],
        [("Ana Torres", "visited", "Cusco")],
        id="a-meeting-of-two-days-is-no-numbered-sitting",
    ),
    pytest.param(
        "A private conversation between the Presidents of Peru and Bolivia, Ana Torres and "
        "Jorge Quispe, took place on Friday in the Peruvian capital of Lima.",
        [
            ("Jorge Quispe", "visited", "Lima"),
            ("Jorge Quispe", "visited", "Peru"),
            ("Ana Torres", "met", "Jorge Quispe"),
        ],
        [("Ana Torres", "visited", "Lima")],
        id="a-private-conversation-in-a-city-is-held-in-person",
    ),
    pytest.param(
        "Ambassador Rana Qureshi heads the Permanent Mission of Pakistan to the United Nations. "
        "Foreign Minister Omar Baig headed to Geneva on Monday.",
        [("Omar Baig", "visited", "Geneva")],
        [("Rana Qureshi", "visited", "United Nations")],
        id="who-heads-a-body-to-somewhere-goes-nowhere",
    ),
    pytest.param(
        "Kazakh Trade Minister Nurlan Abdrakhmanov held talks with Mongolian Minister Bat "
        "Tsogt on Monday. Today, Abdrakhmanov and members of the Kazakh delegation traveled to "
        "Erdenet city in Orkhon province, where they toured the Erdenet Mining Corporation.",
        [
            ("Nurlan Abdrakhmanov", "visited", "Erdenet Mining Corporation"),
            ("Kazakh delegation", "visited", "Erdenet Mining Corporation"),
        ],
        [("Bat Tsogt", "visited", "Erdenet Mining Corporation")],
        id="they-in-a-clause-of-a-coordinated-subject-are-its-people",
    ),
]


@pytest.mark.parametrize(("text", "must", "must_not"), CASES)
def test_visits(rules, text, must, must_not):
    found = facts(rules.extract(text), aliases=True)
    for triple in must:
        assert triple in found, (triple, sorted(found))
    for triple in must_not:
        assert triple not in found, triple


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        (
            "Brazilian President Lula recalled his visit to China ten days ago and to Chile "
            "and Argentina earlier this year.",
            "China",
            ["China", "Chile", "Argentina"],
        ),
        (
            "Lula travelled to Lisbon a week after the trip to China, ten days ago, and to Chile.",
            "Lisbon",
            ["Lisbon"],
        ),
    ],
    ids=["a-second-to-coordinated-on-the-clause", "not-the-to-of-another-visit"],
)
def test_coordinated_prepositions(read, text, word, expected):
    r = read(text)
    token = next(t for t in r.doc if t.text == word)
    assert [m.text for m in r.resolver.expand(token)] == expected


def test_talks_on_a_tour_of_several_countries_are_placed_in_none(rules):
    x = rules.extract(
        "Peruvian President Ana Torres concluded a three-nation tour, which took her to "
        "Bolivia, Chile and Ecuador. Torres and Bolivian President Luis Arce held talks on "
        "Friday."
    )
    found = facts(x)
    assert ("Ana Torres", "visited", "Bolivia") in found
    assert ("Ana Torres", "visited", "Ecuador") in found
    assert not [f for f in found if f[1] == "heldIn" and "talks" in f[0]], sorted(found)


@pytest.mark.parametrize(
    ("second", "must", "must_not"),
    [
        (
            "The warm welcome for Torres underscored the importance of the trip.",
            [("trip", "participant", "Ana Torres"), ("trip", "heldIn", "Santiago")],
            [],
        ),
        (
            "Rojas praised the upcoming state visit to Bolivia.",
            [],
            [("upcoming state visit to Bolivia", "heldIn", "Chile")],
        ),
        (
            "The two leaders also discussed the next visit to Lima.",
            [],
            [("next visit to Lima", "participant", "Ana Torres")],
        ),
        (
            "Rojas recalled the visit to Bolivia in 2019.",
            [],
            [("visit to Bolivia", "heldIn", "Santiago")],
        ),
        (
            "Rojas recalled the visit to Bolivia.",
            [],
            [("visit to Bolivia", "heldIn", "Santiago")],
        ),
        (
            "The trip on Friday was the first in ten years.",
            [("trip", "participant", "Ana Torres"), ("trip", "heldIn", "Santiago")],
            [],
        ),
        (
            "Rojas said the results of this visit will give new impetus to trade.",
            [("visit", "participant", "Ana Torres"), ("visit", "heldIn", "Santiago")],
            [],
        ),
    ],
    ids=[
        "the-one-trip-is-the-guest-s",
        "not-one-ahead",
        "not-one-set-apart",
        "not-one-dated",
        "not-one-elsewhere",
        "one-dated-by-the-day-of-the-news",
        "this-visit-whose-results-are-to-come",
    ],
)
def test_the_visit_named_without_its_visitor_is_the_one_guest_s(rules, second, must, must_not):
    """A guest found visiting only by the later rules (at a ceremony in the host's capital)
    is the visitor of the one visit the article names without saying whose."""
    found = facts(
        rules.extract(
            "Peruvian President Ana Torres and Chilean President Luis Rojas attended a signing "
            f"ceremony in Santiago on Friday. {second}"
        ),
        aliases=True,
    )
    for triple in must:
        assert triple in found, (triple, sorted(found))
    for triple in must_not:
        assert triple not in found, triple


@pytest.mark.parametrize(
    ("text", "numbered"),
    [
        ("the 10th meeting", True),
        ("the 44 session", True),
        ("a two-day visit", False),
        ("the 40-minute meeting", False),
    ],
)
def test_a_length_numbers_no_sitting(pipeline, text, numbered):
    from kg.nlp.visits import _numbering

    doc = pipeline.nlp(f"They held {text} in Lima.")
    assert any(_numbering(t) for t in doc[2:-3]) == numbered


def test_a_host_who_met_a_visiting_guest_went_nowhere(rules):
    """ "X met visiting President Y in Lima / at the Palace": the parser reads "visiting" as
    a verb of X's; the guest is whom X met, and X visited neither place."""
    for where in ("in Lima", "at the Government Palace"):
        found = facts(
            rules.extract(
                f"President Pedro Salas met visiting Chilean President Ana Ruiz {where} on Monday."
            )
        )
        assert ("Pedro Salas", "met", "Ana Ruiz") in found or (
            "Ana Ruiz",
            "met",
            "Pedro Salas",
        ) in found
        assert not {f for f in found if f[0] == "Pedro Salas" and f[1] == "visited"}


def test_a_guest_at_a_forum_in_the_host_country_visited_its_city_and_country(rules):
    found = facts(
        rules.extract(
            "Chilean Foreign Minister Ana Ruiz attended the Peru-Chile Business Forum in Lima."
        )
    )
    assert {("Ana Ruiz", "visited", "Lima"), ("Ana Ruiz", "visited", "Peru")} <= found


def test_a_stay_one_is_scheduled_to_spend_meeting_people_is_no_visit_yet(rules):
    x = rules.extract(
        "Prime Minister Tomas Varga will pay an official visit to Chile next week. "
        "During his stay in Santiago, Varga is scheduled to meet President Ana Ruiz."
    )
    assert ("Tomas Varga", "visited", "Santiago") in facts(x, "planned")
    assert not {("Tomas Varga", "visited", "Santiago"), ("Tomas Varga", "visited", "Chile")} & (
        facts(x)
    )


def test_his_visit_after_one_received_a_guest_is_the_guest_s(rules):
    x = rules.extract(
        "Lima, 8 May -- President Ana Ruiz of Peru today received Tomas Varga, President of "
        "Chile, at the Government Palace in Lima, as part of his state visit to the country."
    )
    found = facts(x)
    assert {("Tomas Varga", "visited", "Peru"), ("Tomas Varga", "visited", "Lima")} <= found
    assert not any(s == "Ana Ruiz" and p == "visited" for s, p, _ in found)
    meeting = next(e.label for e in x.entities if e.label.startswith("meeting"))
    assert (meeting, "heldIn", "Government Palace") in found


def test_a_hospital_the_recognizer_took_for_an_event_is_a_site_one_visits(rules):
    x = rules.extract(
        "Vientiane, May 3 - On Friday, Chilean President Ana Torres visited the Chile-Laos "
        "Friendship Hospital and met with the Chilean community in Laos."
    )
    assert ("Ana Torres", "visited", "Chile-Laos Friendship Hospital") in facts(x)


@pytest.mark.parametrize("site", ["Tema Oil Refinery", "Keta Shipyard", "Akosombo Dam"])
def test_a_works_named_by_its_place_and_kind_is_a_site_one_visits(rules, site):
    x = rules.extract(
        "ACCRA, Oct 9 (GNA) - Burkinabe Foreign Minister Karamoko Traore arrived in Accra on "
        f"Monday. Mr Traore also toured the {site} before departing Accra on Thursday."
    )
    assert ("Karamoko Traore", "visited", site) in facts(x)


@pytest.mark.parametrize("site", ["Padma Bridge", "Mangla Dam"])
def test_a_name_ending_in_a_building_s_word_is_a_site_one_visits(rules, site):
    x = rules.extract(
        "DHAKA, Nov 3 (BSS) - Islamic Development Bank Vice President Mansur Muhtar arrived in "
        f"Dhaka on Monday. Mr Muhtar visited the {site} on Tuesday before leaving the country."
    )
    kinds = {e.label: e.type for e in x.entities}
    assert kinds.get(site) == "Place", kinds
    assert ("Mansur Muhtar", "visited", site) in facts(x)
