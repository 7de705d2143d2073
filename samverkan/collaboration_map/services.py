"""Every change to the catalogue, the links, the themes and the ladder goes through here.

Each service validates everything before it writes, runs in one transaction and records who
did what in ``CatalogueChange``. A refused change raises ``ValidationError`` with the message
keyed by the field it concerns, so a form can show it next to that field, and nothing is saved.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from samverkan.accounts.models import User
from samverkan.collaboration_map.models import (
    CatalogueChange,
    ContactLink,
    ContactPoint,
    ContactPointKind,
    LadderStep,
    LinkKind,
    Theme,
    Want,
)
from samverkan.core.swedish import sort_key
from samverkan.meetings.models import Body
from samverkan.organisations.models import MUNICIPAL_KINDS, Organisation, OrganisationKind

CONTACT_POINT_FIELDS = (
    "name",
    "slug",
    "kind",
    "purpose",
    "who_takes_part",
    "email",
    "phone",
    "website",
    "visiting_address",
    "owner",
    "organisation_kinds",
    "offers",
    "opening_hours_or_rhythm",
    "description",
    "easy_read_description",
    "body",
    "inquiry_team_slug",
    "position",
)

#: Links that have a direction up a hierarchy: they must not go round in a circle.
HIERARCHICAL_LINKS = frozenset({LinkKind.PART_OF, LinkKind.REPORTS_TO})


def _record(description: str, *, actor: User | None, contact_point: ContactPoint | None = None):
    CatalogueChange.objects.create(
        description=description, actor=actor, contact_point=contact_point
    )


def _one_line(text: str) -> str:
    return " ".join((text or "").split())


def _raise_if(errors: dict[str, list[str]]) -> None:
    if errors:
        raise ValidationError(errors)


def _unique_slug(model, base: str, *, exclude_pk: int | None = None, max_length: int) -> str:
    base = (base or "kontaktyta")[:max_length].strip("-") or "kontaktyta"
    taken = set(
        model.objects.filter(slug__startswith=base)
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    candidate, number = base, 2
    while candidate in taken:
        suffix = f"-{number}"
        candidate = f"{base[: max_length - len(suffix)]}{suffix}"
        number += 1
    return candidate


# --- Themes -----------------------------------------------------------------------------------


def _check_theme(name: str, slug: str, *, exclude_pk: int | None) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not name:
        errors["name"] = [_("Enter the name of the theme.")]
    elif Theme.objects.filter(name__iexact=name).exclude(pk=exclude_pk).exists():
        errors["name"] = [_("There is already a theme called %(name)s.") % {"name": name}]
    if slug and Theme.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        errors["slug"] = [
            _("The short name %(slug)s is already used by another theme.") % {"slug": slug}
        ]
    return errors


@transaction.atomic
def theme_create(*, name: str, slug: str = "", actor: User | None = None) -> Theme:
    """Add a theme. Its name is unique whatever the case; the short name is made from the
    name unless given."""
    name = _one_line(name)
    explicit = slugify(slug)
    _raise_if(_check_theme(name, explicit, exclude_pk=None))
    theme = Theme(
        name=name,
        slug=explicit or _unique_slug(Theme, slugify(name), max_length=100),
        name_sort=sort_key(name),
    )
    theme.full_clean()
    theme.save()
    _record(_("Theme %(name)s added.") % {"name": theme.name}, actor=actor)
    return theme


@transaction.atomic
def theme_update(*, theme: Theme, name: str, slug: str = "", actor: User | None = None) -> Theme:
    """Rename a theme; contact points keep it."""
    name = _one_line(name)
    explicit = slugify(slug) or theme.slug
    _raise_if(_check_theme(name, explicit, exclude_pk=theme.pk))
    before = theme.name
    theme.name, theme.slug, theme.name_sort = name, explicit, sort_key(name)
    theme.full_clean()
    theme.save()
    _record(
        _("Theme %(before)s renamed %(name)s.") % {"before": before, "name": name}
        if before != name
        else _("Theme %(name)s changed.") % {"name": name},
        actor=actor,
    )
    return theme


@transaction.atomic
def theme_delete(*, theme: Theme, actor: User | None = None) -> None:
    """Remove a theme; the contact points that had it lose it, nothing else changes."""
    name = theme.name
    theme.delete()
    _record(_("Theme %(name)s removed.") % {"name": name}, actor=actor)


# --- Contact points ---------------------------------------------------------------------------


def _check_choices(values: Iterable[str], allowed: Iterable[str]) -> list[str]:
    allowed_set = set(allowed)
    return [value for value in values if value not in allowed_set]


def _normalised_list(values: Iterable[str], allowed: list[str]) -> list[str]:
    """The chosen values once each, in the order of their choices (stable between saves)."""
    chosen = set(values)
    return [value for value in allowed if value in chosen]


def _check_contact_point(
    contact_point: ContactPoint, *, explicit_slug: bool, themes: Iterable[Theme] | None
) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not contact_point.name:
        errors["name"] = [_("Enter the name of the contact point.")]
    if contact_point.kind not in ContactPointKind.values:
        errors["kind"] = [_("Choose what kind of contact point it is.")]
    if _check_choices(contact_point.organisation_kinds, OrganisationKind.values):
        errors["organisation_kinds"] = [_("Choose kinds of organisation from the list.")]
    if _check_choices(contact_point.offers, Want.values):
        errors["offers"] = [_("Choose what organisations can come here for from the list.")]
    if (
        explicit_slug
        and ContactPoint.objects.filter(slug=contact_point.slug)
        .exclude(pk=contact_point.pk)
        .exists()
    ):
        errors["slug"] = [
            _("The short name %(slug)s is already used by another contact point.")
            % {"slug": contact_point.slug}
        ]
    if contact_point.owner is not None and contact_point.owner.kind not in MUNICIPAL_KINDS:
        errors["owner"] = [
            _("The owner must be a municipal department, board or company, not %(name)s.")
            % {"name": contact_point.owner.name}
        ]
    if contact_point.body is not None:
        other = (
            ContactPoint.objects.filter(body=contact_point.body)
            .exclude(pk=contact_point.pk)
            .first()
        )
        if other is not None:
            errors["body"] = [
                _("%(body)s is already shown as the contact point %(name)s.")
                % {"body": contact_point.body.name, "name": other.name}
            ]
    if themes is not None and any(theme.pk is None for theme in themes):
        errors["themes"] = [_("Choose themes from the list.")]
    return errors


def _full_clean(contact_point: ContactPoint, errors: dict[str, list[str]]) -> None:
    """Model validation (lengths, markup, email and web address) merged with ours."""
    try:
        contact_point.full_clean(exclude=["slug", "body"], validate_unique=False)
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            if field not in errors:  # ours say it more plainly
                errors[field] = messages
    _raise_if(errors)


@transaction.atomic
def contact_point_create(
    *,
    name: str,
    kind: str,
    actor: User | None = None,
    slug: str = "",
    themes: Iterable[Theme] = (),
    organisation_kinds: Iterable[str] = (),
    offers: Iterable[str] = (),
    owner: Organisation | None = None,
    body: Body | None = None,
    **fields: object,
) -> ContactPoint:
    """Add a contact point to the catalogue. It is public at once (active).

    The short name in its address is made from the name unless given; a body from the
    council's pages can be given, and is then shown through this contact point."""
    unknown = set(fields) - set(CONTACT_POINT_FIELDS)
    if unknown:
        raise TypeError(f"Unknown contact point fields: {sorted(unknown)}")
    themes = list(themes)
    contact_point = ContactPoint(
        name=_one_line(name),
        kind=kind,
        owner=owner,
        body=body,
        organisation_kinds=list(organisation_kinds),
        offers=list(offers),
        **fields,
    )
    explicit = slugify(slug)
    contact_point.slug = explicit or "-"
    errors = _check_contact_point(contact_point, explicit_slug=bool(explicit), themes=themes)
    _full_clean(contact_point, errors)
    contact_point.slug = explicit or _unique_slug(
        ContactPoint, slugify(contact_point.name), max_length=80
    )
    contact_point.name_sort = sort_key(contact_point.name)
    contact_point.organisation_kinds = _normalised_list(
        contact_point.organisation_kinds, OrganisationKind.values
    )
    contact_point.offers = _normalised_list(contact_point.offers, Want.values)
    contact_point.save()
    contact_point.themes.set(themes)
    _record(
        _("Contact point %(name)s added.") % {"name": contact_point.name},
        actor=actor,
        contact_point=contact_point,
    )
    return contact_point


