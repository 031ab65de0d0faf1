// The map page: one marker per place (number = claims placed there), clustered; a popup lists
// the place's claims, fetched on demand from /api/claims. Page text comes from the API and is
// inserted with textContent only.
(function () {
  "use strict";
  var el = document.getElementById("map");
  var status = document.getElementById("map-status");
  if (!el || !window.L) return;
  var map = window.claimgraphBaseMap(el, el.dataset.world);
  var filters = new URLSearchParams(el.dataset.api.split("?")[1] || "");

  function node(tag, text, cls) {
    var n = document.createElement(tag);
    if (text !== undefined && text !== null) n.textContent = String(text);
    if (cls) n.className = cls;
    return n;
  }

  function countIcon(n, cls) {
    var size = n < 10 ? 26 : n < 100 ? 32 : n < 1000 ? 38 : 44;
    return L.divIcon({
      html: "<span>" + Number(n) + "</span>", // a number, never page text
      className: "cg-marker " + cls,
      iconSize: [size, size]
    });
  }

  var cluster = L.markerClusterGroup({
    showCoverageOnHover: false,
    maxClusterRadius: 40,
    disableClusteringAtZoom: 8, // close in, every place is its own marker (no spiderfying)
    iconCreateFunction: function (c) {
      var total = c.getAllChildMarkers().reduce(function (s, m) { return s + m.options.claims; }, 0);
      return countIcon(total, "cg-cluster");
    }
  });
  map.addLayer(cluster);

  function popupFor(props, latlng) {
    var box = node("div", null, "cg-popup");
    box.appendChild(node("strong", props.name || "(unnamed place)"));
    box.appendChild(node("div", props.claims + " claim" + (props.claims === 1 ? "" : "s") +
      " · " + Object.keys(props.events).sort().join(", "), "meta"));
    var list = node("ul");
    list.appendChild(node("li", "Loading…"));
    box.appendChild(list);
    var q = new URLSearchParams(filters);
    q.delete("near");
    q.set("near", latlng.lat + "," + latlng.lng + ",1");
    var all = node("a", "All claims here");
    all.href = "/claims?" + q.toString();
    q.set("limit", "20");
    fetch("/api/claims?" + q.toString(), { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (page) {
        list.textContent = "";
        (page.items || []).forEach(function (c) {
          var li = node("li");
          var a = node("a", [c.agent && c.agent.name, c.event, c.recipient && ("→ " + c.recipient.name),
            c.object && c.object.text].filter(Boolean).join(" "));
          a.href = "/articles/" + encodeURIComponent(c.article_id) + "#claim-" + encodeURIComponent(c.id);
          li.appendChild(a);
          li.appendChild(node("small", " " + c.modality + (c.source && c.source.name ? ", per " + c.source.name : "")));
          list.appendChild(li);
        });
        if (!list.childNodes.length) list.appendChild(node("li", "No claims."));
      })
      .catch(function () { list.textContent = "Could not load the claims."; });
    box.appendChild(all);
    return box;
  }

  var byName = {};
  fetch(el.dataset.api, { credentials: "same-origin" })
    .then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    })
    .then(function (data) {
      var markers = data.features.map(function (f) {
        var ll = L.latLng(f.geometry.coordinates[1], f.geometry.coordinates[0]);
        var m = L.marker(ll, {
          icon: countIcon(f.properties.claims, "cg-place"),
          title: f.properties.name || "",
          alt: f.properties.name || "",
          claims: f.properties.claims,
          keyboard: true
        });
        m.bindPopup(function () { return popupFor(f.properties, ll); }, { maxWidth: 360 });
        byName[f.properties.name] = m;
        return m;
      });
      cluster.addLayers(markers);
      if (markers.length) {
        map.fitBounds(cluster.getBounds().pad(0.3), { maxZoom: 5, animate: false });
      }
      var unplaced = data.claims_matched - data.claims_placed;
      if (!data.claims_matched) {
        status.textContent = "No claims match these filters, so the map has no markers.";
        el.dataset.markers = "0";
        el.dataset.ready = "1";
        return;
      }
      status.textContent = data.claims_placed + " of " + data.claims_matched + " claims placed at " +
        data.places_total + " places" + (data.features.length < data.places_total ?
          " (the " + data.features.length + " busiest shown)" : "") +
        (unplaced > 0 ? "; " + unplaced + " have no place." : ".");
      el.dataset.markers = String(markers.length);
      el.dataset.ready = "1";
    })
    .catch(function (err) {
      status.textContent = "Could not load the map data (" + err.message + ").";
    });

  // For tests and the console: the map, the cluster layer and the markers by place name.
  window.claimgraphMap = { map: map, cluster: cluster, markers: byName };
})();
