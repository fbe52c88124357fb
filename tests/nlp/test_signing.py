"""Who signed what and who headed which side: signatories, the agreements they signed, the
delegations and their heads, on short articles written for these tests. Each case says what
the extraction must give and must not give."""

from __future__ import annotations

import pytest

from tests.conftest import facts

ROAD = (
    "Agreement between Ministry of Road and Transport Development of Mongolia and Ministry of "
    "Transport of Russia on training Mongolian citizens"
)
MEMORANDUM = (
    "memorandum between the Ministry of Energy of Chile and the Ministry of Economy of Peru"
)
CASES = [
    pytest.param(
        "Chad, Niger sign agreement on air services\n\nChad and Niger have signed a "
        "Bilateral Air Services Agreement and a Memorandum of Understanding on cooperation in "
        "mining. The agreements were signed by Chad's Minister of Foreign Affairs, Amine "
        "Haggar, and Niger's Minister of Foreign Affairs, Bakary Sangare.",
        [
            ("Amine Haggar", "signed", "Memorandum of Understanding on cooperation in mining"),
            ("Bakary Sangare", "signed", "Memorandum of Understanding on cooperation in mining"),
            ("Bakary Sangare", "signed", "Bilateral Air Services Agreement"),
        ],
        [],
        id="the-agreements-are-all-those-named-before-not-the-one-of-the-headline",
    ),
    pytest.param(
        "The 4th meeting of the Peru-Chile Commission took place in Lima on May 15. The "
        "Chilean side was represented by a delegation headed by Minister of Agriculture Tomas "
        "Errazuriz. Later, Prime Minister Luis Huaman received the Chilean delegation.",
        [("Luis Huaman", "met", "Tomas Errazuriz")],
        [],
        id="a-delegation-that-represents-a-side-is-that-side-s-delegation",
    ),
    pytest.param(
        "The 9th meeting of the Chile-Peru Intergovernmental Commission took place in Lima on "
        "May 15. Minister of Economy Rosa Quispe presided over the meeting from the Peruvian "
        "side, while the Chilean side was represented by a delegation headed by Minister of "
        "Agriculture Tomas Errazuriz. Prior to the meeting, Prime Minister Luis Huaman "
        "received the Chilean delegation. The Premier said Huaman hoped the meeting would "
        "produce results. At the end of the meeting, the co-chairs signed the "
        "protocol of the meeting.",
        [
            ("Rosa Quispe", "signed", "protocol of the meeting"),
            ("Tomas Errazuriz", "signed", "protocol of the meeting"),
        ],
        [("Luis Huaman", "signed", "protocol of the meeting")],
        id="the-co-chairs-are-the-two-a-sentence-before-says-presided-and-headed",
    ),
    pytest.param(
        "Nepal and Bhutan signed 12 cooperation documents in Thimphu on Monday. The documents "
        "include an action plan for the second phase of the Mechi Corridor, a framework "
        "agreement on industry and a protocol on fruit exports.",
        [
            ("Nepal", "signed", "action plan for the second phase of the Mechi Corridor"),
            ("Bhutan", "signed", "framework agreement on industry"),
        ],
        [],
        id="a-plan-listed-with-agreements-is-a-document-named-with-its-for",
    ),
    pytest.param(
        "Foreign Minister of Chad Amine Haggar met his Cameroonian counterpart Paul Mbarga in "
        "Yaounde today. A letter of intent on the management of the railway was signed by the "
        "heads of the two railway corporations. The heads of the two delegations signed a "
        "memorandum on customs.",
        [("Amine Haggar", "signed", "memorandum on customs")],
        [
            ("Amine Haggar", "signed", "letter of intent on the management of the railway"),
            ("Paul Mbarga", "signed", "letter of intent on the management of the railway"),
        ],
        id="the-heads-of-other-bodies-are-not-the-two-sides-people",
    ),
    pytest.param(
        "Chile and Peru held talks in Lima. Following the talks, a package of documents was "
        "signed, including:\n\n- an agreement between the Ministry of Energy of Chile and the "
        "Callao Power Company on a power plant;\n\n- a memorandum between the Ministry of "
        "Agriculture of Peru and the Chilean Rural Corporation.",
        [
            (
                "Callao Power Company",
                "signed",
                "agreement between the Ministry of Energy of "
                "Chile and the Callao Power Company on a power plant",
            ),
            (
                "Chilean Rural Corporation",
                "signed",
                "memorandum between the Ministry of "
                "Agriculture of Peru and the Chilean Rural Corporation",
            ),
        ],
        [],
        id="a-list-a-sentence-opens-with-including-and-a-colon-goes-on-below-it",
    ),
    pytest.param(
        "Chile and Peru held talks in Lima. Following the talks, a package of documents was "
        "signed, including:\n\n- an agreement between the Ministry of Energy of Chile and the "
        "Callao Power Company on a power plant.\n\nThe protocol of the talks was signed by the "
        "co-chairs.\n\nAccording to the minister, a free trade agreement between the two "
        "countries, talks on which began in 2023, is not yet ready for signing.",
        [],
        [
            ("Chile", "signed", "free trade agreement between the two countries"),
            ("Peru", "signed", "free trade agreement between the two countries"),
        ],
        id="a-list-set-out-below-ends-at-a-clause",
    ),
    pytest.param(
        "India and Chile signed a memorandum on critical minerals and agreed to conclude "
        "talks on a Comprehensive Economic Partnership Agreement. However, no agreement was "
        "signed on a direct shipping service.",
        [("India", "signed", "memorandum on critical minerals")],
        [
            ("India", "signed", "Comprehensive Economic Partnership Agreement"),
            ("Chile", "signed", "Comprehensive Economic Partnership Agreement"),
        ],
        id="no-agreement-is-no-agreement",
    ),
    pytest.param(
        "Chilean Foreign Minister Ana Ruiz and Peruvian Foreign Minister Jorge Quispe signed "
        "a protocol in Lima. In addition, the following documents were inked in their "
        "presence:\n- a memorandum between the Santiago Chamber of Commerce and the Lima "
        "Chamber of Commerce;\n- an agreement between the Chilean Port Authority and the "
        "Callao Port Company.",
        [
            (
                party,
                "signed",
                "memorandum between the Santiago Chamber of Commerce and the "
                "Lima Chamber of Commerce",
            )
            for party in ("Santiago Chamber of Commerce", "Lima Chamber of Commerce")
        ],
        [
            (
                side,
                "signed",
                "memorandum between the Santiago Chamber of Commerce and the "
                "Lima Chamber of Commerce",
            )
            for side in ("Chile", "Peru")
        ],
        id="documents-listed-after-a-signing-no-one-named-are-their-named-parties",
    ),
    pytest.param(
        "Chilean Foreign Minister Ana Ruiz held talks with Peruvian Foreign Minister Jorge "
        "Quispe in Lima. A memorandum between the Santiago Chamber of Commerce and the Lima "
        "Chamber of Commerce was also signed.",
        [
            (
                "Santiago Chamber of Commerce",
                "signed",
                "memorandum between the Santiago "
                "Chamber of Commerce and the Lima Chamber of Commerce",
            ),
        ],
        [
            (
                "Chile",
                "signed",
                "memorandum between the Santiago Chamber of Commerce and the "
                "Lima Chamber of Commerce",
            ),
            (
                "Peru",
                "signed",
                "memorandum between the Santiago Chamber of Commerce and the "
                "Lima Chamber of Commerce",
            ),
        ],
        id="a-document-between-bodies-signed-by-no-one-named-is-the-bodies-not-the-sides",
    ),
    pytest.param(
        "The visa waiver agreement was initialled by Foreign Minister Alice Wanjiru and Trade "
        "Minister Kofi Mensah. The next day Peru and Chile initialed a memorandum on fisheries.",
        [
            ("Alice Wanjiru", "signed", "visa waiver agreement"),
            ("Kofi Mensah", "signed", "visa waiver agreement"),
            ("Peru", "signed", "memorandum on fisheries"),
        ],
        [],
        id="initialling-a-document-is-signing-it",
    ),
    pytest.param(
        "The sides signed 12 agreements in Moscow. Agreement between Ministry of Road and "
        "Transport Development of Mongolia and Ministry of Transport of Russia on training "
        "Mongolian citizens in railway specialties was signed.",
        [
            ("Ministry of Road and Transport Development of Mongolia", "signed", ROAD),
            ("Ministry of Transport of Russia", "signed", ROAD),
        ],
        [],
        id="each-party-an-agreement-names-after-between-signed-it-however-parsed",
    ),
    pytest.param(
        "Chilean Minister Alberto Vargas met Peruvian Minister Rosa Quispe in Lima. The talks "
        "resulted in the signing of the meeting’s protocol as well as the agreement on the "
        "establishment of a joint leasing company with the participation of the ALFC Center "
        "for Green Finance and Peru’s Andes Bank, Lima Stock Exchange, and Union of Banks.",
        [
            (name, "signed", "agreement on the establishment of a joint leasing company")
            for name in ("ALFC Center for Green Finance", "Peru’s Andes Bank", "Union of Banks")
        ],
        [("Peru", "signed", "agreement on the establishment of a joint leasing company")],
        id="a-body-the-parser-hangs-on-the-next-ones-name-takes-part-in-the-agreement",
    ),
    pytest.param(
        "Chile and Peru signed bilateral agreements in Lima. The bilateral agreements included "
        "extending the free trade agreement, and a memorandum of understanding on a mining "
        "project.",
        [
            ("Chile", "signed", "memorandum of understanding on a mining project"),
            ("Peru", "signed", "memorandum of understanding on a mining project"),
        ],
        [("Chile", "signed", "free trade agreement")],
        id="an-item-the-parser-hangs-on-include-was-signed-with-the-set",
    ),
    pytest.param(
        "The Chilean side was chaired by Foreign Minister Alberto Vargas and the Peruvian "
        "side was headed by Trade Minister Rosa Quispe.",
        [
            ("Chilean side", "headedBy", "Alberto Vargas"),
            ("Peruvian side", "headedBy", "Rosa Quispe"),
            ("Chilean side", "represents", "Chile"),
            ("Peruvian side", "represents", "Peru"),
            ("Rosa Quispe", "represents", "Peru"),
        ],
        [
            ("Chilean side", "headedBy", "Rosa Quispe"),
            ("Rosa Quispe", "represents", "Chile"),
        ],
        id="a-side-someone-heads-is-a-delegation-each-with-its-own-head",
    ),
    pytest.param(
        "The Kenyan side, led by Deputy President Amos Kiprono, raised the issue of tariffs.",
        [("Kenyan side", "headedBy", "Amos Kiprono")],
        [],
        id="a-side-led-by-someone",
    ),
    pytest.param(
        "Chilean President Gabriel Boric arrived in Lima and met Peruvian President Dina "
        "Boluarte. The main result of the visit was the signing of an agreement on free trade. "
        "The presidents then witnessed the signing ceremony of cooperation documents between "
        "the ministries of the two countries.",
        [
            ("Chile", "signed", "agreement on free trade"),
            ("Peru", "signed", "agreement on free trade"),
            ("Chile", "signed", "cooperation documents"),
            ("Peru", "signed", "cooperation documents"),
        ],
        [("Gabriel Boric", "signed", "agreement on free trade")],
        id="the-signing-of-an-agreement-naming-no-one-was-by-the-two-sides",
    ),
    pytest.param(
        "Chilean President Gabriel Boric arrived in Lima and met Peruvian President Dina "
        "Boluarte. The two leaders oversaw the signing of six business deals.",
        [],
        [("Chile", "signed", "six business deals"), ("Peru", "signed", "six business deals")],
        id="business-deals-are-signed-by-companies-not-by-the-sides",
    ),
    pytest.param(
        "Chile and Peru signed 12 agreements on Monday. The agreements included a protocol on "
        "customs and a memorandum on mining.",
        [
            ("Chile", "signed", "protocol on customs"),
            ("Peru", "signed", "memorandum on mining"),
        ],
        [],
        id="who-signed-a-set-of-documents-signed-each-it-includes",
    ),
    pytest.param(
        "Chile and Peru signed nine agreements in Lima on Monday. The talks lasted two hours. "
        "Among the nine agreements are a memorandum on mining and an agreement on fisheries.",
        [
            ("Chile", "signed", "memorandum on mining"),
            ("Peru", "signed", "agreement on fisheries"),
        ],
        [],
        id="a-list-after-any-mention-of-a-signed-set-is-of-its-documents",
    ),
    pytest.param(
        "Alberto Vargas and Rosa Quispe signed a joint statement on Monday. Vargas later made a "
        "statement to the press.",
        [("Alberto Vargas", "signed", "joint statement")],
        [("Alberto Vargas", "signed", "statement")],
        id="a-joint-statement-is-a-document-a-statement-alone-is-not",
    ),
    pytest.param(
        "Chilean President Gabriel Boric met Peruvian President Dina Boluarte in Lima. The "
        "talks resulted in the signing of the meeting's protocol as well as the agreement on "
        "a joint mining company.",
        [
            ("Chile", "signed", "agreement on a joint mining company"),
            ("Peru", "signed", "agreement on a joint mining company"),
        ],
        [],
        id="each-agreement-of-a-list-signed-with-no-signatory-was-by-the-sides",
    ),
    pytest.param(
        "Chile and Peru signed a series of trade and investment deals on Monday during a visit "
        "to Lima by President Gabriel Boric, including agreements on two new copper smelters.",
        [
            ("Chile", "signed", "trade and investment deals"),
            ("Peru", "signed", "agreements on two new copper smelters"),
        ],
        [("Chile", "signed", "investment deals")],
        id="a-series-of-deals-and-what-it-includes-wherever-the-including-hangs",
    ),
    pytest.param(
        "Chilean President Gabriel Boric and Peruvian President Dina Boluarte witnessed the "
        "signing of a protocol on customs in Lima.",
        [
            ("signing of a protocol on customs", "participant", "Gabriel Boric"),
            ("Chile", "signed", "protocol on customs"),
        ],
        [
            ("signing of a protocol on customs", "participant", "Chile"),
            ("Gabriel Boric", "signed", "protocol on customs"),
        ],
        id="witnesses-take-part-in-a-signing-their-countries-sign",
    ),
]


