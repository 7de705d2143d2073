"""The public catalogue and the page of each contact point."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse

from samverkan.collaboration_map import selectors, services
from samverkan.collaboration_map.models import ContactPointKind
from samverkan.collaboration_map.tests.conftest import URLS
from samverkan.collaboration_map.tests.urls_with_inquiries import inquiry_form_stand_in

pytestmark = [pytest.mark.django_db, pytest.mark.urls(URLS)]

WITH_INQUIRIES = "samverkan.collaboration_map.tests.urls_with_inquiries"
WITHOUT_INQUIRIES = "samverkan.collaboration_map.tests.urls_without_inquiries"


def names_on(response) -> list[str]:
    return re.findall(
        r'<h2><a href="/kontaktytor/[^"]+">([^<]+)</a></h2>', response.content.decode()
    )


def test_the_catalogue_lists_contact_points_and_bodies_in_swedish_order(client, catalogue):
    services.contact_point_create(name="Älvstads Föreningsråd", kind=ContactPointKind.NETWORK)
    services.contact_point_create(name="Öppna förskolan", kind=ContactPointKind.PLACE)
    services.contact_point_create(name="Zonterapeuterna", kind=ContactPointKind.NETWORK)
    services.contact_point_deactivate(contact_point=catalogue.county)
    response = client.get(reverse("collaboration_map:catalogue"))
    assert response.status_code == 200
    assert names_on(response) == [
        "Arbetsgrupp Karta över samverkan",
        "C-nätet",
        "Föreningarnas Hus",
        "Handläggarteam aktivitetsstöd",
        "Handläggarteam IOP",
        "Kultur- och fritidsförvaltningens ingång",
        "Samverkansrådet",
        "Zonterapeuterna",
        "Älvstads Föreningsråd",
        "Öppna förskolan",
    ]
    assert "9 kontaktytor" not in response.content.decode()
    assert "10 kontaktytor" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "names"),
    [
        (
            {"theme": "idrott"},
            ["Handläggarteam aktivitetsstöd", "Kultur- och fritidsförvaltningens ingång"],
        ),
        ({"kind": "handling_team"}, ["Handläggarteam aktivitetsstöd", "Handläggarteam IOP"]),
        ({"kind": "handling_team", "organisation_kind": "foundation"}, ["Handläggarteam IOP"]),
        ({"kind": "forum", "theme": "integration"}, ["Samverkansrådet"]),
        ({"kind": "external_body", "theme": "idrott"}, []),
    ],
)
def test_the_catalogue_filters_by_theme_kind_of_organisation_and_kind(
    client, catalogue, query, names
):
    response = client.get(reverse("collaboration_map:catalogue"), query)
    assert names_on(response) == names
    if not names:
        assert "Ingen kontaktyta passar" in response.content.decode()


def test_the_catalogue_is_paginated_and_keeps_the_filter(client, make_points):
    make_points(45)
    response = client.get(reverse("collaboration_map:catalogue"), {"theme": "idrott"})
    assert len(names_on(response)) == 20
    html = response.content.decode()
    assert "?theme=idrott&amp;sida=2" in html
    last = client.get(reverse("collaboration_map:catalogue"), {"theme": "idrott", "sida": 3})
    assert len(names_on(last)) == 5
    assert names_on(last)[-1] == "Ingång 044"


def test_the_catalogue_takes_the_same_number_of_queries_for_3_or_40(
    client, make_points, django_assert_max_num_queries
):
    make_points(3)
    url = reverse("collaboration_map:catalogue")
    with CaptureQueriesContext(connection) as few:
        client.get(url, {"organisation_kind": "association"})
    make_points(37)
    with django_assert_max_num_queries(len(few)):
        response = client.get(url, {"organisation_kind": "association"})
    assert len(names_on(response)) == 20


def test_a_contact_point_page_says_more_and_links_onwards(client, catalogue):
    response = client.get(reverse("collaboration_map:contact_point", args=["samverkansradet"]))
    html = response.content.decode()
    assert "<h1>Samverkansrådet</h1>" in html
    assert "Rådet utvecklar samverkan." in html
    assert "mailto:samverkan@alvstad.example.org" in html
    assert "Fyra gånger om året, kl. 16–18" in html
    assert 'href="/organ/samverkansradet/"' in html, "the body's page in the council's pages"
    assert 'href="/kontaktytor/?theme=integration"' in html
    assert 'Möts i: <a href="/kontaktytor/foreningarnas-hus/">Föreningarnas Hus</a>' in html
    assert (
        'Samarbetar med: <a href="/kontaktytor/kultur-och-fritidsforvaltningens-ingang/">' in html
    )
    assert (
        f'Här ingår: <a href="/kontaktytor/organ/{catalogue.group_body.slug}/">'
        "Arbetsgrupp Karta över samverkan</a>" in html
    )
    assert "Alla typer av organisationer" in html
    assert "Dialog, Att bli tillfrågade" in html


def test_the_owning_department_and_the_kinds_of_organisation_are_shown(client, catalogue):
    html = client.get(catalogue.grant_team.get_absolute_url()).content.decode()
    assert (
        f'href="/organisationer/{catalogue.department.pk}/">Kultur- och fritidsförvaltningen'
        in html
    )
    assert "<dd>Förening</dd>" in html
    assert 'Ingår i: <a href="/kontaktytor/kultur-och-fritidsforvaltningens-ingang/">' in html


def test_a_body_without_a_contact_point_has_a_forum_page(client, catalogue):
    response = client.get(reverse("collaboration_map:body_forum", args=["c-natet"]))
    html = response.content.decode()
    assert "<h1>C-nätet</h1>" in html and "En kontaktperson från varje förvaltning." in html
    assert 'href="/organ/c-natet/"' in html
    group = client.get(reverse("collaboration_map:body_forum", args=[catalogue.group_body.slug]))
    assert 'Ingår i: <a href="/kontaktytor/samverkansradet/">Samverkansrådet</a>' in (
        group.content.decode()
    )
    adopted = client.get(reverse("collaboration_map:body_forum", args=["samverkansradet"]))
    assert adopted.status_code == 302 and adopted["Location"] == "/kontaktytor/samverkansradet/"
    assert (
        client.get(reverse("collaboration_map:body_forum", args=["slutad-grupp"])).status_code
        == 404
    )
    assert (
        client.get(reverse("collaboration_map:body_forum", args=["finns-inte"])).status_code == 404
    )


def test_a_deactivated_contact_point_is_gone_for_everyone_but_the_secretary(
    catalogue, refused_clients, secretary_client
):
    services.contact_point_deactivate(contact_point=catalogue.house)
    url = catalogue.house.get_absolute_url()
    client = Client()
    assert client.get(url).status_code == 404
    for other in refused_clients.values():
        assert other.get(url).status_code == 404
    response = secretary_client.get(url)
    assert response.status_code == 200
    assert "Inte aktiv" in response.content.decode()
    assert (
        "Föreningarnas Hus" not in client.get(catalogue.council.get_absolute_url()).content.decode()
    )


def test_the_contact_point_page_takes_the_same_number_of_queries_for_3_or_40(
    client, make_points, django_assert_max_num_queries
):
    points = make_points(3)
    url = points[1].get_absolute_url()
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    make_points(37)
    with django_assert_max_num_queries(len(few)):
        client.get(url)


@pytest.mark.urls(WITH_INQUIRIES)
def test_a_handling_team_page_sends_questions_to_its_team_when_the_inquiry_form_exists(
    client, catalogue
):
    html = client.get(catalogue.grant_team.get_absolute_url()).content.decode()
    form = reverse("inquiries:new")
    assert f'href="{form}?team=aktivitetsstod"' in html
    # A team with no team name of its own in the inquiry service uses its own short name.
    html = client.get(catalogue.iop_team.get_absolute_url()).content.decode()
    assert f'href="{form}?team=handlaggarteam-iop"' in html
    # Forums and places have no inquiry team.
    assert (
        f'href="{form}?team='
        not in client.get(catalogue.council.get_absolute_url()).content.decode()
    )


@pytest.mark.urls(WITHOUT_INQUIRIES)
def test_the_inquiry_link_helper_returns_none_when_there_is_no_inquiry_form():
    assert selectors.inquiry_url(team="iop", kind="partnership") is None


@pytest.mark.urls(WITH_INQUIRIES)
def test_the_inquiry_link_helper_builds_the_query():
    url = selectors.inquiry_url(team="iop", kind="partnership")
    assert url == reverse("inquiries:new") + "?team=iop&kind=partnership"
    assert selectors.inquiry_url() == reverse("inquiries:new")
    if resolve(reverse("inquiries:new")).func is inquiry_form_stand_in:
        assert Client().get(url).content.decode() == "inquiry form: team=iop&kind=partnership"
