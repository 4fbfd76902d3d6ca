"""The two or three most useful tips for one answer, and honest warnings about the figures.

Tips are chosen by how far a figure is from its norm (:mod:`furikaeri.norms`), most important
first: over-talking (the seed article's own failure), freezing (long mid-phrase pauses),
fillers, getting to the point, hedges, pace, a flat voice. Texts come from the answer's
language's text table (``tip_*``, ``warn_*``).

The report puts the tip about the coach's focus first (:func:`focus_first`), and the two never
say the same thing: the focus line says what to do while answering; the tip gives the figure
and where or which, and a different way to work on it (how to prepare or practise).
"""

from __future__ import annotations

import bisect
import re

from furikaeri import norms
from furikaeri.lang import LANGUAGES, get_rules, text
from furikaeri.questions import QUESTION_KINDS, question_kind  # noqa: F401 - named here too, as before
from furikaeri.measure import rate_digits
from furikaeri.speech import NOISY_CONTRAST_DB

#: Speech Whisper wrote no word over, at least this long (s) and this share of all the speech,
#: is named in the warnings: the figures then cover only the part it made out (speech in
#: another language than the one asked for, mumbled or far too quiet). A soft filler it left
#: out, or a breath the speech map kept, is a fraction of a second.
UNHEARD_MIN_S = 5.0
UNHEARD_SHARE = 0.3
#: A word covers the speech this far (s) either side of its stamp.
UNHEARD_PAD_S = 0.3
#: Speech after the last word Whisper wrote, at least this long (s), is named in the warnings
#: where the unheard speech as a whole stays under the bars above: the answer's length and
#: figures end at the last word (QA s44 N #2: 4.5 s of thanks in another language after an
#: English answer, unsaid). On the real and synthetic answers of bench/ the speech after the
#: last word is at most 0.4 s (a breath, a word's fading end).
TRAILING_UNHEARD_S = 2.0


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


def tips_for(m, language: str, budget_s: float, *, length_known: bool = True, voice=None,
             pauses_known: bool = True, fillers_known: bool = True, pace_known: bool = True,
             freezes_known: bool = False) -> list[str]:
    """Up to three tips for measurements ``m`` (a :class:`furikaeri.measure.Measurements`, or an
    :class:`~furikaeri.analysis.Analysis`); ``length_known`` False (a file cut off part through):
    nothing said of the answer's length; ``voice`` (:class:`furikaeri.voice.Voice`, else ``m.voice``
    when it has one): a flat voice gets a tip; ``pauses_known`` False (a noisy room, where soft
    sounds at a pause's edges are lost and pauses read long): no tip on the pauses but, with
    ``freezes_known``, one on the silences longer than the noise can make one
    (:data:`furikaeri.norms.NOISY_FREEZE_S`);
    ``fillers_known`` False (a noisy room too: soft fillers missed, noise taken for some): none
    on the fillers; ``pace_known`` False (a quiet telephone-band take, whose soft phrases went
    unheard): none on the pace.

    Figures are judged, and written, as the report shows them (:func:`furikaeri.measure.as_shown`).
    An answer far too short for its budget (:func:`furikaeri.measure.short_answer`, the rule that
    makes the length the coach's focus) gets the length tip alone: the rates and pauses of a few
    seconds say little, and saying more is the one thing to work on. A file cut off that short
    (``length_known`` False) gets no tip: its length is the file's, and its rates a few seconds'.

    Every figure the coach can make its focus has a tip here, and no tip repeats the focus line's
    suggestion (:meth:`furikaeri.coach.Focus.suggestion`, what to do while answering): a tip
    says the figure and where or which (the fillers said, the longest pause, the share of the
    budget), then a different way to work on it, how to prepare or practise."""
    from furikaeri.measure import short_answer

    if not m.speech_detected:
        return []
    if short_answer(m.answer_s, budget_s):  # the focus, and the only tip; none of a file cut off that short
        return [_length_tip(m, language, budget_s)[1]] if length_known else []
    pause = _pause_tip(m, language) if pauses_known else _noisy_freeze_tip(m, language) if freezes_known else None
    if pause is not None and pace_known and pace_slowed_by_silences(m, language) \
            and _wrote(pause[1], "tip_silent_share", language):
        pause = None  # the pace tip names the silences as its cause, and what to do: said once (_silences_once)
    found = [_length_tip(m, language, budget_s, length_known=length_known), pause,
             _filler_tip(m, language) if fillers_known else None, _rate_tip(m, language) if pace_known else None,
             _hedge_tip(m, language), _repetition_tip(m, language) if fillers_known else None,
             _opening_tip(m, language),
             _voice_tip(voice if voice is not None else getattr(m, "voice", None), language),
             _latency_tip(m, language)]
    ranked = sorted((t for t in found if t is not None), key=lambda t: -t[0])  # stable: ties keep this order
    if not ranked:  # "well-paced" only of a pace that was judged
        return [text(language, "tip_good")] if pace_known else []
    return [t for _, t in ranked[:3]]


Ranked = tuple[float, str]


def _length_tip(m, language: str, budget_s: float, *, length_known: bool = True,
                kind: str | None = None) -> Ranked | None:
    """Past the budget (a sentence too many ranks under the other tips), or far too short for it
    (the focus: above every other tip); the figures as the report's length row writes them.
    ``kind``: the question's (:func:`question_kind`): what to say more of, or cut to, follows
    what it asks (no episode to tell in a question for the interviewer); None: a tip for any."""
    from furikaeri.measure import ANSWER_DIGITS, as_shown, over_shown, short_answer

    if not length_known:
        return None
    if m.over_budget:
        over = over_shown(as_shown(m.answer_s, ANSWER_DIGITS) - budget_s)  # as the length row: +4 s, +0.4 s
        if over <= norms.SLIGHTLY_OVER_SHARE * budget_s:
            return 3 + over / budget_s, text(language, "tip_over_budget_slightly", over=over, budget=budget_s)
        return 10 + over / budget_s, text(language, kind_key("tip_over_budget", kind, language),
                                          over=over, budget=budget_s)
    if short_answer(m.answer_s, budget_s):
        return 100, text(language, kind_key("tip_too_short", kind, language), answer=m.answer_s, budget=budget_s)
    return None


