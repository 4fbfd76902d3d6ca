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

from furikaeri import norms
from furikaeri.content import Habit, Hedge, Opening
from furikaeri.fillers import Filler, Repetition
from furikaeri.lang import LANGUAGES, Rate
from furikaeri.measure import BudgetCut, Pace, PaceStretch, Pause, Stats, Verdict
from furikaeri.transcribe import Word
from furikaeri.voice import Voice, VoiceWindow

#: 2: repeated words moved from ``fillers`` (kind ``repetition``) to ``repetitions`` and
#: ``stats.repetitions``; ``filler_count`` and ``fillers_per_min`` no longer count them.
#: 3: the coach layer: ``voice``, ``pace``, ``hedges``, ``habits``, ``opening``,
#: ``stats.hedges*``, verdicts ``voice``, ``hedges``, ``opening``.
#: 4: ``unheard_s``, speech Whisper made no words of when it leaves the figures partial.
#: 5: ``sounds_like``, the language the answer was said in when it was heard in another one.
#: 6: ``cut_short``, the file ended before its end.
#: 7: ``other_languages``, stretches said in another language than the answer was heard in.
#: 8: ``room_untrusted``, a room too loud to trust the figures of.
#: 9: ``stats.long_pauses_per_min``, the long pauses a minute of the answer.
#: 10: ``voice.windows[].voiced_s``, the voiced speech a stretch's flat share is weighed by.
#: 11: ``mains_hum_hz``, a mains hum taken out before the take was measured.
#: 12: ``echo_s``, how much the room echoes (:mod:`furikaeri.echo`).
SCHEMA = 12


@dataclass(frozen=True)
class LanguageSpan:
    """A stretch of the answer (seconds) that sounds like ``language``, not the one it was heard
    in: Whisper wrote it as the answer's language (a translation or an invention)."""

    language: str
    start: float
    end: float


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
    rate: Rate = field(default_factory=Rate)
    stats: Stats = field(default_factory=Stats)
    verdicts: dict[str, Verdict] = field(default_factory=dict)
    budget_cut: BudgetCut | None = None
    voice: Voice = field(default_factory=Voice)
    pace: Pace = field(default_factory=Pace)
    hedges: tuple[Hedge, ...] = ()
    habits: tuple[Habit, ...] = ()
    opening: Opening | None = None
    tips: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    question: str | None = None
    model: str | None = None
    #: Seconds of speech Whisper made no words of, when enough to leave the figures partial
    #: (:func:`furikaeri.advice.mostly_unheard`; 0 otherwise): then no tips and no focus.
    unheard_s: float = 0.0
    #: The language the answer sounds (or is written) like when it was heard in the other one
    #: (``--language``, or an English-only model): every figure is off, so no tips and no focus.
    sounds_like: str | None = None
    #: The file ended before its end (damaged, or a copy cut off): the figures are of the part
    #: that could be read, and the answer's length says nothing of the speaker's (not judged).
    cut_short: bool = False
    #: Stretches that sound like another language (:class:`LanguageSpan`): the words Whisper
    #: wrote there, and the figures that count them, are not what was said.
    other_languages: tuple[LanguageSpan, ...] = ()
    #: Said in a room too loud to trust its length, pauses and words (a warning says which:
    #: :func:`furikaeri.advice.room_too_loud`): no figure is rated, no tips, no focus.
    room_untrusted: bool = False
    #: The mains frequency (Hz) of a hum taken out of the take before it was measured
    #: (:class:`furikaeri.denoise.Hum`: a ground loop, a charger, a USB microphone's power).
    mains_hum_hz: float | None = None
    #: The room's echo score (s, :func:`furikaeri.echo.echo_score`; None: too little clean speech
    #: to tell). From :data:`furikaeri.echo.ECHO_SCORE_S` up the room echoes: a warning says so,
    #: and the filler count and the pauses, floors there, are not judged unless high already.
    echo_s: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """The ``--json`` schema: plain Python types only (numbers, strings, lists, dicts)."""
        return _plain({"schema": SCHEMA, **dataclasses.asdict(self)})

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Analysis":
        """Read ``to_dict()`` output back; older schemas are upgraded (:func:`upgrade`)."""
        from furikaeri.lang import get_rules

        d = upgrade(d)
        d.pop("schema", None)
        known = {f.name for f in dataclasses.fields(cls)}
        d = {k: v for k, v in d.items() if k in known}
        d["words"] = tuple(Word(**w) for w in d.get("words", ()))
        d["fillers"] = tuple(Filler(**f) for f in d.get("fillers", ()))
        d["repetitions"] = tuple(Repetition(**r) for r in d.get("repetitions", ()))
        d["pauses"] = tuple(Pause(**p) for p in d.get("pauses", ()))
        d["rate"] = get_rules(d.get("language", "en")).rate_type(**(d.get("rate") or {}))
        stats = d.get("stats") or {}
        d["stats"] = Stats(**{k: v for k, v in stats.items() if k in Stats.__dataclass_fields__})
        d["verdicts"] = {k: Verdict(**v) for k, v in d.get("verdicts", {}).items()}
        d["budget_cut"] = BudgetCut(**d["budget_cut"]) if d.get("budget_cut") else None
        v = dict(d.get("voice") or {})
        v["windows"] = tuple(VoiceWindow(**w) for w in v.get("windows", ()))
        d["voice"] = Voice(**v)
        pace = d.get("pace") or {}
        d["pace"] = Pace(tuple(tuple(w) for w in pace.get("windows", ())),
                         tuple(PaceStretch(**x) for x in pace.get("stretches", ())))
        d["hedges"] = tuple(Hedge(**h) for h in d.get("hedges", ()))
        grammar = get_rules(d.get("language", "en")).not_habits  # listed by an older furikaeri
        d["habits"] = tuple(Habit(h["phrase"], h["count"], tuple(h.get("starts", ()))) for h in d.get("habits", ())
                            if h["phrase"] not in grammar)
        d["opening"] = Opening(**d["opening"]) if d.get("opening") else None
        d["other_languages"] = tuple(LanguageSpan(**x) for x in d.get("other_languages", ()))
        d["tips"] = tuple(d.get("tips", ()))
        d["warnings"] = tuple(d.get("warnings", ()))
        return cls(**d)


