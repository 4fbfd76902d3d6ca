"""Session 32, k6: the streamed transcript's seams, a take ended by SIGTERM, a second Ctrl-C
during the analysis, a missing --out folder, the live meter in a narrow terminal.

What must hold: a full stop before a stretch whose hearing, having written the speech before the
seam, goes on in lower case ends no sentence, and no sentence of the streamed transcript opens in
lower case (#1; a cut phrase such as "you very much" proves nothing, #6); SIGTERM mid-take keeps
the take for `recover`, says the command that saves it, runs no analysis and exits 143 (#2); a
Ctrl-C held during the analysis is answered as it is pressed, even while the main thread is in
native code (#3); `record --out` in a missing folder is refused before recording (#4); the live
meter fits a narrow terminal (#5).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from furikaeri.transcribe import Word

sys.path.insert(0, str(Path(__file__).parent))


def _w(text, start, end):
    return Word(text, start, end)


# ------------------------------------------------------------------------------ 1. seams
def test_a_full_stop_before_a_stretch_that_goes_on_in_lower_case_ends_no_sentence():
    """QA s32 qa-d #1: streamed "threw it away. and to go home." (the whole take: "away and"):
    the seam's pause counted as one between sentences."""
    from furikaeri.stream import _reseamed

    words = [_w(" threw", 29.1, 29.8), _w(" it", 29.9, 30.5), _w(" away.", 30.6, 31.2), _w(" and", 31.76, 32.3)]
    # the next stretch's context hearing did not write "away" at all: the mark is the stretch's
    heard = [_w(" through", 30.19, 30.49), _w(" the", 30.85, 31.01), _w(" way", 31.01, 31.11)]
    got = _reseamed(words, [(heard, 31.76)])
    assert [w.text for w in got] == [" threw", " it", " away", " and"]
    # a hearing that wrote nothing before the seam proves nothing: a phrase cut at its start
    # ("you very much", Whisper's thanks over Japanese speech) is in lower case too
    cut = [_w(" know.", 10.5, 11.0), _w(" you", 12.1, 12.3), _w(" very", 12.3, 12.5), _w(" much.", 12.5, 12.9)]
    assert _reseamed(cut, [([], 12.1)]) == cut
    # a question, too; a sentence the next stretch opens with a capital stays one
    ctx = [_w(" yes", 0.5, 0.9)]
    q = [_w(" why?", 1.0, 1.4), _w(" because", 2.5, 2.9)]
    assert [w.text for w in _reseamed(q, [(ctx, 2.5)])] == [" why", " because"]
    end = [_w(" away.", 30.6, 31.2), _w(" And", 31.76, 32.3)]
    assert [w.text for w in _reseamed(end, [(heard, 31.76)])] == [" away.", " And"]
    # a voice trailing off and an abbreviation keep their dots; Japanese has no case
    for kept in ([_w(" and...", 1.0, 1.4), _w(" then", 2.5, 2.9)], [_w(" U.S.", 1.0, 1.4), _w(" and", 2.5, 2.9)],
                 [_w("帰りました。", 1.0, 1.4), _w("それで", 2.5, 2.9)]):
        assert _reseamed(kept, [(ctx, 2.5)]) == kept
    # only at the seam: a stop the stretch wrote before its own lower-case word is not the seam's
    inside = [_w(" home.", 1.0, 1.4), _w(" he", 1.6, 1.9), _w(" threw", 2.5, 2.9)]
    assert [w.text for w in _reseamed(inside, [(ctx, 2.5)])][0] == " home."


def test_no_sentence_of_the_streamed_transcript_opens_in_lower_case():
    """QA s32 qa-d #1: one hearing wrote "go home. he threw" (the whole take: "go home. He, he
    threw"): the hearing's own full stop stands, and the sentence after it opens with a capital."""
    from furikaeri.stream import _Part, _words_of

    a = _Part(20.4, 31.3, words=[_w(" go", 26.8, 26.9), _w(" home.", 26.97, 27.3), _w(" he", 27.62, 27.9),
                                 _w(" threw", 29.1, 29.8), _w(" away.", 30.6, 31.2)])
    b = _Part(31.76, 33.0, words=[_w(" and", 31.76, 32.3), _w(" to", 32.4, 32.5), _w(" go.", 32.5, 32.7)],
              seams=[([_w(" the", 30.85, 31.01), _w(" way", 31.01, 31.11)], 31.76)])
    assert " ".join(w.text.strip() for w in _words_of([b, a])) == "go home. He threw away and to go."
    quoted = _Part(0.0, 3.0, words=[_w(" said.", 0.0, 0.5), _w(' "yes', 0.6, 0.9)])
    assert [w.text for w in _words_of([quoted])] == [" said.", ' "Yes']


# ------------------------------------------------------------------------------ 2. SIGTERM
def _cli(args, monkeypatch):
    from click.testing import CliRunner

    from furikaeri.cli import cli

    return CliRunner().invoke(cli, list(map(str, args)))


