"""Digests and immediate notifications, delivered through the outbox to the real SMTP server;
bounces; the Atom feeds; the meetings' happenings."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from samverkan.core.testing import links_in
from samverkan.outbox.models import OutboundEmail
from samverkan.outbox.services import outbox_deliver
from samverkan.subscriptions import services
from samverkan.subscriptions.digests import subscriber_emails_build
from samverkan.subscriptions.models import Happening, HappeningKind
from samverkan.subscriptions.tests.conftest import path_of, record

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def _text(message) -> str:
    return message.get_body(("plain",)).get_content()


def test_digest_holds_only_what_is_new_grouped_and_newest_first(
    topics_setup, subscribe, smtp_server
):
    theme, council = topics_setup.theme_key, topics_setup.council_key
    record(HappeningKind.CONSULTATION, "Före bekräftelsen", [theme])
    anna = subscribe("anna@example.org", [theme, council])
    subscribe("bo@example.org", ["district:vivalla"])
    subscribe("cilla@example.org", ["district:vintrosa"])  # nothing new for her
    now = timezone.now()
    record(HappeningKind.MEETING, "Rådsmöte i mars", [council], occurred_at=now - timedelta(days=3))
    record(HappeningKind.CONSULTATION, "Äldre remiss", [theme], occurred_at=now - timedelta(days=2))
    record(HappeningKind.DECISION, "Beslut om lokaler", [council], occurred_at=now)
    record(HappeningKind.CONSULTATION, "Nyare remiss", [theme, "district:vivalla"], occurred_at=now)
    record(HappeningKind.CONSULTATION, "Om Vintrosa? Nej, Örebro", ["district:orebro"])

    call_command("send_digests")
    outbox_deliver(limit=100)
    messages = smtp_server.wait_for(2)
    assert sorted(m.envelope_to[0] for m in messages) == ["anna@example.org", "bo@example.org"]
    (message,) = smtp_server.to("anna@example.org")
    assert message["Subject"] == "Samverkan den här veckan: 4 nyheter"
    text = _text(message)
    assert "Före bekräftelsen" not in text and "Örebro" not in text
    order = [
        "REMISSER",
        "Nyare remiss",
        "Äldre remiss",
        "MÖTEN",
        "Rådsmöte i mars",
        "BESLUT",
        "Beslut om lokaler",
    ]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)
    html = message.get_body(("html",)).get_content()
    assert "<h2>Remisser</h2>" in html and "Beslut om lokaler" in html
    # One unsubscribe link, and the RFC 8058 headers, as received.
    unsubscribe = f"/prenumerera/avsluta/{services.manage_token(anna)}/"
    assert text.count("/prenumerera/avsluta/") == 1 and unsubscribe in text
    assert str(message["List-Unsubscribe"]).strip().startswith("<http")
    assert str(message["List-Unsubscribe"]).strip().endswith(f"{unsubscribe}>")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert any(path_of(link).startswith("/prenumerera/hantera/") for link in links_in(message))
    (to_bo,) = smtp_server.to("bo@example.org")
    assert "Nyare remiss" in _text(to_bo) and "Beslut" not in _text(to_bo)

    # A second run sends nothing; something new is sent alone the next time.
    smtp_server.clear()
    call_command("send_digests")
    assert outbox_deliver(limit=100).sent == 0
    record(HappeningKind.MINUTES, "Minnesanteckningar mars", [council])
    call_command("send_digests")
    outbox_deliver(limit=100)
    (message,) = smtp_server.wait_for(1)
    assert message.envelope_to == ("anna@example.org",)
    assert "Minnesanteckningar mars" in _text(message) and "Nyare remiss" not in _text(message)
    anna.refresh_from_db()
    assert (
        anna.last_sent_at is not None
        and anna.last_happening_id == Happening.objects.latest("pk").pk
    )


def test_immediate_notifications_go_to_immediate_subscribers_only(
    topics_setup, subscribe, smtp_server
):
    subscribe("anna@example.org", [topics_setup.theme_key], frequency="immediate", language="en")
    subscribe("bo@example.org", [topics_setup.theme_key], frequency="weekly")
    record(HappeningKind.CONSULTATION, "Remiss om idrottsplatser", [topics_setup.theme_key])
    call_command("send_notifications")
    call_command("send_notifications")
    outbox_deliver(limit=100)
    (message,) = smtp_server.wait_for(1)
    assert message.envelope_to == ("anna@example.org",)
    assert message["Subject"] == "Consultations: Remiss om idrottsplatser"
    assert "Unsubscribe" in _text(message)
    assert OutboundEmail.objects.count() == 1


def test_a_bounced_address_is_sent_nothing_more_but_kept(
    client, topics_setup, subscribe, smtp_server, django_capture_on_commit_callbacks
):
    anna = subscribe("anna@example.org", [topics_setup.theme_key], frequency="immediate")
    smtp_server.refuse("anna@example.org")
    record(HappeningKind.CONSULTATION, "Första", [topics_setup.theme_key])
    call_command("send_notifications")
    report = outbox_deliver(limit=100)
    assert report.failed == 1 and not smtp_server.messages
    anna.refresh_from_db()
    assert anna.bounced_at is not None and anna.topics.count() == 1

    record(HappeningKind.CONSULTATION, "Andra", [topics_setup.theme_key])
    call_command("send_notifications")
    assert OutboundEmail.objects.filter(to="anna@example.org").count() == 1

    # The manage page says so and offers a new confirmation, which starts sending again.
    smtp_server.accept("anna@example.org")
    url = f"/prenumerera/hantera/{services.manage_token(anna)}/"
    assert 'id="bounced"' in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url + "ny-lank/")
    (message,) = smtp_server.wait_for(1)
    client.post(path_of(links_in(message)[0]))
    anna.refresh_from_db()
    assert anna.bounced_at is None
    record(HappeningKind.CONSULTATION, "Tredje", [topics_setup.theme_key])
    call_command("send_notifications")
    outbox_deliver(limit=100)
    messages = smtp_server.wait_for(2)
    assert "Tredje" in _text(messages[1]) and "Andra" not in _text(messages[1])


def test_builder_queries_per_batch_do_not_grow_and_contents_are_shared(topics_setup, subscribe):
    def build_for(count: int, prefix: str):
        for n in range(count):
            subscribe(f"{prefix}{n}@example.org", [topics_setup.theme_key, "district:vivalla"])
        record(HappeningKind.CONSULTATION, f"Remiss {prefix}", [topics_setup.theme_key])
        with CaptureQueriesContext(connection) as queries:
            report = subscriber_emails_build(frequency="weekly")
        statements = [q["sql"] for q in queries.captured_queries if "SAVEPOINT" not in q["sql"]]
        return report, len(statements)

    few, few_queries = build_for(3, "few")
    many, many_queries = build_for(60, "many")
    assert (few.emails, many.emails) == (3, 63)  # the few are told again of the new one
    assert many_queries == few_queries <= 10
    assert many.contents_rendered <= 2


def test_several_batches_cover_everyone_once(topics_setup, subscribe):
    for n in range(25):
        subscribe(f"s{n}@example.org", [topics_setup.theme_key])
    record(HappeningKind.CONSULTATION, "Remiss", [topics_setup.theme_key])
    report = subscriber_emails_build(frequency="weekly", batch_size=10)
    assert (report.batches, report.emails) == (3, 25)
    assert OutboundEmail.objects.values("to").distinct().count() == 25
    assert subscriber_emails_build(frequency="weekly", batch_size=10).emails == 0


def test_feeds_parse_and_hold_the_right_entries(client, topics_setup):
    record(HappeningKind.CONSULTATION, "Remiss om idrott", [topics_setup.theme_key])
    record(HappeningKind.MEETING, "Rådsmöte", [topics_setup.council_key])
    everything = ET.fromstring(client.get("/flode/alla.atom").content)
    titles = [e.findtext(f"{ATOM}title") for e in everything.iter(f"{ATOM}entry")]
    assert titles == ["Möten: Rådsmöte", "Remisser: Remiss om idrott"]
    theme = ET.fromstring(client.get("/flode/tema/idrott.atom").content)
    assert [e.findtext(f"{ATOM}title") for e in theme.iter(f"{ATOM}entry")] == [
        "Remisser: Remiss om idrott"
    ]
    link = next(theme.iter(f"{ATOM}entry")).find(f"{ATOM}link").get("href")
    assert "/test/Remiss" in link
    council = ET.fromstring(client.get(f"/flode/organ/{topics_setup.council.pk}.atom").content)
    assert len(list(council.iter(f"{ATOM}entry"))) == 1
    department = client.get(f"/flode/forvaltning/{topics_setup.department.pk}.atom")
    assert department.status_code == 200
    assert client.get("/flode/omrade/vivalla.atom").status_code == 200
    for unknown in (
        "/flode/tema/finns-inte.atom",
        "/flode/organ/999999.atom",
        "/flode/forvaltning/999999.atom",
        "/flode/remiss/999999.atom",
        "/flode/bevakning/999999.atom",
        "/flode/okand/1.atom",
        "/flode/organ/abc.atom",
    ):
        assert client.get(unknown).status_code == 404, unknown