def upgrade(d: dict[str, Any]) -> dict[str, Any]:
    """An analysis dict of any schema as the current one (a copy). Schema 1 listed repeated
    words among the fillers (kind ``repetition``) and counted them in ``filler_count`` and
    ``fillers_per_min``."""
    d = dict(d)
    d.setdefault("schema", 1)
    if d["schema"] < 2:
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
        d["schema"] = 2
    if d["schema"] < 3:  # the coach layer was not measured: its figures are absent, not zero
        d.setdefault("voice", {})
        d.setdefault("pace", {})
        d.setdefault("hedges", [])
        d.setdefault("habits", [])
        d.setdefault("opening", None)
        d["schema"] = 3
    if d["schema"] < 4:  # not measured then: taken as heard whole
        d.setdefault("unheard_s", 0.0)
        d["schema"] = 4
    if d["schema"] < 5:  # not kept then (a warning said it)
        d.setdefault("sounds_like", None)
        d["schema"] = 5
    if d["schema"] < 6:  # not known then: a file read whole
        d.setdefault("cut_short", False)
        d["schema"] = 6
    if d["schema"] < 7:  # not listened for then
        d.setdefault("other_languages", [])
        d["schema"] = 7
    if d["schema"] < 8:  # rated whatever the room (its warning said the room was loud)
        d.setdefault("room_untrusted", False)
        d["schema"] = 8
    if d["schema"] < 9:  # not kept then: the long pauses over the answer's minutes, as measured now
        stats = dict(d.get("stats") or {})
        if stats and "long_pauses_per_min" not in stats and isinstance(stats.get("long_pauses"), (int, float)):
            minutes = (d.get("answer_s") or 0.0) / 60.0
            stats["long_pauses_per_min"] = round(stats["long_pauses"] / minutes, 2) if minutes > 0 else 0.0
            d["stats"] = stats
        d["schema"] = 9
    if d["schema"] < 10:  # not kept then: null, its share as measured then (by the stretches' length)
        voice = d.get("voice")
        if isinstance(voice, dict) and isinstance(voice.get("windows"), list):
            d["voice"] = {**voice, "windows": [{**w, "voiced_s": w.get("voiced_s")} if isinstance(w, dict) else w
                                               for w in voice["windows"]]}
        d["schema"] = 10
    if d["schema"] < 11:  # not taken out then: measured with the hum in it, as its figures were
        d.setdefault("mains_hum_hz", None)
        d["schema"] = 11
    if d["schema"] < 12:  # not listened for then
        d.setdefault("echo_s", None)
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


def analyze_file(path, **kwargs) -> Analysis:
    """Load ``path`` (any supported format) and analyse it: see :func:`analyze_audio`."""
    from furikaeri.audio import load_audio

    audio = load_audio(path)
    return analyze_audio(audio, **kwargs)


@dataclass(frozen=True)
class Heard:
    """What the transcription stage hands to measurement: the words (snapped to the audio,
    fillers heard again added), held sounds, and islands the second listen left in doubt."""

    words: tuple[Word, ...] = ()
    held: tuple = ()
    doubtful: tuple[tuple[float, float], ...] = ()


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
    prefer: str | None = None,
    stopped_at: float | None = None,
    cut_by: str = "limit",
) -> Analysis:
    """Analyse one answer.

    Parameters
    ----------
    audio : furikaeri.audio.Audio
        Mono 16-kHz samples.
    language : {"auto", "en", "ja"}
        ``auto`` picks the likeliest of the languages furikaeri speaks.
    budget : float > 0, seconds, optional
        The question's time budget (default: :func:`furikaeri.norms.default_budget`).
    model : str, optional
        ``base`` (default), ``tiny.en``, a folder path, or a cached faster-whisper name.
    acoustic_fillers, filler_prompt, relisten : bool
        The ways fillers Whisper leaves out are recovered (all on by default; switched off one
        by one only to measure what each adds, see ``bench/fillers.py`` and ``bench/real.py``).
    progress : callable(done_s, total_s), optional
        Called as transcription advances.
    prefer : {"en", "ja"}, optional
        With ``auto``: the language to hear the answer in (the question's) unless Whisper is
        sure it is the other one (:data:`OTHER_LANGUAGE_P`): an English question answered in
        Japanese is heard as Japanese, an accented answer stays in the question's language.
    stopped_at : float, seconds, optional
        Where a recording's time limit stopped the take (``--max-seconds``): speech running
        into it is an answer cut off, not a short one (:func:`cut_at_limit`).
    cut_by : {"limit", "stop"}
        What stopped it there: the time limit, or the recording itself before the answer ended
        (a crash, a signal, a microphone gone: ``analyze --cut-off``); said so in the warning.

    Steps: a microphone's DC offset and a mains hum taken out (:class:`furikaeri.audio.Offset`,
    :class:`furikaeri.denoise.Hum`); speech from the
    audio (:mod:`speech`); nothing to transcribe when there is none (no hallucinated answers);
    the language, from the first seconds of speech; Whisper only over speech, with a short
    filler prompt (:mod:`transcribe`); words snapped to the audio; a second listen where
    fillers may hide (:mod:`relisten`); measurements (:mod:`measure`).
    """
    from dataclasses import replace

    from furikaeri.audio import without_offset
    from furikaeri.denoise import without_hum
    from furikaeri.echo import echo_score
    from furikaeri.lang import get_rules
    from furikaeri.norms import default_budget
    from furikaeri.speech import find_speech

    _check_options(language, budget, prefer)
    info = _model_info(model, models_dir, language, prefer)
    samples, hum = without_hum(without_offset(audio.samples))  # as a Listener takes them out
    audio = replace(audio, samples=samples)
    echo = echo_score(samples, audio.rate)
    smap = find_speech(audio)
    lang, other, spans = choose_language(audio, smap, language, info, prefer) if smap.has_speech else (
        (prefer or "en") if language == "auto" else language, None, ())
    rules = get_rules(lang)
    heard = hear_answer(audio, smap, rules, info, filler_prompt=filler_prompt, acoustic=acoustic_fillers,
                        relisten=relisten, progress=progress) if smap.has_speech else Heard()
    budget_s = float(budget) if budget is not None else default_budget(lang)
    return _analysis(smap, heard, rules, budget_s=budget_s, acoustic=acoustic_fillers, question=question,
                     model=info.name, duration=audio.duration, source=audio.source,
                     clipped=audio.full_scale.share_outside(smap.noise, audio.duration) if audio.full_scale
                     else audio.clipped, voice_of=lambda span: _voice(audio, smap, span), sounds_like=other,
                     cut_short=audio.cut_short, other_languages=spans, stopped_at=stopped_at, cut_by=cut_by,
                     english_only=info.name if language == "auto" and not info.multilingual else None,
                     hum=hum.mains, echo=echo)


def _voice(audio, smap, span):
    from furikaeri.voice import measure_voice

    return measure_voice(audio.samples, audio.rate, span, frames_db=smap.frames_db, speech=smap.intervals)


def _check_options(language: str, budget: float | None, prefer: str | None = None) -> None:
    from furikaeri.errors import UsageError

    for named in (language, prefer or "auto"):
        if named != "auto" and named not in LANGUAGES:
            raise UsageError(f"unknown language {named!r}: use auto, {', '.join(LANGUAGES)}",
                             ja=f"{named!r} は使えない言語です: auto、{'、'.join(LANGUAGES)} のどれかを指定してください")
    if budget is not None and not 0 < budget < float("inf"):  # NaN fails this too
        raise UsageError("the budget must be a positive number of seconds", ja="持ち時間は正の秒数で指定してください")


