"""The demo course's end-of-course quiz, in French with its Arabic translation. Idempotent.

Questions are bilingual records of the course's bank: French in `text`, Arabic in
`text_ar` (and in each choice's `text_ar`); the Arabic quiz page shows the Arabic text.
"""

from __future__ import annotations

from django.db import transaction
from wagtail.models import Locale

from content.setup import ensure_translation
from courses.models import CoursePage, ModulePage, canonical_page

from .models import GradingMethod, Question, QuestionCategory, QuizPage, QuizQuestion, ReviewTiming

SLUG = "evaluation-finale"
TITLE = {"fr": "Évaluation finale", "ar": "التقييم النهائي"}
INTRODUCTION = {
    "fr": "Douze questions pour vérifier vos acquis sur la SNIA, la SNMRE et l'intégration de la "
    "migration dans le Programme d'action de la commune. Seuil de réussite : 60 %.",
    "ar": "اثنا عشر سؤالا للتحقق من مكتسباتكم حول الاستراتيجية الوطنية للهجرة واللجوء والاستراتيجية "
    "الوطنية لفائدة المغاربة المقيمين بالخارج وإدماج الهجرة في برنامج عمل الجماعة. عتبة النجاح: 60%.",
}
CATEGORY = ("Évaluation finale", "التقييم النهائي")


def _choice(id_, fr, ar, correct=False):
    return {"id": id_, "text": fr, "text_ar": ar, "correct": correct}


