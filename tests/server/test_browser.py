"""The network pages in a real browser (Debian's Chromium driven by Playwright): drawn with
the expected nodes, a click shows the evidence, article text carrying script payloads is
shown as text and never run, nothing is fetched from the internet, no console errors."""

from __future__ import annotations

import pytest

from kg.store import open_store
from kg.views import View
from kg.viz import write_html
from tests.conftest import HOSTILE_NAMES, HOSTILE_SENTENCE
from tests.server.conftest import needs_browser

pytestmark = needs_browser

CLICK = """(label) => {
  const net = window.kgNetwork;
  const node = net.body.data.nodes.get({ filter: (n) => n.full === label })[0];
  const at = net.canvasToDOM(net.getPositions([node.id])[node.id]);
  const box = document.getElementById("kg-graph").getBoundingClientRect();
  return { x: box.left + at.x, y: box.top + at.y };
}"""


def _drawn(page) -> int:
    page.wait_for_selector("body[data-ready=true]", timeout=30_000)
    return page.evaluate("window.kgNetwork.body.nodeIndices.length")


def _click(page, label: str) -> str:
    point = page.evaluate(CLICK, label)
    page.mouse.click(point["x"], point["y"])
    page.wait_for_selector("#kg-details h2")
    return page.inner_text("#kg-details")


def _nothing_ran(page) -> None:
    assert page.evaluate("typeof window.kgInjected") == "undefined"
    assert page.evaluate("document.querySelectorAll('img, svg, iframe').length") == 0
    assert page.evaluate("document.querySelectorAll('script:not([src])').length") <= 3
    assert page.evaluate("document.querySelectorAll('a[href^=\"javascript\"]').length") == 0
    assert page.problems == []


@pytest.fixture(scope="module")
def people(explore_store):
    store = open_store(explore_store, read_only=True)
    try:
        return View().graph(store)
    finally:
        store.close()


def test_standalone_page_draws_the_view_and_shows_evidence_as_text(page, people, tmp_path):
    path = write_html(people, tmp_path / "people.html", "kg: who met whom")
    page.goto(path.as_uri())
    assert _drawn(page) == people.number_of_nodes()
    details = _click(page, HOSTILE_NAMES[0])
    assert details.splitlines()[0] == HOSTILE_NAMES[0]  # the name reads as written
    assert HOSTILE_SENTENCE in details
    details = _click(page, "Askar Mamin")
    assert "Roman Golovchenko in Minsk on Friday <script>window.kgInjected='s1'" in details
    assert "<img src=x onerror=\"window.kgInjected='title'" in details  # the article's title
    page.mouse.move(5, 5)
    _nothing_ran(page)


def test_legend_hides_and_shows_a_type(page, people, tmp_path):
    path = write_html(people, tmp_path / "people.html")
    page.goto(path.as_uri())
    _drawn(page)
    page.click("#kg-legend label:has-text('Person') input")
    assert (
        page.evaluate("window.kgNetwork.body.data.nodes.get({filter: (n) => !n.hidden}).length")
        == 0
    )
    page.click("#kg-legend label:has-text('Person') input")
    assert (
        page.evaluate("window.kgNetwork.body.data.nodes.get({filter: (n) => n.hidden}).length") == 0
    )
    _nothing_ran(page)


def test_served_home_page_links_nodes_to_their_entity_pages(page, people, kg_server):
    page.goto(kg_server + "/")
    assert _drawn(page) == people.number_of_nodes()  # the same people, from the pairs' summary
    details = _click(page, HOSTILE_NAMES[1])
    assert HOSTILE_NAMES[0] in details and "1 report of a meeting, 2024-03-02" in details
    _nothing_ran(page)
    page.click("#kg-details a:has-text('their meetings')")  # the pair's meetings, with evidence
    page.wait_for_selector("main.page h2#with")
    pair = page.inner_text("main.page h1") + page.inner_text("main.page h2#with")
    assert all(name in pair for name in HOSTILE_NAMES)
    assert HOSTILE_SENTENCE in page.inner_text("main.page ol.events")
    _nothing_ran(page)
    page.go_back()
    _drawn(page)
    _click(page, HOSTILE_NAMES[1])
    page.click("#kg-details a:has-text('entity page')")
    page.wait_for_selector("main.page h1")
    assert page.inner_text("main.page h1") == HOSTILE_NAMES[1]
    assert HOSTILE_SENTENCE in page.inner_text("main.page")
    _nothing_ran(page)
    page.fill("nav input[name=q]", "gamma")
    page.click("nav button")
    page.click("main.page a:has-text('Cy Gamma')")
    assert "Cy Gamma met Dee Delta." in page.inner_text("main.page")
    _nothing_ran(page)


def test_served_ego_view(page, kg_server):
    page.goto(kg_server + "/?focus=Dee+Delta&depth=1&view=who-met-whom")
    assert _drawn(page) == 2
    assert "Dee Delta" in page.inner_text("#kg-heading")
    _nothing_ran(page)