def _model_info(model: str | None, models_dir, language: str = "auto", prefer: str | None = None):
    """The model to hear with; an English-only one refuses another language, named or the
    question's (``prefer``): it would invent an English answer over Japanese speech, with figures
    of its own (QA: a Japanese set's 自己紹介 saved as "Thank you so much for watching")."""
    from pathlib import Path

    from furikaeri import models as models_mod
    from furikaeri.errors import UsageError

    info = models_mod.resolve(model, Path(models_dir) if models_dir else models_mod.default_models_dir())
    if not info.multilingual and language == "auto" and prefer not in (None, "en"):
        raise UsageError(f"the model {info.name} hears English only: for a question in Japanese use a "
                         "multilingual one (the default, base)",
                         ja=f"モデル {info.name} は英語しか聞き取れません。日本語の質問には"
                         "多言語モデル（既定の base）を使ってください")
    if not info.multilingual and language not in ("auto", "en"):
        raise UsageError(f"the model {info.name} hears English only: for --language {language} use a "
                         "multilingual one (the default, base)",
                         ja=f"モデル {info.name} は英語しか聞き取れません。--language {language} には"
                         "多言語モデル（既定の base）を使ってください")
    return info


#: A language named with ``--language`` is doubted when Whisper hears the other one this surely
#: in the first seconds of speech: then it translates or invents the answer (Japanese heard as
#: English came out "Um, Oh, so, so, so, so, so There is one more thing"), and the report says so.
#: Whisper named the right language of every real and sample recording in ../shared/audio, the
#: accented ones at 0.53 (a Korean speaker's English) and 0.69 (an L2 Japanese speaker): so the
#: other language was at most 0.47 there; a Japanese clip heard as English was 0.995 Japanese.
LANGUAGE_DOUBT_P = 0.9
#: Whisper's probability over which a window of speech (or an answer to a question in the other
#: language, :func:`preferred`) is taken to be in another language: over every 10-s window of
#: the real and sample recordings in ../shared/audio (106) another language never rose over
#: 0.39, where a clean English answer between Japanese ones scores 0.82-0.85.
OTHER_LANGUAGE_P = 0.8


def choose_language(audio, smap, language: str, info,
                    prefer: str | None = None) -> tuple[str, str | None, tuple[LanguageSpan, ...]]:
    """The language to hear the answer in; the language it sounds like when that is another
    one (:data:`LANGUAGE_DOUBT_P`); and the stretches said in yet another language (any Whisper
    knows, :func:`other_language_spans`). ``language`` unless it is ``auto``: then English for
    an English-only model, else the likeliest language of the first seconds of speech (silence
    confuses Whisper's guess, so only the speech intervals are heard), or ``prefer`` unless
    Whisper is sure of the other (:func:`preferred`). A named language holding half the answer
    or more keeps it, the other's stretches named (:func:`settled`): a mixed answer is not sent
    back and forth between ``--language en`` and ``ja``."""
    if not info.multilingual:
        return "en" if language == "auto" else language, None, ()
    from furikaeri.transcribe import DETECT_S, likeliest, load_model

    model = load_model(info.path)
    wide = scored_windows(audio, smap, model, DETECT_S)
    heard, p = likeliest(wide[0][2])
    chosen = preferred(prefer, heard, p) if language == "auto" else language
    other = None if language == "auto" else sounds_like(language, heard, p)
    fine = scored_windows(audio, smap, model, LANGUAGE_WINDOW_S)
    fine = _opening_too(audio, smap, model, fine)
    chosen, other, spans = settled(fine, chosen, other, named=language != "auto")
    if other:
        return chosen, other, ()
    return chosen, other, joined([x for x in other_language_spans(wide, chosen) if confirmed(x, fine)] + list(spans))


def _opening_too(audio, smap, model, fine: list) -> list:
    """The windows of 5 s ``fine``, the answer's opening heard too as one window ending at a
    pause (:func:`speech_windows`' ``at_pauses``), before them, where its first window does not
    end there: a person switches language at a pause, and the first window has no neighbour
    before it to tell a switch inside it (QA s46 W #3: 7.7 s of English opening a Japanese
    answer, its first window of 5 s 0.6 s into the Japanese, 0.25 Japanese, 0.13 English; ending
    at the 1.1-s pause between them, 0.99 English). One more hearing of Whisper's encoder."""
    first = speech_windows(smap.intervals, LANGUAGE_WINDOW_S, LANGUAGE_WINDOW_MIN_S, at_pauses=True)[:1]
    if not first or not fine or abs(first[0][-1][1] - fine[0][1]) < OPENING_MOVED_S:
        return fine
    return _scored(audio, smap, model, first) + fine


#: The opening window ending at a pause is heard only where it ends this much (s) away from the
#: first window's end.
OPENING_MOVED_S = 0.5


def confirmed(span: LanguageSpan, fine) -> bool:
    """Do the windows of 5 s ``fine`` (``(start, end, scores)``) hear ``span``'s language in
    half of it or more? A 10-s window holding both of ours is heard as Japanese (0.96 over 8.5 s
    of English and 1.5 s of Japanese), a stretch its 5-s windows mostly hear as English is not
    Japanese; the German half of edge/english_then_french.mp3 is (0:24 in 10 s, 0:31 in 5 s)."""
    said = sum(max(min(end, span.end) - max(start, span.start), 0.0) for start, end, scores in fine
               if scores and max(scores, key=scores.get) == span.language)
    return said >= 0.5 * (span.end - span.start)


def joined(spans) -> tuple[LanguageSpan, ...]:
    """Stretches of one language that overlap or touch, as one, in time order: those the windows
    of 10 s find (:func:`confirmed`) and those of 5 s find (:data:`LANGUAGE_WINDOW_S`)."""
    out: list[LanguageSpan] = []
    for x in sorted(spans, key=lambda x: (x.start, x.end)):
        same = [i for i, y in enumerate(out) if y.language == x.language and x.start <= y.end + 0.05]
        if same:
            y = out[same[-1]]
            out[same[-1]] = LanguageSpan(y.language, y.start, max(y.end, x.end))
        else:
            out.append(x)
    return tuple(out)


def scored_windows(audio, smap, model, size: float) -> list[tuple[float, float, dict]]:
    """Whisper's language probabilities (:func:`furikaeri.transcribe.language_scores`) of each
    window of ``size`` seconds of speech (:func:`speech_windows`; under a window of speech, what
    there is), as ``(start, end, scores)``."""
    windows = speech_windows(smap.intervals, size, LANGUAGE_WINDOW_MIN_S) or [
        [(iv.start, iv.end) for iv in smap.intervals]]
    return _scored(audio, smap, model, windows)