_MET = "Ghanaian President Kofi Mensah met Kenyan President Daniel Mwangi in Accra on Monday. "
_BOTH = ["Ghana", "Kenya"]

CASES += [
    pytest.param(
        "Kenyan President William Ruto met a US delegation on Tuesday. US Trade Representative "
        "Katherine Tai was the head of the delegation.",
        [
            ("United States delegation", "headedBy", "Katherine Tai"),
            ("William Ruto", "met", "Katherine Tai"),
        ],
        [("United States delegation", "headedBy", "William Ruto")],
        id="who-a-clause-says-was-the-head-of-the-delegation-headed-it",
    ),
    pytest.param(
        "Pakistan and Uzbekistan signed a memorandum on railways in Islamabad. The document "
        "was signed by Railway Minister Khawaja Saad Rafique and Uzbek Transport Minister "
        "Ilhom Makhkamov.",
        [("Khawaja Saad Rafique", "represents", "Pakistan")],
        [("Khawaja Saad Rafique", "represents", "Uzbekistan")],
        id="of-two-who-signed-for-two-countries-one-of-no-country-signed-for-the-other",
    ),
    pytest.param(
        _MET + "Following the talks, the following documents were signed: an agreement on "
        "fisheries, a memorandum on tourism and a protocol on customs.",
        [
            (side, "signed", a)
            for side in _BOTH
            for a in ("agreement on fisheries", "protocol on customs")
        ],
        [("Kofi Mensah", "signed", "protocol on customs")],
        id="a-colon-list-after-the-documents-signed",
    ),
    pytest.param(
        _MET + "Following the talks, a signing ceremony of four agreements between Ghana and Kenya "
        "took place, with the following "
        "documents signed:\nAgreement on cooperation in fisheries,\nPlan of joint events for "
        "2026,\nMemorandum of Understanding on tourism,\nAgreement on consulting for the "
        "implementation of the contract on railway construction,\nand the presidents gave a press "
        "briefing.\nThe protocol on customs is still being drafted.",
        [
            (side, "signed", a)
            for side in _BOTH
            for a in (
                "Agreement on cooperation in fisheries",
                "Memorandum of Understanding on tourism",
            )
        ],
        [
            (side, "signed", a)
            for side in _BOTH
            for a in ("protocol on customs", "contract on railway construction")
        ],
        id="a-colon-list-with-one-document-per-line",
    ),
    pytest.param(
        _MET + "The signed documents include an agreement on water management and a "
        "memorandum on tourism.",
        [(side, "signed", "memorandum on tourism") for side in _BOTH],
        [],
        id="what-the-signed-documents-include",
    ),
    pytest.param(
        _MET + "A package of documents was signed at the end of the talks, among them an "
        "agreement on transit and a protocol on customs.",
        [
            (side, "signed", a)
            for side in _BOTH
            for a in ("agreement on transit", "protocol on customs")
        ],
        [],
        id="a-package-of-documents-and-what-is-among-them",
    ),
    pytest.param(
        _MET + "The two governments signed five documents, such as a protocol on customs, and "
        "agreed to draft a treaty on investment.",
        [("Ghana", "signed", "protocol on customs")],
        [("Ghana", "signed", "treaty on investment")],
        id="a-list-ends-where-a-clause-of-its-own-begins",
    ),
    pytest.param(
        _MET + "The main outcome of the visit was signing of an agreement on visa exemption.",
        [(side, "signed", "agreement on visa exemption") for side in _BOTH],
        [],
        id="a-signing-the-parser-took-for-a-verb",
    ),
    pytest.param(
        _MET + "The ministries of agriculture of the two countries signed a memorandum on food "
        "security. Ghanaian and Kenyan business leaders inked 30 agreements worth $2 million.",
        [(side, "signed", "memorandum on food security") for side in _BOTH],
        [("Ghana", "signed", "30 agreements"), ("Kenya", "signed", "30 agreements")],
        id="signers-naming-no-one-are-the-sides-businesspeople-are-not",
    ),
    pytest.param(
        "Ghanaian President Kofi Mensah and Kenyan President Daniel Mwangi signed a joint "
        "statement on Monday. Mensah praised the comprehensive programme to develop bilateral "
        "trade signed in Nairobi last year.",
        [(side, "signed", "comprehensive programme") for side in _BOTH],
        [("Kofi Mensah", "signed", "comprehensive programme")],
        id="a-participle-on-an-agreements-complement-the-sides-from-its-cosignatories",
    ),
    pytest.param(
        "Ghanaian President Kofi Mensah met Kenyan President Daniel Mwangi on Monday. Accra and "
        "Nairobi signed a roadmap on trade.",
        [(side, "signed", "roadmap") for side in _BOTH],
        [],
        id="a-capital-signs-for-its-country",
    ),
    pytest.param(
        _MET + "In the presence of the two presidents, Ghanaian Foreign Minister Ama Owusu and "
        "Joseph Kiprop signed an agreement on visa exemption.",
        [
            ("Kenya", "signed", "agreement on visa exemption"),
            ("Joseph Kiprop", "signed", "agreement on visa exemption"),
        ],
        [("Kofi Mensah", "signed", "agreement on visa exemption")],
        id="two-signatories-sign-for-both-sides",
    ),
    pytest.param(
        _MET + "The two leaders penned a memorandum on tourism. Ghanaian companies signed a "
        "memorandum on cocoa exports.",
        [("Kenya", "signed", "memorandum on tourism")],
        [("Ghana", "signed", "memorandum on cocoa exports")],
        id="penned-is-signed-companies-sign-for-themselves",
    ),
    pytest.param(
        _MET + "The agreement on transit was signed by the foreign ministers of the two countries.",
        [(side, "signed", "agreement on transit") for side in _BOTH],
        [("Kofi Mensah", "signed", "agreement on transit")],
        id="the-ministers-are-not-the-two-presidents-the-sides-signed",
    ),
    pytest.param(
        _MET + "The foreign ministers signed a joint action plan for 2025. Ghana also has a plan "
        "to build a railway.",
        [(side, "signed", "joint action plan") for side in _BOTH],
        [(side, "signed", "plan to build a railway") for side in _BOTH],
        id="a-plan-is-a-document-where-it-is-signed",
    ),
    pytest.param(
        "The 5th meeting of the Ghana-Kenya Joint Commission took place in Accra on Monday. The "
        "talks resulted in the signing of the meeting's protocol as well as the agreement on a "
        "joint shipping company with the participation of the Ghana Ports Authority and Kenya's "
        "Equity Bank.",
        [
            ("Ghana", "signed", "protocol"),
            ("Kenya", "signed", "protocol"),
            ("Ghana Ports Authority", "signed", "agreement on a joint shipping company"),
            ("Equity Bank", "signed", "agreement on a joint shipping company"),
        ],
        [
            ("Ghana", "signed", "agreement on a joint shipping company"),
            ("Equity Bank", "signed", "protocol"),
        ],
        id="the-sides-a-meeting-names-the-parties-with-whose-participation",
    ),
    pytest.param(
        _MET + "Mensah stressed the importance of the “Programme on the Development of Trade "
        "between the Republic of Ghana and the Republic of Kenya for 2024-2026”, which was "
        "signed by the two countries during the visit. He added, “Enough agreements have been "
        "signed between both nations.”",
        [
            (
                side,
                "signed",
                "Programme on the Development of Trade between the Republic of Ghana and the "
                "Republic of Kenya for 2024-2026",
            )
            for side in _BOTH
        ],
        [("Development of Trade", "signed", "Programme")],
        id="a-quoted-title-whole-and-what-its-which-clause-says",
    ),
    pytest.param(
        "Ghana, Kenya sign agreement on fisheries\n\nACCRA, June 3. Ghanaian President Kofi "
        "Mensah met Kenyan President Daniel Mwangi on Monday. The agreement on fisheries opens "
        "Kenyan waters to Ghanaian boats.",
        [(side, "signed", "agreement on fisheries") for side in _BOTH],
        [("Ghana, Kenya sign agreement on fisheries", "signed", "Ghana")],
        id="a-headline-read-as-a-noun-phrase-tells-a-signing",
    ),
    pytest.param(
        "Ghana and Kenya Sign Agreement on Fisheries\n\nACCRA, June 3. Ghanaian President "
        "Kofi Mensah met Kenyan President Daniel Mwangi on Monday.",
        [(side, "signed", "Agreement on Fisheries") for side in _BOTH],
        [],
        id="a-title-case-headline-too",
    ),
    pytest.param(
        "Ghana, Kenya to sign agreement on fisheries\n\nACCRA, June 3. Ghanaian President "
        "Kofi Mensah will meet Kenyan President Daniel Mwangi on Monday.",
        [],
        [(side, "signed", "agreement on fisheries") for side in _BOTH],
        id="a-headline-signing-to-come-is-no-signing",
    ),
    pytest.param(
        _MET + "The talks ended with the signing of the agreement on transit by Foreign "
        "Ministers Ama Owusu and Joseph Kiprop.",
        [
            ("Ama Owusu", "signed", "agreement on transit"),
            ("Joseph Kiprop", "signed", "agreement on transit"),
        ],
        [("Kofi Mensah", "signed", "agreement on transit")],
        id="the-signing-of-an-agreement-by-two-ministers",
    ),
    pytest.param(
        _MET + "The leaders signed 15 documents. Among them are an agreement on transit and a "
        "roadmap on trade.",
        [
            (side, "signed", a)
            for side in _BOTH
            for a in ("agreement on transit", "roadmap on trade")
        ],
        [],
        id="a-list-the-next-sentence-opens-with",
    ),
    pytest.param(
        "According to the agency’s reporter in Lima, Chilean President Alberto Vargas and "
        "Peruvian President Rosa Quispe signed 12 bilateral documents in Cusco.",
        [
            (name, "signed", "12 bilateral documents")
            for name in ("Alberto Vargas", "Rosa Quispe", "Chile", "Peru")
        ],
        [],
        id="signatories-with-titles-the-parser-hung-on-a-place-before",
    ),
    pytest.param(
        "During the talks, the Energy Commission of Chile and PERUGAS, the state gas company "
        "of Peru, signed a memorandum on gas supplies. Chilean President Alberto Vargas held "
        "talks with Peruvian President Rosa Quispe and signed an agreement on transit.",
        [("Alberto Vargas", "signed", "agreement on transit")],
        [
            ("Peru", "signed", "memorandum on gas supplies"),
            ("Rosa Quispe", "signed", "agreement on transit"),
        ],
        id="no-signatory-named-in-a-phrase-nor-the-object-of-a-verb-before",
    ),
    pytest.param(
        "Ghanaian President Kofi Mensah praised Kenyan President Daniel Mwangi for his "
        "commitment to the ties between the two nations. Several key agreements were signed "
        "after the bilateral talks.",
        [(side, "signed", "Several key agreements") for side in _BOTH],
        [],
        id="the-sides-of-an-unsigned-agreement-are-the-countries-of-the-article-s-people",
    ),
    pytest.param(
        "Kenyan President Daniel Mwangi met Ghanaian President Kofi Mensah in Accra. The "
        "agenda also includes the signing of a package of bilateral documents.",
        [],
        [(side, "signed", "bilateral documents") for side in _BOTH],
        id="a-signing-on-the-agenda-is-no-signing",
    ),
    pytest.param(
        _MET + "They reviewed the implementation of agreements signed earlier.",
        [],
        [(side, "signed", "agreements") for side in _BOTH],
        id="agreements-signed-earlier-are-no-signing-of-the-news",
    ),
    pytest.param(
        _MET + "The talks ended with the exchange of agreements on trade and transit. The two "
        "sides also exchanged views on regional issues.",
        [(side, "signed", "agreements on trade and transit") for side in _BOTH],
        [(side, "signed", "views") for side in _BOTH],
        id="documents-exchanged-were-signed",
    ),
    pytest.param(
        "According to the report, the agreement was signed at the State House, the seat of "
        "government in Accra by Ghana’s Foreign Minister, Mrs. Ama Owusu, and the Kenyan "
        "Foreign Minister, Joseph Kiprop. A protocol was signed during a visit by Kenyan "
        "President Daniel Mwangi to Accra.",
        [(name, "signed", "agreement") for name in ("Ama Owusu", "Joseph Kiprop", *_BOTH)],
        [("Daniel Mwangi", "signed", "protocol")],
        id="a-passive-signing-s-by-hung-on-a-noun-after-it",
    ),
    pytest.param(
        "The Ghanaian cabinet authorised the delegation headed by Foreign Minister Ama Owusu "
        "to sign agreements with Kenya.",
        [],
        [(side, "signed", "agreements") for side in _BOTH],
        id="a-signing-told-by-an-infinitive-is-to-come",
    ),
    pytest.param(
        _MET + "They oversaw a ceremony at the State House where a number of agreements and "
        "memoranda on trade were signed between the governments of the two nations.",
        [(side, "signed", doc) for side in _BOTH for doc in ("agreements", "memoranda")],
        [],
        id="every-item-of-a-number-of-documents",
    ),
    pytest.param(
        "Documents on cooperation between Ghana and Kenya signed\n\nACCRA, June 3. Ghanaian "
        "President Kofi Mensah met Kenyan President Daniel Mwangi on Monday.",
        [(side, "signed", "Documents on cooperation between Ghana and Kenya") for side in _BOTH],
        [],
        id="a-headline-s-documents-signed",
    ),
    pytest.param(
        _MET + "Among the documents signed were an agreement on transit and a protocol on trade.",
        [
            (side, "signed", a)
            for side in _BOTH
            for a in ("agreement on transit", "protocol on trade")
        ],
        [],
        id="among-the-documents-signed-were",
    ),
    pytest.param(
        _MET + "The presidents observed the signing of the agreement on transit. The signing by "
        "Foreign Ministers Ama Owusu and Joseph Kiprop was a highlight of the visit.",
        [(name, "signed", "agreement on transit") for name in ("Ama Owusu", "Joseph Kiprop")],
        [(name, "signed", "agreement on transit") for name in ("Kofi Mensah", "Daniel Mwangi")],
        id="the-signing-by-two-ministers-of-the-agreement-told-before",
    ),
    pytest.param(
        "An agreement on trade was signed by Uzbek Foreign Minister Bakhtiyor Saidov and Tajik "
        "Foreign Minister Sirojiddin Muhriddin.",
        [
            (name, "signed", "agreement on trade")
            for name in ("Bakhtiyor Saidov", "Sirojiddin Muhriddin", "Uzbekistan", "Tajikistan")
        ],
        [],
        id="a-name-the-parser-made-a-modifier-of-the-titled-name-after-it",
    ),
    pytest.param(
        "A memorandum between the Ministry of Energy of Chile and the Ministry of Economy of Peru "
        "was signed in the presence of the two presidents.",
        [
            (body, "signed", MEMORANDUM)
            for body in ("Ministry of Energy of Chile", "Ministry of Economy of Peru")
        ],
        [],
        id="the-parties-a-memorandum-names-signed-it-where-no-one-else-is-said-to",
    ),
    pytest.param(
        "The presidents witnessed the signing of a memorandum of understanding (MoU) between "
        "Lima Municipality and the Santiago Chamber of Commerce.",
        [
            (body, "signed", "memorandum of understanding (MoU)")
            for body in ("Lima Municipality", "Santiago Chamber of Commerce")
        ],
        [],
        id="the-parties-a-memorandum-names-after-its-short-form-in-brackets",
    ),
]


