"""People in minutes: "Tina Fingal Swens, Örebro Föreningsråd (*ordförande*)", "Maria Haglund
(M)", "Vakans, Förskole- och grundskoleförvaltningen", "Anna Andersson, Bertil Berg (S)".

A line of an attendance list is cut into chunks at semicolons and commas (never inside
brackets); each chunk is a person's name, an organisation, a lower-case descriptor ("sekreterare",
"digitaliseringsledare") or a vacancy. Brackets hold a party, a role, a substitution or an
organisation's abbreviation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import (
    BODY_ALIASES,
    BODY_SUFFIXES,
    FIRST_NAMES,
    NAME_PARTICLES,
    ORGANISATION_SUFFIXES,
    ORGANISATION_WORDS,
    PARTIES,
    ROLE_HEADINGS,
    ROLES,
)

# Capital and small letters of names: Swedish, and the Latin letters of names from elsewhere
# ("Amira Begić", "Dragana Petrović", "Ayşe Yılmaz", "Łukasz Wójcik").
_UPPER = "A-ZÅÄÖÉÜØÆÁÀÍÓÚÇÑŠŽĆČĐŁŚŹŻŃŘĚÝŞĞİÂÊÎÔÛËÏÕÃ"
_LOWER = "a-zåäöéüøæëïáàèíóúçñšžćčđłśźżńřěýşğıâêîôûõãů'’"
_NAME_TOKEN_RE = re.compile(
    rf"^(?:[{_UPPER}][{_LOWER}]+"
    rf"(?:-[{_UPPER}a-zåäöé][{_LOWER}]*)*"
    r"|[A-ZÅÄÖ]\.?|[A-ZÅÄÖ](?:-[A-ZÅÄÖ])+\.?)$"
)
_ACRONYM_RE = re.compile(r"^[A-ZÅÄÖ][A-ZÅÄÖ0-9&-]{1,7}$")
_VACANCY_RE = re.compile(r"^(?:vakans|vakant|vakanta?)\b[\s:,-]*(?P<rest>.*)$", re.IGNORECASE)
_SUBSTITUTE_PAREN_RE = re.compile(
    r"^(?:ersättare|ers\.?|tjänstgörande(?: ersättare)?|tjänstgör|vikarie)\s+för\s+(?P<for>.+)$"
    r"|^ersätter\s+(?P<for2>.+)$",
    re.IGNORECASE,
)
_ROLE_WORDS = sorted(ROLES, key=len, reverse=True)
_LEADING_ROLE_RE = re.compile(
    r"^(?P<role>" + "|".join(re.escape(r) for r in _ROLE_WORDS) + r")\s+(?P<rest>[A-ZÅÄÖ].*)$",
    re.IGNORECASE,
)
_TRAILING_ROLE_RE = re.compile(
    r"^(?P<rest>.*?\S)\s*,?\s+(?P<role>" + "|".join(re.escape(r) for r in _ROLE_WORDS) + r")$"
)
_SPLIT_AND_RE = re.compile(r"\s+(?:och|&|samt)\s+")
_DASH_SEPARATOR_RE = re.compile(r"\s+[-–—]\s+")
_SUBSTITUTE_TEXT_RE = re.compile(
    r"^(?P<name>.+?)\s*,?\s+(?:ersättare för|ers\.? för|tjänstgör för|tjänstgörande för|"
    r"ersätter|i stället för|istället för|vikarie för)\s+(?P<for>[A-ZÅÄÖ].*)$",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Person:
    """One person in an attendance list (the JSON shape of issue 4)."""

    name: str
    organisation: str | None = None
    party: str | None = None
    role: str | None = None
    group: str | None = None
    substitutes_for: str | None = field(default=None, compare=False)

    def as_dict(self) -> dict[str, str | None]:
        return {
            "name": self.name,
            "organisation": self.organisation,
            "party": self.party,
            "role": self.role,
            "group": self.group,
        }


@dataclass(slots=True)
class Vacancy:
    """A vacant seat: "Vakans, Förskole- och grundskoleförvaltningen"."""

    organisation: str | None = None


def split_outside_brackets(text: str, separators: str) -> list[str]:
    """Split at any of the separator characters that stand outside brackets."""
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for char in text:
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        if char in separators and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def strip_brackets(text: str) -> tuple[str, list[str]]:
    """The text without its top-level brackets, and what the brackets held."""
    base: list[str] = []
    inner: list[str] = []
    groups: list[str] = []
    depth = 0
    for char in text:
        if char == "(":
            if depth > 0:
                inner.append(char)
            depth += 1
        elif char == ")" and depth > 0:
            depth -= 1
            if depth == 0:
                groups.append("".join(inner).strip(" *_"))
                inner = []
            else:
                inner.append(char)
        elif depth > 0:
            inner.append(char)
        else:
            base.append(char)
    if inner:  # an unclosed bracket: keep it as text
        base.append("(" + "".join(inner))
    return re.sub(r"\s{2,}", " ", "".join(base)).strip(), [g for g in groups if g]


def _name_tokens_ok(tokens: list[str]) -> bool:
    if not tokens or len(tokens) > 5:
        return False
    if tokens[0].lower() in NAME_PARTICLES:
        return False
    for token in tokens:
        lower = token.lower().rstrip(".")
        if lower in NAME_PARTICLES:
            continue
        if not _NAME_TOKEN_RE.match(token):
            return False
        if lower in ORGANISATION_WORDS:
            return False
        if len(lower) > 4 and lower.endswith(ORGANISATION_SUFFIXES):
            return False
    return True


def is_name(text: str, *, minimum_tokens: int = 2) -> bool:
    """Whether the text is shaped like a person's name ("K-G Granberg", "Karin von Stedingk")."""
    tokens = text.split()
    return len(tokens) >= minimum_tokens and _name_tokens_ok(tokens)