def _scored(audio, smap, model, windows) -> list[tuple[float, float, dict]]:
    import numpy as np

    from furikaeri.transcribe import language_scores

    rate, gain = audio.rate, np.float32(smap.whisper_gain)  # a quiet take raised
    return [(w[0][0], w[-1][1], language_scores(model, gain * np.concatenate(
        [audio.samples[int(a * rate): int(b * rate)] for a, b in w]))) for w in windows]


def settled(scored, chosen: str, other: str | None, *,
            named: bool) -> tuple[str, str | None, tuple[LanguageSpan, ...]]:
    """The language to hear an answer in, the one it sounds like (``other``, from its first
    seconds) and its stretches in another language, from its windows ``scored``: a first window
    in the other language of ours (a mixed answer's) says nothing of the rest, so a named
    language sounds like the other only when it does not hold half of the answer (QA: an
    answer two thirds English, its first 10 s heard as Japanese (0.96), was told "use --language
    ja" with ``-l en`` and "use --language en" with ``-l ja``)."""
    whole = sum(end - start for start, end, _ in scored)
    if named and other and len(scored) > 1 and _sure_share(scored, chosen) >= 0.5 * whole:
        other = None
    return chosen, other, () if other else other_language_spans(scored, chosen)


def _sure_share(scored, language: str) -> float:
    """Seconds of the windows ``scored`` that are surely ``language`` (:data:`OTHER_LANGUAGE_P`)."""
    return sum(end - start for start, end, scores in scored if scores.get(language, 0.0) >= OTHER_LANGUAGE_P)


#: Speech is checked for another language in windows of this many seconds of speech as well as
#: of :data:`furikaeri.transcribe.DETECT_S` (the first of which chooses the language): a stretch
#: between two of ours was missed in windows of 10 s, each holding some of ours (QA: 11 s of
#: English inside a Japanese answer, windows 0.98 and 0.99 Japanese; in windows of 5 s, one is
#: 0.93 English). Over every 5-s window of the real and sample recordings in ../shared/audio
#: no other language rose above 0.63 (Korean, in a learner's Japanese).
LANGUAGE_WINDOW_S = 5.0
#: A last window with less speech than this (s) is too little for Whisper to tell, and is left out.
LANGUAGE_WINDOW_MIN_S = 3.0


#: A window ending at a pause (:func:`speech_windows`' ``at_pauses``, the opening's:
#: :func:`_opening_too`) ends at the longest pause after it holds this share of its size, and
#: before it holds this one.
WINDOW_FROM, WINDOW_TO = 0.7, 1.4


def speech_windows(intervals, size: float, least: float, *, at_pauses: bool = False) -> list[list[tuple[float, float]]]:
    """The speech of ``intervals`` cut into windows of ``size`` seconds of speech (with
    ``at_pauses``, about as much, each ending at the longest pause it may end at:
    :data:`WINDOW_FROM`, :data:`WINDOW_TO`), an interval longer than what a window still lacks
    cut in two where the window holds ``size``; the last kept when it holds ``least`` or more;
    each window as its pieces ``(start, end)``."""
    lo, hi = (WINDOW_FROM * size, WINDOW_TO * size) if at_pauses else (size, size)
    pieces = [[iv.start, iv.end] for iv in intervals if iv.end - iv.start > 1e-9]
    out, k = [], 0
    while k < len(pieces):
        window, held, best, j = [], 0.0, None, k
        while j < len(pieces) and held + pieces[j][1] - pieces[j][0] <= hi + 1e-9:
            a, b = pieces[j]
            window.append((a, b))
            held += b - a
            gap = pieces[j + 1][0] - b if j + 1 < len(pieces) else float("inf")
            if held >= lo - 1e-9 and (best is None or gap > best[0]):
                best = (gap, len(window), j + 1)
            j += 1
        if best is not None:
            out.append(window[:best[1]])
            k = best[2]
        elif j < len(pieces):  # the next interval is too long to end at a pause: cut it
            cut = pieces[j][0] + size - held
            out.append(window + [(pieces[j][0], cut)])
            pieces[j][0], k = cut, j
        else:  # what is left, too little for a window of its own
            if held >= least:
                out.append(window)
            break
    return out


#: A window beside one surely in another language is in it too when that language is its
#: likeliest at this probability: the window the speaker switched in holds both (English after
#: Japanese: a window 0.82 English, then one 0.47 English, 0.34 Latin).
LANGUAGE_NEIGHBOUR_P = 0.4


def other_language_spans(scored, language: str) -> tuple[LanguageSpan, ...]:
    """The windows ``(start, end, scores)`` whose likeliest language is not ``language`` and is
    sure (:data:`OTHER_LANGUAGE_P`; the German half of edge/english_then_french.mp3 is 1.00),
    with their neighbours in the same language (:data:`LANGUAGE_NEIGHBOUR_P`), joined. A
    stretch's edges are its windows' (a warning says "about")."""
    tops = []
    for _, _, scores in scored:
        top = max(scores, key=scores.get) if scores else language
        tops.append((top, scores.get(top, 0.0)) if top != language else (None, 0.0))
    keep = [p >= _sure_of(top) for top, p in tops]
    for i, (top, p) in enumerate(tops):  # a sure window's neighbours in its language
        near = [j for j in (i - 1, i + 1) if 0 <= j < len(tops) and tops[j][1] >= _sure_of(tops[j][0])]
        if top is not None and p >= LANGUAGE_NEIGHBOUR_P and any(tops[j][0] == top for j in near):
            keep[i] = True
    out: list[LanguageSpan] = []
    for i, (start, end, _) in enumerate(scored):
        if not keep[i]:
            continue
        top = tops[i][0]
        if i and keep[i - 1] and out and out[-1].language == top:
            out[-1] = LanguageSpan(top, out[-1].start, round(end, 2))
        else:
            out.append(LanguageSpan(top, round(start, 2), round(end, 2)))
    return tuple(out)


#: A language neither of ours (Indonesian, Latin, Italian) is taken to be said only at this
#: probability: Whisper hears real Japanese in a room with a little echo (0.4 s) as 0.85
#: Indonesian, 0.72 Italian, 0.71 Latin, and with voices talking behind it 0.93 Indonesian,
#: where the German half of edge/english_then_french.mp3 is 0.98-1.00 in every window wholly in
#: it (QA s38 F #3). English and Japanese, the languages a person switches between here, keep
#: :data:`OTHER_LANGUAGE_P`.
OTHER_TONGUE_P = 0.95


def _sure_of(language: str | None) -> float:
    """The probability at which a window is taken to be in ``language`` (None: ours, never)."""
    return 2.0 if language is None else OTHER_LANGUAGE_P if language in LANGUAGES else OTHER_TONGUE_P


