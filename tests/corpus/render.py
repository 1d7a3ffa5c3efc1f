"""Test setup: turn the corpus's light markup into real DOCX and PDF documents.

The markup is described in README.md: `#`/`##`/`###` headings, `- `/`* `/`• `/`1. ` list
items, `| a | b |` table rows, `**bold**`, and paragraphs separated by blank lines.

- DOCX (python-docx): Word heading, list and table styles (list markers are dropped, as in
  real Word files); a paragraph's lines are separate paragraphs; Arabic paragraphs are
  right to left (w:bidi, right-aligned) and Arabic tables too (bidiVisual).
- PDF (fpdf2): A4, DejaVu Sans from matplotlib, body in one or two text columns, pipe tables
  as fpdf2 tables across the page. Lines holding Arabic are shaped by HarfBuzz and laid out
  right to left (an Arabic table's first column is on the right).

Every output is deterministic: same markup, same bytes.

    python -m tests.corpus.render OUT_DIR [--calls DIR]
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
import re
import shutil
import sys
import textwrap
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import groupby
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_DIRECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.text.paragraph import Paragraph as DocxParagraph
from fpdf import FPDF, FontFace
from fpdf.bidi import BidiParagraph
from fpdf.enums import TextDirection
from fpdf.text_region import Paragraph as PdfParagraph
from fpdf.text_region import TextColumns
from PIL import Image, ImageDraw, ImageFont

CALLS_DIR = Path(__file__).parent / "calls"
LAYOUTS = {"plain": 1, "two-columns": 2}  # PDF layout name -> number of body columns

_FIXED_DATE = datetime(2025, 1, 1, tzinfo=UTC)


def _matplotlib_fonts() -> Path:
    """`matplotlib.get_data_path()/fonts/ttf`, without importing matplotlib (half a second)."""
    spec = importlib.util.find_spec("matplotlib")
    assert spec is not None and spec.submodule_search_locations
    return Path(spec.submodule_search_locations[0]) / "mpl-data" / "fonts" / "ttf"


_FONT_DIR = _matplotlib_fonts()
_FAMILY = "DejaVu"
_BODY_SIZE = 10.5
_HEADING_SIZES = {1: 16.0, 2: 13.0, 3: 11.5}

# --- The markup -------------------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    """A `#`, `##` or `###` line (deeper levels count as 3)."""

    level: int
    text: str


@dataclass(frozen=True)
class Item:
    """A list item; `marker` is "•" for bullets, or the number written ("3.")."""

    text: str
    marker: str

    @property
    def numbered(self) -> bool:
        """Whether the item belongs to a numbered list."""
        return self.marker[0].isdigit()


@dataclass(frozen=True)
class Table:
    """Consecutive `| a | b |` rows; `header` when a `|---|` row follows the first one."""

    rows: tuple[tuple[str, ...], ...]
    header: bool


@dataclass(frozen=True)
class Para:
    """A paragraph: its lines, as written."""

    lines: tuple[str, ...]


Block = Heading | Item | Table | Para

_HEADING = re.compile(r"(#{1,6})\s+(.+?)(?:\s+#+)?")
_ITEM = re.compile(r"(?:[-*•]|(\d{1,3})\.)\s+(.+)")
_SEPARATOR_CELL = re.compile(r":?-+:?")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def parse_markup(markup: str) -> list[Block]:
    """The blocks of a corpus text, in order."""
    blocks: list[Block] = []
    for kind, lines in _line_groups(markup):
        if kind == "heading":
            blocks.extend(_heading(line) for line in lines)
        elif kind == "item":
            blocks.extend(_item(line) for line in lines)
        elif kind == "row":
            table = _table(lines)
            blocks.extend([table] if table.rows else [])
        else:
            blocks.append(Para(tuple(lines)))
    return blocks


def _line_kind(line: str) -> str:
    line = line.strip()
    if not line:
        return "blank"
    if _HEADING.fullmatch(line):
        return "heading"
    if line.startswith("|"):
        return "row"
    return "item" if _ITEM.fullmatch(line) else "text"


def _line_groups(markup: str) -> Iterator[tuple[str, list[str]]]:
    for kind, lines in groupby(markup.splitlines(), key=_line_kind):
        if kind != "blank":
            yield kind, [line.strip() for line in lines]


def _heading(line: str) -> Heading:
    hashes, text = _HEADING.fullmatch(line).groups()  # type: ignore[union-attr]
    return Heading(min(len(hashes), 3), text)


def _item(line: str) -> Item:
    number, text = _ITEM.fullmatch(line).groups()  # type: ignore[union-attr]
    return Item(text, f"{number}." if number else "•")


def _table(lines: list[str]) -> Table:
    rows = [tuple(cell.strip() for cell in line.strip("|").split("|")) for line in lines]
    body = [row for row in rows if not _is_separator(row)]
    header = len(rows) > 1 and _is_separator(rows[1])
    width = max(len(row) for row in body) if body else 1
    return Table(tuple(row + ("",) * (width - len(row)) for row in body), header)


def _is_separator(row: tuple[str, ...]) -> bool:
    return all(_SEPARATOR_CELL.fullmatch(cell) for cell in row)


def _spans(text: str) -> list[tuple[str, bool]]:
    """`text` cut into (piece, bold) runs at its `**` markers."""
    parts = _BOLD.split(text)
    return [(part, index % 2 == 1) for index, part in enumerate(parts) if part]


def _unmarked(text: str) -> str:
    return _BOLD.sub(r"\1", text)


def is_arabic(text: str) -> bool:
    """Whether most letters of `text` are Arabic."""
    letters = [ch for ch in text if ch.isalpha()]
    arabic = sum(1 for ch in letters if _ARABIC.match(ch))
    return 2 * arabic > len(letters)


# --- DOCX -------------------------------------------------------------------------------


def render_docx(markup: str, path: Path) -> None:
    """Write `markup` as a Word document: heading, list and table styles, RTL Arabic."""
    document = docx.Document()
    _fix_core_properties(document)
    for block in parse_markup(markup):
        _add_docx_block(document, block)
    buffer = io.BytesIO()
    document.save(buffer)
    Path(path).write_bytes(_fixed_zip(buffer.getvalue()))


def _fix_core_properties(document: DocxDocument) -> None:
    props = document.core_properties
    props.author = props.last_modified_by = "Forsa corpus"
    props.created = props.modified = props.last_printed = _FIXED_DATE
    props.revision = 1


def _add_docx_block(document: DocxDocument, block: Block) -> None:
    match block:
        case Heading(level, text):
            _add_runs(document.add_paragraph(style=f"Heading {level}"), text)
        case Item(text):
            style = "List Number" if block.numbered else "List Bullet"
            _add_runs(document.add_paragraph(style=style), text)
        case Table():
            _add_docx_table(document, block)
        case Para(lines):
            for line in lines:
                _add_runs(document.add_paragraph(), line)


def _add_runs(paragraph: DocxParagraph, text: str, bold: bool = False) -> None:
    rtl = is_arabic(text)
    if rtl:
        # w:bidi must precede w:jc in w:pPr, so it goes in before the alignment is set.
        paragraph._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for piece, piece_bold in _spans(text):
        run = paragraph.add_run(piece)
        run.bold = True if bold or piece_bold else None
        run.font.rtl = True if rtl else None


def _add_docx_table(document: DocxDocument, table: Table) -> None:
    grid = document.add_table(rows=len(table.rows), cols=len(table.rows[0]))
    grid.style = "Table Grid"
    if is_arabic(_table_text(table)):
        grid.table_direction = WD_TABLE_DIRECTION.RTL  # cells stay in logical order
    for index, (row, cells) in enumerate(zip(grid.rows, table.rows, strict=True)):
        for cell, text in zip(row.cells, cells, strict=True):
            _add_runs(cell.paragraphs[0], text, bold=table.header and index == 0)


def _table_text(table: Table) -> str:
    return " ".join(cell for row in table.rows for cell in row)


def _fixed_zip(data: bytes) -> bytes:
    """The same package with every member dated 2025-01-01 (zipfile stamps the save time)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(member, source.read(info))
    return out.getvalue()


