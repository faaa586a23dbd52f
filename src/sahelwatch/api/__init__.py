"""The REST API (FastAPI), served with the dashboard by ``sahelwatch serve``.

Build the app with :func:`create_app`; the OpenAPI description is at ``/openapi.json`` and
rendered at ``/docs``. Endpoints::

    GET    /api/events              filters, keyset pages, format=json|geojson|csv
    GET    /api/events/{id}         reports, sources, evidence spans, corrections, history
    PATCH  /api/events/{id}         correct fields, confirm or dismiss (analyst)
    POST   /api/events/merge        merge events into one (analyst)
    POST   /api/events/split        move reports to a new event (analyst)
    GET    /api/documents/{id}      the text with evidence, places and assessments marked
    POST   /api/documents           store one document or a batch (analyst)
    GET    /api/aggregates          events and fatalities per day/week/month and group
    GET    /api/places, /api/actors, /api/assessments
    GET    /api/keys, POST /api/keys, DELETE /api/keys/{id}   (admin)
    GET    /api/me                  the caller's key

Errors are JSON with their status (:mod:`sahelwatch.api._errors`); a bad parameter is a 422
naming it.
"""

from sahelwatch.api._app import create_app

__all__ = ["create_app"]