def preferred(prefer: str | None, heard: str, p: float) -> str:
    """The language to hear an ``auto`` answer in: ``heard`` (Whisper's likeliest, with its
    probability ``p``), or with a ``prefer``-ed one (the question's), that one unless Whisper is
    sure of the other (an accented speaker's answer stays in the language they were asked in)."""
    return heard if prefer is None or (heard != prefer and p >= OTHER_LANGUAGE_P) else prefer


def sounds_like(language: str, heard: str, p: float) -> str | None:
    """``heard`` when it is not ``language`` and Whisper is sure of it, else None."""
    return heard if heard != language and p >= LANGUAGE_DOUBT_P else None


#: A take whose main pass heard no word is heard again only over this much sound (s): the laugh
#: of edge/laugh.mp3 is 0.7 s of it (heard alone as Japanese: 「え」, saved as an answer of one
#: filler); an English answer heard as Japanese, 23 s with no word, is heard again and said
#: mostly unheard. Under it no answer is made (as unworded speech under 1 s is not, README).
RELISTEN_ALONE_MIN_S = 1.0


def hear_answer(audio, smap, rules, info, *, filler_prompt: bool = True, acoustic: bool = True,
                relisten: bool = True, progress=None) -> Heard:
    """Whisper over the speech (a steady room noise taken out first, :mod:`denoise`), words
    snapped to the audio, held sounds, the second listen."""
    import numpy as np

    from furikaeri.denoise import for_whisper
    from furikaeri.measure import snap_words
    from furikaeri.relisten import second_listen
    from furikaeri.speech import held_sounds
    from furikaeri.transcribe import transcribe

    total = audio.duration
    heard = for_whisper(audio.samples, smap.vad_prob, smap.steady_noise)  # a fan's hum taken out
    heard = heard * np.float32(smap.whisper_gain)  # a very quiet take raised (furikaeri.speech)
    transcript = transcribe(
        heard, info.path, language=rules.code, prompt=rules.filler_prompt if filler_prompt else None,
        speech=smap.intervals, multilingual=info.multilingual,
        on_segment=(lambda t: progress(min(t, total), total)) if progress else None,
    )
    held = held_sounds(audio, smap.intervals) if acoustic else ()
    words = snap_words(transcript.words, smap.intervals)
    doubtful: list[tuple[float, float]] = []
    # Nothing in the main pass (whose prompt asks for fillers: a lone "ummm" is written there)
    # over under RELISTEN_ALONE_MIN_S of sound: a laugh or a cough, whose burst heard alone is
    # written 「え」; over more, speech Whisper could not word (the other language, a mumble),
    # heard again so the report can say how little of it was heard.
    alone = not words and sum(i.end - i.start for i in smap.intervals) < RELISTEN_ALONE_MIN_S
    if relisten and not alone and not smap.other_voices:  # heard alone, other voices become fillers
        words, doubtful = second_listen(heard, info.path, words, smap.intervals, rules=rules,
                                        bursts=smap.bursts, multilingual=info.multilingual,
                                        skip=tuple((v.start, v.end) for v in smap.voices))
    return Heard(tuple(words), tuple(held), tuple(doubtful))


#: With an English-only model and no language named (``--model tiny.en``), words Whisper wrote
#: with a median probability under this are not English it heard but English it made up: the
#: answer is taken for Japanese, the other language furikaeri speaks (QA s47 EE #6: tiny.en on
#: Japanese answers, medians 0.11-0.26 over 35-132 words, a confident report of invented English;
#: on English ones, second-language speakers' included, 0.93-0.99).
ENGLISH_ONLY_UNSURE_P = 0.5
#: ... over at least this many words (a word or two says nothing either way).
ENGLISH_ONLY_MIN_WORDS = 8


def unsure_in_english(words, english_only: str | None) -> str | None:
    """``ja`` where an English-only model (``english_only``: its name, given when no language
    was named) wrote ``words`` too unsurely to be English it heard (:data:`ENGLISH_ONLY_UNSURE_P`)."""
    import statistics

    if not english_only:
        return None
    probabilities = [w.probability for w in words if getattr(w, "probability", None) is not None]
    if len(probabilities) < ENGLISH_ONLY_MIN_WORDS:
        return None
    return "ja" if statistics.median(probabilities) < ENGLISH_ONLY_UNSURE_P else None


def _lossy(source: str) -> bool:
    """Was ``source`` a file through a lossy codec (:data:`furikaeri.audio.LOSSY`)?"""
    from pathlib import Path

    from furikaeri.audio import LOSSY

    return Path(source or "").suffix.lower() in LOSSY


