"""Recording happenings (called by the other apps' services) and managing subscriptions."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from samverkan.subscriptions.models import Happening, HappeningKind, HappeningTopic


@transaction.atomic
def happening_record(
    *,
    kind: HappeningKind | str,
    title: str,
    path: str,
    topics: Iterable[str],
    summary: str = "",
    occurred_at: datetime | None = None,
    dedup_key: str | None = None,
) -> Happening | None:
    """Tell the followers of ``topics`` that something public happened.

    Call it inside the transaction of the change itself, so that a change that is rolled
    back tells nobody. With ``dedup_key`` the same happening is recorded once only; a second
    call returns None. Followers are emailed later, by the immediate sender or the weekly
    digest, never from here.
    """
    if dedup_key and Happening.objects.filter(dedup_key=dedup_key).exists():
        return None
    try:
        with transaction.atomic():
            happening = Happening.objects.create(
                kind=kind,
                title=title[:300],
                summary=summary[:2000],
                path=path,
                occurred_at=occurred_at or timezone.now(),
                dedup_key=dedup_key,
            )
    except IntegrityError:  # a concurrent call recorded it first
        return None
    HappeningTopic.objects.bulk_create(
        [HappeningTopic(happening=happening, topic=t) for t in dict.fromkeys(topics) if t]
    )
    return happening