@transaction.atomic
def contact_point_update(
    *,
    contact_point: ContactPoint,
    actor: User | None = None,
    themes: Iterable[Theme] | None = None,
    **fields: object,
) -> ContactPoint:
    """Change a contact point. Only the fields given change; ``themes`` replaces the themes."""
    unknown = set(fields) - set(CONTACT_POINT_FIELDS)
    if unknown:
        raise TypeError(f"Unknown contact point fields: {sorted(unknown)}")
    contact_point = ContactPoint.objects.select_for_update().get(pk=contact_point.pk)
    themes = list(themes) if themes is not None else None
    # An empty short name keeps the address the contact point has: links to it keep working.
    new_slug = slugify(str(fields.pop("slug", "") or ""))
    for field, value in fields.items():
        setattr(contact_point, field, value)
    if "name" in fields:
        contact_point.name = _one_line(contact_point.name)
    explicit = bool(new_slug) and new_slug != contact_point.slug
    if explicit:
        contact_point.slug = new_slug
    errors = _check_contact_point(contact_point, explicit_slug=explicit, themes=themes)
    _full_clean(contact_point, errors)
    contact_point.name_sort = sort_key(contact_point.name)
    contact_point.organisation_kinds = _normalised_list(
        contact_point.organisation_kinds, OrganisationKind.values
    )
    contact_point.offers = _normalised_list(contact_point.offers, Want.values)
    contact_point.save()
    if themes is not None:
        contact_point.themes.set(themes)
    _record(
        _("Contact point %(name)s changed.") % {"name": contact_point.name},
        actor=actor,
        contact_point=contact_point,
    )
    return contact_point


