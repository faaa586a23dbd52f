"""Who is calling: API keys from a header or the dashboard's login cookie, and their roles.

A key comes in ``Authorization: Bearer <secret>``, in ``X-API-Key: <secret>``, or in the
``sahelwatch_key`` cookie set by the dashboard's login form (HttpOnly, SameSite=Strict). A
write authenticated by the cookie must also carry ``X-Requested-With: sahelwatch``, which a
page of another site cannot send: no cross-site request forgery.

Reads are open unless the app was built with ``read_requires_key``; writes need an
``analyst`` key (documents, corrections, merges, splits) or an ``admin`` key (key management);
an admin key may do all an analyst key may.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from sahelwatch.api._errors import ForbiddenError, UnauthorizedError
from sahelwatch.api._state import app_state, store_of
from sahelwatch.store import ApiKey, Author

KEY_COOKIE = "sahelwatch_key"
CSRF_HEADER = "X-Requested-With"
CSRF_VALUE = "sahelwatch"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass(frozen=True, slots=True)
class Caller:
    """The caller's key (None: anonymous)."""

    key: ApiKey | None

    @property
    def author(self) -> Author:
        """The name the audit log records for this caller's changes."""
        if self.key is None:
            return Author("anonymous")
        return Author(self.key.name, self.key.id)

    def allows(self, role: str) -> bool:
        return self.key is not None and self.key.allows(role)


def _secret(request: Request) -> tuple[str | None, bool]:
    """The secret the request carries, and whether it came from the cookie."""
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip(), False
    if request.headers.get("x-api-key", "").strip():
        return request.headers["x-api-key"].strip(), False
    cookie = request.cookies.get(KEY_COOKIE)
    return (cookie, True) if cookie else (None, False)


def identify(request: Request) -> Caller:
    """The caller, or 401 when a key is given but unknown or revoked."""
    secret, from_cookie = _secret(request)
    if secret is None:
        return Caller(None)
    key = store_of(request).find_key(secret)
    if key is None:
        raise UnauthorizedError("unknown or revoked API key")
    if (
        from_cookie
        and request.method not in SAFE_METHODS
        and request.headers.get(CSRF_HEADER) != CSRF_VALUE
    ):
        raise ForbiddenError(f"a change made with the login cookie needs the {CSRF_HEADER} header")
    return Caller(key)


def reader(caller: Annotated[Caller, Depends(identify)], request: Request) -> Caller:
    if caller.key is None and app_state(request).read_requires_key:
        raise UnauthorizedError("reading needs an API key on this server")
    return caller


def _requiring(role: str, caller: Caller) -> Caller:
    if caller.key is None:
        raise UnauthorizedError(f"this needs an API key with the {role} role")
    if not caller.allows(role):
        raise ForbiddenError(
            f"this needs the {role} role; the key {caller.key.name!r} is {caller.key.role}"
        )
    return caller


def analyst(caller: Annotated[Caller, Depends(identify)]) -> Caller:
    return _requiring("analyst", caller)


def admin(caller: Annotated[Caller, Depends(identify)]) -> Caller:
    return _requiring("admin", caller)


Reader = Annotated[Caller, Depends(reader)]
Analyst = Annotated[Caller, Depends(analyst)]
Admin = Annotated[Caller, Depends(admin)]
