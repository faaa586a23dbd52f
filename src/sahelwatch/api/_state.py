"""What the app holds while it runs: settings, the store, the taxonomy, the access rule.

One :class:`AppState` per app, on ``app.state.sahelwatch``; views reach it through
:func:`app_state` (typed), never through module-level globals.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from fastapi import Request

from sahelwatch.pack import EventType
from sahelwatch.settings import Settings
from sahelwatch.store import Store


@dataclass(frozen=True, slots=True)
class AppState:
    settings: Settings
    store: Store
    # sub-event type -> its place in the taxonomy (the region pack's)
    types: Mapping[str, EventType]
    read_requires_key: bool


def app_state(request: Request) -> AppState:
    state = request.app.state.sahelwatch
    assert isinstance(state, AppState)
    return state


def store_of(request: Request) -> Store:
    return app_state(request).store
