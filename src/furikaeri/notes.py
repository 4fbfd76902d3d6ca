"""A reflection note, read for what it asks, and whether the next attempt did it.

The person's own note on an answer ("結論から話す", "fewer fillers, slow down") is shown again
before the next attempt at that question; afterwards :func:`check_fix` says whether the figure
the note was about changed (:func:`note_targets` finds which figures a note is about, from its
words in English or Japanese).

Two judgements here are shared with the comparison views (:mod:`furikaeri.compare`), so that a
figure never reads "better" in one place and "worse" in another on the same screen:
:func:`note_change` (a note that asks to move a banded figure further from its band) and
:func:`settle_counts` (a change in a per-minute count that is within the count's own jitter).
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from dataclasses import dataclass, replace
from typing import Any, Mapping, Sequence

from furikaeri import norms
from furikaeri.metrics import METRIC_BY_NAME, Change, Metric, change, compare_metrics, crossed, cut_off, has_norm, in_norm, \
    judged_both, judged_change, judged_pace, judged_value, norm_bounds, off_norm, past_budget, short_of_asked, too_short, \
    with_asked
from furikaeri.store import Answer, Note

# Silence, as a note names it: English words, and Japanese nouns (間 not inside 時間/期間/…:
# the length of an answer is not a pause).
_SILENCE_EN = r"(?:silen\w*|pauses?|gaps?|quiet|dead air)"
#: 間 as a pause: not inside 時間/期間/空間/人間/瞬間, nor この間 (the other day), その間 (meanwhile),
#: あっという間 (in no time)
_MA = r"(?<![時期空人瞬])(?<!この|その|あの|いう)間"
_SILENCE_JA = rf"(?:沈黙|無言|静寂|ポーズ|{_MA}|黙(?:る|って|り込)(?:の|こと)?)"
#: A pause as a note names it in Japanese, with the time of one ("沈黙の時間", "考える時間": a
#: silence, not the answer's length), longest first.
_PAUSE_JA = rf"(?:(?:沈黙|無言|空白|黙っている|黙ってる|黙る|考える|考え込む)の?時間|沈黙|無言|ポーズ|{_MA})"
#: A pause's length as a note qualifies it ("shorter pauses", "pauses were too long", 「間を短く」,
#: 「長い沈黙」): words of length that belong to the pause, never to the answer's length or its
#: budget. English words between a pause and its length are the few that join them in a clause
#: ("were", "between points"), so "pauses made it too long" leaves the answer's "too long" alone.
_PAUSE_EN = r"(?:paused|pausing|pauses?|silences?|gaps?|dead air)"
_EN_LENGTH = r"(?:long|longer|lengthy|short|shorter|brief|briefer)\b"
_PAUSE_LINK_EN = r"(?:(?:were|was|are|is|be|been|being|felt|feel|feels|seemed|seem|seems|got|get|gets|getting|stay|stays|" \
                 r"stayed|still|way|far|much|a|bit|little|lot|really|very|quite|too|so|rather|somewhat|kinda|all|" \
                 r"for|the|of)\s+|(?:between|in|during|after|before|at)\s+(?:the\s+|my\s+|each\s+)?\w+\s+)"
_PAUSE_LENGTH = (
    rf"\b(?:(?:too|so|very|really|overly|way too)\s+)?{_EN_LENGTH}\s+{_PAUSE_EN}\b(?:\s+{_PAUSE_LINK_EN}{{0,3}}{_EN_LENGTH})?|"
    rf"\b{_PAUSE_EN}\s+{_PAUSE_LINK_EN}{{0,3}}(?:{_EN_LENGTH}|(?:ran|run|running|went|go|going|dragg?(?:ed|ing|s)?)\s+(?:on|long)\b)|"
    rf"\bpaus(?:e|ed|ing)\s+for\s+(?:a\s+)?(?:shorter|longer|less|long|short)\s+(?:time|while)\b|"
    rf"{_PAUSE_JA}(?:の(?:長さ|時間))?(?:が|を|は|も)?(?:もう少し|もっと|少し|できるだけ|なるべく|ちょっと|かなり|すごく|やや)?"
    r"(?:長[いくかすめ]|短[いくかめ]|短縮|縮め|減ら)|"
    rf"(?:長い|長め|長すぎる|長過ぎる|短い|短め)の?(?:(?:沈黙|無言|空白)の?時間|沈黙|無言|ポーズ|間(?=[がをはもの。]|$))")
#: A sentence's length (「一文が長い」, 「一文を短く」, "my sentences ran on"): no figure measures it, and
#: it is not the answer's length nor its budget (QA s40 Z5 #7: 「一文が長い」 was judged on the time over).
_SENTENCE_LENGTH = re.compile(
    r"(?:一文|1文|ひとつの文|文章|センテンス)(?:の長さ)?(?:が|を|は|も)?(?:もう少し|もっと|少し|できるだけ|なるべく|ちょっと|かなり|すごく|やや)?"
    r"(?:長[いくかすめ]|短[いくかめ]|短縮|区切)|"
    r"\b(?:my\s+|the\s+|long\s+)?sentences?\s+(?:(?:were|was|are|is|too|so|very|a\s+bit|really|way)\s+){0,3}"
    r"(?:long|longer|short|shorter|run[- ]?on|ran\s+on|went\s+on)\b|\brun[- ]?on\s+sentences?\b|"
    r"\b(?:shorter|long|longer)\s+sentences?\b", re.I)
#: A note about fearing silence or filling it ("filled every silence", "afraid of the pauses",
#: 「沈黙が怖くて間を埋めた」, 「間を怖がった」, 「沈黙に耐えられず」): what went wrong is the
#: filling (fillers, words for the sake of sound), and what the person wants is to let a pause
#: be. Such a note is about fillers (fewer), never about pauses (fewer): scoring fewer pauses as
#: "better" would reward the very habit the note names. A silence word beside a word of fear,
#: dislike or filling, in either order, is this class, whatever the exact phrase.
_FEARED_SILENCE = re.compile(
    rf"\bfill(?:ed|ing|s)?\s+(?:in\s+|up\s+)?(?:(?:the|every|each|all|any|those|that|my|all\s+the)\s+)?{_SILENCE_EN}|"
    rf"\b(?:afraid|scared|fear\w*|terrified|nervous|uncomfortable|awkward|panick?\w*|anxious)\s+"
    rf"(?:of|with|about|by|at|in|during)\s+(?:(?:the|a|any|every)\s+)?{_SILENCE_EN}|"
    rf"\b(?:hate[ds]?|dread\w*|fear(?:ed)?|can'?t stand|cannot stand|couldn'?t stand)\s+(?:(?:the|a|any)\s+)?{_SILENCE_EN}|"
    rf"{_SILENCE_EN}\s+(?:\w+\s+)?(?:scares?|scared|frighten\w*|felt awkward|feels? awkward|made me nervous|is scary|was scary)|"
    rf"\bavoid(?:ed|ing|s)?\s+(?:(?:the|any|every|a)\s+)?{_SILENCE_EN}|"
    rf"{_SILENCE_JA}(?:が|を|に|は|の)?(?:怖|こわ|恐|嫌|いや|苦手|不安|耐え|たえ|埋め|うめ|潰|つぶ)",
    re.I)
#: The verbs of making a pause, as a note asks for one: 間を取る, 置く, あける (空ける, 開ける),
#: 入れる, 挟む, 作る, 設ける, 意識する.
_JA_MAKE_PAUSE = r"(?:取|と|置|お|使|あけ|空け|開け|明け|入れ|いれ|挟|はさ|作|つく|設け|もうけ|意識)"
#: ... unless overdone or refused (「間を取りすぎた」, 「間をあけない」: fewer long pauses, the
#: fault); a failure told (「間を取れなかった」) is still a wish for more.
_JA_NOT_FEWER = r"(?![^、。,.]{0,3}?(?:すぎ|過ぎ|な(?:い(?!と)|く(?!て?は|ちゃ))|ず(?!つ|っと)|ません(?!でした)))"
#: A note that asks to let pauses be, or for more of them ("take a breath", "pause instead of
#: um", "more pauses", "not enough pauses", "forgot to pause", "leave pauses between points",
#: 「間を取る」, 「間をあける」, 「文の間を空ける」, 「間を入れる」, 「一呼吸置く」,
#: 「間が足りなかった」): not a note to pause less, so it does not make a
#: pause-count target; nor does any figure measure a pause taken on purpose (the long pauses
#: and the longest are silences the speaker is stuck in), so such a note names no figure:
#: read as "fewer long pauses", doing what it asks would read "worse".
_ALLOW_PAUSE = re.compile(
    rf"\btake\s+(?:a\s+|more\s+|the\s+|some\s+)?(?:longer\s+)?(?:pauses?|breaths?|beats?|moments?)|"
    rf"\b(?:(?:short|brief|small|little)\s+)?paus(?:e|es|ing)\s+(?:more|deliberately|on purpose|instead|before|after|"
    rf"between|to think)(?![^,.;:!?/]*\b(?:were|was|are|is|felt|seemed|got)\s+(?:\w+\s+)?(?:long|longer|short|shorter)\b)|"
    rf"(?<!no )(?<!any )\bmore\s+(?:\w+\s+)?(?:pauses|pausing|breaks|breaths|silences?)\b|"
    rf"\b(?:not enough|too few|very few|hardly any|barely any)\s+(?:\w+\s+)?(?:pauses|pausing|breaks|breaths|silences?)\b|"
    rf"\bpaus(?:e|ed|ing)\s+(?:\w+\s+)?(?:more|enough|longer)\b|"
    rf"\b(?:should(?:'ve|\s+have)|forg[eo]t\s+to|forgetting\s+to|remember\s+to|didn'?t|did\s+not|never|need(?:ed)?\s+to)\s+"
    rf"(?:take\s+(?:a\s+)?)?paus(?:e|ed)\b(?!\s+(?:less|so|too|for|as)\b)|"
    rf"\blet\s+(?:the\s+|a\s+|some\s+)?{_SILENCE_EN}|"
    rf"\b(?:ok|okay|fine|alright|all right)\s+to\s+(?:pause|be silent|stay silent|stop)|"
    rf"\b(?:embrace|allow|accept|use|comfortable with|don'?t fear)\s+(?:the\s+|a\s+|some\s+)?{_SILENCE_EN}|"
    rf"(?<!n't )(?<!not )(?<!never )\b(?:leave|leaving|add|adding|insert|inserting|put\s+in|putting\s+in|build\s+in|"
    rf"building\s+in|make|making)\s+(?:(?:a|some|more|the|short|brief|little|small|deliberate|natural|clear|enough)\s+)*"
    rf"(?:pauses?|gaps?|breaks?|beats?|breaths?|space|room)\b(?!\s+(?:\w+\s+){{0,3}}{_EN_LENGTH})|"
    rf"(?:短い|短く|短め|少し|軽く|一瞬の?|長い|長めの?|適度に|適度な)?{_PAUSE_JA}を(?:もっと|しっかり|少し|ちゃんと|意識して|長く|長めに|"
    rf"たっぷり|じっくり|十分|適度に)?{_JA_MAKE_PAUSE}{_JA_NOT_FEWER}|"
    rf"{_PAUSE_JA}を?(?:もっと|しっかり|たっぷり)(?![^、。,.]{{0,2}}?(?:短|縮|詰|減))|{_PAUSE_JA}の(?:取り方|とり方|置き方)|"
    rf"もっと(?:間|沈黙|ポーズ)を|一呼吸|ひと呼吸|"
    rf"{_PAUSE_JA}を?(?:短く|詰め)(?:し)?(?:すぎ|過ぎ)|"
    rf"{_PAUSE_JA}が?あっても|{_PAUSE_JA}が?(?:足りな|少な|な[いかく]|無[いかく])",
    re.I)


def note_text(note: Note | None) -> str:
    """A note's parts in one line: "what went wrong / why / next time"."""
    if note is None:
        return ""
    return one_line(note.wrong, note.why, note.next_time)


def one_line(*parts: str | None) -> str:
    """``parts`` of a note in one line, " / " between them and "; " between the lines typed in
    one (a line of a list should not leave the line of figures it sits in, nor read as a part of
    its own: QA s38 E #8, V #5)."""
    return " / ".join("; ".join(ln.strip() for ln in p.splitlines() if ln.strip()) for p in parts if p and p.strip())


@dataclass(frozen=True)
class _Cue:
    """Words of a note that name one figure.

    ``metric``: a figure of :data:`furikaeri.metrics.METRICS`, or ``rate`` for the language's
    pace figure as a change of it is judged (:func:`furikaeri.metrics.judged_pace`: morae a
    second in Japanese, as the report grades the pace, not the characters Whisper wrote). ``want``: the direction the words ask for as they are said (``lower``,
    ``higher``; None: the figure's own). ``fault``: the words name the trouble ("rushed", "too
    long", 早口, "flat"), so a negation leaves the wish as it is ("don't rush" is what "I rushed"
    asks for); otherwise they name the change wanted ("slow down", ゆっくり, "say more"), and a
    negation reverses a direction ("don't slow down": faster) or, where the words ask for none
    of their own, leaves the figure out (there is nothing to reverse)."""

    metric: str
    want: str | None
    pattern: re.Pattern[str]
    fault: bool = True


def _cue(metric: str, want: str | None, pattern: str, *, fault: bool = True) -> _Cue:
    return _Cue(metric, want, re.compile(pattern, re.I), fault)


# A length of time, as a note writes it ("30 seconds", "a minute and a half", 「1分半」, 「三十秒」);
# 十分 is "enough", not ten minutes, unless a limit's word follows (十分以内).
_EN_NUM = r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|forty|fifty|" \
          r"sixty|ninety|a|an|half an?)"
_EN_UNIT = r"(?:(?:s|secs?|seconds?|mins?|minutes?)\b|m(?=[1-5]\d\b))"  # "1m30": the m of minutes before seconds
#: Seconds after minutes ("1 min 30", "1m30", "one minute thirty"): a unit, or two digits / a
#: tens word with none (as the budget's 1m30s and 1分30 read them: :func:`furikaeri.questions.duration_s`).
_EN_TENS = r"(?:ten|fifteen|twenty|thirty|forty|fifty)"
_SECONDS = rf"(?:\d+:[0-5]\d\b|{_EN_NUM}(?:\s+and\s+a\s+half)?\s*-?\s*{_EN_UNIT}(?:\s*(?:and\s+)?(?:a\s+half|" \
           rf"\d+\s*(?:s|secs?|seconds?)\b|(?:[1-5]\d|{_EN_TENS})\b(?!\s*(?:[.:]\d|{_EN_UNIT}|%)))(?<![.:]))?)"
_JA_NUMBER = r"[0-9０-９一二三四五六七八九十百]+(?:[.．][0-9０-９]+)?"
_JA_SECONDS = rf"(?<![0-9０-９一二三四五六七八九十百])(?!十分(?!以内|以下|未満|まで)){_JA_NUMBER}\s*(?:分\s*(?:{_JA_NUMBER}\s*秒?|半)?|秒)"
#: Words of an amount before a time's verb (「20秒ほど超えた」, 「20秒も長く話した」): how much, not a
#: length reached.
_JA_SOME_AMOUNT = r"(?:程度|くらい|ぐらい|位|ほど|近く|以上|も|弱|強)"
#: Talking at length, told as done (「長く話してしまった」, 「長く話した」, 「長く喋っちゃった」,
#: 「長く答えました」, 「話を長くしてしまった」, 「長く話したら時間を超えた」): the answer ran long, a fault;
#: not a wish (「もっと長く話す」, 「長く話したらよかった」), nor something else made longer
#: (「語尾を長くした」), nor the want or failure told (「長く話したい」, 「長く話したかった」, 「長く話せなかった」, 「長く話した方がいい」).
_JA_TALKED_LONG = r"(?<!もっと)(?<!もう少し)(?<!もうちょっと)(?:(?:話|回答|答え|説明)を長[くめ]に?し|長[くめ]に?(?:話し|喋っ|しゃべっ|答え)|" \
                  r"長[くめ]に?し(?=て?しま|ちゃ))(?:て?しま[っうい]|ちゃ[っうい]|てた|ていた|ていました|ました|" \
                  r"たら(?![よ良いども])|た(?![いかくらり]|方|ほう))"
#: How far an answer ran over, as a note tells it: "went 40 s over", "ran a minute over", "20
#: seconds too long", 「40秒オーバーした」, 「20秒超過」, 「20秒ほどオーバー」, 「時間を20秒超えた」,
#: 「20秒ほど超えた」, 「20秒も超えた」, 「20秒ほど長かった」, 「20秒も長く話した」 (オーバー, 超過 straight
#: after the time, with no を: 「1分をオーバーした」 went past a minute; 超え with a word of amount:
#: 「1分を超えた」 and a bare 「1分超えた」 are a length gone past, :data:`_LIMIT`, :data:`_BARE_PAST`).
#: Not a length: the answer is judged against its budget, as "ran over by 40 s" is. Told as a
#: wish not to (「30秒オーバーしないように」), it is the limit it names, or the budget
#: (:data:`_OVERRUN_WISH`).
_OVERRUN = re.compile(
    rf"\b(?:(?:about|around|roughly|almost|nearly|over|more than|by|a good)\s+)?{_SECONDS}\s+(?:over\b(?!\s+(?:and|or)\b)|"
    rf"too\s+long\b)|"
    rf"{_JA_SECONDS}\s*(?:{_JA_SOME_AMOUNT}\s*)?の?(?:オーバー|超過)(?!し(?:ない|ません)|せず|させ(?:ない|ず))|"
    rf"{_JA_SECONDS}\s*{_JA_SOME_AMOUNT}\s*(?:超え|越え|過ぎ|すぎ)(?!な[いく]|ず|ません)|"
    rf"{_JA_SECONDS}\s*(?:{_JA_SOME_AMOUNT}\s*)?(?:長(?:かった|すぎ|過ぎ|く(?:なっ|なり))|{_JA_TALKED_LONG})|"
    rf"{_JA_SECONDS}\s*も\s*長[くめ]に?(?:話|喋|しゃべ|答え)(?!せ)|"
    rf"(?:時間|予定|目安|上限)を\s*{_JA_SECONDS}\s*(?:{_JA_SOME_AMOUNT}\s*)?"
    r"(?:オーバー|超過|超え|越え|過ぎ|すぎ)",
    re.I)
