"""The parser on small pieces of minutes written in the many ways Swedish minutes are."""

from __future__ import annotations

from typing import Any

import pytest

from samverkan.minutes_import.dates import find_dates, find_time_range
from samverkan.minutes_import.parsing import LABEL_RE, parse_minutes
from samverkan.minutes_import.people import Person, Vacancy, parse_people
from samverkan.minutes_import.textlines import find_links, join_wrapped, preprocess, split_sentences


def parse(text: str, **kwargs: Any) -> dict[str, Any]:
    return parse_minutes(text, filename="test.txt", **kwargs)


def line_people(text: str) -> list[tuple[Any, ...]]:
    entries = parse_people(text, known_first_names=set(), substitutions=[]) or []
    return [
        (e.name, e.organisation, e.party, e.role)
        if isinstance(e, Person)
        else ("VAKANS", e.organisation)
        for e in entries
    ]


# --- people ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Tina Fingal Swens, Örebro Föreningsråd (*ordförande*)",
            [("Tina Fingal Swens", "Örebro Föreningsråd", None, "ordförande")],
        ),
        ("Maria Haglund (M)", [("Maria Haglund", None, "M", None)]),
        (
            "Lasse Lundberg, Almby IK (vice ordförande)",
            [("Lasse Lundberg", "Almby IK", None, "vice ordförande")],
        ),
        (
            "Vakans, Förskole- och grundskoleförvaltningen",
            [("VAKANS", "Förskole- och grundskoleförvaltningen")],
        ),
        ("Vakant: Socialförvaltningen", [("VAKANS", "Socialförvaltningen")]),
        (
            "Anna Andersson, Bertil Berg, Cecilia Ceder och David Dahl",
            [
                ("Anna Andersson", None, None, None),
                ("Bertil Berg", None, None, None),
                ("Cecilia Ceder", None, None, None),
                ("David Dahl", None, None, None),
            ],
        ),
        (
            "Anna Andersson, KFUM; Bertil Berg, Röda Korset; Cecilia Ceder (KD)",
            [
                ("Anna Andersson", "KFUM", None, None),
                ("Bertil Berg", "Röda Korset", None, None),
                ("Cecilia Ceder", None, "KD", None),
            ],
        ),
        ("Tove Rosin, Röda Korset", [("Tove Rosin", "Röda Korset", None, None)]),
        (
            "Kersti Freed-Klevmar, Svenska Freds",
            [("Kersti Freed-Klevmar", "Svenska Freds", None, None)],
        ),
        (
            "Karin von Stedingk, Förvaltningen förskola skola",
            [("Karin von Stedingk", "Förvaltningen förskola skola", None, None)],
        ),
        (
            "Anna Fogel, Örebro kommun, sekreterare",
            [("Anna Fogel", "Örebro kommun", None, "sekreterare")],
        ),
        ("Ordförande Anna Andersson (S)", [("Anna Andersson", None, "S", "ordförande")]),
        (
            "Anna Andersson (S) ordförande, Bertil Berg (M)",
            [("Anna Andersson", None, "S", "ordförande"), ("Bertil Berg", None, "M", None)],
        ),
        (
            "Magnus Åstholm, digitaliseringsledare",
            [("Magnus Åstholm", None, None, "digitaliseringsledare")],
        ),
        ("Anna Andersson – KFUM", [("Anna Andersson", "KFUM", None, None)]),
        ("Maria Haglund, M", [("Maria Haglund", None, "M", None)]),
    ],
)
def test_attendance_lines(line, expected):
    assert line_people(line) == expected


@pytest.mark.parametrize(
    "line", ["Dagordning", "Ordföranden hälsar välkommen.", "1. Välkomna", "Bilaga 1"]
)
def test_lines_that_are_not_people(line):
    assert parse_people(line, known_first_names=set(), substitutions=[]) is None


def test_substitution_in_brackets():
    substitutions: list[tuple[str, str]] = []
    entries = parse_people(
        "Arianne Axewill (ersättare för Camilla Weckström), Vård- och omsorgsförvaltningen",
        known_first_names=set(),
        substitutions=substitutions,
    )
    assert entries == [
        Person("Arianne Axewill", "Vård- och omsorgsförvaltningen", None, "ersättare")
    ]
    assert substitutions == [("Arianne Axewill", "Camilla Weckström")]
    assert isinstance(parse_people("Vakans", known_first_names=set(), substitutions=[])[0], Vacancy)  # type: ignore[index]


