"""Session 50: what sessions 47-49 left.

- a note typed while the answer was analysed, then Ctrl-C: the terminal threw the finished lines
  away with the Ctrl-C, and nothing said so (QA s49 II #2); they are kept as the answer's note;
- SIGTERM/SIGHUP that ends a take while Whisper still loads in its thread: the process aborted
  at exit ("terminate called without an active exception", -6) in place of exit code 143.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

SRC = str(Path(__file__).resolve().parent.parent / "src")


def test_lines_finished_before_a_held_ctrl_c_are_kept_for_the_note(monkeypatch, capsys):
    """QA s49 II #2: 「短すぎた」 + Enter typed during the analysis, then half a line, then Ctrl-C.
    The terminal flushed its input with the Ctrl-C (and whatever survived would have gone to
    the shell after us); now the finished line is kept, the half line goes as Ctrl-C has it."""
    import pty
    import termios

    from furikaeri.cli.live import HeldInterrupts
    from furikaeri.cli.streams import typeahead_lines

    monkeypatch.setattr(threading, "active_count", lambda: 1)
    master, slave = pty.openpty()
    try:
        with open(slave, "r", closefd=False) as tty:
            monkeypatch.setattr(sys, "stdin", tty)
            before = termios.tcgetattr(slave)[3] & termios.NOFLSH
            held = HeldInterrupts("held\n")
            with held:
                assert termios.tcgetattr(slave)[3] & termios.NOFLSH
                os.write(master, "短すぎた\n内容が".encode())
                time.sleep(0.1)
                os.write(master, b"\x03")  # Ctrl-C as typed: the terminal's own flush
                os.kill(os.getpid(), signal.SIGINT)  # and the signal it sends (this pty is no one's terminal)
                deadline = time.monotonic() + 5
                while not held.pressed and time.monotonic() < deadline:
                    time.sleep(0.01)
                assert held.pressed
            assert termios.tcgetattr(slave)[3] & termios.NOFLSH == before  # the terminal as it was
            assert typeahead_lines() == ["短すぎた"]
            assert typeahead_lines() == []
            with HeldInterrupts("held\n"):  # no Ctrl-C: lines typed stay on the terminal for the prompts
                os.write(master, b"later\n")
                time.sleep(0.1)
            assert typeahead_lines() == ["later"]
    finally:
        os.close(master)
        os.close(slave)


def test_without_noflsh_the_ctrl_c_would_lose_the_line():
    """The check above can fail: with the terminal's default (flush on Ctrl-C) the line is gone."""
    import pty

    from furikaeri.cli.streams import _terminal_lines

    master, slave = pty.openpty()
    try:
        with open(slave, "r", closefd=False) as tty:
            old = sys.stdin
            sys.stdin = tty
            try:
                os.write(master, "短すぎた\n".encode())
                time.sleep(0.1)
                os.write(master, b"\x03")
                time.sleep(0.1)
                assert _terminal_lines() == []
            finally:
                sys.stdin = old
    finally:
        os.close(master)
        os.close(slave)


@pytest.mark.parametrize("lines, note", [
    ([], None),
    (["短すぎた"], {"wrong": "短すぎた", "why": "", "next_time": ""}),
    (["a", "b", "c", "d"], {"wrong": "a", "why": "b", "next_time": "c d"}),
])
def test_lines_typed_for_a_note_no_prompt_asked_fill_its_parts_in_order(lines, note):
    from furikaeri.cli.practice_cmd import _typed_note

    assert _typed_note(lines) == note


def test_an_ending_signal_while_another_thread_runs_leaves_with_its_code(tmp_path):
    """SIGTERM/SIGHUP ends a take while the listener thread still loads Whisper: the command
    raises SystemExit(143), and Python's shutdown, waiting on that thread, aborted the process
    (-6 in CI). `furikaeri` leaves at once with the code when another thread runs."""
    done = tmp_path / "thread-finished"
    script = textwrap.dedent(f"""
        import sys, threading, time
        import furikaeri.cli
        def work():
            time.sleep(20)
            open({str(done)!r}, "w").close()
        def run():
            threading.Thread(target=work).start()  # not a daemon: the shutdown would wait for it
            raise SystemExit(143)
        furikaeri.cli.main = run
        from furikaeri.__main__ import main
        main()
    """)
    p = subprocess.run([sys.executable, "-c", script], env={**os.environ, "PYTHONPATH": SRC},
                       capture_output=True, text=True, timeout=15)
    assert p.returncode == 143, p.stderr
    assert not done.exists()


