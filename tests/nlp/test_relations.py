"""Relations (``kg.nlp.relations``): the candidates the patterns find between mentions, with
their rule, sentence and status, and how a matched word is resolved to a mention."""

from __future__ import annotations

import pytest

from kg.nlp.relations import ahead, find_relations, modality
from tests.conftest import facts


def _found(read, text: str) -> set[tuple[str, str, str, str, str]]:
    r = read(text)
    return {
        (c.subject.text, c.predicate, c.object.text, c.status, c.rule)
        for c in find_relations(r.doc, r.resolver)
    }


def test_each_candidate_names_its_rule_and_sentence(read):
    r = read("Askar Mamin arrived in Minsk. Later he met Roman Golovchenko.")
    found = {(c.predicate, c.rule, c.sentence.text) for c in find_relations(r.doc, r.resolver)}
    assert found == {
        ("visited", "visited/arrive-in", "Askar Mamin arrived in Minsk."),
        ("met", "met/verb-object", "Later he met Roman Golovchenko."),
    }


def test_a_name_the_parser_made_a_second_subject_is_coordinated(read):
    # "counterpart" is parsed as the conjunct of the first name, the second name as a subject
    # of "met" of its own.
    r = read(
        "Kazakh Foreign Minister Murat Nurtleu and his Uzbek counterpart Bakhtiyor Saidov met "
        "in Turkestan. Bakhtiyor Saidov thanked Murat Nurtleu."
    )
    met = {(c.subject.text, c.object.text) for c in find_relations(r.doc, r.resolver)}
    assert ("Murat Nurtleu", "Bakhtiyor Saidov") in met


@pytest.mark.parametrize("people", ["sides", "officials", "delegations"])
def test_the_people_two_demonyms_name_stand_for_both_countries(read, people):
    r = read(f"The Uzbek and Turkish {people} held a meeting in Ankara.")
    found = {
        c.object.text for c in find_relations(r.doc, r.resolver) if c.predicate == "participant"
    }
    assert {"Uzbek", "Turkish"} <= {name.split()[0] for name in found}


@pytest.mark.parametrize(
    "text",
    [
        "The meeting was attended by ambassadors of Chile and Peru.",
        "At the meeting, officials from Chile and Peru discussed investment projects.",
    ],
)
def test_the_envoys_and_officials_of_countries_stand_for_them(read, text):
    r = read(text)
    found = {
        c.object.text for c in find_relations(r.doc, r.resolver) if c.predicate == "participant"
    }
    assert {"Chile", "Peru"} <= found


@pytest.mark.parametrize(
    "text",
    [
        "Representatives of the Peruvian Ministry of Trade and the Chilean Chamber of Commerce "
        "took part in the forum.",
        "Officials from the Peruvian Ministry of Trade and the Chilean Chamber of Commerce "
        "attended the forum.",
    ],
)
def test_the_representatives_of_bodies_stand_for_them(read, text):
    found = {(s, o) for s, p, o, *_ in _found(read, text) if p == "participant"}
    assert {o for s, o in found} == {"Peruvian Ministry of Trade", "Chilean Chamber of Commerce"}


def test_a_titled_name_the_parser_hung_on_the_next_one_s_title_is_coordinated(read):
    # "Saidov" is parsed as a modifier of the second "Minister", with the "and" under it.
    found = _found(
        read,
        "Also present at the meeting were Foreign Minister Bakhtiyor Saidov and Economy "
        "Minister Laziz Kudratov.",
    )
    people = {o for s, p, o, status, rule in found if p == "participant"}
    assert people == {"Bakhtiyor Saidov", "Laziz Kudratov"}, found


@pytest.mark.parametrize(
    "text",
    [
        # "Soto" a compound of "Rojas", with the "and" under it
        "Peruvian Foreign Minister Luis Soto and Bolivian Foreign Minister Rosa Rojas also took "
        "part in the talks.",
        # "Soto" in apposition to the first "Minister", a compound of "Rojas"
        "Also present at the talks were Peruvian Foreign Minister Luis Soto and Bolivian "
        "Ambassador Rosa Rojas.",
        # "Present" the subject, the names its attribute
        "The talks began. Present at the meeting were Peruvian Foreign Minister Luis Soto and "
        "Bolivian Ambassador Rosa Rojas.",
    ],
)
def test_a_titled_name_the_parser_hung_inside_the_next_one_is_coordinated(read, text):
    found = _found(read, text)
    people = {o for s, p, o, status, rule in found if p == "participant"}
    assert people == {"Luis Soto", "Rosa Rojas"}, found