# --- PDF --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Line:
    """One PDF paragraph of a text region."""

    text: str
    size: float = _BODY_SIZE
    bold: bool = False
    bullet: str = ""
    top: float = 0
    bottom: float = 0


def render_pdf(markup: str, path: Path, layout: str = "plain") -> None:
    """Write `markup` as an A4 PDF; `layout` is "plain" or "two-columns" (see `LAYOUTS`)."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown PDF layout {layout!r}; use one of {', '.join(LAYOUTS)}")
    pdf = _new_pdf()
    blocks = parse_markup(markup.replace("\t", " "))  # DejaVu Sans has no glyph for a tab
    _write_blocks(pdf, blocks, LAYOUTS[layout])
    pdf.output(str(path))


def _new_pdf() -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_creation_date(_FIXED_DATE)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_font(_FAMILY, "", _FONT_DIR / "DejaVuSans.ttf")
    pdf.add_font(_FAMILY, "B", _FONT_DIR / "DejaVuSans-Bold.ttf")
    pdf.set_font(_FAMILY, "", _BODY_SIZE)
    pdf.add_page()
    return pdf


def _write_blocks(pdf: FPDF, blocks: list[Block], ncols: int) -> None:
    """Tables across the page; runs of other blocks in text regions of `ncols` columns."""
    for columns, group in groupby(blocks, key=lambda block: _columns(block, ncols)):
        if columns == 0:
            for table in group:
                _write_table(pdf, table)  # type: ignore[arg-type]
        else:
            _write_region(pdf, list(group), columns)


def _columns(block: Block, ncols: int) -> int:
    """0 for a table, else the columns the block is set in (titles span the page)."""
    if isinstance(block, Table):
        return 0
    return 1 if isinstance(block, Heading) and block.level == 1 else ncols


def _write_region(pdf: FPDF, blocks: list[Block], ncols: int) -> None:
    region = pdf.text_columns(ncols=ncols, gutter=8, balance=ncols > 1, line_height=1.25)
    with region:
        for block in blocks:
            for line in _pdf_lines(block):
                _write_line(pdf, region, line)
    pdf.set_font(_FAMILY, "", _BODY_SIZE)


def _pdf_lines(block: Block) -> list[_Line]:
    match block:
        case Heading(level, text):
            return [_Line(text, _HEADING_SIZES[level], bold=True, top=3, bottom=1.5)]
        case Item(text, marker):
            return [_Line(text, bullet=marker, bottom=0.8)]
        case Para(lines):
            *first, last = lines
            return [*(_Line(line) for line in first), _Line(last, bottom=2.5)]
    raise TypeError(f"not a text block: {block!r}")


def _write_line(pdf: FPDF, region: TextColumns, line: _Line) -> None:
    rtl = is_arabic(line.text)
    _shape_if_arabic(pdf, line.text)
    text = f"{line.bullet} {line.text}" if rtl and line.bullet else line.text
    pdf.set_font(_FAMILY, "B" if line.bold else "", line.size)  # the bullet's font
    paragraph = region.paragraph(
        text_align="R" if rtl else "L",  # type: ignore[arg-type]
        top_margin=line.top,
        bottom_margin=line.bottom,
        indent=6 if line.bullet and not rtl else 0,
        bullet_string="" if rtl else line.bullet,
    )
    with paragraph:
        for piece, bold in _spans(text):
            pdf.set_font(_FAMILY, "B" if bold or line.bold else "", line.size)
            _write_bidi(pdf, paragraph, piece, TextDirection.RTL if rtl else TextDirection.LTR)


def _shape_if_arabic(pdf: FPDF, text: str) -> None:
    """Switch HarfBuzz shaping on for text holding Arabic, off otherwise.

    Shaped text is written glyph by glyph (one positioning operator per glyph), which Word or
    LibreOffice exports do not do for Latin text and which makes pypdf over ten times slower.
    """
    pdf.set_text_shaping(_ARABIC.search(text) is not None)


def _write_bidi(pdf: FPDF, paragraph: PdfParagraph, text: str, base: TextDirection) -> None:
    """Write `text` into a text-region paragraph one bidirectional run at a time.

    cell() and multi_cell() run the Unicode bidi algorithm before shaping; text regions do
    not, so an Arabic line holding digits or Latin would be shaped as a single right-to-left
    run (2025 printed as 5202). Each run gets its own direction, as multi_cell() does it.
    """
    if not pdf.text_shaping:
        paragraph.write(text)
        return
    for run, direction in BidiParagraph(text, base_direction=base).get_bidi_fragments():
        pdf.text_shaping.update(paragraph_direction=base, fragment_direction=direction)
        paragraph.write(run)
    pdf.text_shaping.update(paragraph_direction=None, fragment_direction=None)


def _write_table(pdf: FPDF, table: Table) -> None:
    """A real fpdf2 table; an Arabic one runs right to left (its first column on the right)."""
    rtl = is_arabic(_table_text(table))
    _shape_if_arabic(pdf, _table_text(table))
    pdf.set_font(_FAMILY, "", _BODY_SIZE - 1)
    grid_layout = pdf.table(
        first_row_as_headings=table.header,
        text_align="RIGHT" if rtl else "LEFT",
        line_height=1.5 * pdf.font_size,
        padding=1.2,
    )
    with grid_layout as grid:
        for cells in table.rows:
            row = grid.row()
            for text in reversed(cells) if rtl else cells:
                style = FontFace(emphasis="BOLD") if "**" in text else None
                row.cell(_unmarked(text), style=style)
    pdf.ln(3)
    pdf.set_font(_FAMILY, "", _BODY_SIZE)


# --- A PDF without a text layer ---------------------------------------------------------


def render_image_pdf(markup: str, path: Path) -> None:
    """Write a one-page PDF that is only a picture of the text (a scan): no text layer."""
    pdf = FPDF(format="A4")
    pdf.set_creation_date(_FIXED_DATE)
    pdf.add_page()
    pdf.image(io.BytesIO(_text_picture(markup)), x=0, y=0, w=pdf.w, h=pdf.h)
    pdf.output(str(path))


def _text_picture(markup: str) -> bytes:
    """A4 at 150 dpi, black text on white, as PNG bytes."""
    picture = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(picture)
    font = ImageFont.truetype(str(_FONT_DIR / "DejaVuSans.ttf"), 22)
    lines = [piece for line in _text_lines(markup) for piece in textwrap.wrap(line, 85) or [""]]
    for index, line in enumerate(lines[:52]):
        draw.text((100, 100 + 30 * index), line, fill=0, font=font)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return buffer.getvalue()


def _text_lines(markup: str) -> list[str]:
    lines: list[str] = []
    for block in parse_markup(markup):
        match block:
            case Heading(_, text):
                lines.append(_unmarked(text))
            case Item(text, marker):
                lines.append(f"{marker} {_unmarked(text)}")
            case Table(rows):
                lines.extend("   ".join(_unmarked(cell) for cell in row) for row in rows)
            case Para(para_lines):
                lines.extend(_unmarked(line) for line in para_lines)
        lines.append("")
    return lines


# --- A long terms of reference, for the speed benchmark ---------------------------------

_TOR_HEAD = """\
# Termes de référence : évaluation finale du programme « Jeunes et territoires »

