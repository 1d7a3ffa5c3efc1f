"""Large synthetic catalogs for benchmarks: the five demo calls plus generated ones.

`generate_calls(n)` is deterministic for a given seed, and the organisation pool does not
depend on `n`, so a smaller catalog is a prefix of a larger one. Generated calls look like
the real ones: an organisation with an acronym, a title from a template, one or two
regions with towns, themes, a deadline (or key dates only), a reference, a project name,
documents, requirements, submission addresses, and a French source text of 40-80 lines so
that full-text search works on a realistic volume.
"""

from __future__ import annotations

import random
import unicodedata
from datetime import date, datetime, timedelta

from bot.app import demo_calls
from store.models import THEME_IDS, Call, KeyDate, Kind, Requirements, Submission

# The benchmark clock (Africa/Casablanca, +01:00 that day).
BENCH_NOW = "2024-01-03T10:00:00"
_NOW = date(2024, 1, 3)

# Towns by region, spelled as store/vocab/places.py displays them.
CITIES: dict[str, tuple[str, ...]] = {
    "tanger-tetouan-al-hoceima": ("Tanger", "Tétouan", "Al Hoceïma", "Larache", "Chefchaouen"),
    "oriental": ("Oujda", "Nador", "Berkane", "Saïdia", "Figuig", "Jerada"),
    "fes-meknes": ("Fès", "Meknès", "Taza", "Ifrane", "Sefrou"),
    "rabat-sale-kenitra": ("Rabat", "Salé", "Kénitra", "Khémisset", "Témara"),
    "beni-mellal-khenifra": ("Béni Mellal", "Khénifra", "Azilal", "Khouribga"),
    "casablanca-settat": ("Casablanca", "Mohammedia", "Settat", "El Jadida", "Berrechid"),
    "marrakech-safi": ("Marrakech", "Safi", "Essaouira", "Chichaoua"),
    "draa-tafilalet": ("Errachidia", "Ouarzazate", "Zagora", "Tinghir", "Midelt"),
    "souss-massa": ("Agadir", "Tiznit", "Taroudant", "Inezgane", "Tata"),
    "guelmim-oued-noun": ("Guelmim", "Tan-Tan", "Sidi Ifni", "Assa"),
    "laayoune-sakia-el-hamra": ("Laâyoune", "Boujdour", "Tarfaya"),
    "dakhla-oued-ed-dahab": ("Dakhla", "Aousserd"),
    "national": (),
}
# Regions weighted roughly by how many calls the real sources carry.
_REGION_WEIGHTS: dict[str, int] = {
    "national": 14,
    "rabat-sale-kenitra": 12,
    "casablanca-settat": 12,
    "marrakech-safi": 8,
    "fes-meknes": 8,
    "tanger-tetouan-al-hoceima": 8,
    "oriental": 7,
    "souss-massa": 7,
    "beni-mellal-khenifra": 5,
    "draa-tafilalet": 5,
    "guelmim-oued-noun": 3,
    "laayoune-sakia-el-hamra": 3,
    "dakhla-oued-ed-dahab": 2,
}

# --- organisations ---------------------------------------------------------------------

