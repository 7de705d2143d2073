"""The demo municipality, Älvstads kommun: loaded through the services, it keeps its promises.

The demo is loaded once for the whole module (it takes several seconds) inside a transaction
that is rolled back at the end; each test runs in a savepoint inside it.
"""

import hashlib
import json
from collections import Counter
from datetime import date, datetime, time

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from samverkan.accounts.models import User
from samverkan.accounts.rules import is_secretary
from samverkan.core.swedish import normalise_organisation_number
from samverkan.organisations import selectors
from samverkan.organisations.demo import (
    SECRETARY_EMAIL,
    SECRETARY_PASSWORD,
    DemoDatabaseNotEmpty,
    load_demo,
)
from samverkan.organisations.models import (
    MUNICIPAL_KINDS,
    Agreement,
    AgreementSection,
    Area,
    District,
    ExclusionCase,
    InformationRequest,
    Organisation,
    OrganisationKind,
    OrganisationLink,
    RenewalInvitation,
    Signature,
    SignatureEvent,
    SignatureStatus,
    TargetGroup,
)
from samverkan.outbox.models import OutboundEmail

SEED = 2024
TODAY = date(2025, 10, 15)
CURRENT_TITLE = "Överenskommelsen om samverkan 2024–2027"
PREVIOUS_TITLE = "Överenskommelsen om samverkan 2020–2023"


# A digest of everything the demo decides for SEED and TODAY. It must be the same in every
# process, on every day and on every database. If you change the demo on purpose, run this
# module and copy the new digest from the failure message.
EXPECTED_DIGEST = "a3919c79ca840af92522d08405595eec8e064af1b588d7beb9edbf4b1b4476fd"


def _rows(rows) -> list[str]:
    return sorted(json.dumps(list(row), default=str, ensure_ascii=False) for row in rows)


def decided() -> dict[str, list[str]]:
    """What the demo decides: not random tokens, ids, texts written by the services or the
    real clock."""
    return {
        "organisations": _rows(
            (
                o.name,
                o.kind,
                o.organisation_number,
                o.website,
                o.public_email,
                o.description,
                o.easy_read_description,
                o.created_at,
                sorted(a.name for a in o.areas.all()),
                sorted(t.name for t in o.target_groups.all()),
                sorted(d.name for d in o.districts.all()),
            )
            for o in Organisation.objects.prefetch_related("areas", "target_groups", "districts")
        ),
        "signatures": _rows(
            (
                s.organisation.name,
                s.agreement.title,
                s.status,
                s.status_reason,
                s.signatory_name,
                s.signatory_role,
                s.signatory_email,
                s.signed_at,
                s.approved_at,
                s.status_changed_at,
            )
            for s in Signature.objects.select_related("organisation", "agreement")
        ),
        "events": _rows(
            (
                e.signature.organisation.name,
                e.signature.agreement.title,
                e.kind,
                e.at,
                e.actor.email if e.actor else "",
            )
            for e in SignatureEvent.objects.select_related(
                "signature__organisation", "signature__agreement", "actor"
            )
        ),
        "questions": _rows(
            InformationRequest.objects.values_list(
                "signature__organisation__name", "question", "answer", "asked_at", "used_at"
            )
        ),
        "cases": _rows(
            ExclusionCase.objects.values_list(
                "signature__organisation__name",
                "status",
                "grounds",
                "response_deadline",
                "response",
                "responded_at",
                "decision",
                "decided_on",
                "created_at",
            )
        ),
        "links": _rows(
            OrganisationLink.objects.values_list(
                "predecessor__name", "successor__name", "kind", "date", "note"
            )
        ),
        "invitations": _rows(
            RenewalInvitation.objects.values_list("organisation__name", "email", "sent_at")
        ),
        "users": _rows(User.objects.values_list("email", "full_name", "date_joined")),
        "agreements": _rows(
            Agreement.objects.values_list("title", "introduction", "easy_read_text", "published_at")
        ),
    }


def digest() -> str:
    text = json.dumps(decided(), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker) -> dict[str, int]:
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_demo(seed=SEED, today=TODAY)
        transaction.set_rollback(True)


