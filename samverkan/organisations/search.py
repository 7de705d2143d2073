"""The register in the one search: organisations with an active signature are public."""

from django.db.models import Prefetch
from django.urls import reverse

from samverkan.organisations.models import (
    Agreement,
    Area,
    District,
    Organisation,
    OrganisationKind,
    Signature,
    SignatureStatus,
    TargetGroup,
)
from samverkan.search import labels
from samverkan.search.registry import Document, Source, register


def _active_signatures():
    return Signature.objects.filter(
        status=SignatureStatus.ACTIVE, agreement__status=Agreement.Status.PUBLISHED
    ).only("pk", "organisation_id")


def _queryset():
    return Organisation.objects.prefetch_related(
        "areas",
        "districts",
        "target_groups",
        Prefetch("signatures", queryset=_active_signatures(), to_attr="search_active_signatures"),
    )


def document(organisation: Organisation) -> Document | None:
    """Public while it has an active signature of a published agreement (the register)."""
    active = getattr(organisation, "search_active_signatures", None)
    if active is None:
        active = list(_active_signatures().filter(organisation=organisation))
    if not active:
        return None
    return Document(
        title=organisation.name,
        text="\n\n".join(
            t for t in (organisation.description, organisation.easy_read_description) if t
        ),
        path=reverse("organisations:organisation_detail", args=[organisation.pk]),
        date=None,
        extra=" ".join(
            [
                str(OrganisationKind(organisation.kind).label),
                organisation.organisation_number or "",
                *(a.name for a in organisation.areas.all()),
                *(t.name for t in organisation.target_groups.all()),
                *(d.name for d in organisation.districts.all()),
            ]
        ),
    )


def _stub(pk: int) -> Organisation:
    return Organisation(pk=pk)


register(
    Source(
        kind="organisation",
        label=labels.ORGANISATIONS,
        model=Organisation,
        document=document,
        queryset=_queryset,
        dependants={
            Signature: lambda s: [_stub(s.organisation_id)],
            # Publishing an agreement makes its active signatures count.
            Agreement: lambda a: [
                _stub(pk)
                for pk in Signature.objects.filter(agreement=a).values_list(
                    "organisation_id", flat=True
                )
            ],
            Area: lambda term: term.organisation_set.all(),
            TargetGroup: lambda term: term.organisation_set.all(),
            District: lambda term: term.organisation_set.all(),
        },
    )
)