# (head, feminine?)
_ORG_HEADS: tuple[tuple[str, bool], ...] = (
    ("Association", True),
    ("Fondation", True),
    ("Réseau", False),
    ("Collectif", False),
    ("Espace", False),
    ("Centre", False),
    ("Observatoire", False),
    ("Union", True),
    ("Forum", False),
    ("Fédération", True),
    ("Ligue", True),
    ("Initiative", True),
    ("Alliance", True),
    ("Plateforme", True),
    ("Mouvement", False),
    ("Institut", False),
)
# (masculine, feminine)
_ORG_ADJECTIVES: tuple[tuple[str, str], ...] = (
    ("Marocain", "Marocaine"),
    ("National", "Nationale"),
    ("Régional", "Régionale"),
    ("Amazigh", "Amazighe"),
    ("Méditerranéen", "Méditerranéenne"),
    ("Africain", "Africaine"),
    ("Citoyen", "Citoyenne"),
    ("Solidaire", "Solidaire"),
    ("", ""),
)
# (purpose, theme ids it suggests)
_ORG_PURPOSES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("les Droits Humains", ("human-rights",)),
    ("le Développement Local", ("economic-development", "local-governance")),
    ("l'Éducation des Filles", ("education-training", "women-gender", "children")),
    ("l'Environnement et le Climat", ("environment",)),
    ("la Démocratie Participative", ("citizen-participation", "local-governance")),
    ("l'Égalité et la Parité", ("women-gender", "human-rights")),
    ("la Jeunesse et la Citoyenneté", ("youth", "citizen-participation")),
    ("les Personnes en Situation de Handicap", ("disability", "human-rights")),
    ("la Protection de l'Enfance", ("children",)),
    ("les Migrants et Réfugiés", ("migration", "human-rights")),
    ("la Santé Communautaire", ("health",)),
    ("l'Économie Sociale et Solidaire", ("economic-development",)),
    ("la Gouvernance Territoriale", ("local-governance",)),
    ("le Renforcement des Associations", ("civil-society-strengthening",)),
    ("l'Alphabétisation et la Formation", ("education-training",)),
    ("l'Eau et l'Oasis", ("environment", "economic-development")),
    ("les Femmes Rurales", ("women-gender", "economic-development")),
    ("la Transparence et l'Accès à l'Information", ("citizen-participation",)),
    ("la Culture et les Arts", ("youth", "education-training")),
    ("l'Insertion Professionnelle", ("economic-development", "youth")),
)
# Whole names in the style of foreign NGOs and donor programmes.
_FOREIGN_ORGS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Fonds Euro-Méditerranéen pour la Société Civile", "FEMSC", ("civil-society-strengthening",)),
    ("Agence Belgo-Marocaine de Coopération", "ABMC", ("economic-development",)),
    ("Programme Maghreb pour l'Emploi des Jeunes", "PMEJ", ("youth", "economic-development")),
    ("Solidarité Internationale pour le Développement", "SOLIDEV", ("economic-development",)),
    ("Coopération Nord-Sud pour les Droits", "CNSD", ("human-rights",)),
    ("Fondation Européenne pour la Démocratie Locale", "FEDL", ("local-governance",)),
    ("Comité International pour l'Enfance", "CIPE", ("children",)),
    ("Green Maghreb Initiative", "GMI", ("environment",)),
    ("Women's Voice North Africa", "WVNA", ("women-gender",)),
    ("Mediterranean Youth Network", "MYN", ("youth",)),
    ("Agence Canadienne pour la Santé Mondiale", "ACSM", ("health",)),
    ("Institut Allemand pour la Gouvernance", "IAG", ("local-governance",)),
    ("Fonds Nordique pour l'Inclusion", "FNI", ("disability",)),
    ("Réseau Euro-Africain Migration et Développement", "REAMD", ("migration",)),
    ("Open Society Maghreb", "OSM", ("citizen-participation", "human-rights")),
)
# Acronyms already taken by the demo calls or too close to common words.
_RESERVED = frozenset(
    "ALCI OMP IOT PAC CDS EPDT DGCT PAGOF PACTO AMANE ASF COSPE UE HI OSC CV ONG AMP MAP"
    " CIN RIB TVA BAC PDF CDI CDD SMS".split()
)
_SMALL_WORDS = frozenset("le la les l de des du d et pour en au aux à".split())


def _acronym(name: str) -> str:
    letters = []
    for raw in name.replace("'", " ").replace("-", " ").split():
        word = raw.strip()
        if word.lower() in _SMALL_WORDS or not word[0].isalpha():
            continue
        base = unicodedata.normalize("NFKD", word[0])[0]
        letters.append(base.upper())
    return "".join(letters)


