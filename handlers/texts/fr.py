"""French message catalog. Keys are shared with ar.py; a test checks both have the same."""

MESSAGES: dict[str, str] = {
    # Small talk
    "greeting": (
        "Bonjour ! Je suis Forsa (فرصة), l'assistant des appels pour la société civile "
        "marocaine.\nJe peux vous dire :\n"
        "• quels appels sont ouverts (par région, ville, thème ou type) ;\n"
        "• la date limite d'un appel, les pièces à envoyer, l'adresse et l'objet du mail ;\n"
        "• si votre profil correspond (« j'ai un master et 3 ans d'expérience ») ;\n"
        "• le lieu, les dates, la durée, la langue de travail.\n"
        "Essayez : « appels ouverts », « appels dans l'Oriental » ou le nom d'un appel."
    ),
    "help": (
        "Voici ce que je sais faire :\n"
        "• « appels ouverts », « appels à Tiznit », « appels sur les droits humains », "
        "« appels de la semaine » ;\n"
        "• sur un appel : « date limite ? », « pièces à fournir ? », « adresse mail ? », "
        "« suis-je éligible ? », « c'est où ? », « durée ? », « langue ? » ;\n"
        "• /langue pour passer à l'arabe (بالعربية)."
    ),
    "thanks": "Avec plaisir ! Bonne chance pour vos candidatures. 🌱",
    "goodbye": "Au revoir, et bonne chance !",
    "off_topic": (
        "Je ne connais que les appels pour la société civile (consultances, offres "
        "d'emploi, appels à projets). Demandez-moi par exemple « appels ouverts » ou la "
        "date limite d'un appel."
    ),
    "empty": "Je n'ai pas reçu de texte. Écrivez par exemple « appels ouverts » ou « aide ».",
    "too_long": "Votre message est très long : je n'en ai lu que le début.",
    "lang_set": "C'est noté, je vous réponds désormais en français.",
    "lang_choose": "Dans quelle langue voulez-vous que je réponde ?",
    "error": "Désolé, un problème m'a empêché de répondre. Réessayez dans un instant.",
    "not_understood": "Je n'ai pas compris votre réponse.",
    "unknown_button": "Ce bouton n'est plus valable. Que voulez-vous savoir ?",
    # Finding a call
    "which_call": "De quel appel parlez-vous ? Choisissez-en un ou écrivez son nom :",
    "which_call_none": (
        "De quel appel parlez-vous ? Donnez-moi son nom, son organisation ou sa référence."
    ),
    "call_gone": "Cet appel n'est plus dans le catalogue.",
    "ambiguous": "Plusieurs appels correspondent. Lequel ?",
    # Listings
    "list_open": "Appels ouverts{filters} ({count}) :",
    "list_open_none": "Aucun appel ouvert{filters} pour le moment.",
    "list_item_open": "• {title} — {org}\n  Date limite : {deadline} ({left})",
    "list_item_undated": "• {title} — {org}\n  {note}",
    "list_undated": "Sans date limite indiquée dans le texte :",
    "list_closed": "Appels fermés{filters} ({count}) :",
    "list_closed_none": "Aucun appel fermé{filters} dans le catalogue.",
    "list_item_closed": "• {title} — {org}\n  Fermé depuis le {closed}",
    "list_also_closed": "Déjà fermé{filters} : {items}.",
    "closed_label": "{name} (fermé le {date})",
    "list_more": "… et {count} autre(s). Précisez une région, un thème ou un type.",
    "list_suggest": "Demandez « appels ouverts » pour voir tout ce qui est ouvert.",
    "filter_region": " en {name}",
    "filter_city": " à {name}",
    "filter_theme": " sur le thème « {name} »",
    "filter_week": " cette semaine",
    "filter_month": " ce mois-ci",
    "filter_kind_consultancy": " (consultances)",
    "filter_kind_job": " (offres d'emploi)",
    "filter_kind_grant": " (appels à projets)",
    "filter_kind_training": " (formations)",
    "filter_kind_other": "",
    "left_days": "{days} restants",
    "left_day": "1 jour restant",
    "left_today": "dernier jour aujourd'hui",
    "undated_with_date": "aucune date limite indiquée ; {label} le {date}",
    "undated_plain": "aucune date limite indiquée",
    # One call
    "card": "{title}\n{org}{place}\n{status}",
    "card_place": " — {place}",
    "card_more": "Demandez-moi : date limite, pièces à fournir, comment postuler, éligibilité.",
    "status_open": "Ouvert jusqu'au {deadline} ({left}).",
    "status_closed": "Fermé depuis le {closed}.",
    "status_closed_manual": "Fermé (retiré ou clôturé par l'équipe).",
    "status_unknown": "Le texte n'indique pas de date limite.",
    "deadline_open": "{title} : date limite le {deadline} — {left}.",
    "deadline_today": "{title} : c'est aujourd'hui le dernier jour ({deadline}).",
    "deadline_closed": "{title} : l'appel est fermé depuis le {deadline} ({ago}).",
    "deadline_none": "{title} : le texte de l'appel n'indique pas de date limite.",
    "deadline_none_contact": "Pour la connaître, écrivez à : {contact}",
    "deadline_none_no_contact": "Le texte ne donne pas non plus de contact à qui la demander.",
    "ago_days": "il y a {days}",
    "key_dates": "Dates prévues : {dates}",
    "documents": "{title} — pièces à fournir :\n{items}",
    "documents_none": "{title} : le texte ne liste pas les pièces à fournir.",
    "submission": "{title} — comment postuler :",
    "submission_emails": "• Par e-mail à : {emails}",
    "submission_subject": "• Objet du mail : « {subject} »",
    "submission_post": "• Par courrier : {address}",
    "submission_url": "• En ligne : {url}",
    "submission_none": "{title} : le texte n'indique ni adresse ni moyen de candidature.",
    "submission_deadline": "Date limite : {deadline}.",
    "submission_closed": "Attention : cette offre est fermée depuis le {deadline}.",
    "place": "{title} — lieu : {place}",
    "place_none": "{title} : le texte n'indique pas de lieu précis.",
    "place_regions": "Région(s) : {regions}",
    "dates_none": "{title} : le texte ne donne pas de dates d'activité.",
    "duration": "{title} — durée : {duration}",
    "duration_none": "{title} : le texte ne précise pas la durée.",
    "languages": "{title} — langue(s) de travail : {languages}",
    "languages_none": "{title} : le texte ne précise pas la langue de travail.",
    "languages_required": "Langues exigées du candidat : {languages}",
    "reference": "{title} — référence : {reference}",
    "reference_none": "{title} : le texte ne donne pas de référence.",
    "summary": "{title} — {org}\n{summary}",
    "contact": "{title} — contact : {contact}",
    "contact_none": "{title} : le texte ne donne pas de contact.",
    "requirements": "{title} — profil demandé :\n{items}",
    "requirements_none": "{title} : le texte ne décrit pas de profil particulier.",
    "quote_intro": "Voici ce que dit le texte (cité tel quel) :",
    "quote_none": (
        "{title} : je ne trouve pas cette information dans le texte de l'appel.{contact}"
    ),
    "quote_contact": " Vous pouvez demander à : {contact}",
    "remind_label": "Date limite",
    "docs_label": "Pièces",
    "apply_label": "Postuler",
    "elig_label": "Suis-je éligible ?",
    # Eligibility
    "elig_verdict_yes": "{title} : d'après ce que vous m'avez dit, votre profil correspond.",
    "elig_verdict_no": "{title} : d'après ce que vous m'avez dit, votre profil ne correspond pas.",
    "elig_verdict_partial": "{title} : voici ce que je peux vérifier.",
    "elig_degree_ok": "diplôme : {have} (demandé : {need})",
    "elig_degree_ko": "diplôme : {have}, mais le texte demande {need}",
    "elig_exp_ok": "expérience : {have} an(s) (demandé : au moins {need})",
    "elig_exp_ko": "expérience : {have} an(s), mais le texte demande au moins {need} ans",
    "elig_status_ok": "statut : {need}",
    "elig_status_ko": "le texte exige le statut {need} ; vous m'avez dit « {have} »",
    "elig_status_quote": "Le texte dit : « {quote} »",
    "elig_check_yourself": "À vérifier vous-même dans le texte :\n{items}",
    "elig_no_criteria": (
        "{title} : le texte ne donne pas de critère chiffré (diplôme, années d'expérience)."
    ),
    "ask_degree": "Quel est votre plus haut diplôme ?",
    "ask_experience": "Combien d'années d'expérience professionnelle avez-vous ?",
    "ask_status": "Avez-vous le statut {status} ?",
    "deg_bac": "Bac ou moins",
    "deg_licence": "Licence (Bac+3)",
    "deg_master": "Master (Bac+5)",
    "deg_doctorat": "Doctorat",
    "exp_0": "Moins d'1 an",
    "exp_1": "1 an",
    "exp_2": "2 ans",
    "exp_3": "3 à 4 ans",
    "exp_5": "5 à 9 ans",
    "exp_10": "10 ans ou plus",
    "yes": "Oui",
    "no": "Non",
    "degree_name_3": "une licence (Bac+3)",
    "degree_name_4": "un Bac+4",
    "degree_name_5": "un master (Bac+5)",
    "degree_name_8": "un doctorat",
    "degree_name_0": "le bac ou moins",
    "degree_name_2": "un Bac+2",
    "status_yes": "oui",
    "status_no": "non",
    # Subscriptions
    "sub_regions": (
        "Abonnement — étape 1/3 : quelles régions ? Touchez pour cocher ou décocher, "
        "puis « Suivant »."
    ),
    "sub_themes": "Étape 2/3 : quels thèmes ? Touchez pour cocher, puis « Suivant ».",
    "sub_frequency": "Étape 3/3 : à quel rythme voulez-vous recevoir les appels ?",
    "sub_confirm": (
        "Votre abonnement :\n• Régions : {regions}\n• Thèmes : {themes}\n• Rythme : "
        "{frequency}\nJe confirme ?"
    ),
    "sub_done": (
        "C'est fait ✅ Vous recevrez les appels qui correspondent, et un rappel avant "
        "chaque date limite (7 jours et 1 jour avant).\n{open}\n"
        "/mes_abonnements pour voir ou changer, STOP pour tout arrêter."
    ),
    "sub_open_now": "{count} appel(s) ouvert(s) correspondent déjà : écrivez « appels ouverts ».",
    "sub_open_none": "Aucun appel ouvert ne correspond pour l'instant.",
    "sub_cancelled": "Abonnement annulé, rien n'a été enregistré.",
    "sub_next": "Suivant ➡",
    "sub_ok": "✅ Confirmer",
    "sub_cancel": "Annuler",
    "sub_all_regions": "Tout le Maroc",
    "sub_all_themes": "Tous les thèmes",
    "freq_instant": "Chaque nouvel appel, tout de suite",
    "freq_daily": "Un résumé par jour",
    "freq_weekly": "Un résumé par semaine (lundi)",
    "my_subs": "Vos abonnements :",
    "my_subs_item": "{n}. Régions : {regions} — Thèmes : {themes} — {frequency}",
    "my_subs_none": "Vous n'avez pas d'abonnement. /abonner pour en créer un.",
    "my_follows": "Appels suivis (rappels avant la date limite) :",
    "sub_delete": "Supprimer {n}",
    "sub_change": "Rythme {n}",
    "sub_new": "Nouvel abonnement",
    "sub_deleted": "Abonnement supprimé.",
    "sub_freq_changed": "Rythme changé : {frequency}.",
    "unfollow": "Ne plus suivre : {name}",
    "unfollowed": "Vous ne suivez plus cet appel.",
    # Following a call
    "follow_label": "🔔 Me rappeler",
    "followed": (
        "C'est noté : je vous rappellerai la date limite de « {title} » "
        "({days} avant le {deadline})."
    ),
    "followed_no_deadline": (
        "C'est noté : vous suivez « {title} ». Le texte ne donne pas de date limite ; "
        "je vous écrirai si elle est annoncée."
    ),
    "follow_closed": "Cet appel est fermé : il n'y a plus de date limite à rappeler.",
    # Privacy and opting out
    "stopped": (
        "C'est arrêté : vous ne recevrez plus aucun message de ma part, ni alerte ni "
        "rappel. Vos abonnements sont gardés en pause. Pour revenir, écrivez START. "
        "Pour tout effacer : /oublier."
    ),
    "restarted": "Bon retour ! Vos alertes et rappels reprennent.",
    "still_stopped": "(Vos alertes sont en pause : écrivez START pour les reprendre.)",
    "my_data": "Voici tout ce que je garde sur vous :",
    "my_data_contact": (
        "• Canal : {channel}, identifiant : {address}, langue : {language}, état : {status}"
    ),
    "my_data_dates": "• Premier message : {created}, dernier : {seen}",
    "my_data_profile": "• Profil déclaré : {profile}",
    "my_data_call": "• Appel en cours de discussion : {call}",
    "my_data_subs": "• Abonnements : {count}",
    "my_data_follows": "• Appels suivis : {count}",
    "my_data_outbox": "• Messages en attente d'envoi : {count}",
    "my_data_forget": "Pour tout effacer : /oublier (loi 09-08 sur les données personnelles).",
    "forget_confirm": (
        "Voulez-vous vraiment effacer tout ce que je garde sur vous (langue, abonnements, "
        "appels suivis, conversation) ? C'est définitif."
    ),
    "forget_yes": "Oui, tout effacer",
    "forget_no": "Non, garder",
    "forgotten": "C'est effacé. Je n'ai plus rien sur vous. Au revoir, et bonne chance !",
    "forget_kept": "Rien n'a été effacé.",
    # Proactive messages
    "reminder": "⏰ Rappel : {title} — {org}\nDate limite : {deadline} ({left}).",
    "new_call": "🆕 Nouvel appel : {title} — {org}{place}\n{status}",
    "digest_daily": "📬 Les nouveaux appels du jour pour vous :",
    "digest_weekly": "📬 Les nouveaux appels de la semaine pour vous :",
    "digest_item": "• {title} — {org} — {status}",
    "proactive_footer": "(STOP pour ne plus rien recevoir)",
    "share_link": "Lien à partager : {link}",
    # Language names
    "lang_fr": "français",
    "lang_ar": "arabe",
    "lang_en": "anglais",
}
