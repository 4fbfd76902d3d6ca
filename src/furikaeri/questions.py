"""Question sets and company research notes, from TOML files.

Built-in sets live in ``furikaeri/data/questions/*.toml``; the user's own sets and company
files live in ``<home>/questions/*.toml`` (``furikaeri questions add FILE`` copies one there
after checking it). A user file with the name of a built-in set replaces it.

A question set::

    [set]
    name = "my-set"            # optional: the file name without .toml
    title = "Mock interview"   # optional
    language = "en"            # "en" or "ja"
    budget = 90                # optional default budget for the questions below

    [[questions]]
    id = "intro"               # optional: q1, q2, ... by position
    text = "Tell me about yourself."
    budget = "90s"             # seconds: 90, "90s", "1m30s", "1:30", "2m"
    hint = "Present, past, future: keep it to three sentences each."

A company file has a ``[company]`` table instead of ``[set]`` (the seed article's third rule:
find out what each company asks, how it feels, who interviews, what they value, and what to
ask them)::

    [company]
    name = "さくら商事"
    language = "ja"
    asks = ["学生時代に力を入れたこと", "なぜ商社なのか"]   # what they are known to ask
    atmosphere = "穏やか、深掘りが多い"
    interviewers = "一次: 人事2名 / 二次: 現場の課長"
    valued = "結論から話せるか"
    to_ask = ["若手の裁量について"]                         # your 逆質問
    notes = "..."

    [[questions]]                                           # optional: with budgets and hints
    text = "なぜ商社なのですか。"
    budget = 60

For a company, the practice questions are its ``[[questions]]`` followed by each ``asks``
entry not already among them (with the language's default budget).

This module never imports click or rich; errors are :class:`QuestionError` with a line for a
person.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shlex
import tomllib
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Sequence

from furikaeri.errors import QuestionError, os_reason
from furikaeri.lang import LANGUAGES, guess_language
from furikaeri.norms import DEFAULT_BUDGET_S  # a question's budget when it gives none



@dataclass(frozen=True)
class Question:
    """One question of a set. ``key`` (``set:id``) with its words is its identity in the practice
    archive: attempts at it are found again whatever the case, width or closing mark of its
    words; other words under the same key (the set edited, a set of one's own with a built-in
    set's name) are another question, and the answers to the old words keep them
    (:meth:`furikaeri.store.Store.question_for`)."""

    id: str
    text: str
    budget_s: float
    language: str
    set_name: str
    hint: str = ""

    @property
    def key(self) -> str:
        return f"{self.set_name}:{self.id}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "id": self.id,
            "text": self.text,
            "budget_s": self.budget_s,
            "language": self.language,
            "set": self.set_name,
            "hint": self.hint,
        }


@dataclass(frozen=True)
class CompanyInfo:
    """Research notes about a company (all optional but the name)."""

    name: str
    language: str
    asks: tuple[str, ...] = ()
    atmosphere: str = ""
    interviewers: str = ""
    valued: str = ""
    to_ask: tuple[str, ...] = ()
    notes: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "language": self.language,
            "asks": list(self.asks),
            "atmosphere": self.atmosphere,
            "interviewers": self.interviewers,
            "valued": self.valued,
            "to_ask": list(self.to_ask),
            "notes": self.notes,
        }


@dataclass(frozen=True)
class QuestionSet:
    """A named list of questions; ``company`` is set for a company file; ``source`` is
    ``built-in`` or the file's path."""

    name: str
    title: str
    language: str
    questions: tuple[Question, ...]
    source: str
    company: CompanyInfo | None = None

    @property
    def builtin(self) -> bool:
        return self.source == "built-in"

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "language": self.language,
            "source": self.source,
            "company": self.company.to_dict() if self.company else None,
            "questions": [q.to_dict() for q in self.questions],
        }


# --------------------------------------------------------------------------- parsing

_NUMBER = r"(\d+(?:\.\d+)?|\.\d+)"
#: 2m, 1.5 min, 2 minutes, 90s, 90 sec, 90 seconds, 1m30s, 1 min 30 (seconds after minutes need no unit)
_DURATION = re.compile(rf"^\s*(?:{_NUMBER}\s*m(?:in(?:ute)?s?)?\.?)?\s*(?:{_NUMBER}\s*(?:s(?:ec(?:ond)?s?)?\.?)?)?\s*$",
                       re.I)
#: 4h, 4 hours, 2 hrs, 1時間 (what may follow is read as a length of its own: 1h30m, 1時間30分)
_HOURS = re.compile(rf"^\s*{_NUMBER}\s*(?:h(?:(?:ou)?rs?)?\.?|時間)(?![a-z])(.*)$", re.I)
_CLOCK = re.compile(r"^\s*(?:(\d+):(?=\d\d:))?(\d+):([0-5]?\d)\s*$")  # [h:]m:ss: 1:75 is no time
#: 2分, 1.5分, 1分半 (半 only after 分), 1分30秒, 1分30, 90秒; 間 after the last unit (1分間, 90秒間)
_JA = re.compile(rf"^\s*(?:{_NUMBER}\s*分\s*(?:(半)|{_NUMBER}\s*秒?)?|{_NUMBER}\s*秒)(?:(?<=[分秒半])間)?\s*$")
#: The words around a budget that say it is a limit or a rough length, not another figure:
#: 「90秒以内」, 「約60秒」, 「1分程度」, 「およそ1分」, "about 90 s", "up to 2 minutes", "90s max".
#: Either way the budget is that length (a limit is what the coach warns at; a rough length is
#: what it aims at), as 就活 guides and job ads write it.
_BUDGET_BEFORE = re.compile(r"^(?:約|およそ|大体|だいたい|最大|最長|長くても|"
                            r"(?:about|around|roughly|approx(?:imately|\.)?|up\s+to|under|within|at\s+most|"
                            r"max(?:imum)?|no\s+(?:more|longer)\s+than|~)(?=[\s\d.]|an?\s))\s*", re.I)
_BUDGET_AFTER = re.compile(r"(?<=\S)\s*(?:以内|以下|未満|まで|程度|ほど|くらい|ぐらい|位|前後|目安|"
                           r"max(?:imum)?|or\s+less|or\s+so|tops)$", re.I)
_KANJI_DIGITS = "〇一二三四五六七八九"
_KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}


def kanji_number(written: str) -> str | None:
    """A number written in kanji (二, 十五, 九十, 百二十, or digit by digit: 一二〇) as digits;
    None for one no one writes (二十二十, 二三十, 十百: each unit once, larger first, one digit
    before it), which was read as some other number (40, 50)."""
    if all(c in _KANJI_DIGITS for c in written):
        return "".join(str(_KANJI_DIGITS.index(c)) for c in written)
    total, digit, last_unit = 0, None, 10_000
    for c in written:
        if c in _KANJI_UNITS:
            if _KANJI_UNITS[c] >= last_unit or digit == 0:
                return None
            total += (1 if digit is None else digit) * _KANJI_UNITS[c]
            digit, last_unit = None, _KANJI_UNITS[c]
        elif digit is not None:
            return None
        else:
            digit = _KANJI_DIGITS.index(c)
    return str(total + (digit or 0))


def _kanji_read(text: str) -> str | None:
    """``text`` with its kanji numbers as digits; None when one is malformed (:func:`kanji_number`)
    or runs into a digit (1十秒 is neither 110 nor 10 seconds)."""
    runs = f"[{_KANJI_DIGITS}{''.join(_KANJI_UNITS)}]+"
    if re.search(rf"\d{runs}|{runs}\d", text):
        return None
    numbers = [kanji_number(m) for m in re.findall(runs, text)]
    if None in numbers:
        return None
    rest = iter(numbers)
    return re.sub(runs, lambda m: next(rest), text)


