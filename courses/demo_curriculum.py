"""The demo curriculum as data, in French and Arabic (no ORM here; see `courses.demo`).

Every text is a pair `(french, arabic)`; StreamField blocks are built twice, once per
language, from the same helpers so that both bodies keep the same structure.
"""

from __future__ import annotations

from dataclasses import dataclass

Pair = tuple[str, str]
Block = dict[str, dict]  # {"fr": {"type": ..., "value": ...}, "ar": {...}}

FR, AR = 0, 1


def _block(kind: str, value_fr, value_ar) -> Block:
    return {"fr": {"type": kind, "value": value_fr}, "ar": {"type": kind, "value": value_ar}}


def paragraph(text: Pair) -> Block:
    return _block("paragraph", text[FR], text[AR])


def callout(kind: str, title: Pair, text: Pair) -> Block:
    return _block(
        "callout",
        {"kind": kind, "title": title[FR], "text": text[FR]},
        {"kind": kind, "title": title[AR], "text": text[AR]},
    )


def case_study(title: Pair, place: Pair, situation: Pair, what_was_done: Pair, lessons: Pair) -> Block:
    parts = {
        "title": title,
        "place": place,
        "situation": situation,
        "what_was_done": what_was_done,
        "lessons": lessons,
    }
    return _block(
        "case_study",
        {name: text[FR] for name, text in parts.items()},
        {name: text[AR] for name, text in parts.items()},
    )


def exercise(title: Pair, instructions: Pair, minutes: int, model_answer: Pair) -> Block:
    return _block(
        "exercise",
        {
            "title": title[FR],
            "instructions": instructions[FR],
            "duration_minutes": minutes,
            "model_answer": model_answer[FR],
        },
        {
            "title": title[AR],
            "instructions": instructions[AR],
            "duration_minutes": minutes,
            "model_answer": model_answer[AR],
        },
    )


@dataclass(frozen=True)
class Lesson:
    slug: str
    title: Pair
    summary: Pair
    minutes: int
    body: list[Block]

    def body_in(self, language: str) -> list[dict]:
        return [block[language] for block in self.body]


@dataclass(frozen=True)
class Module:
    slug: str
    title: Pair
    introduction: Pair
    lessons: list[Lesson]


@dataclass(frozen=True)
class Course:
    slug: str
    title: Pair
    summary: Pair
    objectives: Pair
    audience: Pair
    duration_hours: int
    curriculum_code: str
    theme_slugs: list[str]
    modules: list[Module]
    enrolment_policy: str = "open"
    enrolment_key: str = ""


# --- Course 1: planning migrant integration at municipal level ------------------------

SNIA = Lesson(
    slug="snia-2014",
    title=(
        "La Stratégie nationale d'immigration et d'asile (SNIA, 2014)",
        "الاستراتيجية الوطنية للهجرة واللجوء (2014)",
    ),
    summary=(
        "D'où vient la SNIA, ce qu'elle vise et ses onze programmes.",
        "نشأة الاستراتيجية الوطنية للهجرة واللجوء وأهدافها وبرامجها الأحد عشر.",
    ),
    minutes=25,
    body=[
        paragraph((
            "<p>Le Maroc, longtemps pays d'émigration, est devenu aussi un pays de transit et "
            "d'installation pour des migrants venus principalement d'Afrique subsaharienne, ainsi "
            "qu'un pays d'asile. En septembre 2013, à la suite d'un rapport du Conseil national des "
            "droits de l'Homme (CNDH), le Roi a appelé à une nouvelle politique migratoire « globale "
            "et humaniste ». La <b>Stratégie nationale d'immigration et d'asile (SNIA)</b> a été "
            "adoptée en décembre 2014.</p>"
            "<p>Deux opérations exceptionnelles de régularisation (2014 et 2017) ont permis à des "
            "dizaines de milliers de personnes d'obtenir un titre de séjour : ces personnes vivent, "
            "travaillent et scolarisent leurs enfants dans nos communes.</p>",
            "<p>أصبح المغرب، الذي ظل لفترة طويلة بلد هجرة، بلدَ عبور واستقرار أيضاً لمهاجرين "
            "قادمين أساساً من إفريقيا جنوب الصحراء، وبلدَ لجوء. وفي شتنبر 2013، وعلى إثر تقرير "
            "للمجلس الوطني لحقوق الإنسان، دعا جلالة الملك إلى سياسة جديدة للهجرة «شاملة "
            "وإنسانية». وقد اعتُمدت <b>الاستراتيجية الوطنية للهجرة واللجوء</b> في دجنبر 2014.</p>"
            "<p>ومكّنت عمليتان استثنائيتان لتسوية الوضعية (2014 و2017) عشرات الآلاف من الأشخاص "
            "من الحصول على سند الإقامة: هؤلاء يعيشون ويعملون ويُمدرسون أطفالهم في جماعاتنا.</p>",
        )),
        paragraph((
            "<h3>Quatre objectifs stratégiques</h3><ul>"
            "<li>faciliter l'intégration des immigrés réguliers ;</li>"
            "<li>mettre à niveau le cadre réglementaire ;</li>"
            "<li>mettre en place un cadre institutionnel adapté ;</li>"
            "<li>gérer les flux migratoires dans le respect des droits de l'Homme.</li></ul>"
            "<h3>Onze programmes</h3><p>Sept programmes sectoriels — éducation et culture, "
            "jeunesse et loisirs, santé, logement, assistance sociale et humanitaire, formation "
            "professionnelle, emploi — et quatre programmes transverses — gestion des flux et lutte "
            "contre la traite des êtres humains, coopération et partenariats internationaux, cadre "
            "réglementaire et conventionnel, gouvernance et communication.</p>",
            "<h3>أربعة أهداف استراتيجية</h3><ul>"
            "<li>تسهيل إدماج المهاجرين في وضعية قانونية؛</li>"
            "<li>تأهيل الإطار التنظيمي؛</li>"
            "<li>وضع إطار مؤسساتي ملائم؛</li>"
            "<li>تدبير تدفقات الهجرة في إطار احترام حقوق الإنسان.</li></ul>"
            "<h3>أحد عشر برنامجاً</h3><p>سبعة برامج قطاعية — التربية والثقافة، والشباب "
            "والترفيه، والصحة، والسكن، والمساعدة الاجتماعية والإنسانية، والتكوين المهني، "
            "والتشغيل — وأربعة برامج أفقية — تدبير التدفقات ومحاربة الاتجار بالبشر، والتعاون "
            "والشراكات الدولية، والإطار التنظيمي والاتفاقي، والحكامة والتواصل.</p>",
        )),
        callout(
            "important",
            ("Pourquoi la commune ?", "لماذا الجماعة؟"),
            (
                "<p>La SNIA est une politique nationale, mais l'intégration se vit localement : à "
                "l'école, au centre de santé, au bureau d'état civil, dans le quartier. Plusieurs de "
                "ses programmes touchent des compétences propres ou partagées des communes (action "
                "sociale, équipements culturels et sportifs, hygiène et santé de proximité).</p>",
                "<p>الاستراتيجية الوطنية للهجرة واللجوء سياسة وطنية، لكن الإدماج يُعاش محلياً: في "
                "المدرسة، وفي المركز الصحي، وفي مكتب الحالة المدنية، وفي الحي. ويهم عدد من برامجها "
                "اختصاصات ذاتية أو مشتركة للجماعات (العمل الاجتماعي، والمرافق الثقافية والرياضية، "
                "وحفظ الصحة والخدمات الصحية للقرب).</p>",
            ),
        ),
        exercise(
            ("Repérer les programmes qui concernent votre commune", "تحديد البرامج التي تهم جماعتك"),
            (
                "<p>Parmi les onze programmes de la SNIA, choisissez-en trois qui relèvent, au moins "
                "en partie, de l'action de votre commune. Pour chacun, citez un service communal "
                "concerné et une action concrète qu'il pourrait mener.</p>",
                "<p>من بين البرامج الأحد عشر للاستراتيجية الوطنية للهجرة واللجوء، اختر ثلاثة برامج "
                "تندرج، ولو جزئياً، ضمن عمل جماعتك. واذكر لكل برنامج مصلحة جماعية معنية وإجراءً "
                "ملموساً يمكنها القيام به.</p>",
            ),
            15,
            (
                "<ul><li><b>Santé</b> : le bureau communal d'hygiène participe aux campagnes de "
                "vaccination ouvertes à tous les habitants, quelle que soit leur nationalité.</li>"
                "<li><b>Jeunesse et loisirs</b> : le service des sports ouvre les terrains de proximité "
                "aux associations de jeunes migrants.</li>"
                "<li><b>Éducation et culture</b> : la bibliothèque municipale propose des cours de "
                "darija et d'amazighe aux nouveaux arrivants.</li></ul>",
                "<ul><li><b>الصحة</b>: يشارك المكتب الجماعي لحفظ الصحة في حملات التلقيح المفتوحة "
                "لجميع السكان، أياً كانت جنسيتهم.</li>"
                "<li><b>الشباب والترفيه</b>: تفتح مصلحة الرياضة ملاعب القرب أمام جمعيات الشباب "
                "المهاجرين.</li>"
                "<li><b>التربية والثقافة</b>: تقترح الخزانة الجماعية دروساً في الدارجة المغربية "
                "والأمازيغية للوافدين الجدد.</li></ul>",
            ),
        ),
    ],
)