#: A time gone past, told with no を and no word of amount (「20秒超えた」): how far the answer ran
#: over (「20秒オーバーした」), or a length it went past (「20秒を超えた」)? The note check reads it as
#: the overrun where the answer the note is on ran over its budget by about that much
#: (:func:`_overran_about`), else as the limit it names (:data:`_LIMIT`), as a note read alone is.
_BARE_PAST = re.compile(rf"{_JA_SECONDS}\s*(?:超え|越え|過ぎ|すぎ)(?!な[いく]|ず|ません)")
#: An overrun told as a wish not to, with no を (「20秒オーバーしないようにする」): not to run that
#: much over the budget, where it is less than the budget (a 30-s question: the budget is the
#: limit); else a limit of its own (「30秒オーバーしないように」 on a 30-s question, or with no
#: budget known), as 「30秒をオーバーしない」 is.
_OVERRUN_WISH = re.compile(rf"{_JA_SECONDS}\s*(?:オーバー|超過)(?=し(?:ない|ません)|せず|させ(?:ない|ず))")
#: A limit a note sets on the answer's length: "under 30 seconds", "one minute max", "went over
#: a minute", 「30秒以内」, 「1分を超えた」, 「30秒をオーバーしない」. The answer is judged against it
#: (:func:`check_fix`); an overrun (:data:`_OVERRUN`) is none.
#: The time a note gives the point after its words ("get to the point within 20 seconds", "in
#: under 20 seconds", "in less than 20 s", "in the first 15 seconds"): the opening's, not a limit on
#: the answer's length.
_POINT_TIME = rf"(?:\s+(?:in\s+|with)?(?:within|under|less\s+than|the\s+first|in)\s+{_SECONDS})?"
_POINT_TIME_AHEAD = rf"\s+(?:in\s+|with)?(?:within|under|less\s+than|the\s+first|in)\s+{_SECONDS}"
_LIMIT = re.compile(
    rf"\b(?:under|within|in|below|less than|no more than|no longer than|shorter than|at most|max(?:imum)?(?:\s+of)?|"
    rf"up to|to|(?:ran|run|running|went|go|going)\s+over)\s+{_SECONDS}|"
    rf"\b{_SECONDS}\s+(?:max(?:imum)?|tops|at most|or less|or under|limit)\b|"
    rf"{_JA_SECONDS}(?:以内|以下|未満|まで|に|を?(?:超え|越え|過ぎ|すぎ)|を(?:オーバー|超過)|"
    rf"(?:オーバー|超過)(?=し(?:ない|ません)|せず|させ(?:ない|ず)))", re.I)
#: A length a note aims at rather than caps: "about a minute", "around 60 seconds", "aim for 90
#: seconds", "a minute or so", 「1分程度」, 「1分くらい」, 「1分前後」. A target, judged on how near
#: the answer comes to it (:func:`near_target`), not a limit: 65 s after 21 s on "about a minute"
#: is better, not worse.
_APPROX = re.compile(
    rf"\b(?:(?:aim(?:ing|s|ed)?\s+for|target(?:ing)?(?:\s+of)?|shoot(?:ing)?\s+for)\s+(?:about\s+|around\s+|roughly\s+)?"
    rf"|(?:about|around|roughly|approximately|approx\.?)\s+){_SECONDS}|\b{_SECONDS}\s+or\s+so\b|"
    rf"{_JA_SECONDS}\s*(?:程度|くらい|ぐらい|前後|ほど|位|を目安|をめど|を目標|目安|(?:弱|強|ちょっと|ちょい)(?=で|に|を目|くらい|ぐらい|程度|ほど|$|[、。,.])|"
    # 「1分で話す」「自己紹介を1分で」: in a minute, as 「1分で自己紹介をお願いします」 asks it: about that long, too
    # short as much as too long (QA s53 AF #6: read as a limit, a 25-s answer was "done")
    rf"で(?![はもき]))", re.I)
#: A silence's length told (「6秒くらい止まった」, 「5秒ほど沈黙した」, 「10秒くらい考え込んだ」, 「3秒くらい間が
#: あいた」, "froze for about 6 seconds", "paused for 8 seconds", "a 5-second silence", "6 seconds of
#: silence"): how long the person froze, no length of the answer to aim at or stay under (QA s47 BB #1:
#: each shorter answer read "better, not yet at the aim" of a 6-s 自己紹介).
_SILENCE_SPAN = re.compile(
    rf"{_JA_SECONDS}\s*(?:{_JA_SOME_AMOUNT}|間)?\s*(?:の|も|は)?\s*(?:沈黙|無言|黙|止ま|固ま|考え込|詰ま|フリーズ|"
    rf"頭が真っ白|言葉(?:が出|に詰ま)|間が(?:あ|空)|間(?:を|が)?(?:とっ|取っ|置い|おい|と[るれ]|取[るれ]|置[くけ])|"
    rf"何も(?:言え|話せ|出)|ポーズ)|"
    # ... the silence named first, its length after: 「沈黙が8秒くらいあった」「沈黙は3秒以内にする」「間は1秒以内」
    # 「間を2秒くらいとる」「黙るのは2秒まで」「話し始めるまで8秒くらいかかった」「5秒以内に話し始める」 (QA s47 FF #1, #2)
    rf"(?:沈黙|無言|ポーズ|(?<![時期空瞬])間|黙(?:る|って)(?:の|時間)?|話し(?:始め|出)(?:る|す)?まで(?:の時間)?|"
    rf"言い出すまで|第一声まで)\s*(?:が|は|を|も|の長さ)?\s*(?:長くても|最大|最長)?\s*{_JA_SECONDS}|"
    rf"{_JA_SECONDS}\s*(?:{_JA_SOME_AMOUNT}|以内|以下|まで)?\s*(?:に|で)?\s*(?:話し(?:始め|出)|言い出|答え始め)|"
    rf"\b(?:froze|frozen|freez(?:e|ing)|paus(?:e|ed|ing)|stopp?(?:ed|ing)?|stuck|silent|blank(?:ed)?|went\s+blank|"
    rf"quiet|hesitat(?:e|ed|ing))\s+(?:up\s+)?(?:for\s+)?(?:(?:about|around|almost|nearly|over|like|roughly|maybe)\s+)?{_SECONDS}|"
    rf"\b{_SECONDS}\s*(?:-\s*|\s+)?(?:long\s+)?(?:of\s+)?(?:silence|pause|freeze|blank|quiet|nothing)\b|"
    # "keep pauses under 3 seconds", "no silence longer than 2 seconds", "start within 5 seconds",
    # "took about 8 seconds to start"
    rf"\b(?:pauses?|silences?|freezes?|gaps?)\s+(?:\w+\s+){{0,2}}?(?:under|within|below|less\s+than|shorter\s+than|"
    rf"no\s+longer\s+than|at\s+most|of|to|up\s+to|over)\s+{_SECONDS}|"
    rf"\b(?:start|begin)(?:ning|ing)?\s+(?:\w+\s+)?(?:within|in|under|after)\s+{_SECONDS}|"
    rf"\b(?:took|take|takes|taking)\s+(?:me\s+)?(?:about\s+|around\s+|almost\s+|nearly\s+|over\s+)?{_SECONDS}\s+to\s+"
    rf"(?:start|begin|answer|speak|say)",
    re.I)
#: How near a target length (:data:`_APPROX`) an answer is where it should be: ±20 % of it.
TARGET_TOLERANCE = 0.2
# Words that are fillers only as a note names them ("too many likes", "stop saying like", 「なんかを
# 減らす」), not as it uses them ("I'd like to", "felt like I rushed", 「なんか早口だった」, 「まあまあ」).
_EN_FILLER = r"(?:like|you know|i mean|basically|literally|hmm+)"
_EN_NOT_NAMED = r"(?:(?:a|an)\b(?!\s+(?:lot|bit)\b)|the|my|this|that|it|i|me|you|we|they|he|she|to)\b"  # "sounded like a robot"
_JA_FILLER = r"(?:なんか|まあ|あの|えっと|え[ーぇえ]+|なんていうか|あー+|うー*ん|うー+|そのー+)"
#: Fillers a note names only in quotes: too short or too common a word to be read bare (「え」を減らす,
#: "fewer 'so'"; not 考え, "so many", "use it well").
_JA_QUOTED = r"(?:え|あ|その)"
_EN_QUOTED = r"(?:so|okay|ok|well|right|actually|alright|honestly)"
#: Fillers a note may write in the plural ("too many 'actuallys'", "so's").
_EN_PLAIN = r"(?:so|well|right|actually|alright|honestly|basically|literally)"
#: What a note says before a quoted short filler to name it ("fewer 'so'", "stop saying 'okay'").
_EN_ASKS = r"(?:too many|so many|a lot of|lots of|fewer|less|no more|cut(?:\s+out)?|drop|(?:stop\s+)?(?:say|says|said|saying)|" \
           r"(?:stop\s+)?(?:use|uses|used|using)|the word|avoid|kept saying|keep saying)"
_JA_NAMED = r"(?:減ら|多|言|使|連発|口癖|癖|出|やめ|止め|控え|なく|無く|ばかり|ばっかり)"
# Degree words: "so" and "too" before them intensify ("don't talk so slowly" is "too slowly"),
# "less" before them lessens ("speak less fast": slower), "so" before anything else joins clauses.
_DEGREE = r"(?:\w+ly|much|many|few|little|very|fast|quick|slow|short|brief|long|wordy|flat|dull|loud|quiet|soft|" \
          r"nervous|tense|stiff|rushed|hurried)\b"
_TOO = r"(?:too|so|overly|way too)"
_SLOW = r"slow(?:ly)?\b(?!\s+(?:it\s+)?down)"  # "so slow down" is "so" joining a wish
_FAST = r"(?:fast|quick(?:ly)?|rapid(?:ly)?)\b"
# Japanese pace words: the pace itself, and speaking as a noun (話すのが速い)
_JA_PACE = r"(?:ペース|スピード|テンポ|速さ|速度|話速|話すの|喋るの|しゃべるの|話し方|口調)"
_JA_SOME = r"(?:少し|ちょっと|やや|かなり|とても|すごく)?"
_SAY = r"(?:say|says|said|saying|talk|talks|talked|talking|tell|speak|speaks|speaking|spoke)"

