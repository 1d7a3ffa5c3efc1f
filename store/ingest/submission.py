"""How to apply: e-mails (submission vs contact), mail subject, postal address, URL,
reference and the documents to send.

Honesty rules: a masked e-mail ("[email protected]") has no "@" and is never rebuilt; an
address is a submission address only when the text around it says so; a letter number is
not a call reference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.ingest import labels
from store.ingest.dates import fold_with_map
from store.ingest.layout import Line, clean_text, shorten
from store.text import fold

_EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
                    r"\.[A-Za-z]{2,}(?![\w@])")  # fmt: skip
_SUBMIT_CUES = re.compile(
    r"adresse|envoy|soumettre|soumission|postul|courriel|transmi|depos|candidature|dossier"
    r"|par\s+(?:e-?mail|mail)|send|submit|apply|applications?\b"
    r"|ارسال|يرسل|ترسل|توجيه|ايداع|البريد\s+الالكتروني|العنوان"
)
_CONTACT_CUES = re.compile(
    r"information|renseignement|question|contact|clarification|precision|directeu?r|directrice"
    r"|responsable\s+(?:du\s+)?projet|coordinat|^\s*e-?mail\b|inquir|استفسار|للاستعلام|للتواصل"
)
_BLANK = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class Emails:
    """E-mails found in a call, split by role, each as written (first spelling kept)."""

    submission: tuple[str, ...]
    contacts: tuple[str, ...]


def find_emails(text: str) -> Emails:
    """Submission addresses (the text says to send there) and other (contact) addresses."""
    text = clean_text(text)
    submission: dict[str, str] = {}
    contacts: dict[str, str] = {}
    previous_end, previous_was_submission = -10_000, False
    for match in _EMAIL.finditer(text):
        email, key = match.group(), match.group().lower()
        if key in submission or key in contacts:
            continue
        role = _email_role(text, match.start())
        between = text[previous_end : match.start()]
        # A run of addresses listed one after another shares the role of the first one.
        if role is None and previous_was_submission and len(between) < 300:
            role = "submission" if not _BLANK.search(between) else None
        target = submission if role == "submission" else contacts
        target[key] = email
        previous_end, previous_was_submission = match.end(), role == "submission"
    return Emails(tuple(submission.values()), tuple(contacts.values()))


def _email_role(text: str, start: int) -> str | None:
    """ "submission", "contact" or None (no cue) from the words before the address."""
    window = _context_before(text, start)
    line = fold(window.rsplit("\n", 1)[-1])
    if _CONTACT_CUES.search(line) and not _SUBMIT_CUES.search(line):
        return "contact"
    if _SUBMIT_CUES.search(fold(window)):
        return "submission"
    return "contact" if _CONTACT_CUES.search(fold(window)) else None


def _context_before(text: str, start: int) -> str:
    """Up to 250 chars before `start`, within the paragraph (or the list it introduces)."""
    window = text[max(0, start - 250) : start]
    parts = _BLANK.split(window)
    kept = parts[-1]
    # "... aux adresses suivantes :" + blank line + the addresses: the list belongs to it.
    for part in reversed(parts[:-1]):
        if not part.rstrip().endswith(":"):
            break
        kept = part + "\n" + kept
    return kept


# ---------------------------------------------------------------------------------------
# Mail subject: "en mentionnant la référence « X »", "avec objet « X »", "objet du mail : X".

_SUBJECT_CUE = re.compile(
    # "Mentionnant l'objet : « … »" (no "en"); not "portant sur « … »", a topic.
    r"en\s+(?:mentionnant|indiquant|precisant|rappelant|portant)|(?<!\w)mentionnant\s+l"
    r"|avec\s+(?:la\s+mention|l'?\s*objet|comme\s+objet|pour\s+objet|objet)"
    r"|(?:sous|portant)\s+(?:l'?\s*)?(?:objet|intitule|mention)"
    r"|objet\s+(?:du|de\s+votre|de\s+l'?)\s*(?:mail|e-?mail|courriel|message)"
    r"|subject\s+(?:line|of\s+(?:the|your)\s+(?:e-?mail|message))|(?:with|in)\s+the\s+subject"
    r"|موضوع\s+(?:الرساله|البريد)"
)
_QUOTED = re.compile(r"«\s*([^»\n]{2,120}?)\s*»|“([^”\n]{2,120})”|\"([^\"\n]{2,120})\"")
_BOLD = re.compile(r"\*\*([^*\n]{2,120})\*\*")
_MENTIONS_REFERENCE = re.compile(r"reference|\bref\b|numero|المرجع")


def find_subject(text: str, reference: str | None) -> str | None:
    """The mail subject the call asks for, as written; the reference when it asks for it."""
    folded = fold_with_map(text)
    for cue in _SUBJECT_CUE.finditer(folded.text):
        start = folded.origin[cue.end() - 1] + 1
        value = _quoted_value(text[start : start + 160])
        if value:
            return value
        tail = folded.text[cue.end() : cue.end() + 80]
        if reference and _MENTIONS_REFERENCE.search(tail.split(".")[0]):
            return reference
    return None


def _quoted_value(fragment: str) -> str | None:
    # The value is the first quoted or bold run, before the sentence ends.
    fragment = re.split(r"\.\s|\n\s*\n", fragment, maxsplit=1)[0]
    found = [m for p in (_QUOTED, _BOLD) if (m := p.search(fragment))]
    if not found:
        return None
    match = min(found, key=lambda m: m.start())
    value = next(g for g in match.groups() if g)
    return " ".join(value.replace("*", "").split()).strip(" ,;:") or None


# ---------------------------------------------------------------------------------------
# Reference: "Réf. AMUSSU/2024/226", "Appel d'offres n° 03/2024", a code alone on a line.

# "AMUSSU/2024/226", "07/2022/IOT /MAR20000211", "RFP 03/2017", "ISED-BMK/RFQ 2023-12".
_CODE = r"[A-Za-z0-9][A-Za-z0-9]*(?:(?:[ ]?[/_.-][ ]?|[ ](?=\d))[A-Za-z0-9]+)+"
_BARE_CODE = re.compile(r"^(?=\w*\d)(?=\w*[A-Za-z])[A-Za-z0-9]{5,20}$|^\d{4,10}$")
# After "Réf :", a code without separators ("24MAROCCP"): letters and digits both.
_BARE_REF = r"(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{5,20}\b"
_REF_CUE = re.compile(
    r"(?<![\w/])(?:R[ée]f(?:[ée]rences?)?\b(?:\s+de\s+l['’]offre)?|N[°o]\s+de\s+r[ée]f[ée]rence"
    r"|(?:appel\s+d['’]offres?|avis|AMI|AAP|appel\s+à\s+(?:projets|candidatures))\s+n[°o]"
    r"|(?m:^)N°(?=\s*[.:]))"  # "N°: 2018-DAO-FCAN-MC102/01" opening its line
    rf"\s*[.:]?\s*(?:n[°o]\s*)?[.:]?\s*(?P<ref>{_CODE}|{_BARE_REF})",
    re.IGNORECASE,
)
# A number on a letter or an act is not the call's reference.
_NOT_A_CALL_REF = re.compile(
    r"(?:lettre|courrier|n\s*/\s*r[ée]f|v\s*/\s*r[ée]f|notre\s+r[ée]f|votre\s+r[ée]f|dahir|loi"
    r"|d[ée]cret|arr[êe]t[ée]|circulaire|bordereau|d[ée]cision)\W{0,3}\s*$",
    re.IGNORECASE,
)
_CODE_LINE = re.compile(rf"^\W*(?P<ref>{_CODE})\W*$")


def find_reference(lines: list[Line]) -> str | None:
    """The call's reference as written: a reference label ("Vacancy code", "Réf.", "Job
    no"), a "Réf." cue in a sentence, or a code alone on a line."""
    labelled = labels.find(lines, labels.REFERENCE)
    if labelled is not None:
        value = _reference_value(labelled.value)
        if value:
            return value
    for line in lines:
        for match in _REF_CUE.finditer(line.text):
            if _is_code(match.group("ref")) and not _NOT_A_CALL_REF.search(
                line.text[: match.start()]
            ):
                return match.group("ref").strip()
    for line in lines[:25]:
        code = _CODE_LINE.match(line.text)
        if code and _is_code(code.group("ref")) and code.group("ref").count("/") >= 2:
            return code.group("ref").strip()
    return None


