"""Reads of the watch list: finding an item by its title as the minutes write it."""

from __future__ import annotations

import re
import unicodedata

from samverkan.watchlist.models import WatchItem

# A trailing acronym in brackets is the title's own short form: "... innovationer (PSI)".
_TRAILING_ACRONYM = re.compile(r"\s*\(\s*[A-ZÅÄÖ0-9][A-ZÅÄÖ0-9\-]{1,9}\s*\)\s*$")
_NOT_WORD = re.compile(r"[^\w]+")


def title_key(title: str) -> str:
    """The title as compared: case, quotes, punctuation, spacing and a trailing acronym in
    brackets do not matter ("Regionalt partnerskap för sociala innovationer (PSI)" and
    "regionalt partnerskap för sociala innovationer." have the same key)."""
    text = unicodedata.normalize("NFC", title)
    text = _TRAILING_ACRONYM.sub("", text.strip().rstrip(".").strip())
    return " ".join(_NOT_WORD.sub(" ", text.casefold()).split())


def _distance_at_most(a: str, b: str, limit: int) -> bool:
    """Whether the edit distance (insertions, deletions, substitutions) is at most ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return False
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, start=1):
            current[j] = min(
                previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)
            )
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


def watch_item_find(title: str) -> WatchItem | None:
    """The item with this title: the same compared title, else the one title that differs
    by a letter or two in a long title (a misspelling: "civilsamhällsnätverk" and
    "civilsamhällesnätverk"). None when there is none, or more than one such item."""
    key = title_key(title)
    if not key:
        return None
    exact = WatchItem.objects.filter(title_key=key).first()
    if exact is not None:
        return exact
    if len(key) < 16:
        return None
    limit = 1 if len(key) < 24 else 2
    close = [
        item
        for item in WatchItem.objects.only("pk", "title_key")
        if _distance_at_most(item.title_key, key, limit)
    ]
    if len(close) == 1:
        return WatchItem.objects.get(pk=close[0].pk)
    return None
