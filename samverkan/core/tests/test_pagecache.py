"""The anonymous page cache: served without queries, and never older than the data."""

from __future__ import annotations

import shutil

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samverkan.core import pagecache
from samverkan.organisations import services
from samverkan.organisations.models import Organisation

# Real commits: the cache is emptied when a transaction commits, so these tests commit.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def page_cache(settings, transactional_db):
    settings.PAGE_CACHE = True
    shutil.rmtree(settings.CACHES["pages"]["LOCATION"], ignore_errors=True)
    pagecache.bump()
    yield
    shutil.rmtree(settings.CACHES["pages"]["LOCATION"], ignore_errors=True)


@pytest.fixture
def organisation(transactional_db) -> Organisation:
    return services.organisation_create(name="Föreningen Solrosen", kind="association")


def _get(client: Client, url: str) -> tuple[int, str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response.status_code, response.content.decode(), len(queries)


def _url(organisation: Organisation) -> str:
    return reverse("organisations:organisation_detail", args=[organisation.pk])


def test_second_anonymous_request_is_served_without_queries(page_cache, organisation, client):
    status, first, queries = _get(client, _url(organisation))
    assert queries > 0
    status_again, again, queries_again = _get(client, _url(organisation))
    assert (status_again, again) == (status, first)
    assert queries_again == 0


@pytest.mark.parametrize("how", ["save", "update", "raw"])
def test_a_committed_write_shows_at_once(page_cache, organisation, client, how):
    _get(client, _url(organisation))
    if how == "save":  # in a transaction: emptied when it commits
        with transaction.atomic():
            organisation.name = "Föreningen Vallmon"
            organisation.save()
            assert _get(client, _url(organisation))[2] == 0  # not yet committed
    elif how == "update":
        with transaction.atomic(), transaction.atomic():  # in a savepoint
            Organisation.objects.filter(pk=organisation.pk).update(name="Föreningen Vallmon")
    else:  # autocommit: emptied at once
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {Organisation._meta.db_table} SET name = %s WHERE id = %s",
                ["Föreningen Vallmon", organisation.pk],
            )
    _, page, queries = _get(client, _url(organisation))
    assert queries > 0
    assert "Föreningen Vallmon" in page


def test_a_write_that_is_rolled_back_keeps_the_page(page_cache, organisation, client):
    _get(client, _url(organisation))
    with pytest.raises(RuntimeError), transaction.atomic():
        Organisation.objects.filter(pk=organisation.pk).update(name="Föreningen Vallmon")
        raise RuntimeError
    _, page, queries = _get(client, _url(organisation))
    assert queries == 0
    assert "Föreningen Solrosen" in page


def test_sessions_and_the_outbox_do_not_empty_the_cache(page_cache, organisation, client):
    _get(client, _url(organisation))
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session["x"] = 1
    session.save()
    assert _get(client, _url(organisation))[2] == 0


def test_logged_in_visitors_are_never_served_from_the_cache(
    page_cache, organisation, client, django_user_model
):
    _get(client, _url(organisation))
    user = django_user_model.objects.create(email="eva@example.org")
    client.force_login(user)
    _, _, queries = _get(client, _url(organisation))
    assert queries > 0
    assert _get(client, _url(organisation))[2] > 0


def test_each_language_has_its_own_page(page_cache, client):
    _, swedish, _ = _get(client, "/")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    _, english, _ = _get(client, "/")
    assert swedish != english
    assert 'lang="en"' in english
    assert 'lang="sv"' in swedish


def test_a_page_with_a_form_token_is_not_kept(page_cache, client):
    url = reverse("inquiries:new")
    response = client.get(url)
    assert response.status_code == 200
    assert b"csrfmiddlewaretoken" in response.content
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url)
    assert again.status_code == 200
    assert len(queries) > 0


def test_a_visitor_with_messages_is_not_served_from_the_cache(page_cache, organisation, client):
    _get(client, _url(organisation))
    client.cookies["messages"] = "something"
    assert _get(client, _url(organisation))[2] > 0


