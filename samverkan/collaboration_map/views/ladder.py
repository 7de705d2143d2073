"""The ladder (trappan): three questions, one at a time, then where to go. No JavaScript.

Each question is a GET form. The answers given so far travel along as hidden fields, so the
address of every step can be bookmarked, shared and opened again, and the back button works.
On the result page the contact points can be narrowed to one theme, with the same kind of form.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from samverkan.collaboration_map import selectors
from samverkan.collaboration_map.forms import LadderForm
from samverkan.collaboration_map.models import Frequency, Want
from samverkan.collaboration_map.views.public import NAV
from samverkan.organisations.models import OrganisationKind

QUESTIONS = LadderForm.QUESTIONS
#: How many contact points the result shows at first; the others are one click away.
FIRST_RECOMMENDATIONS = 5


def _url(answers: dict[str, str], *, ask: str) -> str:
    """The ladder's address that asks question ``ask`` again, keeping the other answers."""
    kept = {name: answers[name] for name in QUESTIONS if name != ask and answers.get(name)}
    query = urlencode(kept)
    return reverse("collaboration_map:ladder") + (f"?{query}" if query else "")


def _result(request: HttpRequest, form: LadderForm, answers: dict[str, str]) -> HttpResponse:
    data = form.cleaned_data
    theme = "" if "theme" in form.errors else data.get("theme", "")
    result = selectors.ladder_result(
        selectors.LadderAnswers(
            organisation_kind=data["organisation_kind"],
            want=data["want"],
            frequency=data["frequency"],
        ),
        theme=theme,
    )
    summary = [
        (form.fields[name].label, label, _url(answers, ask=name))
        for name, label in [
            ("organisation_kind", OrganisationKind(data["organisation_kind"]).label),
            ("want", Want(data["want"]).label),
            ("frequency", Frequency(data["frequency"]).label),
        ]
    ]
    return render(
        request,
        "collaboration_map/ladder_result.html",
        {
            "result": result,
            "summary": summary,
            "form": form,
            "answers": [(name, answers[name]) for name in QUESTIONS],
            "theme_name": dict(form.fields["theme"].choices).get(theme, "") if theme else "",
            "first": result.contact_points[:FIRST_RECOMMENDATIONS],
            "more": result.contact_points[FIRST_RECOMMENDATIONS:],
            "nav": NAV,
        },
    )


@require_GET
def ladder(request: HttpRequest) -> HttpResponse:
    form = LadderForm(request.GET or None)
    errors = form.errors if form.is_bound else {}
    answers = {name: request.GET.get(name, "") for name in QUESTIONS}
    current = next(
        (n for n, name in enumerate(QUESTIONS) if not form.is_bound or name in errors),
        len(QUESTIONS),
    )
    if current == len(QUESTIONS):
        return _result(request, form, answers)
    name = QUESTIONS[current]
    # Show a question's error only when that question was the one just answered (or a value
    # in the address is not one of the choices), not when it is asked for the first time.
    submitted = request.GET.get("step") == str(current + 1) or bool(request.GET.get(name))
    return render(
        request,
        "collaboration_map/ladder_question.html",
        {
            "form": form,
            "field": form[name],
            "error": submitted and name in errors,
            "number": current + 1,
            "count": len(QUESTIONS),
            # The other answers given so far travel along with this one.
            "carried": [
                (other, answers[other])
                for other in QUESTIONS
                if other != name and answers[other] and other not in errors
            ],
            "back_url": _url(answers, ask=QUESTIONS[current - 1]) if current > 0 else "",
            "steps": selectors.ladder_steps(),
            "nav": NAV,
        },
    )
