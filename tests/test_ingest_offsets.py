"""OffsetMap: the contract the readers build on and the writers rely on."""

from __future__ import annotations

import pytest

from gkreview.ingest.offsets import DocxLocation, OffsetMap, PdfLocation, TextLocation


def _docx(run: int, offset: int, paragraph: int = 0) -> DocxLocation:
    return DocxLocation("/word/document.xml", paragraph, run, offset)


def test_offsets_identity_maps_each_index_to_itself() -> None:
    m = OffsetMap.identity(5)
    assert m.length == 5
    assert [m.locate(i) for i in range(5)] == [TextLocation(i) for i in range(5)]


@pytest.mark.parametrize("index", [-1, 3, 100])
def test_offsets_locate_outside_text_raises(index: int) -> None:
    m = OffsetMap.identity(3)
    with pytest.raises(IndexError):
        m.locate(index)


def test_offsets_add_run_steps_offsets_and_add_repeats_origin() -> None:
    box = PdfLocation(1, 10.0, 20.0, 22.0, 32.0)
    m = OffsetMap()
    m.add_run(3, _docx(run=0, offset=2))  # characters 2..4 of run 0
    m.add(1, None)  # a synthesised "\t"
    m.add_run(2, _docx(run=1, offset=0))
    m.add(2, box)  # e.g. an expanded ligature: both characters come from one glyph
    assert m.length == 8
    assert [m.locate(i) for i in range(8)] == [
        _docx(0, 2),
        _docx(0, 3),
        _docx(0, 4),
        None,
        _docx(1, 0),
        _docx(1, 1),
        box,
        box,
    ]


def test_offsets_zero_length_segments_are_ignored() -> None:
    m = OffsetMap()
    m.add_run(0, _docx(0, 0))
    m.add(0, None)
    m.add_run(1, _docx(5, 7))
    assert m.length == 1
    assert m.locate(0) == _docx(5, 7)


def test_offsets_locate_span_leaves_out_synthesised_characters() -> None:
    m = OffsetMap()
    m.add_run(2, _docx(run=0, offset=0))
    m.add(1, None)
    m.add_run(2, _docx(run=2, offset=4))
    assert m.locate_span(1, 5) == [_docx(0, 1), _docx(2, 4), _docx(2, 5)]
    assert m.locate_span(2, 3) == []
