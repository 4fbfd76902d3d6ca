"""The pipeline: audio -> speech intervals + transcript -> measurements -> :class:`Analysis`.

``analyze_file(path, ...)`` and ``analyze_audio(audio, ...)`` are the only entry points the
CLI, the recorder and the practice loop use. ``Analysis.to_dict()`` is the documented
``--json`` schema (versioned by ``SCHEMA``); ``Analysis.from_dict()`` reads it back (the
store keeps analyses as that JSON).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from furikaeri.measure import Filler, Pause, Repetition, Verdict
from furikaeri.transcribe import Word

#: 2: repeated words moved from ``fillers`` (kind ``repetition``) to ``repetitions`` and
#: ``stats.repetitions``; ``filler_count`` and ``fillers_per_min`` no longer count them.
SCHEMA = 2


@dataclass(frozen=True)
class Analysis:
    """Everything measured about one answer. Times are seconds from the start of the take."""

    file: str | None
    language: str
    duration_s: float
    speech_detected: bool
    latency_s: float | None
    answer_s: float
    budget_s: float
    over_budget: bool
    transcript: str
    words: tuple[Word, ...] = ()
    fillers: tuple[Filler, ...] = ()
    repetitions: tuple[Repetition, ...] = ()
    pauses: tuple[Pause, ...] = ()
    rate: dict[str, float | None] = field(default_factory=dict)
    stats: dict[str, Any] = field(default_factory=dict)
    verdicts: dict[str, Verdict] = field(default_factory=dict)
    budget_cut: dict[str, Any] | None = None
    tips: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    question: str | None = None
    model: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The ``--json`` schema: plain Python types only (numbers, strings, lists, dicts)."""
        return _plain({"schema": SCHEMA, **dataclasses.asdict(self)})

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Analysis":
        """Read ``to_dict()`` output back; schema 1 (repetitions among the fillers) is upgraded."""
        d = upgrade(d)
        d.pop("schema", None)
        known = {f.name for f in dataclasses.fields(cls)}
        d = {k: v for k, v in d.items() if k in known}
        d["words"] = tuple(Word(**w) for w in d.get("words", ()))
        d["fillers"] = tuple(Filler(**f) for f in d.get("fillers", ()))
        d["repetitions"] = tuple(Repetition(**r) for r in d.get("repetitions", ()))
        d["pauses"] = tuple(Pause(**p) for p in d.get("pauses", ()))
        d["verdicts"] = {k: Verdict(**v) for k, v in d.get("verdicts", {}).items()}
        d["tips"] = tuple(d.get("tips", ()))
        d["warnings"] = tuple(d.get("warnings", ()))
        return cls(**d)


def upgrade(d: dict[str, Any]) -> dict[str, Any]:
    """An analysis dict of any schema as the current one (a copy). Schema 1 listed repeated
    words among the fillers (kind ``repetition``) and counted them in ``filler_count`` and
    ``fillers_per_min``."""
    d = dict(d)
    if d.get("schema", 1) < 2:
        fillers = list(d.get("fillers") or ())
        reps = [f for f in fillers if f.get("kind") == "repetition"]
        d["fillers"] = [f for f in fillers if f.get("kind") != "repetition"]
        d["repetitions"] = [{"text": r["text"], "start": r["start"], "end": r["end"]} for r in reps]
        stats = dict(d.get("stats") or {})
        if stats:
            minutes = (d.get("answer_s") or 0.0) / 60.0
            if reps:
                n = max(int(stats.get("filler_count", len(fillers))) - len(reps), 0)
                stats["filler_count"] = n
                if minutes:
                    stats["fillers_per_min"] = round(n / minutes, 2)
                if "fillers_transcript" in stats:
                    stats["fillers_transcript"] = max(stats["fillers_transcript"] - len(reps), 0)
            stats["repetitions"] = len(reps)
            stats["repetitions_per_min"] = round(len(reps) / minutes, 2) if minutes else 0.0
        d["stats"] = stats
        d["schema"] = SCHEMA
    return d