**Association Tamount pour le développement local (ATDL)**
Avenue Hassan II, n° 12, 85000 Tiznit

| Référence | ATDL/TDR/2025/07 |
|---|---|
| Date limite de dépôt | 28 février 2025 à 16h00 |
| Adresse de dépôt | appels@atdl-tiznit.ma |
| Durée de la mission | 45 jours ouvrables |
"""

_TOR_SECTION = """\
## {n}. Axe {n} : {topic}

Dans le cadre du programme, l'ATDL accompagne les associations et les coopératives de la \
commune de {commune} dans {topic_lower}. Le consultant ou la consultante analysera les \
résultats obtenus depuis 2021, la pertinence des activités au regard des besoins des jeunes, \
et la participation effective des femmes aux instances de décision locales.

L'évaluation s'appuiera sur les rapports d'activité, les comptes rendus des comités de \
pilotage et des entretiens avec les bénéficiaires, les élus et les services déconcentrés de \
l'État. Les constats seront restitués lors d'un atelier à {commune}.

### {n}.1 Tâches attendues

- Revue documentaire des rapports annuels et du cadre logique du programme ;
- Entretiens individuels et groupes de discussion avec au moins {people} bénéficiaires ;
* Analyse des données de suivi et des indicateurs de l'axe {n} ;
1. Rédaction d'une note de synthèse de cinq pages au maximum.