def test_a_list_of_names_each_after_a_title_of_a_country_is_the_subject(read):
    """The parser hangs such a list on itself any way ("President of A X" a modifier of the
    third name, the second inside the first's apposition); with these public figures' names
    it does."""
    found = _found(
        read,
        "President of Tajikistan Emomali Rahmon, President of Kazakhstan Kassym-Jomart "
        "Tokayev, President of Kyrgyzstan Sadyr Japarov, President of Turkmenistan Serdar "
        "Berdimuhamedov and President of Uzbekistan Shavkat Mirziyoyev took part in the "
        "meeting.",
    )
    people = {o for s, p, o, status, rule in found if p == "participant"}
    assert people == {
        "Emomali Rahmon",
        "Kassym-Jomart Tokayev",
        "Sadyr Japarov",
        "Serdar Berdimuhamedov",
        "Shavkat Mirziyoyev",
    }


def test_who_spoke_in_a_speech_at_an_event_took_part_in_it(read):
    found = _found(
        read, "In his speech at the forum, Peruvian Trade Minister Ana Torres said trade doubled."
    )
    assert ("forum", "participant", "Ana Torres") in {(s, p, o) for s, p, o, *_ in found}


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("They held negotiations on the boundaries in the Sulawesi Sea.", set()),
        (
            "The session of the commission in Minsk opened.",
            {("session of the commission", "Minsk")},
        ),
    ],
)
def test_a_place_of_what_an_event_is_about_is_not_where_it_was(read, text, held):
    found = _found(read, text)
    assert {(s, o) for s, p, o, *_ in found if p == "heldIn"} == held


def test_an_event_the_parser_coordinated_with_the_verb_is_held_like_its_object(read):
    # "lunch" is parsed as a conjunct of "held", not of "meeting".
    found = _found(
        read,
        "President Muhammadu Buhari held a bilateral meeting with President Donald Trump, "
        "and a working lunch, on Monday.",
    )
    lunch = {o for s, p, o, status, rule in found if s == "working lunch" and p == "participant"}
    assert lunch == {"Muhammadu Buhari", "Donald Trump"}, found


def test_whom_a_plural_lists_after_including_stands_for_it(rules):
    x = rules.extract(
        "Prime Minister Olzhas Karimov held meetings with the heads of international "
        "institutions, including Bank Vice President Anna Rossi and Fund Representative Li Wen."
    )  # "the heads" are those two, not the article's two people
    met = {frozenset((s, o)) for s, p, o in facts(x) if p == "met"}
    assert met == {
        frozenset(("Olzhas Karimov", "Anna Rossi")),
        frozenset(("Olzhas Karimov", "Li Wen")),
    }


def test_a_pronoun_stands_for_its_antecedent(read):
    r = read("Askar Mamin arrived in Minsk. Later he met Roman Golovchenko.")
    he = next(t for t in r.doc if t.lower_ == "he")
    assert r.resolver.mention(he).text == "Askar Mamin"
    met = next(c for c in find_relations(r.doc, r.resolver) if c.predicate == "met")
    assert (met.subject.text, met.trigger.text) == ("Askar Mamin", "met")


def test_a_pronoun_goes_on_with_the_last_main_clause_s_subject(read):
    r = read(
        "Prime Minister Abiy Ahmed arrived in Nairobi on Tuesday, his first visit since Daniel "
        "Mwangi took office. He was received at the airport by Musalia Mudavadi."
    )
    he = next(t for t in r.doc if t.lower_ == "he")
    assert r.resolver.mention(he).text == "Abiy Ahmed"


def test_a_possessive_after_its_verb_is_the_subject_of_the_verb(read):
    r = read(
        "Jaishankar, who arrived here on his first trip, called on Prime Minister Sheikh Hasina "
        "and Foreign Minister Abul Kalam and held talks with his Bangladeshi counterpart "
        "Shahidul Haque."
    )
    his = [t for t in r.doc if t.lower_ == "his"][-1]
    assert r.resolver.mention(his).text == "Jaishankar"


