"""Who is who: a name as the minutes write it, matched to a known person or organisation.

The rules, in order (the first that applies wins):

People
    1. **Remembered** — an :class:`~.models.IdentityAlias` (the secretary's earlier answer).
    2. **Exact / normalised** — the same name, also when case, spacing, dots or hyphens differ
       ("Lotta Karlsson Andersson" ~ "Lotta Karlsson-Andersson"). Sure.
    3. **Similar** — one difference only, named in words as the evidence:
       a Swedish short form of the first name ("Lasse is a short form of Lars",
       :data:`SHORT_FORMS`), a shortened double surname ("Fingal is part of the surname Fingal
       Swens"), an initial ("F is the initial of Fogel"), or a small misspelling ("one letter
       differs: Åsthalm ~ Åstholm": one letter in names of 5–8 letters, two from 9). Two
       differences at once ("Lasse Lindberg" for "Lars Lundberg") is not similar at all.

       A short form or a shortened surname is **sure** when the organisation (or party)
       written beside the name is one the known person has represented, and no other known
       person fits as well. Everything else similar is **unsure**: a misspelling never
       becomes sure by itself — "Lars Lindberg" and "Lars Lundberg" of the same club may
       well be two people.
    4. Otherwise the name is a **new** person.

    A candidate already given to another name in the same document is left out: two names in
    one attendance list are two people.

Organisations
    1. Remembered; 2. exact; 3. normalised ("Betlehems kyrkan" ~ "Betlehemskyrkan", "Kultur och
    fritidsförvaltningen" ~ "Kultur- och fritidsförvaltningen"); 4. the same words in another
    order ("Folkets hus Vintrosa" ~ "Vintrosa Folkets hus") — all sure; 5. a small misspelling
    or one extra word ("RFSL" ~ "RFSL Örebro") — unsure, unless the person named with it is
    sure and has represented that organisation. A name found in the register is followed
    through its renames and mergers (:class:`~samverkan.organisations.models.OrganisationLink`)
    to what the organisation was called on the meeting's date: "Kommunstyrelseförvaltningen" in
    minutes from after the rename is Kommunledningsförvaltningen, in minutes from before it is
    Kommunstyrelseförvaltningen itself (which is linked to its successor).

Names mentioned in the text (an action's owner "Anna F", a working group's "Tina Fingal", a
substitution) are first looked for among the people of the same document, where a first name
or an initial is enough when only one person fits; then in the register by exact name.

What happens with an unsure match is decided by the importer (see :mod:`.importing`): the
document's data goes to a new, provisional person and an :class:`~.models.IdentitySuggestion`
with the evidence waits for the secretary, so two people are never merged silently.

Everything here only reads the database; the directories are loaded once per import and
told about the people and organisations the import creates.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from samverkan.meetings.models import Attendance, Membership, Person
from samverkan.organisations.models import Organisation, OrganisationLink

from .lexicon import FIRST_NAMES
from .models import IdentityAlias, IdentityKind, IdentitySuggestion

# ---------------------------------------------------------------------------------------------
# Swedish short forms of first names: only pairs in real use, the short form first. A short
# form that is also a name of its own (Tove, Ola, Mats) is not listed.
# ---------------------------------------------------------------------------------------------

SHORT_FORMS: dict[str, tuple[str, ...]] = {
    "lasse": ("lars",),
    "kalle": ("karl", "carl"),
    "pelle": ("per", "pehr"),
    "perra": ("per",),
    "olle": ("olof", "olov"),
    "nisse": ("nils",),
    "janne": ("jan",),
    "micke": ("mikael", "michael"),
    "jocke": ("joakim", "joachim"),
    "bosse": ("bo",),
    "hasse": ("hans",),
    "gurra": ("gustav", "gustaf"),
    "tompa": ("tomas", "thomas"),
    "tobbe": ("tobias",),
    "robban": ("robert",),
    "danne": ("daniel",),
    "fredde": ("fredrik",),
    "steffe": ("stefan", "staffan"),
    "lelle": ("lennart",),
    "benke": ("bengt",),
    "totte": ("torsten",),
    "krille": ("kristoffer", "christoffer", "krister", "christer"),
    "nicke": ("niklas", "nicklas"),
    "ludde": ("ludvig",),
    "acke": ("axel",),
    "lotta": ("charlotte", "charlotta", "carlotta"),
    "maggan": ("margareta", "margaretha"),
    "kicki": ("kristina", "christina"),
    "stina": ("kristina", "christina"),
    "tina": ("kristina", "christina"),
    "lena": ("helena", "magdalena"),
    "anki": ("anna", "annika", "ann-kristin", "ann-christin"),
    "fia": ("sofia", "sofie"),
    "kattis": ("katarina", "catarina", "katharina", "catharina"),
    "gittan": ("birgitta",),
    "lisa": ("elisabeth", "elisabet"),
    "lisbeth": ("elisabeth", "elisabet"),
    "bettan": ("elisabeth", "elisabet"),
    "nettan": ("annette", "anette"),
    "karro": ("karolina", "carolina", "caroline"),
    "susse": ("susanne", "susanna"),
    "mia": ("maria",),
}

_FULL_TO_SHORT: dict[str, set[str]] = defaultdict(set)
for _short, _fulls in SHORT_FORMS.items():
    for _full in _fulls:
        _FULL_TO_SHORT[_full].add(_short)


def short_form_pair(a: str, b: str) -> tuple[str, str] | None:
    """``(short, full)`` when one first name is a short form of the other (any case)."""
    la, lb = a.casefold(), b.casefold()
    if lb in SHORT_FORMS.get(la, ()):
        return a, b
    if la in SHORT_FORMS.get(lb, ()):
        return b, a
    return None


# ---------------------------------------------------------------------------------------------
# Normalising
# ---------------------------------------------------------------------------------------------

_NOT_WORD = re.compile(r"[\W_]+")
_SPACES = re.compile(r"\s+")


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def person_key(name: str) -> str:
    """A person's name as compared: case, dots, hyphens and spacing do not matter."""
    text = _nfc(name).casefold().replace(".", " ").replace("-", " ").replace("‐", " ")
    return " ".join(text.split())


