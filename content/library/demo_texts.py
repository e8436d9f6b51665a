"""Demo handbooks in French and Arabic (real text for their PDFs), on the themes of the
training programme."""

PUBLISHER = {
    "fr": "École Nationale Supérieure de l'Administration (ENSA)",
    "ar": "المدرسة الوطنية العليا للإدارة",
}

HANDBOOKS = [
    {
        "slug": "integrer-la-migration-dans-le-pac",
        "themes": ["planification-integration"],
        "audience": "executives",
        "access_level": "public",
        "editions": [(1, "2019-06-15", False), (2, "2023-10-02", True)],
        "fr": {
            "title": "Intégrer la migration dans le Programme d'action de la commune",
            "summary": "Un guide pas à pas pour inscrire l'intégration des migrants, des "
            "réfugiés et des Marocains de retour dans le Programme d'action de la commune "
            "(PAC), tiré de l'expérience d'Oujda.",
            "chapters": [
                ("Pourquoi planifier l'intégration",
                 "La commune est le premier interlocuteur des migrants installés sur son "
                 "territoire. La Stratégie nationale d'immigration et d'asile (SNIA) invite les "
                 "collectivités territoriales à planifier l'intégration sociale, économique et "
                 "culturelle des migrants et des réfugiés."),
                ("Le diagnostic territorial",
                 "Avant d'écrire le programme, la commune réunit les services déconcentrés, les "
                 "associations et les migrants eux-mêmes pour recenser les besoins : "
                 "logement, santé, scolarisation des enfants, emploi et état civil."),
                ("L'expérience d'Oujda",
                 "À Oujda, une commission permanente a intégré la migration dans chaque axe du "
                 "PAC, avec un budget identifié, des indicateurs de suivi et une cellule "
                 "d'accueil au sein de la direction des affaires sociales."),
            ],
        },
        "ar": {
            "title": "إدماج الهجرة في برنامج عمل الجماعة",
            "summary": "دليل عملي خطوة بخطوة لإدراج إدماج المهاجرين واللاجئين والمغاربة "
            "العائدين في برنامج عمل الجماعة، مستخلص من تجربة وجدة.",
            "chapters": [
                ("لماذا نخطط للإدماج",
                 "الجماعة هي المخاطب الأول للمهاجرين المقيمين بترابها. وتدعو الاستراتيجية "
                 "الوطنية للهجرة واللجوء الجماعات الترابية إلى تخطيط الإدماج الاجتماعي "
                 "والاقتصادي والثقافي للمهاجرين واللاجئين."),
                ("التشخيص الترابي",
                 "قبل صياغة البرنامج، تجمع الجماعة المصالح اللاممركزة والجمعيات والمهاجرين "
                 "أنفسهم لتحديد الحاجيات: السكن والصحة وتمدرس الأطفال والتشغيل والحالة المدنية."),
                ("تجربة وجدة",
                 "في وجدة، أدمجت لجنة دائمة الهجرة في كل محاور برنامج عمل الجماعة، مع ميزانية "
                 "محددة ومؤشرات للتتبع وخلية للاستقبال داخل مديرية الشؤون الاجتماعية."),
            ],
        },
    },
    {
        "slug": "acces-des-migrants-aux-services-de-base",
        "themes": ["acces-aux-services"],
        "audience": "executives",
        "access_level": "public",
        "editions": [(1, "2022-03-21", True)],
        "fr": {
            "title": "Guide d'accès des migrants aux services de base",
            "summary": "Santé, éducation, état civil, formation professionnelle : ce que la "
            "loi garantit aux migrants et comment les guichets communaux peuvent les orienter.",
            "chapters": [
                ("Le droit d'accès",
                 "Les migrants en situation régulière et les réfugiés ont accès aux soins de "
                 "santé primaires, à l'école publique et à la formation professionnelle dans les "
                 "mêmes conditions que les nationaux."),
                ("Le guichet unique",
                 "Le guichet unique communal accueille, informe et oriente les migrants vers le "
                 "centre de santé, l'école ou l'agence pour l'emploi, avec des supports "
                 "traduits en plusieurs langues."),
                ("L'état civil",
                 "L'inscription des naissances à l'état civil protège les enfants de migrants ; "
                 "les officiers d'état civil reçoivent une formation sur les pièces acceptées."),
            ],
        },
        "ar": {
            "title": "دليل ولوج المهاجرين إلى الخدمات الأساسية",
            "summary": "الصحة والتعليم والحالة المدنية والتكوين المهني: ما يضمنه القانون "
            "للمهاجرين وكيف يمكن للشبابيك الجماعية توجيههم.",
            "chapters": [
                ("الحق في الولوج",
                 "يستفيد المهاجرون في وضعية نظامية واللاجئون من العلاجات الصحية الأولية "
                 "والمدرسة العمومية والتكوين المهني بنفس شروط المواطنين."),
                ("الشباك الوحيد",
                 "يستقبل الشباك الوحيد الجماعي المهاجرين ويخبرهم ويوجههم نحو المركز الصحي أو "
                 "المدرسة أو وكالة التشغيل، بدعامات مترجمة إلى عدة لغات."),
                ("الحالة المدنية",
                 "يحمي تسجيل الولادات في الحالة المدنية أطفال المهاجرين، ويتلقى ضباط الحالة "
                 "المدنية تكوينا حول الوثائق المقبولة."),
            ],
        },
    },
    {
        "slug": "accueillir-refugies-et-demandeurs-asile",
        "themes": ["asile-et-refugies"],
        "audience": "executives",
        "access_level": "learners",
        "editions": [(1, "2021-09-10", True)],
        "fr": {
            "title": "Accueillir les réfugiés et les demandeurs d'asile",
            "summary": "Le cadre de la protection internationale au Maroc et le rôle des "
            "communes dans l'accueil des réfugiés et des demandeurs d'asile.",
            "chapters": [
                ("La protection internationale",
                 "Un demandeur d'asile est une personne qui sollicite la protection du Maroc ; "
                 "un réfugié est une personne dont le statut a été reconnu. Tous deux "
                 "bénéficient d'une approche fondée sur les droits humains."),
                ("Le rôle de la commune",
                 "La commune facilite l'accès au logement, aux services sociaux et aux "
                 "activités culturelles, en lien avec la société civile et les organisations "
                 "internationales."),
            ],
        },
        "ar": {
            "title": "استقبال اللاجئين وطالبي اللجوء",
            "summary": "إطار الحماية الدولية بالمغرب ودور الجماعات في استقبال اللاجئين "
            "وطالبي اللجوء.",
            "chapters": [
                ("الحماية الدولية",
                 "طالب اللجوء شخص يلتمس حماية المغرب، واللاجئ شخص تم الاعتراف بصفته. ويستفيد "
                 "كلاهما من مقاربة قائمة على حقوق الإنسان."),
                ("دور الجماعة",
                 "تيسر الجماعة الولوج إلى السكن والخدمات الاجتماعية والأنشطة الثقافية، "
                 "بتنسيق مع المجتمع المدني والمنظمات الدولية."),
            ],
        },
    },
    {
        "slug": "accompagner-les-marocains-de-retour",
        "themes": ["marocains-de-retour"],
        "audience": "elected",
        "access_level": "public",
        "editions": [(1, "2024-01-18", True)],
        "fr": {
            "title": "Accompagner les Marocains de retour",
            "summary": "Réinsertion économique et sociale des Marocains résidant à l'étranger "
            "qui reviennent s'installer dans leur commune d'origine (SNMRE).",
            "chapters": [
                ("Qui sont les Marocains de retour",
                 "Retraités, jeunes diplômés, familles ou personnes rapatriées : les Marocains "
                 "de retour ont des besoins différents que la commune doit connaître."),
                ("Investir et entreprendre",
                 "La commune oriente les porteurs de projets vers les centres régionaux "
                 "d'investissement et valorise les compétences acquises à l'étranger."),
            ],
        },
        "ar": {
            "title": "مواكبة المغاربة العائدين",
            "summary": "إعادة الإدماج الاقتصادي والاجتماعي للمغاربة المقيمين بالخارج العائدين "
            "للاستقرار في جماعتهم الأصلية.",
            "chapters": [
                ("من هم المغاربة العائدون",
                 "متقاعدون وشباب حاملون للشهادات وأسر وأشخاص مرحلون: للمغاربة العائدين حاجيات "
                 "مختلفة ينبغي للجماعة معرفتها."),
                ("الاستثمار والمقاولة",
                 "توجه الجماعة حاملي المشاريع نحو المراكز الجهوية للاستثمار وتثمن الكفاءات "
                 "المكتسبة بالخارج."),
            ],
        },
    },
    {
        "slug": "sensibiliser-a-la-diversite",
        "themes": ["sensibilisation-diversite"],
        "audience": "trainers",
        "access_level": "learners",
        "editions": [(1, "2023-04-05", True)],
        "fr": {
            "title": "Sensibiliser à la diversité : outil d'animation",
            "summary": "Des ateliers prêts à l'emploi pour lutter contre les préjugés et "
            "valoriser la diversité dans les services communaux.",
            "chapters": [
                ("Atelier 1 : les préjugés",
                 "Les participants listent les idées reçues sur la migration puis les "
                 "confrontent aux données : la mobilité est une richesse pour le territoire."),
                ("Atelier 2 : l'accueil au guichet",
                 "Des mises en situation entraînent les agents à accueillir une personne qui "
                 "ne parle ni arabe ni français, dans le respect de sa dignité."),
            ],
        },
        "ar": {
            "title": "التحسيس بالتنوع: أداة للتنشيط",
            "summary": "ورشات جاهزة لمحاربة الأحكام المسبقة وتثمين التنوع داخل المصالح "
            "الجماعية.",
            "chapters": [
                ("الورشة 1: الأحكام المسبقة",
                 "يسرد المشاركون الأفكار الشائعة عن الهجرة ثم يقارنونها بالمعطيات: التنقل "
                 "ثروة للتراب."),
                ("الورشة 2: الاستقبال في الشباك",
                 "تدرب وضعيات تطبيقية الأعوان على استقبال شخص لا يتحدث العربية ولا الفرنسية، "
                 "في احترام لكرامته."),
            ],
        },
    },
    {
        "slug": "cooperation-sud-sud-cote-d-ivoire-mali-senegal",
        "themes": ["cooperation-sud-sud"],
        "audience": "executives",
        "access_level": "staff",
        "editions": [(1, "2024-11-12", True)],
        "fr": {
            "title": "Coopération Sud-Sud : Côte d'Ivoire, Mali, Sénégal",
            "summary": "Notes de mission et leçons des échanges entre communes marocaines et "
            "collectivités de Côte d'Ivoire, du Mali et du Sénégal.",
            "chapters": [
                ("Les échanges entre pairs",
                 "Des élus et des cadres de Tanger, Fès et Marrakech ont accueilli leurs "
                 "homologues d'Abidjan, de Bamako et de Dakar pour partager leurs pratiques "
                 "d'accueil des migrants."),
                ("Ce que nous retenons",
                 "La coopération Sud-Sud fonctionne quand elle repose sur des projets concrets, "
                 "un suivi conjoint et la mobilité des cadres."),
            ],
        },
        "ar": {
            "title": "التعاون جنوب-جنوب: كوت ديفوار ومالي والسنغال",
            "summary": "مذكرات مهمات ودروس من التبادل بين الجماعات المغربية والجماعات "
            "الترابية بكوت ديفوار ومالي والسنغال.",
            "chapters": [
                ("التبادل بين النظراء",
                 "استقبل منتخبون وأطر من طنجة وفاس ومراكش نظراءهم من أبيدجان وباماكو وداكار "
                 "لتقاسم ممارساتهم في استقبال المهاجرين."),
                ("ما نستخلصه",
                 "ينجح التعاون جنوب-جنوب حين يقوم على مشاريع ملموسة وتتبع مشترك وتنقل الأطر."),
            ],
        },
    },
]
