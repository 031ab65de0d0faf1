"""Entities: the canonical list, and one entity's profile by name, alias or id."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy.orm import Session

from claimgraph.analyze import kb
from claimgraph.store import repo
from claimgraph.web.api.answers import cached
from claimgraph.web.deps import SessionDep, cap
from claimgraph.web.paging import Offset, offset_page
from claimgraph.web.schemas import EntityList, EntityProfile, Message

router = APIRouter(tags=["entities"])


@router.get("/entities")
def list_entities(
    session: SessionDep,
    type: Annotated[str | None, Query(description="GPE, ORG, PERSON, WEAPON, …")] = None,
    q: Annotated[str | None, Query(description="substring of the name, an alias or id")] = None,
    limit: Annotated[int, Query(ge=1, description="values over 500 are capped")] = 100,
    offset: Offset = 0,
) -> EntityList:
    """Entities by name; the ids work in /api/claims?entity= and /api/entities/{id};
    `next_offset` pages on."""
    size = cap(limit)
    rows = repo.list_entities(session=session, type_=type, q=q, limit=offset + size + 1)
    items, next_offset = offset_page(rows, offset, size)
    return EntityList(items=items, next_offset=next_offset)


@router.get(
    "/entities/{name_or_id:path}",
    response_model=EntityProfile,
    responses={404: {"model": Message, "description": "no entity with that name, alias or id"}},
)
def entity_profile(
    request: Request,
    name_or_id: Annotated[str, Path(description="e.g. Russia, ISW or gpe:russia")],
    session: SessionDep,
    timeline_limit: Annotated[
        int,
        Query(
            ge=0,
            le=5000,
            description="at most this many timeline entries (its first ones: dated claims "
            "oldest first, then undated) and claim ids per role (storage order); "
            "timeline_total and claims_total give the full counts",
        ),
    ] = 500,
    linked_limit: Annotated[
        int,
        Query(
            ge=0,
            le=5000,
            description="at most this many linked entities (the most frequent first); "
            "linked_total gives the full count",
        ),
    ] = 200,
) -> Response:
    """Aliases, claims by role, places, timeline, linked entities and sources.

    A frequent entity has thousands of claims: the long lists are capped (see the limits) so
    the answer stays small and fast; `claimgraph entity NAME --json` gives the full profile.
    Answers are reused until the next write of claims (answers.py).
    """
    return cached(
        request, session, lambda: _profile(session, name_or_id, timeline_limit, linked_limit)
    )


def _profile(
    session: Session, name_or_id: str, timeline_limit: int, linked_limit: int
) -> JSONResponse:
    prof = kb.entity_profile(
        session=session,
        name=name_or_id,
        timeline_limit=timeline_limit,
        linked_limit=linked_limit,
    )
    # A profile holds one timeline entry per claim (thousands for a frequent entity):
    # validating and re-serializing it through the model cost more than building it. The
    # dict is already in the model's shape; the key order is the one the model gave
    # (declared fields first), so the bytes are unchanged.
    head = {k: prof[k] for k in EntityProfile.model_fields}
    return JSONResponse({**head, **{k: v for k, v in prof.items() if k not in head}})
