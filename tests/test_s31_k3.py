"""Session 31, k3: the streamed report's seams, quiet microphones on the live screen, the clock.

What must hold: the mark Whisper closes a stretch with is decided by the hearing across the seam
(a mid-sentence pause stays mid-sentence); the live clock, the silence stop and the no-speech
notice hear a quiet but clean microphone; the countdown and the clock add up to the budget; a
take with no speech says so once.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from furikaeri.transcribe import Word

sys.path.insert(0, str(Path(__file__).parent))

from pulse_fixture import pulse  # noqa: E402,F401  (fixture)


def _w(text, start, end):
    return Word(text, start, end)


# ------------------------------------------------------------------------------ seams
def test_the_full_stop_a_stretch_ends_with_gives_way_to_the_hearing_across_the_seam():
    from furikaeri.stream import _reseamed

    words = [_w(" the", 19.9, 20.1), _w(" white.", 20.1, 20.6), _w(" bird", 21.8, 22.1), _w(" sitting", 22.1, 22.5)]
    # the next stretch (from 21.75) heard "the white" as its context, with no mark after it
    got = _reseamed(words, [([_w(" the", 19.95, 20.1), _w(" white", 20.12, 20.62)], 21.75)])
    assert [w.text for w in got] == [" the", " white", " bird", " sitting"]
    assert (got[1].start, got[1].end) == (20.1, 20.6)  # only the mark changes
    # Japanese: a comma where the stretch had closed with 。
    ja = [_w("数に", 1.0, 1.4), _w("1回。", 1.4, 1.9), _w("勉強を", 3.0, 3.5)]
    assert [w.text for w in _reseamed(ja, [([_w("1回、", 1.45, 1.95)], 2.9)])] == ["数に", "1回、", "勉強を"]
    # a real sentence end, heard so across the seam too, stays one
    end = [_w(" nest.", 5.0, 5.5), _w(" Then", 7.0, 7.3)]
    assert [w.text for w in _reseamed(end, [([_w(" nest.", 5.0, 5.5)], 6.9)])] == [" nest.", " Then"]


def test_a_seam_whose_context_word_is_another_word_changes_no_mark():
    from furikaeri.stream import _reseamed

    words = [_w(" their", 3.2, 3.4), _w(" first", 3.4, 3.7), _w(" website.", 3.7, 4.39), _w(" Then", 4.97, 5.33)]
    # the context's only word overlaps "website." but is not it: the stop stays
    got = _reseamed(words, [([_w(" the", 3.8, 4.3)], 4.97)])
    assert [w.text for w in got] == [" their", " first", " website.", " Then"]
    assert _reseamed(words, []) == words
    assert _reseamed([], [([_w(" the", 19.0, 19.2)], 21.75)]) == []


def test_a_word_the_hearing_wrote_after_the_contexts_last_is_the_stretchs_own():
    """QA: the streamed transcript said "first website. mean to keep doing" where the whole take
    has "I mean": Whisper stamped the stretch's first "I" (3.81-4.57) back over the context."""
    from furikaeri.stream import _reseamed

    words = [_w(" first", 3.4, 3.7), _w(" website.", 3.7, 4.39), _w(" mean", 4.97, 5.33), _w(" to", 5.33, 5.59)]
    got = _reseamed(words, [([_w(" I", 3.81, 4.57)], 4.97)])
    assert [w.text for w in got] == [" first", " website.", " I", " mean", " to"]
    assert (got[2].start, got[2].end) == (4.97, 4.97)  # at the stretch's start
    # after the context's last word, matched: "website I" -> the mark, and "I" is the stretch's
    got = _reseamed(words, [([_w(" website.", 3.7, 4.35), _w(" I", 4.4, 4.6)], 4.97)])
    assert [w.text for w in got] == [" first", " website.", " I", " mean", " to"]
    # a context word the stretch wrote again is not doubled, nor one of the context's own (the
    # stretch then goes on in lower case: the stop before it is no sentence end, s32 k6)
    unstopped = [" first", " website", " mean", " to"]
    assert [w.text for w in _reseamed(words, [([_w(" mean", 4.4, 4.6)], 4.97)])] == unstopped
    assert [w.text for w in _reseamed(words, [([_w(" first", 3.4, 4.6)], 4.97)])] == unstopped


