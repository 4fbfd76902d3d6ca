"""Session 33, h2: one meaning of a figure in every script-facing view, and `models --verify`.

What must hold: ``over_s`` is the time past the budget, 0 within it, in every ``--json``
(history, show, export, compare, progress) as in the CSV, and every answer within its budget is
an equal best (QA s33 H#2); a count is an integer in every command (H#6); `models --verify`
exits 2 when the default model is unavailable, with a fixed ``status`` and the reason in its
own field, and the table keeps the reason off the status column (H#3).
"""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta, timezone

from click.testing import CliRunner

from furikaeri import metrics as M
from furikaeri import session as S
from furikaeri.analysis import Analysis
from furikaeri.cli import cli
from furikaeri.lang import get_rules
from furikaeri.measure import Pause, Stats, Verdict
from furikaeri.transcribe import Word

MONDAY = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)
QUESTION = "Tell me about yourself"


def _analysis(answer_s: float, long_pauses: int) -> Analysis:
    """A hand-made English answer of ``answer_s`` seconds to :data:`QUESTION` (a 60-s budget)."""
    words = tuple(Word(f" {w}", i * 0.4, i * 0.4 + 0.3) for i, w in enumerate("I study physics and build robots".split()))
    return Analysis(
        file="take.wav", language="en", duration_s=answer_s + 1.0, speech_detected=True, latency_s=0.7,
        answer_s=answer_s, budget_s=60.0, over_budget=answer_s > 60.0, transcript="I study physics and build robots",
        words=words, fillers=(), pauses=(Pause(2.0, 3.5, "long", "mid"),) * long_pauses,
        rate=get_rules("en").rate_type(wpm=140.0, articulation_wpm=165.0),
        stats=Stats(filler_count=0, fillers_per_min=0.0, long_pauses=long_pauses,
                    long_pauses_per_min=round(long_pauses / (answer_s / 60), 2), very_long_pauses=0,
                    longest_pause_s=1.5, word_count=len(words)),
        verdicts={"rate": Verdict("good", "120-160 wpm")}, question=QUESTION, model="base",
    )


def _archive(home) -> None:
    """Four answers to one question in two sessions: 20 s and 5 s within the budget, then 10 s
    over it and 30 s within it; 3, 0, 3, 2 long pauses."""
    for i, (answer_s, pauses) in enumerate(((40.0, 3), (55.0, 0), (70.0, 3), (30.0, 2))):
        S.save_analysis(_analysis(answer_s, pauses), audio_path=None, session="a" if i < 2 else "b", note=None,
                        home=home, now=MONDAY + timedelta(minutes=i))


