"""Entities: the canonical list, and one entity's profile by name, alias or id."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from claimgraph.store import repo
from claimgraph.web.deps import SessionDep, cap
from claimgraph.web.schemas import EntityList, EntityProfile, Message

router = APIRouter(tags=["entities"])


@router.get("/entities")
def list_entities(
    session: SessionDep,
    type: Annotated[str | None, Query(description="GPE, ORG, PERSON, WEAPON, …")] = None,
    q: Annotated[str | None, Query(description="substring of the name, an alias or id")] = None,
    limit: Annotated[int, Query(ge=1, description="values over 500 are capped")] = 100,
) -> EntityList:
    """Entities by name; the ids work in /api/claims?entity= and /api/entities/{id}."""
    return EntityList(items=repo.list_entities(session=session, type_=type, q=q, limit=cap(limit)))


@router.get(
    "/entities/{name_or_id:path}",
    responses={404: {"model": Message, "description": "no entity with that name, alias or id"}},
)
def entity_profile(
    name_or_id: Annotated[str, Path(description="e.g. Russia, ISW or gpe:russia")],
    session: SessionDep,
) -> EntityProfile:
    """Aliases, claims by role, places, timeline, linked entities and sources."""
    return EntityProfile(**repo.entity_profile(session=session, name=name_or_id))
