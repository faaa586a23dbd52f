from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from sahelwatch.geo.context import find_near, find_pairs, find_qualifiers
from sahelwatch.geo.cues import Cues, load_cues
from sahelwatch.geo.precision import settled
from sahelwatch.geo.resolve import (
    MentionContext,
    geo_precision,
    geocode,
    radius_km,
    read_context,
    resolve_mentions,
)
from sahelwatch.model import (
    DatePrecision,
    Document,
    EventDate,
    EventReport,
    Extraction,
    Modality,
    Place,
    PlaceMention,
    Span,
)

from .fakes import (
    ALGERIA,
    BOUGHESSA,
    KIDAL_REGION,
    KIDAL_TOWN,
    KIDAL_WADI,
    KOURI_ML,
    KOURI_NE,
    MALI,
    MENAKA_REGION,
    NIAMEY,
    SAHEL_PLACES,
    TESSALIT,
    TILLABERI,
    TIN_ZAOUATINE_DZ,
    TINZAOUATEN_ML,
    FakeGazetteer,
    place,
    sahel_gazetteer,
)


@pytest.fixture(scope="module")
def cues() -> Cues:
    return load_cues()


def mentions(text: str, *names: str) -> list[PlaceMention]:
    """One mention per name, at its successive occurrences in ``text``."""
    found: list[PlaceMention] = []
    cursor: dict[str, int] = {}
    for name in names:
        start = text.index(name, cursor.get(name, 0))
        cursor[name] = start + len(name)
        found.append(PlaceMention(Span(start, start + len(name)), name, None, "test"))
    return found


def resolve(text: str, cues: Cues, *names: str) -> list[PlaceMention]:
    return list(resolve_mentions(text, mentions(text, *names), sahel_gazetteer(), cues))


def test_resolve_mentions_twin_border_towns_by_demonym(cues: Cues) -> None:
    text = (
        "Refugees were expelled from the Algerian side of the city of Tinzaouaten. "
        "Drones struck Malian Tinzaouaten. They camp outside the Algerian town of "
        "Tinzaouaten, facing Malian Tinzaouaten."
    )
    places = [m.place for m in resolve(text, cues, *["Tinzaouaten"] * 4)]
    assert places == [TIN_ZAOUATINE_DZ, TINZAOUATEN_ML, TIN_ZAOUATINE_DZ, TINZAOUATEN_ML]


def test_resolve_mentions_french_demonym_and_accents(cues: Cues) -> None:
    text = "La ville algérienne de Tin Zaouatène et la localité malienne de Tin-Zaouatene."
    places = [m.place for m in resolve(text, cues, "Tin Zaouatène", "Tin-Zaouatene")]
    assert places == [TIN_ZAOUATINE_DZ, TINZAOUATEN_ML]


def test_resolve_mentions_possessive_country_and_trailing_country(cues: Cues) -> None:
    text = "Algeria's Tinzaouaten was quiet; in Tinzaouaten, Mali, shops closed."
    places = [m.place for m in resolve(text, cues, "Tinzaouaten", "Tinzaouaten")]
    assert places == [TIN_ZAOUATINE_DZ, TINZAOUATEN_ML]


def test_resolve_mentions_coordinated_countries_are_not_cues(cues: Cues) -> None:
    text = "Tensions between Algeria and Mali grew."
    places = [m.place for m in resolve(text, cues, "Algeria", "Mali")]
    assert places == [ALGERIA, MALI]


def test_resolve_mentions_demonym_reaches_coordinated_names(cues: Cues) -> None:
    text = "They returned between the Malian communes of Kidal and Tinzaouaten."
    resolved = resolve(text, cues, "Kidal", "Tinzaouaten")
    assert resolved[1].place == TINZAOUATEN_ML


def test_resolve_mentions_document_context_settles_a_shared_name(cues: Cues) -> None:
    text = "Troops left Niamey for Tillabéri, then reached Kouri."
    resolved = resolve(text, cues, "Niamey", "Tillabéri", "Kouri")
    assert resolved[2].place == KOURI_NE  # not the larger Malian Kouri
    assert resolved[2].rule == "test;geo.resolve:doc_country"


def test_resolve_mentions_without_context_prefers_population(cues: Cues) -> None:
    resolved = resolve("Clashes near Kouri.", cues, "Kouri")
    assert resolved[0].place is not None
    assert resolved[0].place.country == "ML"
    assert resolved[0].rule.endswith("geo.resolve:overshadowed")  # the smaller namesake is


