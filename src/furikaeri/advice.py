"""The two or three most useful tips for one answer, and honest warnings about the figures.

Tips are chosen by how far a figure is from its norm (:mod:`furikaeri.norms`), most important
first: over-talking (the seed article's own failure), freezing (long mid-phrase pauses),
fillers, pace. Texts come from the answer's language's text table (``tip_*``, ``warn_*``).
The report puts the tip about the coach's focus first (:func:`focus_first`).
"""

from __future__ import annotations

import re

from furikaeri import norms
from furikaeri.lang import LANGUAGES, get_rules, text
from furikaeri.speech import NOISY_CONTRAST_DB

#: Speech Whisper wrote no word over, at least this long (s) and this share of all the speech,
#: is named in the warnings: the figures then cover only the part it made out (speech in
#: another language than the one asked for, mumbled or far too quiet). A soft filler it left
#: out, or a breath the speech map kept, is a fraction of a second.
UNHEARD_MIN_S = 5.0
UNHEARD_SHARE = 0.3
#: A word covers the speech this far (s) either side of its stamp.
UNHEARD_PAD_S = 0.3


#: An answer whose words are written in the other language's script for at least this share of
#: their time, over at least :data:`OTHER_SCRIPT_MIN_S`, was spoken in that language: Whisper
#: told to hear Japanese writes English speech in English (a synthetic English answer heard as
#: Japanese: all of it), while a Japanese answer's English names (Python, AWS) are a few percent.
OTHER_SCRIPT_SHARE = 0.5
OTHER_SCRIPT_MIN_S = 3.0


def written_in_other(words, language: str) -> str | None:
    """The other language when most of the words' time is written in its script, else None: the
    answer was said in that language (the check behind the language doubt that needs no
    confidence from Whisper's language guess)."""
    from furikaeri.lang import script_of

    by_script: dict[str, float] = {}
    for w in words:
        code = script_of(w.text)
        if code is not None:
            by_script[code] = by_script.get(code, 0.0) + max(w.end - w.start, 0.0)
    other = next((c for c in by_script if c != language), None)
    if other is None:
        return None
    other_s, total = by_script[other], sum(by_script.values())
    return other if other_s >= OTHER_SCRIPT_MIN_S and other_s >= OTHER_SCRIPT_SHARE * total else None


def mostly_unheard(words, intervals) -> float:
    """Seconds of speech Whisper wrote no word over, when they pass both bars above (0 otherwise):
    the figures then cover only the part it made out."""
    unheard = unheard_speech(words, intervals)
    speech_s = sum(iv.duration for iv in intervals)
    return round(unheard, 2) if unheard >= UNHEARD_MIN_S and unheard >= UNHEARD_SHARE * speech_s else 0.0


def unheard_speech(words, intervals) -> float:
    """Seconds of ``intervals`` (speech) more than :data:`UNHEARD_PAD_S` from every word."""
    from furikaeri.speech import speech_within

    covered: list[list[float]] = []  # the words' reach, overlaps merged
    for a, b in sorted((w.start - UNHEARD_PAD_S, w.end + UNHEARD_PAD_S) for w in words):
        if covered and a <= covered[-1][1]:
            covered[-1][1] = max(covered[-1][1], b)
        else:
            covered.append([a, b])
    heard = sum(speech_within(intervals, a, b) for a, b in covered)
    return max(0.0, sum(iv.duration for iv in intervals) - heard)


