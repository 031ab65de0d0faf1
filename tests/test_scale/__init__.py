"""Scale tests: parallel ingest and Dask bulk mode, on a tiny corpus written here."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from claimgraph.store import repo
from claimgraph.store.db import Store
from tests.conftest import SEED

STORIES = [
    (
        "14:05 03 Mar 2024",
        "Ukraine receives air defence systems from Germany",
        "Germany delivered two IRIS-T air defence systems to Ukraine last week, the German defence "
        "ministry said on Monday. Officials in Kyiv said the systems would protect Odesa.",
    ),
    (
        "09:10 12 Apr 2024",
        "Russia launches drones at Kharkiv",
        "Russia launched dozens of Shahed drones at Kharkiv overnight, the Ukrainian air force "
        "reported. The mayor of Kharkiv said that three people were injured.",
    ),
    (
        "11:00 20 May 2024",
        "Iran supplies missiles to Russia, officials say",
        "Iran has supplied ballistic missiles to Russia, according to United States officials. "
        "Tehran denied that it had sent any missiles to Moscow.",
    ),
    (
        "16:45 02 Jun 2024",
        "Poland buys tanks from South Korea",
        "Poland signed a contract to buy 180 K2 tanks from South Korea, the Polish defence "
        "minister announced in Warsaw on Friday.",
    ),
    (
        "08:30 15 Jul 2024",
        "France sends artillery to Ukraine",
        "France will send twelve Caesar howitzers to Ukraine, President Emmanuel Macron said "
        "in Paris. The howitzers are expected to arrive in August.",
    ),
    (
        "10:20 01 Aug 2024",
        "Belarus hosts Russian troops near the border",
        "Belarus hosted several thousand Russian troops near the Polish border, the Institute "
        "for the Study of War reported. Minsk said the exercises were planned.",
    ),
    (
        "13:15 09 Sep 2024",
        "North Korea ships shells to Russia",
        "North Korea shipped millions of artillery shells to Russia, South Korean intelligence "
        "said on Tuesday. Pyongyang did not comment on the report.",
    ),
    (
        "17:50 21 Oct 2024",
        "Turkey sells drones to Ukraine",
        "Turkey sold Bayraktar drones to Ukraine, the Turkish company Baykar said in Istanbul. "
        "Analysts said the drones had been used near Kherson.",
    ),
    (
        "07:40 05 Nov 2024",
        "China denies supplying weapons to Russia",
        "China denied that it had supplied weapons to Russia, a spokesman for the Chinese "
        "foreign ministry said in Beijing on Wednesday.",
    ),
    (
        "12:00 18 Dec 2024",
        "United States approves aid package for Ukraine",
        "The United States approved a military aid package for Ukraine worth 500 million dollars, "
        "the Pentagon said. The package includes ammunition for HIMARS launchers.",
    ),
    (
        "15:30 10 Jan 2025",
        "Russia attacks energy facilities in Lviv",
        "Russia attacked energy facilities in Lviv with cruise missiles, the governor of the Lviv "
        "region said. Power was cut to thousands of homes.",
    ),
    (
        "09:55 14 Feb 2025",
        "Germany delivers tanks to Ukraine",
        "Germany delivered Leopard tanks to Ukraine, the German defence ministry said on Friday. "
        "Kyiv said the tanks had arrived in Zaporizhzhia.",
    ),
]


def write_corpus(root: Path, *, seed: bool = True) -> Path:
    """Twelve stories as .txt, one exact copy, one near-copy, a JSONL file and the seed."""
    root.mkdir(parents=True, exist_ok=True)
    for n, (dateline, title, body) in enumerate(STORIES):
        (root / f"story-{n:02d}.txt").write_text(f"{dateline}\n\n{title}\n\n{body}\n")
    dl, title, body = STORIES[0]
    (root / "story-90-copy.txt").write_text(f"{dl}\n\n{title}\n\n{body}\n")  # exact duplicate
    (root / "story-91-near.txt").write_text(f"{dl}\n\n{title}\n\n{body} More later.\n")
    lines = [
        {
            "url": f"https://news.example/{n}",
            "title": t,
            "text": b,
            "published": "2024-06-0" + str(n + 1),
        }
        for n, (_, t, b) in enumerate(STORIES[3:7])
    ]
    (root / "wire.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines))
    if seed and SEED.exists():
        shutil.copy(SEED, root / SEED.name)
    return root


def snapshot(store: Store) -> dict[str, Any]:
    """Articles, sources, claims (id, event, JSON) and cluster memberships, storage-independent."""
    with store.session() as s:
        arts = repo.list_articles(session=s)
        full = [repo.get_article(session=s, article_id=a["id"]) for a in arts]
        claims = repo.list_claims(session=s, order="pk")
        clusters = repo.cluster_claims(session=s)
    return {
        "articles": sorted(
            (a["id"], a["title"], a["text"], [x["source"].rsplit("/", 1)[-1] for x in a["sources"]])
            for a in full
        ),
        "claims": sorted(
            json.dumps({k: v for k, v in c.items() if k != "pk"}, sort_keys=True) for c in claims
        ),
        "clusters": sorted(sorted(c["id"] for c in cs) for cs in clusters.values()),
        "cluster_ids": sorted(clusters),
    }