def organisation_key(name: str) -> str:
    """An organisation's name as compared: only its letters and digits, in lower case, so
    "Betlehems kyrkan", "Betlehemskyrkan" and "BETLEHEMSKYRKAN." are the same."""
    return _NOT_WORD.sub("", _nfc(name).casefold())


def organisation_words_key(name: str) -> str:
    """The words of an organisation's name in alphabetical order (word order does not
    matter)."""
    return " ".join(sorted(w for w in _NOT_WORD.split(_nfc(name).casefold()) if w))


def alias_key(kind: str, text: str) -> str:
    return person_key(text) if kind == IdentityKind.PERSON else organisation_key(text)


def edit_distance_at_most(a: str, b: str, limit: int) -> int | None:
    """The edit distance (insert, delete, replace, swap two neighbours) if at most
    ``limit``, else None."""
    if abs(len(a) - len(b)) > limit:
        return None
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        if min(row) > limit:
            return None
        rows.append(row)
    distance = rows[-1][-1]
    return distance if distance <= limit else None


def misspelling_limit(a: str, b: str) -> int:
    """How many letters may differ for two words to count as one misspelt: none in words
    shorter than 5 letters, one up to 8, two from 9."""
    length = min(len(a), len(b))
    return 0 if length < 5 else 1 if length < 9 else 2


def _letters_differ(distance: int, written: str, known: str) -> str:
    if distance == 1:
        return _("one letter differs: %(written)s ~ %(known)s") % {
            "written": written,
            "known": known,
        }
    return _("%(count)d letters differ: %(written)s ~ %(known)s") % {
        "count": distance,
        "written": written,
        "known": known,
    }


# ---------------------------------------------------------------------------------------------
# Comparing two names
# ---------------------------------------------------------------------------------------------

RULE_SCORES = {
    "remembered": 1.0,
    "exact": 1.0,
    "normalised": 0.97,
    "word_order": 0.95,
    "former_name": 0.95,
    "short_form": 0.8,
    "double_surname": 0.8,
    "longer_name": 0.65,
    "misspelling": 0.7,
    "initial": 0.6,
    "first_name": 0.5,
}
# The rules that make a match sure when the organisation or party agrees.
CORROBORATED_RULES = frozenset({"short_form", "double_surname"})


@dataclass(frozen=True, slots=True)
class NameComparison:
    rule: str
    evidence: tuple[str, ...]


def _tokens(name: str) -> list[str]:
    return [t.strip(".") for t in _nfc(name).split() if t.strip(".")]


def _parts(tokens: list[str]) -> list[str]:
    return [p for t in tokens for p in re.split(r"[-‐]", t) if p]