# --- the header -----------------------------------------------------------------------------


def test_attendance_headings_on_their_own_lines_and_names_on_one_line():
    result = parse(
        "Protokoll\nStyrelsen för Föreningsrådet 3 mars 2024\n\n"
        "Närvarande\nAnna Andersson, Bertil Berg, Cecilia Ceder\n\n"
        "Anmält förhinder\nDavid Dahl; Erik Ek, Almby IK\n\n"
        "§ 1 Mötets öppnande\nOrdföranden öppnar mötet.\n"
        "§ 2 Övrigt\nInget övrigt.\n"
    )
    assert [p["name"] for p in result["present"]] == [
        "Anna Andersson",
        "Bertil Berg",
        "Cecilia Ceder",
    ]
    assert [(p["name"], p["organisation"]) for p in result["absent"]] == [
        ("David Dahl", None),
        ("Erik Ek", "Almby IK"),
    ]
    assert result["date"] == "2024-03-03"
    assert result["kind"] == "minutes"


def test_group_headings_and_role_headings_inside_attendance():
    result = parse(
        "Minnesanteckningar 1 februari 2024\n\nDeltagare:\nPensionärsrådet\n"
        "Anna Andersson, SPF\nErsättare:\nBertil Berg, PRO\n\n1. Välkomna\nText.\n2. Slut\nText.\n"
    )
    assert [(p["name"], p["role"], p["group"]) for p in result["present"]] == [
        ("Anna Andersson", None, "Pensionärsrådet"),
        ("Bertil Berg", "ersättare", "Pensionärsrådet"),
    ]
    assert result["bodies"] == ["Pensionärsrådet"]


def test_date_from_the_title_year_and_a_weekday_that_does_not_match():
    result = parse("Minnesanteckningar 2023\n\nDatum: Måndagen 13 september\n\n1. A\nx\n2. B\ny\n")
    assert result["date"] == "2023-09-13"
    assert any("weekday" in w for w in result["warnings"])


def test_a_date_with_no_year_anywhere_is_a_warning():
    result = parse("Minnesanteckningar\n\nDatum: 13 september\n\n1. A\nx\n2. B\ny\n")
    assert result["date"] is None
    assert any("no year" in w for w in result["warnings"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kl. 16-18", ("16:00", "18:00")),
        ("Kl. 16:30-18:30", ("16:30", "18:30")),
        ("13.15–14.45", ("13:15", "14:45")),
        ("klockan 9 till 11", ("09:00", "11:00")),
        ("kl 18", ("18:00", None)),
        ("2024-2027", (None, None)),
        ("Heldag", (None, None)),
    ],
)
def test_times(text, expected):
    assert find_time_range(text)[:2] == expected


@pytest.mark.parametrize(
    ("text", "day", "month", "year", "weekday"),
    [
        ("Onsdagen 13 september", 13, 9, None, 2),
        ("den 3:e mars 2024", 3, 3, 2024, None),
        ("Ons 1 juni", 1, 6, None, 2),
        ("7 nov.", 7, 11, None, None),
        ("2023-03-06", 6, 3, 2023, None),
        ("? april", None, 4, None, None),
    ],
)
def test_dates(text, day, month, year, weekday):
    (mention,) = find_dates(text)
    assert (mention.day, mention.month, mention.year, mention.weekday) == (
        day,
        month,
        year,
        weekday,
    )


def test_place_and_time_given_together_and_an_online_meeting():
    result = parse(
        "Protokoll\nKommunstyrelsen\n\nPlats och tid: Digitalt via Teams, kl. 9.00–10.30\n"
        "Datum: 2024-05-02\n\n§ 1 Ärende\nText.\n"
    )
    assert (result["place"], result["start_time"], result["end_time"]) == (
        "Digitalt via Teams",
        "09:00",
        "10:30",
    )
    assert result["online"] is True
    assert result["date"] == "2024-05-02"
    assert result["bodies"] == ["Kommunstyrelsen"]


# --- items ----------------------------------------------------------------------------------


def test_paragraph_numbers_without_a_space_and_a_title_on_the_next_line():
    result = parse(
        "Protokoll 2024-01-10\n\n§12\nVal av justerare\nAnna utses.\n\n§13 Avslutning\nKlart.\n"
    )
    assert [(i["number"], i["title"], i["text"]) for i in result["agenda_items"]] == [
        ("12", "Val av justerare", "Anna utses."),
        ("13", "Avslutning", "Klart."),
    ]


