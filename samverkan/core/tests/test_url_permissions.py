"""Every address of the site, as every role: who gets the page, who is sent to log in, who is
refused, and for whom the thing does not exist.

The addresses are read from the URL configuration (``config/urls.py``, through every
``include()``), so a new view cannot escape: ``test_every_url_pattern_has_an_expectation``
fails for a pattern that has no entry in ``EXPECTATIONS``. Each entry has one or more cases,
each filling the pattern's parameters with real objects (``permission_world.py``), chosen to
belong to someone else where that matters: another organisation's details and signature,
another team's inquiry, a members-only meeting of a body the person does not sit on, draft
minutes, a draft consultation, a response held for a secrecy review.

For each case the walk asks:

* GET as each of the six roles, and compares the answer with the expectation (200, a redirect
  to the login page, 403, 404, 405 for GET on a POST-only view, 410 for a link that is not
  valid). Some cases also name words that only some roles may see (the note of draft minutes,
  the title of a members-only meeting); the other roles' pages must not contain them.
* GET once more as the public, with the anonymous page cache on: a kept page must be as right
  as a fresh one.
* POST as each role that may not change anything there, and checks the refusal and that the
  request wrote nothing: no INSERT, UPDATE or DELETE reached the database, every table's count
  is the same after each request, and every row is the same after them all. Where the data
  posted is what the allowed role would send, ``effective`` names that role, and a last pass
  posts it as them inside a rolled-back savepoint and checks that it *does* change something:
  the refusals above are refusals of a request that would otherwise have worked.

Forms that anyone may send (signing the agreement, the contact form, an inquiry, a
subscription, logging in and out, the language) are marked ``OPEN``: their behaviour is tested
in their apps. Django's admin is walked with one rule (none of the six roles is staff, so
every admin page sends them to the admin's login).

The number of checks is printed at the end of the walk and asserted.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection, transaction
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.utils import timezone

from samverkan.core.tests import permission_world as pw
from samverkan.core.tests.permission_world import (
    ANONYMOUS,
    C_NETWORK,
    COUNCIL,
    REPRESENTATIVE,
    ROLES,
    SECRETARY,
    TEAM_MEMBER,
    World,
    build_world,
)

# --- What an answer may be -------------------------------------------------------------------


@dataclass(frozen=True)
class Redirect:
    """A 302 whose Location starts with ``prefix`` (``login`` and ``admin_login`` are names),
    or is exactly ``prefix`` when ``exact``."""

    prefix: str
    exact: bool = False

    def __str__(self) -> str:
        return f"302 to {self.prefix}" + ("" if self.exact else "…")


LOGIN = Redirect("login")
ADMIN_LOGIN = Redirect("admin_login")
Outcome = int | Redirect
Roles = dict[str, Outcome]


def everyone(outcome: Outcome) -> Roles:
    return dict.fromkeys(ROLES, outcome)


def roles(default: Outcome, **by_role: Outcome) -> Roles:
    """``roles(403, anonymous=LOGIN, secretary=200)``; keywords are the role names with
    underscores (``c_network``, ``team_member``)."""
    names = {
        "anonymous": ANONYMOUS,
        "representative": REPRESENTATIVE,
        "council": COUNCIL,
        "c_network": C_NETWORK,
        "team_member": TEAM_MEMBER,
        "secretary": SECRETARY,
    }
    unknown = set(by_role) - set(names)
    assert not unknown, f"unknown roles {unknown}"
    result = dict.fromkeys(ROLES, default)
    for key, outcome in by_role.items():
        result[names[key]] = outcome
    return result


def without(outcomes: Roles, *left_out: str) -> Roles:
    return {role: outcome for role, outcome in outcomes.items() if role not in left_out}


#: Pages of the secretary's: anonymous visitors log in, everyone else is refused.
SECRETARY_PAGE = roles(403, anonymous=LOGIN, secretary=200)
#: A secretary's action that takes POST only (``@secretary_only`` outside ``@require_POST``).
SECRETARY_POST_ONLY = roles(403, anonymous=LOGIN, secretary=405)
#: What everyone but the secretary gets when they try to change something of the secretary's.
REFUSED = roles(403, anonymous=LOGIN)
NOT_SECRETARY = without(REFUSED, SECRETARY)
#: Visible only to the secretary; everyone else is told that it does not exist.
SECRETARY_SEES = roles(404, secretary=200)
#: Handling work: anonymous visitors log in; nobody outside the team learns it exists.
TEAM_WORK = roles(404, anonymous=LOGIN, secretary=200)
#: A link from an email that is not (or no longer) valid.
GONE = everyone(410)


class _Open:
    """Anyone may POST here (a public form, logging in or out): not a refusal to check."""

    def __repr__(self) -> str:
        return "OPEN"


OPEN = _Open()

# --- One address to check --------------------------------------------------------------------

Value = Any
Fill = Callable[[World], Value]


@dataclass
class Case:
    get: Roles
    #: POST as these roles, expecting these refusals and no change; OPEN: anyone may post.
    post: Roles | _Open
    #: The pattern's parameters: ``{"pk": lambda w: w.norrby.pk}``.
    kwargs: dict[str, Value | Fill] = field(default_factory=dict)
    #: The whole path, for patterns written as regular expressions.
    path: str = ""
    query: str | Fill = ""
    data: dict[str, Value | Fill] = field(default_factory=dict)
    #: Words that must not be in the answer, with the roles that may see them.
    hidden: dict[str, frozenset[str]] = field(default_factory=dict)
    #: The role for whom posting ``data`` really changes something (checked last).
    effective: str = ""
    label: str = ""


def sees(*names: str) -> frozenset[str]:
    return frozenset(names)


def value(fill: Value | Fill, world: World) -> Value:
    return fill(world) if callable(fill) else fill


BOGUS_TOKEN = "ingen-giltig-lank-0123456789"


def token_case(extra: dict | None = None, get_outcome: Outcome = 410) -> Case:
    """A link from an email, with a token nobody was given: gone for everyone, either way."""
    return Case(
        get=everyone(get_outcome),
        post=everyone(get_outcome),
        kwargs={"token": BOGUS_TOKEN, **(extra or {})},
    )


def page(get: Roles | None = None, post: Roles | _Open | None = None, **kwargs) -> Case:
    """A page that reads: GET as given (everyone 200 by default); POST changes nothing."""
    get = get if get is not None else everyone(200)
    return Case(get=get, post=post if post is not None else get, **kwargs)


def read_only(get: Roles | None = None, **kwargs) -> Case:
    """A page that takes GET only (``@require_GET``/``@require_safe``): POST is 405."""
    return Case(get=get if get is not None else everyone(200), post=everyone(405), **kwargs)


def secretary_page(**kwargs) -> Case:
    return Case(get=SECRETARY_PAGE, post=NOT_SECRETARY, **kwargs)


def secretary_action(**kwargs) -> Case:
    """``@secretary_only`` + ``@require_POST``."""
    return Case(get=SECRETARY_POST_ONLY, post=NOT_SECRETARY, **kwargs)


TODAY = timezone.localdate


def days(n: int) -> Fill:
    return lambda w: (TODAY() + timedelta(days=n)).isoformat()


def organisation_form(w: World, organisation) -> dict:
    return {
        "name": "Kapad förening",
        "kind": organisation.kind if organisation.organisation_number else "network",
        "organisation_number": organisation.organisation_number or "",
        "website": "",
        "public_email": "",
        "description": "Ändrad av någon annan.",
        "easy_read_description": "",
    }


# --- The expectations, by URL name (or route, for patterns without a name) ----------------------

EXPECTATIONS: dict[str, list[Case]] = {
    # core
    "core:home": [page(hidden={pw.AU_TITLE: sees(SECRETARY)})],
    "core:accessibility": [page()],
    "core:privacy": [page()],
    "core:privacy_purpose": [
        page(kwargs={"slug": "anslutna"}),
        page(everyone(404), kwargs={"slug": "finns-inte"}, label="no such purpose"),
    ],
    "core:contact": [Case(get=everyone(200), post=OPEN)],
    # Choosing a language sets a cookie and goes back; Swedish keeps the clients as they are.
    "core:language": [
        page(everyone(Redirect("/")), kwargs={"language": "sv"}),
        page(everyone(404), kwargs={"language": "xx"}, label="no such language"),
        *[
            page(
                everyone(Redirect("/", exact=True)),
                kwargs={"language": "sv"},
                query=f"?next={target}",
                label="back to another site",
            )
            for target in ("https://angripare.example.org/", "//angripare.example.org/")
        ],
    ],
    # accounts
    "accounts:login": [Case(get=everyone(200), post=OPEN)],
    "accounts:login_confirm": [token_case()],
    "accounts:login_password": [Case(get=everyone(200), post=OPEN)],
    "accounts:logout": [Case(get=everyone(405), post=OPEN)],
    "set_language": [
        Case(get=everyone(Redirect("/")), post=OPEN),
        Case(
            get=everyone(Redirect("/", exact=True)),
            post=OPEN,
            query="?next=https://angripare.example.org/",
            label="back to another site",
        ),
    ],
    # personal data: each person's own, for anyone logged in; another person's never shows
    "privacy:my_data": [
        Case(
            get=roles(200, anonymous=LOGIN),
            post=roles(405, anonymous=LOGIN),
            hidden={
                pw.SIGNATORY: sees(),
                "ordf@norrbyik.example.org": sees(),
                pw.ATTENDEE_NAME: sees(),
                pw.PRIVATE_EMAIL: sees(),
            },
        )
    ],
    "privacy:my_data_json": [
        Case(
            get=roles(200, anonymous=LOGIN),
            post=roles(405, anonymous=LOGIN),
            hidden={
                pw.SIGNATORY: sees(),
                "ordf@norrbyik.example.org": sees(),
                pw.ATTENDEE_NAME: sees(),
                pw.PRIVATE_EMAIL: sees(),
            },
        )
    ],
    "privacy:correct": [
        Case(
            get=roles(200, anonymous=LOGIN),
            post={ANONYMOUS: LOGIN},
            data={"full_name": "Kapat namn", "person_name": "Leif Ledamot", "person_phone": ""},
            effective=COUNCIL,
        )
    ],
    # The effective erasure logs the C-network member's client out: no later pattern may
    # count on that client (privacy comes last but for the language and the admin).
    "privacy:erase": [
        Case(
            get=roles(200, anonymous=LOGIN),
            post={ANONYMOUS: LOGIN},
            data={"confirm": "on"},
            effective=C_NETWORK,
        )
    ],
    "privacy:erasure_requests": [secretary_page()],
    # open data: GET and HEAD only, for everyone
    "opendata:page": [read_only()],
    "opendata:register_csv": [read_only(hidden={"Väntande föreningen": sees()})],
    "opendata:register_json": [read_only(hidden={"Väntande föreningen": sees()})],
    "opendata:api_organisations": [read_only(hidden={"Väntande föreningen": sees()})],
    "opendata:api_organisation": [
        read_only(
            kwargs={"pk": lambda w: w.norrby.pk},
            hidden={pw.SIGNATORY: sees(), "ordf@norrbyik.example.org": sees()},
        ),
        read_only(everyone(404), kwargs={"pk": lambda w: w.pending.pk}, label="not approved"),
    ],
    "opendata:api_agreements": [read_only(hidden={"2028–2031": sees()})],
    "opendata:api_verify": [read_only(kwargs={"public_id": lambda w: w.norrby.public_id})],
    "opendata:api_openapi": [read_only()],
    "opendata:api_not_found": [read_only(everyone(404), path="/api/v1/finns-inte/")],
    # the register
    "organisations:agreement_current": [page()],
    "organisations:agreement_detail": [
        page(kwargs={"pk": lambda w: w.agreement.pk}),
        page(everyone(404), kwargs={"pk": lambda w: w.draft_agreement.pk}, label="draft"),
    ],
    "organisations:agreement_easy_read": [
        page(kwargs={"pk": lambda w: w.agreement.pk}),
        page(everyone(404), kwargs={"pk": lambda w: w.draft_agreement.pk}, label="draft"),
    ],
    "organisations:register": [page(hidden={"Väntande föreningen": sees()})],
    "organisations:renewal_overview": [page(hidden={"Väntande föreningen": sees()})],
    "organisations:organisation_detail": [
        page(
            kwargs={"pk": lambda w: w.norrby.pk},
            hidden={pw.SIGNATORY: sees(), "ordf@norrbyik.example.org": sees()},
        ),
        page(kwargs={"pk": lambda w: w.department.pk}, label="a department, never signed"),
        page(
            SECRETARY_SEES,
            kwargs={"pk": lambda w: w.pending.pk},
            label="an application the secretary has not approved",
        ),
        page(
            SECRETARY_SEES,
            kwargs={"pk": lambda w: w.declined.pk},
            label="an application the secretary declined",
        ),
    ],
    "organisations:organisation_edit": [
        Case(
            label="another organisation",
            get=SECRETARY_PAGE,
            post=NOT_SECRETARY,
            kwargs={"pk": lambda w: w.norrby.pk},
            data=lambda w: organisation_form(w, w.norrby),
            effective=SECRETARY,
        ),
        Case(
            label="the representative's own",
            get=roles(403, anonymous=LOGIN, representative=200, secretary=200),
            post=without(NOT_SECRETARY, REPRESENTATIVE),
            kwargs={"pk": lambda w: w.schack.pk},
            data=lambda w: organisation_form(w, w.schack),
            effective=REPRESENTATIVE,
        ),
    ],
    "organisations:signature_withdraw": [
        Case(
            label="another organisation's",
            get=SECRETARY_PAGE,
            post=NOT_SECRETARY,
            kwargs={"pk": lambda w: w.norrby_signature.pk},
            data={"reason": "Någon annan vill att vi lämnar."},
            effective=SECRETARY,
        ),
        Case(
            label="the representative's own",
            get=roles(403, anonymous=LOGIN, representative=200, secretary=200),
            post=without(NOT_SECRETARY, REPRESENTATIVE),
            kwargs={"pk": lambda w: w.schack_signature.pk},
            data={"reason": "Vi lämnar."},
            effective=REPRESENTATIVE,
        ),
    ],
    "organisations:verify": [
        page(kwargs={"public_id": lambda w: w.norrby.public_id}),
        page(kwargs={"public_id": lambda w: w.pending.public_id}, label="not approved: says so"),
    ],
    "organisations:sign": [Case(get=everyone(200), post=OPEN)],
    "organisations:sign_sent": [page()],
    "organisations:sign_confirm": [token_case()],
    "organisations:sign_renew": [token_case()],
    "organisations:info_answer": [token_case()],
    "organisations:exclusion_respond": [token_case()],
    "organisations:review_queue": [secretary_page()],
    "organisations:signature_review": [
        secretary_page(
            kwargs={"pk": lambda w: w.pending.signatures.get().pk},
            data={"action": "approve", "approve-note": ""},
            effective=SECRETARY,
        )
    ],
    "organisations:agreement_admin": [secretary_page()],
    "organisations:agreement_publish": [
        secretary_action(kwargs={"pk": lambda w: w.draft_agreement.pk}, effective=SECRETARY)
    ],
    "organisations:renewal_invite": [
        secretary_action(kwargs={"pk": lambda w: w.draft_agreement.pk})
    ],
    "organisations:exclusion_case_list": [secretary_page()],
    "organisations:exclusion_case_open": [
        secretary_page(
            kwargs={"signature_pk": lambda w: w.norrby_signature.pk},
            data={"grounds": "Påstådda brister.", "response_deadline": days(14)},
            effective=SECRETARY,
        )
    ],
    "organisations:exclusion_case_detail": [
        secretary_page(
            kwargs={"pk": lambda w: w.exclusion_case.pk},
            data={
                "outcome": "exclude",
                "decision": "Utesluts.",
                "deciding_body": "Samverkansrådet",
                "decided_on": days(0),
            },
        )
    ],
    # council work
    "meetings:body_list": [read_only()],
    "meetings:body_detail": [
        read_only(kwargs={"slug": "au"}, hidden={pw.AU_TITLE: sees(SECRETARY)}),
        read_only(
            kwargs={"slug": "samverkansradet"},
            hidden={"Rådets interna möte": sees(COUNCIL, SECRETARY)},
            label="the council, a members-only meeting",
        ),
    ],
    "meetings:body_feed": [page(kwargs={"slug": "au"}, hidden={pw.AU_TITLE: sees()})],
    "meetings:meeting_detail": [
        read_only(kwargs={"pk": lambda w: w.public_meeting.pk}, label="public"),
        read_only(
            kwargs={"pk": lambda w: w.draft_meeting.pk},
            hidden={pw.DRAFT_NOTE: sees(SECRETARY), pw.DRAFT_DECISION: sees(SECRETARY)},
            label="draft minutes",
        ),
        read_only(
            roles(404, council=200, secretary=200),
            kwargs={"pk": lambda w: w.council_meeting.pk},
            label="members-only, the council's",
        ),
        read_only(
            SECRETARY_SEES, kwargs={"pk": lambda w: w.au_meeting.pk}, label="members-only, AU"
        ),
    ],
    "meetings:minutes_pdf": [
        read_only(kwargs={"pk": lambda w: w.public_meeting.pk}, label="published"),
        read_only(SECRETARY_SEES, kwargs={"pk": lambda w: w.draft_meeting.pk}, label="draft"),
        read_only(
            roles(404, council=200, secretary=200),
            kwargs={"pk": lambda w: w.council_meeting.pk},
            label="members-only, the council's",
        ),
        read_only(
            SECRETARY_SEES, kwargs={"pk": lambda w: w.au_meeting.pk}, label="members-only, AU"
        ),
    ],
    "meetings:meeting_ics": [
        page(kwargs={"pk": lambda w: w.public_meeting.pk}),
        page(
            roles(404, council=200, secretary=200),
            kwargs={"pk": lambda w: w.council_meeting.pk},
            label="members-only, the council's",
        ),
        page(SECRETARY_SEES, kwargs={"pk": lambda w: w.au_meeting.pk}, label="members-only, AU"),
    ],
    "meetings:attachment_download": [
        read_only(kwargs={"pk": lambda w: w.public_attachment.pk}),
        read_only(SECRETARY_SEES, kwargs={"pk": lambda w: w.au_attachment.pk}, label="AU's"),
    ],
    "meetings:calendar": [
        page(hidden={pw.AU_TITLE: sees(SECRETARY)}),
        page(query="?organ=au", hidden={pw.AU_TITLE: sees(SECRETARY)}, label="AU's"),
        page(
            query="?tidigare=1",
            hidden={"Rådets interna möte": sees(COUNCIL, SECRETARY)},
            label="earlier meetings",
        ),
    ],
    "meetings:public_feed": [page(hidden={pw.AU_TITLE: sees()})],
    "meetings:decisions": [
        read_only(
            hidden={
                pw.DRAFT_DECISION: sees(SECRETARY),
                pw.MEMBERS_DECISION: sees(COUNCIL, SECRETARY),
            }
        )
    ],
    "meetings:action_items": [
        read_only(
            hidden={
                pw.AU_ACTION: sees(SECRETARY),
                pw.COUNCIL_ACTION: sees(COUNCIL, SECRETARY),
                pw.DRAFT_ACTION: sees(),
            }
        )
    ],
    "meetings:carried_over": [read_only(hidden={pw.DRAFT_POINT: sees()})],
    "meetings:attendance_statistics": [
        page(hidden={pw.ATTENDEE_NAME: sees()}),
        page(
            query="?group_by=person",
            hidden={pw.ATTENDEE_NAME: sees(COUNCIL, C_NETWORK, SECRETARY)},
            label="per person",
        ),
        page(
            query="?group_by=person&format=csv",
            hidden={pw.ATTENDEE_NAME: sees(COUNCIL, C_NETWORK, SECRETARY)},
            label="per person, CSV",
        ),
    ],
    "meetings:invitation_respond": [
        token_case(),
        Case(
            label="someone else's link",
            get=roles(403, anonymous=200),
            post=without(everyone(403), ANONYMOUS),
            kwargs={"token": lambda w: w.invitation_token},
            data={"response": "absent"},
            effective=ANONYMOUS,
        ),
    ],
    "meetings:manage_meetings": [secretary_page()],
    "meetings:meeting_create": [
        secretary_page(
            data=lambda w: {
                "kind": "meeting",
                "title": "Smygmöte",
                "date": days(3)(w),
                "visibility": "public",
                "bodies": [w.council.pk],
            },
            effective=SECRETARY,
        )
    ],
    "meetings:meeting_edit": [
        secretary_page(kwargs={"pk": lambda w: w.au_meeting.pk}, data={"action": "cancel"})
    ],
    "meetings:minutes_edit": [
        secretary_page(kwargs={"pk": lambda w: w.draft_meeting.pk}, data={"action": "publish"})
    ],
    "meetings:minutes_revise": [secretary_page(kwargs={"pk": lambda w: w.public_meeting.pk})],
    "meetings:body_manage": [secretary_page(kwargs={"slug": "samverkansradet"})],
    "meetings:people": [secretary_page()],
    "minutes_import:upload": [secretary_page()],
    # Without an uploaded draft there is nothing to preview: back to the upload.
    "minutes_import:preview": [
        Case(
            get=roles(403, anonymous=LOGIN, secretary=Redirect("/sekreterare/import/")),
            post=NOT_SECRETARY,
        )
    ],
    "minutes_import:suggestion_list": [secretary_page()],
    "minutes_import:document_list": [secretary_page()],
    # En väg in
    "inquiries:new": [Case(get=everyone(200), post=OPEN)],
    "inquiries:sent": [page()],
    "inquiries:confirm": [token_case()],
    "inquiries:status": [token_case()],
    "inquiries:status_attachment": [
        Case(get=everyone(404), post=everyone(405), kwargs={"token": BOGUS_TOKEN, "pk": 1}),
        read_only(
            everyone(404),
            kwargs={
                "token": lambda w: w.other_status_token,
                "pk": lambda w: w.own_attachment.pk,
            },
            label="the sender's link, another inquiry's attachment",
        ),
        read_only(
            kwargs={
                "token": lambda w: w.other_status_token,
                "pk": lambda w: w.other_attachment.pk,
            },
            label="the holder of the link",
        ),
    ],
    "inquiries:team_list": [
        page(
            roles(403, anonymous=LOGIN, team_member=200, secretary=200),
            hidden={pw.OTHER_TEAM_SUBJECT: sees()},
        )
    ],
    "inquiries:unrouted_queue": [secretary_page()],
    "inquiries:team_queue": [
        page(
            TEAM_WORK,
            kwargs={"slug": lambda w: w.other_team.slug},
            label="another team's",
        ),
        page(
            roles(404, anonymous=LOGIN, team_member=200, secretary=200),
            kwargs={"slug": lambda w: w.own_team.slug},
            hidden={pw.OTHER_TEAM_SUBJECT: sees(SECRETARY)},
            label="the team member's own",
        ),
    ],
    "inquiries:detail": [
        Case(
            label="another team's",
            get=TEAM_WORK,
            post=without(TEAM_WORK, SECRETARY),
            kwargs={"pk": lambda w: w.other_inquiry.pk},
            data={"action": "take"},
            effective=SECRETARY,
        ),
        Case(
            label="the team member's own",
            get=roles(404, anonymous=LOGIN, team_member=200, secretary=200),
            post=without(roles(404, anonymous=LOGIN), TEAM_MEMBER, SECRETARY),
            kwargs={"pk": lambda w: w.own_inquiry.pk},
            data={"action": "take"},
            effective=TEAM_MEMBER,
        ),
    ],
    "inquiries:attachment": [
        read_only(
            TEAM_WORK,
            kwargs={
                "pk": lambda w: w.other_inquiry.pk,
                "attachment_pk": lambda w: w.other_attachment.pk,
            },
            label="another team's",
        ),
        read_only(
            roles(404, anonymous=LOGIN),
            kwargs={
                "pk": lambda w: w.own_inquiry.pk,
                "attachment_pk": lambda w: w.other_attachment.pk,
            },
            label="own inquiry, another inquiry's attachment",
        ),
    ],
    "inquiries:export": [
        read_only(TEAM_WORK, kwargs={"pk": lambda w: w.other_inquiry.pk}, label="another team's"),
        read_only(
            roles(404, anonymous=LOGIN, team_member=200, secretary=200),
            kwargs={"pk": lambda w: w.own_inquiry.pk},
            label="the team member's own",
        ),
    ],
    "inquiries:erase": [
        Case(
            label="another team's",
            get=TEAM_WORK,
            post=without(TEAM_WORK, SECRETARY),
            kwargs={"pk": lambda w: w.other_inquiry.pk},
            data={"basis": "Begäran om radering.", "confirm": "on"},
        ),
        Case(
            label="the team member's own",
            get=roles(404, anonymous=LOGIN, team_member=403, secretary=200),
            post=without(roles(404, anonymous=LOGIN, team_member=403), SECRETARY),
            kwargs={"pk": lambda w: w.own_inquiry.pk},
            data={"basis": "Begäran om radering.", "confirm": "on"},
        ),
    ],
    "inquiries:routing": [secretary_page()],
    "inquiries:team_create": [secretary_page()],
    "inquiries:team_edit": [secretary_page(kwargs={"pk": lambda w: w.other_team.pk})],
    "inquiries:rule_create": [secretary_page()],
    "inquiries:rule_edit": [secretary_page(kwargs={"pk": lambda w: w.rule.pk})],
    "inquiries:rule_delete": [
        Case(
            get=everyone(405),
            post=NOT_SECRETARY,
            kwargs={"pk": lambda w: w.rule.pk},
            effective=SECRETARY,
        )
    ],
    "inquiries:statistics": [secretary_page()],
    "inquiries:register_export": [secretary_page(hidden={pw.OTHER_TEAM_SUBJECT: sees(SECRETARY)})],
    # the collaboration map
    "collaboration_map:catalogue": [read_only(hidden={"Nedlagda jouren": sees()})],
    "collaboration_map:body_forum": [read_only(kwargs={"slug": "samverkansradet"})],
    "collaboration_map:contact_point": [
        read_only(kwargs={"slug": lambda w: w.contact_point.slug}),
        read_only(
            SECRETARY_SEES, kwargs={"slug": lambda w: w.inactive_point.slug}, label="deactivated"
        ),
    ],
    "collaboration_map:map": [read_only(hidden={"Nedlagda jouren": sees()})],
    "collaboration_map:map_embed_code": [read_only()],
    "collaboration_map:map_embed_frame": [read_only()],
    "collaboration_map:map_embed_svg": [read_only()],
    "collaboration_map:ladder": [read_only()],
    "collaboration_map:manage": [secretary_page()],
    "collaboration_map:contact_point_create": [secretary_page()],
    "collaboration_map:contact_point_edit": [
        secretary_page(kwargs={"pk": lambda w: w.contact_point.pk})
    ],
    "collaboration_map:contact_point_deactivate": [
        secretary_action(kwargs={"pk": lambda w: w.contact_point.pk}, effective=SECRETARY)
    ],
    "collaboration_map:contact_point_activate": [
        secretary_action(kwargs={"pk": lambda w: w.inactive_point.pk}, effective=SECRETARY)
    ],
    "collaboration_map:body_adopt": [
        secretary_action(kwargs={"slug": "samverkansradet"}, effective=SECRETARY)
    ],
    "collaboration_map:link_remove": [
        secretary_action(kwargs={"pk": lambda w: w.link.pk}, effective=SECRETARY)
    ],
    "collaboration_map:themes": [secretary_page(data={"name": "Smygtema"}, effective=SECRETARY)],
    "collaboration_map:theme_edit": [secretary_page(kwargs={"pk": lambda w: w.theme.pk})],
    "collaboration_map:theme_delete": [
        secretary_action(kwargs={"pk": lambda w: w.theme.pk}, effective=SECRETARY)
    ],
    "collaboration_map:ladder_steps": [secretary_page()],
    "collaboration_map:ladder_standard_steps": [secretary_action()],
    "collaboration_map:ladder_step_edit": [
        secretary_page(kwargs={"pk": lambda w: w.ladder_step.pk})
    ],
    "collaboration_map:ladder_step_delete": [
        secretary_action(kwargs={"pk": lambda w: w.ladder_step.pk}, effective=SECRETARY)
    ],
    # consultations
    "consultations:list": [page(hidden={"Remissutkast om parkbänkar": sees()})],
    "consultations:detail": [
        page(kwargs={"pk": lambda w: w.open_consultation.pk}, label="open"),
        page(SECRETARY_SEES, kwargs={"pk": lambda w: w.draft_consultation.pk}, label="draft"),
        page(
            kwargs={"pk": lambda w: w.closed_consultation.pk},
            hidden={pw.SECRET_RESPONSE: sees(SECRETARY), "ordf@norrbyik.example.org": sees()},
            label="closed, one response held for a secrecy review",
        ),
    ],
    "consultations:document": [
        read_only(
            kwargs={
                "pk": lambda w: w.open_consultation.pk,
                "document_pk": lambda w: w.open_document.pk,
            }
        ),
        read_only(
            SECRETARY_SEES,
            kwargs={
                "pk": lambda w: w.draft_consultation.pk,
                "document_pk": lambda w: w.draft_document.pk,
            },
            label="draft",
        ),
        read_only(
            everyone(404),
            kwargs={
                "pk": lambda w: w.open_consultation.pk,
                "document_pk": lambda w: w.draft_document.pk,
            },
            label="a draft's document under an open consultation",
        ),
    ],
    "consultations:response_file": [
        read_only(
            kwargs={
                "pk": lambda w: w.closed_consultation.pk,
                "response_pk": lambda w: w.published_response.pk,
            },
            label="published",
        ),
        read_only(
            SECRETARY_SEES,
            kwargs={
                "pk": lambda w: w.closed_consultation.pk,
                "response_pk": lambda w: w.secret_response.pk,
            },
            label="held for a secrecy review",
        ),
        read_only(
            everyone(404),
            kwargs={
                "pk": lambda w: w.open_consultation.pk,
                "response_pk": lambda w: w.secret_response.pk,
            },
            label="under another consultation",
        ),
    ],
    "consultations:respond": [
        Case(
            label="consultees only, the representative's organisation is not one",
            get=roles(403, anonymous=LOGIN),
            post=roles(403, anonymous=LOGIN),
            kwargs={"pk": lambda w: w.open_consultation.pk},
            data=lambda w: {"organisation": w.norrby.pk, "text": "Falskt svar."},
        ),
        page(SECRETARY_SEES, kwargs={"pk": lambda w: w.draft_consultation.pk}, label="draft"),
    ],
    "consultations:sent": [
        page(kwargs={"pk": lambda w: w.open_consultation.pk}),
        page(SECRETARY_SEES, kwargs={"pk": lambda w: w.draft_consultation.pk}, label="draft"),
    ],
    "consultations:confirm": [token_case()],
    "consultations:manage": [secretary_page()],
    "consultations:create": [secretary_page()],
    "consultations:manage_detail": [
        secretary_page(kwargs={"pk": lambda w: w.draft_consultation.pk})
    ],
    "consultations:edit": [secretary_page(kwargs={"pk": lambda w: w.draft_consultation.pk})],
    "consultations:transition": [
        secretary_page(
            kwargs={"pk": lambda w: w.open_consultation.pk, "action": "close"},
            data={"confirm": "on"},
        ),
        Case(
            label="no such step",
            get=roles(403, anonymous=LOGIN, secretary=404),
            post=NOT_SECRETARY,
            kwargs={"pk": lambda w: w.open_consultation.pk, "action": "sprang"},
        ),
    ],
    "consultations:consultee_add": [
        secretary_page(
            kwargs={"pk": lambda w: w.open_consultation.pk},
            data=lambda w: {"organisation": w.schack.pk},
        )
    ],
    "consultations:consultee_extend": [
        secretary_page(
            kwargs={
                "pk": lambda w: w.open_consultation.pk,
                "consultee_pk": lambda w: w.consultee.pk,
            },
            data={"until": days(30)},
        )
    ],
    "consultations:consultee_remove": [
        secretary_action(
            kwargs={
                "pk": lambda w: w.open_consultation.pk,
                "consultee_pk": lambda w: w.consultee.pk,
            }
        )
    ],
    "consultations:document_add": [secretary_page(kwargs={"pk": lambda w: w.open_consultation.pk})],
    "consultations:document_remove": [
        secretary_action(
            kwargs={
                "pk": lambda w: w.open_consultation.pk,
                "document_pk": lambda w: w.open_document.pk,
            },
            effective=SECRETARY,
        )
    ],
    "consultations:secrecy": [
        secretary_action(
            kwargs={
                "pk": lambda w: w.closed_consultation.pk,
                "response_pk": lambda w: w.secret_response.pk,
                "action": "clear",
            },
            effective=SECRETARY,
        )
    ],
    # the watch list
    "watchlist:list": [
        page(hidden={pw.HIDDEN_UPDATE: sees(SECRETARY)}),
        page(query="?q=uttrar", hidden={pw.HIDDEN_UPDATE: sees(SECRETARY)}, label="searched"),
    ],
    "watchlist:item_detail": [
        page(
            kwargs={"pk": lambda w: w.watch_item.pk},
            hidden={pw.HIDDEN_UPDATE: sees(SECRETARY), pw.PRIVATE_EMAIL: sees()},
        )
    ],
    "watchlist:item_create": [secretary_page(data={"title": "Smygprojekt"}, effective=SECRETARY)],
    "watchlist:item_edit": [secretary_page(kwargs={"pk": lambda w: w.watch_item.pk})],
    "watchlist:update_add": [
        secretary_page(
            kwargs={"pk": lambda w: w.watch_item.pk},
            data={"date": days(0), "note": "Smyguppdatering"},
            effective=SECRETARY,
        )
    ],
    "watchlist:update_edit": [secretary_page(kwargs={"pk": lambda w: w.hidden_update.pk})],
    "watchlist:portfolio": [page()],
    "watchlist:portfolio_create": [
        secretary_page(data={"name": "Smygportfölj"}, effective=SECRETARY)
    ],
    "watchlist:portfolio_edit": [secretary_page(kwargs={"pk": lambda w: w.portfolio.pk})],
    "watchlist:goal_create": [secretary_page(kwargs={"portfolio_pk": lambda w: w.portfolio.pk})],
    "watchlist:goal_edit": [
        secretary_page(kwargs={"portfolio_pk": lambda w: w.portfolio.pk, "pk": lambda w: w.goal.pk})
    ],
    "watchlist:priority_create": [
        secretary_page(kwargs={"portfolio_pk": lambda w: w.portfolio.pk})
    ],
    "watchlist:priority_edit": [
        secretary_page(
            kwargs={"portfolio_pk": lambda w: w.portfolio.pk, "pk": lambda w: w.priority.pk}
        )
    ],
    "watchlist:initiative_create": [
        secretary_page(kwargs={"portfolio_pk": lambda w: w.portfolio.pk})
    ],
    "watchlist:initiative_edit": [
        secretary_page(
            kwargs={"portfolio_pk": lambda w: w.portfolio.pk, "pk": lambda w: w.initiative.pk}
        )
    ],
    # subscriptions and feeds
    "subscriptions:subscribe": [
        Case(get=everyone(200), post=OPEN),
        Case(
            get=everyone(200),
            post=OPEN,
            query=lambda w: f"?amne=consultation:{w.draft_consultation.pk}",
            hidden={"Remissutkast om parkbänkar": sees()},
            label="following a draft consultation",
        ),
    ],
    "subscriptions:sent": [page()],
    "subscriptions:confirm": [token_case()],
    "subscriptions:manage": [token_case()],
    "subscriptions:reconfirm": [token_case()],
    # One-click unsubscribing (RFC 8058) answers the same whatever the token: it leaks nothing.
    "subscriptions:unsubscribe": [
        Case(get=GONE, post=everyone(200), kwargs={"token": BOGUS_TOKEN})
    ],
    "subscriptions:feed": [page(hidden={pw.AU_TITLE: sees()})],
    "subscriptions:topic_feed": [
        page(kwargs={"segment": "tema", "value": "boende"}),
        page(
            kwargs={"segment": "remiss", "value": lambda w: w.open_consultation.pk},
            label="an open consultation",
        ),
        page(
            everyone(404),
            kwargs={"segment": "remiss", "value": lambda w: w.draft_consultation.pk},
            label="a draft consultation",
        ),
    ],
    # search: only public things are in the index
    # Search: only public things are in the index. The page repeats the query, so each case
    # looks for another word of the hidden text (or the hidden thing's address).
    "search:results": [
        read_only(
            query=f"?q={query}",
            hidden={word: sees()},
            label=f"{label}: {query}",
        )
        for query, word, label in [
            (
                "parkbänkar",
                lambda w: f"/remisser/{w.draft_consultation.pk}/",
                "a draft consultation",
            ),
            ("giraffer", "Utkastanteckning", "notes in draft minutes"),
            ("flodhästar", "Utkastbeslut", "a decision in draft minutes"),
            ("krokodiler", "Rådsbeslut", "a decision of a members-only meeting"),
            ("pingviner", "Arbetsutskottets slutna", "a members-only meeting"),
            ("sälar", "AU-uppdrag", "an action item of a members-only meeting"),
            ("uttrar", "Uppdatering från", "a watch-list update from a members-only meeting"),
            ("bävrar", "Svar under", "a response held for a secrecy review"),
            (
                "Väntande",
                lambda w: f"/organisationer/{w.pending.pk}/",
                "an organisation not approved",
            ),
        ]
    ],
    # the history of official records and the registry export: the secretary's
    "history:diarium": [secretary_page()],
    "history:diarium_csv": [secretary_page()],
    "history:object_history": [
        secretary_page(
            kwargs={
                "app_label": "inquiries",
                "model_name": "inquiry",
                "object_id": lambda w: w.other_inquiry.pk,
            },
            label="another team's inquiry",
        ),
        secretary_page(
            kwargs={
                "app_label": "organisations",
                "model_name": "organisation",
                "object_id": lambda w: w.norrby.pk,
            },
            label="another organisation",
        ),
    ],
    # Django's admin (the rest of its pages follow ADMIN_RULE)
    "admin:login": [Case(get=everyone(200), post=everyone(200))],
    # Not staff: the admin's own check sends them to its index before anything is logged out.
    "admin:logout": [page(everyone(Redirect("/admin/")))],
}

#: Every other page of Django's admin, one set per registered model: none of the roles is
#: staff, so GET and POST alike send everyone to the admin's own login.
ADMIN_RULE = Case(get=everyone(ADMIN_LOGIN), post=everyone(ADMIN_LOGIN))
#: The admin's patterns written as regular expressions, by key: an address each reaches.
ADMIN_PATHS = {"admin:app_list": "/admin/accounts/", "admin/(?P<url>.*)$": "/admin/finns-inte/"}

# --- The URL configuration, walked ------------------------------------------------------------


@dataclass(frozen=True)
class Pattern:
    route: str  # the whole route, includes joined
    name: str  # namespaced; "" for a pattern without a name
    namespace: str

    @property
    def key(self) -> str:
        return self.name or self.route


def url_patterns(
    resolver: URLResolver | None = None, prefix: str = "", namespaces=()
) -> Iterator[Pattern]:
    """Every pattern of the URL configuration, through every include()."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = namespaces + ((entry.namespace,) if entry.namespace else ())
            yield from url_patterns(entry, prefix + str(entry.pattern), inner)
        else:
            assert isinstance(entry, URLPattern)
            name = ":".join((*namespaces, entry.name)) if entry.name else ""
            yield Pattern(prefix + str(entry.pattern), name, ":".join(namespaces))


