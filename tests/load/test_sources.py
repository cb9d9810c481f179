"""Finding input files: folders, stdin, .gz files and archives read in place."""

from __future__ import annotations

import gzip
import io
import json
import random
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from newscorpus.errors import InputError
from newscorpus.load import Source, iter_sources, read_source, sources
from newscorpus.models import Document

# Seed 002, line 9.
ARTICLE = (
    "وهنالك بلا شك قلق في واشنطن وطوكيو وسول حيال ما يمكن أن تحصل عليه كل من روسيا "
    "وكوريا الشمالية من صفقة للتعاون العسكري بين البلدين.\n"
)
TREC = "<DOC>\n<DOCNO>SK-1</DOCNO>\n<TITLE>عنوان</TITLE>\n<TEXT>\n" + ARTICLE + "</TEXT>\n</DOC>\n"


def _documents(paths: list[str]) -> list[Document | InputError]:
    items: list[Document | InputError] = []
    for source in iter_sources(paths):
        if isinstance(source, InputError):
            items.append(source)
        else:
            items.extend(read_source(source))
    return items


def _paths(paths: list[str]) -> list[str]:
    return [item.path for item in iter_sources(paths)]


def test_directory_is_walked_sorted_skipping_hidden_files_images_and_readmes(
    tmp_path: Path,
) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for name in (
        "b/2.txt",
        "a.txt",
        "b/1.txt",
        ".hidden.txt",
        ".git/x.txt",
        "photo.JPG",
        "README.md",
        "LICENSE",
    ):
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    root = str(tmp_path)
    assert _paths([root]) == [f"{root}/a.txt", f"{root}/b/1.txt", f"{root}/b/2.txt"]


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda root: root / "missing.txt", "no such file or directory"),
        (lambda root: root, "no articles found"),
    ],
)
def test_missing_path_and_folder_without_articles_are_errors_not_exceptions(
    tmp_path: Path, make, reason: str
) -> None:
    (tmp_path / "logo.png").write_bytes(b"\x89PNG")
    target = str(make(tmp_path))
    good = tmp_path.parent / f"{tmp_path.name}-good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    items = _documents([target, str(good)])
    assert isinstance(items[0], InputError)
    assert items[0].reason == reason
    assert str(items[0]) == f"{target}: {reason}"
    assert isinstance(items[1], Document)  # the other path still loads


def test_gzip_file_is_decompressed(tmp_path: Path) -> None:
    path = tmp_path / "article.txt.gz"
    path.write_bytes(gzip.compress(ARTICLE.encode("utf-8")))
    (source,) = iter_sources([str(path)])
    assert isinstance(source, Source)
    assert source.size == len(ARTICLE.encode("utf-8"))
    (document,) = read_source(source)
    assert isinstance(document, Document)
    assert document.text == ARTICLE.strip()


def _make_tar(path: Path, members: dict[str, bytes]) -> None:
    with tarfile.open(path, "w:gz") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 1_700_000_000
            archive.addfile(info, io.BytesIO(data))


def _make_zip(path: Path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


MEMBERS = {
    "ant/sport/SK-1.txt": TREC.encode("utf-8"),
    "ant/sport/photo.png": b"\x89PNG\r\n",
    "ant/news/2.txt": ARTICLE.encode("cp1256"),
    "ant/news/3.txt.gz": gzip.compress(ARTICLE.encode("utf-8")),
}


@pytest.mark.parametrize(
    ("name", "make"), [("corpus.tar.gz", _make_tar), ("corpus.zip", _make_zip)]
)
@pytest.mark.parametrize("eager_limit", [sources.EAGER_MEMBER_BYTES, 0])
def test_archive_members_are_read_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, make, eager_limit: int
) -> None:
    # eager_limit 0 forces the path for big members: reopened on demand, never held whole.
    monkeypatch.setattr(sources, "EAGER_MEMBER_BYTES", eager_limit)
    archive = tmp_path / name
    make(archive, MEMBERS)
    items = _documents([str(archive)])
    assert [item.path for item in items] == [
        f"{archive}:ant/sport/SK-1.txt",
        f"{archive}:ant/news/2.txt",
        f"{archive}:ant/news/3.txt.gz",
    ]
    trec, legacy, gzipped = items
    assert isinstance(trec, Document) and trec.external_id == "SK-1" and trec.title == "عنوان"
    assert isinstance(legacy, Document) and legacy.encoding == "cp1256"
    assert isinstance(gzipped, Document) and gzipped.text == ARTICLE.strip()
    assert list(tmp_path.iterdir()) == [archive]  # nothing extracted to disk


def test_tar_member_mtime_is_kept(tmp_path: Path) -> None:
    archive = tmp_path / "corpus.tar.gz"
    _make_tar(archive, {"a.txt": ARTICLE.encode("utf-8")})
    (source,) = iter_sources([str(archive)])
    assert isinstance(source, Source)
    assert source.mtime_ns == 1_700_000_000 * 10**9