def test_numbers_with_a_bracket_and_a_list_inside_an_item_are_told_apart():
    result = parse(
        "Minnesanteckningar 10 januari 2024\n\n1) Budget\nFörslag:\n1. ett\n2. två\n"
        "2) Lokaler\nText.\n3) Övrigt\nInget.\n"
    )
    assert [(i["number"], i["title"]) for i in result["agenda_items"]] == [
        ("1", "Budget"),
        ("2", "Lokaler"),
        ("3", "Övrigt"),
    ]
    assert "1. ett\n2. två" in result["agenda_items"][0]["text"]


def test_an_agenda_listed_before_the_minutes_is_not_taken_as_the_items():
    result = parse(
        "Minnesanteckningar 10 januari 2024\n\nDagordning\n1. Välkomna\n2. Budget\n3. Övrigt\n\n"
        "1. Välkomna\nOrdföranden hälsar välkommen.\n\n2. Budget\nBeslut: Budgeten godkänns.\n\n"
        "3. Övrigt\nInget.\n"
    )
    items = result["agenda_items"]
    assert [(i["number"], i["title"]) for i in items] == [
        ("1", "Välkomna"),
        ("2", "Budget"),
        ("3", "Övrigt"),
    ]
    assert items[0]["text"] == "Ordföranden hälsar välkommen."
    assert items[1]["decisions"] == ["Budgeten godkänns."]


@pytest.mark.parametrize(
    ("title", "first_line", "types"),
    [
        ("Budget", "Information", ["information"]),
        ("Budget", "Information + Beslut.", ["information", "beslut"]),
        ("Budget", "Information och beslut", ["information", "beslut"]),
        ("Budget – Beslut", "Text.", ["beslut"]),
        ("Budget (information)", "Text.", ["information"]),
        ("Budget", "Beslutsärende", ["beslut"]),
    ],
)
def test_item_types(title, first_line, types):
    result = parse(f"Protokoll 2024-01-10\n\n§ 1 {title}\n{first_line}\n§ 2 Slut\nx\n")
    assert result["agenda_items"][0]["title"] == "Budget"
    assert result["agenda_items"][0]["types"] == types


@pytest.mark.parametrize(
    ("body", "decisions"),
    [
        ("Beslut: Rådet godkänner planen.", ["Rådet godkänner planen."]),
        (
            "Rådet diskuterar. Samverkansrådet beslutar att anta planen.",
            ["Samverkansrådet beslutar att anta planen."],
        ),
        ("Beslut om att prova Teams.", ["Beslut om att prova Teams."]),
        (
            "Beslut:\nNämnden beslutar\natt godkänna rapporten\natt lägga den till handlingarna",
            ["Nämnden beslutar att godkänna rapporten att lägga den till handlingarna"],
        ),
        ("Informationen läggs till handlingarna.", ["Informationen läggs till handlingarna."]),
        ("AU får besluta om det blir en eller två kvällar.", []),
        ("Förslag till beslut: att anta planen.", []),
        ("Sedan överenskommelsen antogs 2010 har mycket hänt.", []),
    ],
)
def test_decisions(body, decisions):
    result = parse(f"Protokoll 2024-01-10\n\n§ 1 Plan\n{body}\n\n§ 2 Slut\nx\n")
    assert result["agenda_items"][0]["decisions"] == decisions


@pytest.mark.parametrize(
    ("body", "tabled"),
    [
        ("Punkten bordläggs pga tidsbrist.", ["Plan"]),
        ("- Lokaler? Punkten bordläggs.\n- Budget", ["Lokaler?"]),
        ("Frågan om lokaler bordläggs till nästa möte.", ["Frågan om lokaler"]),
        ("- Remissbevakning\n- Lokaler\n\nPunkterna bordlades.", ["Plan"]),
    ],
)
def test_tabled(body, tabled):
    result = parse(f"Protokoll 2024-01-10\n\n§ 1 Plan\n{body}\n\n§ 2 Slut\nx\n")
    assert result["agenda_items"][0]["tabled"] == tabled


@pytest.mark.parametrize(
    ("body", "follow_up"),
    [
        ("Frågan följs upp vid nästa möte.", True),
        ("Frågan återkommer vid kommande möte.", True),
        ("AU återkommer med förslag.", True),
        ("Vi måste se till att målen följs upp.", False),
        ("Informationen noteras.", False),
    ],
)
def test_follow_up(body, follow_up):
    result = parse(f"Protokoll 2024-01-10\n\n§ 1 Plan\n{body}\n\n§ 2 Slut\nx\n")
    assert result["agenda_items"][0]["follow_up"] is follow_up


