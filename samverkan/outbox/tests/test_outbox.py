"""The outbox delivers through a real SMTP server, survives it being down, never sends twice."""

import pytest
from django.utils import timezone

from samverkan.outbox.models import OutboundEmail
from samverkan.outbox.services import Attachment, email_queue, outbox_deliver

pytestmark = pytest.mark.django_db


def test_a_queued_message_arrives_once_with_swedish_characters_and_attachment(smtp_server):
    email_queue(
        to="anna@example.org",
        subject="Kallelse – Samverkansrådet åäö",
        body="Välkommen!\nHälsningar",
        attachments=[
            Attachment("möte.ics", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")
        ],
    )
    report = outbox_deliver()
    assert report.sent == 1
    (message,) = smtp_server.wait_for(1)
    assert message["Subject"] == "Kallelse – Samverkansrådet åäö"
    assert "Välkommen!" in message.get_body(("plain",)).get_content()
    assert [p.get_filename() for p in message.iter_attachments()] == ["möte.ics"]
    assert outbox_deliver().sent == 0, "a sent message is never sent again"
    assert len(smtp_server.messages) == 1


def test_the_same_dedup_key_is_queued_once():
    assert email_queue(to="a@example.org", subject="S", body="B", dedup_key="k1") is not None
    assert email_queue(to="a@example.org", subject="S", body="B", dedup_key="k1") is None
    assert OutboundEmail.objects.count() == 1


def test_an_smtp_server_that_is_down_delays_but_loses_nothing(smtp_server):
    smtp_server.stop()
    for n in range(3):
        email_queue(to=f"p{n}@example.org", subject=f"Meddelande {n}", body="Text")
    report = outbox_deliver()
    assert report.sent == 0 and report.retried == 3
    assert OutboundEmail.objects.filter(status="queued", attempts=1).count() == 3
    assert outbox_deliver().sent == 0, "not due again before the backoff has passed"

    smtp_server.start()
    OutboundEmail.objects.update(next_attempt_at=timezone.now())
    assert outbox_deliver().sent == 3
    smtp_server.wait_for(3)
    assert sorted(m["To"] for m in smtp_server.messages) == [
        "p0@example.org",
        "p1@example.org",
        "p2@example.org",
    ]
    assert outbox_deliver().sent == 0


def test_a_refused_recipient_is_marked_failed_and_the_rest_go_out(smtp_server):
    smtp_server.refuse("gone@example.org")
    email_queue(to="gone@example.org", subject="S", body="B")
    email_queue(to="here@example.org", subject="S", body="B")
    report = outbox_deliver()
    assert report.sent == 1 and report.failed == 1
    failed = OutboundEmail.objects.get(to="gone@example.org")
    assert failed.status == "failed" and "550" in failed.last_error
    assert outbox_deliver().sent == 0


def test_backoff_grows_and_gives_up(smtp_server):
    smtp_server.stop()
    message = email_queue(to="x@example.org", subject="S", body="B")
    delays = []
    for _ in range(12):
        OutboundEmail.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now())
        before = timezone.now()
        outbox_deliver()
        message.refresh_from_db()
        delays.append((message.next_attempt_at - before).total_seconds())
    assert delays[0] < delays[3] < delays[6]
    assert message.status == "failed" and message.attempts == 12


def test_delivery_on_commit_sends_without_a_worker(smtp_server, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email_queue(to="direct@example.org", subject="Direkt", body="B")
    smtp_server.wait_for(1)
    assert OutboundEmail.objects.get().status == "sent"


def test_a_slow_smtp_server_delays_but_delivers_each_message_once(smtp_server, settings):
    settings.EMAIL_TIMEOUT = 1
    smtp_server.slow(3)  # slower than the sender waits
    for n in range(2):
        email_queue(to=f"p{n}@example.org", subject=f"Meddelande {n}", body="Text")
    report = outbox_deliver()
    assert report.sent == 0 and report.retried == 2
    assert OutboundEmail.objects.filter(status="queued", attempts=1).count() == 2
    assert smtp_server.messages == []

    smtp_server.slow(0.3)  # slow, but within the timeout
    OutboundEmail.objects.update(next_attempt_at=timezone.now())
    assert outbox_deliver().sent == 2
    smtp_server.wait_for(2)
    assert sorted(m["To"] for m in smtp_server.messages) == ["p0@example.org", "p1@example.org"]
    assert outbox_deliver().sent == 0
    assert len(smtp_server.messages) == 2
