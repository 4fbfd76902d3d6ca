"""QA s33 qa-i: a take the time limit stopped mid-answer is not coached as too short (#3), and
the live clock follows the speech the report times (#2)."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from furikaeri.analysis import Heard, _analysis
from furikaeri.coach import focus_of
from furikaeri.lang import get_rules, text
from furikaeri.speech import Interval, SpeechMap
from furikaeri.transcribe import Word


def _speech(ivs, duration: float) -> SpeechMap:
    return SpeechMap(intervals=tuple(Interval(*iv) for iv in ivs), duration=duration, floor_db=-60.0,
                     speech_db=-20.0, frames_db=np.zeros(int(duration * 100), dtype=np.float32),
                     vad_prob=np.zeros(int(duration * 100), dtype=np.float32),
                     bursts=tuple(Interval(*iv) for iv in ivs))


def _answer(lang: str, *, speech_to: float, duration: float, budget: float, stopped_at: float | None):
    """Words every 0.5 s from 0.5 s to ``speech_to``, in a take of ``duration`` seconds."""
    word = " so" if lang == "en" else "そう"
    times = np.arange(0.5, speech_to - 0.05, 0.5)
    words = tuple(Word(word, float(t), float(min(t + 0.4, speech_to)), 0.9) for t in times)
    smap = _speech([(0.5, speech_to)], duration)
    return _analysis(smap, Heard(words), get_rules(lang), budget_s=budget, acoustic=False, question="Q",
                     model="base", duration=duration, source="take.wav", voice_of=lambda span: _voice(),
                     stopped_at=stopped_at)


def _voice():
    from furikaeri.voice import Voice

    return Voice()


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_an_answer_the_limit_cut_off_under_its_budget_is_not_said_too_short(lang):
    a = _answer(lang, speech_to=11.8, duration=12.0, budget=90.0, stopped_at=12.0)
    assert a.cut_short and a.verdicts["length"].level == "n/a"
    assert text(lang, "warn_cut_at_limit", seconds=12.0) in a.warnings
    assert not any(w.startswith(text(lang, "warn_cut_short", seconds=12.0)[:8]) for w in a.warnings)
    too_short = text(lang, "tip_too_short", answer=a.answer_s, budget=90.0)
    assert too_short not in a.tips
    focus = focus_of(a)
    assert focus is None or focus.metric not in ("answer_s", "over_s")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_same_answer_stopped_otherwise_is_still_too_short(lang):
    """Not the limit's doing (no limit, or the person had stopped before it): short as before."""
    for stopped_at, speech_to in ((None, 11.8), (12.0, 8.0)):
        a = _answer(lang, speech_to=speech_to, duration=12.0, budget=90.0, stopped_at=stopped_at)
        assert not a.cut_short and a.verdicts["length"].level != "n/a"
        assert text(lang, "tip_too_short", answer=a.answer_s, budget=90.0) in a.tips
        assert not any("--max-seconds" in w for w in a.warnings)


def test_an_answer_the_limit_cut_off_past_its_budget_is_still_over():
    """Over the budget already when the limit stopped it: true, and said."""
    a = _answer("en", speech_to=39.8, duration=40.0, budget=20.0, stopped_at=40.0)
    assert a.over_budget and not a.cut_short
    assert a.verdicts["length"].level not in ("n/a", "good")
    assert text("en", "warn_cut_at_limit", seconds=40.0) in a.warnings
    assert focus_of(a) is not None


def test_record_and_practice_pass_where_the_limit_stopped_the_take(monkeypatch, tmp_path):
    """record_listening (both commands' recorder) hands the analysis the limit that stopped it,
    whole-take analysis or streamed."""
    from furikaeri import analysis as analysis_mod
    from furikaeri import stream as stream_mod
    from furikaeri.cli import live

    def take(stopped_by):
        return SimpleNamespace(path=tmp_path / "t.wav", stopped_by=stopped_by, duration_s=12.0)

    assert live.stopped_at(take("max_seconds")) == 12.0
    assert live.stopped_at(take("stop")) is None and live.stopped_at(take("silence")) is None
    seen = []
    monkeypatch.setattr(analysis_mod, "analyze_file", lambda path, **kw: seen.append(kw.get("stopped_at")))
    monkeypatch.setattr(live, "record_interactive", lambda path, **kw: take("max_seconds"))
    _, finish = live.record_listening(tmp_path / "t.wav", analysis={}, stream=False)
    finish()

    class FakeListener:
        def __init__(self, **kw):
            pass

        def take_block(self, block):
            pass

        def spoken(self):
            return None

        def finish(self, progress=None, stopped_at=None):
            seen.append(stopped_at)

    monkeypatch.setattr(stream_mod, "Listener", FakeListener)
    _, finish = live.record_listening(tmp_path / "t.wav", analysis={}, stream=True)
    finish()
    assert seen == [12.0, 12.0]


def _take_in_a_room(noise_dbfs: float = -58.0) -> np.ndarray:
    """QA's take through a virtual microphone: digital silence until the player starts, a room's
    noise from then on (4 s before the answer, 10 s after it), silence once it stops."""
    from furikaeri.audio import load_audio
    from tests.conftest import SAMPLES

    speech = load_audio(SAMPLES / "en_greatest_strength.flac").samples
    rng = np.random.default_rng(3)

    def noise(seconds):
        return (rng.standard_normal(int(seconds * 16000)) * 10 ** (noise_dbfs / 20)).astype(np.float32)

    zeros = np.zeros(int(1.5 * 16000), np.float32)
    return np.concatenate([zeros, noise(4.0), speech + noise(len(speech) / 16000), noise(10.0), zeros])


def _clock_after(x: np.ndarray, *, listening: bool) -> float:
    """The answer's time on the live panel once ``x`` was recorded, in 0.1-s blocks as the
    recorder hands them over (its peak level to the panel, the audio to a listener)."""
    import io

    from rich.console import Console

    from furikaeri.capture import LevelTracker
    from furikaeri.cli.live import LivePanel
    from furikaeri.stream import Listener

    listener = Listener(language="en", background=False)
    listener._close = lambda *a, **k: None  # Silero's decision only: nothing is transcribed
    listener._hear_ahead = lambda *a, **k: None
    panel = LivePanel(Console(file=io.StringIO(), width=100), question=None, budget=90.0,
                      spoken=listener.spoken if listening else None)
    levels = LevelTracker(16000)
    for i in range(0, len(x), 1600):
        block = x[i:i + 1600]
        levels.feed((block * 32767).astype(np.int16).tobytes())
        listener.feed(block)
        panel.update((i + len(block)) / 16000, levels.take_peak())
    return panel.answer_s


def test_the_live_clock_times_the_answer_as_the_report_does_in_a_room_with_noise():
    """The report's length of this answer is 22.1 s (samples/en_greatest_strength.json); the
    clock ends within a second of it, though the room's noise began after the take did."""
    x = _take_in_a_room()
    assert abs(_clock_after(x, listening=True) - 22.1) <= 1.0
    assert _clock_after(x, listening=False) > 22.1 + 5  # the levels' rule alone: the noise counted (QA: 0:46)
