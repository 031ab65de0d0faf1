"""Article-level coherence for place resolution (one article, many ambiguous names).

Local news rarely names its state: "Walker County", "Huntsville" and "Lamar County" are each
ambiguous alone, but together they point at one state. For every distinct name of the article
the candidates get a context-free prior (kind, size); a softmax over the prior spreads the
name's belief over countries and admin1 regions. A candidate is then supported by the belief
mass the OTHER names of the article put on its region and country (a name never votes for
itself), and the beliefs are refined once with that support (two rounds in all).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

from claimgraph.resolve.gazetteer import Entry, Gazetteer, normalize

TOP_K = 40  # candidates per name taken into the belief (index order: kind, then size)
TEMP = 1.5  # softmax temperature over prior scores
ROUNDS = 2


def area_of(g: Gazetteer, i: int) -> str | None:
    """The admin1 key ("US.TX") an entry lies in; counties get theirs via the region name."""
    e = g.entries[i]
    if e.a1code:
        return e.a1code
    if e.kind == "county" and e.admin1 and e.country:
        return _a1_by_name(g).get((e.country, normalize(e.admin1)))
    return None


_A1: dict[int, dict[tuple[str, str], str]] = {}


def _a1_by_name(g: Gazetteer) -> dict[tuple[str, str], str]:
    key = id(g)
    if key not in _A1:
        out: dict[tuple[str, str], str] = {}
        for code, i in g.by_a1.items():
            e = g.entries[i]
            if e.country:
                out.setdefault((e.country, normalize(e.name)), code)
        _A1.clear()
        _A1[key] = out
    return _A1[key]


class Coherence:
    """Belief mass per (name, country) and (name, admin1) and the support they give."""

    def __init__(
        self,
        g: Gazetteer,
        names: dict[str, list[tuple[int, bool]]],
        fixed: dict[str, int],
        prior,  # noqa: ANN001 - (Entry, alt, mention text) -> float
    ) -> None:
        self.g = g
        self.names = names
        self.fixed = fixed  # names whose entry is already certain (demonyms, explicit)
        self.prior = prior
        self.cty: dict[str, Counter] = {}
        self.reg: dict[str, Counter] = {}
        self.cty_tot: Counter = Counter()
        self.reg_tot: Counter = Counter()
        self.n_names = 0
        beliefs = {k: self._softmax(k, None) for k in names}
        for _ in range(ROUNDS - 1):
            self._accumulate(beliefs)
            beliefs = {k: self._softmax(k, self) for k in names}
        self._accumulate(beliefs)

    def _softmax(self, key: str, ctx: Coherence | None) -> list[tuple[int, float]]:
        if key in self.fixed:
            return [(self.fixed[key], 1.0)]
        cands = self.names[key][:TOP_K]
        if not cands:
            return []
        scores = []
        for i, alt in cands:
            s = self.prior(self.g.entries[i], alt, key)
            if ctx is not None:
                s += ctx.bonus(key, i)
            scores.append(s)
        top = max(scores)
        ws = [math.exp((s - top) / TEMP) for s in scores]
        z = sum(ws)
        return [(i, w / z) for (i, _), w in zip(cands, ws, strict=True)]

    def _accumulate(self, beliefs: dict[str, list[tuple[int, float]]]) -> None:
        self.cty, self.reg = {}, {}
        self.cty_tot, self.reg_tot = Counter(), Counter()
        self.n_names = 0
        for key, bel in beliefs.items():
            c: Counter = Counter()
            r: defaultdict[str, float] = defaultdict(float)
            for i, p in bel:
                e = self.g.entries[i]
                if e.country:
                    c[e.country] += p
                a = area_of(self.g, i)
                if a:
                    r[a] += p
            c = Counter({k: min(v, 1.0) for k, v in c.items()})
            rr = Counter({k: min(v, 1.0) for k, v in r.items()})
            self.cty[key], self.reg[key] = c, rr
            self.cty_tot.update(c)
            self.reg_tot.update(rr)
            if c:
                self.n_names += 1

    def support(self, key: str, i: int) -> tuple[float, float, int]:
        """(country mass, admin1 mass, number of other names) given by the other names."""
        e: Entry = self.g.entries[i]
        own_c = self.cty.get(key, Counter())
        own_r = self.reg.get(key, Counter())
        others = self.n_names - (1 if own_c else 0)
        cm = self.cty_tot[e.country] - own_c[e.country] if e.country else 0.0
        a = area_of(self.g, i)
        rm = self.reg_tot[a] - own_r[a] if a else 0.0
        return max(cm, 0.0), max(rm, 0.0), others

    def bonus(self, key: str, i: int) -> float:
        """Score added to a candidate for the article's other places."""
        e = self.g.entries[i]
        cm, rm, others = self.support(key, i)
        s = 0.0
        if others and e.country:
            s += 4.0 * cm / others
            if e.kind != "country" and cm < 0.05:
                s -= 1.0
        if e.kind not in ("country", "continent", "macro") and rm > 0.05:
            s += 3.0 * min(rm, 3.0)
        return s
