"""My data: see and download what Samverkan holds about you, correct it, ask for erasure.
For the secretary: the list of erasure requests, for the archive process."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from samverkan.accounts.decorators import allowed_if
from samverkan.accounts.rules import is_secretary
from samverkan.core.http import private
from samverkan.meetings.models import Person
from samverkan.privacy import selectors, services
from samverkan.privacy.forms import CorrectionForm, ErasureForm
from samverkan.privacy.retention import RULES

PAGE_SIZE = 50


@login_required
@require_safe
def my_data(request: HttpRequest) -> HttpResponse:
    data = selectors.personal_data(request.user)
    return private(
        render(request, "privacy/personal_data_detail.html", {"data": data, "rules": RULES})
    )


@login_required
@require_safe
def my_data_json(request: HttpRequest) -> HttpResponse:
    data = selectors.personal_data(request.user)
    response = JsonResponse(
        data.as_json(),
        encoder=DjangoJSONEncoder,
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
    day = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="mina-uppgifter-{day}.json"'
    return private(response)


@login_required
def correct(request: HttpRequest) -> HttpResponse:
    person = Person.objects.filter(user=request.user).first()
    initial = {"full_name": request.user.full_name}
    if person is not None:
        initial.update(person_name=person.name, person_phone=person.phone)
    form = CorrectionForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        has_person=person is not None,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            corrections = services.correction_make(
                user=request.user,
                full_name=data["full_name"],
                person_name=data.get("person_name"),
                person_phone=data.get("person_phone"),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if corrections:
                messages.success(request, _("Your corrections have been saved."))
            else:
                messages.info(request, _("Nothing was changed."))
            return redirect("privacy:my_data")
    return private(
        render(
            request,
            "privacy/correction_form.html",
            {"form": form, "person": person},
            status=400 if form.is_bound else 200,
        )
    )


@login_required
def erase(request: HttpRequest) -> HttpResponse:
    """A confirmation page showing what erasure removes and keeps; POST with the box ticked
    erases and logs out."""
    form = ErasureForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.personal_data_erase(user=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            logout(request)
            messages.success(
                request,
                _(
                    "Your personal data has been erased and you are logged out. What is kept in "
                    "official records has been noted for the municipality's archive."
                ),
            )
            return redirect("core:home")
    plan = selectors.erasure_plan(request.user)
    return private(
        render(
            request,
            "privacy/erasure_request_form.html",
            {
                "form": form,
                "erased": [(selectors.erased_label(e.code), e) for e in plan.erased],
                "kept": [(*selectors.kept_label(e.code), e) for e in plan.kept],
            },
            status=400 if form.is_bound else 200,
        )
    )


@allowed_if(is_secretary)
@require_safe
def erasure_requests(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.erasure_requests(), PAGE_SIZE).get_page(request.GET.get("sida"))
    rows = [
        (
            item,
            [(selectors.erased_label(e["code"]), e) for e in item.erased],
            [(*selectors.kept_label(e["code"]), e) for e in item.kept],
        )
        for item in page.object_list
    ]
    return private(
        render(
            request,
            "privacy/erasure_request_list.html",
            {"page": page, "rows": rows, "nav": "erasure_requests"},
        )
    )
