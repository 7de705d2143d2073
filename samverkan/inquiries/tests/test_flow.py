"""The whole path of an inquiry through HTTP, with every email through a real SMTP server:
submit → confirm → registered with a number → receipt and team notice → take → reply → ask for
more → the sender answers through the private link → forward (the sender is told) → close with
an outcome → the sender's status page shows it."""

import pytest
from django.urls import reverse
from django.utils import timezone

from samverkan.core.testing import links_in
from samverkan.inquiries.models import Inquiry, InquiryEvent, InquiryMessage, InquiryStatus
from samverkan.inquiries.tests.conftest import URLS, form_data, path_of, pdf
from samverkan.outbox.services import outbox_deliver

pytestmark = [pytest.mark.django_db, pytest.mark.urls(URLS)]


def deliver(smtp_server, count: int):
    outbox_deliver()
    return smtp_server.wait_for(count)


def test_an_inquiry_from_form_to_outcome(client, setup, smtp_server, client_for):
    year = timezone.localdate().year

    # The form, without an account, told that it becomes a public record.
    page = client.get(reverse("inquiries:new")).content.decode()
    assert "allmän handling" in page
    assert reverse("core:privacy") in page
    assert '<option value="Norrby IK">' in page, "the signatories are offered"

    response = client.post(
        reverse("inquiries:new"), {**form_data(), "attachments": [pdf("ritning.pdf")]}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("inquiries:sent")
    draft = Inquiry.objects.get()
    assert draft.status == InquiryStatus.UNCONFIRMED
    assert draft.reference is None and draft.received_at is None and draft.team is None, (
        "nothing is registered or routed before the email is confirmed"
    )
    assert draft.organisation == setup.organisation, "picked from the register by its name"

    (confirm_mail,) = deliver(smtp_server, 1)
    assert confirm_mail["To"] == "anna@example.org"
    assert "Lokalbidrag för klubbstugan" in confirm_mail["Subject"]
    confirm_path = path_of(links_in(confirm_mail)[0])

    shown = client.get(confirm_path)
    assert shown.status_code == 200
    assert Inquiry.objects.get().status == InquiryStatus.UNCONFIRMED, (
        "opening the link sends nothing"
    )

    done = client.post(confirm_path)
    assert done.status_code == 200
    inquiry = Inquiry.objects.get()
    reference = f"EVI-{year}-00001"
    assert inquiry.reference == reference
    assert reference in done.content.decode()
    assert inquiry.status == InquiryStatus.NEW
    assert inquiry.received_at == inquiry.email_confirmed_at is not None
    assert inquiry.team == setup.grants
    assert inquiry.routed_by == Inquiry.RoutedBy.RULE
    assert inquiry.routed_by_rule == setup.grant_rule
    assert inquiry.reply_due_at > inquiry.received_at

    messages = deliver(smtp_server, 3)
    (receipt,) = [
        m for m in messages if m["To"] == "anna@example.org" and reference in m["Subject"]
    ]
    assert receipt["Reply-To"] == "lokalbidrag@kommun.example.org"
    assert receipt["X-Samverkan-Reference"] == reference
    assert "Lokalbidrag" in receipt.get_content()
    status_path = path_of(links_in(receipt)[0])
    assert status_path.startswith("/en-vag-in/status/")
    (team_notice,) = smtp_server.to("lena@kommun.example.org")
    assert reference in team_notice["Subject"]
    detail_path = path_of(links_in(team_notice)[0])
    assert detail_path == reverse("inquiries:detail", args=[inquiry.pk])

    # The team's queue.
    lena = client_for(setup.lena)
    queue = lena.get(reverse("inquiries:team_queue", args=["lokalbidrag"])).content.decode()
    assert reference in queue
    assert lena.get(detail_path).status_code == 200

    assert lena.post(detail_path, {"action": "take"}).status_code == 302
    inquiry.refresh_from_db()
    assert inquiry.status == InquiryStatus.IN_PROGRESS
    assert inquiry.assigned_to == setup.lena

    smtp_server.clear()
    lena.post(
        detail_path,
        {"action": "reply", "reply-text": "Hej Anna! Ansökan görs i e-tjänsten senast 1 mars."},
    )
    inquiry.refresh_from_db()
    assert inquiry.first_reply_at is not None
    (reply,) = deliver(smtp_server, 1)
    assert reply["To"] == "anna@example.org"
    assert reply["Reply-To"] == "lokalbidrag@kommun.example.org"
    assert "senast 1 mars" in reply.get_content()
    assert "Lena Lokal" in reply.get_content()

    smtp_server.clear()
    lena.post(detail_path, {"action": "ask", "ask-text": "Hur stor är klubbstugan i kvadratmeter?"})
    inquiry.refresh_from_db()
    assert inquiry.status == InquiryStatus.WAITING_FOR_SENDER
    (question,) = deliver(smtp_server, 1)
    assert "kvadratmeter" in question.get_content()
    answer_path = path_of(links_in(question)[0])

    # The sender answers through the private link, without an account.
    sender = client_for(None)
    page = sender.get(answer_path)
    assert page.status_code == 200
    assert "kvadratmeter" in page.content.decode()
    smtp_server.clear()
    answered = sender.post(
        answer_path, {"text": "Den är 120 kvadratmeter.", "attachments": [pdf()]}
    )
    assert answered.status_code == 302
    inquiry.refresh_from_db()
    assert inquiry.status == InquiryStatus.IN_PROGRESS
    inbound = inquiry.messages.get(direction=InquiryMessage.Direction.IN)
    assert inbound.text == "Den är 120 kvadratmeter."
    assert inbound.attachments.count() == 1
    (told,) = deliver(smtp_server, 1)
    assert told["To"] == "lena@kommun.example.org", "the handler is told the sender wrote"

    # Forward to another team: the sender is told where and why.
    smtp_server.clear()
    lena.post(
        detail_path,
        {
            "action": "forward",
            "forward-to_team": setup.culture.pk,
            "forward-reason": "Klubbstugan används för kulturarrangemang.",
        },
    )
    inquiry.refresh_from_db()
    assert inquiry.team == setup.culture
    assert inquiry.status == InquiryStatus.FORWARDED
    assert inquiry.assigned_to is None
    mails = deliver(smtp_server, 2)
    (forwarded,) = [m for m in mails if m["To"] == "anna@example.org"]
    assert "Kulturbidrag" in forwarded["Subject"]
    assert "kulturarrangemang" in forwarded.get_content()
    assert smtp_server.to("kurt@kommun.example.org"), "the new team is told"
    assert lena.get(detail_path).status_code == 404, "the old team no longer sees it"

    # The new team closes it with an outcome.
    kurt = client_for(setup.kurt)
    kurt.post(detail_path, {"action": "take"})
    smtp_server.clear()
    kurt.post(
        detail_path,
        {
            "action": "close",
            "close-outcome": "Beviljat arrangemangsbidrag 5 000 kr.",
            "close-tell_sender": "on",
        },
    )
    inquiry.refresh_from_db()
    assert inquiry.status == InquiryStatus.CLOSED
    assert inquiry.closed_at is not None
    (closed,) = deliver(smtp_server, 1)
    assert "5 000 kr" in closed.get_content()

    # The status page tells the whole story, and only through the private link.
    status = sender.get(status_path).content.decode()
    assert reference in status
    assert "Beviljat arrangemangsbidrag 5 000 kr." in status
    assert "Den är 120 kvadratmeter." in status
    assert "Kulturbidrag" in status
    download = sender.get(
        reverse(
            "inquiries:status_attachment",
            args=[status_path.split("/")[-2], inquiry.attachments.first().pk],
        )
    )
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")

    assert [e.kind for e in inquiry.events.all()] == [
        InquiryEvent.Kind.SUBMITTED,
        InquiryEvent.Kind.REGISTERED,
        InquiryEvent.Kind.TAKEN,
        InquiryEvent.Kind.REPLIED,
        InquiryEvent.Kind.INFO_REQUESTED,
        InquiryEvent.Kind.SENDER_ANSWERED,
        InquiryEvent.Kind.FORWARDED,
        InquiryEvent.Kind.TAKEN,
        InquiryEvent.Kind.CLOSED,
    ]
    forward = inquiry.events.get(kind=InquiryEvent.Kind.FORWARDED)
    assert (forward.from_team, forward.to_team) == (setup.grants, setup.culture)


def test_a_used_confirmation_link_registers_nothing_twice(client, setup, smtp_server):
    client.post(reverse("inquiries:new"), form_data())
    (mail,) = deliver(smtp_server, 1)
    confirm_path = path_of(links_in(mail)[0])
    client.post(confirm_path)
    again = client.post(confirm_path)
    assert again.status_code == 410
    assert Inquiry.objects.get().reference in again.content.decode()
    assert Inquiry.objects.count() == 1


def test_a_double_click_on_send_sends_one_confirmation(client, setup, smtp_server):
    client.post(reverse("inquiries:new"), form_data())
    client.post(reverse("inquiries:new"), form_data())
    assert Inquiry.objects.count() == 1
    outbox_deliver()
    assert len(smtp_server.wait_for(1)) == 1


def test_a_made_up_link_is_refused(client, setup):
    assert client.get(reverse("inquiries:confirm", args=["nonsense"])).status_code == 410
    assert client.get(reverse("inquiries:status", args=["nonsense"])).status_code == 410


def test_the_sender_cannot_write_after_closing(client, setup, register, client_for):
    inquiry, token = register()
    from samverkan.inquiries import services

    services.inquiry_close(inquiry=inquiry, actor=setup.alva, outcome="Besvarat per telefon.")
    page = client.get(reverse("inquiries:status", args=[token])).content.decode()
    assert "Besvarat per telefon." in page
    assert 'name="text"' not in page
    response = client.post(reverse("inquiries:status", args=[token]), {"text": "En sak till"})
    assert response.status_code == 200
    assert not inquiry.messages.filter(direction="in").exists()
