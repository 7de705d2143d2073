"""Open data of the public register: downloadable files, a read-only JSON API and its
OpenAPI document.

Everything here is public and read-only: GET (and HEAD) only, no authentication, CORS open
to every origin. Nothing personal is ever output: no signatory name, email or role, no
representation, no reasons or notes. The field lists below are a published, stable
interface (see docs/open-data.md): add fields if needed, never rename or remove them
within /api/v1/.
"""

from __future__ import annotations

import csv
import json
import re
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.http import HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from samverkan.core.spreadsheets import spreadsheet_safe
from samverkan.organisations import selectors
from samverkan.organisations.models import (
    Agreement,
    AgreementSection,
    Area,
    District,
    Organisation,
    OrganisationKind,
    OrganisationLink,
    Signature,
    SignatureStatus,
    TargetGroup,
)

# The columns of the CSV file and the keys of every organisation object, in this order.
FIELDS: tuple[str, ...] = (
    "id",
    "name",
    "kind",
    "kind_label",
    "organisation_number",
    "areas",
    "target_groups",
    "districts",
    "website",
    "public_email",
    "description",
    "easy_read_description",
    "signed_at",
    "agreement_title",
    "agreement_period_start",
    "agreement_period_end",
    "page_url",
    "verification_url",
)
LIST_FIELDS = frozenset({"areas", "target_groups", "districts"})
LIST_SEPARATOR = "; "

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
MAX_QUERY_LENGTH = 200
# Rows fetched (with their terms) per round trip while a file is streamed.
CHUNK_SIZE = 500

CACHE_CONTROL = "public, max-age=60"
LICENCE = {
    "name": "CC0 1.0 Universal",
    "identifier": "CC0-1.0",
    "url": "https://creativecommons.org/publicdomain/zero/1.0/",
}
# Labels in the data (kind_label, status_label) are always Swedish, whatever the visitor's
# language, so that a file downloaded today matches one downloaded tomorrow.
DATA_LANGUAGE = "sv"

_NUMBER_RE = re.compile(r"[0-9]{1,9}")
_SLUG_RE = re.compile(r"[-a-zA-Z0-9_]{1,100}")


# ---------------------------------------------------------------------------------------------
# Records
# ---------------------------------------------------------------------------------------------


def _date(value: date | datetime | None) -> str | None:
    """An ISO 8601 date; datetimes are taken in the site's time zone."""
    if value is None:
        return None
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        value = value.date()
    return value.isoformat()


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _kind_label(kind: str) -> str:
    with translation.override(DATA_LANGUAGE):
        return str(OrganisationKind(kind).label)


def _status_label(status: str) -> str:
    with translation.override(DATA_LANGUAGE):
        return str(SignatureStatus(status).label)


def _with_signed_at(
    queryset: QuerySet[Organisation], agreement: Agreement
) -> QuerySet[Organisation]:
    """Annotate the date of the active signature of `agreement` (a subquery, no extra query)."""
    active = Signature.objects.filter(
        organisation=OuterRef("pk"), agreement=agreement, status=SignatureStatus.ACTIVE
    ).order_by("-signed_at")
    return queryset.annotate(current_signed_at=Subquery(active.values("signed_at")[:1]))


def organisation_record(
    organisation: Organisation, agreement: Agreement | None, signed_at: datetime | None
) -> dict[str, Any]:
    """The public fields of one organisation (FIELDS, in order). Terms must be prefetched.

    `agreement` and `signed_at` describe its active signature of the current period; without
    one, the signature fields are None."""
    signed = agreement is not None and signed_at is not None
    return {
        "id": organisation.pk,
        "name": organisation.name,
        "kind": organisation.kind,
        "kind_label": _kind_label(organisation.kind),
        "organisation_number": organisation.organisation_number or None,
        "areas": [term.name for term in organisation.areas.all()],
        "target_groups": [term.name for term in organisation.target_groups.all()],
        "districts": [term.name for term in organisation.districts.all()],
        "website": organisation.website,
        "public_email": organisation.public_email,
        "description": organisation.description,
        "easy_read_description": organisation.easy_read_description,
        "signed_at": _date(signed_at) if signed else None,
        "agreement_title": agreement.title if signed else None,
        "agreement_period_start": _date(agreement.period_start) if signed else None,
        "agreement_period_end": _date(agreement.period_end) if signed else None,
        "page_url": _absolute(reverse("organisations:organisation_detail", args=[organisation.pk])),
        "verification_url": _absolute(
            reverse("organisations:verify", args=[organisation.public_id])
        ),
    }