def kind_key(key: str, kind: str | None, language: str) -> str:
    """The text key ``key`` for a question of ``kind``: ``key_kind`` where the text table has
    one, else ``key`` (the advice that fits any question)."""
    return f"{key}_{kind}" if kind and f"{key}_{kind}" in get_rules(language).labels else key


def _fitted(tips, a, language: str) -> list[str]:
    """``tips`` of analysis ``a`` with its length tip, and the tip for an answer with nothing to
    fix (``tip_good``: the structure to try next), made for its question's kind
    (:func:`question_kind`): tips are written as the answer is measured, before the question
    counts, and answers archived before kinds were told apart have the advice for any question.
    A self-introduction is not told point-reason-example-point, nor a question for the interviewer."""
    tips = _short_of_asked(list(tips), a, language)
    kind = question_kind(_field(a, "question"))
    if kind is None:
        return list(tips)
    good = text(language, kind_key("tip_good", kind, language))
    tips = [good if _wrote(t, "tip_good", language) else t for t in tips]
    budget = _field(a, "budget_s")
    made = _length_tip(a, language, budget, length_known=not _field(a, "cut_short"), kind=kind) if budget else None
    if made is None:
        return tips
    return [made[1] if _wrote(t, "tip_over_budget", language) or _wrote(t, "tip_too_short", language) else t
            for t in tips]


def _short_of_asked(tips: list[str], a, language: str) -> list[str]:
    """``tips``, led by one on the length where the question asks for a length
    (:func:`furikaeri.questions.asked_length`: 「1分で自己紹介を」) and the answer, within the
    budget and not far too short for it, took under :data:`furikaeri.norms.ASKED_LENGTH_SHORT_SHARE`
    of it, with no "within the budget, well-paced" beside it (QA s47 BB #2: 18.7 s of 「1分で」 was
    「速さも時間配分も良好」: a 1-minute self-introduction given in 20 s is what an interviewer notices)."""
    from furikaeri.measure import ANSWER_DIGITS, as_shown, short_answer
    from furikaeri.questions import asked_length

    budget, answer = _field(a, "budget_s"), _field(a, "answer_s")
    asked = asked_length(_field(a, "question"))
    if not budget or answer is None or asked is None or abs(asked - budget) > 0.5 or _field(a, "cut_short") \
            or _field(a, "over_budget") or short_answer(answer, budget) or not _field(a, "speech_detected") \
            or as_shown(answer, ANSWER_DIGITS) >= norms.ASKED_LENGTH_SHORT_SHARE * budget:
        return tips
    said = text(language, "tip_short_of_asked", answer=answer, asked=budget)
    # once, though the tips are fitted again (a focus put first: QA s51 UU #2, said twice)
    return [said, *(t for t in tips if t != said and not _wrote(t, "tip_good", language))][:3]


def _pause_tip(m, language: str, *, forced: bool = False) -> Ranked | None:
    """A tip on what made the pauses' verdict (:func:`furikaeri.measure.judge`): a pause of 3 s
    or more (:func:`_very_long_tip`), else a silent share past the norm, else long pauses
    mid-phrase (freezing); ``forced`` (the focus, off only against the person's usual): any long
    pause. A "longest" it quotes is the pauses line's longest, or says which pause it is (the
    longest mid-sentence), never another figure under the same word."""
    from furikaeri.measure import share_as_shown

    share = share_as_shown(getattr(getattr(m, "stats", None), "silence_share", 0.0) or 0.0)
    silent = share > norms.SILENCE_SHARE_HIGH
    found = _very_long_tip(m, language)
    if found is not None:
        rank, tip = found
        return rank, tip + (text(language, "tip_silent_share_also", share=share) if silent else "")
    if silent:
        return 5 + 10 * share, text(language, "tip_silent_share", share=share)
    mid_long = [p for p in m.pauses if p.place == "mid" and p.kind != "short"]
    if mid_long:
        return 5 + max(p.duration for p in mid_long), _freeze(m.pauses, mid_long, language)
    waits = [p for p in m.pauses if forced and p.kind == "long"]
    if waits:  # no freeze mid-phrase, still a long wait
        top = max(waits, key=lambda p: p.duration)
        return 5 + top.duration, text(language, _at_place("tip_long_silence", [top]), longest=top.duration)
    return None


def _noisy_freeze_tip(m, language: str) -> Ranked | None:
    """The very-long-pause tip (:func:`_very_long_tip`) of a noisy room's answer, on its silences
    of :data:`furikaeri.norms.NOISY_FREEZE_S` or more alone: shorter ones may be the noise's
    doing, and so may a silent share (QA s51 SS #1)."""
    import dataclasses

    frozen = tuple(p for p in m.pauses if p.duration >= norms.NOISY_FREEZE_S)
    return _very_long_tip(dataclasses.replace(m, pauses=frozen), language) if frozen else None


def _very_long_tip(m, language: str) -> Ranked | None:
    """Pauses of 3 s or more, by where the longest fell: mid-phrase (a freeze), else between
    sentences or at a comma (a wait: one, or how many); the longest quoted is the answer's.
    A wait tip counts every pause of 3 s or more, as the pauses line does, and names those that
    fell mid-sentence and the longest of them (``tip_long_silences_mid``): a 9-s freeze is never
    left out because a longer wait came between sentences."""
    very = [p for p in m.pauses if p.kind == "very_long"]
    if not very:
        return None
    top = max(m.pauses, key=lambda p: p.duration)
    if top.place == "mid":
        mid_long = [p for p in m.pauses if p.place == "mid" and p.kind != "short"]
        return 5 + top.duration, _freeze(m.pauses, mid_long, language)
    frozen = [p for p in very if p.place == "mid"]
    if frozen:  # the longest a wait, some of the others freezes: both said, counted as the line counts them
        return 5 + top.duration, text(language, "tip_long_silences_mid", n=len(very), mid=len(frozen),
                                      longest=top.duration, freeze=max(p.duration for p in frozen),
                                      very_long=norms.VERY_LONG_PAUSE_S)
    if len(very) > 1:
        return 5 + top.duration, text(language, _at_place("tip_long_silences", very), n=len(very),
                                      longest=top.duration, very_long=norms.VERY_LONG_PAUSE_S)
    return 5 + top.duration, text(language, _at_place("tip_long_silence", [top]), longest=top.duration)


