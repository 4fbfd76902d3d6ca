"""Japanese rules: fillers with context, hedges, morae, characters, sentence ends, labels.

Uses the real fugashi + unidic-lite tagger (installed with the package); no mocks.
"""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from furikaeri.lang import Match, get_rules
from furikaeri.lang.ja import RULES, kana_morae, latin_morae, read_number



def fillers(text: str) -> list[tuple[str, str]]:
    found = RULES.find_fillers(text)
    for m in found:
        assert isinstance(m, Match)
        assert m.text.endswith(text[m.start:m.end]), m  # the span, or the span named whole (っと: えっと)
    starts = [m.start for m in found]
    assert starts == sorted(starts)
    return [(m.text, m.kind) for m in found]


def filler_texts(text: str) -> list[str]:
    return [t for t, _ in fillers(text)]


def hedges(text: str) -> list[str]:
    found = RULES.find_hedges(text)
    for m in found:
        assert text[m.start:m.end] == m.text and m.kind == "hedge"
    return [m.text for m in found]


# --- the interface --------------------------------------------------------------------

def test_identity_prompt_labels():
    assert RULES.code == "ja" and RULES.name == "日本語"
    assert 0 < len(RULES.filler_prompt) <= 40
    assert "えー" in RULES.filler_prompt and "あのー" in RULES.filler_prompt
    assert RULES.labels["fillers"] == "フィラー"
    assert all(isinstance(v, str) and v for v in RULES.labels.values())
    assert RULES.labels["fillers"] == "フィラー"
    assert RULES.labels["over_budget"] == RULES.labels["metric_over_s"] == "持ち時間超過"  # one name in every view
    assert get_rules("ja") is RULES


def test_import_does_not_load_fugashi():
    code = "import sys, furikaeri.lang.ja; assert 'fugashi' not in sys.modules, 'fugashi loaded'"
    subprocess.run([sys.executable, "-c", code], check=True)


# --- fillers: the brief's example and hesitations -------------------------------------

def test_whisper_style_sentence():
    text = "えーと、私は、あのー、大学で3年間テニスをしていました。"
    assert fillers(text) == [("えーと", "hesitation"), ("あのー", "discourse")]


@pytest.mark.parametrize(
    "form",
    ["えー", "えーー", "えぇ", "えーと", "えっと", "えーっと", "ええと", "えーとですね", "あー", "あぁ",
     "うーん", "うー", "うーむ", "んー", "んーと"],
)
def test_hesitation_forms(form):
    text = f"私は、{form}、大学でテニスをしていました。"
    assert fillers(text) == [(form, "hesitation")]


@pytest.mark.parametrize(
    "text",
    [
        "へえー、そうなんですね。",  # えー inside へえー
        "えっ、本当ですか。",  # surprise, not hesitation
        "あっ、そうだ。",
        "うん、そうですね。",  # うん is "yes"
        "ああして歩いているところをみると、人間にちがいない",  # the adverb ああ
        "ああいう人になりたいです。",
        # Whisper's comma where the reader drew breath (common_voice_ja_38833628) is still the adverb
        "やっぱり、おばけは有名じゃないんだ。ああ、して歩いているところをみっと人間に違いない。",
        "ああ、やって作りました。",
        "ああなると困ります。",
        # ... and written drawn, as Whisper heard the same clip on another run
        "やっぱり、おばけは有名じゃないんだ。あーして歩いてるところをみっと人間に違いない。",
        "あーいう人になりたいです。",
    ],
)
def test_not_hesitations(text):
    assert fillers(text) == []


def test_aa_before_a_pause_is_a_hesitation():
    assert fillers("ああ、なるほど。") == [("ああ", "hesitation")]
    assert fillers("あー、して、それから") == [("あー", "hesitation")]


def test_ee_yes_or_hesitation():
    assert fillers("ええ、そうです。") == []  # opening the answer: the polite "yes"
    assert fillers("はい、ええ。そうです。") == []  # standing alone: "yes"
    assert fillers("すごくええ感じです。") == []  # Kansai "good"
    assert fillers("私は、ええ、大学で") == [("ええ", "hesitation")]
    assert fillers("うーん、ええ、そうです。") == [("うーん", "hesitation"), ("ええ", "hesitation")]


