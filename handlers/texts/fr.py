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
    "list_item_closed": "• {title} — {org}\n  {status}",
    "list_also_closed": "Déjà fermé{filters} : {items}.",
    "closed_label": "{name} (fermé le {date})",
    "list_subscribe_hint": (
        "Pour être prévenu dès qu'un appel paraît, abonnez-vous : /abonner. "
        "Les appels passés : « appels fermés »."
    ),
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
    "status_past_event": "Pas de date limite dans le texte ; sa dernière date est passée"
    " ({label}, {date}).",
    "status_closed": "Fermé depuis le {closed}.",
    "status_closed_manual": "Fermé (retiré ou clôturé par l'équipe).",
    "status_unknown_with_date": "Le texte n'indique pas de date limite ; {label} le {date}.",
    "status_unknown": "Le texte n'indique pas de date limite.",
    "deadline_open": "{title} : date limite le {deadline} — {left}.",
    "deadline_today": "{title} : c'est aujourd'hui le dernier jour ({deadline}).",
    "deadline_closed": "{title} : l'appel est fermé depuis le {deadline} ({ago}).",
    "deadline_as_written": "« {phrase} »",
    "status_unsure": "Date limite à vérifier : {phrase}.",
    "left_unsure": "date à vérifier",
    "deadline_unsure": (
        "{title} : je ne suis pas sûr de la date limite ; le texte dit :\n« {quote} »\n{contact}"
    ),
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
    "from_french": "",
    "from_french_original": "",
    "applicants": "Peuvent candidater : {statuses}.",
    "requirements_none": "{title} : le texte ne décrit pas de profil particulier.",
    "quote_intro": "Voici ce que dit le texte (cité tel quel{source}) :",
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
    "status_or": "{names} ou {last}",
    "status_name_association": "association",
    "status_name_cooperative": "coopérative",
    "status_name_network": "réseau ou fédération d'associations",
    "status_name_consulting-firm": "bureau d'études",
    "status_name_individual": "consultant(e) individuel(le)",
    "status_name_auto-entrepreneur": "auto-entrepreneur",
    "status_name_company": "entreprise",
    "status_name_legal-entity": "personne morale",
    "status_name_local-authority": "collectivité territoriale",
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
        "chaque date limite ({days} avant).\n{open}\n"
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
    "stop_confirm": "Voulez-vous ne plus recevoir aucun message de Forsa (alertes et rappels) ?",
    "stop_yes": "Oui, arrêter",
    "stop_no": "Non, continuer",
    "stop_kept": "Entendu, vous continuez à recevoir vos alertes.",
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
    # Broadcast and statistics
    "bc_start": (
        "📢 Nouvelle diffusion. Dans quelle langue écrivez-vous le message ? Chaque abonné "
        "reçoit sa langue ; s'il n'y a qu'une version, tout le monde reçoit celle-là."
    ),
    "bc_mode_fr": "Français seulement",
    "bc_mode_ar": "Arabe seulement",
    "bc_mode_both": "Les deux",
    "bc_abandon": "Annuler",
    "bc_abandoned": "Diffusion abandonnée : rien n'a été envoyé.",
    "bc_type_fr": "Écrivez le texte en français (un seul message).",
    "bc_type_ar": "Écrivez le texte en arabe (un seul message).",
    "bc_texts": "Votre message :",
    "bc_one_version": "(Une seule version : tous les abonnés la recevront, en {language}.)",
    "bc_audience": "À qui l'envoyer ? Public choisi : {audience}.",
    "bc_everyone": "Tout le monde",
    "bc_by_region": "Régions",
    "bc_by_theme": "Thèmes",
    "bc_by_lang": "Langue",
    "bc_by_channel": "Canal",
    "bc_check": "Vérifier avant l'envoi",
    "bc_done_choosing": "OK",
    "bc_pick_regions": "Quelles régions ? (Les abonnés à tout le Maroc sont inclus.)",
    "bc_pick_themes": "Quels thèmes ? (Les abonnés à tous les thèmes sont inclus.)",
    "bc_pick_lang": "Quelle langue d'abonnés ?",
    "bc_pick_channel": "Quel canal ?",
    "bc_any": "Tous",
    "bc_opt_fr": "Français",
    "bc_opt_ar": "Arabe",
    "channel_telegram": "Telegram",
    "channel_whatsapp": "WhatsApp",
    "bc_aud_everyone": "tous les abonnés",
    "bc_aud_regions": "régions : {names}",
    "bc_aud_themes": "thèmes : {names}",
    "bc_aud_lang": "langue : {name}",
    "bc_aud_channel": "canal : {name}",
    "bc_pre_title": "Avant d'envoyer — public : {audience}",
    "bc_pre_audience": "Abonnés concernés : {n}",
    "bc_pre_channel": "• {channel} : {n} le recevront",
    "bc_pre_receiving": "Total : {n} message(s) à envoyer.",
    "bc_pre_excluded": "Ne le recevront pas :",
    "bc_pre_stopped": "• {n} désabonné(s) (STOP)",
    "bc_pre_blocked": "• {n} injoignable(s) (ont bloqué le bot ou quitté le canal)",
    "bc_pre_window": (
        "• {n} sur WhatsApp silencieux depuis plus de 24 h, sans modèle approuvé "
        "broadcast/{code}"
    ),
    "bc_pre_quiet": "⏳ Heures calmes : les {n} messages partiront le {when}.",
    "bc_pre_nobody": "Personne ne recevrait ce message : changez le public.",
    "bc_confirm": "Confirmer l'envoi",
    "bc_change_audience": "Modifier le public",
    "bc_header": "📢 Message de l'équipe Forsa :",
    "bc_started": "Diffusion n°{id} lancée : {n} message(s) en file d'envoi.",
    "bc_refresh": "Où en est-on ?",
    "bc_cancel": "Arrêter la diffusion",
    "bc_none": "Aucune diffusion pour l'instant.",
    "bc_unknown": "Pas de diffusion n°{id}.",
    "bc_progress": "Diffusion n°{id} — {status}",
    "bc_final": "Diffusion n°{id} — {status}. Résultat final :",
    "bc_status_sending": "en cours",
    "bc_status_done": "terminée",
    "bc_status_cancelled": "arrêtée",
    "bc_counts": (
        "envoyés {sent}, en attente {pending}, échecs {failed}, injoignables {blocked}, "
        "ignorés {skipped} (sur {total})"
    ),
    "bc_counts_excluded": "{n} exclu(s) avant l'envoi, sur {audience} abonné(s) visé(s).",
    "bc_delivery": "Accusés WhatsApp : {counts}",
    "bc_not_running": "La diffusion n°{id} n'est plus en cours.",
    "bc_cancelled": "Diffusion n°{id} arrêtée : {n} message(s) en attente ne partiront pas.",
    "stats_title": "📊 Statistiques Forsa — {date}",
    "stats_subscribers": "Abonnés actifs : {n}",
    "stats_by_channel": "• par canal : {items}",
    "stats_by_lang": "• par langue : {items}",
    "stats_paused": "En pause : {stopped} désabonné(s) (STOP), {blocked} injoignable(s)",
    "stats_by_region": "Par région : {items}",
    "stats_by_theme": "Par thème : {items}",
    "stats_week": "Ces 7 derniers jours :",
    "stats_week_new": "• nouveaux abonnements : {subs} ({contacts} personne(s))",
    "stats_week_lost": (
        "• départs : {stopped} STOP, {blocked} injoignable(s), {forgotten} effacé(s) (/oublier)"
    ),
    "stats_forgotten_note": (
        "  (les personnes effacées ne laissent qu'un compteur anonyme par jour, tenu "
        "depuis la mise en place des statistiques)"
    ),
    "stats_delivery": "Envois des 7 derniers jours, par type :",
    "stats_kind_reminder": "Rappels",
    "stats_kind_new_call": "Nouveaux appels",
    "stats_kind_digest": "Résumés",
    "stats_kind_notice": "Avis",
    "stats_kind_broadcast": "Diffusions",
    "stats_kind_line": (
        "• {kind} : envoyés {sent}, échecs {failed}, ignorés {skipped}, en attente {pending}"
    ),
    "stats_reasons": "  motifs : {items}",
    "stats_reports": "  accusés WhatsApp : {items}",
    "stats_nothing_sent": "• rien à signaler",
    "stats_broadcasts": "Dernières diffusions :",
    "stats_broadcast_line": (
        "• n°{id} ({status}) : envoyés {sent}, échecs {failed}, injoignables {blocked}, "
        "ignorés {skipped}, en attente {pending}, exclus {excluded}"
    ),
    "stats_chart_note": "Graphique : étiquettes en français.",
    "stats_refresh": "Actualiser",
    "reason_stopped": "désabonné",
    "reason_blocked": "injoignable",
    "reason_closed": "appel clos ou retiré",
    "reason_deadline": "date limite changée",
    "reason_cancelled": "diffusion arrêtée",
    "reason_window": "hors fenêtre WhatsApp sans modèle",
    "chart_regions": "Abonnés actifs par région",
    "chart_themes": "Abonnés actifs par thème",
    "chart_audience": "Abonnés actifs par langue et canal",
    "chart_delivery": "Envois des 7 derniers jours",
    "chart_sent": "envoyés",
    "chart_failed": "échecs",
    "chart_skipped": "ignorés",
    "chart_pending": "en attente",
    # Staff
    "staff_role_admin": "administrateur",
    "staff_role_editor": "éditeur",
    "staff_admin_only": "Réservé aux administrateurs de Forsa.",
    "staff_list_head": "Équipe Forsa ({count}) :",
    "staff_list_item": "• {channel} {address} — {role}{origin}",
    "staff_origin_settings": " (réglages, non modifiable ici)",
    "staff_commands": (
        "Commandes de l'équipe : /publier (ou envoyez un document), /fermer ID, "
        "/prolonger ID DATE, /retirer ID, /diffuser, /stats ; administrateurs : /staff, "
        "/staff_ajouter CANAL ID RÔLE, /staff_retirer CANAL ID."
    ),
    "staff_usage_add": (
        "Usage : /staff_ajouter <telegram|whatsapp|console> <identifiant> <admin|editor>"
    ),
    "staff_usage_remove": "Usage : /staff_retirer <telegram|whatsapp|console> <identifiant>",
    "staff_bad_address": "⚠ Identifiant {channel} invalide : « {address} ».",
    "staff_added": "✔ {channel} {address} est maintenant {role}.",
    "staff_removed": "✔ {channel} {address} ne fait plus partie de l'équipe.",
    "staff_not_member": "{channel} {address} ne fait pas partie de l'équipe ajoutée ici.",
    "staff_from_settings": (
        "⚠ {channel} {address} est défini dans les réglages (FORSA_STAFF_*) : "
        "cela ne se change pas dans le chat."
    ),
    "staff_last_admin": "⚠ C'est le dernier administrateur : ajoutez-en un autre d'abord.",
    "staff_publish_prompt": (
        "Envoyez le document de l'appel (PDF, DOCX ou TXT), ou collez son texte après "
        "/publier."
    ),
    "staff_read_error": "⚠ Je n'ai pas pu lire ce document : {reason}",
    "staff_file_unavailable": (
        "⚠ {name} : fichier vide, de plus de 10 Mo, ou impossible à télécharger."
    ),
    "staff_already_published": (
        "Cet appel est déjà publié (id : {id}). Pour le changer : /prolonger, /fermer "
        "ou /retirer."
    ),
    "staff_review_head": "📝 Brouillon, pas encore publié — id : {id}",
    "staff_review_hint": (
        "Pour corriger, écrivez « champ : valeur » (une ligne par champ), par exemple "
        "« date limite : 30/01/2025 17h », « email : x@y.org », « régions : Souss-Massa, "
        "Oriental » ; « - » efface un champ. Puis « Publier »."
    ),
    "staff_field_line": "• {label} : {value}",
    "staff_unsure": "   ⚠ incertain, à vérifier — lu dans : « {line} »",
    "staff_missing": "—",
    "staff_field_title": "Titre",
    "staff_field_reference": "Référence",
    "staff_field_organization": "Organisation",
    "staff_field_kind": "Type",
    "staff_field_deadline": "Date limite",
    "staff_field_places": "Régions / villes",
    "staff_field_themes": "Thèmes",
    "staff_field_emails": "E-mails de candidature",
    "staff_field_subject": "Objet du mail",
    "staff_field_address": "Adresse postale",
    "staff_field_documents": "Pièces à fournir",
    "staff_field_requirements": "Profil demandé",
    "staff_field_duration": "Durée",
    "staff_field_languages": "Langues de travail",
    "staff_field_contact": "Contact",
    "staff_kind_consultancy": "consultance",
    "staff_kind_job": "offre d'emploi",
    "staff_kind_grant": "appel à projets / subvention",
    "staff_kind_training": "formation",
    "staff_kind_other": "autre",
    "staff_national": "tout le Maroc",
    "staff_deadline_value": "{deadline} (« {phrase} »)",
    "staff_flag_deadline": "⚠ pas de date limite",
    "staff_flag_past": "⚠ date limite déjà passée",
    "staff_flag_email": "⚠ pas d'e-mail",
    "staff_flag_organization": "⚠ pas d'organisation",
    "staff_btn_publish": "Publier",
    "staff_btn_edit": "Corriger : {label}",
    "staff_btn_drop": "Supprimer le brouillon",
    "staff_btn_confirm": "✅ Oui, publier",
    "staff_btn_back": "Continuer à corriger",
    "staff_ask_value": "Nouvelle valeur pour « {label} » ? (« - » pour l'effacer)",
    "staff_corrected": "✔ Corrigé : {labels}.",
    "staff_bad_value": "⚠ « {value} » ne convient pas pour « {label} ».",
    "staff_bad_date": "⚠ Date non comprise : « {value} ». Exemple : 30/01/2025 17h.",
    "staff_confirm_publish": "Publier « {title} » ?\nAbonnés concernés : {total}{channels}.",
    "staff_confirm_instant": (
        "{count} recevront l'alerte dès la publication, les autres dans leur résumé."
    ),
    "staff_confirm_none": (
        "Aucun abonné ne correspond pour l'instant : l'appel sera visible par tous."
    ),
    "staff_published": (
        "✅ Publié : « {title} » (id : {id}). Les abonnés concernés sont alertés au prochain "
        "passage du planificateur (dans la minute, hors heures calmes)."
    ),
    "staff_no_draft": "Aucun brouillon en cours. Envoyez un document ou /publier suivi du texte.",
    "staff_draft_dropped": "Brouillon supprimé.",
    "staff_usage_close": "Usage : /fermer <id de l'appel>",
    "staff_usage_extend": "Usage : /prolonger <id de l'appel> <date>, par ex. 30/01/2025 17h",
    "staff_usage_withdraw": "Usage : /retirer <id de l'appel>",
    "staff_unknown_call": "Aucun appel avec l'id « {id} ».",
    "staff_confirm_close": "Fermer « {title} » ? Il n'y aura plus de rappels.",
    "staff_confirm_withdraw": (
        "Retirer « {title} » (publié par erreur) ? Il disparaîtra pour les utilisateurs, "
        "sans rappel ni alerte."
    ),
    "staff_btn_close": "Oui, fermer",
    "staff_btn_withdraw": "Oui, retirer",
    "staff_btn_keep": "Non",
    "staff_kept": "Rien n'a changé.",
    "staff_closed": "🔒 Fermé : « {title} ». Plus aucun rappel pour cet appel.",
    "staff_already_closed": "« {title} » est déjà fermé.",
    "staff_extended": (
        "📅 « {title} » : nouvelle date limite le {deadline}. Prévenus : {count} "
        "utilisateur(s) qui le suivent ; les rappels suivent la nouvelle date."
    ),
    "staff_extend_past": "⚠ Cette date est déjà passée : {deadline}.",
    "staff_withdrawn": (
        "↩ Retiré : « {title} » n'est plus visible ; aucun rappel ni alerte ne partira."
    ),
    "staff_not_published": "« {title} » n'est pas publié : rien à retirer.",
    "notice_extended": (
        "📅 Date limite prolongée : {title} — {org}\nNouvelle date limite : {deadline} ({left})."
    ),
}