| Étape | Période | Livrable |
|---|---|---|
| Cadrage | semaine {n} | Note de cadrage et outils de collecte |
| Collecte à {commune} | semaines {n2} et {n3} | Base de données des entretiens |
| Restitution | semaine {n4} | Rapport provisoire de l'axe {n} |
"""

_TOR_TOPICS = (
    "la gouvernance associative",
    "l'insertion économique des jeunes",
    "la participation citoyenne",
    "l'accès des femmes aux services publics",
    "la gestion durable de l'eau",
)
_TOR_COMMUNES = ("Tiznit", "Taroudant", "Aglou", "Tafraout", "Anzi", "Mirleft", "Arbaa Sahel")


def render_long_pdf(path: Path, pages: int = 30) -> None:
    """Write a terms-of-reference PDF of exactly `pages` pages (headings, lists, tables)."""
    pdf = _new_pdf()
    _write_blocks(pdf, parse_markup(_TOR_HEAD), 1)
    number = 0
    while pdf.page < pages:  # a section is shorter than a page: never one page too many
        number += 1
        _write_blocks(pdf, parse_markup(_tor_section(number)), 1)
    pdf.output(str(path))


def _tor_section(number: int) -> str:
    topic = _TOR_TOPICS[number % len(_TOR_TOPICS)]
    return _TOR_SECTION.format(
        n=number,
        n2=number + 1,
        n3=number + 2,
        n4=number + 3,
        topic=topic[0].upper() + topic[1:],
        topic_lower=topic,
        commune=_TOR_COMMUNES[number % len(_TOR_COMMUNES)],
        people=20 + number,
    )


# --- The whole corpus -------------------------------------------------------------------


_DOCUMENTS = (".txt", ".docx", ".pdf")


def render_corpus(calls_dir: Path, out_dir: Path) -> list[Path]:
    """Write `<stem>.txt`, `.docx`, `.pdf` and the label `.json` of every labelled call.

    Returns the documents written (not the labels), three per call, in file-name order.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for markup_path in sorted(Path(calls_dir).glob("*.md")):
        label_path = markup_path.with_suffix(".json")
        if label_path.is_file():
            written.extend(_render_call(markup_path, label_path, out_dir))
    return written