def test_resolve_mentions_unknown_name_stays_unresolved(cues: Cues) -> None:
    resolved = resolve("Fighting in Atlantis and Kidal.", cues, "Atlantis", "Kidal")
    assert resolved[0].place is None
    assert resolved[0].rule == "test"
    assert resolved[1].place == KIDAL_TOWN


def test_resolve_mentions_country_cue_without_candidate_stays_unresolved(cues: Cues) -> None:
    resolved = resolve("the Algerian town of Kidal", cues, "Kidal")
    assert resolved[0].place is None


def test_resolve_mentions_prefers_the_town_unless_a_region_is_named(cues: Cues) -> None:
    text = "From Kidal to the Kidal region, and la région de Kidal; then Menaka region."
    resolved = resolve(text, cues, "Kidal", "Kidal", "Kidal", "Menaka region")
    assert [m.place for m in resolved] == [KIDAL_TOWN, KIDAL_REGION, KIDAL_REGION, MENAKA_REGION]


def test_resolve_mentions_country_beats_a_village_of_the_same_name(cues: Cues) -> None:
    assert resolve("Mali withdrew.", cues, "Mali")[0].place == MALI


def test_resolve_mentions_strips_a_demonym_inside_the_mention(cues: Cues) -> None:
    resolved = resolve("Strikes hit Malian Tinzaouaten.", cues, "Malian Tinzaouaten")
    assert resolved[0].place == TINZAOUATEN_ML


def test_resolve_mentions_keeps_already_resolved_mentions(cues: Cues) -> None:
    text = "Kidal and Tinzaouaten"
    given = mentions(text, "Kidal", "Tinzaouaten")
    given[0] = replace(given[0], place=KIDAL_WADI, rule="analyst")
    resolved = resolve_mentions(text, given, sahel_gazetteer(), cues)
    assert resolved[0] == given[0]
    assert resolved[1].place == TINZAOUATEN_ML  # Mali, from the analyst's Kidal


def test_read_context_finds_near_cues(cues: Cues) -> None:
    def near(text: str, name: str) -> bool:
        start = text.index(name)
        return read_context(text, Span(start, start + len(name)), cues).near

    assert near("on the outskirts of the Algerian town of Tinzaouaten", "Tinzaouaten")
    assert near("Des tirs près de Kidal.", "Kidal")
    assert near("an attack 30 km north of Tessalit", "Tessalit")
    assert not near("an attack in Tessalit", "Tessalit")
    assert not near("near the border. Tessalit was calm.", "Tessalit")


def test_read_context_reads_names_in_brackets_after_a_place_as_units(cues: Cues) -> None:
    def level(text: str, name: str, others: list[str]) -> str | None:
        spans = [Span(text.index(o), text.index(o) + len(o)) for o in others]
        start = text.index(name)
        return read_context(text, Span(start, start + len(name)), cues, spans).level

    english = "Gunmen raided Boni (Douentza, Mopti) on Sunday."
    assert level(english, "Douentza", ["Boni", "Mopti"]) == "ADM"
    assert level(english, "Mopti", ["Boni", "Douentza"]) == "ADM"
    assert level(english, "Boni", ["Douentza", "Mopti"]) is None
    french = "Des hommes armés ont attaqué Boni ( Douentza , Mopti ) dimanche."
    assert level(french, "Mopti", ["Boni", "Douentza"]) == "ADM"
    listed = "Attacks hit Boni, Douentza and (later) Mopti."
    assert level(listed, "Douentza", ["Boni", "Mopti"]) is None
    assert level(listed, "Mopti", ["Boni", "Douentza"]) is None


@pytest.mark.parametrize(
    ("chosen", "context", "expected"),
    [
        (KIDAL_TOWN, MentionContext("Kidal"), 1),
        (KIDAL_TOWN, MentionContext("Kidal", near=True), 2),
        (KIDAL_WADI, MentionContext("Kidal"), 2),
        (place(1, "Tinzaouaten", "ML", "ADM3"), MentionContext("Tinzaouaten"), 2),
        (KIDAL_REGION, MentionContext("Kidal", level="ADM1"), 3),
        (MALI, MentionContext("Mali"), 3),
    ],
)
def test_geo_precision_follows_acled(
    chosen: object, context: MentionContext, expected: int
) -> None:
    assert geo_precision(chosen, context) == expected  # type: ignore[arg-type]


def test_radius_km_by_kind_of_place() -> None:
    gazetteer = sahel_gazetteer()
    assert radius_km(TESSALIT, 1, gazetteer) == 3.0
    assert radius_km(KIDAL_TOWN, 1, gazetteer) == 5.0
    assert radius_km(place(2, "Bamako", "ML", "PPLC", population=1_297_281), 1, gazetteer) == 20.0
    assert radius_km(KIDAL_TOWN, 2, gazetteer) == 25.0
    assert radius_km(KIDAL_REGION, 3, gazetteer) == 195.0  # the gazetteer's extent
    assert radius_km(MENAKA_REGION, 3, gazetteer) == 150.0  # default for an ADM1
    assert radius_km(ALGERIA, 3, gazetteer) == 500.0
    assert radius_km(MALI, 3, gazetteer) == 628.0