QUESTIONS = [
    {
        "kind": "single",
        "points": 1,
        "text": "Quelle stratégie nationale concerne les Marocains résidant à l'étranger ?",
        "text_ar": "أي استراتيجية وطنية تخص المغاربة المقيمين بالخارج؟",
        "data": {"choices": [
            _choice("a", "La Stratégie nationale d'immigration et d'asile (SNIA)", "الاستراتيجية الوطنية للهجرة واللجوء"),
            _choice("b", "La Stratégie nationale en faveur des Marocains résidant à l'étranger (SNMRE)",
                    "الاستراتيجية الوطنية لفائدة المغاربة المقيمين بالخارج", True),
            _choice("c", "Le Programme d'action de la commune (PAC)", "برنامج عمل الجماعة"),
        ]},
        "feedback_right": "Exact : la SNMRE s'adresse aux MRE et aux Marocains de retour.",
        "feedback_right_ar": "صحيح: تستهدف هذه الاستراتيجية المغاربة المقيمين بالخارج والمغاربة العائدين.",
        "feedback_wrong": "La SNIA concerne les migrants et réfugiés au Maroc ; la SNMRE, les MRE.",
        "feedback_wrong_ar": "تخص الاستراتيجية الوطنية للهجرة واللجوء المهاجرين واللاجئين بالمغرب، أما المغاربة المقيمون بالخارج فتخصهم استراتيجية أخرى.",
    },
    {
        "kind": "multiple",
        "points": 3,
        "text": "Quels publics la SNIA vise-t-elle ? (plusieurs réponses)",
        "text_ar": "ما هي الفئات التي تستهدفها الاستراتيجية الوطنية للهجرة واللجوء؟ (عدة أجوبة)",
        "data": {"choices": [
            _choice("a", "Les migrants", "المهاجرون", True),
            _choice("b", "Les réfugiés", "اللاجئون", True),
            _choice("c", "Les demandeurs d'asile", "طالبو اللجوء", True),
            _choice("d", "Les touristes de passage", "السياح العابرون"),
        ]},
        "general_feedback": "La SNIA, adoptée en 2014, couvre l'intégration des migrants, des réfugiés et des demandeurs d'asile.",
        "general_feedback_ar": "تشمل الاستراتيجية المعتمدة سنة 2014 إدماج المهاجرين واللاجئين وطالبي اللجوء.",
    },
    {
        "kind": "true_false",
        "points": 1,
        "text": "L'intégration des migrants peut être inscrite dans le Programme d'action de la commune (PAC).",
        "text_ar": "يمكن إدراج إدماج المهاجرين في برنامج عمل الجماعة.",
        "data": {"answer": True},
        "feedback_right": "Oui : Oujda l'a fait dans son PAC.",
        "feedback_right_ar": "نعم: قامت جماعة وجدة بذلك في برنامج عملها.",
    },
    {
        "kind": "true_false",
        "points": 1,
        "text": "La SNIA ne concerne que l'administration centrale : les communes n'y ont aucun rôle.",
        "text_ar": "لا تخص الاستراتيجية الوطنية للهجرة واللجوء إلا الإدارة المركزية، ولا دور للجماعات فيها.",
        "data": {"answer": False},
        "feedback_wrong": "Les communes sont en première ligne pour l'accès aux services de proximité.",
        "feedback_wrong_ar": "الجماعات في الخط الأمامي لولوج خدمات القرب.",
    },
    {
        "kind": "numeric",
        "points": 1,
        "text": "En quelle année le Maroc a-t-il adopté la SNIA ?",
        "text_ar": "في أي سنة اعتمد المغرب الاستراتيجية الوطنية للهجرة واللجوء؟",
        "data": {"value": 2014, "tolerance": 0},
    },
    {
        "kind": "short",
        "points": 1,
        "text": "Comment s'appelle le document de planification pluriannuelle d'une commune ? (en toutes lettres ou en sigle)",
        "text_ar": "ما اسم وثيقة التخطيط متعدد السنوات للجماعة؟",
        "data": {"accepted": ["Programme d'action de la commune", "Programme d'action communal", "PAC",
                             "برنامج عمل الجماعة"]},
    },
    {
        "kind": "short",
        "points": 1,
        "text": "Quelle commune de l'Oriental a intégré la migration dans son PAC (exemple étudié) ?",
        "text_ar": "ما هي جماعة جهة الشرق التي أدمجت الهجرة في برنامج عملها (المثال المدروس)؟",
        "data": {"accepted": ["Oujda", "وجدة"]},
    },
    {
        "kind": "matching",
        "points": 4,
        "text": "Associez chaque élément à ce qui le caractérise.",
        "text_ar": "اربط كل عنصر بما يميزه.",
        "data": {"pairs": [
            {"id": "1", "prompt": "SNIA", "prompt_ar": "الاستراتيجية الوطنية للهجرة واللجوء",
             "match": "Migrants, réfugiés et demandeurs d'asile", "match_ar": "المهاجرون واللاجئون وطالبو اللجوء"},
            {"id": "2", "prompt": "SNMRE", "prompt_ar": "الاستراتيجية الوطنية لفائدة المغاربة المقيمين بالخارج",
             "match": "Marocains résidant à l'étranger", "match_ar": "المغاربة المقيمون بالخارج"},
            {"id": "3", "prompt": "PAC", "prompt_ar": "برنامج عمل الجماعة",
             "match": "Planification communale", "match_ar": "التخطيط الجماعي"},
            {"id": "4", "prompt": "Coopération Sud-Sud", "prompt_ar": "التعاون جنوب-جنوب",
             "match": "Côte d'Ivoire, Mali, Sénégal", "match_ar": "كوت ديفوار، مالي، السنغال"},
        ]},
    },
    {
        "kind": "ordering",
        "points": 5,
        "text": "Remettez dans l'ordre les étapes de l'intégration de la migration dans le PAC.",
        "text_ar": "رتب مراحل إدماج الهجرة في برنامج عمل الجماعة.",
        "data": {"items": [
            {"id": "diagnostic", "text": "Diagnostic territorial de la situation des migrants",
             "text_ar": "التشخيص الترابي لوضعية المهاجرين"},
            {"id": "concertation", "text": "Concertation avec la société civile et les services de l'État",
             "text_ar": "التشاور مع المجتمع المدني والمصالح اللاممركزة"},
            {"id": "programmation", "text": "Programmation des actions dans le PAC",
             "text_ar": "برمجة الأنشطة في برنامج عمل الجماعة"},
            {"id": "mise-en-oeuvre", "text": "Mise en œuvre", "text_ar": "التنفيذ"},
            {"id": "suivi", "text": "Suivi et évaluation", "text_ar": "التتبع والتقييم"},
        ]},
    },
    {
        "kind": "single",
        "points": 1,
        "text": "Quelle approche guide la politique migratoire du Maroc ?",
        "text_ar": "ما المقاربة التي توجه السياسة المغربية في مجال الهجرة؟",
        "data": {"choices": [
            _choice("a", "Une approche fondée sur les droits humains", "مقاربة قائمة على حقوق الإنسان", True),
            _choice("b", "Une approche uniquement sécuritaire", "مقاربة أمنية فقط"),
            _choice("c", "Une approche sans coordination entre secteurs", "مقاربة دون تنسيق بين القطاعات"),
        ]},
    },
    {
        "kind": "multiple",
        "points": 2,
        "text": "Quels acteurs associer à l'élaboration du volet migration du PAC ? (plusieurs réponses)",
        "text_ar": "ما هي الجهات التي يجب إشراكها في إعداد محور الهجرة في برنامج عمل الجماعة؟ (عدة أجوبة)",
        "data": {"choices": [
            _choice("a", "Les associations de migrants", "جمعيات المهاجرين", True),
            _choice("b", "Les services déconcentrés de l'État", "المصالح اللاممركزة للدولة", True),
            _choice("c", "Personne : le président de la commune décide seul", "لا أحد: يقرر رئيس الجماعة وحده"),
        ]},
    },
    {
        "kind": "essay",
        "points": 4,
        "text": "Proposez deux actions concrètes qu'une commune peut inscrire dans son PAC pour "
        "l'intégration des Marocains de retour, et justifiez-les.",
        "text_ar": "اقترح نشاطين ملموسين يمكن للجماعة إدراجهما في برنامج عملها لإدماج المغاربة العائدين، مع التعليل.",
        "general_feedback": "Exemples : guichet d'accueil et d'orientation, accompagnement à la création d'entreprise.",
        "general_feedback_ar": "أمثلة: شباك للاستقبال والتوجيه، مواكبة إحداث المقاولات.",
    },
]


