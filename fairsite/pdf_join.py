"""Joining PDF files into one, part after part, without holding the whole document.

A batch of 10,000 badges is rendered in parts of a hundred; joined with a PDF library's
writer, every part's objects stay in memory until the joined file is written, so memory
grows with the batch. Here each part is read, its pages and what they use are written out
under new object numbers, and the part is let go. What is kept is the place of each object
in the output and the list of pages: a few bytes a page.

The parts are read with pypdf, as WeasyPrint writes them (every object of generation 0);
what is written is plain PDF 1.7 (a classic cross-reference table), which every reader and
printer takes.
"""

from collections.abc import Iterable
from typing import BinaryIO

import pypdf
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

# What a page takes from the page tree above it when it does not say it itself (PDF 1.7,
# 7.7.3.4): set on each page here, since the parts' trees are not copied.
INHERITED = ("/Resources", "/MediaBox", "/CropBox", "/Rotate")
CATALOG, PAGES = 1, 2  # their numbers, written last once every page is known


class _Output:
    """The joined file as it is written: where each object starts, and the pages."""

    def __init__(self, stream: BinaryIO):
        self.stream = stream
        self.offsets: dict[int, int] = {}
        self.pages: list[int] = []
        self.next_number = PAGES + 1
        stream.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")

    def write(self, number: int, obj) -> None:
        self.offsets[number] = self.stream.tell()
        self.stream.write(b"%d 0 obj\n" % number)
        obj.write_to_stream(self.stream)
        self.stream.write(b"\nendobj\n")


def pdf_join(parts: Iterable[BinaryIO], output: BinaryIO, *, language: str = "") -> int:
    """Write the pages of `parts` (readable binary files, taken in order) to `output` as
    one PDF; the number of pages. `language` is the document's language (`/Lang`)."""
    out = _Output(output)
    for part in parts:
        _copy_part(pypdf.PdfReader(part), out)
    kids = ArrayObject(IndirectObject(number, 0, None) for number in out.pages)
    out.write(
        PAGES,
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Pages"),
                NameObject("/Kids"): kids,
                NameObject("/Count"): NumberObject(len(out.pages)),
            }
        ),
    )
    catalog = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Catalog"),
            NameObject("/Pages"): IndirectObject(PAGES, 0, None),
        }
    )
    if language:
        catalog[NameObject("/Lang")] = TextStringObject(language)
    out.write(CATALOG, catalog)
    _write_trailer(out)
    return len(out.pages)


def _copy_part(reader: pypdf.PdfReader, out: _Output) -> None:
    pages = [page.indirect_reference.idnum for page in reader.pages]
    is_page = set(pages)
    for number in pages:
        page = reader.get_object(number)
        for key in INHERITED:
            if key not in page and (value := _inherited(page, key)) is not None:
                page[NameObject(key)] = value
    # Every object the pages reach, numbered for the output in the order first met.
    numbers: dict[int, int] = {}
    queue = pages[::-1]  # taken from the end: the first page first
    while queue:
        old = queue.pop()
        if old in numbers:
            continue
        numbers[old] = out.next_number
        out.next_number += 1
        queue.extend(_references(reader.get_object(old), skip_parent=old in is_page)[::-1])
    out.pages.extend(numbers[number] for number in pages)
    for old, new in sorted(numbers.items(), key=lambda item: item[1]):
        obj = reader.get_object(old)
        if old in is_page:
            del obj["/Parent"]
        obj = _renumbered(obj, numbers)
        if old in is_page:
            obj[NameObject("/Parent")] = IndirectObject(PAGES, 0, None)
        out.write(new, obj)


def _inherited(page: DictionaryObject, key: str):
    """What the tree above the page says for `key`, as written there (a reference stays one)."""
    node = page.get("/Parent")
    while node is not None:
        if key in node:
            return node.raw_get(key)
        node = node.get("/Parent")
    return None


def _references(obj, *, skip_parent: bool = False) -> list[int]:
    """The numbers of the objects `obj` refers to (a page's tree above it left out)."""
    found = []
    stack = [obj]
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            found.append(item.idnum)
        elif isinstance(item, DictionaryObject):
            stack.extend(
                value
                for key, value in item.items()
                if not (skip_parent and item is obj and key == "/Parent")
            )
        elif isinstance(item, ArrayObject):
            stack.extend(item)
    return found


def _renumbered(obj, numbers: dict[int, int]):
    """`obj` with its references to the part's objects turned into the output's numbers
    (in place: the part is read once and let go)."""
    if isinstance(obj, IndirectObject):
        return IndirectObject(numbers[obj.idnum], 0, None)
    if isinstance(obj, DictionaryObject):
        for key, value in list(obj.items()):
            obj[key] = _renumbered(value, numbers)
    elif isinstance(obj, ArrayObject):
        for index, value in enumerate(obj):
            obj[index] = _renumbered(value, numbers)
    return obj


def _write_trailer(out: _Output) -> None:
    stream = out.stream
    start = stream.tell()
    size = out.next_number
    stream.write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
    stream.writelines(b"%010d 00000 n \n" % out.offsets[number] for number in range(1, size))
    stream.write(
        b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, CATALOG, start)
    )
