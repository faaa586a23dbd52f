"""The dashboard's pages: map, event, document, login, API reference, and the error page.

Views are thin: they read through the store (as the API does), build view models
(:mod:`._views`) and render a template. The pages' scripts then talk to ``/api``.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import URL

from sahelwatch import __version__
from sahelwatch.api._auth import KEY_COOKIE, Caller, identify
from sahelwatch.api._errors import NotFoundError, UnauthorizedError
from sahelwatch.api._events import documents_of
from sahelwatch.api._marks import document_marks, segments
from sahelwatch.api._params import MAX_LIMIT
from sahelwatch.api._state import app_state, store_of
from sahelwatch.model import Modality
from sahelwatch.store import CORRECTABLE_FIELDS
from sahelwatch.web._i18n import LANG_COOKIE, LANGUAGES, choose_language
from sahelwatch.web._state import web_state
from sahelwatch.web._views import (
    FAMILY_COLORS,
    country_label,
    family_label,
    field_rows,
    history_rows,
    pieces,
    report_view,
)

router = APIRouter(include_in_schema=False)
FILTER_NAMES = ("since", "until", "country", "family", "event_type", "actor", "modality", "q")


def page_caller(request: Request) -> Caller:
    """The signed-in analyst, if any (a stale cookie counts as signed out)."""
    try:
        return identify(request)
    except UnauthorizedError:
        return Caller(None)


def render(request: Request, template: str, context: dict[str, Any], status: int = 200) -> Response:
    """Render a page with what every page needs: language, strings, caller, colours."""
    state = web_state(request)
    lang = choose_language(request)
    t = state.translators[lang]
    caller = page_caller(request)
    base = {
        "lang": lang,
        "languages": LANGUAGES,
        "t": t,
        "caller": caller,
        "analyst": caller.allows("analyst"),
        "colors": FAMILY_COLORS,
        "version": __version__,
        "path": request.url.path,
        "lang_links": {
            code: _relative(request.url.include_query_params(lang=code)) for code in LANGUAGES
        },
        "family_label": lambda family: family_label(t, family),
    }
    response = state.templates.TemplateResponse(
        request, template, base | context, status_code=status
    )
    if request.query_params.get("lang") in LANGUAGES:
        response.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, samesite="lax")
    return response


def _relative(url: URL) -> str:
    return url.path + (f"?{url.query}" if url.query else "")


def render_error(request: Request, status: int, message: str) -> Response:
    return render(request, "error.html", {"status": status, "message": message}, status)


def _closed(request: Request) -> Response | None:
    """A redirect to the login page when reading needs a key and the visitor has none."""
    if app_state(request).read_requires_key and page_caller(request).key is None:
        target = quote(
            str(request.url.path) + ("?" + request.url.query if request.url.query else "")
        )
        return RedirectResponse(f"/login?next={target}", status_code=303)
    return None


def _options(request: Request, lang: str) -> dict[str, Any]:
    state, store = app_state(request), store_of(request)
    names = web_state(request).country_names
    countries = [
        (row.key, country_label(names, row.key, lang), row.events)
        for row in store.aggregate(by="country")
        if row.key
    ]
    return {
        "families": sorted({kind.family for kind in state.types.values()}),
        "event_types": sorted(
            {kind.event_type for kind in state.types.values()}
            | {kind.acled_event_type for kind in state.types.values()}
        ),
        "countries": sorted(countries, key=lambda item: item[1]),
        "modalities": [m.value for m in Modality],
        "actors": [actor.name for actor in store.actor_counts(limit=400)],
    }


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request) -> Response:
    if (closed := _closed(request)) is not None:
        return closed
    lang = choose_language(request)
    filters = {name: request.query_params.get(name, "") for name in FILTER_NAMES}
    config = {
        "lang": lang,
        "strings": web_state(request).translators[lang].strings,
        "colors": FAMILY_COLORS,
        "maxEvents": MAX_LIMIT,
        "filters": FILTER_NAMES,
    }
    context = {"filters": filters, "config": json.dumps(config, ensure_ascii=False)}
    return render(request, "dashboard.html", context | _options(request, lang))


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str) -> Response:
    if (closed := _closed(request)) is not None:
        return closed
    store = store_of(request)
    review = store.event_review(event_id)
    if review is None:
        target = store.merged_into(event_id)
        if target is not None:
            return RedirectResponse(f"/events/{quote(target)}", status_code=303)
        raise NotFoundError(f"no event {event_id}")
    documents = documents_of(store, {r.doc_id for r in review.event.reports})
    lang = choose_language(request)
    t = web_state(request).translators[lang]
    name = country_label(web_state(request).country_names, review.summary.country_code, lang)
    state = app_state(request)
    choices = {
        "family": sorted({k.family for k in state.types.values()}),
        "event_type": sorted({k.event_type for k in state.types.values()}),
        "sub_event_type": sorted(state.types),
        "modality": [m.value for m in Modality],
    }
    context = {
        "summary": review.summary,
        "fields": field_rows(review.summary, review.corrections, name or None),
        "reports": [report_view(r, documents.get(r.doc_id)) for r in review.event.reports],
        "history": history_rows(review.history, t),
        "correctable": [f for f in CORRECTABLE_FIELDS if f != "status"],
        "choices": json.dumps(choices, ensure_ascii=False),
    }
    return render(request, "event.html", context)


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str) -> Response:
    if (closed := _closed(request)) is not None:
        return closed
    store = store_of(request)
    document = store.document(doc_id)
    if document is None:
        raise NotFoundError(f"no document {doc_id}")
    reports = store.document_reports(doc_id)
    assessments = [a for a in store.assessments() if a.doc_id == doc_id]
    marks = document_marks(document.text, reports, store.place_mentions(doc_id), assessments)
    context = {
        "document": document,
        "pieces": pieces(segments(document.text, marks), marks),
        "events": sorted({event_id for event_id, _ in reports}),
    }
    return render(request, "document.html", context)


def _safe_next(target: str | None) -> str:
    if not target or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str | None = None) -> Response:
    return render(request, "login.html", {"next": _safe_next(next), "failed": False})


@router.post("/login")
def login(request: Request, key: str = Form(...), next: str = Form("/")) -> Response:
    found = store_of(request).find_key(key.strip())
    if found is None:
        return render(request, "login.html", {"next": _safe_next(next), "failed": True}, 401)
    response = RedirectResponse(_safe_next(next), status_code=303)
    secure = request.url.scheme == "https"
    response.set_cookie(
        KEY_COOKIE, key.strip(), httponly=True, samesite="strict", secure=secure, max_age=12 * 3600
    )
    return response


@router.post("/logout")
def logout() -> Response:
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(KEY_COOKIE)
    return response


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> Response:
    return render(request, "docs.html", {"openapi": request.app.openapi()})
