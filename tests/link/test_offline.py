"""The offline linker: what it links, what it leaves alone, and how well on the gold set.

The cases use the bundled knowledge base; every QID below is taken from its TSV files.
"""

from __future__ import annotations

from datetime import date

import pytest

from kg.link import LinkRequest, OfflineLinker
from kg.types import Article
from tests.conftest import CORPUS, GOLD

KAZAKHSTAN, RUSSIA, USA, KYRGYZSTAN, CHINA, QATAR = "Q232", "Q159", "Q30", "Q813", "Q148", "Q846"
TURKMENISTAN, SRI_LANKA = "Q874", "Q854"


@pytest.fixture(scope="module")
def linker() -> OfflineLinker:
    return OfflineLinker()


def link(
    linker: OfflineLinker,
    label: str,
    type_: str,
    *,
    cls: str | None = None,
    aliases: tuple[str, ...] = (),
    countries: tuple[str, ...] = (),
    day: date | None = None,
    **more,
) -> str | None:
    """The QID the linker gives one entity of an article that names ``countries``."""
    request = LinkRequest("e0", label, type_, cls or type_, (label, *aliases), **more)
    named = [LinkRequest(f"c{i}", "", "Country", "Country", qid=q) for i, q in enumerate(countries)]
    return linker.link([request, *named], Article("a", "", date=day)).get("e0")


@pytest.mark.parametrize(
    ("label", "type_", "countries", "qid"),
    [
        ("Kazakhstan", "Country", (), KAZAKHSTAN),
        ("Republic of Kazakhstan", "Country", (), KAZAKHSTAN),
        ("Kazakh", "Country", (), KAZAKHSTAN),  # demonym
        ("Karaganda", "Place", (KAZAKHSTAN,), "Q484706"),  # the city, not the region
        ("Karagandy", "Place", (KAZAKHSTAN,), "Q484706"),
        ("Qaraghandy", "Place", (KAZAKHSTAN,), "Q484706"),
        ("Nur-Sultan", "Place", (), "Q1520"),  # Astana's former name
        ("NUR-SULTAN", "Place", (), "Q1520"),
        ("Nursultan", "Place", (), "Q1520"),
        ("Eurasian Economic Union", "Organization", (), "Q4173083"),
        ("SCO", "Organization", (), "Q485207"),  # the initials of its name
        ("East Africa Community", "Organization", (), "Q337456"),  # a letter short
        ("Russian Government", "Organization", (), "Q60645"),
        ("Government of Kazakhstan", "Organization", (), "Q21686038"),
        ("State Council", "Organization", (CHINA, KAZAKHSTAN), "Q59261"),
        ("Hong Kong", "Country", (), "Q8646"),  # a territory typed as a country
    ],
)
def test_links(linker, label, type_, countries, qid):
    assert link(linker, label, type_, countries=countries) == qid


@pytest.mark.parametrize(
    ("label", "type_", "cls", "countries", "qid"),
    [
        ("Irkutsk", "Place", "City", (RUSSIA,), "Q6576"),
        ("Irkutsk Region", "Place", "Region", (RUSSIA,), "Q6585"),
        ("Irkutsk Oblast", "Place", "Place", (RUSSIA,), "Q6585"),
        ("Irkutsk Region", "Organization", "Organization", (RUSSIA,), "Q6585"),
        ("Karaganda region", "Place", "Region", (KAZAKHSTAN,), "Q485429"),
        ("Qaraghandy region", "Place", "Region", (KAZAKHSTAN,), "Q485429"),
    ],
)
def test_regions_are_named_as_regions(linker, label, type_, cls, countries, qid):
    assert link(linker, label, type_, cls=cls, countries=countries) == qid


def test_country_context_and_popularity(linker):
    # "San Francisco" is also an alias of a town in El Salvador, 200 times smaller.
    assert link(linker, "San Francisco", "Place") == "Q62"
    # "Eastern Province" names regions of several countries: the article's decides.
    assert link(linker, "Eastern Province", "Place", countries=(SRI_LANKA,)) == "Q1046126"
    assert link(linker, "Eastern Province", "Place") is None


@pytest.mark.parametrize(
    ("label", "type_", "countries"),
    [
        ("Gulf Region", "Place", (QATAR,)),  # only Papua New Guinea's Gulf is in the base
        ("Central", "Place", ()),  # regions of several countries
        ("Cabinet of Ministers", "Organization", (KYRGYZSTAN, TURKMENISTAN)),  # whose?
        ("Government", "Organization", (KAZAKHSTAN, RUSSIA)),
        ("Eric", "Organization", ()),  # no acronym ERIC
        ("African Court of Justice", "Organization", ()),  # not the East African one
        ("Kazakhstan delegation", "Delegation", (KAZAKHSTAN,)),  # never linked
    ],
)
def test_unsure_means_unlinked(linker, label, type_, countries):
    assert link(linker, label, type_, countries=countries) is None