#: The marks around a question's words that never make it another question: quotes (straight,
#: curly, Japanese), brackets (（） is () after NFKC) and closing punctuation.
_AROUND = " \"'“”‘’„«»「」『』【】〈〉《》()[].?!。？！、,…"


def folded(text: str) -> str:
    """A question's words as questions are compared (:func:`same_question`) and searched
    (:meth:`furikaeri.store.Store.find_questions`): width and case (NFKC, casefold), runs of
    spaces, the marks at either end (:data:`_AROUND`); no spaces in Japanese. One definition,
    so a question typed with curly quotes (“Describe your ideal manager.”) is the one saved
    without them wherever it is looked up."""
    t = unicodedata.normalize("NFKC", text).casefold()
    t = re.sub(r"\s+", " ", t).strip(_AROUND)
    return t.replace(" ", "") if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", t) else t


#: A Japanese request wrapped round the thing asked about (〜を教えてください, 〜について聞かせて
#: ください, 〜は何ですか, 〜をお願いします, 〜をしてください), as :func:`folded` writes it: a company
#: file's asks name the question by its bare noun phrase (「学生時代に力を入れたこと」), the set
#: by its request (「学生時代に力を入れたことを教えてください。」), and the two are one question.
_REQUEST = re.compile(r"(?:(?:について|を)、?(?:_TIMEで、?)?(?:教えて|聞かせて|お聞かせ|話して|お話し|説明して|ご説明)"
                      r"(?:ください|下さい|くださいますか|いただけますか)"
                      r"|(?:は|って)(?:何|なん)(?:ですか|でしょうか)"
                      r"|を、?(?:_TIMEで、?)?(?:お願い|おねがい)(?:します|いたします|致します)"
                      r"|を?、?(?:_TIMEで、?)?して(?:ください|下さい))$"
                      .replace("_TIME", r"(?:[0-9]+|[一二三四五六七八九十]+)(?:分|秒)(?:間)?(?:以内|程度|くらい|ぐらい|ほど)?"))


#: A question's plain or polite copula ending (なぜ商社なのか, なぜ商社なのですか, なんですか, でしょうか):
#: one way of asking the same thing, not what is asked (QA s35 D #4). ありますか, できますか keep
#: their verb: only the copula goes, and only where words are left before it.
_COPULA_QUESTION = re.compile(r"(?:な[のん](?:です|でしょう)?|[のん](?:です|でしょう)|です|でしょう|の)か$")

#: A short label in brackets closing a question's text (「（逆質問）」, "(behavioural)").
_LABEL_AT_END = re.compile(r"\s*[(（][^()（）]{1,12}[)）]\s*$")


#: An English question's polite opening ("could you", "can you please") and its "what is" in
#: the forms people write ("what's", "what are", "what would you say is").
_EN_ASK = r"(?:(?:can|could|would) you (?:please )?|please )?"
_EN_IS = r"what(?: is|['’]s| are| would you say (?:is|are)| do you (?:think|consider) (?:is|are))"

#: A length of time a request names (「1分で」, 「30秒程度で」).
_JA_TIME = r"(?:[0-9]+|[一二三四五六七八九十]+)(?:分|秒)(?:間)?(?:以内|程度|くらい|ぐらい|ほど)?"

#: The standard 就活 questions said in other words, as :func:`asked_about` leaves them, each with
#: the words of the built-in set's question (ja-basic): a company file's or a logged interview's
#: 「志望動機を教えてください」 is the set's 「当社の志望動機を教えてください。」, and 「学生時代に頑張った
#: ことは何ですか」 its 「学生時代に力を入れたこと…」 (QA s40 Z5 #9). Only these whole phrasings:
#: 「当社の強み」 is no 「強み」 (the company's, not yours).
_SAME_THING = (
    # and as an interviewer asks it (「弊社を志望する理由」, 「なぜ当社を志望したのですか」; QA s50 NN #1)
    # (a bank's 当行/弊行/御行/貴行 too: QA s53 AF #2)
    (re.compile(r"(?:(?:当社|弊社|御社|貴社|わが社|我が社|当行|弊行|御行|貴行)(?:への|の))?(?:志望動機|志望理由|志望した理由)"
                r"|(?:なぜ|どうして)?(?:当社|弊社|御社|貴社|わが社|我が社|当行|弊行|御行|貴行)を(?:志望|希望)"
                r"(?:する|した|された|している|されている)(?:理由)?"), "志望動機"),
    (re.compile(r"(?:学生時代|大学時代|学生生活)(?:に|で)(?:一番|最も|いちばん|特に)?(?:頑張った|がんばった|力を入れた|"
                r"力を入れてきた|打ち込んだ|力を注いだ|注力した|熱中した|取り組んだ)こと|ガクチカ"), "学生時代に力を入れたこと"),
    # 自己紹介 with how long or how briefly (「自己紹介を1分でお願いします」, 「簡単に自己紹介してください」),
    # and 挫折経験 with or without how it was overcome (QA s46 X #3: 「この質問は初めてです」 after both)
    (re.compile(rf"(?:(?:簡単に|手短に|{_JA_TIME}で)、?)?自己紹介(?:を?{_JA_TIME}で)?"
                r"(?:を?(?:お願い|おねがい)(?:します|いたします|致します)|を?して(?:ください|下さい))?"), "自己紹介"),
    (re.compile(r"(?:これまでの|今までの|あなたの|人生で(?:一番|最も|いちばん)?(?:大きな)?)?(?:挫折経験|挫折した経験|挫折)"
                r"(?:と、?(?:それを|そこから)?(?:どう|どのように)乗り越えたか)?"), "挫折経験"),
    # the built-in English set's (en-basic) in the usual other words: a company file's "What are your
    # strengths?" is the set's "What is your greatest strength?" (QA s42 E #8); "the company's
    # strengths", a weakness of the plan, stay apart (the whole of the words, each about you).
    # Each is told as the set's own words are, so no other wording reads as one by chance
    (re.compile(rf"{_EN_ASK}(?:tell (?:me|us) (?:(?:a (?:little|bit)|a little bit) )?(?:more )?about yourself|"
                r"introduce yourself)(?:,? please)?"), "tell me about yourself"),
    (re.compile(rf"{_EN_IS} your (?:greatest |biggest |main |key |top |best )?strengths?"),
     "what is your greatest strength"),
    (re.compile(rf"(?:{_EN_IS} (?:your (?:greatest |biggest |main |key |top )?weakness(?:es)?|a weakness of yours))"
                r"(?:,? and what are you doing about (?:it|them))?"),
     "what is a weakness of yours, and what are you doing about it"),
    (re.compile(r"why do you want to (?:work (?:here|(?:for|with) us|(?:at|for|with) (?:our|this) company)|join (?:us|our company|"
                r"this company))|why (?:do you want )?(?:us|our company|this company)"), "why do you want to work here"),
    (re.compile(r"where do you see yourself (?:in (?:five|5) years(?:['’] time)?|(?:five|5) years from now)"),
     "where do you see yourself in five years"),
    (re.compile(r"(?:do you have|have you got) any questions(?: for (?:us|me))?|any questions for (?:us|me)|"
                rf"(?:is there )?anything (?:else )?you(?: would|['’]d) like to ask (?:us|me)"),
     "do you have any questions for us"),
)