CASES += [
    pytest.param(
        "Chile and Peru signed 12 documents. The documents included an agreement on fisheries "
        "cooperation, a memorandum of understanding on energy and a protocol on culture.",
        [
            (side, "signed", document)
            for side in ("Chile", "Peru")
            for document in (
                "agreement on fisheries cooperation",
                "memorandum of understanding on energy",
                "protocol on culture",
            )
        ],
        [],
        id="each-document-a-set-included-signed-also-one-the-parser-put-in-apposition",
    ),
]


def test_the_documents_after_a_set_of_documents_are_that_set(rules):
    x = rules.extract(
        "Chile and Peru signed three memoranda of understanding in the fields of energy, "
        "mining and culture. The documents were signed at the Foreign Office after talks."
    )
    assert [e.label for e in x.entities if e.type == "Agreement"] == [
        "three memoranda of understanding in the fields of energy, mining and culture"
    ]


def test_a_body_s_short_form_after_an_agreement_s_name_stays_the_body_s(rules):
    x = rules.extract(
        "The talks ended with the signing of a memorandum of understanding between the Japan "
        "External Trade Organization (JETRO) and the Ghana Export Promotion and Branding "
        "Authority (GEPROBA), which was inked by JETRO Accra Director Ken Sato and GEPROBA "
        "Chief Executive Officer Ama Mensah."
    )
    assert "GEPROBA" not in [a for e in x.entities if e.type == "Agreement" for a in e.aliases]


