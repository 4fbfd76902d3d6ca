"""A take saved through the command `recover` suggested is not suggested again: the archive
holds it as a copy under another name (its bytes), not as the take's own path (QA s36 f4's
note on C #1: the save was refused, the hint still offered it)."""

from __future__ import annotations

import shutil

from furikaeri.cli.takes import save_commands
from furikaeri.store import Store, audio_dir

SAMPLE = "samples/en_greatest_strength.flac"


def _analysis() -> dict:
    return {"schema": 8, "file": "x.flac", "language": "en", "duration_s": 20.0, "speech_detected": True,
            "latency_s": 0.5, "answer_s": 19.0, "budget_s": 60.0, "over_budget": False, "transcript": "I lead.",
            "words": [], "fillers": [], "pauses": [], "rate": {"wpm": 130.0}, "stats": {"word_count": 40},
            "verdicts": {}, "tips": [], "warnings": [], "question": None, "model": "base"}


def test_a_take_saved_as_a_copy_is_not_offered_again(furikaeri_home, tmp_path):
    takes = furikaeri_home / "takes"
    takes.mkdir(parents=True)
    take, other = takes / "take-20261205-203233-en-basic-intro.flac", takes / "take-20261205-203300.flac"
    shutil.copy(SAMPLE, take)
    shutil.copy("samples/en_tell_me_about_yourself.flac", other)
    with Store.open(furikaeri_home) as st:
        audio_dir(furikaeri_home).mkdir(parents=True, exist_ok=True)
        copy = audio_dir(furikaeri_home) / "answer-copy.flac"
        shutil.copy(SAMPLE, copy)
        st.add_answer(st.create_session("s"), _analysis(), audio_path=copy)
    hints = save_commands([take, other])
    assert take not in hints and other in hints and "--save" in hints[other]