def _translated(page, locale):
    """Translate the page's ancestors first (they keep their titles when not translated yet)."""
    parent = page.get_parent().specific
    if parent.depth > 2 and parent.get_translation_or_none(locale) is None:
        _translated(parent, locale)
        ensure_translation(parent, locale)


@transaction.atomic
def seed_demo_quiz(*, course: CoursePage) -> QuizPage:
    """The course's end-of-course quiz (12 questions, every type), created once."""
    course = canonical_page(course).specific
    category, _created = QuestionCategory.objects.get_or_create(
        course=course, name=CATEGORY[0], defaults={"name_ar": CATEGORY[1]}
    )
    questions = []
    for spec in QUESTIONS:
        fields = dict(spec)
        text = fields.pop("text")
        question, _created = Question.objects.get_or_create(
            course=course, text=text, defaults={**fields, "category": category, "data": fields.get("data", {})}
        )
        questions.append(question)
    quiz = QuizPage.objects.descendant_of(course).filter(slug=SLUG).first()
    if quiz is None:
        module = ModulePage.objects.child_of(course).order_by("-path").first()
        if module is None:
            module = course.add_child(instance=ModulePage(title="Évaluation", slug="evaluation"))
            module.save_revision().publish()
        quiz = QuizPage(
            title=TITLE["fr"],
            slug=SLUG,
            introduction=INTRODUCTION["fr"],
            time_limit_minutes=30,
            attempts_allowed=3,
            grading_method=GradingMethod.HIGHEST,
            pass_mark=60,
            shuffle_choices=True,
            # Three attempts, the best one counts: the right answers, and the feedback
            # that names them, wait until the learner has used the last attempt.
            review_score=ReviewTiming.AFTER_ATTEMPT,
            review_answers=ReviewTiming.AFTER_LAST_ATTEMPT,
            review_feedback=ReviewTiming.AFTER_LAST_ATTEMPT,
            required=True,
        )
        module.add_child(instance=quiz)
        for position, question in enumerate(questions):
            QuizQuestion.objects.create(page=quiz, question=question, sort_order=position)
        quiz.save_revision().publish()
    arabic = Locale.objects.filter(language_code="ar").first()
    if arabic is not None:
        _translated(quiz, arabic)
        ensure_translation(quiz, arabic, title=TITLE["ar"], introduction=INTRODUCTION["ar"])
    return quiz


@transaction.atomic
def seed_demo_quiz_results(*, quiz: QuizPage, learners) -> None:
    """A passed, graded attempt at the demo quiz for each of `learners` who has none (the
    demo cohorts' learners who finished the course), then their course completion."""
    from django.utils import timezone

    from courses.models import Enrolment
    from courses.services import refresh_completion

    from .models import Attempt, AttemptState, ClosedBy

    quiz = canonical_page(quiz)
    course = quiz.get_course()
    for learner in learners:
        enrolment = Enrolment.objects.current().filter(learner=learner, course=course).first()
        if enrolment is None:
            continue
        if not Attempt.objects.filter(learner=learner, quiz=quiz).exists():
            Attempt.objects.create(
                learner=learner,
                quiz=quiz,
                number=1,
                state=AttemptState.GRADED,
                closed_by=ClosedBy.LEARNER,
                submitted_at=timezone.now(),
                percent=85,
            )
        refresh_completion(enrolment=enrolment)