def _first_relation(written: str, known: str) -> tuple[str, str] | None:
    w, k = written.casefold(), known.casefold()
    if person_key(w) == person_key(k):
        return "same", _("same first name")
    if pair := short_form_pair(written, known):
        return "short_form", _("%(short)s is a short form of %(full)s") % {
            "short": pair[0],
            "full": pair[1],
        }
    for initial, full in ((written, known), (known, written)):
        if len(initial) == 1 and full.casefold().startswith(initial.casefold()) and len(full) > 1:
            return "initial", _("%(initial)s is the initial of %(name)s") % {
                "initial": initial,
                "name": full,
            }
    # Two different first names that both exist (Anna, Anne) are not a misspelling.
    if w in FIRST_NAMES and k in FIRST_NAMES:
        return None
    limit = misspelling_limit(w, k)
    if limit and (distance := edit_distance_at_most(w, k, limit)):
        return "misspelling", _letters_differ(distance, written, known)
    return None


def _surname_relation(written: list[str], known: list[str]) -> tuple[str, str] | None:
    w_text, k_text = " ".join(written), " ".join(known)
    w_parts = [p.casefold() for p in _parts(written)]
    k_parts = [p.casefold() for p in _parts(known)]
    if w_parts == k_parts:
        return "same", _("same surname")
    if len(written) == 1 and len(written[0]) == 1:
        if k_parts and k_parts[0].startswith(w_parts[0]):
            return "initial", _("%(initial)s is the initial of %(name)s") % {
                "initial": written[0],
                "name": k_text,
            }
        return None
    if len(known) == 1 and len(known[0]) == 1:
        if w_parts and w_parts[0].startswith(k_parts[0]):
            return "initial", _("%(initial)s is the initial of %(name)s") % {
                "initial": known[0],
                "name": w_text,
            }
        return None
    shorter, longer = (w_parts, k_parts) if len(w_parts) < len(k_parts) else (k_parts, w_parts)
    if (
        shorter
        and len(shorter) < len(longer)
        and (longer[: len(shorter)] == shorter or longer[-len(shorter) :] == shorter)
    ):
        short_text, long_text = (w_text, k_text) if shorter is w_parts else (k_text, w_text)
        return "double_surname", _("%(part)s is part of the surname %(surname)s") % {
            "part": short_text,
            "surname": long_text,
        }
    w_join, k_join = "".join(w_parts), "".join(k_parts)
    limit = misspelling_limit(w_join, k_join)
    if limit and (distance := edit_distance_at_most(w_join, k_join, limit)):
        return "misspelling", _letters_differ(distance, w_text, k_text)
    return None


def compare_person_names(written: str, known: str) -> NameComparison | None:
    """How a name as written relates to a known name, or None when they are not similar.

    >>> compare_person_names("Lasse Lundberg", "Lars Lundberg").rule
    'short_form'
    """
    if _nfc(written).strip() == _nfc(known).strip():
        return NameComparison("exact", (_("the same name"),))
    if person_key(written) == person_key(known):
        return NameComparison(
            "normalised", (_("the same name written differently (case, spaces, hyphens)"),)
        )
    w_tokens, k_tokens = _tokens(written), _tokens(known)
    if not w_tokens or not k_tokens:
        return None
    first = _first_relation(w_tokens[0], k_tokens[0])
    if first is None:
        return None
    if len(w_tokens) == 1:
        if len(k_tokens) == 1 or first[0] not in ("same", "short_form"):
            return None
        evidence = [_("only the first name is written")]
        if first[0] == "short_form":
            evidence.append(first[1])
        return NameComparison("first_name", tuple(evidence))
    if len(k_tokens) == 1:
        return None
    surname = _surname_relation(w_tokens[1:], k_tokens[1:])
    if surname is None:
        return None
    differences = [r for r in (first, surname) if r[0] != "same"]
    if len(differences) != 1:
        # Two differences at once is too far; none means another tokenising of one name.
        return None if differences else NameComparison("normalised", (_("the same name"),))
    same = [r[1] for r in (surname, first) if r[0] == "same"]
    return NameComparison(differences[0][0], (*same, differences[0][1]))


