"""Reads for the consultation pages, each with a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Case, IntegerField, Prefetch, QuerySet, Value, When
from django.utils import timezone

from samverkan.accounts.rules import Viewer
from samverkan.consultations.models import (
    PUBLIC_EVENT_KINDS,
    PUBLIC_STATES,
    Consultation,
    ConsultationEvent,
    ConsultationResponse,
    Consultee,
    ResponseStatus,
)
from samverkan.consultations.rules import (
    can_answer_for,
    represented_organisation_ids,
    represented_organisation_ids_query,
)
from samverkan.core.queries import many_to_many_load
from samverkan.organisations.models import MUNICIPAL_KINDS, Organisation


@dataclass(frozen=True)
class ConsultationFilter:
    state: str = ""
    theme: str = ""  # slug
    district: str = ""  # slug
    department: int | None = None


def _with_tags(queryset: QuerySet[Consultation]) -> QuerySet[Consultation]:
    from samverkan.collaboration_map.models import Theme
    from samverkan.organisations.models import District

    return queryset.select_related("department").prefetch_related(
        Prefetch("themes", queryset=Theme.objects.order_by("name_sort")),
        Prefetch("districts", queryset=District.objects.order_by("name_sort")),
    )


def consultation_list(criteria: ConsultationFilter, *, public: bool = True):
    """Public consultations (all, for the secretary), the open ones first by reply-by date,
    then the announced ones, then the closed and decided, newest first."""
    queryset = Consultation.objects.all()
    if public:
        queryset = queryset.public()
    if criteria.state:
        queryset = queryset.filter(state=criteria.state)
    if criteria.theme:
        queryset = queryset.filter(themes__slug=criteria.theme)
    if criteria.district:
        queryset = queryset.filter(districts__slug=criteria.district)
    if criteria.department:
        queryset = queryset.filter(department_id=criteria.department)
    order = Case(
        When(state="open", then=Value(0)),
        When(state="announced", then=Value(1)),
        When(state="draft", then=Value(2)),
        default=Value(3),
        output_field=IntegerField(),
    )
    return _with_tags(queryset.distinct()).order_by(order, "reply_by", "-created_at", "-pk")


def departments_with_consultations() -> QuerySet[Organisation]:
    return (
        Organisation.objects.filter(
            kind__in=MUNICIPAL_KINDS,
            consultations__state__in=["announced", "open", "closed", "decided"],
        )
        .distinct()
        .order_by("name_sort")
    )


def municipal_organisations() -> QuerySet[Organisation]:
    return Organisation.objects.filter(kind__in=MUNICIPAL_KINDS).order_by("name_sort", "pk")


def consultation_for_page(pk: int) -> Consultation | None:
    """The consultation with its department, documents, themes and districts (the two lists of
    words read in one query)."""
    consultation = (
        Consultation.objects.select_related("department")
        .prefetch_related("documents")
        .filter(pk=pk)
        .first()
    )
    if consultation is not None:
        many_to_many_load([consultation], ("themes", "districts"))
    return consultation


@dataclass(frozen=True)
class RegisterRow:
    """One line of the consultee register: who was asked, whether and when they answered."""

    organisation_name: str
    asked: bool
    response: ConsultationResponse | None
    extended_until: date | None


def current_responses(consultation: Consultation) -> list[ConsultationResponse]:
    """The current (registered, not replaced) responses, oldest first."""
    responses = list(
        ConsultationResponse.objects.current()
        .filter(consultation=consultation)
        .select_related("organisation")
        .order_by("received_at", "pk")
    )
    for response in responses:
        response.consultation = consultation
    return responses


def consultee_register(
    consultation: Consultation, responses: list[ConsultationResponse] | None = None
) -> list[RegisterRow]:
    """Every consultee with its current response, and every other registered responder.
    `responses`: the consultation's `current_responses`, when the caller has them already."""
    consultees = list(
        Consultee.objects.filter(consultation=consultation).select_related("organisation")
    )
    if responses is None:
        responses = current_responses(consultation)
    by_org = {r.organisation_id: r for r in responses if r.organisation_id}
    rows = [
        RegisterRow(
            c.organisation.name, True, by_org.pop(c.organisation_id, None), c.extended_until
        )
        for c in consultees
    ]
    answered_org_ids = {c.organisation_id for c in consultees}
    rows += [
        RegisterRow(r.responder_display, False, r, None)
        for r in responses
        if r.organisation_id not in answered_org_ids
    ]
    return rows


def published_responses(consultation: Consultation) -> QuerySet[ConsultationResponse]:
    return (
        ConsultationResponse.objects.published()
        .filter(consultation=consultation)
        .select_related("organisation", "consultation")
        .order_by("received_at", "pk")
    )


def published_among(
    consultation: Consultation, responses: list[ConsultationResponse], today: date | None = None
) -> list[ConsultationResponse]:
    """Those of the consultation's `current_responses` that are published: the same rule as
    `ResponseQuerySet.published`, without another query."""
    today = today or timezone.localdate()
    if consultation.state not in PUBLIC_STATES:
        return []
    if consultation.reply_by is None or not consultation.reply_by < today:
        return []
    return [response for response in responses if not response.secrecy_review]


def public_lifecycle(consultation: Consultation) -> QuerySet[ConsultationEvent]:
    return consultation.events.filter(kind__in=PUBLIC_EVENT_KINDS).order_by("at", "pk")


def own_responses(viewer: Viewer, consultation: Consultation) -> QuerySet[ConsultationResponse]:
    """The registered responses of the organisations the viewer represents (one query, none
    for an anonymous viewer)."""
    if not viewer.is_authenticated or not viewer.is_active:
        return ConsultationResponse.objects.none()
    cached = getattr(viewer, "_represented_cache", None)
    # The same organisations as rules.represented_organisation_ids, as a subquery.
    ids = cached if cached is not None else represented_organisation_ids_query(viewer)
    return (
        ConsultationResponse.objects.registered()
        .filter(consultation=consultation, organisation_id__in=ids)
        .select_related("organisation", "consultation")
        .order_by("-received_at")
    )


def answerable_organisations(viewer: Viewer, consultation: Consultation) -> list[Organisation]:
    """The organisations the viewer may answer this consultation for."""
    ids = represented_organisation_ids(viewer)
    if not ids:
        return []
    organisations = Organisation.objects.filter(pk__in=ids).order_by("name_sort")
    return [o for o in organisations if can_answer_for(viewer, consultation, o)]


def all_responses(consultation: Consultation) -> QuerySet[ConsultationResponse]:
    """For the secretary: every registered response, replaced ones too."""
    return (
        ConsultationResponse.objects.filter(
            consultation=consultation, status=ResponseStatus.REGISTERED
        )
        .select_related("organisation", "superseded_by", "consultation")
        .order_by("received_at", "pk")
    )


def history(consultation: Consultation) -> QuerySet[ConsultationEvent]:
    return consultation.events.select_related("actor").order_by("-at", "-pk")
