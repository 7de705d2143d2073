"""Public pages of council work: bodies, meetings with minutes, decisions, tasks, tabled points
and the personal link for answering a notice.

Members-only meetings answer 404 (not 403) to those who may not see them, so that their
existence is not revealed.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from samverkan.meetings import rules, selectors, services
from samverkan.meetings.models import Attachment, Body, Invitation, Meeting, MinutesRevision

PAGE_SIZE = 25
NAV = "council"

#: What a failed personal link answers: someone else's link is forbidden; anything else
#: (unknown, used after the meeting, cancelled meeting) is gone.
LINK_FAILURE_STATUS = {"someone_else": 403}


def _page(request: HttpRequest, items, size: int = PAGE_SIZE):
    return Paginator(items, size).get_page(request.GET.get("sida"))


def _query_without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("sida", None)
    return query.urlencode()


def _body_choices() -> list[tuple[str, str]]:
    return [("", gettext_lazy("All bodies"))] + [
        (body.slug, body.name) for body in sorted(Body.objects.all(), key=selectors.body_order_key)
    ]


def _chosen_body(slug: str) -> Body | None:
    return Body.objects.filter(slug=slug).first() if slug else None


# ---------------------------------------------------------------------------------------------
# Bodies
# ---------------------------------------------------------------------------------------------


@require_GET
def body_list(request: HttpRequest) -> HttpResponse:
    bodies = selectors.bodies_for_list()
    return render(
        request,
        "meetings/body_list.html",
        {
            "bodies": [b for b in bodies if b.is_active],
            "ended": [b for b in bodies if not b.is_active],
            "nav": NAV,
        },
    )


@require_GET
def body_detail(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(Body.objects.select_related("parent"), slug=slug)
    upcoming, past = selectors.body_meetings(request.user, body)
    children = sorted(body.children.all(), key=selectors.body_order_key)
    return render(
        request,
        "meetings/body_detail.html",
        {
            "body": body,
            "role_groups": selectors.body_members(body),
            "children": children,
            "upcoming": list(upcoming[:PAGE_SIZE]),
            "page": _page(request, past),
            "query": _query_without_page(request),
            "nav": NAV,
        },
    )


# ---------------------------------------------------------------------------------------------
# A meeting
# ---------------------------------------------------------------------------------------------


def _revision_rows(meeting: Meeting, revisions: list[MinutesRevision]) -> list[dict]:
    """What each change to published minutes concerned: an item's notes or a decision."""
    items = {item.pk: item for item in meeting.agenda_items.all()}
    decisions = {d.pk: item for item in items.values() for d in item.decisions.all()}
    rows = []
    for revision in revisions:
        kind, _sep, key = revision.field.partition(":")
        pk = int(key) if key.isdigit() else None
        item = (
            items.get(pk) if kind == "notes" else decisions.get(pk) if kind == "decision" else None
        )
        user = revision.changed_by
        person = getattr(user, "person", None)
        rows.append(
            {
                "revision": revision,
                "kind": kind,
                "item": item,
                "who": user.full_name or (person.name if person else ""),
            }
        )
    return rows


@require_GET
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_for_page(pk)
    if meeting is None or not rules.can_view_meeting(request.user, meeting):
        raise Http404
    show_minutes = rules.can_view_minutes(request.user, meeting)
    items = list(meeting.agenda_items.all())
    # The meetings the points were carried over from and to (loaded with the items).
    origins = [item.carried_over_from.origin.meeting for item in items if item.carried_over_from]
    later = [
        point.resolved_in.meeting
        for item in items
        for point in item.carried_over.all()
        if point.resolved_in is not None
    ]
    context = {
        "meeting": meeting,
        "when": services.meeting_when(meeting),
        "bodies": selectors.meeting_bodies(meeting),
        "items": items,
        "show_minutes": show_minutes,
        "is_draft": meeting.minutes_status != Meeting.MinutesStatus.PUBLISHED,
        "linkable_meetings": selectors.meetings_visible_in(request.user, origins + later),
        "nav": NAV,
    }
    if show_minutes:
        context["attendance"] = selectors.meeting_attendance(meeting)
        context["revisions"] = _revision_rows(meeting, list(meeting.minutes_revisions.all()))
    return render(request, "meetings/meeting_detail.html", context)


@require_GET
def attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    attachment = get_object_or_404(Attachment.objects.select_related("agenda_item__meeting"), pk=pk)
    meeting = attachment.agenda_item.meeting
    if not rules.can_view_meeting(request.user, meeting):
        raise Http404
    try:
        handle = attachment.file.open("rb")
    except (FileNotFoundError, ValueError, OSError) as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    # Whatever the file is, it never runs as a page of this site.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    if meeting.visibility != Meeting.Visibility.PUBLIC:
        response["Cache-Control"] = "private, no-store"
    return response


