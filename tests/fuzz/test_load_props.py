"""Properties of the loader on generated and damaged files, in every input format.

Whatever the bytes, ``read_source`` yields Documents or InputError items and never raises;
every Document's paragraphs lie inside its text, in order. Valid files wrapped from
generated articles read back, and a text file's articles are slices of the decoded file.
"""

from __future__ import annotations

import io
import tarfile
import tempfile
import zipfile
from pathlib import Path

from fuzz_support import (
    ENCODINGS,
    FORMATS,
    NAMES,
    articles,
    check_items,
    encode,
    fuzz_settings,
    gzipped,
    mutated,
    render,
)
from hypothesis import given
from hypothesis import strategies as st

from newscorpus.errors import InputError
from newscorpus.load import Source, iter_sources, read_source
from newscorpus.load.decode import decode_chunks
from newscorpus.models import Document

_INPUT_FORMATS = ("auto", "text", "html", "trec", "jsonl", "csv", "tsv", "xlsx")
_TEXT_FORMATS = tuple(f for f in FORMATS if f != "xlsx")


def _read(name: str, data: bytes, input_format: str = "auto") -> list[Document | InputError]:
    return list(read_source(Source.from_bytes(name, data), input_format))


@given(
    st.binary(max_size=2048),
    st.sampled_from([*NAMES.values(), "noextension", "article.txt.gz"]),
    st.sampled_from(_INPUT_FORMATS),
)
@fuzz_settings(300)
def test_arbitrary_bytes_never_raise(data: bytes, name: str, input_format: str) -> None:
    check_items(_read(name, data, input_format))


@given(st.sampled_from(_TEXT_FORMATS), st.sampled_from(ENCODINGS), articles)
@fuzz_settings(250)
def test_valid_files_read_back(fmt: str, encoding: str, items: list) -> None:
    data = encode(render(fmt, items), encoding)
    documents = check_items(_read(NAMES[fmt], data, "text" if fmt == "text" else "auto"))
    if fmt == "text" and documents:
        decoded = "".join(decode_chunks(data, None, documents[0].encoding))
        previous_end = 0
        for document in documents:
            start = document.offset_in_file
            assert previous_end <= start
            assert decoded[start : start + len(document.text)] == document.text
            previous_end = start + len(document.text)


@given(st.sampled_from(_TEXT_FORMATS), st.sampled_from(ENCODINGS), articles, st.data())
@fuzz_settings(600)
def test_damaged_files_never_raise(
    fmt: str, encoding: str, items: list, data: st.DataObject
) -> None:
    damaged = data.draw(mutated(encode(render(fmt, items), encoding)))
    input_format = data.draw(st.sampled_from(["auto", "auto", fmt if fmt != "json" else "jsonl"]))
    check_items(_read(NAMES[fmt], damaged, input_format))


@given(articles, st.data())
@fuzz_settings(25)
def test_damaged_workbooks_never_raise(items: list, data: st.DataObject) -> None:
    workbook = render("xlsx", items)
    assert isinstance(workbook, bytes)
    check_items(_read("export.xlsx", workbook))
    check_items(_read("export.xlsx", data.draw(mutated(workbook))))


def _archive(kind: str, members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    if kind == "zip":
        with zipfile.ZipFile(out, "w") as archive:
            for name, content in members.items():
                archive.writestr(name, content)
    else:
        with tarfile.open(fileobj=out, mode="w:gz" if kind == "tar.gz" else "w") as archive:
            for name, content in members.items():
                info = tarfile.TarInfo(name)
                info.size = len(content)
                archive.addfile(info, io.BytesIO(content))
    return out.getvalue()


@given(
    st.sampled_from(["gz", "zip", "tar", "tar.gz"]),
    st.lists(st.sampled_from(_TEXT_FORMATS), min_size=1, max_size=3),
    articles,
    st.data(),
)
@fuzz_settings(120)
def test_damaged_gzip_files_and_archives_never_raise(
    kind: str, formats: list[str], items: list, data: st.DataObject
) -> None:
    files = {f"corpus/{n}/{NAMES[fmt]}": encode(render(fmt, items), "utf-8")
             for n, fmt in enumerate(formats)}  # fmt: skip
    if kind == "gz":
        name, packed = NAMES[formats[0]] + ".gz", gzipped(next(iter(files.values())))
    else:
        if data.draw(st.booleans()):
            files = {name + ".gz": gzipped(content) for name, content in files.items()}
        name, packed = f"corpus.{kind}", _archive(kind, files)
    damaged = data.draw(st.one_of(st.just(packed), mutated(packed)))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(damaged)
        for source in iter_sources([str(path)]):
            if isinstance(source, InputError):
                assert str(source)
                continue
            check_items(list(read_source(source)))
