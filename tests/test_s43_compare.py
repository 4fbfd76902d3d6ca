"""Session 43: a session mean that leaves its norm over answers as far off it as before is not
"same" (QA s42 D #4)."""
from __future__ import annotations

import pytest
from test_compare_notes import make_analysis, save
from test_s35_h3 import _rendered

from furikaeri import compare as C
from furikaeri.store import Store


def two_sessions(home, before: list, after: list, made):
    """Sessions A and B, one answer for each value (``made(value, question)`` its analysis, the
    questions Q0?, Q1?, ... in each), compared."""
    for session, values, start in (("A", before, 0), ("B", after, 60)):
        for i, value in enumerate(values):
            save(home, made(value, f"Q{i}?"), session=session, minutes=start + i)
    with Store.open(home) as st:
        return C.compare_sessions(st, "A", "B")


def _paces(home, before: list[float], after: list[float]):
    return two_sessions(home, before, after, lambda rate, q: make_analysis(answer_s=40.0, budget_s=60.0, rate=rate,
                                                                           question=q))


def test_a_mean_pace_that_leaves_the_range_is_worse_though_its_answers_lie_as_far_off(furikaeri_home):
    # 100 and 164 wpm (a mean of 132, in 120-160), then 150 and 188 (169): the answers lie
    # 12 and 14 wpm off the range on average, less than the pace's step; the mean left it
    cmp = _paces(furikaeri_home, [100.0, 164.0], [150.0, 188.0])
    (c,) = [c for c in cmp.means if c.metric == "wpm"]
    assert (c.before, c.after, c.verdict) == (132.0, 169.0, "worse")
    out = _rendered(cmp, "en")
    assert "pace 132 wpm 169 wpm +37 ▼ left the range" in out, out
    assert "pace: 2 of 2 answers off the range → 1 of 2" in out


def test_a_mean_pace_that_comes_into_the_range_over_answers_as_far_off_it_is_no_change(furikaeri_home):
    # 150 and 188 (mean 169), then 100 and 164 (132, in 120-160): one answer off the range each time,
    # about as far: "better" till session 54, now no change said of the answers (QA s54 AI #1)
    cmp = _paces(furikaeri_home, [150.0, 188.0], [100.0, 164.0])
    (c,) = [c for c in cmp.means if c.metric == "wpm"]
    assert (c.verdict, c.by_answers) == ("same", True)
    nearer = _paces(furikaeri_home.parent / "nearer", [150.0, 188.0], [125.0, 150.0])
    (c,) = [c for c in nearer.means if c.metric == "wpm"]
    assert c.verdict == "better"  # into the range with its answers: better


def test_a_mean_pace_come_into_the_range_over_more_answers_off_it_is_no_change(furikaeri_home):
    # QA s53 AE #2: 80 and 130 wpm (105), then 183, 177 and 102 (154, in 120-160): "▲ better"
    # beside "pace: 1 of 2 answers off the range → 3 of 3" (the same three questions now: the
    # means are of the questions both sessions answered)
    cmp = _paces(furikaeri_home, [80.0, 130.0, 110.0], [183.0, 177.0, 102.0])
    (c,) = [c for c in cmp.means if c.metric == "wpm"]
    assert (c.verdict, c.by_answers) == ("same", True)
    out = _rendered(cmp, "en")
    assert "▲ better" not in out.split("pace", 1)[1].splitlines()[0], out


@pytest.mark.parametrize("after", [[152.0, 190.0], [165.0, 185.0]])
def test_a_mean_off_the_range_at_both_ends_by_as_much_stays_the_same(furikaeri_home, after):
    cmp = _paces(furikaeri_home, [150.0, 188.0], after)
    (c,) = [c for c in cmp.means if c.metric == "wpm"]
    assert c.verdict == "same"


# --------------------------------------------------------------------------- record --save: last time first


def test_record_to_be_saved_shows_last_times_figures_and_note_before_the_take(furikaeri_home, monkeypatch):
    # QA s42 F #4: `record -q en-basic:intro --save` checked the note "fewer ums" after the take
    # but never showed it before, as practice does
    from test_s31_k4 import _taken, invoke

    _taken(monkeypatch, ["stop"])
    assert invoke(["record", "-q", "en-basic:intro", "--save", "--note", "fewer ums"]).exit_code == 0
    _taken(monkeypatch, ["stop"])
    r = invoke(["record", "-q", "en-basic:intro", "--save"])
    assert r.exit_code == 0, r.output
    said = " ".join(r.output.split())
    assert "last time" in said and "your note: fewer ums" in said, said
    assert said.index("your note: fewer ums") < said.index("Answer length")
    # not asked before (another question), nor kept (no --save), nor for scripts (--json): nothing
    for args in (["-q", "en-basic:strength", "--save"], ["-q", "en-basic:intro"], ["-q", "en-basic:intro", "--save", "--json"]):
        _taken(monkeypatch, ["stop"])
        r = invoke(["record", *args])
        assert r.exit_code == 0 and "your note: fewer ums" not in r.stdout, (args, r.output)


