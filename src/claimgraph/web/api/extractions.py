"""An article's extraction history: which pipeline version produced which claims, and when.

Why: `claimgraph reextract` and corrections replace an article's claims, but the earlier
extractions stay in the store (issue 11: history kept, readable); these routes list them and
return any one with its claims, so a client can see what an older extractor said.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path
from pydantic import BaseModel, Field

from claimgraph.errors import NotFound
from claimgraph.store import repo_history
from claimgraph.store.filters import MAX_ID
from claimgraph.web.deps import SessionDep
from claimgraph.web.schemas import Claim, Message

router = APIRouter(tags=["articles"])
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": Message, "description": "no such article or extraction"}
}
ArticleId = Annotated[int, Path(description="article id", ge=1, le=MAX_ID)]


class Extraction(BaseModel):
    """One extraction of an article (the current one or one a newer extraction replaced)."""

    number: int = Field(description="1 = the oldest extraction of this article")
    revision: int = Field(description="the article revision it was extracted from")
    pipeline: str | None = Field(description="the pipeline version that produced it")
    created_at: str | None = Field(description="when it was extracted (UTC, ISO 8601)")
    replaced_at: str | None = Field(description="when a newer extraction replaced it (null: not)")
    claims: int = Field(description="how many claims it had")
    current: bool = Field(description="its claims are the article's current ones")


class ExtractionList(BaseModel):
    article_id: int
    items: list[Extraction] = Field(description="oldest first; the current one last")


class ExtractionClaims(Extraction):
    article_id: int
    items: list[Claim] = Field(  # type: ignore[valid-type]  # Claim is built by create_model
        description="its claims, as they were stored"
    )


def _public(item: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in item.items() if k in Extraction.model_fields}


@router.get("/articles/{article_id}/extractions", responses=NOT_FOUND)
def list_extractions(article_id: ArticleId, session: SessionDep) -> ExtractionList:
    """Every extraction of the article, oldest first, with the pipeline version of each."""
    items = repo_history.extractions(session=session, article_id=article_id)
    return ExtractionList(article_id=article_id, items=[Extraction(**_public(i)) for i in items])


@router.get("/articles/{article_id}/extractions/{number}", responses=NOT_FOUND)
def get_extraction(
    article_id: ArticleId,
    number: Annotated[int, Path(description="`number` from the list (1 = oldest)", ge=1)],
    session: SessionDep,
) -> ExtractionClaims:
    """One extraction with its claims (an earlier one's claims as it stored them)."""
    items = repo_history.extractions(session=session, article_id=article_id)
    if number > len(items):
        raise NotFound(f"article {article_id} has {len(items)} extractions, not {number}")
    item = items[number - 1]
    claims = repo_history.extraction_claims(session=session, article_id=article_id, item=item)
    return ExtractionClaims(
        **_public(item),
        article_id=article_id,
        items=[Claim(**{**c, "article_id": article_id}) for c in claims],
    )