def _at_place(key: str, waits) -> str:
    """The wait tip ``key`` that names where the ``waits`` (pauses none of them mid-phrase) fell,
    as the pauses line does: between sentences (``key``), at commas (``key_clause``), or, for
    several, both (``tip_long_silences_places``). A silence at a comma is no sentence's end, and
    the tip must not call it one (文の切れ目)."""
    places = {p.place for p in waits}
    if places == {"clause"}:
        return key + "_clause"
    if len(places) > 1 and key == "tip_long_silences":
        return "tip_long_silences_places"
    return key


def _latency_tip(m, language: str, *, forced: bool = False) -> Ranked | None:
    """A freeze before the first word (the report's ``latency`` verdict, high from
    :data:`furikaeri.norms.LATENCY_FREEZE_S`): ranked as a pause as much past the very long one
    (3 s) as the wait is past a think's 5 s, so a 5-s start ranks with a 3-s freeze mid-answer,
    over fillers and pace; how to get started is prepared, not found on the spot."""
    from furikaeri.measure import LATENCY_DIGITS, as_shown

    verdict = (getattr(m, "verdicts", None) or {}).get("latency")
    latency = getattr(m, "latency_s", None)
    if latency is None or not (forced or (verdict is not None and verdict.level == "high")):
        return None
    rank = 5 + norms.VERY_LONG_PAUSE_S + latency - norms.LATENCY_FREEZE_S
    return rank, text(language, "tip_latency", latency=as_shown(latency, LATENCY_DIGITS), freeze=norms.LATENCY_FREEZE_S)


def _freeze(pauses, mid_long, language: str) -> str:
    """The freeze tip for the long pauses ``mid_long`` (mid-phrase): its longest is the answer's
    longest pause (``tip_freeze``), or said to be the longest mid-sentence (``tip_freeze_mid``)
    when a longer one fell elsewhere, beside the pauses line's longest; a single one is said
    alone (``tip_freeze_mid_one``: Japanese has no singular form to call one pause "the longest")."""
    from furikaeri.measure import PAUSE_DIGITS, as_shown

    longest = max(p.duration for p in mid_long)
    elsewhere = as_shown(max(p.duration for p in pauses), PAUSE_DIGITS) > as_shown(longest, PAUSE_DIGITS)
    key = ("tip_freeze_mid_one" if len(mid_long) == 1 else "tip_freeze_mid") if elsewhere else "tip_freeze"
    return text(language, key, n=len(mid_long), longest=longest)


def _filler_tip(m, language: str, *, forced: bool = False) -> Ranked | None:
    """Fillers over the norm (``forced``: any rate), never for a single one: one "um" is as
    likely the recogniser's as the speaker's. Names the three said most."""
    from furikaeri.measure import PER_DIGITS, as_shown

    per_min = m.stats.fillers_per_min
    if len(m.fillers) <= norms.COUNT_JITTER or not (forced or as_shown(per_min, PER_DIGITS) > norms.FILLERS_GOOD_PER_MIN):
        return None
    top = _most_said((f.text.strip("()") for f in m.fillers), language)  # "(えー)": a sound found in the audio
    return 4 + per_min / 2, text(language, "tip_fillers", per_min=per_min, top=top)


def _rate_tip(m, language: str) -> Ranked | None:
    """A pace outside its band (the report's verdict), by its cause when slow: the silences
    between quick words, or the words themselves; when fast, by what the figures leave to
    change (:func:`_fast_lever`)."""
    rate = m.verdicts.get("rate")
    if not rate or rate.level not in ("low", "high"):
        return None
    key = get_rules(language).rate_key
    v = m.rate.get(key)  # as the report's table writes it: 85 wpm, 9.9 morae/s
    shown = "—" if v is None else f"{v:.{rate_digits(v, key)}f}"
    unit = text(language, key)  # the figure's, and its norm's: 「目安は5.3〜8拍/秒」, never a bare 「5.3〜8」
    value = text(language, "value_unit", value=shown, unit=unit)
    band = norms.RATE_BANDS[key]
    art = m.rate.get(f"articulation_{key}")
    if rate.level == "low" and slowed_by_silences(m.rate, language):
        # words said at a good pace (or a quick one), slowed by the silences between them: the pauses are the cause
        shown_art = f"{art:.{rate_digits(art, key)}f}"
        return 3.5, text(language, _slowing_pauses(m.pauses), value=value,
                         art=text(language, "value_unit", value=shown_art, unit=unit))
    if art is None:  # the pace between the pauses unknown (a noisy room's): no cause named (QA s38 W #2)
        return 3.5, text(language, f"tip_{'fast' if rate.level == 'high' else 'slow'}_plain", value=value,
                         lo=band.lo, hi=band.hi, unit=unit)
    if rate.level == "high":
        lever = _fast_lever(m, language)
        shown_art = "—" if art is None else f"{art:.{rate_digits(art, key)}f}"
        return 3.5, text(language, lever, value=value, lo=band.lo, hi=band.hi,
                         art=text(language, "value_unit", value=shown_art, unit=unit), unit=unit, rest=REST_AT_STOP_S)
    return 3.5, text(language, "tip_slow", value=value, lo=band.lo, hi=band.hi, unit=unit)


#: A sentence past this many words (Japanese: as many words' morae, ``Rules.units_per_word``)
#: is long to say in one go: a fast pace in such sentences is slowed by shortening them.
LONG_SENTENCE_WORDS = 20
#: A pause at a full stop this long or longer is a rest the listener feels: the low end of the
#: coaches' deliberate pause (0.8-1.5 s, :data:`furikaeri.norms.PAUSES_SOURCE`).
REST_AT_STOP_S = 0.8
#: A full stop in a transcript: 。！？ anywhere, . ! ? before a space or the end ("3.5" is none).
_STOP = re.compile(r"[。！？]|[.!?](?=\s|$)")


