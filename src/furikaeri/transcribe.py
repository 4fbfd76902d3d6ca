"""faster-whisper in, :class:`Transcript` out (words with times and probabilities).

The model is loaded once per process (``lru_cache``); ``faster_whisper`` is imported lazily so
``furikaeri --help`` stays instant.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
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
    """Words of one take, in order; ``language`` is ``en`` or ``ja`` (or Whisper's code)."""

    language: str
    words: tuple[Word, ...] = ()
    language_probability: float = 1.0

    @property
    def text(self) -> str:
        return join_words(self.words, self.language)


def join_words(words, language: str) -> str:
    """Whisper's word texts carry their own leading spaces (English); Japanese has none."""
    return "".join(w.text for w in words).strip()


# Text Whisper writes over silence, music or noise (seen on base: METRICS.md "Hallucination").
HALLUCINATIONS = (
    "ご視聴ありがとうございました",
    "ご清聴ありがとうございました",
    "チャンネル登録",
    "お疲れ様でした",
    "thank you for watching",
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


@functools.lru_cache(maxsize=2)
def load_model(path: str, cpu_threads: int = 0):
    """Load a CTranslate2 Whisper model once per process (int8 on the CPU)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from faster_whisper import WhisperModel

    try:
        return WhisperModel(path, device="cpu", compute_type="int8", cpu_threads=cpu_threads or (os.cpu_count() or 2))
    except Exception as e:  # noqa: BLE001 - CTranslate2 raises RuntimeError/ValueError
        raise ModelError(f"cannot load the Whisper model at {path}: {e}") from e


def detect_language(model, samples: np.ndarray, *, allowed=("en", "ja")) -> tuple[str, float]:
    """The most likely of ``allowed`` languages for the first 30 s of speech."""
    _, _, probs = model.detect_language(samples)
    scores = {code: p for code, p in probs if code in allowed}
    if not scores:
        return allowed[0], 0.0
    best = max(scores, key=scores.get)
    return best, float(scores[best])


def transcribe(
    samples: np.ndarray,
    model_path: str,
    *,
    language: str,
    prompt: str | None = None,
    speech: Iterable | None = None,
    multilingual: bool = True,
    on_segment: Callable[[float], None] | None = None,
) -> Transcript:
    """Transcribe 16-kHz mono ``samples`` with word timestamps.

    ``language``: ``en``, ``ja`` or ``auto`` (the likelier of English and Japanese).
    ``prompt``: a short initial prompt (e.g. fillers, so Whisper keeps them; keep it short,
    long prompts make Whisper drop sentences). ``speech``: speech intervals from
    :mod:`furikaeri.speech`; only those stretches are decoded (:func:`decoding_windows`), so
    Whisper never sees long silence to invent text in. ``on_segment(end_s)`` reports progress.

    Segments Whisper itself flags as probably not speech (``no_speech_prob`` > 0.6 with a low
    ``avg_logprob``), non-speech tags like "(laughs)", known silence hallucinations and
    verbatim repeats of the previous segment are dropped. Runs of speech (1 s or more) that got
    almost no word (Whisper skipped them or looped, :func:`skipped_speech`) are decoded again
    without the prompt and with a repetition penalty. Decoding is beam search only, so the same
    take always gives the same words.
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
    words = _decode(model, samples, speech_ivs, language=language, prompt=prompt, on_segment=on_segment)
    if speech_ivs is not None:
        # Whisper sometimes skips whole sentences (more often with a prompt): decode any stretch
        # of speech that got (almost) no word again, on its own and without the prompt.
        missing = skipped_speech(speech_ivs, words)
        if missing:
            extra = _decode(model, samples, missing, language=language, prompt=None, on_segment=None,
                            repetition_penalty=REPAIR_REPETITION_PENALTY)
            # Keep only words said in the skipped speech (the decoding window may span speech
            # between skipped intervals that already has its words).
            extra = [w for w in extra
                     if any(iv.start - 0.1 <= (w.start + w.end) / 2 <= iv.end + 0.1 for iv in missing)
                     and not any(min(w.end, o.end) - max(w.start, o.start) > 0.5 * (w.end - w.start) for o in words)]
            words = sorted(words + extra, key=lambda w: (w.start, w.end))
    return Transcript(language=language, words=tuple(words), language_probability=lang_prob)


SAMPLE_RATE = 16000


def decoding_windows(intervals, duration: float, *, pad_s: float = 0.2, join_gap_s: float = 3.0) -> list[tuple[float, float]]:
    """Speech intervals, padded and joined into the stretches Whisper decodes (each on its own,
    as faster-whisper's ``clip_timestamps``).

    Pauses shorter than ``join_gap_s`` stay inside a stretch: Whisper needs context across
    hesitations, and a few seconds of silence next to speech do not make it invent text. Longer
    silences are never decoded: that is where Whisper writes 「ご視聴ありがとうございました」.
    Decoding stretches separately (not glued back to back) keeps Whisper from skipping speech
    after an abrupt join.
    """
    spans: list[list[float]] = []
    for iv in intervals:
        s, e = max(0.0, iv.start - pad_s), min(duration, iv.end + pad_s)
        if spans and s - spans[-1][1] <= join_gap_s:
            spans[-1][1] = max(spans[-1][1], e)
        else:
            spans.append([s, e])
    return [(s, e) for s, e in spans]


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


def _decode(model, samples: np.ndarray, speech_ivs, *, language: str, prompt: str | None, on_segment,
            repetition_penalty: float = 1.0) -> list[Word]:
    """One Whisper pass over the speech (or the whole take), with the hallucination guards."""
    clips = "0"
    fed = len(samples) / SAMPLE_RATE
    if speech_ivs is not None:
        spans = decoding_windows(speech_ivs, len(samples) / SAMPLE_RATE)
        clips = [t for span in spans for t in (round(span[0], 2), round(span[1], 2))]
        fed = max(e - s for s, e in spans)
    segments, _info = model.transcribe(
        samples,
        language=language,
        task="transcribe",
        beam_size=5,
        word_timestamps=True,
        vad_filter=False,
        clip_timestamps=clips,
        condition_on_previous_text=False,
        initial_prompt=prompt or None,
        # Beam search only. Whisper's usual fallback samples at higher temperatures when a
        # window decodes badly, and CTranslate2's sampling cannot be seeded across its worker
        # threads: the same take then gave different words on every run (apollo11: three runs,
        # three transcripts). A coach must measure the same answer the same way; windows that
        # still decode badly are caught by the guards below.
        temperature=0.0,
        repetition_penalty=repetition_penalty,
        max_new_tokens=_token_cap(fed, language),
        without_timestamps=False,
    )
    words: list[Word] = []
    previous = None
    for seg in segments:
        if on_segment:
            on_segment(float(seg.end))
        text = seg.text.strip()
        if not text or _NONSPEECH.match(text) or _LAUGH.match(text):
            continue
        if seg.no_speech_prob > 0.6 and seg.avg_logprob < -1.0:
            continue
        if seg.compression_ratio > 2.4:
            continue  # a repetition loop: no real speech is that repetitive
        norm = re.sub(r"[\s、。,.!?！？]", "", text).lower()
        if any(h.replace(" ", "") in norm for h in HALLUCINATIONS) and len(norm) <= 30:
            continue
        if previous is not None and norm == previous and len(norm) > 3:
            continue  # a repeat loop
        seg_words = [w for w in (seg.words or ()) if w.word.strip()]
        if _implausible(seg_words, speech_ivs, language):
            continue
        previous = norm
        for w in seg_words:
            words.append(Word(text=w.word, start=round(float(w.start), 3), end=round(float(w.end), 3),
                              probability=round(float(w.probability), 3)))
    return words


def _token_cap(longest_s: float, language: str) -> int | None:
    """An upper bound on tokens per 30-s window, from the longest stretch of speech decoded.

    Whisper emits at most about 10 tokens per second of English speech (15 for Japanese, where
    a token is often one character); a cap from the audio's length stops a runaway loop early
    (on a laugh, base otherwise writes "uh, uh, ..." for 448 tokens, three times over).
    """
    per_s = 15.0 if language == "ja" else 10.0
    cap = int(per_s * min(longest_s, 30.0)) + 16
    return cap if cap < 440 else None

#: No one says more than this many words (English) or tokens (Japanese) per second of speech;
#: more means Whisper is looping ("uh, uh, uh, ..." over a laugh).
MAX_UNITS_PER_S = {"en": 7.0, "ja": 14.0}


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
    texts = [re.sub(r"\W", "", w.word.lower()) for w in seg_words]
    if _looping(texts):
        return True
    if speech_ivs is None:
        return False
    s0, s1 = seg_words[0].start, seg_words[-1].end
    spoken = sum(max(0.0, min(s1, iv.end) - max(s0, iv.start)) for iv in speech_ivs)
    limit = MAX_UNITS_PER_S.get(language, 7.0)
    return len(seg_words) > 3 and len(seg_words) > limit * max(spoken, 0.3)


# ---------------------------------------------------------------------------------------------
# Second listen: short islands of speech decoded again on their own.

#: Islands this long (s) are short enough to be one filler.
ISLAND_MIN_S, ISLAND_MAX_S = 0.12, 1.0
#: ... and set off from the speech around them by a silence at least this long on one side.
ISLAND_GAP_S = 0.15
#: The first or last piece of a longer island is tried alone when a gap this long parts it
#: from the rest (and ISLAND_GAP_S of silence lies on its other side).
PIECE_GAP_S = 0.08
#: A candidate the main pass left without words must be voiced for at least this share of its
#: pitch frames (a filled pause is a vowel or a hum: 0.8-0.9 on real and synthetic ones; a
#: breath, a click or room noise is not; the Japanese 「それ」 an English pass skipped in
#: reazon_test_ja_en.wav, 0.25).
EMPTY_MIN_VOICED = 0.5
#: Main-pass words on an island count as unsure below this probability (the weakest of them).
UNSURE_P = 0.5
#: The second listen's own average log-probability must reach this to be believed: over words
#: the main pass was unsure of, and (stricter) where the main pass heard nothing at all: the
#: Japanese 「それ」 an English pass skipped (reazon_test_ja_en.wav) is heard alone as
#: "Um, um." at -1.19.
RELISTEN_MIN_LOGPROB = -1.3
RELISTEN_MIN_LOGPROB_EMPTY = -1.0
#: Frames (10 ms) the encoder sees for a second listen: 10 s, a third of Whisper's window.
#: CTranslate2 accepts shorter inputs; 10 s keeps the text of a full 30-s pass (3 s does not:
#: Whisper starts repeating itself) at a third of the cost.
RELISTEN_FRAMES = 1000


def relisten(samples: np.ndarray, model_path: str, start: float, end: float, *, language: str,
             prompt: str | None, multilingual: bool = True, pad_s: float = 0.1) -> tuple[str, float]:
    """Decode ``samples[start - pad_s : end + pad_s]`` on its own, with no text before it but
    the prompt: (text, average log-probability per token).

    Whisper's main pass reads a short sound in the light of the sentence around it, and a filler
    between two clauses often comes out as a plausible word or not at all. Heard alone, a filler
    is written as one far more often ("um", 「あのー」). Greedy search would be enough for a word
    or two; beam search (5) matches the main pass.
    """
    import ctranslate2
    from faster_whisper.tokenizer import Tokenizer
    from faster_whisper.transcribe import get_suppressed_tokens

    model = load_model(model_path)
    a = max(0, int((start - pad_s) * SAMPLE_RATE))
    b = min(len(samples), int((end + pad_s) * SAMPLE_RATE))
    clip = np.asarray(samples[a:b], dtype=np.float32)
    hop = model.feature_extractor.hop_length
    frames = max(RELISTEN_FRAMES, len(clip) // hop + 1)
    clip = np.pad(clip, (0, frames * hop - len(clip)))
    features = model.feature_extractor(clip)[:, :frames]
    tokenizer = Tokenizer(model.hf_tokenizer, multilingual, task="transcribe",
                          language=language if multilingual else None)
    tokens: list[int] = []
    if prompt:
        tokens = [tokenizer.sot_prev] + tokenizer.encode(" " + prompt.strip())
    tokens += list(tokenizer.sot_sequence) + [tokenizer.no_timestamps]
    encoded = model.model.encode(ctranslate2.StorageView.from_array(np.ascontiguousarray(features[None])))
    result = model.model.generate(
        encoded, [tokens], beam_size=5, max_length=len(tokens) + 24, return_scores=True,
        suppress_blank=True, suppress_tokens=list(get_suppressed_tokens(tokenizer, [-1])),
    )[0]
    ids = result.sequences_ids[0]
    # CTranslate2's score is the sum of log-probs divided by the length (length_penalty 1);
    # averaged over the tokens plus the end token, as faster-whisper reports avg_logprob.
    avg = float(result.scores[0]) * len(ids) / (len(ids) + 1) if ids else -10.0
    return tokenizer.decode(ids).strip(), avg


def _too_long(words, on, language: str) -> bool:
    """More text than one filler could be misheard as: over 3 words, or for Japanese (whose
    words Whisper often stamps one character at a time: 「エ」「イ」「ト」「を」) over 6
    characters."""
    if language == "ja":
        return len("".join(words[i].text for i in on).strip(" 、。")) > 6
    return len(on) > 3


def _relisten_candidates(speech_ivs, *, pieces: bool = True):
    """Where a second listen may find a filler: (start, end, whole) in time order.

    ``whole``: an island (:func:`furikaeri.speech.speech_islands`) of ISLAND_MIN_S-ISLAND_MAX_S
    set off by ISLAND_GAP_S of silence on at least one side. Not whole: the first or the last
    piece of an island (of any length) that is set off by ISLAND_GAP_S on its outer side and by
    a shorter gap of at least PIECE_GAP_S from the rest of it: a filler said with little pause
    before the words that follow it (あのー、まず...) joins them into one island."""
    from furikaeri.speech import speech_islands

    raw = [(iv.start, iv.end) for iv in speech_ivs]
    islands = speech_islands(speech_ivs)
    out = []
    for k, (s, e) in enumerate(islands):
        gap_before = s - islands[k - 1][1] if k else float("inf")
        gap_after = islands[k + 1][0] - e if k + 1 < len(islands) else float("inf")
        if ISLAND_MIN_S <= e - s <= ISLAND_MAX_S and max(gap_before, gap_after) >= ISLAND_GAP_S:
            out.append((s, e, True))
        parts = [(a, b) for a, b in raw if a >= s - 1e-9 and b <= e + 1e-9]
        if not pieces or len(parts) < 2:
            continue
        (a0, b0), (a1, _) = parts[0], parts[1]
        if gap_before >= ISLAND_GAP_S and a1 - b0 >= PIECE_GAP_S and ISLAND_MIN_S <= b0 - a0 <= ISLAND_MAX_S:
            out.append((a0, b0, False))
        (_, b1), (a2, b2) = parts[-2], parts[-1]
        if gap_after >= ISLAND_GAP_S and a2 - b1 >= PIECE_GAP_S and ISLAND_MIN_S <= b2 - a2 <= ISLAND_MAX_S:
            out.append((a2, b2, False))
    return sorted(out, key=lambda c: (c[0], -c[1]))  # an island before its own first piece


def relisten_islands(
    samples: np.ndarray,
    model_path: str,
    words,
    speech_ivs,
    *,
    language: str,
    prompt: str | None,
    filler_only: Callable[[str], str | None],
    multilingual: bool = True,
    pieces: bool = False,
) -> tuple[list[Word], list[tuple[float, float]]]:
    """Second listen for fillers the main pass dropped or misheard.

    Candidates (:func:`_relisten_candidates`) are short islands of speech (0.12-1 s, set off by
    a silence of 0.15 s or more on at least one side) and, with ``pieces`` (the language's
    ``Rules.relisten_pieces``), the first or last piece of a longer island when a shorter gap
    parts it from the rest. A candidate is tried when the main pass left it without words (and
    it is voiced for half its length or more, :data:`EMPTY_MIN_VOICED`) or covered it with at
    most three words (six characters of Japanese) it was unsure of (the weakest below
    probability 0.5). Each is decoded again on its own (:func:`relisten`) with the filler prompt.
    When the second listen is confident (average log-probability >= -1.3 over unsure words,
    >= -1.0 where the main pass heard nothing: a sound it skipped may be a word in another
    language) and writes nothing but a filler (``filler_only(text)`` returns
    the filler, else None), the candidate's words are replaced by that one filler
    (``source="relisten"``). Anything else keeps the main pass: a confident main-pass word is
    never replaced, and a second listen that hears a real word adds nothing.

    Returns the words and the islands left in doubt: those the second listen heard as nothing,
    or as a filler it was not sure of, or as words it was not sure of (the report's "fillers may
    be under-counted"). An island it heard surely as words is settled: words, not a filler.
    """
    from furikaeri.speech import voiced_share

    words = list(words)
    replaced: dict[int, Word] = {}
    drop: set[int] = set()
    doubtful: list[tuple[float, float]] = []
    for k, (s, e, whole) in enumerate(_relisten_candidates(speech_ivs, pieces=pieces)):
        on = [i for i, w in enumerate(words) if s - 0.05 <= (w.start + w.end) / 2 <= e + 0.05]
        if any(i in replaced or i in drop for i in on) or (not whole and any(
                key < 0 and s - 0.05 <= w.start and w.end <= e + 0.05 for key, w in replaced.items())):
            continue  # the island it is part of became a filler already
        if not whole and any(s - 0.3 <= w.end and w.start <= e + 0.3 and i not in on
                             and filler_only(w.text) for i, w in enumerate(words)):
            continue  # a piece next to a filler the main pass wrote: that filler's own tail
        seg = samples[int(s * SAMPLE_RATE):int(e * SAMPLE_RATE)]
        if not on and voiced_share(seg, SAMPLE_RATE) < EMPTY_MIN_VOICED:
            continue  # a filler is voiced; a breath, a click or noise is not
        if on:
            if _too_long(words, on, language) or min(words[i].probability for i in on) >= UNSURE_P:
                continue
            if filler_only("".join(words[i].text for i in on) if language == "ja"
                           else " ".join(words[i].text.strip() for i in on)):
                continue  # already a filler
        text, logprob = relisten(samples, model_path, s, e, language=language, prompt=prompt,
                                 multilingual=multilingual)
        filler = filler_only(text)
        bar = RELISTEN_MIN_LOGPROB if on else RELISTEN_MIN_LOGPROB_EMPTY
        if not filler or logprob < bar:
            # still in doubt, unless the second listen heard words, and surely (a piece cut
            # from a longer burst is not counted in doubt: it may be part of a word)
            if whole and (filler or logprob < bar or not text.strip()):
                doubtful.append((s, e))
            continue
        new = Word(text=(filler + "、" if language == "ja" else " " + filler + ","), start=round(s, 3), end=round(e, 3),
                   probability=round(float(np.exp(logprob)), 3), source="relisten")
        if on:
            replaced[on[0]] = new
            drop.update(on[1:])
        else:
            replaced[-1 - k] = new  # a new word, placed by time below
    out = [replaced.get(i, w) for i, w in enumerate(words) if i not in drop]
    out += [w for key, w in replaced.items() if key < 0]
    out.sort(key=lambda w: (w.start, w.end))
    if language != "ja":
        # Heard alone, every filler opens a sentence ("Uh,"); in the running text it is "uh,".
        for i, w in enumerate(out):
            if w.source == "relisten" and i and not out[i - 1].text.rstrip().endswith((".", "?", "!")):
                out[i] = Word(w.text.lower(), w.start, w.end, w.probability, w.source)
    return out, doubtful