@pytest.mark.parametrize(
    ("text", "name", "signer"),
    [
        pytest.param(
            "Chilean, Peruvian presidents sign border treaty\n\nLIMA -- President of Chile Ana "
            "Ruiz and President of Peru Elmer Soto signed the Treaty on the State Border on "
            "Thursday.",
            "Treaty on the State Border",
            "Ana Ruiz",
            id="a-headline-treaty-no-one-named-signs-is-the-one-the-body-tells-signed",
        ),
        pytest.param(
            "Chile and Peru signed an agreement on fisheries cooperation. The agreement on "
            "fisheries was signed by Minister Ana Ruiz and Minister Elmer Soto.",
            "agreement on fisheries cooperation",
            "Ana Ruiz",
            id="the-agreement-named-by-the-first-words-of-its-name-is-the-one-named-before",
        ),
        pytest.param(
            "Chile, Peru sign CEPA\n\nLIMA -- The presidents witnessed the signing of the "
            "Comprehensive Economic Partnership Agreement (CEPA) between the two countries. The "
            "CEPA was signed by Minister Ana Ruiz and Minister Elmer Soto.",
            "Comprehensive Economic Partnership Agreement",
            "Ana Ruiz",
            id="an-agreement-s-short-form-in-brackets-names-it-wherever-it-is-written",
        ),
    ],
)
def test_one_agreement_named_two_ways_is_one(rules, text, name, signer):
    x = rules.extract(text)
    assert [e.label for e in x.entities if e.type == "Agreement"] == [name]
    assert (signer, "signed", name) in facts(x)


