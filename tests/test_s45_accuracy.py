"""Session 45: what QA s45 R (new answers built from real speech, truth known) found: a window
of speech dropped whole for one segment's loop (R #1), and a quiet telephone-band take whose soft
phrases became pauses (R #2)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from furikaeri.transcribe import LOOP_COMPRESSION, _compression


# --------------------------------------------------------------------------- R #1: a loop is the segment's


def test_a_loop_is_judged_by_its_own_segments_text():
    # faster-whisper gave each segment its 30-s window's ratio: the window's speech went with one loop
    looped = "寝ている、寝ているマリオ、おこそ" + "おとし" * 24
    assert _compression(looped) > LOOP_COMPRESSION
    for said in ("通りかかった政策に映画には見かれて、中醫さん", "持ってませんから、持ってませんから、点は、点は、点は打ちに入り、入りませんでした。",
                 "And so my fellow Americans, ask not what your country can do for you."):
        assert _compression(said) < LOOP_COMPRESSION, said
    assert _compression("") == 0.0


# --------------------------------------------------------------------------- R #2: narrow and quiet


def _phone(tmp_path: Path, db: float) -> Path:
    """samples/en_greatest_strength.flac through a telephone band (8 kHz), its loudest tenth of
    speech near ``db`` dBFS."""
    import librosa
    import soundfile as sf

    sample = Path(__file__).resolve().parents[1] / "samples" / "en_greatest_strength.flac"
    x, rate = sf.read(sample, dtype="float32")
    y = librosa.resample(x, orig_sr=rate, target_sr=8000)
    frames = librosa.feature.rms(y=y, frame_length=400, hop_length=160)[0]
    loud = 20 * np.log10(np.percentile(frames[frames > 0], 90))
    out = tmp_path / f"phone{int(db)}.wav"
    sf.write(out, y * 10 ** ((db - loud) / 20), 8000, subtype="PCM_16")
    return out


def test_a_quiet_narrow_take_is_told_apart_from_a_narrow_one(tmp_path):
    from furikaeri.advice import warnings_for
    from furikaeri.audio import load_audio
    from furikaeri.lang import text
    from furikaeri.speech import find_speech

    quiet, loud = (find_speech(load_audio(_phone(tmp_path, db))) for db in (-48.0, -25.0))
    assert quiet.narrow and loud.narrow and quiet.narrow_quiet and not loud.narrow_quiet, (quiet.speech_db, loud.speech_db)

    class Heard:  # what warnings_for reads of the measurements
        speech_detected, unconfirmed_fillers, answer_s = True, 0, 20.0

    said = " ".join(warnings_for(Heard(), "en", quiet))
    assert "narrow (telephone quality" in said and "soft phrases may go unheard" in said, said
    assert text("en", "warn_narrow") in warnings_for(Heard(), "en", loud)


@pytest.mark.model
def test_a_quiet_narrow_take_judges_no_pause_pace_or_filler(tmp_path):
    from furikaeri.analysis import analyze_file

    a = analyze_file(str(_phone(tmp_path, -48.0)), language="en", budget=60)
    assert all(a.verdicts[k].level == "n/a" for k in ("pauses", "fillers", "rate")), a.verdicts
    assert a.rate.articulation_wpm is None and not any("pace" in tip or "silence" in tip for tip in a.tips), a.tips
    loud = analyze_file(str(_phone(tmp_path, -25.0)), language="en", budget=60)
    assert loud.verdicts["pauses"].level != "n/a" and loud.verdicts["rate"].level != "n/a", loud.verdicts


def test_a_pace_the_report_does_not_judge_is_stored_blank():
    # QA s45 U #2: "not judged" in the report, then "157 → 60 wpm ▼ left the range" in compare
    from furikaeri.store import unjudged_figures

    d = {"answer_s": 48.8, "stats": {"filler_count": 1, "fillers_per_min": 1.2},
         "verdicts": {"rate": {"level": "n/a"}, "pauses": {"level": "n/a"}, "fillers": {"level": "n/a"},
                      "chars_per_min": {"level": "n/a"}}}
    blank = set(unjudged_figures(d))
    assert {"wpm", "morae_per_s", "off_pace_s", "chars_per_min", "longest_pause_s", "fillers_per_min"} <= blank
    judged = {**d, "verdicts": {"rate": {"level": "slow"}}}
    assert "wpm" not in unjudged_figures(judged)


@pytest.mark.model
def test_a_narrow_takes_voice_is_not_judged(tmp_path):
    # QA s45 U #5: through a telephone band the voice read 74 % flat (0 % at full band)
    from furikaeri.analysis import analyze_file

    a = analyze_file(str(_phone(tmp_path, -20.0)), language="en", budget=60)
    assert a.verdicts["voice"].level == "n/a" and a.verdicts["pauses"].level != "n/a", a.verdicts
    assert not any("flat voice" in tip for tip in a.tips), a.tips
