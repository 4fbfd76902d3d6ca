"""Line breaking for text in a language written without spaces (Japanese): rich breaks such
text anywhere; a reader expects the typesetter's rules. And the narrow terminal: below
:data:`NARROW` columns, tables of figures are stacked rather than squeezed."""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.padding import Padding
from rich.text import Text


#: Below this many columns a table of figures is not squeezed (its verdicts broken into
#: syllables, its figures cut with "…"): each figure is stacked instead, its name and value on a
#: line and its verdict on the next, indented.
NARROW = 64


def stacked(width: int) -> bool:
    """Is a terminal ``width`` columns wide too narrow for a table of figures?"""
    return width < NARROW


#: Marks that may not open a line, and marks that may not close one (Japanese line-breaking
#: rules, kinsoku shori: JIS X 4051): a comma, a full stop, a closing bracket, a small kana or the
#: long-vowel mark at the head of a line reads as broken type; so does the particle を, which
#: only ever ends a phrase (「教えて」 but never 「を教えて」 opens one).
NO_LINE_START = set("、。，．,.:;：；!?！？)）」』】〕〉》”’ー～〜…‥・ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々ゝゞヽヾを")
NO_LINE_END = set("(（「『【〔〈《“‘")
#: Marks after which a phrase ends (a break there reads as the writer's own pause).
PHRASE_END = set("、。，．,.:;：；!?！？・)）」』】〕〉》”’")
#: A word written kanji, one kana, kanji (持ち時間, 言い出し, 話し始め, 取り組み): one word, though
#: a kana before a kanji is where a phrase usually ends (the kana is a particle: の, は, を, ...).
JA_COMPOUND = r"[\u4e00-\u9fff々][ぁ-ゖ](?<![のはがをにでともへやかて])[\u4e00-\u9fff々]+"


#: A Japanese unit after a number (a run of :func:`wrap_unspaced` that ends in a digit): 30秒,
#: 3.2回/分, 9.2/分, 0.0回/300拍, 5.5〜8拍/秒, 1.5半音, 10年; kept on the line of its number.
JA_UNIT = (r"(?:(?<=\d)(?:[〜~]\d[\d.]*)?(?:/?\d*(?:半音|時間|[秒分回字拍語倍問度割歳人件個点円年月日時])"
           r"(?:/\d*[秒分拍字語])?|(?<=\d)[％]))?")


def wrap_unspaced(text: Text, width: int) -> Text:
    """``text`` (a language written without spaces) broken into lines of at most ``width`` cells,
    never before a mark of :data:`NO_LINE_START` nor after one of :data:`NO_LINE_END`, nor
    inside a pause mark, the budget's marker (⏱ … ▶) or a Latin word (the break moves back, as a
    typesetter's does); spaces at a break are dropped. Within that, a line ends where a phrase
    does (:func:`_cut`): a bracketed term that fits a line is moved whole, not split (「（持」 /
    「ち時間の56%）」), and a word is not split where a phrase boundary is near (「要」 / 「点で」)."""
    plain = text.plain
    # no break inside a pause mark ([1.4秒]) or a run of Latin letters and digits (24, Kagi, 5.0,
    # -3, --no-stream, `furikaeri devices`'s name, a clock: 0:01), nor between a number and its
    # unit (30秒, 3.2回/分), nor between a key's name or a command and the particle after it
    # (「Enter で」: 「…Enter」 / 「でそのまま」, QA s49b KK #4)
    whole = {k for m in re.finditer(r"\[[^\]\n]*\]|⏱[^▶\n]*▶|[-+±`$]*[A-Za-z0-9](?:[A-Za-z0-9.'%_`$-]|:(?=\d))*"
                                    + JA_UNIT
                                    + "|" + JA_COMPOUND, plain)
             for k in range(m.start() + 1, m.end())}
    whole |= {k for m in re.finditer(r"(?<=[A-Za-z0-9]) +(?=[\u3041-\u3096])", plain) for k in range(m.start(), m.end() + 1)}

    def bad(k: int) -> bool:
        j = k
        while j < len(plain) - 1 and plain[j] == " ":  # a break at a space opens the line with what follows
            j += 1
        return k in whole or plain[j] in NO_LINE_START or plain[k - 1] in NO_LINE_END

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
        cut = _cut(plain, start, i, width, bad)
        breaks.append(cut)
        start, col = cut, cell_len(plain[cut:i + 1])
    if not breaks:
        return text
    return Text("\n").join(strip_left(line) for line in text.divide(breaks))