def _plain(value):
    """Tuples to lists and NumPy scalars to Python numbers, so ``json.dumps`` always works."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return value.item()
    return value


DEFAULT_BUDGET_S = {"en": 120.0, "ja": 60.0}


def default_budget(language: str) -> float:
    """A question's time budget when none is given: 120 s in English, 60 s in Japanese.

    English answers run 60 s to 2 min (behavioural answers up to about 2 min); Japanese 就活
    answers (自己PR, ガクチカ, 志望動機) about 1 minute (METRICS.md, "Answer length").
    """
    return DEFAULT_BUDGET_S.get(language, 120.0)


def analyze_file(path, **kwargs) -> Analysis:
    """Load ``path`` (any supported format) and analyse it: see :func:`analyze_audio`."""
    from furikaeri.audio import load_audio

    audio = load_audio(path)
    return analyze_audio(audio, **kwargs)


def analyze_audio(
    audio,
    *,
    language: str = "auto",
    budget: float | None = None,
    question: str | None = None,
    model: str | None = None,
    models_dir=None,
    acoustic_fillers: bool = True,
    filler_prompt: bool = True,
    relisten: bool = True,
    progress=None,
) -> Analysis:
    """Analyse one answer.

    Parameters
    ----------
    audio : furikaeri.audio.Audio
        Mono 16-kHz samples.
    language : {"auto", "en", "ja"}
        ``auto`` picks the likelier of English and Japanese.
    budget : float > 0, seconds, optional
        The question's time budget (default: :func:`default_budget`).
    model : str, optional
        ``base`` (default), ``tiny.en``, a folder path, or a cached faster-whisper name.
    acoustic_fillers, filler_prompt, relisten : bool
        The three ways fillers Whisper leaves out are recovered (all on by default; switched
        off one by one only to measure what each adds, see ``bench/fillers.py``).
    progress : callable(done_s, total_s), optional
        Called as transcription advances.

    Steps: speech from the audio (:mod:`speech`); nothing to transcribe when there is none
    (no hallucinated answers); Whisper only over speech, with a short filler prompt
    (:mod:`transcribe`); words snapped to the audio; a second listen to short islands the main
    pass left empty or unsure (:func:`transcribe.relisten_islands`); measurements
    (:mod:`measure`).
    """
    from furikaeri import models as models_mod
    from furikaeri.advice import tips_for, warnings_for
    from furikaeri.lang import get_rules
    from furikaeri.measure import measure, snap_words
    from furikaeri.speech import find_speech, held_sounds
    from furikaeri.relisten import second_listen
    from furikaeri.transcribe import detect_language, load_model, transcribe

    if language not in ("auto", "en", "ja"):
        from furikaeri.errors import UsageError

        raise UsageError(f"unknown language {language!r}: use auto, en or ja")
    if budget is not None and budget <= 0:
        from furikaeri.errors import UsageError

        raise UsageError("the budget must be a positive number of seconds")
    from pathlib import Path

    info = models_mod.resolve(model, Path(models_dir) if models_dir else models_mod.default_models_dir())
    smap = find_speech(audio)

    lang = language
    doubtful = []
    if not smap.has_speech:
        lang = "en" if language == "auto" else language
        words = ()
        held = ()
    else:
        if lang == "auto":
            if not info.multilingual:
                lang = "en"
            else:
                # Detect on the speech only: silence confuses Whisper's language guess.
                import numpy as np

                rate = audio.rate
                speech_only = np.concatenate(
                    [audio.samples[int(iv.start * rate): int(iv.end * rate)] for iv in smap.intervals]
                )
                lang, _ = detect_language(load_model(info.path), speech_only)
        rules = get_rules(lang)
        total = audio.duration
        transcript = transcribe(
            audio.samples,
            info.path,
            language=lang,
            prompt=rules.filler_prompt if filler_prompt else None,
            speech=smap.intervals,
            multilingual=info.multilingual,
            on_segment=(lambda t: progress(min(t, total), total)) if progress else None,
        )
        held = held_sounds(audio, smap.intervals) if acoustic_fillers else ()
        words = snap_words(transcript.words, smap.intervals)
        if relisten:
            # Second listen: where the main pass may have dropped a filler, decoded alone.
            words, doubtful = second_listen(audio.samples, info.path, words, smap.intervals, rules=rules,
                                            bursts=smap.bursts, multilingual=info.multilingual)
        words = tuple(words)

    rules = get_rules(lang)
    budget_s = float(budget) if budget is not None else default_budget(lang)
    m = measure(
        words,
        smap.intervals,
        held=held,
        duration=audio.duration,
        rules=rules,
        budget_s=budget_s,
        doubtful=doubtful,
        acoustic=acoustic_fillers,
        bursts=smap.bursts,
    )
    return Analysis(
        file=audio.source or None,
        language=lang,
        duration_s=round(audio.duration, 3),
        speech_detected=m.speech_detected,
        latency_s=m.latency_s,
        answer_s=m.answer_s,
        budget_s=budget_s,
        over_budget=m.over_budget,
        transcript=m.transcript,
        words=m.words,
        fillers=m.fillers,
        repetitions=m.repetitions,
        pauses=m.pauses,
        rate=m.rate,
        stats=m.stats,
        verdicts=m.verdicts,
        budget_cut=m.budget_cut,
        tips=tuple(tips_for(m, lang, budget_s)),
        warnings=tuple(warnings_for(m, lang, smap)),
        question=question,
        model=info.name,
    )
