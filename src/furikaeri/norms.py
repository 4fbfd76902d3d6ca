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
WPM = Band(120.0, 160.0, "METRICS.md: coaches commonly 120-160 wpm (Speaker Coach 100-165, Read.ai 130-175)")
#: Japanese: characters as written per minute. About 300 字/分 is the NHK news norm and the
#: usual interview target, 350 commercial TV, 400 fast (talkrescue.jp/archives/5153): the band
#: is that norm with 50 either side, so a natural answer is not flagged for a few characters.
CHARS_PER_MIN = Band(250.0, 350.0, "METRICS.md: NHK ~300 字/分, 350 commercial TV, 400 fast (talkrescue.jp); "
                                   "furikaeri's own band: 300 ± 50")
#: Japanese morae per second over the answer span. The lower bound is where the research on
#: Japanese that is easy to follow puts its best pace: 320-360 morae a minute, 5.3-6 a second
#: (Prafiyanto et al. 2018); a pace it calls best is never "slow" here. Conversation runs at
#: about 6.3 morae/s, very roughly 7-8 at its quickest: above 8 an answer is hard to follow.
MORAE_PER_S = Band(5.3, 8.0, "METRICS.md: 320-360 morae/min (5.3-6/s) best for non-native listeners "
                             "(Prafiyanto 2018), conversation about 6.3 morae/s; furikaeri's own band: 5.3-8 "
                             "(above 8 hard to follow)")

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
#: Repeated words and restarts get a tip (no verdict: no published norm for them) from this
#: many a minute: twice the rate of the 12 real Japanese answers of real-l2, second-language
#: speakers all (36 in 18 minutes, hand-checked as restarts), so only a habit that stands out
#: among learners is coached; the English ones said 0.8 a minute ...
REPETITIONS_TIP_PER_MIN = 4.0
#: ... and from this many in the answer (two in a short answer are a slip).
REPETITIONS_TIP_MIN = 3
FILLERS_SOURCE = "METRICS.md: <=2/min excellent, <=5/min professional (FrameFlow)"
#: Answers in a row with no filler before the coach warns that delivery may sound recited
#: (FrameFlow: fillers at zero for many sessions can sound rehearsed).
ZERO_FILLER_RUN = 4

#: Silent pauses: fluency research puts the floor at 0.25-0.4 s; coaches class 0.8-1.5 s as
#: deliberate, 1.5-3 s long and over 3 s very long (METRICS.md). furikaeri calls a pause long
#: from 1 s, inside the coaches' "deliberate" class: a pause a listener notices, worth showing,
#: and only "ok" in the verdict; very long from 3 s, the coaches' bound.
MIN_PAUSE_S = 0.25
LONG_PAUSE_S = 1.0
VERY_LONG_PAUSE_S = 3.0
#: How much longer a pause can read in a steady noise than it was: the soft sounds at its edges
#: are lost in the noise (README "In a noisy room": real-l2 in pink noise at 26-30 dB of contrast,
#: its labelled pauses read +1.83 s at the most; a soft うん lost between a 1.04-s and a 2.16-s pause
#: joined them into one of 4.0 s). A silence past a very long pause by more than that
#: (:data:`NOISY_FREEZE_S`) is a freeze however noisy the room, and is judged there (QA s51 SS #1:
#: a 12.5-s freeze went uncoached in a fan's noise, the pace "good" only because of it).
NOISY_PAUSE_EXCESS_S = 2.0
NOISY_FREEZE_S = VERY_LONG_PAUSE_S + NOISY_PAUSE_EXCESS_S
#: Share of the answer spent silent above which it sounds halting: furikaeri's own threshold
#: (METRICS.md gives none); a third of the answer silent is a listener waiting through every gap.
SILENCE_SHARE_HIGH = 0.35
PAUSES_SOURCE = ("METRICS.md: coaches' classes 0.8-1.5 s deliberate, 1.5-3 s long, > 3 s very long; "
                 "furikaeri's own thresholds: long from 1 s (a pause a listener notices), "
                 "more than 35% of the answer silent sounds halting")

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
VOICE_SOURCE = ("METRICS.md: Hincks 2004 (F0 SD/mean 0.11-0.235 over 10 s), hot-mic's monotone score "
                "1 - min(SD / 2 st, 1) (a scale, no threshold); "
                "furikaeri's own thresholds: under 1.5 st (flatter than Hincks's flattest speaker), "
                "flat in half the answer")

