// The network page: entities as nodes sized by their claims, claims as edges weighted by how
// many make them and labelled by the commonest event type. Cytoscape draws labels on a canvas
// (no HTML); the side list is built with textContent. Click a node for its profile.
(function () {
  "use strict";
  var el = document.getElementById("graph");
  var status = document.getElementById("graph-status");
  var list = document.getElementById("graph-nodes");
  if (!el || !window.cytoscape) return;
  var colors = { PERSON: "#c64600", ORG: "#1a5fb4", GPE: "#26a269", NORP: "#9141ac", PLACE: "#5e5c64" };

  // Entities open their profile; places that are not entities list the claims placed there.
  var names = {};
  function profile(id) {
    return id.indexOf("place:") === 0 ? "/claims?place=" + encodeURIComponent(names[id] || "")
      : "/entities/" + encodeURIComponent(id);
  }

  // What an empty answer means, naming the filters that were given.
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
      var maxClaims = Math.max.apply(null, [1].concat(data.nodes.map(function (n) { return n.claims; })));
      var maxWeight = Math.max.apply(null, [1].concat(data.edges.map(function (e) { return e.weight; })));
      data.nodes.forEach(function (n) { names[n.id] = n.name; });
      var elements = data.nodes.map(function (n) {
        return { data: { id: n.id, label: n.name, type: n.type, claims: n.claims,
          size: 18 + 42 * Math.sqrt(n.claims / maxClaims), color: colors[n.type] || "#77767b" } };
      }).concat(data.edges.map(function (e, i) {
        var top = Object.keys(e.events).sort(function (a, b) { return e.events[b] - e.events[a] || a.localeCompare(b); })[0];
        return { data: { id: "e" + i, source: e.source, target: e.target, weight: e.weight,
          label: top + (e.weight > 1 ? " ×" + e.weight : ""), width: 1 + 7 * e.weight / maxWeight } };
      }));
      var cy = cytoscape({
        container: el,
        elements: elements,
        // force-directed while it stays fast; rings by claim count for big selections
        layout: data.nodes.length > 200
          ? { name: "concentric", animate: false, minNodeSpacing: 12,
              concentric: function (n) { return n.data("claims"); }, levelWidth: function () { return 2; } }
          : { name: "cose", animate: false, randomize: false, nodeRepulsion: 9000 },
        style: [
          { selector: "node", style: { "background-color": "data(color)", label: "data(label)",
            width: "data(size)", height: "data(size)", "font-size": 11, "text-valign": "bottom",
            "text-margin-y": 3, "text-wrap": "ellipsis", "text-max-width": "140px" } },
          { selector: "edge", style: { width: "data(width)", "curve-style": "bezier",
            "target-arrow-shape": "triangle", "line-color": "#9aa3b2", "target-arrow-color": "#9aa3b2",
            label: "data(label)", "font-size": 9, color: "#5b6475", "text-rotation": "autorotate" } },
          { selector: "node:selected", style: { "border-width": 3, "border-color": "#ffd54a" } }
        ]
      });
      cy.on("tap", "node", function (ev) { window.location.href = profile(ev.target.id()); });
      data.nodes.forEach(function (n) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = profile(n.id);
        a.textContent = n.name;
        li.appendChild(a);
        var s = document.createElement("small");
        s.textContent = " " + n.type + " · " + n.claims + " claim" + (n.claims === 1 ? "" : "s");
        li.appendChild(s);
        list.appendChild(li);
      });
      status.textContent = data.nodes.length + " of " + data.nodes_total + " entities and " +
        data.edges.length + " of " + data.edges_total + " links shown.";
      el.dataset.nodes = String(data.nodes.length);
      el.dataset.ready = "1";
      window.claimgraphGraph = cy;
    })
    .catch(function (err) {
      status.textContent = "Could not load the network (" + err.message + ").";
    });
})();
