// An offline base map for Leaflet: Natural Earth country shapes (npm world-atlas, TopoJSON)
// served by this app and drawn as vectors, instead of tiles from a tile server.
(function () {
  "use strict";
  var cache = {};

  // Rings that cross the antimeridian jump from +180 to -180; Leaflet would draw that jump as a
  // stripe across the world, so continue such rings past 180 instead (lon 190, not -170).
  function unwrapRing(ring) {
    var shift = 0;
    for (var i = 1; i < ring.length; i++) {
      var d = ring[i][0] + shift - ring[i - 1][0];
      if (d > 180) shift -= 360;
      else if (d < -180) shift += 360;
      ring[i] = [ring[i][0] + shift, ring[i][1]];
    }
  }

  function unwrap(g) {
    if (!g) return;
    var polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
    polys.forEach(function (p) { p.forEach(unwrapRing); });
  }

  function load(url) {
    if (!cache[url]) {
      cache[url] = fetch(url, { credentials: "same-origin" }).then(function (r) {
        if (!r.ok) throw new Error("base map: HTTP " + r.status);
        return r.json();
      }).then(function (topo) {
        var world = topojson.feature(topo, topo.objects.countries);
        world.features.forEach(function (f) { unwrap(f.geometry); });
        return world;
      });
    }
    return cache[url];
  }

  // Make a Leaflet map in `el` with the country layer underneath; returns the map at once and
  // adds the countries when they arrive.
  window.claimgraphBaseMap = function (el, url, options) {
    var map = L.map(el, Object.assign({
      preferCanvas: true, worldCopyJump: true, minZoom: 1, maxZoom: 12,
      zoomSnap: 1, attributionControl: true  // markercluster needs whole zoom levels
    }, options || {}));
    if (map.attributionControl) {
      map.attributionControl.setPrefix(false);
      map.attributionControl.addAttribution("Natural Earth (world-atlas)");
    }
    map.getContainer().style.background = "#dbe9f4";
    map.setView([30, 20], 2);
    map.whenCountries = load(url).then(function (world) {
      L.geoJSON(world, {
        interactive: false,
        style: { color: "#ffffff", weight: 0.6, fillColor: "#e9e6dc", fillOpacity: 1 }
      }).addTo(map).bringToBack();
      return map;
    });
    return map;
  };
})();
