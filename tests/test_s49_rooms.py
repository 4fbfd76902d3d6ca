"""Session 49: a long take whose room gets louder partway (QA s47 CC #3: five real answers
joined, rooms 8-15 dB apart; the louder room's pauses were bridged by its noise, a third of its
silence lost) has each stretch's pauses found against the room it was said in."""

from __future__ import annotations

import numpy as np

from furikaeri.audio import Audio
from furikaeri.speech import ROOM_RISE_DB, find_speech, room_floors
from realclips import RATE, cut, real_l2


def silence_in(smap, start: float, end: float) -> float:
    """Seconds of ``[start, end)`` outside the map's speech."""
    spoken = sum(max(0.0, min(end, i.end) - max(start, i.start)) for i in smap.intervals)
    return end - start - spoken


def test_the_louder_room_of_a_joined_take_keeps_its_pauses(shared):
    quiet, _ = real_l2(shared, "ja_KKD27-ST2")  # a room at -62 dBFS
    loud, truth = real_l2(shared, "ja_ENZ20-ST2")  # one at -46
    lead = cut(quiet, 0.0, quiet.duration)
    joined = Audio(np.concatenate([lead, loud.samples]).astype(np.float32), RATE, "joined")
    at = len(lead) / RATE
    s0, s1 = truth["speech_start"], truth["speech_end"]
    alone = silence_in(find_speech(loud), s0, s1)
    inside = silence_in(find_speech(joined), at + s0, at + s1)
    true = sum(p["end"] - p["start"] for p in truth["pauses"] if s0 <= p["start"] < s1)
    # alone and inside alike, within a tenth of the silence the labels give (one level for the
    # whole take read a third of it as speech)
    assert abs(inside - alone) < 0.1 * true, (inside, alone, true)


def test_one_room_keeps_one_floor(shared):
    from furikaeri.speech import frame_db, levels, vad_frames, vad_probabilities

    for name in ("ja_CCH16-ST1", "ja_KKR24-ST1", "ja_IID15-ST2"):  # long answers, each in one room
        audio, _ = real_l2(shared, name)
        db = frame_db(audio.samples, audio.rate)
        vad = vad_frames(vad_probabilities(audio.samples, audio.rate, db), len(db))
        floor = levels(db, vad).floor
        assert room_floors(db, vad, floor) == floor


def test_room_floors_rise_only_where_the_room_does():
    rng = np.random.default_rng(3)
    n = 9000  # 90 s of 10-ms frames: 45 s at -60 dBFS, then 45 s at -45, speech bursts in both
    db = np.where(np.arange(n) < n // 2, -60.0, -45.0) + rng.normal(0, 1, n)
    vad = np.zeros(n)
    for s in range(0, n, 300):  # 2 s of speech at -20 dBFS every 3 s
        db[s:s + 200] = -20.0
        vad[s:s + 200] = 0.9
    floors = room_floors(db, vad, -60.0)
    assert np.all(floors[:3000] == -60.0)  # the quiet room's first 30 s
    assert np.all(np.abs(floors[6000:] - (-45.0)) < 2.0)  # the louder room's last 30 s
    assert np.all(floors >= -60.0) and ROOM_RISE_DB > 6