def asked_about(text: str) -> str:
    """What a question asks about, as questions are told apart (:func:`same_question`): its
    :func:`folded` words without a Japanese request form around them (:data:`_REQUEST`), so
    「自己PR」, 「自己PRをお願いします。」 and 「自己PRを教えてください」 are one; words that are
    nothing but the request stay whole. Only the request's ending goes: the thing asked about
    (強み, 弱み, 志望動機) still tells two questions apart. A short label in brackets at the end
    (the set's 「最後に何か質問はありますか。（逆質問）」) names the kind, not what is asked: the
    interview logged as 「最後に何か質問はありますか」 asked that question (QA s35 V2 #1); so is a
    copula's ending (:data:`_COPULA_QUESTION`: 「なぜ商社なのか」 and 「なぜ商社なのですか」 are one);
    and so is a standard question in other words (:data:`_SAME_THING`)."""
    words = folded(_LABEL_AT_END.sub("", text) or text)
    bare = _REQUEST.sub("", words)
    bare = _COPULA_QUESTION.sub("", bare) or bare
    for phrasing, thing in _SAME_THING:  # the whole of it, said in other words
        if phrasing.fullmatch(bare):
            return thing
    return bare if bare else words


#: A clause of a fix that names the question it is about first (「ガクチカは1分以内」, 「挫折経験は…」,
#: "for the intro, …"): the topic, then a topic particle.
_CLAUSE_TOPIC = re.compile(r"^\s*(?P<topic>ガクチカ|自己紹介|自己PR|自己ＰＲ|志望動機|志望理由|挫折経験|学生時代[^、。は]{0,12}こと|"
                           r"強み|弱み|長所|短所|逆質問)(?:は|では|の(?:時|とき|回答)は?|について(?:は)?)")


#: A clause of a fix naming a question by its usual name anywhere (「1分で自己紹介」,
#: 「ガクチカを1分以内に」): about that question, whatever comes first. 強み/弱み and the like stay
#: out: 「強みを数字で示す」 is about any answer.
_CLAUSE_NAMING = re.compile(r"(?P<topic>ガクチカ|自己紹介|自己PR|自己ＰＲ|志望動機|志望理由|挫折経験|逆質問)")


def fix_for_question(fix: str, question: str) -> str:
    """A real interview's fix as it bears on ``question``: its clauses that name another
    question (「挫折経験は1分以内」 beside 「なぜ当社なのですか」; 「1分で自己紹介」 beside a 2-minute
    question, QA s53 AF #3) left out (QA s46 X #6: an interview-wide 「ガクチカは1分以内にまとめる」
    was checked, as a 60-s limit, on every question that interview asked). Clauses are parted
    at 。, ！, ？ and line breaks."""
    asked = asked_about(question)
    kept = []
    for clause in re.split(r"(?<=[。！？!?\n])", fix):
        m = _CLAUSE_TOPIC.match(clause) or _CLAUSE_NAMING.search(clause)
        if m:
            topic = asked_about(m.group("topic"))
            if topic not in asked and asked not in topic:
                continue
        kept.append(clause)
    return "".join(kept).strip()


def same_question(text: str):
    """A test: is another question's text this one, up to case, spacing, full- or half-width
    characters and the marks around it ("tell me about yourself" and "Tell me about yourself.";
    「自己PRをしてください」 and 「自己ＰＲをしてください。」; :func:`folded`), and a Japanese request
    round the thing asked about (「学生時代に力を入れたこと」 and 「学生時代に力を入れたことを教えて
    ください。」: :func:`asked_about`)?"""
    mine = asked_about(text)
    return lambda other: asked_about(other) == mine


def find_question(ref: str, sets: list[QuestionSet]) -> Question | None:
    """The set question ``ref`` names: its key (``ja-basic:jikoshokai``), its id when one set
    alone has it (``jikoshokai``), or its text (:func:`same_question`); None for any other text."""
    ref = ref.strip()
    questions = [q for s in sets for q in s.questions]
    by_key = [q for q in questions if same_key(q.key, ref)]
    if not by_key and ":" in ref:  # a company's own name for its file's set name (QA s53 AF #1: 「みどり銀行:gakuchika」
        named, qid = ref.split(":", 1)  # for midori:gakuchika was saved as a question's words, at 60 s)
        by_key = [q for s in sets_named(sets, named) for q in s.questions if q.id == qid]
    by_id = [q for q in questions if q.id == ref]
    same = same_question(ref)
    by_text = [q for q in questions if same(q.text)]
    for found in (by_key, by_id if len(by_id) == 1 else [], by_text):
        if found:
            return found[0]
    return None


def sets_named(sets, name: str) -> list:
    """Those of ``sets`` that ``name`` names: by the set's name, else by its company's (a company
    file ``midori`` of 「みどり銀行」 is named by either, up to :func:`company_key`)."""
    by_name = [s for s in sets if s.name == name]
    return by_name or [s for s in sets if company_key(s.name) == company_key(name)
                       or (s.company is not None and company_key(s.company.name) == company_key(name))]


def same_key(key: str, ref: str) -> bool:
    """Does ``ref`` name the question key ``key`` (``set:id``)? Its set's name as a company's is
    compared (:func:`company_key`: 「みらい電機:asked1-1」 names 「ミライ電機:asked1-1」, as
    ``--company`` takes either: QA s50 QQ #3), its id as written."""
    if key == ref:
        return True
    if ":" not in key or ":" not in ref:
        return False
    key_set, key_id = key.split(":", 1)
    ref_set, ref_id = ref.split(":", 1)
    return key_id == ref_id and company_key(key_set) == company_key(ref_set)


def duration_s(written: str) -> float | None:
    """Seconds written as ``90``, ``90s``, ``2m``, ``1.5 min``, ``2 minutes``, ``1m30s``,
    ``1:30``, ``1分30秒``, ``1分半``, ``一分半``, ``九十秒`` or ``1分間`` (full-width digits too),
    with a limit's or a rough length's words around it (``90秒以内``, ``約1分``, ``about 90 s``);
    None for anything else (1:75, 1十秒, 1e2; the bounds are the caller's). A minus before it
    makes it negative (-5: a length out of any range, which the caller names as such, not one
    that cannot be read). One family for every budget a person types: ``--budget``, a question
    file's, the ``--help`` that lists them."""
    text = _without_hedge(unicodedata.normalize("NFKC", written).strip())
    if text[:1] in ("-", "\u2212"):
        seconds = duration_s(text[1:]) if text[1:2].strip() and text[1:2] not in ("-", "\u2212") else None
        return None if seconds is None else -seconds
    if m := _HOURS.match(text):  # 4h, 1 hour 30 min, 1時間半: the hours, then the rest as a length
        rest = m.group(2).strip()
        if re.fullmatch(_NUMBER, rest):  # 1h30: minutes after the hours, as a clock's are
            rest += "m"
        more = (30.0 * 60 if rest == "半" else duration_s(rest)) if rest else 0.0
        return None if more is None or more < 0 else float(m.group(1)) * 3600 + more
    if re.search("[分秒]", text):  # kanji numbers are read where Japanese units say what they count
        text = _kanji_read(text)
        if text is None:
            return None
    if re.fullmatch(_NUMBER, text):
        return float(text)
    if m := _CLOCK.match(text):
        hours, minutes, seconds = m.groups()
        if hours is not None and int(minutes) > 59:  # 4:00:00 is 4 h; 1:75:00 no time
            return None
        return float(int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds))
    if text and (m := _DURATION.match(text)) and (m.group(1) or m.group(2)):
        return float(m.group(1) or 0) * 60 + float(m.group(2) or 0)
    if text and (m := _JA.match(text)):
        minutes, half, seconds, only_seconds = m.groups()
        return float(minutes or 0) * 60 + (30.0 if half else 0.0) + float(seconds or only_seconds or 0)
    return None