def test_a_fronted_possessive_is_the_titled_subject_named_in_apposition(read):
    r = read(
        "As part of his visit to Tashkent, the Turkish Foreign Minister Hakan Fidan met "
        "President Shavkat Mirziyoyev."
    )  # the parser makes "Minister" the subject and the name its apposition
    his = next(t for t in r.doc if t.lower_ == "his")
    assert r.resolver.mention(his).text == "Hakan Fidan"


def test_a_possessive_under_a_root_that_is_no_verb_has_an_antecedent(read):
    r = read(
        "Tashkent hosted talks between Uzbek Foreign Minister Bakhtiyor Saidov and his Turkmen "
        "counterpart Rashid Meredov."
    )  # the parser makes "talks" the root: a walk up to a verb must stop there
    his = next(t for t in r.doc if t.lower_ == "his")
    assert r.resolver.mention(his).text == "Bakhtiyor Saidov"


@pytest.mark.parametrize(
    "text",
    [
        "Mongolian President Ochirbat Tsend arrived in Seoul. President Park Min-soo welcomed him "
        "at the presidential office.",
        "Mongolian President Ochirbat Tsend arrived in Seoul. President Park Min-soo hosted a "
        "dinner for him.",
    ],
)
def test_him_as_an_object_is_not_the_subject_of_its_verb(read, text):
    r = read(text)
    him = next(t for t in r.doc if t.lower_ == "him")
    assert r.resolver.mention(him).text == "Ochirbat Tsend"


def test_a_pronoun_outside_a_quotation_is_no_one_the_quotation_names(read):
    r = read(
        "“Rustam Aliyev and you laid the foundations of our relations,” said President of "
        "Azerbaijan Ilham Karimov as he met with President of Russia Vladimir Petrov."
    )
    he = next(t for t in r.doc if t.lower_ == "he")
    assert r.resolver.mention(he).text == "Ilham Karimov"


def test_a_pronoun_in_a_quotation_is_not_its_speaker(rules):
    """The speaker ("I") met the visitor during the visitor's visit, not a visit of their own."""
    x = rules.extract(
        "“I had the pleasure of meeting President Ivan Sokolov at the summit last year and "
        "again this year, during his visit to Cuba,” President Omar Diallo said."
    )
    visits = {(s, o) for s, p, o in facts(x) if p == "visited"}
    assert visits == {("Ivan Sokolov", "Cuba")}, facts(x)


def test_who_looks_forward_to_receiving_a_guest_is_no_visitor(read):
    found = _found(read, "Sheikh Hasina said she looks forward to receiving Xi Jinping in Dhaka.")
    visitors = {(s, status) for s, p, o, status, rule in found if p == "visited"}
    assert visitors == {("Xi Jinping", "planned")}, found


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        (
            "The Ministers of Foreign Affairs of Chile and Colombia attended the summit.",
            {"Chile", "Colombia"},
        ),
        (  # the parser puts the second country in apposition to the first
            "Foreign ministers of Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and "
            "Uzbekistan met in Tashkent for their annual consultative meeting.",
            {"Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan"},
        ),
    ],
)
def test_the_ministers_of_countries_stand_for_the_countries(read, text, countries):
    found = _found(read, text)
    assert {o for s, p, o, *_ in found if p == "participant"} == countries, found


def test_delegations_from_countries_stand_for_the_countries(read):
    found = _found(read, "The meeting brought together delegations from Brazil, India and China.")
    assert {o for s, p, o, *_ in found if p == "participant"} >= {"Brazil", "India", "China"}


def test_an_event_s_parties_and_place(read):
    talks = "talks between Askar Mamin and Roman Golovchenko"
    assert _found(read, f"The {talks} were held in Minsk.") == {
        (talks, "heldIn", "Minsk", "asserted", "heldIn/passive-in"),
        ("Askar Mamin", "met", "Roman Golovchenko", "asserted", "met/noun-between"),
        (talks, "participant", "Askar Mamin", "asserted", "participant/between"),
        (talks, "participant", "Roman Golovchenko", "asserted", "participant/between"),
    }


def test_who_agreed_at_an_event_took_part_in_it(read):
    found = _found(
        read,
        "Askar Mamin and Roman Golovchenko have agreed to boost cooperation at talks in Minsk, "
        "Mamin said.",
    )
    assert (
        "talks",
        "participant",
        "Askar Mamin",
        "asserted",
        "participant/subject-at-event-on-object",
    ) in found


@pytest.mark.parametrize(
    "text", ["Kazakhstan met Belarus in Minsk.", "Minsk met Astana on Friday."]
)
def test_entities_of_the_wrong_type_give_nothing(read, text):
    assert _found(read, text) == set()