def test_record_to_be_saved_shows_the_logged_interview_that_asked_the_question_before_the_take(furikaeri_home,
                                                                                               monkeypatch):
    # QA s52 AB #5: practice shows a logged interview's answer, reaction and fix before the take;
    # `record --save` said only its check, after the take
    from test_s31_k4 import _taken, invoke

    assert invoke(["reflect", "--no-prompt", "-c", "Acme", "-q", "Tell me about yourself.", "-a", "my studies",
                   "--reaction", "they looked bored", "--to-fix", "keep it under 30 seconds"]).exit_code == 0
    _taken(monkeypatch, ["stop"])
    r = invoke(["record", "-q", "en-basic:intro", "--save"])
    assert r.exit_code == 0, r.output
    said = " ".join(r.output.split())
    for part in ("Acme", "answered: my studies", "they looked bored", "keep it under 30 seconds"):
        assert part in said, (part, said)
    assert said.index("they looked bored") < said.index("Answer length")


# --------------------------------------------------------------------------- compare --json: a lower bound said


def test_compare_json_says_which_filler_figure_is_a_lower_bound():
    # session 42's leftover: compare's table shows "4.4+/min" while --json gave a bare before 4.36
    from furikaeri.compare import compare_answers
    from furikaeri.store import Answer

    def answer(id_, metrics, **kw):
        return Answer(id_, 1, "s", 1, "Q?", "k", f"2026-11-2{id_}T09:00:00+00:00", None, "", "en", "base", {},
                      {"answer_s": 41.3, "budget_s": 90.0, "wpm": 130.0, **metrics}, **kw)

    floored = answer(1, {"fillers_per_min": None, "filler_count": None}, floors={"fillers_per_min": 4.36, "filler_count": 3})
    plain = answer(2, {"fillers_per_min": 0.0, "filler_count": 0})
    (row,) = [c for c in compare_answers(floored, plain).to_dict()["changes"] if c["metric"] == "fillers_per_min"]
    assert row["before"] == 4.36 and row["before_floor"] == 4.36 and "after_floor" not in row
    over = answer(4, {"fillers_per_min": 5.8, "filler_count": 4})  # over the bound: before untold, the bound given
    (row,) = [c for c in compare_answers(floored, over).to_dict()["changes"] if c["metric"] == "fillers_per_min"]
    assert row["before"] is None and row["before_floor"] == 4.36 and row["verdict"] == "n/a"
    later = answer(3, {"fillers_per_min": None, "filler_count": None}, floors={"fillers_per_min": 6.0, "filler_count": 5})
    (row,) = [c for c in compare_answers(plain, later).to_dict()["changes"] if c["metric"] == "fillers_per_min"]
    # at least 6.0 after none: more, whatever it was (QA s46 X #1), the bound given
    assert row["after"] == 6.0 and row["after_floor"] == 6.0 and row["verdict"] == "worse" and "before_floor" not in row
    last = answer(5, {"fillers_per_min": None, "filler_count": None}, floors={"fillers_per_min": 6.0, "filler_count": 5})
    (row,) = [c for c in compare_answers(over, last).to_dict()["changes"] if c["metric"] == "fillers_per_min"]
    assert row["after"] is None and row["after_floor"] == 6.0  # within the jitter of 5.8: untold
    assert all("_floor" not in k for c in compare_answers(plain, over).to_dict()["changes"] for k in c)


# --------------------------------------------------------------------------- English questions in other words


@pytest.mark.parametrize("said, builtin", [
    ("What are your strengths?", "strength"), ("What's your biggest strength?", "strength"),
    ("What do you think is your greatest strength?", "strength"), ("Could you tell us a little about yourself?", "intro"),
    ("Introduce yourself, please.", "intro"), ("What is your greatest weakness?", "weakness"),
    ("What’s your greatest weakness?", "weakness"), ("Why us?", "why-company"),
    ("Why do you want to join our company?", "why-company"), ("Where do you see yourself 5 years from now?", "five-years"),
    ("Any questions for us?", "questions-for-us"), ("Is there anything you would like to ask us?", "questions-for-us"),
    ("Why do you want to work for our company?", "why-company"), ("What are your key weaknesses?", "weakness"),  # QA s43 E #1
])
def test_the_english_sets_questions_in_other_words_are_its_questions(said, builtin):
    # QA s42 E #8: a company file's "What are your strengths?" got the 120-s default, apart from the set's
    from furikaeri.questions import builtin_budget, find_question, get_set

    qset = get_set("en-basic")
    q = find_question(said, [qset])
    assert q is not None and q.id == builtin
    assert builtin_budget(said, 120.0, "en") == q.budget_s