def _without_hedge(text: str) -> str:
    """``text`` without the one limit or rough-length wording around it (:data:`_BUDGET_BEFORE`,
    :data:`_BUDGET_AFTER`): 「90秒以内」 is 90秒, "about a minute" 1 minute. Only a number with
    its unit is left to read: 「以内」 alone is nothing."""
    bare = _BUDGET_AFTER.sub("", _BUDGET_BEFORE.sub("", text, count=1), count=1).strip()
    return re.sub(r"^an?\s+(?=min)", "1 ", bare, flags=re.I)


#: A time budget's range, wherever one is given (a question file, ``--budget``): one range, so
#: a budget typed for a take is one a question file may hold and the other way round.
BUDGET_MIN_S, BUDGET_MAX_S = 5.0, 1800.0


def parse_budget(value: Any) -> float:
    """Seconds from ``90``, ``"90"``, ``"90s"``, ``"2m"``, ``"1m30s"``, ``"1:30"``, ``"1分30秒"``,
    ``"90秒以内"`` (:func:`duration_s`).

    Raises :class:`QuestionError` for anything else, or a budget outside
    :data:`BUDGET_MIN_S` .. :data:`BUDGET_MAX_S`, naming the budget as it was written.
    """
    seconds: float | None = None
    if isinstance(value, bool):
        seconds = None
    elif isinstance(value, (int, float)):
        seconds = float(value)
    elif isinstance(value, str):
        seconds = duration_s(value)
    written = _as_written(value)
    if seconds is None:
        raise QuestionError(f"cannot read the time budget {written}: write seconds (90) or 90s, 2m, 1:30, "
                            "about 90 s, 1分30秒, 90秒間, 90秒以内, 約1分, 九十秒",
                            ja=f"持ち時間 {written} を読み取れません: 秒数（90）か 90s、2m、1:30、1分30秒、90秒間、"
                            "90秒以内、約1分、九十秒 のように書いてください")
    if not BUDGET_MIN_S <= seconds <= BUDGET_MAX_S:
        raise QuestionError(f"the time budget {written} is out of range (5 s to 30 min)",
                            ja=f"持ち時間 {written} が範囲外です（5秒〜30分）")
    return float(seconds)


def _as_written(value: Any) -> str:
    """A budget as the person wrote it, for an error line: a string quoted ('90x'), a TOML
    value in TOML's spelling (``true``, ``1979-05-27``, ``[90]``), never Python's (True)."""
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "isoformat"):  # a TOML date or time
        return value.isoformat()
    if isinstance(value, (list, dict)):
        return "[…]" if isinstance(value, list) else "{…}"
    return str(value)


# The helpers below name the place of a problem in ``where`` (a file, or a file's question),
# and in Japanese in ``where_ja`` (``where`` when not given).


def _budget(v: Any, where: str, where_ja: str | None = None) -> float:
    try:
        return parse_budget(v)
    except QuestionError as e:
        raise QuestionError(f"{where}: {e}", ja=f"{where_ja or where}: {e.ja or e}") from None


def _text(v: Any, what: str, where: str, where_ja: str | None = None) -> str:
    if v is None:
        return ""
    if isinstance(v, str):
        return v.strip()
    if isinstance(v, list) and all(isinstance(x, str) for x in v):
        return "\n".join(x.strip() for x in v if x.strip())
    raise QuestionError(f"{where}: `{what}` must be text", ja=f"{where_ja or where}: `{what}` は文字列で書いてください")


def _texts(v: Any, what: str, where: str) -> tuple[str, ...]:
    if v is None:
        return ()
    if isinstance(v, str):
        return tuple(line.strip() for line in v.splitlines() if line.strip())
    if isinstance(v, list) and all(isinstance(x, str) for x in v):
        return tuple(x.strip() for x in v if x.strip())
    raise QuestionError(f"{where}: `{what}` must be a list of texts",
                        ja=f"{where}: `{what}` は文字列のリストで書いてください")


def _language(v: Any, where: str, where_ja: str | None = None) -> str:
    lang = (v or "").strip().lower() if isinstance(v, str) else ""
    if v is None:
        raise QuestionError(f'{where}: `language` is missing (language = "en" or "ja")',
                            ja=f'{where_ja or where}: `language` がありません（language = "en" か "ja"）')
    if lang not in LANGUAGES:
        raise QuestionError(f"{where}: `language` must be \"en\" or \"ja\" (got {v!r})",
                            ja=f"{where_ja or where}: `language` は \"en\" か \"ja\" にしてください（{v!r} になっています）")
    return lang


def own_title(title: str, language: str) -> str:
    """A set's title without the set's language in brackets at its end (「就活の定番質問 (日本語)」:
    the language is said beside the title wherever it is shown)."""
    names = {"en": ("english", "英語"), "ja": ("japanese", "日本語")}[language]
    m = re.fullmatch(r"(.*?)\s*[(（]\s*([^()（）]+?)\s*[)）]\s*", title)
    return m.group(1) if m and m.group(1) and m.group(2).casefold() in names else title


def slug(text: str) -> str:
    s = re.sub(r"[^\w]+", "-", text.strip().casefold(), flags=re.UNICODE).strip("-")
    return s or "set"


#: The keys a question file may hold: at its top, in its [set] or [company] table, in each
#: [[questions]] table. Any other is refused, named, with the key meant where one is near it: a
#: misspelt ``budjet = 60`` was dropped unsaid and the question judged against 120 s (QA s47 DD #5).
FILE_KEYS = {
    "top": ("set", "company", "questions"),
    "set": ("name", "title", "language", "budget"),
    "company": ("name", "id", "language", "budget", "asks", "atmosphere", "interviewers", "valued", "to_ask", "notes"),
    "questions": ("id", "text", "budget", "hint", "language"),
}


def _known_keys(table: dict[str, Any], kind: str, where: str, where_ja: str, *, strict: bool = True) -> None:
    """Refuse a key of ``table`` (a ``kind`` of :data:`FILE_KEYS`) the file format does not have
    (not ``strict``: let it be)."""
    import difflib

    if not strict:
        return
    for key in table:
        if key in FILE_KEYS[kind]:
            continue
        near = difflib.get_close_matches(str(key).casefold(), FILE_KEYS[kind], n=1, cutoff=0.6)
        place = {"top": "", "set": " in [set]", "company": " in [company]", "questions": ""}[kind]
        place_ja = {"top": "", "set": "（[set]）", "company": "（[company]）", "questions": ""}[kind]
        known = ", ".join(FILE_KEYS[kind])
        raise QuestionError(
            f"{where}: unknown key `{key}`{place}" + (f": did you mean `{near[0]}`?" if near else f" (known: {known})"),
            ja=f"{where_ja}: `{key}` という項目はありません{place_ja}"
               + (f"。`{near[0]}` のことですか？" if near else f"（使える項目: {known}）"))


def _known_file_keys(data: dict[str, Any], head: dict[str, Any], where: str, *, strict: bool = True) -> None:
    """Refuse a key at the file's top or in its [set] / [company] table ``head`` the format does
    not have (:func:`_known_keys`), and one of the table's written above it (TOML puts it at
    the top: said so)."""
    kind = "company" if "company" in data else "set"
    for key in data if strict else ():
        if key in FILE_KEYS[kind] and key not in FILE_KEYS["top"]:
            raise QuestionError(f"{where}: `{key}` belongs under [{kind}] (it is written above it)",
                                ja=f"{where}: `{key}` は [{kind}] の下に書いてください（今はその上にあります）")
    _known_keys(data, "top", where, where, strict=strict)
    _known_keys(head, kind, where, where, strict=strict)


