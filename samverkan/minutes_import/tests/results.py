"""Parsed documents (issue 4's shape) made in the tests, without a file: what the parser
would give, so that an import test says exactly what goes in."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from samverkan.minutes_import.parsing import empty_result


def person(
    name: str,
    organisation: str | None = None,
    *,
    party: str | None = None,
    role: str | None = None,
    group: str | None = None,
) -> dict[str, str | None]:
    return {
        "name": name,
        "organisation": organisation,
        "party": party,
        "role": role,
        "group": group,
    }


def item(
    title: str,
    text: str = "",
    *,
    number: str | None = None,
    types: list[str] | None = None,
    decisions: list[str] | None = None,
    tabled: list[str] | None = None,
    follow_up: bool = False,
    actions: list[dict[str, str | None]] | None = None,
) -> dict[str, Any]:
    return {
        "number": number,
        "title": title,
        "types": types or [],
        "text": text,
        "decisions": decisions or [],
        "tabled": tabled or [],
        "follow_up": follow_up,
        "actions": actions or [],
    }


def action(owner: str, what: str, due: str | None = None) -> dict[str, str | None]:
    return {"owner": owner, "what": what, "due": due}


def row(date: str | None, title: str, start: str | None = None, end: str | None = None) -> dict:
    return {
        "date": date,
        "date_text": date or "?",
        "start_time": start,
        "end_time": end,
        "place": "Föreningarnas Hus",
        "title": title,
    }


def minutes(
    date: str,
    *,
    name: str = "",
    bodies: list[str] | None = None,
    present: list[dict] | None = None,
    absent: list[dict] | None = None,
    items: list[dict] | None = None,
    kind: str = "minutes",
    start: str | None = "16:00",
    end: str | None = "18:00",
    recorded_by: str | None = "Anna Sekreterare",
    **extra: Any,
) -> dict[str, Any]:
    """Minutes of ``date``; the checksum is made from the content, so two calls with the same
    arguments are the same file."""
    result = empty_result(name or f"protokoll-{date}.txt")
    result.update(
        {
            "title": f"Minnesanteckningar {' och '.join(bodies or ['Samverkansrådet'])} {date}",
            "kind": kind,
            "bodies": bodies if bodies is not None else ["Samverkansrådet"],
            "date": date,
            "start_time": start,
            "end_time": end,
            "place": "Föreningarnas Hus",
            "present": present or [],
            "absent": absent or [],
            "agenda_items": items
            if items is not None
            else [item("Välkomna", "Ordföranden hälsar välkommen.")],
            "recorded_by": recorded_by,
        }
    )
    result.update(extra)
    content = json.dumps({k: v for k, v in result.items() if k != "file"}, sort_keys=True)
    result["sha256"] = hashlib.sha256(content.encode()).hexdigest()
    return result