def test_settled_puts_an_event_known_by_its_country_at_the_capital_and_sets_radii() -> None:
    gazetteer = sahel_gazetteer()
    seated = settled(_report(None, country="NE"), gazetteer)
    assert (seated.place, seated.location, seated.geo_precision) == (NIAMEY, "Niamey", 3)
    assert seated.radius_km == 500.0  # the whole country: the point is no spot
    placed = _report(None, country="NE", place=KOURI_NE, location="Kouri", radius_km=25.0)
    assert settled(placed, gazetteer) == placed
    # placed after the geo stage, at a village of its sentence: the village's own radius
    later = replace(placed, radius_km=None, geo_precision=1)
    assert settled(later, gazetteer).radius_km == 3.0
    assert settled(_report(None), gazetteer).place is None  # no country, no point
    # a country the gazetteer has no capital for keeps no point rather than a guess
    assert settled(_report(None, country="ML"), gazetteer).place is None


def _report(span: Span | None, **fields: object) -> EventReport:
    return EventReport(
        id="r1",
        doc_id="d1",
        family="displacement",
        event_type="Displacement",
        sub_event_type="Forced expulsion",
        date=EventDate(dt.date(2024, 10, 20), dt.date(2024, 10, 20), DatePrecision.DAY),
        modality=Modality.REPORTED,
        evidence=(Span(0, 10),),
        coder="test",
        location_span=span,
        **fields,  # type: ignore[arg-type]
    )


def test_geocode_fills_the_location_of_reports(cues: Cues) -> None:
    text = "Algeria expelled refugees from the outskirts of Algerian Tinzaouaten to Kidal."
    document = Document(id="d1", text=text, raw=text.encode(), language="en")
    found = mentions(text, "Tinzaouaten", "Kidal", "Algeria")
    reports = (
        _report(found[0].span, actor1="Military Forces of Algeria"),
        _report(found[1].span),
        _report(None),
        _report(Span(0, 3)),
    )
    extraction = Extraction(document=document, reports=reports, places=tuple(found))
    [result] = geocode([extraction], sahel_gazetteer(), cues)
    expelled, moved, unplaced, unmatched = result.reports
    assert expelled.place == TIN_ZAOUATINE_DZ
    assert (expelled.location, expelled.country) == ("Tin Zaouatine", "DZ")
    assert (expelled.geo_precision, expelled.radius_km) == (2, 25.0)
    assert expelled.actor1 == "Military Forces of Algeria"
    assert (
        replace(
            expelled, place=None, location=None, country=None, geo_precision=None, radius_km=None
        )
        == reports[0]
    )
    assert (moved.place, moved.geo_precision, moved.radius_km) == (KIDAL_TOWN, 1, 5.0)
    assert unplaced == reports[2]
    assert unmatched == reports[3]
    assert [m.place for m in result.places] == [TIN_ZAOUATINE_DZ, KIDAL_TOWN, ALGERIA]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Soldiers were killed on an island on the Nigerien side of Lake Chad.", "NE"),
        ("Des soldats ont été tués sur une île de la partie nigérienne du lac Tchad.", "NE"),
        ("Soldiers were killed on an island of Lake Chad.", None),
    ],
)
def test_geocode_a_lake_of_several_countries_takes_the_side_the_text_names(
    cues: Cues, text: str, country: str | None
) -> None:
    lake = place(91601, "Lake Chad", "", "LK", latitude=13.3, longitude=14.1)
    lake = replace(lake, feature_class="H", alternate_names=("lac Tchad",))
    document = Document(id="d1", text=text, raw=text.encode(), language="en")
    name = "Lake Chad" if "Lake" in text else "lac Tchad"
    found = mentions(text, name)
    extraction = Extraction(document, reports=(_report(found[0].span),), places=tuple(found))
    [result] = geocode([extraction], _gazetteer_with(lake), cues)
    assert (result.reports[0].place, result.reports[0].country) == (lake, country)


def test_geocode_keeps_a_place_already_set(cues: Cues) -> None:
    text = "Clashes in Kidal."
    document = Document(id="d1", text=text, raw=text.encode(), language="en")
    found = mentions(text, "Kidal")
    report = _report(found[0].span, place=KIDAL_WADI, location="Kidal", geo_precision=2)
    extraction = Extraction(document=document, reports=(report,), places=tuple(found))
    [result] = geocode([extraction], FakeGazetteer([KIDAL_TOWN]), cues)
    assert result.reports == (report,)


