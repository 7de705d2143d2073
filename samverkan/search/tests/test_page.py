"""The results page: a source registered by any app, constant queries, accessibility."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samverkan.collaboration_map import services as map_services
from samverkan.collaboration_map.models import ContactPointKind
from samverkan.core.testing import assert_accessible
from samverkan.meetings.models import Party
from samverkan.search import index, registry
from samverkan.search.registry import Document, Source

URL = reverse("search:results")


@pytest.fixture
def party_source():
    """A source as another app would register it: parties, public unless named "Hemliga"."""

    def document(party):
        if party.name.startswith("Hemliga"):
            return None
        return Document(
            title=party.name, text=f"Partiet {party.abbreviation}.", path=f"/partier/{party.pk}/"
        )

    source = registry.register(
        Source(
            kind="test_party",
            label="Partier",
            model=Party,
            document=document,
            queryset=lambda: Party.objects.all(),
        )
    )
    index.connect_signals()
    yield source
    registry._sources.pop("test_party", None)


def test_any_registered_source_is_searched_and_kept_right(
    client, world, party_source, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        party = Party.objects.create(abbreviation="GP", name="Gröna föreningspartiet")
        Party.objects.create(abbreviation="HP", name="Hemliga föreningspartiet")
    html = client.get(URL, {"q": "föreningsparti"}).content.decode()
    assert "Gröna <mark>föreningspartiet</mark>" in html
    assert "Hemliga" not in html
    html = client.get(URL, {"q": "förening", "typ": "test_party"}).content.decode()
    assert '<option value="test_party" selected>Partier</option>' in html
    assert "1 träff<" in html
    with django_capture_on_commit_callbacks(execute=True):
        party.name = "Hemliga partiet"
        party.save()
    assert "0 träffar" in client.get(URL, {"q": "föreningsparti"}).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        party.name = "Gula partiet"
        party.save()
        party.delete()
    assert "0 träffar" in client.get(URL, {"q": "gula"}).content.decode()


def test_the_number_of_queries_does_not_grow_with_the_hits(
    client, world, django_capture_on_commit_callbacks
):
    def queries(q: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL, {"q": q}).status_code == 200
        return len(captured)

    few = queries("fotboll")
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(30):
            map_services.contact_point_create(
                name=f"Fotbollsplan {n}", kind=ContactPointKind.PLACE, description="Fotboll."
            )
    many = queries("fotboll")
    assert many == few
    assert many <= 10
    assert queries("fotbolll") <= 10  # with a typo to correct


def test_pages_of_results(client, world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(45):
            map_services.contact_point_create(
                name=f"Spontanidrottsplats {n:02}", kind=ContactPointKind.PLACE
            )
    first = client.get(URL, {"q": "spontanidrott"}).content.decode()
    assert "45 träffar" in first
    assert 'aria-current="page">1<' in first
    last = client.get(URL, {"q": "spontanidrott", "sida": "3"}).content.decode()
    assert last.count("<h3>") == 5
    assert 'start="41"' in last


@pytest.mark.browser
def test_the_results_page_in_a_browser(live_server, page, world):
    page.goto(live_server.url + URL)
    assert_accessible(page, "empty search page")
    form = page.get_by_role("search", name="Sök i allt som är offentligt")
    form.get_by_label("Sök efter").fill("förenig")
    form.get_by_role("button", name="Sök").click()
    page.get_by_role("heading", name="träffar").wait_for()
    assert "Visar resultat för" in page.content()
    assert page.locator("mark").count() > 0
    assert_accessible(page, "results with a corrected typo")
    form.get_by_label("Daterat från").fill("2026-01-01")
    form.get_by_label("Daterat till och med").fill("2025-01-01")
    form.get_by_role("button", name="Sök").click()
    page.locator("#id_till_error").wait_for()
    assert_accessible(page, "results with a date error")