@pytest.mark.parametrize("said", ["What are the company's strengths?", "What is your greatest achievement?",
                                  "Why this industry?", "Where in five years?", "Tell me about a time you failed",
                                  "What is the weakness of this plan?"])
def test_other_questions_stay_apart(said):
    from furikaeri.questions import find_question, get_set

    assert find_question(said, [get_set("en-basic")]) is None


def test_an_archive_that_kept_two_wordings_apart_joins_them_when_opened(tmp_path):
    from furikaeri.store import Store

    with Store.open(tmp_path, upto=8) as st:  # before the English set's other words were joined
        a = st.question_for("en-basic:strength", "What is your greatest strength?", language="en")
        st.db.execute("INSERT INTO questions (id, key, text, language, budget_s, set_name, created_at)"
                      " VALUES (2, 'acme:asks1', 'What are your strengths?', 'en', 120, 'acme', '2026-12-01T09:00:00+00:00')")
        b = 2
        sid = st.create_session("s")
        st.add_answer(sid, {"language": "en", "answer_s": 30.0}, question_id=b)
    assert a != b
    with Store.open(tmp_path) as st:
        assert [q.id for q in st.questions()] == [a] and [x.question_id for x in st.answers()] == [a]


# --------------------------------------------------------------------------- from one side of the range to the other


def test_a_session_mean_from_under_the_pace_range_to_over_it_is_past_the_range(furikaeri_home):
    # QA s43 A #2: "pace 118 wpm 162 wpm +44 = same", the mean 2 wpm under 120-160, then 2 over
    cmp = _paces(furikaeri_home, [110.0, 126.0], [158.0, 166.0])
    (c,) = [c for c in cmp.means if c.metric == "wpm"]
    assert (c.before, c.after, c.verdict) == (118.0, 162.0, "overshot")
    assert "pace 118 wpm 162 wpm +44 past the range" in _rendered(cmp, "en")


def test_progress_calls_a_pace_from_under_the_range_to_over_it_past_the_range_as_compare_does(furikaeri_home):
    # QA s43 A #1: 80, 127 and 178 wpm: compare 80 -> 178 said "past the range", progress "▲ nearer the range"
    import json

    from test_compare_notes import run

    ids = [save(furikaeri_home, make_analysis(answer_s=40.0, budget_s=60.0, rate=r, question="Why?"), session="s",
                minutes=i) for i, r in enumerate([80.0, 127.0, 178.0])]
    doc = json.loads(run("progress", "-q", "Why?", "--json").output)
    (block,) = doc["questions"]
    (wpm,) = [x for x in block["series"] if x["metric"] == "wpm"]
    assert wpm["trend"]["verdict"] == "overshot", wpm["trend"]
    assert "past the" in run("progress", "-q", "Why?").output  # "past the range", the cell wrapped
    cmp = json.loads(run("compare", str(ids[0]), str(ids[2]), "--json").output)
    assert [c["verdict"] for c in cmp["changes"] if c["metric"] == "wpm"] == ["overshot"]


# --------------------------------------------------------------------------- a company's key after its file changed


def _company(tmp_path, asks: list[str]):
    from click.testing import CliRunner

    from furikaeri.cli import cli

    f = tmp_path / "acme.toml"
    f.write_text('[company]\nname = "Acme"\nlanguage = "en"\nasks = [' + ", ".join(f'"{a}"' for a in asks) + "]\n",
                 encoding="utf-8")
    r = CliRunner().invoke(cli, ["questions", "add", str(f), "--replace"])
    assert r.exit_code == 0, r.output


