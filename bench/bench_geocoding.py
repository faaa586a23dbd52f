"""Geocoding speed: toponyms resolved per second (gold spans, no recognition), and the
gazetteer's size and opening time.

The toponyms are GeoWebNews' gold spans when ``../shared/eval/geoparsing/GWN.xml`` is beside
the repository (measuring only), else the bundled sample reports' place names as the
place ruler finds them. All texts are resolved once cold, then in ``WARM_PASSES`` warm passes;
the figure is the median warm pass (a single half-second pass swings by a quarter on a shared
machine).
"""

from __future__ import annotations

import statistics
import time
from importlib import resources
from pathlib import Path
from typing import Any

import spacy

from sahelwatch.evaluate.geoparse import read_geowebnews
from sahelwatch.geo import (
    Resolver,
    add_place_ruler,
    open_gazetteer,
    resolve_mentions,
    shipped_gazetteer_path,
)
from sahelwatch.geo.recognize import place_mentions
from sahelwatch.model import PlaceMention

WARM_PASSES = 7
GWN = Path(__file__).resolve().parents[2] / "shared" / "eval" / "geoparsing" / "GWN.xml"


def _gold_texts() -> list[tuple[str, list[PlaceMention]]]:
    texts = []
    for article in read_geowebnews(GWN):
        mentions = [
            PlaceMention(t.span, article.text[t.span.start : t.span.end], None, "gold")
            for t in article.toponyms
            if t.scored
        ]
        texts.append((article.text, mentions))
    return texts


def _sample_texts(resolver: Resolver) -> list[tuple[str, list[PlaceMention]]]:
    nlp = spacy.blank("en")
    add_place_ruler(nlp, resolver.gazetteer, cues=resolver.cues)
    samples = resources.files("sahelwatch").joinpath("data", "samples")
    texts = [item.read_text("utf-8") for item in samples.iterdir() if item.name.endswith(".md")]
    return [(text, list(place_mentions(nlp(text), resolver.cues))) for text in texts]


def run() -> dict[str, Any]:
    started = time.perf_counter()
    with open_gazetteer() as gazetteer:
        opened = time.perf_counter() - started
        resolver = Resolver.load(gazetteer)
        corpus = "GeoWebNews gold spans" if GWN.is_file() else "bundled samples"
        texts = _gold_texts() if GWN.is_file() else _sample_texts(resolver)
        toponyms = sum(len(mentions) for _, mentions in texts)
        timings = []
        for _ in range(1 + WARM_PASSES):
            began = time.perf_counter()
            for text, mentions in texts:
                resolve_mentions(text, mentions, gazetteer, resolver=resolver)
            timings.append(time.perf_counter() - began)
    return {
        "corpus": corpus,
        "toponyms": toponyms,
        "cold_toponyms_per_s": round(toponyms / timings[0]),
        "toponyms_per_s": round(toponyms / statistics.median(timings[1:])),
        "best_toponyms_per_s": round(toponyms / min(timings[1:])),
        "gazetteer_mb": round(shipped_gazetteer_path().stat().st_size / 1e6, 1),
        "gazetteer_open_s": round(opened, 3),
    }