def parse_set(data: dict[str, Any], *, name: str, source: str, strict: bool = True) -> QuestionSet:
    """A :class:`QuestionSet` from TOML; ``name``: the set's default name (the stem); ``strict``: :func:`_known_keys`."""
    where = source
    if "set" in data and "company" in data:
        raise QuestionError(f"{where}: a file has either [set] or [company], not both",
                            ja=f"{where}: 1 つのファイルに書けるのは [set] と [company] のどちらか一方です")
    head = data.get("set", data.get("company"))
    if head is None:
        raise QuestionError(f"{where}: no [set] or [company] table",
                            ja=f"{where}: [set] テーブルも [company] テーブルもありません")
    if not isinstance(head, dict):
        raise QuestionError(f"{where}: [set] / [company] must be a table",
                            ja=f"{where}: [set] / [company] はテーブルとして書いてください")
    _known_file_keys(data, head, where, strict=strict)
    language = _language(head.get("language"), where)
    company: CompanyInfo | None = None
    if "company" in data:
        cname = _text(head.get("name"), "name", where)
        if not cname:
            raise QuestionError(f"{where}: [company] needs a `name`", ja=f"{where}: [company] には `name` が必要です")
        company = CompanyInfo(
            name=cname,
            language=language,
            asks=_texts(head.get("asks"), "asks", where),
            atmosphere=_text(head.get("atmosphere"), "atmosphere", where),
            interviewers=_text(head.get("interviewers"), "interviewers", where),
            valued=_text(head.get("valued"), "valued", where),
            to_ask=_texts(head.get("to_ask"), "to_ask", where),
            notes=_text(head.get("notes"), "notes", where),
        )
        set_name = _text(head.get("id"), "id", where) or slug(cname)
        title = cname
    else:
        set_name = _text(head.get("name"), "name", where) or name
        title = own_title(_text(head.get("title"), "title", where), language) or set_name
    if not re.fullmatch(r"[\w.-]+", set_name):
        raise QuestionError(f"{where}: the set name {set_name!r} may hold only letters, digits, '-', '_', '.'",
                            ja=f"{where}: セット名 {set_name!r} に使えるのは文字、数字、'-'、'_'、'.' だけです")
    default_budget = (
        _budget(head["budget"], where) if head.get("budget") is not None else DEFAULT_BUDGET_S[language]
    )

    raw = data.get("questions", [])
    if not isinstance(raw, list) or not all(isinstance(q, dict) for q in raw):
        raise QuestionError(f"{where}: questions must be written as [[questions]] tables",
                            ja=f"{where}: 質問は [[questions]] テーブルとして書いてください")
    questions: list[Question] = []
    seen: set[str] = set()
    for i, q in enumerate(raw, 1):
        qwhere, qwhere_ja = f"{where}, question {i}", f"{where} の質問 {i}"
        _known_keys(q, "questions", qwhere, qwhere_ja, strict=strict)
        text = _text(q.get("text"), "text", qwhere, qwhere_ja)
        if not text:
            raise QuestionError(f"{qwhere}: `text` is missing", ja=f"{qwhere_ja}: `text` がありません")
        qid = _text(q.get("id"), "id", qwhere, qwhere_ja) or f"q{i}"
        if qid in seen:
            raise QuestionError(f"{qwhere}: the id {qid!r} is used twice", ja=f"{qwhere_ja}: ID {qid!r} が 2 回使われています")
        seen.add(qid)
        qlang = _language(q["language"], qwhere, qwhere_ja) if q.get("language") else language
        budget = _question_budget(q, text, default_budget, (qwhere, qwhere_ja), own=bool(company), language=qlang,
                                  set_budget=head.get("budget") is not None)
        questions.append(
            Question(id=qid, text=text, budget_s=budget, language=qlang, set_name=set_name,
                     hint=_text(q.get("hint"), "hint", qwhere, qwhere_ja))
        )
    if company:
        known = [q.text for q in questions]
        for j, ask in enumerate(company.asks, 1):
            if not any(map(same_question(ask), known)):  # asked already, maybe as a request (〜を教えてください)
                budget = default_budget if head.get("budget") is not None else builtin_budget(ask, default_budget, language)
                questions.append(
                    Question(id=f"asks{j}", text=ask, budget_s=budget, language=language, set_name=set_name)
                )
    if not questions:
        raise QuestionError(f"{where}: no questions (add [[questions]] tables" + (" or `asks`)" if company else ")"),
                            ja=f"{where}: 質問がありません（[[questions]] テーブル" + ("か `asks` " if company else "")
                            + "を追加してください）")
    return QuestionSet(
        name=set_name, title=title, language=language, questions=tuple(questions), source=source, company=company
    )


def load_file(path: str | Path, *, strict: bool = True) -> QuestionSet:
    """Read and check one TOML file; ``strict``: refusing a key the format does not have (as
    ``questions add`` checks a file), else leaving it unread (a file already in the folder, added
    before unknown keys were refused: QA s47 FF #8, such a company file stopped loading at all)."""
    return _parsed(_read(Path(path)), Path(path), strict=strict)


def _read(path: Path) -> bytes:
    """A question file's bytes, or the :class:`QuestionError` that says why they cannot be read."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise QuestionError(f"no such question file: {path}", ja=f"質問ファイルが見つかりません: {path}") from None
    except IsADirectoryError:
        raise QuestionError(f"{path} is a directory, not a TOML file",
                            ja=f"{path} は TOML ファイルではなくフォルダです") from None
    except OSError as e:
        raise QuestionError(f"cannot read {path}: {e.strerror or e}", ja=f"{path} を読み込めません: {os_reason(e, 'ja')}") from e


def _parsed(raw: bytes, path: Path, *, strict: bool = True) -> QuestionSet:
    """The set the bytes ``raw`` of the file ``path`` hold, checked."""
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise QuestionError(f"{path} is not UTF-8 text", ja=f"{path} は UTF-8 のテキストではありません") from None
    except tomllib.TOMLDecodeError as e:
        raise QuestionError(f"{path} is not valid TOML: {e}",
                            ja=f"{path} は正しい TOML ではありません（{toml_place_ja(e, raw)}）") from None
    return parse_set(data, name=path.stem, source=str(path), strict=strict)


def toml_place_ja(e: tomllib.TOMLDecodeError, raw: bytes) -> str:
    """Where the TOML parser stopped, in Japanese: 「3行目 8文字目」, or where a file that ends too
    soon ends (tomllib says these in its English message only: "(at line 3, column 8)", "(at
    end of document)")."""
    m = re.search(r"\(at line (\d+), column (\d+)\)", str(e))
    if m:
        return f"{m.group(1)}行目 {m.group(2)}文字目"
    lines = raw.decode("utf-8-sig", errors="replace").rstrip().split("\n")
    return f"{len(lines)}行目 {len(lines[-1].rstrip()) + 1}文字目でファイルが終わっています"


# --------------------------------------------------------------------------- finding sets