def is_known_first_name(word: str, known: set[str] | frozenset[str] = frozenset()) -> bool:
    lower = word.lower().rstrip(".,")
    return lower in FIRST_NAMES or lower in known


def normalise_body(text: str) -> str:
    """The usual name of a body: "C-nätverket" becomes "C-nätet"."""
    cleaned = text.strip().strip(":").strip()
    return BODY_ALIASES.get(cleaned.lower(), cleaned)


def is_body_name(text: str) -> bool:
    cleaned = text.strip().strip(":").strip()
    lower = cleaned.lower()
    if lower in BODY_ALIASES:
        return True
    words = cleaned.split()
    return 0 < len(words) <= 6 and words[-1].lower().endswith(BODY_SUFFIXES)


def group_heading(text: str) -> tuple[str | None, str | None] | None:
    """A heading inside an attendance list: ``(body, role)``; ``None`` when it is not one.

    "C-nätet" is a body; "Ersättare:" is a role for the people below it; "Politiker:" (a
    short line ending in a colon) is taken as a group of its own.
    """
    stripped = text.strip()
    if "," in stripped or ";" in stripped or any(c.isdigit() for c in stripped):
        return None
    cleaned = stripped.rstrip(":").strip()
    lower = cleaned.lower()
    if lower in ROLE_HEADINGS:
        return None, ROLE_HEADINGS[lower] or ""
    if is_body_name(cleaned):
        return normalise_body(cleaned), None
    if stripped.endswith(":") and len(cleaned.split()) <= 4 and not is_name(cleaned):
        return cleaned, None
    return None


def _role_of(text: str) -> str | None:
    lower = text.lower().strip(" .*_")
    return ROLES.get(lower) or ROLES.get(lower + ".")


def _party_of(text: str) -> str | None:
    cleaned = text.strip(" .")
    if cleaned in PARTIES:
        return cleaned
    if cleaned.upper() in PARTIES and len(cleaned) <= 3:
        return cleaned.upper()
    return None


class _Chunk:
    """One comma-separated piece of an attendance line, classified."""

    __slots__ = ("base", "brackets", "kind", "role", "substitutes_for", "starts_entry")

    def __init__(self, text: str, known_first_names: set[str], *, starts_entry: bool) -> None:
        self.starts_entry = starts_entry
        self.substitutes_for: str | None = None
        if match := _SUBSTITUTE_TEXT_RE.match(text):
            # "David Dahl (S) ersättare för Erik Ek (S)"
            text = match.group("name")
            self.substitutes_for = clean_person_name(match.group("for"))
        self.base, self.brackets = strip_brackets(text)
        self.base = self.base.strip(" .:;-–")
        self.role: str | None = None
        if match := _LEADING_ROLE_RE.match(self.base):
            if is_name(match.group("rest")):
                self.role, self.base = ROLES[match.group("role").lower()], match.group("rest")
        elif (match := _TRAILING_ROLE_RE.match(self.base)) and is_name(match.group("rest")):
            self.role, self.base = ROLES[match.group("role").lower()], match.group("rest")
        self.kind = self._classify(known_first_names)

    def _classify(self, known: set[str]) -> str:
        base = self.base
        if not base:
            return "empty"
        if _VACANCY_RE.match(base):
            return "vacancy"
        if _party_of(base) and base.strip(" .") in PARTIES:
            return "party"  # "Maria Haglund, M" (a table's party column)
        if base[0].islower():
            return "descriptor"
        tokens = base.split()
        has_party = any(_party_of(b) for b in self.brackets)
        if _name_tokens_ok(tokens) and (len(tokens) >= 2 or has_party):
            if has_party or self.role or self.substitutes_for:
                return "name"
            return "name" if is_known_first_name(tokens[0], known) else "weak_name"
        return "organisation"


