"""English rules: fillers with context, hedges, word counts, sentence ends, labels."""

from __future__ import annotations

import pytest

from furikaeri.lang import Match, get_rules
from furikaeri.lang.en import RULES



def fillers(text: str) -> list[tuple[str, str]]:
    found = RULES.find_fillers(text)
    for m in found:
        assert text[m.start:m.end] == m.text, m
    return [(m.text, m.kind) for m in found]


def filler_texts(text: str) -> list[str]:
    return [t for t, _ in fillers(text)]


def hedges(text: str) -> list[str]:
    found = RULES.find_hedges(text)
    for m in found:
        assert text[m.start:m.end] == m.text and m.kind == "hedge"
    return [m.text for m in found]


# --- the interface --------------------------------------------------------------------

def test_identity_and_prompt():
    assert RULES.code == "en" and RULES.name == "English"
    assert 0 < len(RULES.filler_prompt) <= 40
    assert "um" in RULES.filler_prompt.lower()
    assert get_rules("en") is RULES
    assert get_rules("fr") is RULES  # other languages count like English


def test_every_language_has_every_string_with_the_same_fields():
    # one text table per language: the same keys, the same {fields} to fill
    import string

    from furikaeri.lang import LANGUAGES, get_rules, text

    def fields(value):
        # a string, or (one, many) chosen by {n}: every form fills the same fields
        forms = value if isinstance(value, tuple) else (value,)
        found = {tuple(sorted(f for _, f, _, _ in string.Formatter().parse(s) if f)) for s in forms}
        assert len(found) == 1 and (len(forms) == 1 or "n" in next(iter(found))), value
        return next(iter(found))

    tables = {code: get_rules(code).labels for code in LANGUAGES}
    for code, table in tables.items():
        assert set(table) == set(tables["en"]), code
        for key, value in table.items():
            assert fields(value) == fields(tables["en"][key]), (code, key)
    assert all(all(isinstance(s, str) and s for s in (v if isinstance(v, tuple) else (v,)))
               for v in RULES.labels.values())
    assert text("en", "attempts", n=1) == "1 attempt" and text("en", "attempts", n=3) == "3 attempts"


def test_matches_are_match_objects_in_order():
    text = " So, um, I mean, it was, like, uh, the the best, right?"
    found = RULES.find_fillers(text)
    assert all(isinstance(m, Match) for m in found)
    starts = [m.start for m in found]
    assert starts == sorted(starts)
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start


# --- hesitations ----------------------------------------------------------------------

@pytest.mark.parametrize(
    "word", ["um", "Um", "umm", "ummm", "UMM", "uh", "uhh", "uhhh", "uhm", "er", "err", "erm",
             "ah", "ahh", "hmm", "Hmm", "hm", "hmmm", "mm", "mmm"],
)
def test_hesitation_forms(word):
    text = f" I was, {word}, the captain."
    assert fillers(text) == [(word, "hesitation")]


@pytest.mark.parametrize("word", ["mhm", "Mm-hmm", "uh-huh", "uh-oh", "oh", "umbrella", "hummus",
                                  "ahead", "error", "mmr", "her", "hum"])
def test_not_hesitations(word):
    assert filler_texts(f" It was {word} today.") == []


def test_emergency_room_is_not_er():
    assert filler_texts(" I worked in the ER for a year.") == []
    assert filler_texts(" It was, er, a year.") == ["er"]


def test_whisper_style_sentence():
    assert fillers(" So, um, I think I like Python.") == [("So", "discourse"), ("um", "hesitation")]
    assert hedges(" So, um, I think I like Python.") == ["I think"]


# --- like -----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        " I like Python.",
        " I would like to join your team.",
        " I'd like to add something.",
        " It looks like the data was wrong.",
        " Something like that.",
        " We did it like this.",
        " It sounds like a plan.",
        " I feel like it went well.",
        " There were like 10 people.",
        " Like I said, we shipped it.",
        " I really like teamwork.",
        " Things like testing matter.",
        " We don't like waste.",
        " Just like that, it worked.",
        " It is more like a guideline.",
    ],
)
def test_like_not_a_filler(text):
    assert "like" not in [t.lower() for t in filler_texts(text)]


@pytest.mark.parametrize(
    "text",
    [
        " It was, like, really hard.",
        " It's like, you know, hard.",
        " I was like, wow.",
        " Like, I went there every day.",
        " And then, like, we had to rewrite it.",
        " We had, like, three days.",
        " It was like, um, a mess.",
    ],
)
def test_like_as_filler(text):
    assert "like" in [t.lower() for t in filler_texts(text)]


def test_like_filler_after_a_liking_subject_only_with_commas_around():
    # "I like" is the verb even when a filler follows it
    assert filler_texts(" I like, um, Python.") == ["um"]


