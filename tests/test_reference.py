"""Reference data and the region resolver used by every --region option."""

from __future__ import annotations

import pytest
from conftest import DATA

from servicekb.errors import UsageError
from servicekb.reference import Reference

REF = Reference(DATA / "reference")


@pytest.mark.parametrize(
    "text",
    [
        "Dalarna",
        "dalarna",
        "DALARNA",
        "Dalarnas län",
        "W",
        "w",
        "20",
        "Region Dalarna",
        " Dalarna ",
        "Länsstyrelsen i Dalarnas län",
        "dalarnas lan",
    ],
)
def test_dalarna_resolves_from_every_name(text):
    assert REF.resolve_county(text).name == "Dalarna"


@pytest.mark.parametrize(
    "text,name",
    [
        ("Orebro", "Örebro"),
        ("orebro lan", "Örebro"),
        ("Ostergotland", "Östergötland"),
        ("Vasterbotten", "Västerbotten"),
        ("AC", "Västerbotten"),
        ("BD", "Norrbotten"),
        ("01", "Stockholm"),
        ("1", "Stockholm"),
        ("Sörmland", "Södermanland"),
        ("Region Jämtland Härjedalen", "Jämtland"),
        ("Västra Götalandsregionen", "Västra Götaland"),
        ("vastra gotaland", "Västra Götaland"),
        ("Gotlands län", "Gotland"),
    ],
)
def test_other_counties(text, name):
    assert REF.resolve_county(text).name == name


@pytest.mark.parametrize(
    "text,suggestion", [("Dalrna", "Dalarna"), ("Norbotten", "Norrbotten"), ("Vermland", "Värmland")]
)
def test_typo_suggests_the_closest_county(text, suggestion, monkeypatch):
    with pytest.raises(UsageError) as info:
        REF.resolve_county(text)
    assert f"Menade du '{suggestion}'" in info.value.message  # the hint speaks the run's language
    monkeypatch.setenv("SERVICEKB_LANG", "en")
    with pytest.raises(UsageError) as info:
        REF.resolve_county(text)
    assert f"Did you mean '{suggestion}'" in info.value.message
    assert info.value.exit_code == 2


def test_unknown_county_lists_counties_in_swedish_order():
    with pytest.raises(UsageError) as info:
        REF.resolve_county("Atlantis")
    msg = info.value.message
    assert msg.index("Västra Götaland") < msg.index("Örebro") < msg.index("Östergötland")
    assert msg.index("Uppsala") < msg.index("Värmland")


def test_counties_and_municipalities_are_complete():
    assert len(REF.counties) == 21
    assert len(REF.municipalities) == 290
    for m in REF.municipalities.values():
        county = REF.counties[m.county]
        assert m.code.startswith(county.code), m
    assert REF.counties["Dalarna"].official_name == "Dalarnas län"
    assert REF.counties["Dalarna"].letter == "W"


@pytest.mark.parametrize(
    "text,name",
    [
        ("Mora", "Mora"),
        ("mora kommun", "Mora"),
        ("Malung-Salen", "Malung-Sälen"),
        ("2062", "Mora"),
        ("Orebro", "Örebro"),
    ],
)
def test_municipality_resolver(text, name):
    assert REF.resolve_municipality(text).name == name


def test_theme_resolver_takes_slug_label_alias_and_unique_prefix():
    assert REF.themes.resolve("logistik").slug == "logistik"
    assert REF.themes.resolve("Kommunala processer").slug == "kommunala-processer"
    assert REF.themes.resolve("paket").slug == "logistik"
    assert REF.themes.resolve("regionala-p").slug == "regionala-processer"
    with pytest.raises(UsageError) as info:
        REF.themes.resolve("zzz")
    assert "Giltiga värden:" in info.value.message