SNMRE = Lesson(
    slug="snmre",
    title=(
        "La Stratégie nationale en faveur des Marocains résidant à l'étranger (SNMRE)",
        "الاستراتيجية الوطنية لفائدة المغاربة المقيمين بالخارج",
    ),
    summary=(
        "Les Marocains du monde, leurs liens avec les communes d'origine et le retour.",
        "مغاربة العالم، وصلاتهم بجماعات الأصل، والعودة.",
    ),
    minutes=20,
    body=[
        paragraph((
            "<p>Plus de cinq millions de Marocains vivent à l'étranger. Leurs transferts, leurs "
            "investissements, leurs compétences et leurs visites estivales (opération « Marhaba ») "
            "en font des acteurs du développement de leurs communes d'origine. La <b>SNMRE</b>, "
            "portée par le ministère délégué chargé des Marocains résidant à l'étranger, vise à "
            "préserver leur identité marocaine, à protéger leurs droits et leurs intérêts, et à "
            "mobiliser leurs compétences et leurs investissements au service du développement du "
            "pays.</p>",
            "<p>يعيش أكثر من خمسة ملايين مغربي بالخارج. وتجعل منهم تحويلاتهم واستثماراتهم "
            "وكفاءاتهم وزياراتهم الصيفية (عملية «مرحبا») فاعلين في تنمية جماعاتهم الأصلية. وتهدف "
            "<b>الاستراتيجية الوطنية لفائدة المغاربة المقيمين بالخارج</b>، التي تشرف عليها الوزارة "
            "المنتدبة المكلفة بالمغاربة المقيمين بالخارج، إلى الحفاظ على الهوية المغربية لهؤلاء "
            "المواطنين، وحماية حقوقهم ومصالحهم، وتعبئة كفاءاتهم واستثماراتهم لخدمة تنمية "
            "البلاد.</p>",
        )),
        paragraph((
            "<h3>Ce que la commune peut faire</h3><ul>"
            "<li>accueillir les MRE en été avec des horaires adaptés à l'état civil et à la "
            "légalisation des signatures ;</li>"
            "<li>informer sur les opportunités d'investissement local et orienter vers le centre "
            "régional d'investissement ;</li>"
            "<li>associer les associations de la diaspora aux projets de développement de la "
            "commune ;</li>"
            "<li>préparer l'accueil des <b>Marocains de retour</b> : retraités, familles, jeunes "
            "diplômés, mais aussi personnes revenues dans des conditions difficiles.</li></ul>",
            "<h3>ما يمكن للجماعة القيام به</h3><ul>"
            "<li>استقبال المغاربة المقيمين بالخارج خلال فصل الصيف بمواقيت ملائمة في مصالح الحالة "
            "المدنية والمصادقة على الإمضاءات؛</li>"
            "<li>الإخبار بفرص الاستثمار المحلي والتوجيه نحو المركز الجهوي للاستثمار؛</li>"
            "<li>إشراك جمعيات مغاربة العالم في المشاريع التنموية للجماعة؛</li>"
            "<li>التحضير لاستقبال <b>المغاربة العائدين</b>: المتقاعدون، والأسر، والشباب حاملو "
            "الشهادات، وكذا الأشخاص الذين عادوا في ظروف صعبة.</li></ul>",
        )),
        callout(
            "tip",
            ("Deux stratégies, un même territoire", "استراتيجيتان، ومجال ترابي واحد"),
            (
                "<p>La SNIA concerne les étrangers qui vivent au Maroc, la SNMRE les Marocains qui "
                "vivent ou ont vécu à l'étranger. Dans une même commune, les mêmes services (état "
                "civil, action sociale, emploi) répondent aux deux publics : planifiez-les "
                "ensemble.</p>",
                "<p>تهم الاستراتيجية الوطنية للهجرة واللجوء الأجانبَ المقيمين بالمغرب، بينما تهم "
                "الاستراتيجية الوطنية لفائدة المغاربة المقيمين بالخارج المغاربةَ الذين يعيشون أو "
                "عاشوا بالخارج. وفي الجماعة الواحدة، تستجيب المصالح نفسها (الحالة المدنية، والعمل "
                "الاجتماعي، والتشغيل) للفئتين معاً: خطّطوا لها معاً.</p>",
            ),
        ),
    ],
)

ROLE_OF_COMMUNES = Lesson(
    slug="role-des-communes",
    title=("Le rôle des communes : compétences et acteurs", "دور الجماعات: الاختصاصات والفاعلون"),
    summary=(
        "Ce que la loi organique 113-14 permet aux communes de faire, et avec qui.",
        "ما يتيحه القانون التنظيمي رقم 113.14 للجماعات، ومع من.",
    ),
    minutes=20,
    body=[
        paragraph((
            "<p>La <b>loi organique n° 113-14 relative aux communes</b> (2015) distingue trois types "
            "de compétences :</p><ul>"
            "<li><b>compétences propres</b> : services de proximité (action sociale, équipements "
            "culturels et sportifs, hygiène, transport urbain…) ;</li>"
            "<li><b>compétences partagées</b> avec l'État : développement de l'économie locale et "
            "de l'emploi, établissements scolaires et centres de santé de base… ;</li>"
            "<li><b>compétences transférées</b> par l'État.</li></ul>"
            "<p>Le président du conseil communal est officier d'état civil : les bureaux d'état "
            "civil de la commune enregistrent naissances, mariages et décès. L'accueil des migrants "
            "ne figure pas comme une compétence à part : il passe par l'ensemble de ces compétences, "
            "exercées pour <i>tous</i> les habitants de la commune.</p>",
            "<p>يميز <b>القانون التنظيمي رقم 113.14 المتعلق بالجماعات</b> (2015) بين ثلاثة أنواع "
            "من الاختصاصات:</p><ul>"
            "<li><b>اختصاصات ذاتية</b>: خدمات القرب (العمل الاجتماعي، والمرافق الثقافية "
            "والرياضية، وحفظ الصحة، والنقل الحضري...)؛</li>"
            "<li><b>اختصاصات مشتركة</b> مع الدولة: تنمية الاقتصاد المحلي وإنعاش الشغل، والمؤسسات "
            "التعليمية والمراكز الصحية الأساسية...؛</li>"
            "<li><b>اختصاصات منقولة</b> من الدولة.</li></ul>"
            "<p>ورئيس المجلس الجماعي ضابطٌ للحالة المدنية: تسجل مكاتب الحالة المدنية بالجماعة "
            "الولادات والزيجات والوفيات. واستقبال المهاجرين ليس اختصاصاً قائماً بذاته، بل يمر عبر "
            "مجموع هذه الاختصاصات التي تُمارَس لفائدة <i>جميع</i> ساكنة الجماعة.</p>",
        )),
        paragraph((
            "<h3>Les acteurs autour de la commune</h3><ul>"
            "<li>la wilaya, la préfecture ou la province et les services déconcentrés (santé, "
            "éducation, emploi, Entraide nationale) ;</li>"
            "<li>la région, compétente pour la formation professionnelle et le développement "
            "économique ;</li>"
            "<li>les associations de migrants, d'aide aux migrants et de la diaspora ;</li>"
            "<li>les organisations internationales (OIM, HCR) et les partenaires de coopération ;</li>"
            "<li>l'<b>instance de l'équité, de l'égalité des chances et de l'approche genre</b> que "
            "chaque conseil communal crée : un lieu où les associations peuvent faire entendre les "
            "besoins des migrants.</li></ul>",
            "<h3>الفاعلون حول الجماعة</h3><ul>"
            "<li>الولاية أو العمالة أو الإقليم والمصالح اللاممركزة (الصحة، والتربية الوطنية، "
            "والتشغيل، والتعاون الوطني)؛</li>"
            "<li>الجهة، المختصة في التكوين المهني والتنمية الاقتصادية؛</li>"
            "<li>جمعيات المهاجرين والجمعيات الداعمة لهم وجمعيات مغاربة العالم؛</li>"
            "<li>المنظمات الدولية (المنظمة الدولية للهجرة، والمفوضية السامية للأمم المتحدة لشؤون "
            "اللاجئين) وشركاء التعاون؛</li>"
            "<li><b>هيئة المساواة وتكافؤ الفرص ومقاربة النوع</b> التي يُحدثها كل مجلس جماعي: "
            "فضاء يمكن للجمعيات من خلاله إسماع احتياجات المهاجرين.</li></ul>",
        )),
        exercise(
            ("Cartographier les acteurs", "رسم خريطة الفاعلين"),
            (
                "<p>Dressez la carte des acteurs de votre commune qui interviennent auprès des "
                "migrants, des réfugiés ou des Marocains de retour. Classez-les en trois cercles : "
                "services communaux, services de l'État, société civile et partenaires. Indiquez "
                "pour chacun une personne de contact.</p>",
                "<p>ارسم خريطة الفاعلين في جماعتك الذين يتدخلون لفائدة المهاجرين أو اللاجئين أو "
                "المغاربة العائدين. صنّفهم في ثلاث دوائر: المصالح الجماعية، ومصالح الدولة، والمجتمع "
                "المدني والشركاء. وحدّد لكل واحد منهم شخصاً للتواصل.</p>",
            ),
            20,
            (
                "<p>Exemple pour une commune moyenne : <b>services communaux</b> — division de "
                "l'action sociale, bureau d'état civil, bureau communal d'hygiène, service des "
                "sports ; <b>services de l'État</b> — délégation de la santé, direction provinciale "
                "de l'éducation, agence de l'ANAPEC, Entraide nationale ; <b>société civile et "
                "partenaires</b> — deux associations d'aide aux migrants, une association de la "
                "diaspora, le bureau de l'OIM.</p>",
                "<p>مثال لجماعة متوسطة: <b>المصالح الجماعية</b> — قسم العمل الاجتماعي، ومكتب الحالة "
                "المدنية، والمكتب الجماعي لحفظ الصحة، ومصلحة الرياضة؛ <b>مصالح الدولة</b> — "
                "المندوبية الإقليمية للصحة، والمديرية الإقليمية للتربية الوطنية، ووكالة إنعاش "
                "التشغيل والكفاءات، والتعاون الوطني؛ <b>المجتمع المدني والشركاء</b> — جمعيتان لدعم "
                "المهاجرين، وجمعية لمغاربة العالم، ومكتب المنظمة الدولية للهجرة.</p>",
            ),
        ),
    ],
)

