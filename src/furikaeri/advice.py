"""The two or three most useful tips for one answer, and honest warnings about the figures.

Tips are chosen by how far a figure is from its norm, most important first: over-talking
(the seed article's own failure), freezing (long mid-phrase pauses), fillers, pace. Texts
exist in English and Japanese; the answer's language picks them.
"""

from __future__ import annotations

TEXTS = {
    "over_budget": {
        "en": "You ran {over:.0f} s past the {budget:.0f} s budget. Lead with your conclusion, give one example, stop.",
        "ja": "持ち時間{budget:.0f}秒を{over:.0f}秒オーバーしました。結論から話し、具体例は一つに絞りましょう。",
    },
    "too_short": {
        "en": "The answer used only {answer:.0f} s of {budget:.0f} s. Add one concrete example (situation, action, result).",
        "ja": "回答が{answer:.0f}秒と短めです（持ち時間{budget:.0f}秒）。具体的なエピソードを一つ加えましょう。",
    },
    "freeze": {
        "en": "{n} long pause(s) fell mid-sentence (longest {longest:.1f} s). Rehearse your key points so the next step is ready.",
        "ja": "文の途中で長い間が{n}回ありました（最長{longest:.1f}秒）。話す要点を事前に整理しておきましょう。",
    },
    "fillers": {
        "en": "{per_min:.1f} fillers a minute ({top}). Replace them with a short silent pause: silence sounds confident.",
        "ja": "フィラーが1分あたり{per_min:.1f}回（{top}）。言葉に詰まったら、フィラーの代わりに一拍おきましょう。",
    },
    "fast": {
        "en": "Fast pace ({value}). Slow down and pause between sentences so each point lands.",
        "ja": "話す速さが速めです（{value}）。文の区切りで一呼吸おきましょう。",
    },
    "slow": {
        "en": "Slow pace ({value}). Aim for 120-160 words a minute; shorter sentences help.",
        "ja": "話す速さがゆっくりめです（{value}）。一文を短くすると、テンポよく聞こえます。",
    },
    "good": {
        "en": "Well-paced and within the budget. Next time, check your structure: point, reason, example, point.",
        "ja": "速さも時間配分も良好です。次は構成（結論・理由・具体例・結論）を意識してみましょう。",
    },
}

WARNINGS = {
    "fillers_undercounted": {
        "en": "Fillers may be under-counted: {n} short sound(s) set off by pauses sounded like fillers, but Whisper could not confirm them.",
        "ja": "フィラーを数え漏らしている可能性があります：間に挟まれた短い発声が{n}箇所、フィラーらしく聞こえましたが確認できませんでした。",
    },
    "no_speech": {
        "en": "No speech detected: nothing was transcribed, so there is nothing to measure.",
        "ja": "音声が検出されませんでした。文字起こしも計測も行っていません。",
    },
    "noisy": {
        "en": "The recording is noisy (speech only {db:.0f} dB above the background): pause edges are less precise.",
        "ja": "雑音が多い録音です（音声と背景の差が{db:.0f} dB）。間の境界の精度が下がります。",
    },
}


def _lang(language: str) -> str:
    return "ja" if language == "ja" else "en"


def tips_for(m, language: str, budget_s: float) -> list[str]:
    """Up to three tips for measurements ``m`` (a :class:`furikaeri.measure.Measurements`)."""
    lang = _lang(language)
    if not m.speech_detected:
        return []
    ranked: list[tuple[float, str]] = []
    if m.over_budget:
        over = m.answer_s - budget_s
        ranked.append((10 + over / budget_s, TEXTS["over_budget"][lang].format(over=over, budget=budget_s)))
    elif m.answer_s < 0.3 * budget_s:
        ranked.append((3, TEXTS["too_short"][lang].format(answer=m.answer_s, budget=budget_s)))
    mid_long = [p for p in m.pauses if p.place == "mid" and p.kind != "short"]
    if mid_long:
        longest = max(p.duration for p in mid_long)
        ranked.append((5 + longest, TEXTS["freeze"][lang].format(n=len(mid_long), longest=longest)))
    per_min = m.stats.get("fillers_per_min", 0.0)
    if per_min > 2.0:
        counts: dict[str, int] = {}
        for f in m.fillers:
            counts[f.text.lower()] = counts.get(f.text.lower(), 0) + 1
        top = ", ".join(k for k, _ in sorted(counts.items(), key=lambda kv: -kv[1])[:3])
        ranked.append((4 + per_min / 2, TEXTS["fillers"][lang].format(per_min=per_min, top=top)))
    rate = m.verdicts.get("rate")
    if rate and rate.level in ("low", "high"):
        if lang == "ja":
            value = f"{m.rate.get('morae_per_s')} モーラ/秒"
        else:
            value = f"{m.rate.get('wpm')} wpm"
        ranked.append((3.5, TEXTS["fast" if rate.level == "high" else "slow"][lang].format(value=value)))
    if not ranked:
        return [TEXTS["good"][lang]]
    ranked.sort(key=lambda t: -t[0])
    return [t for _, t in ranked[:3]]


def warnings_for(m, language: str, speech_map) -> list[str]:
    """Honest caveats about this answer's figures."""
    lang = _lang(language)
    out = []
    if not m.speech_detected:
        out.append(WARNINGS["no_speech"][lang])
        return out
    if m.unconfirmed_fillers:
        out.append(WARNINGS["fillers_undercounted"][lang].format(n=m.unconfirmed_fillers))
    speech_s = sum(iv.duration for iv in speech_map.intervals)
    if speech_map.contrast_db < 15 and speech_s < 0.8 * speech_map.duration:
        out.append(WARNINGS["noisy"][lang].format(db=speech_map.contrast_db))
    return out
