"""Settings: shipped defaults, a user file that overrides them key by key, then environment.

Order of precedence, lowest first:

1. ``sahelwatch/defaults.toml`` shipped with the package;
2. the user file named by ``SAHELWATCH_SETTINGS``, else
   ``$XDG_CONFIG_HOME/sahelwatch/settings.toml`` when it exists (nested tables merge key by key);
3. environment variables: ``SAHELWATCH_DB``, ``SAHELWATCH_DATA_DIR``, ``SAHELWATCH_MAX_FILE_MB``,
   ``SAHELWATCH_FETCH_TIMEOUT``, ``SAHELWATCH_READ_REQUIRES_KEY``.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from sahelwatch.errors import SettingsError

ENVIRONMENT = {
    "SAHELWATCH_DB": ("db",),
    "SAHELWATCH_DATA_DIR": ("data_dir",),
    "SAHELWATCH_MAX_FILE_MB": ("ingest", "max_file_mb"),
    "SAHELWATCH_FETCH_TIMEOUT": ("ingest", "fetch_timeout_s"),
    "SAHELWATCH_READ_REQUIRES_KEY": ("api", "read_requires_key"),
}


@dataclass(frozen=True, slots=True)
class Settings:
    """Resolved settings; build with :func:`load_settings`."""

    db: str
    region: str
    data_dir: Path
    max_file_bytes: int
    fetch_timeout_s: float
    languages: tuple[str, ...]
    fallback_encodings: tuple[str, ...]
    spacy_models: Mapping[str, str]
    batch_size: int
    api_host: str = "127.0.0.1"
    api_port: int = 8000
    read_requires_key: bool = False


def load_settings(
    environ: Mapping[str, str] | None = None, user_file: Path | None = None
) -> Settings:
    """Resolve settings from defaults, the user file and the environment."""
    env = os.environ if environ is None else environ
    merged = _read_toml_text(
        resources.files("sahelwatch").joinpath("defaults.toml").read_text("utf-8"), "defaults"
    )
    path = user_file or _user_file(env)
    if path is not None and path.exists():
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise SettingsError(f"cannot read settings file {path}: {exc}") from exc
        _merge(merged, _read_toml_text(text, str(path)), str(path))
    for variable, keys in ENVIRONMENT.items():
        if variable in env:
            _assign(merged, keys, env[variable])
    return _build(merged, env)


def _user_file(env: Mapping[str, str]) -> Path | None:
    if env.get("SAHELWATCH_SETTINGS"):
        path = Path(env["SAHELWATCH_SETTINGS"])
        if not path.exists():
            raise SettingsError(f"SAHELWATCH_SETTINGS names {path}, which does not exist")
        return path
    config_home = env.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config_home) / "sahelwatch" / "settings.toml"


def _read_toml_text(text: str, origin: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{origin}: not valid TOML ({exc})") from exc


def _merge(base: dict[str, Any], override: Mapping[str, Any], origin: str) -> None:
    for key, value in override.items():
        if key not in base:
            raise SettingsError(f"{origin}: unknown setting {key!r}")
        if isinstance(base[key], dict) and key != "models":
            if not isinstance(value, Mapping):
                raise SettingsError(f"{origin}: {key!r} must be a table")
            _merge(base[key], value, origin)
        else:
            base[key] = value


def _assign(tree: dict[str, Any], keys: tuple[str, ...], value: str) -> None:
    node = tree
    for key in keys[:-1]:
        node = node[key]
    node[keys[-1]] = value


def _number(value: object, name: str) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise SettingsError(f"setting {name} must be a number, not {value!r}") from None
    if number <= 0:
        raise SettingsError(f"setting {name} must be positive, not {value!r}")
    return number


def _build(tree: Mapping[str, Any], env: Mapping[str, str]) -> Settings:
    ingest, nlp, api = tree["ingest"], tree["nlp"], tree["api"]
    if tree["data_dir"]:
        data_dir = Path(str(tree["data_dir"]))
    else:
        data_dir = Path(env.get("XDG_DATA_HOME") or Path.home() / ".local/share") / "sahelwatch"
    return Settings(
        db=str(tree["db"]),
        region=str(tree["region"]),
        data_dir=data_dir,
        max_file_bytes=int(_number(ingest["max_file_mb"], "ingest.max_file_mb") * 1024 * 1024),
        fetch_timeout_s=_number(ingest["fetch_timeout_s"], "ingest.fetch_timeout_s"),
        languages=tuple(str(lang) for lang in ingest["languages"]),
        fallback_encodings=tuple(str(name) for name in ingest["fallback_encodings"]),
        spacy_models={str(k): str(v) for k, v in nlp["models"].items()},
        batch_size=int(_number(nlp["batch_size"], "nlp.batch_size")),
        api_host=str(api["host"]),
        api_port=int(_number(api["port"], "api.port")),
        read_requires_key=_flag(api["read_requires_key"], "api.read_requires_key"),
    )


def _flag(value: object, name: str) -> bool:
    if isinstance(value, bool):
        return value
    if str(value).lower() in {"1", "true", "yes", "on"}:
        return True
    if str(value).lower() in {"0", "false", "no", "off"}:
        return False
    raise SettingsError(f"setting {name} must be true or false, not {value!r}")
