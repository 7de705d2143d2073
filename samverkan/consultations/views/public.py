"""The public side: the list, a consultation's page, its documents, and answering."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from samverkan.accounts.rules import is_secretary
from samverkan.consultations import selectors, services
from samverkan.consultations.forms import ConfirmForm, FilterForm, OpenResponseForm, ResponseForm
from samverkan.consultations.models import Consultation, ConsultationDocument, ConsultationState
from samverkan.consultations.rules import can_see_consultation, can_see_response
from samverkan.consultations.views.files import download
from samverkan.core import ratelimit
from samverkan.core.http import private as _private
from samverkan.core.queries import many_to_many_load

PAGE_SIZE = 20
LIMIT_PER_EMAIL = 5
LIMIT_PER_ADDRESS = 20
WINDOW_SECONDS = 3600


def add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _visible(request: HttpRequest, pk: int) -> Consultation:
    consultation = selectors.consultation_for_page(pk)
    if consultation is None or not can_see_consultation(request.user, consultation):
        raise Http404
    return consultation


def consultation_list(request: HttpRequest) -> HttpResponse:
    """Every public consultation, announced ones too, so that people hear early."""
    form = FilterForm(request.GET or None, departments=selectors.departments_with_consultations())
    criteria = selectors.ConsultationFilter()
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        criteria = selectors.ConsultationFilter(
            state=data["state"] or "",
            theme=data["theme"] or "",
            district=data["district"] or "",
            department=data["department"],
        )
    found = selectors.consultation_list(criteria).prefetch_related(None)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("sida"))
    # The themes and districts of the page's consultations in one query.
    page.object_list = many_to_many_load(page.object_list, ("themes", "districts"))
    query = request.GET.copy()
    query.pop("sida", None)
    return render(
        request,
        "consultations/consultation_list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "filtered": any(
                [criteria.state, criteria.theme, criteria.district, criteria.department]
            ),
            "nav": "consultations",
        },
    )


def consultation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = _visible(request, pk)
    current = selectors.current_responses(consultation)
    return render(
        request,
        "consultations/consultation_detail.html",
        {
            "consultation": consultation,
            "lifecycle": selectors.public_lifecycle(consultation),
            "register": selectors.consultee_register(consultation, current),
            "responses": selectors.published_among(consultation, current),
            "own_responses": selectors.own_responses(request.user, consultation),
            "viewer_is_secretary": is_secretary(request.user),
            "nav": "consultations",
        },
    )


@require_GET
def document(request: HttpRequest, pk: int, document_pk: int) -> FileResponse:
    consultation = _visible(request, pk)
    item = get_object_or_404(ConsultationDocument, pk=document_pk, consultation=consultation)
    return download(
        item.file,
        name=item.original_name,
        content_type=item.content_type,
        public=consultation.is_public,
    )


@require_GET
def response_file(request: HttpRequest, pk: int, response_pk: int) -> FileResponse:
    consultation = _visible(request, pk)
    response = get_object_or_404(
        consultation.responses.select_related("consultation"), pk=response_pk
    )
    if not response.file or not can_see_response(request.user, response):
        raise Http404
    return download(
        response.file,
        name=response.file_name,
        content_type=response.file_content_type,
        public=response.is_published,
    )


def respond(request: HttpRequest, pk: int) -> HttpResponse:
    """Answer: a representative for their organisation; anyone, if the consultation is open to
    all, with a confirmed email address."""
    consultation = _visible(request, pk)
    organisations = selectors.answerable_organisations(request.user, consultation)
    context = {"consultation": consultation, "nav": "consultations"}
    closed = None
    try:
        services.check_can_answer(consultation, None)
    except ValidationError as error:
        closed = error.messages[0]
    if closed and (consultation.state != ConsultationState.OPEN or not organisations):
        return render(request, "consultations/response_closed.html", {**context, "error": closed})
    if organisations:
        return _respond_as_representative(request, consultation, organisations, context)
    if consultation.open_to_all:
        return _respond_open(request, consultation, context)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return render(request, "consultations/response_not_allowed.html", context, status=403)


def _respond_as_representative(request, consultation, organisations, context) -> HttpResponse:
    posted = request.method == "POST"
    form = ResponseForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        organisations=organisations,
        initial={"organisation": organisations[0].pk},
    )
    already = None
    if posted and form.is_valid():
        data = form.cleaned_data
        try:
            response = services.response_submit(
                consultation=consultation,
                user=request.user,
                organisation=data["organisation"],
                text=data["text"],
                upload=data["file"],
                replace=data["replace"],
            )
        except services.AlreadyAnswered as error:
            already = error.previous
            form.add_error("replace", error.messages[0])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("Thank you. Your response is registered as %(reference)s.")
                % {"reference": response.reference},
            )
            return redirect("consultations:detail", consultation.pk)
    return _private(
        render(
            request,
            "consultations/response_form.html",
            {
                **context,
                "form": form,
                "already": already,
                "files_dropped": bool(request.FILES),
                "as_representative": True,
            },
        )
    )


def _rate_limited(request: HttpRequest, email: str) -> bool:
    return not (
        ratelimit.allow(
            "consultation-response-ip",
            ratelimit.client_address(request),
            limit=LIMIT_PER_ADDRESS,
            window_seconds=WINDOW_SECONDS,
        )
        and ratelimit.allow(
            "consultation-response-email",
            email,
            limit=LIMIT_PER_EMAIL,
            window_seconds=WINDOW_SECONDS,
        )
    )


def _respond_open(request, consultation, context) -> HttpResponse:
    posted = request.method == "POST"
    form = OpenResponseForm(request.POST if posted else None, request.FILES if posted else None)
    if posted and form.is_valid():
        data = form.cleaned_data
        if _rate_limited(request, data["email"]):
            form.add_error(
                None,
                _("Many responses have been sent from here in a short time. Try again in an hour."),
            )
        else:
            try:
                services.response_submit_open(
                    consultation=consultation,
                    name=data["name"],
                    email=data["email"],
                    organisation_text=data["organisation_text"],
                    text=data["text"],
                    upload=data["file"],
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                request.session["consultation_email"] = data["email"]
                return redirect("consultations:sent", consultation.pk)
    return render(
        request,
        "consultations/response_form.html",
        {**context, "form": form, "files_dropped": bool(request.FILES)},
    )


def sent(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = _visible(request, pk)
    return render(
        request,
        "consultations/response_sent.html",
        {
            "consultation": consultation,
            "email": request.session.get("consultation_email"),
            "hours": services.CONFIRMATION_HOURS,
            "nav": "consultations",
        },
    )


def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """Opening the link shows the response; pressing the button sends it."""
    try:
        link = services.response_link_check(raw_token=token)
    except ValidationError as error:
        return _private(
            render(
                request,
                "consultations/link_invalid.html",
                {"error": error.messages[0], "nav": "consultations"},
                status=410,
            )
        )
    response = link.response
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    error_message = ""
    if request.method == "POST" and form.is_valid():
        try:
            response = services.response_confirm(raw_token=token)
        except ValidationError as error:
            error_message = error.messages[0]
        else:
            return _private(
                render(
                    request,
                    "consultations/response_confirmed.html",
                    {
                        "response": response,
                        "consultation": response.consultation,
                        "nav": "consultations",
                    },
                )
            )
    previous = services.previous_response(response.consultation, email=response.responder_email)
    return _private(
        render(
            request,
            "consultations/response_confirm.html",
            {
                "response": response,
                "consultation": response.consultation,
                "previous": previous,
                "form": form,
                "error": error_message,
                "nav": "consultations",
            },
        )
    )
