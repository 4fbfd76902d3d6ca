"""Per-language rules behind one small interface.

A language is one module here exposing a :class:`Rules` object named ``RULES``. Everything
works on the transcript *text* with character offsets, so the caller (``measure``) can map
matches back to word times: Whisper's words carry their own spaces in English and none in
Japanese, and the joined text is what the rules see.

Language rules never import the pipeline.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Rate:
    """Speaking-rate figures of one answer; each language defines its own (``Rules.rate_type``:
    English words per minute, Japanese morae per second and characters per minute), None when
    the answer has no content word."""

    def get(self, key: str) -> float | None:
        return getattr(self, key, None)

    def to_dict(self) -> dict[str, float | None]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Match:
    """A span of the transcript text, ``text[start:end]``; ``text`` names what was said there
    (the span's own text, except where the rules know a sound Whisper lost: っと is えっと).

    ``kind`` for fillers: ``hesitation`` (um, uh, えー: not a word), ``discourse`` (like,
    you know, I mean, あの, まあ, なんか: a word used as a filler) or ``repetition`` (a false
    start, "I I"). For hedges: ``hedge``.
    """

    start: int
    end: int
    text: str
    kind: str


class Rules(Protocol):
    code: str  # "en" | "ja"
    name: str  # "English" | "日本語"
    labels: dict[str, str | tuple[str, str]]  # every string a person sees (lang/en.py TEXT): see :func:`text`
    filler_prompt: str  # a short (<= 40 chars) Whisper initial prompt that keeps fillers
    drawn_fillers: frozenset[str]  # ambiguous words that are fillers when alone and drawn out
    #: May the second listen try the first/last piece of a longer burst of speech alone? Only
    #: where a word's fragment heard alone is not written as a filler (see lang/ja.py, en.py).
    relisten_pieces: bool
    #: The second listen's prompt (fillers, <= 40 chars) and the average log-probability a
    #: filler it hears must reach (over words the main pass was unsure of; where it heard
    #: nothing).
    relisten_prompt: str
    relisten_min_logprob: float
    relisten_min_logprob_empty: float
    #: Discourse fillers that count only where the audio shows a pause beside them ("like").
    needs_pause: frozenset[str]

    rate_type: type  # the language's Rate (a frozen dataclass of its rate figures)
    rate_key: str  # the rate figure judged against its band (wpm; morae_per_s)
    pace_key: str  # the pace figure tracked over time (wpm; morae_per_s, as the report grades it)
    rate_keys: tuple[str, ...]  # every rate figure the language reports
    unit: str  # "words" | "morae"
    units_per_word: int  # rate units in a word, roughly (1; 3 morae)
    comma: str  # "," | "、"
    tokens_per_s: float  # at most this many Whisper tokens per second of speech
    max_units_per_s: float  # more words (tokens) per second than this is Whisper looping
    hesitation_label: str  # a filler found in the audio alone: "uh" | "えー"
    default_set: str  # the built-in question set
    #: Comparing two answers' transcripts (:func:`furikaeri.compare.diff_text`): the units are
    #: joined with ``joiner`` when shown (" " between words; "" between characters), and a
    #: run of fewer than ``diff_min_run`` units changed is not reported.
    joiner: str
    diff_min_run: int

    def rates(self, *, units: int, chars: int, answer_s: float, speaking_s: float) -> Rate:
        """The rate figures for ``units`` (words; morae) and ``chars`` said over ``answer_s``
        seconds of answer, ``speaking_s`` of them not silent."""

    def few_words(self, text: str) -> bool:
        """Little enough text to be one filler Whisper misheard."""

    def filler_word(self, filler: str, *, starts_sentence: bool) -> str:
        """A filler heard again, written as a word of the transcript (" uh,"; 「えっと、」)."""

    def drawn_form(self, word: str) -> str | None:
        """The drawn-out filler ``word`` becomes when a held vowel follows it (あの -> あのー)."""

    def owns(self, text: str) -> bool:
        """Is ``text`` written in this language's script?"""

    tic_phrases: tuple[str, ...]  # verbal tics worth tracking across answers (口癖)
    #: what right after a tic makes it an ordinary word, not the tic (基本的な統計, 実際の作業, 正直さ)
    tic_not_before: tuple[str, ...]
    #: Phrases no longer taken for habits that answers saved before may list (grammar: ない).
    not_habits: frozenset[str]

    def content_tokens(self, text: str | None) -> list[tuple[str, int, bool]]:
        """Tokens that can make a habit phrase, with character offsets, and whether each only
        names a thing (鍵, サークル, "team": a topic, no habit however often it is said) rather
        than colours how things are said (すごく, 実際, "basically", "super")."""

    def phrase(self, tokens) -> str:
        """A habit phrase's tokens as said."""

    def opening_order(self, sentence: str) -> str | None:
        """``point_first``, ``story_first`` or None: what the opening sentence does."""

    def courtesy(self, sentence: str) -> bool:
        """Is ``sentence`` (fillers out) only a greeting, thanks or an acknowledgement said before
        the answer ("Thank you for the question.", 「よろしくお願いします。」)? Not the point."""

    def find_fillers(self, text: str) -> list[Match]:
        """Every filler in ``text``, with context rules so real words are not counted."""

    def find_hedges(self, text: str) -> list[Match]:
        """Hedges and verbal habits (I think, kind of, just; だと思います, 一応, たぶん)."""

    def count_units(self, text: str) -> int:
        """The rate unit: English words, Japanese morae (from kana readings)."""

    def spoken_units(self, text: str) -> int:
        """The rate unit as said, what every rate and count of words or morae in an answer is
        measured in: English words with each number read out ("2023" is three words, "190%"
        four; the transcript keeps Whisper's digits), Japanese morae (numbers read already)."""

    def sounds(self, text: str) -> list[str]:
        """What ``text`` sounds like, as a list to compare two hearings (words; kana)."""

    def spoken_length(self, text: str) -> int:
        """A rough spoken length of one word, to compare word durations within a take."""

    def count_chars(self, text: str) -> int:
        """Characters as written, without spaces and punctuation (the 字/分 count)."""

    def ends_sentence(self, text_before: str, after: str = "") -> bool:
        """True when ``text_before`` (the transcript up to a pause) ends a sentence; ``after``:
        the words said next (a Japanese polite form a clause link carries on ends none:
        持っていません|から)."""

    def diff_tokens(self, text: str) -> list[str]:
        """The units two answers' transcripts are compared in (words; characters)."""

    def inside_word(self, text: str, offset: int) -> bool:
        """Does character ``offset`` of ``text`` fall inside one word (pieces Whisper stamped
        apart: バ|スケット, intern|ship), where no pause the audio shows makes a comma?"""


def text(code: str | None, key: str, **fields) -> str:
    """The string ``key`` of the text table of language ``code`` (English for any other code),
    with ``fields`` filled in: ``text("ja", "saved", id=3)`` -> 「回答 3 として保存しました」."""
    table = get_rules(code or "en").labels
    value = table[key]
    if isinstance(value, tuple):  # (one, many): English counts, "1 attempt", "2 attempts"
        value = value[0] if fields.get("n") == 1 else value[1]
    return value.format(**fields) if fields else value


def counted(n: int, noun: str) -> str:
    """``n`` and an English ``noun`` in its number, for messages written in English only:
    "1 question", "2 questions"."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def filler_named(lang: str, word: str, said: str = "") -> str:
    """The filler a note names, by its family ``word`` (:func:`furikaeri.notes.filler_key`),
    the same in every answer's check, with the forms the answers wrote (``said``) beside it
    where they differ: 「えー」（え/えー）, 「えーと」（えっと）. The forms alone, as before, named one
    fix three ways as Whisper's spelling moved (QA s41 C1 #5)."""
    if said and said != word:
        return text(lang, "fix_word_forms", word=word, forms=said)
    return text(lang, "fix_word", word=word)


#: The languages furikaeri speaks: each is one module here (``lang/<code>.py``).
LANGUAGES = ("en", "ja")

#: Names of the languages people most often switch into, among those Whisper tells apart
#: (:func:`language_name`), in English and in Japanese.
LANGUAGE_NAMES = {
    "ar": ("Arabic", "アラビア語"), "bn": ("Bengali", "ベンガル語"), "cs": ("Czech", "チェコ語"),
    "da": ("Danish", "デンマーク語"), "de": ("German", "ドイツ語"), "el": ("Greek", "ギリシャ語"),
    "es": ("Spanish", "スペイン語"), "fa": ("Persian", "ペルシア語"), "fi": ("Finnish", "フィンランド語"),
    "fr": ("French", "フランス語"), "he": ("Hebrew", "ヘブライ語"), "hi": ("Hindi", "ヒンディー語"),
    "hu": ("Hungarian", "ハンガリー語"), "id": ("Indonesian", "インドネシア語"), "it": ("Italian", "イタリア語"),
    "ko": ("Korean", "韓国語"), "mn": ("Mongolian", "モンゴル語"), "ms": ("Malay", "マレー語"),
    "my": ("Burmese", "ミャンマー語"), "ne": ("Nepali", "ネパール語"), "nl": ("Dutch", "オランダ語"),
    "no": ("Norwegian", "ノルウェー語"), "pl": ("Polish", "ポーランド語"), "pt": ("Portuguese", "ポルトガル語"),
    "ro": ("Romanian", "ルーマニア語"), "ru": ("Russian", "ロシア語"), "sv": ("Swedish", "スウェーデン語"),
    "ta": ("Tamil", "タミル語"), "th": ("Thai", "タイ語"), "tl": ("Tagalog", "タガログ語"),
    "tr": ("Turkish", "トルコ語"), "uk": ("Ukrainian", "ウクライナ語"), "ur": ("Urdu", "ウルドゥー語"),
    "vi": ("Vietnamese", "ベトナム語"), "yue": ("Cantonese", "広東語"), "zh": ("Chinese", "中国語"),
}


def language_name(code: str, ui: str) -> str:
    """The name of language ``code`` (any Whisper knows) in language ``ui``."""
    if code in LANGUAGES:
        return text(ui, f"language_{code}")
    names = LANGUAGE_NAMES.get(code)
    if names is not None:
        return names[ui == "ja"]
    return f"別の言語（{code}）" if ui == "ja" else f"another language ({code})"


def clock(seconds: float) -> str:
    """``m:ss`` for a time in seconds."""
    s = max(0, int(seconds + 0.5))  # half up, as every figure is shown (6.5 s is 0:07)
    return f"{s // 60}:{s % 60:02d}"

_KANA_KANJI = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")
_LATIN = re.compile(r"[A-Za-z]")


def script_of(word: str) -> str | None:
    """The language a word is written for: ``ja`` in kana or kanji, ``en`` in Latin letters,
    None for digits and punctuation alone."""
    if _KANA_KANJI.search(word):
        return "ja"
    return "en" if _LATIN.search(word) else None


_STRAY_SPACE = re.compile(r"(?<![A-Za-z0-9,.!?;:])\s+|\s+(?![A-Za-z0-9])")


def readable(text_: str, code: str | None) -> str:
    """A transcript as a reader expects it: in a language written without spaces, the spaces
    Whisper leaves between words (「ケーケーリ27カギ。 県は」) taken out, except between two words
    in Latin letters or digits ("IT サポート" keeps none, "Python 3" keeps its own)."""
    if not text_ or code not in LANGUAGES or get_rules(code).joiner:
        return text_
    return _STRAY_SPACE.sub("", text_).strip()


def get_rules(code: str) -> Rules:
    """The rules of language ``code``; any other code gets English counting."""
    import importlib

    return importlib.import_module(f"furikaeri.lang.{code if code in LANGUAGES else 'en'}").RULES


def pick_lang(explicit: str | None, languages, mixed: str | None = None) -> str:
    """The language to label a view of several answers in: ``explicit`` if it is one of
    :data:`LANGUAGES`, else the answers' language when they all share one, else ``mixed`` (the
    person's own language, for the command line) or English."""
    if explicit in LANGUAGES:
        return explicit
    langs = {code for code in languages if code}
    if len(langs) == 1 and next(iter(langs)) in LANGUAGES:
        return langs.pop()
    return mixed if mixed in LANGUAGES else LANGUAGES[0]


def guess_language(texts) -> str:
    """The language whose script the texts are written in (Japanese before English: a Japanese
    question may hold Latin letters, "ES" or "OB"); English when none."""
    for code in reversed(LANGUAGES):
        if any(get_rules(code).owns(t) for t in texts):
            return code
    return LANGUAGES[0]


_NOT_SPOKEN = re.compile(r"[\s、。，．,.!?！？…「」\"'()-]+")


def leading_fillers(rules: Rules, text: str) -> tuple[list[tuple[str, str]], str]:
    """The fillers ``text`` opens with (``(text, kind)``, with nothing but punctuation between
    them) and the rest of the text ("" when nothing else is spoken): ``"えっと、県も"`` ->
    ``([("えっと", "hesitation")], "県も")``. Repetitions do not count as fillers here."""
    lead: list[tuple[str, str]] = []
    pos = 0
    for m in sorted(rules.find_fillers(text), key=lambda m: m.start):
        if m.kind == "repetition" or _NOT_SPOKEN.sub("", text[pos:m.start]):
            break
        lead.append((m.text.strip(" ,、"), m.kind))
        pos = m.end
    rest = text[pos:].lstrip(" ,、。.…")
    return lead, rest if _NOT_SPOKEN.sub("", rest) else ""


def only_fillers(rules: Rules, text: str) -> str | None:
    """The filler ``text`` consists of (its longest filler, e.g. "Um" for "Um, um."), or None
    when anything in it is not a filler by ``rules``: a whole short utterance of fillers."""
    if not _NOT_SPOKEN.sub("", text):
        return None
    matches = rules.find_fillers(text)
    if not matches:
        return None
    spoken = [not _NOT_SPOKEN.fullmatch(c) for c in text]
    for m in matches:
        for i in range(m.start, m.end):
            spoken[i] = False
    if any(spoken):
        return None
    return max((m.text.strip() for m in matches), key=len)