def _cut(plain: str, start: int, i: int, width: int, bad) -> int:
    """Where the line from ``start`` breaks, its character ``i`` not fitting ``width`` cells:
    before the bracket it is inside when the bracketed term fits a line of its own; else at the
    likeliest phrase end (:func:`_phrase_end`) within half a line back (a likelier one two cells
    further back for each step of likelihood); else at the latest phrase end on the line that
    leaves it a quarter full; else at the latest place allowed within half a line (characters)
    back; else where it is full. ``bad(k)``: may the line not break before ``plain[k]``?"""
    opened = _open_bracket(plain, start, i, width)
    if opened is not None and not bad(opened):
        return opened
    allowed = [k for k in range(i, start, -1) if not bad(k)]
    near = [k for k in allowed if cell_len(plain[k:i]) <= width // 2 and _phrase_end(plain, k)]
    if near:
        # a tie goes to the likelier end (「と」|「自己ベスト」, not 「自己」|「ベスト」: QA s38 G #4), then the later
        return max(near, key=lambda k: (4 * _phrase_end(plain, k) - cell_len(plain[k:i]), _phrase_end(plain, k), k))
    far = [k for k in allowed if _phrase_end(plain, k) >= 2 and cell_len(plain[start:k]) >= width // 4]
    if far:  # a short line rather than a word split (「要点で」 / 「締めくくりましょう。」)
        return far[0]
    cut = i
    while cut - 1 > start and bad(cut) and i - cut < width // 2:
        cut -= 1
    return i if bad(cut) else cut  # nowhere better on this line: break where it is full


def _phrase_end(plain: str, k: int) -> int:
    """How likely a phrase ends before ``plain[k]``: 3 after a mark that ends one (、, ）) or at
    a space or a bracket's start; 2 after kana before a word (「要点で」|「締めくくり」: a particle
    or an ending, then a new word); 1 where the script changes between words (kanji and
    katakana, a digit and kanji); 0 before kana (a word's ending or its particle: 「話」|「し」,
    「メモ」|「は」) and inside a word. After を, which only ends a phrase, 2 whatever follows; an
    honorific prefix goes with its word: 2 before it (「自己PRを」|「お願いします」), 0 after it
    (never 「お」|「願いします」)."""
    before, after = plain[k - 1], plain[k]
    if before in PHRASE_END or after in NO_LINE_END or " " in (before, after):
        return 3
    kind_before, kind_after = _script(before), _script(after)
    if _prefix(plain, k - 1):  # 「お」|「願い」: the honorific prefix goes with its word
        return 0
    if before in PARTICLE_END or (kind_before == "kana" and _prefix(plain, k)):
        return 2  # 「自己PRを」|「お願いします」: を ends a phrase, and お/ご opens the word after it
    if kind_after == "kana":
        return 0
    if kind_before == "kana":
        return 2
    return 1 if kind_before != kind_after else 0


#: A particle that only ever ends a phrase (「自己PRを」|「お願いします」), whatever follows it:
#: a break after it is a phrase's end even before kana, where a break is otherwise inside a word.
PARTICLE_END = set("を")
#: Honorific prefixes (お願い, ご質問): before a kanji, the start of the word, never its own phrase.
PREFIXES = set("おご御")
#: Particles after which an お/ご before a kanji opens an honorific word (「PRを」|「お願い」,
#: 「何か」|「ご質問」), as after a verb's て form (「含めて」|「お話しください」); after any other kana
#: it is a word's own last kana (たまご焼き, いちご農家, なお更), no place to break.
PARTICLES = set("をがはにでともかのへやて")


def _prefix(plain: str, k: int) -> bool:
    """Is ``plain[k]`` an honorific prefix (:data:`PREFIXES`) opening the kanji word after it
    (「お願い」, 「ご質問」): at the start, after a particle (:data:`PARTICLES`) or after no kana,
    not a word's own last kana (たまご焼き)?"""
    return (0 <= k < len(plain) - 1 and plain[k] in PREFIXES and _script(plain[k + 1]) == "kanji"
            and (k == 0 or plain[k - 1] in PARTICLES or _script(plain[k - 1]) != "kana"))


def _script(ch: str) -> str:
    if "ぁ" <= ch <= "ゖ":
        return "kana"
    if "ァ" <= ch <= "ヺ" or ch == "ー":
        return "katakana"
    if "\u4e00" <= ch <= "\u9fff" or ch == "々":
        return "kanji"
    return "other"


def _open_bracket(plain: str, start: int, i: int, width: int) -> int | None:
    """The outermost bracket opened on this line (after ``start``) whose term, with the marks
    that may not open a line after it (「（持ち時間30秒）。」), runs past ``i`` and fits ``width``."""
    found = None
    for k in range(i - 1, start, -1):
        if plain[k] in NO_LINE_END:
            close = _closing(plain, k)
            if close is not None and close >= i and cell_len(plain[k:close + 1]) <= width:
                found = k
    return found


def _closing(plain: str, opened: int) -> int | None:
    """Where the bracket at ``opened`` closes (with the marks that may not open a line after it),
    None when it does not close on this line of text."""
    depth = 0
    for k in range(opened, len(plain)):
        if plain[k] == "\n":
            return None
        if plain[k] in NO_LINE_END:
            depth += 1
        elif plain[k] in ")）」』】〕〉》":
            depth -= 1
            if depth == 0:
                while k + 1 < len(plain) and plain[k + 1] in NO_LINE_START:
                    k += 1
                return k
    return None


def strip_left(line: Text) -> Text:
    n = len(line.plain) - len(line.plain.lstrip(" "))
    return line[n:] if n else line


def strip_right(line: Text) -> Text:
    n = len(line.plain.rstrip(" "))
    return line[:n] if n < len(line.plain) else line


def unspaced(s: str) -> bool:
    """Is ``s`` written, at least in part, without spaces (kana, kanji, full-width forms)?"""
    return any("\u3000" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef" for c in s)


#: Where :func:`wrap_phrases` breaks first: between phrases (two spaces, before a bracket: 「結論まで
#: （持ち時間比）」), then at any space.
PHRASE_BREAKS = (r"  +| (?=[(（])|(?<=[^\s(（])(?=（)", r" +")
#: A list of figures ("pace 6.0 morae/s · fillers 6.8/min · pitch spread 3.3 st") breaks
#: between its items first, so no name is left at a line's end without its figure.
LIST_BREAKS = (r" · ", *PHRASE_BREAKS)


def wrap_phrases(text: Text, width: int, *, fill: bool = False, breaks: tuple[str, ...] = PHRASE_BREAKS) -> Text:
    """``text`` broken into lines of at most ``width`` cells between its phrases where it can
    (a verdict, its norm in brackets, a figure with its unit each kept whole on a line where it
    fits), else at a space, else by :func:`wrap_unspaced` (a phrase longer than a line). To
    ``fill`` lines (a sentence), it breaks at spaces as rich does, a part longer than a line
    broken by :func:`wrap_unspaced` from where the line is when half of it is left (a sentence
    after its label), else from a line of its own. ``breaks``: where phrases end, the first
    where it is best to break (:data:`PHRASE_BREAKS`; :data:`LIST_BREAKS` for a list of figures)."""
    lines: list[Text] = []
    for line in text.split("\n", allow_blank=True):
        lines += _fill(line, width) if fill else _pack(line, width, breaks)
    return Text("\n").join(lines) if len(lines) > 1 else (lines[0] if lines else text)


def _pack(line: Text, width: int, seps: tuple[str, ...]) -> list[Text]:
    if cell_len(line.plain) <= width:
        return [line]
    if not seps:
        return [strip_right(x) for x in wrap_unspaced(line, width).split("\n", allow_blank=True)]
    cuts = sorted({0, len(line.plain), *(m.end() for m in re.finditer(seps[0], line.plain))})
    packed: list[Text] = []
    for part in (line[a:b] for a, b in zip(cuts, cuts[1:])):
        if packed and (cell_len(packed[-1].plain + part.plain.rstrip()) <= width
                       or _runs_on(packed[-1], part, width)):
            packed[-1] = packed[-1] + part
        else:
            packed.append(part)
    return [y for x in packed for y in _pack(strip_right(strip_left(x)), width, seps[1:])]


def _runs_on(head: Text, part: Text, width: int) -> bool:
    """Does ``part``, longer than a line (it is broken whatever is done), start on the line of
    ``head``, a short phrase a space before it (「（目安:」 is not left alone on a line, the rest
    below)? Only in text written without spaces, broken by :func:`wrap_unspaced`; a verdict
    before its bracket keeps its own line (「遅め」 / 「（目安: …）」)."""
    return (cell_len(part.plain.strip()) > width and 2 * cell_len(head.plain.strip()) < width
            and head.plain.endswith(" ") and unspaced(part.plain))


#: Where a sentence breaks: at a space, but not one that joins a number to the word or unit after
#: it ("12 attempts", "120 s", "3.2 /min") or a date to its time ("2026-12-01 10:00"): a reader
#: takes "12" at a line's end, "attempts" below, as two things (QA s44 K #5); nor before a dash
#: or a middle dot, which would open a line; nor between a key's name and the particle after it
#: (「Enter で確定」: a line ending "…Enter" above 「で確定した…」, QA s49b KK #4; the phrase is
#: broken where Japanese breaks, :func:`wrap_unspaced`). A command in backquotes may end a line.
FILL_BREAK = re.compile(r" +(?![–·]|(?<=[A-Za-z0-9] )[\u3041-\u3096]|(?<=\d )(?:[A-Za-z%/]|\d{1,2}:\d{2}))")
#: A command to copy, in backquotes (`furikaeri note 1`): not broken where it fits a line, so
#: it is copied whole (QA s47 EE #10: 「`furi」 / 「kaeri note 1`」 by the terminal).
COMMAND = re.compile(r"`[^`\n]+`")
#: The separators of a path's folders: a path longer than a line breaks after one.
PATH_SEPARATOR = re.compile(r"[/\\](?=[^/\\\s])")
#: How a path starts (/tmp/…, ~/…, ./…, C:\…): only such a word breaks at its separators, never
#: a sentence written without spaces with a "/" in it (「（回/分）は下限です…」: QA s49 II #5).
PATH_START = re.compile(r"[`'\"(（「]?(?:~?/|\.\.?/|[A-Za-z]:\\)")


def path_breaks(word: str) -> list[int]:
    """Where ``word`` (a path: /home/me/takes/take-1.wav) may break: after each separator of its
    folders, so each name stays whole (QA s47 EE #10: 「ja_jikopr.fla」 / 「c」)."""
    return [m.end() for m in PATH_SEPARATOR.finditer(word)]


def fill_breaks(plain: str, width: int) -> set[int]:
    """Where a sentence of ``width``-cell lines may break: at its spaces (:data:`FILL_BREAK`),
    but not inside a command in backquotes that fits a line (:data:`COMMAND`); and inside a word
    longer than a line, after each "/" of a path (:func:`path_breaks`)."""
    kept = [m.span() for m in COMMAND.finditer(plain) if cell_len(m.group()) <= width]
    cuts = {m.end() for m in FILL_BREAK.finditer(plain) if not any(a < m.start() < b for a, b in kept)}
    for word in re.finditer(r"\S+", plain):
        if cell_len(word.group()) > width and PATH_START.match(word.group()):
            cuts.update(word.start() + k for k in path_breaks(word.group()))
    return cuts


def _fill(line: Text, width: int) -> list[Text]:
    if cell_len(line.plain) <= width:
        return [line]
    cuts = sorted({0, len(line.plain), *fill_breaks(line.plain, width)})
    out = [line[0:0]]
    for word in (line[a:b] for a, b in zip(cuts, cuts[1:])):
        size = cell_len(word.plain.rstrip())
        if cell_len(out[-1].plain) + size <= width:
            out[-1] = out[-1] + word
        elif size <= width and not _label_alone(out[-1], word):
            out.append(word)
        else:  # a word longer than a line, or one a label would be left alone above
            if 2 * cell_len(out[-1].plain) > width:
                out.append(line[0:0])
            out[-1:] = wrap_unspaced(out[-1] + word, width).split("\n", allow_blank=True)
    return [strip_right(x) for x in out if x.plain.strip()]


def _label_alone(line: Text, word: Text) -> bool:
    """Would a short label ("フィラー:") or a footnote's mark ("+", "*") be left alone on its line
    if ``word``, a phrase written without spaces, went to the next (QA s45 Q #4; QA s49 II #5,
    "+" above a footnote)? It is broken after the label instead."""
    head = line.plain.rstrip()
    return (head.endswith((":", "：")) or 0 < cell_len(head) <= 2) and 2 * cell_len(head) < cell_len(word.plain) \
        and unspaced(word.plain)


def pack(items: list, width: int, *, sep: str = "  ", indent: int = 0) -> Text:
    """``items`` (texts: a figure with its name) on lines of at most ``width`` cells, ``sep``
    between them, never one broken unless it is longer than a line by itself; the lines after the
    first ``indent`` cells in."""
    lines: list[Text] = []
    for item in items:
        item = item if isinstance(item, Text) else Text(item)
        if not item.plain:
            continue
        if lines and cell_len(lines[-1].plain) + cell_len(sep) + cell_len(item.plain) <= width:
            lines[-1] = Text.assemble(lines[-1], sep, item)
            continue
        room = width - (indent if lines else 0)
        if cell_len(item.plain) > room:
            item = wrap_phrases(item, room) if unspaced(item.plain) else _wrap_words(item, room)
        for piece in item.split("\n"):
            lines.append(Text.assemble(" " * indent, piece) if lines else piece)
    return Text("\n").join(lines)


#: The marks a verdict opens with (▲ better, ▼ worse, = same): its wrapped lines go in under the
#: word after it.
ARROWS = ("▲ ", "▼ ", "= ")


def verdict_least(verdict: str) -> int:
    """The fewest cells ``verdict`` can be wrapped in without breaking a word: its arrow and its
    longest word; in text written without spaces, its arrow and its longest phrase (the word
    before its bracket, the bracket: 「▼ 目安から離れた」, 「（聞き取りの誤差内）」 each whole)."""
    arrow = 2 if verdict[:2] in ARROWS else 0
    rest = verdict[arrow:]
    parts = re.split(r"(?=[(（])", rest) if unspaced(rest) else rest.split()
    return arrow + max((cell_len(p.strip()) for p in parts), default=0)


def wrap_verdict(verdict: Text, width: int) -> Text:
    """``verdict`` in lines of at most ``width`` cells (at least :func:`verdict_least`), its later
    lines under the word after its arrow: 「= 変化なし」 / 「  （聞き取りの誤差内）」."""
    if cell_len(verdict.plain) <= width:
        return verdict
    arrow = 2 if verdict.plain[:2] in ARROWS else 0
    rest = verdict[arrow:]
    body = wrap_phrases(rest, width - arrow) if unspaced(rest.plain) else _wrap_words(rest, width - arrow)
    return Text("\n").join(Text.assemble(verdict[:arrow] if i == 0 else " " * arrow, line)
                           for i, line in enumerate(body.split("\n")))


def _wrap_words(text: Text, width: int) -> Text:
    """``text`` wrapped at its spaces as rich wraps it (a word longer than a line folded)."""
    from rich.console import Console

    return Text("\n").join(text.wrap(Console(width=width), width, overflow="fold"))


def hanging(text: Text, width: int, indent: int = 4) -> Padding:
    """``text`` ``indent`` cells in, wrapped to the rest of ``width``: text written without spaces
    by :func:`wrap_phrases` (phrase by phrase), other text at its spaces."""
    return Padding(wrap_phrases(text, width - indent) if unspaced(text.plain) else text, (0, 0, 0, indent),
                   expand=False)


def hang(text: Text, width: int, indent: int = 2) -> Text:
    """``text`` in lines of at most ``width`` cells, the lines after the first ``indent`` cells
    in (a hanging indent: a label too wide for its words to wrap beside it): text written
    without spaces broken by :func:`wrap_phrases`, other text at its spaces."""
    def lines(said: Text, room: int) -> list[Text]:  # never between a number and its unit (QA s49 HH #9)
        return wrap_phrases(said, room, fill=True).split("\n", allow_blank=True)

    first = lines(text, width)[0]
    rest = strip_left(text[len(first.plain.rstrip(" ")):])
    if not rest.plain:
        return text
    return Text("\n").join([strip_right(first), *(Text.assemble(" " * indent, strip_right(line))
                                                  for line in lines(rest, width - indent))])


def fit_line(text: Text, width: int) -> Text:
    """One line of text as printed: text written without spaces broken to ``width`` by
    :func:`wrap_phrases`; other text as it is (rich wraps it at its spaces)."""
    return wrap_phrases(text, width, fill=True) if unspaced(text.plain) else text
