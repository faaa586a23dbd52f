"""Geocoding speed: toponyms resolved per second (gold spans, no recognition), and the
gazetteer's size and opening time.

The toponyms are GeoWebNews' gold spans when ``../shared/eval/geoparsing/GWN.xml`` is beside
the repository (measuring only), else the bundled sample reports' place names as the
place ruler finds them. All texts are resolved once cold (the first pass of the process),
then in ``WARM_PASSES`` warm passes; the figure is the median warm pass (a single half-second
pass swings by a quarter on a shared machine).

A warm pass runs in the warmed-up process (code loaded, the gazetteer file in the page
cache, cue words and weights read) but with every cache keyed by names emptied: a freshly
opened gazetteer (no remembered lookups) and no remembered fold keys. Resolving the same
texts again with those caches full measures the caches, not the geocoder; that figure is
given too (``cached_toponyms_per_s``), for comparison only.

The ``cpu_`` figures count the process's CPU time instead of wall time: on a machine shared
with other work, a pass's wall time swings with the load, its CPU time far less.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

import spacy

from sahelwatch.evaluate.geoparse import read_geowebnews
from sahelwatch.geo import (
    Resolver,
    add_place_ruler,
    fold,
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
        cold, cold_cpu = _pass(texts, resolver)
        warm: list[tuple[float, float]] = []
        for _ in range(WARM_PASSES):
            fold.cache_clear()
            with open_gazetteer() as fresh:
                warm.append(_pass(texts, replace(resolver, gazetteer=fresh)))
        cached = [_pass(texts, resolver) for _ in range(WARM_PASSES)]
    walls, cpus = [w for w, _ in warm], [c for _, c in warm]
    return {
        "corpus": corpus,
        "toponyms": toponyms,
        "cold_toponyms_per_s": round(toponyms / cold),
        "toponyms_per_s": round(toponyms / statistics.median(walls)),
        "best_toponyms_per_s": round(toponyms / min(walls)),
        "cached_toponyms_per_s": round(toponyms / statistics.median([w for w, _ in cached])),
        "cpu_cold_toponyms_per_s": round(toponyms / cold_cpu),
        "cpu_toponyms_per_s": round(toponyms / statistics.median(cpus)),
        "cpu_cached_toponyms_per_s": round(toponyms / statistics.median([c for _, c in cached])),
        "gazetteer_mb": round(shipped_gazetteer_path().stat().st_size / 1e6, 1),
        "gazetteer_open_s": round(opened, 3),
    }


def _pass(texts: list[tuple[str, list[PlaceMention]]], resolver: Resolver) -> tuple[float, float]:
    """Seconds to resolve every text once: wall time and the process's CPU time."""
    began, began_cpu = time.perf_counter(), time.process_time()
    for text, mentions in texts:
        resolve_mentions(text, mentions, resolver.gazetteer, resolver=resolver)
    return time.perf_counter() - began, time.process_time() - began_cpu
