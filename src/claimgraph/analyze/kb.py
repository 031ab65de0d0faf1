"""The analyses over the store: clusters, contradictions, entity profiles, the overview's counts.

The store only reads and writes rows (`store.repo`); these functions run the pure analyses of
this package over what it reads, so the data path keeps one direction (store → analyze → web,
cli, export) and the store never calls back into a later stage.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from claimgraph.analyze.clusters import Cluster, assign, summarize, view
from claimgraph.analyze.contradictions import find_contradictions
from claimgraph.analyze.profiles import build_profile
from claimgraph.record import ACTOR_ROLES
from claimgraph.store import repo_claims, repo_views
from claimgraph.store.filters import ClaimFilter

_PARTICIPANTS = ACTOR_ROLES  # the roles a shared participant links clusters by


def assign_clusters(*, session: Session, article_id: int) -> int:
    """Put the article's unclustered claims into clusters (best fit among the clusters that
    share a participant with them); returns how many claims were assigned."""
    claims = repo_claims.list_claims(session=session, article_id=article_id, order="pk")
    done = repo_claims.clustered_pks(session, [c["pk"] for c in claims])
    new = [c for c in claims if c["pk"] not in done]
    if not new:
        return 0
    ids = {(c.get(r) or {}).get("id") for c in new for r in _PARTICIPANTS}
    ids.discard(None)
    clusters: dict[str, Cluster] = {}
    for cid, _pk, claim in repo_claims.clusters_sharing(session=session, entity_ids=ids):
        clusters.setdefault(cid, Cluster(cid)).members.append(view(claim))
    ordered = sorted(clusters.values(), key=lambda cl: min(m.pk for m in cl.members))
    repo_claims.add_cluster_members(session=session, assignment=assign(new, ordered))
    return len(new)


def list_clusters(
    *, session: Session, filters: ClaimFilter | None = None, min_claims: int = 1
) -> list[dict[str, Any]]:
    """Cluster rows (see analyze.clusters.summarize), biggest first, then oldest."""
    members = repo_claims.cluster_membership(session=session)
    wanted = (
        {
            members[c["pk"]]
            for c in repo_claims.list_claims(session=session, filters=filters, order="pk")
            if c["pk"] in members
        }
        if filters
        else set(members.values())
    )
    by_cluster: dict[str, list[dict[str, Any]]] = {}
    for c in repo_claims.list_claims(session=session, order="pk"):
        cid = members.get(c["pk"])
        if cid in wanted:
            by_cluster.setdefault(cid, []).append(c)
    rows = [summarize(cid, cs) for cid, cs in by_cluster.items() if len(cs) >= min_claims]
    rows.sort(key=lambda r: (-len(r["independent_sources"]), -r["n_claims"], r["claims"][0]["id"]))
    return rows


def list_contradictions(*, session: Session, tolerance: float = 0.2) -> list[dict[str, Any]]:
    """Disputing claim pairs inside the store's clusters (analyze.contradictions)."""
    return find_contradictions(repo_claims.cluster_claims(session=session), tolerance=tolerance)


def entity_profile(
    *,
    session: Session,
    name: str,
    timeline_limit: int | None = None,
    linked_limit: int | None = None,
) -> dict[str, Any]:
    """Profile of the entity with this id, name or alias (NotFound otherwise).

    With no limit: the full profile (build_profile over every claim). With a limit: the same
    profile with `timeline` and the `claims` id lists cut to their first `timeline_limit`
    entries and `linked_entities` to its first `linked_limit`, built in SQL (sorted, counted
    and limited there) so a frequent entity's thousands of claims never reach Python; the
    `*_total` fields say how long the lists are in full.
    """
    entity = repo_claims.entity_record(session=session, name=name)
    if timeline_limit is not None or linked_limit is not None:
        return repo_claims.capped_profile(session, entity, timeline_limit, linked_limit)
    return build_profile(entity, repo_claims.profile_claims(session, entity["id"]))


def overview_counts(*, session: Session) -> dict[str, int]:
    """What the overview reports: claims, clusters of 2+ claims (one thing said more than once)
    and contradicting pairs; contradictions are looked for only inside those clusters."""
    n_claims, n_clusters, by_cluster = repo_views.overview_clusters(session=session)
    return {
        "claims": n_claims,
        "clusters": n_clusters,
        "contradictions": len(find_contradictions(by_cluster)),
    }