def _terminated_take(monkeypatch, seconds: float = 2.0):
    """``record`` records ``seconds`` of a tone from no microphone, and SIGTERM arrives meanwhile."""
    import os
    import signal
    import threading

    import numpy as np

    from furikaeri import capture
    from furikaeri.capture import Device, Take, _TakeWriter
    from furikaeri.cli import live

    mic = Device(index=0, name="default", default_rate=16000, channels=1, is_default=True)
    monkeypatch.setattr(capture, "resolve_device", lambda device: mic)
    monkeypatch.setattr(threading, "active_count", lambda: 1)

    def record_take(path, *, stop_event, **_):
        writer = _TakeWriter(Path(path), 16000, 1)  # the marker, with the take's settings
        t = np.arange(int(seconds * 16000))
        tone = (3000 * np.sin(t * 0.1) * (t > 8000)).astype(np.int16)  # a breath of silence, then a voice
        writer.append(tone.tobytes())
        os.kill(os.getpid(), signal.SIGTERM)
        assert stop_event.wait(5)  # SIGTERM ends the take, as Enter does
        writer.close()
        return Take(path=Path(path), duration_s=seconds, rate=16000, channels=1, overflows=0,
                    stopped_by="stop", speech_heard=True)

    monkeypatch.setattr(live, "record_take", record_take)
    monkeypatch.setattr("furikaeri.analysis.analyze_file",
                        lambda *a, **k: pytest.fail("no analysis while the program is asked to stop"))


def test_sigterm_mid_take_keeps_it_for_recover_and_exits_143(tmp_path, monkeypatch):
    """QA s32 qa-d #2: SIGTERM mid-take ran the whole analysis, saved the answer and exited 0."""
    from furikaeri.capture import find_partial_takes, marker_path, settings_of

    _terminated_take(monkeypatch)
    out = tmp_path / "takes" / "t.wav"
    out.parent.mkdir()
    r = _cli(["--home", tmp_path / "h", "record", "--no-stream", "-l", "en", "-q", "Why this industry",
              "--budget", "60", "--save", "--note", "shorter", "--max-seconds", "30", "--out", out], monkeypatch)
    assert r.exit_code == 143, r.output
    assert "stopped by SIGTERM" in r.stderr
    # the command that saves it as it was to be saved, said now ...
    assert "analyze " + str(out) in r.stderr and "--save --note shorter" in r.stderr, r.stderr
    # ... and kept beside the take, as a killed recorder leaves it: recover names it too
    assert marker_path(out).exists() and find_partial_takes(out.parent) == [out]
    assert settings_of(out)["note"] == "shorter" and settings_of(out)["question"] == "Why this industry"
    r = _cli(["--home", tmp_path / "h", "recover", out.parent], monkeypatch)
    assert r.exit_code == 0 and "--save" in r.stdout and "shorter" in r.stdout, r.output


def test_sigterm_is_said_in_japanese_too(tmp_path, monkeypatch):
    _terminated_take(monkeypatch)
    out = tmp_path / "t.wav"
    r = _cli(["--home", tmp_path / "h", "record", "--no-stream", "-l", "ja", "--max-seconds", "30", "--out", out],
             monkeypatch)
    assert r.exit_code == 143, r.output
    assert "SIGTERM で停止しました" in r.stderr and "終了の指示を受けたため分析していません" in r.stderr


def test_a_repaired_take_already_in_the_archive_is_not_offered_again(tmp_path, monkeypatch):
    """A take SIGTERM ended keeps its marker; once its printed command saved it, the next
    `record` in that folder removes the marker without suggesting to analyse it again."""
    from furikaeri.capture import Take, leave_unfinished, marker_path
    from furikaeri.cli import live, takes

    path = tmp_path / "t.wav"
    w = __import__("furikaeri.capture", fromlist=["_TakeWriter"])._TakeWriter(path, 16000, 1)
    w.append(b"\x10\x00" * 16000)
    w.close()
    take = Take(path=path, duration_s=1.0, rate=16000, channels=1, overflows=0, stopped_by="stop", speech_heard=True)
    leave_unfinished(take)
    said = []
    monkeypatch.setattr(live, "_say", said.append)
    monkeypatch.setattr(takes, "save_commands", lambda paths, settings=None, cut=(): {})  # saved already
    monkeypatch.setattr("furikaeri.capture.recover_take", lambda p: take)
    done, failed = live.repair_partial_takes(tmp_path)
    assert done == [take] and not failed and said == []
    monkeypatch.setattr(takes, "save_commands", lambda paths, settings=None, cut=(): {paths[0]: "furikaeri analyze x --save"})
    live.repair_partial_takes(tmp_path)
    assert len(said) == 1 and "furikaeri analyze x --save" in said[0]
    assert marker_path(path).exists()  # recover_take was a stand-in here