def _pink(n: int, seed: int = 0):
    import numpy as np

    rng = np.random.default_rng(seed)
    spectrum = np.fft.rfft(rng.standard_normal(n))
    k = np.arange(len(spectrum))
    k[0] = 1
    x = np.fft.irfft(spectrum / np.sqrt(k), n)
    return x / np.sqrt(np.mean(x ** 2))


def test_a_louder_room_filling_half_the_take_is_followed(shared):
    """QA s49b LL #2: a real answer (124 s, room -59 dBFS) with a steady noise from 60 s, the
    room 11.5 dB up. The take's floor, a percentile of all of it, lay 8 dB under the louder room
    and it was not followed: 18 pauses / 21.8 s of silence after 60 s against 26 / 27.1 s
    labelled. The rise is reckoned from the quieter room: 24 / 27.1 s, as with that noise
    throughout (26 / 29.1 s)."""
    import numpy as np

    from furikaeri.audio import Audio
    from furikaeri.speech import find_speech
    from realclips import RATE, real_l2
    from test_s49_rooms import silence_in

    clip, truth = real_l2(shared, "ja_CCH16-ST1")
    x = clip.samples.astype(np.float64)
    n = len(x)
    noise = 10 ** ((-59.3 + 15) / 20) * _pink(n)
    ramp = np.clip((np.arange(n) - 60 * RATE) / (0.5 * RATE), 0, 1)
    partway = Audio((x + noise * ramp).astype(np.float32), RATE, "partway")
    throughout = Audio((x + noise).astype(np.float32), RATE, "throughout")
    end = truth["speech_end"]
    labelled = sum(min(p["end"], end) - max(p["start"], 60.0) for p in truth["pauses"]
                   if p["end"] > 60.0 and p["start"] < end)
    smap = find_speech(partway)
    found = silence_in(smap, 60.0, end)
    alone = silence_in(find_speech(throughout), 60.0, end)
    assert abs(found - alone) < 0.1 * labelled, (found, alone, labelled)  # 27.1 / 29.1 / 27.1 s; it read 21.8
    # and said (QA s50 MM #3: a louder room partway, music, went unsaid)
    from furikaeri.advice import _stretches_said

    assert _stretches_said(smap.louder, smap.duration, "en").startswith("from about 1:0")
    assert len(smap.louder) == 1 and 55.0 <= smap.louder[0].start <= 75.0 and smap.louder_db >= 9.0
    assert find_speech(clip).louder == ()


def test_the_quieter_room_is_a_step_each_side_long_not_a_quiet_start():
    import numpy as np

    from furikaeri.speech import ROOM_RISE_DB, _quieter_room

    times = np.arange(0.0, 124.0)
    two = np.where(times < 60, -60.0, -48.0)
    assert _quieter_room(two, times, 124.0) == -60.0
    quiet_start = np.where(times < 12, -72.0, -62.0)  # before the first word: no second room
    assert _quieter_room(quiet_start, times, 124.0) == np.inf
    late = np.where(times < 110, -60.0, -45.0)  # a rise too near the end to be a room's
    assert _quieter_room(late, times, 124.0) == np.inf
    small = np.where(times < 60, -60.0, -60.0 + ROOM_RISE_DB - 1)
    assert _quieter_room(small, times, 124.0) == np.inf
    gaps = two.copy()
    gaps[70:90] = np.nan  # seconds with too little quiet to tell (a long stretch of speech)
    assert _quieter_room(gaps, times, 124.0) == -60.0


def _babble(shared, n: int, seed: int = 2):
    """Six other real-l2 speakers talking at once (a café, an office)."""
    import numpy as np

    from realclips import real_l2

    rng = np.random.default_rng(seed)
    out = np.zeros(n)
    for name in ("ja_IID15-ST2", "ja_KKR24-ST2", "en_ALL_108_M_SHS_ENG_ST1", "ja_ENZ20-ST1", "ja_CCS09-ST2",
                 "en_ALL_046_F_FAR_ENG_ST1"):
        s = real_l2(shared, name)[0].samples.astype(np.float64)
        s = np.tile(s, int(np.ceil(n / len(s))) + 1)
        o = int(rng.integers(0, len(s) - n))
        out += s[o:o + n] / np.sqrt(np.mean(s ** 2))
    return out / np.sqrt(np.mean(out ** 2))


