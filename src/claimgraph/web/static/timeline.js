// The timeline page: claims as bars over the interval their date names (a month-level date is
// a month wide), grouped by event type, with clusters on the top row. Labels are DOM text
// nodes (vis-timeline would otherwise treat strings as HTML). It opens on the shortest span that
// holds most of the claims ("Show all" zooms out to every one); day-level claims are points so
// their labels stay readable; details open beside the chart (a bottom sheet on a phone).
(function () {
  "use strict";
  var el = document.getElementById("timeline");
  var status = document.getElementById("timeline-status");
  var detail = document.getElementById("timeline-detail");
  if (!el || !window.vis) return;
  var tools = document.getElementById("timeline-tools");
  var rangeNote = document.getElementById("timeline-range");
  var phone = window.matchMedia("(max-width: 800px)");
  var BUSY_SHARE = 0.8;  // the opening view holds at least this share of the claims
  var lastSelected = null;

  function ms(d) { return Date.parse(d); }
  function year(t) { return new Date(t).getUTCFullYear(); }

  // The shortest window [lo, hi] holding BUSY_SHARE of the item midpoints.
  function busiest(items) {
    var mids = items.map(function (i) { return (ms(i.start) + ms(i.end)) / 2; }).sort(function (a, b) { return a - b; });
    var k = Math.max(1, Math.ceil(mids.length * BUSY_SHARE));
    var best = [mids[0], mids[mids.length - 1]];
    for (var i = 0; i + k - 1 < mids.length; i++) {
      if (mids[i + k - 1] - mids[i] < best[1] - best[0]) best = [mids[i], mids[i + k - 1]];
    }
    return best;
  }

  function padded(lo, hi) {  // more room on the right, where the labels run
    var span = Math.max(hi - lo, 30 * 864e5);
    return { start: new Date(lo - span * 0.05), end: new Date(hi + span * 0.3) };
  }

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

  function closeDetail() {
    detail.classList.remove("sheet");
    if (lastSelected && lastSelected.focus) lastSelected.focus({ preventScroll: true });
  }

  function show(item, members) {
    detail.textContent = "";
    detail.hidden = false;
    var close = node("button", "Close", "sheet-close");
    close.type = "button";
    close.addEventListener("click", closeDetail);
    detail.appendChild(close);
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
    if (item.kind === "claim") {
      var a = node("a", "Open the article at this claim");
      a.href = "/articles/" + encodeURIComponent(item.data.article_id) + "#claim-" + encodeURIComponent(item.data.id);
      detail.appendChild(a);
    } else {
      // the cluster's own claims (those drawn here), not every claim of its event type
      detail.appendChild(node("h4", "Its claims"));
      var ul = node("ul", null, "cluster-claims");
      members.forEach(function (c) {
        var li = node("li");
        var link = node("a", c.label);
        link.href = "/articles/" + encodeURIComponent(c.article_id) + "#claim-" + encodeURIComponent(c.id);
        li.appendChild(link);
        li.appendChild(node("small", " " + c.value + " · " + c.modality + (c.source ? ", per " + c.source : "")));
        ul.appendChild(li);
      });
      if (!members.length) ul.appendChild(node("li", "None of its claims is drawn with these filters."));
      detail.appendChild(ul);
      if (document.querySelector("form.filters [name=cluster]")) {
        var all = node("a", "All claims of this cluster, as a table");
        all.href = "/claims?cluster=" + encodeURIComponent(item.data.id);
        detail.appendChild(all);
      }
    }
    if (phone.matches) detail.classList.add("sheet");
    lastSelected = document.activeElement;
    detail.focus({ preventScroll: true });
  }

  detail.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { ev.preventDefault(); closeDetail(); }
  });

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
        var day = c.granularity === "day";  // a day is a sliver at any useful zoom: a point
        items.push({ id: id, group: c.event, start: day ? new Date((ms(c.start) + ms(c.end)) / 2) : c.start,
          end: day ? undefined : c.end, type: day ? "point" : "range",
          content: label(c.label, c.granularity), title: esc(c.label + " (" + c.value + ")"), className: "tl-" + c.granularity + " tl-" + c.modality });
      });
      var spans = data.items.concat(data.clusters);
      var lo = Math.min.apply(null, spans.map(function (i) { return ms(i.start); }));
      var hi = Math.max.apply(null, spans.map(function (i) { return ms(i.end); }));
      var busy = busiest(data.items.length ? data.items : data.clusters);
      var all = padded(lo, hi);
      var opening = padded(busy[0], busy[1]);
      var tl = new vis.Timeline(el, new vis.DataSet(items), new vis.DataSet(groups), {
        start: opening.start,
        end: opening.end,
        min: new Date(all.start.getTime() - 365 * 864e5),
        max: new Date(all.end.getTime() + 365 * 864e5),
        stack: true, zoomable: true, orientation: "top", margin: { item: 4 },
        groupOrder: function (a, b) { return a.order - b.order || String(a.id).localeCompare(String(b.id)); }
      });
      function selectItem(id) {
        var it = byId[id];
        if (!it) return;
        var members = it.kind === "cluster"
          ? data.items.filter(function (c) { return c.cluster_id === it.data.id; }) : [];
        show(it, members);
      }
      tl.on("select", function (ev) { if (ev.items.length) selectItem(ev.items[0]); });
      // for tests and the console: select an item by id ("claim:ID" or "cluster:ID")
      window.claimgraphTimelineSelect = function (id) { tl.setSelection([id]); selectItem(id); };
      var narrower = all.end - all.start > (opening.end - opening.start) * 1.2;
      if (narrower) {
        tools.hidden = false;
        rangeNote.textContent = "Showing " + year(opening.start) + (year(opening.end) !== year(opening.start) ? "–" + year(opening.end) : "") +
          ", where most claims are; all of them span " + year(lo) + "–" + year(hi) + ".";
        document.getElementById("timeline-all").addEventListener("click", function () { tl.setWindow(all.start, all.end, { animation: false }); });
        document.getElementById("timeline-busy").addEventListener("click", function () { tl.setWindow(opening.start, opening.end, { animation: false }); });
      }
      el.dataset.busyStart = opening.start.toISOString();
      el.dataset.busyEnd = opening.end.toISOString();
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