def test_not_found_pages_are_kept_too(page_cache, client):
    assert client.get("/finns-inte/").status_code == 404
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/finns-inte/").status_code == 404
    assert len(queries) == 0


def test_query_strings_are_part_of_the_address(page_cache, organisation, client):
    register = reverse("organisations:register")
    _get(client, register + "?q=solrosen")
    _, page, queries = _get(client, register + "?q=nomatch")
    assert queries > 0


@pytest.mark.parametrize(
    ("sql", "write"),
    [
        ('SELECT * FROM "organisations_organisation"', False),
        ('INSERT INTO "organisations_organisation" ("name") VALUES (%s)', True),
        ('UPDATE "organisations_organisation" SET "name" = %s', True),
        ('DELETE FROM "meetings_meeting" WHERE id = 1', True),
        ("  update organisations_organisation set name = 1", True),
        ('UPDATE "django_session" SET "session_data" = %s', False),
        ('INSERT INTO "samverkan_cache" (cache_key) VALUES (%s)', False),
        ('INSERT INTO "outbox_outboundemail" ("to") VALUES (%s)', False),
        ("WITH x AS (SELECT 1) SELECT * FROM x", False),
        ("WITH x AS (SELECT 1) UPDATE t SET a = 1", True),
        ("SAVEPOINT s1", False),
        ("RELEASE SAVEPOINT s1", False),
        ("", False),
    ],
)
def test_which_statements_count_as_writes(sql, write):
    assert pagecache.is_write(sql) is write


def test_the_map_picture_is_kept_for_logged_in_visitors_too_until_the_data_change(
    page_cache, client, django_user_model
):
    from samverkan.collaboration_map import services as map_services
    from samverkan.collaboration_map.models import ContactPointKind

    map_services.contact_point_create(name="Föreningsrådet", kind=ContactPointKind.FORUM)
    client.force_login(django_user_model.objects.create(email="eva@example.org"))
    url = reverse("collaboration_map:map")
    _, first, made = _get(client, url)
    _, again, kept = _get(client, url)
    assert "Föreningsrådet" in first and "<svg" in first

    def picture(page: str) -> str:
        return page[page.index('<p class="result-count"') : page.index('id="map-text-tree"')]

    assert picture(again) == picture(first)
    assert kept < made  # the picture's queries are not made again
    map_services.contact_point_create(name="Ungdomsrådet", kind=ContactPointKind.FORUM)
    _, changed, _ = _get(client, url)
    assert "Ungdomsrådet" in changed


def test_a_calendar_feed_is_kept_for_logged_in_visitors_too_until_the_data_change(
    page_cache, client, django_user_model
):
    from datetime import time, timedelta

    from django.utils import timezone

    from samverkan.meetings import services as meeting_services
    from samverkan.meetings.models import Meeting

    body = meeting_services.body_create(
        name="Samverkansrådet", slug="samverkansradet", kind="council"
    )
    meeting = meeting_services.meeting_create(
        bodies=[body],
        title="Höstmötet",
        date=timezone.localdate() + timedelta(days=30),
        start_time=time(16),
        end_time=time(18),
        place="Föreningarnas Hus",
        visibility=Meeting.Visibility.PUBLIC,
    )
    client.force_login(django_user_model.objects.create(email="eva@example.org"))
    for url in (reverse("meetings:public_feed"), reverse("meetings:body_feed", args=[body.slug])):
        _, first, made = _get(client, url)
        _, again, kept = _get(client, url)
        assert "SUMMARY:Höstmötet" in first
        assert again == first  # the same bytes, the stamp included: not written again
        assert kept < made
    meeting_services.meeting_update(meeting=meeting, title="Vintermötet")
    for url in (reverse("meetings:public_feed"), reverse("meetings:body_feed", args=[body.slug])):
        _, changed, _ = _get(client, url)
        assert "SUMMARY:Vintermötet" in changed and "Höstmötet" not in changed
