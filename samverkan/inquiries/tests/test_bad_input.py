"""Bad input: floods, markup, oversized or disguised attachments, unconfirmed emails that
expire and are purged, a failure half-way through a confirmation, an SMTP server that is
down. Each gets a clear message, and no inquiry is ever lost."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from samverkan.core.testing import links_in
from samverkan.inquiries import services
from samverkan.inquiries.models import Inquiry, InquiryCounter, InquiryLink, InquiryStatus
from samverkan.inquiries.tests.conftest import URLS, form_data, path_of, pdf
from samverkan.meetings.uploads import MAX_ATTACHMENT_BYTES
from samverkan.outbox.models import OutboundEmail
from samverkan.outbox.services import outbox_deliver

pytestmark = [pytest.mark.django_db, pytest.mark.urls(URLS)]


def post(client, **overrides):
    return client.post(reverse("inquiries:new"), form_data(**overrides))


def test_one_email_address_may_send_five_an_hour(client, setup):
    for n in range(5):
        assert post(client, subject=f"Fråga {n}").status_code == 302
    refused = post(client, subject="Fråga 6")
    assert refused.status_code == 200
    assert "error-summary" in refused.content.decode()
    assert Inquiry.objects.count() == 5


def test_one_address_may_send_twenty_an_hour(client, setup):
    for n in range(20):
        assert post(client, subject=f"Fråga {n}", email=f"p{n}@example.org").status_code == 302
    assert post(client, subject="Fråga 21", email="p21@example.org").status_code == 200
    other_address = client.post(
        reverse("inquiries:new"),
        form_data(subject="Fråga 22", email="p22@example.org"),
        REMOTE_ADDR="192.0.2.7",
    )
    assert other_address.status_code == 302
    assert Inquiry.objects.count() == 21


@pytest.mark.parametrize("field", ["subject", "text", "sender_name", "organisation_name"])
def test_markup_is_refused_next_to_the_field(client, setup, field):
    response = post(client, **{field: 'Hej <script>alert("x")</script>'})
    assert response.status_code == 200
    assert f'id="id_{field}_error"' in response.content.decode()
    assert not Inquiry.objects.exists()


def test_the_required_fields_are_asked_for(client, setup):
    response = post(client, subject="", text="", email="inte-en-adress", kind="")
    body = response.content.decode()
    for field in ("subject", "text", "email", "kind"):
        assert f'id="id_{field}_error"' in body
    assert 'value="Norrby IK"' in body, "nothing typed is lost"


def test_a_disguised_attachment_is_refused_next_to_the_field(client, setup):
    fake = SimpleUploadedFile("protokoll.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    response = client.post(reverse("inquiries:new"), {**form_data(), "attachments": [fake]})
    body = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_attachments_error"' in body
    assert "protokoll.pdf" in body.split('id="id_attachments_error"')[1][:400]
    assert 'id="files-again"' in body, "the sender is told to choose the files again"
    assert not Inquiry.objects.exists()


def test_an_oversized_attachment_is_refused(client, setup):
    big = SimpleUploadedFile(
        "stor.pdf", b"%PDF-1.4\n" + b"0" * MAX_ATTACHMENT_BYTES, "application/pdf"
    )
    response = client.post(reverse("inquiries:new"), {**form_data(), "attachments": [big]})
    assert 'id="id_attachments_error"' in response.content.decode()
    assert not Inquiry.objects.exists()


def test_other_kinds_of_file_and_too_many_files_are_refused(client, setup):
    script = SimpleUploadedFile("run.exe", b"MZ\x90\x00", "application/octet-stream")
    response = client.post(reverse("inquiries:new"), {**form_data(), "attachments": [script]})
    assert 'id="id_attachments_error"' in response.content.decode()
    many = [pdf(f"bilaga{n}.pdf") for n in range(services.MAX_ATTACHMENTS + 1)]
    response = client.post(reverse("inquiries:new"), {**form_data(), "attachments": many})
    assert 'id="id_attachments_error"' in response.content.decode()
    assert not Inquiry.objects.exists()


def test_attachments_are_stored_outside_the_web_root(client, setup, settings):
    client.post(reverse("inquiries:new"), {**form_data(), "attachments": [pdf("plan.pdf")]})
    attachment = Inquiry.objects.get().attachments.get()
    assert attachment.original_name == "plan.pdf"
    assert attachment.content_type == "application/pdf"
    stored = Path(attachment.file.path)
    assert stored.is_file()
    assert Path(settings.MEDIA_ROOT) in stored.parents
    assert not str(stored).startswith(str(settings.STATIC_ROOT))
    assert stored.suffix == "", "the stored name says nothing and never runs"


def test_an_expired_confirmation_sends_nothing(client, setup, smtp_server):
    post(client)
    outbox_deliver()
    confirm_path = path_of(links_in(smtp_server.wait_for(1)[0])[0])
    InquiryLink.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    assert client.get(confirm_path).status_code == 410
    assert client.post(confirm_path).status_code == 410
    assert Inquiry.objects.get().status == InquiryStatus.UNCONFIRMED


def test_unconfirmed_inquiries_are_purged_after_48_hours(client, setup, register, capsys):
    client.post(reverse("inquiries:new"), {**form_data(), "attachments": [pdf()]})
    stale = Inquiry.objects.get()
    stored = Path(stale.attachments.get().file.path)
    Inquiry.objects.filter(pk=stale.pk).update(created_at=timezone.now() - timedelta(hours=49))
    fresh = services.inquiry_submit(
        kind="idea", subject="Ny idé", text="Text", sender_email="ny@example.org"
    )
    registered, _ = register()
    Inquiry.objects.filter(pk=registered.pk).update(created_at=timezone.now() - timedelta(days=9))

    with pytest.MonkeyPatch.context() as patch:
        # Files are removed after commit; the test's transaction never commits.
        patch.setattr("django.db.transaction.on_commit", lambda f, *a, **k: f())
        call_command("purge_unconfirmed_inquiries")
    assert "1" in capsys.readouterr().out
    assert set(Inquiry.objects.values_list("pk", flat=True)) == {fresh.pk, registered.pk}
    assert not stored.exists(), "the draft's file is deleted"
    assert not OutboundEmail.objects.filter(dedup_key=f"inquiry:{stale.pk}:confirm").exists()


def test_a_failure_while_registering_rolls_everything_back(setup, monkeypatch):
    draft = services.inquiry_submit(
        kind="idea", subject="Idé", text="Text", sender_email="idé@example.org"
    )

    def broken(*args, **kwargs):
        raise RuntimeError("the mail template broke")

    monkeypatch.setattr(services, "_notify_team", broken)
    with pytest.raises(RuntimeError):
        services.inquiry_confirm(raw_token=draft.raw_token)
    draft.refresh_from_db()
    assert draft.status == InquiryStatus.UNCONFIRMED and draft.reference is None
    assert not InquiryLink.objects.filter(used_at__isnull=False).exists(), "the link still works"
    assert not InquiryCounter.objects.filter(last_number__gt=0).exists(), "no number was used"

    monkeypatch.undo()
    inquiry, _ = services.inquiry_confirm(raw_token=draft.raw_token)
    assert inquiry.reference.endswith("-00001"), "the number is not lost either"


def test_an_smtp_server_that_is_down_loses_nothing(client, setup, smtp_server):
    post(client)
    outbox_deliver()
    confirm_path = path_of(links_in(smtp_server.wait_for(1)[0])[0])
    smtp_server.stop()
    assert client.post(confirm_path).status_code == 200
    inquiry = Inquiry.objects.get()
    assert inquiry.status == InquiryStatus.NEW
    report = outbox_deliver()
    assert report.sent == 0 and report.retried >= 2
    smtp_server.start()
    OutboundEmail.objects.update(next_attempt_at=timezone.now())
    assert outbox_deliver().sent >= 2
    assert any(inquiry.reference in m["Subject"] for m in smtp_server.to("anna@example.org"))