def _organizations(rng: random.Random, count: int = 300) -> list[tuple[str, str, tuple[str, ...]]]:
    """(name, acronym, themes) for `count` distinct organisations with distinct acronyms."""
    orgs: list[tuple[str, str, tuple[str, ...]]] = list(_FOREIGN_ORGS)
    seen = {acr for _, acr, _ in orgs} | _RESERVED
    combos = [
        (head, adj[feminine], purpose, themes)
        for head, feminine in _ORG_HEADS
        for adj in _ORG_ADJECTIVES
        for purpose, themes in _ORG_PURPOSES
    ]
    rng.shuffle(combos)
    places = ("", "", "", "du Nord", "du Sud", "de l'Atlas", "du Rif", "des Oasis", "du Souss")
    for head, adj, purpose, themes in combos:
        if len(orgs) >= count:
            break
        adj_text = f" {adj}" if adj else ""
        place = rng.choice(places)
        name = f"{head}{adj_text} pour {purpose}" + (f" {place}" if place else "")
        acr = _acronym(name)
        if acr in seen or len(acr) < 3:
            continue
        seen.add(acr)
        orgs.append((name, acr, themes))
    return orgs


# --- calls -----------------------------------------------------------------------------

_PROJECT_FIRST = tuple(
    """Tamkine Amal Nour Tiwizi Massar Jisr Ichrak Tadamon Irtiqa Mouwatana Sawt Afaq Bidaya
    Takafoul Tafawol Hiwar Manara Riyada Wassit Izdihar Tanmia Rawabit Chabaka Azetta Tifawin
    Asafar Ighrem Tagmat Amezruy Tizi""".split()
)
_PROJECT_SECOND = tuple(
    """Chabab Nissa Atfal Madani Jihawi Mahalli Akhdar Ma3rifa Hoqouq Watani Plus Sahel Atlas
    Rif Oasis Sud Nord Avenir Digital Inclusion""".split()
)

_CONSULTANCY_TITLES = (
    "Recrutement d'un consultant pour l'élaboration d'un guide sur {topic}",
    "Recrutement d'un/une consultant-e pour l'évaluation finale du projet {project}",
    "Appel à consultation : étude de base sur {topic} {in_region}",
    "Termes de référence : accompagnement des associations en matière de {topic}",
    "Recrutement d'un expert pour l'animation d'ateliers sur {topic}",
    "Consultation pour la conception d'une stratégie de plaidoyer sur {topic}",
    "Recrutement d'un bureau d'études pour un diagnostic participatif à {city}",
    "Mission d'appui à la planification stratégique de {acr}",
)
_JOB_TITLES = (
    "Offre d'emploi : chargé(e) de projet {project} basé(e) à {city}",
    "Recrutement d'un(e) coordinateur(trice) régional(e) – {region}",
    "Poste de responsable suivi-évaluation ({project})",
    "Recrutement d'un(e) assistant(e) administratif(ve) et financier(e) à {city}",
    "Offre d'emploi : animateur(trice) de terrain en {topic}",
    "Recrutement d'un(e) chargé(e) de communication pour {acr}",
)
_GRANT_TITLES = (
    "Appel à propositions {year} : soutien aux initiatives locales en {topic}",
    "Appel à projets pour les associations {in_region}",
    "Subventions {project} : petites initiatives citoyennes sur {topic}",
    "Appel à manifestation d'intérêt : fonds d'appui aux OSC en {topic}",
    "Appel à candidatures pour le programme de micro-subventions {project}",
)
_TRAINING_TITLES = (
    "Formation des formateurs en {topic} – {city}",
    "Appel à participation : université d'été sur {topic}",
    "Cycle de formation en gestion de projets associatifs ({project})",
    "Atelier de renforcement des capacités en {topic} à {city}",
    "Programme de mentorat pour jeunes leaders associatifs {year}",
)
_OTHER_TITLES = (
    "Appel à candidatures : prix {project} de l'engagement citoyen",
    "Appel à communications : colloque sur {topic}",
)
_TITLES: dict[Kind, tuple[str, ...]] = {
    Kind.CONSULTANCY: _CONSULTANCY_TITLES,
    Kind.JOB: _JOB_TITLES,
    Kind.GRANT: _GRANT_TITLES,
    Kind.TRAINING: _TRAINING_TITLES,
    Kind.OTHER: _OTHER_TITLES,
}
_KIND_WEIGHTS = {
    Kind.CONSULTANCY: 40,
    Kind.JOB: 25,
    Kind.GRANT: 18,
    Kind.TRAINING: 12,
    Kind.OTHER: 5,
}