def test_corrupt_archive_is_one_error(tmp_path: Path) -> None:
    archive = tmp_path / "corpus.tar.gz"
    noise = random.Random(0)
    members = {f"{n}.txt": noise.randbytes(3000).hex().encode() for n in range(9)}
    _make_tar(archive, members)
    archive.write_bytes(archive.read_bytes()[:20000])
    items = _documents([str(archive)])
    assert isinstance(items[-1], InputError)
    assert "corrupt or truncated" in items[-1].reason


def test_dash_reads_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    (source,) = iter_sources(["-"])
    assert isinstance(source, Source)
    assert source.read_bytes() == ARTICLE.encode("utf-8")  # e.g. hashed first by ingest
    (document,) = read_source(source)  # ... and still readable
    assert isinstance(document, Document)
    assert document.path == "<stdin>"
    assert document.text == ARTICLE.strip()


def test_stdin_like_source_from_bytes() -> None:
    line = json.dumps({"text": ARTICLE.strip()}, ensure_ascii=False) + "\n"
    source = Source.from_bytes("<stdin>", line.encode("utf-8"))
    (document,) = read_source(source)
    assert isinstance(document, Document)
    assert (source.size, source.mtime_ns) == (len(source.read_bytes()), 0)
    assert document.text == ARTICLE.strip()


def _hostile_tar(path: Path) -> None:
    with tarfile.open(path, "w:gz") as archive:
        for name in ("../escape.txt", "/etc/article.txt", "ok/a.txt"):
            info = tarfile.TarInfo(name)
            data = ARTICLE.encode("utf-8")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        for kind, name in ((tarfile.SYMTYPE, "ok/link.txt"), (tarfile.LNKTYPE, "ok/hard.txt")):
            info = tarfile.TarInfo(name)
            info.type, info.linkname = kind, "/etc/passwd"
            archive.addfile(info)
        fifo = tarfile.TarInfo("ok/pipe.txt")
        fifo.type = tarfile.FIFOTYPE
        archive.addfile(fifo)


def test_hostile_tar_members_are_refused_by_name_and_the_rest_loads(tmp_path: Path) -> None:
    archive = tmp_path / "hostile.tar.gz"
    _hostile_tar(archive)
    items = _documents([str(archive)])
    refused = {i.path.split(":", 1)[1]: i.reason for i in items if isinstance(i, InputError)}
    assert refused == {
        "../escape.txt": "unsafe member path (absolute or with ..); not read",
        "/etc/article.txt": "unsafe member path (absolute or with ..); not read",
        "ok/link.txt": "a link, not a file; not read",
        "ok/hard.txt": "a link, not a file; not read",
        "ok/pipe.txt": "not a regular file; not read",
    }
    assert [d.path for d in items if isinstance(d, Document)] == [f"{archive}:ok/a.txt"]
    assert not (tmp_path.parent / "escape.txt").exists()


def test_hostile_zip_members_are_refused(tmp_path: Path) -> None:
    archive = tmp_path / "hostile.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("../../escape.txt", ARTICLE)
        link = zipfile.ZipInfo("link.txt")
        link.external_attr = 0o120777 << 16  # a symlink, as Info-ZIP stores one
        out.writestr(link, "/etc/passwd")
        out.writestr("ok.txt", ARTICLE)
    items = _documents([str(archive)])
    reasons = [(i.path.rsplit(":", 1)[1], i.reason) for i in items if isinstance(i, InputError)]
    assert reasons == [
        ("../../escape.txt", "unsafe member path (absolute or with ..); not read"),
        ("link.txt", "a link, not a file; not read"),
    ]
    assert sum(isinstance(i, Document) for i in items) == 1


@pytest.mark.parametrize("kind", ["zip", "tar", "gz-in-zip"])
def test_compression_bombs_are_refused_without_expanding_them(tmp_path: Path, kind: str) -> None:
    """A few hundred kB that would expand to 200 MB: refused by name, quickly."""
    import resource

    zeros = b"\x00" * (1 << 20)
    if kind == "zip":
        archive = tmp_path / "bomb.zip"
        with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as out:
            with out.open("bomb.txt", "w", force_zip64=True) as member:
                for _ in range(200):
                    member.write(zeros)
            out.writestr("ok.txt", ARTICLE)
    elif kind == "tar":
        archive = tmp_path / "bomb.tar.gz"
        with tarfile.open(archive, "w:gz") as out:
            info = tarfile.TarInfo("bomb.txt")
            info.size = 200 << 20
            out.addfile(info, io.BytesIO(zeros * 200))
    else:
        archive = tmp_path / "bomb.zip"
        with zipfile.ZipFile(archive, "w") as out:  # stored: only the inner gzip compresses
            out.writestr("bomb.txt.gz", gzip.compress(zeros * 200, compresslevel=9))
    assert archive.stat().st_size < 1 << 20
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    items = _documents([str(archive)])
    bombs = [i for i in items if isinstance(i, InputError) and "compression bomb" in i.reason]
    assert len(bombs) == 1 and bombs[0].path.startswith(f"{archive}:bomb.txt")
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 150  # never expanded whole in memory