def compare_organisation_names(written: str, known: str) -> NameComparison | None:
    """How an organisation's name as written relates to a known one, or None."""
    if _nfc(written).strip() == _nfc(known).strip():
        return NameComparison("exact", (_("the same name"),))
    w_key, k_key = organisation_key(written), organisation_key(known)
    if not w_key or not k_key:
        return None
    if w_key == k_key:
        return NameComparison(
            "normalised", (_("the same name written differently (case, spaces, hyphens)"),)
        )
    if organisation_words_key(written) == organisation_words_key(known):
        return NameComparison("word_order", (_("the same words in another order"),))
    w_words = [w for w in _NOT_WORD.split(_nfc(written)) if w]
    k_words = [w for w in _NOT_WORD.split(_nfc(known)) if w]
    shorter, longer = (w_words, k_words) if len(w_words) < len(k_words) else (k_words, w_words)
    if len(longer) == len(shorter) + 1 and shorter:
        lowered = [w.casefold() for w in longer]
        extra = [w for w in longer if w.casefold() not in {s.casefold() for s in shorter}]
        if (
            len(extra) == 1
            and extra[0][:1].isupper()
            and all(s.casefold() in lowered for s in shorter)
        ):
            long_name, short_name = (known, written) if longer is k_words else (written, known)
            return NameComparison(
                "longer_name",
                (
                    _("%(long)s is %(short)s with one more word (%(word)s)")
                    % {"long": long_name, "short": short_name, "word": extra[0]},
                ),
            )
    limit = misspelling_limit_for_organisations(min(len(w_key), len(k_key)))
    if limit and (distance := edit_distance_at_most(w_key, k_key, limit)):
        return NameComparison("misspelling", (_letters_differ(distance, written, known),))
    return None


# ---------------------------------------------------------------------------------------------
# Resolutions
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Resolution:
    """What a name as written was found to be.

    ``match_id`` is set when sure (the known person or organisation); ``candidate_id`` when
    unsure (the best guess, with ``evidence``). Neither is set for a new name."""

    kind: str
    text: str
    rule: str = "new"
    match_id: int | None = None
    candidate_id: int | None = None
    candidate_name: str = ""
    score: float = 0.0
    evidence: list[str] = field(default_factory=list)
    # A provisional person or organisation still under review that this name matched.
    pending: IdentitySuggestion | None = None

    @property
    def sure(self) -> bool:
        return self.match_id is not None

    @property
    def is_new(self) -> bool:
        return self.match_id is None and self.candidate_id is None

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "text": self.text,
            "rule": self.rule,
            "sure": self.sure,
            "match_id": self.match_id,
            "candidate_id": self.candidate_id,
            "candidate_name": self.candidate_name,
            "score": round(self.score, 2),
            "evidence": list(self.evidence),
        }


@dataclass(slots=True)
class _KnownPerson:
    pk: int
    name: str
    organisation_ids: set[int] = field(default_factory=set)
    parties: set[str] = field(default_factory=set)


@dataclass(slots=True)
class _KnownOrganisation:
    pk: int
    name: str
    key: str
    words_key: str


def _words(name: str) -> set[str]:
    """The words of a name, as compare_organisation_names compares them (case aside)."""
    return {w.casefold() for w in _NOT_WORD.split(_nfc(name)) if w}


def _bigrams(key: str) -> dict[str, int]:
    found: dict[str, int] = defaultdict(int)
    for i in range(len(key) - 1):
        found[key[i : i + 2]] += 1
    return found


def misspelling_limit_for_organisations(length: int) -> int:
    """How many letters may differ in an organisation's name (without spaces and signs) of
    this length, or a longer one, for it to count as misspelt."""
    return 0 if length < 8 else 1 if length < 14 else 2


class _OrganisationIndex:
    """Known organisations by the words of their names and by the pairs of letters in them,
    to find the few a name may be similar to without comparing it with every one.

    One word more: a name with one word more than a known name has all that name's words;
    one word less, all its words are in the known name. A misspelling (at most ``n`` letters
    inserted, removed, replaced or two neighbours swapped, so at most ``2n`` single-letter
    changes) changes the length by at most ``n`` and leaves at least ``longer - 1 - 2 * 2n``
    of the pairs of letters in common (each change touches at most two pairs)."""

    def __init__(self, organisations: Iterable[_KnownOrganisation]) -> None:
        self.by_word: dict[str, set[int]] = defaultdict(set)
        self.word_count: dict[int, int] = {}
        self.by_pair: dict[tuple[int, str], list[tuple[int, int]]] = defaultdict(list)
        self.key_length: dict[int, int] = {}
        for known in organisations:
            self.add(known)

    def add(self, known: _KnownOrganisation) -> None:
        words = _words(known.name)
        self.word_count[known.pk] = len(words)
        for word in words:
            self.by_word[word].add(known.pk)
        self.key_length[known.pk] = len(known.key)
        for pair, count in _bigrams(known.key).items():
            self.by_pair[(len(known.key), pair)].append((known.pk, count))

    def similar(self, text: str, key: str) -> set[int]:
        found: set[int] = set()
        words = _words(text)
        if words:
            # One word more than the name written: it has all of them.
            found |= set.intersection(*(self.by_word.get(w, set()) for w in words))
            # One word less: all its words are among the name's.
            shared: dict[int, int] = defaultdict(int)
            for word in words:
                for pk in self.by_word.get(word, ()):
                    shared[pk] += 1
            found |= {pk for pk, n in shared.items() if n == self.word_count[pk]}
        limit = misspelling_limit_for_organisations(len(key))
        if limit:
            pairs = _bigrams(key)
            common: dict[int, int] = defaultdict(int)
            for length in range(len(key) - limit, len(key) + limit + 1):
                for pair, count in pairs.items():
                    for pk, theirs in self.by_pair.get((length, pair), ()):
                        common[pk] += min(count, theirs)
            found |= {
                pk
                for pk, n in common.items()
                if n >= max(len(key), self.key_length[pk]) - 1 - 4 * limit
            }
        return found


