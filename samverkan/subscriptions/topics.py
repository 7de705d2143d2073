"""Topic keys: the streams a person can follow, written as short strings.

Every happening is tagged with the topics it belongs to, and every subscription lists the
topics followed; a subscriber is told of a happening when the two share a topic. Keys are
plain strings so that one indexed join finds the happenings of any subscriber, whatever kind
of thing the topic is:

    theme:<slug>            a theme of collaboration (collaboration_map.Theme)
    district:<slug>         a district (organisations.District)
    body:<pk>               a council, network or working group (meetings.Body)
    department:<pk>         a municipal department or company (organisations.Organisation)
    consultation:<pk>       one consultation
    watchitem:<pk>          one watch-list item
"""

from __future__ import annotations

from typing import Any


def theme(theme: Any) -> str:
    return f"theme:{theme.slug}"


def district(district: Any) -> str:
    return f"district:{district.slug}"


def body(body: Any) -> str:
    return f"body:{body.pk}"


def department(organisation: Any) -> str:
    return f"department:{organisation.pk}"


def consultation(consultation: Any) -> str:
    return f"consultation:{consultation.pk}"


def watch_item(item: Any) -> str:
    return f"watchitem:{item.pk}"
