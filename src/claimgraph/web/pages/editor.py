"""Sign-in and the editors' queue: open reports by article, accept / reject / mark duplicate.

Reports from the embeddable widget on other sites join the same queue: under their article when
the page is a stored one, else grouped by page URL with the site's name. Those cannot be
accepted (there is no stored text to revise); the editor rejects them with a reason instead.

Every POST here is a urlencoded form carrying the session's CSRF token; every queue route needs
the editor or admin role (anonymous → redirect to /login, other roles → 403). Accepting writes
a new revision through the corrections desk, commits, then re-extracts the article so its claims
follow the corrected text.
"""

from __future__ import annotations

from itertools import groupby
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from claimgraph.corrections import desk, sites
from claimgraph.errors import NotFound
from claimgraph.pipeline import extract_stored
from claimgraph.store import repo
from claimgraph.store import repo_corrections as reports
from claimgraph.store.db import Store
from claimgraph.web import auth
from claimgraph.web.deps import MAX_ID, SessionDep, get_store
from claimgraph.web.pages.errors import error_page
from claimgraph.web.pages.render import context, safe_url, suggestion_fits, templates

router = APIRouter(include_in_schema=False)
ReportId = Annotated[int, Path(ge=1, le=MAX_ID)]


def _safe_next(url: str | None) -> str:
    """Only same-site paths, so /login?next= cannot bounce a user to another site."""
    if url and url.startswith("/") and not url.startswith("//") and "\\" not in url:
        return url
    return "/editor"


def login_redirect(request: Request, exc: auth.LoginRequired) -> RedirectResponse:
    return RedirectResponse(f"/login?next={quote(exc.next_url)}", status_code=303)


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str | None = None, error: str | None = None) -> Response:
    ctx = {"user": None, "csrf_token": auth.csrf_token(request), "next": _safe_next(next)}
    return templates.TemplateResponse(
        request, "login.html", {**ctx, "error": error}, 401 if error else 200
    )


@router.post("/login")
async def login_submit(request: Request) -> Response:
    """Check the password (argon2); success starts a fresh session and goes to `next`."""
    form = await auth.read_form(request)
    auth.check_csrf(request, form)
    user, wait = await auth.throttled_sign_in(
        request, get_store(request), form.get("name", "")[:255], form.get("password", "")[:1024]
    )
    if wait:
        page = login_form(
            request, form.get("next"), f"Too many failed sign-ins; try again in {wait} seconds."
        )
        page.status_code, page.headers["Retry-After"] = 429, str(wait)
        return page
    if user is None:
        return login_form(request, form.get("next"), "Wrong name or password.")
    return RedirectResponse(_safe_next(form.get("next")), status_code=303)


@router.post("/logout")
async def logout(request: Request) -> Response:
    form = await auth.read_form(request)
    auth.check_csrf(request, form)
    with get_store(request).session() as s:
        auth.logout(request, s)
    return RedirectResponse("/", status_code=303)


def _group_key(r: dict[str, Any]) -> tuple[bool, int, str]:
    """Article reports first (by article), then reports from other pages by page URL."""
    aid = r["article_id"]
    return (aid is None, aid or 0, "" if aid is not None else (r["page_url"] or ""))


def _page_href(url: str | None) -> str | None:
    """Link only to http(s) pages; anything else is shown as text, never as an href."""
    return safe_url(url)