def _question_budget(q: dict, text: str, default: float, where: tuple[str, str], *, own: bool,
                     language: str | None = None, set_budget: bool = False) -> float:
    """A file's question's budget: its own, else (``own``: a company file, giving no ``budget`` of
    its own: ``set_budget`` False) a built-in question's it asks again, else the time its words ask for ("Sell yourself in
    one minute": 60 s, as the same words typed after ``-q`` are: QA s51 RR #2, 120 s from a set),
    else the one its kind gives where the file gives no budget (``set_budget`` False:
    :func:`worded_budget`), else the file's ``default``."""
    if q.get("budget") is not None:
        return _budget(q["budget"], *where)
    if own and not set_budget:
        return builtin_budget(text, default, language)
    worded = stated_budget(text) if set_budget else worded_budget(text, language)
    return worded if worded is not None else default


def builtin_budget(text: str, otherwise: float, language: str | None = None) -> float:
    """The time ``text`` states (:func:`stated_budget`: the interviewer asked for it), else the
    budget of the built-in question it is (a company's asked question joins that question's
    attempts, so it is judged against the same budget), else the one its kind gives
    (:func:`worded_budget`), else ``otherwise``."""
    stated = stated_budget(text)  # 「自己紹介を1分でお願いします」 joins 自己紹介 (30 s), asked for a minute (QA s46 Z #1)
    if stated is not None:
        return stated
    same = same_question(text)
    own = next((q.budget_s for s in builtin_sets() for q in s.questions if same(q.text)), None)
    if own is not None:
        return own
    worded = worded_budget(text, language)
    return worded if worded is not None else otherwise


def worded_budget(text: str, language: str | None = None) -> float | None:
    """The budget a question's own words give: the time it asks for (:func:`stated_budget`:
    「1分で自己紹介をお願いします」 is 60 s, whatever a self-introduction's usual 30), else the one
    of its kind (:func:`kind_budget`: "Any questions for us?" is a question for the interviewer,
    45 s, not any question's 120); None when they give none."""
    stated = stated_budget(text)
    return stated if stated is not None else kind_budget(text, language)


_EN_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9, "ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
               "forty-five": 45, "fifty": 50, "sixty": 60, "ninety": 90}
#: A time a Japanese question asks its answer to take: a length (「1分」「30秒」「1分半」「1～2分」 up to
#: its end), in a sentence that asks for the answer (「2分で学生時代に頑張ったことを話してください」,
#: 「自己紹介を1分ほどお願いします」) ...
_JA_STATED = re.compile(r"((?:[0-9]+|[〇一二三四五六七八九十百]+)\s*(?:分\s*(?:半|[0-9]+\s*秒)?|秒))\s*間?\s*"
                        r"(?:(?:程度|くらい|ぐらい|ほど|前後|以内|まで)\s*(?:で|に|の)?|で|に|の)")  # 「毎日30分勉強」: none
_JA_ASKS = re.compile(r"ください|下さい|どうぞ|お願い|願います|聞かせ|いただけ|もらえ|ますか")
#: ... and not a time in the story it asks about (「5分で決断した経験」) nor a sentence that asks
#: nothing (「10分で終わる面接です。」).
_JA_STORY = re.compile(r"経験|エピソード|場面|とき|時に|時は|ことがあ")
_JA_RANGE = re.compile(r"[0-9]+\s*[~〜～-]\s*(?=[0-9]+\s*分)")  # 「1～2分で」: the upper end
#: ... and an English one: "in two minutes", "within 90 seconds", "a one-minute introduction",
#: "(2 minutes)", "you have two minutes", "in less than a minute" ...
_EN_STATED = re.compile(
    r"\b(?:in|within|under|for|about|around|take|have|to)\s+(?:about\s+|around\s+|roughly\s+|just\s+|less than\s+"
    r"|no more than\s+|at most\s+)?([0-9]+|[a-z]+(?:-[a-z]+)?)\s*(minutes?|mins?|seconds?|secs?)\b"
    r"|\b([0-9]+|[a-z]+)[- ](minute|second)\s+(?:introduction|intro|answer|pitch|summary|overview|elevator)"
    r"|\(\s*([0-9]+|[a-z]+)\s*(minutes?|mins?|seconds?|secs?)\s*\)")
_EN_RANGE = re.compile(rf"\b(?:[0-9]+|{'|'.join(sorted(_EN_NUMBERS, key=len, reverse=True))})\s*(?:-|to|or)\s*"
                       r"(?=(?:[0-9]+|[a-z]+)\s*(?:minutes?|mins?)\b)")
#: ... but not one in the story an English question asks about ("a time you solved it within 10 minutes").
_EN_STORY = re.compile(r"\b(?:a time|times? when|when you|you had|you were|you did|you've|experience|situation"
                       r"|who|which|that|where|you \w+ed|you (?:gave|made|took|was|went|ran|led|built|wrote|spent|did))\b")


def stated_budget(text: str) -> float | None:
    """The time a question asks its answer to take, in seconds (read as :func:`parse_budget`
    reads a budget; of a range, its upper end); None where it states none, where the time is
    the story's asked about, or where it is out of a budget's range."""
    words = unicodedata.normalize("NFKC", text).casefold()
    ja = _JA_RANGE.sub("", words)
    m = next((m for m in _JA_STATED.finditer(ja) if _asks_in_time(ja, m)), None)
    if m:
        said = _kanji_read(m.group(1))
    else:
        words = _EN_RANGE.sub("", words)
        m = _EN_STATED.search(words)
        if m is None or _EN_STORY.search(words, 0, m.start()):
            return None
        number = next(g for g in (m.group(1), m.group(3), m.group(5)) if g)
        count = number if number.isdigit() else str(_EN_NUMBERS.get(number, ""))
        said = f"{count} {next(g for g in (m.group(2), m.group(4), m.group(6)) if g)}" if count else None
    try:
        return parse_budget(said) if said else None
    except QuestionError:
        return None


#: A stated time worded as a limit, not a length to take: 「1分以内で」「30秒までに」, "within two
#: minutes", "in under a minute", "no more than 90 seconds".
_LIMIT_WORDED = re.compile(r"(?:[0-9]+|[〇一二三四五六七八九十百]+)\s*(?:分\s*(?:半|[0-9]+\s*秒)?|秒)\s*間?\s*(?:以内|まで|以下|未満)"
                           r"|\b(?:within|under|less than|no more than|at most|up to|max(?:imum)?)\s", re.I)


def asked_length(text: str | None) -> float | None:
    """The length a question asks its answer to take, in seconds (「1分で自己紹介をお願いします」,
    "tell me about yourself in two minutes"): :func:`stated_budget`, unless the time is worded as
    a limit (「1分以内で」, "within two minutes"), which an answer may well stay under."""
    if not text:
        return None
    stated = stated_budget(text)
    if stated is None or _LIMIT_WORDED.search(unicodedata.normalize("NFKC", text).casefold()):
        return None
    return stated


def _asks_in_time(words: str, m: re.Match) -> bool:
    """Does the Japanese sentence the time ``m`` is in ask for the answer in it (a request,
    no story after the time that it could belong to: 「5分で決断した経験」 is the story's;
    「挫折経験を2分で教えてください」 asks for two minutes, QA s46 Z #1)?"""
    start = max(words.rfind(c, 0, m.start()) for c in "。？！?!") + 1
    ends = [i for i in (words.find(c, m.end()) for c in "。？！?!") if i >= 0]
    end = min(ends) if ends else len(words)
    return bool(_JA_ASKS.search(words[start:end])) and not _JA_STORY.search(words[m.start():end])


