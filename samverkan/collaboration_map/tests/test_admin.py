"""Django's admin for the catalogue saves through the services, so its rules and history hold."""

import pytest

from samverkan.collaboration_map.models import CatalogueChange, ContactLink, ContactPoint, Theme
from samverkan.collaboration_map.tests.conftest import URLS

pytestmark = [pytest.mark.django_db, pytest.mark.urls(URLS)]
ADMIN = "/admin/collaboration_map"


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(
        django_user_model.objects.create_superuser("admin@example.org", "ett-langt-losenord")
    )
    return client


def test_every_admin_page_opens(admin_client, catalogue):
    for model in ["contactpoint", "contactlink", "theme", "ladderstep", "cataloguechange"]:
        assert admin_client.get(f"{ADMIN}/{model}/").status_code == 200, model
    for model in ["contactpoint", "contactlink", "theme", "ladderstep"]:
        assert admin_client.get(f"{ADMIN}/{model}/add/").status_code == 200, model
    url = f"{ADMIN}/contactpoint/{catalogue.house.pk}/change/"
    assert admin_client.get(url).status_code == 200


def test_the_admin_saves_through_the_services(admin_client, catalogue):
    response = admin_client.post(f"{ADMIN}/theme/add/", {"name": "Nytt tema", "slug": "nytt"})
    assert response.status_code == 302
    assert Theme.objects.filter(slug="nytt").exists()
    data = {
        "name": "Från admin",
        "slug": "fran-admin",
        "kind": "forum",
        "purpose": "Ett forum.",
        "organisation_kinds": "[]",
        "offers": '["grant", "information"]',
        "position": 0,
        "is_active": "on",
        "themes": [catalogue.themes["idrott"].pk],
    }
    assert admin_client.post(f"{ADMIN}/contactpoint/add/", data).status_code == 302
    point = ContactPoint.objects.get(slug="fran-admin")
    assert list(point.themes.all()) == [catalogue.themes["idrott"]]
    assert point.offers == ["information", "grant"], "normalised by the service"
    assert CatalogueChange.objects.filter(contact_point=point).exists()
    data.update(name="Från admin, ändrad", themes=[])
    response = admin_client.post(f"{ADMIN}/contactpoint/{point.pk}/change/", data)
    assert response.status_code == 302
    point.refresh_from_db()
    assert point.name == "Från admin, ändrad" and not point.themes.exists()
    link = {"source": point.pk, "target": catalogue.house.pk, "kind": "meets_in"}
    assert admin_client.post(f"{ADMIN}/contactlink/add/", link).status_code == 302
    assert ContactLink.objects.filter(source=point, target=catalogue.house).exists()