CASES += [
    pytest.param(
        "ISLAMABAD, May 5 (APP) - The 8th session of the Pakistan-Turkmenistan "
        "Intergovernmental Commission was held in Islamabad. Minister for Commerce Jam Khattak "
        "led the Pakistani side, while the Turkmen side was headed by Deputy Prime Minister "
        "Batyr Orazov.",
        [
            ("Pakistani side", "headedBy", "Jam Khattak"),
            ("Jam Khattak", "met", "Batyr Orazov"),
        ],
        [],
        id="who-led-a-side-headed-its-delegation",
    ),
]
CASES += [  # documents told together
    pytest.param(
        "The two Prime Ministers witnessed the signing of an Agreement on Visa Exemption and "
        "a Protocol on Fisheries. The documents were signed by Foreign Minister Bat Oyun and "
        "Deputy Foreign Minister Pham Thi Lan.",
        [
            ("Bat Oyun", "signed", "Agreement on Visa Exemption"),
            ("Bat Oyun", "signed", "Protocol on Fisheries"),
            ("Pham Thi Lan", "signed", "Protocol on Fisheries"),
        ],
        [("Bat Oyun", "signed", "documents")],
        id="the-documents-after-a-list-are-each-of-them",
    ),
    pytest.param(
        "Chile and Peru signed an agreement on fisheries, a memorandum on mining and a "
        "protocol on customs. The two documents were signed by Ana Ruiz.",
        [],
        [("Ana Ruiz", "signed", "agreement on fisheries")],
        id="not-where-a-count-says-otherwise",
    ),
    pytest.param(
        "Mongolia and Vietnam signed an Agreement on Visa Exemption and a Plan of Action on "
        "Tourism Cooperation. Trade between the two countries grew last year.",
        [
            ("Mongolia", "signed", "Plan of Action on Tourism Cooperation"),
            ("Vietnam", "signed", "Agreement on Visa Exemption"),
        ],
        [],
        id="a-plan-listed-with-a-signed-agreement-is-a-signed-document",
    ),
]
HOSTED = (
    "President Luis Ruiz of Peru paid a state visit to Chile on Monday and held talks with "
    "President Marta Vega in Santiago. "
)
CASES += [
    pytest.param(
        "Chile and Peru signed a defence cooperation agreement, along with a memorandum on "
        "health and a protocol on customs, in addition to a fisheries treaty.",
        [
            (side, "signed", document)
            for side in ("Chile", "Peru")
            for document in ("memorandum on health", "protocol on customs", "fisheries treaty")
        ],
        [],
        id="what-a-signed-document-goes-along-with-was-signed-too",
    ),
    pytest.param(
        "Chile signed a defence cooperation agreement with Peru, along with talks on a "
        "memorandum on health that the two ministers will sign next year.",
        [],
        [("Chile", "signed", "memorandum on health")],
        id="not-a-document-along-with-something-else",
    ),
]
CASES += [
    pytest.param(
        "Ministers sign protocol\n\nIn a subsequent meeting, Kaymak and Uzbekistan's Deputy "
        "Prime Minister Akmal Rakhimov signed a protocol amending the trade agreement. Turkish "
        "Trade Minister Omer Kaymak was pleased.",
        [("Omer Kaymak", "signed", "protocol"), ("Akmal Rakhimov", "signed", "protocol")],
        [("Omer Kaymak", "represents", "Uzbekistan")],
        id="a-person-before-and-a-country-s-person-signs-with-that-person",
    ),
]
CASES += [
    pytest.param(
        "Peru's Trade Minister Ana Quispe held bilateral meetings with her counterparts from "
        "Indonesia and Thailand in Lima. Quispe chaired the forum. In her meeting with "
        "Indonesian Trade Minister Agus Pranoto, the minister reviewed trade. At the end of the "
        "meeting, both ministers signed a joint ministerial statement. Later, Quispe met with "
        "Thailand's Minister of Commerce, Chaiwat Srisombat. Srisombat thanked Peru. Srisombat "
        "praised the forum.",
        [("Agus Pranoto", "signed", "joint ministerial statement")],
        [("Chaiwat Srisombat", "signed", "joint ministerial statement")],
        id="both-ministers-are-the-main-one-and-the-one-of-another-country-told-last",
    ),
]
CASES += [  # a host's country known only from the talks
    pytest.param(
        HOSTED + "Then an agreement on visa exemption for holders of diplomatic passports and a "
        "memorandum on cooperation in tourism were signed.",
        [
            (side, "signed", document)
            for side in ("Chile", "Peru")
            for document in (
                "agreement on visa exemption for holders of diplomatic passports",
                "memorandum on cooperation in tourism",
            )
        ],
        [],
        id="a-document-coordinated-after-a-long-name-was-signed-too",
    ),
    pytest.param(
        HOSTED + "A fisheries cooperation treaty was signed after the talks.",
        [
            ("Peru", "signed", "fisheries cooperation treaty"),
            ("Chile", "signed", "fisheries cooperation treaty"),
        ],
        [],
        id="a-treaty-signed-by-no-one-named-is-the-guests-and-the-hosts-country",
    ),
    pytest.param(
        HOSTED + "The two presidents signed a fisheries cooperation treaty.",
        [
            ("Marta Vega", "signed", "fisheries cooperation treaty"),
            ("Chile", "signed", "fisheries cooperation treaty"),
        ],
        [],
        id="the-host-signs-for-the-country-the-talks-give-her",
    ),
    pytest.param(
        "Peruvian President Luis Ruiz held talks with Chilean President Marta Vega in "
        "Santiago. Vega said it was vital to implement the accord Peru and Bolivia have concluded.",
        [("Peru", "signed", "accord"), ("Bolivia", "signed", "accord")],
        [("Chile", "signed", "accord")],
        id="an-accord-a-relative-clause-names-the-signers-of-is-theirs-not-the-sides",
    ),
]


