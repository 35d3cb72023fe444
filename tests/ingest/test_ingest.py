"""Ingest: every input format, every bad input, stable ids."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline import ids
from dateline.errors import UsageError
from dateline.ingest import MAX_DOCUMENT_BYTES, Match, iter_documents, parse_size
from dateline.records import Document, Failure

ARTICLE = "Trump met Putin in Hamburg on Friday.\n\nThe two leaders talked for two hours about Syria.\n"
HTML = (
    "<!DOCTYPE html><html lang='en'><head><title>Leaders meet</title></head><body>"
    "<article><h1>Leaders meet</h1><p>Trump met Putin in Hamburg on Friday. The two leaders talked for two "
    "hours about Syria, Ukraine and the election.</p></article></body></html>"
)


def _all(*inputs: str | Path, **kwargs: object) -> list[Document | Failure]:
    return list(iter_documents([str(i) for i in inputs], **kwargs))  # type: ignore[arg-type]


def _one(path: Path, **kwargs: object) -> Document | Failure:
    [item] = _all(path, **kwargs)
    return item


def _write_warc(path: Path, pages: list[tuple[str, str]], *, gzip_it: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip_it)
        for url, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()), http_headers=headers)
            writer.write_record(record)
        css = StatusAndHeaders("200 OK", [("Content-Type", "text/css")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://x.test/a.css", "response",
                                                      payload=io.BytesIO(b"p{}"), http_headers=css))


# --- formats ---------------------------------------------------------------------------------------


def test_text_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    doc = _one(path, published="2017-07-07")
    assert isinstance(doc, Document)
    assert (doc.kind, doc.content, doc.source, doc.default_published) == ("text", ARTICLE, str(path), "2017-07-07")
    assert doc.id == ids.document_id(ARTICLE)


@pytest.mark.parametrize("name", ["page.html", "page.htm", "page.html.gz"])
def test_html_files(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    data = HTML.encode()
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    doc = _one(path)
    assert isinstance(doc, Document) and doc.kind == "html" and doc.content == HTML


def test_format_detected_by_content(tmp_path: Path) -> None:
    """No telling suffix: HTML, JSONL and gzip are recognized from the bytes."""
    (tmp_path / "page").write_text(HTML)
    (tmp_path / "lines").write_text(json.dumps({"text": ARTICLE}) + "\n")
    (tmp_path / "zipped").write_bytes(gzip.compress(HTML.encode()))
    kinds = [getattr(_one(tmp_path / name), "kind", None) for name in ("page", "lines", "zipped")]
    assert kinds == ["html", "text", "html"]


def test_txt_that_is_html_is_html(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text(HTML)
    assert getattr(_one(path), "kind", None) == "html"


@pytest.mark.parametrize("gzip_it", [False, True])
def test_warc(tmp_path: Path, gzip_it: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzip_it else "crawl.warc")
    _write_warc(path, [("https://x.test/1", HTML), ("https://x.test/2", HTML.replace("Syria", "Iran"))],
                gzip_it=gzip_it)
    docs = _all(path, published="2020-01-01")
    assert [type(d).__name__ for d in docs] == ["Document", "Document"]  # the CSS record is skipped
    first, second = docs
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.url == "https://x.test/1" and first.kind == "html" and first.default_published == "2020-01-01"
    assert first.source == f"{path}#record-1" and second.source == f"{path}#record-2"
    assert first.id == ids.document_id(HTML, "https://x.test/1")


def test_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    rows = [
        {"id": "a1", "url": "https://x.test/a", "date": "2019-01-04", "title": "T", "text": ARTICLE},
        {"url": "https://x.test/b", "published": "2019-01-05", "html": HTML},
        {"text": ARTICLE},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n")
    a, b, c = _all(path, published="2000-01-01")
    assert isinstance(a, Document) and isinstance(b, Document) and isinstance(c, Document)
    assert (a.id, a.kind, a.url, a.published, a.title, a.source) == (
        "a1", "text", "https://x.test/a", "2019-01-04", "T", f"{path}:1")
    assert (b.kind, b.published, b.id) == ("html", "2019-01-05", ids.document_id(HTML, "https://x.test/b"))
    assert (c.published, c.default_published) == (None, "2000-01-01")
    assert (c.id, c.source) == (ids.document_id(ARTICLE), f"{path}:3")


def test_jsonl_gz(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl.gz"
    path.write_bytes(gzip.compress((json.dumps({"text": ARTICLE}) + "\n").encode()))
    assert getattr(_one(path), "content", None) == ARTICLE


def test_directory_recursive_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Second article text here.")
    (tmp_path / "a.txt").write_text("First article text here.")
    (tmp_path / "notes.md").write_text("not an input")
    (tmp_path / ".hidden.txt").write_text("hidden")
    docs = _all(tmp_path)
    assert [d.source for d in docs] == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "z.txt")]


def test_stdin_monkeypatched(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(ARTICLE.encode()))
    monkeypatch.setattr(sys, "stdin", fake)
    [doc] = list(iter_documents(["-"]))
    assert isinstance(doc, Document) and doc.source == "<stdin>" and doc.content == ARTICLE


def test_stdin_jsonl_in_subprocess() -> None:
    code = "from dateline.ingest import iter_documents\nfor d in iter_documents(['-']): print(d.source, d.kind)"
    lines = "".join(json.dumps({"text": f"Article {i} text."}) + "\n" for i in range(3))
    out = subprocess.run([sys.executable, "-c", code], input=lines.encode(), capture_output=True, check=True)
    assert out.stdout.decode().split("\n")[:3] == ["<stdin>:1 text", "<stdin>:2 text", "<stdin>:3 text"]


def test_ids_are_stable(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    first, second = _one(path), _one(path)
    assert isinstance(first, Document) and isinstance(second, Document) and first.id == second.id


# --- bad input --------------------------------------------------------------------------------------


def _failure(item: Document | Failure) -> Failure:
    assert isinstance(item, Failure), item
    assert item.stage == "ingest" and item.doc_id is None and item.message
    return item


def test_missing_path(tmp_path: Path) -> None:
    failure = _failure(_one(tmp_path / "nope.txt"))
    assert failure.error == "InputError" and "no such file" in failure.message


@pytest.mark.parametrize("content", [b"", b"   \n\n  "])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    failure = _failure(_one(path))
    assert failure.error == "EmptyInputError" and "empty" in failure.message


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert "binary" in _failure(_one(path)).message


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_encodings_are_decoded(tmp_path: Path, encoding: str) -> None:
    text = "Le café de la Señora Müller est déjà ouvert. Prix : 5 ½ francs."
    if encoding == "cp1252":
        text += " “Quoted” – dashed… €"
    path = tmp_path / "old.txt"
    path.write_bytes(text.encode(encoding))
    doc = _one(path)
    assert isinstance(doc, Document) and doc.content == text


def test_truncated_gzip_text(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt.gz"
    path.write_bytes(gzip.compress((ARTICLE * 200).encode())[:-40])
    failure = _failure(_one(path))
    assert "truncated" in failure.message


def test_truncated_gzip_jsonl_keeps_lines_read(tmp_path: Path) -> None:
    path = tmp_path / "cut.jsonl.gz"
    body = "".join(json.dumps({"text": f"Article number {i} " + "word " * 50}) + "\n" for i in range(400))
    path.write_bytes(gzip.compress(body.encode())[:-200])
    items = _all(path)
    assert isinstance(items[-1], Failure) and "truncated" in items[-1].message
    assert len(items) > 10 and all(isinstance(i, Document) for i in items[:-1])


def test_truncated_warc_keeps_records_read(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc.gz"
    _write_warc(path, [(f"https://x.test/{i}", HTML + "<!--" + "x" * 3000 + "-->") for i in range(5)], gzip_it=True)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])
    items = _all(path)
    assert any(isinstance(i, Document) for i in items)
    assert isinstance(items[-1], Failure)


def test_too_large_file(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * 2000)
    failure = _failure(_one(path, max_bytes=1000))
    assert "MAX_DOCUMENT_BYTES" in failure.message and "max_bytes" in failure.message


def _too_large(item: Document | Failure, source: str) -> None:
    assert isinstance(item, Failure) and item.stage == "ingest" and item.source == source
    assert "limit of 200 bytes" in item.message and "--max-bytes" in item.message


def test_size_limit_applies_to_every_kind_of_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    short, long = "Short one.", "word " * 100
    jsonl = tmp_path / "lines.jsonl"
    jsonl.write_text("".join(json.dumps({"text": t}) + "\n" for t in (short, long, short)))
    items = _all(jsonl, max_bytes=200)
    assert [type(i).__name__ for i in items] == ["Document", "Failure", "Document"]
    _too_large(items[1], f"{jsonl}:2")
    warc = tmp_path / "pages.warc"
    _write_warc(warc, [("https://x.test/small", "<p>hi</p>"), ("https://x.test/big", HTML)], gzip_it=False)
    small, big = _all(warc, max_bytes=200)
    assert isinstance(small, Document)
    _too_large(big, f"{warc}#record-2")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(long.encode())))
    _too_large(_one(Path("-"), max_bytes=200), "<stdin>")
    gz = tmp_path / "page.html.gz"  # the limit is on the decompressed document
    gz.write_bytes(gzip.compress(HTML.encode()))
    _too_large(_one(gz, max_bytes=200), str(gz))
    assert isinstance(_one(gz, max_bytes=len(HTML.encode())), Document)


@pytest.mark.parametrize(("text", "size"), [
    ("1000", 1000), ("100B", 100), ("50MB", 50 * 1024**2), ("2GB", 2 * 1024**3), ("2g", 2 * 1024**3),
    ("1.5GiB", 3 * 1024**3 // 2), (" 3 K ", 3072), ("20M", MAX_DOCUMENT_BYTES), ("1_000_000", 1_000_000),
])
def test_parse_size(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "MB", "-1", "0", "0.1B", "1e3", "2 GBB", "5iB", "ten"])
def test_parse_size_rejects_what_is_not_a_size(text: str) -> None:
    with pytest.raises(UsageError, match="--max-bytes"):
        parse_size(text, "--max-bytes")


@given(st.integers(min_value=1, max_value=10**12), st.sampled_from(["", "k", "M", "g", "T"]),
       st.sampled_from(["", "B", "iB", "b"]), st.sampled_from(["", " "]))
def test_parse_size_property(number: int, unit: str, tail: str, space: str) -> None:
    if not unit and tail not in ("", "B", "b"):
        return
    factor = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}[unit.lower()]
    assert parse_size(f"{number}{space}{unit}{tail}") == number * factor


@pytest.mark.slow
def test_fifty_megabyte_file_is_rejected(tmp_path: Path) -> None:
    assert MAX_DOCUMENT_BYTES < 50 * 1024 * 1024
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        for _ in range(50):
            out.write(b"All work and no play makes Jack a dull boy. " * 23_831)
    assert "MAX_DOCUMENT_BYTES" in _failure(_one(path)).message


def test_bad_jsonl_lines_fail_alone(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([
        json.dumps({"text": "Good one."}),
        "{not json",
        json.dumps({"title": "no body"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": "Good two."}),
    ]) + "\n")
    items = _all(path)
    assert [type(i).__name__ for i in items] == ["Document", "Failure", "Failure", "Failure", "Document"]
    bad_json, no_body, not_object = items[1:4]
    assert isinstance(bad_json, Failure) and bad_json.source == f"{path}:2" and "not valid JSON" in bad_json.message
    assert isinstance(no_body, Failure) and no_body.error == "EmptyInputError" and "'text'" in no_body.message
    assert isinstance(not_object, Failure) and "not an object" in not_object.message


def test_bad_inputs_do_not_stop_the_rest(tmp_path: Path) -> None:
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_good.txt").write_text(ARTICLE)
    (tmp_path / "c_cut.txt.gz").write_bytes(gzip.compress(ARTICLE.encode() * 50)[:-30])
    (tmp_path / "d_good.html").write_text(HTML)
    kinds = [type(i).__name__ for i in _all(tmp_path, tmp_path / "missing")]
    assert kinds == ["Failure", "Document", "Failure", "Document", "Failure"]


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    from dateline.ingest import IngestOptions, read_stream

    items = list(read_stream(io.BytesIO(data), "<bytes>", None, IngestOptions()))
    assert items and all(isinstance(i, Document | Failure) for i in items)


# --- formats from other packages ------------------------------------------------------------------


TABBED = ("url\tdate\ttext\n"
          "https://x.test/1\t2020-05-01\tThe mayor opened the bridge.\n"
          "https://x.test/2\t2020-05-02\tThe council met on Friday.\n")


def test_a_format_registered_outside_the_package_is_read(tmp_path: Path) -> None:
    from dateline.ingest import registered
    from tests.plugins import tabbed  # registers the "tabbed" format

    assert registered()["tabbed"].read is tabbed.read
    named = tmp_path / "feed.tabbed"
    named.write_text(TABBED)
    unnamed = tmp_path / "feed"  # recognized by its content
    unnamed.write_text(TABBED)
    zipped = tmp_path / "feed.tabbed.gz"
    zipped.write_bytes(gzip.compress(TABBED.encode()))
    for path in (named, unnamed, zipped):
        first, second = _all(path, published="2000-01-01")
        assert isinstance(first, Document) and isinstance(second, Document), path
        assert (first.url, first.published, first.content) == ("https://x.test/1", "2020-05-01",
                                                               "The mayor opened the bridge.")
        assert (second.source, second.default_published) == (f"{path}:3", "2000-01-01")
    walked = _all(tmp_path)  # a directory walk takes the new suffix (and only files with a known suffix)
    assert [d.source for d in walked] == [f"{named}:2", f"{named}:3", f"{zipped}:2", f"{zipped}:3"]


def test_the_size_limit_holds_for_a_reader_that_ignores_it(tmp_path: Path) -> None:
    from tests.plugins import tabbed  # noqa: F401  (registers the format)

    path = tmp_path / "feed.tabbed"
    path.write_text(TABBED + "https://x.test/3\t2020-05-03\t" + "word " * 100 + "\n")
    items = _all(path, max_bytes=200)
    assert [type(i).__name__ for i in items] == ["Document", "Document", "Failure"]
    _too_large(items[2], f"{path}:4")


def test_a_format_name_is_registered_once(tmp_path: Path) -> None:
    from dateline.errors import PipelineError
    from dateline.ingest import reader, registered

    registered()
    with pytest.raises(PipelineError, match="'jsonl' is already registered"):
        reader("jsonl", suffixes=(".jl",), sniff=lambda probe: Match.NO)(lambda stream, probe, options: iter(()))
    assert registered()["jsonl"].suffixes == (".jsonl", ".ndjson")


def test_a_json_line_quoting_a_page_is_jsonl_not_html(tmp_path: Path) -> None:
    page = "<p>One.</p><p>Two.</p><p>Three.</p><div>Four.</div>"
    path = tmp_path / "dump"
    path.write_text(json.dumps({"html": page}) + "\n")
    doc = _one(path)
    assert isinstance(doc, Document) and (doc.kind, doc.content, doc.source) == ("html", page, f"{path}:1")


def test_a_warc_name_on_other_content_is_refused_before_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "zeros.warc.gz"
    path.write_bytes(gzip.compress(b"0" * 2_000_000))  # one 2 MB line: warcio would read it whole
    failure = _failure(_one(path))
    assert "does not start with a WARC record" in failure.message and len(failure.message) < 500


def test_failure_messages_are_short() -> None:
    from dateline.errors import InputError
    from dateline.ingest._common import MAX_MESSAGE_CHARS, failure

    item = failure(InputError("is not a readable WARC file (first line: " + "x" * 5000 + ")", source="a.warc"))
    assert item.message.startswith("a.warc: is not a readable WARC file") and len(item.message) == MAX_MESSAGE_CHARS


def test_warcio_failures_and_complaints_become_failures_and_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    no_uri = tmp_path / "no-uri.warc"  # warcio itself fails on a response without a target URI
    no_uri.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 4\r\n\r\nHTTP\r\n\r\n")
    failure = _failure(_one(no_uri))
    assert "is not a readable WARC file" in failure.message and "0 record(s) were read" in failure.message
    long = tmp_path / "long.warc"  # a Content-Length one byte short: warcio writes a warning to stderr
    _write_warc(long, [("https://x.test/1", HTML)], gzip_it=False)
    data = long.read_bytes()
    marker = b"Content-Length: "
    start = data.index(marker) + len(marker)
    end = data.index(b"\r\n", start)
    long.write_bytes(data[:start] + str(int(data[start:end]) - 1).encode() + data[end:])
    items = _all(long)
    assert items and isinstance(items[0], Document)
    assert "WARNING" not in capsys.readouterr().err
    assert any("Content-Length may be wrong" in r.getMessage() for r in caplog.records)


def test_a_declared_charset_that_is_no_text_encoding_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "odd.html"
    path.write_bytes(b'<html><head><meta charset="zlib"></head><body><p>Le caf\xe9 est ouvert.</p></body></html>')
    doc = _one(path)
    assert isinstance(doc, Document) and "Le café est ouvert." in doc.content


# --- decoding -------------------------------------------------------------------------------------------

#: A news sentence in each language, and the code page its pages were long written in.
CODE_PAGES = {
    "cp1251": "Президент России Владимир Путин встретился с канцлером Германии в Берлине в понедельник. "
              "Стороны обсудили торговлю и энергетику.",
    "koi8_r": "Президент России Владимир Путин встретился с канцлером Германии в Берлине в понедельник. "
              "Стороны обсудили торговлю и энергетику.",
    "cp1252": "Le président français a rencontré la chancelière à Berlin lundi. « Nous avons parlé de "
              "l’Europe », a-t-il déclaré — une réunion très attendue.",
    "cp1250": "Předseda vlády České republiky se v pondělí setkal s polským prezidentem v Praze. Jednání "
              "se týkala energetiky a obchodu, řekl mluvčí.",
    "shift_jis": "日本の首相は月曜日に東京でドイツの首相と会談した。両首脳は貿易とエネルギーについて話し合った。",
    "gb18030": "中国国家主席周一在北京会见了德国总理。双方讨论了贸易和能源问题。",
}


@pytest.mark.parametrize("encoding", sorted(CODE_PAGES))
def test_each_common_code_page_is_read_as_written(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(CODE_PAGES[encoding].encode(encoding))
    doc = _one(path)
    assert isinstance(doc, Document) and doc.content == CODE_PAGES[encoding]


def test_utf8_with_a_few_bad_bytes_stays_utf8_with_a_warning(tmp_path: Path,
                                                             caplog: pytest.LogCaptureFixture) -> None:
    text = (CODE_PAGES["cp1251"] + " ") * 10
    data = text.encode()
    path = tmp_path / "page.txt"
    path.write_bytes(data[:100] + b"\xff" + data[100:600] + b"\xc3" + data[600:])
    doc = _one(path)
    assert isinstance(doc, Document) and doc.content.count("\ufffd") == 2
    assert doc.content.replace("\ufffd", "") == text
    assert "2 byte sequence(s) are not valid UTF-8" in caplog.text


def test_a_stray_windows_quote_in_ascii_text_is_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes("It’s the minister’s plan, he said on Monday.".encode("cp1252"))
    doc = _one(path)
    assert isinstance(doc, Document) and doc.content == "It’s the minister’s plan, he said on Monday."


# --- directories, streams, counting --------------------------------------------------------------------


def test_files_a_directory_holds_of_no_known_format_are_reported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    skipped: list[tuple[str, str]] = []
    items = list(iter_documents([str(tmp_path)], on_skip=lambda path, why: skipped.append((path, why))))
    assert [i.source for i in items] == [str(tmp_path / "a.txt")]
    assert sorted(Path(p).name for p, _ in skipped) == ["notes.pdf", "photo.png"]
    assert all("no known input suffix" in why and ".jsonl" in why for _, why in skipped)


def test_a_folder_that_cannot_be_read_is_a_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text(ARTICLE)
    (tmp_path / "locked").mkdir()
    scandir = os.scandir

    def refusing(path: Any = ".") -> Any:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)  # the tests run as root, whom permissions do not stop
    items = _all(tmp_path)
    assert isinstance(items[0], Document)
    failure = _failure(items[-1])
    assert failure.source.endswith("locked") and "folder cannot be read (Permission denied)" in failure.message


def test_count_documents_reads_no_stream(tmp_path: Path) -> None:
    import os
    import threading

    from dateline.ingest import count_documents

    lines = tmp_path / "a.jsonl"
    lines.write_text('{"text": "a"}\n{"text": "b"}\n{"text": "c"}')  # no final newline
    (tmp_path / "b.txt").write_text(ARTICLE)
    assert count_documents([str(lines)]) == 3
    assert count_documents([str(tmp_path)]) == 4
    assert count_documents([str(lines), str(tmp_path / "missing.txt")]) == 4  # a missing input is one failure
    assert count_documents(["-"]) is None
    warc = tmp_path / "w.warc"
    warc.write_bytes(b"WARC/1.0\r\n")
    assert count_documents([str(warc)]) is None
    pipe = tmp_path / "pipe.jsonl"
    os.mkfifo(pipe)
    assert count_documents([str(pipe)]) is None  # returns at once: opening a pipe to count would drain it
    writer = threading.Thread(target=lambda: pipe.write_text('{"text": "from a pipe"}\n'))
    writer.start()
    items = _all(pipe)
    writer.join(timeout=10)
    assert isinstance(items[0], Document) and items[0].content == "from a pipe"


def test_published_overrides_only_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "x", "date": "2019-01-02", "text": "Text."}) + "\n")
    kept = _one(path, published="2020-05-06")
    assert isinstance(kept, Document) and (kept.published, kept.default_published) == ("2019-01-02", "2020-05-06")
    forced = _one(path, published="2020-05-06", published_overrides=True)
    assert isinstance(forced, Document) and forced.published == "2020-05-06"


@pytest.mark.parametrize("compress", [False, True])
def test_a_warc_with_an_endless_header_line_is_refused_quickly(tmp_path: Path, compress: bool) -> None:
    data = b"WARC/1.0\r\nWARC-Type: response\r\nX-Junk: " + b"0" * 3_000_000 + b"\r\n\r\n"
    path = tmp_path / ("bomb.warc.gz" if compress else "bomb.warc")
    path.write_bytes(gzip.compress(data) if compress else data)
    failure = _failure(_one(path, max_bytes=1_000_000))
    assert "holds a line that is longer than the limit of 1,000,000 bytes" in failure.message
    assert len(failure.message) < 500
