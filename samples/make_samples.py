#!/usr/bin/env python3
"""Write the sample answers in ``samples/`` from text, with a truth file beside each.

Run from the repository root: ``.venv/bin/python samples/make_samples.py``. Needs espeak-ng
(English) and pyopenjtalk with Debian's open-jtalk-mecab-naist-jdic dictionary (Japanese).
The output is deterministic (fixed seed). Each answer is made exactly like the benchmark corpus
(``bench/corpus.py``: phrases synthesised one by one, trimmed to their sound, joined with
silences of known length, light room noise) and has a truth JSON in the format of
``bench/TRUTH.md``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "bench"))

from corpus import AnswerSpec, Speaker, write_answer  # noqa: E402

#: quieter room than the corpus (-50..-40 dBFS), so the committed files stay small
NOISE_DBFS = -58.0
SPEECH_DBFS = -25.0

SAMPLES: list[AnswerSpec] = [
    AnswerSpec(
        "en_tell_me_about_yourself", "en", "Tell me about yourself.", 60, "clean",
        Speaker("en-us", 130, 50),
        script=(
            "{um} [0.5] I'm a third year student in computer science. [0.8] I like making things that people use "
            "every day, | so I'm looking for a role where I can work close to the users. [0.7] "
            "{uh} [0.4] Outside of class, I help run our coding club. [0.9] Last term we taught, "
            "[0.2] {like} [0.3] thirty new students to build their first website. [0.6] "
            "I mean to keep doing that kind of teaching, | wherever I work."
        ),
        noise_dbfs=NOISE_DBFS, speech_dbfs=SPEECH_DBFS,
    ),
    AnswerSpec(
        "en_greatest_strength", "en", "What is your greatest strength?", 60, "clean",
        Speaker("en-gb", 120, 40),
        script=(
            "My greatest strength is that I stay calm when things go wrong. [0.7] During my "
            "internship, our main server went down on a Friday evening. [0.6] {um} [0.35] Instead "
            "of panicking, | I wrote down what we knew, | and we checked each part one by one. "
            "[0.8] We had it running again within an hour."
        ),
        noise="brown", noise_dbfs=NOISE_DBFS, speech_dbfs=SPEECH_DBFS,
    ),
    AnswerSpec(
        "en_weakness_over_budget", "en", "What is your greatest weakness?", 30, "hesitant",
        Speaker("en-us+m3", 115, 45),
        script=(
            "{uh} [0.9] My weakness, [0.4] {um} [0.3] is probably public speaking. [1.2] In my first "
            "year, | I had to give a talk to the whole department, | and {I:repetition} [0.2] I "
            "forgot half of what I wanted to say. [1.5] {so} [0.4] since then, | I've joined a "
            "speaking club. [0.9] {you know} [0.3] it's getting "
            "easier, | but I still get nervous before a big talk. [2.0] {uh} [0.5] I think that's "
            "normal, though."
        ),
        noise_dbfs=NOISE_DBFS, speech_dbfs=SPEECH_DBFS,
    ),
    AnswerSpec(
        "ja_jikoshoukai", "ja", "自己紹介をお願いします。", 30, "clean", Speaker("mei", 1.0, 0.0),
        script=(
            "南山大学文学部の田中美咲と申します。| 大学では、日本の近代文学を専攻しています。[0.7] "
            "{えー} [0.3] アルバイトでは、書店で三年間働いていて、| お客様に本を紹介するのが好きです。"
            "[0.8] 本日は、どうぞよろしくお願いいたします。"
        ),
        noise_dbfs=NOISE_DBFS, speech_dbfs=SPEECH_DBFS,
    ),
    AnswerSpec(
        "ja_jikopr", "ja", "自己PRをしてください。", 60, "rambling", Speaker("mei", 1.05, 1.0),
        script=(
            "私の強みは、相手の話を最後まで聞く力です。[0.7] {あのー} [0.4] 飲食店のアルバイトで、| "
            "新人の教育係を任されました。[0.6] {まあ} [0.3] 最初は、やり方を教えるだけでしたが、| "
            "なかなか定着しませんでした。[0.9] {えー} [0.5] そこで、一人ひとりの悩みを聞く時間を"
            "作ったところ、| 辞める人が減りました。[0.7] その経験を、貴社でも生かしたいと考えています。"
        ),
        noise="brown", noise_dbfs=NOISE_DBFS, speech_dbfs=SPEECH_DBFS,
    ),
    AnswerSpec(
        "ja_gakuchika_over_budget", "ja", "学生時代に力を入れたことは何ですか。", 30, "hesitant",
        Speaker("mei", 0.95, -2.0),
        script=(
            "{えーと} [0.6] 学生時代に力を入れたことは、| ボランティア活動です。[1.0] {えー} [0.4] "
            "地域の小学生に、| 週に一回、勉強を教えていました。[0.8] {あのー} [0.5] 最初は、"
            "話を聞いてくれなくて、[0.3] {なんか} [0.3] すごく悩みました。[1.5] {うーん} [0.5] それで、一人ひとりの好きなことを聞いて、| "
            "それに合わせた問題を作るようにしました。[0.8] {まあ} [0.3] その結果、子どもたちが"
            "自分から質問してくれるようになりました。"
        ),
        noise_dbfs=NOISE_DBFS, speech_dbfs=SPEECH_DBFS,
    ),
]


def main() -> int:
    t0 = time.perf_counter()
    for spec in SAMPLES:
        truth = write_answer(spec, HERE)
        print(f"{truth['audio']:34} {truth['duration_s']:5.1f}s  answer {truth['answer_s']:5.1f}s  "
              f"budget {spec.budget_s:g}s  {len(truth['fillers'])} fillers", file=sys.stderr)
    size = sum(p.stat().st_size for p in HERE.iterdir() if p.is_file())
    print(f"wrote {len(SAMPLES)} samples in {time.perf_counter() - t0:.1f} s; samples/ is "
          f"{size / 1e6:.2f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