@pytest.mark.parametrize(
    ("sentence", "action"),
    [
        ("Anna F skapar ett team och bjuder in.", ("Anna F", "skapar ett team och bjuder in")),
        ("AU återkommer med förslag på datum.", ("AU", "återkommer med förslag på datum")),
        ("Helena tar kontakt med Malmö.", ("Helena", "tar kontakt med Malmö")),
        ("Bertil Berg ska boka lokal.", ("Bertil Berg", "boka lokal")),
        (
            "Anna och Tina F. bokar möte med kommunikatör.",
            ("Anna och Tina F.", "bokar möte med kommunikatör"),
        ),
        ("Arbetsgruppen jobbar vidare med frågan.", ("Arbetsgruppen", "jobbar vidare med frågan")),
        ("Kansliet får i uppdrag att sammanställa svaren.", ("Kansliet", "sammanställa svaren")),
        ("Anna informerar om läget.", None),
        ("Martin gör en presentation av Teams.", None),
        ("Vi jobbar vidare med texterna.", None),
        ("Kommunen har investerat i Office 365.", None),
        ("Slutrapporten ska sammanställas.", None),
        ("Anna har stämt av med Tove.", None),
    ],
)
def test_actions(sentence, action):
    result = parse(f"Protokoll 2024-01-10\n\n§ 1 Plan\n{sentence}\n\n§ 2 Slut\nx\n")
    found = [(a["owner"], a["what"]) for a in result["agenda_items"][0]["actions"]]
    assert found == ([action] if action else [])


def test_an_action_with_a_due_date_takes_the_next_year_when_needed():
    result = parse(
        "Protokoll 2024-11-20\n\n§ 1 Plan\nAnna skickar förslaget senast 15 januari.\n§ 2 x\ny\n"
    )
    assert result["agenda_items"][0]["actions"][0]["due"] == "2025-01-15"


def test_substitutions_in_running_text():
    result = parse(
        "Protokoll 2024-01-10\n\n§ 1 Upprop\nKarin von Stedingk ersätter Annika Walter under hösten. "
        "Caroline kommer på sikt att ersätta Kerstin Hellberg.\n§ 2 x\ny\n"
    )
    assert result["substitutions"] == [{"substitute": "Karin von Stedingk", "for": "Annika Walter"}]


def test_calendar_in_a_pipe_table_without_a_calendar_title():
    result = parse(
        "Minnesanteckningar 10 januari 2024\n\n1. Planering\n"
        "| Datum | Tid | Plats | Rubrik |\n|---|---|---|---|\n"
        "| 14 feb | 18–20 | Stadsbiblioteket | Temakväll |\n2. Slut\nx\n"
    )
    assert result["calendar"] == [
        {
            "date": "2024-02-14",
            "date_text": "14 feb",
            "start_time": "18:00",
            "end_time": "20:00",
            "place": "Stadsbiblioteket",
            "title": "Temakväll",
        }
    ]


def test_a_calendar_row_whose_place_cannot_be_told_from_its_title_is_a_warning():
    result = parse(
        "Minnesanteckningar 10 januari 2024\n\n1. Kalendarium\nDatum Tid Plats Rubrik\n"
        "14 februari Kl. 18-20 Stadsbiblioteket Temakväll om demokrati\n2. Slut\nx\n"
    )
    (entry,) = result["calendar"]
    assert entry["place"] is None
    assert entry["title"] == "Stadsbiblioteket Temakväll om demokrati"
    assert any("no clear place" in w for w in result["warnings"])


# --- text handling --------------------------------------------------------------------------


def test_hard_line_breaks_are_joined_but_not_structure():
    lines = join_wrapped(
        preprocess(
            "Ordföranden hälsar alla\nvälkomna till mötet om det kommun-\növergripande\n"
            "arbetet i Gymnasie-\noch arbetsmarknadsförvaltningen.\nNästa mening står kvar.\n"
            "- en punkt\n- en annan punkt\nDatum: 3 maj\n"
        ),
        LABEL_RE,
    )
    assert [line.text for line in lines] == [
        "Ordföranden hälsar alla välkomna till mötet om det kommunövergripande arbetet i "
        "Gymnasie- och arbetsmarknadsförvaltningen.",
        "Nästa mening står kvar.",
        "en punkt",
        "en annan punkt",
        "Datum: 3 maj",
    ]


