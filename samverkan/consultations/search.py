"""What consultations put in the one search: the consultations (every public state) and
their published responses."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from samverkan.consultations.models import (
    PUBLIC_STATES,
    Consultation,
    ConsultationDocument,
    ConsultationResponse,
)
from samverkan.search.registry import Document, Source, register


def consultation_document(consultation: Consultation) -> Document | None:
    if not consultation.is_public:
        return None
    day = consultation.opened_at or consultation.announced_at or consultation.created_at
    return Document(
        title=consultation.title,
        text="\n\n".join(
            t
            for t in (
                consultation.summary,
                consultation.easy_read_summary,
                consultation.decision_account,
            )
            if t
        ),
        path=reverse("consultations:detail", args=[consultation.pk]),
        date=timezone.localdate(day) if day else None,
        extra=" ".join(
            [
                consultation.reference_number,
                consultation.department.name,
                *(d.title for d in consultation.documents.all()),
            ]
        ),
    )


def response_document(response: ConsultationResponse) -> Document | None:
    if not response.is_published:
        return None
    consultation = response.consultation
    return Document(
        title=gettext("Response from %(organisation)s to %(consultation)s")
        % {"organisation": response.responder_display, "consultation": consultation.title},
        text=response.text,
        path=reverse("consultations:detail", args=[consultation.pk]) + f"#svar-{response.pk}",
        date=timezone.localdate(response.received_at),
        extra=response.reference or "",
    )


register(
    Source(
        kind="consultation",
        label=_("Consultations"),
        model=Consultation,
        document=consultation_document,
        queryset=lambda: (
            Consultation.objects.filter(state__in=PUBLIC_STATES)
            .select_related("department")
            .prefetch_related("documents")
        ),
        dependants={
            ConsultationDocument: lambda d: [d.consultation],
        },
    )
)

register(
    Source(
        kind="consultation_response",
        label=_("Consultation responses"),
        model=ConsultationResponse,
        document=response_document,
        queryset=lambda: ConsultationResponse.objects.published().select_related(
            "consultation", "organisation"
        ),
        dependants={Consultation: lambda c: c.responses.all()},
    )
)