_TOPICS: dict[str, tuple[str, ...]] = {
    "citizen-participation": (
        "la participation citoyenne",
        "les pétitions et motions",
        "l'accès à l'information",
    ),
    "local-governance": (
        "la gouvernance locale",
        "le plan d'action communal",
        "la planification territoriale",
    ),
    "human-rights": ("les droits humains", "la lutte contre la torture", "les droits des détenus"),
    "women-gender": (
        "l'égalité de genre",
        "les violences faites aux femmes",
        "le leadership féminin",
    ),
    "children": (
        "la protection de l'enfance",
        "le travail des enfants",
        "les enfants en situation de rue",
    ),
    "youth": ("l'engagement des jeunes", "l'employabilité des jeunes", "les maisons de jeunes"),
    "disability": (
        "l'inclusion des personnes handicapées",
        "l'accessibilité",
        "l'éducation inclusive",
    ),
    "migration": ("la migration", "l'intégration des migrants", "la mobilité des jeunes"),
    "environment": (
        "le changement climatique",
        "la gestion des déchets",
        "la préservation des oasis",
    ),
    "economic-development": (
        "l'économie sociale et solidaire",
        "les coopératives féminines",
        "l'entrepreneuriat rural",
    ),
    "education-training": (
        "l'alphabétisation",
        "la lutte contre l'abandon scolaire",
        "l'éducation non formelle",
    ),
    "health": ("la santé maternelle", "la santé mentale", "l'accès aux soins en milieu rural"),
    "civil-society-strengthening": (
        "la gouvernance associative",
        "la mobilisation de fonds",
        "le plaidoyer associatif",
    ),
}
_REGION_LABELS = {
    "national": "Maroc",
    "tanger-tetouan-al-hoceima": "Tanger-Tétouan-Al Hoceïma",
    "oriental": "Oriental",
    "fes-meknes": "Fès-Meknès",
    "rabat-sale-kenitra": "Rabat-Salé-Kénitra",
    "beni-mellal-khenifra": "Béni Mellal-Khénifra",
    "casablanca-settat": "Casablanca-Settat",
    "marrakech-safi": "Marrakech-Safi",
    "draa-tafilalet": "Drâa-Tafilalet",
    "souss-massa": "Souss-Massa",
    "guelmim-oued-noun": "Guelmim-Oued Noun",
    "laayoune-sakia-el-hamra": "Laâyoune-Sakia El Hamra",
    "dakhla-oued-ed-dahab": "Dakhla-Oued Ed-Dahab",
}


def _in_region(region: str) -> str:
    if region == "national":
        return "au niveau national"
    if region == "oriental":
        return "dans la région de l'Oriental"
    return f"dans la région {_REGION_LABELS[region]}"


_DOCUMENTS = (
    "CV détaillé",
    "Lettre de motivation",
    "Note méthodologique",
    "Offre financière",
    "Proposition technique et financière",
    "Copie de la CIN",
    "Copies des diplômes",
    "Attestations de travail ou références",
    "Statuts de l'association",
    "Récépissé de dépôt définitif",
    "Rapport moral et financier de l'année précédente",
    "Chronogramme prévisionnel",
    "Budget détaillé du projet",
    "Attestation d'auto-entrepreneur",
)
_REQUIREMENT_LINES = (
    "Diplôme universitaire en sciences sociales, droit, économie ou équivalent",
    "Expérience confirmée dans l'accompagnement des associations",
    "Bonne connaissance du tissu associatif marocain",
    "Maîtrise de l'arabe et du français, l'anglais est un atout",
    "Excellentes capacités rédactionnelles et de synthèse",
    "Maîtrise des outils informatiques (Word, Excel, PowerPoint)",
    "Expérience en animation d'ateliers participatifs",
    "Connaissance des approches genre et droits humains",
    "Disponibilité pour des déplacements fréquents sur le terrain",
    "Permis de conduire B",
)
_DEGREES = {3: "Licence (Bac+3)", 5: "Master (Bac+5)", 8: "Doctorat"}