def _fast_lever(m, language: str) -> str:
    """The fast-pace tip that fits the figures: long sentences are shortened (``tip_fast``);
    short ones whose full stops mostly pass without a rest of :data:`REST_AT_STOP_S` get one
    (``tip_fast_stops``); short ones with their rests already taken are fast in the words
    themselves (``tip_fast_words``). Sentences are counted by the transcript's full stops, or
    the pauses placed after a sentence's end where Whisper wrote fewer; without the words'
    count the length is unknown, and the tip is the general one. The two tips that call the
    sentences short are given only when none is long (:func:`_longest_sentence`): a 38-word
    first sentence among short ones was "Your sentences are short already" on the screen that
    quoted it (QA s35 A #4)."""
    stats = getattr(m, "stats", None)
    units = getattr(stats, "word_count", 0) or 0
    if not units:
        return "tip_fast"
    at_stops = [p for p in getattr(m, "pauses", ()) or () if p.place == "sentence"]
    sentences = max(len(_STOP.findall(getattr(m, "transcript", "") or "")), len(at_stops) + 1, 1)
    per_word = get_rules(language).units_per_word
    if units / per_word / sentences > LONG_SENTENCE_WORDS:
        return "tip_fast"
    if _longest_sentence(getattr(m, "words", ()) or (), at_stops, language) / per_word > LONG_SENTENCE_WORDS:
        return "tip_fast"
    rests = sum(p.duration >= REST_AT_STOP_S for p in at_stops)
    return "tip_fast_stops" if rests < (sentences - 1) / 2 else "tip_fast_words"


def _longest_sentence(words, at_stops, language: str) -> int:
    """The rate units (words; morae) of the longest sentence of ``words``: a sentence ends at a
    word that ends with a full stop (:data:`_STOP`), or before a pause placed at a sentence's
    end (``at_stops``), as :func:`_fast_lever` counts sentences."""
    rules = get_rules(language)
    starts = [w.start for w in words]
    # a pause follows the last word begun before its middle (Whisper's stamps stretch over pauses)
    before = {bisect.bisect_left(starts, (p.start + p.end) / 2) - 1 for p in at_stops}
    longest = run = 0
    for i, w in enumerate(words):
        run += rules.spoken_units(w.text)
        if i in before or i == len(words) - 1 or _STOP.search(w.text.rstrip()[-1:]):
            longest, run = max(longest, run), 0
    return longest


def slowed_by_silences(rate, language: str) -> bool:
    """Is a slow pace the silences' doing: its words, between the pauses, said inside the band
    or quicker? ``rate``: an answer's rate figures (its ``Rate``, or the dict of one saved). The
    cause the pace tip (:func:`_rate_tip`) and the coach's focus line
    (:meth:`furikaeri.coach.Focus.suggestion`) both go by, so they never ask for different things."""
    key = get_rules(language).rate_key
    art = rate.get(f"articulation_{key}") if rate else None
    return art is not None and art >= norms.RATE_BANDS[key].lo


def _field(x, name: str):
    """``name`` of ``x``, an analysis (or a part of one) as an object or as a stored dict."""
    return x.get(name) if isinstance(x, dict) else getattr(x, name, None)


def pace_slowed_by_silences(a, language: str) -> bool:
    """Is analysis ``a`` (an object or a stored dict) slow, by the report's verdict, and slowed by
    its silences (:func:`slowed_by_silences`): the pace tip then says the silences are the cause."""
    verdict = (_field(a, "verdicts") or {}).get("rate")
    return verdict is not None and _field(verdict, "level") == "low" and slowed_by_silences(_field(a, "rate"), language)


def silences_too_long(a, language: str) -> bool:
    """Do the tips of analysis ``a`` (an object or a stored dict) call its silences too long: a
    slow pace they slow down (:func:`pace_slowed_by_silences`), or a silent share past the norm
    (``tip_silent_share``)? The focus line then never asks for a pause in a filler's place
    (:meth:`furikaeri.coach.Focus.suggestion`)."""
    from furikaeri.measure import share_as_shown

    if pace_slowed_by_silences(a, language):
        return True
    if _field((_field(a, "verdicts") or {}).get("pauses") or {}, "level") == "n/a":
        return False  # a noisy room's silences read long: not said to be (QA s38 W #3)
    share = _field(_field(a, "stats") or {}, "silence_share") or 0.0
    return share_as_shown(share) > norms.SILENCE_SHARE_HIGH


#: The tips that say an answer's silences are what to work on, beside a pace slowed by them:
#: the pace tip (its cause named) and the silent-share tip. A report says that once.
_SILENCE_TIPS = ("tip_slow_pauses", "tip_slow_pauses_between", "tip_slow", "tip_silent_share")


def _silences_once(tips, a, language: str) -> list[str]:
    """``tips`` with the later of the pace tip and the silent-share tip left out when the pace is
    slowed by the silences (:func:`pace_slowed_by_silences`): both then say the silences are the
    fault ("the silences slow it down", "Silence took 41% of the answer"), with the focus line a
    third time. The first kept is the focus's when it is one of them (:func:`focus_first`)."""
    if a is None or not pace_slowed_by_silences(a, language):
        return list(tips)
    out, said = [], False
    for t in tips:
        about = any(_wrote(t, k, language) for k in _SILENCE_TIPS)
        if not (about and said):
            out.append(t)
        said = said or about
    return out


def _repetition_tip(m, language: str) -> Ranked | None:
    """Repeated words and restarts (「外で外で」, "the, the") at :data:`norms.REPETITIONS_TIP_PER_MIN`
    a minute or more, at least :data:`norms.REPETITIONS_TIP_MIN` of them: counted, with no verdict
    (no published norm), and never coached before (QA s50 NN #3: 14 restarts, 8.4 a minute, and
    tips on the budget only). Ranked as fillers are; names the ones said most."""
    from furikaeri.measure import PER_DIGITS, as_shown

    said = getattr(m, "repetitions", ())
    per_min = m.stats.repetitions_per_min
    if len(said) < norms.REPETITIONS_TIP_MIN or as_shown(per_min, PER_DIGITS) < norms.REPETITIONS_TIP_PER_MIN:
        return None
    return 4 + per_min / 2, text(language, "tip_repetitions", n=len(said), per_min=per_min,
                                 top=_most_said((r.text for r in said), language))


