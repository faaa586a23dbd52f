"""``/api/keys`` (admin): create, list and revoke API keys; ``/api/me``: the caller's key."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from sahelwatch.api._auth import Admin, Reader
from sahelwatch.api._errors import NotFoundError, UnauthorizedError
from sahelwatch.api._serialize import jsonable
from sahelwatch.api._state import store_of
from sahelwatch.store import ApiKey

router = APIRouter(prefix="/api", tags=["keys"])


def key_json(key: ApiKey) -> dict[str, Any]:
    body: dict[str, Any] = jsonable(key)
    body["active"] = key.active
    return body


@router.get("/me", summary="The key this request carries")
def me(caller: Reader) -> dict[str, Any]:
    if caller.key is None:
        raise UnauthorizedError("no API key given")
    return key_json(caller.key)


class KeyRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: Literal["analyst", "admin"]
    name: str = Field(min_length=1, max_length=200, description="Whose key: shown in history.")


@router.post("/keys", summary="Create a key (admin); its secret is shown once", status_code=201)
def create_key(request: Request, caller: Admin, body: KeyRequest) -> JSONResponse:
    try:
        key, secret = store_of(request).create_key(body.role, body.name, caller.author)
    except ValueError as exc:
        from sahelwatch.api._errors import InvalidParameterError

        raise InvalidParameterError("name", str(exc)) from None
    return JSONResponse({"key": key_json(key), "secret": secret}, status_code=201)


@router.get("/keys", summary="Every key, revoked ones included (admin)")
def list_keys(request: Request, _: Admin) -> dict[str, Any]:
    return {"keys": [key_json(key) for key in store_of(request).api_keys()]}


@router.delete("/keys/{key_id}", summary="Revoke a key (admin)")
def revoke_key(request: Request, caller: Admin, key_id: int) -> dict[str, Any]:
    key = store_of(request).revoke_key(key_id, caller.author)
    if key is None:
        raise NotFoundError(f"no key {key_id}")
    return key_json(key)
