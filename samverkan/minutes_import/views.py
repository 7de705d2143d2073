"""The secretary's import of minutes: upload, check and correct, save; review who is who.

An upload is read at once and only its result is kept, in the session (a draft, named by a
random token in the preview's address so that two tabs do not mix): the text as read, and
the structure found. The file itself is never stored. Saving turns the corrected form back
into the structure and hands it to :func:`importing.import_result`.
"""

from __future__ import annotations

import secrets
from collections import Counter
from datetime import date
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samverkan.accounts.decorators import allowed_if
from samverkan.meetings.rules import can_manage_meetings

from . import services
from .forms import SECTION_KEYS, CorrectionForm, UploadForm, add_rows
from .importing import ImportOutcome, import_result
from .models import IdentitySuggestion, ImportedDocument

secretary_only = allowed_if(can_manage_meetings)

DRAFTS_KEY = "minutes_import_drafts"
OUTCOME_KEY = "minutes_import_outcome"
MAX_DRAFTS = 3
SAVED = ("created", "updated", "unchanged")

#: What an import made, in the order shown after a save (the keys of ImportOutcome.counts).
COUNT_LABELS = [
    ("meetings_created", gettext_lazy("Meetings created")),
    ("bodies_created", gettext_lazy("Bodies created")),
    ("people_created", gettext_lazy("People added")),
    ("people_matched", gettext_lazy("People recognised")),
    ("organisations_created", gettext_lazy("Organisations added")),
    ("organisations_matched", gettext_lazy("Organisations recognised")),
    ("attendance", gettext_lazy("People in the attendance list")),
    ("memberships_created", gettext_lazy("Seats added")),
    ("vacancies", gettext_lazy("Vacant seats")),
    ("agenda_items", gettext_lazy("Agenda items")),
    ("decisions", gettext_lazy("Decisions")),
    ("action_items", gettext_lazy("Action items")),
    ("tabled", gettext_lazy("Tabled points")),
    ("follow_ups", gettext_lazy("Points to follow up")),
    ("carried_over_resolved", gettext_lazy("Earlier points taken up")),
    ("watch_items_created", gettext_lazy("Watch-list items added")),
    ("watch_items_updated", gettext_lazy("Watch-list items updated")),
    ("working_groups_created", gettext_lazy("Working groups added")),
    ("working_group_members", gettext_lazy("Working-group members")),
    ("calendar_created", gettext_lazy("Calendar dates added")),
    ("calendar_existing", gettext_lazy("Calendar dates already known")),
    ("calendar_undated", gettext_lazy("Calendar rows without a date (not imported)")),
    ("people_removed", gettext_lazy("People removed (only the earlier version had them)")),
    (
        "organisations_removed",
        gettext_lazy("Organisations removed (only the earlier version had them)"),
    ),
    ("suggestions", gettext_lazy("Names to review")),
]


# ---------------------------------------------------------------------------------------------
# Drafts in the session
# ---------------------------------------------------------------------------------------------


def _drafts(request: HttpRequest) -> dict[str, dict[str, Any]]:
    drafts = request.session.get(DRAFTS_KEY)
    return drafts if isinstance(drafts, dict) else {}


def _draft_add(request: HttpRequest, draft: dict[str, Any]) -> str:
    """Keep ``draft`` (and the latest few before it); return its token."""
    token = secrets.token_urlsafe(9)
    drafts = _drafts(request)
    drafts[token] = draft
    request.session[DRAFTS_KEY] = dict(list(drafts.items())[-MAX_DRAFTS:])
    return token


def _draft_drop(request: HttpRequest, token: str) -> None:
    drafts = _drafts(request)
    drafts.pop(token, None)
    request.session[DRAFTS_KEY] = drafts


def _preview_url(token: str) -> str:
    return f"{reverse('minutes_import:preview')}?{urlencode({'utkast': token})}"


# ---------------------------------------------------------------------------------------------
# Views
# ---------------------------------------------------------------------------------------------


@secretary_only
def upload(request: HttpRequest) -> HttpResponse:
    """Choose a file; it is read at once, and the preview shows what was found."""
    form = UploadForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
    )
    if request.method == "POST" and form.is_valid():
        extracted = form.extracted
        token = _draft_add(
            request,
            {
                "filename": extracted.filename,
                "text": extracted.text,
                "result": extracted.result,
                "uploaded": timezone.now().isoformat(),
            },
        )
        return redirect(_preview_url(token))
    return render(request, "minutes_import/document_upload.html", {"form": form, "nav": "manage"})


