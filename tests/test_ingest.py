"""Importing calls: reading files, finding deadlines, and extracting every stated field.

The five seed calls in ../shared/seeds are the reference: each field the text states must
come out as in the hand-curated demo catalog (store/demo/calls.json).
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import datetime
from pathlib import Path

import docx
import pytest
from pypdf import PdfWriter

from store.ingest.dates import find_deadline, parse_deadline
from store.ingest.extract import extract_call
from store.ingest.layout import clean_text
from store.ingest.read import MAX_BYTES, IngestError, read_bytes, read_document
from store.models import Call, Kind
from store.text import fold
from tests.documents import make_pdf

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
CATALOG = REPO / "store" / "demo" / "calls.json"
SEED_FILES = {
    "alci-guide-participation-2024": "000_9e1f9dd7d02bdd0d.txt",
    "ef-pagof-remacto-2024": "001_d58b274cec0e9dd5.txt",
    "md-pac-souss-massa-2016": "002_9b515f13b0e33dc6.txt",
    "enabel-iot-oujda-2022": "003_99924bbaabe483f9.txt",
    "omp-consultant-gestion-2025": "004_436948dae67f67f2.txt",
}
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed files not found in {SEEDS}")



def _curated() -> dict[str, Call]:
    items = json.loads(CATALOG.read_text(encoding="utf-8"))
    return {item["id"]: Call.from_json(item) for item in items}


_EXTRACTED: dict[str, Call] = {}


def _pair(call_id: str) -> tuple[Call, Call]:
    """(curated, extracted) for one seed; extraction is cached across tests."""
    if call_id not in _EXTRACTED:
        path = SEEDS / SEED_FILES[call_id]
        _EXTRACTED[call_id] = extract_call(read_document(path), source_name=path.name)
    return _curated()[call_id], _EXTRACTED[call_id]


seed_ids = pytest.mark.parametrize("call_id", list(SEED_FILES))


# ---------------------------------------------------------------------------------------
# Seeds: every field the text states, against the curated catalog.


@needs_seeds
@seed_ids
def test_reference_kind_organization(call_id: str) -> None:
    curated, got = _pair(call_id)
    assert got.reference == curated.reference
    assert got.kind == curated.kind
    assert got.organization == curated.organization


@needs_seeds
@seed_ids
def test_deadline_and_its_phrase(call_id: str) -> None:
    curated, got = _pair(call_id)
    assert got.deadline == curated.deadline
    if curated.deadline_text is None:
        assert got.deadline_text is None
    else:
        assert got.deadline_text is not None
        assert fold(curated.deadline_text) in fold(got.deadline_text)


@needs_seeds
@seed_ids
def test_submission_emails_subject_postal_address(call_id: str) -> None:
    curated, got = _pair(call_id)
    assert {e.lower() for e in got.submission.emails} == {
        e.lower() for e in curated.submission.emails
    }
    assert got.submission.subject == curated.submission.subject
    assert got.submission.postal_address == curated.submission.postal_address
    assert got.submission.url == curated.submission.url


# A curated document is found when one extracted document shares its key word.
_DOCUMENT_KEYS = (r"\bcv\b|curriculum", "methodolog", "financ", "chronogramme", "motivation",
                  r"note de presentation")  # fmt: skip


@needs_seeds
@seed_ids
def test_required_documents(call_id: str) -> None:
    curated, got = _pair(call_id)
    extracted = [fold(d) for d in got.required_documents]
    assert len(extracted) == len(curated.required_documents)
    for document in curated.required_documents:
        keys = [k for k in _DOCUMENT_KEYS if re.search(k, fold(document))]
        assert keys, f"no key word for curated document {document!r}"
        assert any(re.search(keys[0], e) for e in extracted), (document, extracted)


@needs_seeds
@seed_ids
def test_requirements_numbers_languages_status(call_id: str) -> None:
    curated, got = _pair(call_id)
    assert got.requirements.min_degree_years == curated.requirements.min_degree_years
    assert got.requirements.min_years_experience == curated.requirements.min_years_experience
    assert got.requirements.languages == curated.requirements.languages
    assert got.requirements.legal_status == curated.requirements.legal_status
    assert len(got.requirements.text) >= len(curated.requirements.text)
    assert got.languages_of_work == curated.languages_of_work


@needs_seeds
@seed_ids
def test_places(call_id: str) -> None:
    curated, got = _pair(call_id)
    assert set(got.regions) == set(curated.regions)
    main_cities = curated.cities[:2]
    assert set(main_cities) <= set(got.cities)


@needs_seeds
@seed_ids
def test_themes_overlap(call_id: str) -> None:
    # Rule: the curated main theme is found, and at least half of the curated themes are.
    curated, got = _pair(call_id)
    assert curated.themes[0] in got.themes
    shared = set(curated.themes) & set(got.themes)
    assert 2 * len(shared) >= len(curated.themes), (curated.themes, got.themes)


@needs_seeds
@seed_ids
def test_duration_key_number(call_id: str) -> None:
    curated, got = _pair(call_id)
    if curated.duration is None:
        assert got.duration is None
        return
    assert got.duration is not None
    numbers = re.findall(r"\d+", curated.duration)
    if numbers:
        assert numbers[0] in re.findall(r"\d+", got.duration)
    else:
        assert fold(got.duration) == fold(curated.duration)


@needs_seeds
@seed_ids
def test_key_dates_and_contact(call_id: str) -> None:
    curated, got = _pair(call_id)
    assert [k.date for k in got.key_dates] == [k.date for k in curated.key_dates]
    assert all(k.label for k in got.key_dates)
    assert (got.contact or "").lower() == (curated.contact or "").lower()


@needs_seeds
def test_traps_in_the_seeds() -> None:
    _, expertise = _pair("ef-pagof-remacto-2024")
    assert expertise.deadline is None and expertise.deadline_text is None
    assert expertise.submission.emails == []  # the header e-mail is a contact
    assert "REMACTO" in expertise.key_dates[0].label
    _, omp = _pair("omp-consultant-gestion-2025")
    assert omp.regions == [] and omp.cities == []
    _, enabel = _pair("enabel-iot-oujda-2022")
    assert enabel.duration is None  # "36 mois" is the programme's, not the post's
    assert enabel.regions == ["oriental"]  # the post is in Oujda, not in the 5 regions
    _, alci = _pair("alci-guide-participation-2024")
    assert alci.requirements.min_degree_years == 4  # "Master (BAC+4 minimum)"


@needs_seeds
@seed_ids
def test_source_text_id_and_summary(call_id: str) -> None:
    curated, got = _pair(call_id)
    assert got.source_text == curated.source_text
    assert got.id and re.fullmatch(r"[a-z0-9-]+", got.id)
    assert extract_call(got.source_text).id == got.id  # stable for the same text
    assert got.summary and got.title
    # The summary quotes the text (before any ellipsis added by shortening).
    assert fold(got.summary.rstrip("…"))[:60] in fold(clean_text(got.source_text))


# ---------------------------------------------------------------------------------------
# Honesty traps outside the seeds.


def test_masked_emails_are_never_rebuilt() -> None:
    text = (
        "Appel à candidatures pour un consultant en communication\n\n"
        "Envoyez votre dossier à l'adresse [email protected] avant le 12 mars 2024.\n"
        'Contact : <a href="/cdn-cgi/l/email-protection#6b0a">[email protected]</a>\n'
    )
    call = extract_call(text)
    assert call.submission.emails == []
    assert call.contact is None
    assert "@" not in json.dumps(call.to_json(datetime(2024, 1, 1).astimezone()))


def test_extension_without_date_and_other_dates_are_no_deadline() -> None:
    assert find_deadline("Prorogation de la date limite de dépôt des candidatures") is None
    assert find_deadline("Le programme s'étend de 2023 à 2027.") is None
    assert find_deadline("La rencontre est prévue le 13 novembre 2024 à Saïdia.") is None
    assert find_deadline("Rabat, Novembre 2016") is None
    assert find_deadline("Publié le 3 mars 2025. Mission du 1 au 15 avril 2025.") is None


def test_letter_number_is_not_a_reference() -> None:
    text = "Lettre N° 125/DG/2024\n\nAppel à candidatures pour une formation des élus locaux\n"
    assert extract_call(text).reference is None
    assert extract_call("Réf. AAP/2025/07\nAppel à projets pour les associations").reference == (
        "AAP/2025/07"
    )


def test_kinds_from_title() -> None:
    assert extract_call("Appel à projets 2025 pour les associations de jeunes").kind == (
        Kind.GRANT
    )
    assert extract_call("Appel à candidatures : formation des formateurs en plaidoyer").kind == (
        Kind.TRAINING
    )
    assert extract_call("Offre d'emploi : chargé(e) de communication (CDD)").kind == Kind.JOB


_ARABIC_CALL = """إعلان عن طلب ترشيحات
جمعية التنمية المحلية بتطوان تعلن عن توظيف منسق(ة) مشروع
مقر العمل: مدينة تطوان
المؤهلات المطلوبة:
- حاصل على شهادة الماستر في العلوم الاجتماعية
- خبرة لا تقل عن 3 سنوات في تدبير المشاريع
- إتقان اللغة العربية والفرنسية
الوثائق المطلوبة:
- السيرة الذاتية
- رسالة تحفيز
آخر أجل لإيداع الملفات هو 15 مارس 2025 على الساعة الرابعة والنصف بعد الزوال، عبر البريد
الإلكتروني: recrutement@adl-tetouan.ma
"""


def test_an_arabic_call() -> None:
    call = extract_call(_ARABIC_CALL)
    assert call.kind == Kind.JOB
    assert call.title == "توظيف منسق(ة) مشروع"
    assert call.organization == "جمعية التنمية المحلية بتطوان"
    assert call.deadline == "2025-03-15T16:30:00+00:00"  # Ramadan 2025: UTC+0
    assert call.submission.emails == ["recrutement@adl-tetouan.ma"]
    assert (call.regions, call.cities) == (["tanger-tetouan-al-hoceima"], ["Tétouan"])
    assert call.requirements.min_degree_years == 5
    assert call.requirements.min_years_experience == 3
    assert call.requirements.languages == ["ar", "fr"]
    assert call.required_documents == ["السيرة الذاتية", "رسالة تحفيز"]


def test_a_docx_call_end_to_end(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Avis de recrutement d'un(e) chargé(e) de suivi-évaluation")
    table = document.add_table(rows=3, cols=2)
    for row, (label, value) in enumerate(
        [
            ("Lieu d'affectation", "Agadir"),
            ("Durée du contrat", "12 mois renouvelables"),
            ("Date limite", "au plus tard le 28 février 2025 à 12h00"),
        ]
    ):
        table.cell(row, 0).text, table.cell(row, 1).text = label, value
    document.add_paragraph("Les candidatures sont à envoyer à l'adresse : rh@exemple.ma")
    path = tmp_path / "avis.docx"
    document.save(str(path))
    call = extract_call(read_document(path), source_name=path.name)
    assert call.title == "Avis de recrutement d'un(e) chargé(e) de suivi-évaluation"
    # Morocco moved to UTC+0 on 23 February 2025, a week before Ramadan.
    assert call.deadline == "2025-02-28T12:00:00+00:00"
    assert call.duration == "12 mois renouvelables"
    assert call.cities == ["Agadir"] and call.regions == ["souss-massa"]
    assert call.submission.emails == ["rh@exemple.ma"]


# ---------------------------------------------------------------------------------------
# Dates and hours.


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("au plus tard le 17/07/2022", "2022-07-17T23:59:59+01:00"),
        ("avant le 30 novembre 2016 à 17h00", "2016-11-30T17:00:00+00:00"),
        ("au plus tard le 21 Janvier 2025, avant minuit", "2025-01-21T23:59:59+01:00"),
        ("Date limite : 1er mars 2025", "2025-03-01T23:59:59+00:00"),
        ("Date limite de dépôt : 6 janvier 2024 à 17h", "2024-01-06T17:00:00+01:00"),
        ("Dernier délai : 10/10/2024 à 12:30", "2024-10-10T12:30:00+01:00"),
        ("à remettre au plus tard le 2 août 2024 à midi", "2024-08-02T12:00:00+01:00"),
        # US order on UN boards; April 2023 fell in Ramadan: Morocco was on UTC+0.
        ("Deadline: 04/17/2023 5:00 pm", "2023-04-17T17:00:00+00:00"),
        # GMT hours are converted: Morocco is UTC+1 in July, UTC+0 during Ramadan 2025.
        ("au plus tard le 15 juillet 2024 à 16h00 GMT", "2024-07-15T17:00:00+01:00"),
        ("au plus tard le 15 mars 2025 à 16h00 GMT", "2025-03-15T16:00:00+00:00"),
        ("Deadline: 30 June 2024, 5:00 pm New York time", "2024-06-30T22:00:00+01:00"),
        ("آخر أجل لإيداع الملفات هو 15 مارس 2025", "2025-03-15T23:59:59+00:00"),
        ("آخر أجل ١٥ مارس ٢٠٢٥ على الساعة الرابعة والنصف بعد الزوال",
         "2025-03-15T16:30:00+00:00"),
        ("في أجل أقصاه 30 شتنبر 2023 على الساعة 16:00", "2023-09-30T16:00:00+01:00"),
        ("قبل الساعة 12 زوالا من يوم 20 يوليوز 2024", "2024-07-20T12:00:00+01:00"),
        ("آخر أجل 3 كانون الثاني 2025", "2025-01-03T23:59:59+01:00"),
        ("آخر موعد 5 أغسطس 2024", "2024-08-05T23:59:59+01:00"),
        ("La date limite, fixée au 10 janvier 2024, est prorogée au 20 janvier 2024",
         "2024-01-20T23:59:59+01:00"),
    ],
)  # fmt: skip
def test_deadline_phrases(phrase: str, expected: str) -> None:
    at = parse_deadline(phrase)
    assert at is not None
    assert at.isoformat() == expected


def test_deadline_phrase_is_quoted_as_written() -> None:
    found = find_deadline("Les dossiers sont à envoyer **avant le 30 novembre 2016 à 17h00** :")
    assert found is not None and found.text == "avant le 30 novembre 2016 à 17h00"
    undated = find_deadline("Date limite : le 30 novembre à 17h")
    assert undated is not None and undated.at is None  # no year: no instant is guessed


# ---------------------------------------------------------------------------------------
# Reading files.


def _pdf_with_text(text: str) -> bytes:
    return make_pdf([text])


def test_reads_txt_md_and_legacy_encodings(tmp_path: Path) -> None:
    md = tmp_path / "appel.md"
    md.write_text("# Appel\n\nDate limite : **6 janvier 2024**\n", encoding="utf-8")
    assert "6 janvier 2024" in read_document(md)
    bom = tmp_path / "bom.txt"
    bom.write_bytes("\ufeffDélai : 3 mai 2024".encode())
    assert read_document(bom) == "Délai : 3 mai 2024"
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("Délai de dépôt : été 2024".encode("cp1252"))
    assert read_document(legacy) == "Délai de dépôt : été 2024"


@needs_seeds
def test_reads_the_seed_files_verbatim() -> None:
    for name in SEED_FILES.values():
        assert read_document(SEEDS / name) == (SEEDS / name).read_text(encoding="utf-8")


def test_reads_docx_paragraphs_and_tables_in_order(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Termes de référence")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Lieu", "Oujda"
    table.cell(1, 0).text, table.cell(1, 1).text = "Durée", "3 mois"
    document.add_paragraph("Date limite : 6 janvier 2024")
    path = tmp_path / "tdr.docx"
    document.save(str(path))
    assert read_document(path) == (
        "Termes de référence\nLieu\tOujda\nDurée\t3 mois\nDate limite : 6 janvier 2024"
    )


def test_reads_a_small_pdf(tmp_path: Path) -> None:
    path = tmp_path / "appel.pdf"
    path.write_bytes(_pdf_with_text("Date limite : au plus tard le 17/07/2022"))
    text = read_document(path)
    assert "au plus tard le 17/07/2022" in text
    assert parse_deadline(text) is not None


def test_read_bytes_for_chat_uploads() -> None:
    assert read_bytes("appel.txt", "Délai : 3 mai 2024".encode()) == "Délai : 3 mai 2024"
    with pytest.raises(IngestError, match=r"^big\.txt: the file is too large"):
        read_bytes("big.txt", b"a" * (MAX_BYTES + 1))


def _zip_without_docx_parts() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a word document")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("corrupt.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog", "corrupt or unreadable PDF"),
        ("fake.pdf", b"hello, I am not a PDF", "not a PDF"),
        ("empty.txt", b"", "the file is empty"),
        ("blank.md", b"  \n\t\n", "the file is empty"),
        ("binary.txt", bytes(range(256)) * 8, "binary content"),
        ("noise.txt", bytes(range(128, 256)) * 8 + b"\x01\x02" * 50, "not"),
        ("broken.docx", b"PK\x03\x04 truncated", "not a .docx document"),
        ("plain.docx", _zip_without_docx_parts(), "corrupt or unreadable .docx"),
        ("image.png", b"\x89PNG\r\n", "unsupported file type .png; send .txt, .md, .pdf or .docx"),
        ("README", b"text", "unsupported file type"),
    ],
)
def test_unreadable_files_raise_one_line_errors(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(IngestError) as caught:
        read_document(path)
    message = str(caught.value)
    assert message.startswith(f"{name}: ") and reason in message
    assert "\n" not in message
    assert caught.value.path == path and caught.value.reason in message


def test_password_protected_pdf(tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=io.BytesIO(_pdf_with_text("Date limite : 6 janvier 2024")))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(IngestError, match=r"^locked\.pdf: the PDF is password-protected$"):
        read_document(path)


def test_missing_file_and_textless_pdf(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r"^absent\.pdf: file not found$"):
        read_document(tmp_path / "absent.pdf")
    blank = tmp_path / "scan.pdf"
    blank.write_bytes(_pdf_with_text(""))
    with pytest.raises(IngestError, match=r"^scan\.pdf: this PDF has no text.*paste the text"):
        read_document(blank)
