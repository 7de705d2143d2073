"""Demo: Älvstad's watch list ("På gång") and the portfolio for social sustainability.

The items come from the seeds (the council's "På gång/bevakningslista" of 2023, with Örebro's
names moved to Älvstad) and a few of the demo's own. Their updates are dated at the demo's
council meetings with published minutes (the meetings demo runs first), the owners are the
demo's departments, the themes and districts those already in the database. Items that the
minutes import demo has already put on the list are reused and completed, never duplicated.

Run it after the organisations, meetings, minutes import and collaboration map demos.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from samverkan.collaboration_map.models import Theme
from samverkan.meetings.models import Meeting
from samverkan.organisations.models import District, Organisation
from samverkan.watchlist import services
from samverkan.watchlist.models import (
    FundingSource,
    InitiativeStatus,
    Portfolio,
    WatchItem,
    WatchItemUpdate,
)
from samverkan.watchlist.models import (
    WatchItemKind as K,
)
from samverkan.watchlist.models import (
    WatchItemStatus as S,
)
from samverkan.watchlist.selectors import watch_item_find

KLF = "Kommunledningsförvaltningen"
KFF = "Kultur- och fritidsförvaltningen"
SOC = "Socialförvaltningen"
MSF = "Miljö- och stadsbyggnadsförvaltningen"
FGF = "Förskole- och grundskoleförvaltningen"
GVF = "Gymnasie- och vuxenutbildningsförvaltningen"
VOF = "Vård- och omsorgsförvaltningen"
TSF = "Teknik- och serviceförvaltningen"
SHORT = {KLF: "KLF", KFF: "KFF"}


@dataclass
class ItemSpec:
    title: str
    kind: str
    owner: str
    description: str
    # (meetings ago, note, new status): 1 is the latest council meeting with minutes.
    updates: list[tuple[int, str, str]] = field(default_factory=list)
    themes: tuple[str, ...] = ()
    districts: tuple[str, ...] = ()
    contact: tuple[str, str, str, bool] = ("", "", "", False)  # name, role, email, public


ITEMS = [
    ItemSpec(
        "Översiktsplanen ”Vårt framtida Älvstad”",
        K.CONSULTATION,
        MSF,
        "Den nya översiktsplanen visar hur Älvstad ska växa. Civilsamhället är remissinstans "
        "och kan lämna synpunkter under samrådet.",
        [
            (4, "Samrådet om översiktsplanen öppnar efter sommaren.", ""),
            (
                2,
                "Ansvariga planerare deltar på Samverkansrådets kommande möte för att informera.",
                "",
            ),
        ],
        ("Demokrati och inflytande", "Landsbygd"),
        (),
        ("Översiktsplanegruppen", "funktionsbrevlåda", "oversiktsplan@alvstad.example.org", True),
    ),
    ItemSpec(
        "Byggreturen/avfallsförebyggande arbete",
        K.PROJECT,
        TSF,
        "En plats där byggmaterial lämnas och hämtas för återbruk, i samarbete med föreningar "
        "som behöver material till sina lokaler.",
        [(3, "Byggreturen har öppnat vid återvinningscentralen.", "")],
        ("Miljö och klimat",),
        ("Östra hamnen",),
    ),
    ItemSpec(
        "Fritidskortet",
        K.ASSIGNMENT,
        KFF,
        "Ett statligt fritidskort för barn i familjer med låga inkomster, som kan användas "
        "hos godkända föreningar.",
        [
            (3, "Regeringen har gett Försäkringskassan uppdraget att förbereda fritidskortet.", ""),
            (
                1,
                "Försäkringskassan har fått i uppdrag att skapa ett register över godkända "
                "aktörer inom civilsamhället.",
                "",
            ),
        ],
        ("Barn och unga", "Idrott och fritid"),
        (),
        ("Karin Ek", "utvecklingsledare", "karin.ek@alvstad.example.org", False),
    ),
    ItemSpec(
        "Klimatneutrala städer",
        K.PROJECT,
        KLF,
        "Älvstad är en av städerna i satsningen på klimatneutrala städer till 2030.",
        [
            (5, "Se punkten på dagordningen och bilagan.", ""),
            (2, "Avslutande fas under våren. Slutrapport ska sammanställas.", S.FINAL_PHASE),
        ],
        ("Miljö och klimat",),
        (),
        ("Jonas Berg", "projektledare", "klimat@alvstad.example.org", True),
    ),
    ItemSpec(
        "ESF Barn i socioekonomiskt utsatta hushåll",
        K.PROJECT,
        KLF,
        "Ett treårigt ESF-projekt som gör kommunens och föreningslivets kultur- och "
        "fritidsaktiviteter tillgängliga för barn som lever i ekonomisk utsatthet.",
        [
            (
                4,
                "Älvstads kommun har beviljats 10 mkr under en treårsperiod. Norrby är det "
                "område som prioriteras, men projektet ska komma även barn i andra områden "
                "till del.",
                "",
            ),
            (1, "Projektledningen berättar om de första aktiviteterna på rådets möte.", ""),
        ],
        ("Barn och unga", "Social hållbarhet"),
        ("Norrby", "Söderport"),
    ),
    ItemSpec(
        "En väg in till kommunen för det civila samhället, ”Steg 2” – IOP, idéer, upphandling",
        K.ASSIGNMENT,
        KFF,
        "Steg 2 av En väg in: en tydlig ingång för idéburet offentligt partnerskap, idéer och "
        "upphandling, med handläggarteam bakom.",
        [(3, "Se punkten på dagordningen och presentationen.", "")],
        ("Föreningsstöd", "Demokrati och inflytande"),
    ),
    ItemSpec(
        "Utveckla dialogen med det civila samhället",
        K.ASSIGNMENT,
        KLF,
        "Uppdraget att utveckla formerna för dialog mellan kommunen och civilsamhället.",
        [
            (5, "Detta uppdrag är pausat i väntan på nya direktiv.", S.PAUSED),
            (
                3,
                "Punkten stryks från listan tills nya direktiv kring detta kommer.",
                S.STRUCK,
            ),
        ],
        ("Demokrati och inflytande",),
    ),
    ItemSpec(
        "Regionalt civilsamhällesnätverk",
        K.DEVELOPMENT_WORK,
        KLF,
        "Regionen bygger upp ett nätverk för civilsamhällets organisationer i hela länet.",
        [
            (4, "Lars Lundberg återkommer med mer information vid ett kommande tillfälle.", ""),
            (1, "Inbjudan ”Nu samlar vi civilsamhället”, 6 februari kl. 13.30–16.", ""),
        ],
        ("Demokrati och inflytande",),
    ),
    ItemSpec(
        "Regionalt partnerskap för sociala innovationer (PSI)",
        K.NETWORK,
        KLF,
        "Ett regionalt nätverk där två civilsamhällesaktörer samordnar arbetet med sociala "
        "innovationer.",
        [
            (
                4,
                "Efter sommaren har nätverket tagit emot besök från Sicilien, där man vill "
                "bygga upp något liknande.",
                "",
            )
        ],
        ("Social hållbarhet",),
    ),
    ItemSpec(
        "Partnerskap Älvstad",
        K.DEVELOPMENT_WORK,
        GVF,
        "Samverkan mellan kommunen, näringslivet och civilsamhället för fler vägar till arbete.",
        [
            (
                2,
                "Ny organisation från och med årsskiftet. Rekrytering av personal pågår. "
                "Partnerskap Älvstad ligger under Gymnasie- och vuxenutbildningsförvaltningen.",
                "",
            )
        ],
        ("Integration", "Social hållbarhet"),
    ),
    ItemSpec(
        "Områdesgrupper",
        K.NETWORK,
        SOC,
        "Grupper där kommunen, bostadsbolagen, polisen och föreningarna i ett område möts.",
        [(2, "Ny områdesgrupp startar upp i Norrby.", "")],
        ("Trygghet",),
        ("Norrby", "Ängsbacka"),
    ),
    ItemSpec(
        "Biblioteksplan 2.0",
        K.ASSIGNMENT,
        KFF,
        "Den nya biblioteksplanen, med läsfrämjande arbete och språkutveckling för barn.",
        [(2, "Biblioteksplanen är godkänd som insats i portföljen för social hållbarhet.", "")],
        ("Kultur", "Barn och unga"),
    ),
    ItemSpec(
        "Lista över kommande remisser och planer",
        K.CONSULTATION,
        KLF,
        "Varje termin får rådet en lista över kommande remisser och planer, så att "
        "civilsamhället får veta i tid.",
        [(3, "Den första listan är skickad till rådet.", ""), (1, "Listan för våren.", "")],
        ("Demokrati och inflytande",),
        (),
        ("Kommunledningsförvaltningen", "registrator", "remisser@alvstad.example.org", True),
    ),
    ItemSpec(
        "Detaljplan för skjutbanan i Kvarnby",
        K.CONSULTATION,
        MSF,
        "Detaljplanen berör skytteföreningens bana. Föreningen är remissinstans.",
        [
            (4, "Remisstiden pågår; skytteföreningen lämnar svar.", ""),
            (
                2,
                "Planen är antagen. Föreningens synpunkter finns med i samrådsredogörelsen.",
                S.FINISHED,
            ),
        ],
        ("Idrott och fritid", "Landsbygd"),
        ("Kvarnby",),
    ),
    ItemSpec(
        "NPF-anpassade skolmiljöer",
        K.DEVELOPMENT_WORK,
        FGF,
        "Skolor görs mer tillgängliga för elever med neuropsykiatriska "
        "funktionsnedsättningar, tillsammans med NPF-föreningarna.",
        [(2, "NPF-föreningarna är nu med i arbetsgruppen.", "")],
        ("Funktionsrätt", "Barn och unga"),
    ),
    ItemSpec(
        "Seniorernas digitala vardag",
        K.PROJECT,
        VOF,
        "Studieförbunden och pensionärsföreningarna lär äldre att använda e-tjänster.",
        [(3, "Pausat i väntan på besked om statsbidrag.", S.PAUSED)],
        ("Äldre", "Folkbildning"),
    ),
    ItemSpec(
        "Sommarlovsaktiviteter för barn och unga",
        K.PROJECT,
        KFF,
        "Gratis sommarlovsaktiviteter tillsammans med föreningarna, med statsbidrag.",
        [
            (5, "Föreningarna kan söka medel för aktiviteter.", ""),
            (3, "Slutredovisat: 2 400 deltagare i 38 föreningar.", S.FINISHED),
        ],
        ("Barn och unga", "Idrott och fritid"),
        ("Sjövik", "Lindås"),
    ),
    ItemSpec(
        "Krisberedskap tillsammans med trossamfunden",
        K.NETWORK,
        KLF,
        "Ett nätverk för hur kommunen och trossamfunden stöttar varandra vid en kris.",
        [(1, "Nätverket planerar en övning under hösten.", "")],
        ("Krisberedskap",),
    ),
]

# Items the minutes import demo puts on the list, completed here.
IMPORTED = {
    "Trygghetsvandringar i Ängsbacka": (("Trygghet",), ("Ängsbacka",)),
    "Riktlinjer för idéburet offentligt partnerskap": (("Föreningsstöd",), ()),
    "Föreningsportalen": (("Föreningsstöd",), ()),
    "Nätverket för psykisk hälsa i Älvstad": (("Social hållbarhet",), ()),
}

GOALS = [
    "Trygghet och säkerhet",
    "Barn och ungas jämlika livsvillkor",
    "Behörighet till gymnasiet och gymnasieexamen",
    "Egen försörjning",
    "God psykisk hälsa",
]
PRIORITIES = ["Språkutveckling", "Trygghet och brottsförebyggande arbete"]
PORTFOLIO = "Portföljen för social hållbarhet"
PORTFOLIO_TEXT = (
    "Kommunledningen samlar det kommunövergripande utvecklingsarbetet inom social "
    "hållbarhet i en portfölj: insatser, projekt och uppdrag där förvaltningarna behöver "
    "samarbeta. En styrgrupp med direktörer från olika förvaltningar sätter prioriteringar "
    "och inriktningar. Portföljen har ingen egen budget utan finansieras främst genom "
    "statsbidrag, med annan extern finansiering som komplement."
)


def _meetings(today: date) -> list[Meeting]:
    """The council's past public meetings with published minutes, oldest first."""
    return list(
        Meeting.objects.filter(
            date__lt=today,
            visibility=Meeting.Visibility.PUBLIC,
            minutes_status=Meeting.MinutesStatus.PUBLISHED,
        ).order_by("date", "pk")
    )