@pytest.mark.parametrize(("text", "must", "must_not"), CASES)
def test_signing_and_heading(rules, text, must, must_not):
    x = rules.extract(text)
    found = facts(x, aliases=True)
    for triple in must:
        assert triple in found, (triple, sorted(found))
    for triple in must_not:
        assert triple not in found, triple


def test_a_side_no_one_heads_stays_the_country(pipeline):
    x = pipeline.extract("The Kenyan side raised the issue of tariffs with Uganda.")
    assert not [e for e in x.entities if e.type == "Delegation"]
    assert "Kenya" in {e.label for e in x.entities if e.type == "Country"}


def test_a_plan_no_one_signs_is_no_agreement(rules):
    x = rules.extract(
        "Ghana signed an action plan with Kenya. Ghana also has a plan to build a railway."
    )
    assert [e.label for e in x.entities if e.type == "Agreement"] == ["action plan"]


def test_a_document_told_only_by_how_much_it_matters_is_no_agreement(rules):
    x = rules.extract(
        "Ghana and Kenya signed very important agreements on Friday. Ghana also signed an "
        "important agreement on trade with Kenya and two key memoranda."
    )
    assert sorted(e.label for e in x.entities if e.type == "Agreement") == [
        "important agreement on trade",
        "two key memoranda",
    ]


def test_a_quoted_title_holds_no_bodies_a_quoted_sentence_is_no_title(rules):
    title = (
        "Programme on the Development of Trade between the Republic of Ghana and the Republic "
        "of Kenya for 2024-2026"
    )
    x = rules.extract(
        f"Ghana and Kenya praised the “{title}”. He said, “Enough agreements have been signed "
        "between both nations.”"
    )
    labels = {e.label: e.type for e in x.entities}
    assert labels[title] == "Agreement"
    assert "Development of Trade" not in labels
    assert not [label for label in labels if label.startswith("Enough agreements have")]


def test_a_quoted_title_ends_before_the_sentence_s_comma(rules):
    x = rules.extract(
        "Lavrov handed Sisi a letter on the “strategic partnership and cooperation agreement "
        "between the two countries,” the presidency said."
    )
    labels = [e.label for e in x.entities if e.type == "Agreement"]
    assert labels == ["strategic partnership and cooperation agreement between the two countries"]


def test_a_capitalized_title_is_whole_and_holds_no_bodies(rules):
    x = rules.extract(
        "Ghana and Kenya signed the Declaration on Strategic Partnership in Accra on Monday."
    )
    labels = {e.label: e.type for e in x.entities}
    assert labels["Declaration on Strategic Partnership"] == "Agreement"
    assert "Strategic Partnership" not in labels
    assert not [label for label in labels if "Accra" in label and label != "Accra"]


@pytest.mark.parametrize(
    ("text", "bodies", "not_bodies"),
    [
        pytest.param(
            "Afterwards they signed a Memorandum of Understanding on River Pilotage and "
            "Navigation Safety.",
            set(),
            {"River Pilotage", "Navigation Safety"},
            id="what-it-is-on-is-no-body",
        ),
        pytest.param(
            "They signed the Agreement on Cooperation between the Ministry of Agriculture of "
            "Kenya and the Food Safety Authority of Ghana.",
            {"Ministry of Agriculture of Kenya", "Food Safety Authority of Ghana"},
            set(),
            id="whom-it-is-between-are-bodies",
        ),
        pytest.param(
            "The ministers signed the main Protocol of the Commission.",
            {"Commission"},
            set(),
            id="whose-it-is-is-a-body",
        ),
    ],
)
def test_the_bodies_a_document_s_title_names(rules, text, bodies, not_bodies):
    labels = {e.label for e in rules.extract(text).entities if e.type == "Organization"}
    assert bodies <= labels and not labels & not_bodies, labels


def test_a_capitalized_title_goes_on_over_the_field_it_is_in(rules):
    x = rules.extract(
        "Besides, the Agreement on Cooperation in Veterinary Medicine was signed between the "
        "Ministry of Agriculture of Kenya and the Food Safety Authority of Ghana in Nairobi."
    )
    labels = {e.label: e.type for e in x.entities}
    assert labels["Agreement on Cooperation in Veterinary Medicine"] == "Agreement"
    assert "Agreement on Cooperation" not in labels
    assert not [label for label in labels if "Nairobi" in label and label != "Nairobi"]


@pytest.mark.parametrize(
    ("text", "names", "not_names"),
    [
        pytest.param(
            "Ghana and Kenya signed the Strategic Partnership Agreement between Ghana and the "
            "Republic of Kenya in Accra.",
            ["Strategic Partnership Agreement between Ghana and the Republic of Kenya"],
            ["Strategic Partnership Agreement between Ghana"],
            id="both-parties-between-name",
        ),
        pytest.param(
            "Kenyan President Daniel Mwangi met Ghanaian President Kofi Mensah. Following the "
            "talks, the Presidents signed a Declaration on strengthening strategic relations "
            "between Kenya and Ghana as well as a Comprehensive program for development of "
            "cooperation between Kenya and Ghana.",
            [
                "Declaration on strengthening strategic relations between Kenya and Ghana",
                "Comprehensive program for development of cooperation between Kenya and Ghana",
            ],
            ["Declaration"],
            id="a-complement-hung-on-the-verb-up-to-the-next-document",
        ),
        pytest.param(
            "The ministers signed a programme on economic co-operation for 2024-2026. The "
            "companies signed a contract for $2 billion.",
            ["programme on economic co-operation for 2024-2026", "contract"],
            ["contract for $2 billion"],
            id="hyphened-words-and-a-term-not-a-price",
        ),
        pytest.param(
            "The ministers signed cooperation agreements on security, borders, healthcare, "
            "sports, and tourism. Kenyan Foreign Minister Joseph Kiprop held talks with the "
            "Prime Ministers of Ghana and Togo, Ama Owusu and Kofi Mensah.",
            ["cooperation agreements on security, borders, healthcare, sports, and tourism"],
            ["cooperation agreements on security"],
            id="a-list-of-topics",
        ),
        pytest.param(
            "Angola and Germany signed last Friday four cooperation agreements in the fields "
            "of air transport and training. The leaders also signed an MoU on the Strategic "
            "Economic Dialogue, which aims to advance talks.",
            [
                "four cooperation agreements in the fields of air transport and training",
                "MoU on the Strategic Economic Dialogue",
            ],
            ["last Friday four cooperation agreements", "MoU"],
            id="a-field-not-a-date-and-an-mou-the-recognizer-took-for-a-site",
        ),
        pytest.param(
            "The sides signed a road map on trade cooperation. They also signed a letter of "
            "intent on energy and an MoC on digital trade. They signed the minutes of the "
            "meeting. He showed a map of Accra and read a letter from the king.",
            [
                "road map on trade cooperation",
                "letter of intent on energy",
                "MoC on digital trade",
                "minutes of the meeting",
            ],
            ["map of Accra", "letter"],
            id="documents-named-by-two-words",
        ),
        pytest.param(
            "Chile and Peru signed 15 cooperation documents of the visit of the President of "
            "Chile to Peru. They also signed the protocol of the meeting.",
            ["15 cooperation documents", "protocol of the meeting"],
            ["15 cooperation documents of the visit of the President of Chile"],
            id="documents-of-a-visit-are-named-without-it-a-protocol-of-a-meeting-with-it",
        ),
        pytest.param(
            "Ghana and Kenya signed a protocol on amendments to the trade agreement and a "
            "memorandum on tourism. Togo signed an agreement on the accession to the customs "
            "union.",
            [
                "protocol on amendments to the trade agreement",
                "memorandum on tourism",
                "agreement on the accession to the customs union",
            ],
            ["protocol on amendments to", "protocol on amendments", "trade agreement"],
            id="an-agreement-a-name-names-is-a-word-of-the-name-not-one-of-its-own",
        ),
    ],
)
def test_an_agreement_is_named_as_the_article_names_it(rules, text, names, not_names):
    labels = {e.label for e in rules.extract(text).entities if e.type == "Agreement"}
    assert set(names) <= labels, sorted(labels)
    assert not set(not_names) & labels