@pytest.mark.parametrize("text,expected", [
    ("言いました。っと、それは", ["えっと"]),  # えっと whose え Whisper lost at a phrase start
    ("っと、マリさんは", ["えっと"]),
    ("さんが、っと、えーと、", ["えっと", "えーと"]),
    ("、っとー、", ["えっとー"]),
    ("ちょっと待って", []), ("もっと、早く", []), ("きっと、大丈夫", []), ("ずっと、待っていた", []),
    ("行こうっと。", []),  # the particle after a verb
])
def test_clipped_etto_opens_a_phrase(text, expected):
    assert filler_texts(text) == expected


def test_bare_eto_only_near_a_pause():
    assert fillers("えと、私は") == [("えと", "hesitation")]
    assert fillers("私は、えと、大学で") == [("えと", "hesitation")]


# --- あの / その ------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "あの会社に入りたいです。",
        "その本を読みました。",
        "その時、私は決めました。",
        "あの人に憧れています。",
        "そのため、練習を増やしました。",
        "そのまま続けました。",
        "そのくらい大変でした。",
        "そのような経験から学びました。",
        "その上で、計画を立てました。",
        "そのうち慣れました。",
        "その中で、私は",
        "あの頃の経験を活かして",
        "その後、留学しました。",
        "その結果、売上が2倍になりました。",
        "あのお店でアルバイトをしていました。",  # あのお is not an elongated あの
        "その3年間で成長しました。",
        "あの大きな建物です。",
        "あの大きい会社です。",
        "その新しい方法を試しました。",
        "その他の活動",
        "その日の夜",  # a time word that is not the speaker's now can be "that" one
        "その翌日に面接を受けました。",
    ],
)
def test_demonstratives_are_not_fillers(text):
    assert fillers(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("あの、私は、えーと、その、御社の、あの、理念に共感しました。", ["あの", "えーと", "その", "あの"]),
        ("あのー、えっと、アルバイトです。", ["あのー", "えっと"]),
        ("あのう、すみません。", ["あのう"]),
        ("そのー、リーダーとして", ["そのー"]),
        ("あのですね、私は", ["あのですね"]),
        ("そのですね、実は", ["そのですね"]),
        ("あの私は頑張りました。", ["あの"]),  # before a pronoun
        ("あのすごく楽しかったです。", ["あの"]),  # before an adverb
        ("その、読みました。", ["その"]),
        ("あのえーと、", ["あの", "えーと"]),  # before another filler
        ("このあのプロジェクトでは", ["あの"]),
        ("私はあの。", ["あの"]),
        ("あの今でも感謝しています。", ["あの"]),  # before a time word of the speaker's own now
        ("その今日は、面接でした。", ["その"]),
        ("あの最近は、毎日走っています。", ["あの"]),
    ],
)
def test_ano_sono_fillers(text, expected):
    assert filler_texts(text) == expected
    assert all(kind == "discourse" for t, kind in fillers(text) if t.startswith(("あの", "その")))


# --- まあ / なんか / なんていうか ---------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("まあ、そうですね。", ["まあ"]),
        ("まぁ、いろいろありました。", ["まぁ"]),
        ("まー、そうですね。", ["まー"]),
        ("まあ大きく二つあります。", ["まあ"]),
        ("まあね。", ["まあ"]),
        ("結果はまあまあでした。", []),  # the adverb "so-so"
        ("まぁまぁです。", []),
    ],
)
def test_maa(text, expected):
    assert filler_texts(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("なんか、すごく楽しかったです。", ["なんか"]),
        ("なんかサークルでなんかリーダーをやってて。", ["なんか", "なんか"]),
        ("なんかー、", ["なんかー"]),
        ("私なんか、まだまだです。", []),  # particle "such as"
        ("勉強なんかしない。", []),
        ("なんかを食べたい。", []),  # pronoun "something"
        ("なんかあったら相談します。", []),
        ("何か質問はありますか。", []),  # Whisper writes the pronoun in kanji
        ("なんかいも練習しました。", []),  # なんかい = 何回
        ("なんか食べたい。", ["なんか"]),  # ambiguous; counted (module docstring)
    ],
)
def test_nanka(text, expected):
    assert filler_texts(text) == expected


