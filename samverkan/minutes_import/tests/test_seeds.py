"""The five real documents in ../shared/seeds/ parse into what a careful reader finds there.

The seeds live beside the repository (``/work/shared/seeds`` next to ``/work/main``); the
tests are skipped where that folder is missing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from samverkan.minutes_import.extraction import extract_path

REPOSITORY = Path(__file__).resolve().parents[3]
SEEDS = REPOSITORY.parent / "shared" / "seeds"

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"{SEEDS} is not here")

KEYS = [
    "file",
    "sha256",
    "title",
    "kind",
    "bodies",
    "date",
    "start_time",
    "end_time",
    "place",
    "online",
    "present",
    "absent",
    "vacancies",
    "substitutions",
    "agenda_items",
    "calendar",
    "watchlist",
    "working_groups",
    "recorded_by",
    "links",
    "warnings",
]
ITEM_KEYS = ["number", "title", "types", "text", "decisions", "tabled", "follow_up", "actions"]
SR, CN = "Samverkansrådet", "C-nätet"

_cache: dict[str, dict[str, Any]] = {}


def seed(prefix: str) -> dict[str, Any]:
    if prefix not in _cache:
        (path,) = SEEDS.glob(f"{prefix}_*.txt")
        result, ok = extract_path(path, display_name=path.name)
        assert ok
        _cache[prefix] = result
    return _cache[prefix]


def people(result: dict[str, Any], key: str) -> list[tuple[Any, ...]]:
    return [(p["name"], p["organisation"], p["party"], p["role"], p["group"]) for p in result[key]]


def items(result: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [(i["number"], i["title"], i["types"]) for i in result["agenda_items"]]


def item(result: dict[str, Any], title: str) -> dict[str, Any]:
    (found,) = [i for i in result["agenda_items"] if i["title"] == title]
    return found


def actions(result: dict[str, Any]) -> list[tuple[str | None, str | None]]:
    return [(a["owner"], a["what"]) for i in result["agenda_items"] for a in i["actions"]]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_seed_has_exactly_the_shape_of_issue_4(prefix):
    result = seed(prefix)
    assert list(result) == KEYS
    assert len(result["sha256"]) == 64
    for agenda_item in result["agenda_items"]:
        assert list(agenda_item) == ITEM_KEYS
        assert isinstance(agenda_item["follow_up"], bool)
        for action in agenda_item["actions"]:
            assert list(action) == ["owner", "what", "due"]
    for person in result["present"] + result["absent"]:
        assert list(person) == ["name", "organisation", "party", "role", "group"]
    for entry in result["calendar"]:
        assert list(entry) == ["date", "date_text", "start_time", "end_time", "place", "title"]
    for entry in result["watchlist"]:
        assert list(entry) == ["kind", "title", "owner", "note"]
        assert entry["kind"] in (None, "projekt", "uppdrag", "utvecklingsarbete", "nätverk")


# --- 000: 13 September 2023 ------------------------------------------------------------------


def test_000_header():
    result = seed("000")
    assert result["title"] == "Minnesanteckningar Samverkansrådet och C-nätverket 13 september 2023"
    assert result["kind"] == "minutes"
    assert result["bodies"] == [SR, CN]
    assert (result["date"], result["start_time"], result["end_time"]) == (
        "2023-09-13",
        "16:00",
        "18:00",
    )
    assert result["place"] == "Föreningarnas Hus, Slottsgatan 13A"
    assert result["online"] is False
    assert result["recorded_by"] == "Anna Fogel"
    assert result["warnings"] == []


def test_000_attendance_with_roles_parties_groups_and_a_vacancy():
    result = seed("000")
    assert people(result, "present") == [
        ("Caroline Daly", "Örebro Rättighetscenter", None, None, SR),
        ("Tina Fingal Swens", "Örebro Föreningsråd", None, "ordförande", SR),
        ("K-G Granberg", "Folkets hus Vintrosa", None, None, SR),
        ("Lotta Karlsson-Andersson", "Stiftelsen Activa", None, None, SR),
        ("Lasse Lundberg", "Almby IK", None, "vice ordförande", SR),
        ("Thomas Rasmusson", "Tegelbruket", None, None, SR),
        ("Fredrik Wallin", "Studieförbundet Vuxenskolan", None, None, SR),
        ("Maria Haglund", None, "M", None, SR),
        ("Jerker Lindgren", None, "L", None, SR),
        ("Madelen Spinord Semenets", None, "S", None, SR),
        ("Anna Fogel", "Örebro kommun", None, "sekreterare", SR),
        ("Urban Svensson", "Socialförvaltningen", None, None, CN),
        ("Stefan Ask", "Gymnasie- och arbetsmarknadsförvaltningen", None, None, CN),
        ("Anna Fogel", "Kommunledningsförvaltningen", None, None, CN),
        ("Thomas Eek", "Kultur- och fritidsförvaltningen", None, None, CN),
        ("Camilla Weckström", "Vård- och omsorgsförvaltningen", None, None, CN),
    ]
    assert people(result, "absent") == [
        ("Kersti Freed-Klevmar", "Svenska Freds", None, None, None),
        ("Reidun Karlsson", "Betlehemskyrkan", None, None, None),
        ("Tina Modin", "RF-SISU", None, None, None),
        ("Raluca Stancu", "Socialförvaltningen", None, None, None),
        ("Nadja Ugge", "Kultur- och fritidsförvaltningen", None, None, None),
        ("Markus Behr", "Miljö- och stadsbyggnadsförvaltningen", None, None, None),
        ("Kerstin Hellberg", "Miljö- och stadsbyggnadsförvaltningen", None, None, None),
        ("Magnus Karlsson", "Teknik- och serviceförvaltningen", None, None, None),
    ]
    assert result["vacancies"] == ["Förskole- och grundskoleförvaltningen"]
    assert result["substitutions"] == []


def test_000_items_types_and_the_decision():
    result = seed("000")
    assert items(result) == [
        ("1", "Välkomna", []),
        ("2", "En väg in", ["information"]),
        ("3", "Karta över samverkan", ["information"]),
        ("4", "Aktivitetsplanen 2024-2025", ["information"]),
        ("5", "Klimatneutrala städer 2030", ["information"]),
        ("6", "På gång/bevakningslista", ["information"]),
        ("7", "Utvärdering av överenskommelsen", ["information", "beslut"]),
        ("8", "Kalendarium ht 2023", []),
        ("9", "Övriga frågor", []),
    ]
    decisions = [(i["number"], d) for i in result["agenda_items"] for d in i["decisions"]]
    assert decisions == [
        (
            "7",
            "Samverkansrådet beslutar att godkänna förslaget och lämna det vidare för beredning "
            "inför politiskt beslut.",
        )
    ]
    assert all(i["tabled"] == [] for i in result["agenda_items"])
    follow_ups = [i["number"] for i in result["agenda_items"] if i["follow_up"]]
    assert follow_ups == ["4", "6"]  # "vid kommande möte", "återkommer ... kommande tillfälle"
    assert actions(result) == [
        ("Lars Lundberg", "återkommer med mer information om detta vid ett kommande tillfälle")
    ]


def test_000_text_of_an_item_is_whole_with_its_hard_breaks_joined():
    text = item(seed("000"), "Karta över samverkan")["text"]
    assert "Den är pedagogisk och användbar som idé, utan att vi" in text
    assert "https://www.ekero.se/kommun-politik/engagera-dig-och-paverka/samarbeta-med-oss" in text
    assert text.splitlines()[0].startswith("Anna och Lars informerar")


def test_000_calendar():
    assert seed("000")["calendar"] == [
        {
            "date": "2023-10-17",
            "date_text": "17 oktober",
            "start_time": None,
            "end_time": None,
            "place": "Stockholm",
            "title": "Kunskapskonferens 2023 Tema: krisberedskap, krishantering och samverkan",
        },
        {
            "date": "2023-11-07",
            "date_text": "7 nov",
            "start_time": "16:30",
            "end_time": "18:30",
            "place": "Föreningarnas Hus",
            "title": "Samverkansrådet",
        },
        {
            "date": "2023-11-23",
            "date_text": "23 nov",
            "start_time": "18:00",
            "end_time": "20:00",
            "place": "Föreningarnas Hus",
            "title": "Temakväll: Socialt företagande och idéburen välfärd",
        },
        {
            "date": "2023-12-06",
            "date_text": "6 dec",
            "start_time": "16:00",
            "end_time": "18:00",
            "place": "Föreningarnas Hus",
            "title": "Samverkansrådet julavslutning",
        },
        {
            "date": "2023-12-06",
            "date_text": "6 dec",
            "start_time": "18:00",
            "end_time": "20:00",
            "place": "Föreningarnas Hus",
            "title": "Val- och informationskväll",
        },
    ]


def test_000_watchlist():
    watchlist = seed("000")["watchlist"]
    assert [(w["kind"], w["title"], w["owner"]) for w in watchlist] == [
        ("projekt", "Klimatneutrala städer", "KLF"),
        ("projekt", "ESF Barn i socioekonomiskt utsatta hushåll", "KLF"),
        ("uppdrag", "En väg in till kommunen för det civila samhället", "KFF"),
        ("uppdrag", "Utveckla dialogen med det civila samhället", "KLF"),
        ("utvecklingsarbete", "Regionalt civilsamhällsnätverk", None),
        ("nätverk", "Regionalt partnerskap för sociala innovationer (PSI)", None),
    ]
    notes = [w["note"] for w in watchlist]
    assert notes[0] == "Se ovanstående punkt på dagordningen samt pdf-bilaga."
    assert notes[1].startswith("Örebro kommun har beviljats 10 mkr under en treårsperiod")
    assert notes[2] == (
        "”Steg 2” – IOP, idéer, upphandling m.m. Se ovanstående punkt på dagordningen samt "
        "ppt-bilaga."
    )
    assert notes[3].startswith("Detta uppdrag är pausat. Punkten stryks från listan")
    assert notes[4].startswith("Lars Lundberg återkommer med mer information")
    assert "Sicilien" in notes[5] and "partnerskapet-for-sociala-innovationer" in notes[5]


def test_000_links_once_each_in_order():
    assert seed("000")["links"] == [
        "https://www.ekero.se/kommun-politik/engagera-dig-och-paverka/samarbeta-med-oss",
        "https://www.regionorebrolan.se/sv/regional-utveckling/kultur-och-civilsamhalle/"
        "civilsamhalle/partnerskapet-for-sociala-innovationer/",
        "https://www.mucf.se/om-oss/kalender/kunskapskonferensen-2023",
        "http://malmotillsammans.se",
    ]


# --- 001: 25 September 2020, bold bullets instead of numbers -----------------------------------


def test_001_header_online_meeting():
    result = seed("001")
    assert result["title"] == "Minnesanteckningar Samverkansrådet 25 september 2020"
    assert result["kind"] == "minutes"
    assert result["bodies"] == [SR, CN]
    assert (result["date"], result["start_time"], result["end_time"]) == (
        "2020-09-25",
        "10:00",
        "12:00",
    )
    assert result["place"] == "Digitalt via Teams"
    assert result["online"] is True
    assert result["recorded_by"] == "Anna Fogel"  # not the e-mail address below the name
    assert result["links"] == ["https://www.orebro.se/civilasamhallet"]
    assert result["warnings"] == []


def test_001_attendance_guests_and_absent():
    result = seed("001")
    assert people(result, "present") == [
        ("Helena Astvald", "Örebro Föreningsråd", None, None, SR),
        ("Jenny Belin", "Studieförbundet Bilda", None, None, SR),
        ("Peter Eriksson", "NBV", None, None, SR),
        ("Tina Fingal Swens", "Örebro Föreningsråd", None, None, SR),
        ("K-G Granberg", "Folkets hus Vintrosa", None, None, SR),
        ("Tina Modin", "RF-SISU", None, None, SR),
        ("Ann-Marie Wulfstrand", "Verdandi", None, None, SR),
        ("Marie Brorson", None, "S", None, SR),
        ("Johan Kumlin", None, "M", None, SR),
        ("Karin von Stedingk", "Förvaltningen förskola skola", None, None, CN),
        ("Anna Fogel", "Kommunstyrelseförvaltningen", None, None, CN),
        ("Kerstin Hellberg", "Stadsbyggnad", None, None, CN),
        ("Caroline Täljblad", "Stadsbyggnad", None, None, CN),
        ("Arianne Axewill", "Vård- och omsorgsförvaltningen", None, None, CN),
        ("Lina Frejd Bark", "Partnerskap Örebro", None, None, CN),
        ("Magnus Åstholm", None, None, "gäst", None),
        ("Martin Tesell", None, None, "gäst", None),
    ]
    assert people(result, "absent") == [
        ("Per-Åke Sörman", None, "C", None, None),
        ("Shala Ojagh", "Studieförbundet Vuxenskolan", None, None, None),
        ("Oscar Undevall", "RFSL Örebro", None, None, None),
        ("Mats Einestam", "SIMON", None, None, None),
        ("Rikard Lund", "Förvaltningen för sociala insatser", None, None, None),
        ("Urban Svensson", "Förvaltningen för sociala insatser", None, None, None),
        (
            "Mikael Ramnerö",
            "Förvaltningen för utbildning, försörjning och arbete",
            None,
            None,
            None,
        ),
        ("Elisabeth Rapp", "Kultur- och fritidsförvaltningen", None, None, None),
        ("Johan Eliasson", "Miljökontoret", None, None, None),
        ("Magnus Karlsson", "Tekniska förvaltningen", None, None, None),
    ]
    assert result["vacancies"] == []


def test_001_substitutions():
    assert seed("001")["substitutions"] == [
        {"substitute": "Arianne Axewill", "for": "Camilla Weckström"},
        {"substitute": "Karin von Stedingk", "for": "Annika Walter"},
    ]


def test_001_bold_bullet_items_have_no_number():
    result = seed("001")
    assert items(result) == [
        (None, "Presentationsrunda", []),
        (None, "Samverkan med digitala verktyg", []),
        (None, "Kommunikation av Överenskommelsen om samverkan", []),
        (None, "Studiebesök", []),
        (None, "Tackbrev till det civila samhället", []),
        (None, "Coronas effekter på det civila samhället och samverkan", []),
        (None, "Temakväll 15 oktober", []),
        (None, "Kalendarium ht 2020", []),
        (None, "Övriga frågor", []),
    ]
    tools = item(result, "Samverkan med digitala verktyg")
    assert tools["decisions"] == [
        "Beslut om att prova Teams som kommunikationsforum för Samverkansrådet (C-nätet "
        "använder redan Teams)."
    ]
    assert tools["follow_up"] is True  # "AU återkommer med förslag på datum"
    assert item(result, "Övriga frågor")["follow_up"] is True
    others = [i["title"] for i in result["agenda_items"] if i["decisions"]]
    assert others == ["Samverkan med digitala verktyg"]
    assert all(i["tabled"] == [] for i in result["agenda_items"])
    # Sub-points of "Övriga frågor" are text, not items of their own.
    assert "- Uppföljning Sommarsatsning 2020." in item(result, "Övriga frågor")["text"]


def test_001_actions():
    assert actions(seed("001")) == [
        ("Anna F", "skapar ett team och bjuder in"),
        ("AU", "återkommer med förslag på datum"),
        ("Anna", "undersöker hur man kan tillgängliggöra filmerna"),
        ("Anna och Tina F.", "bokar möte med kommunikatör"),
        ("Arbetsgruppen", "jobbar vidare på studiebesöket och kontaktar NOD"),
        ("AU", "tittar vidare på enkäten och om och hur den ska se ut"),
        (
            "Helena och Tina",
            "inventerar vad som gjorts och vilka som nåtts och vad som eventuellt behöver "
            "kompletteras",
        ),
        ("Caroline Täljblad", "skapar Team tillsammans med Anna"),
        ("Helena", "tar kontakt med Malmö och lägger upp en plan"),
        ("AU", "bjuder in valberedningen till möte"),
    ]


def test_001_working_group():
    assert seed("001")["working_groups"] == [
        {
            "title": "Temakväll 15 oktober",
            "members": ["Ann-Marie Wulfstrand", "Tina Fingal", "Caroline Täljblad"],
        }
    ]


def test_001_calendar_with_unknown_date_and_place_and_a_wrapped_row():
    calendar = seed("001")["calendar"]
    assert [
        (c["date"], c["date_text"], c["start_time"], c["end_time"], c["place"]) for c in calendar
    ] == [
        ("2020-08-19", "19 augusti", "13:15", "14:45", "Teams"),
        ("2020-09-09", "9 september", "13:15", "14:45", "Teams"),
        ("2020-09-25", "25 september", "10:00", "12:00", "Teams"),
        ("2020-10-12", "12 oktober", "15:30", "17:00", "Teams"),
        (None, "?", None, None, "Teams"),
        ("2020-11-12", "12 november", "18:00", "20:00", None),
        ("2020-11-18", "18 november", "14:00", "16:00", "Teams"),
        ("2020-12-02", "2 december", "18:00", "20:00", None),
    ]
    assert calendar[4]["title"] == "AU"
    assert calendar[5]["title"] == (
        "Workshop/Temakväll/Dialog Förslag till tema: Demokrati och delaktighet. Vilka roller "
        "har olika samhällsaktörer i att utveckla och främja demokratin och på vilket sätt kan "
        "vi samverka?"
    )


# --- 002: 20 April 2022, tabled points -------------------------------------------------------


def test_002_header_and_attendance():
    result = seed("002")
    assert result["title"] == "Minnesanteckningar Samverkansrådet 20 april 2022"
    assert result["kind"] == "minutes"
    assert result["bodies"] == [SR]
    assert (result["date"], result["start_time"], result["end_time"], result["place"]) == (
        "2022-04-20",
        "16:00",
        "18:00",
        "Föreningarnas Hus, Slottsgatan 13A",
    )
    assert people(result, "present") == [
        ("Helena Astvald", "Örebro Föreningsråd", None, None, SR),
        ("Caroline Daly", "Örebro Rättighetscenter", None, None, SR),
        ("Tina Fingal Swens", "Örebro Föreningsråd", None, None, SR),
        ("Reidun Karlsson", "Betlehems kyrkan", None, None, SR),
        ("Lasse Lundberg", "Almby IK", None, None, SR),
        ("Karin Magnholt", "KFUM", None, None, SR),
        ("Tina Modin", "RF-SISU", None, None, SR),
        ("Ann-Marie Wulfstrand", "Verdandi", None, None, SR),
        ("Jimmy Nordengren", None, "C", None, SR),
    ]
    assert people(result, "absent") == [
        ("K-G Granberg", "Folkets hus Vintrosa", None, None, None),
        ("Oscar Undevall", "RFSL", None, None, None),
        ("Jonas Håård", None, "S", None, None),
        ("Johan Kumlin", None, "M", None, None),
    ]
    assert result["recorded_by"] == "Anna Fogel"
    assert result["warnings"] == []


def test_002_tabled_points_and_a_whole_tabled_item():
    result = seed("002")
    assert [(i["number"], i["title"], i["tabled"]) for i in result["agenda_items"]] == [
        ("1", "Överenskommelsens roll i det säkerhetspolitiska läget", []),
        ("2", "Effektmätning", []),
        (
            "3",
            "Uppföljning aktivitetsplanen",
            ["SWOT eller annat förslag på hur identifiera hinder för samverkan?"],
        ),
        (
            "4",
            "Överenskommelsen om samverkan",
            ["Kommunikation för att fler ska ansluta sig, förslag?"],
        ),
        ("5", "Uppföljning och avstämning", ["Uppföljning och avstämning"]),
        ("6", "Nätverket för sociala frågor 20 maj", []),
        ("7", "Kalendarium vt 2022", []),
    ]


def test_002_follow_ups_actions_and_calendar():
    result = seed("002")
    assert [i["number"] for i in result["agenda_items"] if i["follow_up"]] == ["1", "2"]
    assert all(i["decisions"] == [] for i in result["agenda_items"])
    assert actions(result) == [
        ("AU", "besluta om det blir en eller två temakvällar"),
        (
            "Thomas Eek och Tina Modin",
            "planerar en kväll om bidragsremissen, där även info om överenskommelsen kan ges "
            "till de föreningar som deltar",
        ),
    ]
    assert result["calendar"] == [
        {
            "date": "2022-06-01",
            "date_text": "Ons 1 juni",
            "start_time": "16:00",
            "end_time": "18:00",
            "place": "Föreningarnas Hus",
            "title": "Samverkansråd",
        }
    ]
    text = item(result, "Överenskommelsens roll i det säkerhetspolitiska läget")["text"]
    assert "jobba 50 % med samordning" in text  # a line broken before "%" is joined


# --- 003: compiled notes of a workshop's group discussions ----------------------------------


def test_003_is_a_summary_of_group_notes():
    result = seed("003")
    assert result["title"] == (
        "Sammanställning av synpunkter på överenskommelsen om samverkan 2023-03-06"
    )
    assert result["kind"] == "summary"
    assert result["date"] == "2023-03-06"
    assert result["bodies"] == []
    assert result["present"] == result["absent"] == []
    assert [(i["number"], i["title"]) for i in result["agenda_items"]] == [
        (None, f"Grupp {n}") for n in range(1, 9)
    ]
    assert all(
        i["decisions"] == [] and i["actions"] == [] and i["tabled"] == []
        for i in result["agenda_items"]
    )
    group_3 = item(result, "Grupp 3")["text"]
    assert group_3.startswith("Överenskommelsens relevans\n- Ja, Att kunna luta sig emot")
    assert "Dålig närvaro från förvaltningar i C-nätverket" in group_3
    assert result["links"] == [
        "https://www.orebro.se/omsorg--stod/ta-ett-uppdrag/volontar---att-vara.html",
        "https://www.volontarbyran.org/uppdrag/sok?q%5Bcounty_ids%5D%5B%5D="
        "149767bc-d8c6-49e5-9af7-2017545bbf7c",
    ]
    # The note on the groups' numbering belongs to no group: it is reported, not lost.
    assert any("Numreringen av samtalsgrupperna" in w for w in result["warnings"])


# --- 004: titled "Kallelse" but holding minutes, hard line breaks -----------------------------


def test_004_is_read_as_minutes_despite_its_title():
    result = seed("004")
    assert result["title"] == "Kallelse Samverkansrådet och C-nätet 30 januari 2024"
    assert result["kind"] == "minutes"
    assert len(result["warnings"]) == 1  # the title said notice
    assert result["bodies"] == [SR, CN]
    assert (result["date"], result["start_time"], result["end_time"], result["place"]) == (
        "2024-01-30",
        "16:00",
        "18:00",
        "Föreningarnas Hus, Slottsgatan 13A",
    )
    assert result["recorded_by"] == "Anna Fogel"
    assert result["links"] == ["http://www.orebro.se/civilasamhallet"]


def test_004_attendance():
    result = seed("004")
    assert people(result, "present") == [
        ("Caroline Daly", "Örebro Rättighetscenter", None, None, SR),
        ("Tina Fingal", "Örebro Föreningsråd", None, "vice ordförande", SR),
        ("Anders Holm", "Vintrosa Folkets hus", None, None, SR),
        ("Lotta Karlsson-Andersson", "Stiftelsen Activa", None, None, SR),
        ("Reidun Karlsson", "Betlehemskyrkan", None, None, SR),
        ("Lasse Lundberg", "Almby IK", None, "ordförande", SR),
        ("Tina Modin", "RF-SISU", None, None, SR),
        ("Fredrik Wallin", "Studieförbundet Vuxenskolan", None, None, SR),
        ("Ingela Wistedt", "Brottsofferjouren", None, None, SR),
        ("Maria Haglund", None, "M", None, SR),
        ("Jerker Lindgren", None, "L", None, SR),
        ("Madelen Spinord Semenets", None, "S", None, SR),
        ("Urban Svensson", "Socialförvaltningen", None, None, CN),
        ("Stefan Ask", "Gymnasie- och arbetsmarknadsförvaltningen", None, None, CN),
        ("Thomas Eek", "Kultur- och fritidsförvaltningen", None, None, CN),
        ("Kerstin Hellberg", "Miljö- och stadsbyggnadsförvaltningen", None, None, CN),
        ("Camilla Weckström", "Vård- och omsorgsförvaltningen", None, None, CN),
        ("Anna Fogel", "Örebro kommun", None, "sekreterare", CN),
    ]
    assert people(result, "absent") == [
        ("Thomas Rasmusson", "Tegelbruket", None, None, None),
        ("Raluca Stancu", "Socialförvaltningen", None, None, None),
        ("Markus Behr", "Miljö- och stadsbyggnadsförvaltningen", None, None, None),
        ("Magnus Karlsson", "Teknik- och serviceförvaltningen", None, None, None),
    ]
    assert result["vacancies"] == ["Förskole- och grundskoleförvaltningen"]


def test_004_items_with_hard_line_breaks_joined():
    result = seed("004")
    assert items(result) == [
        ("1", "Välkomna", []),
        ("2", "Portföljen för social hållbarhet", []),
        ("3", "Överenskommelsens relevans 2024-2027", []),
        ("4", "Arbetsgrupper", []),
        ("5", "Kalendarium 2024", []),
        ("6", "På gång/bevakningslista", []),
        ("7", "Övriga frågor", []),
    ]
    portfolio = item(result, "Portföljen för social hållbarhet")["text"]
    assert (
        "Yvonne Haneskog och Annelie Lahall från Kommunledningsförvaltningen beskriver "
        "kommunens arbete med att kraftsamla kring kommunövergripande sociala utmaningar."
    ) in portfolio.splitlines()
    assert "- Trygghet och säkerhet" in portfolio.splitlines()
    assert [i["number"] for i in result["agenda_items"] if i["follow_up"]] == ["6", "7"]
    assert actions(result) == [
        ("Maria Haglund", "tar med sig frågan in i budgetdiskussionerna inför 2025"),
        ("AU", "tar med sig frågan och återkommer"),
    ]
    assert all(i["decisions"] == [] and i["tabled"] == [] for i in result["agenda_items"])


def test_004_working_groups():
    assert seed("004")["working_groups"] == [
        {"title": "Karta över samverkan", "members": ["Lotta Karlsson-Andersson"]},
        {"title": "Utreda möjlighet för nätverk att ansluta till överenskommelsen", "members": []},
        {
            "title": "Ta fram rutin för uteslutning av aktör",
            "members": ["Thomas Rasmusson", "Jerker Lindgren"],
        },
        {"title": "Temakväll: krisberedskap (övning)", "members": ["Lasse Lundberg"]},
    ]


def test_004_calendar_aligned_with_spaces():
    assert seed("004")["calendar"] == [
        {
            "date": "2024-01-30",
            "date_text": "30 januari",
            "start_time": "16:00",
            "end_time": "18:00",
            "place": "Föreningarnas Hus",
            "title": "Samverkansrådet + C-nätet",
        },
        {
            "date": "2024-03-18",
            "date_text": "18 mars",
            "start_time": "16:00",
            "end_time": "18:00",
            "place": "Föreningarnas hus",
            "title": "Samverkansrådet",
        },
        {
            "date": None,
            "date_text": "? april",
            "start_time": "17:30",
            "end_time": "20:30",
            "place": "Föreningarnas hus",
            "title": "Temakväll: Krisberedskapsövning",
        },
        {
            "date": "2024-05-28",
            "date_text": "28 maj",
            "start_time": "17:00",
            "end_time": "19:00",
            "place": "Föreningarnas hus",
            "title": "Samverkansrådet",
        },
    ]


def test_004_watchlist_with_and_without_kinds():
    watchlist = seed("004")["watchlist"]
    assert [(w["kind"], w["title"], w["owner"], w["note"]) for w in watchlist] == [
        (
            None,
            "Översiktsplanen ”Vårt Framtida Örebro”",
            None,
            "Ansvariga planerare deltar på Samverkansrådets kommande möte för att informera.",
        ),
        (None, "Byggreturen/avfallsförebyggande arbete", None, None),
        (
            None,
            "Fritidskortet",
            None,
            "Försäkringskassan har fått i uppdrag att skapa ett register över godkända aktörer "
            "inom civilsamhället.",
        ),
        (
            "projekt",
            "Klimatneutrala städer",
            "KLF",
            "Avslutande fas under våren. Slutrapport ska sammanställas.",
        ),
        ("projekt", "ESF Barn i socioekonomiskt utsatta hushåll", "KLF", None),
        (
            "utvecklingsarbete",
            "Regionalt civilsamhällesnätverk",
            None,
            "Inbjudan ”Nu samlar vi civilsamhället”. 6 februari 13:30-16:00.",
        ),
        ("nätverk", "Regionalt partnerskap för sociala innovationer", None, None),
        (
            None,
            "Partnerskap Örebro",
            None,
            "Ny organisation från och med årsskiftet 23/24. Rekrytering av personal pågår. "
            "Trainstation ligger numera under Kultur och fritidsförvaltningen medan Partnerskap "
            "Örebro ligger under Gymnasie- och arbetsmarknadsförvaltningen.",
        ),
        (None, "Områdesgrupper", None, "Ny områdesgrupp startar upp i Vivalla"),
    ]
