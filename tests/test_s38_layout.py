"""After QA s38 G: a half character Whisper ends a stretch on is no word; Japanese lines of the
note check and of progress break between phrases; a detail line wraps under its own words."""

from __future__ import annotations


from rich.console import Console
from rich.text import Text

from furikaeri.lang import text
from furikaeri.transcribe import _broken


def test_a_half_character_with_nothing_else_is_no_word():
    """G #3: "      \\ufffd" (probability 0.004) ended a live Japanese answer and was saved."""
    assert _broken("      \ufffd") and _broken("\ufffd。")
    assert not _broken("え\ufffd") and not _broken("はい") and not _broken(" um")


def _plain_lines(renderable, width: int) -> list[str]:
    out = Console(width=width, record=True, force_terminal=False)
    out.print(renderable)
    return [ln.rstrip() for ln in out.export_text().splitlines()]


def test_the_note_checks_headline_breaks_between_phrases():
    """G #4: 「…メモの効果はまだ判」/「断できません:」 at 80 columns."""
    from furikaeri.notes import FixCheck
    from furikaeri.report import history as H

    fix = FixCheck(1, "ゆっくり話す", True, (), "too_short", short_in="earlier")
    out = Console(width=80, record=True)
    H.render_fix(out, fix, "ja")
    lines = out.export_text().splitlines()
    assert lines and not any(ln.startswith("断") for ln in lines), lines
    assert text("ja", "fix_too_short_earlier") in "".join(lines)


def test_a_tie_between_two_phrase_ends_goes_to_the_likelier():
    """G #4: 「声の推移と自己」/「ベストに含めていません」 in progress at 80 columns."""
    from furikaeri.report.wrap import fit_line

    said = text("ja", "short_left_out", share=0.3, n=2)
    lines = fit_line(Text(said), 80).plain.split("\n")
    assert not any(ln.startswith("ベスト") for ln in lines), lines


def test_a_detail_line_wraps_under_its_words_not_its_label():
    """G #6: 「フィラー: え×2 …」's second line began under the label."""
    from furikaeri.report.terminal import _hung

    line = Text("繰り返し: 点は×1  なく×1  橋号×1  橋号を×1  警察に×1  トロボードをして×1  マリは×1  鍵を×1")
    lines = _plain_lines(_hung(line, 60), 60)
    assert len(lines) == 2 and lines[0].startswith("繰り返し: ") and lines[1].startswith(" " * 10), lines
    short = _plain_lines(_hung(Text("Fillers: uh×2  (share of words: 3%)"), 60), 60)
    assert short == ["Fillers: uh×2  (share of words: 3%)"], short
