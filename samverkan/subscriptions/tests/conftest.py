"""Data for the subscription tests, built through the real services.

``topics_setup``
    A :class:`TopicsSetup`: the theme Idrott, the districts Vivalla and Vintrosa, the council
    (a meetings.Body) and a municipal department (Kulturförvaltningen).
``subscribe``
    ``subscribe(email, topics, frequency="weekly", language="sv")`` subscribes and confirms
    through the services (no email delivered) and returns the subscriber.

Helpers: ``path_of(url)``, ``record(kind, title, topics)`` (a happening through
``happening_record``).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from django.db.models import Max

from samverkan.collaboration_map.services import theme_create
from samverkan.core.models import hash_token, new_token
from samverkan.meetings.models import Body, BodyKind
from samverkan.meetings.services import body_create
from samverkan.organisations.models import District, Organisation, OrganisationKind
from samverkan.organisations.services import organisation_create
from samverkan.outbox.models import OutboundEmail
from samverkan.subscriptions import services
from samverkan.subscriptions.models import Happening, Subscriber


@dataclass
class TopicsSetup:
    theme: object
    vivalla: District
    vintrosa: District
    council: Body
    department: Organisation

    @property
    def theme_key(self) -> str:
        return f"theme:{self.theme.slug}"

    @property
    def council_key(self) -> str:
        return f"body:{self.council.pk}"

    @property
    def department_key(self) -> str:
        return f"department:{self.department.pk}"


@pytest.fixture
def topics_setup(db) -> TopicsSetup:
    return TopicsSetup(
        theme=theme_create(name="Idrott", slug="idrott"),
        vivalla=District.objects.create(name="Vivalla", slug="vivalla", name_sort="vivalla"),
        vintrosa=District.objects.create(name="Vintrosa", slug="vintrosa", name_sort="vintrosa"),
        council=body_create(name="Samverkansrådet", slug="samverkansradet", kind=BodyKind.COUNCIL),
        department=organisation_create(
            name="Kulturförvaltningen", kind=OrganisationKind.MUNICIPAL_DEPARTMENT
        ),
    )


def confirm_directly(subscriber: Subscriber) -> Subscriber:
    raw, token_hash = new_token()
    Subscriber.objects.filter(pk=subscriber.pk).update(confirm_token_hash=token_hash)
    return services.subscriber_confirm(raw_token=raw)


@pytest.fixture
def subscribe(db):
    def make(email: str, topics: list[str], frequency: str = "weekly", language: str = "sv"):
        services.subscriber_subscribe(
            email=email, topics=topics, frequency=frequency, language=language
        )
        subscriber = confirm_directly(Subscriber.objects.get(email=email))
        OutboundEmail.objects.filter(to=email).delete()  # the confirmation, already used
        return subscriber

    return make


def record(kind: str, title: str, topics: list[str], **fields) -> Happening:
    happening = services.happening_record(
        kind=kind, title=title, path=f"/test/{title}/", topics=topics, **fields
    )
    assert happening is not None
    return happening


def newest_happening_id() -> int:
    return Happening.objects.aggregate(m=Max("pk"))["m"] or 0


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


__all__ = ["hash_token", "path_of", "record"]
