"""API keys: created with a role, shown once, stored hashed, found by secret, revoked."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from sahelwatch.store import Author, Store

ADMIN = Author("cli")


def test_create_key_returns_a_secret_that_finds_the_key(store: Store) -> None:
    key, secret = store.create_key("analyst", "Amina  Traoré", ADMIN)

    assert secret.startswith("sw_") and len(secret) > 40
    assert (key.name, key.role, key.active, key.prefix) == (
        "Amina Traoré",
        "analyst",
        True,
        secret[:10],
    )
    assert store.find_key(secret) == key
    assert store.find_key(secret + "x") is None
    assert store.api_keys() == [key]


def test_create_key_stores_only_the_hash(store: Store, db_url: str) -> None:
    _, secret = store.create_key("admin", "root", ADMIN)

    engine = sa.create_engine(db_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(sa.text("SELECT * FROM api_keys")).mappings().all()
    finally:
        engine.dispose()
    assert len(rows) == 1
    assert secret not in " ".join(str(value) for value in rows[0].values())


@pytest.mark.parametrize(
    ("role", "name", "message"),
    [("owner", "x", "role must be one of analyst, admin"), ("analyst", "  ", "a name")],
)
def test_create_key_refuses_unknown_roles_and_empty_names(
    store: Store, role: str, name: str, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        store.create_key(role, name, ADMIN)


def test_revoke_key_stops_the_secret_and_is_audited(store: Store, db_url: str) -> None:
    key, secret = store.create_key("analyst", "amina", ADMIN)

    revoked = store.revoke_key(key.id, Author("root", 1))

    assert revoked is not None and not revoked.active
    assert store.find_key(secret) is None
    assert store.revoke_key(key.id, ADMIN) == revoked
    assert store.revoke_key(999, ADMIN) is None
    assert [k.active for k in store.api_keys()] == [False]
    engine = sa.create_engine(db_url)
    try:
        with engine.connect() as connection:
            query = "SELECT action, author, key_id FROM audit_log ORDER BY id"
            rows = [tuple(row) for row in connection.execute(sa.text(query))]
    finally:
        engine.dispose()
    assert rows == [("key_create", "cli", None), ("key_revoke", "root", 1)]


def test_key_roles_allow_what_they_should() -> None:
    from sahelwatch.store import ApiKey

    analyst = ApiKey(1, "a", "analyst", "sw_", None, None)  # type: ignore[arg-type]
    admin = ApiKey(2, "b", "admin", "sw_", None, None)  # type: ignore[arg-type]
    assert analyst.allows("analyst") and not analyst.allows("admin")
    assert admin.allows("analyst") and admin.allows("admin")