#: Which figure a note is about, from its words (English and Japanese), read from the most
#: specific words to the most general: the words a cue reads are not read again by a later one,
#: so that "get to the point faster" is about the opening alone (not the pace), "took too long
#: to get to the point" not the length, 「間が長い」 the pauses, 「結論を言うのが遅い」 the opening.
#: A time named with the opening or the start ("get to the point in 10 seconds") is theirs.
_CUES: tuple[_Cue, ...] = (
    # time to the point (the opening's share of the budget); words of timing beside it are its own
    _cue("opening_share", None,
         r"\b(?:took|take|takes|taking)?\s*(?:too\s+|so\s+)?(?:(?:a\s+)?long(?:\s+time)?|ages|forever|a while)\s+"
         r"(?:to|before)\s+(?:get(?:ting)?|come|coming|reach(?:ing)?|make|making|state|stating|say|saying)\s+(?:to\s+)?"
         r"(?:the|my)\s+(?:main\s+)?(?:point|conclusion|answer)|"
         r"\b(?:get(?:ting)?|got|come|coming|go(?:ing)?|went|cut(?:ting)?)\s+(?:straight\s+)?to\s+(?:the|my)\s+(?:main\s+)?"
         r"(?:point|answer|conclusion)"
         rf"(?:\s+(?:faster|sooner|quicker|earlier|more quickly|right away|straight away|first))?{_POINT_TIME}|"
         # "reach the point in less than 20 seconds", "make my point in the first 15 seconds" (QA s54 AK #1)
         rf"\b(?:reach(?:es|ed|ing)?|make|makes|making|made|state|stating|say|saying)\s+(?:the|my)\s+(?:main\s+)?"
         rf"(?:point|conclusion)(?={_POINT_TIME_AHEAD}){_POINT_TIME}|"
         r"\b(?:start|begin|open|lead|led)(?:s|ed|ing)?\s+(?:off\s+)?with\s+(?:the\s+|my\s+|a\s+|an\s+)?(?:main\s+)?"
         r"(?:conclusion|point|answer|bottom line|headline|result|takeaway|summary)|"
         r"\b(?:conclusion|point|answer|bottom line)\s+(?:first|up\s*front)|\bbottom line\b|\bburied the (?:lede|lead|point)|"
         r"\bto the point\b|\bpreamble\b|\bprep\b|\bstar\b|"
         rf"(?:結論|要点|本題)[^、。,.]{{0,6}}?{_JA_SECONDS}(?:以内|未満|まで|で)?|"
         # the time before the point, told first: 「20秒以内に結論」 (not a limit on the answer: QA s46 X #2;
         # 「20秒未満で結論」, 「要点を20秒以内に伝える」, 「結論を言うまで20秒以内」: QA s54 AK #1)
         rf"{_JA_SECONDS}(?:以内|未満|まで|で)[にで]?[^、。,.]{{0,3}}?(?:結論|要点|本題)|"
         r"(?:早く|早め|すぐ|先に|最初に)に?結論|結論[^、。,.]{0,8}?(?:遅|早|速|先に|時間が?かか|始め|長)|前置き[^、。,.]{0,4}?(?:長|短)|本題[^、。,.]{0,6}?(?:遅|長)|"
         r"結論|要点|本題|先に言|最初に言|前置き"),
    # latency: how soon the answer starts (an adverb of timing before 話し始める is its own, not the
    # pace). Asked sooner: as a fault ("slow to start", 話し始めが遅い), as a wish ("start sooner",
    # 「すぐ話し始める」, and "answer quicker": the answer's verb with a word of speed says when the
    # answer comes, as an interviewer hears it, not how fast its words go: "speak faster" is the
    # pace); asked later as a fault ("jumped in too soon"); a wish to pause first is read before
    # the pauses' words (:data:`_PAUSE_FIRST`).
    _cue("latency_s", "lower",
         r"\b(?:(?:a\s+)?long(?:\s+time)?|a while|ages|forever)\s+(?:to|before)\s+(?:i\s+)?(?:start|begin|answer|respond|reply)|"
         r"\bslow\s+to\s+(?:start|begin|answer|respond|reply)|"
         r"話し?始め(?:る)?(?:の|まで)?(?:が|に)?遅[^、。]{0,3}|出だしが遅[^、。]{0,3}|"
         r"(?:話し?始め|答え(?:始め)?|話)(?:る)?まで(?:に|の)?(?:時間|間)(?:が)?(?:かか|あ|長)?"),
    _cue("latency_s", "higher",
         r"\b(?:jump(?:ed|ing|s)?|dove|dive[ds]?|diving)\s+(?:straight\s+)?in(?:to\s+(?:the\s+|my\s+|an?\s+)?answer\w*)?\b|"
         r"\b(?:start(?:ed|ing|s)?|began|begin(?:ning|s)?|answer(?:ed|ing|s)?)\s+too\s+(?:soon|early)\b"),
    _cue("latency_s", "lower",
         r"\bstart(?:ed|ing|s)?\s+(?:(?:answering|speaking|talking|my answer)\s+)?(?:right away|straight away|right|"
         r"quick(?:er|ly)?|sooner|faster|earlier|immediately)|"
         r"(?<!the )(?<!my )(?<!an )\b(?:answer|respond|reply)(?:ed|ing|s)?\s+(?:a\s+(?:bit|little)\s+)?(?:quick(?:er|ly)?|faster|"
         r"sooner|earlier|more quickly|right away|straight away|immediately|without (?:a\s+)?(?:delay|pause))|"
         r"\b(?:quicker|faster|sooner)\s+to\s+(?:start|answer|respond|reply|begin)|"
         r"(?:もっと)?(?:早く|早めに|素早く|即座に|すぐ(?:に)?)(?:話し?(?:始め|出)|答え|回答|口を開)|"
         # the start named first, then its timing (「話し始めを早く」, 「出だしを早めに」, 「回答を早く始める」):
         # when the answer starts, not how fast its words go
         r"(?:話し?始め|出だし|第一声|答え始め)(?:る)?(?:の|まで)?(?:を|が|は|も)?(?:もっと|もう少し|少し)?"
         r"(?:早く|早め|素早く|すぐ)|"
         r"(?:回答|答え|話)(?:を|は)?(?:もっと|もう少し|少し)?(?:早く|早めに|すぐに?)(?:話し?)?(?:始め|出だ)|"
         r"すぐ(?:に)?話(?![がはも]?(?:終わ|おわ))", fault=False),
    _cue("latency_s", None, r"\bfirst word|第一声|出だし|話し始め"),
    # silences: frozen, a pause (that is too long), 間が長い
    _cue("long_pauses_per_min", None,
         _PAUSE_LENGTH + r"|"
         r"\b(?:(?:long|longer|short|shorter|brief)\s+)?(?:paused|pausing|pauses?|silences?|gaps?)(?:\s+(?:\w+\s+){0,2}?too\s+long)?|"
         r"\bfroze|\bfreez\w*|\bblank(?:ed)?\b|\bstuck\b|\blost my (?:train|place|thread|words)|\bdead air|"
         rf"(?:沈黙|無言|{_MA})(?:が|を|は)?(?:長[いくかすめ]?|空[いきけ]|あ[いきく])|"
         rf"詰ま|沈黙|無言|ポーズ|止ま|黙|言葉が出|頭が真っ白|真っ白|(?<!長い){_MA}(?=[がをはもの、。]|$)"),
    # the answer's length: too short (longer wanted), over the budget or a limit, a wish for shorter
    _cue("answer_s", "higher",
         rf"\btoo short|\b{_TOO}\s+(?:short|brief|concise|succinct|terse|curt|condensed|compact)\b|\bnot long enough|\bran short|\b(?:end(?:ed)?|stop(?:ped)?|finish(?:ed)?|wrap(?:ped)?\s+up) too (?:early|soon|quickly)|"
         r"\b(?:answer|answers|it|this)\s+(?:was|were|is|felt|seemed|came out)\s+(?:\w+\s+){0,2}?(?:short|brief)\b|"
         r"短すぎ|短過ぎ|短かった|短い|短く終わ|物足りな|言葉足らず|話す(?:量|こと)が少な|すぐに?(?:話が)?終わ"),
    _cue("over_s", None,
         _OVERRUN.pattern + "|"
         rf"\b(?:ran|run|running|went|go|going)\s+over(?:\s+(?:the\s+)?(?:time|budget|limit)|\s+{_SECONDS})?|"
         r"\bover-?r[au]n\b|"
         r"\bover\s+(?:the\s+)?(?:time|budget|limit)\b|\bovertime\b|\btoo long\b|\blong[- ]winded|\brambl\w*|"
         rf"\b{_SAY}\s+(?:way\s+)?too\s+(?:much|long)|\b(?:ran|went)\s+long\b|"
         # talked longer than it should have (a fault told, as 「長く話してしまった」), not "talk longer"
         r"\b(?:spoke|talked|answered|went\s+on|kept\s+(?:talking|going))\s+(?:(?:much|way|far|a\s+(?:bit|little|lot))\s+)?"
         r"longer\s+than\s+(?:(?:i|we)\s+(?:had\s+)?(?:should|wanted|planned|intended|meant|needed|expected)|needed|"
         r"necessary|planned|intended|allowed|(?:the|my)\s+(?:budget|limit|time))|"
         rf"\bwordy\b|\bverbose|\bdragg?(?:ed|ing|s)?\s+on\b|"
         r"\btoo\s+(?:much|many)\s+(?:details?|background|context|preamble|setup|explanations?|explaining)\b|"
         r"\btoo\s+detailed\b|\bover-?(?:explain|elaborat)\w*|"
         rf"{_JA_SECONDS}を?(?:超え|越え|オーバー|超過|過ぎ|すぎ)|"
         r"詳し(?:すぎ|過ぎ)|説明し?(?:すぎ|過ぎ)|"
         r"長く(?:話|喋|しゃべ)し?(?:すぎ|過ぎ)|" + _JA_TALKED_LONG + r"|長すぎ|長過ぎ|長かった|長くな|長い|(?<![くり])(?:喋り|しゃべり|話し)(?:すぎ|過ぎ)|だらだら|ダラダラ|"
         r"時間(?:を|が)?(?:オーバー|超過|超え|越え|過ぎ|すぎ)|オーバー"),
    # "say more" is length; "say more clearly" and "add more energy" are a manner or a quality
    _cue("answer_s", "higher",
         r"\b(?:say|talk|tell|speak)\s+(?:a\s+(?:bit|little)\s+|much\s+|a lot\s+)?more\b(?!\s+\w+ly\b)|"
         r"\badd\s+(?:a\s+(?:bit|little)\s+|much\s+|a lot\s+)?more\b(?=\s*(?:$|[,.;:!?/)])|\s+(?:details?|examples?|depth|"
         r"content|context|specifics|substance|stor(?:y|ies)|numbers|points?|results?)\b)|"
         r"\b(?:speak|talk|answer|go\s+on|keep\s+(?:going|talking))\s+(?:for\s+)?(?:a\s+(?:bit|little)\s+|much\s+|a lot\s+)?longer\b|"
         r"\blonger\s+answers?|\bmore\s+(?:details?|depth|examples?|specifics|content|substance)|\belaborate|"
         r"\bexpand\s+(?:on|more)|\bflesh\s+(?:it\s+)?out|\bdevelop\s+(?:it|my answers?|the answer|more)\b|"
         r"\b(?:use|fill)\s+(?:more\s+of\s+|all\s+(?:of\s+)?|up\s+)?(?:the|my)\s+(?:full\s+|whole\s+)?(?:time|budget)\b|"
         r"もっと(?:話|詳し|長)|もう少し(?:話|詳し|長)|長[くめ]に?(?:話|する|して|しゃべ|喋|答え)|詳しく|膨らま|話を?広げ|"
         r"時間いっぱい|(?:持ち)?時間を(?:使い切|いっぱい|フルに|十分に?使|たっぷり使)|たくさん話|多めに話", fault=False),
    _cue("over_s", None,
         _LIMIT.pattern + "|" + _APPROX.pattern + "|"
         rf"\b(?:say|talk|speak)\s+less\b(?!\s+{_DEGREE})|"
         r"\bshort(?:er|en\w*)?\b|\bconcise|\bbrief|\bsuccinct|\bcondens\w*|\bcompact|\bsnapp(?:y|ier)\b|\btight(?:er)?\b|"
         r"\bcut\s+(?:it|down|back)|\btrim|\bbudget|\bwrap(?:s|ped|ping)?\s+(?:it\s+|things\s+|(?:the|my)\s+answers?\s+)?up\b"
         r"(?:\s+(?:sooner|earlier|faster|quicker|quickly|more quickly))?|"
         r"\b(?:finish|end|stop|conclude)(?:s|ed|ing)?\s+(?:(?:the|my)\s+answers?\s+)?(?:sooner|earlier|faster|quicker|more quickly)\b|"
         r"\btime limit|\bin time\b|\bon time\b|\bwithin (?:the )?time|"
         r"簡潔|短く|短め|手短|コンパクト|端的|短縮|簡単に(?:まとめ|話|説明|答え)|切り上げ|早[めく]に?終[わえ]|"
         r"(?:話|内容|エピソード|要素)を?(?:絞|削)|まとめ|時間内|時間", fault=False),
    # pace: too fast / too slow (the trouble), slow down / speed up (the change), the pace itself
    _cue("rate", "higher",
         rf"\b{_TOO}\s+{_SLOW}|\b(?:spoke|talked|went|was|were)\s+(?:\w+\s+)?{_SLOW}|\bdrag(?:s|ged|ging)?\b|"
         rf"{_JA_PACE}[がはも]?{_JA_SOME}遅|"
         r"遅すぎ|遅過ぎ|遅かった|遅い|遅く|ゆっくり(?:話|喋|しゃべ)?し?(?:すぎ|過ぎ)|もたもた|間延び"),
    _cue("rate", "lower",
         rf"\b{_TOO}\s+{_FAST}|\brush\w*|\bhurr\w*|\b(?:spoke|talked|went|was|were)\s+(?:\w+\s+)?(?:fast|quickly)\b|"
         rf"{_JA_PACE}[がはも]?{_JA_SOME}[速早](?:い|く|かった|め|すぎ|過ぎ)|"
         r"早口|[速早]く(?:話|喋|しゃべ)?し?(?:すぎ|過ぎ)|速すぎ|早すぎ|速過ぎ|早過ぎ|速かった|急[いぎがぐ]|焦っ|焦り|焦ら|せかせか|まくし?立て"),
    # ("fast enough": "not fast enough" wants faster, as "not slowing down enough" wants slower)
    _cue("rate", "lower",
         rf"\bslow(?:ed|ing)?\s+(?:it\s+)?down|\bslower|\bslowly|\bslow(?=\s+enough)|\bless\s+{_FAST}|"
         r"\btake (?:my|your|more) time|(?:ペース|スピード|テンポ|速度|話速)を?(?:落と|下げ|緩め|ゆるめ|抑え)|ゆっくり|落ち着",
         fault=False),
    _cue("rate", "higher",
         rf"\bfaster|\bspeed(?:ing)? (?:it )?up|\bquicker|\bmore quickly|\bpick (?:up the pace|it up)|\b{_FAST}(?=\s+enough)|"
         rf"\bless\s+{_SLOW}|(?:ペース|スピード|テンポ|速度|話速)を?上げ|"
         r"速く|早く|テンポ(?:よく|良く)|スピードアップ", fault=False),
    _cue("rate", None, r"\bpace|\bspeed|\btempo|\bspeaking rate|\bwpm\b|スピード|テンポ|速さ|速度|ペース"),
    # vocal variety: judged, as the report's voice verdict is, on the share of flat stretches
    _cue("monotone_share", None,
         r"\bflat\b|\bmonoton\w*|\bdull\b|\bboring\b|\bbored\b|\bintonation|\blively|\bliveliness|\bexpressive|"
         r"\benergy|\benergetic|\benthusias\w*|\brobot\w*|\bvar(?:y|ied|ying)\s+(?:\w+\s+){0,2}?(?:tone|pitch|voice|intonation|delivery)|"
         r"\b(?:vocal|voice|tone|pitch)\s+variety|\bsame (?:tone|pitch|note)|\btone of voice|"
         r"抑揚|単調|平坦|棒読み|一本調子|元気|明る|メリハリ|声の?(?:トーン|高さ|調子)|感情を?込め|淡々"),
    _cue("hedges_per_100_words", None,
         r"hedg|i think|maybe|probably|kind of|sort of|i guess|confiden|assertive|sound sure|"
         r"たぶん|多分|かもしれ|と思います|かなと|一応|言い切|断定|自信"),
    _cue("repetitions_per_min", None,
         r"\brepetitions?|\brepeat(?:ed|ing|s)?\s+(?:myself|(?:the\s+)?(?:same\s+)?(?:words?|phrases?))|\brestart(?:ed|ing|s)?\b|"
         r"\bfalse starts?|\bstutter\w*|\bstammer\w*|\bstumbl(?:e|ed|es|ing)\b(?!\s+blocks?)|"
         r"\btripp?(?:ed|ing|s)?\s+over\s+(?:my\s+|the\s+)?words|\btongue[- ]tied|"
         r"\bcorrect(?:ed|ing|s)?\s+myself|\bself-correct\w*|言い直|繰り返|同じ言葉|"
         # 噛む: stumbling over one's words (not 噛み砕く "put simply", 噛み締める, 噛み合う "mesh"),
         # in kanji or kana (かまない, not かまわない); つっかえる, どもる
         r"噛(?:ん[でだじ]|ま(?:ない|ず|なかっ|ないよう)|み(?:まく|そう|まし|がち)|む(?![\u4e00-\u9fff]))|"
         r"かま(?:ない|ず|なかっ)|かん(?:じゃっ|でしま|だり)|かみまく|つっかえ|突っかえ|"
         r"(?<!子)ども(?:っ[たてち]|る|り)"),
    # fillers: sounds that are nothing else (um, えー), and words that are also ordinary words
    # ("like", "I mean", なんか, まあ) only where the note talks about them as words
    _cue("fillers_per_min", None,
         r"filler|\bu+m+s?\b|\bu+h+s?\b|\bah+s\b|\ber+m*s?\b|"
         rf"[\"'“‘「]\s*{_EN_FILLER}s?\s*[\"'”’」]|"
         rf"\b{_EN_ASKS}\s+[\"'“‘]{_EN_QUOTED}(?:s|'s)?[\"'”’]|[「]{_EN_QUOTED}[」](?:って|と|を|が|は|も)(?={_JA_NAMED})|"
         rf"\b(?:say|says|said|saying|use|uses|used|using)\s+(?:the\s+word\s+)?{_EN_FILLER}\b(?!\s+{_EN_NOT_NAMED})|"
         rf"\b(?:too many|so many|a lot of|lots of|fewer|less|no more|cut(?:\s+out)?|drop|all\s+(?:the|those|my)|"
         rf"the word)\s+{_EN_FILLER}(?:s|'s)?\b(?!\s+{_EN_NOT_NAMED})|"
         rf"[「『\"“']\s*{_JA_FILLER}\s*[」』\"”']|{_JA_FILLER}(?:って|と|を|が|は|も)(?={_JA_NAMED})|"
         rf"[「『\"“']{_JA_QUOTED}[」』\"”'](?:って|と|を|が|は|も)(?={_JA_NAMED})|"
         r"フィラー|えー|えっと|ええと|あのー|あの[、,]|口癖|うーん"),
)
#: Before the answer: the words that name its start, asked as the answer's verb or a start.
_BEFORE_ANSWER = r"before\s+(?:i\s+|you\s+)?(?:start(?:ing)?\s+(?:to\s+)?)?(?:answer(?:ing|s)?|respond(?:ing)?|repl(?:y|ying)|" \
                 r"speak(?:ing)?|talk(?:ing)?|start(?:ing)?|begin(?:ning)?|jump(?:ing)?\s+in)\b"
#: A wish to pause or think before the first word ("pause before answering", "take a breath
#: before answering", 「一呼吸おいてから話す」, 「考えてから答える」): the time to the first word,
#: higher (within reason: past a freeze, :data:`furikaeri.metrics.LATENCY_FREEZE_S`, it is
#: overshot). Read before the words of letting pauses be (:data:`_ALLOW_PAUSE`), which name no
#: figure: a pause before the answer is measured, one inside it taken on purpose is not.
_PAUSE_FIRST = _cue(
    "latency_s", "higher",
    rf"\b(?:paus(?:e|ed|es|ing)|wait(?:ed|ing|s)?|breath(?:e|ed|ing)|think(?:ing|s)?|thought|stop(?:ped|ping|s)?)\s+"
    rf"(?:(?:for\s+)?(?:a\s+|one\s+)?(?:moment|second|sec|beat|bit|little|while|few seconds)\s+|(?:and\s+)?(?:think|breathe)\s+|"
    rf"first\s+)*{_BEFORE_ANSWER}|"
    rf"\b(?:take|takes|taking|taken|took)\s+(?:a\s+|one\s+|some\s+|the\s+|more\s+)?(?:(?:short|brief|little|quick|deep)\s+)?"
    rf"(?:moment|breath|beat|second|pause|few seconds|time to think)s?\s+(?:to\s+think\s+)?(?:first\s+)?{_BEFORE_ANSWER}|"
    rf"\b(?:collect|gather|organi[sz]e)\s+(?:my|your)\s+thoughts\s+(?:first|{_BEFORE_ANSWER})|\bthink\s+first\b|"
    r"(?:一呼吸|ひと呼吸|一拍|ひと息|一息|ワンテンポ)を?(?:置|お)い?て(?:から)?(?:答え|話し?始め|話|回答|口を開)|"
    # 間 before 話す is a pause before the answer only with から (「間を置いて話す」: speak with pauses)
    r"(?:少し|一瞬)?間を?(?:置|お)い?て(?:から(?:答え|話|回答|口を開)|(?:答え|話し?始め|回答|口を開))|"
    r"(?:考え|落ち着い)て(?:から)(?:答え|話|回答|口を開)|考えて(?:答え|回答)|"
    r"(?:答え|話し?始め|話す|回答す|口を開)る?前に(?:一呼吸|ひと呼吸|一拍|ひと息|一息|少し|間を|考え)",
    fault=False)
#: The order a note's figures are listed in (``rate``: the language's pace figure).
_ORDER = ("fillers_per_min", "repetitions_per_min", "opening_share", "over_s", "answer_s", "rate", "long_pauses_per_min",
          "latency_s", "monotone_share", "hedges_per_100_words")

# A negation of the words a cue reads. In English it comes before them in their clause ("don't
# slow down", "never rush", "no more ums", "try not to ..."); a clause ends at a mark or a joining
# word. A failure told ("didn't slow down", "couldn't stop rushing") or a reminder ("don't forget
# to slow down") asks what the words ask. In Japanese it follows them (「ゆっくりしすぎない」,
# 「早口にならないように」, 「急がず」), and a failure told (「ゆっくり話せなかった」) or a must
# (「ゆっくり話さないと」) asks what the words ask. "so" joins clauses ("I rushed, so ..."), but
# before a degree word it intensifies ("don't talk so slowly"), and is no clause's end.
# A wish overdone ("slowed down too much", "went faster than I wanted") is a fault of the other
# side: it asks the other way, negated or not ("don't slow down too much": faster).
_EN_CLAUSE = re.compile(rf"[,.;:!?/()\n]|\b(?:and|but|or|then|so(?!\s+{_DEGREE})|because|while|yet|though|although)\b",
                        re.I)
_EN_KEPT = re.compile(r"\b(?:didn'?t|did not|couldn'?t|could not|can'?t|cannot|wasn'?t able to|weren'?t able to|"
                      r"failed to|unable to|(?:don'?t|do not|never) forget(?: to)?|remember to|"
                      r"(?:am|'m|is|are|was|were)\s+not|isn'?t|aren'?t|wasn'?t|weren'?t)\b", re.I)
_EN_NEGATED = re.compile(r"\b(?:don'?t|do not|never|stop|quit|avoid|no more|no longer|not|no|shouldn'?t|"
                         r"should not|mustn'?t|must not|less|without)\b", re.I)
#: In English the mark of a wish overdone follows its words, after the thing it was done to, if
#: named ("elaborated on the story too much", "cut it down too much").
_EN_OVERDONE = re.compile(r"(?:\s+(?:down|back|out|up)\b)?(?:\s+(?:(?:on|about|into|upon|with)\s+)?(?:it|that|this|them|"
                          r"things|(?:the|my|each|every|a|an)\s+(?:\w+\s+)?\w+)\b)?(?:\s+(?:down|back|out|up)\b)?"
                          r"\s*(?:(?:a\s+(?:bit|little)|way|far|much)\s+)?(?:too\s+(?:much|far)\b|"
                          r"than\s+(?:(?:i|we)\s+(?:had\s+)?(?:wanted|planned|intended|meant|needed|expected|hoped|"
                          r"should(?:\s+have)?)|needed|necessary|planned|intended)\b)", re.I)
#: In Japanese 〜すぎ (過ぎ) on the verb the wish goes on ("話を広げすぎた", "詳しく説明しすぎた",
#: "エピソードを膨らませすぎた", "短くまとめすぎた"): a few letters of that verb, in one clause, up
#: to すぎ; not through a particle or a form that starts another clause (が, は, も, て, た, ば,
#: ら, ず: "詳しく話したら長すぎた"), nor into another word's すぎ (長, 短, 速, 早, 遅, 少, 多).
#: So is a length gone too long in the same clause ("詳しく話したら長くなった", "話を広げて長すぎた").
_JA_OVERDONE = re.compile(r"[^\s、。,.!?！？/()（）「」がはもてたばらず長短速早遅少多]{0,5}?(?:すぎ|過ぎ)|"
                          r"[^\s、。,.!?！？/()（）「」]{0,8}?長(?:すぎ|過ぎ|く(?:なっ|なり|なる)|かった)")
#: A wish for a shorter answer by its own words (not a limit, nor the time or the budget):
#: overdone ("cut it down too much", 「短くまとめすぎた」, 「簡潔にしすぎた」), it asks for a longer one.
_SHORTEN = re.compile(r"\bshort(?:er|en\w*)?\b|\bconcise|\bbrief|\bsuccinct|\bcondens\w*|\bcompact|\bcut\b|\btrim|"
                      r"簡潔|短く|短め|手短|コンパクト|端的|短縮|簡単に|切り上げ|絞|削|まとめ", re.I)
_JA_CLAUSE = re.compile(r"[、。,.!?！？/\n]|けど|けれど|ので|から|が、")
_JA_KEPT = re.compile(r"なかった|ませんでした|ていない|てない|ていません|できない|できず|足りな|ないと|なければ|なきゃ|"
                      r"なくては|なくちゃ|忘れ(?:ず|ない)")
_JA_NEGATED = re.compile(r"ない|ず(?!つ|っと)|ぬ|ません|(?<=[るう])な$")
_JA_CHAR = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _negated(text: str, start: int, end: int) -> bool:
    """Are the words ``text[start:end]`` negated where they stand (the rules above)?"""
    if _JA_CHAR.search(text[start:end]):
        after = _JA_CLAUSE.split(text[end:end + 12], maxsplit=1)[0]
        return not _JA_KEPT.search(after) and bool(_JA_NEGATED.search(after))
    before = text[:start]
    bounds = [m.end() for m in _EN_CLAUSE.finditer(before)]
    clause = before[bounds[-1] if bounds else 0:]
    after = _EN_CLAUSE.split(text[end:], maxsplit=1)[0]
    if _EN_KEPT.search(clause) or re.search(r"\benough\b", after, re.I):  # "not slowing down enough"
        return False
    return bool(_EN_NEGATED.search(clause))


def _overdone(text: str, start: int, end: int) -> bool:
    """Do the words ``text[start:end]`` of a wish say it was overdone ("elaborated too much",
    「話を広げすぎた」: :data:`_EN_OVERDONE`, :data:`_JA_OVERDONE`)?"""
    overdone = _JA_OVERDONE if _JA_CHAR.search(text[start:end]) else _EN_OVERDONE
    return bool(overdone.match(text, end))


def _asks(cue: _Cue, text: str, start: int, end: int) -> tuple[bool, str | None]:
    """Does the cue read at ``text[start:end]`` ask for its figure, and in which direction?"""
    if not cue.fault and cue.want and _overdone(text, start, end):
        return True, "higher" if cue.want == "lower" else "lower"
    if cue.fault or not _negated(text, start, end):
        return True, cue.want
    if cue.want is None:
        return False, None  # "don't keep it short": nothing to reverse
    return True, "higher" if cue.want == "lower" else "lower"


_ANY_SECONDS = re.compile(rf"{_JA_SECONDS}|{_SECONDS}", re.I)


def _silence_timeless(text: str) -> str:
    """``text`` with the time of each silence's length told (:data:`_SILENCE_SPAN`) blanked, its
    words kept: 「6秒くらい止まった」 is a note about a freeze, not about the answer's length."""
    return _SILENCE_SPAN.sub(lambda m: _blank(_ANY_SECONDS, m.group()), text)