def _hedge_tip(m, language: str, *, forced: bool = False) -> Ranked | None:
    """Hedges over the norm (the report's verdict; ``forced``: any), with the figures of the
    report's hedges row and the ones said most."""
    said = getattr(m, "hedges", ())
    verdict = m.verdicts.get("hedges")
    if not said or not (forced or (verdict is not None and verdict.level == "high")):
        return None
    per100 = m.stats.hedges_per_100_words
    return 4 + per100 / 3, text(language, "tip_hedges", n=m.stats.hedges or len(said), per100=per100,
                                top=_most_said((h.text for h in said), language))


#: The rank of the tip for an opening that begins a story (:func:`_opening_tip`): under a figure
#: past its norm (fillers, hedges, pauses: 5 and up), over a pace or a flat voice only just off.
#: The order is read from the words by cue phrases ("Once upon a time", 「大学2年生の時、」): a cue
#: found is a story told first, but most stories open without one (the report's row says so).
STORY_FIRST_RANK = 4.5
#: The opening sentence is quoted in the story tip up to this many characters.
QUOTE_CHARS = 50


def _opening_tip(m, language: str, *, forced: bool = False) -> Ranked | None:
    """The first sentence ending late in the budget (``forced``: whenever it ends) but inside
    it, as the report's row writes it; else, on time but opening a story rather than stating
    the answer (``Opening.order``, the "story first" of the report's row): lead with the answer."""
    o = getattr(m, "opening", None)
    if o is None or o.budget_share > 1.0:
        return None  # a first sentence past the budget: the length is the fault, not the order (as the coach)
    if forced or o.late:
        return 4 + 10 * o.budget_share, text(language, "tip_opening_late", seconds=o.seconds, share=o.budget_share)
    if getattr(o, "order", None) == "story_first":
        return STORY_FIRST_RANK, text(language, "tip_opening_story", sentence=_quoted(o.text, language))
    return None


def _quoted(sentence: str, language: str, most: int = QUOTE_CHARS) -> str:
    """``sentence`` as a tip quotes it: whole up to ``most`` characters, else cut there (at a
    space in a language written with them) with an ellipsis."""
    sentence = sentence.strip() if get_rules(language).joiner else sentence.strip().rstrip("。")  # 「…ました」
    if len(sentence) <= most:
        return sentence
    cut = sentence[:most]
    if get_rules(language).joiner and " " in cut:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,、") + "…"


def _voice_tip(voice, language: str, *, forced: bool = False) -> Ranked | None:
    """A voice flat in half the answer or more, judged as the share is shown (the report's voice
    verdict; ``forced``: any share)."""
    from furikaeri.measure import share_as_shown

    share = getattr(voice, "monotone_share", None)
    if share is None or not (forced or share_as_shown(share) >= norms.MONOTONE_SHARE_HIGH):
        return None
    return 3 + 2 * share, text(language, "tip_monotone", share=share)


def _most_said(said, language: str, most: int = 3) -> str:
    """:func:`most_said`, joined by the language's list separator."""
    return text(language, "list_sep").join(most_said(said, most))


def most_said(said, most: int = 3) -> list[str]:
    """The ``most`` phrases said most often (case folded; the first said first on a tie), each as
    said mid-sentence ("maybe", "I think", not the capital a sentence's start gave it)."""
    forms: dict[str, list[str]] = {}
    for s in said:
        s = s.strip()
        if s:
            forms.setdefault(s.lower(), []).append(s)
    top = sorted(forms.values(), key=lambda f: -len(f))[:most]
    return [_as_listed(f) for f in top]


def _as_listed(forms: list[str]) -> str:
    """One phrase's spellings as it is listed: its lower-case one, else the pronoun "I" as it is,
    else the first with its capital taken off."""
    lower = next((f for f in forms if not f[:1].isupper()), None)
    if lower is not None:
        return lower
    return forms[0] if re.match(r"I\b", forms[0]) else forms[0][:1].lower() + forms[0][1:]


#: The figure each tip is about (a tip's key in the text tables -> the focus metrics it serves).
TIP_ABOUT = {
    "tip_over_budget": ("over_s",), "tip_over_budget_slightly": ("over_s",), "tip_too_short": ("answer_s",),
    "tip_freeze": ("longest_pause_s",), "tip_long_silence": ("longest_pause_s",), "tip_fillers": ("fillers_per_min",),
    "tip_long_silence_clause": ("longest_pause_s",), "tip_long_silences_clause": ("longest_pause_s",),
    "tip_long_silences_places": ("longest_pause_s",),
    "tip_freeze_mid": ("longest_pause_s",), "tip_freeze_mid_one": ("longest_pause_s",),
    "tip_long_silences": ("longest_pause_s",),
    "tip_long_silences_mid": ("longest_pause_s",),
    "tip_silent_share": ("longest_pause_s",),
    "tip_fast": tuple(norms.RATE_BANDS), "tip_fast_stops": tuple(norms.RATE_BANDS),
    "tip_fast_words": tuple(norms.RATE_BANDS), "tip_slow": tuple(norms.RATE_BANDS), "tip_slow_pauses": tuple(norms.RATE_BANDS),
    "tip_slow_pauses_between": tuple(norms.RATE_BANDS), "tip_slow_plain": tuple(norms.RATE_BANDS),
    "tip_fast_plain": tuple(norms.RATE_BANDS), "tip_hedges": ("hedges_per_100_words",),
    "tip_opening_late": ("opening_share",), "tip_opening_story": ("opening_share",),
    "tip_monotone": ("monotone_share",), "tip_latency": ("latency_s",),
}


def _slowing_pauses(pauses) -> str:
    """The tip for a pace slowed by its silences, by where most of the silence is: inside
    sentences (``tip_slow_pauses``) or between them and at commas (``tip_slow_pauses_between``)."""
    inside = sum(p.duration for p in pauses if p.place == "mid")
    return "tip_slow_pauses" if inside >= sum(p.duration for p in pauses) / 2 else "tip_slow_pauses_between"