def _analysis(smap, heard: Heard, rules, *, budget_s: float, acoustic: bool, question, model, duration: float,
              source: str, voice_of, clipped: float = 0.0, sounds_like: str | None = None, cut_short: bool = False,
              other_languages: tuple[LanguageSpan, ...] = (), stopped_at: float | None = None, cut_by: str = "limit",
              english_only: str | None = None, hum: float | None = None, echo: float | None = None) -> Analysis:
    """Measure what was heard and write the tips and warnings: the :class:`Analysis`.
    ``voice_of(span)`` measures the voice over the answer's span (:mod:`furikaeri.voice`);
    ``clipped``: the share of the recording's samples at full scale (:class:`~furikaeri.audio.FullScale`);
    ``sounds_like``: the language the speech sounds like when it is not the one it was heard in;
    ``other_languages``: stretches of it that do (:func:`other_language_spans`); ``stopped_at``: where a
    time limit stopped the take (:func:`cut_at_limit`); ``hum``: a mains hum's Hz (:class:`~furikaeri.denoise.Hum`);
    ``echo``: the room's echo score (:func:`furikaeri.echo.echo_score`)."""
    from furikaeri.advice import mostly_unheard, tips_for, warnings_for, written_in_other

    m = _measured(heard, smap, rules, duration=duration, budget_s=budget_s, acoustic=acoustic, question=question)
    unheard = mostly_unheard(m.words, smap.intervals) if m.speech_detected else 0.0
    sounds_like = sounds_like or written_in_other(m.words, rules.code) or unsure_in_english(m.words, english_only)
    # half of it or more in another language: no tips (they would coach a translation's words)
    mostly_other = off_language({"other_languages": other_languages, "answer_s": m.answer_s, "duration_s": duration})
    if not sounds_like and mostly_other:  # mostly the other language of ours: said so whole
        main = max({x.language for x in other_languages},
                   key=lambda code: sum(x.end - x.start for x in other_languages if x.language == code))
        sounds_like = main if main in LANGUAGES else sounds_like
    if sounds_like:  # the whole answer is said to be in another language: no stretch of it apart
        other_languages = ()
    m = not_in_stretches(m, other_languages, rules, budget_s=budget_s, doubtful=heard.doubtful)
    at_limit = cut_at_limit(smap, stopped_at)
    # the limit, not the speaker, ended it: a length short of the budget is unknown (one past it is over)
    cut_short = cut_short or (at_limit and not m.over_budget)
    voice, verdicts = (voice_of((m.answer_start, m.answer_end)) if m.speech_detected else Voice()), dict(m.verdicts)
    if m.speech_detected:
        verdicts["voice"] = voice_verdict(voice, rules, answer_s=m.answer_s)
    if cut_short and "length" in verdicts:  # the file's end is missing, not the speaker's words
        verdicts["length"] = dataclasses.replace(verdicts["length"], level="n/a")
    if mostly_other:  # its words are a translation: no "good" beside figures the archive refuses
        verdicts = {k: v for k, v in verdicts.items() if k not in word_verdicts(rules)}
    verdicts, too_loud, noisy = _in_the_room(verdicts, smap, m, rules.code, clipped)
    hushed = getattr(smap, "narrow_quiet", False)  # a quiet telephone band: phrases lost into pauses
    echoes = _echoes(echo, m, too_loud)
    verdicts = _floors_in_echo(verdicts, rules.code) if echoes else verdicts
    fillers_known = not (noisy or hushed or (echoes and verdicts.get("fillers", Verdict("n/a", "")).level == "n/a"))
    pauses_known = not (noisy or hushed or (echoes and verdicts.get("pauses", Verdict("n/a", "")).level == "n/a"))
    # speech between lengthened pauses, or an echo filling them (QA s55 AR #1): no pace "without pauses" (QA s47 CC #4)
    if noisy or hushed or too_loud or echoes:
        m = dataclasses.replace(m, rate=dataclasses.replace(m.rate, **{f.name: None for f in dataclasses.fields(m.rate)
                                                                      if f.name.startswith("articulation")}))
    return Analysis(
        file=source or None, language=rules.code, duration_s=round(duration, 3), speech_detected=m.speech_detected,
        latency_s=m.latency_s, answer_s=m.answer_s, budget_s=budget_s, over_budget=m.over_budget,
        transcript=m.transcript, words=m.words, fillers=m.fillers, repetitions=m.repetitions, pauses=m.pauses,
        rate=m.rate, stats=m.stats, verdicts=verdicts, budget_cut=m.budget_cut, voice=voice, pace=m.pace,
        hedges=m.hedges, habits=m.habits, opening=m.opening,
        tips=() if unheard or sounds_like or mostly_other or too_loud else tuple(
            tips_for(m, rules.code, budget_s, length_known=not cut_short,
                     voice=Voice() if noisy or getattr(smap, "narrow", False) else voice,
                     pauses_known=pauses_known, fillers_known=fillers_known, pace_known=not hushed,
                     freezes_known=noisy and getattr(verdicts.get("pauses"), "level", "n/a") != "n/a")),
        warnings=level_warnings(warnings_for(m, rules.code, smap, clipped=clipped, sounds_like=sounds_like,
                                             unheard=unheard, cut_short=cut_short, other_languages=other_languages, lossy=_lossy(source),
                                             english_only=english_only, stopped_at=stopped_at if at_limit else None,
                                             cut_by=cut_by), smap, m, rules.code, clipped) + _hum_warning(hum, m, rules.code)
                 + (_echo_warning(echo, verdicts, rules.code) if echoes else ()),
        question=question,
        model=model,
        unheard_s=unheard,
        sounds_like=sounds_like,
        cut_short=cut_short,
        other_languages=tuple(other_languages),
        room_untrusted=too_loud,
        mains_hum_hz=hum,
        echo_s=echo,
    )


def _echoes(echo: float | None, m, too_loud: bool) -> bool:
    """Does the room echo (:data:`furikaeri.echo.ECHO_SCORE_S`)? Not said of a room too loud to
    rate anything, which its own warning covers."""
    from furikaeri.echo import ECHO_SCORE_S

    return echo is not None and echo >= ECHO_SCORE_S and m.speech_detected and not too_loud


def _floors_in_echo(verdicts: dict, language: str) -> dict:
    """``verdicts`` in a room that echoes: an echo hides short fillers (filler recall on the real
    clips fell from 0.88 / 0.85 to 0.62 / 0.62 in a bare room, bench/real.py --room 0.6) and fills
    the pauses' edges (each reads 0.1 to 0.3 s short, a short one not at all: QA s55 AR #1), so
    the fillers' count and the pauses are floors: judged only where even that floor is high."""
    from furikaeri.lang import text

    out = dict(verdicts)
    for name in ("fillers", "pauses"):
        v = out.get(name)
        if v is not None and v.level not in ("n/a", "high"):
            out[name] = dataclasses.replace(v, level="n/a", norm=text(language, f"norm_{name}_echo"))
    return out


def _echo_warning(echo: float, verdicts: dict, language: str) -> tuple[str, ...]:
    """The warning for a room that echoes (:func:`_echoes`): what the echo does to the figures,
    and how to record without it."""
    from furikaeri.lang import text

    high = verdicts.get("fillers", Verdict("n/a", "")).level == "high"
    return (text(language, "warn_echo_high" if high else "warn_echo", score=echo),)


def _hum_warning(hum: float | None, m, language: str) -> tuple[str, ...]:
    """The warning for a mains hum taken out of a take with speech: where it comes from and how
    to record without it (the room may be quiet; the advice for a noisy one would be wrong)."""
    from furikaeri.lang import text

    return (text(language, "warn_mains_hum", hz=hum),) if hum and m.speech_detected else ()


def _measured(heard: Heard, smap, rules, *, duration: float, budget_s: float, acoustic: bool, question):
    """What was heard measured (:func:`furikaeri.measure.measure`) around a loud noise
    (:attr:`furikaeri.speech.SpeechMap.noise`, whose warning says so): no silence counted in it
    (:func:`_heard_through`), the rates not rated where it lies inside the answer, and no time
    to the first word where it came before it (the answer may have begun under it)."""
    from furikaeri.measure import measure

    m = measure(heard.words, _heard_through(smap, heard.words), held=heard.held, duration=duration, rules=rules,
                budget_s=budget_s, doubtful=heard.doubtful, acoustic=acoustic, bursts=smap.bursts, question=question)
    if not m.speech_detected or not smap.noise:
        return m
    verdicts = dict(m.verdicts)
    if any(iv.start < m.answer_end and iv.end > m.answer_start for iv in smap.noise):
        # the noise's time counts as the answer's in the rates: shown, not rated, and no stretch
        # of pace is told across it
        for name in ("rate" if key == rules.rate_key else key for key in rules.rate_keys):
            verdicts[name] = dataclasses.replace(verdicts[name], level="n/a") if name in verdicts else None
        m = dataclasses.replace(m, pace=dataclasses.replace(m.pace, stretches=tuple(
            p for p in m.pace.stretches if not any(iv.start < p.end and iv.end > p.start for iv in smap.noise))))
    if any(iv.start < m.answer_start for iv in smap.noise):
        verdicts.pop("latency", None)
        m = dataclasses.replace(m, latency_s=None)
    return dataclasses.replace(m, verdicts={k: v for k, v in verdicts.items() if v is not None})