def test_resolve_mentions_same_name_in_several_countries_follows_the_document(
    cues: Cues,
) -> None:
    niger_text = "Nigerien soldiers patrolled Kouri."
    assert resolve(niger_text, cues, "Kouri")[0].place == KOURI_NE
    mali_text = "Malian soldiers patrolled Kouri, near Kidal."
    assert resolve(mali_text, cues, "Kouri", "Kidal")[0].place == KOURI_ML


def test_resolve_mentions_french_and_arabic_spellings(cues: Cues) -> None:
    text = "La ville algérienne de Tin-Zaouatène; قصف في تين زاوتين"
    arabic = (*TIN_ZAOUATINE_DZ.alternate_names, "تين زاوتين")
    algerian = replace(TIN_ZAOUATINE_DZ, alternate_names=arabic)
    found = mentions(text, "Tin-Zaouatène", "تين زاوتين")
    resolved = resolve_mentions(text, found, FakeGazetteer([algerian, TINZAOUATEN_ML]), cues)
    assert [m.place for m in resolved] == [algerian, algerian]


def test_resolve_mentions_a_demonym_span_is_its_country(cues: Cues) -> None:
    resolved = resolve("Algerian and Malian officials met.", cues, "Algerian", "Malian")
    assert [m.place for m in resolved] == [ALGERIA, MALI]


def test_resolve_mentions_misspelling_is_found_but_not_a_different_name(cues: Cues) -> None:
    text = "Fighting in Tesallit and in Tassili, north of Kidal."
    resolved = resolve(text, cues, "Tesallit", "Tassili", "Kidal")
    assert resolved[0].place == TESSALIT  # close to a name, in the document's country
    assert resolved[1].place is None  # another name
    alone = resolve("Fighting in Tesallit.", cues, "Tesallit")
    assert alone[0].place is None  # a close name alone is not enough


def test_resolve_mentions_admin_units_in_brackets(cues: Cues) -> None:
    text = "Gunmen attacked Boughessa (Kidal, Mali)."
    resolved = resolve(text, cues, "Boughessa", "Kidal", "Mali")
    assert [m.place for m in resolved] == [BOUGHESSA, KIDAL_REGION, MALI]


def test_find_pairs_between_x_and_y(cues: Cues) -> None:
    text = "Clashes between Kidal and Tessalit, then in Ménaka and Niamey."
    spans = [m.span for m in mentions(text, "Kidal", "Tessalit", "Ménaka", "Niamey")]
    assert find_pairs(text, spans, cues) == {0: 1, 1: 0}
    text = "Combats entre Kidal et Tessalit."
    spans = [m.span for m in mentions(text, "Kidal", "Tessalit")]
    assert find_pairs(text, spans, cues) == {0: 1, 1: 0}


def test_geocode_between_x_and_y_is_precision_2_with_half_the_gap(cues: Cues) -> None:
    kidal = replace(KIDAL_TOWN, latitude=18.44, longitude=1.41)
    tessalit = replace(TESSALIT, latitude=20.20, longitude=1.01)
    text = "An ambush between Kidal and Tessalit killed three."
    document = Document(id="d1", text=text, raw=text.encode(), language="en")
    found = mentions(text, "Kidal", "Tessalit")
    extraction = Extraction(document, reports=(_report(found[0].span),), places=tuple(found))
    [result] = geocode([extraction], FakeGazetteer([kidal, tessalit]), cues)
    [report] = result.reports
    assert (report.place, report.geo_precision) == (kidal, 2)
    assert report.radius_km == pytest.approx(5.0 + 199.5 / 2, abs=1.0)


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("Gunmen raided the village of Tinabaw (Tessalit, Kidal).", 2),
        ("Des hommes armés ont attaqué le hameau de Tinabaw (Tessalit, Kidal).", 2),
        ("Gunmen raided Tessalit (Kidal region).", 1),
    ],
)
def test_geocode_a_town_in_the_units_of_an_unknown_village_is_precision_2(
    cues: Cues, text: str, precision: int
) -> None:
    document = Document(id="d1", text=text, raw=text.encode(), language="en")
    found = mentions(text, "Tessalit")
    extraction = Extraction(document, reports=(_report(found[0].span),), places=tuple(found))
    [result] = geocode([extraction], sahel_gazetteer(), cues)
    assert (result.reports[0].place, result.reports[0].geo_precision) == (TESSALIT, precision)