@pytest.fixture
def current() -> Agreement:
    return Agreement.objects.get(title=CURRENT_TITLE)


@pytest.fixture
def previous() -> Agreement:
    return Agreement.objects.get(title=PREVIOUS_TITLE)


def end_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.max))


# --- The promises -------------------------------------------------------------------------------


def test_the_same_seed_always_gives_the_same_demo(db, demo):
    """Loading twice would double the time of this module; the digest instead checks that
    every load, in any process, gives exactly the demo that was reviewed."""
    actual = digest()
    assert actual == EXPECTED_DIGEST, (
        f"load_demo(seed={SEED}, today={TODAY}) gave another demo than before. If you changed "
        f"the demo on purpose, set EXPECTED_DIGEST = {actual!r}"
    )


def test_the_counts_describe_what_was_loaded(db, demo, current):
    counts = demo  # what load_demo returned
    assert counts["organisations"] == Organisation.objects.count() >= 170
    assert counts["signatures"] == Signature.objects.count()
    assert counts["agreements"] == 2
    assert counts["active_current"] == selectors.signatory_count(current) >= 100
    assert counts["areas"] == 15
    assert counts["target_groups"] >= 10
    assert counts["districts"] >= 12
    for status in SignatureStatus.values:
        assert counts[status] == Signature.objects.filter(status=status).count() >= 1


def test_every_kind_of_organisation_is_there(db, demo):
    kinds = Counter(Organisation.objects.values_list("kind", flat=True))
    assert set(kinds) == set(OrganisationKind.values)
    assert kinds[OrganisationKind.ASSOCIATION] > 100
    names = set(Organisation.objects.values_list("name", flat=True))
    for expected in (
        "Älvstads Föreningsråd",
        "Idrottsalliansen Älvstad",
        "Socialförvaltningen",
        "Kultur- och fritidsnämnden",
        "Älvstadsbostäder AB",
        "Älvstad Energi AB",
    ):
        assert expected in names
    assert {name[0] for name in names} >= {"Å", "Ä", "Ö"}
    assert any("&" in name for name in names)
    assert any("-" in name for name in names)


def test_names_are_unique_and_not_taken_for_duplicates(db, demo):
    organisations = list(Organisation.objects.all())
    assert len({o.name for o in organisations}) == len(organisations)
    for organisation in organisations:
        assert (
            selectors.organisation_duplicates(
                name=organisation.name, organisation_number=None, exclude_pk=organisation.pk
            )
            == []
        ), organisation.name


def test_organisation_numbers_are_valid_unique_and_follow_the_legal_form(db, demo):
    first_digit = {
        OrganisationKind.SOCIAL_ENTERPRISE: "7",
        OrganisationKind.MUNICIPAL_COMPANY: "5",
    }
    numbers = []
    for organisation in Organisation.objects.all():
        number = organisation.organisation_number
        if organisation.kind in (
            OrganisationKind.MUNICIPAL_DEPARTMENT,
            OrganisationKind.MUNICIPAL_BOARD,
        ):
            assert number is None, organisation.name
            continue
        if number is None:
            assert organisation.kind == OrganisationKind.NETWORK, organisation.name
            continue
        assert normalise_organisation_number(number) == number
        assert number[2] >= "2"
        if organisation.name != "Älvstad Eventpartner":  # a company that posed as an association
            assert number[0] == first_digit.get(organisation.kind, "8"), organisation.name
        numbers.append(number)
    assert len(numbers) == len(set(numbers))
    assert Organisation.objects.filter(
        kind=OrganisationKind.NETWORK, organisation_number__isnull=True
    ).exists()


def test_civil_society_has_terms_descriptions_and_easy_read_texts(db, demo):
    civil = Organisation.objects.exclude(kind__in=MUNICIPAL_KINDS).prefetch_related(
        "areas", "target_groups", "districts"
    )
    easy_read = 0
    for organisation in civil:
        assert 1 <= len(organisation.areas.all()) <= 3, organisation.name
        assert 1 <= len(organisation.target_groups.all()) <= 3, organisation.name
        assert 1 <= len(organisation.districts.all()) <= 3, organisation.name
        assert organisation.description, organisation.name
        assert organisation.search_document
        easy_read += bool(organisation.easy_read_description)
    assert 0.3 < easy_read / len(civil) < 0.7
    for model in (Area, TargetGroup, District):
        assert all(slug.isascii() for slug in model.objects.values_list("slug", flat=True))
    assert District.objects.filter(name__startswith="Ö").exists()