def register_queryset(
    agreement: Agreement, criteria: selectors.RegisterFilter | None = None
) -> QuerySet[Organisation]:
    """The public register of `agreement` (active signatories), in Swedish order, with terms."""
    queryset = selectors.register_search(agreement, criteria or selectors.RegisterFilter())
    return _with_signed_at(queryset.order_by("name_sort", "pk"), agreement)


def register_records(agreement: Agreement | None) -> Iterator[dict[str, Any]]:
    """Every organisation of the public register, fetched CHUNK_SIZE rows at a time."""
    if agreement is None:
        return
    for organisation in register_queryset(agreement).iterator(chunk_size=CHUNK_SIZE):
        yield organisation_record(organisation, agreement, organisation.current_signed_at)


def agreement_summary(agreement: Agreement | None) -> dict[str, Any] | None:
    if agreement is None:
        return None
    return {
        "id": agreement.pk,
        "title": agreement.title,
        "period_start": _date(agreement.period_start),
        "period_end": _date(agreement.period_end),
    }


# ---------------------------------------------------------------------------------------------
# Responses
# ---------------------------------------------------------------------------------------------


def _public_headers(response: HttpResponse | StreamingHttpResponse) -> None:
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = CACHE_CONTROL


def _json(data: Any, status: int = 200) -> JsonResponse:
    return JsonResponse(
        data,
        status=status,
        safe=False,
        json_dumps_params={"ensure_ascii": False},
        content_type="application/json; charset=utf-8",
    )


def _error(message: str, status: int) -> JsonResponse:
    return _json({"error": message}, status=status)