def _blank(pattern: re.Pattern[str], text: str) -> str:
    """``text`` with what ``pattern`` matches replaced by spaces (the offsets stay)."""
    return pattern.sub(lambda m: " " * len(m.group()), text)


def _one_want(wants: list[str | None]) -> str | None:
    """The direction of several cues of one figure: the one they ask for ("pace: slow down" is
    lower); none where they disagree."""
    said = {w for w in wants if w}
    return said.pop() if len(said) == 1 else None


def note_targets(text: str, language: str | None) -> list[tuple[str, str | None]]:
    """The metrics a note is about, each with a wanted direction (``lower``/``higher``/None =
    the metric's own), read by :data:`_CUES` (a negated cue: :class:`_Cue`). A note about
    fearing or filling silence is about fillers, and its silence words (like those of a note
    asking to pause, or to pause more: no figure measures a pause taken on purpose) do not make
    it a note about pauses; a pause word elsewhere in the note ("froze after the first point")
    still does. A wish for a longer answer (``answer_s``) is judged by its direction only: the
    length has no norm of its own."""
    return _read(text, language)[0]


def note_limit(text: str) -> float | None:
    """The limit in seconds a note sets on the answer's length ("keep it under 30 seconds",
    "one minute max", 「20秒以内」, 「1分を超えた」), or None; the tightest where it names several.
    A limit negated ("don't go under 30 seconds") is none."""
    return _read(text, None)[1]


def note_target(text: str) -> float | None:
    """The length in seconds a note aims at without capping it ("about a minute", "aim for 90
    seconds", 「1分程度で話す」, 「1分くらい」: :data:`_APPROX`), or None; a limit named as well
    ("under 90 seconds") is the one the answer is judged against (:func:`note_limit`)."""
    return _note_aim(text, note_limit(text))


def _note_aim(text: str, limit: float | None) -> float | None:
    """:func:`note_target` of ``text`` whose limit, as it is read (:func:`_read`), is ``limit``."""
    if limit is not None:
        return None
    # 「20秒ほどオーバーした」: how far over, 「6秒くらい止まった」: how long a freeze; no length to aim at
    aims = _silence_timeless(_blank(_OVERRUN, text))
    found = next((m for m in _APPROX.finditer(aims) if not _negated(text, m.start(), m.end())), None)
    return _amount_s(found.group()) if found else None


#: A filler written in katakana as students write sounds (アー, エート, アノー): read as its kana.
_KATA_FILLER = re.compile(r"(?<![ァ-ヶ])(?:[アエウ]ー+|アノー*|エ[ーッ]?ト|ソノー+|ウーン)(?![ァ-ヶー])")


def _spelled(text: str) -> str:
    """``text`` with a filler's long sound written 〜 (え〜, あ〜: a wave dash after kana, not a
    range's 30〜40) and a filler written in katakana (:data:`_KATA_FILLER`) as the fillers
    lists write them (えー, あー, えーと), character for character (a cue's place is unchanged)."""
    text = re.sub(r"(?<=[ぁ-ゖァ-ヶ])[〜～]", "ー", text)
    return _KATA_FILLER.sub(lambda m: "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in m.group()), text)


def _read(text: str, language: str | None, *, overran: float | None = None,
          budget: float | None = None) -> tuple[list[tuple[str, str | None]], float | None]:
    """:func:`note_targets` and :func:`note_limit` of ``text``; where the note check knows them,
    ``overran``, how far the answer the note is on ran over its budget (its ``over_s``), and the
    question's ``budget``, tell an overrun from a limit where the words alone do not
    (:func:`_own_limit`)."""
    text = _spelled(text)
    feared = bool(_FEARED_SILENCE.search(text))
    wants: dict[str, list[str | None]] = {"fillers_per_min": [None]} if feared else {}
    limits: list[float] = []
    rest = _take((_PAUSE_FIRST,), text, text, wants, limits)
    unread = _blank(_SENTENCE_LENGTH, _blank(_ALLOW_PAUSE, _blank(_FEARED_SILENCE, rest)))
    rest = _take(_CUES, text, _silence_timeless(unread), wants, limits, (overran, budget))
    return _listed(wants, language), min(limits, default=None)


def _take(cues: Sequence[_Cue], text: str, rest: str, wants: dict[str, list[str | None]], limits: list[float],
          known: tuple[float | None, float | None] = (None, None)) -> str:
    """Read ``cues`` in turn over ``rest`` (``text`` with what was read already blanked): each
    figure asked for, with its direction, into ``wants``, each limit into ``limits`` (read as
    ``known``, the overrun and the budget: :func:`_own_limit`); ``rest`` with what they read
    blanked in its turn."""
    for cue in cues:
        spans = [(m.start(), _word_end(rest, m.end())) for m in cue.pattern.finditer(rest) if m.group().strip()]
        for start, end in spans:
            rest = rest[:start] + " " * (end - start) + rest[end:]
            if cue.metric == "over_s" and not cue.fault and _SHORTEN.search(text, start, end) \
                    and _overdone(text, start, end):
                wants.setdefault("answer_s", []).append("higher")  # "cut it down too much": longer
                continue
            asked, want = _asks(cue, text, start, end)
            if asked:
                wants.setdefault(cue.metric, []).append(want)
                limit = _own_limit(text, start, end, *known) if cue.metric == "over_s" else None
                limits += [limit] if limit else []
    return rest


def _own_limit(text: str, start: int, end: int, overran: float | None, budget: float | None) -> float | None:
    """The limit an over-budget cue read at ``text[start:end]`` sets (:func:`_limit_s`), or None:
    none for how far an answer ran over (:data:`_OVERRUN`), nor, where the note check knows
    what tells them apart, for a time whose words alone do not say whether it is an overrun: a
    bare 「20秒超えた」 (:data:`_BARE_PAST`) on an answer that ran about 20 s over its budget
    (``overran``: :func:`_overran_about`), and 「20秒オーバーしないように」 (:data:`_OVERRUN_WISH`)
    on a question whose ``budget`` is longer (not to run 20 s over it: the budget is the limit)."""
    if _OVERRUN.match(text, start):
        return None
    limit = _limit_s(text, start, end)
    if limit is None:
        return None
    found = next(m for m in _LIMIT.finditer(text, start) if m.start() < end)
    bare = _BARE_PAST.match(text, found.start())
    if bare and bare.end() == found.end() and _overran_about(limit, overran):
        return None
    wish = _OVERRUN_WISH.match(text, found.start())
    if wish and wish.end() == found.end() and budget and limit < budget:
        return None
    return limit


def _overran_about(seconds: float, overran: float | None) -> bool:
    """Did an answer that ran ``overran`` seconds past its budget (its ``over_s``: negative
    within it) run over by about ``seconds``, as a note rounds it (22.5 s over: 「20秒」)?
    Within 30 % of it, or 5 s."""
    return overran is not None and overran > 0 and abs(overran - seconds) <= max(5.0, 0.3 * seconds)


def _word_end(text: str, end: int) -> int:
    """``end``, moved to the end of the English word it falls inside: a cue that reads the
    start of a word ("brief" of "briefer") reads the whole word, so that its tail ("er") is not
    left to be read as a word of its own (a filler)."""
    while end < len(text) and (text[end].isascii() and (text[end].isalnum() or text[end] == "'")) \
            and end > 0 and text[end - 1].isascii() and text[end - 1].isalnum():
        end += 1
    return end


def _listed(wants: Mapping[str, list[str | None]], language: str | None) -> list[tuple[str, str | None]]:
    """The figures of ``wants`` in :data:`_ORDER`, each with its one direction."""
    out: list[tuple[str, str | None]] = []
    for name in _ORDER:
        if name not in wants:
            continue
        want = _one_want(wants[name])
        if name == "answer_s" and want is None:
            continue  # a length asked both longer and shorter: no direction to judge it by
        out.append((judged_pace(language) if name == "rate" else name, want))
    return out


_EN_COUNT = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
             "nine": 9, "ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
             "ninety": 90, "half a": 0.5, "half an": 0.5}
_EN_AMOUNT = re.compile(rf"(?P<n>{_EN_NUM})(?P<and_half>\s+and\s+a\s+half)?\s*-?\s*(?P<u>{_EN_UNIT})(?:\s*(?:and\s+)?(?:(?P<half>a\s+half)|"
                        rf"(?P<s>\d+|{_EN_TENS})(?:\s*(?:s|secs?|seconds?)\b|\b)))?", re.I)
_JA_AMOUNT = re.compile(rf"(?P<n>{_JA_NUMBER})\s*(?:(?P<u>分)\s*(?:(?P<s>{_JA_NUMBER})\s*秒?|(?P<half>半))?|秒)")
_CLOCK = re.compile(r"(?P<m>\d+):(?P<s>[0-5]\d)\b")


def _limit_s(text: str, start: int = 0, end: int | None = None) -> float | None:
    """The seconds of a limit :data:`_LIMIT` reads in ``text[start:end]`` (what follows read with
    it: 「30秒オーバーしないように」 is a limit, 「30秒オーバーした」 none), or None."""
    end = len(text) if end is None else end
    found = next((m for m in _LIMIT.finditer(text, start) if m.start() < end), None)
    return _amount_s(found.group()) if found else None


def _amount_s(words: str) -> float | None:
    """The seconds of the first length of time written in ``words`` ("1 min 30", "1:30",
    「1分半」), or None."""
    if clock := _CLOCK.search(words):
        return float(int(clock.group("m")) * 60 + int(clock.group("s"))) or None
    m = _JA_AMOUNT.search(words) or _EN_AMOUNT.search(words)
    if not m:
        return None
    n = m.group("n")
    count = _EN_COUNT.get(" ".join(n.lower().split())) or _number(n)
    count += 0.5 if m.groupdict().get("and_half") else 0  # "one and a half minutes"
    minutes = bool(m.group("u")) and m.group("u").lower().startswith(("m", "分"))
    seconds = count * 60 if minutes else count
    if m.group("half"):
        seconds += 30 if minutes else 0.5
    extra = m.group("s")
    return float(seconds + ((_EN_COUNT.get(extra.lower()) or _number(extra)) if extra else 0)) or None


def _number(written: str) -> float:
    """A number written in digits (half- or full-width) or kanji (三十, 百二十, as budgets read
    them: :func:`furikaeri.questions.kanji_number`); 0 for one no one writes."""
    from furikaeri.questions import kanji_number

    written = unicodedata.normalize("NFKC", written)
    try:
        return float(written)
    except ValueError:
        return float(kanji_number(written) or 0)


# --------------------------------------------------------------------------- a note against the norm


def pulls_away(metric: Metric, before: float | None, want: str | None) -> bool:
    """Does a note that wants ``metric`` ``lower``/``higher`` ask it further from its norm?
    Only when the figure was already outside its band on that side ("slow down" at 4.6 拍/秒,
    under the 5.3–8 band), or past its limit ("pause before answering" after 6 s of silence
    before the first word): the note then pulls away from the norm."""
    if before is None or want not in ("lower", "higher"):
        return False
    if metric.better == "band" and metric.band:
        lo, hi = metric.band
        return (want == "lower" and before < lo) or (want == "higher" and before > hi)
    bounds = norm_bounds(metric)
    if bounds is None or not off_norm(metric, before):
        return False
    return bounds[1 if want == "higher" else 0] is not None  # past a ceiling and asked higher, or a floor and lower


def note_change(metric: Metric, before: float | None, after: float | None, want: str | None) -> Change:
    """A targeted figure's change, judged by the note's wanted direction ``want`` (None: the
    metric's own) and never against the norm it is shown beside.

    When the note pulls away from the band (:func:`pulls_away`), the note and the norm disagree
    on every move, and the verdict says both in one word instead of "worse" beside the change
    table's "better": ``toward_norm`` (against the note, toward the band: "faster, against
    your note, but toward the usual range") or ``away_from_norm`` (as the note asked, away from
    the band). A move that also overshoots the band, further out on its far side, is ``worse``
    either way; an unmoved figure is ``same``.

    A note followed past the band from inside or beyond its other side ("slow down" from 6.0 to
    5.0 拍/秒, band 5.3–8; "speak faster" from 80 to 176 wpm, band 120–160) is ``overshot``:
    done as asked, and now out on the far side, which neither "worse" nor "better" says. One
    pulled away from the band and moved against the note right across it, ending nearer it
    ("don't rush" at 99 wpm, then 174, band 120-160) is ``across_norm``: against the note, and
    out on the band's other side, never "toward the usual range" beside a report that says it
    is too fast now."""
    c = change(metric, before, after, want=want)
    if c.verdict in ("better", "worse") and _overshot(metric, c, want):  # 80 -> 176 wpm on "speak faster"
        return replace(c, verdict="overshot")
    if c.verdict not in ("better", "worse") or c.delta is None or not pulls_away(metric, before, want):
        return c
    own = change(metric, before, after).verdict  # the norm's: what the change table says
    if own == "better":  # nearer the band: into it or toward it, or right across it (then no "toward")
        return replace(c, verdict="across_norm" if across_band(metric, before, after) else "toward_norm")
    if (c.delta < 0) == (want == "lower"):  # moved as the note asked
        return replace(c, verdict="away_from_norm")
    return replace(c, verdict=own)


def across_band(metric: Metric, before: float | None, after: float | None) -> bool:
    """Did a figure judged by a band go from outside it on one side to outside it on the other
    (outside as the report shows it: :func:`furikaeri.metrics.in_norm`)?"""
    if before is None or after is None or metric.better != "band" or not metric.band:
        return False
    if in_norm(metric.name, before) or in_norm(metric.name, after):
        return False
    middle = sum(metric.band) / 2
    return (before < middle) != (after < middle)


def _overshot(metric: Metric, c: Change, want: str | None) -> bool:
    """Did a figure move as the note asked (``want``) and land past its band's far side, or
    past its limit ("pause before answering", 0.8 s and then 7 s: a freeze)?"""
    if c.delta is None or c.after is None or want not in ("lower", "higher") or pulls_away(metric, c.before, want):
        return False
    if not ((c.delta < 0) if want == "lower" else (c.delta > 0)):
        return False
    if metric.better == "band" and metric.band:
        lo, hi = metric.band
        return c.after < lo if want == "lower" else c.after > hi
    bounds = norm_bounds(metric)
    return bounds is not None and bounds[1 if want == "higher" else 0] is not None and off_norm(metric, c.after)


# --------------------------------------------------------------------------- counts and their jitter

#: Per-minute figures that are a count over the answer's length, and the count behind each.
COUNTED = {"fillers_per_min": "filler_count", "repetitions_per_min": "repetitions", "long_pauses_per_min": "long_pauses"}
#: How far two hearings of one recording differ in such a count (:data:`furikaeri.norms.COUNT_JITTER`):
#: a filler is heard or missed one at a time, so a difference of one is the recogniser, not the speaker.
COUNT_JITTER = norms.COUNT_JITTER
#: Counts rebuilt from stored rates (rounded to 0.01 a minute) are whole give or take this.
COUNT_ROUNDING = 0.1


def _sample(metrics: Mapping[str, Any], name: str) -> tuple[float, float] | None:
    """``(count, minutes)`` behind a per-minute figure: the minutes are the answer's (the span
    the rate was taken over), the count the rate times them (the count as the figure shown
    has it; the stored count where the length is unknown). None when the figure is missing."""
    rate = metrics.get(name)
    count = metrics.get(COUNTED[name])
    answer_s = metrics.get("answer_s")
    if rate is None:
        return None
    if answer_s:
        return rate * answer_s / 60.0, answer_s / 60.0
    if count and rate:
        return float(count), count / rate
    return None


def within_jitter(name: str, before: Sequence[Mapping[str, Any]], after: Sequence[Mapping[str, Any]]) -> bool:
    """Is the change in the per-minute count ``name`` between the answers ``before`` and
    ``after`` (one answer each, or the answers of two sessions) no more than the recogniser's
    jitter (:data:`COUNT_JITTER`)?

    The rule: a per-minute change is a change only when the fillers behind it differ by more
    than the jitter: between two answers, the rates' difference over the shorter answer's
    length, i.e. how many fillers the shorter answer would have had to be misheard by (5 -> 6
    fillers in 32 s reads 9.4 -> 11.3 a minute, and is no change; 4 in 20 s -> 5 in 40 s is 12
    -> 7.5 a minute, 1.5 fillers of the 20 s: a change, though the counts differ by one);
    between two sessions, their mean rates' difference times the shorter session's median
    answer length (how many fillers an answer of that length would have had to be misheard
    by), the rule a progress trend over the same answers follows (:func:`furikaeri.progress.
    _within_jitter`), so the two never disagree on one change.
    It comes on top of the figure's own threshold (:data:`furikaeri.metrics.METRICS`), which
    a short answer passes with a single filler. Only the measurement's jitter is discounted,
    not the count's spread from answer to answer (Poisson): 10 fillers and then 7 is 3 fewer
    actually said, and the comparison is of what was said."""
    sb = [x for x in (_sample(m, name) for m in before) if x]
    sa = [x for x in (_sample(m, name) for m in after) if x]
    if not sb or not sa:
        return False  # nothing to judge the jitter by: the figure's own threshold decides
    if len(sb) == 1 and len(sa) == 1:
        (cb, mb), (ca, ma) = sb[0], sa[0]
        if name == "long_pauses_per_min" and len(before) == len(after) == 1 \
                and _pause_beyond_jitter(cb, ca, before[0], after[0]):
            return False
        fillers = abs(cb / mb - ca / ma) * min(mb, ma)
    else:  # over the shorter end's usual length, as a progress trend over the same answers (QA s42 C #2)
        minutes = min(statistics.median(m for _, m in sb), statistics.median(m for _, m in sa))
        mean_b = sum(c / m for c, m in sb) / len(sb)
        mean_a = sum(c / m for c, m in sa) / len(sa)
        fillers = abs(mean_a - mean_b) * minutes
    return fillers < COUNT_JITTER + COUNT_ROUNDING  # 5 and 6 differ by one, 5 and 7 by two


#: Per-minute counts whose change is told only where the count moved the same way: the long
#: pauses, whose norm is a count (none), and which an answer that merely ran longer (or shorter)
#: moves a minute without one freeze more or fewer (11, then 11 long pauses over 81 s and 93 s:
#: 8.1 -> 7.1 a minute read "better" under 「頭が真っ白になった」, QA s41 A1 #1; 14 -> 13 over 87 s
#: and 69 s read "better" on the count, QA s40 Z5 #1). Fillers and repeated words are a density
#: habit, told a minute (METRICS.md).
COUNT_AND_RATE = frozenset({"long_pauses_per_min"})


def count_disagrees(name: str, before: Sequence[Mapping[str, Any]], after: Sequence[Mapping[str, Any]]) -> bool:
    """Is ``name`` one of :data:`COUNT_AND_RATE` whose count (each end's mean over its answers)
    did not move the way its rate did, held or went the other way? Unknown counts: no."""
    if name not in COUNT_AND_RATE:
        return False
    counts = [[m.get(COUNTED[name]) for m in end] for end in (before, after)]
    rates = [[m.get(name) for m in end] for end in (before, after)]
    if not all(counts) or not all(rates) or any(v is None for end in counts + rates for v in end):
        return False
    (cb, ca), (rb, ra) = ([sum(end) / len(end) for end in pair] for pair in (counts, rates))
    sign = lambda x: (x > 1e-9) - (x < -1e-9)  # noqa: E731
    return sign(ca - cb) != sign(ra - rb)


