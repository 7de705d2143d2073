"""Contact points in the one search: every active contact point of the catalogue is public."""

from samverkan.collaboration_map.models import ContactPoint, ContactPointKind, Theme
from samverkan.organisations.models import Organisation
from samverkan.search import labels
from samverkan.search.registry import Document, Source, register


def document(contact_point: ContactPoint) -> Document | None:
    if not contact_point.is_active:
        return None
    texts = (
        contact_point.purpose,
        contact_point.description,
        contact_point.who_takes_part,
        contact_point.opening_hours_or_rhythm,
    )
    return Document(
        title=contact_point.name,
        text="\n\n".join(t for t in texts if t),
        path=contact_point.get_absolute_url(),
        date=None,
        extra=" ".join(
            [
                str(ContactPointKind(contact_point.kind).label),
                contact_point.easy_read_description,
                contact_point.visiting_address,
                contact_point.owner.name if contact_point.owner else "",
                *(theme.name for theme in contact_point.themes.all()),
            ]
        ),
    )


register(
    Source(
        kind="contact_point",
        label=labels.CONTACT_POINTS,
        model=ContactPoint,
        document=document,
        queryset=lambda: ContactPoint.objects.select_related("owner").prefetch_related("themes"),
        dependants={
            Theme: lambda theme: theme.contact_points.all(),
            Organisation: lambda organisation: organisation.contact_points.all(),
        },
    )
)