def _when(meetings: list[Meeting], ago: int, today: date) -> tuple[date, Meeting | None]:
    if len(meetings) >= ago:
        meeting = meetings[-ago]
        return meeting.date, meeting  # type: ignore[return-value]
    return today - timedelta(days=90 * ago), None


def load_demo(*, seed: int = 2024, today: date | None = None) -> dict[str, int]:
    """Fill the watch list and the portfolio; return how many of each there are. Loading
    twice adds nothing."""
    del seed  # the demo's watch list is written out; nothing is random
    today = today or timezone.localdate()
    names = [KLF, KFF, SOC, MSF, FGF, GVF, VOF, TSF]
    organisations = {o.name: o for o in Organisation.objects.filter(name__in=names)}
    themes = {t.name: t for t in Theme.objects.all()}
    districts = {d.name: d for d in District.objects.all()}
    meetings = _meetings(today)
    with transaction.atomic():
        items = {
            spec.title: _item(spec, organisations, themes, districts, meetings, today)
            for spec in ITEMS
        }
        for title, (theme_names, district_names) in IMPORTED.items():
            item = watch_item_find(title)
            if item is not None and not item.themes.exists():
                services.watch_item_edit(
                    item=item,
                    themes=[themes[n] for n in theme_names if n in themes],
                    districts=[districts[n] for n in district_names if n in districts],
                )
        _portfolio(organisations, items, today)
    return {
        "watch_items": WatchItem.objects.count(),
        "watch_item_updates": WatchItemUpdate.objects.count(),
        "portfolios": Portfolio.objects.count(),
    }