def test_planned_and_negated_facts(read):
    assert _found(
        read,
        "Tokayev will sign the agreement. Tokayev did not visit Kabul. Tokayev plans to "
        "visit Minsk.",
    ) == {
        ("Tokayev", "signed", "agreement", "planned", "signed/active"),
        ("Tokayev", "visited", "Kabul", "negated", "visited/verb-object"),
        ("Tokayev", "visited", "Minsk", "planned", "visited/verb-object"),
    }


@pytest.mark.parametrize(
    ("text", "verb", "status"),
    [
        ("Tokayev signed the agreement.", "signed", "asserted"),
        ("Tokayev will sign the agreement.", "sign", "planned"),
        ("Tokayev plans to visit Minsk.", "visit", "planned"),
        # a document to be signed, or one that is to be, is not yet
        ("The documents to be signed include a treaty.", "signed", "planned"),
        ("The treaty is to be signed in May.", "signed", "planned"),
        ("The treaty was signed to boost trade.", "signed", "asserted"),
        ("Tokayev did not visit Kabul.", "visit", "negated"),
        ("Tokayev never visited Kabul.", "visited", "negated"),
        ("Tokayev discussed trade and visited the plant.", "visited", "asserted"),
        ("President of Kenya to pay official visit to Peru", "pay", "planned"),
        ("To boost trade, Tokayev visited the plant.", "visited", "asserted"),
        # a present tense dated ahead tells a plan; dated back or undated, a fact
        ("Tokayev is visiting Chile next week.", "visiting", "planned"),
        ("Tokayev meets Boric tomorrow in Santiago.", "meets", "planned"),
        ("Next month, Nurtleu travels to Baku.", "travels", "planned"),
        ("Nurtleu signs the accord later this month.", "signs", "planned"),
        ("The sides sign the deal in the coming days.", "sign", "planned"),
        ("Tokayev is visiting Chile this week.", "visiting", "asserted"),
        ("Tokayev visited Chile last week.", "visited", "asserted"),
        ("Tokayev visited Chile next to Peru.", "visited", "asserted"),
        ("Tokayev meets Boric in Santiago", "meets", "asserted"),
        # an event told by what it will bring is under way; one that will take place is not
        ("The visit of Tokayev to Baku will boost ties.", "visit", "asserted"),
        ("The visit of Tokayev to Baku will take place in May.", "visit", "planned"),
        ("The upcoming visit of Tokayev to Baku will boost ties.", "visit", "planned"),
        ("The visit of Tokayev to Baku will coincide with the forum.", "visit", "planned"),
        (
            "After the talks, negotiations will continue in an extended format.",
            "negotiations",
            "planned",
        ),
        # a clause that dates a plan by what happened tells a fact
        ("Chile and Peru to deepen ties as Boric meets Toledo in Lima", "meets", "asserted"),
        ("They agreed to expand trade after Boric met Toledo.", "met", "asserted"),
        ("They agreed to expand trade after the talks.", "expand", "planned"),
        # an event the sides agreed at happened; one they agreed to meet at is ahead
        ("They agreed to expand trade during the meeting in Lima.", "meeting", "asserted"),
        ("The ministers agreed to boost ties at talks in Tokyo.", "talks", "asserted"),
        ("They agreed to meet at the summit in Paris.", "summit", "planned"),
        ("They will agree to expand trade at the summit in Paris.", "summit", "planned"),
        # what one is invited to is ahead
        ("Xi accepts Modi's invite for an informal summit.", "summit", "planned"),
        ("Boric accepted the invitation to the forum.", "forum", "planned"),
        # what one waits for, looks forward to or is eager to do is ahead
        ("We are eagerly waiting to welcome him in Dhaka.", "welcome", "planned"),
        ("She looks forward to receiving Xi Jinping in Dhaka.", "receiving", "planned"),
        ("Boric is eager to visit Lima.", "visit", "planned"),
        ("Chile extended an invitation to Peru to hold the summit in Lima.", "summit", "planned"),
        ("They took a decision to hold the next session in Baku.", "session", "planned"),
        # an event under way is no plan, whatever it will bring
        ("During the current visit there will be a chance to talk.", "visit", "asserted"),
        # the time of what one is scheduled or expected to do is ahead; what one did is not
        ("During his stay in Baku, Boric is scheduled to meet Aliyev.", "stay", "planned"),
        ("During the visit, Boric is expected to sign a treaty.", "visit", "planned"),
        ("During the visit, Boric expected to sign a treaty.", "visit", "asserted"),
    ],
)
def test_modality(read, text, verb, status):
    doc = read(text).doc
    assert modality(next(t for t in doc if t.text == verb)) == status


