"""Every norm the coach judges by, in one place, with its source.

Measurement (:mod:`furikaeri.measure`) gives its verdicts from these, advice
(:mod:`furikaeri.advice`) picks its tips by them and the progress views
(:mod:`furikaeri.metrics`) score change against them. Sources are in
``../shared/docs/METRICS.md``; how each norm reads to a person (in the report's language) is
in the language's text table (``norm_*`` keys).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Band:
    """A good range: below ``lo`` is low, above ``hi`` is high. ``source`` cites it."""

    lo: float
    hi: float
    source: str

    def level(self, value: float | None) -> str:
        if value is None:
            return "n/a"
        return "low" if value < self.lo else "high" if value > self.hi else "good"


#: Speaking rate, English: words per minute over the answer span, pauses included. Speech
#: coaches commonly use 120-160 (Speaker Coach 100-165, Read.ai 130-175).
WPM = Band(120.0, 160.0, "METRICS.md: Speaker Coach 100-165, coaches 120-160 wpm")
#: Japanese: characters as written per minute. About 300 字/分 is the NHK news norm and the
#: usual interview target, 350 commercial TV, 400 fast (talkrescue.jp/archives/5153): the band
#: is that norm with 50 either side, so a natural answer is not flagged for a few characters.
CHARS_PER_MIN = Band(250.0, 350.0, "METRICS.md: NHK ~300 字/分, 350 commercial TV (talkrescue.jp)")
#: Japanese morae per second over the answer span. Conversational Japanese runs at roughly
#: 6-8 morae/s, read speech slower; 5.5-8 is an answer that is easy to follow.
MORAE_PER_S = Band(5.5, 8.0, "METRICS.md: conversational Japanese 6.3-8 morae/s")

#: The band of each rate figure, by its JSON name.
RATE_BANDS = {"wpm": WPM, "chars_per_min": CHARS_PER_MIN, "morae_per_s": MORAE_PER_S}

#: Fillers per minute: at most 2 is excellent, at most 5 professional, more than 10 needs work
#: (FrameFlow docs); below about 5 a minute listeners are not put off (Laske 2024).
FILLERS_GOOD_PER_MIN = 2.0
FILLERS_OK_PER_MIN = 5.0
#: How far two hearings of one recording differ in a count of fillers (or repetitions): the
#: same 32-s answer analysed from its file and through the microphone gave 5 and 6. A single
#: filler is as likely the recogniser as the speaker: never a habit to work on by itself.
COUNT_JITTER = 1
FILLERS_SOURCE = "METRICS.md: <=2/min excellent, <=5/min professional (FrameFlow)"
#: Answers in a row with no filler before the coach warns that delivery may sound recited
#: (FrameFlow: fillers at zero for many sessions can sound rehearsed).
ZERO_FILLER_RUN = 4

#: Silent pauses: fluency research puts the floor at 0.25 s; coaches call 1 s and more long
#: and 3 s and more very long.
MIN_PAUSE_S = 0.25
LONG_PAUSE_S = 1.0
VERY_LONG_PAUSE_S = 3.0
#: Share of the answer spent silent above which it sounds halting.
SILENCE_SHARE_HIGH = 0.35
PAUSES_SOURCE = "METRICS.md: pauses >= 1 s long, >= 3 s very long"

#: Vocal variety: pitch spread (semitone standard deviation, relative to the speaker's own
#: median) over 10-s stretches of the answer. Hincks (2004) found 10-s spreads of about 1.8 to
#: 3.6 semitones across speakers (F0 SD/mean 0.11-0.235); a stretch under 1.5 semitones is
#: flatter than the flattest of them: monotone. chris-arsenault/hot-mic scores monotone as
#: 1 - min(SD / 2 st, 1). 1.5 rather than hot-mic's 2: on natural speech it flags only the
#: truly flat stretches, where 2 would also flag much of second-language speakers' calm
#: narration (bench/coach.py measures how often natural and flat stretches are flagged).
VOICE_WINDOW_S = 10.0
MONOTONE_ST = 1.5
#: An answer whose stretches are monotone this often is flat as a whole.
MONOTONE_SHARE_HIGH = 0.5
VOICE_SOURCE = "METRICS.md: Hincks 2004/2005 (F0 SD over 10 s), hot-mic monotone score"

#: Time to the point: 就活 advice asks for the conclusion first; an opening sentence that runs
#: past a fifth of the answer's budget has not got there (METRICS.md, "Getting to the point").
OPENING_SHARE = 0.2
OPENING_SOURCE = "METRICS.md: 結論ファースト, answers of about a minute"
#: Hedges per 100 words (morae / 3 in Japanese, a word's worth) above which claims sound unsure.
HEDGES_PER_100_HIGH = 3.0
HEDGES_SOURCE = "METRICS.md: hedges (Hyland 1998; Yoodli), a separate habit from fillers"

#: Past the budget by no more than this share of it (6 s of 60): over, and told so, but the
#: fix is a sentence less, not a new structure; the tip ranks under the others.
SLIGHTLY_OVER_SHARE = 0.1

#: An answer shorter than this share of its budget is thin.
SHORT_ANSWER_SHARE = 0.3
LENGTH_SOURCE = "the question's time budget"

#: A question's time budget when none is given (s): English answers run 60 s to 2 min,
#: behavioural (STAR) ones up to about 2 min; Japanese 就活 answers (自己PR, ガクチカ, 志望動機)
#: about a minute (METRICS.md, "Answer length").
DEFAULT_BUDGET_S = {"en": 120.0, "ja": 60.0}


def default_budget(language: str) -> float:
    """The budget for a question that has none (:data:`DEFAULT_BUDGET_S`; 120 s otherwise)."""
    return DEFAULT_BUDGET_S.get(language, 120.0)


def fillers_level(per_min: float) -> str:
    """``good`` (<= 2/min), ``ok`` (<= 5/min) or ``high``."""
    return "good" if per_min <= FILLERS_GOOD_PER_MIN else "ok" if per_min <= FILLERS_OK_PER_MIN else "high"


#: The live "wrap up" cue (``record --live-hints``) comes this long before the budget runs out:
#: a fifth of the budget, at most 15 s, enough to land the main point in a sentence or two.
WRAP_UP_SHARE, WRAP_UP_MAX_S = 0.2, 15.0


def wrap_up_at(budget_s: float) -> float:
    """When, into the answer, the live hints say it is time to wrap up (s)."""
    return budget_s - min(WRAP_UP_MAX_S, WRAP_UP_SHARE * budget_s)
