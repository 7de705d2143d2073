"""The secretary's pages: prepare, edit, announce, open, extend, close and decide a
consultation; its consultees, documents, responses and history."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from samverkan.accounts.decorators import allowed_if
from samverkan.consultations import selectors, services
from samverkan.consultations.forms import (
    AnnounceForm,
    CloseForm,
    ConsultationForm,
    ConsulteeAddForm,
    ConsulteeExtendForm,
    DecideForm,
    DocumentForm,
    FilterForm,
    OpenForm,
    ReplyByForm,
    SecrecyForm,
)
from samverkan.consultations.models import (
    Consultation,
    ConsultationDocument,
    ConsultationResponse,
    Consultee,
    ResponseStatus,
)
from samverkan.consultations.rules import can_manage_consultations
from samverkan.consultations.views.public import add_errors

PAGE_SIZE = 25
secretary_only = allowed_if(can_manage_consultations)


def _consultation(pk: int) -> Consultation:
    return get_object_or_404(Consultation.objects.select_related("department"), pk=pk)


@secretary_only
def manage_list(request: HttpRequest) -> HttpResponse:
    form = FilterForm(
        request.GET or None,
        departments=selectors.municipal_organisations(),
        include_draft=True,
    )
    criteria = selectors.ConsultationFilter()
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        criteria = selectors.ConsultationFilter(
            state=data["state"] or "",
            theme=data["theme"] or "",
            district=data["district"] or "",
            department=data["department"],
        )
    page = Paginator(selectors.consultation_list(criteria, public=False), PAGE_SIZE).get_page(
        request.GET.get("sida")
    )
    query = request.GET.copy()
    query.pop("sida", None)
    return render(
        request,
        "consultations/manage_list.html",
        {"form": form, "page": page, "query": query.urlencode(), "nav": "consultations"},
    )


def _fields(data: dict) -> dict:
    return {
        "title": data["title"],
        "department": data["department"],
        "reference_number": data["reference_number"],
        "summary": data["summary"],
        "easy_read_summary": data["easy_read_summary"],
        "open_to_all": data["open_to_all"],
    }


@secretary_only
def consultation_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    consultation = _consultation(pk) if pk else None
    initial = {}
    if consultation is not None:
        initial = {
            **{name: getattr(consultation, name) for name in services.EDITABLE},
            "themes": list(consultation.themes.all()),
            "districts": list(consultation.districts.all()),
        }
    form = ConsultationForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if consultation is None:
                consultation = services.consultation_create(
                    actor=request.user,
                    themes=data["themes"],
                    districts=data["districts"],
                    **_fields(data),
                )
                messages.success(request, _("The consultation is saved as a draft."))
            else:
                services.consultation_update(
                    consultation=consultation,
                    actor=request.user,
                    themes=data["themes"],
                    districts=data["districts"],
                    **_fields(data),
                )
                messages.success(request, _("The changes are saved."))
        except ValidationError as error:
            add_errors(form, error)
        else:
            return redirect("consultations:manage_detail", consultation.pk)
    return render(
        request,
        "consultations/consultation_form.html",
        {"form": form, "consultation": consultation, "nav": "consultations"},
    )


@secretary_only
def manage_detail(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = selectors.consultation_for_page(pk)
    if consultation is None:
        raise Http404
    return render(
        request,
        "consultations/manage_detail.html",
        {
            "consultation": consultation,
            "consultees": consultation.consultees.select_related("organisation"),
            "responses": selectors.all_responses(consultation),
            "history": selectors.history(consultation),
            "secrecy_form": SecrecyForm(),
            "nav": "consultations",
        },
    )


TRANSITIONS = {
    "announce": (AnnounceForm, gettext_lazy("Announce the consultation")),
    "open": (OpenForm, gettext_lazy("Open for responses")),
    "close": (CloseForm, gettext_lazy("Close the consultation")),
    "decide": (DecideForm, gettext_lazy("Record the decision")),
    "reply_by": (ReplyByForm, gettext_lazy("Move the reply-by date")),
}


def _transition(action: str, consultation: Consultation, actor, data: dict) -> None:
    if action == "announce":
        services.consultation_announce(
            consultation=consultation,
            actor=actor,
            expected_opening_on=data["expected_opening_on"],
        )
    elif action == "open":
        services.consultation_open(
            consultation=consultation, actor=actor, reply_by=data["reply_by"]
        )
    elif action == "close":
        services.consultation_close(consultation=consultation, actor=actor)
    elif action == "decide":
        services.consultation_decide(
            consultation=consultation,
            actor=actor,
            decision_url=data["decision_url"],
            decision_account=data["decision_account"],
        )
    else:
        services.consultation_reply_by_move(
            consultation=consultation, actor=actor, reply_by=data["reply_by"], note=data["note"]
        )


@secretary_only
def transition(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    if action not in TRANSITIONS:
        raise Http404
    consultation = _consultation(pk)
    form_class, heading = TRANSITIONS[action]
    initial = {}
    if action == "reply_by":
        initial = {"reply_by": consultation.reply_by}
    form = form_class(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            _transition(action, consultation, request.user, form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Done: %(what)s.") % {"what": str(heading).lower()})
            return redirect("consultations:manage_detail", consultation.pk)
    return render(
        request,
        "consultations/manage_form.html",
        {
            "form": form,
            "consultation": consultation,
            "heading": heading,
            "action": action,
            "nav": "consultations",
        },
    )


@secretary_only
def consultee_add(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = _consultation(pk)
    form = ConsulteeAddForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.consultee_add(
                consultation=consultation,
                actor=request.user,
                organisation=form.cleaned_data["organisation"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The consultee is added."))
            return redirect("consultations:manage_detail", consultation.pk)
    return render(
        request,
        "consultations/manage_form.html",
        {
            "form": form,
            "consultation": consultation,
            "heading": _("Add a consultee"),
            "nav": "consultations",
        },
    )


@secretary_only
def consultee_extend(request: HttpRequest, pk: int, consultee_pk: int) -> HttpResponse:
    consultee = get_object_or_404(
        Consultee.objects.select_related("organisation", "consultation"),
        pk=consultee_pk,
        consultation_id=pk,
    )
    form = ConsulteeExtendForm(
        request.POST if request.method == "POST" else None,
        initial={"until": consultee.extended_until},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.consultee_extend(
                consultee=consultee, actor=request.user, until=form.cleaned_data["until"]
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The consultee has more time."))
            return redirect("consultations:manage_detail", pk)
    return render(
        request,
        "consultations/manage_form.html",
        {
            "form": form,
            "consultation": consultee.consultation,
            "heading": _("More time for %(name)s") % {"name": consultee.organisation.name},
            "nav": "consultations",
        },
    )


@secretary_only
@require_POST
def consultee_remove(request: HttpRequest, pk: int, consultee_pk: int) -> HttpResponse:
    consultee = get_object_or_404(
        Consultee.objects.select_related("organisation", "consultation"),
        pk=consultee_pk,
        consultation_id=pk,
    )
    try:
        services.consultee_remove(consultee=consultee, actor=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("The consultee is removed."))
    return redirect("consultations:manage_detail", pk)


@secretary_only
def document_add(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = _consultation(pk)
    posted = request.method == "POST"
    form = DocumentForm(request.POST if posted else None, request.FILES if posted else None)
    if posted and form.is_valid():
        try:
            services.document_add(
                consultation=consultation,
                actor=request.user,
                upload=form.cleaned_data["file"],
                title=form.cleaned_data["title"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The document is added."))
            return redirect("consultations:manage_detail", consultation.pk)
    return render(
        request,
        "consultations/manage_form.html",
        {
            "form": form,
            "consultation": consultation,
            "heading": _("Add a document"),
            "multipart": True,
            "nav": "consultations",
        },
    )


@secretary_only
@require_POST
def document_remove(request: HttpRequest, pk: int, document_pk: int) -> HttpResponse:
    document = get_object_or_404(
        ConsultationDocument.objects.select_related("consultation"),
        pk=document_pk,
        consultation_id=pk,
    )
    services.document_remove(document=document, actor=request.user)
    messages.success(request, _("The document is removed."))
    return redirect("consultations:manage_detail", pk)


@secretary_only
@require_POST
def secrecy(request: HttpRequest, pk: int, response_pk: int, action: str) -> HttpResponse:
    response = get_object_or_404(
        ConsultationResponse.objects.select_related("consultation"),
        pk=response_pk,
        consultation_id=pk,
        status=ResponseStatus.REGISTERED,
    )
    form = SecrecyForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    if action == "mark":
        services.response_secrecy_mark(response=response, actor=request.user, note=note)
        messages.success(
            request,
            _("%(reference)s is held back until the secrecy review is done.")
            % {"reference": response.reference},
        )
    elif action == "clear":
        services.response_secrecy_clear(response=response, actor=request.user, note=note)
        messages.success(
            request,
            _("%(reference)s is cleared and is published with the others.")
            % {"reference": response.reference},
        )
    else:
        raise Http404
    return redirect("consultations:manage_detail", pk)
