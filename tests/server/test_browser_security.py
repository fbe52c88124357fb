"""Cross-site requests from a real browser: a page of another site (served on another host
name of this machine) fires every kind of request a web page can at `kg serve`, and none
runs a query; the same requests from the server's own pages do."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Callable
from urllib.parse import quote

import pytest

from tests.server.conftest import needs_browser

pytestmark = needs_browser

KGR = "https://w3id.org/kgdt/id/"
QUERY = quote("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
ENTITY = quote(KGR + "person/ann-alpha", safe="")

ATTACK = """<!doctype html><html><body>
<img src="{kg}/sparql?query={query}">
<img src="{kg}/entity?iri={entity}">
<iframe name="sink"></iframe>
<form id="f" action="{kg}/sparql" method="post" target="sink">
  <input name="query" value="SELECT * WHERE {{ ?s ?p ?o }} LIMIT 1"></form>
<a id="quiet" href="{kg}/sparql">the query page</a>
<a id="noisy" href="{kg}/entity?iri={entity}">an entity page</a>
<script>
  document.getElementById("f").submit();
  fetch("{kg}/sparql?query={query}&via=no-cors", {{mode: "no-cors"}}).catch(() => {{}});
  fetch("{kg}/sparql?query={query}&via=cors").catch(() => {{}});
</script>
</body></html>"""


@pytest.fixture
def other_site(kg_server):
    """A page on http://localhost:PORT: another site than http://127.0.0.1:PORT."""
    page = ATTACK.format(kg=kg_server, query=QUERY, entity=ENTITY).encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://localhost:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def _answers(context, page, kg_server: str) -> Callable[[], dict[str, int]]:
    """The status of every answer of the server to the page so far, read from the browser's
    own network log (it sees answers the page may not read: opaque, blocked ones). A
    request's status may be logged before its URL, so both are kept by request id."""
    statuses: dict[str, int] = {}
    urls: dict[str, str] = {}
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.on(
        "Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"])
    )
    cdp.on(
        "Network.responseReceivedExtraInfo",
        lambda e: statuses.__setitem__(e["requestId"], e["statusCode"]),
    )

    def answers() -> dict[str, int]:
        found = {urls.get(key, ""): status for key, status in statuses.items()}
        return {url: status for url, status in found.items() if url.startswith(kg_server)}

    return answers


def test_another_site_runs_no_query(browser, kg_server, other_site):
    context = browser.new_context()
    page = context.new_page()
    answers = _answers(context, page, kg_server)
    page.goto(other_site)
    kinds = {"via=no-cors", "via=cors", "/entity?", "/sparql?query=SELECT"}
    for _ in range(60):  # until every kind of request is answered (the form too), or 30 s
        fired = {url: status for url, status in answers().items() if "/static/" not in url}
        if kg_server + "/sparql" in fired and all(any(k in u for u in fired) for k in kinds):
            break
        page.wait_for_timeout(500)
    assert all(any(k in url for url in fired) for k in kinds), fired
    assert any(url == kg_server + "/sparql" for url in fired), fired  # the form
    assert set(fired.values()) == {403}, fired
    page.click("#quiet")  # a link to a page that runs no query is followed
    page.wait_for_load_state()
    assert page.url == kg_server + "/sparql" and page.locator("textarea").count() == 1
    page.goto(other_site)
    page.click("#noisy")  # one that would run a query asks the user to follow it from here
    page.wait_for_load_state()
    assert "Open it from this site" in page.inner_text("main")
    page.click("main a[href^='/entity']")
    page.wait_for_load_state()
    assert page.inner_text("main h1") == "Ann Alpha"
    context.close()


def test_the_servers_own_pages_still_query(browser, kg_server):
    context = browser.new_context()
    page = context.new_page()
    answers = _answers(context, page, kg_server)
    page.goto(f"{kg_server}/sparql?name=who-met-whom")
    assert "Cy Gamma" in page.inner_text("main")
    status = page.evaluate(f"fetch('/sparql?query={QUERY}').then(r => r.status)")
    assert status == 200
    assert set(answers().values()) == {200}
    context.close()
