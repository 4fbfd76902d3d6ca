"""Session 46: a command refused before its take makes no archive (QA s45 S #9)."""

from __future__ import annotations

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
