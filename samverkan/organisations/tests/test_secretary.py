"""The secretary's work: questions, refusals, withdrawal, renewal and the exclusion routine."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from samverkan.core.testing import links_in
from samverkan.organisations import selectors, services
from samverkan.organisations.models import (
    ExclusionCase,
    RenewalInvitation,
    Signature,
    SignatureApplication,
    SignatureStatus,
)
from samverkan.organisations.tests.conftest import sign_and_approve, sign_pending
from samverkan.outbox.services import outbox_deliver

pytestmark = pytest.mark.django_db


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def pending_signature(agreement, name="Ängsbacka Hembygdsförening", email="kim@example.org"):
    return sign_pending(
        agreement,
        name=name,
        kind="network",
        email=email,
        signatory_name="Kim Karlsson",
        signatory_role="sekreterare",
    )


def test_secretary_pages_refuse_everyone_else(client, agreement, django_user_model):
    signature = pending_signature(agreement)
    urls = [
        reverse("organisations:review_queue"),
        reverse("organisations:signature_review", args=[signature.pk]),
        reverse("organisations:agreement_admin"),
        reverse("organisations:exclusion_case_list"),
        reverse("organisations:exclusion_case_open", args=[signature.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 302, "anonymous visitors are sent to log in"
    representative = django_user_model.objects.get(email="kim@example.org")
    client.force_login(representative)
    for url in urls:
        assert client.get(url).status_code == 403
    assert client.post(urls[1], {"action": "approve"}).status_code == 403
    signature.refresh_from_db()
    assert signature.status == SignatureStatus.PENDING


def test_asking_for_more_and_the_answer(secretary_client, agreement, smtp_server):
    signature = pending_signature(agreement)
    outbox_deliver()
    smtp_server.clear()
    url = reverse("organisations:signature_review", args=[signature.pk])
    response = secretary_client.post(
        url, {"action": "ask", "ask-question": "Vilka är era stadgar?"}
    )
    assert response.status_code == 302
    outbox_deliver()
    (mail,) = smtp_server.wait_for(1)
    assert "Vilka är era stadgar?" in mail.get_content()
    answer_path = path_of(links_in(mail)[0])

    secretary_client.logout()
    answered = secretary_client.post(answer_path, {"answer": "Stadgarna finns på vår webbplats."})
    assert answered.status_code == 302
    again = secretary_client.post(answer_path, {"answer": "En gång till"})
    assert again.status_code == 410

    signature.refresh_from_db()
    assert signature.info_requested is False
    assert [e.kind for e in signature.events.all()] == ["submitted", "info_requested", "info_given"]
    outbox_deliver()
    assert smtp_server.wait_for(2)[-1]["To"] == "sekreterare@example.org"


def test_declining_needs_a_reason_and_tells_the_signatory(secretary_client, agreement, smtp_server):
    signature = pending_signature(agreement)
    url = reverse("organisations:signature_review", args=[signature.pk])
    empty = secretary_client.post(url, {"action": "decline", "decline-reason": ""})
    assert empty.status_code == 200
    signature.refresh_from_db()
    assert signature.status == SignatureStatus.PENDING
    secretary_client.post(
        url, {"action": "decline", "decline-reason": "Organisationen finns inte."}
    )
    signature.refresh_from_db()
    assert signature.status == SignatureStatus.DECLINED
    assert signature.status_reason == "Organisationen finns inte."
    outbox_deliver()
    assert "Organisationen finns inte." in smtp_server.to("kim@example.org")[-1].get_content()


def test_approving_twice_changes_nothing(secretary_client, agreement):
    signature = pending_signature(agreement)
    url = reverse("organisations:signature_review", args=[signature.pk])
    secretary_client.post(url, {"action": "approve"})
    second = secretary_client.post(url, {"action": "approve"})
    assert second.status_code == 200, "shown again with a message, not an error page"
    assert signature.events.filter(kind="approved").count() == 1


def test_a_representative_withdraws_the_organisation(
    client, agreement, secretary, django_user_model
):
    signature = sign_and_approve(
        agreement, secretary, name="Norrby IK", number="802002-4280", email="rep@example.org"
    )
    representative = django_user_model.objects.get(email="rep@example.org")
    client.force_login(representative)
    url = reverse("organisations:signature_withdraw", args=[signature.pk])
    assert client.post(url, {"reason": ""}).status_code == 200
    assert client.post(url, {"reason": "Föreningen har lagts ned."}).status_code == 302
    signature.refresh_from_db()
    assert signature.status == SignatureStatus.WITHDRAWN
    verification = selectors.verification_for(signature.organisation)
    assert verification.may_use_symbol is False


def test_someone_else_cannot_withdraw_or_edit(client, agreement, secretary, django_user_model):
    signature = sign_and_approve(agreement, secretary, name="Norrby IK", number="802002-4280")
    other = sign_and_approve(
        agreement, secretary, name="Åsens IF", number="202100-5448", email="other@example.org"
    )
    client.force_login(django_user_model.objects.get(email="other@example.org"))
    assert (
        client.post(
            reverse("organisations:signature_withdraw", args=[signature.pk]), {"reason": "x"}
        ).status_code
        == 403
    )
    assert (
        client.get(
            reverse("organisations:organisation_edit", args=[signature.organisation_id])
        ).status_code
        == 403
    )
    assert (
        client.get(
            reverse("organisations:organisation_edit", args=[other.organisation_id])
        ).status_code
        == 200
    )
    signature.refresh_from_db()
    assert signature.status == SignatureStatus.ACTIVE


def test_renewal_invites_every_previous_signatory_once(
    secretary_client, secretary, previous_agreement, agreement, smtp_server
):
    old = [
        sign_and_approve(
            previous_agreement,
            secretary,
            name=f"Förening {n}",
            number=number,
            email=f"f{n}@example.org",
        )
        for n, number in enumerate(["802002-4280", "202100-5448", "556012-5790"])
    ]
    services.signatures_expire(today=date(2024, 1, 2))
    assert Signature.objects.filter(status=SignatureStatus.EXPIRED).count() == 3
    sign_and_approve(
        agreement, secretary, name="Förening 0", number="802002-4280"
    )  # renewed already
    outbox_deliver()
    smtp_server.clear()

    secretary_client.post(reverse("organisations:renewal_invite", args=[agreement.pk]))
    secretary_client.post(reverse("organisations:renewal_invite", args=[agreement.pk]))
    assert RenewalInvitation.objects.count() == 2
    outbox_deliver()
    smtp_server.wait_for(2)
    assert sorted(m["To"] for m in smtp_server.messages) == ["f1@example.org", "f2@example.org"]

    overview = secretary_client.get(reverse("organisations:renewal_overview")).content.decode()
    assert overview.index("Förening 1") > overview.index("not-renewed")

    renew_path = path_of(links_in(smtp_server.to("f1@example.org")[0])[0])
    form = secretary_client.get(renew_path)
    assert form.status_code == 200
    assert (
        secretary_client.post(
            renew_path,
            {
                "signatory_name": "Ny Ordförande",
                "signatory_role": "ordförande",
                "signatory_email": "ny@example.org",
            },
        ).status_code
        == 302
    )
    application = SignatureApplication.objects.latest("pk")
    assert application.organisation == old[1].organisation
    outbox_deliver()
    confirm_path = path_of(links_in(smtp_server.to("ny@example.org")[-1])[0])
    assert secretary_client.post(confirm_path, {"accept_values": "on"}).status_code == 200
    renewed = Signature.objects.get(organisation=old[1].organisation, agreement=agreement)
    assert renewed.signatory_name == "Ny Ordförande"
    assert renewed.status == SignatureStatus.PENDING


def test_exclusion_routine_hears_the_organisation_before_deciding(
    secretary_client, secretary, agreement, smtp_server
):
    signature = sign_and_approve(
        agreement,
        secretary,
        name="Östra Hamnens Båtklubb",
        number="802002-4280",
        email="bat@example.org",
    )
    outbox_deliver()
    smtp_server.clear()
    open_url = reverse("organisations:exclusion_case_open", args=[signature.pk])
    past = secretary_client.post(
        open_url, {"grounds": "Grunder", "response_deadline": "2020-01-01"}
    )
    assert past.status_code == 200
    assert not ExclusionCase.objects.exists()

    deadline = timezone.localdate() + timedelta(days=14)
    response = secretary_client.post(
        open_url,
        {
            "grounds": "Föreningen har uttryckt hat mot en grupp.",
            "response_deadline": deadline.isoformat(),
        },
    )
    case = ExclusionCase.objects.get()
    assert response.status_code == 302
    outbox_deliver()
    (notice,) = smtp_server.wait_for(1)
    assert "hat mot en grupp" in notice.get_content()
    respond_path = path_of(links_in(notice)[0])

    detail = reverse("organisations:exclusion_case_detail", args=[case.pk])
    early = secretary_client.post(
        detail,
        {
            "outcome": "exclude",
            "decision": "Utesluts.",
            "deciding_body": "Samverkansrådet",
            "decided_on": timezone.localdate().isoformat(),
        },
    )
    assert early.status_code == 200, (
        "no exclusion before the organisation has answered or the deadline passed"
    )
    signature.refresh_from_db()
    assert signature.status == SignatureStatus.ACTIVE

    secretary_client.logout()
    page = secretary_client.get(respond_path)
    assert page.status_code == 200 and "hat mot en grupp" in page.content.decode()
    assert (
        secretary_client.post(
            respond_path,
            {"responder_name": "Bo, ordförande", "response": "Det var en enskild medlem."},
        ).status_code
        == 302
    )
    case.refresh_from_db()
    assert case.status == ExclusionCase.Status.ANSWERED

    secretary_client.force_login(secretary)
    secretary_client.post(
        detail,
        {
            "outcome": "exclude",
            "decision": "Utesluts efter hörande.",
            "deciding_body": "Samverkansrådet",
            "decided_on": timezone.localdate().isoformat(),
        },
    )
    case.refresh_from_db()
    signature.refresh_from_db()
    assert case.status == ExclusionCase.Status.EXCLUDED
    assert signature.status == SignatureStatus.EXCLUDED
    assert case.events.count() == 3
    public = secretary_client.get(
        reverse("organisations:organisation_detail", args=[signature.organisation_id])
    )
    assert "Samverkansrådet" in public.content.decode()
    assert selectors.verification_for(signature.organisation).may_use_symbol is False
    blocked = services.signature_blockers(organisation=signature.organisation, agreement=agreement)
    assert blocked is not None


def test_an_answer_after_the_deadline_is_refused_with_the_date(secretary, agreement):
    from django.core.exceptions import ValidationError

    signature = sign_and_approve(agreement, secretary, name="Vinterö SK", number="802002-4280")
    case = services.exclusion_case_open(
        signature=signature,
        actor=secretary,
        grounds="G",
        response_deadline=timezone.localdate() + timedelta(days=1),
    )
    ExclusionCase.objects.filter(pk=case.pk).update(
        response_deadline=timezone.localdate() - timedelta(days=1)
    )
    with pytest.raises(ValidationError) as error:
        services.exclusion_case_respond(
            raw_token=case.raw_token, response="Sent", responder_name="X"
        )
    assert (timezone.localdate() - timedelta(days=1)).isoformat() in str(error.value)
    case.refresh_from_db()
    assert case.response == ""


def test_a_renamed_department_is_not_asked_to_renew(secretary, previous_agreement, agreement):
    old = sign_and_approve(
        previous_agreement,
        secretary,
        name="Kommunstyrelseförvaltningen",
        kind="municipal_department",
    )
    services.signatures_expire(today=date(2024, 1, 2))
    new = services.organisation_create(
        name="Kommunledningsförvaltningen", kind="municipal_department"
    )
    services.organisation_link_create(
        predecessor=old.organisation, successor=new, kind="renamed", on=date(2023, 1, 1)
    )
    assert selectors.renewal_overview(agreement) == []
    assert services.renewal_invite_all(agreement=agreement, actor=secretary) == 0