@transaction.atomic
def contact_point_create_from_body(*, body: Body, actor: User | None = None) -> ContactPoint:
    """Adopt a body from the council's pages as a forum in the catalogue, so that themes,
    contact details and links can be added. The body's page stays where it is."""
    existing = ContactPoint.objects.filter(body=body).first()
    if existing is not None:
        raise ValidationError(
            {
                "body": _("%(body)s is already shown as the contact point %(name)s.")
                % {"body": body.name, "name": existing.name}
            }
        )
    taken = ContactPoint.objects.filter(slug=body.slug).exists()
    return contact_point_create(
        name=body.name,
        kind=ContactPointKind.FORUM,
        slug="" if taken else body.slug,
        purpose=body.purpose,
        body=body,
        actor=actor,
    )


def _set_active(contact_point: ContactPoint, active: bool, actor: User | None) -> ContactPoint:
    contact_point = ContactPoint.objects.select_for_update().get(pk=contact_point.pk)
    if contact_point.is_active == active:
        return contact_point
    contact_point.is_active = active
    contact_point.save(update_fields=["is_active", "updated_at"])
    message = (
        _("Contact point %(name)s made active again.")
        if active
        else _("Contact point %(name)s deactivated.")
    )
    _record(message % {"name": contact_point.name}, actor=actor, contact_point=contact_point)
    return contact_point


@transaction.atomic
def contact_point_deactivate(*, contact_point: ContactPoint, actor: User | None = None):
    """Take a contact point off the catalogue, the map and the ladder. Its links and history
    are kept, so it can be made active again."""
    return _set_active(contact_point, False, actor)