# --- so -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        " I worked hard so that we could finish.",
        " I learned so much.",
        " There were so many bugs.",
        " I was asked to do so.",
        " I think so.",
        " I hope so.",
        " We were late. So I stayed longer.",
        " It was so good, I stayed.",
        " So far, so good.",
        " I studied, so I could pass.",
        " So much happened that year.",
    ],
)
def test_so_not_a_filler(text):
    assert "so" not in [t.lower() for t in filler_texts(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (" So, I'm a third-year student.", ["So"]),
        (" So I'm a third-year student.", ["So"]),  # the answer-opening "So"
        (" It went well. So, um, then I left.", ["So", "um"]),
        (" And, so, we changed the plan.", ["so"]),
        (" I didn't know that, so.", ["so"]),
        (" I didn't know that, so", ["so"]),
    ],
)
def test_so_as_filler(text, expected):
    assert filler_texts(text) == expected


# --- you know / I mean ----------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        " Do you know the answer?",
        " Did you know that?",
        " You know the rest.",
        " You know what I mean?",
        " As you know, we grew fast.",
        " If you know Python, it helps.",
        " I don't know how you know him.",
    ],
)
def test_you_know_as_a_verb(text):
    assert not any("know" in t.lower() for t in filler_texts(text))


@pytest.mark.parametrize(
    "text",
    [
        " It was, you know, hard.",
        " It was hard, you know?",
        " You know, I never thought about it.",
        " It's like, you know, hard.",
        " And you know, um, we tried.",
    ],
)
def test_you_know_as_filler(text):
    assert any(t.lower() == "you know" for t in filler_texts(text))


@pytest.mark.parametrize(
    "text",
    [" I mean it.", " What I mean is that we failed.", " You know what I mean?", " I mean the company, not the team."],
)
def test_i_mean_literal(text):
    assert not any(t.lower() == "i mean" for t in filler_texts(text))


@pytest.mark.parametrize(
    "text",
    [" I mean, it was fine.", " I mean we tried everything.", " It was, I mean, fine.", " I mean, um, yes."],
)
def test_i_mean_filler(text):
    assert any(t.lower() == "i mean" for t in filler_texts(text))


# --- actually / basically / literally -------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        (" Actually, I led the team.", ["Actually"]),
        (" Basically we rebuilt it.", ["Basically"]),
        (" It was, literally, the worst day.", ["literally"]),
        (" I enjoyed it, actually.", ["actually"]),
        (" Okay, so, uh, basically I was the leader.", ["Okay", "so", "uh", "basically"]),
        (" It actually worked.", []),
        (" That basically means we lost.", []),
        (" I literally ran there.", []),
    ],
)
def test_adverb_fillers(text, expected):
    assert filler_texts(text) == expected


# --- right / okay / well --------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        (" The right answer is right now.", []),
        (" That's right.", []),
        (" Is that right?", []),
        (" Turn right, then left.", []),
        (" We shipped it on time, right?", ["right"]),
        (" We had, right, three weeks.", ["right"]),
        (" Right, so the first thing.", ["Right", "so"]),
        (" Okay, so I started there.", ["Okay", "so"]),
        (" It was, like, so hard.", ["like"]),
        (" I studied, so I could pass.", []),
        (" It's okay, I think.", []),
        (" Okay.", []),
        (" I'm okay with that.", []),
        (" All right, let's begin.", ["All right"]),
        (" It was all right.", []),
        (" Well, I think it helped.", ["Well"]),
        (" Well I think it helped.", ["Well"]),
        (" Well done.", []),
        (" We did it as well.", []),
        (" It went very well.", []),
        (" She is a well-known engineer.", []),
        (" That went well, and then, well, we grew.", ["well"]),
    ],
)
def test_right_okay_well(text, expected):
    assert filler_texts(text) == expected


# --- repetitions ----------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        (" I I think so.", ["I"]),
        (" The the project went well.", ["The"]),
        (" We we were late.", ["We"]),
        (" I, I, I don't know.", ["I", "I"]),
        (" We were in the in the lab.", ["in the"]),
        (" I was I was nervous.", ["I was"]),
        (" It was every every step.", ["every"]),
        (" I'm I'm sure.", ["I'm"]),
    ],
)
def test_repetitions(text, expected):
    found = fillers(text)
    assert [t for t, k in found if k == "repetition"] == expected


@pytest.mark.parametrize(
    "text",
    [
        " I had had enough.",
        " I know that that is true.",
        " What it is is a tool.",
        " It was very, very hard.",
        " I really really liked it.",
        " No, no, that's fine.",
        " It was done. Done well.",
        " I knew it. It was fine.",
        " Um, um, I see.",
    ],
)
def test_not_repetitions(text):
    assert [t for t, k in fillers(text) if k == "repetition"] == []


def test_repeated_hesitation_counts_as_hesitations():
    assert fillers(" Um, um, I see.") == [("Um", "hesitation"), ("um", "hesitation")]


