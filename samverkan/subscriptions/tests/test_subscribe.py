"""Subscribing through the pages and the emails: double opt-in, preselected topics, refusals,
the manage page, unsubscribing, expiry."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from samverkan.core.testing import links_in
from samverkan.outbox.models import OutboundEmail
from samverkan.subscriptions import services
from samverkan.subscriptions.models import Subscriber
from samverkan.subscriptions.tests.conftest import path_of
from samverkan.watchlist.models import WatchItem

pytestmark = pytest.mark.django_db


def _post(client, capture, **data):
    form = {"frequency": "weekly", "language": "sv", "email": "anna@example.org", **data}
    with capture(execute=True):
        return client.post("/prenumerera/", form)


def test_double_opt_in_sends_nothing_until_the_link_is_confirmed(
    client, topics_setup, smtp_server, django_capture_on_commit_callbacks
):
    response = _post(
        client,
        django_capture_on_commit_callbacks,
        themes=[topics_setup.theme_key],
        bodies=[topics_setup.council_key],
    )
    assert response.status_code == 302 and response["Location"] == "/prenumerera/skickat/"
    assert "anna@example.org" in client.get("/prenumerera/skickat/").content.decode()
    (message,) = smtp_server.wait_for(1)
    assert message["Subject"] == "Bekräfta din prenumeration"
    assert message.get_body(("html",)) is not None
    subscriber = Subscriber.objects.get(email="anna@example.org")
    assert subscriber.confirmed_at is None
    confirm_url = path_of(links_in(message)[0])
    assert confirm_url.startswith("/prenumerera/bekrafta/")

    page = client.get(confirm_url)  # a mail scanner opening the link confirms nothing
    assert page.status_code == 200 and "Idrott" in page.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is None

    response = client.post(confirm_url)
    assert response.status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is not None
    assert sorted(t.topic for t in subscriber.topics.all()) == sorted(
        [topics_setup.theme_key, topics_setup.council_key]
    )
    manage = client.get(response["Location"])
    assert manage.status_code == 200
    assert "anna@example.org" in manage.content.decode()
    # The link is single use.
    assert client.post(confirm_url).status_code == 410


def test_a_topic_in_the_query_string_is_preselected(client, topics_setup, capsys):
    item = WatchItem.objects.create(title="Ny idrottshall i Vivalla", title_key="ny idrottshall")
    page = client.get(f"/prenumerera/?amne=watchitem:{item.pk}&amne={topics_setup.theme_key}")
    html = page.content.decode()
    assert page.status_code == 200
    assert f'value="watchitem:{item.pk}" id="id_items_0" checked' in html
    assert "Ny idrottshall i Vivalla" in html
    assert (
        'value="theme:idrott"' in html and 'value="theme:idrott" id="id_themes_0" checked' in html
    )
    assert f'href="/flode/bevakning/{item.pk}.atom"' in html
    assert 'rel="alternate" type="application/atom+xml"' in html


def test_an_unknown_topic_is_refused_and_nothing_is_saved(client, topics_setup):
    page = client.get("/prenumerera/?amne=watchitem:999999&amne=theme:finns-inte")
    assert page.status_code == 200
    html = page.content.decode()
    assert "inte finns" in html and "watchitem:999999" in html
    assert "checked" not in html.split("frequency")[0]

    for data in (
        {"items": ["watchitem:999999"]},
        {"themes": ["theme:finns-inte"]},
        {"bodies": ["body:abc"]},
        {},
    ):
        response = client.post(
            "/prenumerera/",
            {"frequency": "weekly", "language": "sv", "email": "anna@example.org", **data},
        )
        assert response.status_code == 200, data
        assert "error-summary" in response.content.decode()
    assert not Subscriber.objects.exists()
    assert not OutboundEmail.objects.exists()


def test_bad_email_and_frequency_are_shown_next_to_the_field(client, topics_setup):
    response = client.post(
        "/prenumerera/",
        {"themes": [topics_setup.theme_key], "frequency": "hourly", "email": "inte-en-adress"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_email_error"' in html and 'id="id_frequency_error"' in html
    assert not Subscriber.objects.exists()


def test_subscribing_an_existing_address_reveals_nothing_and_mails_the_owner(
    client, topics_setup, subscribe, smtp_server, django_capture_on_commit_callbacks
):
    subscriber = subscribe("anna@example.org", [topics_setup.theme_key])
    response = _post(
        client,
        django_capture_on_commit_callbacks,
        districts=[topics_setup.vivalla.slug and "district:vivalla"],
    )
    assert response.status_code == 302 and response["Location"] == "/prenumerera/skickat/"
    (message,) = smtp_server.wait_for(1)
    assert message["Subject"] == "Din prenumeration"
    manage_url = path_of(links_in(message)[0])
    assert (
        manage_url.startswith("/prenumerera/hantera/") and "amne=district%3Avivalla" in manage_url
    )
    # Nothing changed without the owner.
    assert [t.topic for t in subscriber.topics.all()] == [topics_setup.theme_key]
    page = client.get(manage_url).content.decode()
    assert 'value="district:vivalla" id="id_districts_1" checked' in page


def test_the_form_is_rate_limited(client, topics_setup):
    for _ in range(5):
        client.post(
            "/prenumerera/",
            {
                "themes": [topics_setup.theme_key],
                "frequency": "weekly",
                "language": "sv",
                "email": "anna@example.org",
            },
        )
    response = client.post(
        "/prenumerera/",
        {
            "themes": [topics_setup.theme_key],
            "frequency": "weekly",
            "language": "sv",
            "email": "anna@example.org",
        },
    )
    assert response.status_code == 200
    assert "Försök igen om en timme" in response.content.decode()


def test_manage_page_changes_topics_and_frequency(client, topics_setup, subscribe):
    subscriber = subscribe("anna@example.org", [topics_setup.theme_key])
    url = f"/prenumerera/hantera/{services.manage_token(subscriber)}/"
    response = client.post(
        url,
        {"districts": ["district:vintrosa"], "frequency": "immediate", "language": "en"},
    )
    assert response.status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.frequency == "immediate" and subscriber.language == "en"
    assert [t.topic for t in subscriber.topics.all()] == ["district:vintrosa"]
    # Choosing nothing is refused, and changes nothing.
    response = client.post(url, {"frequency": "weekly", "language": "sv"})
    assert response.status_code == 200 and "error-summary" in response.content.decode()
    assert [t.topic for t in subscriber.topics.all()] == ["district:vintrosa"]


def test_one_subscribers_link_opens_no_one_elses(client, topics_setup, subscribe):
    anna = subscribe("anna@example.org", [topics_setup.theme_key])
    bo = subscribe("bo@example.org", ["district:vivalla"])
    page = client.get(f"/prenumerera/hantera/{services.manage_token(anna)}/").content.decode()
    assert "anna@example.org" in page and "bo@example.org" not in page
    for bad in (
        f"{bo.pk}-" + services.manage_token(anna).split("-", 1)[1],
        services.manage_token(anna)[:-1] + ("1" if services.manage_token(anna)[-1] == "0" else "0"),
        "x" * 200,
    ):
        assert client.get(f"/prenumerera/hantera/{bad}/").status_code == 410
        client.post(f"/prenumerera/avsluta/{bad}/")
    assert Subscriber.objects.count() == 2


def test_unsubscribe_page_and_one_click_post_without_csrf(client, topics_setup, subscribe):
    anna = subscribe("anna@example.org", [topics_setup.theme_key])
    url = f"/prenumerera/avsluta/{services.manage_token(anna)}/"
    page = client.get(url)
    assert page.status_code == 200 and "anna@example.org" in page.content.decode()
    assert Subscriber.objects.filter(pk=anna.pk).exists()
    mail_client = Client(enforce_csrf_checks=True)
    response = mail_client.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert not Subscriber.objects.filter(pk=anna.pk).exists()
    # Other forms still need the CSRF token.
    assert Client(enforce_csrf_checks=True).post("/prenumerera/", {}).status_code == 403


def test_an_expired_confirmation_link_says_so_and_the_purge_deletes_it(
    client, topics_setup, smtp_server, django_capture_on_commit_callbacks
):
    _post(client, django_capture_on_commit_callbacks, themes=[topics_setup.theme_key])
    (message,) = smtp_server.wait_for(1)
    Subscriber.objects.update(
        created_at=timezone.now() - timedelta(days=8),
        confirm_sent_at=timezone.now() - timedelta(days=8),
    )
    response = client.get(path_of(links_in(message)[0]))
    assert response.status_code == 410
    assert "har slutat gälla" in response.content.decode()
    assert client.post(path_of(links_in(message)[0])).status_code == 410
    assert Subscriber.objects.get().confirmed_at is None

    call_command("purge_unconfirmed_subscriptions")
    assert not Subscriber.objects.exists()


def test_purge_keeps_recent_and_confirmed_subscriptions(topics_setup, subscribe):
    subscribe("anna@example.org", [topics_setup.theme_key])
    services.subscriber_subscribe(
        email="bo@example.org", topics=[topics_setup.theme_key], frequency="weekly"
    )
    Subscriber.objects.update(created_at=timezone.now() - timedelta(days=30))
    call_command("purge_unconfirmed_subscriptions")
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["anna@example.org"]