def expectation_problems(patterns: list[Pattern], expectations: dict[str, list[Case]]) -> list[str]:
    """What is wrong between the patterns and the expectations, in words (empty: nothing)."""
    problems = []
    keys = [p.key for p in patterns]
    for key in sorted({k for k in keys if keys.count(k) > 1}):
        problems.append(f"{key!r} names two patterns: key one of them by its route")
    for pattern in patterns:
        if pattern.key not in expectations and pattern.namespace != "admin":
            problems.append(
                f"{pattern.route!r} ({pattern.key}) has no entry in EXPECTATIONS: say what each "
                "role gets there"
            )
    for key in sorted(set(expectations) - set(keys)):
        problems.append(f"EXPECTATIONS has {key!r}, which is not a URL pattern (any more)")
    return problems


def cases_for(pattern: Pattern) -> list[Case]:
    """The pattern's cases; none for a pattern without an entry (reported by the first test)."""
    if pattern.key in EXPECTATIONS:
        return EXPECTATIONS[pattern.key]
    return [ADMIN_RULE] if pattern.namespace == "admin" else []


_PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


def path_for(pattern: Pattern, case: Case, world: World) -> str:
    if case.path:
        return case.path
    if pattern.namespace == "admin":
        if pattern.key in ADMIN_PATHS:
            return ADMIN_PATHS[pattern.key]
        assert "(?P" not in pattern.route, f"give ADMIN_PATHS an address for {pattern.key}"
        return "/" + _PARAMETER.sub("1", pattern.route)
    names = {match["name"] for match in _PARAMETER.finditer(pattern.route)}
    assert names == set(case.kwargs), (
        f"{pattern.key}: the pattern takes {sorted(names)}, the case gives {sorted(case.kwargs)}"
    )
    assert "^" not in pattern.route, f"{pattern.key} is a regular expression: give the case a path"
    return "/" + _PARAMETER.sub(lambda m: str(value(case.kwargs[m["name"]], world)), pattern.route)