def test_two_periods_with_the_whole_text(db, demo, current, previous):
    assert (previous.period_start, previous.period_end) == (date(2020, 1, 1), date(2023, 12, 31))
    assert (current.period_start, current.period_end) == (date(2024, 1, 1), date(2027, 12, 31))
    assert previous.adopted_on == date(2019, 11, 20)
    assert current.adopted_on == date(2023, 11, 22)
    for agreement in (previous, current):
        assert agreement.status == Agreement.Status.PUBLISHED
        assert agreement.adopted_by == "Kommunfullmäktige"
        assert agreement.introduction and agreement.easy_read_text
        assert agreement.published_at.date() < agreement.period_start
        sections = list(agreement.sections.all())
        assert {s.kind for s in sections} >= {
            AgreementSection.Kind.VALUES,
            AgreementSection.Kind.PRINCIPLES,
            AgreementSection.Kind.COMMITMENTS,
        }
        assert len([s for s in sections if s.kind == AgreementSection.Kind.VALUES]) >= 6
        assert all(s.body and s.easy_read_body for s in sections)
    # The second period is a revision of the first: much the same, not identical.
    old_titles = set(previous.sections.values_list("title", flat=True))
    new_titles = set(current.sections.values_list("title", flat=True))
    assert len(old_titles & new_titles) >= 8
    assert old_titles != new_titles
    assert previous.introduction != current.introduction


def test_every_signature_state_with_its_history(db, demo, current, previous):
    statuses = Counter(Signature.objects.values_list("status", flat=True))
    assert set(statuses) == set(SignatureStatus.values)
    # The first period ended: nothing of it is open any more.
    assert not Signature.objects.filter(
        agreement=previous, status__in=[SignatureStatus.ACTIVE, SignatureStatus.PENDING]
    ).exists()
    assert Signature.objects.filter(agreement=previous).count() >= 100
    assert not Signature.objects.filter(agreement=current, status=SignatureStatus.EXPIRED).exists()
    # Some pending signatures wait for an answer, and some have been answered.
    pending_requests = InformationRequest.objects.filter(signature__status=SignatureStatus.PENDING)
    assert pending_requests.filter(used_at__isnull=True).exists()
    assert pending_requests.filter(used_at__isnull=False).exclude(answer="").exists()
    assert Signature.objects.filter(status=SignatureStatus.PENDING, info_requested=True).exists()
    assert (
        2
        <= Signature.objects.filter(agreement=current, status=SignatureStatus.WITHDRAWN).count()
        <= 3
    )
    assert Signature.objects.filter(status=SignatureStatus.EXCLUDED).count() == 1

    story_end = end_of(TODAY)
    for signature in Signature.objects.prefetch_related("events"):
        events = list(signature.events.all())
        assert events[0].kind == SignatureEvent.Kind.SUBMITTED
        assert events[-1].to_status == signature.status
        assert [e.at for e in events] == sorted(e.at for e in events)
        assert events[0].at == signature.signed_at
        assert signature.signed_at <= story_end and events[-1].at <= story_end
        assert signature.agreement.published_at <= signature.signed_at
        if signature.approved_at:
            assert signature.signed_at < signature.approved_at


def test_renewal_invitations_and_who_has_not_renewed(db, demo, current, previous):
    invitations = RenewalInvitation.objects.filter(agreement=current)
    assert invitations.count() == demo["renewal_invitations"] > 20
    not_renewed = [row for row in selectors.renewal_overview(current) if row.current is None]
    assert len(not_renewed) == demo["not_renewed"] == 20
    assert all(row.invited for row in not_renewed)
    renewed = [row for row in selectors.renewal_overview(current) if row.current is not None]
    assert len(renewed) >= 85
    newcomers = Signature.objects.filter(agreement=current).exclude(
        organisation__signatures__agreement=previous
    )
    assert newcomers.count() >= 25