def tips_as_shown(analysis, focus) -> list[str]:
    """``analysis``'s tips in the order its report shows them: the one about ``focus`` (a coach
    focus, or None) first (:func:`focus_first`), so the terminal and ``--json`` give one order.
    Without a focus, an answer far too short for its budget (:func:`_too_short`: a file cut off
    that short, archived with tips on its rates) keeps only its length tip (and the silence the
    take ran on, :func:`_kept_when_short`), as with one."""
    tips = _fitted(analysis.tips, analysis, analysis.language)
    if focus is None:
        short = _too_short(analysis, cut_too=True)
        return [t for t in tips if _kept_when_short(t, analysis.language)] if short else tips
    return focus_first(tips, focus.metric, analysis.language, analysis=analysis)


def _kept_when_short(tip: str, language: str) -> bool:
    """Does ``tip`` stay beside a far too short answer's length tip: the length tip itself, and
    the silence the take ran on after it (:func:`ran_on_tip`: often why it is short)?"""
    return _wrote(tip, "tip_too_short", language) or _wrote(tip, "tip_ran_on", language)


def focus_first(tips, metric: str, language: str, analysis=None) -> list[str]:
    """``tips`` (as :func:`tips_for` wrote them, in ``language``) with the one about the coach's
    focus ``metric`` first, so the report's first tip is about what its first line asks; the
    rest keep their order. A tip is known by its figure (:func:`_wrote`), whatever its numbers.

    With the answer's ``analysis`` (an :class:`~furikaeri.analysis.Analysis`), a focus no tip is
    about (its tip ranked under the three kept, or the figure off only against the person's own
    usual) gets its tip made from the analysis's figures (:func:`focus_tip`), first, and the
    tips stay three. The silences are said to be the fault once (:func:`_silences_once`), in
    the answers archived with both tips too. A far too short answer (:func:`_too_short`) keeps its length tip alone
    (:func:`_kept_when_short`), as :func:`tips_for` writes it: an answer archived with more tips is shown so too."""
    keys = [k for k, about in TIP_ABOUT.items() if metric in about]
    if analysis is not None:
        tips = _fitted(tips, analysis, language)
    if analysis is not None and _too_short(analysis):
        tips = [t for t in tips if _kept_when_short(t, language)]
    first = [t for t in tips if any(_wrote(t, k, language) for k in keys)][:1]
    if not first and analysis is not None:
        made = focus_tip(analysis, metric, language)
        if made is not None:
            return _silences_once([made, *tips], analysis, language)[:3]
    return _silences_once(first + [t for t in tips if t not in first], analysis, language)


def focus_tip(a, metric: str, language: str) -> str | None:
    """The tip about focus ``metric`` for analysis ``a`` (an :class:`~furikaeri.analysis.Analysis`),
    whether or not its figure is past its norm (a focus chosen against the person's own usual
    need not be); None when the analysis has nothing to say of it, or when the answer is far too
    short for any figure but its length (:func:`_too_short`)."""
    if metric not in ("over_s", "answer_s") and _too_short(a):
        return None
    if metric in norms.RATE_BANDS:  # a pace is the focus only where the report's verdict finds it off too
        found = _rate_tip(a, language)
    elif metric in ("over_s", "answer_s"):
        found = _length_tip(a, language, a.budget_s, length_known=not getattr(a, "cut_short", False),
                            kind=question_kind(getattr(a, "question", None)))
    else:
        make = {"longest_pause_s": _pause_tip, "fillers_per_min": _filler_tip, "hedges_per_100_words": _hedge_tip,
                "opening_share": _opening_tip, "latency_s": _latency_tip}.get(metric)
        if metric == "monotone_share":
            found = _voice_tip(getattr(a, "voice", None), language, forced=True)
        else:
            found = make(a, language, forced=True) if make else None
    return found[1] if found else None


def _wrote(tip: str, key: str, language: str) -> bool:
    """Is ``tip`` the text table's ``key`` (one of its plural forms) with some figures filled in?
    Known by the template's head, its words up to the first sentence mark (the figure: "Fast
    pace ({value})", 「フィラーが1分あたり{per_min}回（{top}）」), which stays when the advice after
    it is reworded: the tips of an answer archived with an older wording are known too."""
    templates = get_rules(language).labels[key]
    templates = templates if isinstance(templates, tuple) else (templates,)
    # fields side by side are one stretch of text (「{hi:g}{unit}」 matches an older 「8」 too)
    return any(re.match(".+?".join(map(re.escape, re.split(r"(?:\{[^}]*\})+", _head(t)))), tip, re.S) for t in templates)


def _head(template: str) -> str:
    """``template`` up to its first sentence mark outside a ``{field}`` (., 。 or :) after some
    words, the mark left out; the whole of it when it has none."""
    depth = 0
    for i, ch in enumerate(template):
        depth += (ch == "{") - (ch == "}")
        if depth == 0 and ch in ".。:：" and re.sub(r"\{[^}]*\}", "", template[:i]).strip():
            return template[:i]  # a head of words, never of fields alone (which would match any tip)
    return template


#: Speech less than this far (dB) over the room's noise: the speech map trusts no energy edge
#: there (:func:`furikaeri.speech.speech_map`'s ``min_contrast_db``: Silero decides alone, the
#: energy threshold of 9 dB over the floor lying near the speech level itself), and what Whisper
#: writes is what it could pick out of the noise. The benchmark's noisy rooms (README "In a
#: noisy room": noise 10-20 dB under the speech, which reads 14-24 dB of contrast on the real
#: clips) measure pauses well; under this contrast nothing shows they are (real speech about
#: 5 dB over a steady noise: 4 words of about 57 heard, an answer of 41 s measured as 5 s), so
#: the warning says the length, the pauses and the words may be far off, not that the pauses
#: are measured well.
UNTRUSTED_CONTRAST_DB = 12.0
#: The same for a room with other voices (:attr:`furikaeri.speech.Levels.other_voices`), whose
#: contrast reads higher than a steady noise's at the same loudness (its quietest frames fall
#: between the voices' syllables). Six voices 10 dB under the speaker read 15-19 dB, and there
#: an answer of 41 s measured 36 s, a Japanese one lost a third of its words (pace 4.2 morae/s,
#: "slow", against 6.0), six voices 5 dB under read 12-14 dB (the first 4 s lost, the time to
#: the first word 3.9 s against 0.4; a whole file taken for the answer; words made up, one a
#: hedge); 20 dB under read 24 dB and kept the figures (QA s35 E).
VOICES_UNTRUSTED_CONTRAST_DB = 20.0