@pytest.mark.parametrize("phrase", ["なんていうか", "なんというか", "何て言うか", "何て言うんですかね", "なんていうかな"])
def test_nante_iu_ka(phrase):
    assert fillers(f"{phrase}、大変でした。") == [(phrase, "discourse")]


# --- repetitions ----------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("私が私が、リーダーでした。", ["私が"]),
        ("私は、私は、頑張りました。", ["私は"]),
        ("大学の大学の、経験です。", ["大学の"]),
    ],
)
def test_repetitions(text, expected):
    found = fillers(text)
    assert [t for t, k in found if k == "repetition"] == expected


@pytest.mark.parametrize(
    "text",
    ["一つ一つ丁寧に取り組みました。", "一人一人と向き合いました。", "人々のために", "時々、練習しました。", "いろいろ学びました。"],
)
def test_reduplication_is_not_repetition(text):
    assert fillers(text) == []


# --- a realistic answer ---------------------------------------------------------------

def test_realistic_answer():
    text = ("えーとですね、私が学生時代に力を入れたことは、あのー、テニスサークルでの活動です。"
            "まあ、最初は、その、部員が少なくて、なんか、大変だったんですけど、その経験から、"
            "えー、協調性を学んだと思います。")
    assert filler_texts(text) == ["えーとですね", "あのー", "まあ", "その", "なんか", "えー"]
    assert hedges(text) == ["だと思います"]


def test_no_punctuation_answer():
    text = "あのー私はあのサークルで副代表をしていてその経験からえーっと協調性を学びました"
    # あのサークル / その経験 are demonstratives without a comma (precision over recall)
    assert filler_texts(text) == ["あのー", "えーっと"]


def test_reference_sentences_have_no_fillers():
    for text in REFERENCE:
        assert RULES.find_fillers(text) == []


def test_empty_text():
    assert RULES.find_fillers("") == []
    assert RULES.find_hedges("  ") == []
    assert RULES.count_units("") == 0
    assert RULES.count_chars("") == 0


# --- hedges ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("協調性を学んだと思います。", ["だと思います"]),
        ("貢献できると思います。", ["と思います"]),
        ("難しいかなと思います。", ["かなと思います"]),
        ("挑戦したいと思っています。", ["と思っています"]),
        ("一応、リーダーでした。", ["一応"]),
        ("たぶん大丈夫です。", ["たぶん"]),
        ("多分、三年目です。", ["多分"]),
        ("発表させていただきます。", ["させていただきます"]),
        ("参加させていただきました。", ["させていただきました"]),
        ("ちょっと難しかったです。", ["ちょっと"]),
        ("リーダーみたいな感じでした。", ["みたいな感じ"]),
        ("副代表みたいな役割です。", ["みたいな"]),
        ("リーダー的な役割でした。", ["的な"]),
        ("サークル的な感じです。", ["的な感じ"]),
        ("積極的な性格です。", []),  # an ordinary 的 adjective
        ("具体的な例を挙げます。", []),
        ("そうですね、私の強みは", ["そうですね"]),
        ("そうですね。", ["そうですね"]),  # opening the answer: stalling
        ("はい、そうですね。", []),  # agreement
        ("大学で経済学を学びました。", []),
    ],
)
def test_hedges(text, expected):
    assert hedges(text) == expected


def test_hedges_and_fillers_are_separate():
    text = "えー、一応、リーダーでした。"
    assert filler_texts(text) == ["えー"]
    assert hedges(text) == ["一応"]


# --- morae ----------------------------------------------------------------------------