_KEY_DATE_LABELS = (
    "Atelier de lancement",
    "Session de formation",
    "Rencontre régionale",
    "Séance d'information",
    "Forum des associations",
)

# --- source text ------------------------------------------------------------------------

_CONTEXT = (
    "{org} ({acr}) est une association à but non lucratif créée en {founded}, "
    "basée à {city}, qui œuvre pour {purpose}.",
    "Depuis sa création, {acr} mène des actions de proximité auprès des populations "
    "vulnérables {in_region}.",
    "Le projet {project} s'inscrit dans le cadre de la mise en œuvre de la Constitution de "
    "2011 et de la régionalisation avancée.",
    "Le projet {project} est financé par l'Union européenne et mis en œuvre en partenariat "
    "avec des collectivités territoriales.",
    "Les lois organiques relatives aux collectivités territoriales ont consacré la "
    "démocratie participative et le rôle de la société civile.",
    "Le projet vise à renforcer les capacités des organisations de la société civile dans "
    "le domaine de {topic}.",
    "Plusieurs études ont montré la nécessité d'une meilleure coordination entre les "
    "acteurs locaux en matière de {topic}.",
    "Les territoires ciblés {in_region} connaissent des disparités importantes, "
    "notamment en milieu rural et dans les zones de montagne.",
    "Dans ce contexte, {acr} souhaite capitaliser sur les acquis de ses interventions "
    "précédentes et consolider ses partenariats.",
    "Le projet cible en priorité les femmes, les jeunes et les personnes en situation de "
    "handicap des communes rurales.",
    "L'action est menée en étroite concertation avec les services déconcentrés de l'État "
    "et les conseils communaux.",
    "Une attention particulière est accordée à l'approche genre et à l'inclusion des "
    "groupes marginalisés.",
    "Le projet couvre {count} communes pilotes réparties sur plusieurs provinces.",
    "Les résultats attendus contribueront à l'amélioration des politiques publiques "
    "locales relatives à {topic}.",
)
_OBJECTIVES = (
    "Réaliser un diagnostic participatif de la situation en matière de {topic}.",
    "Élaborer un guide pratique destiné aux associations locales.",
    "Renforcer les compétences des membres des associations partenaires.",
    "Accompagner les collectivités territoriales dans l'élaboration de leurs plans d'action.",
    "Produire des recommandations opérationnelles à l'intention des décideurs.",
    "Organiser des ateliers de restitution et de validation avec les parties prenantes.",
    "Mettre en place un dispositif de suivi et d'évaluation des activités.",
    "Documenter et diffuser les bonnes pratiques identifiées sur le terrain.",
    "Appuyer la mise en réseau des organisations actives à {city}.",
)
_TASKS = (
    "Revue documentaire et entretiens avec les acteurs clés.",
    "Conception des outils de collecte de données (questionnaires, guides d'entretien).",
    "Animation de {count} ateliers de concertation avec les associations.",
    "Rédaction d'un rapport intermédiaire et d'un rapport final.",
    "Présentation des résultats lors d'une rencontre de restitution à {city}.",
    "Coordination avec l'équipe du projet et les partenaires institutionnels.",
    "Élaboration d'un plan de formation adapté aux besoins identifiés.",
    "Suivi des indicateurs du cadre logique du projet.",
    "Préparation des rapports narratifs et financiers trimestriels.",
    "Gestion de la relation avec les bénéficiaires et les partenaires locaux.",
)
_METHOD = (
    "La mission adoptera une approche participative associant l'ensemble des parties "
    "prenantes à chaque étape.",
    "Le prestataire proposera une méthodologie détaillée précisant les outils de collecte "
    "et d'analyse des données.",
    "Des entretiens semi-directifs seront menés avec les élus, les cadres communaux et les "
    "représentants des associations.",
    "Des focus groups seront organisés avec les femmes et les jeunes dans au moins {count} "
    "communes.",
    "Les données quantitatives seront croisées avec les données qualitatives recueillies "
    "sur le terrain.",
    "Un comité de pilotage composé de représentants de {acr} et des partenaires validera "
    "chaque livrable.",
    "La mission se déroulera en trois phases : cadrage, collecte sur le terrain à {city}, "
    "puis analyse et restitution.",
    "Les outils produits devront être accessibles, en arabe et en français, et adaptés à "
    "un public peu lettré.",
    "Le calendrier d'exécution sera arrêté d'un commun accord lors de la réunion de cadrage.",
)
_DELIVERABLES = (
    "Note de cadrage méthodologique validée par le comité de pilotage.",
    "Rapport de diagnostic en version française et arabe.",
    "Guide pratique illustré, prêt à l'impression.",
    "Rapport des ateliers avec listes de présence et photos.",
    "Rapport final incluant les recommandations.",
    "Support de présentation des résultats.",
)
_CONDITIONS = (
    "La rémunération est fixée selon la grille salariale en vigueur et l'expérience du candidat.",
    "Un salaire compétitif est proposé, assorti d'une couverture médicale.",
    "Les honoraires sont payés en deux tranches, après validation des livrables.",
    "Les frais de déplacement et de transport sur le terrain sont pris en charge par le projet.",
    "Le logement et la restauration pendant les missions de terrain sont à la charge de {acr}.",
    "Le poste est basé à {city} avec des déplacements fréquents dans la région.",
    "Le télétravail est possible pour la phase de rédaction.",
    "Le contrat est un contrat à durée déterminée renouvelable selon le financement.",
    "Les langues de travail sont l'arabe et le français.",
    "Les participants sélectionnés recevront une attestation de participation.",
)
_SUBMISSION = (
    "Les dossiers de candidature doivent être envoyés par courriel à l'adresse {email}.",
    "L'objet du message doit porter la mention « {subject} ».",
    "Seuls les candidats présélectionnés seront contactés pour un entretien.",
    "Tout dossier incomplet ou parvenu après la date limite ne sera pas pris en compte.",
    "Pour toute information complémentaire, vous pouvez contacter {email}.",
    "Les candidatures féminines sont vivement encouragées.",
)


