"""Session 42: a ガクチカ opening that names what was worked at states the point (QA s42 C #1:
「学生時代に力を入れたのは、ボランティア活動です」 was judged a story, its tip told the student
to lead with the conclusion, and an interview's 「結論から話す」 was marked not done)."""
from __future__ import annotations

import pytest

from furikaeri.lang import get_rules


@pytest.mark.parametrize("lang, sentence, order", [
    ("ja", "学生時代に力を入れたのは、ボランティア活動です。", "point_first"),
    ("ja", "学生時代は、ボランティア活動に力を入れました。", "point_first"),
    ("ja", "私が学生時代に最も力を入れたのは塾講師のアルバイトです。", "point_first"),
    ("ja", "えーと、学生時代に力を入れたコットは、ボランピア活動です。", "point_first"),  # Whisper's こと
    ("ja", "高校生の頃に打ち込んだのは、吹奏楽でした。", "point_first"),
    ("ja", "大学時代に、カフェのアルバイトで新人教育に取り組みました。", "point_first"),
    ("ja", "学生時代はサッカーに打ち込んでいました。", "point_first"),
    ("ja", "大学2年の時、サークルで代表を務めました。", "story_first"),
    ("ja", "学生時代にアルバイトを始めたのですが、最初はうまくいきませんでした。", "story_first"),
    ("ja", "学生時代は飲食店でアルバイトをしていました。", "story_first"),
    ("ja", "ある日、先輩に相談したところ、頑張ったねと言われました。", "story_first"),
    ("en", "What I worked hardest on at university was the robotics club.", "point_first"),
    ("en", "At university, I put most of my effort into the robotics club.", "point_first"),
    ("en", "During my time at university, I focused on volunteering.", "point_first"),
    ("en", "In my second year, I joined the robotics club.", "story_first"),
    ("en", "When I was in second year, I focused on my studies, but then I joined a club.", "story_first"),
    ("en", "When I was a kid, I spent my time outside.", "story_first"),
    # QA s42 E #4, #5: more ways to say it
    ("ja", "学生時代は、ゼミの研究に力を注ぎました。", "point_first"),
    ("ja", "学生時代は、ボランティア活動に熱中しました。", "point_first"),
    ("ja", "学生時代、私はサークル運営に尽力しました。", "point_first"),
    ("ja", "私は学生時代、塾講師のアルバイトに力を入れてまいりました。", "point_first"),
    ("en", "I'd like to talk about my work as captain of the tennis team.", "point_first"),
    ("en", "I'm most proud of leading the volunteer club.", "point_first"),
    ("en", "At university, I dedicated most of my time to the debate team.", "point_first"),
    ("en", "I threw myself into the robotics club at university.", "point_first"),
    ("en", "I spent most of my time at university on the robotics club.", "point_first"),
    ("en", "Something I really committed myself to was volunteering at a food bank.", "point_first"),
    ("en", "I worked hardest on my part-time job at a cafe, where I trained new staff.", "point_first"),
    ("en", "When I was a sophomore, I threw myself into the club, but we had no members.", "story_first"),
    ("en", "During my second year, I put a lot of effort into the club, and one day something happened.",
     "story_first"),
    # QA s42 D #6: a scene set is a story; a reason announced is not
    ("en", "There was a boy sitting under a tree, just blowing his balloons.", "story_first"),
    ("en", "So, there was this customer who was very angry.", "story_first"),
    ("en", "There was one main reason: the mission.", None),
    ("en", "There were two things I learned.", None),
    ("en", "There was one skill I developed most: listening.", None),  # QA s42 G #2: a point, not a scene
    ("en", "There was a 30% rise in sign-ups after I redesigned the page.", None),
    ("en", "There were three key lessons I took from my internship.", None),
    ("en", "There was a project at my internship that went wrong.", "story_first"),
    ("en", "There was a really angry customer at the front desk.", "story_first"),
])
def test_an_opening_that_names_what_was_worked_at_is_the_point(lang, sentence, order):
    assert get_rules(lang).opening_order(sentence) == order