def test_signings_of_an_agreement_in_common_are_one(rules):
    x = rules.extract(
        "Chinese Premier Li Keqiang and Australian Prime Minister Malcolm Turnbull clapped during "
        "a signing ceremony in Canberra. Turnbull and Li oversaw the signing of bilateral "
        "agreements on trade."
    )
    [signing] = [e for e in x.events if e.cls == "SigningCeremony" and not e.implied]
    assert {(signing.label, "heldIn", "Canberra")} | {
        (signing.label, "participant", p) for p in ("Li Keqiang", "Malcolm Turnbull")
    } <= facts(x)


def test_who_signed_at_a_ceremony_by_the_passive_signed(rules):
    x = rules.extract(
        "The agreement was signed at the ceremony by Minister Ana Ruiz and Minister Elmer Soto."
    )
    assert {("Ana Ruiz", "signed", "agreement"), ("Elmer Soto", "signed", "agreement")} <= facts(x)


def test_an_agreement_only_the_headline_names_is_the_body_s_of_its_signers(rules):
    """The headline's 'deals on port, power' are the three agreements the body tells of, and
    'here' closes no agreement's name."""
    x = rules.extract(
        "Ethiopia, Djibouti sign agreements on port, power\n\nADDIS ABABA (ENA) -- Ethiopia and "
        "Djibouti have signed three agreements on port utilization and power export here today."
    )
    agreements = [e.label for e in x.entities if e.type == "Agreement"]
    assert agreements == ["three agreements on port utilization and power export"]
    assert {("Ethiopia", "signed", agreements[0]), ("Djibouti", "signed", agreements[0])} <= facts(
        x
    )


def test_a_headline_agreement_is_the_one_its_signers_signed_among_others(rules):
    x = rules.extract(
        "Chile, Peru sign trade agreement\n\nSANTIAGO -- Chile and Peru signed an agreement on "
        "trade. Separately, Brazil and Argentina signed an agreement on fisheries, and Bolivia "
        "signed an agreement with Ecuador on roads."
    )
    assert len([e for e in x.entities if e.type == "Agreement"]) == 3


@pytest.mark.parametrize("named", ["agreement on fisheries", "fisheries agreement"])
def test_a_headline_s_plan_to_sign_names_the_agreement_the_body_tells_signed(rules, named):
    x = rules.extract(
        f"Chile, Peru to sign {named}\n\nSANTIAGO -- Chile and Peru signed an agreement on "
        "fisheries on Monday, the Chilean Foreign Ministry said."
    )
    (agreement,) = [e.label for e in x.entities if e.type == "Agreement"]
    assert {("Chile", "signed", agreement), ("Peru", "signed", agreement)} <= facts(x)
    assert not facts(x, status="planned")


def test_an_agreement_told_signed_after_a_plan_to_sign_it_was_signed_by_those_planned(rules):
    told = (
        "Chilean President Ana Ruiz met Peruvian President Elmer Soto in Lima on Monday. The "
        "presidents were expected to sign an agreement on fisheries."
    )
    done = rules.extract(f"{told} After the talks, the agreement was signed.")
    signed = {
        ("Ana Ruiz", "signed", "agreement on fisheries"),
        ("Chile", "signed", "agreement on fisheries"),
    }
    assert signed <= facts(done)
    still = rules.extract(f"{told} The agreement will be signed on Friday.")
    assert not signed & facts(still)
    assert signed <= facts(still, status="planned")


@pytest.mark.parametrize(
    "second",
    [
        "Minister Ana Ruiz signed for Chile, while Minister Elmer Soto signed on behalf of his "
        "country.",
        "Ana Ruiz, Minister of Trade, signed for Chile, while Elmer Soto, Minister of Commerce, "
        "signed for Peru.",
        "The agreement was signed on behalf of Chile by the Minister of Trade, Ms Ana Ruiz, "
        "while the Peruvian Minister of Commerce, Mr Elmer Soto, signed for Peru.",
    ],
)
def test_who_signed_for_a_side_signed_the_agreement_told_of(rules, second):
    x = rules.extract(f"Chile and Peru signed an agreement on transit trade. {second}")
    assert {
        ("Ana Ruiz", "signed", "agreement on transit trade"),
        ("Elmer Soto", "signed", "agreement on transit trade"),
    } <= facts(x)


def test_who_signed_for_no_side_signed_nothing_told_of(rules):
    x = rules.extract(
        "Chile and Peru signed an agreement on transit trade. Ana Ruiz signed for the first "
        "time in her career. Elmer Soto signed for two agreements on roads."
    )
    assert not {f for f in facts(x) if f[1] == "signed" and f[0] in {"Ana Ruiz", "Elmer Soto"}}


def test_the_documents_listed_among_those_signed_at_a_ceremony_were_signed_at_it(rules):
    x = rules.extract(
        "Prime Minister Ivan Petrov of Belarus paid an official visit to Vietnam. He held talks "
        "with Prime Minister Pham Van Long and witnessed the signing ceremony of cooperation "
        "documents between the two countries. The leaders praised the growing trade. On the "
        "occasion, the two sides signed a number of documents, including an agreement on visa "
        "exemption and a memorandum on nuclear safety."
    )
    names = {e.id: e.label for e in x.entities}
    (signing,) = [e for e in x.events if e.cls == "SigningCeremony"]
    assert not signing.implied
    assert {names[o] for o in signing.outcomes} >= {
        "agreement on visa exemption",
        "memorandum on nuclear safety",
    }


def test_documents_signed_between_the_two_countries_including_one_named(rules):
    """ "Signed between the two countries, including the Agreement on X": the list names a
    document, not whom "the two countries" stand for."""
    x = rules.extract(
        "Kazakhstan and Kyrgyzstan held talks in Astana. Several documents were signed between "
        "the two countries, including the Agreement on International Road Transport."
    )
    found = facts(x)
    assert ("Kazakhstan", "signed", "Agreement on International Road Transport") in found
    assert ("Kyrgyzstan", "signed", "Agreement on International Road Transport") in found


def test_a_memorandum_between_companies_a_minister_witnessed_is_theirs_alone(rules):
    x = rules.extract(
        "Prime Minister Rahman Iskandar received Vietnam's Deputy Prime Minister Tran Quoc Hai "
        "in Putrajaya today. Later, Tran witnessed the exchange of a memorandum of "
        "understanding on rice trade between Malaysia's Padiberas Nasional Berhad and Vietnam "
        "Southern Food Corporation."
    )
    signers = {s for s, p, _ in facts(x) if p == "signed"}
    assert signers == {"Padiberas Nasional Berhad", "Vietnam Southern Food Corporation"}, signers


