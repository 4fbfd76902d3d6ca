"""Rows read straight from a SQLite database file's pages, for an archive SQLite can no longer
walk: a table's root page overwritten hides every row under it from SQLite, though the pages
that hold the rows are whole (QA s46 Y #1). The layout read here is SQLite's file format
(https://www.sqlite.org/fileformat2.html): the header's page size and free-page list, table
leaf pages (type 13) and their cells, records spilled onto overflow pages, and the committed
frames of the write-ahead log (``-wal``), which hold the newest copy of the pages they name.

Only the free-page list's pages are left out (a deleted table's, or deleted rows' whole pages);
a row deleted from a page that is still used is not in the page's list of cells. Which table a
row belongs to is for the caller to say (:func:`leaf_rows`'s ``accept``): the pages do not.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

#: The page types of a table's leaf page, and the bytes before a page 1's own header.
TABLE_LEAF, FILE_HEADER = 13, 100
WAL_MAGIC = (0x377F0682, 0x377F0683)


@dataclass(frozen=True)
class PageRow:
    """One row of a table leaf page: its rowid and the values of its record (text decoded as
    UTF-8, bytes that are not read as U+FFFD; a value whose bytes could not be reached, past a
    broken overflow page, is U+FFFD too)."""

    page: int
    rowid: int
    values: tuple[Any, ...]


def leaf_rows(path: Path, accept: Callable[[tuple[Any, ...]], bool]) -> list[PageRow]:
    """Every row on the table leaf pages of the database ``path`` (its ``-wal`` overlaid) whose
    values ``accept`` takes, in page order. Nothing when the file cannot be read or its header
    gives no page size."""
    try:
        pages = _pages(Path(path))
    except OSError:
        return []
    if pages is None:
        return []
    book, size, usable = pages
    free = _free_pages(book, usable)
    out = []
    for number in sorted(book):
        if number in free:
            continue
        for rowid, values in _cells(book, number, usable):
            if accept(values):
                out.append(PageRow(number, rowid, values))
    return out


def _pages(path: Path) -> tuple[dict[int, bytes], int, int] | None:
    data = path.read_bytes()
    size = struct.unpack(">H", data[16:18])[0] if len(data) >= FILE_HEADER else 0
    size = 65536 if size == 1 else size
    if not data.startswith(b"SQLite format 3\x00") or size < 512 or size & (size - 1):
        size = _page_size_guessed(data)  # the header itself damaged (QA s51 UU #3: page 1 zeroed)
        if size is None:
            return None
        data = bytes(FILE_HEADER) + data[FILE_HEADER:]  # its free-page list unknown: read as none
        return {i // size + 1: data[i:i + size] for i in range(0, len(data) - size + 1, size)}, size, size
    usable = size - data[20]
    book = {i // size + 1: data[i:i + size] for i in range(0, len(data) - size + 1, size)}
    wal = path.with_name(path.name + "-wal")
    if wal.is_file():
        book.update(_wal_pages(wal.read_bytes(), size))
    return book, size, usable


#: The b-tree page types (interior and leaf, index and table): the first byte of such a page.
PAGE_TYPES = (2, 5, 10, 13)


def _page_size_guessed(data: bytes) -> int | None:
    """The page size of a database file whose header is lost: the smallest size the file is made
    of whole pages of at which most pages after the first begin as b-tree pages do (a larger
    one, a multiple, sees every other page start as well; a smaller one lands mid-page); None
    when no size finds them."""
    found = {}
    for size in (512, 1024, 2048, 4096, 8192, 16384, 32768, 65536):
        starts = range(size, len(data) - size + 1, size)
        if len(data) % size or len(starts) < 2:
            continue
        found[size] = sum(data[i] in PAGE_TYPES for i in starts) / len(starts)
    best = max(found.values(), default=0.0)
    return min((s for s, share in found.items() if share >= 0.8 * best), default=None) if best >= 0.3 else None


def _wal_pages(wal: bytes, size: int) -> dict[int, bytes]:
    """The pages of the log's committed transactions (frames up to its last commit frame whose
    salts are the header's: older frames of an earlier log are not)."""
    if len(wal) < 32 or struct.unpack(">I", wal[:4])[0] not in WAL_MAGIC or struct.unpack(">I", wal[8:12])[0] != size:
        return {}
    salts = wal[16:24]
    committed: dict[int, bytes] = {}
    pending: dict[int, bytes] = {}
    for at in range(32, len(wal) - 24 - size + 1, 24 + size):
        number, commit = struct.unpack(">II", wal[at:at + 8])
        if wal[at + 8:at + 16] != salts or number == 0:
            break
        pending[number] = wal[at + 24:at + 24 + size]
        if commit:
            committed.update(pending)
            pending = {}
    return committed