def _heard_through(smap, words):
    """The speech intervals, with the stretches a loud noise covers between the answer's first
    and last word taken as speech: what was said there could not be heard, and is no silence
    of the speaker's (3.5 s of hiss mid-answer read "a 4.3-s silence between phrases", pauses
    high and pace slow: QA s37 V1 #2)."""
    from furikaeri.speech import Interval

    if not smap.noise or not words:
        return smap.intervals
    a, b = words[0].start, words[-1].end
    spans = sorted([*smap.intervals, *(Interval(max(iv.start, a), min(iv.end, b)) for iv in smap.noise
                                       if iv.end > a and iv.start < b)], key=lambda iv: iv.start)
    out: list = []
    for iv in spans:
        if out and iv.start <= out[-1].end:
            out[-1] = Interval(out[-1].start, max(out[-1].end, iv.end))
        else:
            out.append(iv)
    return tuple(out)


def frozen_in_noise(m, room: str | None) -> bool:
    """Did the answer (measurements ``m``) freeze for longer than a steady noise (``room``:
    ``warn_noisy``) can lengthen a pause (:data:`furikaeri.norms.NOISY_FREEZE_S`)? Its pauses are
    then judged on that freeze alone. Other voices are left as they are: they fill a pause as
    often as they hide its edges."""
    return room == "warn_noisy" and m.speech_detected and m.stats.longest_pause_s >= norms.NOISY_FREEZE_S


def judged_on_freeze(verdict, language: str) -> bool:
    """Is the pauses ``verdict`` one a noisy room's freeze alone gave (:func:`frozen_in_noise`)?
    Its figure is then the longest pause, not the count of pauses the noise lengthened."""
    from furikaeri.lang import text

    return verdict is not None and verdict.norm == text(
        language, "norm_pauses_noisy_freeze", very_long=norms.VERY_LONG_PAUSE_S, freeze=norms.NOISY_FREEZE_S)


def _in_the_room(verdicts: dict, smap, m, language: str, clipped: float) -> tuple[dict, bool, bool]:
    """``verdicts`` as the room allows them, and whether it is too loud to rate anything, and
    whether it is noisy. Too loud to trust the length, first word, pauses and words (its warning
    says so): nothing is rated, no "good" beside a figure the warning calls unsure (QA s35 E #3,
    V1 #2). Noisy: the pauses are found, but read long there, and are not judged (QA s38 F #1);
    nor are the voice (QA s42 B #1) and the fillers, counted there with half of them false
    (QA s43 D #2)."""
    from furikaeri.advice import TOO_LOUD, room_key
    from furikaeri.lang import text

    key = room_key(smap, clipped=clipped) if m.speech_detected else None  # the room judged once
    if key in TOO_LOUD:
        return {}, True, False
    # other voices (or another changing noise) 20-25 dB under the speech: their fillers are Whisper's
    # alone and may be someone else's, their pauses and pitch mixed with the others': not judged
    # either (QA s43 F #1: a babble take was the personal best for fillers, pauses and voice)
    noisy = key in ("warn_noisy", "warn_other_voices", "warn_other_voices_part")
    if noisy and "pauses" in verdicts and frozen_in_noise(m, key):  # a freeze no noise makes (QA s51 SS #1)
        verdicts = {**verdicts, "pauses": dataclasses.replace(verdicts["pauses"], level="high", norm=text(
            language, "norm_pauses_noisy_freeze", very_long=norms.VERY_LONG_PAUSE_S, freeze=norms.NOISY_FREEZE_S))}
    elif noisy and "pauses" in verdicts:
        verdicts = {**verdicts, "pauses": dataclasses.replace(verdicts["pauses"], level="n/a",
                                                              norm=text(language, "norm_pauses_noisy"))}
    elif getattr(smap, "narrow_quiet", False) and m.speech_detected:
        # a quiet telephone-band take: soft phrases read as pauses, far too long, and their words and
        # fillers lost with them, the pace slow (QA s45 R #2): none judged
        from furikaeri.lang import get_rules

        rules = get_rules(language)
        named = ("pauses", "fillers", *("rate" if key == rules.rate_key else key for key in rules.rate_keys))
        verdicts = {**verdicts, **{name: dataclasses.replace(verdicts[name], level="n/a",
                                                             norm=text(language, "norm_narrow_quiet"))
                                   for name in named if name in verdicts}}
    if noisy and (verdicts.get("fillers") or Verdict("n/a", "")).level != "n/a":
        # noise 10-20 dB under real speech: half the fillers found are false and half are missed
        # (bench/real.py --noise pink:20, pink:10): counted and shown, not judged (QA s43 D #2)
        verdicts = {**verdicts, "fillers": dataclasses.replace(verdicts["fillers"], level="n/a",
                                                              norm=text(language, "norm_fillers_noisy"))}
    if noisy and (verdicts.get("voice") or Verdict("n/a", "")).level != "n/a":
        # noise 10-17 dB under the voice hides its soft rises and falls from the pitch tracker: a
        # take "good" when clean read "low, flat 64 %" (QA s42 B #1); not judged, as the pauses
        verdicts = {**verdicts, "voice": dataclasses.replace(verdicts["voice"], level="n/a",
                                                            norm=text(language, "norm_voice_noisy"))}
    elif getattr(smap, "narrow", False) and (verdicts.get("voice") or Verdict("n/a", "")).level != "n/a":
        # a telephone's band (300-3400 Hz) cuts the voice's fundamental: the pitch tracker reads a
        # take flat that is not (QA s45 U #5: 74 % flat through the band, 0 % at full band)
        verdicts = {**verdicts, "voice": dataclasses.replace(verdicts["voice"], level="n/a",
                                                            norm=text(language, "norm_voice_narrow"))}
    return verdicts, False, noisy


def level_warnings(warnings, smap, m, language: str, clipped: float = 0.0) -> tuple[str, ...]:
    """``warnings`` (:func:`furikaeri.advice.warnings_for` of measurements ``m``, in ``language``;
    ``clipped``: the share of samples at full scale) with the warning for speech that is
    very quiet (:attr:`furikaeri.speech.SpeechMap.too_quiet`): the input gain set far too low,
    which ``mic-check`` would call too quiet, was said nowhere, and a take at -60 dBFS had no
    warning at all. When the background of such a take is the recording's own floor
    (:attr:`~furikaeri.speech.SpeechMap.own_floor`: a 16-bit file's rounding), its little contrast
    is no noisy room: the room's warning ("record somewhere quieter") gives way to this one, whose
    fix is the gain, and which says the figures may be far off where the room's did
    (``warn_too_quiet_unsure``; nothing is rated there, as before: :func:`furikaeri.advice.room_too_loud`)."""
    from furikaeri.advice import room_warning
    from furikaeri.audio import CLIPPED_SHARE
    from furikaeri.lang import text

    warnings = list(warnings)
    if not (m.speech_detected and smap.too_quiet):
        return tuple(warnings)
    key = "warn_too_quiet"
    if smap.own_floor:
        room = room_warning(smap, sum(iv.duration for iv in smap.intervals), clipped=clipped > CLIPPED_SHARE)
        if room in ("warn_noisy", "warn_very_noisy"):
            said = text(language, room, db=smap.contrast_db, freeze=norms.NOISY_FREEZE_S)
            warnings = [w for w in warnings if w != said]
            key = "warn_too_quiet_unsure" if room == "warn_very_noisy" else key
    return (*warnings, text(language, key, db=smap.speech_db, contrast=smap.contrast_db))


