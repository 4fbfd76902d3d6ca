"""QA s31 (k7): a note naming one filler is checked on that filler's count; a session's
name made under another time zone never contradicts the local time shown beside it.

No Whisper model: answers are built by hand, archives through
:func:`furikaeri.session.save_analysis`.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

import pytest
from click.testing import CliRunner

from furikaeri import session as S
from furikaeri.cli import cli
from furikaeri.report.history import _beside

MONDAY = datetime(2026, 10, 1, 10, 0, tzinfo=timezone.utc)


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def flat(text: str) -> str:
    """Output with rich's line wrapping undone (words joined by one space)."""
    return " ".join(text.split())


# --------------------------------------------------------------------------- 2. a name's clock, another zone


def test_a_name_whose_minute_is_not_the_local_start_gets_the_whole_local_time():
    # made at 10:00 UTC, read in Tokyo (19:00): a bare "19:00" beside "10:00" read as one day's two clocks
    assert _beside("en-basic 2026-10-01 10:00", "2026-10-01 19:00") == " · 2026-10-01 19:00"
    assert _beside("en-basic 2026-10-01 10:00", "2026-10-02 04:30") == " · 2026-10-02 04:30"
    assert _beside("en-basic 2026-10-01 10:00 (2)", "2026-10-01 10:00") == ""  # the name says it already
    assert _beside("mock 2026-10-01", "2026-10-01 19:00") == " · 19:00"  # a day named, no minute: the time
    assert _beside("mock-2", "2026-10-08 19:30") == " · 2026-10-08 19:30"


@pytest.fixture
def tokyo(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_history_under_another_zone_shows_the_local_date_and_time_beside_a_default_name(furikaeri_home, tokyo):
    from tests.test_compare_notes import make_analysis

    S.save_analysis(make_analysis(), audio_path=None, session="en-basic 2026-10-01 10:00", home=furikaeri_home,
                    now=MONDAY)
    out = flat(run("history").output)
    assert "en-basic 2026-10-01 10:00 #1 · 2026-10-01 19:00" in out
