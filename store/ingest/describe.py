"""What a call is: title, kind, organisation, partners, summary, aliases, places, themes
and key dates (event days), each from the text's own words.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from store.ingest import labels, publisher
from store.ingest.dates import find_dates, fold_with_map
from store.ingest.evidence import GUESSED, STATED, Found, line_of
from store.ingest.layout import Line, sentences, shorten
from store.models import KeyDate, Kind
from store.text import fold
from store.vocab.places import city_region, find_places
from store.vocab.themes import count_theme_mentions, find_themes

# ---------------------------------------------------------------------------------------
# Kind, from the title first, then from how the body talks.

# (kind, pattern, weight): words that settle the kind weigh more than words that lean.
_KIND_WORDS: tuple[tuple[Kind, re.Pattern[str], int], ...] = (
    (Kind.GRANT, re.compile(r"appel\s+a\s+(?:projets?|propositions|manifestation)|subvention"
                            r"|\bgrants?\b|financement\s+de\s+projets|طلب\s+مشاريع|منحه"
                            r"|appel\s+de\s+propositions|financ\w*\s+(?:des\s+|de\s+)?projets"
                            r"|funding\s+opportunit|notice\s+of\s+funding|\bprix\s+(?:national|de\s+la"
                            r"|du|d)\b|\baward\b|jaiza|جاءزه|طلبات?\s+عروض\s+(?:ال)?مشاريع|دعم\s+(?:ال)?مشاريع"
                            r"|عروض\s+(?:ال)?مشاريع|تمويل\s+(?:ال)?مشاريع|طلبات?\s+(?:ال)?مشاريع"
                            r"|منح\b|تقديم\s+(?:ال)?مشاريع|الاستفاده\s+من\s+(?:ال)?دعم"), 3),
    (Kind.JOB, re.compile(r"offres?\s+d\s+emploi|contrat\s+de\s+travail|postes?\s+vacants?"
                          r"|\bcdd\b|\bcdi\b|package\s+salarial|salaire|vacancy|job\s+offer"
                          r"|وظيفه|منصب\s+شغل|توظيف|\bjob\s*:|type\s+of\s+contract|fixed[- ]term"
                          r"|job\s+description|مباراه"), 3),
    (Kind.JOB, re.compile(r"\bposte\b|\bemploi\b|postulez|\bjob\b"), 1),
    (Kind.CONSULTANCY, re.compile(r"consultante?s?\b|consultant\(e\)|prestataire|\btdrs?\b"
                                  r"|termes\s+de\s+reference|bureau\s+d\s+etudes?"
                                  r"|contrat\s+de\s+prestation|consultancy|مستشار|استشاري"
                                  r"|appels?\s+d\s*offres?|marche\s+public|request\s+for\s+"
                                  r"(?:proposals?|quotations?)|\brf[pq]\b|soumissionn"
                                  r"|invitation\s+a\s+soumissionner|(?:appel|avis)\s+a\s+consultation"
                                  r"|طلب\s+عروض(?!\s+(?:ال)?مشاريع)"), 3),
    (Kind.CONSULTANCY, re.compile(r"\bexperte?s?\b|prestation|خبير|\baudit\b|diagnostic"
                                  r"|evaluation\s+(?:finale|externe|a\s+mi)"), 1),
    (Kind.TRAINING, re.compile(r"\bformation\b|training|تكوين|دوره\s+تكوينيه"), 1),
)  # fmt: skip
# A call for trainees or volunteers (they apply to be trained), not a trainer's contract.
_TRAINEES = re.compile(
    r"appel\s+a\s+candidatures?\s+(?:pour\s+)?(?:la\s+|une\s+)?(?:formation|participation)"
    r"|dorat|دوره\s+تكوينيه\s+لفاءده|volontariat|volunteer|benevol|fellowship|bootcamp"
    r"|reseau\s+(?:pour\s+les\s+)?jeunes|programme\s+(?:de\s+)?formation\s+(?:au\s+profit|pour\s+les)"
    r"|التطوع|متطوع"
)


def find_kind(title: str | None, text: str) -> Kind:
    """consultancy, job, grant or training; OTHER when nothing says."""
    folded_title = fold(title or "")
    if _TRAINEES.search(folded_title):
        return Kind.TRAINING
    for kind, pattern, weight in _KIND_WORDS:
        # Only words that settle the kind decide from the title ("Auto Emploi" does not).
        if weight >= 3 and pattern.search(folded_title):
            return kind
    folded = fold(text)
    if _TRAINEES.search(folded[:1500]):
        return Kind.TRAINING
    scores: Counter[Kind] = Counter()
    for kind, pattern, weight in _KIND_WORDS:
        # Training words appear in most calls ("ateliers de formation"): they decide alone.
        if kind is not Kind.TRAINING:
            scores[kind] += weight * len(pattern.findall(folded))
    best = scores.most_common(1)
    if best and best[0][1] > 0:
        return best[0][0]
    return Kind.TRAINING if _KIND_WORDS[-1][1].search(folded) else Kind.OTHER


# ---------------------------------------------------------------------------------------
# Organisation and partners.

_PRESENTATION = re.compile(
    r"^pr[ée]sentation\s+(?:de\s+l['’]\s*|du\s+|de\s+la\s+|des\s+|de\s+)(?P<v>[^:]{2,90}?)\s*:?$",
    re.IGNORECASE,
)
_DEFINITION = re.compile(
    r"(?:^|[.;]\s+)(?:[Ll]['’]\s*|[Ll]e\s+|[Ll]a\s+)?(?P<v>[A-Z][^.;:\n]{2,90}?)\s+"
    r"(?:est|se\s+d[ée]finit\s+comme)\s+(?:une?\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:association|ONG|organisation|organisme|agence|fondation|institution|[ée]tablissement)",
    re.MULTILINE,
)
_RUN_BY = re.compile(
    r"(?:mise?\s+en\s+(?:œ|oe)uvre\s+par|lanc[ée]e?\s+par|port[ée]e?\s+par)\s+"
    r"(?:l['’]\s*)?(?P<v>[A-Z][\w&'’-]+(?:\s+[A-Z&][\w&'’-]+)*)"
)


def find_organization(lines: list[Line], text: str, emails: list[str]) -> Found[str] | None:
    """The publishing organisation, with its acronym when the text gives one."""
    found = _organization(lines, text, emails)
    if found is None:
        return None
    return Found(_with_acronym(found.value, text), found.line, found.confidence)


def _organization(lines: list[Line], text: str, emails: list[str]) -> Found[str] | None:
    labelled = publisher.find_labelled(lines)
    if labelled:
        return labelled
    for line in lines:
        match = _PRESENTATION.match(line.content)
        if line.heading and match and match.group("v")[:1].isupper():
            return Found(match.group("v"), line.text, STATED)
    # "X recrute / lance / a prolongé" says who publishes; "Y est une institution" may
    # only present a partner.
    announced = publisher.find_announcer(lines) or _arabic_announcer(lines)
    if announced:
        return announced
    for finder in (_DEFINITION, _RUN_BY):
        match = finder.search(text)
        if match:
            return Found(match.group("v"), line_of(lines, match.group("v")), STATED)
    return publisher.find_organization(lines, text, emails)


# "جمعية التنمية المحلية بتطوان تعلن عن ..." : the body that announces is the publisher.
_AR_ANNOUNCER = re.compile(
    r"^(?:ال)?(?:جمعيه|مءسسه|منظمه|المرصد|مرصد|الشبكه|شبكه|تعاونيه|فيدراليه|اتحاد|مركز|المركز"
    r"|عماله|اقليم|مجلس|جماعه|وزاره|لجنه|مبادره|ولايه|مديريه|وكاله|مندوبيه)"
    r"[^،,:\n]{2,90}?(?=\s+(?:تعلن|يعلن|تنظم|ينظم|تطلق|يطلق|تبحث|يبحث|تدعو|يدعو|يفتح|تفتح"
    r"|يخبر|تخبر|تطلب|يطلب)\b)"
)


def _arabic_announcer(lines: list[Line]) -> Found[str] | None:
    for line in lines[:15]:
        folded = fold_with_map(line.text)
        match = _AR_ANNOUNCER.match(folded.text)
        if match:
            return Found(folded.quote(match.start(), match.end()), line.text, STATED)
    return None


def _with_acronym(name: str, text: str) -> str:
    """ "Mouvement X – ALCI" -> "Mouvement X (ALCI)"; "OMP" -> "Full Name (OMP)"."""
    name = " ".join(name.strip(" .:").split())
    dashed = re.fullmatch(r"(?P<n>.+?)\s*[-–—]\s*(?P<a>[A-Z][A-Z&]{1,9})", name)
    if dashed:
        return f"{dashed.group('n')} ({dashed.group('a')})"
    written = re.search(rf"{re.escape(name)}\s*\(([A-Z][A-Za-z&]{{1,11}})\)", text)
    if written and not name.endswith(")"):
        return f"{name} ({written.group(1)})"
    if re.fullmatch(r"[A-Z][A-Z&]{1,9}", name):
        full = re.search(
            rf"(?:[Ll]['’]\s*|[Ll]e\s+|[Ll]a\s+)?([A-Z][^().;:\n]{{3,80}}?)\s*\({re.escape(name)}\)",
            text,
        )
        if full:
            return f"{full.group(1).strip()} ({name})"
    return name


_PARTNERS = re.compile(
    r"(?:en\s+partenariat\s+avec|avec\s+l['’]appui\s+d[eu]|avec\s+le\s+soutien\s+d[eu]"
    r"|[Ff]inanc[ée]e?\s+par|sur\s+financement)[ \t]*\n?[ \t]*"
    r"(?:[Ll]['’]\s*|[Ll]e\s+|[Ll]a\s+|[Ll]es\s+)?(?P<v>[A-Z][^.,;:\n(]{1,60})",
)


_PARTNER_LABEL = re.compile(
    r"^(?:partenaires?|bailleurs?(?:\s+de\s+fonds)?|pays\s*/\s*institution|institution)"
    r"\s*[:\t]\s*(?P<v>.+)$",
    re.IGNORECASE | re.MULTILINE,
)
_COUNTRY = frozenset(("maroc", "morocco", "المغرب"))


def find_partners(text: str, organization: str | None) -> list[str]:
    """Partners and funders named as such ("en partenariat avec X", "Financé par X")."""
    names = [
        part.strip()
        for label in _PARTNER_LABEL.finditer(text)
        for part in re.split(r"\s*[/,;]\s*", label.group("v"))
        if part.strip() and fold(part) not in _COUNTRY
    ]
    names += [_partner_name(match.group("v")) for match in _PARTNERS.finditer(text)]
    found: dict[str, str] = {}
    for name in names:
        key = fold(name)
        if name and key not in found and key not in fold(organization or ""):
            found[key] = name
    return list(found.values())[:6]


_NAME_LINKS = ("de", "des", "du", "la", "pour", "et")


def _partner_name(value: str) -> str:
    # Stop at a verb or a clause: keep the proper-noun run ("COSPE MAROC", "Union européenne").
    kept: list[str] = []
    for word in value.split():
        lower = word[:1].islower() and word not in _NAME_LINKS
        if kept and lower and fold(word) not in ("europeenne", "europeen"):
            break
        kept.append(word)
    while kept and kept[-1] in _NAME_LINKS:
        kept.pop()
    name = " ".join(kept)
    return "Union européenne" if fold(name) in ("ue", "union europeenne") else name


# ---------------------------------------------------------------------------------------
# Summary: the first sentence of the section that states the object of the mission.

_OBJECT_HEADING = re.compile(
    r"objet\s+de\s+la\s+(?:mission|prestation|consultation)|objectifs?\s+(?:general|generaux)"
    r"|objectifs?\s+de\s+la\s+(?:prestation|mission|consultation)|objectifs?\s+et\s+resultats"
    r"|contenu\s+de\s*s?\s+prestations|description\s+de\s+la\s+(?:fonction|prestation|mission"
    r"|poste)|description\s+du\s+poste|^(?:[ivx\d]+\W+)?(?:la\s+)?mission\s*:?$|الهدف|موضوع"
)


def find_summary(lines: list[Line], title: str | None) -> str | None:
    """One sentence from the text stating the object of the mission, else the title."""
    for index, line in enumerate(lines):
        if not (line.heading and _OBJECT_HEADING.search(line.folded)):
            continue
        for body in lines[index + 1 : index + 4]:
            if body.heading or len(body.content) < 40:
                continue
            first = sentences(body.content)[0].rstrip(" :")
            return shorten(first, 320)
    return title


# ---------------------------------------------------------------------------------------
# Places: where the work happens, not every place the context mentions.

_PLACE_STATEMENT = re.compile(
    r"\blieu\b|\bbasee?\b|\bbased\b|affectee?\s+a|se\s+deroulera|se\s+derouleront"
    r"|^location\b|^localisation\b|(?:^|\t)(?:province|commune|ville|localite)s?(?:\t|$)"
    r"|\b(?:des|les|aux)\s+communes\s+(?:de|d)\s?'?\s*\w"
    r"|duty\s+station|zone\s+d\s+intervention\s*:|مقر\s+العمل|مكان"
)


def find_places_of_work(
    lines: list[Line], text: str, publisher: str | None = None
) -> Found[tuple[list[str], list[str]]]:
    """(region ids, towns) of the place of work; the whole text only when none is stated
    (and then the reading is a guess). A ministry's call that names no place is taken as
    national, as a guess."""
    acronyms = set(_DEFINED_ACRONYM.findall(text))  # "(FES)" is a foundation, not Fès
    only = _only_places(lines, acronyms)
    if only is not None:
        return only
    stated = [_without(line.text, acronyms) for line in _place_lines(lines)]
    regions, cities = _places(" \n".join(stated)) if stated else ([], [])
    if not regions and not cities:
        body = [
            _without(line.text, acronyms)
            for index, line in enumerate(lines)
            if not (_is_address(line.text) or _is_dateline(line.text, index))
        ]
        regions, cities = _places("\n".join(body))
        regions = [r for r in regions if r != "national"]  # "au niveau national" is no place
        if not regions and not cities:
            scope = _national_scope(lines) or _national_publisher(lines, publisher)
            if scope is not None:
                return Found((["national"], []), scope, GUESSED)
        first = next((c for c in cities), None)
        line = line_of(lines, first) if first else ""
        return Found((regions, cities), line, GUESSED)
    if len(regions) > 1 and "national" in regions:
        regions.remove("national")
    return Found((regions, cities), stated[0], STATED)


# "Cet appel porte uniquement sur la région de Tanger …": the programme's other regions
# are not this call's.
_ONLY = re.compile(r"\b(?:uniquement|exclusivement|seulement|only|exclusively)\b|فقط|حصريا")


def _only_places(
    lines: list[Line], acronyms: set[str]
) -> Found[tuple[list[str], list[str]]] | None:
    for line in lines:
        if not _ONLY.search(line.folded) or _is_address(line.text):
            continue
        regions, cities = _places(_without(line.text, acronyms))
        regions = [r for r in regions if r != "national"]
        if regions or cities:
            return Found((regions, cities), line.text, STATED)
    return None


# The whole country, said as such (not "au Maroc" in a sentence about the context).
_NATIONAL_SCOPE = re.compile(
    r"(?:a\s+l\s*echelle|au\s+niveau|sur\s+le\s+plan)\s+national|tout\s+le\s+territoire"
    r"|l\s*ensemble\s+du\s+(?:territoire|royaume|maroc)|toutes\s+les\s+regions|partout\s+au\s+maroc"
    r"|nationwide|all\s+(?:over\s+)?(?:morocco|regions)|programme\s+national|appel\s+national"
    r"|(?:^|\t)(?:lieu|location|pays|country|duty\s+station|zone)\s*[:\t]\s*(?:maroc|morocco)\s*$"
    r"|الصعيد\s+الوطني|المستوي\s+الوطني|جميع\s+جهات|كافه\s+جهات|التراب\s+الوطني|البرنامج\s+الوطني"
)
# A postal address names the publisher's town, not the place of the call.
_ADDRESS = re.compile(
    r"\b(?:avenue|av\.|rue|bd|boulevard|immeuble|residence|angle|lotissement|quartier|hay|b\.?p\.?"
    r"|tel|tél|fax|adresse|siege)\b|\b\d{5}\b|شارع|زنقه|الحي|ص\.ب|عنوان",
    re.IGNORECASE,
)


_COUNTRY_ONLY = re.compile(r"(?:maroc|morocco|royaume\s+du\s+maroc|المغرب|المملكه\s+المغربيه)")


def _national_scope(lines: list[Line]) -> str | None:
    """The line that says the call is for the whole country, if one does."""
    place = labels.find(lines, labels.PLACE)
    if place is not None and _COUNTRY_ONLY.fullmatch(fold(place.value).strip(" .")):
        return place.line
    for index, line in enumerate(lines):
        alone = re.sub(r"^(?:le|au|the)\s+", "", fold(line.content).strip(" ;.,:"))
        if _NATIONAL_SCOPE.search(line.folded) or _COUNTRY_ONLY.fullmatch(alone):
            return line.text
        # A title about Morocco with no place of its own: "… au Maroc", "in Morocco".
        if index < 3 and line.marked and _IN_MOROCCO.search(line.folded):
            return line.text
    return None


# A ministry or another body of the whole country; one for Moroccans abroad is not.
_NATIONAL_BODY = re.compile(
    r"^(?:le\s+|la\s+|l\s+)?(?:ministere|ministry|secretariat\s+d\s*etat|haut\s+commissariat"
    r"|agence\s+nationale|conseil\s+national|وزاره|الوزاره|كتابه\s+الدوله|المندوبيه\s+الساميه"
    r"|الوكاله\s+الوطنيه|المجلس\s+الوطني)\b"
)
_ABROAD = re.compile(r"etranger|abroad|diaspora|بالخارج|المهجر")


def _national_publisher(lines: list[Line], publisher: str | None) -> str | None:
    folded = fold(publisher or "")
    if not _NATIONAL_BODY.match(folded) or _ABROAD.search(folded):
        return None
    return line_of(lines, publisher or "") or publisher


_IN_MOROCCO = re.compile(r"\b(?:au|du)\s+maroc\b|\bin\s+morocco\b|بالمغرب|في\s+المغرب")


# "Rabat – le 12 mai 2024", "الرباط – الجمعة": where a news item was written, not the
# call's place; "Fès News | Actualités": a site's masthead.
_DATELINE = re.compile(
    r"^\s*\S+(?:[\s-]\S+)?\s*[–—-]\s*(?:le\s+)?(?:\d|lundi|mardi|mercredi|jeudi|vendredi|samedi"
    r"|dimanche|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت|الاحد|$)",
    re.IGNORECASE,
)


def _is_dateline(text: str, index: int) -> bool:
    folded = fold_with_map(text).text  # keeps the dash that store.text.fold drops
    return bool(_DATELINE.match(folded)) or (index < 3 and "|" in text and len(text) < 60)


def _is_address(text: str) -> bool:
    return bool(_ADDRESS.search(text)) and len(text) < 160


_TIME_ZONE_TOWN = re.compile(r"heure\s+(?:de\s+|du\s+)?(?:rabat|casablanca)[\s-]*(?:maroc)?",
                             re.IGNORECASE)  # fmt: skip


def _without(text: str, acronyms: set[str]) -> str:
    """The text without defined acronyms and "heure de Rabat" (a clock, not a place)."""
    text = _TIME_ZONE_TOWN.sub(" ", text)
    for acronym in acronyms:
        text = re.sub(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", " ", text)
    return text


def _place_lines(lines: list[Line]) -> list[Line]:
    found: list[Line] = []
    for index, line in enumerate(lines):
        if not _PLACE_STATEMENT.search(line.folded) or _is_address(line.text):
            continue
        found.append(line)
        label_only = line.heading or line.text.rstrip().endswith(":")
        if label_only and index + 1 < len(lines):
            found.append(lines[index + 1])
        if "\t" in line.text and _PLACE_COLUMN.search(line.folded):
            found += _table_rows_after(lines, index)  # "Province | Commune | Date" then rows
    return found


_PLACE_COLUMN = re.compile(
    r"(?:^|\t)(?:province|commune|ville|localite|lieu|douar|جماعه|اقليم)s?(?:\t|$)"
)


def _table_rows_after(lines: list[Line], index: int) -> list[Line]:
    rows: list[Line] = []
    for line in lines[index + 1 : index + 40]:
        if "\t" not in line.text:
            break
        rows.append(line)
    return rows


def _places(text: str) -> tuple[list[str], list[str]]:
    regions: list[str] = []
    cities: list[str] = []
    for line in text.split("\n"):
        match = find_places(line)
        homonyms = _homonyms(line, match.cities)
        dropped = {city_region(city) for city in homonyms}
        regions += [r for r in match.regions if r not in regions and r not in dropped]
        for city in match.cities:
            region = city_region(city)
            if city in homonyms or city in cities:
                continue
            cities.append(city)
            if region and region not in regions:
                regions.append(region)
    return regions, cities


_PROVINCE_OF = re.compile(
    r"(?:province|prefecture|cercle|اقليم|عماله)\s+(?:de\s+|d\s?'\s*)?(?P<v>\S+(?:\s+\S+)?)"
)
# "Quartier Dakhla", "Hay Salam", "Avenue de Fès": a street or district named after a town.
_DISTRICT_OF = re.compile(r"(?:quartier|hay|douar|avenue|av|rue|bd|boulevard|حي|شارع|زنقه)\s+"
                          r"(?:de\s+|d\s?'\s*|du\s+)?(?P<v>\S+)")  # fmt: skip


def _homonyms(line: str, cities: tuple[str, ...]) -> set[str]:
    """Towns named beside a province of another region: a commune "Laayoune" of the
    province of Taourirt is not Laâyoune."""
    folded = fold(line)
    streets = {
        town
        for match in _DISTRICT_OF.finditer(folded)
        for town in find_places(f"à {match.group('v')}").cities
    }
    provinces = [
        region
        for match in _PROVINCE_OF.finditer(folded)
        for town in find_places(f"à {match.group('v')}").cities
        if (region := city_region(town))
    ]
    others = {city for city in cities if provinces and city_region(city) not in provinces}
    return streets | others


# ---------------------------------------------------------------------------------------
# Themes: what the call is about, not every theme its context names.

_THEME_SHARE = 0.25
_MAX_THEMES = 4


def find_call_themes(focus: str, text: str) -> list[str]:
    """Themes of the title/summary, then themes the whole text keeps coming back to."""
    themes = list(find_themes(focus))
    counts = count_theme_mentions(text)
    if counts:
        floor = max(2, _THEME_SHARE * max(counts.values()))
        ranked = sorted(counts, key=lambda t: -counts[t])
        themes += [t for t in ranked if counts[t] > floor and t not in themes]
    return themes[:_MAX_THEMES]


# ---------------------------------------------------------------------------------------
# Key dates: event days (a workshop, a meeting, a planned mission day), not the deadline.

_EVENT_CUES = re.compile(
    r"atelier|rencontre|reunion|seance|session|lancement|entretien|forum|conference|webinaire"
    r"|visite|formation|ceremonie|prevue?\s+le|aura\s+lieu|se\s+tiendra|ورشه|لقاء|اجتماع|ندوه"
)


def find_key_dates(lines: list[Line], deadline_day: date | None) -> list[KeyDate]:
    """Dated events with a label from their own line or table row."""
    found: dict[str, KeyDate] = {}
    province = ""
    for line in lines:
        cells = line.text.split("\t")
        if len(cells) > 1 and cells[0].strip():
            province = cells[0].strip()
        folded = fold_with_map(line.text)
        for hit in find_dates(folded.text):
            day = hit.as_date()
            if day is None or day == deadline_day or day.isoformat() in found:
                continue
            label = _event_label(line, folded.quote(hit.start, hit.end), cells, province)
            if label:
                found[day.isoformat()] = KeyDate(day.isoformat(), label)
    return sorted(found.values(), key=lambda k: k.date)


def _event_label(line: Line, date_text: str, cells: list[str], province: str) -> str | None:
    if len(cells) > 1:  # a row of a schedule table: the other cells name the event
        others = [c.strip() for c in cells if c.strip() and date_text not in c]
        if others and province and province not in others:
            others.insert(0, province)
        return " – ".join(others) or None
    if not _EVENT_CUES.search(fold(line.text)):
        return None
    sentence = next((s for s in sentences(line.content) if date_text in s), line.content)
    return shorten(sentence.rstrip(" ."), 140)


# ---------------------------------------------------------------------------------------
# Aliases: acronyms and project names people will type.

_GENERIC_ACRONYMS = frozenset(
    "CV TDR TDRS OSC OSCS ONG UE CT CTS PO IO IM MEL TIC PTF PTFS HI BAC CD DVD PDF OK NB"
    " II III IV VI VII VIII IX XI XII GMT UTC".split()
)
# Words written in capitals in headings and labels, not names people type.
_CAPS_WORDS = frozenset(
    "date plus appel offre offres avis objet note lieu duree profil contrat poste mission"
    " candidature dossier projet programme maroc termes reference contexte annexe article"
    " marche consultation recrutement expert experts etude formation lancement cloture"
    " description job title deadline closing location apply notice the and for".split()
)
# A line in capitals (a heading, a table label): its acronyms may be plain words.
_CAPS_LINE = re.compile(r"^[^a-zà-ÿ]*$")
_ACRONYM = re.compile(r"(?<![\w&])([A-Z][A-Z0-9&]{2,11})(?![\w&])")
_DEFINED_ACRONYM = re.compile(r"\(([A-Z][A-Z0-9&]{2,11})\)")
_PROJECT_NAME = re.compile(
    r"(?:projet|programme|initiative|intervention|r[ée]seau)\s+(?:intitul[ée]\s+)?"
    r"[«\"“]\s*([^»\"”\n/]{3,60}?)\s*(?:/[^»\"”\n]*)?[»\"”]",
    re.IGNORECASE,
)


def find_aliases(text: str, organization: str | None) -> list[str]:
    """The organisation's acronym, quoted project names and acronyms used at least twice."""
    found: dict[str, str] = {}
    org_acronym = re.search(r"\(([^()]{2,12})\)\s*$", organization or "")
    if org_acronym:
        found[fold(org_acronym.group(1))] = org_acronym.group(1)
    for match in _PROJECT_NAME.finditer(text):
        found.setdefault(fold(match.group(1)), match.group(1).strip())
    counts = Counter(_ACRONYM.findall(text))
    defined = set(_DEFINED_ACRONYM.findall(text))  # "Ecole ... (EPDT)" names it once
    # A capitalised heading word ("DATE LIMITE", "APPEL") is a word, not an acronym: the
    # text also writes it in lower case.
    words = {fold(w) for w in re.findall(r"\b[A-Za-zÀ-ÿ][a-zà-ÿ]{2,}\b", text)} | _CAPS_WORDS
    prose = [line for line in text.splitlines() if not _CAPS_LINE.match(line)]
    in_prose = Counter(a for line in prose for a in _ACRONYM.findall(line))
    for acronym, count in counts.most_common():
        if acronym not in defined and (fold(acronym) in words or not in_prose[acronym]):
            continue
        if (count >= 2 or acronym in defined) and acronym not in _GENERIC_ACRONYMS:
            found.setdefault(fold(acronym), acronym)
    return list(found.values())[:10]
