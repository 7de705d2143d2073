"""Minutes in other layouts than the seeds: a "§"-numbered protocol, names on one line, a
Word file with real tables and list numbering, a text PDF, a Windows-1252 file, and a file
that is not minutes at all."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from samverkan.minutes_import.extraction import extract_bytes, extract_path

from .conftest import MINUTES_PDF_PAGES, text_pdf
from .docx_builder import DocxBuilder


def read(path: Path) -> dict[str, Any]:
    result, ok = extract_path(path, display_name=path.name)
    assert ok
    return result


def people(result: dict[str, Any], key: str) -> list[tuple[Any, ...]]:
    return [(p["name"], p["organisation"], p["party"], p["role"], p["group"]) for p in result[key]]


def test_a_paragraph_numbered_protocol(documents):
    result = read(documents / "protokoll_paragrafer.txt")
    assert result["title"] == "PROTOKOLL Kultur- och fritidsnämndens arbetsutskott"
    assert result["kind"] == "minutes"
    assert result["bodies"] == ["Kultur- och fritidsnämndens arbetsutskott"]
    assert (result["date"], result["start_time"], result["end_time"], result["place"]) == (
        "2024-03-12",
        "13:00",
        "15:30",
        "Stadshuset, sal Brunnsparken",
    )
    assert people(result, "present") == [
        ("Anna Andersson", None, "S", "ordförande", None),
        ("Bertil Berg", None, "M", "vice ordförande", None),
        ("Cecilia Ceder", None, "C", None, None),
        ("David Dahl", None, "S", "ersättare", None),
        ("Fatima Falk", None, None, "nämndsekreterare", None),
        ("Gustav Gran", None, None, "förvaltningschef", None),
    ]
    assert people(result, "absent") == [
        ("Erik Ek", None, "S", None, None),
        ("Helena Holm", None, "V", None, None),
    ]
    assert result["substitutions"] == [{"substitute": "David Dahl", "for": "Erik Ek"}]
    assert result["recorded_by"] == "Fatima Falk"
    items = result["agenda_items"]
    assert [(i["number"], i["title"]) for i in items] == [
        ("12", "Val av justerare"),
        ("13", "Godkännande av dagordningen"),
        ("14", "Budgetuppföljning februari 2024"),
        ("15", "Föreningsbidrag 2024"),
        ("16", "Övriga frågor"),
    ]
    assert items[1]["decisions"] == ["Dagordningen godkänns."]
    assert items[2]["decisions"] == [
        "Arbetsutskottet beslutar att lägga informationen till handlingarna, och att uppdra åt "
        "förvaltningen att ta fram en åtgärdsplan till nästa sammanträde."
    ]
    assert items[2]["actions"] == [
        {
            "owner": "Gustav Gran",
            "what": "ta fram en åtgärdsplan senast den 15 april",
            "due": "2024-04-15",
        }
    ]
    assert items[3]["tabled"] == ["Föreningsbidrag 2024"] and items[3]["follow_up"] is True
    assert items[4]["tabled"] == ["Studieresa till Malmö"]
    assert items[4]["actions"] == [
        {"owner": "Cecilia Ceder", "what": "tar kontakt med fastighetsägaren", "due": None}
    ]
    # A pipe table under "Kommande sammanträden", inside the last item.
    assert result["calendar"] == [
        {
            "date": "2024-04-09",
            "date_text": "9 april",
            "start_time": "13:00",
            "end_time": "15:00",
            "place": "Stadshuset",
            "title": "Arbetsutskottet",
        },
        {
            "date": "2024-05-14",
            "date_text": "14 maj",
            "start_time": None,
            "end_time": None,
            "place": "Vivalla",
            "title": "Studiebesök",
        },
    ]
    assert result["warnings"] == []


def test_names_on_one_line_and_a_tab_separated_calendar(documents):
    result = read(documents / "namn_pa_en_rad.md")
    assert result["title"] == "Anteckningar från AU-möte 5 februari 2025"
    assert result["bodies"] == ["AU"]
    assert (result["date"], result["start_time"], result["end_time"]) == (
        "2025-02-05",
        "17:00",
        "18:30",
    )
    assert (result["place"], result["online"]) == ("Zoom", True)
    assert [p["name"] for p in result["present"]] == [
        "Anna Andersson",
        "Bertil Berg",
        "Cecilia Ceder",
        "David Dahl",
        "Gunnel Grön",
    ]
    assert result["present"][-1] == {
        "name": "Gunnel Grön",
        "organisation": "Länsstyrelsen",
        "party": None,
        "role": "gäst",
        "group": None,
    }
    assert people(result, "absent") == [
        ("Erik Ek", None, None, None, None),
        ("Fia Fors", None, "KD", None, None),
    ]
    items = result["agenda_items"]
    assert [(i["number"], i["title"], i["types"]) for i in items] == [
        ("1", "Föregående anteckningar", []),
        ("2", "Temakväll i maj", ["beslut"]),
        ("3", "Kalender", []),
    ]
    assert items[0]["decisions"] == ["Anteckningarna godkändes."]
    assert items[1]["decisions"] == ["Temakvällen hålls den 14 maj på Föreningarnas Hus."]
    assert items[1]["actions"] == [
        {"owner": "Bertil", "what": "bokar lokal senast 1 mars", "due": "2025-03-01"}
    ]
    assert result["working_groups"] == [
        {"title": "temakvällen", "members": ["Anna Andersson", "Bertil Berg"]}
    ]
    assert [(c["date"], c["start_time"], c["place"], c["title"]) for c in result["calendar"]] == [
        ("2025-05-14", "18:00", "Föreningarnas Hus", "Temakväll"),
        ("2025-06-03", None, None, "AU"),
    ]
    assert result["recorded_by"] == "David Dahl"


def test_a_word_document_with_real_tables_and_list_numbering():
    data = (
        DocxBuilder()
        .heading("Minnesanteckningar Samverkansrådet 6 december 2023")
        .paragraph("Datum: Onsdagen 6 december")
        .paragraph("Tid: kl. 16–18")
        .paragraph("Mötesplats: Föreningarnas Hus, Slottsgatan 13A")
        .paragraph("Närvarande: Samverkansrådet")
        .table(
            [
                ["Namn", "Organisation"],
                ["Tina Fingal Swens", "Örebro Föreningsråd (ordförande)"],
                ["Maria Haglund (M)", ""],
                ["Lasse Lundberg", "Almby IK"],
            ]
        )
        .paragraph("Förhinder: Tina Modin, RF-SISU")
        .numbered("Välkomna", bold=True)
        .paragraph("Ordföranden hälsar välkommen.")
        .numbered("Temakvällen", bold=True)
        .paragraph("Information + Beslut")
        .runs(
            ("Beslut: ", True),
            ("Samverkansrådet beslutar att temakvällen hålls i februari.", False),
        )
        .numbered("Lokal", level=1)
        .numbered("Talare", level=1)
        .paragraph("Lasse bokar lokal.\nAnna skickar inbjudan.")
        .link("Mer information: ", "kommunens sida", "https://www.orebro.se/civilasamhallet")
        .numbered("Kalendarium vt 2024", bold=True)
        .table(
            [
                ["Datum", "Tid", "Plats", "Rubrik"],
                ["18 mars", "Kl. 16-18", "Föreningarnas Hus", "Samverkansrådet"],
                [
                    "? april",
                    "Kl. 17:30-20:30",
                    "Föreningarnas Hus",
                    "Temakväll:\nKrisberedskapsövning",
                ],
            ]
        )
        .paragraph("Antecknat av")
        .paragraph("Anna Fogel, sekreterare")
        .build()
    )
    result, ok = extract_bytes(data, filename="möte 2023-12-06.docx")
    assert ok
    assert result["file"] == "möte 2023-12-06.docx"
    assert result["title"] == "Minnesanteckningar Samverkansrådet 6 december 2023"
    assert (result["date"], result["start_time"], result["end_time"]) == (
        "2023-12-06",
        "16:00",
        "18:00",
    )
    assert people(result, "present") == [
        ("Tina Fingal Swens", "Örebro Föreningsråd", None, "ordförande", "Samverkansrådet"),
        ("Maria Haglund", None, "M", None, "Samverkansrådet"),
        ("Lasse Lundberg", "Almby IK", None, None, "Samverkansrådet"),
    ]
    assert people(result, "absent") == [("Tina Modin", "RF-SISU", None, None, None)]
    items = result["agenda_items"]
    assert [(i["number"], i["title"], i["types"]) for i in items] == [
        ("1", "Välkomna", []),
        ("2", "Temakvällen", ["information", "beslut"]),
        ("3", "Kalendarium vt 2024", []),
    ]
    assert items[1]["decisions"] == ["Samverkansrådet beslutar att temakvällen hålls i februari."]
    assert [(a["owner"], a["what"]) for a in items[1]["actions"]] == [
        ("Lasse", "bokar lokal"),
        ("Anna", "skickar inbjudan"),
    ]
    assert "a) Lokal\nb) Talare" in items[1]["text"]
    assert result["calendar"][1] == {
        "date": None,
        "date_text": "? april",
        "start_time": "17:30",
        "end_time": "20:30",
        "place": "Föreningarnas Hus",
        "title": "Temakväll: Krisberedskapsövning",
    }
    assert result["links"] == ["https://www.orebro.se/civilasamhallet"]
    assert result["recorded_by"] == "Anna Fogel"


def test_a_text_pdf_with_hard_line_breaks_hyphenation_and_two_pages():
    result, ok = extract_bytes(text_pdf(MINUTES_PDF_PAGES), filename="möte.pdf")
    assert ok
    assert result["title"] == "Minnesanteckningar Samverkansrådet 7 november 2023"
    assert (result["date"], result["start_time"], result["end_time"]) == (
        "2023-11-07",
        "16:30",
        "18:30",
    )
    assert result["bodies"] == ["Samverkansrådet", "C-nätet"]
    assert people(result, "present") == [
        ("Tina Fingal Swens", "Örebro Föreningsråd", None, "ordförande", "Samverkansrådet"),
        ("Lotta Karlsson-Andersson", "Stiftelsen Activa", None, None, "Samverkansrådet"),
        ("Maria Haglund", None, "M", None, "Samverkansrådet"),
        ("Thomas Eek", "Kultur- och fritidsförvaltningen", None, None, "C-nätet"),
    ]
    items = result["agenda_items"]
    assert [(i["number"], i["title"]) for i in items] == [
        ("1", "Välkomna"),
        ("2", "Aktivitetsplanen 2024-2025"),
        ("3", "Remissbevakning"),
        ("4", "Kalendarium"),
    ]
    assert items[0]["text"] == (
        "Ordföranden hälsar välkommen och mötet inleds med en kort presentationsrunda där alla "
        "berättar om sina organisationer och om det kommunövergripande arbetet med "
        "överenskommelsen."
    )
    assert items[1]["decisions"] == ["Samverkansrådet beslutar att godkänna aktivitetsplanen."]
    assert items[1]["actions"] == [
        {
            "owner": "Anna",
            "what": "skickar ut planen till alla organisationer senast 1 december",
            "due": "2023-12-01",
        }
    ]
    assert items[2]["tabled"] == ["Remissbevakning"]
    assert result["calendar"] == [
        {
            "date": "2023-12-06",
            "date_text": "6 dec",
            "start_time": "16:00",
            "end_time": "18:00",
            "place": "Föreningarnas Hus",
            "title": "Samverkansrådet",
        },
        {
            "date": "2024-01-24",  # January after a November meeting is next year
            "date_text": "24 jan",
            "start_time": None,
            "end_time": None,
            "place": "Stockholm",
            "title": "Konferens om civilsamhällets roll",
        },
    ]
    assert result["recorded_by"] == "Anna Fogel"


def test_a_windows_1252_file_reads_like_any_other(documents):
    result = read(documents / "windows1252.txt")
    assert result["title"] == "Minnesanteckningar Samverkansrådet 14 mars 2019"
    assert (result["date"], result["start_time"], result["end_time"]) == (
        "2019-03-14",
        "18:00",
        "20:00",
    )
    assert people(result, "present") == [
        ("Åsa Öberg", "Örebro Föreningsråd", None, "ordförande", None),
        ("Göran Ärlig", None, "V", None, None),
    ]
    assert result["agenda_items"][0]["text"] == "Åsa Öberg hälsar välkommen – mötet inleds."
    assert result["agenda_items"][1]["actions"] == [
        {"owner": "Göran Ärlig", "what": "tar fram ett förslag till nästa möte", "due": None}
    ]
    assert result["recorded_by"] == "Åsa Öberg"


def test_a_file_that_is_not_minutes_is_reported_as_unknown(documents):
    result = read(documents / "inte_protokoll.txt")
    assert result["kind"] == "unknown"
    assert result["present"] == result["agenda_items"] == []
    assert any("does not look like minutes" in w for w in result["warnings"])


def test_unreadable_files_give_the_full_shape_with_the_reason(documents):
    for name in ("tom.txt", "skrap.docx"):
        result, ok = extract_path(documents / name, display_name=name)
        assert not ok
        assert result["file"] == name
        assert result["kind"] == "unknown"
        assert result["agenda_items"] == [] and result["present"] == []
        assert len(result["warnings"]) == 1 and name in result["warnings"][0]