def test_geocode_km_from_a_town_widens_the_radius(cues: Cues) -> None:
    text = "An IED exploded 30 km north of Tessalit."
    document = Document(id="d1", text=text, raw=text.encode(), language="en")
    found = mentions(text, "Tessalit")
    extraction = Extraction(document, reports=(_report(found[0].span),), places=tuple(found))
    [result] = geocode([extraction], sahel_gazetteer(), cues)
    assert (result.reports[0].geo_precision, result.reports[0].radius_km) == (2, 33.0)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Gunmen ambushed a lorry somewhere in the Kidal region.", "Kidal"),
        ("Des hommes armés ont tendu une embuscade dans la région de Kidal.", "Kidal"),
    ],
)
def test_geocode_an_event_told_only_by_its_region_is_at_the_region_capital(
    cues: Cues, text: str, name: str
) -> None:
    document = Document(id="d1", text=text, raw=text.encode(), language="en")
    found = mentions(text, name)
    extraction = Extraction(document, reports=(_report(found[0].span),), places=tuple(found))
    gazetteer = FakeGazetteer([KIDAL_REGION, KIDAL_TOWN], extents={KIDAL_REGION.geonameid: 195.0})
    [result] = geocode([extraction], gazetteer, cues)
    [report] = result.reports
    assert result.places[0].place == KIDAL_REGION  # the mention still names the region
    assert (report.place, report.location, report.country) == (KIDAL_TOWN, "Kidal", "ML")
    assert (report.geo_precision, report.radius_km) == (3, 195.0)


def test_geocode_a_region_without_a_capital_of_its_name_stays_the_region(cues: Cues) -> None:
    text = "Gunmen ambushed a lorry somewhere in the Kidal region."
    document = Document(id="d1", text=text, raw=text.encode(), language="en")
    found = mentions(text, "Kidal")
    extraction = Extraction(document, reports=(_report(found[0].span),), places=tuple(found))
    elsewhere = replace(KIDAL_TOWN, admin1="Gao")
    [result] = geocode([extraction], FakeGazetteer([KIDAL_REGION, elsewhere]), cues)
    assert result.reports[0].place == KIDAL_REGION


@pytest.mark.parametrize(
    "text",
    [
        "Teachers all over Mali stopped work for three days.",
        "Les enseignants du Mali ont cessé le travail.",
    ],
)
def test_geocode_an_event_told_only_by_its_country_is_at_the_capital(cues: Cues, text: str) -> None:
    document = Document(id="d1", text=text, raw=text.encode(), language="en")
    found = mentions(text, "Mali")
    extraction = Extraction(document, reports=(_report(found[0].span),), places=tuple(found))
    bamako = place(2460596, "Bamako", "ML", "PPLC", population=1297281)
    [result] = geocode([extraction], FakeGazetteer([MALI, bamako]), cues)
    [report] = result.reports
    assert result.places[0].place == MALI
    assert (report.place, report.location, report.country, report.geo_precision) == (
        bamako,
        "Bamako",
        "ML",
        3,
    )


def test_read_context_reads_the_mention_itself_as_a_country(cues: Cues) -> None:
    def names(text: str) -> str | None:
        return read_context(text, Span(0, len(text)), cues).names_country

    assert (names("U.S."), names("US"), names("us"), names("algériennes")) == (
        "US",
        "US",
        None,
        "DZ",
    )


def test_resolve_mentions_close_spellings_only_within_the_region(cues: Cues) -> None:
    far = place(91201, "Tessalito", "IT", "PPLA", population=500_000)
    gazetteer = FakeGazetteer([*sahel_gazetteer().places.values(), far])
    text = "Soldiers patrolled the village of Tessallito near Kidal."
    found = resolve_mentions(text, mentions(text, "Tessallito", "Kidal"), gazetteer, cues)
    assert found[0].place is None  # an Italian town one letter away is not a misspelling


def test_resolve_mentions_a_group_gives_country_context(cues: Cues) -> None:
    text = "Dogon hunters repelled an attack on Kouri."
    assert resolve(text, cues, "Kouri")[0].place == KOURI_ML
    text = "Gunmen attacked Kouri, wounding Djerma herders."
    assert resolve(text, cues, "Kouri")[0].place == KOURI_NE


def test_resolve_mentions_without_population_prefers_an_admin_seat(cues: Cues) -> None:
    hamlet = place(91301, "Sorgo", "BF")
    seat = place(91302, "Sorgo", "ML", "PPLA3")
    gazetteer = FakeGazetteer([hamlet, seat])
    text = "Gunmen burned the school of Sorgo on Monday."
    assert resolve_mentions(text, mentions(text, "Sorgo"), gazetteer, cues)[0].place == seat
    text = "Des soldats burkinabè ont fouillé le village de Sorgo."
    assert resolve_mentions(text, mentions(text, "Sorgo"), gazetteer, cues)[0].place == hamlet