def public_data(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """GET and HEAD only (405 JSON otherwise), open to every origin, cacheable for a minute."""

    @csrf_exempt
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method == "OPTIONS":  # a CORS preflight
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Max-Age"] = "86400"
        elif request.method not in ("GET", "HEAD"):
            response = _error(_("Only GET requests are supported."), 405)
        else:
            response = view(request, *args, **kwargs)
        if response.status_code == 405 or request.method == "OPTIONS":
            response["Allow"] = "GET, HEAD, OPTIONS"
        _public_headers(response)
        return response

    return wrapper


def _url(request: HttpRequest, name: str, args: Iterable[Any] = ()) -> str:
    """Reverse one of this urlconf's names under whatever namespace it was included with."""
    match = request.resolver_match
    namespace = match.namespace if match is not None and match.namespace else "opendata"
    return reverse(f"{namespace}:{name}", args=list(args))


# ---------------------------------------------------------------------------------------------
# Files: /oppna-data/anslutna.csv and .json
# ---------------------------------------------------------------------------------------------


def csv_cell(value: Any) -> str:
    """One CSV cell: lists joined with "; ", None as empty, formulas neutralised.

    A text starting with = + - @ (or a tab or carriage return) gets a leading apostrophe, so
    that spreadsheet programs show it as text instead of running it as a formula."""
    if value is None:
        return ""
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(value)
    if isinstance(value, str):
        return spreadsheet_safe(value)
    return str(value)


class _Echo:
    """A file-like object whose write() returns what it was given (for csv.writer)."""

    def write(self, value: str) -> str:
        return value


def _csv_lines(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    # The byte order mark makes Excel read the file as UTF-8 (å, ä and ö).
    yield "\ufeff" + writer.writerow(FIELDS)
    for record in records:
        yield writer.writerow([csv_cell(record[field]) for field in FIELDS])


def _filename(extension: str) -> str:
    return f"samverkan-anslutna-{timezone.localdate().isoformat()}.{extension}"


@public_data
def register_csv(request: HttpRequest) -> StreamingHttpResponse:
    agreement = selectors.agreement_current()
    response = StreamingHttpResponse(
        _csv_lines(register_records(agreement)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename("csv")}"'
    return response


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _json_file(agreement: Agreement | None) -> Iterator[str]:
    head = {
        "licence": LICENCE,
        "generated_at": timezone.localtime().isoformat(timespec="seconds"),
        "agreement": agreement_summary(agreement),
    }
    yield _dumps(head)[:-1] + ', "organisations": ['
    for number, record in enumerate(register_records(agreement)):
        yield ("," if number else "") + "\n" + _dumps(record)
    yield "\n]}\n"


@public_data
def register_json(request: HttpRequest) -> StreamingHttpResponse:
    agreement = selectors.agreement_current()
    response = StreamingHttpResponse(
        _json_file(agreement), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{_filename("json")}"'
    return response


# ---------------------------------------------------------------------------------------------
# API: /api/v1/
# ---------------------------------------------------------------------------------------------


class BadRequest(Exception):
    """A query parameter has a value the API cannot use; the message is shown to the client."""


def _whole_number(request: HttpRequest, name: str, default: int, maximum: int) -> int:
    raw = request.GET.get(name)
    if raw is None:
        return default
    if not _NUMBER_RE.fullmatch(raw) or not 1 <= int(raw) <= maximum:
        raise BadRequest(
            _("%(name)s must be a whole number from 1 to %(maximum)s.")
            % {"name": name, "maximum": maximum}
        )
    return int(raw)


def _slug(request: HttpRequest, name: str, model: type[Area | District | TargetGroup]) -> str:
    value = request.GET.get(name, "")
    if value and not (_SLUG_RE.fullmatch(value) and model.objects.filter(slug=value).exists()):
        raise BadRequest(
            _("There is no %(name)s with the slug “%(value)s”.")
            % {"name": name, "value": value[:100]}
        )
    return value


@dataclass(frozen=True)
class ListRequest:
    page: int
    page_size: int
    criteria: selectors.RegisterFilter


def parse_list_request(request: HttpRequest) -> ListRequest:
    """The page and the filters of a list request; BadRequest for any unusable value."""
    page = _whole_number(request, "page", 1, 10**9)
    page_size = _whole_number(request, "page_size", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)
    q = request.GET.get("q", "")
    if len(q) > MAX_QUERY_LENGTH:
        raise BadRequest(
            _("q may be at most %(maximum)s characters long.") % {"maximum": MAX_QUERY_LENGTH}
        )
    kind = request.GET.get("kind", "")
    if kind and kind not in OrganisationKind.values:
        raise BadRequest(
            _("Unknown kind “%(value)s”. Use one of: %(kinds)s.")
            % {"value": kind[:100], "kinds": ", ".join(OrganisationKind.values)}
        )
    criteria = selectors.RegisterFilter(
        q=q,
        kind=kind,
        area=_slug(request, "area", Area),
        district=_slug(request, "district", District),
        target_group=_slug(request, "target_group", TargetGroup),
    )
    return ListRequest(page=page, page_size=page_size, criteria=criteria)


def _page_url(request: HttpRequest, page: int) -> str:
    query = request.GET.copy()
    query["page"] = str(page)
    return _absolute(f"{request.path}?{urlencode(sorted(query.items()))}")


@public_data
def api_organisations(request: HttpRequest) -> JsonResponse:
    try:
        wanted = parse_list_request(request)
    except BadRequest as error:
        return _error(str(error), 400)
    agreement = selectors.agreement_current()
    if agreement is None:
        count, rows = 0, []
    else:
        queryset = register_queryset(agreement, wanted.criteria)
        count = queryset.count()
        offset = (wanted.page - 1) * wanted.page_size
        rows = list(queryset[offset : offset + wanted.page_size]) if offset < count else []
    if wanted.page > 1 and not rows:
        return _error(_("Page %(page)s does not exist.") % {"page": wanted.page}, 404)
    last_page = max(1, -(-count // wanted.page_size))
    return _json(
        {
            "count": count,
            "page": wanted.page,
            "page_size": wanted.page_size,
            "next": _page_url(request, wanted.page + 1) if wanted.page < last_page else None,
            "previous": _page_url(request, wanted.page - 1) if wanted.page > 1 else None,
            "results": [
                organisation_record(organisation, agreement, organisation.current_signed_at)
                for organisation in rows
            ],
        }
    )


def _public_signatures() -> QuerySet[Signature]:
    """Signatures that were approved at some time, of published periods: the public history.

    Pending, declined and never-approved signatures are not public."""
    return (
        Signature.objects.filter(
            approved_at__isnull=False, agreement__status=Agreement.Status.PUBLISHED
        )
        .select_related("agreement")
        .order_by("-agreement__period_start", "-signed_at", "-pk")
    )


def _link(organisation: Organisation, link: OrganisationLink) -> dict[str, Any]:
    return {
        "id": organisation.pk,
        "name": organisation.name,
        "kind_of_change": link.kind,
        "date": _date(link.date),
    }


@public_data
def api_organisation(request: HttpRequest, pk: int) -> JsonResponse:
    organisation = (
        Organisation.objects.prefetch_related(
            "areas",
            "target_groups",
            "districts",
            Prefetch("signatures", queryset=_public_signatures(), to_attr="public_signatures"),
            Prefetch(
                "predecessor_links",
                queryset=OrganisationLink.objects.select_related("predecessor").order_by(
                    "date", "pk"
                ),
            ),
            Prefetch(
                "successor_links",
                queryset=OrganisationLink.objects.select_related("successor").order_by(
                    "date", "pk"
                ),
            ),
        )
        .filter(pk=pk)
        .first()
    )
    if organisation is None or not organisation.public_signatures:
        return _error(_("There is no public organisation with this id."), 404)
    agreement = selectors.agreement_current()
    current = next(
        (
            signature
            for signature in organisation.public_signatures
            if agreement is not None
            and signature.agreement_id == agreement.pk
            and signature.status == SignatureStatus.ACTIVE
        ),
        None,
    )
    record = organisation_record(organisation, agreement, current.signed_at if current else None)
    record["signatures"] = [
        {
            "agreement_id": signature.agreement_id,
            "agreement_title": signature.agreement.title,
            "period_start": _date(signature.agreement.period_start),
            "period_end": _date(signature.agreement.period_end),
            "status": signature.status,
            "status_label": _status_label(signature.status),
            "signed_at": _date(signature.signed_at),
            "status_changed_at": _date(signature.status_changed_at),
        }
        for signature in organisation.public_signatures
    ]
    record["predecessors"] = [
        _link(link.predecessor, link) for link in organisation.predecessor_links.all()
    ]
    record["successors"] = [
        _link(link.successor, link) for link in organisation.successor_links.all()
    ]
    return _json(record)


@public_data
def api_agreements(request: HttpRequest) -> JsonResponse:
    agreements = (
        Agreement.objects.filter(status=Agreement.Status.PUBLISHED)
        .annotate(
            active_signatories=Count(
                "signatures", filter=Q(signatures__status=SignatureStatus.ACTIVE)
            )
        )
        .prefetch_related("sections")
        .order_by("-period_start", "-pk")
    )
    return _json(
        {
            "results": [
                {
                    "id": agreement.pk,
                    "title": agreement.title,
                    "period_start": _date(agreement.period_start),
                    "period_end": _date(agreement.period_end),
                    "adopted_on": _date(agreement.adopted_on),
                    "adopted_by": agreement.adopted_by,
                    "introduction": agreement.introduction,
                    "sections": [
                        {
                            "kind": section.kind,
                            "title": section.title,
                            "body": section.body,
                            "easy_read_body": section.easy_read_body,
                        }
                        for section in agreement.sections.all()
                    ],
                    "easy_read_text": agreement.easy_read_text,
                    "signatory_count": agreement.active_signatories,
                    "page_url": _absolute(
                        reverse("organisations:agreement_detail", args=[agreement.pk])
                    ),
                }
                for agreement in agreements
            ]
        }
    )


@public_data
def api_verify(request: HttpRequest, public_id: uuid.UUID) -> JsonResponse:
    organisation = Organisation.objects.filter(public_id=public_id).first()
    if organisation is None:
        return _error(_("There is no organisation with this verification code."), 404)
    verification = selectors.verification_for(organisation)
    return _json(
        {
            "organisation": {"id": organisation.pk, "name": organisation.name},
            "active_signatory": verification.signature is not None,
            "may_use_symbol": verification.may_use_symbol,
            "agreement": agreement_summary(verification.agreement),
            "checked_on": _date(verification.today),
        }
    )


@public_data
def api_not_found(request: HttpRequest) -> JsonResponse:
    return _error(_("There is no such address in the API."), 404)


@public_data
def api_openapi(request: HttpRequest) -> JsonResponse:
    return _json(openapi_document())


# ---------------------------------------------------------------------------------------------
# The documentation page
# ---------------------------------------------------------------------------------------------


@require_safe
def open_data_page(request: HttpRequest) -> HttpResponse:
    links = {
        name: _url(request, name)
        for name in (
            "register_csv",
            "register_json",
            "api_organisations",
            "api_agreements",
            "api_openapi",
        )
    }
    return render(
        request,
        "organisations/open_data.html",
        {
            "links": links,
            "site_url": settings.SITE_URL,
            "default_page_size": DEFAULT_PAGE_SIZE,
            "max_page_size": MAX_PAGE_SIZE,
            "max_query_length": MAX_QUERY_LENGTH,
            "kinds": OrganisationKind.choices,
            "statuses": SignatureStatus.choices,
            "section_kinds": AgreementSection.Kind.choices,
            "link_kinds": OrganisationLink.Kind.choices,
            "nav": "open_data",
        },
    )


# ---------------------------------------------------------------------------------------------
# OpenAPI 3.1
# ---------------------------------------------------------------------------------------------

_DATE = {"type": "string", "format": "date"}
_NULLABLE_DATE = {"type": ["string", "null"], "format": "date"}
_URI = {"type": "string", "format": "uri"}


def _object(properties: dict[str, Any], description: str = "") -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }
    if description:
        schema["description"] = description
    return schema


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _organisation_properties(*, signed: bool) -> dict[str, Any]:
    current = "" if signed else " Null when it has no active signature of the current period."
    date_schema = _DATE if signed else _NULLABLE_DATE
    text = {"type": "string"} if signed else {"type": ["string", "null"]}
    terms = {"type": "array", "items": {"type": "string"}}
    return {
        "id": {"type": "integer", "minimum": 1, "description": "Permanent id.", "examples": [42]},
        "name": {"type": "string", "examples": ["Idrottsföreningen Älvstad"]},
        "kind": {
            "type": "string",
            "enum": list(OrganisationKind.values),
            "description": "Kind of organisation (code).",
        },
        "kind_label": {"type": "string", "description": "Kind of organisation, in Swedish."},
        "organisation_number": {
            "type": ["string", "null"],
            "pattern": "^[0-9]{6}-[0-9]{4}$",
            "description": "Swedish organisation number NNNNNN-NNNN; null if it has none.",
        },
        "areas": {**terms, "description": "Areas of activity (names, Swedish order)."},
        "target_groups": {**terms, "description": "Target groups (names, Swedish order)."},
        "districts": {**terms, "description": "Districts where it works (names, Swedish order)."},
        "website": {"type": "string", "description": "Website address, or empty."},
        "public_email": {
            "type": "string",
            "description": "The organisation's public contact address, or empty.",
        },
        "description": {"type": "string"},
        "easy_read_description": {"type": "string", "description": "Easy-to-read description."},
        "signed_at": {
            **date_schema,
            "description": "Date of its signature of the current period." + current,
        },
        "agreement_title": {**text, "description": "Title of the current agreement." + current},
        "agreement_period_start": {
            **date_schema,
            "description": "First day of the period." + current,
        },
        "agreement_period_end": {**date_schema, "description": "Last day of the period." + current},
        "page_url": {**_URI, "description": "The organisation's page on the site."},
        "verification_url": {
            **_URI,
            "description": "The page that shows whether it is a signatory today.",
        },
    }


def _error_response(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": _ref("Error")}}}


def _ok(schema: dict[str, Any], description: str = "OK") -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def openapi_document() -> dict[str, Any]:
    """The OpenAPI 3.1 description of the API and the open data files, written by hand.

    The tests validate real responses of every endpoint against these schemas."""
    slug_parameter = {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$", "maxLength": 100}
    list_parameters = [
        {
            "name": "page",
            "in": "query",
            "description": "Page number, from 1.",
            "schema": {"type": "integer", "minimum": 1, "default": 1},
        },
        {
            "name": "page_size",
            "in": "query",
            "description": "Organisations per page.",
            "schema": {
                "type": "integer",
                "minimum": 1,
                "maximum": MAX_PAGE_SIZE,
                "default": DEFAULT_PAGE_SIZE,
            },
        },
        {
            "name": "q",
            "in": "query",
            "description": "Swedish free-text search in name, description, kind and terms. "
            "Every word must match; inflections and compounds match too "
            '("förening" finds "Idrottsföreningen").',
            "schema": {"type": "string", "maxLength": MAX_QUERY_LENGTH},
        },
        {
            "name": "kind",
            "in": "query",
            "description": "Only this kind of organisation.",
            "schema": {"type": "string", "enum": list(OrganisationKind.values)},
        },
        {
            "name": "area",
            "in": "query",
            "description": "Only organisations with this area of activity (slug).",
            "schema": slug_parameter,
        },
        {
            "name": "district",
            "in": "query",
            "description": "Only organisations working in this district (slug).",
            "schema": slug_parameter,
        },
        {
            "name": "target_group",
            "in": "query",
            "description": "Only organisations with this target group (slug).",
            "schema": slug_parameter,
        },
    ]
    history_item = _object(
        {
            "agreement_id": {"type": "integer", "minimum": 1},
            "agreement_title": {"type": "string"},
            "period_start": _DATE,
            "period_end": _DATE,
            "status": {"type": "string", "enum": list(SignatureStatus.values)},
            "status_label": {"type": "string", "description": "The status in Swedish."},
            "signed_at": _DATE,
            "status_changed_at": _DATE,
        },
        "One approved signature of one agreement period.",
    )
    link_item = _object(
        {
            "id": {"type": "integer", "minimum": 1},
            "name": {"type": "string"},
            "kind_of_change": {"type": "string", "enum": list(OrganisationLink.Kind.values)},
            "date": _DATE,
        }
    )
    detail_properties = {
        **_organisation_properties(signed=False),
        "signatures": {"type": "array", "items": history_item, "description": "Newest first."},
        "predecessors": {"type": "array", "items": link_item},
        "successors": {"type": "array", "items": link_item},
    }
    agreement_summary_schema = _object(
        {
            "id": {"type": "integer", "minimum": 1},
            "title": {"type": "string"},
            "period_start": _DATE,
            "period_end": _DATE,
        }
    )
    section = _object(
        {
            "kind": {"type": "string", "enum": list(AgreementSection.Kind.values)},
            "title": {"type": "string"},
            "body": {"type": "string"},
            "easy_read_body": {"type": "string"},
        }
    )
    agreement = _object(
        {
            "id": {"type": "integer", "minimum": 1},
            "title": {"type": "string"},
            "period_start": _DATE,
            "period_end": _DATE,
            "adopted_on": _NULLABLE_DATE,
            "adopted_by": {"type": "string"},
            "introduction": {"type": "string"},
            "sections": {"type": "array", "items": section},
            "easy_read_text": {"type": "string"},
            "signatory_count": {
                "type": "integer",
                "minimum": 0,
                "description": "Organisations with an active signature of this period now.",
            },
            "page_url": _URI,
        }
    )
    bad_request = _error_response("A query parameter has a value that cannot be used.")
    not_allowed = _error_response("Only GET (and HEAD) is supported.")
    return {
        "openapi": "3.1.0",
        "info": {
            "title": f"Samverkan – {settings.MUNICIPALITY_NAME}: open data",
            "version": "1.0.0",
            "summary": "The public register of organisations that have signed the agreement "
            "between the municipality and civil society (Överenskommelsen).",
            "description": "Read-only, no authentication, JSON in UTF-8. Contains no personal "
            "data. Field names are stable within /api/v1/: fields may be added, never renamed "
            "or removed. Data is live; responses may be cached for 60 seconds.",
            "license": {"name": LICENCE["name"], "identifier": LICENCE["identifier"]},
        },
        "servers": [{"url": settings.SITE_URL}],
        "paths": {
            "/api/v1/organisations/": {
                "get": {
                    "operationId": "listOrganisations",
                    "summary": "The organisations that have signed the current agreement",
                    "description": "Active signatories of the current period, in Swedish "
                    "alphabetical order.",
                    "parameters": list_parameters,
                    "responses": {
                        "200": _ok(_ref("OrganisationPage")),
                        "400": bad_request,
                        "404": _error_response("The page does not exist (after the last page)."),
                        "405": not_allowed,
                    },
                }
            },
            "/api/v1/organisations/{id}/": {
                "get": {
                    "operationId": "getOrganisation",
                    "summary": "One organisation with its public signature history",
                    "description": "Organisations that have had at least one approved "
                    "signature. Never includes who signed.",
                    "parameters": [
                        {
                            "name": "id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "integer", "minimum": 1},
                        }
                    ],
                    "responses": {
                        "200": _ok(_ref("OrganisationDetail")),
                        "404": _error_response("No public organisation has this id."),
                        "405": not_allowed,
                    },
                }
            },
            "/api/v1/agreements/": {
                "get": {
                    "operationId": "listAgreements",
                    "summary": "The published agreement periods, newest first",
                    "responses": {
                        "200": _ok(
                            _object({"results": {"type": "array", "items": _ref("Agreement")}})
                        ),
                        "405": not_allowed,
                    },
                }
            },
            "/api/v1/verify/{public_id}/": {
                "get": {
                    "operationId": "verifyOrganisation",
                    "summary": "Whether an organisation is an active signatory today",
                    "description": "The code is the one in the organisation's verification "
                    "link (verification_url).",
                    "parameters": [
                        {
                            "name": "public_id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string", "format": "uuid"},
                        }
                    ],
                    "responses": {
                        "200": _ok(_ref("Verification")),
                        "404": _error_response("No organisation has this code."),
                        "405": not_allowed,
                    },
                }
            },
            "/api/v1/openapi.json": {
                "get": {
                    "operationId": "getOpenApiDocument",
                    "summary": "This document",
                    "responses": {"200": _ok({"type": "object"}), "405": not_allowed},
                }
            },
            "/oppna-data/anslutna.json": {
                "get": {
                    "operationId": "downloadRegisterJson",
                    "summary": "The whole public register as one JSON file",
                    "responses": {"200": _ok(_ref("RegisterFile")), "405": not_allowed},
                }
            },
            "/oppna-data/anslutna.csv": {
                "get": {
                    "operationId": "downloadRegisterCsv",
                    "summary": "The whole public register as a CSV file",
                    "description": "UTF-8 with byte order mark, comma-separated, a header row "
                    "with the field names of Organisation in the same order. Lists are "
                    'joined with "; ", null is empty. A text starting with = + - @, tab or '
                    "carriage return gets a leading apostrophe (') against formula injection.",
                    "responses": {
                        "200": {
                            "description": "OK",
                            "content": {"text/csv": {"schema": {"type": "string"}}},
                        },
                        "405": not_allowed,
                    },
                }
            },
        },
        "components": {
            "schemas": {
                "Organisation": _object(
                    _organisation_properties(signed=True),
                    "An organisation with an active signature of the current period.",
                ),
                "OrganisationDetail": _object(detail_properties),
                "OrganisationPage": _object(
                    {
                        "count": {"type": "integer", "minimum": 0},
                        "page": {"type": "integer", "minimum": 1},
                        "page_size": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
                        "next": {"type": ["string", "null"], "format": "uri"},
                        "previous": {"type": ["string", "null"], "format": "uri"},
                        "results": {"type": "array", "items": _ref("Organisation")},
                    }
                ),
                "AgreementSummary": agreement_summary_schema,
                "Agreement": agreement,
                "Verification": _object(
                    {
                        "organisation": _object(
                            {"id": {"type": "integer", "minimum": 1}, "name": {"type": "string"}}
                        ),
                        "active_signatory": {"type": "boolean"},
                        "may_use_symbol": {"type": "boolean"},
                        "agreement": {
                            "oneOf": [_ref("AgreementSummary"), {"type": "null"}],
                            "description": "The period it has signed, or else the current "
                            "period; null if no agreement is published.",
                        },
                        "checked_on": _DATE,
                    }
                ),
                "RegisterFile": _object(
                    {
                        "licence": _object(
                            {
                                "name": {"type": "string"},
                                "identifier": {"type": "string"},
                                "url": _URI,
                            }
                        ),
                        "generated_at": {"type": "string", "format": "date-time"},
                        "agreement": {"oneOf": [_ref("AgreementSummary"), {"type": "null"}]},
                        "organisations": {"type": "array", "items": _ref("Organisation")},
                    }
                ),
                "Error": _object({"error": {"type": "string"}}),
            }
        },
    }
