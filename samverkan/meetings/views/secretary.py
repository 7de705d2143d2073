"""The secretary's work: planning meetings, the notice, recording and publishing minutes,
bodies and their members."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.accounts.decorators import allowed_if
from samverkan.meetings import rules, services
from samverkan.meetings.composition import check_composition
from samverkan.meetings.forms import (
    ActionForm,
    AgendaItemForm,
    AttachmentForm,
    AttendanceForm,
    BodyForm,
    CancelForm,
    CarryOverForm,
    CompositionRuleForm,
    DecisionForm,
    EndMembershipForm,
    MeetingForm,
    MembershipForm,
    NotesForm,
    PersonForm,
    PlannedDateForm,
    PublishForm,
    ReviseForm,
)
from samverkan.meetings.models import (
    AgendaItem,
    Attendance,
    Body,
    CompositionRule,
    Decision,
    Meeting,
    Membership,
    Person,
)

secretary_only = allowed_if(rules.can_manage_meetings)


def _apply_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def _meeting(pk: int) -> Meeting:
    return get_object_or_404(
        Meeting.objects.prefetch_related(
            "bodies",
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.prefetch_related(
                    "attachments", "decisions", "action_items__owner", "carried_over"
                ),
            ),
        ),
        pk=pk,
    )


@secretary_only
def meeting_list(request: HttpRequest) -> HttpResponse:
    upcoming = request.GET.get("visa") != "tidigare"
    today = timezone.localdate()
    meetings = Meeting.objects.prefetch_related("bodies")
    if upcoming:
        meetings = meetings.exclude(date__lt=today).order_by("date", "start_time")
    else:
        meetings = meetings.filter(date__lt=today).order_by("-date", "-start_time")
    page = Paginator(meetings, 30).get_page(request.GET.get("sida"))
    return render(
        request,
        "meetings/manage_meetings.html",
        {
            "page": page,
            "upcoming": upcoming,
            "bodies": Body.objects.all(),
            "nav": "manage",
            "query": f"visa={'kommande' if upcoming else 'tidigare'}",
        },
    )


def _meeting_fields(data: dict) -> dict:
    return {
        k: data[k]
        for k in (
            "kind",
            "title",
            "date",
            "start_time",
            "end_time",
            "all_day",
            "place",
            "online_url",
            "visibility",
            "minutes_taker",
        )
    }


@secretary_only
def meeting_create(request: HttpRequest) -> HttpResponse:
    initial = {"visibility": Meeting.Visibility.MEMBERS, "kind": "meeting"}
    if request.GET.get("organ"):
        initial["bodies"] = Body.objects.filter(slug=request.GET["organ"])
    form = MeetingForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(
                bodies=form.cleaned_data["bodies"], **_meeting_fields(form.cleaned_data)
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(
                request, _("The meeting is planned. Add the agenda, then send the notice.")
            )
            return redirect("meetings:meeting_edit", meeting.pk)
    return render(request, "meetings/meeting_form.html", {"form": form, "nav": "manage"})


@secretary_only
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(pk)
    initial = {
        **{
            f: getattr(meeting, f)
            for f in (
                "kind",
                "title",
                "date",
                "start_time",
                "end_time",
                "all_day",
                "place",
                "online_url",
                "visibility",
                "minutes_taker",
            )
        },
        "bodies": meeting.bodies.all(),
    }
    forms = {
        "details": MeetingForm(initial=initial, prefix="details"),
        "item": AgendaItemForm(prefix="item"),
        "attachment": AttachmentForm(prefix="attachment"),
        "cancel": CancelForm(prefix="cancel"),
    }
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "details":
                form = forms["details"] = MeetingForm(
                    request.POST, initial=initial, prefix="details"
                )
                if form.is_valid():
                    services.meeting_update(
                        meeting=meeting,
                        bodies=form.cleaned_data["bodies"],
                        **_meeting_fields(form.cleaned_data),
                    )
                    messages.success(
                        request,
                        _("The meeting is saved.")
                        + (
                            " " + _("Everyone invited has been sent the change.")
                            if meeting.status == Meeting.Status.NOTICE_SENT
                            else ""
                        ),
                    )
                    return redirect("meetings:meeting_edit", pk)
            elif action == "item":
                form = forms["item"] = AgendaItemForm(request.POST, prefix="item")
                if form.is_valid():
                    services.agenda_item_add(meeting=meeting, **form.cleaned_data)
                    messages.success(request, _("The item is added to the agenda."))
                    return redirect("meetings:meeting_edit", pk)
            elif action == "attachment":
                form = forms["attachment"] = AttachmentForm(
                    request.POST, request.FILES, prefix="attachment"
                )
                if form.is_valid():
                    item = get_object_or_404(
                        AgendaItem, pk=form.cleaned_data["item"], meeting=meeting
                    )
                    try:
                        services.attachment_add(item=item, upload=form.cleaned_data["file"])
                    except ValidationError as error:
                        form.add_error("file", error)
                    else:
                        messages.success(request, _("The file is attached."))
                        return redirect("meetings:meeting_edit", pk)
            elif action in ("up", "down"):
                item = get_object_or_404(AgendaItem, pk=request.POST.get("item"), meeting=meeting)
                services.agenda_item_move(item=item, up=action == "up")
                return redirect(f"{request.path}#agenda")
            elif action == "notice":
                count = services.notice_send(meeting=meeting)
                messages.success(
                    request,
                    _("The notice was sent to %(count)s people. Nobody gets it twice.")
                    % {"count": count},
                )
                return redirect("meetings:meeting_edit", pk)
            elif action == "cancel":
                form = forms["cancel"] = CancelForm(request.POST, prefix="cancel")
                if form.is_valid():
                    services.meeting_cancel(meeting=meeting, reason=form.cleaned_data["reason"])
                    messages.success(
                        request, _("The meeting is cancelled; everyone invited has been told.")
                    )
                    return redirect("meetings:meeting_edit", pk)
            else:
                messages.error(request, _("Unknown action."))
        except ValidationError as error:
            target = forms.get(action)
            if target is not None and action != "notice":
                _apply_errors(target, error)
            else:
                messages.error(request, " ".join(error.messages))
                return redirect("meetings:meeting_edit", pk)
    invitations = meeting.invitations.select_related("person").order_by("person__name_sort")
    return render(
        request,
        "meetings/meeting_edit.html",
        {
            "meeting": meeting,
            "forms": forms,
            "when": services.meeting_when(meeting),
            "invitations": invitations,
            "invitees": services.invitees(meeting),
            "nav": "manage",
        },
    )


@secretary_only
def minutes_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(pk)
    if meeting.minutes_status == Meeting.MinutesStatus.PUBLISHED:
        return redirect("meetings:minutes_revise", pk)
    forms = {
        "attendance": AttendanceForm(prefix="attendance"),
        "publish": PublishForm(
            prefix="publish",
            initial={
                "recorded_by": meeting.recorded_by
                or (
                    meeting.minutes_taker.name
                    if meeting.minutes_taker
                    else request.user.display_name
                )
            },
        ),
    }
    item_forms: dict[str, object] = {}
    if request.method == "POST":
        action = request.POST.get("action", "")
        form_classes = {
            "notes": NotesForm,
            "decision": DecisionForm,
            "action_item": ActionForm,
            "carry_over": CarryOverForm,
        }
        try:
            services.minutes_start(meeting=meeting)
            if action == "prefill":
                count = services.attendance_prefill(meeting=meeting)
                messages.success(
                    request,
                    _("%(count)s members were added to the attendance list.") % {"count": count},
                )
                return redirect("meetings:minutes_edit", pk)
            if action == "attendance":
                form = forms["attendance"] = AttendanceForm(request.POST, prefix="attendance")
                if form.is_valid():
                    services.attendance_record(meeting=meeting, **form.cleaned_data)
                    messages.success(request, _("Attendance recorded."))
                    return redirect("meetings:minutes_edit", pk)
            elif action == "attendance_status":
                attendance = get_object_or_404(
                    Attendance, pk=request.POST.get("attendance"), meeting=meeting
                )
                services.attendance_record(
                    meeting=meeting,
                    person=attendance.person,
                    status=request.POST.get("status", ""),
                    substitute_for=attendance.substitute_for,
                )
                return redirect(f"{request.path}#attendance")
            elif action in form_classes:
                prefix = f"{action}-{request.POST.get(f'{action}-item', '')}"
                form = form_classes[action](request.POST, prefix=action)
                item_forms[prefix] = form
                if form.is_valid():
                    item = get_object_or_404(
                        AgendaItem, pk=form.cleaned_data.pop("item"), meeting=meeting
                    )
                    if action == "notes":
                        services.agenda_item_record(item=item, notes=form.cleaned_data["notes"])
                    elif action == "decision":
                        services.decision_add(item=item, text=form.cleaned_data["text"])
                    elif action == "action_item":
                        services.action_item_add(item=item, **form.cleaned_data)
                    else:
                        services.point_carry_over(item=item, **form.cleaned_data)
                    messages.success(request, _("Saved."))
                    return redirect(f"{request.path}#item-{item.pk}")
            elif action == "publish":
                form = forms["publish"] = PublishForm(request.POST, prefix="publish")
                if form.is_valid():
                    services.minutes_publish(
                        meeting=meeting, recorded_by=form.cleaned_data["recorded_by"]
                    )
                    messages.success(request, _("The minutes are published."))
                    return redirect("meetings:meeting_detail", pk)
            else:
                messages.error(request, _("Unknown action."))
        except ValidationError as error:
            target = forms.get(action) or next(iter(item_forms.values()), None)
            if target is not None:
                _apply_errors(target, error)
            else:
                messages.error(request, " ".join(error.messages))
        meeting = _meeting(pk)
    items = []
    for item in meeting.agenda_items.all():

        def bound(kind, cls, item=item):
            return item_forms.get(f"{kind}-{item.pk}") or cls(
                prefix=kind,
                initial={"item": item.pk, **({"notes": item.notes} if kind == "notes" else {})},
            )

        items.append(
            {
                "item": item,
                "notes": bound("notes", NotesForm),
                "decision": bound("decision", DecisionForm),
                "action_item": bound("action_item", ActionForm),
                "carry_over": bound("carry_over", CarryOverForm),
            }
        )
    attendances = meeting.attendances.select_related(
        "person", "organisation", "party", "body", "substitute_for"
    ).order_by("body__name", "person__name_sort")
    return render(
        request,
        "meetings/minutes_edit.html",
        {
            "meeting": meeting,
            "forms": forms,
            "items": items,
            "attendances": attendances,
            "statuses": Attendance.Status.choices,
            "when": services.meeting_when(meeting),
            "nav": "manage",
        },
    )


@secretary_only
def minutes_revise(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(pk)
    if meeting.minutes_status != Meeting.MinutesStatus.PUBLISHED:
        return redirect("meetings:minutes_edit", pk)
    form = ReviseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        kind, _sep, target_pk = form.cleaned_data["target"].partition(":")
        try:
            if kind == "notes":
                item = get_object_or_404(AgendaItem, pk=target_pk, meeting=meeting)
                services.minutes_revise(
                    item=item,
                    actor=request.user,
                    reason=form.cleaned_data["reason"],
                    notes=form.cleaned_data["text"],
                )
            elif kind == "decision":
                decision = get_object_or_404(Decision, pk=target_pk, agenda_item__meeting=meeting)
                services.minutes_revise(
                    item=decision.agenda_item,
                    actor=request.user,
                    reason=form.cleaned_data["reason"],
                    decision=decision,
                    decision_text=form.cleaned_data["text"],
                )
            else:
                raise ValidationError(_("Choose what to change."))
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("The change is saved and shown in the minutes' history."))
            return redirect("meetings:minutes_revise", pk)
    return render(
        request,
        "meetings/minutes_revise.html",
        {
            "meeting": meeting,
            "form": form,
            "revisions": meeting.minutes_revisions.select_related("changed_by"),
            "target": request.POST.get("target", "") if request.method == "POST" else "",
            "nav": "manage",
        },
    )


@secretary_only
def body_manage(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(Body, slug=slug)
    today = timezone.localdate()
    forms = {
        "membership": MembershipForm(prefix="membership", initial={"start": today}),
        "end": EndMembershipForm(prefix="end", initial={"end": today}),
        "rule": CompositionRuleForm(prefix="rule"),
        "planned": PlannedDateForm(prefix="planned", initial={"title": body.name}),
    }
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "membership":
                form = forms["membership"] = MembershipForm(request.POST, prefix="membership")
                if form.is_valid():
                    services.membership_add(body=body, **form.cleaned_data)
                    messages.success(request, _("The membership is added."))
                    return redirect("meetings:body_manage", slug)
            elif action == "end":
                form = forms["end"] = EndMembershipForm(request.POST, prefix="end")
                if form.is_valid():
                    membership = get_object_or_404(
                        Membership, pk=form.cleaned_data["membership"], body=body
                    )
                    services.membership_end(membership=membership, end=form.cleaned_data["end"])
                    messages.success(request, _("The membership is ended."))
                    return redirect("meetings:body_manage", slug)
            elif action == "rule":
                form = forms["rule"] = CompositionRuleForm(request.POST, prefix="rule")
                if form.is_valid():
                    rule = form.save(commit=False)
                    rule.body = body
                    rule.save()
                    messages.success(request, _("The rule is added."))
                    return redirect("meetings:body_manage", slug)
            elif action == "delete_rule":
                CompositionRule.objects.filter(pk=request.POST.get("rule"), body=body).delete()
                messages.success(request, _("The rule is removed."))
                return redirect("meetings:body_manage", slug)
            elif action == "planned":
                form = forms["planned"] = PlannedDateForm(request.POST, prefix="planned")
                if form.is_valid():
                    services.meeting_create(bodies=[body], **form.cleaned_data)
                    messages.success(request, _("The date is in the calendar."))
                    return redirect("meetings:body_manage", slug)
            else:
                messages.error(request, _("Unknown action."))
        except ValidationError as error:
            target = forms.get(action)
            if target is not None:
                _apply_errors(target, error)
            else:
                messages.error(request, " ".join(error.messages))
    memberships = body.memberships.select_related("person", "organisation", "party").order_by(
        "-end", "role", "person__name_sort"
    )
    upcoming = body.meetings.exclude(date__lt=today).order_by("date", "start_time")[:20]
    return render(
        request,
        "meetings/body_manage.html",
        {
            "body": body,
            "forms": forms,
            "memberships": memberships,
            "today": today,
            "results": check_composition(body, today),
            "upcoming": upcoming,
            "rules": body.composition_rules.select_related("organisation"),
            "nav": "manage",
            "new_body_form": BodyForm(),
        },
    )


@secretary_only
def people(request: HttpRequest) -> HttpResponse:
    form = PersonForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.person_create(**form.cleaned_data)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("%(name)s is added.") % {"name": form.cleaned_data["name"]})
            return redirect("meetings:people")
    query = request.GET.get("q", "").strip()[:100]
    everyone = Person.objects.all()
    if query:
        everyone = everyone.filter(name__icontains=query)
    page = Paginator(everyone.order_by("name_sort", "pk"), 50).get_page(request.GET.get("sida"))
    return render(
        request,
        "meetings/people.html",
        {
            "form": form,
            "page": page,
            "q": query,
            "nav": "manage",
            "query": f"q={query}" if query else "",
        },
    )