def test_find_near_x_near_y(cues: Cues) -> None:
    text = "A herder was shot in Tama near Kidal; later in Gao and Tessalit. Ménaka. Niamey."
    spans = [m.span for m in mentions(text, "Tama", "Kidal", "Gao", "Tessalit", "Ménaka")]
    assert find_near(text, spans, cues) == {0: 1}
    text = "Un berger a été tué à Tama, à 30 km au nord de Kidal."
    spans = [m.span for m in mentions(text, "Tama", "Kidal")]
    assert find_near(text, spans, cues) == {0: 1}


def test_resolve_mentions_a_place_near_another_is_the_one_close_to_it(cues: Cues) -> None:
    far = place(91401, "Tama", "ML", latitude=12.0, longitude=-8.0)
    close = place(91402, "Tama", "ML", latitude=18.3, longitude=1.5)
    kidal = replace(KIDAL_TOWN, latitude=18.44, longitude=1.41)
    gazetteer = FakeGazetteer([far, close, kidal])
    text = "Gunmen killed a herder in Tama, near Kidal."
    found = resolve_mentions(text, mentions(text, "Tama", "Kidal"), gazetteer, cues)
    assert found[0].place == close


def test_resolve_mentions_no_namesake_far_from_the_place_it_is_near(cues: Cues) -> None:
    # An English town GeoNames also calls "Taba": a known town, yet no spot near Kidal.
    town = place(91403, "Teignbury", "GB", latitude=50.5, longitude=-3.5, population=17_000)
    town = replace(town, alternate_names=("Taba",))
    gazetteer = _gazetteer_with(town)
    for text in (
        "Four women were killed when their cart struck a mine at Taba near Kidal.",
        "Quatre femmes ont été tuées par une mine à Taba, à 20 km de Kidal.",
    ):
        resolved = resolve_mentions(text, mentions(text, "Taba", "Kidal"), gazetteer, cues)
        assert resolved[0].place is None
        assert resolved[1].place == KIDAL_TOWN
    text = "A herder was shot at Taba, in Devon."
    assert resolve_mentions(text, mentions(text, "Taba"), gazetteer, cues)[0].place == town


def _gazetteer_with(*extra: Place) -> FakeGazetteer:
    return FakeGazetteer([*sahel_gazetteer().places.values(), *extra])


def test_resolve_mentions_hamlet_across_the_border_from_the_document_stays_unresolved(
    cues: Cues,
) -> None:
    hamlet = place(90101, "Tamasso", "BF", latitude=-4.0)  # a Burkinabe namesake, far away
    gazetteer = _gazetteer_with(hamlet)
    text = "Soldiers were ambushed in the Tamasso area near Kidal."
    resolved = resolve_mentions(text, mentions(text, "Tamasso", "Kidal"), gazetteer, cues)
    assert resolved[0].place is None
    assert resolved[1].place == KIDAL_TOWN
    text = "Des soldats ont été attaqués à Tamasso, près de Kidal."
    resolved = resolve_mentions(text, mentions(text, "Tamasso", "Kidal"), gazetteer, cues)
    assert resolved[0].place is None


def test_resolve_mentions_hamlet_abroad_stays_with_a_word_or_a_neighbour(cues: Cues) -> None:
    hamlet = place(90101, "Tamasso", "BF", latitude=-4.0)
    gazetteer = _gazetteer_with(hamlet)
    text = "Soldiers were ambushed in the Burkinabe village of Tamasso, far from Kidal."
    resolved = resolve_mentions(text, mentions(text, "Tamasso", "Kidal"), gazetteer, cues)
    assert resolved[0].place == hamlet
    near = replace(hamlet, latitude=KIDAL_TOWN.latitude + 0.3)  # a neighbour of Kidal
    gazetteer = _gazetteer_with(near)
    text = "Soldiers were ambushed in the Tamasso area near Kidal."
    resolved = resolve_mentions(text, mentions(text, "Tamasso", "Kidal"), gazetteer, cues)
    assert resolved[0].place == near


def test_resolve_mentions_initials_are_not_a_hamlet(cues: Cues) -> None:
    village = place(90102, "Ira", "BF")
    gazetteer = _gazetteer_with(village)
    text = "Members of the IRA movement marched in Kidal. Les militants de l'IRA ont marché."
    resolved = resolve_mentions(text, mentions(text, "IRA", "Kidal", "IRA"), gazetteer, cues)
    assert [m.place for m in resolved] == [None, KIDAL_TOWN, None]
    text = "Fighting near Ira and Kidal."
    resolved = resolve_mentions(text, mentions(text, "Ira", "Kidal"), gazetteer, cues)
    assert resolved[0].place == village