def test_real_conversation_transcript():
    # ReazonSpeech test data (../shared/audio/conversation/reazon_test_en_2.wav reference):
    # "every every" is a false start and "like" is a preposition (such as).
    text = (" Yeah okay inference it does it every every step like slide fifty three and then"
            " slide fifty four. Oh, that's actually interesting. I didn't know that, so")
    assert fillers(text) == [("every", "repetition"), ("so", "discourse")]


def test_overlapping_rules_give_one_match():
    # "like, like" is both a filler and a repetition: one span per word
    found = RULES.find_fillers(" It was, like, like, huge.")
    assert [m.text for m in found] == ["like", "like"]


def test_empty_text():
    assert RULES.find_fillers("") == []
    assert RULES.find_hedges("   ") == []
    assert RULES.count_units("") == 0


def test_offsets_round_trip_on_a_long_answer():
    text = (" So, um, I'm a third-year student at, uh, Waseda. I mean, I I studied computer"
            " science, and, like, I led a team of, you know, 5 people. Well, I think it kind of"
            " worked, right? Basically we shipped it. Hmm, ummm, that's it.")
    assert filler_texts(text) == [
        "So", "um", "uh", "I mean", "I", "like", "you know", "Well", "right", "Basically",
        "Hmm", "ummm",
    ]
    assert hedges(text) == ["I think", "kind of"]
    for m in RULES.find_fillers(text) + RULES.find_hedges(text):
        assert text[m.start:m.end] == m.text


# --- hedges ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        (" I think it went well.", ["I think"]),
        (" I guess we were lucky.", ["I guess"]),
        (" It was kind of hard.", ["kind of"]),
        (" It was sort of hard.", ["sort of"]),
        (" It was kinda hard and sorta fun.", ["kinda", "sorta"]),
        (" I just wanted to help.", ["just"]),
        (" Maybe we could try.", ["Maybe"]),
        (" It will probably work.", ["probably"]),
        (" I feel like it worked.", ["I feel like"]),
        (" I was a little bit nervous.", ["a little bit"]),
        (" What kind of job is it?", []),
        (" This sort of problem is common.", []),
        (" Some kind of error.", []),
        (" I graduated just now.", []),
        (" Bring it just in case.", []),
        (" It was a just decision.", []),
        (" I think about it often.", []),
        (" I think of it as practice.", []),
    ],
)
def test_hedges(text, expected):
    assert hedges(text) == expected


def test_hedges_and_fillers_are_separate():
    text = " I think, um, it was kind of hard."
    assert filler_texts(text) == ["um"]
    assert hedges(text) == ["I think", "kind of"]


# --- counting -------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, n",
    [
        (" So, um, I think I like Python.", 7),
        (" I don't know.", 3),
        (" It's 3 o'clock.", 3),
        (" We had 1,000 users and 3.5 stars.", 7),
        (" A well-known, state-of-the-art tool.", 4),
        (" I lived in the U.S. for 2 years.", 8),
        (" ... ?! —", 0),
        (" Can’t stop.", 2),
    ],
)
def test_count_units(text, n):
    assert RULES.count_units(text) == n


@pytest.mark.parametrize(
    "text, n",
    [(" I don't know.", 9), (" 3 cats!", 5), ("", 0), (" , . ?", 0)],
)
def test_count_chars(text, n):
    assert RULES.count_chars(text) == n


@pytest.mark.parametrize(
    "text, expected",
    [
        (" I led the team.", True),
        (" Did it work?", True),
        (" It worked!", True),
        (" It worked! ", True),
        (' He said "go."', True),
        (" And then…", True),
        (" And then...", True),
        (" I led the", False),
        (" I led the team,", False),
        (" I met Mr.", False),
        (" I met Dr.", False),
        ("", False),
    ],
)
def test_ends_sentence(text, expected):
    assert RULES.ends_sentence(text) is expected


def test_random_texts_keep_the_invariants():
    """Offsets round-trip, matches are ordered and disjoint, counting never fails."""
    import random

    words = [" so", " So,", " um,", " uh", " like", " like,", " you", " know", " know,", " I", " mean",
             " mean,", " the", " the", " right?", " well", " Well,", " okay,", ".", ",", " just",
             " kind", " of", " 3.5", " don't", " mhm", " ER", " —", "...", " 私は"]
    rng = random.Random(7)
    for _ in range(1000):
        text = "".join(rng.choice(words) for _ in range(rng.randint(0, 14)))
        for found in (RULES.find_fillers(text), RULES.find_hedges(text)):
            for m in found:
                assert text[m.start:m.end] == m.text
            for a, b in zip(found, found[1:]):
                assert a.end <= b.start
        assert 0 <= RULES.count_units(text) <= len(text.split()) + text.count(",") + 1
        RULES.ends_sentence(text)
