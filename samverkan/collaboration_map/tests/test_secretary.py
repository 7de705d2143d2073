"""The secretary edits the catalogue in the web interface; nobody else may.

Errors are shown in Swedish next to their field, what was typed is kept, and a refused form
saves nothing."""

import pytest
from django.test import Client
from django.urls import reverse

from samverkan.collaboration_map import services
from samverkan.collaboration_map.models import (
    CatalogueChange,
    ContactLink,
    ContactPoint,
    LadderStep,
    Theme,
)
from samverkan.collaboration_map.tests.conftest import URLS

pytestmark = [pytest.mark.django_db, pytest.mark.urls(URLS)]


def secretary_urls(catalogue) -> list[tuple[str, str]]:
    link = ContactLink.objects.first()
    step = LadderStep.objects.first()
    theme = catalogue.themes["idrott"]
    point = catalogue.entry
    return [
        ("get", reverse("collaboration_map:manage")),
        ("get", reverse("collaboration_map:contact_point_create")),
        ("post", reverse("collaboration_map:contact_point_create")),
        ("get", reverse("collaboration_map:contact_point_edit", args=[point.pk])),
        ("post", reverse("collaboration_map:contact_point_edit", args=[point.pk])),
        ("post", reverse("collaboration_map:contact_point_deactivate", args=[point.pk])),
        ("post", reverse("collaboration_map:contact_point_activate", args=[point.pk])),
        ("post", reverse("collaboration_map:body_adopt", args=["c-natet"])),
        ("post", reverse("collaboration_map:link_remove", args=[link.pk])),
        ("get", reverse("collaboration_map:themes")),
        ("post", reverse("collaboration_map:themes")),
        ("get", reverse("collaboration_map:theme_edit", args=[theme.pk])),
        ("post", reverse("collaboration_map:theme_edit", args=[theme.pk])),
        ("post", reverse("collaboration_map:theme_delete", args=[theme.pk])),
        ("get", reverse("collaboration_map:ladder_steps")),
        ("post", reverse("collaboration_map:ladder_steps")),
        ("post", reverse("collaboration_map:ladder_standard_steps")),
        ("get", reverse("collaboration_map:ladder_step_edit", args=[step.pk])),
        ("post", reverse("collaboration_map:ladder_step_edit", args=[step.pk])),
        ("post", reverse("collaboration_map:ladder_step_delete", args=[step.pk])),
    ]


def snapshot() -> tuple:
    return (
        list(ContactPoint.objects.values_list("pk", "name", "is_active").order_by("pk")),
        list(ContactLink.objects.values_list("pk", flat=True).order_by("pk")),
        list(Theme.objects.values_list("pk", "name").order_by("pk")),
        list(LadderStep.objects.values_list("pk", "name").order_by("pk")),
        CatalogueChange.objects.count(),
    )


@pytest.fixture
def ladder(secretary):
    return services.ladder_create_standard_steps(actor=secretary)


def test_visitors_are_asked_to_log_in_and_nothing_changes(catalogue, ladder):
    before = snapshot()
    anonymous = Client()
    for method, url in secretary_urls(catalogue):
        response = getattr(anonymous, method)(url, {"name": "Hack", "action": "save"})
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("accounts:login")), url
    assert snapshot() == before


def test_people_without_the_secretary_role_are_refused_and_nothing_changes(
    catalogue, ladder, refused_clients
):
    before = snapshot()
    for label, client in refused_clients.items():
        for method, url in secretary_urls(catalogue):
            response = getattr(client, method)(url, {"name": "Hack", "action": "save"})
            assert response.status_code == 403, (label, url)
    assert snapshot() == before


def test_the_secretary_may_open_every_page(catalogue, ladder, secretary_client):
    for method, url in secretary_urls(catalogue):
        if method == "get":
            assert secretary_client.get(url).status_code == 200, url


def test_changes_of_state_need_a_post(catalogue, secretary_client):
    for name in ["contact_point_deactivate", "contact_point_activate"]:
        url = reverse(f"collaboration_map:{name}", args=[catalogue.entry.pk])
        assert secretary_client.get(url).status_code == 405
    assert (
        secretary_client.get(reverse("collaboration_map:body_adopt", args=["c-natet"])).status_code
        == 405
    )


def form_data(**overrides) -> dict:
    data = {
        "name": "Handläggarteam föreningslokaler",
        "kind": "handling_team",
        "slug": "",
        "purpose": "Hjälper föreningar att hitta lokaler.",
        "who_takes_part": "",
        "email": "lokaler@alvstad.example.org",
        "phone": "070-174 06 70",
        "website": "www.alvstad.example.org/lokaler",
        "visiting_address": "",
        "opening_hours_or_rhythm": "Vardagar 8–16",
        "owner": "",
        "organisation_kinds": ["association", "study_association"],
        "offers": ["premises", "information"],
        "description": "",
        "easy_read_description": "Behöver ni en lokal? Fråga oss.",
        "body": "",
        "inquiry_team_slug": "lokaler",
        "position": "3",
    }
    data.update(overrides)
    return data


