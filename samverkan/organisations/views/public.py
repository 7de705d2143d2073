"""Public pages: the agreement, the register, organisation pages, verification."""

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from samverkan.organisations import rules, selectors
from samverkan.organisations.forms import RegisterFilterForm
from samverkan.organisations.models import Agreement, Organisation

PAGE_SIZE = 25


def _published(pk: int) -> Agreement:
    return get_object_or_404(
        Agreement.objects.prefetch_related("sections"), pk=pk, status=Agreement.Status.PUBLISHED
    )


def agreement_current(request: HttpRequest) -> HttpResponse:
    agreement = selectors.agreement_current()
    if agreement is None:
        return render(request, "organisations/agreement_missing.html", {"nav": "agreement"})
    return agreement_detail(request, agreement.pk)


def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = _published(pk)
    others = Agreement.objects.filter(status=Agreement.Status.PUBLISHED).exclude(pk=pk)
    return render(
        request,
        "organisations/agreement_detail.html",
        {"agreement": agreement, "others": others, "nav": "agreement"},
    )


def agreement_easy_read(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = _published(pk)
    return render(
        request,
        "organisations/agreement_easy_read.html",
        {"agreement": agreement, "nav": "agreement"},
    )


def register(request: HttpRequest) -> HttpResponse:
    agreement = selectors.agreement_current()
    form = RegisterFilterForm(request.GET or None)
    criteria = selectors.RegisterFilter()
    if form.is_bound and form.is_valid():
        criteria = selectors.RegisterFilter(**{k: v or "" for k, v in form.cleaned_data.items()})
    page = None
    if agreement is not None:
        paginator = Paginator(selectors.register_search(agreement, criteria, terms=()), PAGE_SIZE)
        if criteria == selectors.RegisterFilter(sort=criteria.sort):
            # The whole register: counted from the signatures' index (one signature an
            # organisation and period) instead of testing every organisation (11 → 2.5 ms).
            paginator.count = selectors.signatory_count(agreement)
        page = paginator.get_page(request.GET.get("sida"))
        # The list shows areas and districts (not target groups), read in one query.
        page.object_list = selectors.terms_load(list(page.object_list), ("areas", "districts"))
    query = request.GET.copy()
    query.pop("sida", None)
    return render(
        request,
        "organisations/register.html",
        {
            "agreement": agreement,
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "filtered": any(
                getattr(criteria, f) for f in ("q", "kind", "area", "district", "target_group")
            ),
            "nav": "register",
        },
    )


def renewal_overview(request: HttpRequest) -> HttpResponse:
    agreement = selectors.agreement_current()
    rows = selectors.renewal_overview(agreement) if agreement else []
    return render(
        request,
        "organisations/renewal_overview.html",
        {
            "agreement": agreement,
            "previous": selectors.agreement_previous(agreement) if agreement else None,
            "renewed": [r for r in rows if r.current is not None],
            "not_renewed": [r for r in rows if r.current is None],
            "nav": "register",
        },
    )


def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = selectors.organisation_for_page(pk)
    if organisation is None or not rules.can_view_organisation(request.user, organisation):
        raise Http404
    return render(
        request,
        "organisations/organisation_detail.html",
        {
            "organisation": organisation,
            "verification": selectors.verification_for(organisation),
            "exclusions": selectors.organisation_decided_exclusions(organisation),
            "can_edit": rules.can_edit_organisation(request.user, organisation),
            "nav": "register",
        },
    )


def verify(request: HttpRequest, public_id) -> HttpResponse:
    organisation = get_object_or_404(Organisation, public_id=public_id)
    return render(
        request,
        "organisations/verification.html",
        {"verification": selectors.verification_for(organisation), "organisation": organisation},
    )