def test_a_company_key_names_the_question_its_file_holds_now(furikaeri_home, tmp_path):
    # QA s43 A #3: asks1 was "What are the hardest parts of this job?"; a question put in front of it
    # in the file made `progress -q acme:asks1` show the old one's answers without a word
    from test_compare_notes import run

    from furikaeri.store import Store

    _company(tmp_path, ["What was the hardest part of your last job?", "Which project would you show us?"])
    with Store.open(furikaeri_home) as st:
        qid = st.question_for("acme:asks1", "What was the hardest part of your last job?", language="en", budget_s=120.0)
        st.add_answer(st.create_session("s"), make_analysis(answer_s=40.0, budget_s=120.0).to_dict(), question_id=qid)
    assert "hardest part" in run("progress", "-q", "acme:asks1").output
    _company(tmp_path, ["Why should we hire you?", "What was the hardest part of your last job?",
                        "Which project would you show us?"])
    r = run("progress", "-q", "acme:asks1")  # now "Why should we hire you?", never practised
    assert r.exit_code == 2 and "no practised question matches" in r.output, r.output
    r = run("progress", "-q", "acme:asks2")
    assert r.exit_code == 0 and "hardest part" in r.output, r.output
    assert run("progress", "-q", str(qid)).exit_code == 0  # its number, as ever


# --------------------------------------------------------------------------- a trend whose latest is its best


def test_a_trend_whose_latest_attempt_is_its_best_runs_to_it():
    # QA s43 B #4: hedges 0, 0, 1.9, 0 read "+0.9 = within range", to a median no attempt had,
    # beside a best that is the latest
    from test_practice import _answers

    from furikaeri import metrics as M
    from furikaeri import progress as PR

    m = M.METRIC_BY_NAME["hedges_per_100_words"]
    for values in ([0.0, 0.0, 1.9, 0.0], [0.0, 0.0, 0.4, 0.0]):
        t = PR.series(m, _answers(m.name, values)).trend
        assert (t.before, t.after, t.verdict) == (0.0, 0.0, "same"), (values, t)
    t = PR.series(m, _answers(m.name, [2.0, 1.8, 0.4, 0.2])).trend  # down to the end: the medians, as before
    assert (t.before, t.after) == (1.9, 0.3)


@pytest.mark.parametrize("lang, said", [("en", "the sessions share 2 of the 3 questions they answered"),
                                        ("ja", "2つのセッションで答えた質問3問のうち共通は2問です")])
def test_sessions_that_share_most_questions_say_how_many(furikaeri_home, lang, said):
    # QA s43 A #7: "the sessions answered different questions" where 4 of 5 were the same
    from test_s35_h3 import _sessions

    cmp = _sessions(furikaeri_home, lang, [(20.0, 0), (20.0, 0), (20.0, 0)], [(20.0, 0), (20.0, 0)])
    assert said in _rendered(cmp, lang)


def test_joined_wordings_are_kept_under_the_built_in_question(tmp_path):
    # QA s43 E #2: after the join, answers practised as en-basic:strength were listed as "What are
    # your strengths?" with the key "text:What are your strengths?"
    from furikaeri.store import Store

    with Store.open(tmp_path, upto=8) as st:
        st.db.execute("INSERT INTO questions (id, key, text, language, budget_s, set_name, created_at)"
                      " VALUES (1, 'text:What are your strengths?', 'What are your strengths?', 'en', 120, NULL,"
                      " '2026-12-01T09:00:00+00:00')")
        builtin = st.question_for("en-basic:strength", "What is your greatest strength?", language="en")
        assert builtin == 1  # today's words join at once; an archive saved before kept them apart:
        st.db.execute("INSERT INTO questions (id, key, text, language, budget_s, set_name, created_at)"
                      " VALUES (2, 'en-basic:strength', 'What is your greatest strength?', 'en', 60, 'en-basic',"
                      " '2026-12-01T09:00:00+00:00')")
        sid = st.create_session("s")
        for qid in (1, 2):
            st.add_answer(sid, {"language": "en", "answer_s": 30.0}, question_id=qid)
    with Store.open(tmp_path) as st:
        (q,) = st.questions()
        assert (q.id, q.key, q.text, q.answer_count) == (2, "en-basic:strength", "What is your greatest strength?", 2)


def test_json_says_where_a_change_went_against_its_norm(tmp_path):
    # QA s43 E #4: the table says "▼ left the range", --json only "worse"
    cmp = _paces(tmp_path / "a", [100.0, 164.0], [150.0, 188.0])
    (c,) = [c for c in cmp.to_dict()["means"] if c["metric"] == "wpm"]
    assert (c["verdict"], c["crossed"]) == ("worse", "left")
    back = _paces(tmp_path / "b", [150.0, 188.0], [125.0, 150.0])
    (c,) = [c for c in back.to_dict()["means"] if c["metric"] == "wpm"]
    assert (c["verdict"], c["crossed"]) == ("better", "into")
    from furikaeri.metrics import Change

    assert "crossed" not in Change("wpm", 170.0, 180.0, 10.0, "worse").to_dict()  # off the range at both ends
