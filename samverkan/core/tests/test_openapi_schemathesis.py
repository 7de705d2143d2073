"""The open data API tested against its own OpenAPI description with Schemathesis.

The description is the one the site serves (/api/v1/openapi.json, written by hand in
samverkan/organisations/opendata.py), loaded with ``schemathesis.openapi.from_wsgi`` from the
real Django WSGI application, in this process, on the test database. For every operation in
it, Schemathesis generates requests from the description, both valid ones (positive) and ones
that break it (negative: wrong types, values out of range, unknown enum values, missing or
malformed path parameters), sends them to the application and runs its checks on each
response: no server error, a status code and content type the description lists for the
operation, a body that conforms to the response schema, and a 4xx for data the description
forbids. Each operation is also called with the ids and codes of real organisations, so that
full records are checked, not only the 404s that random ids find.

The number of operations and cases checked is printed at the end of the module.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
import schemathesis
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from hypothesis import currently_in_test_context, given, note, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from samverkan.accounts.models import Role
from samverkan.accounts.services import role_grant, user_get_or_create
from samverkan.core.tests.hostile import PROFILE, example, report
from samverkan.organisations import services
from samverkan.organisations.models import Area, District, OrganisationLink, TargetGroup
from samverkan.organisations.tests.conftest import make_agreement, sign_and_approve

pytestmark = pytest.mark.django_db

SCHEMA_PATH = "/api/v1/openapi.json"
#: Generated cases per operation and generation mode.
CASES_PER_OPERATION = 40

CASES: Counter[str] = Counter()
OPERATIONS: set[str] = set()


@pytest.fixture(scope="module", autouse=True)
def _closing_summary(request):
    yield
    if OPERATIONS:
        lines = [
            f"OpenAPI (Schemathesis): {len(OPERATIONS)} operations, "
            f"{sum(CASES.values())} cases checked"
        ]
        lines += [f"  {label}: {CASES[label]} cases" for label in sorted(CASES)]
        report(request.config, "\n".join(lines))


@pytest.fixture
def register(db) -> dict:
    """A small public register: three signatories with terms, one that only signed the
    previous period and merged into another, and a pending signature that is not public."""
    secretary = user_get_or_create(email="sekreterare@example.org", full_name="Sara Sekreterare")
    role_grant(user=secretary, role=Role.SECRETARY)
    previous = make_agreement("Överenskommelsen 2020–2023", date(2020, 1, 1), date(2023, 12, 31))
    current = make_agreement("Överenskommelsen 2024–2027", date(2024, 1, 1), date(2027, 12, 31))
    terms = [
        services.term_create(model=Area, name="Idrott", slug="idrott"),
        services.term_create(model=TargetGroup, name="Unga", slug="unga"),
        services.term_create(model=District, name="Ängsbacka", slug="angsbacka"),
    ]
    signed = [
        sign_and_approve(current, secretary, name="Norrby IK", number="802002-4280", terms=terms),
        sign_and_approve(current, secretary, name="Älvstads schackklubb", kind="network"),
        sign_and_approve(
            current, secretary, name="Kulturförvaltningen", kind="municipal_department"
        ),
    ]
    old = sign_and_approve(previous, secretary, name="Gamla föreningen", kind="network")
    services.organisation_link_create(
        predecessor=old.organisation,
        successor=signed[0].organisation,
        kind=OrganisationLink.Kind.values[0],
        on=date(2024, 3, 1),
    )
    pending = services.signature_application_submit(
        agreement=current,
        data={
            "name": "Väntande förening",
            "kind": "network",
            "organisation_number": "",
            "website": "",
            "public_email": "",
            "description": "",
            "easy_read_description": "",
            "signatory_name": "Pia",
            "signatory_role": "ordförande",
            "signatory_email": "pia@example.org",
            "areas": [],
            "target_groups": [],
            "districts": [],
        },
    )
    services.signature_application_confirm(raw_token=pending.raw_token)
    organisations = [s.organisation for s in [*signed, old]]
    return {
        "ids": [o.pk for o in organisations],
        "codes": [str(o.public_id) for o in organisations],
    }


@pytest.fixture
def api(register):
    """The OpenAPI description as the running site serves it, bound to the WSGI application.

    Django's test client keeps the test's transaction open by not closing connections at the
    end of a request; requests through the plain WSGI application need the same."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi(SCHEMA_PATH, WSGIHandler())
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def _operations(api):
    operations = [result.ok() for result in api.get_all_operations()]
    assert operations, "the description has operations"
    return operations


#: What every response must pass. Not asserted: ``positive_data_acceptance`` (a well-formed
#: slug that names no term, e.g. ?area=no-such-area, is refused by design with the documented
#: 400) and ``negative_data_rejection`` (an empty filter, e.g. ?kind= or ?area=, means "no
#: filter" and is accepted, although the description's enum and pattern do not list "").
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


def _check(label: str, case) -> None:
    CASES[label] += 1
    if currently_in_test_context():
        note(repr(case))
    with example(f"schemathesis {label}"):
        case.call_and_validate(checks=CHECKS)


def _generated(operation, mode: GenerationMode) -> str:
    label = f"{operation.label} ({mode.value})"

    @settings(parent=PROFILE, max_examples=CASES_PER_OPERATION)
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case) -> None:
        _check(label, case)

    run()
    return label


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_every_operation_conforms_to_the_description(api, mode):
    """Generated requests, valid and invalid: no server error, and every response (status,
    content type, headers, body) is one the description promises."""
    for operation in _operations(api):
        OPERATIONS.add(operation.label)
        if mode == GenerationMode.NEGATIVE and not any(operation.iter_parameters()):
            continue  # nothing in the request to break
        label = _generated(operation, mode)
        assert CASES[label] > 0, f"{label}: no case was generated"


def test_real_records_conform_to_the_description(api, register):
    """The operations with a path parameter, called with the ids and verification codes of
    real organisations (and the first pages of the list): the full records conform."""
    operations = {operation.label: operation for operation in _operations(api)}
    organisation = operations["GET /api/v1/organisations/{id}/"]
    verify = operations["GET /api/v1/verify/{public_id}/"]
    listing = operations["GET /api/v1/organisations/"]
    cases = [
        *(organisation.Case(path_parameters={"id": pk}) for pk in register["ids"]),
        *(verify.Case(path_parameters={"public_id": code}) for code in register["codes"]),
        listing.Case(query={"page_size": 1}),
        listing.Case(query={"page_size": 1, "page": 2}),
        listing.Case(query={"q": "förening", "kind": "network"}),
        listing.Case(query={"area": "idrott", "district": "angsbacka", "target_group": "unga"}),
    ]
    for case in cases:
        OPERATIONS.add(case.operation.label)
        _check(f"{case.operation.label} (real records)", case)
    responses = [case.call() for case in cases[: len(register["ids"])]]
    assert all(r.status_code == 200 for r in responses[:4]), "signatories are public"