# ---------------------------------------------------------------------------------------------
# Registers: decisions, action items, carried-over points
# ---------------------------------------------------------------------------------------------


class DecisionFilterForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Search the decisions"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    body = forms.ChoiceField(label=gettext_lazy("Body"), required=False)
    year = forms.TypedChoiceField(
        label=gettext_lazy("Year"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, years: list[int], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].choices = _body_choices()
        self.fields["year"].choices = [("", gettext_lazy("All years"))] + [
            (str(year), str(year)) for year in years
        ]


class BodyFilterForm(forms.Form):
    body = forms.ChoiceField(label=gettext_lazy("Body"), required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].choices = _body_choices()


def _valid(form: forms.Form) -> dict:
    """The valid fields of a filter form (an odd value in one filter drops only that one)."""
    if not form.is_bound:
        return {}
    form.is_valid()
    return {name: value for name, value in form.cleaned_data.items() if value not in ("", None)}


@require_GET
def decision_register(request: HttpRequest) -> HttpResponse:
    form = DecisionFilterForm(request.GET or None, years=selectors.decision_years(request.user))
    criteria = selectors.DecisionFilter(**_valid(form))
    page = _page(request, selectors.decision_search(request.user, criteria))
    return render(
        request,
        "meetings/decision_register.html",
        {
            "form": form,
            "page": page,
            "query": _query_without_page(request),
            "filtered": bool(criteria.q or criteria.body or criteria.year),
            "nav": NAV,
        },
    )


@require_GET
def action_items(request: HttpRequest) -> HttpResponse:
    form = BodyFilterForm(request.GET or None)
    body = _chosen_body(_valid(form).get("body", ""))
    items = list(selectors.action_items_open(request.user, body=body))
    person = selectors.person_of(request.user)
    mine = [a for a in items if person is not None and a.owner_id == person.pk]
    return render(
        request,
        "meetings/action_items.html",
        {
            "form": form,
            "body": body,
            "mine": selectors.action_items_by_owner(mine)[0].rows if mine else [],
            "person": person,
            "groups": selectors.action_items_by_owner(items),
            "count": len(items),
            "nav": NAV,
        },
    )


@require_GET
def carried_over_points(request: HttpRequest) -> HttpResponse:
    form = BodyFilterForm(request.GET or None)
    body = _chosen_body(_valid(form).get("body", ""))
    histories = selectors.carried_over_histories(request.user, body=body)
    open_by_body: list[tuple[Body, list[selectors.PointHistory]]] = []
    for history in (h for h in histories if h.is_open):
        if not open_by_body or open_by_body[-1][0].pk != history.body.pk:
            open_by_body.append((history.body, []))
        open_by_body[-1][1].append(history)
    return render(
        request,
        "meetings/carried_over.html",
        {
            "form": form,
            "body": body,
            "open_by_body": open_by_body,
            "dealt_with": [h for h in histories if not h.is_open][:PAGE_SIZE],
            "nav": NAV,
        },
    )


# ---------------------------------------------------------------------------------------------
# The personal link in the notice: "Jag kommer" / "Jag har förhinder"
# ---------------------------------------------------------------------------------------------


def _link_failure(request: HttpRequest, error: ValidationError) -> HttpResponse:
    return render(
        request,
        "meetings/invitation_invalid.html",
        {"error": error.messages[0], "nav": NAV},
        status=LINK_FAILURE_STATUS.get(error.code or "", 410),
    )


@never_cache
@require_http_methods(["GET", "POST"])
def invitation_respond(request: HttpRequest, token: str) -> HttpResponse:
    try:
        invitation = services.invitation_check(raw_token=token, user=request.user)
    except ValidationError as error:
        return _link_failure(request, error)
    error_message = ""
    if request.method == "POST":
        try:
            invitation = services.invitation_respond(
                raw_token=token, response=request.POST.get("response", ""), user=request.user
            )
        except ValidationError as error:
            if error.code in ("invalid", "someone_else", "cancelled", "expired"):
                return _link_failure(request, error)
            error_message = error.messages[0]
        else:
            if invitation.response == Invitation.Response.ATTENDING:
                messages.success(request, _("Thank you. You are coming to the meeting."))
            else:
                messages.success(
                    request, _("Thank you. The secretary now knows that you cannot come.")
                )
            return redirect("meetings:invitation_respond", token)
    meeting = invitation.meeting
    return render(
        request,
        "meetings/invitation_respond.html",
        {
            "invitation": invitation,
            "meeting": meeting,
            "person": invitation.person,
            "when": services.meeting_when(meeting),
            "items": list(meeting.agenda_items.all()),
            "can_view_meeting": rules.can_view_meeting(request.user, meeting),
            "error_message": error_message,
            "nav": NAV,
        },
        status=400 if error_message else 200,
    )
