"""The secretary's pages: teams and routing rules with warnings, the statistics and the
register list for the diarium."""

import csv

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverkan.accounts.decorators import allowed_if
from samverkan.inquiries import rules, selectors, services
from samverkan.inquiries.forms import RuleForm, TeamForm, YearForm
from samverkan.inquiries.models import HandlingTeam, RoutingRule
from samverkan.inquiries.routing import routing_warnings

routing_admin_only = allowed_if(rules.can_administer_routing)


@routing_admin_only
def routing(request: HttpRequest) -> HttpResponse:
    warnings = routing_warnings()
    return render(
        request,
        "inquiries/routing_admin.html",
        {
            "teams": selectors.teams_for(request.user),
            "rules": RoutingRule.objects.select_related("team", "topic").order_by("priority", "pk"),
            "problems": [w for w in warnings if w.level != "info"],
            "notes": [w for w in warnings if w.level == "info"],
            "nav": "inquiries",
        },
    )


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@routing_admin_only
def team_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    team = get_object_or_404(HandlingTeam, pk=pk) if pk else None
    form = TeamForm(request.POST if request.method == "POST" else None, instance=team)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        fields = {name: data[name] for name in services.TEAM_FIELDS}
        try:
            if team is None:
                services.team_create(
                    **fields, is_fallback=data["is_fallback"], member_emails=data["member_emails"]
                )
            else:
                services.team_update(
                    team=team,
                    **fields,
                    is_fallback=data["is_fallback"],
                    member_emails=data["member_emails"],
                )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The team has been saved."))
            return redirect("inquiries:routing")
    return render(
        request,
        "inquiries/team_form.html",
        {"form": form, "team": team, "nav": "inquiries"},
    )


@routing_admin_only
def rule_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    rule = get_object_or_404(RoutingRule, pk=pk) if pk else None
    form = RuleForm(request.POST if request.method == "POST" else None, instance=rule)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in services.RULE_FIELDS}
        try:
            if rule is None:
                services.routing_rule_create(**fields)
            else:
                services.routing_rule_update(rule=rule, **fields)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The rule has been saved."))
            return redirect("inquiries:routing")
    return render(
        request,
        "inquiries/rule_form.html",
        {"form": form, "rule": rule, "nav": "inquiries"},
    )


@require_POST
@routing_admin_only
def rule_delete(request: HttpRequest, pk: int) -> HttpResponse:
    services.routing_rule_delete(rule=get_object_or_404(RoutingRule, pk=pk))
    messages.success(request, _("The rule has been removed."))
    return redirect("inquiries:routing")


@allowed_if(rules.can_see_statistics)
def register_export(request: HttpRequest) -> HttpResponse:
    """The year's registered inquiries as CSV, to take over into the municipality's registry
    (diarium): arrival, reference number, sender, receiving team and a short description."""
    now = timezone.now()
    form = YearForm(request.GET or None, years=selectors.inquiry_years(now))
    year = form.cleaned_data["year"] if form.is_valid() and form.cleaned_data["year"] else None
    year = year or timezone.localtime(now).year
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="en-vag-in-{year}.csv"'
    response["Cache-Control"] = "private, no-store"
    response.write("\ufeff")  # so that spreadsheet programs read the Swedish letters right
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [
            _("Reference number"),
            _("Received"),
            _("Kind of request"),
            _("Subject"),
            _("Sender"),
            _("Organisation"),
            _("Handling team"),
            _("Status"),
            _("First reply"),
            _("Closed"),
        ]
    )

    def moment(value) -> str:
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""

    for inquiry in selectors.register_of_year(year):
        sender = (
            _("personal data erased")
            if inquiry.anonymised_at
            else inquiry.sender_name or inquiry.sender_email
        )
        writer.writerow(
            [
                inquiry.reference,
                moment(inquiry.received_at),
                inquiry.get_kind_display(),
                inquiry.subject,
                sender,
                inquiry.organisation_display,
                inquiry.team.name if inquiry.team else "",
                inquiry.get_status_display(),
                moment(inquiry.first_reply_at),
                moment(inquiry.closed_at),
            ]
        )
    return response


@allowed_if(rules.can_see_statistics)
def statistics(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    years = selectors.inquiry_years(now)
    form = YearForm(request.GET or None, years=years)
    year = form.cleaned_data["year"] if form.is_valid() and form.cleaned_data["year"] else None
    stats = selectors.inquiry_statistics(year, now=now)
    return render(
        request,
        "inquiries/inquiry_statistics.html",
        {"stats": stats, "form": form, "nav": "inquiries"},
    )