def _pause_beyond_jitter(count_before: int, count_after: int, before: Mapping[str, Any],
                        after: Mapping[str, Any]) -> bool:
    """Is a long pause that one answer has and the other has none of one far past the long
    pause's threshold (:data:`furikaeri.norms.LONG_PAUSE_S`, by half a second or more)? A pause
    is measured from the audio, to a tenth or two: one of 1.1 s may read 0.9 s, one of 5.8 s
    never goes unmeasured, so it is no jitter (QA s54 AK #5: a 5.8-s silence put into an answer
    read "= same, within what the pause measure can be off by")."""
    if min(count_before, count_after) != 0:
        return False
    longest = (after if count_after else before).get("longest_pause_s")
    return isinstance(longest, (int, float)) and longest >= norms.LONG_PAUSE_S + 0.5


def settle_counts(c: Change, before: Mapping[str, Any] | Sequence[Mapping[str, Any]],
                  after: Mapping[str, Any] | Sequence[Mapping[str, Any]]) -> Change:
    """``c``, a change of a per-minute count (:data:`COUNTED`), as "same" when it is within the
    count's jitter (:func:`within_jitter`), or its count did not move with it
    (:func:`count_disagrees`); any other change as it is. ``before``/``after``: the metrics of
    the two answers, or the lists of metrics of two sessions' answers."""
    if c.metric not in COUNTED or c.verdict in ("same", "n/a"):
        return c
    b = [before] if isinstance(before, Mapping) else list(before)
    a = [after] if isinstance(after, Mapping) else list(after)
    settled = (not mean_crossed(c, b, a) and within_jitter(c.metric, b, a)) or count_disagrees(c.metric, b, a)
    return replace(c, verdict="same", by_answers=False) if settled else c


def mean_crossed(c: Change, before: Sequence[Mapping[str, Any]], after: Sequence[Mapping[str, Any]]) -> bool:
    """Is ``c`` a mean or trend over several answers at one end that went into its norm or left
    it? Then the recogniser's jitter does not settle it: the README's promise, "a mean or trend
    shown leaving the range is 'left the range', never 'same'" (QA s44 J #1: long pauses 0 -> 2.5
    a minute over two answers, three of them in one, read "= same, within what the recogniser
    mishears" beside the pair's "▼ left the range"). One answer to another keeps the jitter's rule:
    one filler more is no change."""
    return (len(before) > 1 or len(after) > 1) and crossed(c.metric, c.before, c.after)


# --------------------------------------------------------------------------- a filler named

#: The figure of a filler a note names by its word ("fewer 'like'", 「なんかを減らす」): its count
#: in each answer (:class:`WordChange`), in place of all the fillers a minute.
FILLER_WORD = "filler_word"
#: The verdict of a filler a note names that neither answer said ('um': 0 -> 0 beside other
#: fillers): not heard, so it says nothing of the note; the fillers said are judged instead.
UNHEARD = "unheard"

#: Fillers by family: each key with the forms the rules write it in (the fillers lists of stored
#: analyses: えーと, えっと, ええと, えーっと and a clipped っと are one; えー, えぇ, ええ, え
#: another; um, umm and Um one), in the order a form is tried (longer forms first).
_FAMILIES: tuple[tuple[str, str], ...] = (
    ("なんていうか", r"(?:なん|何)(?:て|と)(?:いう|言う|ゆう)(?:んですかね|んでしょうか|か)?[ねな]?"),
    ("えーと", r"え[ーぇえ]*っ?とー*(?:ですね)?|っとー*"),
    ("えー", r"え[ーぇえ]*"),
    ("あのー", r"あの[ーぉう]*(?:ですね)?"),
    ("そのー", r"その[ーぉう]*(?:ですね)?"),
    ("まあ", r"ま[あぁー]*"),
    ("なんか", r"なんかー*"),
    ("うーん", r"う[ーぅ]+[んむ]?|んー+と?"),
    ("あー", r"あ[ーぁあ]*"),
    ("um", r"u+m+s?"),
    ("uh", r"u+h+m*s?"),
    ("er", r"e+r+m*s?|e+h+m*s?"),
    ("ah", r"a+h+s?"),
    ("hmm", r"h+m+s?|m{2,}"),
    ("like", r"likes?"),
    ("okay", r"ok(?:ay)?s?"),
    ("you know", r"you\s+knows?"),
    ("i mean", r"i\s+means?"),
)
#: The fillers a note names by their words, as :data:`_CUES` reads them (a word only where the
#: note talks about it as a word: "so many likes" names "like", not "so").
_NAMED_WORD = re.compile(
    r"なん(?:て|と)いうか|え[ーぇえ]*っと|え[ーぇえ]*と(?!か)|え[ーぇえ]+|あのー*|まあ|なんか|うー*ん|あー+|うー+|そのー+|"
    rf"(?<=[「『\"“'‘]){_JA_QUOTED}(?=[」』\"”'’])|(?<=[\"“'‘「]){_EN_QUOTED}(?:s|'s)?(?=[\"”'’」])|"
    rf"\b(?:u+m+|u+h+m*|e+r+m*|a+h+|h+m{{2,}}|{_EN_FILLER})s?\b", re.I)
#: Words naming fillers in general ("fillers", 「フィラー」): the rate of them all stays a target.
_ALL_FILLERS = re.compile(r"filler|フィラー", re.I)


def filler_key(text: str) -> str:
    """The family of a filler as written ("Umm" and "um" are ``um``; 「ええと」, 「えっと」 are
    ``えーと``): how a note's word and an answer's fillers are matched (:data:`_FAMILIES`)."""
    said = _spelled(_as_written(text))
    key = next((key for key, form in _FAMILIES if re.fullmatch(form, said)), None)
    plural = re.fullmatch(rf"({_EN_PLAIN})(?:'s|s)", said)  # "actuallys", "so's": the word a note means
    return key or (plural.group(1) if plural else said)


def _as_written(text: str) -> str:
    """A filler as written, in one form: NFKC, lower case, no quotes or punctuation round it."""
    return " ".join(unicodedata.normalize("NFKC", text).lower().strip(" ()（）、,.。!?「」'\"“”‘’").split())


def said_as(word: str, *fillers: Sequence[str], named: Sequence[str] | None = None) -> str:
    """Filler family ``word`` as the answers' ``fillers`` lists (the later first) write it, as
    their reports show it: 「えっと」 where the note says えーと and the report lists えっと×4
    (QA s38 G #5); two forms when they wrote two (「えっと/えーと」); ``word`` itself when
    neither said it. ``named``: a fix's filler words, as :func:`_of_family` takes them."""
    counts: dict[str, int] = {}
    for said in reversed(fillers):
        for f in said:
            shown = _as_written(f)
            if shown and _of_family(word, f, named):
                counts[shown] = counts.get(shown, 0) + 1
    forms = sorted(counts, key=lambda x: -counts[x])[:2]
    return "/".join(forms) if forms else word


def named_fillers(text: str, language: str | None) -> tuple[tuple[str, ...], bool]:
    """The filler families a note names by their words ("stop saying um", 「えーとを言わない」),
    in the order named, and whether it names fillers in general as well ("fewer fillers, esp.
    'like'"). Only a note about fillers (:func:`note_targets`) names any."""
    if not any(name == "fillers_per_min" for name, _ in note_targets(text, language)):
        return (), False
    text = _spelled(text)
    words: list[str] = []
    general = bool(_FEARED_SILENCE.search(text))
    cue = next(c for c in _CUES if c.metric == "fillers_per_min")
    for m in cue.pattern.finditer(text):
        found = [w for w in _NAMED_WORD.finditer(text, m.start(), min(len(text), m.end() + 8)) if w.start() < m.end()]
        general = general or (not found and bool(_ALL_FILLERS.search(m.group())))
        words += [filler_key(w.group()) for w in _listed_with(text, found[0])] if found else []
    return tuple(dict.fromkeys(words)), general or not words


#: What joins fillers named in one list ("ums and likes", "likes or you knows", 「なんか、まあ」,
#: 「えーとやあの」): each of them is named, not only the one the cue read.
_LIST_JOIN = re.compile(r"[」』\"”'’]?\s*(?:,|、|，|・|/|&|と|や|とか|か)?\s*(?:(?:and|or|nor|plus)\s+)?"
                        r"(?:(?:the|all\s+the|those)\s+)?[「『\"“'‘]?", re.I)


def _listed_with(text: str, first: re.Match[str]) -> list[re.Match[str]]:
    """``first``, a filler a note names, with the fillers listed beside it, before and after:
    named words (:data:`_NAMED_WORD`) joined to it only by a list's joiners (:data:`_LIST_JOIN`)."""
    words = list(_NAMED_WORD.finditer(text))
    at = next(i for i, w in enumerate(words) if w.start() == first.start())
    out = [words[at]]
    for step in (1, -1):
        i = at
        while 0 <= i + step < len(words):
            a, b = (words[i], words[i + step]) if step == 1 else (words[i + step], words[i])
            gap = text[a.end():b.start()]
            if not gap.strip() and _JA_CHAR.search(a.group()) is None or not _LIST_JOIN.fullmatch(gap):
                break
            out.insert(len(out) if step == 1 else 0, words[i + step])
            i += step
    return out


@dataclass(frozen=True)
class WordChange(Change):
    """The count of one filler a note names (``word``, its family: :func:`filler_key`) in the
    two answers, ``before``/``after``; judged on it a minute, with the jitter of any filler
    count (:func:`word_change`), so ``rate_before``/``rate_after`` go with it."""

    word: str = ""
    rate_before: float | None = None
    rate_after: float | None = None
    #: The family as the two answers wrote it (:func:`said_as`): what the line names.
    said: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "word": self.word, "said": self.said or self.word,
                "before_per_min": self.rate_before, "after_per_min": self.rate_after}


#: English hesitation sounds: a note naming one names them all ("fewer ums" over answers of 6
#: and 4 "uh"s read "'um': 0 -> 0, not heard": QA s46 AA #4); people write "um" for any of them.
_SOUNDS = frozenset({"um", "uh", "er", "ah", "hmm"})


#: Families a real interview's fix names along with its word: 「えーが多かった」 means the えっと
#: and えーと said too (QA s50 NN #6: 「えー」 0 ✓ beside an answer of えっと and えーと), unless the
#: fix names those on their own (「えーとえーが多い」: each counted once, under its own word).
_WIDER: dict[str, frozenset[str]] = {"えー": frozenset({"えーと"})}


def _of_family(word: str, filler: str, named: Sequence[str] | None = None) -> bool:
    """Is ``filler`` (as an answer lists it) of the family a note names as ``word``? With the
    note's or fix's ``named`` words (:func:`word_change`, :func:`check_stand`), of one that word
    names too (:data:`_WIDER`) where they leave it to it: 「えーを減らす」 counts えっと in a
    practice note's check as in a real interview's fix (QA s52 AC #1: "improved 4 → 0" beside
    the fix's "6 ✗" on one answer of six えっと)."""
    key = filler_key(filler)
    return key == word or (word in _SOUNDS and key in _SOUNDS) \
        or (named is not None and key in _WIDER.get(word, ()) and key not in named)


def word_change(word: str, before: Sequence[str], after: Sequence[str], before_s: float | None,
                after_s: float | None, named: Sequence[str] = ()) -> WordChange:
    """The change of filler ``word`` from the answer with fillers ``before`` (``before_s`` seconds
    long) to the one with ``after``: lower a minute is better, by the rule of any filler count
    (:func:`within_jitter`): a change of no more than :data:`COUNT_JITTER` of it over the shorter
    answer is no change (「なんか」 once, then never, in answers of one length: the recogniser
    may have heard one that was not said, or missed one that was). Without the lengths, the
    counts alone. Said in neither answer, :data:`UNHEARD`: "held" would claim a habit kept at bay
    that the two answers do not show."""
    nb = sum(_of_family(word, f, named or (word,)) for f in before)
    na = sum(_of_family(word, f, named or (word,)) for f in after)
    rate_b = rate_a = None
    if before_s and after_s:
        rate_b, rate_a = round(nb * 60.0 / before_s, 2), round(na * 60.0 / after_s, 2)
        moved = (na * 60.0 / after_s - nb * 60.0 / before_s) * min(before_s, after_s) / 60.0  # over the shorter
    else:
        moved = float(na - nb)
    verdict = UNHEARD if nb == na == 0 else "same" if abs(moved) <= COUNT_JITTER + 1e-9 \
        else "better" if moved < 0 else "worse"
    return WordChange(FILLER_WORD, nb, na, na - nb, verdict, word=word, rate_before=rate_b, rate_after=rate_a,
                      said=said_as(word, before, after, named=named or (word,)))


def _word_changes(text: str, language: str | None, previous: Answer, metrics: Mapping[str, Any],
                  fillers: Sequence[str] | None) -> tuple[tuple[WordChange, ...], bool]:
    """The changes of the fillers a note names (:func:`named_fillers`) between ``previous`` and
    the answer of ``metrics`` and ``fillers``, and whether the note names fillers in general too
    (the rate of them all stays its target). None named, or either answer's fillers unknown (an
    archive that lost its analysis), or either count in doubt (its fillers a minute stored blank:
    :func:`furikaeri.store.unjudged_figures`): no word changes, and the rate is the target."""
    words, general = named_fillers(text, language)
    sound = next((w for w in words if w in _SOUNDS), None)  # "ums and uhs": one family, as first named
    words = tuple(dict.fromkeys(sound if w in _SOUNDS else w for w in words))
    if not words or previous.fillers is None or fillers is None \
            or "fillers_per_min" in metrics and None in (previous.metrics.get("fillers_per_min"),
                                                         metrics.get("fillers_per_min")):
        return (), True
    out = tuple(word_change(w, previous.fillers, fillers, previous.metrics.get("answer_s"), metrics.get("answer_s"),
                            named=words) for w in words)
    if not judged_both("fillers_per_min", previous.metrics, metrics):  # too short for a rate: shown, not judged
        out = tuple(replace(c, verdict="n/a") for c in out)
    return out, general


# --------------------------------------------------------------------------- the opening's order

#: The figure of a note asking to lead with the conclusion: what the opening did in each answer
#: (the analysis' ``opening.order``: ``point_first``, ``story_first``, or None: not told).
OPENING_ORDER = "opening_order"
#: A note asking for the conclusion first, as an order ("結論から話す", "lead with the point",
#: "answer first", 「最初に結論」), not only soon: checked on the opening's order too
#: (:func:`order_change`), beside the time to the point.
_ORDER_WORDS = re.compile(
    r"結論(?:から|ファースト|を?(?:先|最初|冒頭|はじめ|初め)に)|(?:先|最初|冒頭|はじめ|初め)に結論|要点(?:から|を?先に)|"
    r"\b(?:start|begin|open|lead|led)(?:s|ed|ing)?\s+(?:off\s+)?with\s+(?:the\s+|my\s+|a\s+|an\s+)?(?:main\s+)?"
    r"(?:conclusion|point|answer|bottom line|headline|result|takeaway|summary)|"
    r"\b(?:conclusion|point|answer|bottom line|headline)\s+(?:first|up\s*front)|\bburied the (?:lede|lead|point)|\bprep\b",
    re.I)


@dataclass(frozen=True)
class OrderChange(Change):
    """What the opening did in the two answers (``before``/``after``: ``point_first``,
    ``story_first`` or None), under a note asking to lead with the conclusion: a story first,
    then the point, is ``better``; the other way ``worse``; the point first both times ``same``
    (where it should be); either not told, ``n/a`` (no telling)."""


def asks_order(text: str) -> bool:
    """Does a note ask to lead with the conclusion (:data:`_ORDER_WORDS`), not negated?"""
    return any(not _negated(text, m.start(), m.end()) for m in _ORDER_WORDS.finditer(text))


def order_change(before: str | None, after: str | None) -> OrderChange:
    """The opening's order from ``before`` to ``after`` (:class:`OrderChange`)."""
    if before not in TOLD_ORDERS or after not in TOLD_ORDERS:
        verdict = "n/a"
    elif before == after:
        verdict = "same"
    else:
        verdict = "better" if after == "point_first" else "worse"
    return OrderChange(OPENING_ORDER, before, after, None, verdict)  # type: ignore[arg-type]


#: The opening orders an answer's words tell (else None: not told).
TOLD_ORDERS = ("point_first", "story_first")
#: The verdict of a note asking for the conclusion first whose answer's opening order is not told:
#: whether it worked cannot be judged (:func:`_order_told`).
UNTOLD = "untold"


def _order_part(text: str, orders: tuple[str | None, str | None] | None) -> tuple[OrderChange, ...]:
    """The opening's order as a change of a note asking for the conclusion first (:func:`asks_order`):
    none where the note does not ask it, the caller does not know the orders, or neither answer's
    words tell it (a line "cannot tell → cannot tell" says nothing)."""
    if orders is None or not asks_order(text) or not any(o in TOLD_ORDERS for o in orders):
        return ()
    return (order_change(*orders),)


def _order_told(verdict: str, text: str, orders: tuple[str | None, str | None] | None, to_point: bool = False) -> str:
    """``verdict``, for a note asking for the conclusion first, as the order of the latest answer
    allows: "held" (or nothing measured) where that order is not told is :data:`UNTOLD` (the time
    to the point held says nothing of the order the note is about); "held" where the answer
    opened with a story is ``same``, as when both orders are told. A note about the time to the
    point alone (``to_point``): :func:`_point_told`. Where the answer opened with a story again
    and something else the note targeted got better, it is ``mixed``: the order asked for was
    not followed (QA s51 RR #1: "your fix worked" on 「lead with the point」 over a story first,
    for a length 3 s shorter and inside its budget both times)."""
    if orders is None:
        return verdict
    if not asks_order(text):
        return _point_told(verdict, orders) if to_point else verdict
    if orders[1] == "point_first":
        return verdict
    if orders[1] not in TOLD_ORDERS:
        return UNTOLD if verdict in ("held", "unknown") else verdict
    return "same" if verdict == "held" else "mixed" if verdict == "better" else verdict


def _point_told(verdict: str, orders: tuple[str | None, str | None]) -> str:
    """``verdict`` of a note about the time to the point ("get to the point faster"), which
    has no order line of its own, as the report's opening verdicts allow: they call an opening
    on time that starts with a story "fair", so the time held is never "held" (still where it
    should be) where either answer opened with a story. A story now: ``same`` (not yet); a story
    before and the point first now: ``better``, as the report went from fair to good; a story
    before and this order not told: :data:`UNTOLD`."""
    after = orders[1]
    if verdict not in ("held", "unknown") or "story_first" not in orders:
        return verdict
    if after in TOLD_ORDERS:
        return verdict if verdict != "held" else "same" if after == "story_first" else "better"
    return UNTOLD


def opening_order(answer: Answer) -> str | None:
    """The opening's order of a stored answer (read with it, its analysis loaded or not), else None."""
    opening = (answer.analysis or {}).get("opening")
    return opening.get("order") if isinstance(opening, Mapping) else answer.opening_order


