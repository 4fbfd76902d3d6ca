"""Session 46: a command refused before its take makes no archive (QA s45 S #9)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from furikaeri import capture
from furikaeri.cli import cli
from furikaeri.errors import StoreError
from furikaeri.store import Store, has_archive


def _run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_no_microphone_makes_no_archive(furikaeri_home, monkeypatch):
    """`record --save` and `practice` with no microphone refuse before the first question, and
    the new home they name stays as it was: no folder, no empty database."""
    monkeypatch.setattr(capture, "list_devices", lambda: [])
    for args in (("record", "--save", "-q", "Tell me about yourself", "--max-seconds", "2"),
                 ("record", "--save", "--session", "Monday", "--max-seconds", "2"),
                 ("practice", "--set", "en-basic", "-n", "1", "--no-reflect"),
                 ("practice", "--set", "ja-basic", "-n", "2", "--note", "結論から")):
        r = _run(*args)
        assert r.exit_code == 2, r.output
        assert "no microphone found" in r.output or "マイクが見つかりません" in r.output, r.output
        assert not furikaeri_home.exists(), (args, sorted(furikaeri_home.rglob("*")))


def test_usage_errors_still_come_before_the_microphone(furikaeri_home, monkeypatch):
    monkeypatch.setattr(capture, "list_devices", lambda: [])
    r = _run("practice", "--set", "en-basic", "-n", "1", "--note", "a", "--note", "b")
    assert r.exit_code == 2 and "2 --note for 1 question" in r.output and "microphone" not in r.output
    r = _run("record", "--save", "--session", "12", "--max-seconds", "2")
    assert r.exit_code == 2 and "microphone" not in r.output, r.output
    assert not furikaeri_home.exists()


def test_an_archive_there_is_still_checked_before_the_take(furikaeri_home, monkeypatch):
    """With an archive, `record --save` still opens it first: a read-only one is said before the
    take (the microphone is never reached)."""
    with Store.open(furikaeri_home):
        pass
    assert has_archive(furikaeri_home)
    reached = []
    monkeypatch.setattr(capture, "list_devices", lambda: reached.append(1) or [])

    def read_only(self):
        raise StoreError("the archive is read-only")

    monkeypatch.setattr(Store, "check_writable", read_only)
    r = _run("record", "--save", "--max-seconds", "2")
    assert r.exit_code != 0 and "read-only" in r.output and not reached, r.output


# --------------------------------------------------------------------------- Y #1: a table's root page


def _root(db, table: str) -> int:
    import sqlite3

    with sqlite3.connect(db) as c:
        return c.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]


@pytest.mark.parametrize("table", ["answers", "notes"])
def test_a_damaged_root_page_hides_no_answer_or_note_on_whole_pages(tmp_path, table):
    """QA s46 Y #1: random bytes over the answers' root page (an interior page once they fill
    more than one) hid all 36 answers, and the readable copy offered as the repair held none;
    their leaf pages were whole. Now they are read from the pages; deleted ones stay deleted
    (their whole pages freed, or their cells gone from a page still used)."""
    import json
    import sqlite3

    from datetime import timedelta

    from test_s35_h4 import MONDAY, analysis, damage, run

    home = tmp_path / "h"
    with Store.open(home) as st:  # long texts: several leaf pages, and overflow pages
        sid = st.session_for("Monday", now=MONDAY)
        ids = [st.add_answer(sid, analysis(f"answer {i} " + "words " * 600, "en").to_dict(),
                             now=MONDAY + timedelta(minutes=i), note={"next_time": f"note {i} " + "fix " * 300})
               for i in range(40)]
        gone = ids[5:15] + [ids[30]]
        for i in gone:
            st.delete_answer(i)
    db = home / "furikaeri.db"
    with sqlite3.connect(db) as c:
        assert c.execute("PRAGMA freelist_count").fetchone()[0] > 0  # whole pages were freed
        kinds = dict(c.execute("SELECT name, pagetype FROM dbstat WHERE pageno = ?", (_root(db, table),)).fetchall())
    assert kinds[table] == "internal"
    damage(db, _root(db, table), at=0, size=4096)
    r = run(home, "export", "--format", "json")
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    answers = doc["answers"] if isinstance(doc, dict) else doc
    kept = sorted(set(ids) - set(gone))
    assert sorted(a["id"] for a in answers) == kept
    for a in answers:
        assert a["transcript"].startswith(f"answer {a['id'] - 1} ") and len(a["transcript"]) > 3000
        assert (a["note"] or {}).get("next_time", "").startswith(f"note {a['id'] - 1} ")
    (readable,) = home.glob("furikaeri.db.readable-*")
    with sqlite3.connect(readable) as c:
        assert sorted(r[0] for r in c.execute("SELECT id FROM answers")) == kept
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_file_that_changes_while_it_is_analysed_is_neither_reported_nor_saved(furikaeri_home, tmp_path, monkeypatch):
    """QA s46 Y #3: a WAV a recorder was still writing was reported as its first 6.5 s of 32, and
    `--save` kept a later, longer copy than the figures described."""
    import numpy as np
    import soundfile as sf

    from furikaeri import stream

    path = tmp_path / "growing.wav"
    sf.write(path, np.zeros(16000, np.float32), 16000)

    def still_written(p, **kw):
        with open(p, "ab") as f:
            f.write(bytes(3200))
        return None

    monkeypatch.setattr(stream, "analyze_recording", still_written)
    r = _run("analyze", str(path), "--save", "--json")
    assert r.exit_code == 2 and "changed while it was analysed" in r.output and not r.stdout.strip(), r.output
    assert not furikaeri_home.exists()


def test_a_logged_interview_is_completed_not_logged_twice(furikaeri_home):
    """QA s46 X #4: a log cut off by a phone call could only be logged again, as a second
    interview holding the rest; `reflect --interview N` completes it."""
    import json

    r = _run("reflect", "-c", "あおば電機", "--stage", "一次面接", "--date", "2026-03-21",
             "-q", "あなたを色に例えると？", "--json")
    assert r.exit_code == 0, r.output
    iid = json.loads(r.stdout)["id"]
    r = _run("reflect", "--interview", str(iid), "--reaction", "理由を深掘りされた", "--to-fix", "例え話は理由を2つ用意",
             "-q", "最後に質問はありますか", "-a", "若手の裁量について", "--json")
    assert r.exit_code == 0, r.output
    done = json.loads(r.stdout)
    assert done["id"] == iid and done["reaction"] == "理由を深掘りされた" and done["to_fix"] == "例え話は理由を2つ用意"
    assert [i["question"] for i in done["items"]] == ["あなたを色に例えると？", "最後に質問はありますか"]
    assert done["company"] == "あおば電機" and done["stage"] == "一次面接" and done["held_on"] == "2026-03-21"
    with Store.open(furikaeri_home) as st:
        assert [iv.id for iv in st.interviews()] == [iid]
    r = _run("reflect", "--interview", "99", "--reaction", "x")
    assert r.exit_code == 2 and "there is no interview 99" in r.output
    # a question already logged, given again from the command line: its answer, not a second copy
    # (QA s47 DD #4); another wording of it (up to marks and width) is the same question
    r = _run("reflect", "--interview", str(iid), "-q", "あなたを色に例えると?", "-a", "青。落ち着いているから", "--json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["items"][:2] == [{"question": "あなたを色に例えると？", "answer": "青。落ち着いているから"},
                                                 {"question": "最後に質問はありますか", "answer": "若手の裁量について"}]
    assert len(json.loads(r.stdout)["items"]) == 2
    # typed in a terminal: Enter keeps each part, what is typed replaces it, more questions follow
    r = CliRunner().invoke(cli, ["reflect", "--interview", str(iid), "--prompt"],
                           input="\n\n面接官は笑顔だった\n\n\n赤。情熱的だから\n\n\n志望動機は？\n業界の将来性\n\n")
    assert r.exit_code == 0, r.output
    with Store.open(furikaeri_home) as st:
        iv = st.interview(iid)
    assert iv.went_well == "面接官は笑顔だった" and iv.reaction == "理由を深掘りされた" and len(iv.items) == 3
    assert iv.items[0] == {"question": "あなたを色に例えると？", "answer": "赤。情熱的だから"}  # corrected (Z #5)
    # a question logged by mistake: cleared with a space, it goes with its answer
    r = CliRunner().invoke(cli, ["reflect", "--interview", str(iid), "--prompt"],
                           input="\n\n\n\n\n\n \n\n\n\n")
    assert r.exit_code == 0, r.output
    with Store.open(furikaeri_home) as st:
        assert [i["question"] for i in st.interview(iid).items] == ["あなたを色に例えると？", "志望動機は？"]
    # the input ending (or Ctrl-C) before the last prompt backs out: nothing is changed (QA s46 Z #4)
    r = CliRunner().invoke(cli, ["reflect", "--interview", str(iid), "--prompt"], input="\n別の反応\n")
    assert r.exit_code == 130 and f"面接記録 {iid} は変更していません" in r.output, r.output
    with Store.open(furikaeri_home) as st:
        assert st.interview(iid).reaction == "理由を深掘りされた"


def test_a_broken_header_names_the_reading_commands_only_where_they_show_it(furikaeri_home):
    """QA s46 Y #4: `note` on a database whose header is broken said history, show and export
    "still show what can be read of it"; they refused it too. Since QA s51 UU #3 they read its
    pages (the page size found from them): `note` says so, and history shows the answer; a file
    with no page of answers left is refused by both, no promise made."""
    from datetime import datetime, timezone

    from test_s35_h4 import analysis

    with Store.open(furikaeri_home) as st:
        st.add_answer(st.session_for("Monday", now=datetime(2026, 11, 23, tzinfo=timezone.utc)),
                      analysis("answer").to_dict())
    db = furikaeri_home / "furikaeri.db"
    with open(db, "r+b") as f:
        f.write(bytes(range(7, 107)))
    r = _run("note", "1", "--next", "x")
    assert r.exit_code == 2 and "still show what can be read" in r.output, r.output
    r = _run("history")
    assert r.exit_code == 0 and "showing what can still be read" in r.output, r.output
    db.write_bytes(bytes(range(7, 107)) * 200)  # nothing of a page of answers left anywhere
    for args in (("note", "1", "--next", "x"), ("history",)):
        r = _run(*args)
        assert r.exit_code == 2 and "restore it from a backup" in r.output, r.output
        assert "still show what can be read" not in r.output


def test_practice_from_a_file_that_changes_while_it_is_analysed_saves_nothing(furikaeri_home, tmp_path, monkeypatch):
    """QA s46 Z #3: `practice --from-files` still saved a 5.9-s report beside an 18.5-s copy."""
    import numpy as np
    import soundfile as sf

    from furikaeri import analysis

    path = tmp_path / "growing.wav"
    sf.write(path, np.zeros(16000, np.float32), 16000)

    calls = []

    def analysed(p, **kw):
        calls.append(p)
        with open(p, "ab") as f:
            f.write(bytes(3200))
        from test_archive_robust import analysis as made
        return made("so I study physics")

    monkeypatch.setattr(analysis, "analyze_file", analysed)
    r = _run("practice", "--set", "en-basic", "-n", "1", "--from-files", str(path), "--no-reflect", "--json")
    assert calls and r.exit_code == 2 and "changed while it was analysed" in r.output, r.output
    with Store.open(furikaeri_home) as st:
        assert st.answers() == []