DIAGNOSTIC = Lesson(
    slug="diagnostic-territorial",
    title=("Le diagnostic territorial de la migration", "التشخيص الترابي للهجرة"),
    summary=(
        "Qui vit dans la commune, de quoi ont-ils besoin, quels services existent ?",
        "من يعيش في الجماعة، وما احتياجاتهم، وما الخدمات المتوفرة؟",
    ),
    minutes=30,
    body=[
        paragraph((
            "<p>Le PAC s'appuie sur un diagnostic participatif du territoire. Pour que la "
            "migration y trouve sa place, le diagnostic doit répondre à trois questions :</p><ol>"
            "<li><b>Qui ?</b> Migrants installés ou en transit, étudiants étrangers, réfugiés et "
            "demandeurs d'asile, Marocains de retour : effectifs approximatifs, quartiers, âge, "
            "sexe, langues.</li>"
            "<li><b>Quels besoins ?</b> Santé, scolarisation, logement, emploi, documents d'état "
            "civil, protection des personnes vulnérables (femmes enceintes, mineurs non "
            "accompagnés).</li>"
            "<li><b>Quelle offre ?</b> Services communaux et de l'État, associations, et obstacles "
            "d'accès (langue, coût, méconnaissance des droits, peur des contrôles).</li></ol>",
            "<p>يستند برنامج عمل الجماعة إلى تشخيص تشاركي للمجال الترابي. ولكي تجد الهجرة مكانها "
            "فيه، ينبغي أن يجيب التشخيص عن ثلاثة أسئلة:</p><ol>"
            "<li><b>من؟</b> المهاجرون المستقرون أو في وضعية عبور، والطلبة الأجانب، واللاجئون "
            "وطالبو اللجوء، والمغاربة العائدون: أعدادهم التقريبية، وأحياؤهم، وأعمارهم، وجنسهم، "
            "ولغاتهم.</li>"
            "<li><b>ما الاحتياجات؟</b> الصحة، والتمدرس، والسكن، والشغل، ووثائق الحالة المدنية، "
            "وحماية الأشخاص في وضعية هشاشة (النساء الحوامل، والقاصرون غير المرفقين).</li>"
            "<li><b>ما العرض المتوفر؟</b> المصالح الجماعية ومصالح الدولة، والجمعيات، وعوائق "
            "الولوج (اللغة، والكلفة، وعدم معرفة الحقوق، والخوف من المراقبة).</li></ol>",
        )),
        callout(
            "info",
            ("Sources de données", "مصادر المعطيات"),
            (
                "<p>Recensement général de la population et de l'habitat (HCP), données des services "
                "déconcentrés (élèves étrangers scolarisés, consultations dans les centres de santé), "
                "registres d'état civil de la commune, rapports des associations et des organisations "
                "internationales. Complétez par des entretiens et des groupes de discussion avec les "
                "personnes concernées : elles sont la meilleure source sur les obstacles qu'elles "
                "rencontrent.</p>",
                "<p>الإحصاء العام للسكان والسكنى (المندوبية السامية للتخطيط)، ومعطيات المصالح "
                "اللاممركزة (التلاميذ الأجانب المتمدرسون، والاستشارات بالمراكز الصحية)، وسجلات "
                "الحالة المدنية بالجماعة، وتقارير الجمعيات والمنظمات الدولية. وأكملوها بمقابلات "
                "ومجموعات نقاش مع الأشخاص المعنيين: فهم أفضل مصدر لمعرفة العوائق التي "
                "يواجهونها.</p>",
            ),
        ),
        exercise(
            ("Construire votre grille de diagnostic", "إعداد شبكة التشخيص الخاصة بك"),
            (
                "<p>À partir des trois questions ci-dessus, préparez une grille d'une page pour "
                "votre commune : pour chaque public, indiquez une source de données disponible, un "
                "besoin prioritaire présumé et un service qui pourrait y répondre. Signalez les cases "
                "que vous ne pouvez pas remplir : ce sont les lacunes que le diagnostic devra "
                "combler.</p>",
                "<p>انطلاقاً من الأسئلة الثلاثة أعلاه، أعِدّ شبكة من صفحة واحدة لجماعتك: حدّد لكل "
                "فئة مصدراً متاحاً للمعطيات، وحاجة ذات أولوية مفترضة، ومصلحة يمكنها الاستجابة لها. "
                "وأشِر إلى الخانات التي لا تستطيع ملأها: فتلك هي الثغرات التي ينبغي أن يسدّها "
                "التشخيص.</p>",
            ),
            30,
            (
                "<p>Exemple de ligne : <b>enfants de migrants installés</b> — source : direction "
                "provinciale de l'éducation (élèves étrangers par établissement) — besoin présumé : "
                "soutien en langue arabe — service : centre socio-éducatif de la commune avec une "
                "association partenaire. Lacune : nombre d'enfants non scolarisés inconnu.</p>",
                "<p>مثال لسطر: <b>أطفال المهاجرين المستقرين</b> — المصدر: المديرية الإقليمية "
                "للتربية الوطنية (التلاميذ الأجانب حسب المؤسسة) — الحاجة المفترضة: الدعم في اللغة "
                "العربية — المصلحة: المركز السوسيو-تربوي للجماعة بشراكة مع جمعية. الثغرة: عدد "
                "الأطفال غير المتمدرسين غير معروف.</p>",
            ),
        ),
    ],
)

