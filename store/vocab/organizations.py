"""Organisations that publish calls for Moroccan civil society, by the names calls use.

Vocabulary, like the places: UN agencies, cooperation agencies, international NGOs and
foundations, and Moroccan public bodies whose calls are forwarded every week. The
extractor reads the publisher from the text's structure first; this list recognises a
name in a header or a label ("PNUD, 13 avenue…", "Donor: U.S. Mission to Morocco") and,
as a guess, names the organisation a text keeps coming back to.
"""

from __future__ import annotations

import re
from functools import lru_cache

from store.text import fold

# Display name -> other names (acronyms in capitals are matched case-sensitively).
ORGANIZATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Programme des Nations Unies pour le Développement (PNUD)",
        (
            "PNUD",
            "UNDP",
            "Programme des Nations Unies pour le Développement",
            "United Nations Development Programme",
            "برنامج الأمم المتحدة الإنمائي",
        ),
    ),
    (
        "UNICEF",
        (
            "UNICEF",
            "Fonds des Nations Unies pour l'Enfance",
            "United Nations Children's Fund",
            "اليونيسف",
            "منظمة الأمم المتحدة للطفولة",
        ),
    ),
    (
        "UNFPA",
        ("UNFPA", "Fonds des Nations Unies pour la Population", "صندوق الأمم المتحدة للسكان"),
    ),
    ("UNOPS", ("UNOPS", "United Nations Office for Project Services")),
    ("ONU Femmes", ("ONU Femmes", "UN Women", "ONU-Femmes", "هيئة الأمم المتحدة للمرأة")),
    (
        "Organisation Internationale pour les Migrations (OIM)",
        (
            "OIM",
            "IOM",
            "Organisation Internationale pour les Migrations",
            "International Organization for Migration",
            "المنظمة الدولية للهجرة",
        ),
    ),
    ("HCR", ("HCR", "UNHCR", "Haut-Commissariat des Nations Unies pour les réfugiés")),
    ("FAO", ("FAO", "Organisation des Nations Unies pour l'alimentation et l'agriculture")),
    (
        "Organisation Internationale du Travail (OIT)",
        (
            "OIT",
            "ILO",
            "Organisation Internationale du Travail",
            "International Labour Organization",
            "منظمة العمل الدولية",
        ),
    ),
    ("UNESCO", ("UNESCO", "اليونسكو")),
    ("OMS", ("OMS", "WHO", "Organisation Mondiale de la Santé")),
    (
        "GIZ",
        (
            "GIZ",
            "Deutsche Gesellschaft für Internationale Zusammenarbeit",
            "Coopération allemande",
            "الوكالة الألمانية للتعاون الدولي",
        ),
    ),
    (
        "Agence Française de Développement (AFD)",
        ("AFD", "Agence Française de Développement", "الوكالة الفرنسية للتنمية"),
    ),
    ("Expertise France", ("Expertise France", "الخبرة الفرنسية", "إكسبرتيز فرانس")),
    (
        "Mouvement Alternatives Citoyennes (ALCI)",
        (
            "ALCI",
            "Mouvement Alternatives Citoyennes",
            "Mouvement Alternatives Citoyenne",
            "حركة بدائل مواطنة",
            "بدائل مواطنة",
        ),
    ),
    (
        "AECID",
        (
            "AECID",
            "Agence Espagnole de Coopération Internationale pour le Développement",
            "Agencia Española de Cooperación Internacional para el Desarrollo",
        ),
    ),
    (
        "Enabel",
        (
            "Enabel",
            "CTB",
            "Coopération Technique Belge",
            "إينابل",
            "انابل",
            "الوكالة البلجيكية للتنمية",
        ),
    ),
    ("USAID", ("USAID", "الوكالة الأمريكية للتنمية الدولية")),
    ("JICA", ("JICA",)),
    ("APEFE", ("APEFE",)),
    (
        "Délégation de l'Union européenne au Maroc",
        ("Délégation de l'Union européenne", "Delegation of the European Union"),
    ),
    (
        "U.S. Mission to Morocco",
        (
            "U.S. Mission to Morocco",
            "U.S. Mission in Morocco",
            "U.S. Embassy",
            "Ambassade des États-Unis",
            "US Embassy",
        ),
    ),
    ("British Council", ("British Council",)),
    ("FHI 360", ("FHI 360", "FHI360")),
    ("Counterpart International", ("Counterpart International", "Counterpart")),
    ("Oxfam", ("Oxfam", "Oxfam Intermón")),
    ("Save the Children", ("Save the Children",)),
    (
        "Humanité & Inclusion (HI)",
        (
            "Humanité & Inclusion",
            "Humanité et Inclusion",
            "Handicap International",
            "Humanity & Inclusion",
        ),
    ),
    ("Search for Common Ground", ("Search for Common Ground", "SFCG")),
    ("Minority Rights Group (MRG)", ("Minority Rights Group", "MRG")),
    ("Terre des Hommes", ("Terre des Hommes",)),
    ("COSPE", ("COSPE",)),
    ("MPDL", ("MPDL", "Mouvement pour la Paix")),
    ("CODESPA", ("CODESPA",)),
    ("Coalition PLUS", ("Coalition PLUS",)),
    ("Santé Sud", ("Santé Sud",)),
    (
        "FICR",
        (
            "FICR",
            "IFRC",
            "Fédération internationale des Sociétés de la Croix-Rouge et du Croissant-Rouge",
        ),
    ),
    ("NDI", ("NDI", "National Democratic Institute")),
    ("IRI", ("IRI", "International Republican Institute")),
    (
        "Friedrich Ebert Stiftung (FES)",
        ("Friedrich Ebert Stiftung", "Fondation Friedrich Ebert", "Friedrich Ebert"),
    ),
    ("Fondation Heinrich Böll", ("Heinrich Böll", "Heinrich Boell")),
    ("Fondation Konrad Adenauer", ("Konrad Adenauer", "KAS")),
    ("Fondation Anna Lindh", ("Anna Lindh",)),
    ("FAMSI", ("FAMSI", "Fondo Andaluz de Municipios para la Solidaridad Internacional")),
    (
        "Migrations & Développement (M&D)",
        (
            "Migrations & Développement",
            "Migrations et Développement",
            "Migrations Développement",
            "M&D",
            "الهجرة والتنمية",
            "جمعية الهجرة والتنمية",
        ),
    ),
    ("Transparency Maroc", ("Transparency Maroc",)),
    ("Amnesty International", ("Amnesty International",)),
    (
        "INDH",
        (
            "INDH",
            "Initiative Nationale pour le Développement Humain",
            "المبادرة الوطنية للتنمية البشرية",
        ),
    ),
    ("ANAPEC", ("ANAPEC",)),
)


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None], ...]:
    """(display, folded-name pattern, acronym pattern) per organisation."""
    compiled = []
    for display, names in ORGANIZATIONS:
        words = [fold(n) for n in names if not _is_acronym(n)]
        acronyms = [n for n in names if _is_acronym(n)]
        by_name = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")
        by_acronym = (
            re.compile(r"(?<![\w&])(?:" + "|".join(re.escape(a) for a in acronyms) + r")(?![\w&])")
            if acronyms
            else None
        )
        compiled.append((display, by_name if words else re.compile(r"(?!x)x"), by_acronym))
    return tuple(compiled)


