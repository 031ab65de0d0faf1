// Copies the pinned npm assets the workbench pages use into the Python package's static files
// (src/claimgraph/web/static/vendor/), with their licences; run by `npm ci` (postinstall).
// Only built, self-contained files are copied: pages load nothing from another host.
import { copyFileSync, mkdirSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const mods = join(root, "node_modules");
const out = join(root, "src", "claimgraph", "web", "static", "vendor");

const files = {
  "leaflet/dist/leaflet.js": "leaflet/leaflet.js",
  "leaflet/dist/leaflet.css": "leaflet/leaflet.css",
  "leaflet/dist/images/marker-icon.png": "leaflet/images/marker-icon.png",
  "leaflet/dist/images/marker-icon-2x.png": "leaflet/images/marker-icon-2x.png",
  "leaflet/dist/images/marker-shadow.png": "leaflet/images/marker-shadow.png",
  "leaflet/dist/images/layers.png": "leaflet/images/layers.png",
  "leaflet/dist/images/layers-2x.png": "leaflet/images/layers-2x.png",
  "leaflet/LICENSE": "leaflet/LICENSE",
  "leaflet.markercluster/dist/leaflet.markercluster.js": "markercluster/leaflet.markercluster.js",
  "leaflet.markercluster/dist/MarkerCluster.css": "markercluster/MarkerCluster.css",
  "leaflet.markercluster/dist/MarkerCluster.Default.css": "markercluster/MarkerCluster.Default.css",
  "leaflet.markercluster/MIT-LICENCE.txt": "markercluster/LICENSE",
  "topojson-client/dist/topojson-client.min.js": "topojson/topojson-client.min.js",
  "topojson-client/LICENSE": "topojson/LICENSE",
  "world-atlas/countries-50m.json": "world-atlas/countries-50m.json",
  "world-atlas/countries-110m.json": "world-atlas/countries-110m.json",
  "world-atlas/LICENSE": "world-atlas/LICENSE",
  "cytoscape/dist/cytoscape.min.js": "cytoscape/cytoscape.min.js",
  "cytoscape/LICENSE": "cytoscape/LICENSE",
  "vis-timeline/standalone/umd/vis-timeline-graph2d.min.js": "vis-timeline/vis-timeline-graph2d.min.js",
  "vis-timeline/styles/vis-timeline-graph2d.min.css": "vis-timeline/vis-timeline-graph2d.min.css",
  "vis-timeline/LICENSE.MIT.txt": "vis-timeline/LICENSE",
  // accessibility checker the browser tests inject into every page (not loaded by the pages)
  "axe-core/axe.min.js": "axe-core/axe.min.js",
  "axe-core/LICENSE": "axe-core/LICENSE",
};

rmSync(out, { recursive: true, force: true });
const versions = {};
for (const [src, dst] of Object.entries(files)) {
  const target = join(out, dst);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(join(mods, src), target);
  const pkg = src.split("/")[0];
  versions[pkg] ??= JSON.parse(readFileSync(join(mods, pkg, "package.json"), "utf8")).version;
}
// The app reads this to tell "assets not installed" apart from a broken page.
writeFileSync(join(out, "versions.json"), JSON.stringify(versions, null, 2) + "\n");
console.log(`claimgraph: copied ${Object.keys(files).length} asset files to ${out}`);
