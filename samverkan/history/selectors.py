"""Reading the history of a record, and the inbound items for the registry (diarium)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.history.models import ChangeRecord
from samverkan.history.tracking import tracked_models


def tracked_model(app_label: str, model_name: str) -> type[models.Model] | None:
    for model in tracked_models():
        if model._meta.app_label == app_label and model._meta.model_name == model_name:
            return model
    return None


def object_history(model: type[models.Model], object_id: str) -> QuerySet[ChangeRecord]:
    return ChangeRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id=object_id
    ).select_related("actor")


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: object
    after: object


def field_changes(model: type[models.Model], record: ChangeRecord) -> list[FieldChange]:
    """The record's changes with the fields' names in the current language, in field order."""
    order = {field.name: n for n, field in enumerate(model._meta.concrete_fields)}
    changes = []
    for name in sorted(record.changes, key=lambda name: order.get(name, len(order))):
        before, after = record.changes[name]
        try:
            label = str(model._meta.get_field(name).verbose_name)
        except Exception:  # a field since removed
            label = name
        changes.append(FieldChange(label=label[:1].upper() + label[1:], before=before, after=after))
    return changes


@dataclass(frozen=True)
class InboundItem:
    kind: str
    reference: str
    received_at: datetime
    subject: str
    sender: str


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    zone = timezone.get_current_timezone()
    return (
        datetime.combine(start, time.min, tzinfo=zone),
        datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone),
    )


def inbound_items(start: date, end: date) -> list[InboundItem]:
    """What arrived between ``start`` and ``end`` (inclusive, Swedish time) and was
    registered: inquiries through En väg in, consultation responses and signatures of the
    agreement; in order of arrival."""
    from samverkan.consultations.models import ConsultationResponse
    from samverkan.inquiries.models import Inquiry
    from samverkan.organisations.models import Signature

    since, until = _bounds(start, end)
    items = [
        InboundItem(
            kind=_("Inquiry"),
            reference=inquiry.reference,
            received_at=inquiry.received_at,
            subject=inquiry.subject,
            sender=inquiry.organisation.name
            if inquiry.organisation
            else inquiry.organisation_text or inquiry.sender_name,
        )
        for inquiry in Inquiry.objects.filter(
            received_at__gte=since, received_at__lt=until, reference__isnull=False
        ).select_related("organisation")
    ]
    items += [
        InboundItem(
            kind=_("Consultation response"),
            reference=response.reference,
            received_at=response.received_at,
            subject=_("Response to %(consultation)s (%(number)s)")
            % {
                "consultation": response.consultation.title,
                "number": response.consultation.reference_number,
            },
            sender=response.organisation.name
            if response.organisation
            else response.organisation_text or response.responder_name,
        )
        for response in ConsultationResponse.objects.filter(
            received_at__gte=since, received_at__lt=until, reference__isnull=False
        ).select_related("consultation", "organisation")
    ]
    items += [
        InboundItem(
            kind=_("Signature of the agreement"),
            reference="",
            received_at=signature.signed_at,
            subject=signature.agreement.title,
            sender=signature.organisation.name,
        )
        for signature in Signature.objects.filter(
            signed_at__gte=since, signed_at__lt=until
        ).select_related("agreement", "organisation")
    ]
    return sorted(items, key=lambda item: (item.received_at, item.reference))
