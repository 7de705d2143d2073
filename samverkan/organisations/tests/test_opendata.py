"""Open data: the register files, the read-only API, its OpenAPI document and the page.

Everything goes through HTTP with Django's test client. The register is built through the
real services (submit, confirm by the emailed link, approve, withdraw, decline, expire);
the few exceptions create Signature rows directly and say why.
"""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.conf import settings as settings_module
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse
from django.utils import timezone, translation

from samverkan.accounts.models import User
from samverkan.core.testing import assert_accessible
from samverkan.organisations import opendata, selectors, services
from samverkan.organisations.models import (
    Agreement,
    AgreementSection,
    Area,
    District,
    Organisation,
    OrganisationKind,
    OrganisationLink,
    Signature,
    SignatureStatus,
    TargetGroup,
)

CSV_URL = "/oppna-data/anslutna.csv"
JSON_URL = "/oppna-data/anslutna.json"
API = "/api/v1"

# ---------------------------------------------------------------------------------------------
# Building the register
# ---------------------------------------------------------------------------------------------


def make_agreement(title: str, start: date, end: date) -> Agreement:
    # There is no service that creates an agreement: rows directly, then the real publish.
    agreement = Agreement.objects.create(
        title=title,
        period_start=start,
        period_end=end,
        adopted_on=start - timedelta(days=60),
        adopted_by="Kommunfullmäktige",
        introduction="Kommunen och civilsamhället samverkar.",
        easy_read_text="Vi hjälps åt.",
    )
    AgreementSection.objects.create(
        agreement=agreement,
        kind=AgreementSection.Kind.VALUES,
        title="Värderingar",
        body="Öppenhet och ömsesidig respekt.",
        easy_read_body="Vi är ärliga.",
        position=1,
    )
    AgreementSection.objects.create(
        agreement=agreement,
        kind=AgreementSection.Kind.COMMITMENTS,
        title="Åtaganden",
        body="Kommunen åtar sig att samråda.",
        position=2,
    )
    return services.agreement_publish(agreement=agreement)


@dataclass
class Signer:
    name: str
    role: str
    email: str


SIGNER_NUMBER = iter(range(1, 10_000))


def new_signer() -> Signer:
    n = next(SIGNER_NUMBER)
    return Signer(
        name=f"Hemliga Personen{n} Signatärsson",
        role=f"Hemlig roll {n}",
        email=f"hemlig.signatar{n}@privat-exempel.se",
    )


@dataclass
class Register:
    today: date
    previous: Agreement
    current: Agreement
    secretary: User
    organisations: dict[str, Organisation]
    signers: list[Signer]
    active_names: list[str]  # in Swedish order

    def org(self, name: str) -> Organisation:
        return self.organisations[name]


HYPERLINK = '=HYPERLINK("http://angripare.example/","Klicka")'