@secretary_only
def preview(request: HttpRequest) -> HttpResponse:
    """The text as read beside the structure found, as a form; "Save" imports it."""
    token = request.GET.get("utkast", "")
    draft = _drafts(request).get(token)
    if draft is None:
        messages.error(
            request, _("That upload is no longer available. Upload the file again, please.")
        )
        return redirect("minutes_import:upload")
    result = draft["result"]
    correction = CorrectionForm(result)
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action.startswith("more:") and action[5:] in SECTION_KEYS:
            correction = CorrectionForm(result, add_rows(request.POST, action[5:]))
            correction.is_valid()
        elif action == "save":
            correction = CorrectionForm(result, request.POST)
            if correction.is_valid():
                outcome = import_result(correction.to_result(result), actor=request.user)
                if outcome.action in SAVED:
                    _draft_drop(request, token)
                    request.session[OUTCOME_KEY] = _outcome_summary(outcome)
                    return redirect("minutes_import:document_list")
                # Skipped or failed: the reason at the top, and the form as it was typed.
                correction.add_error(outcome.message)
        else:
            messages.error(request, _("Unknown action."))
            return redirect(_preview_url(token))
    return render(
        request,
        "minutes_import/document_preview.html",
        {
            "draft": draft,
            "preview_url": _preview_url(token),
            "result": result,
            "lines": draft["text"].splitlines(),
            "correction": correction,
            "errors": correction.error_links(),
            "nav": "manage",
        },
    )


def _outcome_summary(outcome: ImportOutcome) -> dict[str, Any]:
    """What the documents page shows once after a save (kept in the session, so JSON)."""
    meeting = outcome.meeting
    counts = Counter(outcome.counts)
    counts["attendance"] = sum(v for k, v in counts.items() if k.startswith("attendance_"))
    return {
        "action": outcome.action,
        "message": outcome.message,
        "file": outcome.file,
        "document": outcome.document.pk if outcome.document else None,
        "meeting": meeting.pk if meeting else None,
        "meeting_title": meeting.title if meeting else "",
        "meeting_date": meeting.date.isoformat() if meeting and meeting.date else None,
        "counts": {key: counts[key] for key, _label in COUNT_LABELS if counts[key]},
        "pending": sum(
            1 for s in outcome.suggestions if s.status == IdentitySuggestion.Status.PENDING
        ),
        "warnings": list(outcome.warnings),
    }


@secretary_only
def document_list(request: HttpRequest) -> HttpResponse:
    """The documents imported so far, newest first; after a save, what it did."""
    outcome = request.session.pop(OUTCOME_KEY, None)
    if outcome:
        if outcome.get("meeting_date"):
            outcome["meeting_date"] = date.fromisoformat(outcome["meeting_date"])
        counts = outcome.get("counts") or {}
        outcome["counts"] = [(label, counts[key]) for key, label in COUNT_LABELS if key in counts]
    documents = ImportedDocument.objects.select_related("meeting", "imported_by").annotate(
        pending=Count(
            "suggestions", filter=Q(suggestions__status=IdentitySuggestion.Status.PENDING)
        )
    )
    page = Paginator(documents.order_by("-imported_at", "-pk"), 50).get_page(
        request.GET.get("sida")
    )
    return render(
        request,
        "minutes_import/document_list.html",
        {"outcome": outcome, "page": page, "nav": "manage"},
    )


@secretary_only
def suggestion_list(request: HttpRequest) -> HttpResponse:
    """Names the import was unsure of: confirm (the same) or reject (someone else)."""
    if request.method == "POST":
        suggestion = get_object_or_404(IdentitySuggestion, pk=request.POST.get("suggestion") or 0)
        action = request.POST.get("action", "")
        values = {"text": suggestion.text, "candidate": str(suggestion.candidate)}
        if suggestion.status != IdentitySuggestion.Status.PENDING:
            messages.info(request, _("“%(text)s” was already decided.") % values)
        elif action in ("confirm", "reject"):
            try:
                if action == "confirm":
                    services.suggestion_confirm(suggestion=suggestion, actor=request.user)
                    messages.success(
                        request,
                        _("Confirmed: “%(text)s” is %(candidate)s. The next import remembers it.")
                        % values,
                    )
                else:
                    services.suggestion_reject(suggestion=suggestion, actor=request.user)
                    messages.success(
                        request,
                        _(
                            "Rejected: “%(text)s” is not %(candidate)s. The next import remembers it."
                        )
                        % values,
                    )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
        else:
            messages.error(request, _("Unknown action."))
        return redirect(f"{request.get_full_path()}#pending")
    suggestions = IdentitySuggestion.objects.select_related(
        "document__meeting",
        "candidate_person",
        "candidate_organisation",
        "provisional_person",
        "provisional_organisation",
        "decided_by",
    )
    document = None
    if request.GET.get("dokument", "").isdigit():
        document = ImportedDocument.objects.filter(pk=request.GET["dokument"]).first()
        if document is not None:
            suggestions = suggestions.filter(document=document)
    pending = suggestions.filter(status=IdentitySuggestion.Status.PENDING).order_by("-score", "pk")
    decided = suggestions.exclude(status=IdentitySuggestion.Status.PENDING).order_by(
        "-decided_at", "-pk"
    )[:50]
    page = Paginator(pending, 50).get_page(request.GET.get("sida"))
    return render(
        request,
        "minutes_import/suggestion_list.html",
        {
            "page": page,
            "decided": decided,
            "document": document,
            "query": f"dokument={document.pk}" if document else "",
            "nav": "manage",
        },
    )