def test_resolve_mentions_a_famous_city_or_an_ocean_beats_a_village_of_its_name(
    cues: Cues,
) -> None:
    city = place(91601, "Lyon", "FR", "PPLA", population=516_000, latitude=45.8, longitude=4.8)
    village = place(91602, "Lyon", "US", population=900, latitude=34.2, longitude=-90.5)
    denver = place(91603, "Denver", "US", "PPLA", population=700_000, latitude=39.7)
    ocean = replace(
        place(91604, "Atlantic Ocean", "", "OCN", alternate_names=("Atlantic",)),
        feature_class="H",
    )
    town = place(91605, "Atlantic", "US", population=7_000, latitude=41.4, longitude=-95.0)
    gazetteer = _gazetteer_with(city, village, denver, ocean, town)
    text = "The band played in Denver before flying to Lyon over the Atlantic."
    found = resolve_mentions(text, mentions(text, "Denver", "Lyon", "Atlantic"), gazetteer, cues)
    assert [m.place for m in found] == [denver, city, ocean]
    assert found[1].rule.endswith("geo.resolve:overshadowed")


def test_resolve_mentions_an_abbreviated_unit_names_the_units_towns(cues: Cues) -> None:
    larger = place(91701, "Fairview", "US", population=40_000, admin1="Texas")
    smaller = place(91702, "Fairview", "US", population=5_000, admin1="Oregon")
    state = place(91703, "Oregon", "US", "ADM1", population=4_000_000, admin1="Oregon")
    gazetteer = _gazetteer_with(larger, smaller, replace(state, alternate_names=("Ore.",)))
    text = "The fire near Fairview, Ore., spread overnight."
    found = resolve_mentions(text, mentions(text, "Fairview", "Ore."), gazetteer, cues)
    assert found[0].place == smaller


def test_resolve_mentions_a_part_abroad_gives_way_to_its_namesake_at_home(cues: Cues) -> None:
    abroad = place(91801, "Ashton", "CA", population=900_000, latitude=45.0, longitude=-75.0)
    home = place(91802, "Ashton", "GB", "ADM2", latitude=53.5, longitude=-2.1)  # size unknown
    leeds = place(91803, "Leeds", "GB", population=450_000, latitude=53.8, longitude=-1.5)
    york = place(91804, "York", "GB", population=150_000, latitude=53.9, longitude=-1.1)
    gazetteer = _gazetteer_with(abroad, home, leeds, york)
    for text in (
        "Storms flooded Leeds and York, and roads across West Ashton were closed.",
        "Des orages ont inondé Leeds et York ; les routes de West Ashton sont coupées.",
    ):
        names = ("Leeds", "York", "West Ashton")
        found = resolve_mentions(text, mentions(text, *names), gazetteer, cues)
        assert [m.place for m in found] == [leeds, york, home]


def test_resolve_mentions_a_unit_holding_the_documents_places_is_the_one_meant(
    cues: Cues,
) -> None:
    capital = place(91901, "Fairhaven", "US", "PPLC", population=700_000, admin1="Columbia")
    state = place(91902, "Fairhaven", "US", "ADM1", population=7_000_000, admin1="Fairhaven")
    port = place(91903, "Portmore", "US", population=200_000, admin1="Fairhaven")
    gazetteer = _gazetteer_with(capital, state, port)
    for text in (
        "Wildfires near Portmore forced evacuations across Fairhaven this week.",
        "Des incendies près de Portmore ont forcé des évacuations dans tout Fairhaven.",
    ):
        found = resolve_mentions(text, mentions(text, "Portmore", "Fairhaven"), gazetteer, cues)
        assert found[1].place == state
    # a city inside the unit is held by it as well: the document cannot tell them apart
    city = replace(capital, feature_code="PPL", admin1="Fairhaven")
    gazetteer = _gazetteer_with(city, state, port)
    text = "Wildfires near Portmore forced evacuations across Fairhaven this week."
    found = resolve_mentions(text, mentions(text, "Portmore", "Fairhaven"), gazetteer, cues)
    assert found[1].place == city