#: What a question asks for, told by its words in either language (a set's question or one typed
#: in, a company's): ``ask`` the person's own questions for the interviewer (逆質問), ``intro``
#: a self-introduction, ``story`` an episode (what happened, what they did, what came of it).
#: Checked in this order; any other question is of no kind, and gets the advice that fits any.
QUESTION_KINDS = (
    ("ask", re.compile(r"逆質問|質問は(?:あります|ございます)か|何か質問|聞きたいこと|聞いておきたいこと"
                       r"|最後に何か(?:あります|ございます)か"
                       r"|questions? for (?:us|me|the team)|(?:do|would) you have any(?: other| more)? questions"
                       r"|(?:^|[,.!] )any (?:other |more )?questions|like to ask|want to ask|anything (?:else )?to ask"
                       r"|like to know about (?:us|the (?:company|role|team|job))"
                       r"|questions? (?:do|would|might|can) you have")),
    ("intro", re.compile(r"自己紹介|about yourself|introduce yourself|walk (?:me|us) through your")),
    ("story", re.compile(r"学生時代|ガクチカ|力を入れ|経験|挫折|エピソード|苦労|失敗|困難|乗り越え|頑張った"
                         r"|a time\b|a situation\b|an example of|\bfail|conflict|disagreement|challenge you")),
)


def question_kind(question: str | None) -> str | None:
    """The kind of ``question`` (:data:`QUESTION_KINDS`), None when unknown or none was given."""
    if not question:
        return None
    words = unicodedata.normalize("NFKC", question).casefold()
    return next((kind for kind, said in QUESTION_KINDS if said.search(words)), None)


def kind_budget(text: str, language: str | None = None) -> float | None:
    """The budget the built-in questions of ``text``'s kind have in its language
    (:func:`question_kind`: a question for the interviewer, a self-introduction,
    a story), where they agree on one; None for a question of no known kind. ``language``: the
    question's, else the one its script is written in."""
    kind = question_kind(text)
    if kind is None:
        return None
    language = language or guess_language([text])
    budgets = {q.budget_s for s in builtin_sets() for q in s.questions
               if q.language == language and question_kind(q.text) == kind}
    return budgets.pop() if len(budgets) == 1 else None


def builtin_sets() -> list[QuestionSet]:
    folder = resources.files("furikaeri") / "data" / "questions"
    out = []
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".toml"):
            data = tomllib.loads(entry.read_text(encoding="utf-8"))
            out.append(parse_set(data, name=entry.name[: -len(".toml")], source="built-in"))
    return out


def user_sets(folder: Path | None, *, lang: str = "en") -> tuple[list[QuestionSet], list[str]]:
    """The user's sets and company files, and one problem line per file that failed to load
    (a broken file must not hide the others), in ``lang`` (``en`` or ``ja``)."""
    if folder is None or not Path(folder).is_dir():
        return [], []
    sets, problems = [], []
    for path in sorted(Path(folder).glob("*.toml")):
        try:
            sets.append(load_file(path, strict=False))  # checked when added; an older file's extra key left unread
        except QuestionError as e:
            problems.append(e.said_in(lang))
    return sets, problems


def all_sets(folder: Path | None = None) -> list[QuestionSet]:
    """Built-in sets, then the user's; a user set with a built-in name replaces it."""
    mine, _ = user_sets(folder)
    names = {s.name for s in mine}
    return [s for s in builtin_sets() if s.name not in names] + mine


def get_set(name: str, folder: Path | None = None, *, cli: str = "furikaeri") -> QuestionSet:
    """The set called ``name`` (or a company file's set, by its set name). ``cli``: how the
    error's command starts (``furikaeri --home DIR``: it must list the sets of this archive)."""
    sets = all_sets(folder)
    for s in sets:
        if s.name == name:
            return s
    for s in sets:
        if s.name.casefold() == name.casefold():
            return s
    _refuse_broken(name, folder)
    names = ", ".join(s.name for s in sets if not s.company) or "none"
    names_ja = "、".join(s.name for s in sets if not s.company) or "なし"
    raise QuestionError(f"no question set '{name}'; available: {names} (see `{cli} questions`)",
                        ja=f"質問セット '{name}' はありません。使えるセット: {names_ja}（`{cli} questions` を参照）")


def _refuse_broken(name: str, folder: Path | None) -> None:
    """Raise the load error of the user's file ``name``.toml (any case) when it is there but
    cannot be read: the listing names it as broken, and "no set" would read as if it were gone
    (it would then be added again, or rewritten from scratch)."""
    if folder is None or not Path(folder).is_dir():
        return
    for path in sorted(Path(folder).glob("*.toml")):
        if path.stem.casefold() == name.casefold():
            load_file(path, strict=False)  # raises what is wrong with it; a file that loads is another set's


def company_name(name: str) -> str:
    """A company name as kept: full-width letters, digits and spaces as half-width, half-width
    katakana as full-width, a run of spaces as one."""
    return " ".join(unicodedata.normalize("NFKC", name).split())


def company_key(name: str) -> str:
    """A company name as compared: :func:`company_name`, any case, no space beside a Japanese
    character (「ABC 商事」 is 「ABC商事」, as a Japanese reader takes it: QA s49 JJ #3), and
    katakana as hiragana (「ミライ電機」 is 「みらい電機」, the likelier slip of an IME: QA s50 NN #4);
    spaces between Latin words stay ("Acme Corp"). Computed on every comparison, never stored:
    an archive made before reads by it as it is."""
    return _JA_SPACE.sub("", company_name(name)).casefold().translate(_KATAKANA_AS_HIRAGANA)


#: Katakana ァ-ヶ and the iteration marks ヽヾ as their hiragana (one code point apart, 0x60);
#: the long vowel mark ー, shared by both scripts, stays.
_KATAKANA_AS_HIRAGANA = {k: k - 0x60 for k in (*range(0x30A1, 0x30F7), 0x30FD, 0x30FE)}


#: A space beside a character that is not ASCII (kanji, kana): no part of a company's name.
_JA_SPACE = re.compile(r"(?<=[^\x00-\x7f]) | (?=[^\x00-\x7f])")


def names_meant(typed: str, names) -> list[str]:
    """The ``names`` a company name ``typed`` in part may mean ("acme": "Acme, Inc."): those that
    hold it, not it itself; none from a name of under 3 letters (2 in Japanese), part of any.
    Where none holds it, those it is a slip of the keys away from (one letter in five, at most:
    "Globexx", "Gloebx" for "Globex", QA s52 YY #4)."""
    import difflib

    want = company_key(typed)
    if len(want) < (3 if want.isascii() else 2):
        return []
    held = [n for n in names if want in company_key(n) and company_key(n) != want]
    if held:
        return held
    keys = {company_key(n): n for n in names}
    return [keys[k] for k in difflib.get_close_matches(want, list(keys), n=3, cutoff=0.8) if k != want]


def get_company(name: str, folder: Path | None = None, *, logged: Sequence[str] = (),
                cli: str = "furikaeri") -> QuestionSet:
    """The company file for ``name`` (its [company] name or file set name, any case); the error
    for none names the companies there are: with a file, and ``logged`` (those the archive knows
    only from interviews logged with ``reflect``, which `practice --company` takes too), and the
    commands that add one, starting with ``cli`` (``furikaeri --home DIR``: into this archive)."""
    want = company_key(name)
    companies = [s for s in all_sets(folder) if s.company]
    for s in companies:
        if s.company and want in (company_key(s.company.name), company_key(s.name)):
            return s
    known = list(dict.fromkeys([*(s.company.name for s in companies if s.company), *logged]))
    near = names_meant(name, known)
    if near:  # "acme" for the logged "Acme, Inc.": the name to type, not a second company (QA s38 W #9)
        raise QuestionError(f"no company '{name}': did you mean " + " or ".join(f"'{n}'" for n in near) + "?",
                            ja=f"「{name}」という企業はありません。" + "・".join(f"「{n}」" for n in near) + "のことですか？")
    names = ", ".join(known) or "none yet"
    names_ja = "、".join(known) or "まだありません"
    make, file = _template_command(name, "en"), shlex.quote(company_file_name(name))
    make_ja = _template_command(name, "ja")
    raise QuestionError(
        f"no company file for '{name}' (companies: {names}); write one with `{make}` and add it with "
        f"`{cli} questions add {file}`",
        ja=f"「{name}」の企業ファイルはありません（登録済みの企業: {names_ja}）。`{make_ja}` で作成し、"
        f"`{cli} questions add {file}` で追加してください",
    )