def test_other_voices_that_start_partway_are_found_and_said(shared):
    """QA s49b LL #1: other voices from 60 s of a 124-s answer (14 dB under the speaker) filled
    every later pause, and the take, judged whole, had none: no warning, pauses "ok". The
    stretch is found (its windows of 30 s), heard with its own levels, warned about with its
    time, and its pauses, fillers and voice are not judged; the answer alone has no such stretch."""
    import numpy as np

    from furikaeri.advice import room_warning, voices_said
    from furikaeri.audio import Audio
    from furikaeri.speech import find_speech
    from realclips import RATE, real_l2

    clip, _ = real_l2(shared, "ja_CCH16-ST1")
    x = clip.samples.astype(np.float64)
    n = len(x)
    ramp = np.clip((np.arange(n) - 60 * RATE) / (0.5 * RATE), 0, 1)
    voices = 10 ** ((-59.3 + 24) / 20) * _babble(shared, n)
    smap = find_speech(Audio((x + voices * ramp).astype(np.float32), RATE, "partway"))
    assert not smap.other_voices and len(smap.voices) == 1
    assert 45.0 <= smap.voices[0].start <= 60.0 and smap.voices[0].end == smap.duration
    speech_s = sum(iv.duration for iv in smap.intervals)
    assert room_warning(smap, speech_s) == "warn_other_voices_part"
    assert voices_said(smap, "en") == f"from about 0:{int(smap.voices[0].start):02d}"
    assert find_speech(clip).voices == ()
    # the stretch heard with its own levels: its pauses found (13.9 s of 27.1 labelled; 0 before,
    # the quiet room's thresholds under the voices)
    from test_s49_rooms import silence_in

    _, truth = real_l2(shared, "ja_CCH16-ST1")
    end = truth["speech_end"]
    labelled = sum(min(p["end"], end) - max(p["start"], 60.0) for p in truth["pauses"]
                   if p["end"] > 60.0 and p["start"] < end)
    assert 0.35 * labelled < silence_in(smap, 60.0, end) < 1.2 * labelled


def test_voice_windows_make_stretches_of_two_or_more():
    import numpy as np

    from furikaeri.speech import voices_within

    rng = np.random.default_rng(0)
    n = 12000  # 120 s
    db = np.full(n, -60.0) + rng.normal(0, 0.5, n)
    vad = np.zeros(n)
    for s in range(0, n, 300):  # a speaker at -20 dBFS, 2 s of every 3
        db[s:s + 200] = -20.0
        vad[s:s + 200] = 0.9
    assert voices_within(db, vad) == []  # a quiet room
    assert voices_within(db[:5000], vad[:5000]) == []  # a take under a minute has one room
    chatter = db.copy()
    chatter[6000:] = np.maximum(chatter[6000:], -35.0 + rng.normal(0, 6, n - 6000))  # voices rise and fall
    vad_chatter = vad.copy()
    vad_chatter[6000:] = np.maximum(vad_chatter[6000:], 0.4)  # Silero unsure of them, never sure of quiet
    found = voices_within(chatter, vad_chatter)
    assert len(found) == 1 and 4000 <= found[0][0] <= 6000 and found[0][1] == n


@pytest.mark.parametrize("width", range(36, 61, 2))
def test_an_english_tip_keeps_a_number_with_its_unit(width):
    """QA s49b KK #3: at 40 columns a tip read "...11.0 s of 60" / "s. Before the next take":
    the tips and warnings were left to rich's wrapping, which breaks at any space."""
    import re

    from test_s49_terminal import inside, report_at

    lines = [inside(line) for line in report_at(width)]
    start = next(i for i, line in enumerate(lines) if line == "Tips")
    tips = lines[start:]
    assert len(tips) > 3
    for line, below in zip(tips, tips[1:]):
        assert not (re.search(r"\d$", line) and re.match(r"(?:• )?\s*(?:s\b|%|wpm|words|min)", below)), (line, below)