@pytest.mark.model
def test_a_streamed_answer_keeps_its_mid_sentence_pauses_and_the_word_after_a_seam(shared):
    """QA, en_ALL_046 streamed: "the white. bird sitting ..." and "the baby bird. dropped from":
    the pauses at 20.3 s (1.1 s) and 29.6 s (1.9 s) counted as between sentences, where the whole
    take has them mid-sentence, with the tip "2 long pauses fell mid-sentence"."""
    import realclips
    from furikaeri.analysis import analyze_file
    from furikaeri.stream import blocks_of, listen_to

    audio, _ = realclips.real_l2(shared, "en_ALL_046_F_FAR_ENG_ST1")
    a = listen_to(blocks_of(audio.samples), language="en", budget=30, hear_ahead=True)
    long = {round(p.start): p.place for p in a.pauses if p.kind != "short"}
    assert long.get(20) == long.get(30) == "mid", a.pauses
    assert a.stats.mid_long_pauses == 2
    assert "bird. dropped" not in a.transcript and "white. bird" not in a.transcript
    # a sample's stretch opening with "I", stamped by Whisper back over the speech before it
    path = Path(__file__).resolve().parents[1] / "samples" / "en_tell_me_about_yourself.flac"
    from furikaeri.audio import load_audio

    streamed = listen_to(blocks_of(load_audio(path).samples), language="en", hear_ahead=True)
    assert "website. I mean" in streamed.transcript
    assert [p.place for p in streamed.pauses] == [p.place for p in analyze_file(path, language="en").pauses]


# ------------------------------------------------------------------------------ a quiet microphone
RATE16 = 16000


def _noise(seconds, dbfs, seed=0):
    rng = np.random.default_rng(seed)
    return rng.normal(0, 10 ** (dbfs / 20), int(seconds * RATE16))


def _speechlike(seconds, dbfs, seed=1):
    """Syllables: a 200-Hz voice whose loudness rises and falls 4 times a second (-inf between)."""
    t = np.arange(int(seconds * RATE16)) / RATE16
    env = np.clip(np.sin(2 * np.pi * 2 * t), 0, None)  # bursts of 0.25 s
    x = np.sin(2 * np.pi * 200 * t) * env
    return x / np.sqrt(np.mean(x * x)) * 10 ** (dbfs / 20)


def _pcm(x):
    return np.clip(np.round(x * 32768), -32768, 32767).astype(np.int16)


def test_a_microphone_set_low_is_heard_speaking_and_then_going_silent():
    """QA: a clip played 40 dB down (speech -70 to -57 dBFS over a -94 dBFS floor) was never
    heard: no silence stop, and "no speech was heard" after a fully analysed answer."""
    from furikaeri.capture import LevelTracker

    tr = LevelTracker(RATE16)
    tr.feed(_pcm(_noise(2.0, -94)))
    assert not tr.speech_heard
    tr.feed(_pcm(_noise(3.0, -94, seed=2) + _speechlike(3.0, -64)))
    assert tr.speech_heard
    tr.feed(_pcm(_noise(2.0, -94, seed=3)))
    assert tr.silence_s == pytest.approx(2.0, abs=0.3)


@pytest.mark.parametrize("floor_dbfs,sound_dbfs", [
    (-94.0, -94.0),  # a silent line's steady hiss: never over its own floor
    (-60.0, -55.0),  # a room: a sound 5 dB over its noise is no voice (the loud-room rule, as before)
    (-70.0, -60.0),  # a normal room's floor is no quiet microphone's: 10 dB over it stays unvoiced
])
def test_a_quiet_line_or_a_room_is_not_heard_as_speech(floor_dbfs, sound_dbfs):
    from furikaeri.capture import LevelTracker

    tr = LevelTracker(RATE16)
    tr.feed(_pcm(_noise(3.0, floor_dbfs)))
    tr.feed(_pcm(_noise(3.0, floor_dbfs, seed=2) + _speechlike(3.0, sound_dbfs)))
    assert not tr.speech_heard


