"""A small in-memory gazetteer for tests, and the places it usually holds."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping

from sahelwatch.geo.fold import fold
from sahelwatch.geo.gazetteer import (
    MATCHING_COUNTRIES,
    SEAT_CODES,
    WORLD_CITY_POPULATION,
    similar_keys,
)
from sahelwatch.model import Place


class FakeGazetteer:
    """A :class:`~sahelwatch.geo.gazetteer.Gazetteer` over a list of places."""

    def __init__(self, places: Iterable[Place], extents: Mapping[int, float] | None = None) -> None:
        self.places = {place.geonameid: place for place in places}
        self.extents = dict(extents or {})

    def lookup(self, name: str) -> list[Place]:
        key = fold(name)
        found = [
            place
            for place in self.places.values()
            if key and key in {fold(n) for n in (place.name, *place.alternate_names)}
        ]
        return sorted(found, key=lambda p: (-p.population, p.geonameid))

    def get(self, geonameid: int) -> Place | None:
        return self.places.get(geonameid)

    def extent_km(self, geonameid: int) -> float | None:
        return self.extents.get(geonameid)

    def country(self, iso2: str) -> Place | None:
        found = [
            p
            for p in self.places.values()
            if p.country == iso2 and p.feature_code.startswith("PCL")
        ]
        return found[0] if found else None

    def capital(self, iso2: str) -> Place | None:
        found = [p for p in self.places.values() if p.country == iso2 and p.feature_code == "PPLC"]
        return found[0] if found else None

    def fuzzy_lookup(self, name: str, cutoff: float = 0.88) -> list[tuple[Place, float]]:
        keys = {fold(n) for p in self.places.values() for n in (p.name, *p.alternate_names)}
        key = fold(name)
        near = [k for k in keys if k[:2] == key[:2] and abs(len(k) - len(key)) <= 2]
        return [
            (place, score)
            for other, score in similar_keys(key, near, cutoff)
            for place in self.lookup(other)
        ]

    def names_for_matching(
        self, countries: Collection[str] = MATCHING_COUNTRIES, min_population: int = 1000
    ) -> Iterator[str]:
        names: set[str] = set()
        for place in self.places.values():
            if place.feature_code in {"PPLC", "CONT", "OCN", "SEA"} or (
                place.feature_class == "P" and place.population >= WORLD_CITY_POPULATION
            ):
                names.add(place.name)
            if place.feature_code.startswith("PCL") or (
                place.country in countries
                and (
                    place.feature_class == "A"
                    or place.geonameid < 0  # curated
                    or place.feature_code in SEAT_CODES
                    or place.population >= min_population
                )
            ):
                names.update((place.name, *place.alternate_names))
        return iter(sorted(names))


def place(
    geonameid: int,
    name: str,
    country: str,
    feature_code: str = "PPL",
    *,
    population: int = 0,
    alternate_names: tuple[str, ...] = (),
    latitude: float = 0.0,
    longitude: float = 0.0,
    admin1: str | None = None,
) -> Place:
    feature_class = "A" if feature_code.startswith(("ADM", "PCL")) else "P"
    if feature_code in {"WAD", "STM"}:
        feature_class = "H"
    if feature_code == "RGN":
        feature_class = "L"
    return Place(
        geonameid=geonameid,
        name=name,
        latitude=latitude,
        longitude=longitude,
        feature_class=feature_class,
        feature_code=feature_code,
        country=country,
        admin1=admin1,
        population=population,
        alternate_names=alternate_names,
    )


TIN_ZAOUATINE_DZ = place(
    -1,
    "Tin Zaouatine",
    "DZ",
    alternate_names=("Tinzaouaten", "Tin Zaouatene", "Tin-Zaouatene"),
    latitude=19.96,
    longitude=2.97,
    admin1="In Guezzam",
)
TINZAOUATEN_ML = place(
    2476086,
    "Tinzaouaten",
    "ML",
    "PPLA3",
    alternate_names=("Tin Zaouaten", "Ti-n-Zaouâtene"),
    latitude=19.95427,
    longitude=2.96732,
    admin1="Kidal",
)
KIDAL_TOWN = place(2455290, "Kidal", "ML", "PPLA", population=11643, admin1="Kidal")
KIDAL_REGION = place(
    2597449,
    "Kidal Region",
    "ML",
    "ADM1",
    population=67638,
    alternate_names=("Kidal",),
    admin1="Kidal",
)
KIDAL_WADI = place(2455289, "Kidal", "ML", "WAD")
MENAKA_TOWN = place(2453514, "Ménaka", "ML", "PPLA", population=9110, alternate_names=("Menaka",))
MENAKA_REGION = place(
    12070577, "Ménaka Region", "ML", "ADM1", population=54456, alternate_names=("Ménaka", "Menaka")
)
TESSALIT = place(2449893, "Tessalit", "ML", "PPLA2", alternate_names=("Tesalit",))
BOUGHESSA = place(2459652, "Boughessa", "ML", "PPLA3", alternate_names=("Boghassa",))
MALI = place(
    2453866, "Mali", "ML", "PCLI", population=19077690, alternate_names=("Republic of Mali",)
)
MALI_VILLAGE = place(7517321, "Mali", "CN", population=42260)
ALGERIA = place(2589581, "Algeria", "DZ", "PCLI", population=42228429, alternate_names=("Algérie",))
NIGER = place(2440476, "Niger", "NE", "PCLI", population=15878271)
NIAMEY = place(2440485, "Niamey", "NE", "PPLC", population=774235)
KOURI_ML = place(90001, "Kouri", "ML", population=2000)
KOURI_NE = place(90002, "Kouri", "NE", population=500)
TILLABERI = place(
    2439376, "Tillabéri", "NE", "PPLA", population=19262, alternate_names=("Tillaberi",)
)
AZAWAD = place(2460837, "Azawad", "ML", "RGN", population=1200000)
ESTE = place(90003, "Est", "BF", "ADM1")

SAHEL_PLACES = (
    TIN_ZAOUATINE_DZ,
    TINZAOUATEN_ML,
    KIDAL_TOWN,
    KIDAL_REGION,
    KIDAL_WADI,
    MENAKA_TOWN,
    MENAKA_REGION,
    TESSALIT,
    BOUGHESSA,
    MALI,
    MALI_VILLAGE,
    ALGERIA,
    NIGER,
    NIAMEY,
    KOURI_ML,
    KOURI_NE,
    TILLABERI,
    ESTE,
)


def sahel_gazetteer() -> FakeGazetteer:
    """The fake gazetteer most tests use."""
    return FakeGazetteer(
        SAHEL_PLACES, extents={KIDAL_REGION.geonameid: 195.0, MALI.geonameid: 628.0}
    )