def _reference_value(value: str) -> str | None:
    """The code at the start of a reference label's value ("RFP 03/2017 du 8 mai")."""
    value = value.strip(" :.()«»\"")
    match = re.match(rf"(?:n\s*[°o]\s*)?(?P<ref>{_CODE})", value, re.IGNORECASE)
    if match and _is_code(match.group("ref")):
        return match.group("ref").strip()
    bare = value.split()[0].strip(",;()") if value.split() else ""
    return bare if _BARE_CODE.match(bare) else None


def _is_code(value: str) -> bool:
    # A reference mixes digits with letters or separators; a date is not one.
    has_digit = any(c.isdigit() for c in value)
    has_letter = any(c.isalpha() for c in value)
    return has_digit and has_letter and not re.fullmatch(r"[\d/.\- ]+", value)


# ---------------------------------------------------------------------------------------
# Postal address and application URL.

_POSTAL_CUE = re.compile(
    r"(?:courrier(?!\s+electronique)|voie\s+postale|poste|main\s+propre|deposee?s?|depot|siege)[^.\n:]{0,60}"
    r"(?:adresse(?:\s+suivante)?|siege|a\s*:)\s*:?\s*|adresse\s+postale\s*:?\s*"
    r"|البريد\s+المضمون[^.\n:]{0,40}:\s*|العنوان\s+التالي\s*:?\s*"
    # "Dépôt des candidatures" heading, then "Adresse : 34, rue …" within two lines.
    r"|(?m:^)\W*(?:depot|envoi|soumission|remise)\s+des\s+(?:candidatures|dossiers|offres)"
    r"[^\n.]{0,20}\n"
    r"(?:[^\n]*\n){0,2}?\s*(?:adresse|address|العنوان)\s*:\s*"
)
_URL = re.compile(r"https?://[^\s<>()\"']+|(?<![\w@/.])www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+[^\s<>()\"'،]*")
_URL_CUES = re.compile(
    r"postul|candidat|formulaire|soumet|plateforme|apply|en\s+ligne|رابط|منصه|portail|site\s+(?:web|"
    r"internet|officiel)|inscri|remplir|الموقع|الاستماره|register|online"
)