@transaction.atomic
def contact_point_activate(*, contact_point: ContactPoint, actor: User | None = None):
    """Put a deactivated contact point back on the catalogue, the map and the ladder."""
    return _set_active(contact_point, True, actor)


# --- Links ------------------------------------------------------------------------------------


def _reaches(start: ContactPoint, goal: ContactPoint, kind: str) -> bool:
    """Whether following ``kind`` links from ``start`` leads to ``goal``."""
    edges: dict[int, set[int]] = {}
    for source, target in ContactLink.objects.filter(kind=kind).values_list(
        "source_id", "target_id"
    ):
        edges.setdefault(source, set()).add(target)
    seen, todo = set(), [start.pk]
    while todo:
        current = todo.pop()
        if current == goal.pk:
            return True
        if current in seen:
            continue
        seen.add(current)
        todo.extend(edges.get(current, ()))
    return False


@transaction.atomic
def contact_link_create(
    *, source: ContactPoint, target: ContactPoint, kind: str, actor: User | None = None
) -> ContactLink:
    """Link two contact points: ``source`` *kind* ``target`` ("the working group is part of
    the council"). A contact point is never linked to itself, the same link is never made
    twice, "works with" is one link whichever way it is entered, and "is part of" and
    "reports to" never go round in a circle."""
    if kind not in LinkKind.values:
        raise ValidationError({"kind": _("Choose the kind of link from the list.")})
    if source.pk == target.pk:
        raise ValidationError({"target": _("A contact point cannot be linked to itself.")})
    names = {"source": source.name, "target": target.name}
    if ContactLink.objects.filter(source=source, target=target, kind=kind).exists():
        raise ValidationError(
            {"target": _("%(source)s is already linked to %(target)s that way.") % names}
        )
    if (
        kind == LinkKind.WORKS_WITH
        and ContactLink.objects.filter(source=target, target=source, kind=kind).exists()
    ):
        raise ValidationError({"target": _("%(target)s already works with %(source)s.") % names})
    if kind in HIERARCHICAL_LINKS and _reaches(target, source, kind):
        raise ValidationError(
            {
                "target": _(
                    "That would make a circle: %(target)s already leads back to %(source)s that way."
                )
                % names
            }
        )
    try:
        with transaction.atomic():
            link = ContactLink.objects.create(source=source, target=target, kind=kind)
    except IntegrityError as error:  # a concurrent request made the same link
        raise ValidationError(
            {"target": _("%(source)s is already linked to %(target)s that way.") % names}
        ) from error
    _record(
        _("Link added: %(source)s %(kind)s %(target)s.") % {**names, "kind": LinkKind(kind).label},
        actor=actor,
        contact_point=source,
    )
    return link


@transaction.atomic
def contact_link_delete(*, link: ContactLink, actor: User | None = None) -> None:
    """Remove a link between two contact points."""
    source, target, kind = link.source, link.target, link.kind
    link.delete()
    _record(
        _("Link removed: %(source)s %(kind)s %(target)s.")
        % {"source": source.name, "target": target.name, "kind": LinkKind(kind).label},
        actor=actor,
        contact_point=source,
    )


# --- The ladder -------------------------------------------------------------------------------


def _check_step(step: LadderStep) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if LadderStep.objects.filter(position=step.position).exclude(pk=step.pk).exists():
        errors["position"] = [
            _("There is already a step number %(number)s.") % {"number": step.position}
        ]
    if _check_choices(step.wants, Want.values):
        errors["wants"] = [_("Choose answers from the list.")]
    else:
        for other in LadderStep.objects.exclude(pk=step.pk):
            for want in set(step.wants) & set(other.wants):
                errors.setdefault("wants", []).append(
                    _(
                        "“%(want)s” already leads to step %(number)s, %(name)s. Remove it there first."
                    )
                    % {"want": Want(want).label, "number": other.position, "name": other.name}
                )
    try:
        step.full_clean(validate_unique=False)
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            if field not in errors:
                errors[field] = messages
    return errors


