// The network page: entities as nodes sized by their claims, claims as edges weighted by how
// many make them and labelled with every event type they carry ("AGREE ×1 · ASSIST ×2").
// Unlinked entities are hidden unless asked for; names that are not actors (pronoun phrases,
// month names, lowercase generic nouns) are left out and counted. Clicking a node selects it,
// fades everything but its neighbours and fills the side panel (profile link there).
// Cytoscape draws labels on a canvas (no HTML); panel text is set with textContent.
(function () {
  "use strict";
  var el = document.getElementById("graph");
  var status = document.getElementById("graph-status");
  var list = document.getElementById("graph-nodes");
  var detail = document.getElementById("graph-selected");
  var isolatesBox = document.getElementById("graph-isolates");
  if (!el || !window.cytoscape) return;
  var colors = { PERSON: "#c64600", ORG: "#1a5fb4", GPE: "#26a269", NORP: "#9141ac", PLACE: "#5e5c64" };
  var MONTHS = /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;
  // pronouns and quantifiers that open a phrase, not a name ("The Hague", "All India Radio" stay)
  var DETERMINERS = /^(he|she|it|they|we|you|i|him|her|his|hers|its|their|theirs|our|ours|my|your|this|that|these|those|other|others|another|some|many|several|both)\b/i;

  // A name that is not an actor: "her friends", "May", "other countries", "officials".
  function noise(n) {
    if (n.type === "PLACE") return false;
    var name = String(n.name || "").trim();
    if (!name || MONTHS.test(name) || DETERMINERS.test(name)) return true;
    return !/\p{Lu}|\p{N}/u.test(name);  // no capital or digit anywhere: a generic noun
  }

  var names = {};
  function profile(id) {
    return id.indexOf("place:") === 0 ? "/claims?place=" + encodeURIComponent(names[id] || "")
      : "/entities/" + encodeURIComponent(id);
  }

  function node(tag, text, cls) {
    var n = document.createElement(tag);
    if (text !== undefined && text !== null) n.textContent = String(text);
    if (cls) n.className = cls;
    return n;
  }

  function eventsText(events) {
    return Object.keys(events).sort(function (a, b) { return events[b] - events[a] || a.localeCompare(b); })
      .map(function (k) { return k + " ×" + events[k]; }).join(" · ");
  }

  function emptyText() {
    var q = new URLSearchParams(el.dataset.api.split("?")[1] || "");
    q.delete("limit");
    var given = [];
    q.forEach(function (v, k) { given.push(k + " “" + v + "”"); });
    return given.length
      ? "No claims match " + given.join(", ") + ". Check the spelling (an entity is found by its name or an alias) or clear a filter."
      : "No claims are stored yet, so there is no network to draw.";
  }

  fetch(el.dataset.api, { credentials: "same-origin" })
    .then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    })
    .then(function (data) {
      if (!data.nodes.length) {  // say so instead of drawing an empty box
        el.hidden = true;
        status.textContent = emptyText();
        el.dataset.ready = "1";
        return;
      }
      var dropped = data.nodes.filter(noise);
      var droppedIds = {};
      dropped.forEach(function (n) { droppedIds[n.id] = true; });
      var nodes = data.nodes.filter(function (n) { return !droppedIds[n.id]; });
      var edges = data.edges.filter(function (e) { return !droppedIds[e.source] && !droppedIds[e.target]; });
      var degree = {};
      edges.forEach(function (e) { degree[e.source] = (degree[e.source] || 0) + 1; degree[e.target] = (degree[e.target] || 0) + 1; });
      var isolated = nodes.filter(function (n) { return !degree[n.id]; });
      var maxClaims = Math.max.apply(null, [1].concat(nodes.map(function (n) { return n.claims; })));
      var maxWeight = Math.max.apply(null, [1].concat(edges.map(function (e) { return e.weight; })));
      nodes.forEach(function (n) { names[n.id] = n.name; });
      var elements = nodes.map(function (n) {
        return { data: { id: n.id, label: n.name, type: n.type, claims: n.claims,
          size: 18 + 42 * Math.sqrt(n.claims / maxClaims), color: colors[n.type] || "#77767b" },
          classes: degree[n.id] ? "" : "isolate" };
      }).concat(edges.map(function (e, i) {
        return { data: { id: "e" + i, source: e.source, target: e.target, weight: e.weight,
          events: e.events, label: eventsText(e.events), width: 1 + 7 * e.weight / maxWeight } };
      }));
      var cy = cytoscape({
        container: el,
        elements: elements,
        minZoom: 0.2, maxZoom: 3,
        style: [
          { selector: "node", style: { "background-color": "data(color)", label: "data(label)",
            width: "data(size)", height: "data(size)", "font-size": 11, "text-valign": "bottom",
            "text-margin-y": 3, "text-wrap": "ellipsis", "text-max-width": "140px",
            "text-background-color": "#fff", "text-background-opacity": 0.8, "text-background-padding": 1 } },
          { selector: "edge", style: { width: "data(width)", "curve-style": "bezier",
            "target-arrow-shape": "triangle", "line-color": "#9aa3b2", "target-arrow-color": "#9aa3b2",
            label: "data(label)", "font-size": 9, color: "#3d4452", "text-rotation": "autorotate",
            "text-wrap": "wrap", "text-max-width": "180px",
            "text-background-color": "#fff", "text-background-opacity": 0.85, "text-background-padding": 1 } },
          { selector: ".isolate", style: { display: "none" } },
          { selector: ".isolate.shown", style: { display: "element" } },
          { selector: ".faded", style: { opacity: 0.15 } },
          { selector: "node:selected", style: { "border-width": 4, "border-color": "#ffd54a" } },
          { selector: "edge.near", style: { "line-color": "#1a5fb4", "target-arrow-color": "#1a5fb4" } }
        ]
      });

      function layout() {
        // force-directed over what is shown; components laid apart (cose packs them)
        var shown = cy.elements(":visible");
        shown.layout(shown.nodes().length > 200
          ? { name: "concentric", animate: false, minNodeSpacing: 12,
              concentric: function (n) { return n.data("claims"); }, levelWidth: function () { return 2; } }
          : { name: "cose", animate: false, randomize: false, nodeRepulsion: 12000, idealEdgeLength: 110,
              componentSpacing: 140, nodeOverlap: 20, padding: 30 }).run();
        cy.fit(shown, 30);
      }
      layout();

      function select(id) {
        var n = cy.getElementById(id);
        if (!n.length) return;
        if (n.hasClass("isolate") && !n.hasClass("shown")) n.addClass("shown");
        cy.elements().unselect();
        n.select();
        var hood = n.closedNeighborhood();
        cy.elements().addClass("faded");
        hood.removeClass("faded");
        cy.edges().removeClass("near");
        n.connectedEdges().addClass("near");
        detail.textContent = "";
        detail.hidden = false;
        detail.appendChild(node("h3", n.data("label")));
        detail.appendChild(node("p", n.data("type") + " · " + n.data("claims") + " claim" + (n.data("claims") === 1 ? "" : "s"), "meta"));
        var links = n.connectedEdges();
        if (links.length) {
          var ul = node("ul", null, "links");
          links.forEach(function (e) {
            var out = e.source().id() === id;
            var other = out ? e.target() : e.source();
            var li = node("li");
            li.appendChild(node("span", out ? "→ " : "← "));
            var b = node("button", other.data("label"), "link");
            b.type = "button";
            b.addEventListener("click", function () { select(other.id()); });
            li.appendChild(b);
            li.appendChild(node("small", " " + eventsText(e.data("events"))));
            ul.appendChild(li);
          });
          detail.appendChild(ul);
        } else {
          detail.appendChild(node("p", "No links to the other entities shown."));
        }
        var a = node("a", n.id().indexOf("place:") === 0 ? "Claims placed here" : "Open the profile of " + n.data("label"));
        a.href = profile(n.id());
        a.id = "graph-profile";
        detail.appendChild(a);
        var clear = node("button", "Clear the selection", "link");
        clear.type = "button";
        clear.addEventListener("click", unselect);
        detail.appendChild(node("br"));
        detail.appendChild(clear);
        list.querySelectorAll("[aria-current]").forEach(function (x) { x.removeAttribute("aria-current"); });
        var item = list.querySelector('[data-id="' + CSS.escape(id) + '"]');
        if (item) item.setAttribute("aria-current", "true");
        el.dataset.selected = id;
      }

      function unselect() {
        cy.elements().unselect().removeClass("faded near");
        detail.hidden = true;
        delete el.dataset.selected;
        list.querySelectorAll("[aria-current]").forEach(function (x) { x.removeAttribute("aria-current"); });
      }

      cy.on("tap", "node", function (ev) { select(ev.target.id()); });
      cy.on("tap", function (ev) { if (ev.target === cy) unselect(); });

      nodes.forEach(function (n) {
        var li = node("li");
        var a = node("a", n.name);
        a.href = profile(n.id);
        a.dataset.id = n.id;
        li.appendChild(a);
        li.appendChild(node("small", " " + n.type + " · " + n.claims + " claim" + (n.claims === 1 ? "" : "s") +
          (degree[n.id] ? "" : " · unlinked") + " "));
        var b = node("button", "show", "link");
        b.type = "button";
        b.setAttribute("aria-label", "Show " + n.name + " in the network");
        b.addEventListener("click", function () { select(n.id); });
        li.appendChild(b);
        list.appendChild(li);
      });

      function describe() {
        var showing = isolatesBox && isolatesBox.checked;
        status.textContent = (nodes.length - (showing ? 0 : isolated.length)) + " of " + data.nodes_total +
          " entities and " + edges.length + " of " + data.edges_total + " links shown" +
          (isolated.length ? "; " + isolated.length + " unlinked entit" + (isolated.length === 1 ? "y" : "ies") +
            (showing ? " shown" : " hidden") : "") +
          (dropped.length ? "; " + dropped.length + " name" + (dropped.length === 1 ? "" : "s") +
            " that are not actors left out (" + dropped.slice(0, 5).map(function (n) { return n.name; }).join(", ") +
            (dropped.length > 5 ? ", …" : "") + ")" : "") + ".";
      }
      if (isolatesBox) {
        isolatesBox.disabled = !isolated.length;
        isolatesBox.addEventListener("change", function () {
          cy.nodes(".isolate").toggleClass("shown", isolatesBox.checked);
          layout();
          describe();
        });
      }
      describe();
      el.dataset.nodes = String(cy.nodes(":visible").length);
      el.dataset.ready = "1";
      window.claimgraphGraph = cy;
      window.claimgraphGraphSelect = select;
    })
    .catch(function (err) {
      status.textContent = "Could not load the network (" + err.message + ").";
    });
})();
