"""`questions show` in a narrow terminal (QA s40 Z #5): a long question id keeps its budget
indented under it, the set's header follows the Japanese line rules, and an honorific お stays
with its word after a verb's て form (「含めて」 / 「お話しください」)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from rich.cells import cell_len
from rich.text import Text

from furikaeri.cli import cli
from furikaeri.report.wrap import wrap_unspaced

COMPANY = "株式会社ながいなまえのテクノロジーソリューションズ"
FILE = f'''[company]
name = "{COMPANY}"
language = "ja"

[[questions]]
id = "very-long-question-identifier-for-testing"
text = "当社の海外展開について、あなたならどう実行に移していきますか。「なぜ」その手を選ぶのかも含めてお話しください。"
hint = "結論→理由→具体策→入社後の役割。（数字を一つ入れる）"
budget = 120
'''


@pytest.mark.parametrize("width", [30, 45, 60])
def test_a_long_id_keeps_its_budget_indented_and_no_line_opens_with_a_closing_mark(furikaeri_home, tmp_path, width):
    f = tmp_path / "co.toml"
    f.write_text(FILE, encoding="utf-8")
    runner = CliRunner(env={"COLUMNS": str(width)})
    assert runner.invoke(cli, ["questions", "add", str(f)]).exit_code == 0
    r = runner.invoke(cli, ["questions", "show", COMPANY])
    assert r.exit_code == 0, r.output
    lines = [ln.rstrip() for ln in r.output.splitlines() if ln.strip()]
    budget = next(ln for ln in lines if ln.strip() == "120秒" or ln.endswith("120秒"))
    assert budget.startswith("  "), lines  # never alone at the edge
    assert not any(ln.lstrip()[:1] in set("ー、。）」") for ln in lines), lines
    assert all(cell_len(ln) <= width for ln in lines if "very-long" not in ln and "identifie" not in ln)


def test_an_honorific_o_after_a_te_form_goes_with_its_word():
    lines = wrap_unspaced(Text("具体的なエピソードを含めてお話しください。"), 20).plain.split("\n")
    assert "お話しください。" in lines, lines
    # after a word's own last kana it is no prefix: たまご焼き, いちご農家 stay whole
    assert "たまご" in wrap_unspaced(Text("たまご焼きといちご農家の話"), 6).plain.split("\n")[0]
