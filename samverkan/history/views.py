"""For the secretary: the history of any official record, and the registry (diarium) export."""

from __future__ import annotations

import csv
from datetime import timedelta

from django import forms
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from samverkan.accounts.decorators import allowed_if
from samverkan.accounts.rules import is_secretary
from samverkan.core.spreadsheets import spreadsheet_safe
from samverkan.history import selectors

PAGE_SIZE = 50
#: The longest period one export covers.
MAX_DAYS = 366


@allowed_if(is_secretary)
def object_history(request: HttpRequest, app_label: str, model_name: str, object_id: str):
    model = selectors.tracked_model(app_label, model_name)
    if model is None:
        raise Http404
    records = selectors.object_history(model, object_id)
    page = Paginator(records, PAGE_SIZE).get_page(request.GET.get("sida"))
    current = model._default_manager.filter(pk=object_id).first() if object_id.isdigit() else None
    if current is None and not page.object_list:
        raise Http404
    rows = [(record, selectors.field_changes(model, record)) for record in page.object_list]
    return render(
        request,
        "history/object_history.html",
        {
            "model_name": model._meta.verbose_name,
            "current": current,
            "name": rows[0][0].object_repr if rows else str(current),
            "page": page,
            "rows": rows,
        },
    )


class PeriodForm(forms.Form):
    fran = forms.DateField(
        label=gettext_lazy("From"), widget=forms.DateInput(attrs={"type": "date"})
    )
    till = forms.DateField(label=gettext_lazy("To"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        start, end = data.get("fran"), data.get("till")
        if start and end:
            if end < start:
                raise forms.ValidationError(_("The end date comes before the start date."))
            if (end - start).days >= MAX_DAYS:
                raise forms.ValidationError(_("Choose at most one year at a time."))
        return data


def _period(request: HttpRequest) -> PeriodForm:
    if "fran" in request.GET or "till" in request.GET:
        return PeriodForm(request.GET)
    today = timezone.localdate()
    return PeriodForm({"fran": today - timedelta(days=30), "till": today})


@allowed_if(is_secretary)
def diarium(request: HttpRequest) -> HttpResponse:
    form = _period(request)
    items, page = [], None
    if form.is_valid():
        items = selectors.inbound_items(form.cleaned_data["fran"], form.cleaned_data["till"])
        page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("sida"))
    return render(
        request,
        "history/diarium.html",
        {"form": form, "page": page, "count": len(items), "query": request.GET.urlencode()},
        status=200 if form.is_valid() or not form.is_bound else 400,
    )


@allowed_if(is_secretary)
def diarium_csv(request: HttpRequest) -> HttpResponse:
    form = _period(request)
    if not form.is_valid():
        return diarium(request)
    start, end = form.cleaned_data["fran"], form.cleaned_data["till"]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="inkomna-{start}-{end}.csv"'
    response.write("\ufeff")  # so that Excel reads UTF-8
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [_("Kind"), _("Reference"), _("Received"), pgettext("registry", "Subject"), _("Sender")]
    )
    for item in selectors.inbound_items(start, end):
        received = timezone.localtime(item.received_at).strftime("%Y-%m-%d %H:%M")
        writer.writerow(
            [
                spreadsheet_safe(str(value))
                for value in (item.kind, item.reference, received, item.subject, item.sender)
            ]
        )
    return response