def test_the_following_documents_are_the_items_listed_after_them_not_one_more(rules):
    """ "Signed the following documents:" then one bulleted line each: each item is signed,
    under its name without the bullet; "the following documents" is no document."""
    x = rules.extract(
        "Ghana and Georgia held talks in Tbilisi on Monday.\n\n"
        "After the talks, the sides signed the following documents:\n"
        "• Memorandum of Understanding on Political Consultations;\n"
        "• Agreement on Visa Exemption for Holders of Diplomatic Passports;\n"
        "• Programme of Cooperation in Higher Education.\n"
    )
    agreements = {e.label for e in x.entities if e.type == "Agreement"}
    assert agreements == {
        "Memorandum of Understanding on Political Consultations",
        "Agreement on Visa Exemption for Holders of Diplomatic Passports",
        "Programme of Cooperation in Higher Education",
    }
    found = facts(x)
    for side in ("Ghana", "Georgia"):
        assert (side, "signed", "Programme of Cooperation in Higher Education") in found
    (signing,) = [e for e in x.events if e.cls == "SigningCeremony"]
    assert len(signing.outcomes) == 3


def test_the_two_countries_a_visitor_went_to_are_not_the_two_sides_of_a_signing(rules):
    """A minister of no stated country visiting Albania and Montenegro signs with the
    Albanian minister: Montenegro signed nothing, and the visitor does not act for it."""
    x = rules.extract(
        "Foreign Minister Anna Sigurdardottir concludes visit to Albania and Montenegro\n\n"
        "Minister for Foreign Affairs Anna Sigurdardottir concluded a working visit to Albania "
        "and Montenegro on Thursday.\n\n"
        "On 4 June in Tirana, Minister Sigurdardottir held talks with the Albanian Minister for "
        "Foreign Affairs, Arben Kola. The ministers inked a memorandum on geothermal energy.\n\n"
        "On 6 June in Podgorica, Sigurdardottir was received by the Minister of Foreign Affairs "
        "of Montenegro, Danilo Petrovic."
    )
    found = facts(x)
    assert ("Arben Kola", "signed", "memorandum on geothermal energy") in found
    assert not {f for f in found if f[0] == "Montenegro" and f[1] == "signed"}
    assert ("Anna Sigurdardottir", "represents", "Montenegro") not in found


@pytest.mark.parametrize(
    ("where", "places"),
    [
        ("at the Palace of Serbia in Belgrade", {"Palace of Serbia", "Belgrade"}),
        ("at a ceremony in Belgrade", set()),  # the ceremony is the event, placed as told
    ],
)
def test_a_signing_the_verb_places_is_an_event_held_there(rules, where, places):
    found = facts(
        rules.extract(
            "Hungarian Prime Minister Viktor Orban and Serbian President Aleksandar Vucic "
            f"signed a strategic partnership agreement on energy {where} on Monday."
        )
    )
    signing = "signing of strategic partnership agreement on energy"
    assert {o for s, p, o in found if (s, p) == (signing, "heldIn")} == places, found
    if places:
        assert (signing, "participant", "Viktor Orban") in found, found


def test_who_ended_a_session_with_a_signing_signed(rules):
    x = rules.extract(
        "Accra, Oct. 3 (AGENCY) - Chile and Peru have ended the 12th session of their joint "
        "commission in Accra with the signing of three agreements.\n\nMr Samuel Rojas, Minister "
        "for Foreign Affairs, who co-chaired the session with his Peruvian counterpart, Mr Elmer "
        "Soto, said trade had doubled."
    )
    found = facts(x)
    assert ("Chile", "signed", "three agreements") in found, sorted(found)
    assert ("Peru", "signed", "three agreements") in found
    session = "12th session of their joint commission"
    assert (session, "headedBy", "Elmer Soto") in found, sorted(found)


def test_a_counterpart_named_after_a_comma_co_chaired_the_session(rules):
    x = rules.extract(
        "Accra, Oct. 3, GNA - Ghana and Burkina Faso ended the 12th session of the Joint "
        "Commission in Accra.\n\nMr Samuel Ablakwa, Minister for Foreign Affairs, who "
        "co-chaired the session with his Burkinabe counterpart, Mr Karamoko Traore, said the "
        "commission reviewed projects."
    )
    found = facts(x)
    assert ("12th session of the Joint Commission", "headedBy", "Karamoko Traore") in found


def test_a_signed_participle_hung_on_the_noun_an_agreement_complements_tells_of_it(rules):
    x = rules.extract(
        "President Dana Vell of Latvia received Foreign Minister Oren Kallas of Estonia in Riga. "
        "They noted the importance of the Treaty on Good Neighbourliness signed in Tallinn "
        "last year."
    )
    assert {
        ("Latvia", "signed", "Treaty on Good Neighbourliness"),
        ("Estonia", "signed", "Treaty on Good Neighbourliness"),
    } <= facts(x)


def test_who_documents_were_signed_in_the_presence_of_took_part_in_their_signing(rules):
    x = rules.extract(
        "Chile and Peru signed a number of documents in Lima. The documents were signed in "
        "the presence of President of Chile Ana Ruiz and President of Peru Tomas Varga."
    )
    signing = next(e.label for e in x.entities if e.label.startswith("signing"))
    found = facts(x)
    assert {(signing, "participant", "Ana Ruiz"), (signing, "participant", "Tomas Varga")} <= found


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("agreement on transit trade", "It was"),
        ("two agreements on transit trade and fisheries", "They were"),
    ],
)
def test_it_or_they_that_was_signed_is_the_document_named_before(rules, first, then):
    x = rules.extract(
        f"Chile and Peru signed {'an ' * (then == 'It was')}{first} on Monday in Lima. {then} signed by the Chilean "
        "Minister of Trade Ana Ruiz and the Peruvian Minister of Commerce Elmer Soto."
    )
    assert {("Ana Ruiz", "signed", first), ("Elmer Soto", "signed", first)} <= facts(x)


def test_it_that_was_signed_is_no_documents_named_in_the_plural(rules):
    x = rules.extract(
        "Chile and Peru signed two agreements on transit trade and fisheries on Monday. It was "
        "signed by the Chilean Minister of Trade Ana Ruiz and the Peruvian Minister Elmer Soto."
    )
    assert not {f for f in facts(x) if f[1] == "signed" and f[0] == "Ana Ruiz"}


@pytest.mark.parametrize(
    "told",
    [
        "Signing for Nigeria were the Minister of Foreign Affairs, Yusuf Tanko, and the "
        "Minister of Aviation, Festus Okon, while Brazil's Foreign Minister Mauro Vieira "
        "signed for his country.",
        "Those who signed the agreements were the Minister of Foreign Affairs, Yusuf Tanko, "
        "the Minister of Aviation, Festus Okon, and Brazil's Foreign Minister Mauro Vieira.",
    ],
)
def test_signers_named_after_be_signed_the_agreement_told_of(rules, told):
    found = facts(
        rules.extract(
            "ABUJA, Aug 21 (NAN) - Nigeria and Brazil have signed five memoranda of "
            f"understanding to boost cooperation in agriculture and aviation. {told}"
        )
    )
    signed = {s for s, p, o in found if p == "signed" and o == "five memoranda of understanding"}
    assert {"Yusuf Tanko", "Festus Okon", "Mauro Vieira"} <= signed, found


def test_on_behalf_of_is_for_whom_not_part_of_the_agreement_s_name(rules):
    x = rules.extract(
        "DHAKA, Nov 3 (BSS) - A delegation of the Islamic Development Bank (IsDB) led by its "
        "Vice President Mansur Muhtar called on Finance Adviser Salehuddin Ahmed on Monday. "
        "Secretary Shahriar Kader Siddiky signed the agreements on behalf of Bangladesh, while "
        "Muhtar signed on behalf of the IsDB. The agreements will finance power projects."
    )
    found = facts(x)
    signed = {s for s, p, o in found if p == "signed" and o == "agreements"}
    assert {"Shahriar Kader Siddiky", "Bangladesh", "Mansur Muhtar"} <= signed, found
    assert "Islamic Development Bank" in signed, found
    assert ("Shahriar Kader Siddiky", "represents", "Bangladesh") in found
