"""The app factory: one FastAPI app serving the REST API and the dashboard.

Everything the app needs is built here and hung on ``app.state.sahelwatch`` (no module-level
state): the settings, the store (opened from ``settings.db`` unless one is given, and then
closed with the app), the region's taxonomy, and whether reading needs a key.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sahelwatch import __version__
from sahelwatch.api import _catalog, _documents, _events, _keys
from sahelwatch.api._auth import Reader
from sahelwatch.api._errors import install_error_handlers
from sahelwatch.api._state import AppState, store_of
from sahelwatch.pack import load_region
from sahelwatch.settings import Settings
from sahelwatch.store import Store, open_store

DESCRIPTION = """Crisis events from news and NGO reports about the Sahel: ACLED-compatible,
geolocated, every field traceable to the sentence it came from. Reads are open unless the
server says otherwise; writes need an API key (`Authorization: Bearer <key>`) with the
analyst or admin role (`sahelwatch keys create --role analyst`)."""

# Pages and assets come from this server only: nothing is fetched from elsewhere.
SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
        b"script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; "
        b"form-action 'self'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]


class SecurityHeaders:
    """ASGI middleware adding :data:`SECURITY_HEADERS` to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, sending)


def create_app(
    settings: Settings,
    store: Store | None = None,
    *,
    read_requires_key: bool | None = None,
    web: bool = True,
) -> FastAPI:
    """The app over ``store`` (else a store opened on ``settings.db`` and closed with the app).

    ``read_requires_key`` closes reads to callers without a key (default: the setting
    ``api.read_requires_key``); ``web`` adds the dashboard's pages and assets.
    """
    owned = store is None
    opened = open_store(settings.db) if store is None else store

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            if owned:
                opened.close()

    app = FastAPI(
        title="sahelwatch",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,  # the CDN-free reference page is the web package's /docs
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.sahelwatch = AppState(
        settings,
        opened,
        load_region(settings.region).types,
        settings.read_requires_key if read_requires_key is None else read_requires_key,
    )
    install_error_handlers(app)
    for module in (_events, _documents, _catalog, _keys):
        app.include_router(module.router)
    app.add_api_route("/api", api_index, methods=["GET"], tags=["meta"], summary="What is here")
    if web:
        from sahelwatch.web import add_web

        add_web(app)
    # Level 4: most of the gain of 9 at a fraction of the time (a 10,000-event page is 3.5 MB).
    app.add_middleware(GZipMiddleware, minimum_size=2000, compresslevel=4)
    app.add_middleware(SecurityHeaders)
    return app


def api_index(request: Request, _: Reader) -> dict[str, Any]:
    """The API's version, what the store holds, and where the endpoints are described."""
    return {
        "name": "sahelwatch",
        "version": __version__,
        "counts": store_of(request).counts(),
        "openapi": "/openapi.json",
        "docs": "/docs",
        "endpoints": [
            f"{method.upper()} {path}"
            for path, operations in request.app.openapi()["paths"].items()
            for method in operations
        ],
    }