def test_the_secretary_adds_a_contact_point(catalogue, secretary_client):
    data = form_data(themes=[catalogue.themes["idrott"].pk], owner=catalogue.department.pk)
    response = secretary_client.post(reverse("collaboration_map:contact_point_create"), data)
    point = ContactPoint.objects.get(name="Handläggarteam föreningslokaler")
    assert response.status_code == 302
    assert response["Location"] == reverse("collaboration_map:contact_point_edit", args=[point.pk])
    assert point.slug == "handlaggarteam-foreningslokaler"
    assert point.website == "https://www.alvstad.example.org/lokaler"
    assert point.organisation_kinds == ["association", "study_association"]
    assert point.offers == ["information", "premises"]
    assert list(point.themes.all()) == [catalogue.themes["idrott"]]
    assert point.owner == catalogue.department and point.position == 3
    page = secretary_client.get(response["Location"]).content.decode()
    assert "är tillagd i katalogen och på kartan" in page
    assert "Kontaktytan Handläggarteam föreningslokaler lades till." in page


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"name": ""}, "name", "Detta fält måste fyllas i."),
        ({"purpose": "<script>alert(1)</script>"}, "purpose", "Skriv bara vanlig text"),
        (
            {"easy_read_description": "<b>Viktigt</b>"},
            "easy_read_description",
            "Skriv bara vanlig text",
        ),
        ({"email": "lokaler(at)alvstad"}, "email", "Fyll i en giltig e-postadress."),
        ({"kind": "castle"}, "kind", "Välj ett giltigt alternativ."),
        ({"slug": "samverkansradet"}, "slug", "Kortnamnet samverkansradet används redan"),
        ({"offers": ["a-pony"]}, "offers", "Välj ett giltigt alternativ."),
    ],
)
def test_a_bad_contact_point_form_is_explained_next_to_the_field_and_saves_nothing(
    catalogue, secretary_client, overrides, field, message
):
    before = snapshot()
    response = secretary_client.post(
        reverse("collaboration_map:contact_point_create"), form_data(**overrides)
    )
    assert response.status_code == 200
    html = response.content.decode()
    error = html[html.index(f'id="id_{field}_error"') :][:400]
    assert message in error
    assert "Något behöver rättas" in html
    assert 'value="070-174 06 70"' in html, "what was typed is kept"
    assert snapshot() == before


def test_the_secretary_edits_a_contact_point_and_a_refusal_keeps_the_old_one(
    catalogue, secretary_client
):
    url = reverse("collaboration_map:contact_point_edit", args=[catalogue.house.pk])
    page = secretary_client.get(url).content.decode()
    assert 'value="Föreningarnas Hus"' in page and "Storgatan 12" in page
    bad = form_data(name="Föreningarnas Hus och café", kind="place", description="<iframe>")
    response = secretary_client.post(url, {**bad, "action": "save"})
    assert "Skriv bara vanlig text" in response.content.decode()
    catalogue.house.refresh_from_db()
    assert catalogue.house.name == "Föreningarnas Hus"
    good = form_data(
        name="Föreningarnas Hus och café",
        kind="place",
        themes=[catalogue.themes["krisberedskap"].pk],
        organisation_kinds=[],
        offers=[],
    )
    response = secretary_client.post(url, {**good, "action": "save"})
    assert response.status_code == 302
    catalogue.house.refresh_from_db()
    assert catalogue.house.name == "Föreningarnas Hus och café"
    assert catalogue.house.slug == "foreningarnas-hus", "the address stays"
    assert list(catalogue.house.themes.all()) == [catalogue.themes["krisberedskap"]]
    assert catalogue.house.organisation_kinds == [] and catalogue.house.offers == []


def test_the_secretary_links_and_unlinks_contact_points(catalogue, secretary_client):
    url = reverse("collaboration_map:contact_point_edit", args=[catalogue.county.pk])
    response = secretary_client.post(
        url, {"action": "link", "link-kind": "works_with", "link-target": catalogue.council.pk}
    )
    assert response.status_code == 302
    link = ContactLink.objects.get(source=catalogue.county)
    assert (link.target, link.kind) == (catalogue.council, "works_with")
    again = secretary_client.post(
        url, {"action": "link", "link-kind": "works_with", "link-target": catalogue.council.pk}
    )
    html = again.content.decode()
    error = html[html.index('id="id_link-target_error"') :][:300]
    assert "Länsstyrelsen i Älvdalens län" not in error
    assert "Länsstyrelsen är redan kopplad till Samverkansrådet på det sättet." in error
    itself = secretary_client.post(
        url, {"action": "link", "link-kind": "part_of", "link-target": catalogue.county.pk}
    )
    assert "Välj ett giltigt alternativ" in itself.content.decode(), "itself is not a choice"
    assert ContactLink.objects.filter(source=catalogue.county).count() == 1
    # Removing it from the other end's page leads back there.
    response = secretary_client.post(
        reverse("collaboration_map:link_remove", args=[link.pk]), {"back": catalogue.council.pk}
    )
    assert response["Location"] == reverse(
        "collaboration_map:contact_point_edit", args=[catalogue.council.pk]
    )
    assert not ContactLink.objects.filter(pk=link.pk).exists()


