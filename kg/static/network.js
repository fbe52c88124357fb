// The kg network page: draws the view in the "kg-data" JSON block with vis-network.
// Every string of the view comes from article text: it reaches the page as text
// (textContent, and vis-network shows string titles as text), never as HTML, and only
// http(s) URLs become links.
"use strict";
(() => {
  const DATA = JSON.parse(document.getElementById("kg-data").textContent);
  const byId = (id) => document.getElementById(id);
  const make = (tag, text, props) => {
    const el = document.createElement(tag);
    if (text !== undefined && text !== null) el.textContent = text;
    return Object.assign(el, props || {});
  };
  const web = (url) => (typeof url === "string" && /^https?:\/\//i.test(url) ? url : null);
  const link = (href, text, outside) =>
    make("a", text, outside ? { href, rel: "noopener noreferrer", target: "_blank" } : { href });
  const page = (kind, iri) => (DATA.links[kind] ? DATA.links[kind] + encodeURIComponent(iri) : null);

  byId("kg-heading").textContent = DATA.heading;
  byId("kg-note").textContent = DATA.note;
  const nodes = new vis.DataSet(DATA.nodes);
  const edges = new vis.DataSet(DATA.edges);

  // The legend: one checkbox per type shows or hides its nodes.
  for (const [type, color] of Object.entries(DATA.legend)) {
    const box = make("input", null, { type: "checkbox", checked: true });
    box.addEventListener("change", () =>
      nodes.update(
        nodes.get({ filter: (n) => n.type === type }).map((n) => ({ id: n.id, hidden: !box.checked })),
      ),
    );
    const dot = make("i");
    dot.style.background = color;
    const item = make("label");
    item.append(box, dot, document.createTextNode(type));
    byId("kg-legend").append(item);
  }

  const network = new vis.Network(byId("kg-graph"), { nodes, edges }, DATA.options);
  const ready = () => {
    network.setOptions({ physics: false });
    document.body.dataset.ready = "true";
  };
  if (DATA.options.physics && DATA.options.physics.enabled === false) ready();
  else network.once("stabilizationIterationsDone", ready);

  function facts(box, list) {
    for (const fact of list) {
      const head = [fact.date || "undated", fact.places.join(", "), fact.event, fact.detail];
      box.append(make("p", head.filter(Boolean).join(" · "), { className: "fact" }));
      for (const sentence of fact.evidence) box.append(make("blockquote", sentence));
      const source = make("p", "source: ", { className: "source" });
      const url = web(fact.url);
      const name = fact.title || decodeURIComponent(fact.article.split("/").pop());
      source.append(url ? link(url, name, true) : document.createTextNode(name));
      const local = page("article", fact.article);
      if (local) source.append(" · ", link(local, "article page"));
      box.append(source);
    }
  }

  // An edge that sums its facts up links to a page of them instead.
  function more(box, edge) {
    if (typeof edge.page === "string" && /^\/entity\?/.test(edge.page)) {
      const line = make("p", null, { className: "source" });
      line.append(link(edge.page, "their meetings"));
      box.append(line);
    }
  }

  function show(title, build) {
    const box = byId("kg-details");
    box.replaceChildren(make("h2", title));
    build(box);
  }

  function showNode(id) {
    const node = nodes.get(id);
    show(node.full, (box) => {
      const kind = node.cls !== node.type ? `${node.type} (${node.cls})` : node.type;
      const countries = node.countries.length ? ` · ${node.countries.join(", ")}` : "";
      box.append(make("p", kind + countries, { className: "kind" }));
      const links = make("p");
      if (/^Q\d+$/.test(node.wikidata || "")) {
        links.append(link(`https://www.wikidata.org/wiki/${node.wikidata}`, `Wikidata ${node.wikidata}`, true));
      }
      const local = page("entity", node.id);
      if (local) links.append(links.childNodes.length ? " · " : "", link(local, "entity page"));
      if (links.childNodes.length) box.append(links);
      for (const edgeId of network.getConnectedEdges(id)) {
        const edge = edges.get(edgeId);
        box.append(make("h3", edge.caption));
        facts(box, edge.facts);
        more(box, edge);
      }
    });
  }

  function showEdge(id) {
    const edge = edges.get(id);
    show(edge.caption, (box) => {
      facts(box, edge.facts);
      more(box, edge);
    });
  }

  network.on("click", (params) => {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
  });

  // The find box: pick a name to select and show its node.
  const names = byId("kg-names");
  for (const node of DATA.nodes) names.append(make("option", null, { value: node.full }));
  byId("kg-find").addEventListener("change", (event) => {
    const hit = DATA.nodes.find((n) => n.full === event.target.value);
    if (!hit) return;
    network.selectNodes([hit.id]);
    network.focus(hit.id, { scale: 1.2 });
    showNode(hit.id);
  });

  window.kgNetwork = network;
})();
