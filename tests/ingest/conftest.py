"""Fixtures for the ingest tests: settings with no user file, and a reader that lists results."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from sahelwatch.ingest import read_sources
from sahelwatch.settings import Settings, load_settings

from ._support import Read, Results


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(environ={}, user_file=tmp_path / "no-such-settings.toml")


@pytest.fixture
def read(settings: Settings) -> Read:
    """``read(*sources, settings=..., transport=...)`` -> every result as a list."""

    def run(
        *sources: str | Path,
        settings: Settings = settings,
        transport: httpx.BaseTransport | None = None,
    ) -> Results:
        return list(
            read_sources([str(source) for source in sources], settings, transport=transport)
        )

    return run