# --- The state of the database, to see that a refused request changed nothing ----------------

#: Logging in writes a session and rate limits count in the cache table; nothing else may
#: change.
UNWATCHED_TABLES = {"django_session", "samverkan_cache"}
UNWATCHED_MODELS = {"sessions.session"}
_WRITE = re.compile(
    r'^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE|DELETE\s+FROM)\s+["`]?(\w+)',
    re.IGNORECASE,
)


class WriteWatcher:
    """An execute wrapper that notes every statement writing to a watched table."""

    def __init__(self) -> None:
        self.writes: list[str] = []

    def __call__(self, execute, sql, params, many, context):
        match = _WRITE.match(sql) if isinstance(sql, str) else None
        if match and match.group(1).lower() not in UNWATCHED_TABLES:
            self.writes.append(" ".join(sql.split())[:100])
        return execute(sql, params, many, context)


def watched_models() -> list:
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and model._meta.label_lower not in UNWATCHED_MODELS
    ]


def row_counts() -> dict[str, int]:
    """Every table's number of rows, in one query."""
    quote = connection.ops.quote_name
    models = watched_models()
    sql = " UNION ALL ".join(
        f"SELECT {index}, COUNT(*) FROM {quote(model._meta.db_table)}"
        for index, model in enumerate(models)
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        counts = dict(cursor.fetchall())
    return {model._meta.label_lower: counts[index] for index, model in enumerate(models)}


def database_state() -> dict[str, tuple[int, str]]:
    """Every table's number of rows and a digest of their content."""
    state = {}
    for model in watched_models():
        rows = list(model._base_manager.order_by("pk").values_list())
        state[model._meta.label_lower] = (
            len(rows),
            hashlib.sha256(repr(rows).encode()).hexdigest(),
        )
    return state


def changes(before: dict, after: dict) -> list[str]:
    def rows(entry) -> int:
        return entry[0] if isinstance(entry, tuple) else entry

    return [
        f"{label} ({rows(before[label])} → {rows(after[label])} rows)"
        for label in before
        if before[label] != after[label]
    ]


# --- Checking one answer ----------------------------------------------------------------------


def matches(response, outcome: Outcome) -> bool:
    if isinstance(outcome, int):
        return response.status_code == outcome
    if response.status_code != 302:
        return False
    location = response["Location"]
    if outcome is LOGIN:
        return location.startswith(resolve_url(settings.LOGIN_URL) + "?next=")
    if outcome is ADMIN_LOGIN:
        return location.startswith("/admin/login/?next=")
    if outcome.exact:
        return location == outcome.prefix
    return location.startswith(outcome.prefix)


def described(response) -> str:
    if response.status_code in (301, 302):
        return f"{response.status_code} to {response['Location']}"
    return str(response.status_code)


def content_of(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    if hasattr(response, "file_to_stream"):
        return ""  # a stored file: its words were not written by the site
    return response.content.decode("utf-8", "replace")


def label_of(pattern: Pattern, case: Case) -> str:
    return f"{pattern.key}" + (f" [{case.label}]" if case.label else "")


# --- The tests --------------------------------------------------------------------------------


def test_every_url_pattern_has_an_expectation():
    problems = expectation_problems(list(url_patterns()), EXPECTATIONS)
    assert not problems, "\n".join(problems)


def test_a_pattern_without_an_expectation_is_reported():
    """The check above can fail: a view added without saying who may use it is named, and so
    is an entry left behind by a view that was removed."""
    covered = [p for p in url_patterns() if cases_for(p)]
    added = Pattern("hemligt/<int:pk>/", "secret:page", "secret")
    assert expectation_problems([*covered, added], EXPECTATIONS) == [
        "'hemligt/<int:pk>/' (secret:page) has no entry in EXPECTATIONS: say what each role gets "
        "there"
    ]
    removed = [p for p in covered if p.key != "core:privacy"]
    assert expectation_problems(removed, EXPECTATIONS) == [
        "EXPECTATIONS has 'core:privacy', which is not a URL pattern (any more)"
    ]


@pytest.mark.django_db
def test_every_url_answers_every_role_as_expected(settings, tmp_path):
    settings.OUTBOX_DELIVER_ON_COMMIT = False
    # The anonymous page cache on, in a folder of this test's own (nothing is committed here,
    # so nothing invalidates it: what it keeps must be right for every visitor it serves).
    settings.PAGE_CACHE = True
    settings.CACHES = {
        **settings.CACHES,
        "pages": {**settings.CACHES["pages"], "LOCATION": str(tmp_path / "pages")},
    }
    started = time.monotonic()
    world = build_world()
    clients: dict[str, Client] = {}
    for role in ROLES:
        clients[role] = Client()
        user = world.users[role]
        if user is not None:
            clients[role].force_login(user)

    patterns = list(url_patterns())
    failures: list[str] = []
    checks = {"GET": 0, "POST": 0, "hidden": 0, "effective": 0}
    effective: list[tuple[Pattern, Case, str, dict]] = []

    def data_for(case: Case) -> dict:
        data = value(case.data, world)
        return {name: value(v, world) for name, v in data.items()}

    def request(method: str, role: str, path: str, data=None):
        """One request, with the writes it made to the database."""
        watcher = WriteWatcher()
        with connection.execute_wrapper(watcher):
            if method == "GET":
                response = clients[role].get(path)
            else:
                response = clients[role].post(path, data)
        checks[method] += 1
        return response, watcher.writes

    addresses = [
        (pattern, case, path_for(pattern, case, world))
        for pattern in patterns
        for case in cases_for(pattern)
    ]
    for pattern, _case, path in addresses:
        route = resolve(path).route  # Django drops a "^" inside a joined route
        assert route.replace("^", "") == pattern.route.replace("^", ""), (
            f"{path} reaches {route}, not {pattern.route}"
        )

    def check_get(pattern: Pattern, case: Case, path: str, role: str, note: str = "") -> None:
        query = value(case.query, world)
        response, writes = request("GET", role, path + query)
        where = f"GET {path}{query} ({label_of(pattern, case)}) as {role}{note}"
        expected = case.get[role]
        if not matches(response, expected):
            failures.append(f"{where}: expected {expected}, got {described(response)}")
        if writes:
            failures.append(f"{where} wrote to the database: {writes}")
        if case.hidden and response.status_code == 200:
            text = content_of(response)
            for word, allowed in case.hidden.items():
                word = value(word, world)
                checks["hidden"] += 1
                if role not in allowed and word in text:
                    failures.append(f"{where}: shows {word!r}")

    # GET as every role: the answer, the words some must not see, and no writes. The public
    # asks twice: the second answer may come from the page cache, and must be the same.
    state = database_state()
    for pattern, case, path in addresses:
        for role in ROLES:
            check_get(pattern, case, path, role)
        check_get(pattern, case, path, ANONYMOUS, " (again: the page cache)")
    changed = changes(state, database_state())
    if changed:
        failures.append(f"reading the pages changed {changed}")

    # POST as every role that may not change anything there: refused, no row written, every
    # table's count the same after each request and every row the same after them all.
    counts = row_counts()
    for pattern, case, path in addresses:
        if case.effective:
            effective.append((pattern, case, path, data_for(case)))
        if isinstance(case.post, _Open):
            continue
        for role, expected in case.post.items():
            query = value(case.query, world)
            response, writes = request("POST", role, path + query, data_for(case))
            where = f"POST {path}{query} ({label_of(pattern, case)}) as {role}"
            if not matches(response, expected):
                failures.append(f"{where}: expected {expected}, got {described(response)}")
            after = row_counts()
            if writes or after != counts:
                failures.append(f"{where} changed {changes(counts, after)}, wrote {writes}")
                counts = after
    changed = changes(state, database_state())
    if changed:
        failures.append(f"the refused requests changed {changed}")

    # The data refused above is data that works for the role allowed to send it.
    for pattern, case, path, data in effective:
        with transaction.atomic():
            response, writes = request("POST", case.effective, path, data)
            checks["effective"] += 1
            checks["POST"] -= 1
            if not writes:
                failures.append(
                    f"POST {path} ({label_of(pattern, case)}) as {case.effective} changed "
                    f"nothing ({described(response)}): the refusals of this data prove nothing"
                )
            transaction.set_rollback(True)

    seconds = time.monotonic() - started
    admin_patterns = sum(1 for p in patterns if p.namespace == "admin")
    url_role_checks = checks["GET"] + checks["POST"]
    print(
        f"\nURL permissions: {len(patterns)} URL patterns ({admin_patterns} of them the admin's), "
        f"{len(addresses)} addresses, {len(ROLES)} roles: {checks['GET']} GET checks, "
        f"{checks['POST']} refused POST checks (nothing written, every table's count unchanged), "
        f"{checks['hidden']} checks of words that must stay hidden, {checks['effective']} checks "
        f"that the refused data works for the allowed role; {url_role_checks} URL × role checks "
        f"in {seconds:.1f} s"
    )
    assert not failures, f"{len(failures)} unexpected answers:\n" + "\n".join(failures)
    assert checks["GET"] == len(addresses) * (len(ROLES) + 1)
    assert url_role_checks > 3000