@pytest.mark.parametrize("key, fields", [("typeahead_offered", {}), ("reflection_interrupted", {"command": "furikaeri note 12"})])
def test_a_key_name_stays_with_its_particle_and_a_command_whole(key, fields):
    """QA s49b KK #4: 「…入れてあります。Enter」 / 「でそのまま使い…」 at 40 and at 100 columns."""
    from rich.text import Text

    from furikaeri.lang import text
    from furikaeri.report.wrap import wrap_phrases, wrap_unspaced

    said = text("ja", key, **fields)
    for width in range(24, 101, 4):
        filled = wrap_phrases(Text(said), width, fill=True).plain.split("\n")  # say_wrapped's
        for lines in (filled, wrap_unspaced(Text(said), width).plain.split("\n")):
            assert not any(line.rstrip().endswith("Enter") for line in lines), (width, lines)
        if "`" in said and width >= 30:
            assert any("`furikaeri note 12`" in line for line in filled), (width, filled)


def test_a_company_left_with_nothing_by_a_move_goes(tmp_path):
    """QA s49b KK #7 (last remark): `reflect --interview N -c 'Acme Corp'` moved the only
    interview of "acme", whose empty entry stayed in the export's companies; one with research
    notes of its own stays."""
    import json

    from click.testing import CliRunner

    from furikaeri.cli import cli
    from furikaeri.store import Store

    home = tmp_path / "home"

    def run(*args):
        r = CliRunner().invoke(cli, ["--home", str(home), *args], prog_name="furikaeri")
        assert r.exit_code == 0, r.output
        return r.stdout

    run("reflect", "--no-prompt", "-c", "acme", "-q", "Why us?")
    run("reflect", "--no-prompt", "-c", "Kept", "-q", "Why this job?")
    with Store.open(home) as store:
        store.upsert_company("Kept", notes="they ask about teamwork")
    run("reflect", "--no-prompt", "--interview", "1", "-c", "Acme Corp")
    run("reflect", "--no-prompt", "--interview", "2", "-c", "Acme Corp")
    names = [c["name"] for c in json.loads(run("export"))["companies"]]
    assert names == ["Acme Corp", "Kept"]


@pytest.mark.parametrize("lang, said, word", [
    ("ja", ["外で、外で、犬が遊んでいました。", "警察に、警察に電話しました。", "二階から、二階から降りてきました。",
            "マリは、マリは驚きました。"], "言い直し・繰り返し"),
    ("en", ["The, the dog was outside.", "We, we called the police.", "He came, he came down the stairs.",
            "Mary, Mary was surprised."], "repeated words and restarts"),
])
def test_many_restarts_get_a_tip(lang, said, word):
    """QA s50 NN #3: 14 restarts, 8.4 a minute, counted and never coached: the tips spoke of the
    budget only. Restarts at 4 a minute or more get a tip naming them; a few do not."""
    from test_narrow_layout import measured

    from furikaeri.advice import tips_for as tips

    a = measured(lang, said, budget=15.0, question="")
    assert len(a.repetitions) >= 3 and a.stats.repetitions_per_min >= 4, (a.repetitions, a.stats.repetitions_per_min)
    assert any(word in t for t in tips(a, lang, 15.0)), tips(a, lang, 15.0)
    calm = measured(lang, said[:1] + [s.split(",", 1)[-1].split("、", 1)[-1] for s in said[1:]] * 6, budget=60.0,
                    question="")
    assert not any(word in t for t in tips(calm, lang, 60.0))


def _encoded(x, path, codec: str, rate: int, bit_rate: int, fmt: str | None = None):
    """Mono float ``x`` at 16 kHz written through a lossy codec by PyAV (resampled to ``rate``)."""
    import av
    import numpy as np
    import soxr

    y = soxr.resample(np.asarray(x, np.float32), 16000, rate).astype(np.float32)
    with av.open(str(path), "w", format=fmt) as out:
        stream = out.add_stream(codec, rate=rate)
        stream.layout = "mono"
        stream.bit_rate = bit_rate
        size = stream.codec_context.frame_size or 1024
        to_codec = av.AudioResampler(format=stream.codec_context.format.name, layout="mono", rate=rate)
        for i in range(0, len(y), size):
            frame = av.AudioFrame.from_ndarray(y[None, i:i + size], format="flt", layout="mono")
            frame.sample_rate, frame.pts = rate, i
            for f in to_codec.resample(frame):
                out.mux(stream.encode(f))
        for f in to_codec.resample(None):
            out.mux(stream.encode(f))
        out.mux(stream.encode(None))
    return path