@pytest.mark.parametrize(
    ("text", "to_come"),
    [
        ("Zand met Khan to discuss holding the 9th committee meeting.", True),
        ("They agreed on holding the summit in Lima.", True),
        ("The sides discussed plans to convene the session.", True),
        ("Zand and Khan held the meeting in Tehran.", False),
        ("Zand met Khan after holding the meeting.", False),
    ],
)
def test_an_event_they_discussed_or_planned_holding_is_ahead(read, text, to_come):
    doc = read(text).doc
    event = next(t for t in doc if t.lower_ in {"meeting", "summit", "session"})
    assert ahead(event) is to_come


@pytest.mark.parametrize(
    "text",
    [
        "Dana Orlova welcomed the visit of the Chairman of the Government of Moldova, "
        "Pavel Rusu, to Tbilisi.",
        "The phone call between Prime Minister Ivan Petrov and Head of the Serbian "
        "Government Marko Ilic lasted an hour.",
    ],
)
def test_two_words_of_one_event_s_name_relate_nothing(read, text):
    """A title inside an event's name heads the body it names, not the event."""
    assert not {f for f in _found(read, text) if f[1] == "headedBy"}


def test_a_delegation_s_head_is_still_named_by_head_of(read):
    found = _found(read, "The head of the Peruvian delegation, Rosa Quispe, arrived in Lima.")
    assert ("Peruvian delegation", "headedBy", "Rosa Quispe") in {f[:3] for f in found}


@pytest.mark.parametrize(
    "text",
    [
        "President Serik Akhmetov received Ambassador of Japan Takashi Nakamura, Akorda press "
        "service reports.",
        "President Serik Akhmetov received Ambassador of Japan Takashi Nakamura, Akorda press "
        "service reports citing the Foreign Ministry.",
    ],
)
def test_a_source_the_sentence_ends_on_takes_no_one_s_place(read, text):
    # the parser reads "reports" as a noun, the object of "received", and the ambassador as
    # a word of its name
    found = _found(read, text)
    assert ("Serik Akhmetov", "met", "Takashi Nakamura", "asserted", "met/verb-object") in found


def test_held_read_as_an_adjective_of_talks_is_the_verb_of_the_name_before_it(read):
    # the parser makes "talks" the root and "held" its adjective, "al-Sisi" another
    found = _found(
        read,
        "Tunisian President Abdel-Karim al-Sisi held talks in Tunis on Friday with Algerian "
        "President Omar Hamdan.",
    )
    assert ("Abdel-Karim al-Sisi", "participant") in {(o, p) for s, p, o, *_ in found}


def test_a_style_the_parser_made_the_object_gives_the_title_its_place(rules):
    x = rules.extract(
        "Saudi Crown Prince Mohammed bin Salman arrived in Washington. President Donald Trump "
        "received HRH the Crown Prince at the White House."
    )
    names = {e.id: e.label for e in x.entities}
    met = {
        frozenset((names[r.subject], names[r.object])) for r in x.relations if r.predicate == "met"
    }
    assert frozenset(("Donald Trump", "Mohammed bin Salman")) in met


def test_a_preposition_coordinated_after_a_date_reads_like_the_first(read):
    """ "In A on July 18-20, and in B": the parser hangs the second "in" on the date's "on"."""
    found = _found(
        read, "Prime Minister Mamuka Bakhtadze was in Brussels on July 18-20, and in Baku."
    )
    assert {o for s, p, o, *_ in found if p == "visited"} == {"Brussels", "Baku"}, found


def test_a_name_coordinated_with_a_hyphenated_name_is_coordinated_with_its_title(read):
    # "Ambassador" is parsed as a conjunct of "Atta", the apposition of "Ofori" inside the name.
    found = _found(
        read,
        "The agreement was signed on Monday by Finance Minister Ken Ofori-Atta and the "
        "Japanese Ambassador to Ghana, Mochizuki Hisanobu.",
    )
    signed = {s for s, p, o, status, rule in found if p == "signed"}
    assert signed == {"Ken Ofori-Atta", "Mochizuki Hisanobu"}, found