# Common Voice Japanese reference texts (../shared/audio/README.md, ja section) with mora
# counts made by hand from the kana reading.
REFERENCE = [
    "「やっぱりお化けや幽霊じゃないんだ。ああして歩いているところをみると、人間にちがいない」",
    "「こりゃきっと仲間によくないことがあったにちがいない。」と小悪魔は考えました。",
    "すると、ブランコ乗りは突然泣き始めた。すっかり驚いた興行主は飛び上がり、いったいどうしたのか、とたずねた。",
    "王もこのやり方は喜んでいません。それにもう一つ、これには困ることがあるのです。",
    "ヘンゼルは屋根が、とてもおいしかったので、大きなやつを、一枚、そっくりめくってもって来ました。",
]
REFERENCE_HAND_MORAE = [44, 38, 56, 42, 45]
# What the rules give: UniDic reads 小悪魔 ショーアクマ (+1) and 興行主 コーギョーシュ (-1).
REFERENCE_RULE_MORAE = [44, 39, 55, 42, 45]


@pytest.mark.parametrize("text, hand, rule", list(zip(REFERENCE, REFERENCE_HAND_MORAE, REFERENCE_RULE_MORAE)))
def test_reference_sentence_morae(text, hand, rule):
    n = RULES.count_units(text)
    assert n == rule
    assert abs(n - hand) <= 1


def test_reference_total_matches_hand_count():
    assert sum(RULES.count_units(t) for t in REFERENCE) == sum(REFERENCE_HAND_MORAE)


@pytest.mark.parametrize(
    "text, n",
    [
        ("東京", 4),  # トーキョー
        ("学校", 4),  # ガッコー
        ("私は", 4),  # ワタシワ (everyday reading, not UniDic's ワタクシ)
        ("きゃ", 1),
        ("キャッチャー", 4),  # キャ ッ チャ ー
        ("しゅうかつ", 4),
        ("就活", 4),
        ("ん", 1),
        ("えーと", 3),
        ("あのー", 3),
        ("そのー", 3),  # その + a separate ー token
        ("、。！？「」", 0),
        ("3年間", 6),  # サン ネンカン
        ("３年", 4),  # full-width digit
        ("2024年", 10),  # ニセンニジューヨン ネン
        ("100人", 4),  # ヒャク ニン
        ("1,000人", 4),  # セン ニン
        ("3.5倍", 7),  # サンテンゴ バイ
        ("AI", 4),  # エーアイ
        ("ｱｲｳｴｵ", 5),  # half-width katakana
        ("😀", 0),
        ("Python", 4),  # ≈ パイソン
        ("えーと、私は、あのー、大学で3年間テニスをしていました。", 31),
    ],
)
def test_count_units(text, n):
    assert RULES.count_units(text) == n


@pytest.mark.parametrize(
    "kana, n",
    [("トーキョー", 4), ("がっこう", 4), ("ファイル", 3), ("ヴァイオリン", 5), ("ちょっと", 3), ("きゅう", 2), ("abc", 0)],
)
def test_kana_morae(kana, n):
    assert kana_morae(kana) == n


@pytest.mark.parametrize(
    "digits, reading",
    [
        ("0", "ゼロ"),
        ("3", "サン"),
        ("10", "ジュー"),
        ("15", "ジューゴ"),
        ("100", "ヒャク"),
        ("300", "サンビャク"),
        ("600", "ロッピャク"),
        ("800", "ハッピャク"),
        ("1000", "セン"),
        ("3000", "サンゼン"),
        ("8000", "ハッセン"),
        ("2024", "ニセンニジューヨン"),
        ("10000", "イチマン"),
        ("120000000", "イチオクニセンマン"),
        ("1,000", "セン"),
        ("3.5", "サンテンゴ"),
        ("０９０", "ゼロキューゼロ"),
        ("１２", "ジューニ"),
    ],
)
def test_read_number(digits, reading):
    assert read_number(digits) == reading


@pytest.mark.parametrize(
    "word, n",
    [("AI", 4), ("IT", 4), ("ES", 4), ("OB", 4), ("W", 4), ("Python", 4), ("Google", 4),
     ("programming", 6), ("tennis", 4), ("Zoom", 2), ("make", 2)],
)
def test_latin_morae(word, n):
    assert latin_morae(word) == n


