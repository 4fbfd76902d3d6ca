"""QA round 30 (j1): a digit-only --session is refused before the take (not after minutes of
recording and analysis), and recover refuses a cut-off copy of a finished WAV instead of
rewriting its header (which hid that it ends early)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from furikaeri.cli import cli
from furikaeri.errors import StoreError

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


def _lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.strip()]


# --------------------------------------------------------------------------- A: digit-only session names


@pytest.mark.parametrize("name", ["3", "１２", " 12 "])
def test_analyze_save_refuses_a_digit_session_before_analysing(monkeypatch, name):
    import furikaeri.stream as stream

    analysed = []
    monkeypatch.setattr(stream, "analyze_recording", lambda *a, **k: analysed.append(a))
    r = run("analyze", str(SAMPLES / "en_greatest_strength.flac"), "--save", "-q", "en-basic:intro",
            "--session", name)
    assert r.exit_code == 2 and "digits only" in r.output
    assert analysed == [] and len(_lines(r.output)) == 1


def test_record_save_refuses_a_digit_session_before_the_microphone(monkeypatch):
    import furikaeri.cli.live as live

    recorded = []
    monkeypatch.setattr(live, "record_listening", lambda *a, **k: recorded.append(a))
    r = run("record", "--save", "--session", "4", "--max-seconds", "5")
    assert r.exit_code == 2 and "digits only" in r.output and recorded == []


def test_practice_refuses_a_digit_session_before_the_first_answer(monkeypatch):
    import furikaeri.cli.practice_cmd as P

    analysed = []
    monkeypatch.setattr(P, "_analyser", lambda *a, **k: (lambda *b, **c: analysed.append(b)))
    r = run("practice", "--set", "en-basic", "-n", "2", "--from-files",
            str(SAMPLES / "en_greatest_strength.flac"), str(SAMPLES / "en_tell_me_about_yourself.flac"),
            "--no-reflect", "--session", "3")
    assert r.exit_code == 2 and "digits only" in r.output
    assert analysed == [] and len(_lines(r.output)) == 1


def _old_session(name: str) -> None:
    """A session an older version let be named ``name`` (digits alone)."""
    from furikaeri.store import Store

    with Store.open(Path(os.environ["FURIKAERI_HOME"])) as store:
        with store.transaction() as db:
            db.execute("INSERT INTO sessions (id, name, kind, started_at) VALUES (?, ?, 'practice', ?)",
                       (1, name, "2025-01-01T00:00:00+00:00"))


def test_an_old_session_with_a_digit_name_is_still_saved_into():
    from furikaeri.cli.common import check_save_options
    from furikaeri.store import Store

    _old_session("3")
    check_save_options(True, None, "3")  # analyze --save --session 3 goes on into the old session
    with pytest.raises(StoreError, match="digits only"):
        check_save_options(True, None, "4")  # no session has it: it would be made, and refused
    with Store.open(Path(os.environ["FURIKAERI_HOME"])) as store:
        assert store.session_for("3") == 1  # the save that follows agrees
        with pytest.raises(StoreError, match="digits only"):  # practice makes a new session: refused
            store.check_session_name("3", new=True)


def test_a_word_with_digits_is_a_fine_session_name():
    from furikaeri.cli.common import check_save_options

    check_save_options(True, None, "mock 3")


# --------------------------------------------------------------------------- B: recover and a cut-off copy


def _wav(seconds: float, declared_s: float | None = None, rate: int = 16000) -> bytes:
    import numpy as np

    from furikaeri.capture import _wav_header

    data = (np.sin(np.arange(int(rate * seconds)) / 5) * 8000).astype("<i2").tobytes()
    declared = len(data) if declared_s is None else int(rate * declared_s) * 2
    return _wav_header(rate, 1, declared) + data


def test_recover_refuses_a_cut_off_copy_and_leaves_it_unchanged(tmp_path):
    cut = tmp_path / "cut2.wav"
    cut.write_bytes(_wav(23.5)[:44 + 16000 * 2 * 5])  # head -c of a complete file
    before = cut.read_bytes()
    r = run("recover", str(cut))
    assert r.exit_code == 2 and "cut-off copy" in r.output and "repaired" not in r.output
    assert "23.5 s" in r.output and "5.0 s" in r.output and len(_lines(r.output)) == 1
    assert cut.read_bytes() == before  # analyze still reads it as ending early


def test_recover_refuses_a_cut_off_copy_whose_riff_length_alone_runs_past_the_end(tmp_path):
    raw = bytearray(_wav(1.0))
    raw[4:8] = (len(raw) - 8 + 16000).to_bytes(4, "little")  # the data chunk fits, the file does not
    f = tmp_path / "riff.wav"
    f.write_bytes(bytes(raw))
    r = run("recover", str(f))
    assert r.exit_code == 2 and "cut-off copy" in r.output and f.read_bytes() == bytes(raw)


def test_recover_still_repairs_our_take_whose_header_lags_its_audio(tmp_path):
    from furikaeri.audio import load_audio

    f = tmp_path / "lagging.wav"
    f.write_bytes(_wav(2.0, declared_s=1.5))  # killed between two header patches, marker lost
    r = run("recover", str(f))
    assert r.exit_code == 0 and "repaired" in r.output
    assert load_audio(f).duration == pytest.approx(2.0, abs=0.01)
