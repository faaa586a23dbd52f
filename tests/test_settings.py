"""Settings: shipped defaults, user file key by key, environment last."""

from __future__ import annotations

from pathlib import Path

import pytest

from sahelwatch.errors import SettingsError
from sahelwatch.settings import load_settings


def test_load_settings_defaults(tmp_path: Path) -> None:
    settings = load_settings(environ={}, user_file=tmp_path / "absent.toml")
    assert settings.db == "sqlite:///sahelwatch.db"
    assert settings.max_file_bytes == 20 * 1024 * 1024
    assert settings.spacy_models["fr"] == "fr_core_news_md"
    assert settings.fallback_encodings == ()


def test_load_settings_user_file_overrides_key_by_key(tmp_path: Path) -> None:
    user = tmp_path / "settings.toml"
    user.write_text("[ingest]\nmax_file_mb = 1\n[nlp]\nbatch_size = 4\n", "utf-8")
    settings = load_settings(environ={}, user_file=user)
    assert settings.max_file_bytes == 1024 * 1024
    assert settings.batch_size == 4
    assert settings.fetch_timeout_s == 20  # untouched keys of the same table keep their default
    assert settings.languages == ("en", "fr", "ar")


def test_load_settings_environment_wins(tmp_path: Path) -> None:
    user = tmp_path / "settings.toml"
    user.write_text('db = "sqlite:///from-file.db"\n', "utf-8")
    env = {"SAHELWATCH_DB": "sqlite:///from-env.db", "SAHELWATCH_MAX_FILE_MB": "2"}
    settings = load_settings(environ=env, user_file=user)
    assert settings.db == "sqlite:///from-env.db"
    assert settings.max_file_bytes == 2 * 1024 * 1024


def test_load_settings_settings_variable_names_the_file(tmp_path: Path) -> None:
    user = tmp_path / "mine.toml"
    user.write_text('region = "sahel"\ndata_dir = "/srv/sw"\n', "utf-8")
    settings = load_settings(environ={"SAHELWATCH_SETTINGS": str(user)})
    assert settings.data_dir == Path("/srv/sw")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("db = ", "not valid TOML"),
        ("colour = 'red'\n", "unknown setting 'colour'"),
        ("ingest = 3\n", "'ingest' must be a table"),
        ("[ingest]\nmax_file_mb = 'big'\n", "must be a number"),
        ("[ingest]\nmax_file_mb = -1\n", "must be positive"),
    ],
)
def test_load_settings_rejects_bad_files(tmp_path: Path, text: str, message: str) -> None:
    user = tmp_path / "settings.toml"
    user.write_text(text, "utf-8")
    with pytest.raises(SettingsError, match=message):
        load_settings(environ={}, user_file=user)


def test_load_settings_missing_named_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="does not exist"):
        load_settings(environ={"SAHELWATCH_SETTINGS": str(tmp_path / "nope.toml")})