def warnings_for(m, language: str, speech_map, clipped: float = 0.0, sounds_like: str | None = None,
                 unheard: float = 0.0, cut_short: bool = False, other_languages=(),
                 stopped_at: float | None = None, english_only: str | None = None, lossy: bool = False,
                 cut_by: str = "limit") -> list[str]:
    """Honest caveats about this answer's figures. ``clipped``: the share of the recording's
    samples at full scale (:class:`furikaeri.audio.FullScale`); ``sounds_like``: the language the
    speech sounds like when it was heard as another (``--language``); ``unheard``: speech
    Whisper made no words of (:func:`mostly_unheard`); ``cut_short``: the file ended before its
    end (damaged or cut off), so the figures are of its first part; ``other_languages``: the
    stretches said in yet another language (:class:`furikaeri.analysis.LanguageSpan`);
    ``stopped_at``: the time limit that stopped the take while the person was still speaking
    (:func:`furikaeri.analysis.cut_at_limit`), said in place of a file cut short: the
    recording, not the file, ended early (``cut_by``: ``limit``, its time limit, or ``stop``, the
    recording stopped before the answer ended: a crash, a signal); ``english_only``: the English-only model it was heard
    with, no language named (:func:`furikaeri.analysis.unsure_in_english`); ``lossy``: a file
    through a lossy codec, whose clipping is read from its samples piled at the peak, which a
    hard limiter leaves too (:attr:`furikaeri.audio.FullScale.piled`: said as such, QA s50 PP #2)."""
    from furikaeri.audio import CLIPPED_SHARE
    from furikaeri.lang import clock, language_name

    out = []
    if stopped_at is not None:
        # the limit as given (--max-seconds 1.5: "1.5 s", not "2 s": QA s51 UU #7)
        out.append(text(language, "warn_cut_at_limit" if cut_by == "limit" else "warn_cut_off",
                        seconds=round(stopped_at, 1)))
    elif cut_short:
        out.append(text(language, "warn_cut_short", seconds=speech_map.duration))
    if sounds_like is not None and english_only:  # an English-only model cannot hear it: another model can
        out.append(text(language, "warn_language_english_only", model=english_only))
    elif sounds_like is not None:  # every figure below is of a translation or an invention
        # among other voices (said below) those may be what sounds so, not the speaker (QA s55 AQ #4)
        key = "warn_language_voices" if getattr(speech_map, "other_voices", False) else "warn_language"
        out.append(text(language, key, heard=text(language, f"language_{sounds_like}"), as_code=sounds_like))
    for span in other_languages:  # the words written there are not what was said
        out.append(text(language, "warn_other_language", start=clock(span.start), end=clock(span.end),
                        heard=language_name(span.language, language)))
    if clipped > CLIPPED_SHARE:  # the level set too high: Whisper mishears soft sounds
        out.append(text(language, "warn_clipped_lossy" if lossy else "warn_clipped", share=100 * clipped))
    if getattr(speech_map, "narrow_quiet", False):  # and quiet: phrases lost into the pauses (QA s45 R #2)
        out.append(text(language, "warn_narrow_quiet", db=speech_map.speech_db))
    elif getattr(speech_map, "narrow", False):  # a telephone's band: its pauses read a little long (QA s44 N #3)
        out.append(text(language, "warn_narrow"))
    if speech_map.noise:  # a damaged file or a faulty microphone: nothing could be heard there
        dash, comma = ("–", ", ") if language == "en" else ("〜", "、")
        out.append(text(language, "warn_loud_noise",
                        spans=comma.join(f"{clock(iv.start)}{dash}{clock(iv.end)}" for iv in speech_map.noise)))
    if not m.speech_detected:
        out.append(text(language, "warn_no_speech"))
        return out
    speech_s = sum(iv.duration for iv in speech_map.intervals)
    key = room_warning(speech_map, speech_s, clipped=clipped > CLIPPED_SHARE)
    if unheard and sounds_like is None and key is not None:
        # a room's noise or voices covered it (said next): no other language to try (QA s55 AP #4)
        out.append(text(language, "warn_unheard_room", heard=speech_s - unheard, speech=speech_s))
    elif unheard and sounds_like is None:  # with sounds_like, every figure is off already
        other = next((c for c in LANGUAGES if c != language), language)
        out.append(text(language, "warn_unheard", heard=speech_s - unheard, speech=speech_s,
                        other=text(language, f"language_{other}"), as_code=other))
    elif getattr(m, "words", ()) and sounds_like is None and not getattr(speech_map, "other_voices", False):
        # speech after the last word: the answer's end lost (a room's other voices go on anyway)
        from furikaeri.speech import speech_within

        last = m.words[-1].end
        after = speech_within(speech_map.intervals, last + UNHEARD_PAD_S, speech_map.duration)
        if after >= TRAILING_UNHEARD_S:
            out.append(text(language, "warn_trailing_unheard", seconds=after, start=clock(last)))
    if m.unconfirmed_fillers and not (sounds_like or _mostly_elsewhere(other_languages, m.answer_s)):
        # said in another language, every figure is off already (said first): no count to doubt
        out.append(text(language, "warn_fillers_undercounted", n=m.unconfirmed_fillers))
    if key is not None:
        out.append(text(language, key, db=speech_map.contrast_db, part=voices_said(speech_map, language),
                        freeze=norms.NOISY_FREEZE_S))
    louder = getattr(speech_map, "louder", ())
    if louder and not speech_map.other_voices and key != "warn_other_voices_part":
        # a fan or music that starts partway: nothing said of it before (QA s50 MM #3: music 15 dB
        # under the answer took two soft えっと, and a tip came of the silences they left)
        out.append(text(language, "warn_louder_room", part=_stretches_said(louder, speech_map.duration, language),
                        db=speech_map.louder_db))
    return out