def _render_call(markup_path: Path, label_path: Path, out_dir: Path) -> list[Path]:
    try:
        label = json.loads(label_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{label_path}: not valid JSON ({exc})") from exc
    layout = (label.get("render") or {}).get("pdf") or "plain"
    markup = markup_path.read_text(encoding="utf-8")
    txt, docx_path, pdf_path = (out_dir / f"{markup_path.stem}{ext}" for ext in _DOCUMENTS)
    shutil.copyfile(markup_path, txt)
    render_docx(markup, docx_path)
    render_pdf(markup, pdf_path, layout)
    shutil.copyfile(label_path, out_dir / label_path.name)
    return [txt, docx_path, pdf_path]


def main(argv: list[str] | None = None) -> int:
    """The `python -m tests.corpus.render OUT_DIR [--calls DIR]` command."""
    parser = argparse.ArgumentParser(
        prog="python -m tests.corpus.render",
        description="Render every corpus call as .txt, .docx and .pdf, with its label.",
    )
    parser.add_argument("out_dir", type=Path, help="where to write the documents")
    parser.add_argument("--calls", type=Path, default=CALLS_DIR, help="the calls directory")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    written = render_corpus(args.calls, args.out_dir)
    elapsed = time.perf_counter() - start
    print(f"{len(written)} documents written to {args.out_dir} in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
