"""kg serve's pages in a real browser (Debian's Chromium driven by Playwright), at a
desktop's 1440 and a phone's 390 pixels: what a person sees, with a screenshot of each page
kept in ``test-artifacts/screenshots/`` (or ``$KG_TEST_ARTIFACTS/screenshots``)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

from tests.conftest import ROOT
from tests.server.conftest import needs_browser

pytestmark = needs_browser

KGR = "https://w3id.org/kgdt/id/"
SHOTS = Path(os.environ.get("KG_TEST_ARTIFACTS", ROOT / "test-artifacts")) / "screenshots"
WIDTHS = (1440, 390)
PAGES = {
    "network": "/",
    "network-filtered": "/?view=countries&since=2024",
    "search": "/search?q=zhumangarin",
    "person": "/entity?iri=" + quote(KGR + "person/kassym-jomart-tokayev"),
    "country": "/entity?iri=" + quote(KGR + "country/kazakhstan"),
    "pair": "/entity?iri="
    + quote(KGR + "person/bob-beta")
    + "&with="
    + quote(KGR + "person/cy-gamma"),
    "event": "/entity?iri=",  # the talks of Ann Alpha and Bob Beta, whose IRI is found
    "article": "/article?iri=" + quote(KGR + "article/kz-uz-commission"),
    "timeline": "/timeline",
    "query": "/sparql?name=meetings",
    "error": "/entity?iri=" + quote(KGR + "person/nobody"),
}
TALKS = (
    "SELECT ?e WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> "
    '"talks of Ann Alpha and Bob Beta" }'
)
# Each word of the page's text (split at spaces, hyphens and slashes) whose boxes lie on more
# than one line: a word broken inside ("parti cipan t", "202 4-09- 17"). Only a run of text
# without spaces that is wider than its box may break; code (IRIs) and the query editor may
# break anywhere.
BROKEN_WORDS = """() => {
  const broken = [];
  const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const parent = node.parentElement;
    if (parent.closest("code, pre, .cm-editor, textarea, script") || !parent.offsetParent) continue;
    let box = parent;
    while (getComputedStyle(box).display.startsWith("inline")) box = box.parentElement;
    const rects = (start, end) => {
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, end);
      return [...range.getClientRects()].filter((r) => r.width > 0);
    };
    for (const token of node.textContent.matchAll(/\\S+/g)) {
      const width = rects(token.index, token.index + token[0].length).reduce((w, r) => w + r.width, 0);
      if (width >= box.clientWidth) continue;  // wider than its box: it must break somewhere
      for (const word of token[0].matchAll(/[^\\-\\/]+/g)) {
        const start = token.index + word.index;
        const lines = new Set(rects(start, start + word[0].length).map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(word[0]);
      }
    }
  }
  return broken;
}"""


def _open(page, url: str, width: int, name: str):
    page.set_viewport_size({"width": width, "height": 900})
    response = page.goto(url)
    if name.startswith("network"):
        page.wait_for_selector("body[data-ready=true]", timeout=30_000)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-{width}.png"))
    return response


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(PAGES))
def test_each_page_reads_at_both_widths_and_stays_on_the_machine(page, kg_server, name, width):
    path = PAGES[name]
    if name == "event":
        found = httpx.get(
            kg_server + "/sparql",
            params={"query": TALKS},
            headers={"Accept": "text/csv"},
            timeout=30,
        )
        path += quote(found.text.splitlines()[1].strip())
    response = _open(page, kg_server + path, width, name)
    assert response.status == (404 if name == "error" else 200)
    assert page.evaluate(BROKEN_WORDS) == []
    # Nothing wider than the screen but what scrolls in its own box (tables, the timeline).
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    search = page.locator("nav.top input[type=search]").bounding_box()
    assert search["x"] >= 0 and search["x"] + search["width"] <= width
    assert page.problems == [] or (name == "error" and all("404" in p for p in page.problems))


@pytest.mark.parametrize("width", WIDTHS)
def test_the_network_is_visible_on_a_phone_and_a_desktop(page, kg_server, width):
    _open(page, kg_server + "/", width, "network")
    box = page.locator("#kg-graph canvas").bounding_box()
    assert box["width"] >= width * 0.6 and box["height"] >= 300
    assert page.evaluate("window.kgNetwork.body.nodeIndices.length") > 5
    assert page.problems == []


def test_the_article_shows_its_text_with_entities_marked(page, kg_server):
    _open(page, kg_server + PAGES["article"], 1440, "article")
    text = page.inner_text(".article-text")
    assert "the press service of the Government of" in text
    marks = page.eval_on_selector_all(
        ".article-text a.mark", "els => els.map(e => [e.dataset.type, e.textContent])"
    )
    assert ["Person", "Serik Zhumangarin"] in marks and ["Place", "Shymkent"] in marks
    assert {t for t, _ in marks} >= {"Person", "Country", "Place", "Delegation", "Event"}
    # A fact's link shows its sentence, outlined.
    page.click(".article-facts a.to-sentence >> nth=0")
    target = page.evaluate("location.hash")
    assert (
        page.evaluate(f"getComputedStyle(document.querySelector('{target}')).outlineStyle")
        == "solid"
    )
    assert page.problems == []


def test_the_query_page_runs_a_named_query_and_the_editor(page, kg_server):
    _open(page, kg_server + "/sparql", 1440, "query-empty")
    assert page.locator(".cm-editor").is_visible()  # the vendored editor, served locally
    page.click("dl.examples a:text-is('who-met-whom')")
    page.wait_for_selector("table.results")
    page.wait_for_load_state("load")  # its stylesheet too, on a loaded machine
    headers = page.eval_on_selector_all("table.results th", "els => els.map(e => e.textContent)")
    assert headers[:2] == ["person", "other"]
    assert page.locator("table.results tbody tr").count() >= 5
    assert page.locator("table.results a[href^='/entity?iri=']").count() >= 10
    # The results take the page's width, not a column of text's.
    assert page.evaluate("document.querySelector('table.results').offsetWidth") > 1300
    # Typing a query and Ctrl-Enter runs it.
    page.evaluate(
        "q => kgEditor.dispatch({changes: {from: 0, to: kgEditor.state.doc.length, insert: q}})",
        "SELECT ?n WHERE { VALUES ?n { 1 22 333 } }",
    )
    page.locator(".cm-content").press("Control+Enter")
    page.wait_for_url(re.compile(r"/sparql\?query="))
    cells = page.eval_on_selector_all("table.results td", "els => els.map(e => e.textContent)")
    assert cells == ["1", "22", "333"]
    assert page.locator("table.results td.num").count() == 3
    aligned = "[...document.querySelectorAll('td.num')].map(e => getComputedStyle(e).textAlign)"
    assert set(page.evaluate(aligned)) == {"right"}  # numbers aligned on their last digit
    assert page.problems == []


def test_the_timeline_shows_events_in_date_order_on_an_axis(page, kg_server):
    _open(page, kg_server + "/timeline", 1440, "timeline")
    items = page.eval_on_selector_all(
        ".timeline .item", "els => els.map(e => [e.dataset.date, e.getBoundingClientRect().left])"
    )
    assert len(items) >= 10
    assert [d for d, _ in items] == sorted(d for d, _ in items)
    assert [x for _, x in items] == sorted(x for _, x in items)
    assert items[-1][1] - items[0][1] > 500  # spread along the axis, not a list
    page.fill("form.filters input[name=person]", "Kassym-Jomart Tokayev")
    page.click("form.filters button")
    labels = page.eval_on_selector_all(
        ".timeline .item .event-link", "els => els.map(e => e.textContent)"
    )
    assert labels and all("Tokayev" in x or "signing" in x or "talks" in x for x in labels)
    page.click(".timeline .item .event-link >> nth=0")
    page.wait_for_selector("h2:text('Participants by side')")
    assert page.problems == []