class Directory:
    """The people and organisations known when an import starts, with what each person has
    represented; told about every person and organisation the import adds."""

    def __init__(self) -> None:
        self.people: dict[int, _KnownPerson] = {}
        self.people_by_key: dict[str, list[int]] = defaultdict(list)
        # By first name (case aside), and which of them a first name as written relates to:
        # the only people a name can be similar to (see compare_person_names).
        self.people_by_first: dict[str, set[int]] = defaultdict(set)
        self._related_first: dict[str, tuple[str, list[str]]] = {}
        self.organisations: dict[int, _KnownOrganisation] = {}
        self.organisations_by_key: dict[str, list[int]] = defaultdict(list)
        self.organisations_by_words: dict[str, list[int]] = defaultdict(list)
        self._organisation_index: _OrganisationIndex | None = None
        self.links: dict[int, list[tuple[int, str, date]]] = defaultdict(list)  # successors
        self.linked: dict[int, set[int]] = defaultdict(set)  # both directions
        self.aliases: dict[tuple[str, str], int] = {}
        self.rejected: set[tuple[str, str, int]] = set()
        self.pending: dict[tuple[str, int], IdentitySuggestion] = {}
        self._load()

    def _load(self) -> None:
        for pk, name in Person.objects.values_list("pk", "name"):
            self._add_person(pk, name)
        seats = Membership.objects.filter(person__isnull=False).values_list(
            "person_id", "organisation_id", "party__abbreviation"
        )
        attended = Attendance.objects.values_list(
            "person_id", "organisation_id", "party__abbreviation"
        )
        for rows in (seats, attended):
            for person_id, organisation_id, party in rows:
                self.note_representation(person_id, organisation_id, party)
        for pk, name in Organisation.objects.values_list("pk", "name"):
            self._add_organisation(pk, name)
        for predecessor, successor, kind, on in OrganisationLink.objects.values_list(
            "predecessor_id", "successor_id", "kind", "date"
        ):
            self.links[predecessor].append((successor, kind, on))
            self.linked[predecessor].add(successor)
            self.linked[successor].add(predecessor)
        for kind, text, person_id, organisation_id in IdentityAlias.objects.values_list(
            "kind", "text", "person_id", "organisation_id"
        ):
            self.aliases[(kind, text)] = person_id or organisation_id
        for suggestion in IdentitySuggestion.objects.filter(
            status=IdentitySuggestion.Status.REJECTED
        ).only("kind", "text", "candidate_person_id", "candidate_organisation_id"):
            candidate = suggestion.candidate_person_id or suggestion.candidate_organisation_id
            self.rejected.add(
                (suggestion.kind, alias_key(suggestion.kind, suggestion.text), candidate)
            )
        for suggestion in IdentitySuggestion.objects.filter(
            status=IdentitySuggestion.Status.PENDING
        ).filter(Q(provisional_person__isnull=False) | Q(provisional_organisation__isnull=False)):
            provisional = suggestion.provisional_person_id or suggestion.provisional_organisation_id
            self.pending[(suggestion.kind, provisional)] = suggestion

    # -- keeping up with the import ------------------------------------------------------------

    def _add_person(self, pk: int, name: str) -> None:
        self.people[pk] = _KnownPerson(pk, name)
        self.people_by_key[person_key(name)].append(pk)
        self._add_first_name(pk, name)

    def _add_first_name(self, pk: int, name: str) -> None:
        tokens = _tokens(name)
        if not tokens:
            return
        first = tokens[0].casefold()
        if first not in self.people_by_first:
            for written, related in self._related_first.values():
                if _first_relation(written, first) is not None:
                    related.append(first)
        self.people_by_first[first].add(pk)

    def _similar_first_names(self, name: str) -> set[int]:
        """The people whose first name is the same as, a short form of, an initial of or a
        misspelling of the first name in ``name`` (:func:`_first_relation`): any other
        known person is not similar to it."""
        tokens = _tokens(name)
        if not tokens:
            return set()
        written = tokens[0]
        key = written.casefold()
        if key not in self._related_first:
            related = [k for k in self.people_by_first if _first_relation(written, k) is not None]
            self._related_first[key] = (written, related)
        return set().union(*(self.people_by_first[k] for k in self._related_first[key][1]))

    def _add_organisation(self, pk: int, name: str) -> None:
        known = _KnownOrganisation(pk, name, organisation_key(name), organisation_words_key(name))
        self.organisations[pk] = known
        self.organisations_by_key[known.key].append(pk)
        self.organisations_by_words[known.words_key].append(pk)
        if self._organisation_index is not None:
            self._organisation_index.add(known)

    def _similar_organisations(self, text: str, key: str) -> set[int]:
        """The organisations a name not found as written may be similar to
        (:func:`compare_organisation_names`: one word more or less, or a small misspelling);
        any other is not. The index is made at the first such name of the run."""
        if self._organisation_index is None:
            self._organisation_index = _OrganisationIndex(self.organisations.values())
        return self._organisation_index.similar(text, key)

    def person_added(self, person: Person) -> None:
        if person.pk not in self.people:
            self._add_person(person.pk, person.name)

    def person_renamed(self, person: Person, old_name: str) -> None:
        old_key = person_key(old_name)
        if person.pk in self.people_by_key.get(old_key, []):
            self.people_by_key[old_key].remove(person.pk)
        self.people_by_key[person_key(person.name)].append(person.pk)
        self.people[person.pk].name = person.name
        old_first = _tokens(old_name)
        if old_first:
            self.people_by_first[old_first[0].casefold()].discard(person.pk)
        self._add_first_name(person.pk, person.name)

    def organisation_added(self, organisation: Organisation) -> None:
        if organisation.pk not in self.organisations:
            self._add_organisation(organisation.pk, organisation.name)

    def note_representation(
        self, person_id: int, organisation_id: int | None, party: str | None
    ) -> None:
        known = self.people.get(person_id)
        if known is None:
            return
        if organisation_id:
            known.organisation_ids.add(organisation_id)
        if party:
            known.parties.add(party.casefold())

    def pending_added(self, suggestion: IdentitySuggestion) -> None:
        provisional = suggestion.provisional_person_id or suggestion.provisional_organisation_id
        if provisional:
            self.pending[(suggestion.kind, provisional)] = suggestion

    # -- organisations -------------------------------------------------------------------------

    def with_links(self, organisation_id: int) -> set[int]:
        """An organisation and every one linked to it by renames and mergers (any depth)."""
        seen, todo = {organisation_id}, [organisation_id]
        while todo:
            for other in self.linked.get(todo.pop(), ()):
                if other not in seen:
                    seen.add(other)
                    todo.append(other)
        return seen

    def as_named_on(self, organisation_id: int, day: date | None) -> tuple[int, list[str]]:
        """The organisation that ``organisation_id`` had become on ``day``, following renames
        and mergers made on or before it (a split has no single successor and stops)."""
        current, evidence, seen = organisation_id, [], {organisation_id}
        while day is not None:
            steps = [s for s in self.links.get(current, ()) if s[2] <= day]
            if len(steps) != 1 or steps[0][1] == OrganisationLink.Kind.SPLIT:
                break
            successor, kind, on = steps[0]
            if successor in seen:
                break
            template = (
                _("%(old)s was renamed %(new)s on %(date)s")
                if kind == OrganisationLink.Kind.RENAMED
                else _("%(old)s became part of %(new)s on %(date)s")
            )
            evidence.append(
                template
                % {
                    "old": self.organisations[current].name,
                    "new": self.organisations[successor].name,
                    "date": date_format(on, "j F Y"),
                }
            )
            seen.add(successor)
            current = successor
        return current, evidence

    def resolve_organisation(self, text: str, *, on: date | None = None) -> Resolution:
        """Find an organisation by its name as written (see the module's rules)."""
        text = " ".join(text.split())
        resolution = Resolution(IdentityKind.ORGANISATION, text)
        key = organisation_key(text)
        if not key:
            return resolution
        remembered = self.aliases.get((IdentityKind.ORGANISATION, key))
        if remembered and remembered in self.organisations:
            return self._organisation_sure(
                resolution, remembered, "remembered", [_("remembered answer")], on
            )
        exact = [
            pk
            for pk in self.organisations_by_key.get(key, [])
            if self.organisations[pk].name == text
        ]
        if exact:
            return self._organisation_sure(resolution, min(exact), "exact", [], on)
        for rule, found in (
            ("normalised", self.organisations_by_key.get(key, [])),
            ("word_order", self.organisations_by_words.get(organisation_words_key(text), [])),
        ):
            if found:
                comparison = compare_organisation_names(text, self.organisations[found[0]].name)
                evidence = list(comparison.evidence) if comparison else []
                return self._organisation_sure(resolution, min(found), rule, evidence, on)
        candidates: list[tuple[float, int, NameComparison]] = []
        for pk in self._similar_organisations(text, key):
            known = self.organisations.get(pk)
            if known is None or abs(len(known.key) - len(key)) > 12:
                continue
            comparison = compare_organisation_names(text, known.name)
            if comparison is None or (IdentityKind.ORGANISATION, key, known.pk) in self.rejected:
                continue
            candidates.append((RULE_SCORES[comparison.rule], known.pk, comparison))
        if not candidates:
            return resolution
        candidates.sort(key=lambda c: (-c[0], self.organisations[c[1]].name, c[1]))
        score, pk, comparison = candidates[0]
        resolution.rule, resolution.candidate_id = comparison.rule, pk
        resolution.candidate_name = self.organisations[pk].name
        resolution.score, resolution.evidence = score, list(comparison.evidence)
        for _score, other, _comparison in candidates[1:3]:
            resolution.evidence.append(
                _("also similar: %(name)s") % {"name": self.organisations[other].name}
            )
        return resolution

    def _organisation_sure(
        self, resolution: Resolution, pk: int, rule: str, evidence: list[str], on: date | None
    ) -> Resolution:
        current, history = self.as_named_on(pk, on)
        resolution.match_id = current
        resolution.rule = "former_name" if current != pk and rule == "exact" else rule
        resolution.score = RULE_SCORES[resolution.rule]
        resolution.evidence = [*evidence, *history]
        resolution.pending = self.pending.get((IdentityKind.ORGANISATION, current))
        return resolution

    # -- people --------------------------------------------------------------------------------

    def resolve_person(
        self,
        name: str,
        *,
        organisation_ids: Iterable[int] = (),
        party: str | None = None,
        taken: Iterable[int] = (),
    ) -> Resolution:
        """Find a person by their name as written in an attendance list, with the
        organisation (any of ``organisation_ids``: the sure one, or the unsure candidate)
        and party written beside it. People in ``taken`` already stand for other names of
        the same document and are not candidates."""
        name = " ".join(name.split())
        resolution = Resolution(IdentityKind.PERSON, name)
        key = person_key(name)
        if not key:
            return resolution
        taken = set(taken)
        remembered = self.aliases.get((IdentityKind.PERSON, key))
        if remembered and remembered in self.people:
            return self._person_sure(resolution, remembered, "remembered", [_("remembered answer")])
        context: set[int] = set()
        for organisation_id in organisation_ids:
            context |= self.with_links(organisation_id)
        party_key = party.casefold() if party else None

        def corroboration(pk: int) -> list[str]:
            known = self.people[pk]
            reasons = []
            shared = known.organisation_ids & context
            if shared:
                names = sorted(
                    self.organisations[o].name for o in shared if o in self.organisations
                )
                reasons.append(_("same organisation: %(name)s") % {"name": ", ".join(names[:2])})
            if party_key and party_key in known.parties:
                reasons.append(_("same party: %(party)s") % {"party": party})
            return reasons

        same_name = [pk for pk in self.people_by_key.get(key, []) if pk not in taken]
        if len(same_name) == 1:
            rule = "exact" if self.people[same_name[0]].name == name else "normalised"
            return self._person_sure(resolution, same_name[0], rule, [])
        if len(same_name) > 1:
            backed = [pk for pk in same_name if corroboration(pk)]
            if len(backed) == 1:
                return self._person_sure(resolution, backed[0], "exact", corroboration(backed[0]))
            best = max(same_name)  # the most recently added of the namesakes
            resolution.rule, resolution.candidate_id = "exact", best
            resolution.candidate_name = self.people[best].name
            resolution.score = 0.9
            resolution.evidence = [
                _("the same name"),
                _("%(count)d people already have this name") % {"count": len(same_name)},
            ]
            return resolution
        candidates: list[tuple[float, int, list[str], str]] = []
        for pk in self._similar_first_names(name):
            known = self.people.get(pk)
            if known is None or known.pk in taken:
                continue
            comparison = compare_person_names(name, known.name)
            if comparison is None or comparison.rule == "first_name":
                continue
            if (IdentityKind.PERSON, key, known.pk) in self.rejected:
                continue
            reasons = corroboration(known.pk)
            score = RULE_SCORES[comparison.rule] + (0.15 if reasons else 0.0)
            candidates.append(
                (min(score, 0.99), known.pk, [*comparison.evidence, *reasons], comparison.rule)
            )
        if not candidates:
            return resolution
        candidates.sort(key=lambda c: (-c[0], self.people[c[1]].name, c[1]))
        score, pk, evidence, rule = candidates[0]
        sure = [c for c in candidates if c[3] in CORROBORATED_RULES and corroboration(c[1])]
        if len(sure) == 1 and sure[0][1] == pk:
            return self._person_sure(resolution, pk, rule, evidence, score=score)
        resolution.rule, resolution.candidate_id = rule, pk
        resolution.candidate_name = self.people[pk].name
        resolution.score, resolution.evidence = score, list(evidence)
        for _score, other, _evidence, _rule in candidates[1:3]:
            resolution.evidence.append(
                _("also similar: %(name)s") % {"name": self.people[other].name}
            )
        return resolution

    def _person_sure(
        self,
        resolution: Resolution,
        pk: int,
        rule: str,
        evidence: list[str],
        *,
        score: float | None = None,
    ) -> Resolution:
        resolution.match_id, resolution.rule = pk, rule
        resolution.score = score if score is not None else RULE_SCORES[rule]
        resolution.evidence = evidence
        resolution.pending = self.pending.get((IdentityKind.PERSON, pk))
        return resolution

    def resolve_mention(self, name: str, document_people: dict[int, set[str]]) -> Resolution:
        """A name mentioned in the text (an action's owner, a working-group member): among the
        document's people (``{person pk: names written for them}``) a first name, an initial,
        a short form or a shortened surname is enough when only one person fits; else the
        register by exact or remembered name. Never unsure: a name that fits nobody for sure
        is left as written (``match_id`` None)."""
        name = " ".join(name.strip().rstrip(".").split())
        resolution = Resolution(IdentityKind.PERSON, name)
        if not person_key(name):
            return resolution
        fits: dict[int, NameComparison] = {}
        for pk, written in document_people.items():
            names = {*written, self.people[pk].name} if pk in self.people else set(written)
            for known in names:
                comparison = compare_person_names(name, known)
                if comparison is not None and comparison.rule != "misspelling":
                    fits.setdefault(pk, comparison)
        if len(fits) == 1:
            pk, comparison = next(iter(fits.items()))
            evidence = [*comparison.evidence, _("the only one in the document who fits")]
            return self._person_sure(resolution, pk, comparison.rule, evidence)
        if len(fits) > 1:
            exact = [pk for pk, c in fits.items() if c.rule in ("exact", "normalised")]
            if len(exact) == 1:
                return self._person_sure(resolution, exact[0], fits[exact[0]].rule, [])
            return resolution
        remembered = self.aliases.get((IdentityKind.PERSON, person_key(name)))
        if remembered and remembered in self.people:
            return self._person_sure(resolution, remembered, "remembered", [_("remembered answer")])
        same_name = self.people_by_key.get(person_key(name), [])
        if len(same_name) == 1 and len(_tokens(name)) > 1:
            return self._person_sure(resolution, same_name[0], "exact", [])
        return resolution


def identity_preview(result: dict[str, Any]) -> list[Resolution]:
    """Who the people and organisations of one parsed document (the JSON shape of issue 4)
    would be found to be, without writing anything: for the upload page, to show the
    secretary before she saves. Names of the same document are not compared with each
    other here (the import itself does that)."""
    directory = Directory()
    day = date.fromisoformat(result["date"]) if result.get("date") else None
    resolutions: list[Resolution] = []
    organisations: dict[str, Resolution] = {}
    people: set[str] = set()
    for entry in [*result.get("present", []), *result.get("absent", [])]:
        organisation_ids: list[int] = []
        text = entry.get("organisation")
        if text and not entry.get("party"):
            if text not in organisations:
                organisations[text] = directory.resolve_organisation(text, on=day)
                resolutions.append(organisations[text])
            if organisations[text].sure:
                organisation_ids = [organisations[text].match_id]  # type: ignore[list-item]
        if not entry.get("name") or person_key(entry["name"]) in people:
            continue
        people.add(person_key(entry["name"]))
        resolutions.append(
            directory.resolve_person(
                entry["name"], organisation_ids=organisation_ids, party=entry.get("party")
            )
        )
    return resolutions
