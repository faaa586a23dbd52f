"""The dashboard: server-rendered pages plus a little JavaScript, served with the API.

Nothing comes from the internet at view time: Leaflet is served from the ``xstatic-leaflet``
package, the basemap is a GeoJSON file built from Natural Earth by ``sahelwatch basemap
build`` and shipped in ``web/static``, the scripts and styles are this package's own, and a
Content-Security-Policy (``default-src 'self'``) makes the browser refuse anything else.

Pages: ``/`` (map, timeline, filters, event list), ``/events/{id}`` (fields, reports,
highlighted source sentences, history, analyst actions), ``/documents/{id}``, ``/login``,
``/docs`` (the API reference, from the OpenAPI description). Strings are in
``web/i18n/en.json`` and ``fr.json``.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from sahelwatch.web._pages import render_error, router
from sahelwatch.web._state import STATIC, load_web_state

__all__ = ["add_web", "leaflet_folder"]


def leaflet_folder() -> Path:
    """Leaflet's files (leaflet.js, leaflet.css, images/) in the xstatic-leaflet package."""
    return Path(str(resources.files("xstatic.pkg.leaflet").joinpath("data")))


def add_web(app: FastAPI) -> None:
    """Add the dashboard's pages and assets to ``app``."""
    app.state.sahelwatch_web = load_web_state()
    app.state.render_error = render_error
    app.include_router(router)
    app.mount("/static/leaflet", StaticFiles(directory=leaflet_folder()), name="leaflet")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