# "Pour mieux connaître FHI 360, … consulter son site : …" is no place to apply.
_LEARN_MORE = re.compile(
    r"mieux\s+connaitre|en\s+savoir\s+plus|plus\s+d\s*'?\s*informations|learn\s+more"
    r"|more\s+information|للمزيد|لمزيد"
)


# "تودع الطلبات لدى إدارة المجلس الإقليمي في ظرف مغلق", "ترسل الملفات إلى الوزارة …".
_AR_POSTAL = re.compile(
    r"(?:تودع|يودع|ترسل|يرسل|تسلم|ايداع|ارسال|(?:توجه|توجيه)\s+(?:ال)?(?:ملفات|طلبات|ترشيحات))"
    r"[^.\n:]{0,40}?\s(?:لدي|الي|ب(?=مكتب|مقر))\s*"
)
_AR_POSTAL_END = re.compile(r"\s+(?:في\s+ظرف|مقابل|قبل|داخل|عبر|او\s+عبر)\s|[،,.;:(\n]")


def find_postal_address(text: str) -> str | None:
    """The address for paper applications, as written, up to the end of its line."""
    cleaned = clean_text(text)
    folded = fold_with_map(cleaned)
    for cue in _POSTAL_CUE.finditer(folded.text):
        end = folded.text.find("\n", cue.end())
        end = len(folded.text) if end == -1 else end
        value = folded.quote(cue.end(), end).rstrip(" .;")
        if len(value) >= 10 and "@" not in value and not value.lower().startswith("http"):
            return value
    for cue in _AR_POSTAL.finditer(folded.text):
        stop = _AR_POSTAL_END.search(folded.text, cue.end())
        end = stop.start() if stop else len(folded.text)
        value = folded.quote(cue.end(), end).strip(" .;")
        if len(value) >= 8 and "@" not in value and "البريد الالكتروني" not in value:
            return value
    return None


