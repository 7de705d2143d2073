"""When a team's first reply is due: a number of hours, or of Swedish working days.

A working day is Monday to Friday, except Swedish public holidays and the eves the
municipality is closed on (midsommarafton, julafton, nyårsafton). A target of N working days
ends at midnight after the N-th working day that follows the day of arrival: an inquiry that
arrives on a Monday with a target of 2 working days is due by the end of Wednesday.
"""

from datetime import date, datetime, time, timedelta
from functools import cache

from django.utils import timezone

from samverkan.inquiries.models import ReplyTargetUnit


def easter_sunday(year: int) -> date:
    """Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


@cache
def days_off(year: int) -> frozenset[date]:
    """Public holidays and the eves off in Sweden that can fall on a weekday."""
    easter = easter_sunday(year)
    midsummer_eve = next(date(year, 6, d) for d in range(19, 26) if date(year, 6, d).weekday() == 4)
    return frozenset(
        {
            date(year, 1, 1),  # nyårsdagen
            date(year, 1, 6),  # trettondedag jul
            easter - timedelta(days=2),  # långfredagen
            easter + timedelta(days=1),  # annandag påsk
            date(year, 5, 1),  # första maj
            easter + timedelta(days=39),  # Kristi himmelsfärdsdag
            date(year, 6, 6),  # nationaldagen
            midsummer_eve,  # midsommarafton
            date(year, 12, 24),  # julafton
            date(year, 12, 25),  # juldagen
            date(year, 12, 26),  # annandag jul
            date(year, 12, 31),  # nyårsafton
        }
    )


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in days_off(day.year)


def add_working_days(day: date, count: int) -> date:
    """The `count`-th working day after `day`."""
    current = day
    remaining = count
    while remaining > 0:
        current += timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def reply_due(received_at: datetime, *, target: int, unit: str) -> datetime:
    """The moment a first reply to an inquiry received at `received_at` is due."""
    if unit == ReplyTargetUnit.HOURS:
        return received_at + timedelta(hours=target)
    local_day = timezone.localtime(received_at).date()
    last_day = add_working_days(local_day, target)
    return timezone.make_aware(datetime.combine(last_day + timedelta(days=1), time.min))
