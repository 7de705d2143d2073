"""The one search across everything public."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import SafeString
from django.views.decorators.http import require_GET

from samverkan.search import selectors
from samverkan.search.forms import SearchForm
from samverkan.search.models import SearchEntry

PAGE_SIZE = 20


@dataclass(frozen=True)
class Hit:
    entry: SearchEntry
    kind_label: str
    title: SafeString
    excerpt: SafeString


@require_GET
def results(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    valid = form.is_valid() if form.is_bound else False
    data = form.cleaned_data if form.is_bound else {}
    criteria = selectors.SearchCriteria(
        q=data.get("q") or "",
        kind=data.get("typ") or "",
        # Filters with errors are shown next to their field and left out of the search.
        date_from=data.get("fran") if valid or "fran" not in form.errors else None,
        date_to=data.get("till") if valid or "till" not in form.errors else None,
    )
    parsed = selectors.parse_query(criteria.q) if criteria.q else selectors.ParsedQuery()
    page = None
    results = None
    hits: list[Hit] = []
    if parsed.terms:
        results = selectors.search(criteria, parsed)
        page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("sida"))
        labels = selectors.kind_labels()
        hits = [
            Hit(
                entry=entry,
                kind_label=labels.get(entry.kind, entry.kind),
                title=selectors.highlight(entry.title, parsed.terms),
                excerpt=selectors.excerpt(entry.text, parsed.terms),
            )
            for entry in page.object_list
        ]
    query = request.GET.copy()
    query.pop("sida", None)
    return render(
        request,
        "search/results.html",
        {
            "form": form,
            "q": criteria.q,
            "parsed": parsed,
            "page": page,
            "hits": hits,
            "more_hits": results.more if results else False,
            "max_hits": selectors.MAX_HITS,
            "query": query.urlencode(),
            "kinds": selectors.kind_labels(),
            "nav": "search",
        },
    )