@pytest.mark.parametrize("name", ["en_ALL_023_M_KOR_ENG_ST2", "ja_KKD27-ST2"])
def test_clipping_is_found_in_a_lossy_file(shared, tmp_path, name):
    """QA s50 MM #2: a real answer clipped at the gain (+12 dB: 0.14-0.4 % of its samples at full
    scale) read 0.000 % once saved as AAC or MP3, the codec rounding off the flat tops: no warning
    to turn the gain down. The pile of samples near the file's peak is read instead; the same
    answer unclipped, through the same codecs, reads none."""
    import numpy as np

    from furikaeri.audio import CLIPPED_SHARE, load_audio
    from realclips import real_l2

    x = real_l2(shared, name)[0].samples.astype(np.float64)
    x = x / np.max(np.abs(x))
    for gain_db, clipped in ((12, True), (-6, False)):
        y = np.clip(x * 10 ** (gain_db / 20), -1, 1)
        for codec, suffix, fmt in (("aac", ".m4a", "mp4"), ("libmp3lame", ".mp3", None)):
            path = _encoded(y, tmp_path / f"{gain_db}{suffix}", codec, 44100, 128000, fmt)
            share = load_audio(path).clipped
            assert (share > CLIPPED_SHARE) == clipped, (codec, gain_db, share)


def test_a_dead_channel_is_left_out_of_the_level_and_the_clipping(shared, tmp_path):
    """QA s50 MM #4: a stereo file with one microphone (the other channel silent) was mixed down
    at half its level (6 dB low: "very quiet") and its clipped share halved (0.19 % read 0.095 %,
    no warning)."""
    import numpy as np
    import soundfile as sf

    from furikaeri.audio import load_audio
    from realclips import real_l2

    x = real_l2(shared, "ja_KKD27-ST2")[0].samples.astype(np.float64)
    y = np.clip(x / np.max(np.abs(x)) * 10 ** (10 / 20), -1, 1)
    sf.write(tmp_path / "mono.wav", y, 16000, subtype="PCM_16")
    sf.write(tmp_path / "dead.wav", np.stack([y, np.zeros_like(y)], axis=1), 16000, subtype="PCM_16")
    mono, dead = load_audio(tmp_path / "mono.wav"), load_audio(tmp_path / "dead.wav")
    assert np.array_equal(mono.samples, dead.samples)
    assert dead.clipped == pytest.approx(mono.clipped) and mono.clipped > 0.001
    both = np.stack([y, 0.5 * y], axis=1)  # two live channels, one softer: still averaged
    sf.write(tmp_path / "both.wav", both, 16000, subtype="PCM_16")
    assert np.allclose(load_audio(tmp_path / "both.wav").samples, 0.75 * mono.samples, atol=2e-4)



def test_an_infinite_sample_is_one_error_and_no_warning(tmp_path):
    """QA s50 OO #7: a float WAV with an infinite sample printed numpy's RuntimeWarning (with a
    source path) before its one-line error."""
    import warnings

    import numpy as np
    import soundfile as sf

    from furikaeri.audio import load_audio
    from furikaeri.errors import AudioError

    x = np.random.default_rng(0).standard_normal(16000 * 3).astype(np.float32) * 50
    x[5000:6000] = np.inf
    sf.write(tmp_path / "inf.wav", x, 16000, subtype="FLOAT")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(AudioError, match="invalid samples"):
            load_audio(tmp_path / "inf.wav")


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_an_ending_signal_at_a_reflection_prompt_keeps_the_parts_typed(tmp_path, sig):
    """QA s50 OO #4: SIGTERM at the second reflection prompt killed the program: the part typed
    with Enter was lost and nothing was said. It stops the prompts as Ctrl-C does (the parts
    finished kept, the command that adds the rest said) and the program ends with 143."""
    from test_input_robust import SAMPLE
    from test_s36_f3 import launcher
    from ttys import practice_at_a_terminal

    home = tmp_path / "home"
    p, master, screen = practice_at_a_terminal(launcher(tmp_path), home, "--set", "en-basic", "-n", "1",
                                               "--from-files", str(SAMPLE), "--reflect")
    try:
        for prompt, then in (("what went wrong: ", lambda: os.write(master, b"too slow start\n")),
                             ("why: ", lambda: p.send_signal(sig))):
            deadline = time.monotonic() + 120
            while prompt not in screen.text and time.monotonic() < deadline:
                time.sleep(0.05)
            assert prompt in screen.text, screen.text[-2000:]
            time.sleep(0.2)
            then()
        assert p.wait(60) == 143, screen.text[-2000:]
    finally:
        screen.join()
        os.close(master)
    assert "Traceback" not in screen.text
    if sig == signal.SIGTERM:  # the terminal is still there to say it on
        assert "furikaeri note 1" in screen.text, screen.text[-2000:]
    from furikaeri.store import Store

    with Store.open(home) as store:
        assert store.answer(1).note.wrong == "too slow start"


