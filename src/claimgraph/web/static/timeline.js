// The timeline page: claims as bars over the interval their date names (a month-level date is
// a month wide), grouped by event type, with clusters on the top row. Labels are DOM text
// nodes (vis-timeline would otherwise treat strings as HTML).
(function () {
  "use strict";
  var el = document.getElementById("timeline");
  var status = document.getElementById("timeline-status");
  var detail = document.getElementById("timeline-detail");
  if (!el || !window.vis) return;

  function node(tag, text, cls) {
    var n = document.createElement(tag);
    if (text !== undefined && text !== null) n.textContent = String(text);
    if (cls) n.className = cls;
    return n;
  }

  function esc(s) {  // vis-timeline reads `title` as HTML
    return String(s).replace(/[&<>"']/g, function (ch) { return "&#" + ch.charCodeAt(0) + ";"; });
  }

  function label(text, gran) {
    var span = node("span", text);
    span.appendChild(node("small", " · " + gran, "gran"));
    return span;
  }

  function show(item) {
    detail.textContent = "";
    detail.hidden = false;
    detail.appendChild(node("h3", item.kind === "cluster" ? "Cluster of " + item.data.n_claims + " claims" : item.data.event));
    var dl = node("dl");
    function row(k, v) { dl.appendChild(node("dt", k)); dl.appendChild(node("dd", v)); }
    row("What", item.data.label);
    if (item.kind === "claim") {
      row("When", item.data.value + " (" + item.data.granularity + ": " + item.data.start + " to " + item.data.end + ", end exclusive)");
      row("Source", item.data.source || "—");
      row("Modality", item.data.modality);
    } else {
      row("Span", item.data.start + " to " + item.data.end);
    }
    detail.appendChild(dl);
    var a = node("a", item.kind === "claim" ? "Open the article at this claim" : "Claims of this cluster's event type");
    a.href = item.kind === "claim"
      ? "/articles/" + encodeURIComponent(item.data.article_id) + "#claim-" + encodeURIComponent(item.data.id)
      : "/claims?event=" + encodeURIComponent(item.data.event);
    detail.appendChild(a);
    detail.focus();
  }

  fetch(el.dataset.api, { credentials: "same-origin" })
    .then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    })
    .then(function (data) {
      if (!data.items.length && !data.clusters.length) {  // no empty grid of a month nobody asked for
        el.hidden = true;
        var q = new URLSearchParams(el.dataset.api.split("?")[1] || "");
        q.delete("limit");
        status.textContent = (q.toString() ? "No dated claims match these filters." : "No dated claims are stored yet.") +
          (data.undated_values ? " (" + data.undated_values + " durations or vague times left out.)" : "");
        el.dataset.items = "0";
        el.dataset.ready = "1";
        return;
      }
      var groups = [{ id: "__clusters", content: "Clusters", order: 0 }];
      var seen = {};
      var byId = {};
      var items = [];
      data.clusters.forEach(function (c) {
        var id = "cluster:" + c.id;
        byId[id] = { kind: "cluster", data: c };
        items.push({ id: id, group: "__clusters", start: c.start, end: c.end, type: "range",
          content: label(c.label, c.n_claims + " claims"), title: esc(c.label), className: "tl-cluster" });
      });
      data.items.forEach(function (c) {
        if (!seen[c.event]) {
          seen[c.event] = true;
          groups.push({ id: c.event, content: c.event, order: 1 });
        }
        var id = "claim:" + c.id;
        byId[id] = { kind: "claim", data: c };
        items.push({ id: id, group: c.event, start: c.start, end: c.end, type: "range",
          content: label(c.label, c.granularity), title: esc(c.label + " (" + c.value + ")"), className: "tl-" + c.granularity + " tl-" + c.modality });
      });
      var lo = Math.min.apply(null, items.map(function (i) { return Date.parse(i.start); }));
      var hi = Math.max.apply(null, items.map(function (i) { return Date.parse(i.end); }));
      var pad = items.length ? Math.max((hi - lo) * 0.04, 864e5) : 0;
      var tl = new vis.Timeline(el, new vis.DataSet(items), new vis.DataSet(groups), {
        start: items.length ? new Date(lo - pad) : undefined,
        end: items.length ? new Date(hi + pad) : undefined,
        stack: true, zoomable: true, orientation: "top", margin: { item: 4 },
        groupOrder: function (a, b) { return a.order - b.order || String(a.id).localeCompare(String(b.id)); }
      });
      tl.on("select", function (ev) {
        if (ev.items.length) show(byId[ev.items[0]]);
      });
      status.textContent = data.shown + " of " + data.claims_with_time + " dated claims drawn" +
        (data.shown < data.claims_with_time ? " (the " + data.kept + "; narrow the filters or raise the limit for more)" : "") +
        (data.undated_values ? " (" + data.undated_values + " durations or vague times left out)" : "") +
        "; " + data.clusters.length + " clusters.";
      el.dataset.items = String(data.items.length);
      var drawn = function () { el.dataset.ready = "1"; tl.off("changed", drawn); };
      tl.on("changed", drawn);
      window.claimgraphTimeline = tl;
    })
    .catch(function (err) {
      status.textContent = "Could not load the timeline (" + err.message + ").";
    });
})();