def _free_pages(book: dict[int, bytes], usable: int) -> set[int]:
    """The pages of the free-page list (its trunk pages and the leaves they name)."""
    first = book.get(1)
    if first is None:
        return set()
    trunk, free, seen = struct.unpack(">I", first[32:36])[0], set(), set()
    while trunk and trunk in book and trunk not in seen:
        seen.add(trunk)
        page = book[trunk]
        free.add(trunk)
        count = min(struct.unpack(">I", page[4:8])[0], (usable - 8) // 4)
        free.update(struct.unpack(f">{count}I", page[8:8 + 4 * count]))
        trunk = struct.unpack(">I", page[:4])[0]
    return free


def _cells(book: dict[int, bytes], number: int, usable: int) -> Iterator[tuple[int, tuple[Any, ...]]]:
    page = book[number]
    head = FILE_HEADER if number == 1 else 0
    if page[head] != TABLE_LEAF:
        return
    count = struct.unpack(">H", page[head + 3:head + 5])[0]
    for k in range(count):
        at = head + 8 + 2 * k
        if at + 2 > usable:
            return
        offset = struct.unpack(">H", page[at:at + 2])[0]
        try:
            yield _cell(book, page, offset, usable)
        except (IndexError, ValueError, struct.error):
            continue  # a cell the damage reached


def _cell(book: dict[int, bytes], page: bytes, offset: int, usable: int) -> tuple[int, tuple[Any, ...]]:
    size, at = _varint(page, offset)
    rowid, at = _varint(page, at)
    if rowid >= 1 << 63:
        rowid -= 1 << 64
    most = usable - 35
    if size <= most:
        payload, whole = page[at:at + size], True
    else:
        least = (usable - 12) * 32 // 255 - 23
        local = least + (size - least) % (usable - 4)
        local = local if local <= most else least
        payload, whole = _spilled(book, page[at:at + local], struct.unpack(">I", page[at + local:at + local + 4])[0],
                                  size, usable)
    if len(payload) > size or (whole and len(payload) < size):
        raise ValueError("a cell larger than its page")
    return rowid, _record(payload, size)


def _spilled(book: dict[int, bytes], local: bytes, next_page: int, size: int, usable: int) -> tuple[bytes, bool]:
    """A payload's bytes on its page and its overflow pages, as far as the chain reaches."""
    parts, held, seen = [local], len(local), set()
    while held < size and next_page and next_page in book and next_page not in seen:
        seen.add(next_page)
        page = book[next_page]
        piece = page[4:min(usable, 4 + size - held)]
        parts.append(piece)
        held += len(piece)
        next_page = struct.unpack(">I", page[:4])[0]
    return b"".join(parts), held >= size


def _record(payload: bytes, size: int) -> tuple[Any, ...]:
    """A record's values; those whose bytes lie past what was reached are U+FFFD."""
    header, at = _varint(payload, 0)
    if header > size or header < 1:
        raise ValueError("not a record")
    types = []
    while at < header:
        kind, at = _varint(payload, at)
        types.append(kind)
    values, at = [], header
    for kind in types:
        n = _width(kind)
        if at + n > len(payload):
            values.append("\ufffd")
            at += n
            continue
        values.append(_value(kind, payload[at:at + n]))
        at += n
    if at > size:
        raise ValueError("a record longer than its cell")
    return tuple(values)


def _width(kind: int) -> int:
    if kind >= 12:
        return (kind - 12) // 2
    if kind in (10, 11):
        raise ValueError("a reserved type")
    return (0, 1, 2, 3, 4, 6, 8, 8, 0, 0)[kind]


def _value(kind: int, raw: bytes) -> Any:
    if kind == 0:
        return None
    if 1 <= kind <= 6:
        return int.from_bytes(raw, "big", signed=True)
    if kind == 7:
        return struct.unpack(">d", raw)[0]
    if kind in (8, 9):
        return kind - 8
    if kind % 2:
        return raw.decode("utf-8", "replace")
    return bytes(raw)


def _varint(data: bytes, at: int) -> tuple[int, int]:
    """SQLite's variable-length integer at ``at``: the value and where the next byte is."""
    value = 0
    for i in range(8):
        byte = data[at + i]
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, at + i + 1
    return (value << 8) | data[at + 8], at + 9