def _panel(budget=20.0):
    from rich.console import Console

    from furikaeri.cli.live import LivePanel

    return LivePanel(Console(width=100, record=True, force_terminal=False), question="Q", budget=budget,
                     hints=lambda: 0)


def test_the_clock_starts_with_a_quiet_microphones_first_word():
    panel = _panel()
    for k in range(20):  # digital silence, then the line's hiss
        panel.update(k * 0.1, -120.0 if k < 5 else -94.0)
    assert panel.started is None
    panel.update(2.0, -66.0)
    panel.update(2.1, -62.0)  # two updates of speech in a row (0.2 s, as the recorder needs)
    assert panel.started == 2.0


def test_the_clock_is_not_started_by_a_room_or_a_single_click_on_a_quiet_line():
    room = _panel()
    for k in range(50):  # a room at -60..-57 dBFS: a normal floor, and no voice over it
        room.update(k * 0.1, -60.0 + 3 * (k % 2))
    assert room.started is None
    click = _panel()
    for k in range(20):
        click.update(k * 0.1, -94.0)
    click.update(2.0, -60.0)  # one click
    click.update(2.1, -94.0)
    assert click.started is None


def _shown(panel) -> str:
    panel.console.print(panel.render())
    return panel.console.export_text()


@pytest.mark.parametrize("language,wrap", [("en", "0:04 left"), ("ja", "残り4秒")])
def test_the_countdown_and_the_clock_add_up_to_the_budget(language, wrap):
    """QA: "REC 0:16 / 0:20 ... Time to wrap up: 0:03 left": both rounded down."""
    from rich.console import Console

    from furikaeri.cli.live import LivePanel, clock

    panel = LivePanel(Console(width=100, record=True, force_terminal=False), question="Q", budget=20.0,
                      hints=lambda: 0, language=language)
    panel.started = 0.0
    panel.elapsed = 16.4
    shown = _shown(panel)
    assert "0:16 / 0:20" in shown and wrap in shown and "0:03" not in shown and "残り3秒" not in shown
    assert clock(4.0, up=True) == "0:04" and clock(3.01, up=True) == "0:04" and clock(0.0, up=True) == "0:00"
    assert clock(59.5) == "0:59"


_RECORD = """
import sys
from furikaeri.cli.live import record_interactive
take = record_interactive(sys.argv[1], max_seconds=float(sys.argv[2]), stop_after_silence=2.5)
print(take.stopped_by, take.speech_heard)
"""


@pytest.mark.mic
def test_an_answer_into_a_microphone_set_low_stops_at_its_silence_and_is_heard(pulse, tmp_path):
    """An answer played 40 dB down into the microphone: the take stops 2.5 s after it (not at
    the cap) and no "no speech was heard" notice follows."""
    import subprocess
    import time

    import soundfile as sf

    from furikaeri.audio import load_audio

    root = Path(__file__).resolve().parents[1]
    audio = load_audio(root / "samples" / "en_greatest_strength.flac")
    quiet = tmp_path / "quiet.wav"
    sf.write(str(quiet), audio.samples * 10 ** (-40 / 20), audio.rate, subtype="PCM_16")
    length = len(audio.samples) / audio.rate
    env = dict(pulse.env, FURIKAERI_HOME=str(tmp_path / "home"))
    pulse.playable(quiet)
    out = tmp_path / "takes" / "q.wav"
    rec = subprocess.Popen([sys.executable, "-c", _RECORD, str(out), str(length + 20)], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(2.0)
    player = pulse.play(quiet)
    stdout, stderr = rec.communicate(timeout=length + 60)
    assert player.wait(10) == 0
    assert rec.returncode == 0, stderr
    assert stdout.split() == ["silence", "True"], stderr
    assert "no speech" not in stderr
    assert sf.info(str(out)).duration < length + 2.0 + 2.5 + 2.0