MAINSTREAMING = Lesson(
    slug="migration-dans-le-pac-oujda",
    title=(
        "Inscrire la migration dans le PAC : l'expérience d'Oujda",
        "إدماج الهجرة في برنامج عمل الجماعة: تجربة وجدة",
    ),
    summary=(
        "Actions spécifiques ou intégration transversale : méthode, indicateurs et étude de cas.",
        "إجراءات خاصة أم إدماج أفقي: المنهجية والمؤشرات ودراسة حالة.",
    ),
    minutes=35,
    body=[
        paragraph((
            "<p>Le <b>Programme d'action de la commune (PAC)</b> fixe, pour la durée du mandat du "
            "conseil, les projets et actions que la commune prévoit de réaliser sur son territoire. "
            "Il y a deux façons d'y faire entrer la migration :</p><ul>"
            "<li><b>des actions spécifiques</b> (par exemple un guichet d'orientation pour les "
            "migrants) : visibles, mais fragiles si elles dépendent d'un financement extérieur ;</li>"
            "<li><b>l'intégration transversale</b> (<i>mainstreaming</i>) : chaque axe du PAC — "
            "action sociale, santé, culture, sport, emploi — compte les migrants parmi ses publics. "
            "C'est plus durable, car les actions reposent sur les services et les budgets ordinaires "
            "de la commune.</li></ul>"
            "<p>Les deux se combinent : quelques actions spécifiques pour lever des obstacles "
            "particuliers, et une attention constante à la migration dans tous les axes.</p>",
            "<p>يحدد <b>برنامج عمل الجماعة</b>، طيلة مدة انتداب المجلس، المشاريع والأنشطة التي "
            "تعتزم الجماعة إنجازها بترابها. وهناك طريقتان لإدراج الهجرة فيه:</p><ul>"
            "<li><b>إجراءات خاصة</b> (مثل شباك لتوجيه المهاجرين): مرئية، لكنها هشة إذا كانت تعتمد "
            "على تمويل خارجي؛</li>"
            "<li><b>الإدماج الأفقي</b>: يأخذ كل محور من محاور برنامج عمل الجماعة — العمل "
            "الاجتماعي، والصحة، والثقافة، والرياضة، والتشغيل — المهاجرين بعين الاعتبار ضمن الفئات "
            "المستهدفة. وهذا أكثر استدامة، لأن الأنشطة تعتمد على المصالح والميزانيات العادية "
            "للجماعة.</li></ul>"
            "<p>ويمكن الجمع بين الطريقتين: بعض الإجراءات الخاصة لرفع عوائق محددة، وانتباه دائم "
            "للهجرة في جميع المحاور.</p>",
        )),
        case_study(
            (
                "Oujda : la migration dans le Programme d'action de la commune",
                "وجدة: الهجرة في برنامج عمل الجماعة",
            ),
            ("Commune d'Oujda", "جماعة وجدة"),
            (
                "<p>Ville frontalière de l'Oriental, Oujda est à la fois une étape sur les routes "
                "migratoires, un lieu d'installation pour des migrants d'Afrique subsaharienne, une "
                "ville universitaire qui accueille des étudiants étrangers et la commune d'origine de "
                "nombreux Marocains résidant à l'étranger. Les services communaux recevaient ces "
                "publics sans cadre commun, et les associations agissaient sans lien avec la "
                "planification communale.</p>",
                "<p>وجدة مدينة حدودية بجهة الشرق، وهي في الوقت نفسه محطة على مسارات الهجرة، ومكان "
                "استقرار لمهاجرين من إفريقيا جنوب الصحراء، ومدينة جامعية تستقبل طلبة أجانب، وجماعةُ "
                "أصلٍ لعدد كبير من المغاربة المقيمين بالخارج. وكانت المصالح الجماعية تستقبل هذه "
                "الفئات دون إطار مشترك، بينما كانت الجمعيات تعمل دون صلة بالتخطيط الجماعي.</p>",
            ),
            (
                "<ul><li>un diagnostic participatif associant services communaux, services "
                "déconcentrés, associations et personnes migrantes ;</li>"
                "<li>un comité de suivi et un point focal « migration » désigné au sein de "
                "l'administration communale ;</li>"
                "<li>l'inscription de la migration dans les axes existants du PAC (action sociale, "
                "santé de proximité, sport et culture) plutôt que dans un programme séparé ;</li>"
                "<li>des actions de sensibilisation du personnel d'accueil et des partenariats "
                "formalisés avec la société civile.</li></ul>",
                "<ul><li>تشخيص تشاركي أشرك المصالح الجماعية، والمصالح اللاممركزة، والجمعيات، "
                "والمهاجرين أنفسهم؛</li>"
                "<li>لجنة للتتبع ونقطة ارتكاز «للهجرة» داخل الإدارة الجماعية؛</li>"
                "<li>إدراج الهجرة في المحاور القائمة لبرنامج عمل الجماعة (العمل الاجتماعي، والصحة "
                "عن قرب، والرياضة والثقافة) بدل برنامج منفصل؛</li>"
                "<li>أنشطة لتحسيس موظفي الاستقبال، وشراكات مؤطَّرة مع المجتمع المدني.</li></ul>",
            ),
            (
                "<p>L'engagement du président et du conseil a été décisif ; la désignation d'un "
                "point focal a donné une adresse claire aux partenaires ; l'ancrage dans les axes "
                "existants a permis de poursuivre les actions au-delà des projets financés par la "
                "coopération.</p>",
                "<p>كان التزام الرئيس والمجلس حاسماً؛ ومنح تعيين نقطة الارتكاز عنواناً واضحاً "
                "للشركاء؛ ومكّن الإدماج في المحاور القائمة من مواصلة الأنشطة بعد انتهاء المشاريع "
                "الممولة في إطار التعاون.</p>",
            ),
        ),
        callout(
            "important",
            ("Indicateurs et budget", "المؤشرات والميزانية"),
            (
                "<p>Une action inscrite au PAC sans indicateur ni ligne budgétaire reste une "
                "intention. Pour chaque action, prévoyez au moins un indicateur ventilé (par sexe, "
                "âge et nationalité ou statut lorsque c'est utile et sans danger pour les "
                "personnes), une valeur de départ, une cible et le service responsable.</p>",
                "<p>يظل كل إجراء مدرج في برنامج عمل الجماعة دون مؤشر ولا بند في الميزانية مجرد "
                "نية. فحدّدوا لكل إجراء مؤشراً واحداً على الأقل مفصّلاً (حسب الجنس والسن والجنسية "
                "أو الوضعية، عندما يكون ذلك مفيداً ولا يشكل خطراً على الأشخاص)، وقيمة مرجعية، وقيمة "
                "مستهدفة، والمصلحة المسؤولة.</p>",
            ),
        ),
        exercise(
            ("Rédiger trois indicateurs", "صياغة ثلاثة مؤشرات"),
            (
                "<p>Choisissez un axe du PAC de votre commune (par exemple l'action sociale). "
                "Rédigez trois indicateurs qui permettraient de savoir si les migrants et les "
                "Marocains de retour bénéficient réellement de cet axe.</p>",
                "<p>اختر محوراً من محاور برنامج عمل جماعتك (مثلاً العمل الاجتماعي). وصُغ ثلاثة "
                "مؤشرات تمكّن من معرفة ما إذا كان المهاجرون والمغاربة العائدون يستفيدون فعلاً من "
                "هذا المحور.</p>",
            ),
            20,
            (
                "<ul><li>Nombre de personnes étrangères reçues par la division de l'action sociale, "
                "par sexe (valeur de départ mesurée la première année).</li>"
                "<li>Délai moyen de déclaration des naissances d'enfants de parents étrangers à "
                "l'état civil.</li>"
                "<li>Nombre de conventions signées avec des associations intervenant auprès des "
                "migrants, et montant des subventions versées.</li></ul>",
                "<ul><li>عدد الأشخاص الأجانب الذين استقبلهم قسم العمل الاجتماعي، حسب الجنس (تُقاس "
                "القيمة المرجعية خلال السنة الأولى).</li>"
                "<li>متوسط أجل التصريح بولادات أطفال الآباء الأجانب لدى الحالة المدنية.</li>"
                "<li>عدد الاتفاقيات الموقعة مع الجمعيات العاملة لفائدة المهاجرين، ومبلغ المنح "
                "المصروفة.</li></ul>",
            ),
        ),
    ],
)