@transaction.atomic
def ladder_step_create(
    *,
    position: int,
    name: str,
    explanation: str,
    wants: Iterable[str] = (),
    actor: User | None = None,
) -> LadderStep:
    """Add a step to the ladder. Each answer to "what do you want?" leads to one step at most."""
    step = LadderStep(
        position=position, name=_one_line(name), explanation=explanation.strip(), wants=list(wants)
    )
    _raise_if(_check_step(step))
    step.wants = _normalised_list(step.wants, Want.values)
    step.save()
    _record(_("Ladder step %(name)s added.") % {"name": step.name}, actor=actor)
    return step


@transaction.atomic
def ladder_step_update(
    *,
    step: LadderStep,
    position: int,
    name: str,
    explanation: str,
    wants: Iterable[str],
    actor: User | None = None,
) -> LadderStep:
    """Change a step of the ladder: its number, name, explanation and the answers leading to it."""
    step = LadderStep.objects.select_for_update().get(pk=step.pk)
    step.position, step.name = position, _one_line(name)
    step.explanation, step.wants = explanation.strip(), list(wants)
    _raise_if(_check_step(step))
    step.wants = _normalised_list(step.wants, Want.values)
    step.save()
    _record(_("Ladder step %(name)s changed.") % {"name": step.name}, actor=actor)
    return step


@transaction.atomic
def ladder_step_delete(*, step: LadderStep, actor: User | None = None) -> None:
    name = step.name
    step.delete()
    _record(_("Ladder step %(name)s removed.") % {"name": name}, actor=actor)


@dataclass(frozen=True)
class StandardStep:
    name: str
    explanation: str
    wants: tuple[str, ...]


#: The four steps of the ladder as the council describes them, in plain Swedish (data, like
#: the demo's texts: the secretary edits them afterwards).
STANDARD_LADDER = (
    StandardStep(
        "Information",
        "Ni får veta vad som händer och vad kommunen erbjuder: bidrag, lokaler, utbildningar "
        "och nyheter. Det är det första steget och passar alla. Ni behöver inte binda er till "
        "något.",
        (Want.INFORMATION, Want.GRANT, Want.PREMISES),
    ),
    StandardStep(
        "Samråd och dialog",
        "Kommunen frågar vad ni tycker innan något bestäms, till exempel i en remiss eller på "
        "ett dialogmöte. Ni berättar om era erfarenheter och kommunen lyssnar. Kommunen "
        "bestämmer sedan själv.",
        (Want.DIALOGUE, Want.CONSULTATION),
    ),
    StandardStep(
        "Inflytande och samarbete",
        "Ni är med och formar arbetet tillsammans med kommunen, till exempel i "
        "Samverkansrådet, i en arbetsgrupp eller en områdesgrupp, eller med volontärer i en "
        "gemensam aktivitet. Ni har ett verkligt inflytande över hur det blir.",
        (Want.VOLUNTEERS,),
    ),
    StandardStep(
        "Partnerskap och IOP",
        "Ni och kommunen driver något tillsammans under lång tid och delar ansvar, resurser "
        "och risk. Ett idéburet offentligt partnerskap (IOP) är ett skriftligt avtal om "
        "ett sådant samarbete. Det passar när ni redan har samverkat en tid.",
        (Want.PARTNERSHIP,),
    ),
)


@transaction.atomic
def ladder_create_standard_steps(*, actor: User | None = None) -> list[LadderStep]:
    """Create the four standard steps of the ladder, if the ladder has no steps yet."""
    if LadderStep.objects.exists():
        raise ValidationError(_("The ladder already has steps. Change them one by one instead."))
    return [
        ladder_step_create(
            position=number,
            name=step.name,
            explanation=step.explanation,
            wants=step.wants,
            actor=actor,
        )
        for number, step in enumerate(STANDARD_LADDER, start=1)
    ]
