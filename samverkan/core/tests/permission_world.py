"""The data that the URL permission walk (``test_url_permissions.py``) fills addresses with.

Built through the apps' real services (the same helpers the apps' own tests use), so that
every object is in the state the site would really put it in. Six people look at it:

``anonymous``
    Nobody logged in.
``representative``
    The approved representative of Söder schack: the objects below belong to *another*
    organisation (Norrby IK), which is a consultee; Söder schack is not.
``council member``
    Member of the council (Samverkansrådet), not of its executive committee (AU).
``C-network member``
    Member of the C-network.
``team member``
    Member of the handling team Kulturbidrag; the inquiries checked belong to Lokalbidrag.
``secretary``
    The council's secretary.

Each object's docstring-like comment says whose it is. Nothing is emailed (the outbox rows
stay queued inside the test's transaction).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from samverkan.accounts.models import Role, User
from samverkan.accounts.services import role_grant, user_get_or_create
from samverkan.collaboration_map import services as map_services
from samverkan.collaboration_map.models import (
    ContactLink,
    ContactPoint,
    ContactPointKind,
    LadderStep,
    LinkKind,
    Theme,
)
from samverkan.consultations import services as consultation_services
from samverkan.consultations.models import (
    Consultation,
    ConsultationDocument,
    ConsultationResponse,
    Consultee,
)
from samverkan.core.models import new_token
from samverkan.inquiries import services as inquiry_services
from samverkan.inquiries.models import HandlingTeam, Inquiry, InquiryAttachment, RoutingRule
from samverkan.meetings import services as meeting_services
from samverkan.meetings.models import (
    Attachment,
    Attendance,
    Body,
    BodyKind,
    Invitation,
    Meeting,
    Person,
)
from samverkan.organisations import services as organisation_services
from samverkan.organisations.models import (
    Agreement,
    District,
    ExclusionCase,
    Organisation,
    OrganisationKind,
    Signature,
)
from samverkan.organisations.tests.conftest import make_agreement, sign_and_approve
from samverkan.watchlist import services as watchlist_services
from samverkan.watchlist.models import (
    Initiative,
    Portfolio,
    PortfolioGoal,
    PortfolioPriority,
    WatchItem,
    WatchItemUpdate,
)

ANONYMOUS = "anonymous"
REPRESENTATIVE = "representative"
COUNCIL = "council member"
C_NETWORK = "C-network member"
TEAM_MEMBER = "team member"
SECRETARY = "secretary"
#: Every role the walk looks at the site as, in the order reports list them.
ROLES = (ANONYMOUS, REPRESENTATIVE, COUNCIL, C_NETWORK, TEAM_MEMBER, SECRETARY)

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

#: Words that exist only inside things some roles must not see; the walk checks that the
#: pages of those roles never contain them.
DRAFT_NOTE = "Utkastanteckning om giraffer"
DRAFT_DECISION = "Utkastbeslut om flodhästar"
MEMBERS_DECISION = "Rådsbeslut om krokodiler i medlemsmötet"
AU_TITLE = "Arbetsutskottets slutna möte om pingviner"
AU_ACTION = "AU-uppdrag om sälar"
COUNCIL_ACTION = "Rådsuppdrag om igelkottar"
DRAFT_ACTION = "Utkastuppdrag om myrslokar"
DRAFT_POINT = "Bordlagd utkastpunkt om lodjur"
PRIVATE_EMAIL = "anna.privat@kommun.example.org"
SIGNATORY = "Nora Norrbysson"
HIDDEN_UPDATE = "Uppdatering från medlemsmötet om uttrar"
SECRET_RESPONSE = "Svar under sekretessprövning om bävrar"
OWN_TEAM_SUBJECT = "Kulturbidrag till teaterföreningen"
OTHER_TEAM_SUBJECT = "Lokalbidrag för klubbstugan i Norrby"
ATTENDEE_NAME = "Tina Fagerström"


def pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


@dataclass
class World:
    users: dict[str, User | None]
    # The register.
    agreement: Agreement
    draft_agreement: Agreement
    norrby: Organisation  # someone else's organisation (a consultee)
    schack: Organisation  # the representative's own organisation
    pending: Organisation  # signed, not yet approved
    declined: Organisation  # its only signature declined
    department: Organisation
    norrby_signature: Signature
    schack_signature: Signature
    exclusion_case: ExclusionCase
    district: District
    # Council work.
    council: Body
    network: Body
    executive: Body
    public_meeting: Meeting  # public, minutes published
    draft_meeting: Meeting  # public, minutes in draft
    council_meeting: Meeting  # members-only (the council), minutes published
    au_meeting: Meeting  # members-only (AU, which none of the roles sits on), upcoming
    public_attachment: Attachment
    au_attachment: Attachment
    invitation: Invitation  # belongs to a council member who is none of the six
    invitation_token: str
    # Consultations.
    draft_consultation: Consultation
    open_consultation: Consultation  # consultees only: Norrby IK
    closed_consultation: Consultation  # reply-by passed, responses published
    draft_document: ConsultationDocument
    open_document: ConsultationDocument
    consultee: Consultee
    published_response: ConsultationResponse
    secret_response: ConsultationResponse  # held for a secrecy review
    # Inquiries.
    other_team: HandlingTeam  # Lokalbidrag: not the team member's
    own_team: HandlingTeam  # Kulturbidrag: the team member's
    other_inquiry: Inquiry
    own_inquiry: Inquiry
    other_attachment: InquiryAttachment
    other_status_token: str  # the sender's private link to the other team's inquiry
    own_attachment: InquiryAttachment
    rule: RoutingRule
    # Collaboration map.
    theme: Theme
    contact_point: ContactPoint
    inactive_point: ContactPoint
    link: ContactLink
    ladder_step: LadderStep
    # Watch list.
    watch_item: WatchItem
    public_update: WatchItemUpdate
    hidden_update: WatchItemUpdate
    portfolio: Portfolio
    goal: PortfolioGoal
    priority: PortfolioPriority
    initiative: Initiative


def _user(email: str, name: str, role: Role | None = None) -> User:
    user = user_get_or_create(email=email, full_name=name)
    if role is not None:
        role_grant(user=user, role=role)
    return user


def _publish_minutes(meeting: Meeting, person: Person) -> Meeting:
    meeting_services.attendance_record(
        meeting=meeting, person=person, status=Attendance.Status.PRESENT
    )
    return meeting_services.minutes_publish(meeting=meeting, recorded_by="Sara Sekreterare")


def build_world() -> World:
    today = timezone.localdate()
    secretary = _user("sekreterare@example.org", "Sara Sekreterare", Role.SECRETARY)

    # --- The register ------------------------------------------------------------------------
    agreement = make_agreement("Överenskommelsen 2024–2027", date(2024, 1, 1), date(2027, 12, 31))
    draft_agreement = make_agreement(
        "Överenskommelsen 2028–2031", date(2028, 1, 1), date(2031, 12, 31), publish=False
    )
    norrby_signature = sign_and_approve(
        agreement,
        secretary,
        name="Norrby IK",
        number="802002-4280",
        email="ordf@norrbyik.example.org",
    )
    # The signatory's name is personal data: it is on no public page.
    Signature.objects.filter(pk=norrby_signature.pk).update(signatory_name=SIGNATORY)
    User.objects.filter(email="ordf@norrbyik.example.org").update(full_name=SIGNATORY)
    norrby_signature.refresh_from_db()
    schack_signature = sign_and_approve(
        agreement, secretary, name="Söder schack", email="ordf@soderschack.example.org"
    )
    closing = sign_and_approve(agreement, secretary, name="Åsens IF", email="ordf@asen.example.org")
    exclusion_case = organisation_services.exclusion_case_open(
        signature=closing,
        actor=secretary,
        grounds="Föreningen följer inte värdegrunden.",
        response_deadline=today + timedelta(days=14),
    )
    application = organisation_services.signature_application_submit(
        agreement=agreement,
        data={
            "name": "Väntande föreningen",
            "kind": "association",
            "organisation_number": "",
            "website": "",
            "public_email": "",
            "description": "",
            "easy_read_description": "",
            "signatory_name": "Vera Väntar",
            "signatory_role": "ordförande",
            "signatory_email": "vera@example.org",
            "areas": [],
            "target_groups": [],
            "districts": [],
        },
    )
    pending = organisation_services.signature_application_confirm(
        raw_token=application.raw_token
    ).organisation
    declined_application = organisation_services.signature_application_submit(
        agreement=agreement,
        data={
            "name": "Avböjda föreningen",
            "kind": "network",
            "organisation_number": "",
            "website": "",
            "public_email": "",
            "description": "",
            "easy_read_description": "",
            "signatory_name": "Dan Avböjd",
            "signatory_role": "ordförande",
            "signatory_email": "dan@example.org",
            "areas": [],
            "target_groups": [],
            "districts": [],
        },
    )
    declined = organisation_services.signature_decline(
        signature=organisation_services.signature_application_confirm(
            raw_token=declined_application.raw_token
        ),
        actor=secretary,
        reason="Föreningen delar inte värdegrunden.",
    ).organisation
    department = organisation_services.organisation_create(
        name="Kommunledningsförvaltningen", kind=OrganisationKind.MUNICIPAL_DEPARTMENT
    )
    district = organisation_services.term_create(model=District, name="Vivalla", slug="vivalla")
    representative = User.objects.get(email="ordf@soderschack.example.org")

    # --- Council work --------------------------------------------------------------------------
    council = meeting_services.body_create(
        name="Samverkansrådet", slug="samverkansradet", kind=BodyKind.COUNCIL
    )
    network = meeting_services.body_create(name="C-nätet", slug="c-natet", kind=BodyKind.NETWORK)
    executive = meeting_services.body_create(
        name="Arbetsutskottet",
        short_name="AU",
        slug="au",
        kind=BodyKind.EXECUTIVE_COMMITTEE,
        parent=council,
    )
    council_user = _user("ledamot@example.org", "Leif Ledamot")
    network_user = _user("kontakt@example.org", "Kim Kontakt")
    chair_user = _user("tina@example.org", ATTENDEE_NAME)
    seats = date(2020, 1, 1)
    chair = meeting_services.person_create(name=ATTENDEE_NAME, user=chair_user)
    for body, person in [
        (council, meeting_services.person_create(name="Leif Ledamot", user=council_user)),
        (network, meeting_services.person_create(name="Kim Kontakt", user=network_user)),
        (council, chair),
        (executive, chair),
    ]:
        # A seat on the council or the network gives the role.
        meeting_services.membership_add(body=body, person=person, start=seats)
    assert {g.name for g in council_user.groups.all()} == {Role.COUNCIL_MEMBER.value}
    assert {g.name for g in network_user.groups.all()} == {Role.C_NETWORK_MEMBER.value}

    def meeting(title: str, day: date, visibility: str, bodies: list[Body]) -> Meeting:
        return meeting_services.meeting_create(
            bodies=bodies,
            title=title,
            date=day,
            start_time=time(16),
            end_time=time(18),
            visibility=visibility,
        )

    public_meeting = meeting(
        "Samverkansrådets möte", today - timedelta(days=30), Meeting.Visibility.PUBLIC, [council]
    )
    item = meeting_services.agenda_item_add(meeting=public_meeting, title="Bidragen 2026")
    public_attachment = meeting_services.attachment_add(item=item, upload=pdf("bilaga.pdf"))
    meeting_services.minutes_start(meeting=public_meeting)
    meeting_services.decision_add(item=item, text="Rådet tillstyrker de nya bidragsreglerna.")
    public_meeting = _publish_minutes(public_meeting, chair)

    draft_meeting = meeting(
        "Rådets arbetsmöte", today - timedelta(days=10), Meeting.Visibility.PUBLIC, [council]
    )
    item = meeting_services.agenda_item_add(meeting=draft_meeting, title="Kulturstöd")
    meeting_services.minutes_start(meeting=draft_meeting)
    meeting_services.agenda_item_record(item=item, notes=DRAFT_NOTE)
    meeting_services.decision_add(item=item, text=DRAFT_DECISION)
    meeting_services.action_item_add(item=item, what=DRAFT_ACTION, owner_text="Kim", due=today)
    meeting_services.point_carry_over(item=item, kind="tabled", title=DRAFT_POINT)

    council_meeting = meeting(
        "Rådets interna möte", today - timedelta(days=20), Meeting.Visibility.MEMBERS, [council]
    )
    item = meeting_services.agenda_item_add(meeting=council_meeting, title="Krokodilfrågan")
    meeting_services.minutes_start(meeting=council_meeting)
    meeting_services.decision_add(item=item, text=MEMBERS_DECISION)
    meeting_services.action_item_add(item=item, what=COUNCIL_ACTION, owner=chair, due=today)
    council_meeting = _publish_minutes(council_meeting, chair)

    au_meeting = meeting(
        AU_TITLE, today + timedelta(days=5), Meeting.Visibility.MEMBERS, [executive]
    )
    item = meeting_services.agenda_item_add(meeting=au_meeting, title="Pingvinfrågan")
    au_attachment = meeting_services.attachment_add(item=item, upload=pdf("au-bilaga.pdf"))
    meeting_services.minutes_start(meeting=au_meeting)
    meeting_services.action_item_add(item=item, what=AU_ACTION, owner=chair, due=today)

    upcoming = meeting(
        "Rådets nästa möte", today + timedelta(days=20), Meeting.Visibility.PUBLIC, [council]
    )
    invitation_token, token_hash = new_token()
    invitation = Invitation.objects.create(
        meeting=upcoming,
        person=chair,
        token_hash=token_hash,
        expires_at=timezone.now() + timedelta(days=21),
        sent_at=timezone.now(),
    )

    # --- Consultations -----------------------------------------------------------------------
    theme = map_services.theme_create(name="Boende", slug="boende")

    def consultation(title: str) -> Consultation:
        created = consultation_services.consultation_create(
            actor=secretary,
            title=title,
            department=department,
            summary="Kommunen vill veta vad föreningarna tycker.",
            themes=[theme],
            districts=[district],
        )
        consultation_services.consultee_add(
            consultation=created, actor=secretary, organisation=norrby_signature.organisation
        )
        return created

    draft_consultation = consultation("Remissutkast om parkbänkar")
    draft_document = consultation_services.document_add(
        consultation=draft_consultation, actor=secretary, upload=pdf("utkast.pdf")
    )
    open_consultation = consultation("Remiss om fritidsgårdar")
    open_document = consultation_services.document_add(
        consultation=open_consultation, actor=secretary, upload=pdf("forslag.pdf")
    )
    consultation_services.consultation_open(
        consultation=open_consultation, actor=secretary, reply_by=today + timedelta(days=14)
    )
    consultee = open_consultation.consultees.get()

    closed_consultation = consultation("Remiss om vräkningar")
    consultation_services.consultation_open(
        consultation=closed_consultation, actor=secretary, reply_by=today + timedelta(days=14)
    )
    norrby_rep = User.objects.get(email="ordf@norrbyik.example.org")
    published_response = consultation_services.response_submit(
        consultation=closed_consultation,
        user=norrby_rep,
        organisation=norrby_signature.organisation,
        text="Vårt svar.",
        upload=pdf("svar.pdf"),
    )
    second_org = sign_and_approve(
        agreement, secretary, name="Vivalla kulturförening", email="ordf@vivalla.example.org"
    ).organisation
    consultation_services.consultee_add(
        consultation=closed_consultation, actor=secretary, organisation=second_org
    )
    secret_response = consultation_services.response_submit(
        consultation=closed_consultation,
        user=User.objects.get(email="ordf@vivalla.example.org"),
        organisation=second_org,
        text=SECRET_RESPONSE,
        upload=pdf("hemligt.pdf"),
    )
    consultation_services.response_secrecy_mark(response=secret_response, actor=secretary)
    Consultation.objects.filter(pk=closed_consultation.pk).update(
        reply_by=today - timedelta(days=1)
    )
    closed_consultation.refresh_from_db()
    consultation_services.consultation_close(consultation=closed_consultation, actor=secretary)
    published_response.refresh_from_db()
    secret_response.refresh_from_db()

    # --- Inquiries ---------------------------------------------------------------------------
    other_team = inquiry_services.team_create(
        name="Lokalbidrag",
        slug="lokalbidrag",
        member_emails=["lena@kommun.example.org"],
        is_fallback=True,
    )
    own_team = inquiry_services.team_create(
        name="Kulturbidrag", slug="kulturbidrag", member_emails=["kurt@kommun.example.org"]
    )
    rule = inquiry_services.routing_rule_create(
        team=other_team, priority=10, kind="grant", words="lokalbidrag"
    )

    def inquiry(subject: str, team: HandlingTeam, attachment: str) -> tuple[Inquiry, str]:
        draft = inquiry_services.inquiry_submit(
            kind="grant",
            subject=subject,
            text="Vi undrar hur vi söker.",
            sender_email="anna@example.org",
            sender_name="Anna Andersson",
            requested_team=team,
            uploads=[pdf(attachment)],
        )
        return inquiry_services.inquiry_confirm(raw_token=draft.raw_token)

    other_inquiry, other_status_token = inquiry(OTHER_TEAM_SUBJECT, other_team, "budget.pdf")
    own_inquiry, _token = inquiry(OWN_TEAM_SUBJECT, own_team, "program.pdf")
    assert other_inquiry.team == other_team and own_inquiry.team == own_team
    team_member = User.objects.get(email="kurt@kommun.example.org")

    # --- Collaboration map -------------------------------------------------------------------
    contact_point = map_services.contact_point_create(
        name="Föreningarnas Hus", kind=ContactPointKind.PLACE, purpose="Lokaler.", actor=secretary
    )
    inactive_point = map_services.contact_point_create(
        name="Nedlagda jouren", kind=ContactPointKind.NETWORK, purpose="Stängd.", actor=secretary
    )
    inactive_point = map_services.contact_point_deactivate(
        contact_point=inactive_point, actor=secretary
    )
    entry = map_services.contact_point_create(
        name="Kommunens ingång",
        kind=ContactPointKind.DEPARTMENT_ENTRY,
        purpose="En väg in.",
        owner=department,
        actor=secretary,
    )
    link = map_services.contact_link_create(
        source=entry, target=contact_point, kind=LinkKind.WORKS_WITH, actor=secretary
    )
    ladder_step = map_services.ladder_step_create(
        position=1, name="Information", explanation="Kommunen berättar.", actor=secretary
    )

    # --- Watch list --------------------------------------------------------------------------
    watch_item = watchlist_services.watch_item_create(
        title="Mötesplatser i Vivalla",
        owner=department,
        themes=[theme],
        districts=[district],
        contact_name="Anna Kontakt",
        contact_email=PRIVATE_EMAIL,
        contact_email_public=False,
    )
    public_update = watchlist_services.watch_item_update_add(
        item=watch_item, date=public_meeting.date, note="Arbetet pågår.", meeting=public_meeting
    )
    hidden_update = watchlist_services.watch_item_update_add(
        item=watch_item, date=council_meeting.date, note=HIDDEN_UPDATE, meeting=council_meeting
    )
    portfolio = watchlist_services.portfolio_save(name="Social hållbarhet", owner=department)
    goal = watchlist_services.portfolio_goal_save(portfolio=portfolio, name="Trygga uppväxtvillkor")
    priority = watchlist_services.portfolio_priority_save(
        portfolio=portfolio, name="Fritid för alla", year=2024
    )
    initiative = watchlist_services.initiative_save(
        portfolio=portfolio, title="Lovaktiviteter", goals=[goal], funding_source="state_grant"
    )

    return World(
        users={
            ANONYMOUS: None,
            REPRESENTATIVE: representative,
            COUNCIL: council_user,
            C_NETWORK: network_user,
            TEAM_MEMBER: team_member,
            SECRETARY: secretary,
        },
        agreement=agreement,
        draft_agreement=draft_agreement,
        norrby=norrby_signature.organisation,
        schack=schack_signature.organisation,
        pending=pending,
        declined=declined,
        department=department,
        norrby_signature=norrby_signature,
        schack_signature=schack_signature,
        exclusion_case=exclusion_case,
        district=district,
        council=council,
        network=network,
        executive=executive,
        public_meeting=public_meeting,
        draft_meeting=draft_meeting,
        council_meeting=council_meeting,
        au_meeting=au_meeting,
        public_attachment=public_attachment,
        au_attachment=au_attachment,
        invitation=invitation,
        invitation_token=invitation_token,
        draft_consultation=draft_consultation,
        open_consultation=open_consultation,
        closed_consultation=closed_consultation,
        draft_document=draft_document,
        open_document=open_document,
        consultee=consultee,
        published_response=published_response,
        secret_response=secret_response,
        other_team=other_team,
        own_team=own_team,
        other_inquiry=other_inquiry,
        own_inquiry=own_inquiry,
        other_attachment=other_inquiry.attachments.get(),
        other_status_token=other_status_token,
        own_attachment=own_inquiry.attachments.get(),
        rule=rule,
        theme=theme,
        contact_point=contact_point,
        inactive_point=inactive_point,
        link=link,
        ladder_step=ladder_step,
        watch_item=watch_item,
        public_update=public_update,
        hidden_update=hidden_update,
        portfolio=portfolio,
        goal=goal,
        priority=priority,
        initiative=initiative,
    )