# --------------------------------------------------------------------------- the check


@dataclass(frozen=True)
class FixCheck:
    """Whether what the last note asked for happened in this attempt.

    ``verdict``: ``better`` (a targeted figure improved and none got worse), ``held`` (none
    moved, and each is where it should be), ``mixed`` (some better, some worse), ``same``, ``worse``,
    ``off_norm`` (the note asks a figure further from its norm, :func:`pulls_away`, and nothing
    else it targets moved: each such figure's change is ``toward_norm``, ``away_from_norm`` or
    ``same``), ``too_short`` (every figure it targets is a rate or share of an answer too short
    for it, :func:`furikaeri.metrics.judged_value`: no telling), ``untold`` (the note asks for
    the conclusion first and the answer's words do not tell how it opened: :func:`_order_told`),
    or ``unknown`` (the note names
    no measurable figure; then ``changes`` holds every figure that moved). ``wants``: the note's
    wanted direction of each of ``changes`` (None: the figure's own). ``limit_s``: the limit the
    note sets on the answer's length (:func:`note_limit`); the answer's length (``answer_s``,
    with no wanted direction) is then judged against it, in place of the question's budget.
    ``too_short``: the figures of ``changes`` shown and not judged (``n/a``) because one of the
    two answers is too short for them; the answer's length is judged all the same.
    ``short_in``: which answer is the short one then, ``earlier`` (the previous attempt, whose
    note it is), ``latest`` or ``both``: "too short to tell" after an answer inside its budget
    is about the earlier one, and says so. ``target_s``: the length the note aims at
    (:func:`note_target`), which the answer's length is judged against; where that aim is over
    the question's budget, it is ``aim_over_budget_s`` instead, and the length is judged against
    ``budget_s``, the budget (:func:`_aim_in_budget`); a limit over the budget likewise is
    ``limit_over_budget_s``, and ``limit_s`` is then the budget. ``thin``: this answer is under
    :data:`furikaeri.norms.SHORT_ANSWER_SHARE` of its budget (the report's "short"), so that a
    length gone past the note's aim downward is said short for its budget only where the report
    says so too, and else short of the aim (57 s, then 19.8 s of 60 on "about 40 s").
    ``cap_s``: the question's budget, where the note aims at a length: the band around the aim
    stops there (:func:`target_gap`). ``cut_in``: which of the short answers the recording cut
    off (:func:`furikaeri.metrics.cut_off`), ``earlier``, ``latest`` or ``both``: such a take is
    no answer too short, it went on past the recording, and is said so (QA s53 AD #4)."""

    previous_answer_id: int
    note: str
    targeted: bool
    changes: tuple[Change, ...]
    verdict: str
    wants: tuple[str | None, ...] = ()
    limit_s: float | None = None
    too_short: tuple[str, ...] = ()
    short_in: str | None = None
    target_s: float | None = None
    aim_over_budget_s: float | None = None
    budget_s: float | None = None
    thin: bool = False
    limit_over_budget_s: float | None = None
    cap_s: float | None = None
    #: Nothing judged because the figures the note names were left blank, not for damage: a noisy
    #: room's pauses, fillers in doubt (:func:`furikaeri.store.unjudged_figures`; QA s38 W #1: "its
    #: row is damaged" was said): in which answer, ``earlier``, ``latest`` or ``both`` (X #4); None.
    unjudged: str | None = None
    #: The earlier answer's fillers a minute where they are a lower bound its report judged
    #: (:attr:`furikaeri.store.Answer.floors`), stored blank: shown "5.0+", as compare's table
    #: above it shows them (QA s41 D1 #1); None otherwise.
    floor_before: float | None = None
    #: The same of this answer's fillers a minute (QA s46 X #1: "1.6 → –" under "better" where
    #: they were at least 4.5); None otherwise.
    floor_after: float | None = None
    #: The answer whose note this is, where it is not the previous attempt's (which has none): the
    #: latest note on the question, checked on the attempt before this one (QA s45 T #4); None.
    note_answer_id: int | None = None
    cut_in: str | None = None
    #: The seconds the note gives the time to the point ("get to the point within 20 seconds",
    #: 「30秒以内に結論まで言う」: :func:`opening_limit`), where both answers have one: the time
    #: to the point (``opening_s``) is then judged against it, not the share of the budget (QA
    #: s53 AF #7); None otherwise.
    opening_limit_s: float | None = None
    #: A note naming no measured figure, checked on two answers of which no figure compares (one
    #: cut short, too short for its rates, or in a room too loud): not "no figure changed" (QA s55
    #: AO #4: fillers 0.0 -> 4.3 a minute and pace 201 -> 164 wpm beside it).
    nothing_compared: bool = False

    def fine(self, c: Change) -> bool:
        """Is the figure of ``c`` now where the note asks it to be (:func:`is_fine`; a length,
        within the note's limit, or near its target: the budget, where the note aims past it)?"""
        return is_fine(c.metric, c.after, limit=self.limit_s,
                       target=self.target_s if self.target_s is not None else self.budget_s, budget=self.cap_s,
                       opening_limit=self.opening_limit_s)

    def held(self, i: int) -> bool:
        """Did change ``i`` stay where the note asks it to be at both ends (:meth:`fine`), under
        no wanted direction of the note's: what "held" says of it ("'um': 0 → 0", 1.8 → 1.6
        fillers a minute), never a bare "same" that reads as the fix not taken yet."""
        c = self.changes[i]
        target = self.target_s if self.target_s is not None else self.budget_s
        return c.verdict == "same" and not (self.wants[i] if i < len(self.wants) else None) \
            and all(is_fine(c.metric, v, limit=self.limit_s, target=target, budget=self.cap_s,
                            opening_limit=self.opening_limit_s) for v in (c.before, c.after))

    def to_dict(self) -> dict[str, Any]:
        changes = []
        for i, c in enumerate(self.changes):
            d = c.to_dict()
            want = self.wants[i] if i < len(self.wants) else None
            if want:
                d["want"] = want
                m = METRIC_BY_NAME.get(c.metric)
                if m is not None and pulls_away(m, c.before, want):
                    d["note_pulls_away_from"] = list(norm_bounds(m) or ())
            elif c.metric == "answer_s" and self.limit_over_budget_s is not None:  # judged against the budget
                d.update(limit_s=self.limit_over_budget_s, budget_s=self.budget_s)
            elif c.metric == "answer_s" and self.limit_s is not None:
                d["limit_s"] = self.limit_s
            elif c.metric == "answer_s" and self.target_s is not None:
                d["target_s"] = self.target_s
            elif c.metric == "answer_s" and self.aim_over_budget_s is not None:  # judged against the budget
                d.update(target_s=self.aim_over_budget_s, budget_s=self.budget_s)
            if c.metric == "opening_s" and self.opening_limit_s is not None:  # the note's own time to the point
                d["limit_s"] = self.opening_limit_s
            if c.metric in self.too_short:
                d["too_short"] = True
            elif self.held(i):  # unchanged where it should be: the text's "= held" / "= in range" (QA s44 J #9)
                d["held"] = True
            changes.append(d)
        out = {"previous_answer_id": self.previous_answer_id, "note": self.note, "targeted": self.targeted,
               "verdict": self.verdict, "changes": changes}
        if self.short_in is not None:
            out["short_answer"] = self.short_in
        if self.cut_in is not None:
            out["cut_answer"] = self.cut_in
        if self.unjudged:
            out["unjudged"] = self.unjudged
        if self.floor_before is not None:
            out["floor_before"] = self.floor_before
        if self.floor_after is not None:
            out["floor_after"] = self.floor_after
        if self.note_answer_id is not None:
            out["note_answer_id"] = self.note_answer_id
        if self.nothing_compared:
            out["nothing_compared"] = True
        return out


def check_fix(previous: Answer, metrics: dict[str, Any], language: str | None, *,
              note: Note | None = None, fillers: Sequence[str] | None = None,
              orders: tuple[str | None, str | None] | None = None,
              floors: Mapping[str, Any] | None = None) -> FixCheck | None:
    """Compare this attempt's ``metrics`` with the previous attempt, focused on what the note
    targeted: the previous attempt's note, or ``note`` (the latest note on the question, when
    the previous attempt has none). ``None`` when there is no note. ``fillers``: this attempt's
    fillers as listed (:attr:`furikaeri.store.Answer.fillers`): a note naming a filler by its
    word is checked on that word's count (:func:`word_change`), not on all the fillers a minute,
    which remain its target only where the note names fillers in general too. ``orders``: the
    opening's order in the previous answer and this one (:func:`opening_order`), where the
    caller has them: a note asking to lead with the conclusion is checked on it too
    (:func:`order_change`; None: the order is not known, and only the time to the point is).
    ``floors``: this attempt's figures known only as lower bounds (:func:`floor_after`)."""
    text = note_text(previous.note) or note_text(note)
    if not text:
        return None
    check = _check_fix(previous, metrics, language, text, fillers, orders, floors)
    # whose note it is, where not the previous attempt's own
    elsewhere = note.answer_id if note is not None and not note_text(previous.note) else None
    return replace(check, note_answer_id=elsewhere) if elsewhere not in (None, previous.id) else check


def _check_fix(previous: Answer, metrics: dict[str, Any], language: str | None, text: str,
               fillers: Sequence[str] | None, orders: tuple[str | None, str | None] | None,
               floors: Mapping[str, Any] | None = None) -> FixCheck:
    """:func:`check_fix` of the note ``text``."""
    # the length the question asks for, where it does: an answer under half of it is thin (:func:`thinned`)
    asked = previous.asked_s if previous.asked_s is not None else previous.question
    metrics = with_asked(metrics, asked)
    previous = replace(previous, metrics=with_asked(previous.metrics, asked))
    floor = previous.filler_floor
    previous = against_floor(previous, metrics)
    bounded = floor_after(previous.metrics, metrics, floors)
    floor_now = (floors or {}).get("fillers_per_min") if bounded is not metrics else None
    metrics = bounded
    # how far the answer the note is on ran over tells 「20秒超えた」 (20 s over) from a length gone past;
    # a note on another answer (``note``) says nothing of this one's overrun
    overran = previous.metrics.get("over_s") if note_text(previous.note) else None
    targets, own_limit = _read(text, language, overran=overran, budget=budget_of(previous.metrics, metrics))
    limit, limit_budget = _aim_in_budget(own_limit, previous.metrics, metrics)
    own = _note_aim(text, own_limit) if any(name == "over_s" for name, _ in targets) else None
    aim, budget = _aim_in_budget(own, previous.metrics, metrics)
    if not targets:
        every = [settle_counts(c, previous.metrics, metrics) for c in compare_metrics(previous.metrics, metrics, language)]
        moved = tuple(c for c in every if c.verdict in ("better", "worse"))
        # of what was said: a start or a voice both answers have is no comparison of the answers
        # (a take cut at 22 s still has its first word; QA s55 AQ #2)
        compared = any(c.verdict != "n/a" and c.before is not None and c.after is not None for c in every
                       if c.metric not in _NOT_OF_THE_WORDS)
        return FixCheck(previous.id, text, False, moved, "unknown", nothing_compared=not compared)
    targets = [_as_measured(name, want, text, previous.metrics, metrics, limit, aim) for name, want in targets]
    targets = _one_per_figure([t for t in targets if t[0] in METRIC_BY_NAME], limit, aim)
    targets += _freeze_too(targets, previous.metrics, metrics, text)
    opening = _opening_limit_of(text, targets, previous.metrics, metrics)
    words, general = _word_changes(text, language, previous, metrics, fillers)
    beside = ("fillers_per_min",) if words and not general and _only_concern(words, previous.metrics, metrics) else ()
    # a filler named by its word: its count, and beside it the rate of them all (one filler swapped for another shows)
    changes = words + tuple(_opening_within(opening, previous.metrics, metrics) if name == "opening_share" and opening
                            else _target_change(name, want, previous.metrics, metrics, limit, aim) for name, want in targets)
    to_point = any(name == "opening_share" for name, _ in targets)  # judged as the report's opening is: order too
    order = _order_part(text, orders)
    changes += order
    short = tuple(dict.fromkeys(c.metric for c in changes if _unjudged(c, previous.metrics, metrics)))
    explicit = any(want for _, want in targets)
    off_norm = any(pulls_away(METRIC_BY_NAME[name], judged_value(previous.metrics, name), want) for name, want in targets)
    cap = budget_of(previous.metrics, metrics) if aim is not None else None  # the aim's band stops at the budget
    verdict = _fix_verdict(changes, explicit, off_norm, limit, bool(short), aim, beside=beside, budget=cap,
                           opening_limit=opening)
    if verdict == "worse" and words and not general and all(w.verdict == "same" for w in words) \
            and all(c.metric == "fillers_per_min" for c in changes if c.verdict in ("worse", "overshot")):
        # the filler the note names is said as often; the others' rise is shown on its own line, and
        # is not "what the note targeted got worse" (QA s39 Y #5: 「え/えー」 7 -> 5, same, under that headline)
        verdict = "same"
    # blank for want of evidence, not damage: each answer has figures, the named ones are blank in one
    unjudged = None
    if verdict == "unknown" and changes and previous.has_figures \
            and any(v is not None for k, v in metrics.items() if k not in ("budget_s", "asked_s")) \
            and all(getattr(c, "before", 0) is None or getattr(c, "after", 0) is None for c in changes):
        earlier, latest = (any(getattr(c, end, 0) is None for c in changes) for end in ("before", "after"))
        # blank because the answer is too short for the figure (0.7 s of 90: no pace), not for a noisy
        # room or fillers in doubt: said as too short (QA s54 AJ #2), or cut, as the report says it
        earlier, latest = earlier and not too_short(previous.metrics), latest and not too_short(metrics)
        if not (earlier or latest):
            verdict, short = "too_short", tuple(dict.fromkeys(c.metric for c in changes))
        else:
            unjudged = "both" if earlier and latest else "earlier" if earlier else "latest"
    floored = floor is not None and any(c.metric == "fillers_per_min" and (c.before is None or c.before == floor)
                                        for c in changes)
    return FixCheck(previous.id, text, True, changes, _order_told(verdict, text, orders, to_point),
                    (None,) * len(words) + tuple(want for _, want in targets) + (None,) * len(order), limit, short,
                    _short_in(previous.metrics, metrics) if short else None, None if budget else aim,
                    own if budget else None, budget or limit_budget, too_short(metrics),
                    limit_over_budget_s=own_limit if limit_budget else None, cap_s=cap, unjudged=unjudged,
                    floor_before=float(floor) if floored else None,
                    floor_after=float(floor_now) if floor_now is not None else None,
                    cut_in=_short_in(previous.metrics, metrics, cut=True) if short else None, opening_limit_s=opening)


#: Figures not of what was said (its start, its voice): two answers sharing only these do not compare.
_NOT_OF_THE_WORDS = frozenset({"latency_s", "pitch_spread_st", "monotone_share", "loudness_range_db"})


def against_floor(previous: Answer, metrics: Mapping[str, Any]) -> Answer:
    """``previous``, with its filler rate known only as a lower bound (:attr:`Answer.floors`:
    "4.4+") taken at that bound where this answer's rate lies below it past the recogniser's
    jitter: it was at least that, so this one is fewer, whatever it was (QA s42 D #1: "stop
    saying um" after 4.4+, then 3.5 and 0.0 a minute, was "cannot be checked" all week). A rate
    at the bound or over it, or within the jitter of it, leaves it unknown. The note's check
    and compare's table (:func:`furikaeri.compare.compare_answers`) judge it so alike."""
    floor = previous.filler_floor
    after = metrics.get("fillers_per_min")
    if floor is None or after is None or too_short(previous.metrics) or too_short(metrics):
        return previous
    bound = {**previous.metrics, "fillers_per_min": floor,
             "filler_count": previous.floors.get("filler_count", previous.metrics.get("filler_count"))}
    c = settle_counts(change(METRIC_BY_NAME["fillers_per_min"], floor, float(after)), bound, metrics)
    return replace(previous, metrics=bound) if c.verdict == "better" else previous


def floor_after(before: Mapping[str, Any], metrics: Mapping[str, Any],
                floors: Mapping[str, Any] | None) -> Mapping[str, Any]:
    """``metrics``, with its filler rate known only as a lower bound (``floors``: "4.5+") taken
    at that bound where the earlier answer's rate (``before``) lies under it past the
    recogniser's jitter: it is at least that, so more than before, whatever it is (QA s46 X #1:
    1.6 then "4.5+" a minute was "–" under "better" on a note asking for fewer えー). The mirror
    of :func:`against_floor`; else ``metrics`` itself."""
    floor = (floors or {}).get("fillers_per_min")
    was = before.get("fillers_per_min")
    if floor is None or metrics.get("fillers_per_min") is not None or was is None \
            or too_short(before) or too_short(metrics):
        return metrics
    bound = {**metrics, "fillers_per_min": float(floor),
             "filler_count": (floors or {}).get("filler_count", metrics.get("filler_count"))}
    c = settle_counts(change(METRIC_BY_NAME["fillers_per_min"], float(was), float(floor)), before, bound)
    return bound if c.verdict == "worse" else metrics


def _freeze_too(targets: Sequence[tuple[str, str | None]], before: Mapping[str, Any],
                after: Mapping[str, Any], note: str = "") -> list[tuple[str, str | None]]:
    """A note on freezing or long pauses (its target the long pauses a minute) is checked on the
    longest pause too, where both answers have it: the freeze a real interview's fix is judged
    by (:func:`_figure_stand`), so that one note read on one screen says how both moved (QA s41
    C1 #2: 「頭が真っ白になった」 was "no change" on the pauses a minute beside a fix ✗ on a 4.2-s
    pause); and on the time to the first word, a freeze at the start (QA s45 Q #1). Where the
    note asks for fewer long pauses or shorter ones (it names their length: "fewer long pauses",
    「長い間を減らす」), the longest pause is judged as it asks, so that one that doubled short of a
    freeze (1.4 -> 2.9 s) is no "= in range" (QA s53 AE #5); under a note on freezing alone
    (「頭が真っ白になった」), only a freeze counts."""
    wants = [want for name, want in targets if name == "long_pauses_per_min"]
    if not wants:
        return []
    named = {name for name, _ in targets}
    # the silence before the first word, the freeze at the start, by its own: a longer think is no fault
    want = "lower" if all(w in (None, "lower") for w in wants) and re.search(_PAUSE_LENGTH, note, re.I) else None
    return [(name, want if name == "longest_pause_s" else None) for name in ("longest_pause_s", "latency_s")
            if name not in named and before.get(name) is not None and after.get(name) is not None]


def _aim_in_budget(aim: float | None, before: Mapping[str, Any], after: Mapping[str, Any]
                   ) -> tuple[float | None, float | None]:
    """The length a note's ``aim`` (:func:`note_target`) or limit (:func:`note_limit`) is judged
    against, and the question's budget where the note's length is over it (else None). A note
    aiming past the budget ("1分程度で話す" on a 30-s question) is judged against the budget in
    its place: moving toward a length the question has no room for is no fix (7.8 s, then
    26.3 s, is better for the budget's sake; then 45 s is past it), nor is staying near the
    budget "short of the aim". A limit past the budget likewise ("keep it under one minute" on
    a 20-s question): 22 s, then 37 s, is worse, not "still under the limit"."""
    budget = budget_of(before, after)
    if aim is None or not budget or aim <= budget:
        return aim, None
    return budget, budget


