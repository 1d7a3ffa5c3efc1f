"""The corpus test setup: markup rendered as real DOCX and PDF files reads back with its facts.

Each document goes through `store.ingest.read.read_document`, as a user's upload would. PDF
lines are wrapped by the layout, so facts are looked for in whitespace-flattened text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from pypdf import PdfReader

from store.ingest.read import IngestError, read_document
from tests.corpus.render import (
    Heading,
    Item,
    Para,
    Table,
    main,
    parse_markup,
    render_corpus,
    render_docx,
    render_image_pdf,
    render_long_pdf,
    render_pdf,
)

FRENCH = """\
# Appel à manifestation d'intérêt : consultant(e) en suivi-évaluation

**Association Tamount pour le développement local (ATDL)**
Avenue Hassan II, n° 12
85000 Tiznit

## 1. Contexte

Dans le cadre de son projet « Jeunes et territoires », l'ATDL recrute un(e) consultant(e) \
chargé(e) d'accompagner six communes de la province de Tiznit dans le suivi de leurs plans \
d'action communaux.

## 2. Dossier de candidature

- Un CV détaillé ;
* Une note méthodologique ;
• Une offre financière en dirhams TTC.
1. Envoyer le dossier par e-mail.

Les dossiers sont à envoyer à **recrutement@atdl-tiznit.ma** au plus tard le 15 mars 2025 à \
17h00, avec l'objet « AMI/2025/03 ».
"""

ARABIC = """\
# إعلان عن طلب عروض لانتقاء مستشار

**جمعية الأمل للتنمية والتضامن**
شارع محمد الخامس، تزنيت

## ملف الترشيح

- السيرة الذاتية مفصلة
- مذكرة منهجية

| البريد الإلكتروني | contact@amal-tiznit.ma |
|---|---|
| المدة | 20 يوما |

آخر أجل لتقديم الطلبات هو 15 مارس 2025 على الساعة 17:00، عبر البريد الإلكتروني \
contact@amal-tiznit.ma.
"""

TABLE = """\
# Offre d'emploi : chargé(e) de projet

| Intitulé du poste | Chargé(e) de projet Jeunesse |
|---|---|
| Lieu d'affectation | Oujda, avec des déplacements dans les provinces de Berkane et Nador |
| Date limite | 17/07/2022 à 23h59 |
| Contact | **emploi@enabel-maroc.org** |

Les candidatures incomplètes ne seront pas examinées.
"""

SAMPLES = {"french": FRENCH, "arabic": ARABIC, "table": TABLE}
FACTS = {
    "french": ["15 mars 2025 à 17h00", "recrutement@atdl-tiznit.ma", "Une note méthodologique"],
    "arabic": ["contact@amal-tiznit.ma", "آخر أجل لتقديم الطلبات هو", "ملف الترشيح", "المدة"],
    "table": ["Date limite", "17/07/2022 à 23h59", "emploi@enabel-maroc.org", "Berkane"],
}
PRESENTATION_FORMS = re.compile(r"[\ufb50-\ufdff\ufe70-\ufeff]")


def flat(text: str) -> str:
    """`text` with every run of whitespace made one space."""
    return " ".join(text.split())


# "<sample>.<kind>": a DOCX, a plain PDF or a two-column PDF (the table sample is rendered in
# two columns by the render_corpus test).
CASES = [*(f"{name}.{kind}" for name in SAMPLES for kind in ("docx", "plain")), "french.two"]
CASES.append("arabic.two")
LAYOUTS = {"plain": "plain", "two": "two-columns"}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every case of `CASES`, rendered once for the module."""
    out = tmp_path_factory.mktemp("rendered")
    paths: dict[str, Path] = {}
    for case in CASES:
        name, kind = case.split(".")
        paths[case] = out / f"{name}-{kind}.{'docx' if kind == 'docx' else 'pdf'}"
        if kind == "docx":
            render_docx(SAMPLES[name], paths[case])
        else:
            render_pdf(SAMPLES[name], paths[case], LAYOUTS[kind])
    return paths


def test_markup_blocks() -> None:
    blocks = parse_markup("# T\n\n- a\n2. b\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\nl1\nl2\n")
    assert blocks == [
        Heading(1, "T"),
        Item("a", "•"),
        Item("b", "2."),
        Table((("x", "y"), ("1", "2")), header=True),
        Para(("l1", "l2")),
    ]


@pytest.mark.parametrize("case", CASES)
def test_rendered_documents_read_back_with_their_facts(
    rendered: dict[str, Path], case: str
) -> None:
    raw = read_document(rendered[case])
    text = flat(raw)
    for fact in FACTS[case.split(".")[0]]:
        assert fact in text
    # No markup leaks in; headings come back marked "# " at the start of their line.
    assert "**" not in text and "|" not in text
    assert all(line.lstrip("#").startswith(" ") for line in raw.splitlines() if "#" in line[:1])