#: Time to the point: 就活 advice asks for the conclusion first, in answers of about a minute
#: (METRICS.md, "Getting to the point"). The fifth of the budget is furikaeri's own threshold:
#: 12 s of a minute, time for a sentence that states the point, not for a story's scene-setting.
OPENING_SHARE = 0.2
OPENING_SOURCE = ("METRICS.md: 就活 advice asks for the conclusion first (結論ファースト); furikaeri's own "
                  "threshold: the first sentence ends within a fifth of the budget (12 s of a minute)")
#: Hedges per 100 words (morae / 3 in Japanese, a word's worth) above which claims sound unsure:
#: furikaeri's own threshold (METRICS.md lists hedges, after Hyland 1998, but gives no rate):
#: at 15-20 words a sentence, 3 in 100 is a hedge in every other sentence.
HEDGES_PER_100_HIGH = 3.0
HEDGES_SOURCES = {
    "en": ("METRICS.md lists hedges (Hyland 1998), a separate habit from fillers, with no rate; "
           "furikaeri's own threshold: more than 3 per 100 words is a hedge in every other sentence"),
    "ja": ("METRICS.md lists hedges (〜と思います, たぶん, 一応), a separate habit from fillers, with no rate; "
           "furikaeri's own threshold: more than 3 per 300 morae (100 words' worth) is a hedge in every "
           "other sentence"),
}

HEDGES_SOURCE = HEDGES_SOURCES["en"]


def hedges_source(language: str) -> str:
    """The hedges norm's source in the unit the answer's norm is written in (words, or morae)."""
    return HEDGES_SOURCES.get(language, HEDGES_SOURCES["en"])

#: Time to the first word (from the start of the take) from which it reads as a freeze, not a
#: think: METRICS.md gives no norm for it (the seed article's author froze on questions), and a
#: short think before answering is good practice, so under this it is good; at it or past it the
#: silence is one an interviewer notices as stuck (a pause mid-answer is very long from 3 s;
#: before the first word a few seconds of thought are expected, so more). furikaeri's own
#: threshold; :data:`furikaeri.metrics.LATENCY_FREEZE_S` grades changes in it by the same bar.
LATENCY_FREEZE_S = 5.0
#: A take the person ended this long (s) after their last word ran on in silence: a freeze
#: after which they gave up, or a wait that the report cannot tell from one (QA s38 G #2: a quiet
#: 「えっと」, then 14 s of silence, was reported as a 1-s answer with no pause at all). Twice the
#: time to the first word a freeze is said at: after an answer, a person reads the screen for a
#: moment before ending the take.
RAN_ON_S = 10.0
LATENCY_SOURCE = ("METRICS.md gives no norm for the time to the first word (the seed article's author froze "
                  "on questions); furikaeri's own threshold: 5 s or more reads as a freeze, a shorter think is fine")

#: Past the budget by no more than this share of it (6 s of 60): over, and told so, but the
#: fix is a sentence less, not a new structure; the tip ranks under the others.
SLIGHTLY_OVER_SHARE = 0.1

#: An answer shorter than this share of its budget is thin.
SHORT_ANSWER_SHARE = 0.3
#: A question that asks for a length (「1分で自己紹介を」, "in two minutes") answered in under this
#: share of it gets a tip saying so (QA s47 BB #2): the interviewer asked for about that long.
#: furikaeri's own threshold; the length row still says "within" (it is within the budget).
ASKED_LENGTH_SHORT_SHARE = 0.5
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