def company_file_name(name: str) -> str:
    """The file a company's template is suggested into: its name, with what a file name cannot
    hold (a slash, a space) as ``-`` (「さくら商事.toml」, ``Acme-Corp.toml``)."""
    stem = re.sub(r'[\s/\\:*?"<>|]+', "-", company_name(name)).strip("-.")
    return f"{stem or 'company'}.toml"


def making_commands(name: str, lang: str, cli: str = "furikaeri") -> tuple[str, str]:
    """The commands that make ``name``'s company file, for a message said in ``lang``: the one
    that writes its template (:func:`_template_command`) and the one that adds it (starting with
    ``cli``)."""
    return _template_command(name, lang), f"{cli} questions add {shlex.quote(company_file_name(name))}"


def _template_command(name: str, lang: str) -> str:
    """The command that writes ``name``'s company template into :func:`company_file_name`, for an
    error said in ``lang``: the template is in the company's language, told by its name's script
    (a name in Japanese is a Japanese company's), else in the language the error is said in, so
    the asks it starts with are in the language the person is answering in."""
    language = "ja" if guess_language([name]) == "ja" else lang
    return (f"furikaeri questions template --company {shlex.quote(name)} --lang {language} > "
            f"{shlex.quote(company_file_name(name))}")


def add_file(path: str | Path, folder: Path, *, replace: bool = False) -> tuple[QuestionSet, Path]:
    """Check a TOML file and copy it into the user's question folder. Returns the set and
    where it was copied. The bytes checked are the bytes written, and they are written beside
    the target and renamed over it (:func:`_write_whole`): a full disk or a kill mid-copy leaves
    the set that was there as it was, and no cut-off or empty file that would load as a smaller
    set or block the retry. Raises ``OSError`` naming the archive's file (never the user's) when
    the folder cannot be written."""
    path = Path(path)
    raw = _read(path)
    qset = _parsed(raw, path)
    folder = Path(folder)
    target = folder / f"{qset.name}.toml"
    if target.exists() and not replace and path.resolve() != target.resolve():
        raise QuestionError(f"{target} already exists; use --replace to overwrite it",
                            ja=f"{target} はすでに存在します。上書きするには --replace を指定してください")
    if not replace and not qset.company and any(b.name == qset.name for b in builtin_sets()):
        # it would take the built-in set's place under the keys the archive knows (QA s47 DD #10)
        raise QuestionError(f"{qset.name} is a built-in set's name: yours would take its place (its keys, "
                            f"{qset.name}:…, would name your questions); give your set another `name` in [set], or "
                            "add it with --replace to take that place",
                            ja=f"{qset.name} は組み込みの質問セットの名前です。追加するとそのセットの代わりになります"
                               f"（{qset.name}:… のキーがあなたの質問を指すようになります）。[set] の `name` を別の名前に"
                               "するか、代わりにするなら --replace を付けて追加してください")
    if path.resolve() != target.resolve():
        _write_whole(raw, target)
    return qset, target


def own_file(name: str, folder: Path) -> tuple[Path, QuestionSet | None] | None:
    """The file of your own set or company named ``name`` in ``folder``: by its set's name, its
    company's (up to case, width and marks), or its file name; a file that cannot be read, by its
    file name alone (its set None). None when there is none."""
    if not Path(folder).is_dir():
        return None
    for path in sorted(Path(folder).glob("*.toml")):
        try:
            qset = load_file(path, strict=False)
        except QuestionError:
            if path.stem == name:
                return path, None
            continue
        if name in (qset.name, path.stem) or (qset.company and company_key(qset.company.name) == company_key(name)):
            return path, qset
    return None


def _write_whole(raw: bytes, target: Path) -> None:
    """Write ``raw`` to ``target`` all or nothing: into a hidden file in the same folder (not
    ``*.toml``, so never listed as a set; not ``.partial``, a killed take's marker), synced,
    then renamed over ``target`` (atomic on one file system); on any failure the hidden file is
    removed and the error names ``target``."""
    part = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.writing")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask's mode, as a copy gets
        with open(fd, "wb") as f:
            f.write(raw)
            f.flush()
            os.fsync(f.fileno())
        os.replace(part, target)
    except OSError as e:
        with contextlib.suppress(OSError):
            part.unlink()
        raise OSError(e.errno, e.strerror or str(e), str(target)) from e


#: ``questions template``, per language: a company file (``{company}`` is filled in) ...
_COMPANY_TEMPLATES = {
    "en": (
        "[company]\n"
        'name = "{company}"\n'
        'language = "en"\n'
        "# what they are known to ask (interview reports, people who work there), e.g.\n"
        '# asks = ["Why do you want to work here?", "Tell me about a project you are proud of."]\n'
        "asks = []\n"
        'atmosphere = ""\n'
        'interviewers = ""   # who interviews: HR, the hiring manager, the team\n'
        'valued = ""         # what seemed to be valued\n'
        'to_ask = []         # questions to ask them\n'
        'notes = ""\n\n'
        "[[questions]]\n"
        'text = "Why this company?"\n'
        "budget = 60\n"
    ),
    "ja": (
        "[company]\n"
        'name = "{company}"\n'
        'language = "ja"\n'
        "# 何を聞かれるか (就活サイトの選考体験記、OB訪問から)。例:\n"
        '# asks = ["学生時代に力を入れたことを教えてください。", "なぜ当社なのですか。"]\n'
        "asks = []\n"
        'atmosphere = ""     # 雰囲気\n'
        'interviewers = ""   # どんな立場の人が面接官か\n'
        'valued = ""         # 何が評価されたと感じるか\n'
        'to_ask = []         # 逆質問の候補\n'
        'notes = ""\n\n'
        "[[questions]]\n"
        'text = "志望動機を教えてください。"\n'
        "budget = 60\n"
    ),
}
#: ... and a question set.
_SET_TEMPLATES = {
    "en": (
        "[set]\n"
        'name = "my-set"\n'
        'title = "My questions"\n'
        'language = "en"\n\n'
        "[[questions]]\n"
        'id = "intro"\n'
        'text = "Tell me about yourself."\n'
        "budget = 90\n"
        'hint = "Present, past, future."\n'
    ),
    "ja": (
        "[set]\n"
        'name = "my-set-ja"\n'  # its own name: the English template's set is not replaced by it (QA s54 AL #4)
        'title = "自分用の質問"\n'
        'language = "ja"\n\n'
        "[[questions]]\n"
        'id = "jikoshokai"\n'
        'text = "自己紹介をお願いします。"\n'
        "budget = 30\n"
        'hint = "大学・専攻・取り組み・意気込みを30秒で"\n'
    ),
}


def template(*, company: str | None = None, language: str = "en") -> str:
    """A TOML file to start from (a question set, or a company file when ``company`` is given)."""
    language = language if language in LANGUAGES else "en"
    if company:
        return _COMPANY_TEMPLATES[language].replace("{company}", company)
    return _SET_TEMPLATES[language]