def test_the_exclusion_routine_was_followed(db, demo, current):
    cases = {c.status: c for c in ExclusionCase.objects.select_related("signature")}
    assert set(cases) == {
        ExclusionCase.Status.EXCLUDED,
        ExclusionCase.Status.CLOSED,
        ExclusionCase.Status.OPEN,
    }
    excluded = cases[ExclusionCase.Status.EXCLUDED]
    assert excluded.grounds and excluded.response and excluded.decision
    assert excluded.deciding_body == "Samverkansrådet"
    assert excluded.responded_at.date() <= excluded.response_deadline <= excluded.decided_on
    assert excluded.signature.status == SignatureStatus.EXCLUDED
    assert excluded.events.count() == 3
    closed = cases[ExclusionCase.Status.CLOSED]
    assert closed.signature.status == SignatureStatus.ACTIVE and closed.decision
    waiting = cases[ExclusionCase.Status.OPEN]
    assert waiting.response == "" and waiting.response_deadline > TODAY
    assert waiting.signature.status == SignatureStatus.ACTIVE


def test_renamed_and_merged_departments_keep_their_history(db, demo, current, previous):
    links = {
        (link.predecessor.name, link.successor.name): link
        for link in OrganisationLink.objects.select_related("predecessor", "successor")
    }
    renamed = links[("Kommunstyrelseförvaltningen", "Kommunledningsförvaltningen")]
    assert renamed.kind == OrganisationLink.Kind.RENAMED and renamed.date == date(2023, 1, 1)
    for former in (
        "Förvaltningen för sociala insatser",
        "Förvaltningen för utbildning, försörjning och arbete",
        "Kommunstyrelseförvaltningen",
    ):
        if former != "Kommunstyrelseförvaltningen":
            assert links[(former, "Socialförvaltningen")].kind == OrganisationLink.Kind.MERGED
        agreements = set(
            Signature.objects.filter(organisation__name=former).values_list("agreement", flat=True)
        )
        assert agreements == {previous.pk}
    # Every department and board that exists today has signed the current period.
    succeeded = OrganisationLink.objects.values("predecessor")
    for organisation in Organisation.objects.filter(
        kind__in=[OrganisationKind.MUNICIPAL_DEPARTMENT, OrganisationKind.MUNICIPAL_BOARD]
    ).exclude(pk__in=succeeded):
        assert Signature.objects.filter(
            organisation=organisation, agreement=current, status=SignatureStatus.ACTIVE
        ).exists(), organisation.name


def test_signatories_are_users_and_the_secretary_can_log_in(db, demo, client):
    emails = {e.lower() for e in Signature.objects.values_list("signatory_email", flat=True)}
    users = set(User.objects.values_list("email", flat=True))
    assert emails <= users
    secretary = User.objects.get(email=SECRETARY_EMAIL)
    assert secretary.full_name == "Sekreterare Demo"
    assert secretary.is_staff and not secretary.is_superuser
    assert is_secretary(secretary)
    assert client.login(email=SECRETARY_EMAIL, password=SECRETARY_PASSWORD)


def test_the_demo_emails_are_history_not_a_queue(db, demo):
    assert demo["emails"] > 0
    assert not OutboundEmail.objects.filter(status=OutboundEmail.Status.QUEUED).exists()


def test_the_register_shows_a_full_first_page(db, demo, client):
    response = client.get(reverse("organisations:register"))
    assert response.status_code == 200
    page = response.context["page"]
    assert len(page.object_list) == 25
    assert page.paginator.count == demo["active_current"]


def test_the_home_page_renders(db, demo, client):
    response = client.get(reverse("core:home"))
    assert response.status_code == 200
    assert response.context["signatory_count"] == demo["active_current"]
    assert CURRENT_TITLE in response.content.decode()


def test_the_demo_only_loads_into_an_empty_database(db, demo):
    with pytest.raises(DemoDatabaseNotEmpty):
        load_demo(seed=SEED, today=TODAY)