ACCESS_TO_SERVICES = Lesson(
    slug="acces-aux-services",
    title=(
        "L'accès aux services sociaux, économiques et culturels",
        "الولوج إلى الخدمات الاجتماعية والاقتصادية والثقافية",
    ),
    summary=(
        "État civil, santé, école, emploi, culture : les droits, les obstacles et ce que la "
        "commune peut changer.",
        "الحالة المدنية، والصحة، والمدرسة، والشغل، والثقافة: الحقوق والعوائق وما يمكن للجماعة "
        "تغييره.",
    ),
    minutes=30,
    body=[
        paragraph((
            "<h3>Social</h3><p>Les naissances survenues au Maroc, y compris celles d'enfants de "
            "parents étrangers, sont déclarées au bureau d'état civil de la commune : un acte de "
            "naissance protège l'enfant toute sa vie. Les centres de santé de base reçoivent les "
            "migrants pour les soins primaires, la vaccination et le suivi de la grossesse, et les "
            "enfants étrangers peuvent être inscrits à l'école publique.</p>"
            "<h3>Économique</h3><p>Les personnes en situation régulière peuvent s'inscrire à "
            "l'ANAPEC, suivre une formation professionnelle, créer une coopérative ou une activité "
            "génératrice de revenus. La commune peut relayer ces dispositifs et ouvrir ses marchés "
            "et foires locales aux porteurs de projets migrants.</p>"
            "<h3>Culturel</h3><p>Bibliothèques, maisons de jeunes, terrains de sport et festivals "
            "sont des lieux de rencontre entre habitants : ouvrir leurs activités aux migrants et "
            "valoriser leurs cultures est un levier d'intégration peu coûteux.</p>",
            "<h3>الجانب الاجتماعي</h3><p>يُصرَّح بالولادات التي تقع بالمغرب، بما فيها ولادات "
            "أطفال الآباء الأجانب، لدى مكتب الحالة المدنية بالجماعة: فعقد الازدياد يحمي الطفل "
            "طيلة حياته. وتستقبل مراكز الصحة الأساسية المهاجرين للعلاجات الأولية والتلقيح وتتبع "
            "الحمل، ويمكن تسجيل الأطفال الأجانب في المدرسة العمومية.</p>"
            "<h3>الجانب الاقتصادي</h3><p>يمكن للأشخاص في وضعية قانونية التسجيل لدى الوكالة "
            "الوطنية لإنعاش التشغيل والكفاءات، ومتابعة تكوين مهني، وإحداث تعاونية أو نشاط مدرّ "
            "للدخل. ويمكن للجماعة التعريف بهذه الآليات وفتح أسواقها ومعارضها المحلية أمام حاملي "
            "المشاريع من المهاجرين.</p>"
            "<h3>الجانب الثقافي</h3><p>الخزانات، ودور الشباب، والملاعب الرياضية، والمهرجانات "
            "أماكن للقاء بين السكان: وفتح أنشطتها أمام المهاجرين وتثمين ثقافاتهم رافعة للإدماج "
            "قليلة الكلفة.</p>",
        )),
        callout(
            "important",
            ("Un obstacle fréquent : la demande de documents", "عائق متكرر: طلب الوثائق"),
            (
                "<p>Exiger au guichet des pièces que la procédure ne prévoit pas ferme l'accès à un "
                "droit. Vérifiez la liste officielle des pièces exigées pour chaque service et formez "
                "le personnel d'accueil à l'appliquer à tous de la même manière.</p>",
                "<p>إن المطالبة في الشباك بوثائق لا تنص عليها المسطرة تحرم الشخص من حق من حقوقه. "
                "تحقّقوا من اللائحة الرسمية للوثائق المطلوبة لكل خدمة، وكوّنوا موظفي الاستقبال على "
                "تطبيقها على الجميع بالطريقة نفسها.</p>",
            ),
        ),
        exercise(
            ("Le parcours d'une famille", "مسار أسرة"),
            (
                "<p>Une famille camerounaise installée depuis deux ans dans votre commune vient "
                "d'avoir un enfant ; l'aîné, âgé de sept ans, n'est pas scolarisé. Décrivez les "
                "démarches de la famille, les services concernés et les obstacles possibles à chaque "
                "étape. Que peut faire la commune pour les lever ?</p>",
                "<p>أسرة كاميرونية مستقرة بجماعتك منذ سنتين رُزقت بمولود؛ أما الابن الأكبر، البالغ "
                "سبع سنوات، فغير متمدرس. صِف الإجراءات التي ستقوم بها الأسرة، والمصالح المعنية، "
                "والعوائق الممكنة في كل مرحلة. وما الذي يمكن للجماعة فعله لرفعها؟</p>",
            ),
            25,
            (
                "<ol><li><b>Déclaration de naissance</b> au bureau d'état civil, avec l'attestation "
                "d'accouchement et les pièces d'identité des parents ; obstacle : langue et "
                "méconnaissance de la procédure ; réponse : fiche d'information en arabe et en "
                "français, accueil formé.</li>"
                "<li><b>Vaccination</b> du nouveau-né au centre de santé ; réponse : information "
                "donnée lors de la déclaration de naissance.</li>"
                "<li><b>Inscription scolaire</b> de l'aîné auprès de l'école ou de la direction "
                "provinciale de l'éducation ; obstacle : niveau en arabe ; réponse : soutien scolaire "
                "dans un centre socio-éducatif avec une association.</li></ol>",
                "<ol><li><b>التصريح بالولادة</b> لدى مكتب الحالة المدنية، بشهادة الولادة ووثائق "
                "هوية الأبوين؛ العائق: اللغة وعدم معرفة المسطرة؛ الحل: بطاقة إخبارية بالعربية "
                "والفرنسية، واستقبال من طرف موظفين مكوَّنين.</li>"
                "<li><b>تلقيح</b> المولود بالمركز الصحي؛ الحل: الإخبار بذلك عند التصريح "
                "بالولادة.</li>"
                "<li><b>تسجيل</b> الابن الأكبر بالمدرسة أو لدى المديرية الإقليمية للتربية الوطنية؛ "
                "العائق: مستوى اللغة العربية؛ الحل: دعم مدرسي بمركز سوسيو-تربوي بشراكة مع "
                "جمعية.</li></ol>",
            ),
        ),
    ],
)

CIVIL_SOCIETY = Lesson(
    slug="travailler-avec-la-societe-civile",
    title=("Travailler avec les associations et les ONG", "العمل مع الجمعيات والمنظمات غير الحكومية"),
    summary=(
        "Identifier les partenaires, formaliser les partenariats, coordonner les interventions.",
        "تحديد الشركاء، وتأطير الشراكات، وتنسيق التدخلات.",
    ),
    minutes=25,
    body=[
        paragraph((
            "<p>Les associations connaissent les personnes migrantes, parlent leurs langues et "
            "gagnent leur confiance ; la commune dispose d'équipements, de services et d'une "
            "légitimité publique. Le partenariat réunit ces forces, à condition d'être clair :</p><ul>"
            "<li><b>identifier</b> les associations de migrants, d'aide aux migrants et de la "
            "diaspora, ainsi que les ONG et les organisations internationales actives sur le "
            "territoire ;</li>"
            "<li><b>formaliser</b> par une convention de partenariat : objectifs, engagements de "
            "chaque partie, durée, moyens, suivi ;</li>"
            "<li><b>financer de façon transparente</b> : appel à projets, critères publiés, rapport "
            "d'activité et rapport financier ;</li>"
            "<li><b>coordonner</b> : une réunion régulière de tous les intervenants évite les "
            "doublons et les vides.</li></ul>",
            "<p>تعرف الجمعيات المهاجرين، وتتحدث لغاتهم، وتكسب ثقتهم؛ بينما تتوفر الجماعة على "
            "مرافق ومصالح وشرعية عمومية. والشراكة تجمع بين هذه القوى، شريطة أن تكون واضحة:</p><ul>"
            "<li><b>تحديد</b> جمعيات المهاجرين والجمعيات الداعمة لهم وجمعيات مغاربة العالم، وكذا "
            "المنظمات غير الحكومية والمنظمات الدولية النشيطة بالمجال الترابي؛</li>"
            "<li><b>التأطير</b> باتفاقية شراكة: الأهداف، والتزامات كل طرف، والمدة، والوسائل، "
            "والتتبع؛</li>"
            "<li><b>التمويل بشفافية</b>: طلب مشاريع، ومعايير معلنة، وتقرير أدبي وتقرير مالي؛</li>"
            "<li><b>التنسيق</b>: اجتماع منتظم لجميع المتدخلين يتفادى التكرار والفراغ.</li></ul>",
        )),
        case_study(
            ("Un guichet d'orientation partagé", "شباك توجيه مشترك"),
            ("Exemple pédagogique", "مثال تكويني"),
            (
                "<p>Dans une grande commune, trois associations accueillaient chacune des migrants "
                "pour des besoins différents (santé, aide juridique, emploi). Les personnes passaient "
                "d'un lieu à l'autre et les services communaux ignoraient ces permanences.</p>",
                "<p>في جماعة كبرى، كانت ثلاث جمعيات تستقبل كل واحدة منها المهاجرين لاحتياجات "
                "مختلفة (الصحة، والمساعدة القانونية، والشغل). وكان الأشخاص يتنقلون من مكان إلى آخر، "
                "بينما كانت المصالح الجماعية تجهل هذه الديمومات.</p>",
            ),
            (
                "<p>La commune a mis à disposition un local dans un arrondissement central. Une "
                "convention a organisé une permanence commune deux demi-journées par semaine, avec "
                "une fiche d'orientation unique et un agent communal présent pour les démarches "
                "d'état civil et d'action sociale.</p>",
                "<p>وضعت الجماعة رهن الإشارة مقراً في مقاطعة بوسط المدينة. ونظمت اتفاقيةٌ ديمومةً "
                "مشتركة مرتين في الأسبوع لمدة نصف يوم، ببطاقة توجيه موحدة، وبحضور موظف جماعي "
                "لإجراءات الحالة المدنية والعمل الاجتماعي.</p>",
            ),
            (
                "<p>Un lieu unique et une fiche partagée ont réduit les allers-retours ; la présence "
                "d'un agent communal a rendu visibles les obstacles administratifs, qui ont pu être "
                "corrigés.</p>",
                "<p>قلّص المكان الموحد والبطاقة المشتركة التنقلات المتكررة؛ وجعل حضور الموظف "
                "الجماعي العوائق الإدارية مرئية، فأمكن تصحيحها.</p>",
            ),
        ),
        exercise(
            ("Esquisser une convention de partenariat", "إعداد تصوّر لاتفاقية شراكة"),
            (
                "<p>Rédigez le plan d'une convention entre votre commune et une association d'aide "
                "aux migrants pour accompagner les familles dans leurs démarches. Indiquez l'objet, "
                "les engagements de chaque partie, les indicateurs de suivi et la durée.</p>",
                "<p>حرّر تصميم اتفاقية بين جماعتك وجمعية داعمة للمهاجرين من أجل مواكبة الأسر في "
                "إجراءاتها. حدّد موضوع الاتفاقية، والتزامات كل طرف، ومؤشرات التتبع، والمدة.</p>",
            ),
            20,
            (
                "<p><b>Objet</b> : accompagner les familles migrantes dans leurs démarches d'état "
                "civil, de santé et de scolarisation. <b>Commune</b> : local, agent référent, "
                "impression des fiches d'information, subvention annuelle. <b>Association</b> : "
                "permanences hebdomadaires, interprétariat, rapport trimestriel. <b>Indicateurs</b> : "
                "familles accompagnées, démarches abouties, délais. <b>Durée</b> : deux ans, avec un "
                "bilan à mi-parcours.</p>",
                "<p><b>الموضوع</b>: مواكبة الأسر المهاجرة في إجراءات الحالة المدنية والصحة "
                "والتمدرس. <b>الجماعة</b>: مقر، وموظف مرجعي، وطبع البطاقات الإخبارية، ومنحة سنوية. "
                "<b>الجمعية</b>: ديمومات أسبوعية، وترجمة شفوية، وتقرير كل ثلاثة أشهر. "
                "<b>المؤشرات</b>: عدد الأسر المواكَبة، والإجراءات المنجزة، والآجال. <b>المدة</b>: "
                "سنتان، مع تقييم في منتصف المدة.</p>",
            ),
        ),
    ],
)

