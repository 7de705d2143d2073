"""A body's composition rules, checked against its members on a day."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from django.utils.translation import gettext as _

from samverkan.meetings.models import Body, BodyKind, CompositionRule, Membership
from samverkan.organisations.models import MUNICIPAL_KINDS


@dataclass(frozen=True)
class RuleResult:
    rule: CompositionRule
    count: int
    ok: bool
    message: str


def _current(body: Body, day: date):
    return (
        Membership.objects.filter(body=body, start__lte=day)
        .filter(Q(end__isnull=True) | Q(end__gte=day))
        .select_related("person", "organisation", "party")
    )


def _within(rule: CompositionRule, count: int) -> bool:
    return (rule.minimum is None or count >= rule.minimum) and (
        rule.maximum is None or count <= rule.maximum
    )


def _expected(rule: CompositionRule) -> str:
    if rule.minimum is not None and rule.maximum is not None:
        if rule.minimum == rule.maximum:
            return _("exactly %(n)s") % {"n": rule.minimum}
        return _("%(a)s to %(b)s") % {"a": rule.minimum, "b": rule.maximum}
    if rule.minimum is not None:
        return _("at least %(n)s") % {"n": rule.minimum}
    return _("at most %(n)s") % {"n": rule.maximum}


def check_composition(body: Body, day: date) -> list[RuleResult]:
    """Each rule of the body with the current count and a message when it is broken."""
    seats = [m for m in _current(body, day) if m.person_id is not None and m.role != "substitute"]
    results = []
    for rule in body.composition_rules.select_related("organisation").order_by("pk"):
        name = rule.description or rule.get_kind_display()
        if rule.kind == CompositionRule.Kind.CIVIL_SOCIETY_MEMBERS:
            count = sum(
                1
                for m in seats
                if m.party_id is None
                and m.role != "secretary"
                and (m.organisation is None or m.organisation.kind not in MUNICIPAL_KINDS)
            )
        elif rule.kind == CompositionRule.Kind.POLITICIANS:
            count = sum(1 for m in seats if m.party_id is not None)
        elif rule.kind == CompositionRule.Kind.FROM_ORGANISATION:
            count = sum(1 for m in seats if m.organisation_id == rule.organisation_id)
        elif rule.kind == CompositionRule.Kind.WITH_TITLE:
            count = sum(1 for m in seats if m.title.strip().lower() == rule.title.strip().lower())
        elif rule.kind == CompositionRule.Kind.WITH_ROLE:
            count = sum(1 for m in seats if m.role == rule.role)
        else:  # every member in at least one working group of this body
            grouped = set(
                Membership.objects.filter(
                    body__parent=body,
                    body__kind=BodyKind.WORKING_GROUP,
                    start__lte=day,
                    person__isnull=False,
                )
                .filter(Q(end__isnull=True) | Q(end__gte=day))
                .values_list("person_id", flat=True)
            )
            missing = sorted(
                {
                    m.person.name
                    for m in seats
                    if m.person_id not in grouped and m.role != "secretary"
                }
            )
            ok = not missing
            message = (
                ""
                if ok
                else _("%(rule)s: not in any working group: %(names)s.")
                % {"rule": name, "names": ", ".join(missing)}
            )
            results.append(RuleResult(rule, len(seats) - len(missing), ok, message))
            continue
        ok = _within(rule, count)
        message = (
            ""
            if ok
            else _("%(rule)s: %(count)s now, should be %(expected)s.")
            % {"rule": name, "count": count, "expected": _expected(rule)}
        )
        results.append(RuleResult(rule, count, ok, message))
    return results
