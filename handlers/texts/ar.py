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
    "list_item_closed": "• {title} — {org}\n  مغلق منذ {closed}",
    "list_also_closed": "مغلق سلفا{filters}: {items}.",
    "closed_label": "{name} (مغلق منذ {date})",
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
}