def not_in_stretches(m, spans, rules, *, budget_s: float, doubtful=()):
    """The measurements ``m`` without the fillers, repetitions and habit phrases said inside
    stretches in another language (``spans``, :class:`LanguageSpan`), counts and verdicts anew:
    Whisper wrote those stretches in the answer's language, so their fillers are its invention,
    not the speaker's (QA: 11 s of English in a Japanese answer written as Japanese with 「あ」
    「えっと」, made the report's focus). Hedges are still counted there (tests/test_schema.py's
    example answer keeps its one inside a stretch)."""
    from furikaeri.content import HABIT_MIN_COUNT
    from furikaeri.measure import judge, strip_spans, tally

    def kept(xs):
        return tuple(x for x in xs if not any(s.start <= (x.start + x.end) / 2 <= s.end for s in spans))

    if not spans or m.found is None:
        return m
    found = dataclasses.replace(m.found, fillers=kept(m.fillers), repetitions=kept(m.repetitions))
    said = m.hedges
    habits = [dataclasses.replace(h, count=len(t), starts=t) for h in m.habits
              for t in [tuple(x for x in h.starts if not any(s.start <= x <= s.end for s in spans))]]
    doubtful = tuple((a, b) for a, b in doubtful if not any(s.start <= (a + b) / 2 <= s.end for s in spans))
    stats = tally(found, m.pauses, answer_s=m.answer_s, content=strip_spans(found.text, found.not_content),
                  doubtful=doubtful, span=(m.answer_start, m.answer_end), rules=rules, said_hedges=said)
    return dataclasses.replace(
        m, found=found, fillers=found.fillers, repetitions=found.repetitions, stats=stats,
        habits=tuple(h for h in habits if h.count >= HABIT_MIN_COUNT), unconfirmed_fillers=stats.fillers_unconfirmed,
        verdicts=judge(m.rate, stats, answer_s=m.answer_s, budget_s=budget_s, rules=rules,
                       said_opening=m.opening, latency_s=m.latency_s))


#: A take its time limit stopped was stopped mid-answer when speech was heard this close (s) to
#: its end: a pause between two sentences is shorter; an answer finished has a longer silence
#: after it (the person stops, then presses Enter).
LIMIT_CUT_GAP_S = 2.0


def cut_at_limit(smap, stopped_at: float | None) -> bool:
    """Did a time limit (``stopped_at``, s; None: none stopped it) stop the take while the
    person was still speaking (speech within :data:`LIMIT_CUT_GAP_S` of its end)? The answer's
    end is then missing, as a file cut short's is: QA, a 12-s limit over 39 s of speech was
    coached "say more" over a transcript that stopped mid-sentence."""
    if stopped_at is None or not smap.has_speech or not smap.intervals:
        return False
    return smap.duration - smap.intervals[-1].end <= LIMIT_CUT_GAP_S


def off_language(d: dict) -> bool:
    """Are an analysis's (``to_dict()``) word figures not of what was said: heard in the other
    language (``sounds_like``), or half of it or more in yet another (``other_languages``, each
    stretch as surely as :func:`_surely_other` counts it, against the answer's length reaching
    to the last stretch's end: Whisper writes no words of a language it was not asked for, so a
    Japanese close to an English answer lies past the answer's last word)? Then it has no focus,
    no note check, and no word figures saved."""
    if d.get("sounds_like"):
        return True
    spans = [(x["start"], x["end"]) if isinstance(x, dict) else (x.start, x.end) for x in d.get("other_languages") or ()]
    if not spans:
        return False
    start = d.get("latency_s") or 0.0
    answer = d.get("answer_s") or d.get("duration_s") or 0.0
    return sum(_surely_other(a, b, start, start + answer) for a, b in spans) >= 0.5 * max(answer, spans[-1][1] - start)


def _surely_other(start: float, end: float, first: float, last: float) -> float:
    """Seconds of a stretch ``(start, end)`` in another language that surely are: a window the
    speaker switched in is heard as the other language with some of the answer's words in it
    (90 % English in a Japanese speaker's code-switch, 0.88 Japanese), so an edge inside the
    answer (from ``first`` to ``last``) counts from half a window in (:data:`LANGUAGE_WINDOW_S`)."""
    half = LANGUAGE_WINDOW_S / 2
    inner = (start > first + 0.05) + (end < last - 0.05)
    return max(end - start - half * inner, 0.0)


def word_verdicts(rules) -> frozenset[str]:
    """The verdicts on figures counted from an answer's words (its rates, fillers, hedges,
    opening): none for an answer half or more in another language (:func:`off_language`), whose
    words are a translation or an invention, as the archive saves none of those figures
    (:data:`furikaeri.store.WORD_FIGURES`). Its length, start, pauses and voice are the sound's.
    (An answer said in a room too loud to trust, :func:`furikaeri.advice.room_too_loud`, has no
    verdict at all.)"""
    return frozenset({"rate", *rules.rate_keys, "fillers", "hedges", "opening"})


def voice_verdict(voice: Voice, rules, answer_s: float | None = None) -> Verdict:
    """``low`` (flat) when half the 10-s stretches or more were monotone, ``good`` otherwise, ``n/a`` with
    too little voiced speech (:mod:`furikaeri.voice`, :data:`furikaeri.norms.MONOTONE_ST`) or in an
    answer (``answer_s``) too short for any rate, as its pace is (1.5 s is no "most 10 s")."""
    from furikaeri import norms
    from furikaeri.lang import text
    from furikaeri.measure import share_as_shown, too_short_for_rates

    # judged as the share is shown (49.7 % is "50 %"), as every verdict is (furikaeri.measure.as_shown)
    short = answer_s is not None and too_short_for_rates(answer_s)
    level = ("n/a" if voice.monotone_share is None or short else
             "low" if share_as_shown(voice.monotone_share) >= norms.MONOTONE_SHARE_HIGH else "good")
    # "most 10 s": flat (under MONOTONE_ST) in fewer than MONOTONE_SHARE_HIGH of the stretches
    return Verdict(level, text(rules.code, "norm_voice", st=norms.MONOTONE_ST), norms.VOICE_SOURCE)