@pytest.fixture
def register(db) -> Register:
    today = timezone.localdate()
    previous = make_agreement(
        "Överenskommelsen 2022–2025", today - timedelta(days=4 * 365), today - timedelta(days=31)
    )
    current = make_agreement(
        "Överenskommelsen 2026–2029", today - timedelta(days=30), today + timedelta(days=3 * 365)
    )
    secretary = User.objects.create_user(
        email="sekreterare@kommun.example", full_name="Sekreteraren"
    )
    idrott = services.term_create(model=Area, name="Idrott", slug="idrott")
    kultur = services.term_create(model=Area, name="Kultur", slug="kultur")
    barn = services.term_create(model=TargetGroup, name="Barn och unga", slug="barn-och-unga")
    aldre = services.term_create(model=TargetGroup, name="Äldre", slug="aldre")
    centrum = services.term_create(model=District, name="Centrum", slug="centrum")
    oster = services.term_create(model=District, name="Öster", slug="oster")
    aby = services.term_create(model=District, name="Åby", slug="aby")
    signers: list[Signer] = []
    organisations: dict[str, Organisation] = {}

    def sign(
        agreement: Agreement, fields: dict[str, Any], organisation: Organisation | None = None
    ) -> Signature:
        """The real path: the form is submitted, confirmed by its link; waits for review."""
        signer = new_signer()
        signers.append(signer)
        data = {
            "kind": OrganisationKind.ASSOCIATION,
            "organisation_number": "",
            "website": "",
            "public_email": "",
            "description": "",
            "easy_read_description": "",
            "areas": [],
            "target_groups": [],
            "districts": [],
            **fields,
            "signatory_name": signer.name,
            "signatory_role": signer.role,
            "signatory_email": signer.email,
        }
        application = services.signature_application_submit(
            agreement=agreement, data=data, organisation=organisation
        )
        signature = services.signature_application_confirm(raw_token=application.raw_token)
        organisations[signature.organisation.name] = signature.organisation
        return signature

    def approve(signature: Signature) -> Signature:
        return services.signature_approve(signature=signature, actor=secretary)

    # Active signatories of the current period.
    asen_previous = approve(
        sign(
            previous,
            {
                "name": "Idrottsföreningen Åsen",
                "organisation_number": "802000-1239",
                "website": "https://asen.example/",
                "public_email": "info@asen.example",
                "description": "Fotboll och bandy för alla åldrar i Öster.",
                "easy_read_description": "Vi spelar bandy på isen.",
                "areas": [idrott.pk],
                "target_groups": [barn.pk],
                "districts": [oster.pk, centrum.pk],
            },
        )
    )
    approve(sign(current, {}, organisation=asen_previous.organisation))
    approve(
        sign(
            current,
            {
                "name": "Ärlaskolans kulturförening",
                "organisation_number": "802412-3450",
                "areas": [kultur.pk],
                "target_groups": [aldre.pk, barn.pk],
                "districts": [aby.pk],
            },
        )
    )
    approve(sign(current, {"name": "Åkerby hembygdsförening", "areas": [kultur.pk, idrott.pk]}))
    approve(sign(current, {"name": "Öppna nätverket", "kind": OrganisationKind.NETWORK}))
    approve(
        sign(
            current,
            {
                "name": HYPERLINK,
                "description": "-2+3",
                "easy_read_description": "@SUM(1)",
                "website": "https://formel.example/",
            },
        )
    )
    # Not in the public register.
    sign(current, {"name": "Väntande föreningen", "description": "Idrottsförening som väntar."})
    withdrawn = approve(sign(current, {"name": "Utträdda föreningen"}))
    services.signature_withdraw(signature=withdrawn, actor=secretary, reason="Vi slutar.")
    declined = sign(current, {"name": "Avböjda föreningen"})
    services.signature_decline(signature=declined, actor=secretary, reason="Finns inte.")
    approve(sign(previous, {"name": "Förra periodens förening"}))
    assert services.signatures_expire(today=today) == 2  # Åsen's and this one's old signatures
    # An exclusion needs a decided case after the organisation's answer deadline has passed,
    # which the services refuse to backdate: the excluded signature is made directly.
    signer = new_signer()
    signers.append(signer)
    excluded = services.organisation_create(
        name="Uteslutna stiftelsen", kind=OrganisationKind.FOUNDATION
    )
    Signature.objects.create(
        organisation=excluded,
        agreement=current,
        status=SignatureStatus.EXCLUDED,
        signatory_name=signer.name,
        signatory_role=signer.role,
        signatory_email=signer.email,
        approved_at=timezone.now() - timedelta(days=10),
    )
    organisations[excluded.name] = excluded
    services.organisation_link_create(
        predecessor=organisations["Förra periodens förening"],
        successor=organisations["Åkerby hembygdsförening"],
        kind=OrganisationLink.Kind.MERGED,
        on=today - timedelta(days=20),
    )
    return Register(
        today=today,
        previous=previous,
        current=current,
        secretary=secretary,
        organisations=organisations,
        signers=signers,
        # Swedish order: separators at the start are ignored, and å < ä < ö.
        active_names=[
            HYPERLINK,
            "Idrottsföreningen Åsen",
            "Åkerby hembygdsförening",
            "Ärlaskolans kulturförening",
            "Öppna nätverket",
        ],
    )


def swedish(label: Any) -> str:
    """A label as the data gives it: always in Swedish (the English source until translated)."""
    with translation.override("sv"):
        return str(label)


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def get_json(client, url: str, status: int = 200, **params: Any) -> Any:
    response = client.get(url, params)
    assert response.status_code == status, body(response)[:500]
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return json.loads(body(response).decode("utf-8"))


def read_csv(client) -> list[dict[str, str]]:
    raw = body(client.get(CSV_URL))
    reader = csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""))
    assert reader.fieldnames == list(opendata.FIELDS)
    return list(reader)


# ---------------------------------------------------------------------------------------------
# The files
# ---------------------------------------------------------------------------------------------


def test_csv_contains_exactly_the_active_signatories_of_the_current_period(client, register):
    response = client.get(CSV_URL)
    assert response.status_code == 200
    assert response.streaming
    raw = body(response)
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0] == [
        "id", "name", "kind", "kind_label", "organisation_number", "areas", "target_groups",
        "districts", "website", "public_email", "description", "easy_read_description",
        "signed_at", "agreement_title", "agreement_period_start", "agreement_period_end",
        "page_url", "verification_url",
    ]  # fmt: skip
    names = [row[1] for row in rows[1:]]
    assert names == ["'" + HYPERLINK, *register.active_names[1:]]
    for absent in ("Väntande", "Utträdda", "Avböjda", "Uteslutna", "Förra periodens"):
        assert absent.encode() not in raw