def find_application_url(text: str) -> str | None:
    """A URL the text tells applicants to use (not any link in the document)."""
    cleaned = clean_text(text)
    for match in _URL.finditer(cleaned):
        before = fold(cleaned[max(0, match.start() - 120) : match.start()])
        sentence = before.rsplit(".", 1)[-1]
        if _URL_CUES.search(sentence) and not _LEARN_MORE.search(sentence):
            return match.group().rstrip(".,;")
    return None


# ---------------------------------------------------------------------------------------
# Required documents: a list introduced by "dossier ... suivants :", or "en joignant X et Y".

_DOC_INTRO = re.compile(
    r"dossier|documents?|pieces|offre|candidature|joindre|comprenant|composee?|الوثاءق|الملف"
    r"|envoyer|fournir|transmettre|comprend|contenir|comporter|suivants|suivantes|include"
    r"|submit|should\s+contain|must\s+contain|يتضمن|تتضمن|المطلوبه|التاليه"
)
_NOT_DOCS = re.compile(
    r"livrable|deliverable|taches|activites|missions?\s+principales|rapport|report|etapes?|phases?"
    r"|selection|programme\s+de|ordre\s+du\s+jour"
)
_INLINE_DOCS = re.compile(
    r"(?:en\s+joignant|accompagnee?s?\s+d[eu']|joindre|(?:compose|constitue)e?s?\s+(?:de|du|des)"
    r"|doit\s+(?:contenir|comprendre|comporter)|doivent\s+(?:contenir|comprendre|comporter))\s+"
    r"(?P<docs>.+?)"
    r"(?=\s+(?:a\s+l'?\s*adresse|au\s+plus\s+tard|avant|par\s+(?:e-?mail|courriel))|[.;:\n]|$)"
)
_DOC_WORDS = re.compile(
    r"\bcv\b|curriculum|lettre|note|offre|proposition|copie|attestation|diplome|reference"
    r"|portfolio|chronogramme|budget|statuts|formulaire|certificat|السيره|رساله|عرض|نسخه"
    r"|fiche|dossier|bilan|demande|devis|declaration|engagement|rapport|photo|\bcin\b|extrait"
    r"|registre|recepisse|proces[- ]verbal|\bpv\b|proposal|resume|motivation|\bplan\b|liste"
    r"|البطاقه|محضر|القانون|التصريح|طلب|لاءحه|الوصل|شهاده|ملف|برنامج|تقرير|بيان"
)
# Headings that say the list is the application's contents, whatever its items.
_DOSSIER = re.compile(
    r"pieces|documents?\s+(?:a\s+fournir|requis|demandes)|dossier\s+de\s+(?:candidature"
    r"|soumission)|composition\s+du\s+dossier|الوثاءق|ملف\s+الترشيح"
)
_ARTICLE = re.compile(
    r"^(?:(?:une|un|des|les|le|la|votre|vos|leurs|leur|son|sa|ses)\s+|l['’]\s*)", re.IGNORECASE
)


def find_required_documents(lines: list[Line], text: str) -> list[str]:
    """Documents an application must contain, short and as written."""
    for index, line in enumerate(lines):
        folded = line.folded
        if folded.endswith(":") and _DOC_INTRO.search(folded) and not _NOT_DOCS.search(folded):
            items = _bullets_after(lines, index)
            # A list of partners or steps also follows "suivants :": documents say so.
            named = sum(1 for item in items if _DOC_WORDS.search(fold(item)))
            if items and (_DOSSIER.search(folded) or named * 2 >= len(items)):
                # "Les candidats remplissent un formulaire … Le dossier joint comprend :"
                near = lines[max(0, index - 2) : index]
                before = [doc for near_line in near for doc in _verb_documents(near_line)]
                return [*before, *items]
    return _inline_documents(text) or next(
        (docs for line in lines if (docs := _verb_documents(line))), []
    )