def tips_for(m, language: str, budget_s: float, *, length_known: bool = True) -> list[str]:
    """Up to three tips for measurements ``m`` (a :class:`furikaeri.measure.Measurements`);
    ``length_known`` False (a file cut off part through): nothing said of the answer's length.

    Figures are judged as the report shows them (:func:`furikaeri.measure.as_shown`). An answer
    far too short for its budget (:func:`furikaeri.measure.short_answer`, the rule that makes the
    length the coach's focus) gets the length tip first and no tip on a rate (pace, fillers a
    minute): the rates of a few seconds say little."""
    from furikaeri.measure import ANSWER_DIGITS, PER_DIGITS, as_shown, over_as_shown, short_answer

    if not m.speech_detected:
        return []
    ranked: list[tuple[float, str]] = []
    short = length_known and short_answer(m.answer_s, budget_s)
    if m.over_budget and length_known:
        over = over_as_shown(as_shown(m.answer_s, ANSWER_DIGITS) - budget_s)  # as shown: +4 s, +0.4 s
        if over <= norms.SLIGHTLY_OVER_SHARE * budget_s:  # a sentence too many: said, ranked under the rest
            ranked.append((3 + over / budget_s, text(language, "tip_over_budget_slightly", over=over, budget=budget_s)))
        else:
            ranked.append((10 + over / budget_s, text(language, "tip_over_budget", over=over, budget=budget_s)))
    elif short:  # the focus: first, above every other tip
        ranked.append((100, text(language, "tip_too_short", answer=m.answer_s, budget=budget_s)))
    mid_long = [p for p in m.pauses if p.place == "mid" and p.kind != "short"]
    very_long = [p for p in m.pauses if p.kind == "very_long"]
    if mid_long:
        longest = max(p.duration for p in mid_long)
        ranked.append((5 + longest, text(language, "tip_freeze", n=len(mid_long), longest=longest)))
    elif very_long:  # 3 s or more at a sentence's end or a comma: no freeze mid-phrase, still a long wait
        longest = max(p.duration for p in very_long)
        ranked.append((5 + longest, text(language, "tip_long_silence", longest=longest)))
    per_min = m.stats.fillers_per_min
    if not short and as_shown(per_min, PER_DIGITS) > norms.FILLERS_GOOD_PER_MIN and len(m.fillers) > norms.COUNT_JITTER:
        counts: dict[str, int] = {}
        for f in m.fillers:
            key = f.text.strip("()").lower()  # "(えー)": a sound found in the audio, named as said
            counts[key] = counts.get(key, 0) + 1
        top = text(language, "list_sep").join(k for k, _ in sorted(counts.items(), key=lambda kv: -kv[1])[:3])
        ranked.append((4 + per_min / 2, text(language, "tip_fillers", per_min=per_min, top=top)))
    rate = m.verdicts.get("rate")
    if rate and rate.level in ("low", "high") and not short:
        key = get_rules(language).rate_key
        v = m.rate.get(key)  # as the report's table writes it: 285 words/min, 9.9 morae/s
        shown = "—" if v is None else f"{v:.0f}" if v >= 100 else f"{v:.1f}"
        value = text(language, "value_unit", value=shown, unit=text(language, key))
        band = norms.RATE_BANDS[key]
        art = m.rate.get(f"articulation_{key}")
        if rate.level == "low" and art is not None and art >= band.lo:
            # words said at a good pace (or a quick one), slowed by the silences between them: the pauses are the cause
            shown_art = f"{art:.0f}" if art >= 100 else f"{art:.1f}"
            ranked.append((3.5, text(language, _slowing_pauses(m.pauses), value=value,
                                     art=text(language, "value_unit", value=shown_art, unit=text(language, key)))))
        else:
            ranked.append((3.5, text(language, "tip_fast" if rate.level == "high" else "tip_slow",
                                     value=value, lo=band.lo, hi=band.hi)))
    if not ranked:
        return [text(language, "tip_good")]
    ranked.sort(key=lambda t: -t[0])
    return [t for _, t in ranked[:3]]


#: The figure each tip is about (a tip's key in the text tables -> the focus metrics it serves).
TIP_ABOUT = {
    "tip_over_budget": ("over_s",), "tip_over_budget_slightly": ("over_s",), "tip_too_short": ("answer_s",),
    "tip_freeze": ("longest_pause_s",), "tip_long_silence": ("longest_pause_s",), "tip_fillers": ("fillers_per_min",),
    "tip_fast": tuple(norms.RATE_BANDS), "tip_slow": tuple(norms.RATE_BANDS), "tip_slow_pauses": tuple(norms.RATE_BANDS),
    "tip_slow_pauses_between": tuple(norms.RATE_BANDS),
}


