"""What the pages hold while the app runs: templates, translations, country names."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from fastapi import Request
from fastapi.templating import Jinja2Templates

from sahelwatch.web._i18n import Translator, load_translators
from sahelwatch.web.basemap import NAMES_FILE

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


@dataclass(frozen=True, slots=True)
class WebState:
    templates: Jinja2Templates
    translators: Mapping[str, Translator]
    # ISO alpha-2 -> {"en": name, "fr": name}, written by the basemap build
    country_names: Mapping[str, Mapping[str, str]]


def load_web_state() -> WebState:
    names_file = STATIC / NAMES_FILE
    names = json.loads(names_file.read_text("utf-8")) if names_file.exists() else {}
    return WebState(Jinja2Templates(directory=TEMPLATES), load_translators(), names)


def web_state(request: Request) -> WebState:
    state = request.app.state.sahelwatch_web
    assert isinstance(state, WebState)
    return state