def _bullets_after(lines: list[Line], index: int) -> list[str]:
    items: list[str] = []
    number = 0
    for line in lines[index + 1 :]:
        # "5. Une attestation d'équivalence" reads like a numbered heading: it is an item
        # when it goes on the list's numbering (1., 2., … 5.), a section when it does not.
        if not line.bullet or line.marked:
            break
        numbered = re.match(r"\s*(\d{1,2})[.)]", line.text)
        if line.heading and not (numbered and int(numbered.group(1)) == number + 1):
            break
        number = int(numbered.group(1)) if numbered else number
        # "- ... les pièces suivantes :" introduces, "tout autre document utile" asks nothing.
        if not line.text.endswith(":") and not _ANY_OTHER.match(fold(line.content)):
            items.append(_document_name(line.content))
    return [item for item in items if item]


def _document_name(text: str) -> str:
    """ "Curriculum Vitae (CV) : Un CV détaillé..." -> "Curriculum Vitae (CV)"."""
    name = re.split(r"\s:\s|\s:$|\s–\s", text, maxsplit=1)[0]
    name = _ARTICLE.sub("", name.strip()).rstrip(" .;,")
    return shorten(name[:1].upper() + name[1:], 120) if name else ""


def _inline_documents(text: str) -> list[str]:
    folded = fold_with_map(clean_text(text))
    for match in _INLINE_DOCS.finditer(folded.text):
        quoted = folded.quote(match.start("docs"), match.end("docs"))
        parts = re.split(r",\s*|\s+(?:et|and|و)\s+", quoted)
        names = [_document_name(p) for p in parts if _DOC_WORDS.search(fold(p))]
        if names:
            return names
    return []


_ANY_OTHER = re.compile(
    r"^(?:tout(?:e)?s?\s+(?:autres?\s+)?(?:documents?|pieces?)|any\s+other|ای|اي\s+وثيقه"
    r"|كل\s+وثيقه)"
)
# "remplir le formulaire de la plateforme, puis déposer le dossier de volontariat",
# "submit a full proposal", "يملؤون الاستمارة … ثم يودعون ملف التطوع".
_DOC_VERB = re.compile(
    r"(?<!\w)(?:remplir|remplissent|remplit|completer|completent|deposer|deposent|envoyer"
    r"|envoient|soumettre|soumettent|transmettre|faire\s+parvenir|fill\s+(?:in|out)|submit"
    r"|upload|يملا|يملءون|يملاون|ملء|تعبءه|يودعون|يودع|ايداع|ارسال|يرسلون)\s+"
    r"(?:(?:le|la|les|un|une|leur|leurs|votre|vos|son|sa|ses|the|an|a|their|your)\s+|l'\s*)?"
)
_DOC_NOUN = re.compile(
    r"(?:formulaire|fiche|lettre|proposition|offre|cv|curriculum|demande|dossier|form"
    r"|proposal|application\s+form|الاستماره|استماره|ملف|طلب)\b"
)
# A bare "dossier" or "ملف" says nothing about what to send; "dossier de volontariat" does.
_VAGUE_DOC = re.compile(r"(?:dossier|ملف|طلب|demande)$")
_DOC_END = re.compile(
    r"\s+(?:sur|a|au|aux|aupres|par|via|avant|dans|en|puis|et|on|at|to|by|before|via|لدي|علي"
    r"|عبر|في|الي|ثم|و)\s|\s+(?:de|du|des|d')\s*(?:la|le|les|l')?\s*(?:plateforme|site|portail)"
    r"|[,;.:()\n]|$"
)


def _verb_documents(line: Line) -> list[str]:
    """Documents named as the object of "fill in / send / deposit" in a sentence."""
    folded = fold_with_map(line.text)
    found: list[str] = []
    for verb in _DOC_VERB.finditer(folded.text):
        noun = _DOC_NOUN.match(folded.text, verb.end())
        if noun is None:
            continue
        end = _DOC_END.search(folded.text, noun.end())
        stop = end.start() if end else len(folded.text)
        phrase = folded.text[noun.start() : stop].strip()
        if phrase and not _VAGUE_DOC.fullmatch(phrase) and len(phrase.split()) <= 5:
            found.append(folded.quote(noun.start(), stop).strip())
    return found
