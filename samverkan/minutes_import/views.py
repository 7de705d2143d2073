"""The secretary's import of minutes: upload, check and correct, save; review who is who.

An upload is read at once and only its result is kept, in the session (a draft, named by a
random token in the preview's address so that two tabs do not mix): the text as read, and
the structure found. The file itself is never stored. Saving turns the corrected form back
into the structure and hands it to :func:`importing.import_result`.
"""

from __future__ import annotations

import secrets
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.accounts.decorators import allowed_if
from samverkan.meetings.rules import can_manage_meetings

from .forms import SECTION_KEYS, CorrectionForm, UploadForm, add_rows

secretary_only = allowed_if(can_manage_meetings)

DRAFTS_KEY = "minutes_import_drafts"
OUTCOME_KEY = "minutes_import_outcome"
MAX_DRAFTS = 3


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


def _preview_url(token: str, fragment: str = "") -> str:
    url = f"{reverse('minutes_import:preview')}?{urlencode({'utkast': token})}"
    return f"{url}#{fragment}" if fragment else url


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
                corrected = correction.to_result(result)
                try:
                    outcome = _import(corrected, request)
                except ValidationError as error:
                    for message in error.messages:
                        correction.add_error(message)
                else:
                    _draft_drop(request, token)
                    request.session[OUTCOME_KEY] = _outcome_summary(outcome)
                    return redirect("minutes_import:document_list")
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


def _import(result: dict[str, Any], request: HttpRequest) -> Any:
    from .importing import import_result

    return import_result(result, actor=request.user)


def _outcome_summary(outcome: Any) -> dict[str, Any]:
    return {"action": str(getattr(outcome, "action", ""))}


@secretary_only
def document_list(request: HttpRequest) -> HttpResponse:
    outcome = request.session.pop(OUTCOME_KEY, None)
    return render(
        request,
        "minutes_import/document_list.html",
        {"outcome": outcome, "documents": [], "nav": "manage"},
    )


@secretary_only
def suggestion_list(request: HttpRequest) -> HttpResponse:
    return render(request, "minutes_import/suggestion_list.html", {"nav": "manage"})
