"""Reading terms of reference into plain text: .txt, .md, .pdf and .docx.

Every failure is an `IngestError` whose message is one line naming the file and the reason,
so the CLI (and later a chat upload) can show it as is and carry on with the other files.
"""

from __future__ import annotations

import io
import logging
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from store.ingest.pdftext import LineSizes, tidy_page

MAX_BYTES = 10 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".md")
SUPPORTED = ".txt, .md, .pdf or .docx"
# A scan has pictures of pages, no text: say what to send instead of making an empty call.
NO_TEXT_LAYER = (
    "this PDF has no text, only images of pages (a scan?): send the Word file or paste the text"
)

# Share of control characters (besides tab/newline/CR/FF) above which "text" is binary.
_MAX_CONTROL_SHARE = 0.01
# Share of replacement characters above which a lenient decode is not text either.
_MAX_UNDECODABLE_SHARE = 0.02


class IngestError(Exception):
    """A document that cannot be read; `str()` is "<file name>: <reason>" on one line."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = " ".join(reason.split())
        super().__init__(f"{self.path.name}: {self.reason}")


def read_document(path: Path) -> str:
    """Return the text of a .txt/.md/.pdf/.docx file, or raise `IngestError`."""
    path = Path(path)
    try:
        _check_suffix(path.name)
    except IngestError as exc:
        raise IngestError(path, exc.reason) from None
    if not path.is_file():
        reason = "is a directory, not a file" if path.is_dir() else "file not found"
        raise IngestError(path, reason)
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise IngestError(path, _too_big(size))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(path, f"cannot be read ({exc.strerror or exc})") from exc
    try:
        return read_bytes(path.name, data)
    except IngestError as exc:
        # Same message (file name + reason), but keep the full path for the caller.
        raise IngestError(path, exc.reason) from exc.__cause__


def read_bytes(name: str, data: bytes) -> str:
    """Return the text of a document received as bytes (a chat upload), named `name`."""
    suffix = _check_suffix(name)
    if len(data) > MAX_BYTES:
        raise IngestError(name, _too_big(len(data)))
    if not data.strip():
        raise IngestError(name, "the file is empty")
    reader = _READERS[suffix]
    text = reader(name, data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise IngestError(name, "no text found in the file")
    return text


def _check_suffix(name: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix not in _READERS:
        shown = suffix or "(no extension)"
        raise IngestError(name, f"unsupported file type {shown}; send {SUPPORTED}")
    return suffix


def _too_big(size: int) -> str:
    return f"the file is too large ({size / 1e6:.1f} MB; the limit is {MAX_BYTES // 10**6} MB)"


def _read_text(name: str, data: bytes) -> str:
    """UTF-8 (with or without BOM); cp1252 only when the bytes clearly are text."""
    if b"\x00" in data:
        # UTF-16 files and binaries both carry NULs; neither is a text we can trust.
        raise IngestError(name, "binary content, not text (NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _decode_legacy(name, data)
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise IngestError(name, "binary content, not text")
    return text


def _decode_legacy(name: str, data: bytes) -> str:
    # Old Windows exports are cp1252; a few bytes cp1252 leaves undefined fall to latin-1.
    text = data.decode("cp1252", errors="replace")
    undecodable = text.count("\ufffd") / max(len(text), 1)
    if undecodable > _MAX_UNDECODABLE_SHARE:
        raise IngestError(name, "not UTF-8 text and not readable as Windows-1252 either")
    if "\ufffd" in text:
        text = data.decode("latin-1")
    return text


def _control_share(text: str) -> float:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    return controls / max(len(text), 1)


def _read_pdf(name: str, data: bytes) -> str:
    """Text of every page, pages separated by a blank line."""
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise IngestError(name, "not a PDF (no %PDF header); the file may be corrupt")
    with _quiet_pypdf():
        return _pdf_text(name, data)


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    # pypdf logs every repair it attempts; the user gets our one-line error instead.
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def _pdf_text(name: str, data: bytes) -> str:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not _unlock(reader):
            raise IngestError(name, "the PDF is password-protected")
        pages = [_page_text(page) for page in reader.pages]
    except IngestError:
        raise
    except Exception as exc:
        # A damaged PDF can fail anywhere in pypdf (zlib, struct, IndexError...): whatever
        # the cause, the user needs one line, not a traceback.
        raise IngestError(name, f"corrupt or unreadable PDF ({_short(exc)})") from exc
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text.strip():
        raise IngestError(name, NO_TEXT_LAYER)
    return text


def _page_text(page: object) -> str:
    sizes = LineSizes()
    text = page.extract_text(visitor_text=sizes) or ""  # type: ignore[attr-defined]
    return tidy_page(text, sizes)


def _unlock(reader: object) -> bool:
    # Many "encrypted" PDFs only restrict printing and open with the empty password.
    try:
        return bool(reader.decrypt(""))  # type: ignore[attr-defined]
    except Exception:  # any failure here means "locked"
        return False


def _read_docx(name: str, data: bytes) -> str:
    """Paragraphs and table cells, in document order."""
    import docx

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise IngestError(name, "not a .docx document (not a zip package); it may be corrupt")
    try:
        document = docx.Document(io.BytesIO(data))
        return "\n".join(_docx_blocks(document))
    except Exception as exc:
        # Same as for PDFs: a broken package can fail deep inside python-docx or lxml.
        raise IngestError(name, f"corrupt or unreadable .docx ({_short(exc)})") from exc


def _docx_blocks(document: object) -> list[str]:
    from docx.table import Table

    lines: list[str] = []
    for block in document.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(block, Table):
            lines.extend(_table_lines(block))
        else:
            lines.append(_marked(block))
    return lines


def _marked(paragraph: object) -> str:
    """A paragraph's text with its role written as in markdown: Word keeps headings and
    list items in styles (the bullet itself is not in the text), the reader needs them."""
    text: str = paragraph.text  # type: ignore[attr-defined]
    style = (getattr(getattr(paragraph, "style", None), "name", "") or "").lower()
    if not text.strip():
        return text
    if style == "title" or style.startswith("heading"):
        level = int(style[-1]) if style[-1:].isdigit() else 1
        return f"{'#' * min(level, 3)} {text}"
    if style.startswith("list") or _has_numbering(paragraph):
        return f"- {text}"
    return text


def _has_numbering(paragraph: object) -> bool:
    # Lists made with Word's numbering buttons carry w:numPr instead of a list style.
    properties = paragraph._p.pPr  # type: ignore[attr-defined]
    return properties is not None and properties.numPr is not None


def _table_lines(table: object) -> list[str]:
    # One line per row, cells separated by tabs; merged cells repeat, so drop repeats.
    lines: list[str] = []
    for row in table.rows:  # type: ignore[attr-defined]
        cells: list[str] = []
        for cell in row.cells:
            text = cell.text.strip()
            if text and (not cells or cells[-1] != text):
                cells.append(text)
        if cells:
            lines.append("\t".join(cells))
    return lines


def _short(exc: Exception) -> str:
    message = " ".join(str(exc).split()) or type(exc).__name__
    return message[:120]


_READERS: dict[str, Callable[[str, bytes], str]] = {
    ".txt": _read_text,
    ".md": _read_text,
    ".pdf": _read_pdf,
    ".docx": _read_docx,
}
