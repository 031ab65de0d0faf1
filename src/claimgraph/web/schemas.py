"""Response models: they make /openapi.json describe what each endpoint returns.

Records whose shape belongs to the extraction or analysis code (claims, clusters, profiles) name
their stable fields and allow the rest, so adding a field there never breaks the API.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model

from claimgraph import record


class Open(BaseModel):
    """A record with documented core fields; further fields pass through unchanged."""

    model_config = ConfigDict(extra="allow")


class Message(BaseModel):
    detail: str


class Health(BaseModel):
    status: str
    articles: int


class ArticleSummary(BaseModel):
    id: int
    title: str | None
    published: str | None = Field(description="ISO 8601 as the source gave it")
    site: str | None
    url: str | None
    language: str | None
    revision: int = Field(description="current revision number")


class RevisionInfo(BaseModel):
    number: int
    parent: int | None
    reason: str
    created_at: str | None
    text_hash: str


class SourceInfo(BaseModel):
    source: str
    kind: str = Field(description="new | exact | near")
    similarity: float | None
    url: str | None
    site: str | None


class ArticleDetail(ArticleSummary):
    author: str | None
    language_score: float | None
    extraction_supported: bool
    text: str
    text_revision: int = Field(description="the revision whose text is shown")
    revisions: list[RevisionInfo]
    sources: list[SourceInfo]
    n_claims: int | None = Field(
        default=None,
        description="how many current claims the article has (page them with "
        "/api/claims?article_id=…)",
    )


class RevisionText(RevisionInfo):
    article_id: int
    text: str


class ArticlePage(BaseModel):
    items: list[ArticleSummary]
    next_cursor: str | None = Field(description="pass as `cursor` for the next page; null at end")


def _claim_fields() -> dict[str, Any]:
    """The API claim: every field of the claim record (claimgraph.record), in its order, then
    what the store adds (article_id, pipeline); further members pass through (`Open`)."""
    out: dict[str, Any] = {}
    for f in record.FIELDS:
        if f.kind is record.Kind.KEY:
            out[f.name] = (str, Field(description=f.doc))
            continue
        shape = f"{f.kind.value}: {{{', '.join(f.members)}}} — {f.doc}"
        if f.required:
            out[f.name] = (dict[str, Any], Field(description=shape))
        else:
            out[f.name] = (dict[str, Any] | None, Field(None, description=shape))
    out["article_id"] = (int, Field(description=record.READ["article_id"]))
    out["pipeline"] = (str | None, Field(None, description=record.STORED["pipeline"]))
    return out


Claim = create_model(
    "Claim",
    __base__=Open,
    __doc__="A stored claim: the `claimgraph extract --json` record plus article and pipeline.",
    __module__=__name__,
    **_claim_fields(),
)


class Moved(BaseModel):
    """A claim id that a newer extraction replaced: where it was and what took its place."""

    detail: str
    id: str
    article_id: int
    revision: int
    pipeline: str
    replaced_in_revision: int
    replaced_by_pipeline: str | None
    successor: str | None = Field(description="the claim that took its place (null: none)")


class ClaimPage(BaseModel):
    items: list[Claim]
    next_cursor: str | None = Field(description="pass as `cursor` for the next page; null at end")
    total: int | None = Field(
        default=None,
        description="how many claims match in all, given when the only filter is article_id "
        "(one article's claims); null otherwise",
    )


class Cluster(Open):
    id: str
    event: str
    n_claims: int
    independent_sources: list[str]
    claims: list[dict[str, Any]]


class ClusterList(BaseModel):
    items: list[Cluster]
    next_offset: int | None = Field(
        default=None, description="pass as `offset` for the next page; null at end"
    )
    total: int | None = Field(default=None, description="how many clusters match in all")


class Contradiction(Open):
    cluster_id: str
    kinds: list[str]
    a: dict[str, Any]
    b: dict[str, Any]


class ContradictionList(BaseModel):
    items: list[Contradiction]
    next_offset: int | None = Field(
        default=None, description="pass as `offset` for the next page; null at end"
    )
    total: int | None = Field(
        default=None,
        description="how many pairs there are, once a page reaches the end; null before (pairs "
        "are found lazily: counting them all is what a page avoids)",
    )


class Entity(BaseModel):
    id: str
    name: str
    type: str
    aliases: list[str]
    country: str | None


class EntityList(BaseModel):
    items: list[Entity]
    next_offset: int | None = Field(
        default=None, description="pass as `offset` for the next page; null at end"
    )


class EntityProfile(Open):
    id: str
    name: str
    type: str
    aliases: list[str]
    country: str | None
    n_claims: int
    # full lengths of the lists the API caps (timeline_limit, linked_limit): a list shorter
    # than its total was cut
    timeline_total: int | None = None
    linked_total: int | None = None
    claims_total: dict[str, int] | None = None


class Hit(BaseModel):
    id: int
    title: str | None
    published: str | None
    site: str | None
    score: float
    snippet: str


class HitList(BaseModel):
    items: list[Hit]
    next_offset: int | None = Field(
        default=None, description="pass as `offset` for the next page; null at end"
    )