def test_fluent_speech_after_a_slower_start_is_no_other_voice(shared):
    """QA s50 PP #1: one speaker in a quiet room, pausing as usual, then fluently (pauses cut to
    0.06 s): a rule on the share of quiet Silero hears took the fluent stretch for another voice
    and the whole answer's verdicts went. No stretch of other voices is found."""
    import numpy as np

    from furikaeri.audio import Audio
    from furikaeri.speech import find_speech
    from realclips import RATE, real_l2

    first, _ = real_l2(shared, "ja_KKD27-ST1")
    second, truth = real_l2(shared, "ja_KKD27-ST2")
    kept, at = [], 0.0
    for p in sorted(truth["pauses"], key=lambda p: p["start"]):
        kept.append(second.samples[int(at * RATE):int((p["start"] + 0.03) * RATE)])
        at = p["end"] - 0.03
    kept.append(second.samples[int(at * RATE):])
    joined = np.concatenate([first.samples, *kept]).astype(np.float32)
    assert find_speech(Audio(joined, RATE, "fluent")).voices == ()


def test_a_lossy_files_clipping_is_said_as_clipped_or_limited():
    """QA s50 PP #2: a hard limiter's ceiling piles samples at the peak as clipping does: a lossy
    file's warning says "clipped or hard-limited", not that samples reached full scale."""
    from furikaeri.lang import text

    said = text("en", "warn_clipped_lossy", share=0.4)
    assert "clipped or hard-limited" in said and "full scale" not in said
    assert "音量制限" in text("ja", "warn_clipped_lossy", share=0.4)
    from furikaeri.analysis import _lossy

    assert _lossy("/x/memo.m4a") and _lossy("a.MP3") and not _lossy("take.wav") and not _lossy("")


def test_a_fix_check_on_a_take_the_time_limit_cut_blames_the_recording():
    """QA s50 QQ #1: a take stopped at --max-seconds 10 while the person spoke on: the fix check
    said "too short for its budget" (the remedy: say more) where the recording stopped (the
    remedy: a longer limit)."""
    from furikaeri.notes import check_stand

    cut = {"answer_s": 10.0, "budget_s": 60.0, "over_budget": None, "over_s": None, "fillers_per_min": 0.0,
           "filler_count": 0, "opening_share": 0.07}
    stand = check_stand("fewer ums, lead with the point", cut, "en", fillers=[], order="conclusion_first")
    assert stand is not None and "_cut" in stand.verdict and "_short" not in stand.verdict, stand.verdict


def test_a_company_key_in_another_script_names_the_same_question(tmp_path, monkeypatch):
    """QA s50 QQ #2, #3: `-q ミライ電機:asked1-2` (a logged interview's question, as `questions
    show` lists it) was saved as the words "ミライ電機:asked1-2"; 「みらい電機:asked1-1」 found
    nothing in compare/progress/history, where --company takes either script."""
    from click.testing import CliRunner

    from furikaeri.cli import cli
    from furikaeri.cli.common import asked_question
    from furikaeri.questions import same_key

    home = tmp_path / "home"
    r = CliRunner().invoke(cli, ["--home", str(home), "reflect", "--no-prompt", "-c", "ミライ電機",
                                 "-q", "学生時代に頑張ったことは何ですか", "-q", "なぜ家電業界なのですか"])
    assert r.exit_code == 0, r.output
    monkeypatch.setenv("FURIKAERI_HOME", str(home))
    for key in ("ミライ電機:asked1-2", "みらい電機:asked1-2", "ﾐﾗｲ電機:asked1-2"):
        text, _budget, q = asked_question(key, None)
        assert q is not None and text == "なぜ家電業界なのですか", (key, text)
    assert same_key("ミライ電機:asked1-1", "みらい電機:asked1-1")
    assert not same_key("ミライ電機:asked1-1", "みらい電機:asked1-2") and not same_key("a:b", "ab")