def _json(home, *args):
    r = CliRunner().invoke(cli, ["--home", str(home), *args], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def _found(doc, key: str) -> list:
    """Every value of ``key`` anywhere in ``doc``, and of a change or a series of that figure
    (``before``, ``after``, its points, chart, best and latest)."""
    if isinstance(doc, list):
        return [v for x in doc for v in _found(x, key)]
    if not isinstance(doc, dict):
        return []
    own = [doc[key]] if key in doc else []
    if doc.get("metric") == key:
        own += [doc.get(k) for k in ("before", "after", "value") if k in doc]
        own += [p["value"] for p in doc.get("points") or ()] + list(doc.get("chart") or ())
        own += [x["value"] for x in (doc.get("best"), doc.get("latest")) if x]
        own += [v for k in ("before", "after") if isinstance(doc.get("trend"), dict) for v in [doc["trend"][k]]]
    inner = [x for k, x in doc.items() if k != "off_band"]  # off_band counts answers, not the figure
    return own + [v for x in inner for v in _found(x, key)]


def _every_json(home) -> list:
    return [_json(home, "history", "--json"), _json(home, "show", "1", "--json"), _json(home, "export"),
            _json(home, "compare", "1", "2", "--json"), _json(home, "compare", "--sessions", "1", "2", "--json"),
            _json(home, "progress", "--json")]


def test_over_s_is_the_time_past_the_budget_in_every_json(tmp_path):
    """QA s33 H#2: JSON gave "over_s": -59.62 (the seconds to spare) where the CSV, the chart and
    the README give 0, and progress named one within-budget answer the best over another."""
    home = tmp_path / "h"
    _archive(home)
    for doc in _every_json(home):
        values = [v for v in _found(doc, "over_s") if v is not None]
        assert values and all(v >= 0 for v in values), values
        assert set(values) <= {0.0, 5.0, 10.0}, values  # 5: the second session's mean (10 and 0 over)
    answers = _json(home, "export")["answers"]
    assert [a["metrics"]["over_s"] for a in answers] == [0.0, 0.0, 10.0, 0.0]
    r = CliRunner().invoke(cli, ["--home", str(home), "export", "-f", "csv"], catch_exceptions=False)
    assert [row["over_s"] for row in csv.DictReader(io.StringIO(r.stdout))] == ["0", "0", "10.0", "0"]
    change = next(c for c in _json(home, "compare", "1", "2", "--json")["changes"] if c["metric"] == "over_s")
    assert (change["before"], change["after"], change["delta"]) == (0.0, 0.0, 0.0)
    series = next(s for s in _json(home, "progress", "--json")["overall"][0]["series"] if s["metric"] == "over_s")
    assert series["best"]["answer_id"] == 4 and series["best"]["value"] == 0.0  # within the budget: the latest


def test_a_count_is_an_integer_in_every_command(tmp_path):
    """QA s33 H#6: progress --json gave long pauses 3.0 where history and compare gave 3."""
    home = tmp_path / "h"
    _archive(home)
    for doc in _every_json(home):
        values = [v for v in _found(doc, "long_pauses") if v is not None]
        assert values or "overall" in doc, doc  # progress tracks long pauses a minute, not their count
        whole = [v for v in values if float(v).is_integer()]
        assert all(type(v) is int for v in whole), values
        assert whole or not values, values
    rates = [v for v in _found(_json(home, "progress", "--json"), "long_pauses_per_min") if v is not None]
    assert rates and all(isinstance(v, float) for v in rates), rates  # a rate: 2.0 a minute, never 2


def test_a_change_of_the_time_over_says_it_as_every_view_does():
    """The judged change keeps the stored figures; what ``--json`` gives is the time over."""
    c = M.change(M.METRIC_BY_NAME["over_s"], -30.0, 5.0)
    assert c.verdict == "worse" and c.before == -30.0
    assert {k: c.to_dict()[k] for k in ("before", "after", "delta")} == {"before": 0.0, "after": 5.0, "delta": 5.0}
    # 60.04 s of a 60-s budget is shown 60.0 s: within it, as its over_budget says
    assert M.documented({"over_s": 0.04, "over_budget": False, "long_pauses": 3.0}) == \
        {"over_s": 0.0, "over_budget": False, "long_pauses": 3}
    assert M.documented({"over_s": 12.5, "over_budget": True})["over_s"] == 12.5
    lp = M.Change("long_pauses", 2.0, 2.5, 0.5, "same").to_dict()
    assert (type(lp["before"]), lp["after"]) == (int, 2.5)  # a median of two counts keeps its half


# ------------------------------------------------------------------------------ H#3. models --verify
def _models(monkeypatch, *args, broken=("base",), env=None):
    """``models`` with each of ``broken`` failing its checksum, the others fine (no model read)."""
    from furikaeri import models as MD
    from furikaeri.errors import ModelError

    def resolve(name, _dir):
        return MD.ModelInfo(name, f"/models/{name}", not name.endswith(".en"), True)

    def verify(folder, name, *, full=False):
        if name in broken:
            raise ModelError(f"model {name!r} failed its checksum: {folder}/model.bin is not the expected file; "
                             f"delete {folder} and run again to reassemble it " + "x" * 80,
                             ja=f"モデル {name!r} のチェックサムが一致しません")

    monkeypatch.setattr(MD, "resolve", resolve)
    monkeypatch.setattr(MD, "verify", verify)
    monkeypatch.delenv("FURIKAERI_MODEL", raising=False)
    for k, v in (env or {}).items():
        monkeypatch.setenv(k, v)
    return CliRunner().invoke(cli, ["models", *args], catch_exceptions=False)


def test_models_verify_exits_2_when_the_default_model_fails_and_says_why_apart(monkeypatch):
    """QA s33 H#3: a default model failing its checksum exited 0, its JSON status was free text
    ("unavailable: model 'base' failed …") and the text's status column as wide as the reason."""
    r = _models(monkeypatch, "--verify", "--json")
    assert r.exit_code == 2
    rows = {row["name"]: row for row in json.loads(r.stdout)}
    assert (rows["base"]["status"], rows["base"]["path"], rows["base"]["needed"]) == ("unavailable", None, True)
    assert rows["base"]["reason"].startswith("model 'base' failed its checksum")
    assert (rows["tiny.en"]["status"], rows["tiny.en"]["reason"]) == ("verified", None)
    text = _models(monkeypatch, "--verify")
    assert text.exit_code == 2
    lines = text.stdout.splitlines()
    assert lines[0].split() == ["base", "unavailable"] and "failed its checksum" in lines[1]
    assert lines[2].split() == ["tiny.en", "verified", "/models/tiny.en"]
    assert lines[2].index("/models") < 30  # the path stays in its column, not past the reason
    ja = _models(monkeypatch, "--verify", env={"LANG": "ja_JP.UTF-8", "LC_ALL": "ja_JP.UTF-8"})
    assert ja.stdout.splitlines()[0].split() == ["base", "使用できません"]


def test_models_exits_0_when_only_a_model_not_needed_fails(monkeypatch):
    """tiny.en failing, base the default: nothing to fix for analyze; base failing with
    FURIKAERI_MODEL=tiny.en: the same."""
    assert _models(monkeypatch, "--verify", broken=("tiny.en",)).exit_code == 0
    assert _models(monkeypatch, "--verify", env={"FURIKAERI_MODEL": "tiny.en"}).exit_code == 0
    assert _models(monkeypatch, "--verify", broken=("tiny.en",), env={"FURIKAERI_MODEL": "tiny.en"}).exit_code == 2
    r = _models(monkeypatch, broken=())
    assert r.exit_code == 0 and [row["status"] for row in json.loads(
        _models(monkeypatch, "--json", broken=()).stdout)] == ["ok", "ok"]
