"""``kg serve``: a local web app over the store, with a SPARQL 1.1 Protocol endpoint.

- ``app``: ``create_app`` (routes, error pages, lifespan) and ``serve``;
- ``pages``: the HTML pages (network, search, entity, article, queries) and static files;
- ``sparql``: the SPARQL 1.1 Protocol at ``/sparql``;
- ``security``: hosts, body limit, token, security headers;
- ``settings``: the store, address and limits a server runs with.
"""

from kg.server.app import create_app, serve
from kg.server.settings import Settings

__all__ = ["Settings", "create_app", "serve"]