def voices_said(speech_map, language: str) -> str:
    """The stretches of a take with other voices in it (:attr:`furikaeri.speech.SpeechMap.voices`),
    as the warning says them: "from about 0:55", "between about 3:45 and 5:15"."""
    return _stretches_said(getattr(speech_map, "voices", ()), speech_map.duration, language)


def _stretches_said(stretches, duration: float, language: str) -> str:
    """Stretches of a take of ``duration`` s as a warning says them: "from about 0:55" (one that
    reaches to within a window of the end, which may well go on to it: QA s50 MM #1, a voice
    from 0:36 to the end, 1:29, said "until 1:10"), "between about 3:45 and 5:15"."""
    from furikaeri.lang import clock
    from furikaeri.speech import VOICES_WINDOW_S

    said = []
    for iv in stretches:
        key = "voices_from" if iv.end >= duration - VOICES_WINDOW_S else "voices_between"
        said.append(text(language, key, start=clock(iv.start), end=clock(iv.end)))
    return text(language, "list_sep").join(said)


def room_warning(speech_map, speech_s: float, *, clipped: bool = False) -> str | None:
    """The warning (a text key) for the room the answer was said in, or None.

    A noisy room: Whisper misses many soft, short fillers and the noise makes up some (bench/real.py
    --noise: real speech with a steady noise 20 dB under it, about 24 dB of contrast, finds 0.5 of
    the fillers at a precision of 0.5, against 0.88 and 0.70 in a quiet room); pauses stay right
    (``warn_noisy``). Other voices: the second listen is not done there
    (:func:`furikaeri.analysis.hear_answer`), so fillers are counted only where Whisper wrote them
    (``warn_other_voices``). A room too loud for the answer's edges, pauses and words
    (:func:`room_untrusted`) is said to be so whatever its noise (``warn_very_noisy``, or
    ``warn_other_voices_loud``, which says both). ``clipped``: clipping flattened the speech's
    peaks, so its level, and the contrast read from it, are too low (a take 20 dB too loud read
    "speech only 21 dB above the background" in a quiet room): the contrast is then no evidence
    of a noisy room, and the clipping warning names the fix, the gain."""
    if speech_map.other_voices:
        loud = not clipped and room_untrusted(speech_map, speech_s)
        return "warn_other_voices_loud" if loud else "warn_other_voices"
    if getattr(speech_map, "voices", ()):  # voices that start partway: only their stretch is mixed (QA s49b LL #1)
        return "warn_other_voices_part"
    if clipped or not (speech_map.contrast_db < NOISY_CONTRAST_DB and speech_s < 0.8 * speech_map.duration):
        return None
    return "warn_very_noisy" if room_untrusted(speech_map, speech_s) else "warn_noisy"


def ran_on_tip(a, take_s: float) -> str | None:
    """The tip for a take the person ended :data:`furikaeri.norms.RAN_ON_S` or more after their
    last word (``take_s``: the take's length; analysis ``a``): the silence after an answer is no
    pause of it, so nothing else in the report says it (QA s38 G #2). None otherwise."""
    from furikaeri.lang import clock

    if not a.speech_detected or a.latency_s is None:
        return None
    end = a.latency_s + a.answer_s
    silent = take_s - end
    if silent < norms.RAN_ON_S:
        return None
    return text(a.language, "tip_ran_on", end=clock(end), silent=silent)


def room_key(speech_map, *, clipped: float = 0.0) -> str | None:
    """The room's warning (:func:`room_warning`) over the answer's speech, ``clipped`` the
    share of samples at full scale: judged once per answer (:func:`furikaeri.analysis._in_the_room`:
    a noisy room's pauses are found, not judged; a room too loud rates nothing)."""
    from furikaeri.audio import CLIPPED_SHARE

    speech_s = sum(iv.duration for iv in speech_map.intervals)
    return room_warning(speech_map, speech_s, clipped=clipped > CLIPPED_SHARE)


#: The room warnings that say the answer's words may be wrong (:func:`room_too_loud`).
TOO_LOUD = frozenset({"warn_very_noisy", "warn_other_voices_loud"})


def room_too_loud(speech_map, *, clipped: float = 0.0) -> bool:
    """Is the answer's room one whose warning says its words may be wrong (``warn_very_noisy``,
    ``warn_other_voices_loud``)? Its figures then get no verdict and it gets no tips: a hedge
    Whisper made up out of other people's voices was rated "high", and a first word at 0.0 s
    "good", beside that warning (QA s35 E #3, V1 #2)."""
    return room_key(speech_map, clipped=clipped) in TOO_LOUD


def room_untrusted(speech_map, speech_s: float) -> bool:
    """Is the room too loud to trust the answer's length, its first word's time, its pauses and
    its words (and what is read from them: pace, hedges, repetitions, opening)? A steady noise,
    under :data:`UNTRUSTED_CONTRAST_DB` of contrast; other voices, under
    :data:`VOICES_UNTRUSTED_CONTRAST_DB`: Silero takes them for speech, so the answer's edges and
    its words are lost among them at a contrast a steady noise leaves measurable. (A take that is
    not clipped: see :func:`room_warning`.)"""
    if speech_map.other_voices:
        return speech_map.contrast_db < VOICES_UNTRUSTED_CONTRAST_DB
    return speech_map.contrast_db < UNTRUSTED_CONTRAST_DB and speech_s < 0.8 * speech_map.duration


def _mostly_elsewhere(other_languages, answer_s: float) -> bool:
    """Was half the answer or more said in yet another language (``other_languages``, the
    stretches of it)? The rule of :func:`furikaeri.analysis.off_language` over those stretches
    (which imports this module: its rule is restated here, not imported)."""
    said = sum(span.end - span.start for span in other_languages)
    return bool(other_languages) and said >= 0.5 * (answer_s or 0.0)


def _too_short(a, *, cut_too: bool = False) -> bool:
    """Is analysis ``a`` far too short for its budget (:func:`furikaeri.measure.short_answer`),
    its length known (not a file cut short)? Its length is then its only tip. ``cut_too``: a
    file cut off that short counts as well (its rates are of a few seconds all the same)."""
    from furikaeri.measure import short_answer

    budget = getattr(a, "budget_s", None)
    return bool(budget) and (cut_too or not getattr(a, "cut_short", False)) and short_answer(a.answer_s, budget)
