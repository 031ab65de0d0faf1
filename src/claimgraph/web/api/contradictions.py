"""Contradictions: claim pairs in one cluster that dispute each other."""

from __future__ import annotations

from fastapi import APIRouter

from claimgraph.store import repo
from claimgraph.web.deps import SessionDep
from claimgraph.web.schemas import ContradictionList

router = APIRouter(tags=["analysis"])


@router.get("/contradictions")
def list_contradictions(session: SessionDep) -> ContradictionList:
    """Doubted/denied against affirmed, opposite polarity, or quantities too far apart."""
    return ContradictionList(items=repo.list_contradictions(session=session))