def test_the_secretary_deactivates_and_shows_again(catalogue, secretary_client):
    point = catalogue.iop_team
    secretary_client.post(reverse("collaboration_map:contact_point_deactivate", args=[point.pk]))
    point.refresh_from_db()
    assert not point.is_active
    page = secretary_client.get(reverse("collaboration_map:manage")).content.decode()
    assert "Nej, avaktiverad" in page
    secretary_client.post(reverse("collaboration_map:contact_point_activate", args=[point.pk]))
    point.refresh_from_db()
    assert point.is_active


def test_the_secretary_adopts_a_body_once(catalogue, secretary_client):
    page = secretary_client.get(reverse("collaboration_map:manage")).content.decode()
    assert "Organ som visas som forum" in page and "C-nätet" in page
    response = secretary_client.post(reverse("collaboration_map:body_adopt", args=["c-natet"]))
    point = ContactPoint.objects.get(body=catalogue.network_body)
    assert response["Location"] == reverse("collaboration_map:contact_point_edit", args=[point.pk])
    response = secretary_client.post(
        reverse("collaboration_map:body_adopt", args=["c-natet"]), follow=True
    )
    assert "C-nätet visas redan som kontaktytan C-nätet." in response.content.decode()
    assert ContactPoint.objects.filter(body=catalogue.network_body).count() == 1


def test_the_secretary_manages_themes(catalogue, secretary_client):
    url = reverse("collaboration_map:themes")
    response = secretary_client.post(url, {"name": "Föreningsstöd", "slug": ""})
    assert response.status_code == 302
    assert Theme.objects.filter(name="Föreningsstöd", slug="foreningsstod").exists()
    response = secretary_client.post(url, {"name": "föreningsstöd", "slug": ""})
    assert "Det finns redan ett tema som heter föreningsstöd." in response.content.decode()
    response = secretary_client.post(url, {"name": "<em>Stöd</em>", "slug": ""})
    assert "Skriv bara vanlig text" in response.content.decode()
    assert Theme.objects.count() == 4
    theme = catalogue.themes["idrott"]
    edit = reverse("collaboration_map:theme_edit", args=[theme.pk])
    page = secretary_client.get(edit).content.decode()
    assert "2 kontaktytor har det här temat och förlorar det." in page
    secretary_client.post(edit, {"name": "Idrott och motion", "slug": "idrott"})
    theme.refresh_from_db()
    assert theme.name == "Idrott och motion"
    secretary_client.post(reverse("collaboration_map:theme_delete", args=[theme.pk]))
    assert not Theme.objects.filter(pk=theme.pk).exists()
    assert not catalogue.entry.themes.exists()


def test_the_secretary_edits_the_ladder(catalogue, secretary_client):
    url = reverse("collaboration_map:ladder_steps")
    assert "Lägg till de fyra vanliga stegen" in secretary_client.get(url).content.decode()
    secretary_client.post(reverse("collaboration_map:ladder_standard_steps"))
    assert LadderStep.objects.count() == 4
    response = secretary_client.post(
        url,
        {
            "position": "5",
            "name": "Medskapande",
            "explanation": "Vi gör det ihop.",
            "wants": ["grant"],
        },
    )
    html = response.content.decode()
    error = html[html.index('id="id_wants_error"') :][:300]
    assert "”Bidrag” leder redan till steg 1, Information. Ta bort det där först." in error
    assert LadderStep.objects.count() == 4
    step = LadderStep.objects.get(position=1)
    edit = reverse("collaboration_map:ladder_step_edit", args=[step.pk])
    secretary_client.post(
        edit,
        {
            "position": "1",
            "name": "Information",
            "explanation": "Ni får veta.",
            "wants": ["information"],
        },
    )
    step.refresh_from_db()
    assert step.wants == ["information"] and step.explanation == "Ni får veta."
    response = secretary_client.post(
        url,
        {
            "position": "5",
            "name": "Stöd",
            "explanation": "Bidrag och lokaler.",
            "wants": ["grant", "premises"],
        },
    )
    assert response.status_code == 302
    secretary_client.post(reverse("collaboration_map:ladder_step_delete", args=[step.pk]))
    assert not LadderStep.objects.filter(pk=step.pk).exists()