def _slowing_pauses(pauses) -> str:
    """The tip for a pace slowed by its silences, by where most of the silence is: inside
    sentences (``tip_slow_pauses``) or between them and at commas (``tip_slow_pauses_between``)."""
    inside = sum(p.duration for p in pauses if p.place == "mid")
    return "tip_slow_pauses" if inside >= sum(p.duration for p in pauses) / 2 else "tip_slow_pauses_between"


def focus_first(tips, metric: str, language: str) -> list[str]:
    """``tips`` (as :func:`tips_for` wrote them, in ``language``) with the one about the coach's
    focus ``metric`` first, so the report's first tip is about what its first line asks; the
    rest keep their order. A tip is known by its text table's wording, whatever its figures."""
    keys = [k for k, about in TIP_ABOUT.items() if metric in about]
    first = [t for t in tips if any(_wrote(t, k, language) for k in keys)][:1]
    return first + [t for t in tips if t not in first]


def _wrote(tip: str, key: str, language: str) -> bool:
    """Is ``tip`` the text table's ``key`` (one of its plural forms) with some figures filled in?"""
    templates = get_rules(language).labels[key]
    templates = templates if isinstance(templates, tuple) else (templates,)
    return any(re.fullmatch(".+?".join(map(re.escape, re.split(r"\{[^}]*\}", t))), tip, re.S) for t in templates)


def warnings_for(m, language: str, speech_map, clipped: float = 0.0, sounds_like: str | None = None,
                 unheard: float = 0.0, cut_short: bool = False) -> list[str]:
    """Honest caveats about this answer's figures. ``clipped``: the share of the recording's
    samples at full scale (:class:`furikaeri.audio.FullScale`); ``sounds_like``: the language the
    speech sounds like when it was heard as another (``--language``); ``unheard``: speech
    Whisper made no words of (:func:`mostly_unheard`); ``cut_short``: the file ended before its
    end (damaged or cut off), so the figures are of its first part."""
    from furikaeri.audio import CLIPPED_SHARE

    out = []
    if cut_short:
        out.append(text(language, "warn_cut_short", seconds=speech_map.duration))
    if sounds_like is not None:  # every figure below is of a translation or an invention
        out.append(text(language, "warn_language", heard=text(language, f"language_{sounds_like}"),
                        as_code=sounds_like))
    if clipped > CLIPPED_SHARE:  # the level set too high: Whisper mishears soft sounds
        out.append(text(language, "warn_clipped", share=100 * clipped))
    if not m.speech_detected:
        out.append(text(language, "warn_no_speech"))
        return out
    speech_s = sum(iv.duration for iv in speech_map.intervals)
    if unheard and sounds_like is None:  # with sounds_like, every figure is off already
        other = next((c for c in LANGUAGES if c != language), language)
        out.append(text(language, "warn_unheard", heard=speech_s - unheard, speech=speech_s,
                        other=text(language, f"language_{other}"), as_code=other))
    if m.unconfirmed_fillers:
        out.append(text(language, "warn_fillers_undercounted", n=m.unconfirmed_fillers))
    # a noisy room: Whisper drops many soft, short fillers (bench/real.py --noise: real speech
    # with a steady noise 20 dB under it, about 24 dB of contrast, keeps 0.5-0.6 of the
    # fillers, against 0.88 in a quiet room); pauses stay right
    # other voices: the second listen is not done there (furikaeri.analysis.hear_answer)
    if speech_map.other_voices:
        out.append(text(language, "warn_other_voices", db=speech_map.contrast_db))
    elif speech_map.contrast_db < NOISY_CONTRAST_DB and speech_s < 0.8 * speech_map.duration:
        out.append(text(language, "warn_noisy", db=speech_map.contrast_db))
    return out