def _apply_bracket(person: Person, inner: str, people_substitutions: list[tuple[str, str]]) -> None:
    if party := _party_of(inner):
        person.party = party
        return
    if role := _role_of(inner):
        person.role = role
        return
    if match := _SUBSTITUTE_PAREN_RE.match(inner):
        substituted = (match.group("for") or match.group("for2") or "").strip(" .")
        person.role = "ersättare"
        if substituted:
            person.substitutes_for = substituted
            people_substitutions.append((person.name, substituted))
        return
    if _ACRONYM_RE.match(inner):
        person.organisation = f"{person.organisation} ({inner})" if person.organisation else inner
        return
    if inner[:1].islower():
        if person.role is None and len(inner.split()) <= 3:
            person.role = inner
        return
    if person.organisation is None:
        person.organisation = inner


def _split_chunks(text: str) -> list[tuple[str, bool]]:
    """The chunks of a line, each with whether it must start a new entry (after ";")."""
    chunks: list[tuple[str, bool]] = []
    text = _DASH_SEPARATOR_RE.sub(", ", text)  # "Anna Andersson – KFUM"
    for part in split_outside_brackets(text, ";"):
        first = True
        for chunk in split_outside_brackets(part, ","):
            pieces = _SPLIT_AND_RE.split(chunk)
            if len(pieces) > 1 and all(is_name(strip_brackets(p)[0]) for p in pieces):
                chunks.extend((p, first or position > 0) for position, p in enumerate(pieces))
            else:
                chunks.append((chunk, first))
            first = False
    return chunks


def parse_people(
    text: str,
    *,
    known_first_names: set[str],
    substitutions: list[tuple[str, str]],
) -> list[Person | Vacancy] | None:
    """The people (and vacancies) on one line of an attendance list, or ``None`` if the line
    is not one: its first chunk must be a name or a vacancy.

    ``substitutions`` receives ``(substitute, substituted)`` for "(ersättare för X)".
    """
    chunks = [
        _Chunk(text, known_first_names, starts_entry=starts) for text, starts in _split_chunks(text)
    ]
    if not chunks:
        return None
    several_names = sum(1 for c in chunks if c.kind in ("name", "weak_name")) >= 3
    entries: list[Person | Vacancy] = []
    previous_kind: str | None = None
    for position, chunk in enumerate(chunks):
        last = entries[-1] if entries else None
        kind_before, previous_kind = previous_kind, chunk.kind
        if chunk.kind == "vacancy":
            rest = _VACANCY_RE.match(chunk.base).group("rest").strip() or None  # type: ignore[union-attr]
            entries.append(Vacancy(organisation=rest))
            continue
        if isinstance(last, Vacancy):
            if last.organisation is None and chunk.kind != "name" and not chunk.starts_entry:
                last.organisation = chunk.base
                continue
            last = None
        if last is None or (chunk.starts_entry and position > 0):
            if chunk.kind not in ("name", "weak_name"):
                if entries:
                    break
                return None
            person = Person(name=chunk.base)
            entries.append(person)
        elif chunk.kind == "name" or (
            chunk.kind == "weak_name" and (last.organisation is not None or several_names)
        ):
            person = Person(name=chunk.base)
            entries.append(person)
        elif chunk.kind == "descriptor":
            role = _role_of(chunk.base)
            if role is None and kind_before == "organisation" and last.organisation:
                # "Förvaltningen för utbildning, försörjning och arbete": a name with commas
                last.organisation = f"{last.organisation}, {chunk.base}"
            elif role or last.role is None:
                last.role = role or chunk.base
            person = last
        elif chunk.kind in ("empty", "party"):
            if chunk.kind == "party":
                last.party = chunk.base.strip(" .")
            person = last
        else:
            org = chunk.base
            last.organisation = f"{last.organisation}, {org}" if last.organisation else org
            person = last
        if chunk.role:
            person.role = chunk.role
        if chunk.substitutes_for:
            person.role = person.role or "ersättare"
            person.substitutes_for = chunk.substitutes_for
            substitutions.append((person.name, chunk.substitutes_for))
        for inner in chunk.brackets:
            _apply_bracket(person, inner, substitutions)
    return entries


def clean_person_name(text: str) -> str:
    """A name without brackets, roles, e-mail addresses or trailing punctuation."""
    base, _ = strip_brackets(text)
    base = split_outside_brackets(base, ",")[0] if base else base
    if match := _TRAILING_ROLE_RE.match(base):
        base = match.group("rest")
    return base.strip(" .:;-–")