def test_csv_format_encoding_and_headers(client, register, settings):
    response = client.get(CSV_URL)
    raw = body(response)
    assert raw.startswith(b"\xef\xbb\xbfid,name,kind,")  # UTF-8 byte order mark for Excel
    assert "Åkerby hembygdsförening".encode() in raw
    assert "Ärlaskolans kulturförening".encode() in raw
    assert "Öster".encode() in raw
    assert b"\r\n" in raw
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    today = timezone.localdate().isoformat()
    assert (
        response["Content-Disposition"] == f'attachment; filename="samverkan-anslutna-{today}.csv"'
    )
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cache-Control"] == "public, max-age=60"

    asen = register.org("Idrottsföreningen Åsen")
    row = next(r for r in read_csv(client) if r["name"] == "Idrottsföreningen Åsen")
    assert row == {
        "id": str(asen.pk),
        "name": "Idrottsföreningen Åsen",
        "kind": "association",
        "kind_label": swedish(OrganisationKind.ASSOCIATION.label),
        "organisation_number": "802000-1239",
        "areas": "Idrott",
        "target_groups": "Barn och unga",
        "districts": "Centrum; Öster",
        "website": "https://asen.example/",
        "public_email": "info@asen.example",
        "description": "Fotboll och bandy för alla åldrar i Öster.",
        "easy_read_description": "Vi spelar bandy på isen.",
        "signed_at": asen.signatures.get(agreement=register.current).signed_at.date().isoformat(),
        "agreement_title": "Överenskommelsen 2026–2029",
        "agreement_period_start": register.current.period_start.isoformat(),
        "agreement_period_end": register.current.period_end.isoformat(),
        "page_url": f"{settings.SITE_URL}/organisationer/{asen.pk}/",
        "verification_url": f"{settings.SITE_URL}/verifiera/{asen.public_id}/",
    }
    network = next(r for r in read_csv(client) if r["name"] == "Öppna nätverket")
    assert network["organisation_number"] == ""
    assert network["areas"] == ""


def test_csv_neutralises_formulas(client, register):
    row = next(r for r in read_csv(client) if "HYPERLINK" in r["name"])
    assert row["name"] == "'" + HYPERLINK
    assert row["description"] == "'-2+3"
    assert row["easy_read_description"] == "'@SUM(1)"
    assert row["website"] == "https://formel.example/"
    for dangerous in ("=1", "+1", "-1", "@A1", "\t=1", "\r=1"):
        assert opendata.csv_cell(dangerous) == "'" + dangerous
    assert opendata.csv_cell("Kultur") == "Kultur"
    assert opendata.csv_cell(["a", "=b"]) == "a; =b"  # the joined text starts with "a"
    assert opendata.csv_cell(["=a", "b"]) == "'=a; b"
    assert opendata.csv_cell(None) == ""
    assert opendata.csv_cell(7) == "7"


def test_csv_is_read_in_chunks_with_the_terms_of_every_row(client, register, monkeypatch):
    monkeypatch.setattr(opendata, "CHUNK_SIZE", 2)
    rows = read_csv(client)
    assert [r["name"] for r in rows] == ["'" + HYPERLINK, *register.active_names[1:]]
    assert {r["name"]: r["areas"] for r in rows}["Åkerby hembygdsförening"] == "Idrott; Kultur"
    assert {r["name"]: r["districts"] for r in rows}["Ärlaskolans kulturförening"] == "Åby"


