"""faster-whisper in, :class:`Transcript` out (words with times and probabilities).

The model is loaded once per process (``lru_cache``); ``faster_whisper`` is imported lazily so
``furikaeri --help`` stays instant.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

import numpy as np

from furikaeri.errors import ModelError


@dataclass(frozen=True)
class Word:
    """One transcribed word (English) or token (Japanese); times in seconds from take start."""

    text: str
    start: float
    end: float
    probability: float = 1.0
    #: ``whisper`` (the main pass) or ``relisten`` (a short stretch decoded again on its own,
    #: see :func:`relisten_islands`).
    source: str = "whisper"


@dataclass(frozen=True)
class Transcript:
    """Words of one take, in order; ``language`` is ``en`` or ``ja`` (or Whisper's code). The
    text of the answer is :func:`furikaeri.measure.join_with_offsets` (with each word's offsets)."""

    language: str
    words: tuple[Word, ...] = ()
    language_probability: float = 1.0


# Text Whisper writes over silence, music or noise (seen on base: METRICS.md "Hallucination").
HALLUCINATIONS = (
    "ご視聴ありがとうございました",
    "ご清聴ありがとうございました",
    "チャンネル登録",
    "お疲れ様でした",
    "thank you for watching",
    "thank you very much for watching",
    "thanks for watching",
    "subtitles by",
    "please subscribe",
    "字幕",
)
# Laughter and other non-words Whisper writes for sounds that are not speech.
_LAUGH = re.compile(
    r"^[\s\W]*(?:(?:h[aeiu]h?[\s,.!-]*){2,}|lol|lmao|(?:[はハへヘふフ]{2,})|笑|w{2,})[\s\W]*$", re.I
)
_NONSPEECH = re.compile(r"^\s*[\(\[（【♪*].*[\)\]）】♪*]\s*$|^\s*[♪♫…\.]+\s*$")


#: Frames (10 ms) the encoder always sees: a window shorter than this is padded to it. With 3-5
#: s Whisper starts repeating itself; 10 s does for the second listen's short stretches
#: (:data:`furikaeri.relisten.RELISTEN_FRAMES`) and for whole takes, but the pieces a recording
#: is heard in (8-24 s, :mod:`furikaeri.stream`) then lost Japanese fillers (real-l2 streamed:
#: 30 of 40 found against 34 with the full window; 33 with 20 s, as Whisper's own variation).
MIN_ENCODER_FRAMES = 2000
#: Frames of padding kept after a window's last frame of audio (2 s of Whisper's usual
#: silence after the speech, where its end-of-text and last timestamp go).
ENCODER_TAIL_FRAMES = 200


def encoder_frames(content: int, full: int = 3000) -> int:
    """How many of a padded 30-s window's ``full`` frames the encoder is given when
    ``content`` of them hold audio: the audio, :data:`ENCODER_TAIL_FRAMES` of padding, and at
    least :data:`MIN_ENCODER_FRAMES` in all."""
    return min(full, max(MIN_ENCODER_FRAMES, content + ENCODER_TAIL_FRAMES))


@functools.lru_cache(maxsize=2)
def load_model(path: str, cpu_threads: int = 0):
    """Load a CTranslate2 Whisper model once per process (int8 on the CPU).

    faster-whisper pads every window to Whisper's 30 s and encodes all of it: a 10-s stretch
    cost as much as a 30-s one (1.1 to 1.6 s of encoder on a slow 2-core machine, against 0.4 s
    for 20 s), and there that was much of the wait after a take. The model returned encodes
    only what holds audio and a little padding (:func:`encoder_frames`; CTranslate2 takes
    shorter inputs and the decoder and word alignment read only the frames given). Measured in
    ``bench/real.py``, ``bench/streaming.py`` and ``bench/accuracy.py`` against the full pass.

    Never online: the Hub is kept offline whatever HF_HUB_OFFLINE says, and a folder without
    one of the files faster-whisper needs (a tokenizer.json it would fetch) is refused first."""
    from furikaeri.models import check_folder, force_offline

    force_offline()
    check_folder(Path(path))
    from faster_whisper import WhisperModel

    class _ShortWindowWhisper(WhisperModel):
        def encode(self, features: np.ndarray):
            batch = features if features.ndim == 3 else features[None]
            # faster-whisper pads a window's features with zeros (pad_or_trim); a frame of
            # audio is never zero in all 80 bands (its log-mel is floored 80 dB under the
            # loudest frame's, then scaled).
            filled = np.flatnonzero(np.any(batch != 0, axis=(0, 1)))
            content = int(filled[-1]) + 1 if len(filled) else 0
            keep = encoder_frames(content, batch.shape[-1])
            return super().encode(np.ascontiguousarray(batch[..., :keep]))

    try:
        return _ShortWindowWhisper(path, device="cpu", compute_type="int8", local_files_only=True,
                                   cpu_threads=cpu_threads or (os.cpu_count() or 2))
    except Exception as e:  # noqa: BLE001 - CTranslate2 raises RuntimeError/ValueError
        said, said_ja = _load_failure(Path(path), " ".join(str(e).split()) or type(e).__name__)
        raise ModelError(f"cannot load the Whisper model at {path}: {said}",
                         ja=f"{path} の Whisper モデルを読み込めません: {said_ja}") from e


def _load_failure(folder: Path, said: str) -> tuple[str, str]:
    """Why a model folder failed to load, naming the file at fault (English, Japanese).

    The libraries' own words name no file ("Model missing. at line 1 column 2" for a bad
    tokenizer.json, a JSON parser's for config.json), so the small files are read again here to
    find the culprit; CTranslate2 reads a damaged model.bin's first bytes as a version."""
    culprit = _unreadable_file(folder)
    if culprit is None and "binary version" in said:
        culprit = "model.bin", said.split(".")[0]
    if culprit is None and re.search(_DAMAGED_WEIGHTS, said, re.I):
        where = folder / "model.bin"
        return (f"{where} is damaged or incomplete (a download or copy cut short?): get the model again ({said})",
                f"{where} が壊れているか、途中までしかありません（ダウンロードかコピーが途中で止まった可能性があります）。"
                "モデルを入れ直してください")
    if culprit is None:
        return said, said
    name, why = culprit
    where = folder / name
    return (f"{where} is damaged or not from a CTranslate2 Whisper model ({why})",
            f"{where} が壊れているか、CTranslate2 形式の Whisper モデルのファイルではありません")


#: What CTranslate2 says of a model.bin cut short or damaged inside (its first bytes sound: a
#: bad start is refused before loading, :func:`furikaeri.models.check_folder`): cut anywhere
#: after its first bytes, "File model.bin is incomplete: failed to read a buffer of size 24 at
#: position 79" or "Variable 'decoder/embeddings/weight' has an invalid payload size"; a
#: variable's name damaged, "'utf-8' codec can't decode byte ..."; its end zeroed, "variable
#: decoder/projection/weight not found". (Memory running out is not told from a damaged size:
#: CTranslate2's own words are said then.)
_DAMAGED_WEIGHTS = (r"model\.bin is incomplete|failed to read a (?:buffer|value)|invalid payload size"
                    r"|codec can't decode|variable \S+ not found")


def _unreadable_file(folder: Path) -> tuple[str, str] | None:
    """The first of the folder's config.json and tokenizer.json that cannot be read as such,
    with the reader's words, or None."""
    import json

    try:
        if not isinstance(json.loads((folder / "config.json").read_bytes()), dict):
            return "config.json", "not a JSON object"
    except (OSError, ValueError) as e:
        return "config.json", " ".join(str(e).split())
    try:
        import tokenizers

        tokenizers.Tokenizer.from_file(str(folder / "tokenizer.json"))
    except Exception as e:  # noqa: BLE001 - tokenizers raises its own Exception
        return "tokenizer.json", " ".join(str(e).split())
    return None


#: Seconds of speech language detection listens to: a third of Whisper's window is enough to
#: tell the languages apart (the benchmarks' real and sample recordings all get the language a
#: 30-s window gives) and costs a quarter as much.
DETECT_S = 10.0


def language_scores(model, samples: np.ndarray) -> dict[str, float]:
    """Whisper's probability of each language it knows for the first :data:`DETECT_S` seconds
    of ``samples`` (speech only: silence confuses Whisper's guess)."""
    import ctranslate2

    hop = model.feature_extractor.hop_length
    frames = int(DETECT_S * 100)
    clip = np.asarray(samples[: frames * hop], dtype=np.float32)
    features = model.feature_extractor(np.pad(clip, (0, frames * hop - len(clip))))[:, :frames]
    result = model.model.detect_language(ctranslate2.StorageView.from_array(np.ascontiguousarray(features[None])))[0]
    return {token.strip("<|>"): float(p) for token, p in result}


def detect_language(model, samples: np.ndarray, *, allowed=None) -> tuple[str, float]:
    """The most likely of ``allowed`` languages (furikaeri's, by default) for the first
    :data:`DETECT_S` seconds of ``samples``, and its probability."""
    return likeliest(language_scores(model, samples), allowed)


def likeliest(scores: dict[str, float], allowed=None) -> tuple[str, float]:
    """The most likely of ``allowed`` languages in ``scores`` (:func:`language_scores`)."""
    if allowed is None:
        from furikaeri.lang import LANGUAGES as allowed
    kept = {code: p for code, p in scores.items() if code in allowed}
    if not kept:
        return allowed[0], 0.0
    best = max(kept, key=kept.get)
    return best, kept[best]


def transcribe(
    samples: np.ndarray,
    model_path: str,
    *,
    language: str,
    prompt: str | None = None,
    speech: Iterable | None = None,
    multilingual: bool = True,
    on_segment: Callable[[float], None] | None = None,
    beam_size: int = 5,
) -> Transcript:
    """Transcribe 16-kHz mono ``samples`` with word timestamps.

    ``language``: ``en``, ``ja`` or ``auto`` (the likelier of English and Japanese).
    ``prompt``: a short initial prompt (e.g. fillers, so Whisper keeps them; keep it short,
    long prompts make Whisper drop sentences). ``speech``: speech intervals from
    :mod:`furikaeri.speech`; only those stretches are decoded (:func:`decoding_windows`), so
    Whisper never sees long silence to invent text in. ``on_segment(end_s)`` reports progress.
    ``beam_size``: Whisper's beam (fewer beams decode faster: :data:`furikaeri.stream.LAST_BEAM`).

    Segments Whisper itself flags as probably not speech (``no_speech_prob`` > 0.6 with a low
    ``avg_logprob``), non-speech tags like "(laughs)", known silence hallucinations and
    verbatim repeats of the previous segment are dropped. Runs of speech (1 s or more) that got
    almost no word (Whisper skipped them or looped, :func:`skipped_speech`) are decoded again
    without the prompt and with a repetition penalty. Decoding never samples (beam search, or
    greedy with ``beam_size`` 1), so the same take always gives the same words.
    """
    model = load_model(model_path)
    lang_prob = 1.0
    if not multilingual:
        language = "en"
    elif language == "auto":
        language, lang_prob = detect_language(model, samples)
    speech_ivs = list(speech) if speech is not None else None
    if speech_ivs is not None and not speech_ivs:
        return Transcript(language=language, words=(), language_probability=lang_prob)
    words = _decode(model, samples, speech_ivs, language=language, prompt=prompt, on_segment=on_segment,
                    beam_size=beam_size)
    if speech_ivs is not None:
        words = _repaired(model, samples, speech_ivs, words, language=language, beam_size=beam_size)
    return Transcript(language=language, words=tuple(words), language_probability=lang_prob)


#: Times speech left without words is decoded again (:func:`_repaired`): a repair's own window
#: can stop early as the main pass's did, and what it left is then a shorter stretch of its own.
REPAIR_ROUNDS = 2


def _repaired(model, samples: np.ndarray, speech_ivs, words: list[Word], *, language: str, beam_size: int) -> list[Word]:
    """``words`` with the speech Whisper skipped (:func:`skipped_speech`: it sometimes skips whole
    sentences, more often with a prompt) decoded again, on its own and without the prompt. A
    repair's window can stop early too: Whisper ends a window at an unfinished sentence, so the
    last words of a take cut mid-speech ("One day the black bird…", 1.4 s after the last full
    sentence) were left out, and the answer's length with them (QA s54 AK #7); what is still
    skipped, in windows not decoded before, is decoded once more."""
    tried: set[tuple[float, float]] = set()
    for again in range(REPAIR_ROUNDS):
        missing = skipped_speech(speech_ivs, words)
        windows = set(decoding_windows(missing, len(samples) / SAMPLE_RATE)) if missing else set()
        if not windows or windows <= tried:
            break
        tried |= windows
        extra = _decode(model, samples, missing, language=language, prompt=None, on_segment=None,
                        repetition_penalty=REPAIR_REPETITION_PENALTY, beam_size=beam_size)
        if again:  # a leftover heard alone: a closing phrase there is Whisper's, however sure
            extra = _without_closings(extra)
        # Keep only words said in the skipped speech (the decoding window may span speech
        # between skipped intervals that already has its words).
        extra = [w for w in extra
                 if any(iv.start - 0.1 <= (w.start + w.end) / 2 <= iv.end + 0.1 for iv in missing)
                 and not any(min(w.end, o.end) - max(w.start, o.start) > 0.5 * (w.end - w.start) for o in words)]
        if not extra:
            break
        words = sorted(words + extra, key=lambda w: w.start)  # stable: said order at one instant
    return words


SAMPLE_RATE = 16000


#: Longest decoding window (s). faster-whisper gives the initial prompt (the fillers that make
#: Whisper write them) only to the first 30-s window of each call when it does not condition on
#: the previous text: in a longer stretch the rest was decoded without it, and fillers there
#: went unwritten. Cut at a pause, each window is decoded whole, with the prompt.
MAX_WINDOW_S = 28.0
#: A long stretch is cut at its widest pause that leaves at least this much (s) before it, when
#: it has one: few long windows give Whisper more context than many short ones (and each
#: window has its own fixed cost: the prompt, the beams' start).
MIN_WINDOW_S = 20.0


def decoding_windows(intervals, duration: float, *, pad_s: float = 0.2, join_gap_s: float = 3.0,
                     max_s: float = MAX_WINDOW_S) -> list[tuple[float, float]]:
    """Speech intervals, padded and joined into the stretches Whisper decodes (each on its own
    slice of the take, :func:`_segments`).

    Pauses shorter than ``join_gap_s`` stay inside a stretch: Whisper needs context across
    hesitations, and a few seconds of silence next to speech do not make it invent text. Longer
    silences are never decoded: that is where Whisper writes 「ご視聴ありがとうございました」.
    Decoding stretches separately (not glued back to back) keeps Whisper from skipping speech
    after an abrupt join. A stretch longer than ``max_s`` is cut at pauses (:func:`_cut`), so
    every window fits one of Whisper's 30-s windows and is decoded with the prompt.
    """
    groups: list[list[tuple[float, float]]] = []
    for iv in intervals:
        s, e = max(0.0, iv.start - pad_s), min(duration, iv.end + pad_s)
        if groups and s - groups[-1][-1][1] <= join_gap_s:
            groups[-1].append((s, max(groups[-1][-1][1], e)))
        else:
            groups.append([(s, e)])
    return [w for g in groups for w in _cut(g, max_s)]


def _cut(spans: list[tuple[float, float]], max_s: float) -> list[tuple[float, float]]:
    """Padded speech spans (a joined stretch) as windows of at most ``max_s`` where pauses
    allow: cut at the widest pause leaving between :data:`MIN_WINDOW_S` and ``max_s`` before
    it (else the widest leaving at most ``max_s``; of equal ones the latest), then the rest the
    same way; windows never overlap, so no word is heard twice. A single span longer than
    ``max_s`` (speech without a pause) stays whole."""
    out: list[tuple[float, float]] = []
    while spans[-1][1] - spans[0][0] > max_s and len(spans) > 1:
        start = spans[0][0]
        gaps = [(round(spans[k + 1][0] - spans[k][1], 2), k) for k in range(len(spans) - 1)
                if spans[k][1] - start <= max_s]
        if not gaps:
            gaps = [(0.0, 0)]
        roomy = [g for g in gaps if spans[g[1]][1] - start >= MIN_WINDOW_S]
        _, k = max(roomy or gaps)
        end, nxt = spans[k][1], spans[k + 1][0]
        if nxt < end:  # padding overlaps across a pause shorter than two pads: meet halfway
            end = nxt = round((end + nxt) / 2, 3)
        out.append((start, end))
        spans = [(nxt, spans[k + 1][1])] + spans[k + 2:]
    out.append((spans[0][0], spans[-1][1]))
    return out


#: A run of speech intervals (less than 1 s apart), each less than 30 % under words, with at
#: least this much speech, is decoded again (:func:`skipped_speech`).
REPAIR_MIN_S = 1.0
#: The second decode of skipped speech penalises repeated tokens: a window that looped ("I like
#: that." 19 times over apollo11's radio chatter) and was dropped decodes to words instead.
#: Deterministic, unlike temperature sampling; the main pass keeps no penalty, so a speaker's
#: own repeated words and fillers ("uh... uh") are not discouraged.
REPAIR_REPETITION_PENALTY = 1.2


def skipped_speech(speech_ivs, words, *, join_gap_s: float = 1.0) -> list:
    """Speech Whisper wrote (almost) nothing for: runs of consecutive speech intervals (less
    than ``join_gap_s`` apart), each under 30 % covered by words, together at least
    ``REPAIR_MIN_S`` long. Judged interval by interval, so a stretch skipped after a well
    transcribed one is found too (Whisper often stops mid-window and never resumes)."""
    out: list = []
    run: list = []

    def flush():
        if sum(iv.duration for iv in run) >= REPAIR_MIN_S:
            out.extend(run)
        run.clear()

    for iv in speech_ivs:
        if _coverage(iv, words) >= 0.3:
            flush()
            continue
        if run and iv.start - run[-1].end > join_gap_s:
            flush()
        run.append(iv)
    flush()
    return out


def _coverage(iv, words) -> float:
    covered = sum(max(0.0, min(iv.end, w.end) - max(iv.start, w.start)) for w in words)
    return covered / max(iv.duration, 1e-6)


#: A window is not decoded again for its last stretch when less than this much of it is left
#: (s) after Whisper's last segment and the VAD heard (almost) no speech there: Whisper would
#: spend another pass on a few frames of silence and write "Hello. Hello." there.
TAIL_S = 1.0
#: ... "almost no speech": less than this much (s).
TAIL_SPEECH_S = 0.25


def _segments(model, samples: np.ndarray, speech_ivs, windows, **options):
    """faster-whisper's segments over the speech (or the whole take) as ``(segment, offset)``,
    the segment's times relative to ``offset`` (s).

    Each decoding window (``windows``, from :func:`decoding_windows`) is transcribed on its own
    slice of the take, so a window whose last segment leaves only a silent sliver is not
    decoded again for it (``TAIL_S``)."""
    if speech_ivs is None:
        segments, _info = model.transcribe(samples, **options)
        for seg in segments:
            yield seg, 0.0
        return
    for start, end in windows:
        a, b = int(round(start * SAMPLE_RATE)), int(round(end * SAMPLE_RATE))
        segments, _info = model.transcribe(samples[a:b], **options)
        offset, length = a / SAMPLE_RATE, (b - a) / SAMPLE_RATE
        for seg in segments:
            yield seg, offset
            left = offset + float(seg.end), offset + length
            spoken = sum(max(0.0, min(left[1], iv.end) - max(left[0], iv.start)) for iv in speech_ivs)
            if left[1] - left[0] < TAIL_S and spoken < TAIL_SPEECH_S:
                break


def _decode(model, samples: np.ndarray, speech_ivs, *, language: str, prompt: str | None, on_segment,
            repetition_penalty: float = 1.0, beam_size: int = 5) -> list[Word]:
    """One Whisper pass over the speech (or the whole take), with the hallucination guards."""
    fed = len(samples) / SAMPLE_RATE
    windows = decoding_windows(speech_ivs, fed) if speech_ivs is not None else []
    if windows:
        fed = max(e - s for s, e in windows)
    segments = _segments(
        model, samples, speech_ivs, windows,
        language=language,
        task="transcribe",
        beam_size=beam_size,
        word_timestamps=True,
        vad_filter=False,
        condition_on_previous_text=False,
        initial_prompt=prompt or None,
        # Beam search only. Whisper's usual fallback samples at higher temperatures when a
        # window decodes badly, and CTranslate2's sampling cannot be seeded across its worker
        # threads: the same take then gave different words on every run (apollo11: three runs,
        # three transcripts). A coach must measure the same answer the same way; windows that
        # still decode badly are caught by the guards below.
        temperature=0.0,
        repetition_penalty=repetition_penalty,
        max_new_tokens=_token_cap(fed, language, _prompt_length(model, prompt)),
        without_timestamps=False,
    )
    words: list[Word] = []
    previous = None
    for seg, offset in segments:
        if on_segment:
            on_segment(offset + float(seg.end))
        text = seg.text.strip()
        if not text or _NONSPEECH.match(text) or _LAUGH.match(text):
            continue
        if seg.no_speech_prob > 0.6 and seg.avg_logprob < -1.0:
            continue
        if _compression(text) > LOOP_COMPRESSION:
            continue  # a repetition loop: no real speech is that repetitive
        norm = re.sub(r"[\s、。,.!?！？]", "", text).lower()
        if any(h.replace(" ", "") in norm for h in HALLUCINATIONS) and len(norm) <= 30:
            continue
        if previous is not None and norm == previous and len(norm) > 3:
            continue  # a repeat loop
        seg_words = [Word(text=w.word, start=round(offset + float(w.start), 3), end=round(offset + float(w.end), 3),
                          probability=round(float(w.probability), 3))
                     for w in (seg.words or ()) if w.word.strip() and not _broken(w.word)]
        if _implausible(seg_words, speech_ivs, language):
            continue
        previous = norm
        words += _without_stuck_repeats(_without_weak_closing(seg_words))
    return words


#: A segment whose text compresses better than this (zlib, as Whisper judges a window) is a
#: repetition loop ("おとしおとしおとし…", "あんんんんん…").
LOOP_COMPRESSION = 2.4


def _compression(text: str) -> float:
    """How well ``text`` compresses (its UTF-8 bytes over zlib's): judged segment by segment.
    faster-whisper gives every segment of a 30-s window its window's ratio, so one segment that
    looped dropped the whole window's speech with it: a Japanese answer in a fan's noise lost
    its first 16 s, and its report said it froze for 17.6 s (QA s45 R #1)."""
    import zlib

    data = text.encode("utf-8")
    return len(data) / len(zlib.compress(data)) if data else 0.0


def _broken(word: str) -> bool:
    """Is ``word`` only the half of a character (U+FFFD, a multi-byte token cut off at a stretch's
    end) with marks around it? Such a "word" ("      \ufffd" at probability 0.004) ended a
    Japanese answer heard live and was saved in its transcript (QA s38 G #3)."""
    return "\ufffd" in word and not re.sub(r"[\s\ufffd、。,.!?！？…]", "", word)


#: Closing phrases Whisper appends to a stretch it could not make out (over a string of
#: hesitations it wrote "the and ... Thank you." at probability 0.03-0.05).
WEAK_CLOSINGS = ("thank you", "thanks", "thank you very much", "ありがとうございました", "ありがとうございます")
#: ... dropped when Whisper was this unsure of every word of it.
WEAK_CLOSING_P = 0.2


def _without_weak_closing(seg_words):
    """``seg_words`` without a closing phrase ("Thank you.", 「ありがとうございました」) at its end
    that Whisper barely heard (a closing a speaker really says is heard clearly), and without a
    video's sign-off (:data:`HALLUCINATIONS`: "thank you for watching") however sure it was."""
    for n in range(1, min(6, len(seg_words)) + 1):
        tail = seg_words[-n:]
        text = re.sub(r"[\s、。,.!?！？]", "", "".join(w.text for w in tail)).lower()
        if n < len(seg_words) and any(text == h.replace(" ", "") for h in HALLUCINATIONS):
            return seg_words[:-n]  # "..., thank you very much for watching": a video's sign-off, never an answer's
        if any(text == re.sub(r"\s", "", c) for c in WEAK_CLOSINGS):
            if all(w.probability < WEAK_CLOSING_P for w in tail):
                return seg_words[:-n]
            break
    return seg_words


def _without_closings(words):
    """``words`` without any closing phrase (:data:`WEAK_CLOSINGS`) among them: over a short
    stretch of speech left without words and heard on its own (the second repair,
    :func:`_repaired`), Whisper writes "Thank you very much." at 0.98 over a code-switched
    Japanese phrase; a closing the speaker says is heard with the answer in the first passes."""
    closings = {re.sub(r"\s", "", c) for c in WEAK_CLOSINGS}
    drop: set[int] = set()
    for i in range(len(words)):
        for n in range(1, 5):
            said = re.sub(r"[\s、。,.!?！？]", "", "".join(w.text for w in words[i:i + n])).lower()
            if i + n <= len(words) and said in closings:
                drop.update(range(i, i + n))
    return [w for k, w in enumerate(words) if k not in drop]


def _without_stuck_repeats(seg_words):
    """``seg_words`` without the copies of a word Whisper wrote again and again at the same
    instant: at the abrupt end of a stretch it can loop 「その、その、その、…」 with every copy
    stamped at one moment. A word a speaker really repeats takes time to say each time."""
    out = []
    for w in seg_words:
        if out and w.text.strip() == out[-1].text.strip() and abs(w.start - out[-1].start) < 0.02:
            continue
        out.append(w)
    return out


#: A copy of the phrase just before it, in words (Whisper's tokens: 聴 + いて、), up to this long.
LOOP_MAX_WORDS = 4
#: A copy that holds less time of its own than this share of what the speaker's usual pace
#: gives its spoken length was written by a looping decoder, not said (:func:`without_loop_copies`).
LOOP_OWN_SHARE = 0.25


def without_loop_copies(words, rules) -> list:
    """``words`` (snapped to the speech) without the copies of a phrase that hold no time of their own.

    Over a stretch it could not make out, Whisper's decoder can go on writing the phrase before
    it (聴いて eight times over three 聞いて, を and 起きて), and the copies it invents get
    stamps of next to no length or inside the stamps of the words around them: 0.03 s for
    three morae, or the previous いて's own 0.03 s. A speaker who repeats a word or restarts
    ("the, the", それがそれが) takes time to say each copy, at about their pace. So a copy of
    the phrase just before it whose own time (its stamps, less what other words' stamps cover)
    is under :data:`LOOP_OWN_SHARE` of the speaker's median seconds per unit of spoken length
    times its own length is not a word; the count of copies alone decides nothing."""
    words = list(words)
    pace = _median_pace(words, rules)
    if pace <= 0:
        return words
    out: list = []
    i = 0
    while i < len(words):
        k = _copy_length(out, words, i)
        if k and _looped(words, i, i + k, pace, rules):
            i += k  # a copy the decoder wrote over no sound of its own
            continue
        out += words[i:i + max(k, 1)]
        i += max(k, 1)
    return out


def _looped(words, a: int, b: int, pace: float, rules) -> bool:
    """Is the copy ``words[a:b]`` too short in its own time to have been said? Fillers are left
    to the count of their bursts of sound (:func:`furikaeri.fillers.merge_runs`): "uh, uh" is
    often stamped as one."""
    from furikaeri.lang import only_fillers

    if only_fillers(rules, "".join(w.text for w in words[a:b])) is not None:
        return False
    return _own_time(words, a, b) < LOOP_OWN_SHARE * pace * _spoken(words[a:b], rules)


def _norm(w) -> str:
    return re.sub(r"[\W_]", "", w.text.lower())


def _copy_length(kept, words, i: int) -> int:
    """The length (in words) of the phrase at ``words[i]`` that repeats the last words kept, or 0."""
    for k in range(1, LOOP_MAX_WORDS + 1):
        if len(kept) < k or i + k > len(words):
            break
        here = [_norm(w) for w in words[i:i + k]]
        if all(here) and here == [_norm(w) for w in kept[-k:]]:
            return k
    return 0


def _spoken(words, rules) -> int:
    return sum(rules.spoken_length(w.text) for w in words)


def _median_pace(words, rules) -> float:
    """The speaker's median seconds per unit of spoken length, over words with a stamp of their own."""
    per = sorted((w.end - w.start) / rules.spoken_length(w.text) for w in words
                 if w.end - w.start > 0.02 and rules.spoken_length(w.text) > 0)
    return per[len(per) // 2] if per else 0.0


def _own_time(words, a: int, b: int) -> float:
    """Seconds of ``words[a:b]``'s stamps that no other word's (of the main pass) covers."""
    mine = _union([(w.start, w.end) for w in words[a:b]])
    lo, hi = mine[0][0] if mine else 0.0, mine[-1][1] if mine else 0.0
    # a filler heard again (source "relisten") has a stamp shared out by guess: it covers nothing
    others = _union([(w.start, w.end) for j, w in enumerate(words) if not a <= j < b and w.start < hi
                     and lo < w.end and getattr(w, "source", "whisper") != "relisten"])
    own = 0.0
    for s, e in mine:
        covered = sum(max(0.0, min(e, oe) - max(s, os_)) for os_, oe in others)
        own += max(0.0, (e - s) - covered)
    return own


def _union(spans) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        elif e > s:
            out.append((s, e))
    return out


#: Whisper's text context (tokens): the prompt and what it writes for one window together.
MAX_TOKENS = 448


def _token_cap(longest_s: float, language: str, prompt_tokens: int = 0) -> int | None:
    """An upper bound on tokens per 30-s window, from the longest stretch of speech decoded.

    Whisper emits at most about ``Rules.tokens_per_s`` tokens per second of speech (10 in
    English; 15 in Japanese, where a token is often one character); a cap from the audio's
    length stops a runaway loop early (on a laugh, base otherwise writes "uh, uh, ..." for 448
    tokens, three times over). The cap leaves room for the ``prompt_tokens`` Whisper is given
    before it (faster-whisper refuses a window whose prompt and cap exceed :data:`MAX_TOKENS`).
    """
    from furikaeri.lang import get_rules

    room = MAX_TOKENS - prompt_tokens
    cap = int(get_rules(language).tokens_per_s * min(longest_s, 30.0)) + 16
    return cap if cap < room else None


def _prompt_length(model, prompt: str | None) -> int:
    """Tokens faster-whisper puts before a window's text: the previous-text mark and the prompt,
    the start, language and task marks, and a few to spare."""
    body = len(model.hf_tokenizer.encode(" " + prompt.strip()).ids) if prompt else 0
    return body + 1 + 3 + 4


def _looping(texts: list[str], *, max_period: int = 4, share: float = 0.6) -> bool:
    """Whisper's repetition loop: the same word or the same few words over and over
    ("uh, uh, uh, ...", or the prompt echoed: "so, uh, so, uh, ..."). True when, for some
    period of 1 to ``max_period`` words, more than ``share`` of the words repeat the word that
    many places back (at least 8 words)."""
    n = len(texts)
    if n < 8:
        return False
    for k in range(1, max_period + 1):
        same = sum(texts[i] == texts[i - k] for i in range(k, n))
        if same / (n - k) > share:
            return True
    return False


def _implausible(seg_words, speech_ivs, language: str) -> bool:
    """A segment with more words than its speech could carry, or one word repeated on and on."""
    if not seg_words:
        return False
    texts = [re.sub(r"\W", "", w.text.lower()) for w in seg_words]
    if _looping(texts):
        return True
    if speech_ivs is None:
        return False
    s0, s1 = seg_words[0].start, seg_words[-1].end
    spoken = sum(max(0.0, min(s1, iv.end) - max(s0, iv.start)) for iv in speech_ivs)
    from furikaeri.lang import get_rules

    limit = get_rules(language).max_units_per_s
    return len(seg_words) > 3 and len(seg_words) > limit * max(spoken, 0.3)