def test_docx_uses_word_styles_and_real_tables(rendered: dict[str, Path]) -> None:
    document = docx.Document(str(rendered["french.docx"]))
    styles = [(p.style.name, p.text) for p in document.paragraphs]
    title = "Appel à manifestation d'intérêt : consultant(e) en suivi-évaluation"
    assert ("Heading 1", title) in styles
    assert ("List Bullet", "Une note méthodologique ;") in styles
    assert ("List Number", "Envoyer le dossier par e-mail.") in styles
    bold = [run.text for p in document.paragraphs for run in p.runs if run.bold]
    assert "recrutement@atdl-tiznit.ma" in bold
    table = docx.Document(str(rendered["table.docx"])).tables[0]
    assert [cell.text for cell in table.rows[2].cells] == ["Date limite", "17/07/2022 à 23h59"]
    assert "Date limite\t17/07/2022 à 23h59" in read_document(rendered["table.docx"])


def test_docx_arabic_paragraphs_are_right_to_left(rendered: dict[str, Path]) -> None:
    document = docx.Document(str(rendered["arabic.docx"]))
    for paragraph in document.paragraphs:
        assert paragraph._p.pPr.find(qn("w:bidi")) is not None, paragraph.text
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    # The text itself stays in logical order, digits included.
    text = read_document(rendered["arabic.docx"])
    assert "آخر أجل لتقديم الطلبات هو 15 مارس 2025" in text and "المدة\t20 يوما" in text


def test_pdf_arabic_is_shaped_but_extracts_as_base_letters(rendered: dict[str, Path]) -> None:
    # What the reader receives: base letters (U+06xx), pure Arabic runs in logical order,
    # but the runs of a mixed line in visual order (left to right on the page).
    text = PdfReader(rendered["arabic.plain"]).pages[0].extract_text()
    assert not PRESENTATION_FORMS.search(text)
    assert "2025  مارس15 آخر أجل لتقديم الطلبات هو" in text


def test_pdf_two_columns_fill_both_halves_of_the_page(rendered: dict[str, Path]) -> None:
    page = PdfReader(rendered["french.two"]).pages[0]
    starts: list[float] = []
    page.extract_text(visitor_text=lambda text, cm, tm, *_: starts.append(tm[4]))
    middle = float(page.mediabox.width) / 2
    assert min(starts) < middle < max(starts)


def test_image_pdf_has_no_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    render_image_pdf(FRENCH, path)
    with pytest.raises(IngestError, match="this PDF has no text"):
        read_document(path)


def test_rendering_is_deterministic(rendered: dict[str, Path], tmp_path: Path) -> None:
    render_pdf(ARABIC, tmp_path / "again.pdf", "two-columns")
    render_docx(ARABIC, tmp_path / "again.docx")
    assert (tmp_path / "again.pdf").read_bytes() == rendered["arabic.two"].read_bytes()
    assert (tmp_path / "again.docx").read_bytes() == rendered["arabic.docx"].read_bytes()


def test_long_pdf_has_the_pages_asked_for(tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    render_long_pdf(path, pages=3)
    assert len(PdfReader(path).pages) == 3
    text = flat(read_document(path))
    assert "28 février 2025 à 16h00" in text and "appels@atdl-tiznit.ma" in text


@pytest.fixture
def calls_dir(tmp_path: Path) -> Path:
    calls = tmp_path / "calls"
    calls.mkdir()
    (calls / "901-table.md").write_text(TABLE, encoding="utf-8")
    label = {"render": {"pdf": "two-columns", "docx": "plain"}, "fields": {}}
    (calls / "901-table.json").write_text(json.dumps(label), encoding="utf-8")
    (calls / "902-unlabelled.md").write_text(FRENCH, encoding="utf-8")
    return calls


def test_render_corpus_writes_three_documents_and_the_label(
    calls_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    written = render_corpus(calls_dir, out)
    assert written == [out / "901-table.txt", out / "901-table.docx", out / "901-table.pdf"]
    assert written[0].read_bytes() == (calls_dir / "901-table.md").read_bytes()
    assert json.loads((out / "901-table.json").read_text())["render"]["pdf"] == "two-columns"
    assert "17/07/2022 à 23h59" in read_document(written[2])


def test_command_line(calls_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    (calls_dir / "901-table.json").unlink()  # nothing labelled left: nothing to render
    assert main([str(tmp_path / "out"), "--calls", str(calls_dir)]) == 0
    assert "0 documents written" in capsys.readouterr().out