def test_json_file_contains_exactly_the_active_signatories(client, register):
    response = client.get(JSON_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cache-Control"] == "public, max-age=60"
    raw = body(response)
    assert "Ärlaskolans".encode() in raw  # real UTF-8, not \u escapes
    data = json.loads(raw)
    assert [o["name"] for o in data["organisations"]] == register.active_names
    assert data["licence"]["identifier"] == "CC0-1.0"
    assert data["agreement"]["id"] == register.current.pk
    formula = data["organisations"][0]
    assert formula["description"] == "-2+3"  # only the CSV needs the apostrophe
    asen = next(o for o in data["organisations"] if o["name"] == "Idrottsföreningen Åsen")
    assert list(asen) == list(opendata.FIELDS)
    assert asen["districts"] == ["Centrum", "Öster"]
    network = next(o for o in data["organisations"] if o["name"] == "Öppna nätverket")
    assert network["organisation_number"] is None


def test_files_without_any_published_agreement(client, db):
    rows = list(csv.reader(io.StringIO(body(client.get(CSV_URL)).decode("utf-8-sig"))))
    assert rows == [list(opendata.FIELDS)]
    data = json.loads(body(client.get(JSON_URL)))
    assert data["agreement"] is None
    assert data["organisations"] == []
    assert get_json(client, f"{API}/organisations/")["results"] == []


def all_outputs(client, register: Register) -> Iterator[tuple[str, bytes]]:
    urls = [
        CSV_URL,
        JSON_URL,
        f"{API}/organisations/?page_size=200",
        f"{API}/agreements/",
        f"{API}/openapi.json",
        "/oppna-data/",
    ]
    for organisation in register.organisations.values():
        urls.append(f"{API}/organisations/{organisation.pk}/")
        urls.append(f"{API}/verify/{organisation.public_id}/")
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        yield url, body(response)


def test_no_personal_data_in_any_output(client, register):
    assert len(register.signers) == 11
    secrets = ["sekreterare@kommun.example", "Sekreteraren", "Vi slutar.", "Finns inte."]
    for signer in register.signers:
        secrets += [signer.name, signer.role, signer.email]
    for url, raw in all_outputs(client, register):
        text = raw.decode("utf-8")
        for secret in secrets:
            assert secret.encode() not in raw, f"{secret!r} in {url}"
            assert secret not in json.dumps(text), f"{secret!r} escaped in {url}"
        assert "privat-exempel" not in text and "Signatärsson" not in text and "Hemlig" not in text


def test_files_and_api_answer_only_get(client, register):
    for url in (CSV_URL, JSON_URL, f"{API}/organisations/", f"{API}/agreements/"):
        response = client.post(url, {"name": "x"})
        assert response.status_code == 405
        assert response["Allow"] == "GET, HEAD, OPTIONS"
        assert response["Access-Control-Allow-Origin"] == "*"
        assert "error" in response.json()
        assert client.delete(url).status_code == 405
        assert client.head(url).status_code == 200
        preflight = client.options(url)
        assert preflight.status_code == 204
        assert preflight["Access-Control-Allow-Origin"] == "*"
        assert "GET" in preflight["Access-Control-Allow-Methods"]


# ---------------------------------------------------------------------------------------------
# The API
# ---------------------------------------------------------------------------------------------


def names(data: dict[str, Any]) -> list[str]:
    return [o["name"] for o in data["results"]]


def test_api_lists_the_register_with_headers(client, register):
    response = client.get(f"{API}/organisations/")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cache-Control"] == "public, max-age=60"
    data = response.json()
    assert data["count"] == 5
    assert data["page"] == 1
    assert data["page_size"] == 50
    assert data["next"] is None and data["previous"] is None
    assert names(data) == register.active_names
    assert [list(o) for o in data["results"]] == [list(opendata.FIELDS)] * 5


def test_api_pagination_follows_next_and_previous(client, register, settings):
    data = get_json(client, f"{API}/organisations/", page_size=2, kind="association")
    assert data["count"] == 4
    collected = names(data)
    pages = [data]
    while data["next"]:
        assert data["next"].startswith(settings.SITE_URL + "/api/v1/organisations/?")
        parts = urlsplit(data["next"])
        data = get_json(client, f"{parts.path}?{parts.query}")
        pages.append(data)
        collected += names(data)
    assert collected == [n for n in register.active_names if n != "Öppna nätverket"]
    assert [p["page"] for p in pages] == [1, 2]
    assert "kind=association" in pages[1]["previous"] and "page=1" in pages[1]["previous"]
    assert pages[0]["previous"] is None
    assert len(get_json(client, f"{API}/organisations/", page_size=3, page=2)["results"]) == 2
    assert get_json(client, f"{API}/organisations/", page_size=200)["page_size"] == 200
    error = get_json(client, f"{API}/organisations/", 404, page=4, page_size=2)
    assert "page" in error["error"].lower()


@pytest.mark.parametrize(
    "params",
    [
        {"page": "abc"},
        {"page": "0"},
        {"page": "-1"},
        {"page": "1.5"},
        {"page": ""},
        {"page": "١"},  # an Arabic-Indic digit: int() would accept it
        {"page": "9" * 30},
        {"page_size": "10000"},
        {"page_size": "201"},
        {"page_size": "0"},
        {"page_size": "abc"},
        {"kind": "club"},
        {"kind": "association\x00"},
        {"area": "finns-inte"},
        {"area": "idrott\x00"},
        {"district": "../centrum"},
        {"target_group": "x" * 300},
        {"q": "förening " * 40},
    ],
)
def test_api_refuses_bad_parameters_with_400_json(client, register, params):
    data = get_json(client, f"{API}/organisations/", 400, **params)
    assert set(data) == {"error"}
    assert isinstance(data["error"], str) and data["error"]


def test_api_filters(client, register):
    def filtered(**params: str) -> list[str]:
        return names(get_json(client, f"{API}/organisations/", **params))

    assert filtered(kind="network") == ["Öppna nätverket"]
    assert filtered(kind="foundation") == []  # the excluded foundation is not public
    assert filtered(area="idrott") == ["Idrottsföreningen Åsen", "Åkerby hembygdsförening"]
    assert filtered(area="kultur", district="aby") == ["Ärlaskolans kulturförening"]
    assert filtered(district="oster") == ["Idrottsföreningen Åsen"]
    assert filtered(target_group="barn-och-unga") == [
        "Idrottsföreningen Åsen",
        "Ärlaskolans kulturförening",
    ]
    assert filtered(target_group="aldre", kind="network") == []


def test_api_swedish_search(client, register):
    def search(q: str) -> list[str]:
        return names(get_json(client, f"{API}/organisations/", q=q))

    found = search("förening")  # inside compounds, not only whole words
    assert "Idrottsföreningen Åsen" in found
    assert "Åkerby hembygdsförening" in found and "Ärlaskolans kulturförening" in found
    assert "Öppna nätverket" not in found
    assert search("hembygd") == ["Åkerby hembygdsförening"]
    assert search("Föreningar") == search("förening")  # inflection and case
    assert search("bandy öster") == ["Idrottsföreningen Åsen"]  # every word, any field
    assert search("idrott") == ["Idrottsföreningen Åsen", "Åkerby hembygdsförening"]  # a term
    assert search("väntar") == []  # only the pending organisation says that
    assert search("   ") == register.active_names
    # The same semantics as the register page.
    for q in ("förening", "kultur barn", "nätverk"):
        expected = selectors.register_search(register.current, selectors.RegisterFilter(q=q))
        assert search(q) == [o.name for o in expected]


def test_api_organisation_detail_with_history_and_links(client, register, settings):
    asen = register.org("Idrottsföreningen Åsen")
    data = get_json(client, f"{API}/organisations/{asen.pk}/")
    listed = next(
        o for o in get_json(client, f"{API}/organisations/")["results"] if o["id"] == asen.pk
    )
    assert {k: data[k] for k in opendata.FIELDS} == listed
    assert [(s["agreement_id"], s["status"]) for s in data["signatures"]] == [
        (register.current.pk, "active"),
        (register.previous.pk, "expired"),
    ]
    assert data["signatures"][0]["status_label"] == swedish(SignatureStatus.ACTIVE.label)
    assert data["signatures"][1]["period_end"] == register.previous.period_end.isoformat()
    assert data["predecessors"] == [] and data["successors"] == []

    merged = register.org("Förra periodens förening")
    akerby = register.org("Åkerby hembygdsförening")
    when = (register.today - timedelta(days=20)).isoformat()
    akerby_data = get_json(client, f"{API}/organisations/{akerby.pk}/")
    assert akerby_data["predecessors"] == [
        {
            "id": merged.pk,
            "name": "Förra periodens förening",
            "kind_of_change": "merged",
            "date": when,
        }
    ]
    old = get_json(client, f"{API}/organisations/{merged.pk}/")
    assert old["successors"] == [
        {
            "id": akerby.pk,
            "name": "Åkerby hembygdsförening",
            "kind_of_change": "merged",
            "date": when,
        }
    ]
    # Not a signatory of the current period: its current fields are null.
    assert old["signed_at"] is None and old["agreement_title"] is None
    assert [s["status"] for s in old["signatures"]] == ["expired"]
    withdrawn = get_json(client, f"{API}/organisations/{register.org('Utträdda föreningen').pk}/")
    assert [s["status"] for s in withdrawn["signatures"]] == ["withdrawn"]
    excluded = get_json(client, f"{API}/organisations/{register.org('Uteslutna stiftelsen').pk}/")
    assert [s["status"] for s in excluded["signatures"]] == ["excluded"]


def test_api_organisation_not_found_is_json(client, register):
    for name in ("Väntande föreningen", "Avböjda föreningen"):  # never approved: not public
        data = get_json(client, f"{API}/organisations/{register.org(name).pk}/", 404)
        assert set(data) == {"error"}
    assert set(get_json(client, f"{API}/organisations/999999/", 404)) == {"error"}
    assert set(get_json(client, f"{API}/organisations/abc/", 404)) == {"error"}
    assert set(get_json(client, f"{API}/nothing/here/", 404)) == {"error"}
    response = client.get(f"{API}/organisations/999999/")
    assert response["Access-Control-Allow-Origin"] == "*"


def test_api_agreements(client, register, settings):
    data = get_json(client, f"{API}/agreements/")
    current, previous = data["results"]
    assert current["id"] == register.current.pk and previous["id"] == register.previous.pk
    assert current["signatory_count"] == 5
    assert previous["signatory_count"] == 0  # its signatures have expired
    assert current["title"] == "Överenskommelsen 2026–2029"
    assert current["period_start"] == register.current.period_start.isoformat()
    assert current["adopted_by"] == "Kommunfullmäktige"
    assert current["sections"] == [
        {
            "kind": "values",
            "title": "Värderingar",
            "body": "Öppenhet och ömsesidig respekt.",
            "easy_read_body": "Vi är ärliga.",
        },
        {
            "kind": "commitments",
            "title": "Åtaganden",
            "body": "Kommunen åtar sig att samråda.",
            "easy_read_body": "",
        },
    ]
    assert current["easy_read_text"] == "Vi hjälps åt."
    assert current["page_url"] == f"{settings.SITE_URL}/overenskommelsen/{register.current.pk}/"
    Agreement.objects.create(
        title="Utkast", period_start=date(2030, 1, 1), period_end=date(2033, 12, 31)
    )
    assert len(get_json(client, f"{API}/agreements/")["results"]) == 2  # drafts are not public


def test_api_verify(client, register):
    asen = register.org("Idrottsföreningen Åsen")
    data = get_json(client, f"{API}/verify/{asen.public_id}/")
    assert data == {
        "organisation": {"id": asen.pk, "name": "Idrottsföreningen Åsen"},
        "active_signatory": True,
        "may_use_symbol": True,
        "agreement": {
            "id": register.current.pk,
            "title": "Överenskommelsen 2026–2029",
            "period_start": register.current.period_start.isoformat(),
            "period_end": register.current.period_end.isoformat(),
        },
        "checked_on": register.today.isoformat(),
    }
    for name in ("Utträdda föreningen", "Väntande föreningen", "Förra periodens förening"):
        data = get_json(client, f"{API}/verify/{register.org(name).public_id}/")
        assert data["active_signatory"] is False and data["may_use_symbol"] is False
        assert data["agreement"]["id"] == register.current.pk
    assert set(get_json(client, f"{API}/verify/{uuid.uuid4()}/", 404)) == {"error"}
    assert set(get_json(client, f"{API}/verify/not-a-uuid/", 404)) == {"error"}


# ---------------------------------------------------------------------------------------------
# The OpenAPI document validates the real responses
# ---------------------------------------------------------------------------------------------


_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def schema_errors(
    value: Any, schema: dict[str, Any], root: dict[str, Any], at: str = "$"
) -> list[str]:
    """The ways `value` breaks `schema`: the JSON Schema subset the document uses."""
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/components/schemas/")
        return schema_errors(value, root["components"]["schemas"][name], root, at)
    if "oneOf" in schema:
        matching = [s for s in schema["oneOf"] if not schema_errors(value, s, root, at)]
        return [] if len(matching) == 1 else [f"{at}: matches {len(matching)} of oneOf"]
    errors: list[str] = []
    types = schema.get("type")
    if types is not None:
        types = [types] if isinstance(types, str) else types
        checks: dict[str, Callable[[Any], bool]] = {
            "object": lambda v: isinstance(v, dict),
            "array": lambda v: isinstance(v, list),
            "string": lambda v: isinstance(v, str),
            "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
            "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
            "boolean": lambda v: isinstance(v, bool),
            "null": lambda v: v is None,
        }
        if not any(checks[t](value) for t in types):
            return [f"{at}: {value!r} is not of type {types}"]
    if value is None:
        return errors
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{at}: {value!r} not in {schema['enum']}")
    if isinstance(value, int | float) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            errors.append(f"{at}: {value} < {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            errors.append(f"{at}: {value} > {schema['maximum']}")
    if isinstance(value, str):
        fmt = schema.get("format")
        if fmt == "date":
            try:
                ok = bool(_DATE_RE.fullmatch(value)) and date.fromisoformat(value) is not None
            except ValueError:
                ok = False
            if not ok:
                errors.append(f"{at}: {value!r} is not a date")
        elif fmt == "date-time":
            try:
                timezone.datetime.fromisoformat(value)
            except ValueError:
                errors.append(f"{at}: {value!r} is not a date-time")
        elif fmt == "uri" and not re.match(r"https?://[^\s/]+", value):
            errors.append(f"{at}: {value!r} is not an absolute URI")
        elif fmt == "uuid":
            try:
                uuid.UUID(value)
            except ValueError:
                errors.append(f"{at}: {value!r} is not a uuid")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            errors.append(f"{at}: {value!r} does not match {schema['pattern']}")
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            errors.append(f"{at}: longer than {schema['maxLength']}")
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        for key in schema.get("required", []):
            if key not in value:
                errors.append(f"{at}: missing {key!r}")
        for key, item in value.items():
            if key in properties:
                errors += schema_errors(item, properties[key], root, f"{at}.{key}")
            elif schema.get("additionalProperties") is False:
                errors.append(f"{at}: undocumented field {key!r}")
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            errors += schema_errors(item, schema["items"], root, f"{at}[{index}]")
    return errors


def operation_for(document: dict[str, Any], path: str) -> tuple[str, dict[str, Any]]:
    """The documented path template that `path` matches, and its GET operation."""
    for template, item in document["paths"].items():
        pattern = re.sub(r"\\\{[a-z_]+\\\}", "[^/]+", re.escape(template))
        if re.fullmatch(pattern, path):
            return template, item["get"]
    raise AssertionError(f"{path} is not documented")


def test_schema_checker_catches_mistakes(client, db):
    document = get_json(client, f"{API}/openapi.json")
    error = document["components"]["schemas"]["Error"]
    assert schema_errors({"error": "x"}, error, document) == []
    assert schema_errors({}, error, document)
    assert schema_errors({"error": 1}, error, document)
    assert schema_errors({"error": "x", "extra": 1}, error, document)
    summary = {"$ref": "#/components/schemas/AgreementSummary"}
    good = {"id": 1, "title": "T", "period_start": "2026-01-01", "period_end": "2029-12-31"}
    assert schema_errors(good, summary, document) == []
    assert schema_errors({**good, "period_end": "31/12/2029"}, summary, document)
    assert schema_errors({**good, "id": True}, summary, document)
    assert schema_errors({**good, "id": 0}, summary, document)
    assert schema_errors({**good, "title": None}, summary, document)
    page = document["components"]["schemas"]["OrganisationPage"]
    assert schema_errors(
        {"count": 0, "page": 1, "page_size": 300, "next": None, "previous": None, "results": []},
        page,
        document,
    )
    assert schema_errors(
        {
            "count": 0,
            "page": 1,
            "page_size": 5,
            "next": "/rel",
            "previous": None,
            "results": [{"id": 1}],
        },
        page,
        document,
    )


def test_openapi_document_describes_the_real_responses(client, register):
    document = get_json(client, f"{API}/openapi.json")
    assert document["openapi"].startswith("3.1")
    assert document["info"]["license"]["identifier"] == "CC0-1.0"
    assert get_json(client, f"{API}/openapi.json", **{"x": "1"}) == document
    requests = [
        (f"{API}/organisations/", {}),
        (f"{API}/organisations/", {"page_size": "2", "page": "2", "q": "förening"}),
        (f"{API}/organisations/", {"page": "abc"}),
        (f"{API}/organisations/", {"page": "9"}),
        (f"{API}/agreements/", {}),
        (f"{API}/verify/{uuid.uuid4()}/", {}),
        (f"{API}/openapi.json", {}),
        (JSON_URL, {}),
    ]
    for organisation in register.organisations.values():
        requests.append((f"{API}/organisations/{organisation.pk}/", {}))
        requests.append((f"{API}/verify/{organisation.public_id}/", {}))
    statuses: set[tuple[str, int]] = set()
    for path, params in requests:
        response = client.get(path, params)
        template, operation = operation_for(document, path)
        documented = operation["responses"].get(str(response.status_code))
        assert documented, f"{path} answered an undocumented {response.status_code}"
        schema = documented["content"]["application/json"]["schema"]
        errors = schema_errors(json.loads(body(response)), schema, document)
        assert errors == [], f"{path} {params}: {errors[:10]}"
        statuses.add((template, response.status_code))
    for path in (f"{API}/organisations/", f"{API}/agreements/"):
        response = client.post(path)
        _, operation = operation_for(document, path)
        schema = operation["responses"]["405"]["content"]["application/json"]["schema"]
        assert schema_errors(response.json(), schema, document) == []
    for template, item in document["paths"].items():
        if template.endswith(".csv"):
            continue
        for status in item["get"]["responses"]:
            if status != "405":
                assert (template, int(status)) in statuses, f"{status} of {template} never checked"


def test_openapi_parameters_match_the_behaviour(client, register):
    document = get_json(client, f"{API}/openapi.json")
    parameters = {
        p["name"]: p["schema"]
        for p in document["paths"]["/api/v1/organisations/"]["get"]["parameters"]
    }
    assert set(parameters) == {"page", "page_size", "q", "kind", "area", "district", "target_group"}
    size = parameters["page_size"]
    assert size["type"] == "integer"
    get_json(client, f"{API}/organisations/", 200, page_size=size["maximum"])
    get_json(client, f"{API}/organisations/", 400, page_size=size["maximum"] + 1)
    get_json(client, f"{API}/organisations/", 200, page_size=size["minimum"])
    get_json(client, f"{API}/organisations/", 400, page_size=size["minimum"] - 1)
    assert get_json(client, f"{API}/organisations/")["page_size"] == size["default"]
    get_json(client, f"{API}/organisations/", 400, page=parameters["page"]["minimum"] - 1)
    for kind in parameters["kind"]["enum"]:
        get_json(client, f"{API}/organisations/", 200, kind=kind)
    assert parameters["kind"]["enum"] == list(OrganisationKind.values)
    q_max = parameters["q"]["maxLength"]
    get_json(client, f"{API}/organisations/", 200, q="a" * q_max)
    get_json(client, f"{API}/organisations/", 400, q="a" * (q_max + 1))


def test_openapi_paths_are_exactly_the_routes(client, db):
    document = get_json(client, f"{API}/openapi.json")
    examples = {"{id}": "7", "{public_id}": str(uuid.uuid4())}
    documented = set()
    for template in document["paths"]:
        path = template
        for placeholder, example in examples.items():
            path = path.replace(placeholder, example)
        match = resolve(path)
        assert match.namespace == "opendata" and match.url_name != "api_not_found", template
        documented.add(match.url_name)
    from samverkan.organisations import opendata_urls

    routes = {p.name for p in opendata_urls.urlpatterns} - {"page", "api_not_found"}
    assert documented == routes


# ---------------------------------------------------------------------------------------------
# A constant number of queries, whatever the number of rows
# ---------------------------------------------------------------------------------------------


@dataclass
class Terms:
    areas: list[Area]
    district: District
    group: TargetGroup


def add_signatories(agreement: Agreement, terms: Terms, count: int, start: int = 0) -> None:
    for n in range(start, start + count):
        organisation = services.organisation_create(
            name=f"Förening nummer {n}",
            kind=OrganisationKind.ASSOCIATION,
            areas=terms.areas,
            districts=[terms.district],
            target_groups=[terms.group],
        )
        # Speed: 30 organisations through the whole signing flow would only slow the test;
        # what matters here is the shape of the data, which these rows have.
        Signature.objects.create(
            organisation=organisation,
            agreement=agreement,
            status=SignatureStatus.ACTIVE,
            signatory_name="x",
            signatory_role="x",
            signatory_email="x@example.org",
            approved_at=timezone.now(),
        )
        if n > 0:  # every later organisation merged into the first: a growing history
            first = Organisation.objects.get(name="Förening nummer 0")
            services.organisation_link_create(
                predecessor=organisation,
                successor=first,
                kind=OrganisationLink.Kind.MERGED,
                on=date(2026, 1, 1),
            )


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
        assert response.status_code == 200, url
        body(response)  # a streamed file runs its queries while it is read
    return len(context.captured_queries)


def query_counts(client) -> dict[str, int]:
    first = Organisation.objects.order_by("pk").first()
    assert first is not None
    urls = {
        "csv": CSV_URL,
        "json": JSON_URL,
        "list": f"{API}/organisations/?page_size=200",
        "list filtered": f"{API}/organisations/?page_size=200&area=omrade-0&district=stadsdel-0"
        "&target_group=grupp-0&q=förening",
        "detail": f"{API}/organisations/{first.pk}/",
        "agreements": f"{API}/agreements/",
        "verify": f"{API}/verify/{first.public_id}/",
        "openapi": f"{API}/openapi.json",
    }
    return {name: count_queries(client, url) for name, url in urls.items()}


def test_query_count_does_not_grow_with_the_register(client, db):
    today = timezone.localdate()
    current = make_agreement("Nu", today - timedelta(days=1), today + timedelta(days=900))
    terms = Terms(
        areas=[
            services.term_create(model=Area, name=f"Område {n}", slug=f"omrade-{n}")
            for n in range(2)
        ],
        district=services.term_create(model=District, name="Stadsdel", slug="stadsdel-0"),
        group=services.term_create(model=TargetGroup, name="Grupp", slug="grupp-0"),
    )
    add_signatories(current, terms, 3)
    few = query_counts(client)
    add_signatories(current, terms, 27, start=3)
    assert Signature.objects.filter(status=SignatureStatus.ACTIVE).count() == 30
    many = query_counts(client)
    assert many == few
    # Measured: the current agreement (1), then the rows (1) and their three kinds of terms
    # (3); the list adds a count, each slug filter checks its slug, the detail fetches the
    # history and both kinds of links.
    limits = {
        "csv": 5,
        "json": 5,
        "list": 6,
        "list filtered": 9,
        "detail": 8,
        "agreements": 2,
        "verify": 2,
        "openapi": 0,
    }
    assert all(few[name] <= limit for name, limit in limits.items()), few


# ---------------------------------------------------------------------------------------------
# The documentation page
# ---------------------------------------------------------------------------------------------


class _Tables(HTMLParser):
    """Collects each table's caption, its header cells and the first cell of each body row."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, dict[str, Any]] = {}
        self.links: list[str] = []
        self._table: dict[str, Any] | None = None
        self._in: list[str] = []
        self._cell_text = ""
        self._first_cell = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href"):
            self.links.append(str(attributes["href"]))
        if tag == "table":
            self._table = {"caption": "", "th": [], "rows": [], "id": attributes.get("id")}
            self.tables[str(attributes.get("id"))] = self._table
        elif self._table is not None:
            if tag == "th":
                self._table["th"].append(attributes.get("scope"))
            if tag == "tr":
                self._first_cell = True
            if tag in ("th", "td", "caption"):
                self._in.append(tag)
                self._cell_text = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._table = None
        elif self._table is not None and tag in ("th", "td", "caption") and self._in:
            self._in.pop()
            if tag == "caption":
                self._table["caption"] = self._cell_text.strip()
            elif self._first_cell:
                self._table["rows"].append(self._cell_text.strip())
                self._first_cell = False

    def handle_data(self, data: str) -> None:
        if self._in:
            self._cell_text += data


def test_open_data_page_documents_and_links_everything(client, db):
    response = client.get("/oppna-data/")
    assert response.status_code == 200
    assert response.context["nav"] == "open_data"
    parser = _Tables()
    parser.feed(response.content.decode())
    # The page documents exactly the published fields, in the CSV's order.
    fields = parser.tables["organisation-fields"]
    assert fields["rows"][1:] == list(opendata.FIELDS)  # row 0 is the header
    assert parser.tables["kind-codes"]["rows"][1:] == list(OrganisationKind.values)
    assert parser.tables["status-codes"]["rows"][1:] == list(SignatureStatus.values)
    assert parser.tables["section-codes"]["rows"][1:] == list(AgreementSection.Kind.values)
    parameters = parser.tables["api-parameters"]["rows"][1:]
    assert parameters == ["page", "page_size", "q", "kind", "area", "district", "target_group"]
    for table in parser.tables.values():
        assert table["caption"], table["id"]
        assert all(scope in ("col", "row") for scope in table["th"]), table["id"]
    for name in (
        "register_csv",
        "register_json",
        "api_organisations",
        "api_agreements",
        "api_openapi",
    ):
        assert reverse(f"opendata:{name}") in parser.links, name
    text = response.content.decode()
    assert "CC0 1.0" in text and "UTF-8" in text and "/api/v1/verify/{public_id}/" in text
    assert "creativecommons.org/publicdomain/zero/1.0/" in text


def test_developer_documentation_lists_the_fields(client, db):
    text = (Path(settings_module.BASE_DIR) / "docs" / "open-data.md").read_text(encoding="utf-8")
    section = text.split("## Fields of an organisation", 1)[1].split("\n## ", 1)[0]
    documented = re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.MULTILINE)
    assert documented == list(opendata.FIELDS)


def test_open_data_page_is_accessible(live_server, page):
    page.goto(live_server.url + "/oppna-data/")
    assert page.locator("h1").count() == 1
    assert page.locator("table > caption").count() == page.locator("table").count() == 10
    assert_accessible(page, "open data page")
    page.set_viewport_size({"width": 320, "height": 800})
    assert_accessible(page, "open data page at 320 px")