def _is_acronym(name: str) -> bool:
    return name.upper() == name and len(name) <= 8 and " " not in name.strip()


def named_in(text: str) -> list[str]:
    """Organisations of the list named in `text`, in order of first mention."""
    folded = fold(text)
    found: list[tuple[int, str]] = []
    for display, by_name, by_acronym in _patterns():
        positions = [m.start() for m in by_name.finditer(folded)]
        if by_acronym is not None:
            positions += [m.start() for m in by_acronym.finditer(text)]
        if positions:
            found.append((min(positions), display))
    return [display for _, display in sorted(found)]


def other_names(name: str) -> tuple[str, ...]:
    """Every name the list knows for the organisation `name` is ("M&D" is also
    «الهجرة والتنمية»); empty when the list does not know it."""
    # "Mouvement Alternatives Citoyenne (ALCI)" is known by its name or its acronym.
    acronym = re.search(r"\(([^()]{2,12})\)\s*$", name)
    said = {fold(name), fold(re.sub(r"\s*\([^()]*\)\s*$", "", name))}
    said |= {fold(acronym.group(1))} if acronym else set()
    for display, names in ORGANIZATIONS:
        known = {fold(display), *(fold(n) for n in names)}
        if said & known:
            return tuple(n for n in (display, *names) if fold(n) not in said)
    return ()


def leading(text: str) -> str | None:
    """The organisation of the list whose name opens `text` (after an article), if any."""
    # Both patterns can match the empty string: they always match.
    start = re.match(r"(?:l['’]\s*|la\s+|le\s+|les\s+|the\s+)?", text, re.I).end()  # type: ignore[union-attr]
    folded = fold(text)
    folded_start = re.match(r"(?:l\s+|la\s+|le\s+|les\s+|the\s+)?", folded).end()  # type: ignore[union-attr]
    for display, by_name, by_acronym in _patterns():
        if by_name.match(folded, folded_start) or (
            by_acronym is not None and by_acronym.match(text, start)
        ):
            return display
    return None


def mentions(text: str) -> dict[str, int]:
    """How often each organisation of the list is named in `text`."""
    folded = fold(text)
    counts: dict[str, int] = {}
    for display, by_name, by_acronym in _patterns():
        count = len(by_name.findall(folded))
        if by_acronym is not None:
            count += len(by_acronym.findall(text))
        if count:
            counts[display] = count
    return counts