def budget_of(before: Mapping[str, Any], after: Mapping[str, Any]) -> float | None:
    """The question's budget in seconds, as the latest answer has it (else the earlier one)."""
    budget = after.get("budget_s") or before.get("budget_s")
    return float(budget) if budget else None


def _only_concern(words: Sequence[WordChange], before: Mapping[str, Any], after: Mapping[str, Any]) -> bool:
    """Are the fillers a minute other than the ones a note names by their words inside the
    norm in both answers, so that the named words are the only filler concern? Then all the
    fillers a minute shown beside them never hold the verdict back from "held" by themselves
    ("stop saying um", 'um' once in a 20-s answer both times: 3 a minute, all of them the one
    the recogniser may mishear). Other fillers past the norm are a concern the note's "held"
    would hide (「えーを減らす」, 「えー」 0 → 1 beside 7 fillers a minute): not held."""
    if any(w.rate_before is None or w.rate_after is None for w in words):
        return False
    ends = ((before, sum(w.rate_before or 0.0 for w in words)), (after, sum(w.rate_after or 0.0 for w in words)))
    return all(m.get("fillers_per_min") is not None and in_norm("fillers_per_min", max(0.0, m["fillers_per_min"] - named))
               for m, named in ends)


def _one_per_figure(targets: Sequence[tuple[str, str | None]], limit: float | None,
                    aim: float | None) -> list[tuple[str, str | None]]:
    """The targets of a note, one per figure they are measured on, in their order: cues that
    end up on one figure ("too short" and "about a minute", both the answer's length) are one
    change, never the same line twice. The budget measured against the note's own limit or
    target (a length, :func:`_target_change`) is the more specific and wins over a plain wish
    for longer or shorter, but for a limit beside a wish for a longer answer ("too short, under
    90 seconds"): the wish is judged, and a longer answer past the limit is overshot
    (:func:`_past_limit`). Plain wishes that agree are one, and ones that disagree (longer and
    shorter) leave the figure out, with no direction to judge it by (as :func:`_listed` does)."""
    def measured(name: str) -> str:
        return "answer_s" if name == "over_s" and (limit is not None or aim is not None) else name

    by_figure: dict[str, list[tuple[str, str | None]]] = {}
    for name, want in targets:
        by_figure.setdefault(measured(name), []).append((name, want))
    out = []
    for figure, said in by_figure.items():
        own = [t for t in said if measured(t[0]) != t[0]]  # the note's own limit or target
        if own and aim is None and any(want == "higher" for _, want in said):
            own = []  # a ceiling says nothing of "longer": the wish is judged, against the limit too
            said = [t for t in said if t[1] == "higher"]
        if own or len({want for _, want in said}) == 1:
            out.append((own or said)[0])
    return out


def _short_in(before: Mapping[str, Any], after: Mapping[str, Any], *, cut: bool = False) -> str | None:
    """Which of two answers is too short for its budget (:func:`furikaeri.metrics.too_short`):
    ``earlier``, ``latest``, ``both``, or None; with ``cut``, which of those the recording cut
    off (:func:`furikaeri.metrics.cut_off`)."""
    b, a = too_short(before), too_short(after)
    if cut:
        b, a = b and cut_off(before), a and cut_off(after)
    return "both" if b and a else "earlier" if b else "latest" if a else None


def _unjudged(c: Change, before: Mapping[str, Any], after: Mapping[str, Any]) -> bool:
    """Is ``c`` shown and not judged because one of the two answers is too short for its
    figure (both have a value)?"""
    if c.metric == OPENING_ORDER:  # an order not told is no short answer's
        return False
    name = "fillers_per_min" if c.metric == FILLER_WORD else c.metric  # a filler's count: judged as the rate is
    return c.verdict == "n/a" and c.before is not None and c.after is not None \
        and not judged_both(name, before, after)


def _target_change(name: str, want: str | None, before: Mapping[str, Any], after: Mapping[str, Any],
                   limit: float | None, aim: float | None = None) -> Change:
    """The change of a figure a note targets; the budget (``over_s``), where the note names a
    limit of its own, as the answer's length against that limit (:func:`within_limit`). A rate
    or share of an answer too short for it is shown and not judged (``n/a``), as compare shows
    it (:func:`furikaeri.metrics.judged_change`): 8.2 fillers a minute in a 10-s answer, then
    none, is no fix that worked. A shorter answer, or one within the budget or a limit, done
    until the answer is thin: ``overshot`` (:func:`thinned`). The length or budget of a take the
    recording cut off (:func:`cut_length`) is not judged."""
    if name in ("answer_s", "over_s") and (cut_off(before) or cut_off(after)):
        return cut_length(before, after, limit if name == "over_s" else None)
    if name == "over_s" and limit is not None:
        return thinned(within_limit(limit, before.get("answer_s"), after.get("answer_s")), before, after, limit)
    if name == "over_s" and aim is not None:
        return near_target(aim, before.get("answer_s"), after.get("answer_s"), budget_of(before, after))
    metric = METRIC_BY_NAME[name]
    if not judged_both(name, before, after):
        return judged_change(metric, before, after, want=want)
    c = settle_counts(note_change(metric, before.get(name), after.get(name), want), before, after)
    if name == "answer_s" and want == "higher":
        return _past_limit(past_budget(c, after), limit)
    return thinned(c, before, after)


def cut_length(before: Mapping[str, Any], after: Mapping[str, Any], limit: float | None) -> Change:
    """The answer's length from ``before`` to ``after`` where either take is one the recording
    cut off (:func:`furikaeri.metrics.cut_off`): its length is the recording's, not the
    answer's, so no better or worse, nor within the budget, is told (``cut``); only a note's
    ``limit`` the latest take already ran past, the part recorded being over it, is
    ``not_kept`` (QA s36 V2 #1)."""
    b, a = before.get("answer_s"), after.get("answer_s")
    delta = None if b is None or a is None else round(a - b, 3)
    over = limit is not None and a is not None and a > limit
    return Change("answer_s", b, a, delta, "not_kept" if over else "cut")


def _past_limit(c: Change, limit: float | None) -> Change:
    """``c``, a longer answer asked for, as ``overshot`` where it is now past a limit the same
    note sets ("too short, but under 90 seconds": 20 s, then 110 s), as past the budget
    (:func:`furikaeri.metrics.past_budget`)."""
    if limit is None or c.verdict != "better" or c.after is None or c.after <= limit:
        return c
    return replace(c, verdict="overshot")


def thinned(c: Change, before: Mapping[str, Any], after: Mapping[str, Any], limit: float | None = None) -> Change:
    """``c``, a change of the answer's length (``answer_s``) or its time over budget (``over_s``)
    a note asked to bring down or keep down ("talk less", "stay within the time", "under 30
    seconds"), as ``overshot`` where it was done until the answer is thin: better, or held,
    and now under :data:`furikaeri.norms.SHORT_ANSWER_SHARE` of its budget (the report's
    :func:`furikaeri.measure.short_answer`), or under half the length its question asks for
    (:func:`furikaeri.metrics.short_of_asked`: 20 s of 「1分で」 after 80 s, under 「話が長い」, is no fix
    beside the report's "under half of it": QA s53 AF #4). 52.5 s, then 4.1 s of a 30-s budget kept the
    budget, and is no fix: the report asks for more. Held too when the earlier answer was as
    thin (7.8 s, then 4.7 s of 30 under "within 20 s"): a thin answer is never "still where it
    should be" beside a report asking for more. Said of the length, the figure that went too far.
    The one rule for any aim of keeping within the time: the last focus on the budget too
    (:func:`furikaeri.progress.focus_then`).

    Only what the note asked, done: an answer still over the note's own ``limit`` did not do
    it ("keep it under 15 seconds", 20 s and then 20 s of a 90-s budget: not kept, still over
    the limit; 30 s, then 20 s: better, not yet under it), and an answer no shorter than before
    did not do a plain wish for a shorter one ("talk less", 20 s and then 20 s): its change is
    left as it is, never "you did what your note asked" (QA s36 f6)."""
    if c.metric not in ("answer_s", "over_s") or not (too_short(after) or short_of_asked(after)):
        return c
    answer_b, answer_a = before.get("answer_s"), after.get("answer_s")
    if limit is not None and (answer_a is None or answer_a > limit):  # the note's limit is not kept
        return c
    kept = c.metric == "over_s" or limit is not None  # held within the budget or the limit: kept
    if c.verdict == "better" or (c.verdict == "same" and kept):
        delta = None if answer_b is None or answer_a is None else round(answer_a - answer_b, 3)
        return Change("answer_s", answer_b, answer_a, delta, "overshot")
    return c


#: A note about the budget itself ("stay within the time", 「時間内に」), not about talking less.
_BUDGET_WORDS = re.compile(
    r"\bbudget|\btime\s*limit|\b(?:in|on|within)\s+(?:the\s+)?time\b|\bover\s*time|\b(?:ran|run|running|went|go|going)\s+over\b|"
    r"\bover\s+(?:the\s+)?(?:time|budget|limit)\b|\bover-?r[au]n\b|" + _OVERRUN.pattern + r"|時間内|持ち時間|制限時間|時間(?:を|が)?(?:オーバー|超過|超え|越え)|オーバー|超え|越え|超過",
    re.IGNORECASE)


def _as_measured(name: str, want: str | None, note: str, before: Mapping[str, Any], after: Mapping[str, Any],
                 limit: float | None, aim: float | None = None) -> tuple[str, str | None]:
    """The figure and direction a note's target is judged on (:func:`_measured`). A wish for a
    shorter answer ("talk less", "too long", 「長すぎた」: read as the budget, ``over_s``) after
    an answer that kept to its budget asks for a shorter one than that: the length, lower (else
    33 -> 41 s on a 90-s budget was "held", both inside it). Over its budget, or in a note
    about the budget itself (:data:`_BUDGET_WORDS`), the budget is the aim; a note with a length
    to aim at ("about a minute": :func:`note_target`) is judged against that length."""
    if name == "over_s" and limit is None and aim is None and before.get("over_s") is not None and before["over_s"] <= 0 \
            and before.get("answer_s") is not None and not _BUDGET_WORDS.search(note):
        return "answer_s", "lower"
    return _measured(name, before, after), want


def within_limit(limit: float, before: float | None, after: float | None) -> Change:
    """The answer's length (``answer_s``) from ``before`` to ``after`` seconds, judged against a
    limit a note names ("keep it under 30 seconds") as the budget is judged (``over_s``): on how
    far it runs over. Inside the limit both times is ``same`` (held where it should be); 24 ->
    46 s on a 30-s limit is ``worse``, though both are inside a 60-s budget."""
    over = change(METRIC_BY_NAME["over_s"], None if before is None else before - limit,
                  None if after is None else after - limit)
    delta = None if before is None or after is None else round(after - before, 3)
    inside = None if before is None or after is None else (before <= limit, after <= limit)
    return Change("answer_s", before, after, delta, _edge_verdict(over.verdict, inside))


def _opening_limit_of(note: str, targets: Sequence[tuple[str, str | None]], before: Mapping[str, Any],
                      after: Mapping[str, Any]) -> float | None:
    """The seconds ``note`` gives the time to the point (:func:`opening_limit`), where it targets
    the time to the point and both answers have one; else None (the share of the budget is judged)."""
    if not any(name == "opening_share" for name, _ in targets):
        return None
    if before.get("opening_s") is None or after.get("opening_s") is None:
        return None
    return opening_limit(note)


def _opening_within(limit: float, before: Mapping[str, Any], after: Mapping[str, Any]) -> Change:
    """The time to the point (``opening_s``) from ``before`` to ``after``, judged against the
    seconds a note gives it ("get to the point within 20 seconds", 「30秒以内に結論まで言う」), as
    a limit on the answer's length is (:func:`within_limit`): inside it both times is ``same``
    (held where it should be), a move across it a change however small, and outside it both
    times a change past the figure's step. 40 s, then 25 s on 「30秒以内に」 is done, whatever
    share of a 90-s budget 25 s is (QA s53 AF #7: "better, not yet where it should be")."""
    b, a = before.get("opening_s"), after.get("opening_s")
    inside = (b <= limit, a <= limit)
    moved = change(METRIC_BY_NAME["opening_s"], b, a, want="lower").verdict
    verdict = "same" if all(inside) else _edge_verdict(moved, inside)
    return Change("opening_s", b, a, round(a - b, 3), verdict)


def _edge_verdict(verdict: str, inside: tuple[bool, bool] | None) -> str:
    """``verdict`` of an answer's length judged against a length a note sets (a limit, an aim's
    band), where ``inside`` says whether each answer was within it: a move across its edge is
    a change however small ("about 20 seconds", 18.7 s and then 26.3 s: no longer within it,
    worse; 30.4 s and then 22.1 s on "about 25 seconds": into it, better), never "no change
    yet" of an answer that kept to the note last time, nor "still over the limit" of one
    that did not go over it before."""
    if verdict != "same" or inside is None or inside[0] == inside[1]:
        return verdict
    return "better" if inside[1] else "worse"


def target_gap(target: float, seconds: float | None, budget: float | None = None) -> float | None:
    """How far an answer of ``seconds`` is from the ``target`` a note aims at, past
    :data:`TARGET_TOLERANCE` of it on either side (0: where it should be). The band stops at
    the question's ``budget``: "about a minute" on a 60-s question is 48-60 s, never 72 s,
    since an answer past its budget is over, whatever the note aimed at (the report says so
    beside the check)."""
    if seconds is None:
        return None
    high = target * (1 + TARGET_TOLERANCE)
    high = min(high, float(budget)) if budget else high
    return round(max(0.0, target * (1 - TARGET_TOLERANCE) - seconds, seconds - high), 3)


def near_target(target: float, before: float | None, after: float | None, budget: float | None = None) -> Change:
    """The answer's length (``answer_s``) from ``before`` to ``after`` seconds, judged against a
    length a note aims at ("about a minute") on how far it is from it (:func:`target_gap`, its
    band stopping at the ``budget``), by the budget's threshold: nearer is better, within ±20 %
    of it both times is ``same`` (where it should be). 21 -> 65.5 s on "about a minute" is
    better (of a 90-s budget); 58 -> 110 s is worse. From one side of the band to the other
    (32.5 -> 85.4 s: 27.5 s short of the aim, then 25.4 s past it; 18.9 -> 71.7 s of a 60-s
    budget) is ``overshot``, as a pace asked faster that lands past its band is
    (:func:`note_change`): nearer or not, the aim was passed."""
    gaps = target_gap(target, before, budget), target_gap(target, after, budget)
    over = change(METRIC_BY_NAME["over_s"], *gaps)
    delta = None if before is None or after is None else round(after - before, 3)
    inside = None if gaps[0] is None or gaps[1] is None else (gaps[0] == 0, gaps[1] == 0)
    verdict = "overshot" if _crossed(target, before, after, budget) else _edge_verdict(over.verdict, inside)
    return Change("answer_s", before, after, delta, verdict)


def _crossed(target: float, before: float | None, after: float | None, budget: float | None = None) -> bool:
    """Did an answer go from outside the band of ``target`` (:func:`target_gap`) on one side to
    outside it on the other?"""
    if before is None or after is None or not target_gap(target, before, budget) \
            or not target_gap(target, after, budget):
        return False
    return (before < target) != (after < target)


def _measured(name: str, before: Mapping[str, Any], after: Mapping[str, Any]) -> str:
    """The figure a note's target ``name`` is judged on: the share of flat stretches (the figure
    the report's voice verdict is judged on) where both attempts have it, else, for answers
    stored before it was measured, their pitch spread."""
    if name == "monotone_share" and (before.get(name) is None or after.get(name) is None) \
            and before.get("pitch_spread_st") is not None and after.get("pitch_spread_st") is not None:
        return "pitch_spread_st"
    return name


def _fix_verdict(changes: Sequence[Change], explicit: bool, off_norm: bool = False, limit: float | None = None,
                 short: bool = False, aim: float | None = None, beside: Sequence[str] = (),
                 budget: float | None = None, opening_limit: float | None = None) -> str:
    """The verdict on the targeted figures' changes; ``explicit``: the note asked for a
    direction ("slow down"); ``off_norm``: it asked a figure away from its norm; ``limit``: the
    limit it set on the answer's length; ``short``: some figure is not judged, an answer being
    too short for it. A figure that went against the note (``toward_norm``: "slow down", and
    faster, toward the usual range) leaves a fix that worked elsewhere ``mixed``. ``beside``:
    figures shown beside the ones the note names, which move the verdict but never hold it back
    from "held" by themselves. A filler the note names and neither answer said (``unheard``)
    judges nothing: the fillers said do. "Held" where some figure could not be told (``short``)
    is ``too_short``: what could not be told is never said to be where it should be. ``budget``:
    the question's, where the band around a length the note aims at stops (:func:`target_gap`).
    ``opening_limit``: the seconds the note gives the time to the point (:func:`_opening_within`)."""
    judged = [c for c in changes if c.verdict not in ("n/a", "toward_norm", "away_from_norm", "across_norm", UNHEARD,
                                                       "cut", "not_kept")]
    if any(c.verdict == "not_kept" for c in changes) and not judged:  # a cut take, already past the limit
        return "not_kept"
    better = [c for c in judged if c.verdict == "better"]
    worse = [c for c in judged if c.verdict in ("worse", "overshot")]
    # as the note asked but away from the usual range (a slow answer slowed further for 「焦った」) is
    # no success beside one that improved: "partly" (QA s50 NN #2: 「良くなりました」 over it)
    if better and (worse or any(c.verdict in ("toward_norm", "across_norm", "away_from_norm") for c in changes)):
        return "mixed"
    if better:
        return "better"
    if worse:
        return "overshot" if all(c.verdict == "overshot" for c in worse) else "worse"
    if off_norm:  # nothing else moved: what there is to say is that the note pulls off the norm
        return "off_norm"
    if not judged:
        return "too_short" if short else "cut" if any(c.verdict == "cut" for c in changes) else "unknown"
    # all unchanged: fine if each figure is already where it should be, unless the note asked
    # for a direction that did not happen
    # a figure shown ``beside`` what the note names (all the fillers a minute beside the filler it
    # names: "えーを減らす", 「えー」 never said, 5 fillers a minute of others) does not make a "same"
    # of a named word that is where it should be; it still shows a trade ("mixed", "worse")
    named = [c for c in judged if c.metric not in beside] or judged
    if explicit or not _held_fine(named, limit, aim, budget, opening_limit):
        return "same"
    return "too_short" if short else "held"


def _held_fine(changes: Sequence[Change], limit: float | None = None, aim: float | None = None,
               budget: float | None = None, opening_limit: float | None = None) -> bool:
    """A "same" counts as success when the figure is where it should be at both ends (e.g. the
    answer stayed inside its budget, the note's limit or near its target, fillers stayed at 2 a
    minute or fewer): one unchanged outside it, at either end, has not changed yet."""
    return all(is_fine(c.metric, v, limit=limit, target=aim, budget=budget, opening_limit=opening_limit)
               for c in changes if c.verdict == "same" for v in (c.before, c.after))