def test_resolve_mentions_two_villages_of_several_namesakes_pick_the_close_pair(
    cues: Cues,
) -> None:
    # Neither name is settled alone (two villages of unknown size each); together, the two
    # namesakes lying close to each other are the ones meant, whatever the order.
    west = place(91501, "Soubala", "ML", latitude=14.0, longitude=-10.0)
    east = place(91502, "Soubala", "ML", latitude=14.5, longitude=-3.0)
    near_east = place(91503, "Dandoli", "ML", latitude=14.6, longitude=-3.1)
    farther = place(91504, "Dandoli", "ML", latitude=11.0, longitude=-6.0)
    gazetteer = FakeGazetteer([west, east, near_east, farther])
    for text in (
        "Gunmen killed two herders between Soubala and Dandoli.",
        "Des hommes armés ont attaqué Dandoli puis Soubala.",
    ):
        names = sorted(("Soubala", "Dandoli"), key=text.index)
        found = resolve_mentions(text, mentions(text, *names), gazetteer, cues)
        assert {m.place for m in found} == {east, near_east}


def test_resolve_mentions_a_town_of_known_size_is_not_moved_by_unsure_villages(
    cues: Cues,
) -> None:
    big = place(91601, "Soubala", "ML", population=50_000, latitude=14.0, longitude=-10.0)
    small = place(91602, "Soubala", "ML", population=2_000, latitude=14.5, longitude=-3.0)
    village = place(91603, "Dandoli", "ML", latitude=14.6, longitude=-3.1)
    other = place(91604, "Dandoli", "ML", latitude=11.0, longitude=-6.0)
    gazetteer = FakeGazetteer([big, small, village, other])
    text = "Protesters marched in Soubala and Dandoli."
    found = resolve_mentions(text, mentions(text, "Soubala", "Dandoli"), gazetteer, cues)
    assert found[0].place == big


def test_resolve_mentions_a_small_town_abroad_is_no_village_of_a_report_on_the_region(
    cues: Cues,
) -> None:
    town = place(91701, "Tamasso", "AT", "PPLA3", population=3_500, latitude=47.5, longitude=12.2)
    city = place(91702, "Tamasso", "AT", "PPLA", population=300_000, latitude=47.5)
    for text in (
        "Malian soldiers were ambushed in Tamasso.",
        "Des soldats maliens ont été attaqués à Tamasso.",
    ):
        resolved = resolve_mentions(text, mentions(text, "Tamasso"), _gazetteer_with(town), cues)
        assert resolved[0].place is None
        resolved = resolve_mentions(text, mentions(text, "Tamasso"), _gazetteer_with(city), cues)
        assert resolved[0].place == city
    text = "Austrian police arrested two men in Tamasso."
    resolved = resolve_mentions(text, mentions(text, "Tamasso"), _gazetteer_with(town), cues)
    assert resolved[0].place == town


def test_resolve_mentions_misspelling_across_a_region_border_stays_unresolved(
    cues: Cues,
) -> None:
    text = "Gunmen raided Tesallit, a village near Niamey, Tillaberi."
    resolved = resolve(text, cues, "Tesallit", "Niamey", "Tillaberi")
    assert resolved[0].place is None  # close to a Malian town; the report is about Niger
    assert [m.place for m in resolved[1:]] == [NIAMEY, TILLABERI]


def test_resolve_mentions_a_town_qualified_by_its_region_is_that_one_throughout(
    cues: Cues,
) -> None:
    larger = place(90010, "Sona", "ML", population=5000, admin1="Gao")
    smaller = place(90011, "Sona", "ML", population=300, admin1="Kidal")
    gazetteer = FakeGazetteer([*SAHEL_PLACES, larger, smaller])
    text = "Gunmen attacked Sona, Kidal Region, at dawn. By noon Sona was calm again."
    found = mentions(text, "Sona", "Kidal Region", "Sona")
    resolved = resolve_mentions(text, found, gazetteer, cues)
    assert [m.place for m in resolved] == [smaller, KIDAL_REGION, smaller]
    assert resolved[2].rule.endswith("geo.resolve:same_name")
    # the mentions come back in the order given, read in text order all the same
    backwards = resolve_mentions(text, found[::-1], gazetteer, cues)
    assert [m.place for m in backwards] == [smaller, KIDAL_REGION, smaller]
    # unqualified, the larger namesake
    alone = "Gunmen attacked Sona at dawn."
    assert resolve_mentions(alone, mentions(alone, "Sona"), gazetteer, cues)[0].place == larger


def test_find_qualifiers_a_comma_or_a_bracket_between_two_names() -> None:
    text = "Parkland, Florida and Kouri (Tillaberi) near Gao"
    spans = [
        Span(text.index(name), text.index(name) + len(name))
        for name in ("Parkland", "Florida", "Kouri", "Tillaberi", "Gao")
    ]
    assert find_qualifiers(text, spans) == {0: 1, 2: 3}