def _pick_regions(rng: random.Random) -> list[str]:
    ids = list(_REGION_WEIGHTS)
    weights = list(_REGION_WEIGHTS.values())
    first = rng.choices(ids, weights)[0]
    if first != "national" and rng.random() < 0.3:
        second = rng.choices(ids, weights)[0]
        if second not in (first, "national"):
            return [first, second]
    return [first]


def _deadline(rng: random.Random) -> datetime:
    """A deadline between two years before and one year after the benchmark day."""
    day = _NOW + timedelta(days=rng.randint(-730, 365))
    hour, minute = rng.choice(((23, 59), (23, 59), (18, 0), (17, 0), (12, 0)))
    second = 59 if (hour, minute) == (23, 59) else 0
    return datetime.fromisoformat(f"{day.isoformat()}T{hour:02d}:{minute:02d}:{second:02d}+01:00")


_MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def _french_date(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


_CONTRACTIONS = (
    (" de les ", " des "),
    (" de le ", " du "),
    (" à les ", " aux "),
    (" à le ", " au "),
    (" en la ", " dans la "),
    (" en le ", " dans le "),
    (" en les ", " dans les "),
    (" en l'", " dans l'"),
)


def _contract(text: str) -> str:
    for old, new in _CONTRACTIONS:
        text = text.replace(old, new)
    return text


def _source_text(rng: random.Random, slots: dict[str, str], call: Call) -> str:
    def fill(template: str) -> str:
        return template.format(**slots, count=rng.randint(3, 24), founded=rng.randint(1985, 2019))

    def some(pool: tuple[str, ...], low: int, high: int) -> list[str]:
        return [fill(s) for s in rng.sample(pool, min(len(pool), rng.randint(low, high)))]

    lines = [
        "TERMES DE RÉFÉRENCE" if call.kind is not Kind.JOB else "OFFRE D'EMPLOI",
        slots["org"] + f" ({slots['acr']})",
        call.title,
    ]
    if call.reference:
        lines.append(f"Référence : {call.reference}")
    lines += [f"Projet : {slots['project']}", f"Lieu : {', '.join(call.cities) or 'Maroc'}", ""]
    sections = iter(range(1, 20))

    def section(title: str) -> None:
        lines.append(f"{next(sections)}. {title}")

    def paragraphs(sentences: list[str]) -> None:
        # Real texts run sentences together in paragraphs of one to three.
        while sentences:
            take = rng.randint(1, 3)
            lines.append(" ".join(sentences[:take]))
            sentences = sentences[take:]

    section("Contexte et justification")
    paragraphs(some(_CONTEXT, 8, 14))
    section("Objectifs de la mission")
    lines += [f"- {s}" for s in some(_OBJECTIVES, 4, 8)]
    section("Méthodologie" if call.kind is not Kind.JOB else "Tâches et responsabilités")
    if call.kind is not Kind.JOB:
        paragraphs(some(_METHOD, 3, 7))
    lines += [f"- {s}" for s in some(_TASKS, 5, 10)]
    if call.kind in (Kind.CONSULTANCY, Kind.GRANT):
        section("Livrables attendus")
        lines += [f"- {s}" for s in some(_DELIVERABLES, 3, 6)]
    section("Profil recherché" if call.kind is not Kind.GRANT else "Critères d'éligibilité")
    lines += [f"- {s}" for s in call.requirements.text]
    if call.duration:
        section(f"Durée : {call.duration}")
    section("Conditions")
    lines += some(_CONDITIONS, 2, 6)
    section("Dossier de candidature")
    lines += [f"- {d}" for d in call.required_documents]
    section("Modalités de soumission")
    lines += some(_SUBMISSION, 3, 6)
    if call.deadline_text:
        lines.append(f"Date limite de dépôt des candidatures : {call.deadline_text}.")
    for key in call.key_dates:
        lines.append(f"{key.label} : le {_french_date(date.fromisoformat(key.date))}.")
    return _contract("\n".join(lines))


def _generate_one(rng: random.Random, index: int, org: tuple[str, str, tuple[str, ...]]) -> Call:
    name, acr, org_themes = org
    kind = rng.choices(list(_KIND_WEIGHTS), list(_KIND_WEIGHTS.values()))[0]
    regions = _pick_regions(rng)
    cities = [rng.choice(CITIES[r]) for r in regions if CITIES[r] and rng.random() < 0.8]
    themes = list(dict.fromkeys([*rng.sample(org_themes, 1), *rng.sample(THEME_IDS, 2)]))
    themes = themes[: rng.randint(1, 3)]
    # 30 x 20 x 20 names: most name one call, some a few (a project issues several calls).
    project = f"{rng.choice(_PROJECT_FIRST)} {rng.choice(_PROJECT_SECOND)}"
    if rng.random() < 0.8:
        project += f" {rng.randint(2, 20)}"
    topic = rng.choice(_TOPICS[themes[0]])
    dated = rng.random() < 0.88
    moment = _deadline(rng) if dated else None
    year = (moment.date() if moment else _NOW + timedelta(days=rng.randint(-400, 300))).year
    slots = {
        "org": name,
        "acr": acr,
        "project": project,
        "topic": topic,
        "city": cities[0] if cities else rng.choice(("Rabat", "Casablanca")),
        "region": _REGION_LABELS[regions[0]],
        "in_region": _in_region(regions[0]),
        "year": str(year),
        "purpose": topic,
        "email": "",
        "subject": "",
    }
    title = _contract(rng.choice(_TITLES[kind]).format(**slots))
    reference = None
    if rng.random() < 0.7:
        reference = f"{acr}/{year}/{rng.randint(1, 999):03d}"
    key_dates: list[KeyDate] = []
    if not dated or rng.random() < 0.1:
        start = _NOW + timedelta(days=rng.randint(-500, 330))
        for step in range(rng.randint(1, 3)):
            day = (start + timedelta(days=7 * step)).isoformat()
            key_dates.append(KeyDate(day, rng.choice(_KEY_DATE_LABELS)))
    domain = acr.lower()
    emails = [
        rng.choice(
            (
                f"recrutement@{domain}.org",
                f"{domain}.contact@gmail.com",
                f"candidatures@{domain}.ma",
            )
        )
    ]
    if rng.random() < 0.2:
        emails.append(f"direction@{domain}.org")
    subject = reference or (f"Candidature {project}" if rng.random() < 0.5 else None)
    degree = rng.choice((None, 3, 5, 5, 5, 8))
    experience = rng.choice((None, 2, 3, 3, 5, 5, 7, 10))
    if kind is Kind.GRANT:
        degree = experience = None
    req_text = []
    if degree:
        req_text.append(f"Diplôme de niveau {_DEGREES[degree]} minimum dans un domaine pertinent")
    if experience:
        req_text.append(f"Au moins {experience} ans d'expérience professionnelle en {topic}")
    req_text += rng.sample(_REQUIREMENT_LINES, rng.randint(2, 5))
    legal = ["auto-entrepreneur"] if kind is Kind.CONSULTANCY and rng.random() < 0.15 else []
    if kind is Kind.GRANT:
        legal = ["association"] if rng.random() < 0.5 else []
    deadline_text = None
    if moment:
        deadline_text = f"au plus tard le {_french_date(moment.date())}"
        if moment.hour != 23:
            deadline_text += f" à {moment.hour}h00"
    call = Call(
        id=f"{domain}-{kind}-{year}-{index:05d}",
        title=title,
        reference=reference,
        kind=kind,
        organization=f"{name} ({acr})",
        partners=rng.sample([o for o, _, _ in _FOREIGN_ORGS], rng.randint(0, 2)),
        summary=f"{title}. Projet {project}, {topic}.",
        regions=regions,
        cities=cities,
        themes=themes,
        deadline=moment.isoformat() if moment else None,
        deadline_text=deadline_text,
        key_dates=key_dates,
        duration=rng.choice(
            (
                None,
                "3 mois",
                "6 mois",
                "12 mois renouvelables",
                "20 jours",
                "45 jours ouvrables",
                "2 jours",
            )
        ),
        languages_of_work=rng.choice(([], ["fr"], ["ar", "fr"], ["ar"])),
        submission=Submission(emails=emails, subject=subject),
        required_documents=rng.sample(_DOCUMENTS, rng.randint(2, 5)),
        requirements=Requirements(
            text=req_text,
            min_degree_years=degree,
            min_years_experience=experience,
            languages=rng.choice(([], ["fr", "ar"], ["fr", "ar", "en"])),
            legal_status=legal,
        ),
        contact=emails[0],
        aliases=[acr, project],
        closed_manually=rng.random() < 0.01,
    )
    slots["email"] = emails[0]
    slots["subject"] = subject or f"Candidature {acr}"
    call.source_text = _source_text(rng, slots, call)
    return call


def generate_calls(n: int, seed: int = 0) -> list[Call]:
    """The five demo calls followed by `n - 5` generated ones (n calls in all)."""
    calls = demo_calls()[:n]
    rng = random.Random(seed)
    orgs = _organizations(rng)
    # Organisations publish unevenly: a few publish a lot, most a little.
    weights = [1.0 / (1 + rank) ** 0.6 for rank in range(len(orgs))]
    for index in range(n - len(calls)):
        org = rng.choices(orgs, weights)[0]
        calls.append(_generate_one(rng, index, org))
    return calls


def organizations(seed: int = 0) -> list[tuple[str, str, tuple[str, ...]]]:
    """The organisation pool generate_calls draws from: (name, acronym, themes)."""
    return _organizations(random.Random(seed))
