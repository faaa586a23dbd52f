"""`sahelwatch keys create|list|revoke` and `sahelwatch serve --help`."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from sahelwatch.cli import app
from sahelwatch.store import open_store


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"SAHELWATCH_DB": f"sqlite:///{tmp_path / 'cli.db'}", "XDG_CONFIG_HOME": str(tmp_path)}


def test_keys_create_prints_the_secret_once_and_stores_its_hash(env: dict[str, str]) -> None:
    runner = CliRunner()

    created = runner.invoke(
        app, ["keys", "create", "--role", "analyst", "--name", "Amina"], env=env
    )

    assert created.exit_code == 0, created.output
    secret = created.output.strip().splitlines()[-1]
    assert secret.startswith("sw_")
    with open_store(env["SAHELWATCH_DB"]) as store:
        key = store.find_key(secret)
        assert key is not None and (key.name, key.role) == ("Amina", "analyst")
    listed = runner.invoke(app, ["keys", "list"], env=env)
    assert "Amina" in listed.output and secret not in listed.output

    revoked = runner.invoke(app, ["keys", "revoke", str(key.id)], env=env)

    assert revoked.exit_code == 0 and "revoked" in revoked.output
    with open_store(env["SAHELWATCH_DB"]) as store:
        assert store.find_key(secret) is None


def test_keys_create_refuses_an_unknown_role(env: dict[str, str]) -> None:
    result = CliRunner().invoke(app, ["keys", "create", "--role", "owner"], env=env)
    assert result.exit_code == 2


def test_keys_revoke_an_unknown_key_fails(env: dict[str, str]) -> None:
    result = CliRunner().invoke(app, ["keys", "revoke", "42"], env=env)
    assert result.exit_code == 1
    assert "no key 42" in str(result.exception)


def test_serve_has_its_options() -> None:
    result = CliRunner().invoke(app, ["serve", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for option in ("--host", "--port", "--read-requires-key"):
        assert option in result.output