def test_sentences_do_not_end_at_abbreviations():
    assert split_sentences("Det gäller t.ex. Anna Fogel. Hon svarar. Se bl.a. Malmö.") == [
        "Det gäller t.ex. Anna Fogel.",
        "Hon svarar.",
        "Se bl.a. Malmö.",
    ]


def test_links_are_deduplicated_and_bare_addresses_get_a_scheme():
    text = (
        "Se www.orebro.se/civilasamhallet och [länk](https://example.org/a_b) "
        "<https://example.org/a_b> samt http://www.orebro.se/civilasamhallet. [x](#)"
    )
    assert find_links(text) == ["http://www.orebro.se/civilasamhallet", "https://example.org/a_b"]


def test_empty_text_gives_the_shape_and_a_warning():
    result = parse("   \n\n")
    assert result["kind"] == "unknown" and result["agenda_items"] == []
    assert result["warnings"]


def test_a_notice_with_only_an_agenda():
    result = parse(
        "Kallelse\nSamverkansrådet 3 mars 2025\n\nTid: kl. 16-18\nPlats: Föreningarnas Hus\n\n"
        "Dagordning\n1. Välkomna\n2. Budget\n3. Övriga frågor\n"
    )
    assert result["kind"] == "notice"
    assert [i["title"] for i in result["agenda_items"]] == ["Välkomna", "Budget", "Övriga frågor"]
    assert result["date"] == "2025-03-03"


def test_markdown_headings_for_labels_and_numbered_items():
    result = parse(
        "# Protokoll styrelsemöte 12 mars 2024\n\n## Närvarande\n- Anna Andersson, ordförande\n"
        "- Bertil Berg\n\n## Frånvarande\n- Cecilia Ceder\n\n## 1. Mötets öppnande\n"
        "Ordföranden öppnade mötet.\n\n## 2. Ekonomi\nBertil redogjorde. Beslut: Styrelsen "
        "godkänner rapporten.\n\n## Antecknat av\nBertil Berg\n"
    )
    assert [(p["name"], p["role"]) for p in result["present"]] == [
        ("Anna Andersson", "ordförande"),
        ("Bertil Berg", None),
    ]
    assert [p["name"] for p in result["absent"]] == ["Cecilia Ceder"]
    assert [(i["number"], i["title"], i["decisions"]) for i in result["agenda_items"]] == [
        ("1", "Mötets öppnande", []),
        ("2", "Ekonomi", ["Styrelsen godkänner rapporten."]),
    ]
    assert result["recorded_by"] == "Bertil Berg"
    assert result["warnings"] == []


def test_bold_labels_are_not_taken_for_bold_items():
    result = parse(
        "**Minnesanteckningar 3 april 2024**\n\n**Närvarande**\n\n- Anna Andersson, KFUM\n"
        "- Bertil Berg (S)\n\n**Presentationsrunda**\n\nAlla presenterade sig.\n\n**Budget**\n\n"
        "Anna skickar budgeten senast 1 maj.\n"
    )
    assert [(p["name"], p["organisation"], p["party"]) for p in result["present"]] == [
        ("Anna Andersson", "KFUM", None),
        ("Bertil Berg", None, "S"),
    ]
    assert [(i["number"], i["title"]) for i in result["agenda_items"]] == [
        (None, "Presentationsrunda"),
        (None, "Budget"),
    ]
    assert result["agenda_items"][1]["actions"] == [
        {"owner": "Anna", "what": "skickar budgeten senast 1 maj", "due": "2024-05-01"}
    ]


@pytest.mark.parametrize(
    ("title", "bodies"),
    [
        ("Protokoll fört vid Kommunstyrelsens sammanträde 2024-01-02", ["Kommunstyrelsen"]),
        ("Protokoll Socialnämndens arbetsutskott 2024-01-02", ["Socialnämndens arbetsutskott"]),
        ("Minnesanteckningar Samverkansrådets AU 3 maj 2023", ["AU"]),
        ("Minnesanteckningar Samverkansrådet och C-nätverket 2023", ["Samverkansrådet", "C-nätet"]),
    ],
)
def test_bodies_in_the_title(title, bodies):
    assert parse(f"{title}\n\n§ 1 A\nx\n")["bodies"] == bodies
