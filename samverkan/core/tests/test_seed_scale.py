"""`samverkan seed_scale`: the counts asked for, the same data for the same seed, invariants
the services keep, and the public pages answer on the data."""

import re
from collections import defaultdict
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone

from samverkan.collaboration_map.models import ContactPoint
from samverkan.consultations.models import Consultation, ConsultationResponse
from samverkan.core import scale
from samverkan.core.backup import database_fingerprint
from samverkan.core.swedish import normalise_organisation_number
from samverkan.inquiries.models import Inquiry, InquiryCounter
from samverkan.meetings.models import AgendaItem, Body, Meeting, Person
from samverkan.organisations.models import Agreement, Organisation, Signature
from samverkan.organisations.selectors import agreement_current
from samverkan.search.models import SearchEntry
from samverkan.subscriptions.models import Subscriber, SubscriptionTopic
from samverkan.watchlist.models import WatchItem

SMALL = ["--scale", "0.002"]
# What --scale 0.002 gives (the defaults times 0.002, never below the minimums).
EXPECTED = {
    Organisation: 40,
    Person: 100,
    Body: 2,
    Meeting: 20,
    AgendaItem: 200,
    Consultation: 5,
    ConsultationResponse: 60,
    ContactPoint: 1,
    Inquiry: 40,
    WatchItem: 10,
    Subscriber: 100,
}


def _seed(*args: str, seed: int = 7) -> str:
    out = StringIO()
    call_command("seed_scale", "--seed", str(seed), *args, stdout=out)
    return out.getvalue()


def _fingerprint() -> dict:
    """Every backed-up model but the role groups (a migration makes them; flush removes them)."""
    return {k: v for k, v in database_fingerprint().items() if k != "auth.group"}


def _numbers_are_gapless(references: list[str]) -> None:
    by_year = defaultdict(list)
    for reference in references:
        _prefix, year, number = reference.split("-")
        by_year[int(year)].append(int(number))
    for numbers in by_year.values():
        assert sorted(numbers) == list(range(1, len(numbers) + 1))


@pytest.mark.django_db
def test_scaled_counts_the_invariants_and_the_public_pages(client):
    output = _seed(*SMALL)

    assert re.search(r"Done in [0-9.]+ s", output)
    assert {model: model.objects.count() for model in EXPECTED} == EXPECTED
    assert scale.scaled_counts(0.002)["organisations"] == 40

    # Exactly one agreement period covers today, and most organisations signed it.
    today = timezone.localdate()
    current = agreement_current()
    assert Agreement.objects.filter(period_start__lte=today, period_end__gte=today).count() == 1
    assert Agreement.objects.count() == 3
    assert Signature.objects.filter(agreement=current, status="active").count() >= 15
    # Organisation numbers are valid (Luhn, not personal identity numbers) and sort keys set.
    for number in Organisation.objects.exclude(organisation_number=None).values_list(
        "organisation_number", flat=True
    ):
        assert normalise_organisation_number(number) == number
    assert not Organisation.objects.filter(name_sort="").exists()
    assert not Organisation.objects.filter(search_document="").exists()
    # Reference numbers run without gaps within each year; counters know the last ones.
    inquiry_refs = list(Inquiry.objects.registered().values_list("reference", flat=True))
    _numbers_are_gapless(inquiry_refs)
    assert sum(InquiryCounter.objects.values_list("last_number", flat=True)) == len(inquiry_refs)
    _numbers_are_gapless(list(ConsultationResponse.objects.values_list("reference", flat=True)))
    # Consultations in every public state; published responses; subscribers with topics.
    assert set(Consultation.objects.values_list("state", flat=True)) >= {
        "announced",
        "open",
        "closed",
        "decided",
    }
    assert ConsultationResponse.objects.published().exists()
    assert SubscriptionTopic.objects.count() >= Subscriber.objects.count()
    assert SearchEntry.objects.count() > 40

    organisation = Organisation.objects.filter(
        signatures__agreement=current, signatures__status="active"
    ).first()
    meeting = Meeting.objects.filter(visibility="public", minutes_status="published").first()
    consultation = Consultation.objects.filter(state="open").first()
    point = ContactPoint.objects.first()
    pages = [
        reverse("core:home"),
        reverse("organisations:register"),
        reverse("organisations:organisation_detail", args=[organisation.pk]),
        reverse("meetings:meeting_detail", args=[meeting.pk]),
        reverse("meetings:calendar"),
        reverse("meetings:decisions"),
        reverse("collaboration_map:map"),
        reverse("collaboration_map:contact_point", args=[point.slug]),
        reverse("consultations:list"),
        reverse("consultations:detail", args=[consultation.pk]),
        reverse("watchlist:list"),
    ]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
    assert organisation.name in client.get(reverse("organisations:register")).content.decode()
    assert (
        meeting.agenda_items.first().title
        in client.get(reverse("meetings:meeting_detail", args=[meeting.pk])).content.decode()
    )
    found = client.get(reverse("search:results"), {"q": "förening"})
    assert found.status_code == 200
    assert "föreningen" in found.content.decode().casefold()


@pytest.mark.django_db
def test_explicit_numbers_win_over_the_scale():
    _seed("--scale", "0.001", "--organisations", "30", "--meetings", "7", "--responses", "9")

    assert Organisation.objects.count() == 30
    assert Meeting.objects.count() == 7
    assert ConsultationResponse.objects.count() == 9
    assert Person.objects.count() == 50


@pytest.mark.django_db(transaction=True)
def test_the_same_seed_gives_the_same_data_and_another_seed_does_not():
    # From the same start: earlier transactional tests may have moved the id sequences on,
    # and flush resets them.
    call_command("flush", interactive=False, verbosity=0)
    _seed(*SMALL, seed=11)
    first = _fingerprint()
    assert first["organisations.organisation"]["rows"] == 40

    call_command("flush", interactive=False, verbosity=0)
    _seed(*SMALL, seed=11)
    assert _fingerprint() == first

    call_command("flush", interactive=False, verbosity=0)
    _seed(*SMALL, seed=12)
    other = _fingerprint()
    assert other["organisations.organisation"] != first["organisations.organisation"]


@pytest.mark.django_db
def test_it_refuses_a_database_that_has_data():
    Organisation.objects.create(name="Redan här", kind="association")

    with pytest.raises(CommandError, match="not empty"):
        _seed(*SMALL)
    assert Organisation.objects.count() == 1


@pytest.mark.django_db
def test_it_refuses_negative_numbers():
    with pytest.raises(CommandError, match="cannot be negative"):
        _seed("--people", "-1")
    with pytest.raises(CommandError, match="greater than 0"):
        _seed("--scale", "0")
    assert not Organisation.objects.exists()