def _item(spec, organisations, themes, districts, meetings, today) -> WatchItem:
    owner = organisations.get(spec.owner)
    name, role, email, public = spec.contact
    fields = {
        "kind": spec.kind,
        "owner": owner,
        "owner_text": SHORT.get(spec.owner, ""),
        "description": spec.description,
        "contact_name": name,
        "contact_role": role,
        "contact_email": email,
        "contact_email_public": public,
        "themes": [themes[n] for n in spec.themes if n in themes],
        "districts": [districts[n] for n in spec.districts if n in districts],
    }
    item = watch_item_find(spec.title)
    if item is None:
        item = services.watch_item_create(title=spec.title, **fields)
    elif item.description:
        return item  # loaded before
    else:
        services.watch_item_edit(item=item, **fields)
    known = {(u.date, u.note) for u in item.updates.all()}
    for ago, note, status in spec.updates:
        day, meeting = _when(meetings, ago, today)
        if (day, note) not in known:
            services.watch_item_update_add(
                item=item, date=day, note=note, meeting=meeting, status=status
            )
    return item


def _portfolio(organisations, items, today) -> None:
    if Portfolio.objects.filter(name=PORTFOLIO).exists():
        return
    klf = organisations.get(KLF)
    portfolio = services.portfolio_save(name=PORTFOLIO, description=PORTFOLIO_TEXT, owner=klf)
    goals = {
        name: services.portfolio_goal_save(portfolio=portfolio, name=name, position=n)
        for n, name in enumerate(GOALS, start=1)
    }
    # The priorities were set for the year after the seed's minutes (the demo's 2024).
    year = today.year - 2
    for name in PRIORITIES:
        services.portfolio_priority_save(portfolio=portfolio, name=name, year=year)
    start = date(year, 1, 1)
    services.initiative_save(
        portfolio=portfolio,
        title="ESF-projekt för att motverka barnfattigdom",
        description="Kultur- och fritidsaktiviteter för barn som lever i ekonomisk utsatthet, "
        "tillsammans med föreningslivet.",
        goals=[goals["Barn och ungas jämlika livsvillkor"], goals["Egen försörjning"]],
        funding_source=FundingSource.EU_FUND,
        starts_on=start,
        ends_on=date(year + 2, 12, 31),
        owner=klf,
        status=InitiativeStatus.ONGOING,
        watch_item=items["ESF Barn i socioekonomiskt utsatta hushåll"],
    )
    services.initiative_save(
        portfolio=portfolio,
        title="Biblioteksplan 2.0",
        description="Läsfrämjande arbete och språkutveckling för barn och unga i hela kommunen.",
        goals=[
            goals["Barn och ungas jämlika livsvillkor"],
            goals["Behörighet till gymnasiet och gymnasieexamen"],
        ],
        funding_source=FundingSource.STATE_GRANT,
        starts_on=start,
        ends_on=date(year + 3, 12, 31),
        owner=organisations.get(KFF),
        status=InitiativeStatus.ONGOING,
        watch_item=items["Biblioteksplan 2.0"],
    )
    services.initiative_save(
        portfolio=portfolio,
        title="Trygga mötesplatser i Norrby",
        description="Fritidsgård, föreningar och områdesgruppen håller öppet kvällar och helger.",
        goals=[goals["Trygghet och säkerhet"], goals["God psykisk hälsa"]],
        funding_source=FundingSource.STATE_GRANT,
        starts_on=date(year + 1, 8, 1),
        ends_on=date(year + 2, 6, 30),
        owner=organisations.get(SOC),
        status=InitiativeStatus.APPROVED,
        watch_item=items["Områdesgrupper"],
    )
