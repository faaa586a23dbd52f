"""Errors of the API, and the one place where every exception becomes a response.

The API's own exceptions carry their HTTP status::

    ApiError (SahelwatchError)    400  the request cannot be served as asked
    ├── InvalidParameterError     422  a parameter or body field is not valid (names it)
    ├── UnauthorizedError         401  no key, or an unknown or revoked one
    ├── ForbiddenError            403  the key's role does not allow this
    ├── NotFoundError             404  no such event, document, key or page
    └── ConflictError             409  the change contradicts what is stored

Besides these, request validation errors become 422 with every field named, StoreError 503
(the database cannot be reached or written), any other SahelwatchError 500 with its one-line
message, and anything unexpected 500 without details. Responses under ``/api`` are JSON::

    {"ok": false, "status": 422, "title": "Unprocessable Entity",
     "error": "since: not a date", "errors": [{"field": "since", "message": "not a date"}]}

Elsewhere (the dashboard's pages) the web package's error page renders the same fields.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from sahelwatch.errors import SahelwatchError, StoreError

logger = logging.getLogger("sahelwatch.api")

# Renders an error as an HTML page: (request, status, message) -> response.
HtmlRenderer = Callable[[Request, int, str], Response]


class ApiError(SahelwatchError):
    """The request cannot be served as asked; ``status`` is the HTTP status."""

    status = 400

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class InvalidParameterError(ApiError):
    status = 422

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}", field=field)
        self.detail = message


class UnauthorizedError(ApiError):
    status = 401


class ForbiddenError(ApiError):
    status = 403


class NotFoundError(ApiError):
    status = 404


class ConflictError(ApiError):
    status = 409


def error_body(status: int, message: str, errors: Sequence[dict[str, str]] = ()) -> dict[str, Any]:
    body: dict[str, Any] = {
        "ok": False,
        "status": status,
        "title": HTTPStatus(status).phrase,
        "error": message,
    }
    if errors:
        body["errors"] = list(errors)
    return body


def _respond(
    request: Request, status: int, message: str, errors: Sequence[dict[str, str]] = ()
) -> Response:
    render: HtmlRenderer | None = getattr(request.app.state, "render_error", None)
    if render is not None and not request.url.path.startswith("/api"):
        return render(request, status, message)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(error_body(status, message, errors), status_code=status, headers=headers)


def _field(location: Sequence[Any]) -> str:
    """A readable name for a pydantic error location: ``since``, ``body.reports.0``."""
    parts = [str(part) for part in location if part not in ("query", "path", "body")]
    return ".".join(parts) or "body"


async def _api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    errors = []
    if isinstance(exc, InvalidParameterError):
        errors = [{"field": exc.field or "", "message": exc.detail}]
    return _respond(request, exc.status, exc.message, errors)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"field": _field(error.get("loc", ())), "message": str(error.get("msg", "not valid"))}
        for error in exc.errors()
    ]
    message = "; ".join(f"{e['field']}: {e['message']}" for e in errors) or "invalid request"
    return _respond(request, 422, message, errors)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    message = {404: "no such page", 405: "method not allowed here"}.get(exc.status_code)
    return _respond(request, exc.status_code, message or str(exc.detail))


async def _store_error(request: Request, exc: Exception) -> Response:
    logger.error("database error: %s", exc)
    return _respond(request, 503, f"the database is not available: {exc}")


async def _sahelwatch_error(request: Request, exc: Exception) -> Response:
    logger.error("error: %s", exc)
    return _respond(request, 500, str(exc))


async def _unexpected(request: Request, exc: Exception) -> Response:
    logger.exception("unexpected error serving %s", request.url.path, exc_info=exc)
    return _respond(request, 500, "internal error: the server could not complete the request")


def install_error_handlers(app: FastAPI) -> None:
    """Turn every exception into a JSON (``/api``) or HTML (pages) response."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(StoreError, _store_error)
    app.add_exception_handler(SahelwatchError, _sahelwatch_error)
    app.add_exception_handler(Exception, _unexpected)
