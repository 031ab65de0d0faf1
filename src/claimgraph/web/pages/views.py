"""The reader's pages: overview, article reader, claims table, search, entity profile.

Server-rendered (Jinja2, autoescape on) over the same repo functions as the JSON API; page
routes stay out of the OpenAPI schema, which documents /api only.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse

from claimgraph.analyze import kb
from claimgraph.errors import NotFound
from claimgraph.store import repo, repo_history, repo_views
from claimgraph.store.filters import FILTERS, PROFILE_ROLES, ClaimFilter, FilterError
from claimgraph.store.filters import given as given_filters
from claimgraph.store.repo_articles import article_claims_page
from claimgraph.store.search import search as fts_search
from claimgraph.web import auth
from claimgraph.web.deps import (
    MAX_ID,
    ClaimFilterDep,
    SessionDep,
    bad_cursor,
    decode_cursor,
    encode_cursor,
)
from claimgraph.web.pages.render import (
    claim_card,
    claim_spans,
    cluster_summary,
    entity_spans,
    segments,
    templates,
    vendor_ready,
    word_diff,
)

router = APIRouter(include_in_schema=False)
ArticleId = Annotated[int, Path(ge=1, le=MAX_ID)]
CLAIM_PARAMS = tuple(s.name for s in FILTERS)  # the form fields, from the one filter table
EXPORTS = ("csv", "stix", "geojson")
PAGE_CLAIMS = 500  # claims highlighted and carded on one reader page


def filter_fields(given: dict[str, str]) -> list[dict[str, Any]]:
    """The claim-filter form (_filters.html), one field per row of store/filters.FILTERS, with
    the values as typed. A value a choice list does not know is kept as a selected extra
    option, so the form shows what was asked beside the error that names it."""
    out = []
    for spec in FILTERS:
        value = given.get(spec.name, "")
        known = spec.options()
        chosen = [v.strip() for v in value.split(",") if v.strip()] if known else []
        if spec.case:
            chosen = [v.upper() if spec.case == "upper" else v.lower() for v in chosen]
        out.append(
            {
                "name": spec.name,
                "label": spec.label or spec.name.replace("_", " "),
                "help": spec.help,
                "value": value,
                "placeholder": spec.placeholder,
                "numeric": spec.kind == "int",
                "multiple": spec.multiple,
                "options": [*known, *(v for v in chosen if v not in known)],
                "unknown": [v for v in chosen if v not in known],
                "selected": chosen,
            }
        )
    return out


def page(request: Request, session: Any, name: str, **ctx: Any) -> HTMLResponse:
    """Render a template with the signed-in state every layout shows."""
    user = auth.current_user(request, session)
    ctx.setdefault("vendor_ready", vendor_ready())
    ctx.setdefault("filter_fields", filter_fields(ctx.get("given") or {}))
    return templates.TemplateResponse(request, name, {**auth.user_context(request, user), **ctx})


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, session: SessionDep) -> HTMLResponse:
    """Newest articles and the store's size, with links to every page."""
    return page(
        request,
        session,
        "index.html",
        articles=repo.list_articles(session=session, limit=50),
        n_articles=repo.count_articles(session=session),
        entities=repo.list_entities(session=session, limit=30),
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(
    request: Request,
    article_id: ArticleId,
    session: SessionDep,
    rev: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    diff: Annotated[int | None, Query(ge=1, le=MAX_ID, description="compare with")] = None,
    claims_offset: Annotated[int, Query(ge=0, le=MAX_ID)] = 0,
) -> HTMLResponse:
    """The reader: highlighted text, claim cards, revisions, a word diff and the error dialog.

    At most PAGE_CLAIMS claims are highlighted and carded at once (`claims_offset` pages on,
    the total is shown): an article with 15,007 claims took minutes to render (issue 12)."""
    try:
        art = repo.get_article(session=session, article_id=article_id, revision=rev)
    except NotFound as exc:
        return not_found_page(request, exc)
    shown = art["text_revision"]
    # Stored claims belong to the newest extracted revision; earlier ones show the claims they
    # had when they were current (the extraction history), whose ids lead to their successors.
    if repo_views.claims_revision(session=session, article_id=article_id) == shown:
        claims, n_claims = article_claims_page(
            session=session, article_id=article_id, offset=claims_offset, limit=PAGE_CLAIMS
        )
    else:
        archived = repo.archived_claims(session=session, article_id=article_id, revision=shown)
        n_claims = len(archived)
        claims = archived[claims_offset : claims_offset + PAGE_CLAIMS]
    clusters = repo_views.cluster_ids(session=session, claim_pks=[c["pk"] for c in claims])
    members = repo_views.cluster_members(session=session, cluster_ids=set(clusters.values()))
    extraction = repo_views.get_extraction(session=session, article_id=article_id, revision=shown)
    names = {
        e.get("id"): e.get("name") for e in (extraction or {}).get("entities") or [] if e.get("id")
    }
    changes = None
    if diff is not None and diff != shown and any(r["number"] == diff for r in art["revisions"]):
        other = repo.get_article(session=session, article_id=article_id, revision=diff)
        old, new = (other, art) if diff < shown else (art, other)
        changes = {
            "old": old["text_revision"],
            "new": new["text_revision"],
            "pieces": word_diff(old["text"], new["text"]),
        }
    return page(
        request,
        session,
        "article.html",
        art=art,
        shown=shown,
        is_current=shown == art["revision"],
        segments=segments(art["text"], claim_spans(claims), entity_spans(extraction)),
        cards=[claim_card(c, clusters.get(c["pk"])) for c in claims],
        clusters={cid: cluster_summary(cid, ms, article_id) for cid, ms in members.items()},
        entity_names=names,
        changes=changes,
        skipped=(extraction or {}).get("skipped"),  # why there are no claims (too long, language)
        extractions=repo_history.extractions(session=session, article_id=article_id),
        claim_pages=_claim_pages(article_id, rev, n_claims, claims_offset, len(claims)),
    )


def _claim_pages(
    article_id: int, rev: int | None, total: int, offset: int, shown: int
) -> dict[str, Any] | None:
    """'Claims 501-1,000 of 15,007' with links to the pages before and after; None when every
    claim is on the page."""
    if offset == 0 and shown >= total:
        return None

    def href(at: int) -> str:
        query = {**({"rev": rev} if rev else {}), **({"claims_offset": at} if at else {})}
        return f"/articles/{article_id}" + (f"?{urlencode(query)}" if query else "")

    return {
        "first": offset + 1 if shown else 0,
        "last": offset + shown,
        "total": total,
        "prev": href(max(0, offset - PAGE_CLAIMS)) if offset else None,
        "next": href(offset + PAGE_CLAIMS) if offset + PAGE_CLAIMS < total else None,
        "next_size": min(PAGE_CLAIMS, total - offset - PAGE_CLAIMS),
    }


@router.get("/claims", response_class=HTMLResponse)
def claims_table(
    request: Request,
    session: SessionDep,
    filters: ClaimFilterDep,
    limit: Annotated[int, Query(ge=1, le=2000)] = 200,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> HTMLResponse:
    """Claims matching the /api/claims filters, `limit` a page (cursor paging), with export
    links carrying the same filters."""
    key = decode_cursor(cursor) if cursor else ["claims", 0]
    if not (isinstance(key, list) and len(key) == 2 and key[0] == "claims" and type(key[1]) is int):
        raise bad_cursor()
    rows = repo.list_claims(
        session=session, filters=filters, order="pk", limit=limit + 1, after_pk=key[1] or None
    )
    more, rows = len(rows) > limit, rows[:limit]
    given = given_filters(request.query_params)
    qs = urlencode(given)
    return page(
        request,
        session,
        "claims.html",
        cards=[{**claim_card(c, None), "article_id": c["article_id"]} for c in rows],
        given=given,
        params=CLAIM_PARAMS,
        article_id=filters.article_id,
        limit=limit,
        cursor=cursor,
        next_cursor=encode_cursor(["claims", rows[-1]["pk"]]) if more and rows else None,
        exports=[(fmt, f"/api/export/{fmt}" + (f"?{qs}" if qs else "")) for fmt in EXPORTS],
    )


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    session: SessionDep,
    q: Annotated[str, Query(max_length=500)] = "",
) -> HTMLResponse:
    """Full-text search over articles, plus the entities whose names match and the claims
    whose object or evidence holds the words; an empty query shows just the box."""
    if not q.strip():
        return page(request, session, "search.html", q=q, hits=[], entities=[], claims=[])
    hits = fts_search(session=session, query=q, limit=50)
    try:
        words = ClaimFilter.parse(q=q)
        claims = repo.list_claims(session=session, filters=words, order="pk", limit=20)
    except FilterError:  # nothing a claim could hold (punctuation only)
        claims = []
    return page(
        request,
        session,
        "search.html",
        q=q,
        hits=hits,
        entities=repo.list_entities(session=session, q=q.strip().strip('"'), limit=12),
        claims=[{**claim_card(c, None), "article_id": c["article_id"]} for c in claims],
    )


@router.get("/entities/{name_or_id:path}", response_class=HTMLResponse)
def entity_page(
    request: Request,
    name_or_id: Annotated[str, Path(max_length=500)],
    session: SessionDep,
) -> HTMLResponse:
    """An entity's profile: aliases, roles, places, timeline, linked entities, sources."""
    try:
        # capped like the API's default: a frequent entity would render thousands of rows
        profile = kb.entity_profile(
            session=session, name=name_or_id, timeline_limit=500, linked_limit=200
        )
    except NotFound as exc:
        return not_found_page(request, exc)

    def link(roles: tuple[str, ...]) -> str:  # the claims the profile counts, as a list
        return "/claims?" + urlencode({"entity": profile["id"], "role": ",".join(roles)})

    return page(
        request,
        session,
        "entity.html",
        p=profile,
        claims_link=link(PROFILE_ROLES),
        role_links={r: link((r,)) for r in PROFILE_ROLES},
    )


def not_found_page(request: Request, exc: NotFound) -> HTMLResponse:
    """404 as a page for browsers, with navigation and sign-out (pages/errors.py)."""
    from claimgraph.web.pages.errors import error_page

    return error_page(request, 404, str(exc))