@pytest.mark.parametrize(
    "text",
    [
        "Bolivian President Luis Arce attended the opening ceremony of the forum together with "
        "Peruvian Prime Minister Ana Torres.",
        "Bolivian President Luis Arce, together with Peruvian Prime Minister Ana Torres, "
        "attended the opening ceremony of the forum.",
        "Bolivian President Luis Arce along with Peruvian Prime Minister Ana Torres attended the "
        "opening ceremony of the forum.",
    ],
)
def test_who_did_it_together_with_the_subject_did_it_too(read, text):
    found = {(s, p, o) for s, p, o, _, _ in _found(read, text)}
    assert ("opening ceremony of the forum", "participant", "Ana Torres") in found, found


@pytest.mark.parametrize(
    ("clause", "chaired"),
    [
        ("which the two ministers co-chaired", True),
        ("which was established in 2010", False),  # the commission, of no one's chairing
    ],
)
def test_which_after_a_body_in_an_event_s_name_is_the_event_its_clause_holds(
    rules, clause, chaired
):
    found = facts(
        rules.extract(
            "Pakistani Minister Jam Kamal Khan met Azerbaijan's Minister of Economy Mikayil "
            "Jabbarov in Baku on the sidelines of the 5th session of the Pakistan-Azerbaijan "
            f"Intergovernmental Commission, {clause}."
        )
    )
    session = "5th session of the Pakistan-Azerbaijan Intergovernmental Commission"
    assert ((session, "headedBy", "Mikayil Jabbarov") in found) == chaired, found
    body = "Pakistan-Azerbaijan Intergovernmental Commission"
    assert not [t for t in found if t[0] == body and t[1] == "headedBy"], found


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (  # the parser makes "reports" the object of "with", the minister its modifier
            "Baku, June 3 (Trend) - Azerbaijani Minister of Energy Parviz Shahbazov has met "
            "with Hungarian Minister of Foreign Affairs and Trade Peter Szijjarto, Trend reports.",
            ("Parviz Shahbazov", "Peter Szijjarto"),
        ),
        (  # ... and "Kabar reports" the object clause, the ambassador its subject
            "Bishkek, May 3 (Kabar) - Chairman of the Cabinet Adylbek Kasymaliev received "
            "Ambassador of China Du Dewen, Kabar reports.",
            ("Adylbek Kasymaliev", "Du Dewen"),
        ),
    ],
)
def test_a_source_read_as_the_verb_s_object_gives_the_object_back(read, text, pair):
    found = {f[:3] for f in _found(read, text)}
    assert (pair[0], "met", pair[1]) in found, found


def test_the_noun_after_a_dateline_s_dash_is_the_subject_not_the_city(read):
    doc = read(
        "Bishkek, May 3 (Kabar) - Chairman of the Cabinet Adylbek Kasymaliev received "
        "Ambassador of China Du Dewen."
    ).doc
    words = {t.text: t for t in doc}
    assert (words["Chairman"].dep_, words["Chairman"].head.text) == ("nsubj", "received")
    assert words["Bishkek"].dep_ != "nsubj"


def test_two_titled_people_the_parser_hung_on_each_other_both_act(read):
    # "Sime" is parsed as a subject inside the second name, which alone is the verb's subject.
    found = _found(
        read,
        "Minister of Transport and Logistics Alemu Sime and Djiboutian Minister of "
        "Infrastructure and Equipment Hassan Houmed Ibrahim put their signatures on the "
        "memorandum at the Ministry of Foreign Affairs.",
    )
    signed = {s for s, p, o, status, rule in found if p == "signed"}
    assert signed == {"Alemu Sime", "Hassan Houmed Ibrahim"}, found


def test_one_received_after_when_and_where_is_the_verb_s_object(rules):
    # The parser makes the minister the object of "in", "Algiers" a word of his name.
    found = facts(
        rules.extract(
            "ALGIERS, Feb 5 (APS) - Minister of Foreign Affairs Ahmed Attaf received on Tuesday "
            "in Algiers Mauritanian Minister of Foreign Affairs Mohamed Salem Ould Merzoug, who "
            "is on a working visit to Algeria."
        )
    )
    pair = {"Ahmed Attaf", "Mohamed Salem Ould Merzoug"}
    assert any(p == "met" and {s, o} == pair for s, p, o in found), found