DIVERSITY = Lesson(
    slug="sensibiliser-a-la-diversite",
    title=(
        "Sensibiliser à la diversité et prévenir les discriminations",
        "التحسيس بالتنوع والوقاية من التمييز",
    ),
    summary=(
        "Ce que dit la Constitution, et comment agir auprès du personnel et des habitants.",
        "ما ينص عليه الدستور، وكيف نعمل مع الموظفين والسكان.",
    ),
    minutes=20,
    body=[
        paragraph((
            "<p>La Constitution de 2011 rappelle que l'identité marocaine s'est nourrie et enrichie "
            "de ses affluents africain, andalou, hébraïque et méditerranéen, et engage le Royaume à "
            "bannir et combattre toute discrimination. Son article 30 prévoit que les étrangers "
            "jouissent des libertés fondamentales reconnues aux citoyennes et citoyens marocains, "
            "conformément à la loi.</p>"
            "<p>Dans les services, la discrimination est rarement affichée : elle prend la forme "
            "d'une attente plus longue, d'une pièce supplémentaire demandée, d'une remarque "
            "blessante. La sensibilisation vise ces pratiques ordinaires.</p>",
            "<p>يذكّر دستور 2011 بأن الهوية المغربية قد تغذّت وأُثريت بروافدها الإفريقية "
            "والأندلسية والعبرية والمتوسطية، ويُلزم المملكة بحظر ومكافحة كل أشكال التمييز. وينص "
            "الفصل 30 منه على أن الأجانب يتمتعون بالحريات الأساسية المعترف بها للمواطنات "
            "والمواطنين المغاربة، وفق القانون.</p>"
            "<p>وفي المصالح، نادراً ما يكون التمييز معلناً: فهو يتخذ شكل انتظار أطول، أو وثيقة "
            "إضافية مطلوبة، أو ملاحظة جارحة. ويستهدف التحسيس هذه الممارسات اليومية.</p>",
        )),
        paragraph((
            "<h3>Pistes d'action</h3><ul>"
            "<li>former le personnel d'accueil : préjugés, communication interculturelle, gestion "
            "des situations tendues ;</li>"
            "<li>afficher dans les services un message d'accueil en plusieurs langues ;</li>"
            "<li>associer les migrants aux fêtes de quartier, tournois sportifs et événements "
            "culturels de la commune ;</li>"
            "<li>mener des campagnes de sensibilisation avec les écoles, les associations et les "
            "médias locaux, par exemple autour de la Journée internationale des migrants "
            "(18 décembre).</li></ul>",
            "<h3>مقترحات للعمل</h3><ul>"
            "<li>تكوين موظفي الاستقبال: الأحكام المسبقة، والتواصل بين الثقافات، وتدبير "
            "الوضعيات المتوترة؛</li>"
            "<li>تعليق رسالة ترحيب بعدة لغات في المصالح؛</li>"
            "<li>إشراك المهاجرين في احتفالات الأحياء والدوريات الرياضية والتظاهرات الثقافية "
            "للجماعة؛</li>"
            "<li>تنظيم حملات تحسيسية مع المدارس والجمعيات ووسائل الإعلام المحلية، مثلاً بمناسبة "
            "اليوم الدولي للمهاجرين (18 دجنبر).</li></ul>",
        )),
        exercise(
            ("Préparer une action de sensibilisation", "إعداد نشاط تحسيسي"),
            (
                "<p>Concevez une action de sensibilisation à la diversité d'une demi-journée pour le "
                "personnel d'accueil de votre commune : objectifs, public, déroulé, intervenants "
                "(dont au moins une association de migrants) et un moyen de mesurer son effet.</p>",
                "<p>صمّم نشاطاً تحسيسياً حول التنوع لمدة نصف يوم لفائدة موظفي الاستقبال بجماعتك: "
                "الأهداف، والفئة المستهدفة، والبرنامج، والمتدخلون (منهم جمعية للمهاجرين على الأقل)، "
                "ووسيلة لقياس أثره.</p>",
            ),
            25,
            (
                "<p><b>Objectif</b> : réduire les refus et les délais injustifiés au guichet. "
                "<b>Public</b> : 20 agents de l'état civil et de l'action sociale. <b>Déroulé</b> : "
                "témoignages de deux personnes migrantes, jeu de rôle sur trois situations d'accueil, "
                "rappel des procédures. <b>Intervenants</b> : un formateur de l'ENSA, une association "
                "partenaire. <b>Mesure</b> : questionnaire avant et après, suivi des réclamations "
                "pendant six mois.</p>",
                "<p><b>الهدف</b>: تقليص حالات الرفض والتأخير غير المبررة في الشباك. <b>الفئة "
                "المستهدفة</b>: 20 موظفاً من الحالة المدنية والعمل الاجتماعي. <b>البرنامج</b>: "
                "شهادتان لمهاجرَين، ولعب أدوار حول ثلاث وضعيات استقبال، وتذكير بالمساطر. "
                "<b>المتدخلون</b>: مكوِّن من المدرسة الوطنية العليا للإدارة، وجمعية شريكة. "
                "<b>القياس</b>: استمارة قبل النشاط وبعده، وتتبع الشكايات لمدة ستة أشهر.</p>",
            ),
        ),
    ],
)

RIGHTS_BASED = Lesson(
    slug="approche-fondee-sur-les-droits",
    title=(
        "L'approche fondée sur les droits humains au guichet",
        "المقاربة القائمة على حقوق الإنسان في الشباك",
    ),
    summary=(
        "Cinq principes pour concevoir et délivrer les services communaux.",
        "خمسة مبادئ لتصميم الخدمات الجماعية وتقديمها.",
    ),
    minutes=25,
    body=[
        paragraph((
            "<p>L'<b>approche fondée sur les droits humains</b> considère chaque habitant comme "
            "titulaire de droits, et la commune comme débitrice d'obligations. Elle se résume en "
            "cinq principes :</p><ul>"
            "<li><b>participation</b> : les personnes concernées sont consultées sur les services "
            "qui les visent ;</li>"
            "<li><b>redevabilité</b> : la commune rend compte de ses résultats et traite les "
            "réclamations ;</li>"
            "<li><b>non-discrimination et égalité</b> : même service, mêmes conditions, attention "
            "aux plus vulnérables ;</li>"
            "<li><b>autonomisation</b> : informer chacun de ses droits et des procédures ;</li>"
            "<li><b>légalité</b> : s'appuyer sur la Constitution, les lois nationales et les "
            "engagements internationaux du Maroc.</li></ul>"
            "<p>Elle implique aussi de protéger les données personnelles des usagers, conformément "
            "à la loi n° 09-08.</p>",
            "<p>تعتبر <b>المقاربة القائمة على حقوق الإنسان</b> كل ساكن صاحبَ حقوق، والجماعةَ "
            "حاملةً لالتزامات. وتتلخص في خمسة مبادئ:</p><ul>"
            "<li><b>المشاركة</b>: يُستشار الأشخاص المعنيون في الخدمات الموجهة إليهم؛</li>"
            "<li><b>المساءلة</b>: تقدم الجماعة الحساب عن نتائجها وتعالج الشكايات؛</li>"
            "<li><b>عدم التمييز والمساواة</b>: الخدمة نفسها، بالشروط نفسها، مع الانتباه إلى "
            "الأشخاص الأكثر هشاشة؛</li>"
            "<li><b>التمكين</b>: إخبار كل شخص بحقوقه وبالمساطر؛</li>"
            "<li><b>الشرعية</b>: الاستناد إلى الدستور والقوانين الوطنية والالتزامات الدولية "
            "للمغرب.</li></ul>"
            "<p>وتقتضي كذلك حماية المعطيات الشخصية للمرتفقين، طبقاً للقانون رقم 09.08.</p>",
        )),
        case_study(
            ("Une déclaration de naissance difficile", "تصريح صعب بولادة"),
            ("Exemple pédagogique", "مثال تكويني"),
            (
                "<p>Une femme guinéenne se présente au bureau d'état civil pour déclarer la naissance "
                "de sa fille, née trois semaines plus tôt à la maternité de l'hôpital provincial. "
                "Elle parle peu l'arabe et le français, et un agent lui répond qu'« il faut revenir "
                "avec le père ».</p>",
                "<p>تقدّمت امرأة غينية إلى مكتب الحالة المدنية للتصريح بولادة ابنتها، التي وُلدت "
                "قبل ثلاثة أسابيع بمصلحة الولادة بالمستشفى الإقليمي. وهي لا تتحدث العربية ولا "
                "الفرنسية إلا قليلاً، فأجابها أحد الموظفين بأنه «يجب أن تعودي مع الأب».</p>",
            ),
            (
                "<p>La cheffe de bureau a vérifié la procédure : la mère peut déclarer la naissance. "
                "Avec l'aide d'une association partenaire pour l'interprétariat, l'agent a enregistré "
                "la déclaration le jour même et remis à la mère une fiche expliquant la suite "
                "(vaccination, retrait des copies d'acte).</p>",
                "<p>تحقّقت رئيسة المكتب من المسطرة: يحق للأم التصريح بالولادة. وبمساعدة جمعية "
                "شريكة في الترجمة الشفوية، سجّل الموظف التصريح في اليوم نفسه، وسلّم للأم بطاقة تشرح "
                "الخطوات الموالية (التلقيح، وسحب نسخ من عقد الازدياد).</p>",
            ),
            (
                "<p>Une réponse approximative au guichet peut priver un enfant d'identité. Une fiche "
                "de procédure claire, la formation des agents et un contact d'interprète suffisent "
                "souvent à garantir le droit.</p>",
                "<p>قد يحرم جوابٌ تقريبي في الشباك طفلاً من هويته. وكثيراً ما تكفي بطاقة مسطرة "
                "واضحة، وتكوين الموظفين، ورقم مترجم للتواصل، لضمان الحق.</p>",
            ),
        ),
        exercise(
            ("Analyser un service avec les cinq principes", "تحليل خدمة وفق المبادئ الخمسة"),
            (
                "<p>Choisissez un service de votre commune (état civil, action sociale, sport…). Pour "
                "chacun des cinq principes, notez ce qui est déjà fait et une amélioration "
                "possible.</p>",
                "<p>اختر خدمة من خدمات جماعتك (الحالة المدنية، والعمل الاجتماعي، والرياضة...). "
                "ودوّن، لكل مبدأ من المبادئ الخمسة، ما هو منجز حالياً وتحسيناً ممكناً.</p>",
            ),
            20,
            (
                "<p>Exemple pour le <b>service des sports</b> : participation — consulter les "
                "associations de jeunes migrants sur les créneaux ; redevabilité — publier le taux "
                "d'occupation des terrains ; non-discrimination — mêmes conditions d'inscription pour "
                "tous ; autonomisation — règlement affiché en arabe, en français et en anglais ; "
                "légalité — vérifier que le règlement n'exige aucune pièce non prévue.</p>",
                "<p>مثال <b>لمصلحة الرياضة</b>: المشاركة — استشارة جمعيات الشباب المهاجرين حول "
                "أوقات الحصص؛ المساءلة — نشر نسبة استغلال الملاعب؛ عدم التمييز — شروط التسجيل نفسها "
                "للجميع؛ التمكين — تعليق النظام الداخلي بالعربية والفرنسية والإنجليزية؛ الشرعية — "
                "التحقق من أن النظام الداخلي لا يطلب وثائق غير منصوص عليها.</p>",
            ),
        ),
    ],
)

