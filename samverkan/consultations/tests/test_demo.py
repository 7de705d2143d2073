"""The consultations demo, loaded after the organisations, meetings and map demos: every
state, responses, one in secrecy review and one superseded; the public pages render.

Loaded once for the module inside a transaction that is rolled back at the end."""

import pytest
from django.db import transaction
from django.urls import reverse

from samverkan.collaboration_map.demo import load_demo as load_map
from samverkan.consultations.demo import load_demo
from samverkan.consultations.models import Consultation, ConsultationResponse
from samverkan.meetings.demo import load_demo as load_meetings
from samverkan.organisations.demo import DemoDatabaseNotEmpty
from samverkan.organisations.demo import load_demo as load_organisations


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        load_organisations(seed=2024)
        load_meetings(seed=2024)
        load_map(seed=2024)
        yield load_demo(seed=2024)
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_the_demo_has_consultations_in_every_state(demo, client):
    assert demo["consultations"] >= 8
    states = set(Consultation.objects.values_list("state", flat=True))
    assert states == {"draft", "announced", "open", "closed", "decided"}
    assert demo["responses_in_secrecy_review"] >= 1
    assert demo["responses_superseded"] >= 1
    assert ConsultationResponse.objects.published().exists()
    assert client.get(reverse("consultations:list")).status_code == 200
    for consultation in Consultation.objects.public():
        page = client.get(reverse("consultations:detail", args=[consultation.pk]))
        assert page.status_code == 200
    with pytest.raises(DemoDatabaseNotEmpty):
        load_demo(seed=2024)