# ------------------------------------------------------------------------------ 4. --out's folder
@pytest.mark.parametrize("lang, said", [("en", "there is no folder"), ("ja", "がありません")])
def test_record_out_in_a_missing_folder_is_refused_before_recording(tmp_path, monkeypatch, lang, said):
    """QA s32 qa-d #4: `record --out /nonexist/dir/x.wav` made /nonexist/dir/ and recorded there."""
    from furikaeri import capture

    monkeypatch.setattr(capture, "resolve_device", lambda device: pytest.fail("refused before the microphone"))
    (tmp_path / "a-file").write_text("not a folder")  # a file in the way is said as such (test_input_robust)
    for out in (tmp_path / "typo" / "deeper" / "x.wav", tmp_path / "a-file" / "sub" / "x.wav"):
        r = _cli(["--home", tmp_path / "h", "record", "-l", lang, "--max-seconds", "1", "--out", out], monkeypatch)
        assert r.exit_code == 2, r.output
        assert said in r.stderr and str(out.parent) in r.stderr and r.stderr.count("\n") == 1, r.stderr
    assert not (tmp_path / "typo").exists()


def test_record_out_in_the_archives_own_takes_folder_makes_it(tmp_path, monkeypatch):
    """The archive's own takes folder is the program's to make, named by --out or not."""
    from furikaeri import capture

    def no_microphone(device):
        raise capture.DeviceError("no microphone here")

    monkeypatch.setattr(capture, "resolve_device", no_microphone)
    out = tmp_path / "h" / "takes" / "x.wav"
    r = _cli(["--home", tmp_path / "h", "record", "--max-seconds", "1", "--out", out], monkeypatch)
    assert "no microphone here" in r.stderr and "there is no folder" not in r.stderr, r.output


# ------------------------------------------------------------------------------ 5. narrow meter
@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("width", [40, 34, 80])
def test_the_live_meter_line_fits_a_narrow_terminal(lang, width):
    """QA s32 qa-d #5: at 40 columns every frame put "dBFS" on a line of its own, and the clock
    line split: the meter was 30 columns whatever the terminal."""
    from rich.cells import cell_len
    from rich.console import Console

    from furikaeri.cli.live import METER_WIDTH, LivePanel

    console = Console(record=True, width=width, force_terminal=False)
    panel = LivePanel(console, question="Tell me about a time you failed and what you learned from it",
                      budget=5.0, device_name="default", language=lang)
    widths = set()
    for started, level in ((None, -120.0), (0.0, -31.0), (0.0, -3.0)):
        panel.started, panel.elapsed, panel.level = started, 3.0, level
        console.print(panel.render())
        lines = console.export_text().splitlines()
        meter_line = [ln for ln in lines if "/ 0:05" in ln]
        assert len(meter_line) == 1 and ("dBFS" in meter_line[0] or "無音" in meter_line[0] or "silent" in meter_line[0])
        assert all(cell_len(ln.rstrip()) <= width for ln in lines), lines
        widths.add(meter_line[0].count("█") + meter_line[0].count("·"))
    assert len(widths) == 1  # the bar keeps its width whatever the level says
    shown = widths.pop()
    # as wide as there is room for: all of it, some of it (English at 40 columns), or none
    assert shown == METER_WIDTH if width == 80 else shown < METER_WIDTH - 10
    assert shown > 0 or (width, lang) != (40, "en")


# ------------------------------------------------------------------------------ 3. second Ctrl-C
def test_ctrl_c_during_the_analysis_is_answered_at_once_though_the_main_thread_is_in_native_code(monkeypatch):
    """QA s32 qa-d #3: a Ctrl-C while the take was analysed got no answer (only ^C echoed, the
    bar drawing on): Python runs the handler only once the main thread is back from native code
    (Whisper, numpy), so the line came with the report, if at all."""
    import hashlib
    import os
    import signal
    import threading
    import time

    from furikaeri.cli import live

    said = []
    monkeypatch.setattr(live, "_say", lambda line: said.append((line, time.monotonic())))
    held = live.HeldInterrupts("finishing this answer first")
    with held:
        threading.Timer(0.2, os.kill, (os.getpid(), signal.SIGINT)).start()  # pressed during:
        hashlib.pbkdf2_hmac("sha256", b"x", b"y", 3_000_000)  # native code (~2 s): no handler runs inside
        done = time.monotonic()
        os.kill(os.getpid(), signal.SIGINT)  # a third press: nothing more to say
        time.sleep(0.2)
    assert held.pressed
    assert [line for line, _ in said] == ["finishing this answer first"]
    assert said[0][1] < done - 0.05, (said, done)  # said while the work went on, not as it ended
    # the handler and the wakeup are given back
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    assert signal.set_wakeup_fd(-1) == -1


@pytest.mark.parametrize("save, said", [(True, "it is analysed and saved"), (False, "finishing the analysis")])
def test_the_held_ctrl_c_says_saved_only_when_the_answer_is_saved(tmp_path, monkeypatch, save, said):
    """`record` without --save keeps no answer: its held Ctrl-C does not promise one."""
    from furikaeri.cli import live

    lines = []
    monkeypatch.setattr(live.HeldInterrupts, "__enter__", lambda self: lines.append(self.message) or self)
    monkeypatch.setattr(live, "record_listening", lambda *a, **k: (None, None))  # no take: it ends after the line
    r = _cli(["--home", tmp_path / "h", "record", "-l", "en", "--max-seconds", "1", *(["--save"] if save else [])],
             monkeypatch)
    assert lines and said in lines[0], (lines, r.output)