PLANNING_COURSE = Course(
    slug="planifier-integration-migrants-communes",
    title=(
        "Planifier l'intégration des migrants au niveau communal",
        "تخطيط إدماج المهاجرين على مستوى الجماعة",
    ),
    summary=(
        "Comprendre les stratégies nationales (SNIA et SNMRE), inscrire la migration dans le "
        "Programme d'action de la commune (PAC), organiser l'accès des migrants, des réfugiés et des "
        "Marocains de retour aux services, et travailler avec la société civile dans une approche "
        "fondée sur les droits humains.",
        "فهم الاستراتيجيتين الوطنيتين (الاستراتيجية الوطنية للهجرة واللجوء والاستراتيجية الوطنية "
        "لفائدة المغاربة المقيمين بالخارج)، وإدماج بُعد الهجرة في برنامج عمل الجماعة، وتنظيم ولوج "
        "المهاجرين واللاجئين والمغاربة العائدين إلى الخدمات، والعمل مع المجتمع المدني وفق مقاربة "
        "قائمة على حقوق الإنسان.",
    ),
    objectives=(
        "<ul><li>Situer l'action communale dans la SNIA (2014) et la SNMRE.</li>"
        "<li>Réaliser un diagnostic territorial de la migration à l'échelle de la commune.</li>"
        "<li>Intégrer la migration dans les axes du PAC, avec des indicateurs et un budget.</li>"
        "<li>Organiser l'accès aux services sociaux, économiques et culturels sans "
        "discrimination.</li>"
        "<li>Construire des partenariats avec les associations et les ONG.</li>"
        "<li>Appliquer l'approche fondée sur les droits humains à l'accueil du public.</li></ul>",
        "<ul><li>تموقع عمل الجماعة ضمن الاستراتيجية الوطنية للهجرة واللجوء (2014) والاستراتيجية "
        "الوطنية لفائدة المغاربة المقيمين بالخارج.</li>"
        "<li>إنجاز تشخيص ترابي للهجرة على مستوى الجماعة.</li>"
        "<li>إدماج الهجرة في محاور برنامج عمل الجماعة، بمؤشرات وميزانية.</li>"
        "<li>تنظيم الولوج إلى الخدمات الاجتماعية والاقتصادية والثقافية دون تمييز.</li>"
        "<li>بناء شراكات مع الجمعيات والمنظمات غير الحكومية.</li>"
        "<li>تطبيق المقاربة القائمة على حقوق الإنسان في استقبال المرتفقين.</li></ul>",
    ),
    audience=(
        "Cadres de la fonction publique des communes partenaires (action sociale, planification, "
        "état civil, affaires culturelles et sportives), des ministères et des services "
        "déconcentrés, ainsi que les élus chargés de ces questions.",
        "أطر الوظيفة العمومية بالجماعات الشريكة (العمل الاجتماعي، والتخطيط، والحالة المدنية، "
        "والشؤون الثقافية والرياضية)، والوزارات والمصالح اللاممركزة، وكذا المنتخبون المكلفون بهذه "
        "القضايا.",
    ),
    duration_hours=18,
    curriculum_code="ENSA-MIG-101",
    theme_slugs=["planification-integration", "acces-aux-services", "sensibilisation-diversite"],
    modules=[
        Module(
            slug="cadre-national",
            title=(
                "Le cadre national : SNIA et SNMRE",
                "الإطار الوطني: الاستراتيجيتان الوطنيتان للهجرة",
            ),
            introduction=(
                "Les deux stratégies nationales qui orientent l'action publique en matière de "
                "migration, et la place qu'elles donnent aux communes.",
                "الاستراتيجيتان الوطنيتان اللتان توجّهان السياسات العمومية في مجال الهجرة، "
                "والمكانة التي تمنحانها للجماعات.",
            ),
            lessons=[SNIA, SNMRE, ROLE_OF_COMMUNES],
        ),
        Module(
            slug="migration-dans-le-pac",
            title=(
                "Intégrer la migration dans le Programme d'action de la commune (PAC)",
                "إدماج الهجرة في برنامج عمل الجماعة",
            ),
            introduction=(
                "Du diagnostic aux indicateurs : comment la migration devient une dimension du PAC "
                "plutôt qu'un projet isolé.",
                "من التشخيص إلى المؤشرات: كيف تصبح الهجرة بُعداً من أبعاد برنامج عمل الجماعة بدل "
                "أن تكون مشروعاً معزولاً.",
            ),
            lessons=[DIAGNOSTIC, MAINSTREAMING],
        ),
        Module(
            slug="services-et-societe-civile",
            title=(
                "Accès aux services et travail avec la société civile",
                "الولوج إلى الخدمات والعمل مع المجتمع المدني",
            ),
            introduction=(
                "Rendre les services communaux accessibles à tous les habitants et travailler en "
                "partenariat avec les associations et les ONG.",
                "جعل الخدمات الجماعية في متناول جميع السكان، والعمل بشراكة مع الجمعيات والمنظمات "
                "غير الحكومية.",
            ),
            lessons=[ACCESS_TO_SERVICES, CIVIL_SOCIETY],
        ),
        Module(
            slug="diversite-et-droits",
            title=(
                "Diversité et approche fondée sur les droits humains",
                "التنوع والمقاربة القائمة على حقوق الإنسان",
            ),
            introduction=(
                "Sensibiliser les équipes et les habitants à la diversité, et fonder l'action "
                "communale sur les droits de chaque personne.",
                "تحسيس الفرق والسكان بالتنوع، وبناء العمل الجماعي على حقوق كل شخص.",
            ),
            lessons=[DIVERSITY, RIGHTS_BASED],
        ),
    ],
)


# --- Course 2: welcoming returning Moroccans ------------------------------------------

