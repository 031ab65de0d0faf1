"""/api/export and the heavy reads (timeline, map, network, entity profile) keep answers in
memory keyed on the store's write generation: the same request again is the same bytes, and a
write of claims is seen by the next request."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient

from claimgraph.store import repo
from claimgraph.store.db import Store
from claimgraph.web import create_app
from tests.test_export.test_graph_equivalence import ENTITIES, _claims, _fill


def test_cached_exports_follow_writes(store: Store, tmp_path: Path) -> None:
    _fill(store, tmp_path)
    url = store.engine.url.render_as_string(hide_password=False)
    with TestClient(create_app(db=url), base_url="http://127.0.0.1") as c:
        first = c.get("/api/export/geojson?event=BUILD_FACILITY")
        again = c.get("/api/export/geojson?event=BUILD_FACILITY")
        assert first.status_code == again.status_code == 200
        assert again.content == first.content
        assert again.headers["content-disposition"] == first.headers["content-disposition"]
        assert "event-BUILD_FACILITY" in first.headers["content-disposition"]
        n = len(json.loads(first.content)["features"])
        assert n > 0
        other = c.get("/api/export/geojson?event=SUPPLY")  # another selection, another entry
        assert other.content != first.content
        reads = ["/api/timeline", "/api/map", "/api/graph", "/api/entities/Iran"]
        before = {u: c.get(u) for u in reads}
        for u, r in before.items():
            assert r.status_code == 200, u
            assert c.get(u).content == r.content, u

        with store.session() as s:  # article 1 re-extracted without its facility claims
            repo.save_extraction(
                session=s,
                article_id=1,
                revision=1,
                extraction={
                    "entities": ENTITIES,
                    "claims": [c for c in _claims() if c["event"] != "BUILD_FACILITY"],
                },
                pipeline="synthetic",
            )
        after = c.get("/api/export/geojson?event=BUILD_FACILITY")
        assert len(json.loads(after.content)["features"]) < n
        iran = c.get("/api/entities/Iran").json()
        assert iran["n_claims"] < before["/api/entities/Iran"].json()["n_claims"]
        for u in ("/api/timeline", "/api/map", "/api/graph"):
            assert c.get(u).content != before[u].content, u
