"""Which handling team gets an inquiry, and what is wrong with the rule set.

The algorithm, in order:

1. If the sender chose a team (for example by following the ladder's link with ``?team=``),
   the inquiry goes to that team: the other doors are not closed.
2. Otherwise the active routing rules are tried by priority (lowest number first, then the
   oldest rule). A rule matches when every condition it sets holds: the kind of request, the
   topic, the kind of organisation, and, for words, any one of its words appearing in the
   subject or the text (case does not matter; a word also matches inside a longer word, which
   suits Swedish compounds: "bidrag" matches "lokalbidraget"). The first match wins.
3. When no rule matches, the fallback team gets it.
4. When there is no fallback team (the services prevent it, but a database can be edited), the
   inquiry is still registered, with no team, and the secretary is emailed to route it by hand.
   No inquiry is ever lost.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import gettext as _

from samverkan.inquiries.models import HandlingTeam, Inquiry, InquiryKind, RoutingRule


@dataclass(frozen=True)
class Routing:
    team: HandlingTeam | None
    routed_by: str
    rule: RoutingRule | None = None


def searchable_text(*texts: str) -> str:
    return " ".join(" ".join(texts).split()).casefold()


def route(
    *,
    kind: str,
    topic_id: int | None,
    organisation_kind: str,
    subject: str,
    text: str,
    requested_team: HandlingTeam | None = None,
) -> Routing:
    """The team for an inquiry with these facts (see the module docstring)."""
    if requested_team is not None:
        return Routing(requested_team, Inquiry.RoutedBy.SENDER)
    haystack = searchable_text(subject, text)
    rules = (
        RoutingRule.objects.filter(is_active=True).select_related("team").order_by("priority", "pk")
    )
    for rule in rules:
        if rule.matches(
            kind=kind, topic_id=topic_id, organisation_kind=organisation_kind, text=haystack
        ):
            return Routing(rule.team, Inquiry.RoutedBy.RULE, rule)
    fallback = HandlingTeam.objects.filter(is_fallback=True).first()
    if fallback is not None:
        return Routing(fallback, Inquiry.RoutedBy.FALLBACK)
    return Routing(None, Inquiry.RoutedBy.NONE)


# --- Warnings for the secretary ----------------------------------------------------------------


@dataclass
class RoutingWarning:
    # "error": inquiries may reach no team; "warning": worth fixing; "info": worth knowing.
    level: str
    message: str
    rules: list[RoutingRule] = field(default_factory=list)
    team: HandlingTeam | None = None


def _signature(rule: RoutingRule) -> tuple:
    return (rule.kind, rule.topic_id, rule.organisation_kind, frozenset(rule.word_list))


def covers(earlier: RoutingRule, later: RoutingRule) -> bool:
    """Whether every inquiry `later` matches is matched by `earlier` already."""
    if earlier.kind and earlier.kind != later.kind:
        return False
    if earlier.topic_id and earlier.topic_id != later.topic_id:
        return False
    if earlier.organisation_kind and earlier.organisation_kind != later.organisation_kind:
        return False
    earlier_words = earlier.word_list
    if not earlier_words:
        return True
    later_words = later.word_list
    # `later` needs one of its words in the text; each of them contains one of earlier's words.
    return bool(later_words) and all(any(a in b for a in earlier_words) for b in later_words)


def _rule_label(rule: RoutingRule) -> str:
    return _("rule %(number)s") % {"number": rule.pk}


def routing_warnings() -> list[RoutingWarning]:
    """What the secretary should know about the rule set: no fallback team, teams with nobody
    in them, rules that overlap or can never match, and kinds of request no rule names."""
    warnings: list[RoutingWarning] = []
    teams = list(HandlingTeam.objects.annotate(member_count=Count("members")).order_by("name"))
    rules = list(
        RoutingRule.objects.filter(is_active=True)
        .select_related("team", "topic")
        .order_by("priority", "pk")
    )
    fallback = next((team for team in teams if team.is_fallback), None)
    if not teams:
        warnings.append(
            RoutingWarning(
                "error",
                _(
                    "There is no handling team yet. Inquiries are registered but reach no team; "
                    "you are emailed about each one."
                ),
            )
        )
    elif fallback is None:
        warnings.append(
            RoutingWarning(
                "error",
                _(
                    "There is no fallback team. Inquiries that match no rule reach no team; you "
                    "are emailed about each one. Choose a fallback team."
                ),
            )
        )
    for team in teams:
        if team.member_count == 0:
            warnings.append(
                RoutingWarning(
                    "warning",
                    _(
                        "Nobody is in the team %(team)s. Inquiries routed there still arrive, and "
                        "the secretary is emailed about each one. Add members."
                    )
                    % {"team": team.name},
                    team=team,
                )
            )

    groups: dict[tuple, list[RoutingRule]] = defaultdict(list)
    for rule in rules:
        groups[_signature(rule)].append(rule)
    reported: set[int] = set()
    for same in groups.values():
        if len({rule.team_id for rule in same}) > 1:
            first, *others = same
            warnings.append(
                RoutingWarning(
                    "warning",
                    _(
                        "%(rules)s have the same conditions but send to different teams. Only "
                        "%(first)s, which comes first, is ever used."
                    )
                    % {
                        "rules": ", ".join(_rule_label(rule) for rule in same),
                        "first": _rule_label(first),
                    },
                    rules=same,
                )
            )
            reported.update(rule.pk for rule in others)
    for index, later in enumerate(rules):
        if later.pk in reported:
            continue
        earlier = next((rule for rule in rules[:index] if covers(rule, later)), None)
        if earlier is not None:
            warnings.append(
                RoutingWarning(
                    "warning",
                    _(
                        "%(later)s never matches: %(earlier)s comes first and catches every "
                        "inquiry it would."
                    )
                    % {"later": _rule_label(later), "earlier": _rule_label(earlier)},
                    rules=[earlier, later],
                )
            )

    named_kinds = {rule.kind for rule in rules if rule.kind}
    for kind in InquiryKind:
        if kind.value in named_kinds:
            continue
        if fallback is not None:
            message = _(
                "No rule is for the kind of request “%(kind)s”. Such inquiries go to the "
                "fallback team %(team)s unless another rule's words, topic or kind of "
                "organisation match."
            ) % {"kind": kind.label, "team": fallback.name}
            warnings.append(RoutingWarning("info", message, team=fallback))
        else:
            message = _(
                "No rule is for the kind of request “%(kind)s” and there is no fallback team: "
                "such inquiries may reach no team."
            ) % {"kind": kind.label}
            warnings.append(RoutingWarning("error", message))
    return warnings