@pytest.mark.parametrize("lang, said", [("ja", "切り出し: 判定できません"), ("en", "cannot tell")])
def test_an_opening_the_words_do_not_tell_says_cannot_tell_once(lang, said):
    # QA s42 C #5: 「切り出し: 判定できません  判定できません」
    import io

    from rich.console import Console
    from test_s38_loop import METRICS

    from furikaeri.report.history import render_stand
    from furikaeri.notes import check_stand

    out = Console(width=100, file=io.StringIO(), force_terminal=False)
    render_stand(out, check_stand("結論から話す", METRICS, "ja", order=None), lang, "ja")
    shown = " ".join(out.file.getvalue().split())
    assert said in shown and shown.count(said.split(": ")[-1]) == 1, shown


@pytest.mark.parametrize("locale, head", [("C.UTF-8", "Usage: furikaeri"), ("ja_JP.UTF-8", "使い方: furikaeri")])
def test_furikaeri_alone_shows_its_help_and_no_error(monkeypatch, locale, head):
    # QA s42 A #7: exit 2, "error", for a first-time user's bare command
    from click.testing import CliRunner

    from furikaeri.cli import cli

    monkeypatch.setenv("LANG", locale)
    r = CliRunner().invoke(cli, [], prog_name="furikaeri")
    assert r.exit_code == 0 and r.output.startswith(head) and "practice" in r.output


@pytest.mark.parametrize("args, said", [
    (["show", "-1"], "-1 is no option, and no number here is negative"),
    (["analyze", "nothing.wav", "-q", "-3"], "-3 is no question number: they start at 1"),
    (["progress", "-q", "-3"], "-3 is no question number: they start at 1"),
    (["compare", "-q", "-3"], "-3 is no question number: they start at 1"),
])
def test_a_negative_number_is_said_to_be_no_number(furikaeri_home, args, said):
    # QA s42 A #4, #5: `-q "-3"` saved as the question's words; `show -1` "No such option '-1'"
    from click.testing import CliRunner

    from furikaeri.cli import cli

    furikaeri_home.mkdir()  # an archive folder, with nothing in it yet

    r = CliRunner().invoke(cli, args)
    assert r.exit_code == 2 and said in r.output, r.output


def test_a_save_refused_on_a_damaged_archive_leaves_its_folder_as_it_was(tmp_path):
    # QA s42 A #2: `reflect` on a damaged database refused, and left an empty audio/ behind
    from click.testing import CliRunner

    from furikaeri.cli import cli

    (tmp_path / "furikaeri.db").write_text("junk\n")
    r = CliRunner().invoke(cli, ["--home", str(tmp_path), "reflect", "-c", "X", "-q", "Q?", "-a", "A"])
    assert r.exit_code == 2 and "damaged" in r.output
    assert not (tmp_path / "audio").exists() and (tmp_path / "furikaeri.db").read_text() == "junk\n"
    (tmp_path / "audio").mkdir()  # one that was there stays
    CliRunner().invoke(cli, ["--home", str(tmp_path), "reflect", "-c", "X", "-q", "Q?", "-a", "A"])
    assert (tmp_path / "audio").is_dir()


def test_reflect_says_a_damaged_archive_before_it_asks_anything(tmp_path):
    # QA s42 E #7: every prompt ran, then the archive was refused
    from click.testing import CliRunner

    from furikaeri.cli import cli

    (tmp_path / "furikaeri.db").write_bytes(b"\x00junk" * 4000)
    r = CliRunner().invoke(cli, ["--home", str(tmp_path), "reflect", "--prompt"], input="Acme\n1st\n\nQ?\nA\n")
    assert r.exit_code == 2 and "damaged" in r.output
    assert "company" not in r.output.lower() and "会社" not in r.output, r.output  # no prompt was shown


@pytest.mark.parametrize("lang, said", [("en", "'um': 1 (within what the recogniser may mishear) ✓"),
                                        ("ja", "「um」: 1回（聞き取りの誤差の範囲） ✓")])
def test_a_named_filler_said_once_is_fine_and_says_why(lang, said):
    # QA s42 D #8: "'um': 1 ✓" for "stop saying um" beside a transcript opening "Um,"
    import io

    from rich.console import Console
    from test_s38_loop import METRICS

    from furikaeri.report.history import render_stand
    from furikaeri.notes import check_stand

    out = Console(width=120, file=io.StringIO(), force_terminal=False)
    render_stand(out, check_stand("stop saying um", METRICS, "en", fillers=["Um"]), lang, "en")
    assert said in " ".join(out.file.getvalue().split()), out.file.getvalue()