RETURN_SITUATIONS = Lesson(
    slug="situations-de-retour",
    title=("Les situations de retour", "وضعيات العودة"),
    summary=(
        "Retraités, familles, jeunes diplômés, retours contraints : des besoins différents.",
        "المتقاعدون، والأسر، والشباب حاملو الشهادات، والعودة القسرية: احتياجات مختلفة.",
    ),
    minutes=20,
    body=[
        paragraph((
            "<p>Les <b>Marocains de retour</b> ne forment pas un groupe homogène :</p><ul>"
            "<li><b>retraités</b> revenant s'installer dans leur commune d'origine : transfert des "
            "pensions, couverture médicale, logement ;</li>"
            "<li><b>familles avec enfants</b> : scolarisation d'enfants qui parlent peu l'arabe, "
            "équivalence des diplômes, transcription des actes d'état civil établis à "
            "l'étranger ;</li>"
            "<li><b>jeunes diplômés et entrepreneurs</b> : reconnaissance des compétences, accès au "
            "financement, réseaux locaux ;</li>"
            "<li><b>retours contraints</b> (perte d'emploi, expulsion, crise dans le pays de "
            "résidence) : urgence sociale, soutien psychosocial, réinsertion "
            "professionnelle.</li></ul>",
            "<p>لا يشكل <b>المغاربة العائدون</b> فئة متجانسة:</p><ul>"
            "<li><b>المتقاعدون</b> العائدون للاستقرار بجماعتهم الأصلية: تحويل المعاشات، والتغطية "
            "الصحية، والسكن؛</li>"
            "<li><b>الأسر التي لها أطفال</b>: تمدرس أطفال لا يتقنون العربية، ومعادلة الشهادات، "
            "وتضمين عقود الحالة المدنية المحررة بالخارج؛</li>"
            "<li><b>الشباب حاملو الشهادات والمقاولون</b>: الاعتراف بالكفاءات، والولوج إلى "
            "التمويل، والشبكات المحلية؛</li>"
            "<li><b>العودة القسرية</b> (فقدان الشغل، أو الترحيل، أو أزمة في بلد الإقامة): "
            "الاستعجال الاجتماعي، والدعم النفسي والاجتماعي، وإعادة الإدماج المهني.</li></ul>",
        )),
        callout(
            "info",
            ("Une ressource : la diaspora elle-même", "مورد مهم: مغاربة العالم أنفسهم"),
            (
                "<p>Les associations de Marocains résidant à l'étranger et les personnes déjà "
                "revenues connaissent les difficultés du retour. Associez-les à l'accueil : "
                "parrainage, réunions d'information, témoignages.</p>",
                "<p>تعرف جمعيات المغاربة المقيمين بالخارج والأشخاص الذين عادوا من قبل صعوبات "
                "العودة. أشركوهم في الاستقبال: المواكبة، واجتماعات الإخبار، والشهادات.</p>",
            ),
        ),
    ],
)

RETURN_DESK = Lesson(
    slug="accueil-et-orientation",
    title=("Organiser l'accueil et l'orientation dans la commune", "تنظيم الاستقبال والتوجيه بالجماعة"),
    summary=(
        "Un point d'accueil, une fiche d'orientation et des partenaires identifiés.",
        "نقطة للاستقبال، وبطاقة للتوجيه، وشركاء محدَّدون.",
    ),
    minutes=25,
    body=[
        paragraph((
            "<p>Sans créer de nouvelle structure, la commune peut désigner un <b>point "
            "d'accueil</b> (au bureau d'état civil ou à la division de l'action sociale) qui :</p><ol>"
            "<li>écoute la situation de la personne et identifie ses besoins ;</li>"
            "<li>traite directement ce qui relève de la commune (état civil, attestations "
            "administratives, action sociale) ;</li>"
            "<li>oriente vers les bons services pour le reste : direction provinciale de "
            "l'éducation, ANAPEC, centre régional d'investissement, services du ministère chargé "
            "des MRE, associations ;</li>"
            "<li>note la suite donnée, pour améliorer l'orientation et nourrir le diagnostic du "
            "PAC.</li></ol>",
            "<p>دون إحداث بنية جديدة، يمكن للجماعة تعيين <b>نقطة استقبال</b> (بمكتب الحالة "
            "المدنية أو بقسم العمل الاجتماعي) تقوم بما يلي:</p><ol>"
            "<li>الإنصات لوضعية الشخص وتحديد احتياجاته؛</li>"
            "<li>معالجة ما يدخل في اختصاص الجماعة مباشرة (الحالة المدنية، والشواهد الإدارية، "
            "والعمل الاجتماعي)؛</li>"
            "<li>التوجيه نحو المصالح المختصة فيما تبقى: المديرية الإقليمية للتربية الوطنية، "
            "والوكالة الوطنية لإنعاش التشغيل والكفاءات، والمركز الجهوي للاستثمار، ومصالح الوزارة "
            "المكلفة بالمغاربة المقيمين بالخارج، والجمعيات؛</li>"
            "<li>تدوين مآل كل حالة، لتحسين التوجيه وإغناء تشخيص برنامج عمل الجماعة.</li></ol>",
        )),
        exercise(
            ("Orienter une famille de retour", "توجيه أسرة عائدة"),
            (
                "<p>Une famille revient d'Espagne après la perte d'emploi du père. Les deux enfants, "
                "de 9 et 13 ans, ont toujours été scolarisés en espagnol. Établissez la fiche "
                "d'orientation de la famille : besoins, services compétents, documents à préparer, "
                "et ce que la commune fait elle-même.</p>",
                "<p>عادت أسرة من إسبانيا بعد أن فقد الأب عمله. وقد تمدرس الطفلان، البالغان 9 و13 "
                "سنة، دائماً باللغة الإسبانية. أعِدّ بطاقة توجيه الأسرة: الاحتياجات، والمصالح "
                "المختصة، والوثائق الواجب تحضيرها، وما تقوم به الجماعة بنفسها.</p>",
            ),
            20,
            (
                "<ul><li><b>Commune</b> : transcription des actes de naissance des enfants nés en "
                "Espagne si nécessaire, certificat de résidence, information sur l'aide sociale.</li>"
                "<li><b>Éducation</b> : inscription et soutien en arabe auprès de la direction "
                "provinciale ; préparer les bulletins scolaires espagnols.</li>"
                "<li><b>Emploi</b> : inscription du père à l'ANAPEC, reconnaissance de son "
                "expérience.</li>"
                "<li><b>Associations</b> : soutien psychosocial et parrainage par une famille déjà "
                "revenue.</li></ul>",
                "<ul><li><b>الجماعة</b>: تضمين عقود ازدياد الطفلين المولودين بإسبانيا عند "
                "الاقتضاء، وشهادة السكنى، والإخبار بالمساعدة الاجتماعية.</li>"
                "<li><b>التربية الوطنية</b>: التسجيل والدعم في اللغة العربية لدى المديرية "
                "الإقليمية؛ وتحضير بيانات النقط الإسبانية.</li>"
                "<li><b>الشغل</b>: تسجيل الأب بالوكالة الوطنية لإنعاش التشغيل والكفاءات، والاعتراف "
                "بتجربته المهنية.</li>"
                "<li><b>الجمعيات</b>: الدعم النفسي والاجتماعي، ومواكبة من طرف أسرة عادت من "
                "قبل.</li></ul>",
            ),
        ),
    ],
)

RETURN_COURSE = Course(
    slug="accueillir-marocains-de-retour",
    title=("Accueillir et orienter les Marocains de retour", "استقبال المغاربة العائدين وتوجيههم"),
    summary=(
        "Comprendre les situations de retour et organiser, dans la commune, un accueil et une "
        "orientation qui facilitent la réintégration sociale et économique.",
        "فهم وضعيات العودة، وتنظيم استقبال وتوجيه داخل الجماعة ييسّران إعادة الإدماج الاجتماعي "
        "والاقتصادي.",
    ),
    objectives=(
        "<ul><li>Distinguer les principales situations de retour et leurs besoins.</li>"
        "<li>Organiser dans la commune un accueil et une orientation vers les bons "
        "services.</li></ul>",
        "<ul><li>التمييز بين أبرز وضعيات العودة واحتياجاتها.</li>"
        "<li>تنظيم استقبال داخل الجماعة وتوجيه نحو المصالح المختصة.</li></ul>",
    ),
    audience=(
        "Agents d'accueil, d'état civil et d'action sociale des communes ; associations "
        "partenaires.",
        "موظفو الاستقبال والحالة المدنية والعمل الاجتماعي بالجماعات؛ والجمعيات الشريكة.",
    ),
    duration_hours=6,
    curriculum_code="ENSA-MIG-102",
    theme_slugs=["marocains-de-retour", "planification-integration"],
    enrolment_policy="key",
    enrolment_key="RETOUR2026",
    modules=[
        Module(
            slug="le-retour",
            title=(
                "Le retour : situations, besoins, orientation",
                "العودة: الوضعيات والاحتياجات والتوجيه",
            ),
            introduction=(
                "Qui revient, de quoi ont-ils besoin, et comment la commune peut les orienter.",
                "من يعود، وما احتياجاتهم، وكيف يمكن للجماعة توجيههم.",
            ),
            lessons=[RETURN_SITUATIONS, RETURN_DESK],
        ),
    ],
)

COURSES = [PLANNING_COURSE, RETURN_COURSE]