# --- characters and sentence ends -----------------------------------------------------

@pytest.mark.parametrize(
    "text, n",
    [
        ("えーと、私は、あのー、大学で3年間テニスをしていました。", 24),
        ("「はい！」", 2),
        ("ＡＢＣ１２３", 6),
        ("私は ES を書きました。", 10),
        ("人々…？！", 2),
    ],
)
def test_count_chars(text, n):
    assert RULES.count_chars(text) == n


@pytest.mark.parametrize(
    "text, expected",
    [
        ("テニスをしていました。", True),
        ("本当ですか？", True),
        ("頑張ります！", True),
        ("「そうだ」", False),
        ("「そうだ。」", True),
        ("そうです", True),
        ("頑張ります", True),
        ("学びました", True),
        ("大変でした", True),
        ("わかりません", True),
        ("いかがでしょう", True),
        ("そうですね", True),
        ("本当ですか", True),
        ("頑張りましょう", True),
        ("できませんでした", True),
        ("そうですよね", True),
        ("テニスをして", False),
        ("大学で", False),
        ("私は、", False),
        ("した", False),  # plain form: also ends relative clauses
        ("ですが", False),
        ("", False),
        ("I.I.D.", False),  # the dots of an ID said before the answer, not a sentence's end
        ("番号はA.", False),
        ("OK.", True),
    ],
)
def test_ends_sentence(text, expected):
    assert RULES.ends_sentence(text) is expected


# --- speed ----------------------------------------------------------------------------

def test_tagging_300_characters_takes_milliseconds():
    base = ("えーと、私は、あのー、大学で3年間テニスをしていました。まあ、なんか、その経験から、"
            "チームで協力することの大切さを学んだと思います。")
    RULES.count_units("準備")  # load the tagger
    timings = []
    for k in range(5):
        text = (base * 4)[:300] + str(k)  # a new text each time: no cache hits
        t = time.perf_counter()
        RULES.find_fillers(text)
        RULES.find_hedges(text)
        RULES.count_units(text)
        timings.append(time.perf_counter() - t)
    assert min(timings) < 0.05, timings


def test_random_texts_keep_the_invariants():
    """Offsets round-trip, matches are ordered and disjoint, counting never fails."""
    import random

    frags = ["えーと", "、", "私は", " ", "あのー", "その", "本", "まあ", "なんか", "。", "ｱｲｳ", "\n",
             "3.5", "IT", "Python", "ええ", "うーん", "あの", "会社", "ちょっと", "と思います", "私",
             "ー", "〜", "!?", "「", "」", "まあまあ", "えっ", "的な"]
    rng = random.Random(7)
    for _ in range(500):
        text = "".join(rng.choice(frags) for _ in range(rng.randint(0, 14)))
        for found in (RULES.find_fillers(text), RULES.find_hedges(text)):
            for m in found:
                assert text[m.start:m.end] == m.text
            for a, b in zip(found, found[1:]):
                assert a.end <= b.start
        assert RULES.count_units(text) >= 0
        assert RULES.count_chars(text) <= len(text)
        RULES.ends_sentence(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("りました。え、え、そこで", ["え", "え"]),
        ("え、そこで考えました", ["え"]),
        ("え？本当ですか", []),
        ("えび、好きです", []),
        ("絵を描きました", []),
    ],
)
def test_bare_e_is_how_whisper_writes_a_short_ee(text, expected):
    from furikaeri.lang.ja import RULES

    assert [m.text for m in RULES.find_fillers(text)] == expected


def test_a_transcript_reads_without_whispers_stray_spaces():
    from furikaeri.lang import readable

    assert readable(" ケーケーリ27カギ。 県は、 えっと IT サポートで Python 3 を", "ja") == "ケーケーリ27カギ。県は、えっとITサポートでPython 3を"
    assert readable(" I worked on it, and", "en") == " I worked on it, and"
