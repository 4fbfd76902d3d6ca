"""Line breaking for text in a language written without spaces (Japanese): rich breaks such
text anywhere; a reader expects the typesetter's rules."""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.text import Text


#: Marks that may not open a line, and marks that may not close one (Japanese line-breaking
#: rules, kinsoku shori: JIS X 4051): a comma, a full stop, a closing bracket, a small kana or the
#: long-vowel mark at the head of a line reads as broken type.
NO_LINE_START = set("、。，．,.!?！？)）」』】〕〉》”’ー～…‥ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々ゝゞヽヾ")
NO_LINE_END = set("(（「『【〔〈《“‘")


def wrap_unspaced(text: Text, width: int) -> Text:
    """``text`` (a language written without spaces) broken into lines of at most ``width`` cells,
    never before a mark of :data:`NO_LINE_START` nor after one of :data:`NO_LINE_END`, nor
    inside a pause mark or a Latin word (the break moves back, as a typesetter's does); spaces
    at a break are dropped."""
    plain = text.plain
    # no break inside a pause mark ([1.4秒]) or a run of Latin letters and digits (24, Kagi, 5.0)
    whole = {k for m in re.finditer(r"\[[^\]\n]*\]|[A-Za-z0-9][A-Za-z0-9.'%-]*", plain)
             for k in range(m.start() + 1, m.end())}

    def bad(k: int) -> bool:
        return k in whole or plain[k] in NO_LINE_START or plain[k - 1] in NO_LINE_END

    breaks: list[int] = []
    start, col = 0, 0
    for i, ch in enumerate(plain):
        if ch == "\n":
            start, col = i + 1, 0
            continue
        w = cell_len(ch)
        if col + w <= width or i == start:
            col += w
            continue
        cut = i
        while cut - 1 > start and bad(cut) and i - cut < width // 2:
            cut -= 1
        if bad(cut):
            cut = i  # nowhere better on this line: break where it is full
        breaks.append(cut)
        start, col = cut, cell_len(plain[cut:i + 1])
    if not breaks:
        return text
    return Text("\n").join(strip_left(line) for line in text.divide(breaks))


def strip_left(line: Text) -> Text:
    n = len(line.plain) - len(line.plain.lstrip(" "))
    return line[n:] if n else line