def test_a_government_by_the_country_it_belongs_to(linker):
    request = dict(countries=(KYRGYZSTAN, TURKMENISTAN))
    assert link(linker, "Cabinet of Ministers", "Organization", country=KYRGYZSTAN, **request) == (
        "Q24031608"
    )


def test_people_by_name_and_transliteration(linker):
    assert link(linker, "Askar Mamin", "Person") == "Q527063"
    assert link(linker, "Akylbek Zhaparov", "Person", country=KYRGYZSTAN) == "Q4060344"
    assert link(linker, "Alikhan Smailov", "Person") == "Q56825894"


def test_people_by_surname_need_title_and_country(linker):
    biden = dict(countries=(USA,), country=USA)
    assert link(linker, "Biden", "Person", titles=("President",), **biden) == "Q6279"
    assert link(linker, "Blinken", "Person", titles=("Secretary",), **biden) == "Q7821917"
    assert link(linker, "Biden", "Person", **biden) is None  # the country alone is not enough
    # The base's only Harris was Prime Minister of Saint Kitts and Nevis.
    assert link(linker, "Harris", "Person", titles=("Vice President",), **biden) is None


def test_the_office_held_on_the_articles_day(linker):
    turkmen = dict(countries=(TURKMENISTAN,), country=TURKMENISTAN, titles=("President",))
    assert link(linker, "Berdimuhamedov", "Person", day=date(2020, 5, 1), **turkmen) == "Q57530"
    assert link(linker, "Berdimuhamedov", "Person", day=date(2023, 5, 1), **turkmen) == (
        "Q51874548"
    )
    # Both were president in 2022 as far as the base knows (years only): unsure.
    assert link(linker, "Berdimuhamedov", "Person", day=date(2022, 5, 1), **turkmen) is None


def test_a_full_name_is_not_its_surname(linker):
    # Gotabaya Rajapaksa is in the base; Mahinda is not.
    sri_lanka = dict(countries=(SRI_LANKA,), country=SRI_LANKA, titles=("President",))
    name = ("Mahinda Rajapaksa", "Person")
    assert link(linker, *name, aliases=("Rajapaksa",), **sri_lanka) is None


def test_a_person_of_another_country_is_someone_else(linker):
    # Askar Mamin held offices in Kazakhstan only; an article that does not name it and says
    # this Askar Mamin represents Qatar speaks of someone else.
    assert link(linker, "Askar Mamin", "Person", country=QATAR, countries=(QATAR,)) is None
    assert link(linker, "Askar Mamin", "Person", country=QATAR, countries=(KAZAKHSTAN,)) == (
        "Q527063"
    )


def test_a_surname_is_no_place(linker):
    requests = [
        LinkRequest("p", "Juan Manuel Santos", "Person", "Person"),
        LinkRequest("s", "Santos", "Place", "City"),
    ]
    assert "s" not in linker.link(requests, Article("a", ""))


@pytest.mark.slow
def test_accuracy_and_coverage_on_the_gold_set(pipeline):
    """Issue 5's targets: of the gold entities with a QID that the extractor finds, at least
    95% linked right and 90% linked at all."""
    if not GOLD.is_dir() or not CORPUS.is_dir():
        pytest.skip("the shared evaluation set is not beside this checkout")
    from kg.articles import read_articles
    from kg.contract import to_json
    from kg.evaluate import load_gold, score

    gold = load_gold(GOLD)
    texts = [CORPUS / f"{g['article']}.txt" for g in gold]
    found = {x.article.id: to_json(x) for x in pipeline.extract_many(read_articles(texts))}
    links = score(gold, found).links
    assert links["correct"] / links["found"] >= 0.95
    assert links["linked"] / links["found"] >= 0.90


def test_a_country_named_like_a_surname_is_still_the_country(linker):
    # The extractor can take "Sputnik Georgia" for a person: Georgia stays linked.
    requests = [
        LinkRequest("p", "Sputnik Georgia", "Person", "Person"),
        LinkRequest("c", "Georgia", "Country", "Country", qid="Q230"),
    ]
    assert linker.link(requests, Article("a", "")) == {"c": "Q230"}


def test_a_surname_joins_the_linked_full_name_of_its_article(linker):
    requests = [
        LinkRequest("p", "Emmanuel Macron", "Person", "Person"),
        LinkRequest("s", "Macron", "Person", "Person"),
    ]
    assert linker.link(requests, Article("a", "")) == {"p": "Q3052772", "s": "Q3052772"}
    assert linker.link(requests[1:], Article("a", "")) == {}


def test_a_title_among_a_persons_names_is_no_name(linker):
    # Without the filter "King of Saudi Arabia" would find "Salman of Saudi Arabia" by the
    # end of his name.
    king = LinkRequest("k", "King of Saudi Arabia", "Person", "Person", titles=("King",))
    assert link(linker, "King of Saudi Arabia", "Person", countries=("Q851",)) is None
    assert "k" not in linker.link([king], Article("a", ""))
