"""Tests for the Swedish language helpers and their template filters (no database)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.utils import timezone, translation

from samverkan.core.swedish import (
    format_date,
    format_date_range,
    format_time,
    format_time_range,
    format_when,
    normalise_organisation_number,
    search_document,
    search_query_terms,
    sort_key,
    swedish_sorted,
)

STOCKHOLM = ZoneInfo("Europe/Stockholm")


# --- Sorting ---------------------------------------------------------------------------------


def test_a_with_ring_umlauts_and_o_umlaut_sort_after_z() -> None:
    names = ["Örby IS", "Alingsås KK", "Ängby SK", "Zenith", "Åkersberga BK"]
    assert swedish_sorted(names) == [
        "Alingsås KK",
        "Zenith",
        "Åkersberga BK",
        "Ängby SK",
        "Örby IS",
    ]


def test_u_umlaut_sorts_as_y() -> None:
    assert swedish_sorted(["Myra", "Müller", "Mustang"]) == ["Mustang", "Müller", "Myra"]


def test_w_is_a_letter_of_its_own_after_v() -> None:
    assert sort_key("Vårby IK") < sort_key("Wäsby FK")
    assert sort_key("Vörby") < sort_key("Wahl")
    assert swedish_sorted(["Wallin", "Vörby", "Vallby"]) == ["Vallby", "Vörby", "Wallin"]


def test_a_space_sorts_before_every_letter() -> None:
    # Decision: a separator is lower than any letter or digit, so "Ab d" < "Abc".
    assert sort_key("Ab") < sort_key("Ab d") < sort_key("Abc")
    assert swedish_sorted(["Abc", "Ab d", "Ab"]) == ["Ab", "Ab d", "Abc"]


def test_digits_sort_after_separators_and_before_letters() -> None:
    assert sort_key("IK 9") < sort_key("IK A") < sort_key("IKA")
    assert sort_key("IK") < sort_key("IK 9")


def test_keys_ignore_case_and_surrounding_whitespace() -> None:
    assert sort_key("ÖREBRO IK") == sort_key("örebro ik") == sort_key("  Örebro Ik \n")
    assert sort_key("ÅÄÖ") == sort_key("åäö")


def test_runs_of_whitespace_and_punctuation_count_once() -> None:
    assert sort_key("Ab  -  c") == sort_key("Ab c") == sort_key("Ab-c")
    assert sort_key("«Ab c»") == sort_key("Ab c")


def test_key_contains_only_ascii_digits() -> None:
    for text in ["Örby IS", "Café Ærø, Ølstykke & Łódź!", "Київ", "4H-klubben ½", ""]:
        assert re.fullmatch(r"[0-9]*", sort_key(text))
        assert len(sort_key(text)) % 2 == 0


def test_accented_letters_fold_but_a_ring_a_umlaut_o_umlaut_do_not() -> None:
    assert sort_key("Café") == sort_key("Cafe")
    assert sort_key("Señor Ça") == sort_key("Senor Ca")
    assert sort_key("Ærø") == sort_key("Ärö")
    assert sort_key("Åby") != sort_key("Aby")
    assert sort_key("Äby") != sort_key("Aby")
    assert sort_key("Öby") != sort_key("Oby")
    assert sort_key("Øresund") == sort_key("Öresund")


def test_decomposed_input_gives_the_same_key() -> None:
    assert sort_key("A\u030arby") == sort_key("Årby")


def test_only_the_first_max_chars_count() -> None:
    assert sort_key("a" * 500) == sort_key("a" * 120) == "21" * 120
    assert sort_key("abcdef", max_chars=3) == sort_key("abcxyz", max_chars=3)


def test_swedish_sorted_uses_key_and_breaks_ties_by_original_string() -> None:
    items = [{"name": "ab"}, {"name": "Ab"}, {"name": "Ää"}, {"name": "AB"}]
    assert [i["name"] for i in swedish_sorted(items, key=lambda i: i["name"])] == [
        "AB",
        "Ab",
        "ab",
        "Ää",
    ]


# --- Search ----------------------------------------------------------------------------------


def matches(query: str, *texts: str) -> bool:
    """Match the way the database does: every term must be a substring of the document."""
    terms = search_query_terms(query)
    document = search_document(*texts)
    return bool(terms) and all(term in document for term in terms)


def test_search_document_format() -> None:
    document = search_document("Idrottsföreningen", "Föreningen för idrott och föreningar")
    assert document.startswith(" ") and document.endswith(" ")
    assert "  " not in document
    stems = document.split()
    assert len(stems) == len(set(stems))
    assert "förening" in stems
    assert search_document("", "!!") == ""


@pytest.mark.parametrize(
    "text", ["föreningar", "föreningen", "föreningens", "Idrottsföreningen", "FÖRENING"]
)
def test_forening_finds_its_inflections_and_compounds(text: str) -> None:
    assert matches("förening", text)


def test_inflected_query_finds_base_form() -> None:
    assert matches("bidrag", "bidragen")
    assert matches("bidragen", "Bidrag till föreningar")
    assert matches("föreningarnas bidrag", "Föreningen söker bidrag")
    assert not matches("föreningarnas bidrag", "Föreningen söker lokal")


def test_case_does_not_matter_but_swedish_letters_are_not_folded() -> None:
    assert matches("Örebro", "ÖREBRO")
    assert matches("örebro", "Örebro läns förbund")
    assert not matches("ore", "Örebro")
    assert not matches("orebro", "Örebro")
    assert not matches("malmo", "Malmö")


@pytest.mark.parametrize(
    "query", ["%", "_", "%%", "*", '"', "'", "\\", "()", ":", "% _ * \" ' \\ ( ) :", "a", ""]
)
def test_wildcards_and_syntax_give_no_terms(query: str) -> None:
    assert search_query_terms(query) == []


def test_query_terms_are_clean_unique_and_limited() -> None:
    terms = search_query_terms("förening% OR bidrag_ 'idrott' (föreningen) i x:y AND NOT")
    assert "förening" in terms and "bidrag" in terms
    assert len(terms) == len(set(terms))
    for term in terms:
        assert re.fullmatch(r"[^\W_]+", term)
    assert len(search_query_terms(" ".join(f"ord{n}" for n in range(20)))) == 8
    assert len(search_query_terms("ord1 ord2 ord3", max_terms=2)) == 2
    assert all(len(term) <= 40 for term in search_query_terms("a" * 100))


# --- Organisation numbers --------------------------------------------------------------------


def luhn_digit(nine_digits: str) -> str:
    """The Luhn check digit for nine digits, computed independently of the module."""
    total = 0
    for index, char in enumerate(nine_digits):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product // 10 + product % 10
    return str((10 - total % 10) % 10)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # Checked by hand: 8*2=16->7, 0, 2*2=4, 0, 0, 2, 4*2=8, 2, 8*2=16->7; sum 30 -> 0.
        ("802002-4280", "802002-4280"),
        # 2*2=4, 0, 2*2=4, 1, 0, 0, 5*2=10->1, 4, 4*2=8; sum 22 -> 8.
        ("2021005448", "202100-5448"),
        # 5*2=10->1, 5, 6*2=12->3, 0, 1*2=2, 2, 5*2=10->1, 7, 9*2=18->9; sum 30 -> 0.
        ("16556012-5790", "556012-5790"),
        ("165560125790", "556012-5790"),
        (" 556 012 - 5790 ", "556012-5790"),
    ],
)
def test_valid_organisation_numbers(value: str, expected: str) -> None:
    assert normalise_organisation_number(value) == expected


@pytest.mark.parametrize("first_nine", ["802002428", "202100544", "556012579", "717900123"])
def test_numbers_built_with_own_luhn_are_accepted(first_nine: str) -> None:
    number = first_nine + luhn_digit(first_nine)
    assert normalise_organisation_number(number) == f"{number[:6]}-{number[6:]}"


def test_hard_coded_numbers_agree_with_own_luhn() -> None:
    assert luhn_digit("802002428") == "0"
    assert luhn_digit("202100544") == "8"
    assert luhn_digit("556012579") == "0"


@pytest.mark.parametrize(
    "value",
    ["", "802002-428", "802002-42800", "80200A-4280", "802002--4280", "802002_4280",
     "176556012579", "556012+5790", "٨٠٢٠٠٢٤٢٨٠"],
)  # fmt: skip
def test_wrong_length_or_characters(value: str) -> None:
    with pytest.raises(ValidationError) as error:
        normalise_organisation_number(value)
    assert error.value.code == "invalid"


@pytest.mark.parametrize(
    "value", ["811218-9876", "19811218-9876", "200101010007", "900101-0017", "16900101-0017"]
)
def test_personal_identity_numbers_are_refused(value: str) -> None:
    with pytest.raises(ValidationError) as error:
        normalise_organisation_number(value)
    assert error.value.code == "personal_identity_number"
    with translation.override("en"):
        assert "personal identity number" in error.value.messages[0]


@pytest.mark.parametrize("value", ["802002-4281", "202100-5449", "556012-5791", "16556012-5799"])
def test_wrong_check_digit(value: str) -> None:
    with pytest.raises(ValidationError) as error:
        normalise_organisation_number(value)
    assert error.value.code == "check_digit"


def test_the_three_errors_have_different_messages() -> None:
    messages = set()
    for value in ["12345", "811218-9876", "802002-4281"]:
        with pytest.raises(ValidationError) as error:
            normalise_organisation_number(value)
        messages.add(error.value.messages[0])
    assert len(messages) == 3


# --- Dates and times -------------------------------------------------------------------------


def test_format_date() -> None:
    day = date(2023, 9, 13)
    with translation.override("sv"):
        assert format_date(day) == "13 september 2023"
        assert format_date(day, weekday=True) == "onsdag 13 september 2023"
        assert format_date(day, weekday=True, year=False) == "onsdag 13 september"
    with translation.override("en"):
        assert format_date(day) == "13 September 2023"
        assert format_date(day, weekday=True) == "Wednesday 13 September 2023"


def test_format_date_converts_aware_datetimes_to_local_time() -> None:
    late = datetime(2023, 9, 13, 22, 30, tzinfo=UTC)  # 00.30 on the 14th in Stockholm
    with translation.override("sv"), timezone.override(STOCKHOLM):
        assert format_date(late) == "14 september 2023"


def test_format_time() -> None:
    with translation.override("sv"):
        assert format_time(time(16)) == "16"
        assert format_time(time(16, 30)) == "16.30"
        assert format_time(time(9, 5)) == "9.05"
    with translation.override("en"):
        assert format_time(time(16)) == "16:00"
        assert format_time(time(16, 30)) == "16:30"


def test_format_time_range() -> None:
    with translation.override("sv"):
        assert format_time_range(time(16), time(18)) == "kl. 16\u201318"
        assert format_time_range(time(16, 30), time(18, 30)) == "kl. 16.30–18.30"
        assert format_time_range(time(16), None) == "kl. 16"
        assert format_time_range(None, time(18)) == "till kl. 18"
        assert format_time_range(None, None) == ""
    with translation.override("en"):
        assert format_time_range(time(16), time(18)) == "16:00–18:00"
        assert format_time_range(time(16), None) == "16:00"
        assert format_time_range(None, time(18)) == "until 18:00"


def test_format_date_range() -> None:
    with translation.override("sv"):
        assert format_date_range(date(2023, 9, 13), date(2023, 9, 14)) == "13–14 september 2023"
        assert (
            format_date_range(date(2023, 9, 30), date(2023, 10, 2)) == "30 september–2 oktober 2023"
        )
        assert (
            format_date_range(date(2023, 12, 30), date(2024, 1, 2))
            == "30 december 2023–2 januari 2024"
        )
    with translation.override("en"):
        assert format_date_range(date(2023, 9, 13), date(2023, 9, 14)) == "13–14 September 2023"


def test_format_when_same_day() -> None:
    start = datetime(2023, 9, 13, 16, tzinfo=STOCKHOLM)
    end = datetime(2023, 9, 13, 18, tzinfo=STOCKHOLM)
    with timezone.override(STOCKHOLM):
        with translation.override("sv"):
            assert format_when(start, end) == "onsdag 13 september 2023, kl. 16–18"
            assert format_when(start) == "onsdag 13 september 2023, kl. 16"
            assert (
                format_when(start.replace(minute=30), end.replace(minute=30))
                == "onsdag 13 september 2023, kl. 16.30–18.30"
            )
        with translation.override("en"):
            assert format_when(start, end) == "Wednesday 13 September 2023, 16:00–18:00"


def test_format_when_converts_utc_to_the_current_time_zone() -> None:
    start = datetime(2023, 9, 13, 14, tzinfo=UTC)
    end = datetime(2023, 9, 13, 16, tzinfo=UTC)
    with translation.override("sv"), timezone.override(STOCKHOLM):
        assert format_when(start, end) == "onsdag 13 september 2023, kl. 16–18"
    with translation.override("sv"), timezone.override(UTC):
        assert format_when(start, end) == "onsdag 13 september 2023, kl. 14–16"


def test_format_when_all_day() -> None:
    start = datetime(2023, 10, 17, tzinfo=STOCKHOLM)
    with timezone.override(STOCKHOLM):
        with translation.override("sv"):
            assert format_when(start, all_day=True) == "tisdag 17 oktober 2023, heldag"
            assert format_when(date(2023, 10, 17)) == "tisdag 17 oktober 2023, heldag"
        with translation.override("en"):
            assert format_when(start, all_day=True) == "Tuesday 17 October 2023, all day"


def test_format_when_across_days() -> None:
    with timezone.override(STOCKHOLM), translation.override("sv"):
        assert (
            format_when(
                datetime(2023, 9, 13, tzinfo=STOCKHOLM),
                datetime(2023, 9, 14, tzinfo=STOCKHOLM),
                all_day=True,
            )
            == "13–14 september 2023"
        )
        assert (
            format_when(
                datetime(2023, 9, 13, 16, tzinfo=STOCKHOLM),
                datetime(2023, 9, 14, 12, tzinfo=STOCKHOLM),
            )
            == "onsdag 13 september 2023, kl. 16 – torsdag 14 september 2023, kl. 12"
        )


def test_format_when_around_the_change_from_summer_time() -> None:
    # Summer time ends at 03.00 on 29 October 2023: UTC+2 before, UTC+1 after.
    with timezone.override(STOCKHOLM), translation.override("sv"):
        before = format_when(
            datetime(2023, 10, 28, 8, tzinfo=UTC), datetime(2023, 10, 28, 10, tzinfo=UTC)
        )
        after = format_when(
            datetime(2023, 10, 29, 9, tzinfo=UTC), datetime(2023, 10, 29, 11, tzinfo=UTC)
        )
        across = format_when(
            datetime(2023, 10, 28, 22, 30, tzinfo=UTC), datetime(2023, 10, 29, 2, 30, tzinfo=UTC)
        )
        assert before == "lördag 28 oktober 2023, kl. 10–12"
        assert after == "söndag 29 oktober 2023, kl. 10–12"
        assert across == "söndag 29 oktober 2023, kl. 0.30–3.30"  # four hours long
        local = datetime(2023, 10, 29, 16, tzinfo=STOCKHOLM)
        assert format_when(local, local.replace(hour=18)) == "söndag 29 oktober 2023, kl. 16–18"


# --- Template filters and tags ---------------------------------------------------------------


def render(source: str, **context: object) -> str:
    return Template("{% load swedish %}" + source).render(Context(context))


def test_sv_date_filter() -> None:
    day = date(2023, 9, 13)
    moment = datetime(2023, 9, 13, 16, tzinfo=STOCKHOLM)
    with translation.override("sv"), timezone.override(STOCKHOLM):
        assert render("{{ d|sv_date }}", d=day) == "13 september 2023"
        assert render("{{ d|sv_date:'weekday' }}", d=moment) == "onsdag 13 september 2023"
        assert render("{{ d|sv_date:'weekday,noyear' }}", d=day) == "onsdag 13 september"
        assert render("{{ d|sv_date }}", d=None) == ""
    with translation.override("en"):
        assert render("{{ d|sv_date:'weekday' }}", d=day) == "Wednesday 13 September 2023"


def test_sv_time_range_filter() -> None:
    start = datetime(2023, 9, 13, 14, 30, tzinfo=UTC)
    end = datetime(2023, 9, 13, 16, 30, tzinfo=UTC)
    with translation.override("sv"), timezone.override(STOCKHOLM):
        assert render("{{ s|sv_time_range:e }}", s=start, e=end) == "kl. 16.30–18.30"
        assert render("{{ s|sv_time_range:e }}", s=time(16), e=time(18)) == "kl. 16–18"
        assert render("{{ s|sv_time_range }}", s=time(16)) == "kl. 16"
    with translation.override("en"):
        assert render("{{ s|sv_time_range:e }}", s=time(16), e=time(18)) == "16:00–18:00"


def test_sv_when_filter_and_when_tag() -> None:
    start = datetime(2023, 9, 13, 16, tzinfo=STOCKHOLM)
    end = datetime(2023, 9, 13, 18, tzinfo=STOCKHOLM)
    day = datetime(2023, 10, 17, tzinfo=STOCKHOLM)
    with translation.override("sv"), timezone.override(STOCKHOLM):
        assert render("{{ s|sv_when:e }}", s=start, e=end) == "onsdag 13 september 2023, kl. 16–18"
        assert render("{{ s|sv_when }}", s=start) == "onsdag 13 september 2023, kl. 16"
        assert render("{% when s e %}", s=start, e=end) == "onsdag 13 september 2023, kl. 16–18"
        assert render("{% when s all_day=True %}", s=day) == "tisdag 17 oktober 2023, heldag"
        assert render("{% when s None all_day=a %}", s=day, a=True) == (
            "tisdag 17 oktober 2023, heldag"
        )
    with translation.override("en"), timezone.override(STOCKHOLM):
        assert (
            render("{% when s e %}", s=start, e=end) == "Wednesday 13 September 2023, 16:00–18:00"
        )