def is_fine(metric: str, value: float | None, *, limit: float | None = None, target: float | None = None,
            budget: float | None = None, opening_limit: float | None = None) -> bool:
    """Is ``value`` of ``metric`` where it should be, so that a note aiming at it is done? The
    figure's norm as the report judges it (:func:`furikaeri.metrics.in_norm`: the comparison
    views hold a change inside it as no change too); a figure with no norm, at its best (no
    repetition at all). ``limit``: a limit the note set on the answer's length (``answer_s``);
    ``target``: a length it aims at (:func:`target_gap`, its band stopping at the ``budget``);
    ``opening_limit``: the seconds it gives the time to the point (``opening_s``)."""
    if value is None:
        return False
    if metric == "opening_s":
        return opening_limit is not None and value <= opening_limit
    if metric == OPENING_ORDER:  # the conclusion first, as the note asked
        return value == "point_first"
    if metric == FILLER_WORD:  # a filler named: done when no more is said than the recogniser may mishear
        return value <= COUNT_JITTER
    if metric == "answer_s":  # no norm of its own (the budget's is over_s): longer, as asked, is done
        if target is not None and limit is None:
            return target_gap(target, value, budget) == 0
        return limit is None or value <= limit
    if has_norm(metric):
        return in_norm(metric, value)
    score = METRIC_BY_NAME[metric].score(value)
    return score is not None and score <= 0


# --------------------------------------------------------------------------- a real interview's fix


@dataclass(frozen=True)
class Stand:
    """One figure a fix names, where a practice answer has it: ``fine`` (True: where the fix
    asks, :func:`is_fine`; False: not yet; None: this answer cannot tell, a rate of an answer
    too short for it or an opening whose order its words do not tell). ``word``: the filler a
    fix names by its word (``metric`` :data:`FILLER_WORD`, ``value`` its count)."""

    metric: str
    value: Any
    fine: bool | None
    word: str | None = None
    #: ``value`` is a lower bound its report judged (:func:`check_stand`'s ``floors``): "5.0+"
    floor: bool = False
    #: the filler ``word`` as this answer wrote it (:func:`said_as`)
    said: str = ""
    #: done, but gone past the figure's range the way the fix asked (:func:`_past_as_asked`), its
    #: ``want`` (``lower``: 「ゆっくり話す」 on an answer now under the range), said beside its ✓; "" if not
    past: str = ""


@dataclass(frozen=True)
class StandCheck:
    """A fix written down right after a real interview (``reflect``'s "to fix"), checked on a
    practice answer to a question that interview asked. Nothing of the interview was measured
    (what was said there is typed, not recorded), so there is nothing to compare with: each
    figure the fix names is judged where this answer has it, as a practice note's "held" is.
    ``verdict``: ``done`` (each figure told is where the fix asks), ``not_yet`` (one is not),
    ``untold…`` (a figure could not be told, and why: :func:`_untold`), ``unknown`` (the fix names no measured figure: the
    person checks it by ear). ``limit_s``/``target_s``: a length the fix sets, which the
    answer's length is judged against (the budget's, where it is past the budget)."""

    note: str
    figures: tuple[Stand, ...]
    verdict: str
    limit_s: float | None = None
    target_s: float | None = None
    #: The parts of the fix no figure measures (「数字を入れる。結論から話す」: 「数字を入れる」),
    #: beside a verdict on the rest: that verdict is not the whole fix's (QA s38 E #2).
    unmeasured: tuple[str, ...] = ()
    #: the fix's own limit where it is over the question's budget, which ``limit_s`` then is
    #: (「1分以内」 on a 30-s question: said as the budget's, not "your limit 30 s": QA s47 BB #10)
    limit_over_budget_s: float | None = None
    #: the time the fix gives to reach the point (「30秒以内に結論まで言う」), which the opening
    #: (``opening_s``) is judged against in place of the norm's share of the budget
    opening_limit_s: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"note": self.note, "verdict": self.verdict,
                "figures": [{"metric": s.metric, "value": s.value, "fine": s.fine,
                             **({"word": s.word, "said": s.said or s.word} if s.word else {}),
                             **({"past_range": s.past} if s.past else {})}
                            for s in self.figures],
                "limit_s": self.limit_s, "target_s": self.target_s, "opening_limit_s": self.opening_limit_s,
                "unmeasured": list(self.unmeasured)}


def check_stand(note: str, metrics: Mapping[str, Any], language: str | None, *,
                fillers: Sequence[str] | None = None, order: str | None = None,
                floors: Mapping[str, Any] | None = None) -> StandCheck | None:
    """Did this answer (its ``metrics``, ``fillers`` as listed and the opening's ``order``) do
    what ``note``, a fix from a real interview, asks (:class:`StandCheck`)? The same reading of
    the note as :func:`check_fix` (its figures, a length it sets, fillers named by their words,
    the conclusion first), each figure judged alone. ``floors``: the answer's figures stored
    blank that its report judged as a lower bound (:func:`furikaeri.store.lower_bounds`): a
    filler rate at least past the norm is no fix done (QA s41 C1 #1: 「えー」 0 ✓ and "done" beside
    at least 5.0 fillers a minute); one that may be is no telling. None for an empty note."""
    text = note.strip()
    if not text:
        return None
    floor = (floors or {}).get("fillers_per_min") if metrics.get("fillers_per_min") is None else None
    if floor is not None:
        metrics = {**metrics, "fillers_per_min": float(floor)}
    targets, own_limit = _read(text, language, budget=budget_of(metrics, metrics))  # no answer the fix is on
    limit, past_budget = _aim_in_budget(own_limit, metrics, metrics)
    own = _note_aim(text, own_limit) if any(name == "over_s" for name, _ in targets) else None
    aim, _ = _aim_in_budget(own, metrics, metrics)
    words, general = named_fillers(text, language)
    stands = _word_stands(words, metrics, fillers) if fillers is not None else []
    to_point = opening_limit(text)
    freeze, pauses = _pause_fix(text)
    for name, want in _one_per_figure(targets, limit, aim):
        if name == "fillers_per_min" and stands and not general and _others_in_norm(stands, metrics):
            continue  # the words named are the figure, as check_fix judges them
        if name == "opening_share" and to_point is not None and metrics.get("opening_s") is not None:
            # the time the fix gives the point, not the norm's share (QA s52 AC #2: 「30秒以内に結論まで
            # 言う」 ✗ beside 25 s to the point, 21 % of a 2-minute budget)
            # a first sentence that began a story is not the point: when the point came is not told (QA s54
            # AK #2: ✓ "done" of 1.8 s beside the report's "story first" under "I opened with a long story")
            told = order != "story_first"
            stands.append(Stand("opening_s", metrics["opening_s"], metrics["opening_s"] <= to_point if told else None))
            continue
        # beside them, the rate of them all where the others are past the norm: 「えーが多かった」 and
        # 「えー」 0 beside 7 other fillers (5.2 a minute) is no fix done (QA s40 Z5 #3)
        stands += [Stand(s.metric, s.value, None if s.fine else s.fine, floor=True)
                   if floor is not None and s.metric == "fillers_per_min" else s
                   for s in _figure_stand(name, metrics, limit, aim, want, freeze=freeze, pauses=pauses)]
    if asks_order(text):
        stands.append(Stand(OPENING_ORDER, order, order == "point_first" if order in TOLD_ORDERS else None))
    # a figure not done is "not yet" whatever else; one that cannot be told leaves the fix untold, as
    # the note's check leaves it (QA s47 DD #7: "done" beside the note's "no telling" on one answer)
    fine = [s.fine for s in stands]
    verdict = "unknown" if not stands else "not_yet" if False in fine else _untold(stands, metrics) if None in fine \
        else "done"
    return StandCheck(text, tuple(stands), verdict, limit, aim if limit is None else None,
                      unmeasured_parts(text, language) if stands else (),
                      limit_over_budget_s=own_limit if past_budget is not None else None,
                      opening_limit_s=to_point if any(s.metric == "opening_s" for s in stands) else None)


def opening_limit(note: str) -> float | None:
    """The seconds a note gives the time to the point ("get to the point within 20 seconds",
    「30秒以内に結論まで言う」, 「結論を20秒で」), or None where it names none."""
    spelled = _spelled(note)
    opening = next(c for c in _CUES if c.metric == "opening_share")
    return next((s for m in opening.pattern.finditer(spelled) if (s := _amount_s(m.group()))), None)


def _untold(stands: Sequence[Stand], metrics: Mapping[str, Any]) -> str:
    """The verdict of a fix some of whose figures (``stands``, none not done) this answer cannot
    tell, naming why, as its text (``stand_<verdict>``) says it: ``untold`` where none is told,
    ``untold_part`` where the others are done (the ✓ beside them under no "cannot tell" of the
    whole fix), then the reason for its figures (``_short``: the answer too short for its budget;
    ``_cut``: the recording stopped first; ``_fillers``: its fillers a lower bound) and
    ``_opening`` where its words do not tell how it opened. Only the reasons that apply: the
    three said at once left the person to guess (QA s50 NN #6)."""
    untold = [s for s in stands if s.fine is None]
    figures = [s for s in untold if s.metric != OPENING_ORDER]
    # a take the recording cut is no answer too short: it went on past the recording, whichever
    # figure could not be told (QA s50 QQ #1: "too short for its budget" at a 10-s --max-seconds)
    reason = "" if not figures else "_cut" if cut_off(metrics) \
        else "_short" if too_short(metrics) else "_fillers" if any(s.floor for s in figures) else ""
    opening = "_opening" if len(figures) < len(untold) else ""
    return "untold" + ("_part" if any(s.fine for s in stands) else "") + reason + opening


#: Where one part of a note ends and the next begins: a sentence's end, a semicolon, a line, a
#: list's bullet or middle dot.
_PARTS = re.compile(r"[。．！？!?;；\n・]+|(?<=[a-z])\.(?:\s+|$)|^\s*[-*•]\s+", re.M)


#: Verbs an English fix's next clause opens with ("keep it under 60 s and give numbers", "lead with
#: the point, use numbers"): a clause of its own there, to be checked or left to the ear (QA s52 YY #1).
_EN_IMPERATIVES = ("add", "answer", "ask", "avoid", "be", "breathe", "bring", "close", "cut", "drop", "end",
                   "explain", "finish", "focus", "get", "give", "include", "keep", "lead", "look", "make",
                   "mention", "name", "open", "pause", "practise", "practice", "prepare", "quote", "say", "show",
                   "slow", "smile", "sound", "speak", "start", "stay", "stop", "talk", "tell", "try", "use", "vary",
                   "wrap")
#: Where one instruction of a part ends and the next begins inside a sentence: a Japanese comma
#: after a verb's joining form (「結論から話し、数字を入れる」: 話し, 止めて, 置き, 収め: QA s52 AB
#: #2), and ", then" / "and then" / ", and" in English ("lead with the point, then add a number"),
#: or "and" or a comma before one of :data:`_EN_IMPERATIVES`.
_CLAUSES = re.compile(r"(?<=[しきちにびみりいえけげせぜてでねべめれ])、|,?\s+(?:and\s+)?then\s+|,\s+and\s+"
                      r"|(?:,\s+|,?\s+and\s+)(?=(?:" + "|".join(_EN_IMPERATIVES) + r")\b)", re.I)


def unmeasured_parts(text: str, language: str | None) -> tuple[str, ...]:
    """The parts of ``text`` (its sentences, lines, bullets: :data:`_PARTS`) that name no
    measured figure, no filler by its word and no order of the answer: what only the person
    can check by listening back. A part that names one is looked at clause by clause
    (:data:`_CLAUSES`): 「結論から話し、数字を入れる」 leaves 「数字を入れる」 to the ear (QA s50 NN
    #6: it was never said, the order checked alone)."""
    def measured(p: str) -> bool:
        return bool(note_targets(p, language) or named_fillers(p, language)[0] or asks_order(p)
                    or _read(p, language)[1] is not None)

    parts = [p.strip(" 　、,") for p in _PARTS.split(text)]
    clauses = [c.strip(" 　、,") for p in parts if p for c in (_CLAUSES.split(p) if measured(p) else [p])]
    return tuple(c for c in clauses if c and not measured(c))


def _others_in_norm(stands: Sequence[Stand], metrics: Mapping[str, Any]) -> bool:
    """Are the fillers a minute other than the words a fix names (``stands``' counts) inside the
    norm in this answer, or not told (no rate)? Then the named words are the only filler concern."""
    rate, seconds = metrics.get("fillers_per_min"), metrics.get("answer_s")
    if rate is None or not seconds:
        return True
    named = sum(s.value or 0 for s in stands if s.metric == FILLER_WORD) * 60.0 / float(seconds)
    return in_norm("fillers_per_min", max(0.0, float(rate) - named))


def _word_stands(words: Sequence[str], metrics: Mapping[str, Any], fillers: Sequence[str]) -> list[Stand]:
    """Each filler a fix names by its word, by its count in this answer (done: no more than the
    recogniser may mishear; not told in an answer too short for a rate)."""
    short = metrics.get("answer_s") is not None and too_short(metrics)
    counts = [sum(_of_family(w, f, words) for f in fillers) for w in words]  # 「えー」: えっと too (QA s50 NN #6)
    return [Stand(FILLER_WORD, n, None if short else is_fine(FILLER_WORD, n), word=w, said=said_as(w, fillers, named=words))
            for w, n in zip(words, counts)]


#: Words of freezing (「頭が真っ白になった」, "I froze", 「言葉に詰まった」): a fix in them is done
#: without a freeze in the answer (:func:`_figure_stand`).
_FREEZE_WORDS = re.compile(r"\bfroze|\bfrozen|\bfreez\w*|\bblank(?:ed)?\b|\bstuck\b|\blost my (?:train|place|thread|words)|"
                           r"真っ白|言葉(?:が出|に詰ま)|詰ま|固ま|フリーズ", re.I)
#: Words of how many pauses or how much silence ("too many pauses", 「沈黙が多かった」).
_PAUSES_MANY = re.compile(r"\b(?:too\s+many|so\s+many|a\s+lot\s+of|lots\s+of|too\s+much|fewer|less)\b|多[いかくすぎ]|減ら|"
                          r"取りすぎ|取り過ぎ|とりすぎ|置きすぎ|空けすぎ|あけすぎ", re.I)


def _pause_fix(text: str) -> tuple[bool, bool]:
    """What a fix on pauses asks of the answer: (no freeze, fewer or shorter long pauses). Words
    of freezing alone ask the first; words of how many or how long the pauses were ("too many
    pauses", 「沈黙が多かった。間を取りすぎない」, 「間が長い」) the second (QA s54 AH #1: those were
    judged as a freeze only, "done" on an answer 45 % silent whose report called its pauses
    many); both where both are said."""
    # read in the parts that name the pauses: "Too many ums. I froze once" asks no fewer pauses (QA s54 AK #3)
    parts = [p for p in _PARTS.split(text) if p and p.strip()]
    named = " 。".join(c for p in parts for c in _CLAUSES.split(p)
                      if c and c.strip() and any(n == "long_pauses_per_min" for n, _ in note_targets(c, None))) or text
    freeze = bool(_FREEZE_WORDS.search(named))
    many = bool(_PAUSES_MANY.search(named) or re.search(_PAUSE_LENGTH, named, re.I))
    return freeze, many or not freeze


def _figure_stand(name: str, metrics: Mapping[str, Any], limit: float | None, aim: float | None,
                  want: str | None = None, *, freeze: bool = True, pauses: bool = False) -> list[Stand]:
    """Figure ``name`` of a fix where this answer has it (none where it has no such figure). The
    budget (``over_s``) is the answer's length where the fix sets a length of its own; a length
    kept down (the budget, a limit) is not done by an answer too short for its budget (the
    report asks for more: :func:`thinned`). A fix on freezing ("I froze twice", 「頭が真っ白に」)
    is done without a freeze in the answer: no pause past 3 s, the report's very long pause
    (coaches' classes: 0.8-1.5 s deliberate, 1.5-3 s long, over 3 s very long; METRICS.md), not
    without a single pause of a second (QA s41 B1 #1: a 46-s answer with pauses of 1.0 and 1.3 s
    was "not done yet" under "I froze twice"). A fix on the long pauses (``pauses``: how many or
    how long, :func:`_pause_fix`) is done with their count a minute where the report wants it;
    with neither ``freeze`` nor that, the count too."""
    if name == "long_pauses_per_min" and pauses and freeze:  # both asked: both checked
        return [*_figure_stand(name, metrics, limit, aim, want, freeze=False),
                *_figure_stand(name, metrics, limit, aim, want, freeze=True)]
    figure = "answer_s" if name == "over_s" and (limit is not None or aim is not None) else _measured(name, metrics, metrics)
    value = metrics.get(figure)
    if value is None:
        return []
    if figure in ("answer_s", "over_s") and cut_off(metrics):  # the recording's length: only past a limit tells
        return [Stand(figure, value, False if limit is not None and figure == "answer_s" and value > limit else None)]
    if figure in ("answer_s", "over_s"):  # a longer answer asked: done inside the budget, not past it
        fine = is_fine(figure, value, limit=limit, target=aim if limit is None else None,
                       budget=budget_of(metrics, metrics)) \
            and not (figure == "answer_s" and limit is None and aim is None and (metrics.get("over_s") or 0) > 0)
        # under the limit, but far too short for its budget: no telling, said so (QA s52 AB #3: "✗ not done
        # yet" beside 22.1 s of "keep it under 60 seconds")
        return [Stand(figure, value, None if fine and too_short(metrics) else fine)]
    start: list[Stand] = []
    if figure == "long_pauses_per_min" and metrics.get("longest_pause_s") is not None and freeze:
        figure, value = "longest_pause_s", metrics["longest_pause_s"]  # a freeze, as the report tells one
        # and the freeze before the first word, the commonest blank (QA s45 Q #1: 66.6 s of silence
        # before it, the report's focus, beside "done" on a fix of 「頭が真っ白になった」)
        if metrics.get("latency_s") is not None:
            start = [Stand("latency_s", metrics["latency_s"], is_fine("latency_s", metrics["latency_s"]))]
    judged = judged_value(metrics, figure)
    past = judged is not None and not is_fine(figure, judged) and _past_as_asked(figure, judged, want)
    return [Stand(figure, value, None if judged is None else is_fine(figure, judged) or past,
                  past=want if past else ""), *start]


def _past_as_asked(metric: str, value: float, want: str | None) -> bool:
    """Is ``value`` of a figure with a band (the pace) past it the way the fix asked (``want``:
    ``lower``, 「ゆっくり話す」, under the band)? The fix is done then (QA s51 VV #1: 「ゆっくり話す」
    was "not yet", ✗, on an answer of 4.2 拍/秒 its report called slow), and said to have gone
    past the range (WW #3: a bare ✓ under a focus asking for the other way)."""
    m = METRIC_BY_NAME.get(metric)
    if m is None or m.better != "band" or m.band is None or want not in ("lower", "higher"):
        return False
    low, high = m.band
    return value < low if want == "lower" else value > high
