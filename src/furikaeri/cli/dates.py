"""Dates as a person types them (``reflect --date``, its prompt, ``progress --since``): one
reader, so a date one command accepts the others accept too."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from furikaeri.errors import UsageError

#: Dates said in words: days before today.
DAYS_AGO = {"today": 0, "今日": 0, "きょう": 0, "本日": 0, "yesterday": 1, "昨日": 1, "きのう": 1,
            "一昨日": 2, "おととい": 2, "おとつい": 2}


def _day_of(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:  # February 29th in a year that has none
        return None


def read_date(typed: str, today: date) -> date:
    """A date as typed (2026-12-01, 20261201, 2026/12/1, 12/1, 12月1日, 昨日, yesterday; a date
    with no year is the latest one not after ``today``); a :class:`UsageError` for one that
    cannot be read."""
    import unicodedata

    said = unicodedata.normalize("NFKC", typed).strip()  # full-width digits as typed with a Japanese IME
    if said.casefold() in DAYS_AGO:
        return today - timedelta(days=DAYS_AGO[said.casefold()])
    written = re.fullmatch(r"(?:(\d{4})[-/.年])?(\d{1,2})[-/.月](\d{1,2})日?", said)  # 2026/12/1, 12月1日
    try:
        if written is None:
            found = datetime.fromisoformat(said).date()  # 20261201 is kept as 2026-12-01
        elif written[1]:
            found = date(int(written[1]), int(written[2]), int(written[3]))
        else:  # the latest such day not after today: 12/28 typed on January 5th is last year's,
            # 2/29 typed in 2026 is 2024's (a 2/30 is in no year)
            month, day = int(written[2]), int(written[3])
            date(2000, month, day)  # a day no year has
            found = next(d for year in range(today.year, today.year - 9, -1)
                          if (d := _day_of(year, month, day)) is not None and d <= today)
    except ValueError:
        raise UsageError(f"cannot read the date {typed!r}: use YYYY-MM-DD (or yesterday)",
                         ja=f"日付「{typed}」を読めません。YYYY-MM-DD（または「昨日」）で指定してください") from None
    return found
