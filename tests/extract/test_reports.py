"""After the geo stage: an event's country when its own place was not found, generic actors
named again with it, and actors coded under their parent at the event's date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

import pytest

from factories import make_place, make_place_mention, make_report
from sahelwatch.extract.actors import ActorNames
from sahelwatch.extract.located import locate_nearby, requalify
from sahelwatch.extract.reports import GUESSED_COUNTRY
from sahelwatch.model import Extraction, Place, PlaceMention, Span
from sahelwatch.pack import load_region

Code = Callable[..., Extraction]


def test_locate_nearby_gives_the_country_of_the_places_named() -> None:
    report = make_report(place=None, location=None, location_span=None, country=None)
    places = [
        make_place_mention(span=Span(0, 4), place=make_place(country="BF")),
        make_place_mention(span=Span(10, 14), place=make_place(country="ML")),
        make_place_mention(span=Span(20, 24), place=make_place(country="ML")),
        make_place_mention(span=Span(30, 34), place=None),
    ]
    located = locate_nearby(report, places)
    assert located.country == "ML"
    assert located.place == places[1].place  # the first town named in that country


def test_locate_nearby_keeps_a_country_the_coder_found() -> None:
    report = make_report(place=None, location=None, location_span=None, country="NE")
    places = [make_place_mention(place=make_place(country="ML"))]
    assert locate_nearby(report, places).country == "NE"


def test_locate_nearby_prefers_the_places_to_a_guessed_country() -> None:
    report = make_report(
        place=None, location=None, location_span=None, country="BF", details=(GUESSED_COUNTRY,)
    )
    places = [make_place_mention(place=make_place(country="NE"))]
    assert locate_nearby(report, places).country == "NE"
    assert locate_nearby(report, []).country == "BF"


def _named(text: str, name: str, place: Place, start: int = 0) -> PlaceMention:
    begin = text.index(name, start)
    return make_place_mention(span=Span(begin, begin + len(name)), text=name, place=place)


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked a convoy between Tamasso and Doro (Doro, Tessalit). Two died.",
        "Des hommes armés ont attaqué un convoi entre Tamasso et Doro (Doro, Tessalit).",
    ],
)
def test_locate_nearby_an_event_without_a_place_takes_the_documents_most_specific(
    text: str,
) -> None:
    report = make_report(place=None, location=None, location_span=None, country="ML")
    tamasso, doro = make_place(geonameid=1, name="Tamasso"), make_place(geonameid=2, name="Doro")
    unit = make_place(geonameid=3, name="Doro", feature_class="A", feature_code="ADM3")
    cercle = make_place(geonameid=4, name="Tessalit", feature_class="A", feature_code="ADM2")
    start = text.index("(")
    places = [
        _named(text, "Tamasso", tamasso),
        _named(text, "Doro", doro),
        _named(text, "Doro", unit, start),
        _named(text, "Tessalit", cercle),
    ]
    located = locate_nearby(report, places, text)
    assert located.place == tamasso  # of "between X and Y (units)", X
    assert located.location_span == places[0].span and located.geo_precision == 2


def test_locate_nearby_puts_no_event_at_a_region_a_country_or_a_place_abroad() -> None:
    report = make_report(place=None, location=None, location_span=None, country="NE")
    region = make_place(geonameid=5, name="Tahoua", feature_class="A", feature_code="ADM1")
    places = [
        make_place_mention(place=make_place(country="ML")),
        make_place_mention(
            place=make_place(
                geonameid=6, name="Niger", feature_class="A", feature_code="PCLI", country="NE"
            )
        ),
        make_place_mention(place=replace(region, country="NE")),
    ]
    located = locate_nearby(report, places, "Protesters marched across Niger.")
    assert located.place is None and located.country == "NE"


def test_locate_nearby_keeps_a_resolved_place() -> None:
    report = make_report()
    assert report.place is not None
    places = [make_place_mention(span=Span(0, 4), place=make_place(country="BF"))]
    assert locate_nearby(report, places) == report


def test_locate_nearby_leaves_no_country_when_nothing_resolved() -> None:
    report = make_report(place=None, location=None, location_span=None, country=None)
    assert locate_nearby(report, [make_place_mention(place=None)]).country is None


def test_requalify_names_a_generic_actor_with_the_country_found() -> None:
    names = ActorNames(load_region("sahel"))
    report = make_report(country="BF", actor1="Protesters", details=("actor1_template=protesters",))
    assert requalify(report, names).actor1 == "Protesters (Burkina Faso)"


def test_requalify_leaves_a_country_outside_the_region() -> None:
    names = ActorNames(load_region("sahel"))
    report = make_report(country="FR", actor1="Rioters", details=("actor1_template=rioters",))
    assert requalify(report, names, frozenset({"ML"})).actor1 == "Rioters"


def _first(extraction: Extraction) -> tuple[str | None, str | None]:
    report = extraction.reports[0]
    return report.actor1, report.country


@pytest.mark.slow
def test_report_codes_a_group_under_its_parent_of_the_day(code: Code) -> None:
    text = "Boko Haram fighters attacked an army post near Diffa, killing two soldiers."
    actor1, _ = _first(code(text, published=dt.date(2015, 9, 1)))
    assert actor1 == "Islamic State (West Africa)"
    actor1, _ = _first(code(text, published=dt.date(2019, 9, 1)))
    assert actor1 == (  # after the 2016 split, "Boko Haram" names either faction
        "Islamic State (West Africa) and/or Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai"
        " wal-Jihad"
    )
    jas = text.replace("Boko Haram", "Boko Haram (JAS)")
    actor1, _ = _first(code(jas, published=dt.date(2019, 9, 1)))
    assert actor1 == "Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad"


@pytest.mark.slow
def test_report_mission_gives_the_event_its_country(code: Code) -> None:
    text = "NATO warplanes struck an ammunition depot overnight."
    actor1, country = _first(code(text, published=dt.date(2011, 6, 2)))
    assert actor1 == "Operation Unified Protector: NATO Mission in Libya (2011-2011)"
    assert country == "LY"


@pytest.mark.slow
def test_report_generic_parent_takes_the_country(code: Code) -> None:
    text = "Des chasseurs dozos ont attaqué un village peul près de Mopti au Mali."
    report = code(text, "fr", published=dt.date(2021, 2, 3)).reports[0]
    assert report.actor1 == "Dozo Communal Militia (Mali)"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("According to the Koglweogo, gunmen looted a shop overnight.", "en"),
        ("Selon les Koglweogo, des hommes armés ont pillé une boutique.", "fr"),
    ],
)
def test_report_country_guessed_from_the_actors_named(code: Code, text: str, language: str) -> None:
    report = code(text, language).reports[0]
    assert report.actor1 == "Unidentified Armed Group (Burkina Faso)"
    assert GUESSED_COUNTRY in report.details


@pytest.mark.slow
def test_report_actor_name_leaves_the_trigger_alone(code: Code) -> None:
    report = code("NATO air strikes hit Tripoli overnight, killing three soldiers.").reports[0]
    assert report.sub_event_type == "Air/drone strike"
    assert report.actor1 == "NATO: North Atlantic Treaty Organization"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Air strikes hit a rebel base near Ajdabiya in Libya overnight.", "en"),
        ("Des frappes aériennes ont visé une base rebelle près d'Ajdabiya en Libye.", "fr"),
    ],
)
def test_report_air_strike_with_no_author_is_the_military(
    code: Code, text: str, language: str
) -> None:
    report = code(text, language).reports[0]
    assert report.sub_event_type == "Air/drone strike"
    assert report.actor1 == "Military Forces of Libya"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "language", "actor1"),
    [
        ("Dogon militiamen attacked a hamlet overnight, killing three herders.", "en",
         "Dogon Ethnic Militia (Mali)"),
        ("Des miliciens bambara ont attaqué un hameau, tuant trois éleveurs.", "fr",
         "Bambara Ethnic Militia (Mali)"),
    ],
)  # fmt: skip
def test_report_country_guessed_from_the_group_home(
    code: Code, text: str, language: str, actor1: str
) -> None:
    report = code(text, language).reports[0]
    assert report.actor1 == actor1
    assert GUESSED_COUNTRY in report.details


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("ISGS militants entered a village near Menaka; the militants burned two shops.", "en"),
        ("Des combattants de l'EIGS sont entrés dans un village; les combattants ont incendié "
         "deux boutiques.", "fr"),
    ],
)  # fmt: skip
def test_report_definite_generic_is_the_group_named_before(
    code: Code, text: str, language: str
) -> None:
    report = code(text, language, published=dt.date(2019, 5, 1)).reports[0]
    assert report.actor1 == "Islamic State (Sahel)"


@pytest.mark.slow
def test_report_excessive_force_names_the_protesters_first(code: Code) -> None:
    report = code("Police fired live rounds at protesters in Niamey, killing two.").reports[0]
    assert report.sub_event_type == "Excessive force against protesters"
    assert report.actor1 == "Protesters (Niger)"
    assert report.actor2 == "Police Forces of Niger"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Two journalists were arrested in Nouakchott on Monday.", "en"),
        ("Deux journalistes ont été arrêtés à Nouakchott lundi.", "fr"),
    ],
)
def test_report_arrest_with_no_author_is_the_police(code: Code, text: str, language: str) -> None:
    report = code(text, language).reports[0]
    assert report.sub_event_type == "Arrests"
    assert report.actor1 == "Police Forces of Mauritania"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("French and Malian troops clashed with JNIM militants near Boulkessi.", "en"),
        ("Des forces françaises et maliennes ont affronté des combattants du JNIM près de "
         "Boulkessi.", "fr"),
    ],
)  # fmt: skip
def test_report_joint_french_operation_is_france(code: Code, text: str, language: str) -> None:
    report = code(text, language, published=dt.date(2019, 5, 1)).reports[0]
    assert report.actor1 == "Military Forces of France"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Hundreds of MPP supporters marched to demand the release of a deputy.", "en"),
        (
            "Des militants du MPP ont manifesté pour exiger la libération d'un député.",
            "fr",
        ),
    ],
)
def test_report_party_gives_the_protest_its_country(code: Code, text: str, language: str) -> None:
    report = code(text, language, published=None).reports[0]
    assert report.country == "BF"
    assert report.actor1 == "Protesters (Burkina Faso)"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Monday, police clashed with protesters in Bamako, Mali.", "en"),
        ("Lundi, des manifestants ont affronté la police à Bamako, au Mali.", "fr"),
    ],
)
def test_report_riot_against_a_force_names_the_force_second(
    code: Code, text: str, language: str
) -> None:
    report = code(text, language).reports[0]
    assert report.sub_event_type == "Violent demonstration"
    assert (report.actor1, report.actor2) == ("Rioters (Mali)", "Police Forces of Mali")


@pytest.mark.slow
def test_report_doer_claimed_a_few_sentences_later(code: Code) -> None:
    text = (
        "Gunmen killed five gendarmes at a post in Seytenga on Saturday.\n\nResidents said the "
        "assailants came on motorcycles. Schools in the town stayed closed. JNIM claimed the "
        "attack on Sunday in a statement."
    )
    report = code(text).reports[0]
    assert report.actor1 == "JNIM: Group for Support of Islam and Muslims"
    french = (
        "Des hommes armés ont tué cinq gendarmes à un poste de Seytenga samedi.\n\nDes habitants "
        "ont dit que les assaillants étaient venus à moto. Les écoles de la ville sont restées "
        "fermées. Le JNIM a revendiqué l'attaque dimanche dans un communiqué."
    )
    assert code(french, "fr").reports[0].actor1 == report.actor1


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Chadian authorities attacked rebels near Bardai, killing twelve fighters.", "en"),
        (
            "Les autorités tchadiennes ont attaqué des rebelles près de Bardaï, tuant douze "
            "combattants.",
            "fr",
        ),
    ],
)
def test_report_government_fights_through_its_military(
    code: Code, text: str, language: str
) -> None:
    report = code(text, language).reports[0]
    assert report.event_type == "Battles"
    assert report.actor1 == "Military Forces of Chad"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Nigerien soldiers staged a coup in Niamey on Wednesday.", "en"),
        ("Des militaires nigériens ont fait un coup d'État à Niamey mercredi.", "fr"),
    ],
)
def test_report_soldiers_who_take_power_are_in_mutiny(code: Code, text: str, language: str) -> None:
    report = code(text, language).reports[0]
    assert report.actor1 == "Mutiny of Military Forces of Niger"


@pytest.mark.slow
def test_report_soldiers_who_fight_are_not_in_mutiny(code: Code) -> None:
    report = code("Nigerien soldiers attacked a rebel camp near Agadez.", "en").reports[0]
    assert report.actor1 == "Military Forces of Niger"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "A roadside bomb hit an army convoy near Djibo on Monday, wounding soldiers and "
            "drivers. The road is the only way into the town. Traders said prices had doubled. "
            "The rains came late this year. Security sources attributed it to JNIM.",
            "en",
        ),
        (
            "Un engin explosif a touché un convoi de l'armée près de Djibo lundi, blessant des "
            "soldats et des chauffeurs. Cette route est la seule voie vers la ville. Les "
            "commerçants disent que les prix ont doublé. Les pluies sont arrivées tard cette "
            "année. Des sources sécuritaires l'ont attribué au JNIM.",
            "fr",
        ),
    ],
)
def test_report_claim_a_few_sentences_later_names_the_doer(
    code: Code, text: str, language: str
) -> None:
    report = code(text, language).reports[0]
    assert report.sub_event_type == "Remote explosive/landmine/IED"
    assert report.actor1 == "JNIM: Group for Support of Islam and Muslims"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Nigerien soldiers carried out a sweep near Tillia on Monday. Twelve militants were "
         "killed.", "en"),
        ("Les soldats nigériens ont mené une opération de ratissage près de Tillia lundi. Douze "
         "terroristes ont été tués.", "fr"),
    ],
)  # fmt: skip
def test_report_toll_with_no_doer_takes_the_subject_of_the_sentence_before(
    code: Code, text: str, language: str
) -> None:
    report = code(text, language).reports[0]
    assert report.actor1 == "Military Forces of Niger"


@pytest.mark.slow
def test_report_libyan_rebels_are_a_pro_government_militia_once_the_ntc_is_recognised(
    code: Code,
) -> None:
    text = "NLA forces captured a small town near Sirte."
    # in August 2011 the rebels are named second, after the army they took the town from
    assert code(text, published=dt.date(2011, 8, 4)).reports[0].actor2 == "Libyan Rebel Forces"
    assert _first(code(text, published=dt.date(2011, 10, 4)))[0] == "Militia (Pro-Government)"
    french = "Les forces du CNT ont pris le contrôle d'une petite ville près de Syrte."
    assert _first(code(french, "fr", dt.date(2011, 10, 4)))[0] == "Militia (Pro-Government)"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Two explosions were heard in Tripoli after a NATO aircraft was seen over the city.",
         "en"),
        ("La télévision d'État libyenne a fait état d'un bombardement de l'OTAN sur un dépôt "
         "près de Syrte.", "fr"),
    ],
)  # fmt: skip
def test_report_nato_in_libya_is_an_armed_side(code: Code, text: str, language: str) -> None:
    actor1, _ = _first(code(text, language, dt.date(2011, 5, 1)))
    assert actor1 == "Operation Unified Protector: NATO Mission in Libya (2011-2011)"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "On 3 March, three soldiers were killed by the explosion of an IED near Djibo. The "
            "device was planted by JNIM militants. Two more soldiers were wounded by the "
            "explosion of an IED as they came to help.",
            "en",
        ),
        (
            "Le 3 mars, trois soldats ont été tués par l'explosion d'un engin explosif improvisé "
            "près de Djibo. L'engin avait été posé par des militants du JNIM. Deux autres "
            "soldats ont été blessés par l'explosion d'un engin explosif alors qu'ils venaient "
            "en renfort.",
            "fr",
        ),
    ],
)
def test_report_blame_between_the_events_sentences_names_the_doer(
    code: Code, text: str, language: str
) -> None:
    report = code(text, language, dt.date(2020, 3, 4)).reports[0]
    assert report.actor1 == "JNIM: Group for Support of Islam and Muslims"