@router.get("/editor", response_class=HTMLResponse)
def queue(
    request: Request,
    session: SessionDep,
    done: str | None = None,
    article: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    rev: Annotated[int | None, Query(ge=2, le=MAX_ID)] = None,
) -> Response:
    """Open reports grouped by article (else by the page they came from, for the widget), each
    quote shown inside its text. After an accept, `article` and `rev` link to the change."""
    user = auth.require_editor(request, session)
    groups: list[dict[str, Any]] = []
    names = sites.site_names(session=session)
    rows = sorted(reports.list_reports(session=session, status="open"), key=_group_key)
    for (_, aid, page_url), items in groupby(rows, key=_group_key):
        items = list(items)
        art = None
        if aid:
            try:
                art = repo.get_article(session=session, article_id=aid)
            except NotFound:
                art = None
        for r in items:
            r["site_name"] = names.get(r["site"] or "", r["site"])
            r["page_href"] = _page_href(r["page_url"])
            # a suggestion that does not read as a fix for the quote is shown, never prefilled
            r["fits"] = suggestion_fits(r["exact"], r["suggestion"])
            if art is not None and r["revision"] is not None:
                # offsets are into the revision the reader saw; show that text around them
                seen = repo.get_article(session=session, article_id=aid, revision=r["revision"])
                pos = r["target"]["selector"][1]
                r["ctx"] = context(seen["text"], pos["start"], pos["end"])
            else:
                q = r["target"]["selector"][0]
                r["ctx"] = (q["prefix"], r["exact"], q["suffix"])
        groups.append(
            {
                "article": art,
                "article_id": aid or None,
                "page_url": page_url or None,
                "page_href": _page_href(page_url),
                "site_name": items[0]["site_name"],
                "reports": items,
            }
        )
    return templates.TemplateResponse(
        request,
        "editor.html",
        {
            **auth.user_context(request, user),
            "groups": groups,
            "done": (done or "")[:300],
            "changed": {"article": article, "rev": rev} if article and rev else None,
        },
    )


@router.post("/editor/reports/{report_id}/{action}")
async def act(request: Request, report_id: ReportId, action: str) -> Response:
    """accept (with editable text) → new revision + re-extraction; reject (reason); duplicate."""
    form = await auth.read_form(request)
    store = get_store(request)
    with store.session() as s:
        user = auth.require_editor(request, s)
        auth.check_csrf(request, form)
        editor = user.name
    # the desk and spaCy are blocking: keep them off the event loop
    try:
        msg, changed = await run_in_threadpool(_apply, store, report_id, action, editor, form)
    except desk.ReportConflict as exc:  # another editor was first: 409, never a second "done"
        message = f"Report {report_id}: {exc}"
        if "application/json" in request.headers.get("accept", ""):
            return JSONResponse({"detail": message}, status_code=409)
        return error_page(request, 409, message)
    where = f"&article={changed[0]}&rev={changed[1]}" if changed else ""
    return RedirectResponse(f"/editor?done={quote(msg)}{where}", status_code=303)


def _apply(
    store: Store, report_id: int, action: str, editor: str, form: dict[str, str]
) -> tuple[str, tuple[int, int] | None]:
    """One editor action in its own committed transaction; the message shown on the queue and,
    after an accept, (article id, new revision) for the link to the change."""
    article_id: int | None = None
    rev = 0
    try:
        with store.session() as s:
            if action == "accept":
                text = form.get("replacement") or None  # empty: the reader's suggestion
                if (
                    text is not None
                    and text == reports.get_report(session=s, report_id=report_id).exact
                ):
                    raise desk.ReportError(
                        "replacement", "the replacement is the quoted text itself; edit it first"
                    )
                rev = desk.accept(session=s, report_id=report_id, editor=editor, replacement=text)
                article_id = reports.get_report(session=s, report_id=report_id).article_id
                msg = f"Report {report_id} accepted: article {article_id} is now at revision {rev}."
            elif action == "reject":
                desk.reject(
                    session=s, report_id=report_id, editor=editor, reason=form.get("reason", "")
                )
                msg = f"Report {report_id} rejected."
            elif action == "duplicate":
                try:
                    of = int(form.get("of", ""))
                except ValueError as exc:
                    raise desk.ReportError("of", "give the number of the original report") from exc
                desk.mark_duplicate(session=s, report_id=report_id, of=of, editor=editor)
                msg = f"Report {report_id} marked as a duplicate of {of}."
            else:
                raise HTTPException(404, "unknown action")
    except desk.ReportConflict:
        raise  # answered 409 by the route
    except desk.ReportError as exc:
        msg = f"Report {report_id}: {exc}"
    except NotFound as exc:
        msg = str(exc)
    if article_id is not None:
        failure = extract_stored(store, article_id)
        if failure is not None:
            msg += f" Re-extraction failed: {failure.message}"
        return msg, (article_id, rev)
    return msg, None
