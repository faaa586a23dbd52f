"""API keys: random secrets shown once, stored as their SHA-256, each with a role.

A secret is 32 random bytes (``sw_`` + URL-safe base64): a fast hash is enough, since nobody
can guess such a secret from its hash, and a lookup by hash is one indexed query.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from sahelwatch.store._review import Author, audit
from sahelwatch.store.schema import KEY_ROLES, api_keys

SECRET_PREFIX = "sw_"
SHOWN_CHARACTERS = 10


@dataclass(frozen=True, slots=True)
class ApiKey:
    """A stored key (never its secret). ``admin`` may do all an ``analyst`` may."""

    id: int
    name: str
    role: str
    prefix: str
    created_at: dt.datetime
    revoked_at: dt.datetime | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    def allows(self, role: str) -> bool:
        """Whether this key may act as ``role``."""
        return self.active and (self.role == role or self.role == "admin")


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _key(row: Any) -> ApiKey:
    return ApiKey(
        row["id"], row["name"], row["role"], row["prefix"], row["created_at"], row["revoked_at"]
    )


def create(
    connection: sa.Connection, role: str, name: str, author: Author, now: dt.datetime
) -> tuple[ApiKey, str]:
    """A new key and its secret (ValueError for an unknown role or an empty name)."""
    if role not in KEY_ROLES:
        raise ValueError(f"role must be one of {', '.join(KEY_ROLES)}, not {role!r}")
    name = " ".join(name.split())
    if not name or len(name) > 200:
        raise ValueError("a key needs a name of 1 to 200 characters")
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    prefix = secret[:SHOWN_CHARACTERS]
    row: dict[str, object] = {"name": name, "role": role, "prefix": prefix, "created_at": now}
    row["key_hash"] = hash_secret(secret)
    inserted = connection.execute(sa.insert(api_keys).values(row).returning(api_keys.c.id))
    key = ApiKey(inserted.scalar_one(), name, role, prefix, now, None)
    entry = {"action": "key_create", "after": {"key": key.id, "name": name, "role": role}}
    audit(connection, author, now, [entry])
    return key, secret


def find(connection: sa.Connection, secret: str) -> ApiKey | None:
    """The active key with this secret, or None."""
    statement = sa.select(api_keys).where(
        api_keys.c.key_hash == hash_secret(secret), api_keys.c.revoked_at.is_(None)
    )
    row = connection.execute(statement).mappings().first()
    return None if row is None else _key(row)


def listing(connection: sa.Connection) -> list[ApiKey]:
    statement = sa.select(api_keys).order_by(api_keys.c.id)
    return [_key(row) for row in connection.execute(statement).mappings()]


def revoke(
    connection: sa.Connection, key_id: int, author: Author, now: dt.datetime
) -> ApiKey | None:
    """Revoke a key (revoking twice changes nothing); None if there is no such key."""
    row = connection.execute(sa.select(api_keys).where(api_keys.c.id == key_id)).mappings().first()
    if row is None:
        return None
    if row["revoked_at"] is not None:
        return _key(row)
    connection.execute(sa.update(api_keys).where(api_keys.c.id == key_id).values(revoked_at=now))
    audit(connection, author, now, [{"action": "key_revoke", "before": {"key": key_id}}])
    return _key({**row, "revoked_at": now})
