"""Arabic message catalog (clear MSA that Darija speakers read easily)."""

MESSAGES: dict[str, str] = {
    # Small talk
    "greeting": (
        "مرحبا! أنا فرصة (Forsa)، مساعد طلبات العروض والترشيحات للمجتمع المدني المغربي.\n"
        "يمكنني أن أخبرك بـ:\n"
        "• الطلبات المفتوحة (حسب الجهة أو المدينة أو الموضوع أو النوع)؛\n"
        "• آخر أجل لكل طلب، والوثائق المطلوبة، والعنوان وموضوع الرسالة؛\n"
        "• هل يناسب ملفك الطلب (« عندي ماستر و3 سنوات ديال الخبرة »)؛\n"
        "• المكان والتواريخ والمدة ولغة العمل.\n"
        "جرب: « العروض المفتوحة »، « عروض في جهة الشرق » أو اسم طلب."
    ),
    "help": (
        "هذا ما يمكنني فعله:\n"
        "• « العروض المفتوحة »، « عروض في تيزنيت »، « عروض حول حقوق الإنسان »، "
        "« عروض هذا الأسبوع »؛\n"
        "• عن طلب معين: « آخر أجل؟ »، « الوثائق المطلوبة؟ »، « فين نصيفط الملف؟ »، "
        "« واش نقدر نترشح؟ »، « فين؟ »، « المدة؟ »، « اللغة؟ »؛\n"
        "• /langue للتحويل إلى الفرنسية (en français)."
    ),
    "thanks": "العفو! بالتوفيق في ترشيحاتك. 🌱",
    "goodbye": "مع السلامة، وبالتوفيق!",
    "off_topic": (
        "أنا لا أعرف إلا طلبات العروض والترشيحات الموجهة للمجتمع المدني (استشارات، عروض "
        "شغل، طلبات مشاريع). اسألني مثلا « العروض المفتوحة » أو عن آخر أجل لطلب ما."
    ),
    "empty": "لم أتوصل بأي نص. اكتب مثلا « العروض المفتوحة » أو « مساعدة ».",
    "too_long": "رسالتك طويلة جدا: قرأت بدايتها فقط.",
    "lang_set": "حسنا، سأجيبك من الآن بالعربية.",
    "lang_choose": "بأي لغة تريد أن أجيبك؟",
    "error": "عذرا، حدث مشكل منعني من الجواب. حاول مرة أخرى بعد قليل.",
    "not_understood": "لم أفهم جوابك.",
    "unknown_button": "هذا الزر لم يعد صالحا. ماذا تريد أن تعرف؟",
    # Finding a call
    "which_call": "عن أي طلب تتحدث؟ اختر واحدا أو اكتب اسمه:",
    "which_call_none": "عن أي طلب تتحدث؟ أعطني اسمه أو اسم الجهة التي نشرته أو مرجعه.",
    "call_gone": "هذا الطلب لم يعد في القائمة.",
    "ambiguous": "هناك عدة طلبات تناسب كلامك. أيها تقصد؟",
    # Listings
    "list_open": "الطلبات المفتوحة{filters} ({count}):",
    "list_open_none": "لا يوجد حاليا أي طلب مفتوح{filters}.",
    "list_item_open": "• {title} — {org}\n  آخر أجل: {deadline} ({left})",
    "list_item_undated": "• {title} — {org}\n  {note}",
    "list_undated": "بدون آخر أجل مذكور في النص:",
    "list_closed": "الطلبات المغلقة{filters} ({count}):",
    "list_closed_none": "لا يوجد أي طلب مغلق{filters} في القائمة.",
    "list_item_closed": "• {title} — {org}\n  {status}",
    "list_also_closed": "مغلق سلفا{filters}: {items}.",
    "closed_label": "{name} (مغلق منذ {date})",
    "list_subscribe_hint": (
        "لتتوصل بكل طلب جديد فور صدوره، اشترك: « اشتراك » أو /abonner. "
        "الطلبات السابقة: « العروض المغلقة »."
    ),
    "list_more": "… و{count} أخرى. حدد جهة أو موضوعا أو نوعا.",
    "list_suggest": "اكتب « العروض المفتوحة » لترى كل ما هو مفتوح.",
    "filter_region": " في جهة {name}",
    "filter_city": " في {name}",
    "filter_theme": " في موضوع « {name} »",
    "filter_week": " هذا الأسبوع",
    "filter_month": " هذا الشهر",
    "filter_kind_consultancy": " (استشارات)",
    "filter_kind_job": " (عروض شغل)",
    "filter_kind_grant": " (طلبات مشاريع)",
    "filter_kind_training": " (تكوينات)",
    "filter_kind_other": "",
    "left_days": "باقي {days}",
    "left_day": "باقي يوم واحد",
    "left_today": "اليوم هو آخر يوم",
    "undated_with_date": "لا يذكر النص آخر أجل؛ {label} يوم {date}",
    "undated_plain": "لا يذكر النص آخر أجل",
    # One call
    "card": "{title}\n{org}{place}\n{status}",
    "card_place": " — {place}",
    "card_more": "اسألني عن: آخر أجل، الوثائق المطلوبة، كيفية الترشح، الشروط.",
    "status_open": "مفتوح إلى غاية {deadline} ({left}).",
    "status_past_event": "لا يذكر النص آخر أجل؛ آخر تاريخ فيه قد مضى ({label}، {date}).",
    "status_closed": "مغلق منذ {closed}.",
    "status_closed_manual": "مغلق (سحبه أو أغلقه الفريق).",
    "status_unknown": "النص لا يذكر آخر أجل.",
    "deadline_open": "{title}: آخر أجل هو {deadline} — {left}.",
    "deadline_today": "{title}: اليوم هو آخر يوم ({deadline}).",
    "deadline_closed": "{title}: الطلب مغلق منذ {deadline} ({ago}).",
    "deadline_none": "{title}: نص الطلب لا يذكر آخر أجل.",
    "deadline_none_contact": "لمعرفته، راسل: {contact}",
    "deadline_none_no_contact": "ولا يذكر النص أي جهة اتصال للسؤال عنه.",
    "ago_days": "قبل {days}",
    "key_dates": "التواريخ المقررة: {dates}",
    "documents": "{title} — الوثائق المطلوبة (من النص الفرنسي):\n{items}",
    "documents_none": "{title}: النص لا يذكر الوثائق المطلوبة.",
    "submission": "{title} — كيفية الترشح:",
    "submission_emails": "• عبر البريد الإلكتروني: {emails}",
    "submission_subject": "• موضوع الرسالة: « {subject} »",
    "submission_post": "• عبر البريد العادي: {address}",
    "submission_url": "• عبر الإنترنت: {url}",
    "submission_none": "{title}: النص لا يذكر عنوانا ولا طريقة للترشح.",
    "submission_deadline": "آخر أجل: {deadline}.",
    "submission_closed": "انتبه: هذا العرض مغلق منذ {deadline}.",
    "place": "{title} — المكان: {place}",
    "place_none": "{title}: النص لا يحدد مكانا بعينه.",
    "place_regions": "الجهة: {regions}",
    "dates_none": "{title}: النص لا يذكر تواريخ للأنشطة.",
    "duration": "{title} — المدة (من النص الفرنسي): {duration}",
    "duration_none": "{title}: النص لا يحدد المدة.",
    "languages": "{title} — لغة العمل: {languages}",
    "languages_none": "{title}: النص لا يحدد لغة العمل.",
    "languages_required": "اللغات المطلوبة من المترشح: {languages}",
    "reference": "{title} — المرجع: {reference}",
    "reference_none": "{title}: النص لا يذكر أي مرجع.",
    "summary": "{title} — {org}\n{summary}",
    "contact": "{title} — جهة الاتصال: {contact}",
    "contact_none": "{title}: النص لا يذكر جهة اتصال.",
    "requirements": "{title} — الشروط المطلوبة (من النص الفرنسي):\n{items}",
    "requirements_none": "{title}: النص لا يصف شروطا خاصة.",
    "quote_intro": "هذا ما يقوله النص (مقتبس حرفيا من الأصل الفرنسي):",
    "quote_none": "{title}: لم أجد هذه المعلومة في نص الطلب.{contact}",
    "quote_contact": " يمكنك السؤال عبر: {contact}",
    "remind_label": "آخر أجل",
    "docs_label": "الوثائق",
    "apply_label": "كيف أترشح",
    "elig_label": "هل أنا مؤهل؟",
    # Eligibility
    "elig_verdict_yes": "{title}: حسب ما قلته لي، ملفك يستوفي الشروط.",
    "elig_verdict_no": "{title}: حسب ما قلته لي، ملفك لا يستوفي الشروط.",
    "elig_verdict_partial": "{title}: هذا ما يمكنني التحقق منه.",
    "elig_degree_ok": "الشهادة: {have} (المطلوب: {need})",
    "elig_degree_ko": "الشهادة: {have}، لكن النص يطلب {need}",
    "elig_exp_ok": "الخبرة: {have} سنة (المطلوب: {need} سنوات على الأقل)",
    "elig_exp_ko": "الخبرة: {have} سنة، لكن النص يطلب {need} سنوات على الأقل",
    "elig_status_ok": "الوضعية: {need}",
    "elig_status_ko": "النص يشترط وضعية {need}؛ وقلت لي « {have} »",
    "elig_status_quote": "يقول النص: « {quote} »",
    "elig_check_yourself": "تحقق بنفسك من باقي الشروط في النص:\n{items}",
    "elig_no_criteria": "{title}: النص لا يعطي شروطا مرقمة (الشهادة، سنوات الخبرة).",
    "ask_degree": "ما هي أعلى شهادة حصلت عليها؟",
    "ask_experience": "كم سنة من الخبرة المهنية لديك؟",
    "ask_status": "هل لديك وضعية {status}؟",
    "deg_bac": "باكالوريا أو أقل",
    "deg_licence": "إجازة (باك+3)",
    "deg_master": "ماستر (باك+5)",
    "deg_doctorat": "دكتوراه",
    "exp_0": "أقل من سنة",
    "exp_1": "سنة واحدة",
    "exp_2": "سنتان",
    "exp_3": "3 إلى 4 سنوات",
    "exp_5": "5 إلى 9 سنوات",
    "exp_10": "10 سنوات أو أكثر",
    "yes": "نعم",
    "no": "لا",
    "degree_name_3": "إجازة (باك+3)",
    "degree_name_4": "باك+4",
    "degree_name_5": "ماستر (باك+5)",
    "degree_name_8": "دكتوراه",
    "degree_name_0": "باكالوريا أو أقل",
    "degree_name_2": "باك+2",
    "status_yes": "نعم",
    "status_no": "لا",
    # Subscriptions
    "sub_regions": "الاشتراك — الخطوة 1/3: أي جهات؟ اضغط لاختيار جهة أو إلغائها، ثم « التالي ».",
    "sub_themes": "الخطوة 2/3: أي مواضيع؟ اضغط للاختيار، ثم « التالي ».",
    "sub_frequency": "الخطوة 3/3: كل كم تريد أن تتوصل بالطلبات؟",
    "sub_confirm": (
        "اشتراكك:\n• الجهات: {regions}\n• المواضيع: {themes}\n• الوتيرة: {frequency}\nهل أؤكد؟"
    ),
    "sub_done": (
        "تم ✅ ستتوصل بالطلبات التي تناسبك، وبتذكير قبل كل آخر أجل (7 أيام ويوم واحد قبله).\n"
        "{open}\n/mes_abonnements لرؤية اشتراكاتك أو تغييرها، و« توقف » لإيقاف كل شيء."
    ),
    "sub_open_now": "{count} طلب(ات) مفتوحة تناسبك الآن: اكتب « العروض المفتوحة ».",
    "sub_open_none": "لا يوجد حاليا طلب مفتوح يناسب اختيارك.",
    "sub_cancelled": "تم إلغاء الاشتراك، لم يسجل أي شيء.",
    "sub_next": "التالي ⬅",
    "sub_ok": "✅ تأكيد",
    "sub_cancel": "إلغاء",
    "sub_all_regions": "كل المغرب",
    "sub_all_themes": "كل المواضيع",
    "freq_instant": "كل طلب جديد، فورا",
    "freq_daily": "ملخص كل يوم",
    "freq_weekly": "ملخص كل أسبوع (الاثنين)",
    "my_subs": "اشتراكاتك:",
    "my_subs_item": "{n}. الجهات: {regions} — المواضيع: {themes} — {frequency}",
    "my_subs_none": "ليس لديك أي اشتراك. اكتب /abonner أو « اشتراك » لإنشاء واحد.",
    "my_follows": "الطلبات التي تتابعها (تذكير قبل آخر أجل):",
    "sub_delete": "حذف {n}",
    "sub_change": "الوتيرة {n}",
    "sub_new": "اشتراك جديد",
    "sub_deleted": "تم حذف الاشتراك.",
    "sub_freq_changed": "تم تغيير الوتيرة: {frequency}.",
    "unfollow": "إلغاء المتابعة: {name}",
    "unfollowed": "لم تعد تتابع هذا الطلب.",
    # Following a call
    "follow_label": "🔔 ذكرني",
    "followed": "حسنا: سأذكرك بآخر أجل « {title} » ({days} قبل {deadline}).",
    "followed_no_deadline": (
        "حسنا: أنت تتابع « {title} ». النص لا يذكر آخر أجل؛ سأراسلك إن تم الإعلان عنه."
    ),
    "follow_closed": "هذا الطلب مغلق: لم يعد هناك أجل للتذكير به.",
    # Privacy and opting out
    "stopped": (
        "تم الإيقاف: لن تتوصل مني بأي رسالة، لا تنبيهات ولا تذكيرات. اشتراكاتك محفوظة "
        "ومتوقفة. للعودة اكتب START. لمسح كل شيء: /oublier أو « امسح بياناتي »."
    ),
    "restarted": "مرحبا بعودتك! استؤنفت التنبيهات والتذكيرات.",
    "still_stopped": "(تنبيهاتك متوقفة: اكتب START لاستئنافها.)",
    "my_data": "هذا كل ما أحتفظ به عنك:",
    "my_data_contact": (
        "• القناة: {channel}، المعرف: {address}، اللغة: {language}، الحالة: {status}"
    ),
    "my_data_dates": "• أول رسالة: {created}، آخر رسالة: {seen}",
    "my_data_profile": "• الملف الذي صرحت به: {profile}",
    "my_data_call": "• الطلب الذي نتحدث عنه: {call}",
    "my_data_subs": "• الاشتراكات: {count}",
    "my_data_follows": "• الطلبات المتابعة: {count}",
    "my_data_outbox": "• رسائل في انتظار الإرسال: {count}",
    "my_data_forget": (
        "لمسح كل شيء: « امسح بياناتي » أو /oublier (القانون 09-08 المتعلق بالمعطيات الشخصية)."
    ),
    "forget_confirm": (
        "هل تريد فعلا مسح كل ما أحتفظ به عنك (اللغة، الاشتراكات، الطلبات المتابعة، "
        "المحادثة)؟ لا يمكن التراجع عن ذلك."
    ),
    "forget_yes": "نعم، امسح كل شيء",
    "forget_no": "لا، احتفظ بها",
    "forgotten": "تم المسح. لم يعد لدي أي شيء عنك. مع السلامة، وبالتوفيق!",
    "forget_kept": "لم يتم مسح أي شيء.",
    # Proactive messages
    "reminder": "⏰ تذكير: {title} — {org}\nآخر أجل: {deadline} ({left}).",
    "new_call": "🆕 طلب جديد: {title} — {org}{place}\n{status}",
    "digest_daily": "📬 الطلبات الجديدة لهذا اليوم:",
    "digest_weekly": "📬 الطلبات الجديدة لهذا الأسبوع:",
    "digest_item": "• {title} — {org} — {status}",
    "proactive_footer": "(اكتب « توقف » لإيقاف كل الرسائل)",
    "share_link": "رابط للمشاركة: {link}",
    # Language names
    "lang_fr": "الفرنسية",
    "lang_ar": "العربية",
    "lang_en": "الإنجليزية",
    # Staff
    "staff_role_admin": "مسؤول",
    "staff_role_editor": "محرر",
    "staff_admin_only": "هذا الأمر خاص بمسؤولي فرصة.",
    "staff_list_head": "فريق فرصة ({count}):",
    "staff_list_item": "• {channel} {address} — {role}{origin}",
    "staff_origin_settings": " (من الإعدادات، لا يغير هنا)",
    "staff_commands": (
        "أوامر الفريق: /publier (أو أرسل وثيقة)، /fermer ID، /prolonger ID DATE، "
        "/retirer ID، /diffuser، /stats؛ للمسؤولين: /staff، /staff_ajouter CANAL ID ROLE، "
        "/staff_retirer CANAL ID."
    ),
    "staff_usage_add": (
        "الاستعمال: /staff_ajouter <telegram|whatsapp|console> <المعرف> <admin|editor>"
    ),
    "staff_usage_remove": "الاستعمال: /staff_retirer <telegram|whatsapp|console> <المعرف>",
    "staff_bad_address": "⚠ معرف {channel} غير صالح: « {address} ».",
    "staff_added": "✔ أصبح {channel} {address} {role}.",
    "staff_removed": "✔ لم يعد {channel} {address} ضمن الفريق.",
    "staff_not_member": "{channel} {address} ليس ضمن الفريق المضاف هنا.",
    "staff_from_settings": (
        "⚠ {channel} {address} محدد في الإعدادات (FORSA_STAFF_*): لا يمكن تغييره من المحادثة."
    ),
    "staff_last_admin": "⚠ هذا آخر مسؤول: أضف مسؤولا آخر أولا.",
    "staff_publish_prompt": "أرسل وثيقة الإعلان (PDF أو DOCX أو TXT)، أو الصق نصه بعد /publier.",
    "staff_read_error": "⚠ لم أستطع قراءة هذه الوثيقة: {reason}",
    "staff_file_unavailable": "⚠ {name}: ملف فارغ أو أكبر من 10 ميغابايت أو تعذر تحميله.",
    "staff_already_published": (
        "هذا الإعلان منشور من قبل (المعرف: {id}). لتغييره: /prolonger أو /fermer أو /retirer."
    ),
    "staff_review_head": "📝 مسودة غير منشورة بعد — المعرف: {id}",
    "staff_review_hint": (
        "للتصحيح اكتب « الحقل: القيمة » (سطر لكل حقل)، مثلا « آخر أجل: 30/01/2025 17h » أو "
        "« email: x@y.org » أو « الجهات: سوس ماسة، الشرق »؛ « - » تمحو الحقل. ثم « نشر »."
    ),
    "staff_field_line": "• {label}: {value}",
    "staff_missing": "—",
    "staff_field_title": "العنوان",
    "staff_field_reference": "المرجع",
    "staff_field_organization": "المنظمة",
    "staff_field_kind": "النوع",
    "staff_field_deadline": "آخر أجل",
    "staff_field_places": "الجهات / المدن",
    "staff_field_themes": "المواضيع",
    "staff_field_emails": "البريد الإلكتروني للترشيح",
    "staff_field_subject": "موضوع الرسالة",
    "staff_field_address": "العنوان البريدي",
    "staff_field_documents": "الوثائق المطلوبة",
    "staff_field_requirements": "الشروط",
    "staff_field_duration": "المدة",
    "staff_field_languages": "لغات العمل",
    "staff_field_contact": "جهة الاتصال",
    "staff_kind_consultancy": "استشارة",
    "staff_kind_job": "عرض شغل",
    "staff_kind_grant": "طلب مشاريع / منحة",
    "staff_kind_training": "تكوين",
    "staff_kind_other": "آخر",
    "staff_national": "كل المغرب",
    "staff_deadline_value": "{deadline} (« {phrase} »)",
    "staff_flag_deadline": "⚠ لا يوجد آخر أجل",
    "staff_flag_past": "⚠ آخر أجل مضى",
    "staff_flag_email": "⚠ لا يوجد بريد إلكتروني",
    "staff_flag_organization": "⚠ لا توجد منظمة",
    "staff_btn_publish": "نشر",
    "staff_btn_edit": "تصحيح: {label}",
    "staff_btn_drop": "حذف المسودة",
    "staff_btn_confirm": "✅ نعم، انشر",
    "staff_btn_back": "مواصلة التصحيح",
    "staff_ask_value": "ما القيمة الجديدة لـ « {label} »؟ (« - » لمحوها)",
    "staff_corrected": "✔ تم التصحيح: {labels}.",
    "staff_bad_value": "⚠ « {value} » لا تصلح لـ « {label} ».",
    "staff_bad_date": "⚠ لم أفهم التاريخ: « {value} ». مثال: 30/01/2025 17h.",
    "staff_confirm_publish": "نشر « {title} »؟\nالمشتركون المعنيون: {total}{channels}.",
    "staff_confirm_instant": "{count} سيتوصلون بالتنبيه فور النشر، والباقون في ملخصهم.",
    "staff_confirm_none": "لا يوجد مشترك معني حاليا: سيظهر الإعلان للجميع.",
    "staff_published": (
        "✅ تم النشر: « {title} » (المعرف: {id}). سيتوصل المشتركون المعنيون بالتنبيه في "
        "الدورة المقبلة للمجدول (خلال دقيقة، خارج ساعات الهدوء)."
    ),
    "staff_no_draft": "لا توجد مسودة. أرسل وثيقة أو /publier متبوعا بالنص.",
    "staff_draft_dropped": "حذفت المسودة.",
    "staff_usage_close": "الاستعمال: /fermer <معرف الإعلان>",
    "staff_usage_extend": "الاستعمال: /prolonger <معرف الإعلان> <التاريخ>، مثلا 30/01/2025 17h",
    "staff_usage_withdraw": "الاستعمال: /retirer <معرف الإعلان>",
    "staff_unknown_call": "لا يوجد إعلان بالمعرف « {id} ».",
    "staff_confirm_close": "إغلاق « {title} »؟ لن تبقى أي تذكيرات.",
    "staff_confirm_withdraw": (
        "سحب « {title} » (نشر خطأ)؟ سيختفي عن المستعملين دون تذكير أو تنبيه."
    ),
    "staff_btn_close": "نعم، أغلق",
    "staff_btn_withdraw": "نعم، اسحب",
    "staff_btn_keep": "لا",
    "staff_kept": "لم يتغير شيء.",
    "staff_closed": "🔒 أغلق: « {title} ». لا مزيد من التذكيرات لهذا الإعلان.",
    "staff_already_closed": "« {title} » مغلق من قبل.",
    "staff_extended": (
        "📅 « {title} »: آخر أجل جديد {deadline}. تم إخبار {count} من المتابعين؛ "
        "التذكيرات تتبع التاريخ الجديد."
    ),
    "staff_extend_past": "⚠ هذا التاريخ مضى: {deadline}.",
    "staff_withdrawn": "↩ سحب: « {title} » لم يعد ظاهرا؛ لن يرسل أي تذكير أو تنبيه.",
    "staff_not_published": "« {title} » غير منشور: لا شيء للسحب.",
    "notice_extended": "📅 تم تمديد الأجل: {title} — {org}\nآخر أجل جديد: {deadline} ({left}).",
    # Broadcast and statistics
    "bc_start": (
        "📢 بث جديد. بأي لغة ستكتب الرسالة؟ يتوصل كل مشترك بلغته، وإذا كانت هناك صيغة "
        "واحدة فقط يتوصل بها الجميع."
    ),
    "bc_mode_fr": "الفرنسية فقط",
    "bc_mode_ar": "العربية فقط",
    "bc_mode_both": "اللغتان",
    "bc_abandon": "إلغاء",
    "bc_abandoned": "تم التخلي عن البث: لم يُرسل أي شيء.",
    "bc_type_fr": "اكتب النص بالفرنسية (في رسالة واحدة).",
    "bc_type_ar": "اكتب النص بالعربية (في رسالة واحدة).",
    "bc_texts": "رسالتك:",
    "bc_one_version": "(صيغة واحدة فقط: سيتوصل بها كل المشتركين بـ{language}.)",
    "bc_audience": "لمن نرسلها؟ الجمهور المختار: {audience}.",
    "bc_everyone": "الجميع",
    "bc_by_region": "الجهات",
    "bc_by_theme": "المواضيع",
    "bc_by_lang": "اللغة",
    "bc_by_channel": "القناة",
    "bc_check": "تحقق قبل الإرسال",
    "bc_done_choosing": "حسنا",
    "bc_pick_regions": "أي جهات؟ (المشتركون في كل المغرب مشمولون.)",
    "bc_pick_themes": "أي مواضيع؟ (المشتركون في كل المواضيع مشمولون.)",
    "bc_pick_lang": "مشتركون بأي لغة؟",
    "bc_pick_channel": "أي قناة؟",
    "bc_any": "الكل",
    "bc_opt_fr": "الفرنسية",
    "bc_opt_ar": "العربية",
    "channel_telegram": "تيليغرام",
    "channel_whatsapp": "واتساب",
    "bc_aud_everyone": "كل المشتركين",
    "bc_aud_regions": "الجهات: {names}",
    "bc_aud_themes": "المواضيع: {names}",
    "bc_aud_lang": "اللغة: {name}",
    "bc_aud_channel": "القناة: {name}",
    "bc_pre_title": "قبل الإرسال — الجمهور: {audience}",
    "bc_pre_audience": "المشتركون المعنيون: {n}",
    "bc_pre_channel": "• {channel}: سيتوصل بها {n}",
    "bc_pre_receiving": "المجموع: {n} رسالة للإرسال.",
    "bc_pre_excluded": "لن يتوصل بها:",
    "bc_pre_stopped": "• {n} ألغوا الاشتراك (STOP)",
    "bc_pre_blocked": "• {n} لا يمكن الوصول إليهم (حظروا البوت أو غادروا القناة)",
    "bc_pre_window": (
        "• {n} على واتساب لم يراسلونا منذ أكثر من 24 ساعة، ولا يوجد نموذج معتمد broadcast/{code}"
    ),
    "bc_pre_quiet": "⏳ ساعات الهدوء: ستنطلق الرسائل ({n}) يوم {when}.",
    "bc_pre_nobody": "لن يتوصل أحد بهذه الرسالة: غيّر الجمهور.",
    "bc_confirm": "تأكيد الإرسال",
    "bc_change_audience": "تغيير الجمهور",
    "bc_header": "📢 رسالة من فريق فرصة:",
    "bc_started": "انطلق البث رقم {id}: {n} رسالة في قائمة الإرسال.",
    "bc_refresh": "أين وصل الإرسال؟",
    "bc_cancel": "إيقاف البث",
    "bc_none": "لا يوجد أي بث حتى الآن.",
    "bc_unknown": "لا يوجد بث رقم {id}.",
    "bc_progress": "البث رقم {id} — {status}",
    "bc_final": "البث رقم {id} — {status}. النتيجة النهائية:",
    "bc_status_sending": "جارٍ",
    "bc_status_done": "انتهى",
    "bc_status_cancelled": "أوقف",
    "bc_counts": (
        "أُرسلت {sent}، في الانتظار {pending}، فشلت {failed}، لا يمكن الوصول {blocked}، "
        "تم تجاوز {skipped} (من أصل {total})"
    ),
    "bc_counts_excluded": "استُبعد {n} قبل الإرسال، من أصل {audience} مشتركا مستهدفا.",
    "bc_delivery": "إشعارات واتساب: {counts}",
    "bc_not_running": "البث رقم {id} لم يعد جاريا.",
    "bc_cancelled": "أوقف البث رقم {id}: لن تُرسل {n} رسالة كانت في الانتظار.",
    "stats_title": "📊 إحصائيات فرصة — {date}",
    "stats_subscribers": "المشتركون النشطون: {n}",
    "stats_by_channel": "• حسب القناة: {items}",
    "stats_by_lang": "• حسب اللغة: {items}",
    "stats_paused": "متوقفون: {stopped} ألغوا الاشتراك (STOP)، {blocked} لا يمكن الوصول إليهم",
    "stats_by_region": "حسب الجهة: {items}",
    "stats_by_theme": "حسب الموضوع: {items}",
    "stats_week": "خلال الأيام السبعة الأخيرة:",
    "stats_week_new": "• اشتراكات جديدة: {subs} ({contacts} شخص)",
    "stats_week_lost": (
        "• مغادرون: {stopped} STOP، {blocked} لا يمكن الوصول إليهم، {forgotten} مسحوا بياناتهم"
    ),
    "stats_forgotten_note": (
        "  (من مسح بياناته لا يترك إلا عدادا مجهول الهوية لكل يوم، منذ إضافة الإحصائيات)"
    ),
    "stats_delivery": "الإرسال خلال الأيام السبعة الأخيرة، حسب النوع:",
    "stats_kind_reminder": "التذكيرات",
    "stats_kind_new_call": "الطلبات الجديدة",
    "stats_kind_digest": "الملخصات",
    "stats_kind_notice": "الإشعارات",
    "stats_kind_broadcast": "البث",
    "stats_kind_line": (
        "• {kind}: أُرسلت {sent}، فشلت {failed}، تم تجاوز {skipped}، في الانتظار {pending}"
    ),
    "stats_reasons": "  الأسباب: {items}",
    "stats_reports": "  إشعارات واتساب: {items}",
    "stats_nothing_sent": "• لا شيء",
    "stats_broadcasts": "آخر عمليات البث:",
    "stats_broadcast_line": (
        "• رقم {id} ({status}): أُرسلت {sent}، فشلت {failed}، لا يمكن الوصول {blocked}، "
        "تم تجاوز {skipped}، في الانتظار {pending}، مستبعدون {excluded}"
    ),
    "stats_chart_note": (
        "الرسم البياني: العناوين بالفرنسية (لا يعرض البرنامج الحروف العربية جيدا)."
    ),
    "stats_refresh": "تحديث",
    "reason_stopped": "ألغى الاشتراك",
    "reason_blocked": "لا يمكن الوصول إليه",
    "reason_closed": "طلب مغلق أو مسحوب",
    "reason_deadline": "تغير آخر أجل",
    "reason_cancelled": "بث موقوف",
    "reason_window": "خارج نافذة واتساب بدون نموذج",
    "chart_regions": "المشتركون النشطون حسب الجهة",
    "chart_themes": "المشتركون النشطون حسب الموضوع",
    "chart_audience": "المشتركون النشطون حسب اللغة والقناة",
    "chart_delivery": "الإرسال خلال الأيام السبعة الأخيرة",
    "chart_sent": "أُرسلت",
    "chart_failed": "فشلت",
    "chart_skipped": "تم تجاوزها",
    "chart_pending": "في الانتظار",
}
