"""Every page in one language: an Arabic page reads in Arabic, a French page in French.

One small platform is built with everything a page can show, in both languages: a course
with its modules and lessons, a quiz with questions of every kind, a submitted, graded and an
unfinished attempt, an issued certificate, a handbook with editions, a cohort. Then every
page that a learner, a trainer and an administrator use is requested in Arabic and in
French, and the words people read (text, and the attributes screen readers speak) are
counted by script.

A page fails when words of the other script are more than 5 % of its words, or when five of
them follow each other (a sentence left in the other language). Not counted: people's names,
e-mail addresses, URLs and codes (serials, curriculum codes, acronyms such as ENSA or CSV),
and elements that declare the other language (`lang="fr"` on an Arabic page, `lang="ar"` on a
French one) or the other direction (`dir="ltr"` data such as a fingerprint on an Arabic page):
that is how content shown without a translation, with its visible "(in French)" marker, is
allowed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from certificates import services as certificate_services
from certificates.models import BulkIssueRun, CourseCertification
from content.setup import ensure_translation
from courses import services as course_services
from courses.models import Cohort, LessonPage
from courses.quizzes import services as quiz_services
from courses.quizzes.models import ReviewTiming
from lms.accounts.services import sync_admin_language
from tests.factories import quizzes as quiz_factory
from tests.factories.courses import build_course
from tests.factories.library import build_handbook
from tests.factories.users import administrator, learner, trainer, with_verified_email

MAX_SHARE = 0.05
MAX_RUN = 5

ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff\u0750-\u077f]")
LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")
WORD = re.compile(r"[^\W\d_](?:[\w\u064b-\u065f\u0670\u0640’'-]*\w)?")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL = re.compile(r"(?:https?://|/)[\w%./?=&#:;,+~-]*[\w/]")
CODE = re.compile(r"^(?:[A-Z]{2,}s?|[\w-]*\d[\w-]*)$")  # ENSA, PDFs, MIG-101, ENSA-2026-000001
SPOKEN_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")
SKIPPED = {"script", "style", "template", "svg"}
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class ReadText(HTMLParser):
    """The chunks of text a person reads or hears, leaving out the other language's elements."""

    def __init__(self, *, language: str):
        super().__init__(convert_charrefs=True)
        self.other = "fr" if language == "ar" else "ar"
        self.other_dir = "ltr" if language == "ar" else "rtl"
        self.stack: list[tuple[str, bool]] = []
        self.chunks: list[str] = []
        self.texts: list[str] = []  # the text nodes of the body (no attribute, no <title>)

    @property
    def excluded(self) -> bool:
        return any(skip for _tag, skip in self.stack)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        lang = (attributes.get("lang") or "").split("-")[0]
        skip = (
            tag in SKIPPED
            or lang == self.other
            or attributes.get("dir") == self.other_dir
            or attributes.get("type") == "hidden"
            or "hidden" in attributes
        )
        if not self.excluded and not skip:
            self.chunks += [attributes[a] for a in SPOKEN_ATTRIBUTES if attributes.get(a)]
            if (
                tag == "input"
                and attributes.get("type") in ("submit", "button")
                and attributes.get("value")
            ):
                self.chunks.append(attributes["value"])
        if tag not in VOID:
            self.stack.append((tag, skip))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if not self.excluded and data.strip():
            self.chunks.append(data)
            if any(tag == "body" for tag, _skip in self.stack):
                self.texts.append(data)


@dataclass
class Count:
    own: int = 0
    other: list[str] = field(default_factory=list)
    runs: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        total = self.own + len(self.other)
        return len(self.other) / total if total else 0.0


def count_words(html: str, *, language: str, names: list[str]) -> Count:
    parser = ReadText(language=language)
    parser.feed(html)
    own, other = (
        (ARABIC_LETTER, LATIN_LETTER) if language == "ar" else (LATIN_LETTER, ARABIC_LETTER)
    )
    result = Count(texts=parser.texts)
    for chunk in parser.chunks:
        for name in names:
            chunk = chunk.replace(name, " ")
        chunk = URL.sub(" ", EMAIL.sub(" ", chunk))
        run: list[str] = []
        for word in WORD.findall(chunk):
            if (
                other.search(word)
                and not own.search(word)
                and not (language == "ar" and CODE.match(word))
            ):
                result.other.append(word)
                run.append(word)
                if len(run) == MAX_RUN:
                    result.runs.append(" ".join(run))
                continue
            if own.search(word):
                result.own += 1
                run = []
    return result


# --- the platform ------------------------------------------------------------------------


@dataclass
class Platform:
    users: dict[str, object]
    names: list[str]
    pages: dict[str, list[tuple[str, str | dict[str, str]]]]  # who: (label, URL in each language)


ARABIC_LESSON = (
    "<p>يتعرف المتكون على الإطار القانوني لإدماج المهاجرين واللاجئين في برنامج عمل الجماعة.</p>"
)


def build_platform() -> Platform:
    arabic = Locale.objects.get(language_code="ar")
    the_learner = with_verified_email(learner())
    in_progress_learner = with_verified_email(learner())
    the_trainer = trainer()
    the_administrator = administrator()
    people = [the_learner, in_progress_learner, the_trainer, the_administrator]

    tree = build_course(
        modules=1,
        lessons_per_module=2,
        arabic=True,
        trainers=[the_trainer],
        title="Intégration des migrants au niveau communal",
        curriculum_code="MIG-101",
        audience="Cadres des communes et des ministères",
        capacity=40,
        enrolment_closes_at=timezone.now() + timezone.timedelta(days=30),
    )
    course_ar = ensure_translation(
        tree.course,
        arabic,
        title="إدماج المهاجرين على مستوى الجماعة",
        summary="تخطيط إدماج المهاجرين واللاجئين والمغاربة العائدين على مستوى الجماعة.",
        audience="أطر الجماعات والوزارات",
    )
    for lesson in tree.lessons_ar:
        lesson.body = [{"type": "paragraph", "value": ARABIC_LESSON}]
        lesson.save_revision().publish()
    module = tree.modules[0]

    questions = [
        quiz_factory.question(
            course=tree.course,
            kind=kind,
            text=f"Question {number} sur la stratégie nationale d'immigration et d'asile",
            text_ar=f"السؤال {number} حول الاستراتيجية الوطنية للهجرة واللجوء",
            data=data,
            feedback_right="Bonne réponse, bravo.",
            feedback_right_ar="جواب صحيح.",
            feedback_wrong="Relisez la leçon sur la stratégie.",
            feedback_wrong_ar="أعد قراءة الدرس.",
            general_feedback="La stratégie a été adoptée en 2014.",
            general_feedback_ar="اعتمدت الاستراتيجية سنة 2014.",
        )
        for number, (kind, data) in enumerate(QUESTION_DATA.items(), start=1)
    ]
    quiz = quiz_factory.quiz(
        module=module,
        questions=questions,
        title="Évaluation de la stratégie nationale",
        introduction="Répondez aux questions sur la stratégie nationale d'immigration et d'asile.",
        attempts_allowed=1,
        time_limit_minutes=45,
        review_answers=ReviewTiming.AFTER_LAST_ATTEMPT,
        required=False,
    )
    ensure_translation(
        quiz,
        arabic,
        title="تقييم الاستراتيجية الوطنية",
        introduction="أجب عن الأسئلة حول الاستراتيجية الوطنية للهجرة واللجوء.",
    )

    enrolment = course_services.enrol(learner=the_learner, course=tree.course)
    course_services.enrol(learner=in_progress_learner, course=tree.course)
    for lesson in tree.lessons:
        course_services.complete_lesson(learner=the_learner, lesson=lesson)
    attempt = quiz_services.start_attempt(learner=the_learner, quiz=quiz)
    answers = {q["key"]: WRONG_ANSWERS[q["kind"]] for q in attempt.snapshot}
    attempt = quiz_services.submit_attempt(attempt=attempt, answers=answers)
    essay_key = next(q["key"] for q in attempt.snapshot if q["kind"] == "essay")
    attempt = quiz_services.grade_essay(
        attempt=attempt, question_key=essay_key, points=1, comment=TRAINER_COMMENT, by=the_trainer
    )
    unfinished = quiz_services.start_attempt(learner=in_progress_learner, quiz=quiz)
    cohort = Cohort.objects.create(course=tree.course, name="Oujda, printemps 2027")
    enrolment.cohort = cohort
    enrolment.save(update_fields=["cohort"])

    template = certificate_services.ensure_default_template()
    certification = CourseCertification.objects.create(
        course=tree.course, title_fr=tree.course.title, title_ar=course_ar.title, hours=12
    )
    enrolment.refresh_from_db()
    certificate = certificate_services.issue_certificate(
        enrolment=enrolment, issued_by=the_administrator
    )
    run = BulkIssueRun.objects.create(course=tree.course, requested_by=the_administrator)
    # A lesson added since and not translated yet: the learner's next lesson, which the Arabic
    # dashboard names in French, marked as such.
    added = module.add_child(
        instance=LessonPage(
            title="Accueil des réfugiés dans les services communaux",
            slug="accueil-des-refugies",
            body=[{"type": "paragraph", "value": "<p>Les services communaux accueillent.</p>"}],
        )
    )
    added.save_revision().publish()
    added.move(quiz, pos="left")

    handbook = build_handbook(
        title="Guide de l'intégration des migrants dans le programme d'action communal",
        summary="Comment une commune intègre la migration dans son programme d'action.",
        pdf_text="La commune d'Oujda a intégré la migration dans son programme d'action.",
    )
    handbook_ar = build_handbook(
        title="دليل إدماج الهجرة في برنامج عمل الجماعة",
        summary="كيف تدمج الجماعة الهجرة في برنامج عملها.",
        pdf_text="أدمجت جماعة وجدة الهجرة في برنامج عملها.",
        language="ar",
        translation_of=handbook,
    )

    # What people typed is shown as they typed it: names, answers, comments, the names of a
    # cohort and of a certificate template.
    names = [
        text
        for person in people
        for text in (person.full_name_latin, person.full_name_arabic, person.email)
        if text
    ] + [ESSAY_ANSWER, SHORT_ANSWER, TRAINER_COMMENT, cohort.name, template.name, *PRODUCT_NAMES]
    quiz_ar = quiz.get_translation(arabic)
    library = {"fr": handbook.get_parent().url, "ar": handbook_ar.get_parent().url}
    verification = f"/{{lang}}/verify/{certificate.verification_code}/"
    pages = {
        "anonymous": [
            ("home", "/{lang}/"),
            ("sign in", "/{lang}/accounts/login/"),
            ("sign up", "/{lang}/accounts/signup/"),
            ("password reset", "/{lang}/accounts/password/reset/"),
            ("verify a certificate", "/{lang}/verify/"),
            ("verification page", verification),
        ],
        "learner": [
            ("home", "/{lang}/"),
            ("catalogue", {"fr": tree.course.get_parent().url, "ar": course_ar.get_parent().url}),
            ("course", {"fr": tree.course.url, "ar": course_ar.url}),
            ("lesson", {"fr": tree.lessons[0].url, "ar": tree.lessons_ar[0].url}),
            ("quiz", {"fr": quiz.url, "ar": quiz_ar.url}),
            ("review", f"/{{lang}}/attempts/{attempt.pk}/review/"),
            ("my learning", "/{lang}/dashboard/"),
            ("my certificates", "/{lang}/certificates/"),
            ("my profile", "/{lang}/accounts/profile/"),
            ("e-mail addresses", "/{lang}/accounts/email/"),
            ("password", "/{lang}/accounts/password/change/"),
            ("two-factor authentication", "/{lang}/accounts/2fa/"),
            ("library", library),
            (
                "library search",
                {"fr": library["fr"] + "?q=commune", "ar": library["ar"] + "?q=الجماعة"},
            ),
            ("handbook", {"fr": handbook.url, "ar": handbook_ar.url}),
            ("verification page", verification),
        ],
        "learner_in_progress": [
            ("attempt", f"/{{lang}}/attempts/{unfinished.pk}/"),
        ],
        "trainer": [
            ("quiz", {"fr": quiz.url, "ar": quiz_ar.url}),
            ("quiz preview", f"/{{lang}}/quizzes/{quiz.pk}/preview/"),
            ("quiz results", f"/{{lang}}/quizzes/{quiz.pk}/results/"),
            ("grade an attempt", f"/{{lang}}/attempts/{attempt.pk}/grade/"),
            ("regrade", f"/{{lang}}/quizzes/{quiz.pk}/regrade/{questions[0].pk}/"),
            ("admin dashboard", "/admin/"),
            ("admin account", "/admin/account/"),
            ("progress of the courses", reverse("course_progress:index")),
            ("progress report", reverse("course_progress:report", args=[tree.course.pk])),
            ("follow-up", reverse("follow_up:index")),
            ("follow-up grid of a course", reverse("follow_up:course_grid", args=[tree.course.pk])),
            ("follow-up grid of a cohort", reverse("follow_up:cohort_grid", args=[cohort.pk])),
            ("not started or stalled", reverse("follow_up:cohort_stalled", args=[cohort.pk])),
            ("message to a cohort", reverse("follow_up:cohort_message", args=[cohort.pk])),
            ("quiz results of the follow-up", reverse("quiz_follow_up:results")),
            ("grading queue", reverse("quiz_follow_up:grading")),
        ],
        "administrator": [
            ("progress report", reverse("course_progress:report", args=[tree.course.pk])),
            ("enrol learners", reverse("enrolments:enrol")),
            ("enrolments", reverse("enrolments:index")),
            ("cohorts", reverse("cohorts:index")),
            ("certificate register", reverse("certificate_register:index")),
            ("certificate", reverse("certificate_register:inspect", args=[certificate.pk])),
            (
                "issue a certificate",
                reverse("certificate_actions:issue") + f"?enrolment={enrolment.pk}",
            ),
            ("bulk issue", reverse("certificate_actions:bulk")),
            ("revoke", reverse("certificate_actions:revoke", args=[certificate.pk])),
            ("certificate settings", reverse("certificate_settings:index")),
            (
                "certificate settings of the course",
                reverse("certificate_settings:edit", args=[certification.pk]),
            ),
            ("bulk issues", reverse("certificate_bulk_issues:index")),
            ("bulk issue run", reverse("certificate_bulk_issues:inspect", args=[run.pk])),
        ],
    }
    return Platform(
        users={
            "anonymous": None,
            "learner": the_learner,
            "learner_in_progress": in_progress_learner,
            "trainer": the_trainer,
            "administrator": the_administrator,
        },
        names=names,
        pages=pages,
    )


ESSAY_ANSWER = "La commune doit associer les associations de migrants à son programme."
SHORT_ANSWER = "Plan communal"
TRAINER_COMMENT = "Bien argumenté."
# Names of products, in every language.
PRODUCT_NAMES = ["Wagtail", "JavaScript", "LinkedIn", "Open Badges", "Excel", "VC-JWT"]

QUESTION_DATA = {
    "single": {
        "choices": [
            {"id": "a", "text": "En 2014", "text_ar": "سنة 2014", "correct": True},
            {"id": "b", "text": "En 2004", "text_ar": "سنة 2004", "correct": False},
        ]
    },
    "multiple": {
        "choices": [
            {"id": "a", "text": "Les migrants", "text_ar": "المهاجرون", "correct": True},
            {"id": "b", "text": "Les réfugiés", "text_ar": "اللاجئون", "correct": True},
            {"id": "c", "text": "Les touristes", "text_ar": "السياح", "correct": False},
        ]
    },
    "true_false": {"answer": True},
    "short": {
        "accepted": ["Programme d'action de la commune", "برنامج عمل الجماعة لإدماج المهاجرين"]
    },
    "numeric": {"value": 2014, "tolerance": 0},
    "matching": {
        "pairs": [
            {
                "id": "1",
                "prompt": "Stratégie d'immigration",
                "prompt_ar": "استراتيجية الهجرة",
                "match": "Migrants et réfugiés",
                "match_ar": "المهاجرون واللاجئون",
            },
            {
                "id": "2",
                "prompt": "Stratégie des Marocains du monde",
                "prompt_ar": "استراتيجية مغاربة العالم",
                "match": "Marocains résidant à l'étranger",
                "match_ar": "المغاربة المقيمون بالخارج",
            },
        ]
    },
    "ordering": {
        "items": [
            {"id": "x", "text": "Le diagnostic territorial", "text_ar": "التشخيص الترابي"},
            {"id": "y", "text": "Le plan d'action", "text_ar": "خطة العمل"},
            {"id": "z", "text": "Le suivi et l'évaluation", "text_ar": "التتبع والتقييم"},
        ]
    },
    "essay": {},
}

WRONG_ANSWERS = {
    "single": "b",
    "multiple": ["a", "c"],
    "true_false": False,
    "short": SHORT_ANSWER,
    "numeric": 2004,
    "matching": {"1": "2", "2": "1"},
    "ordering": {"x": 2, "y": 1, "z": 3},
    "essay": ESSAY_ANSWER,
}


def url_in(url: str | dict[str, str], language: str) -> str:
    return url[language] if isinstance(url, dict) else url.format(lang=language)


def crawl(platform: Platform, language: str) -> dict[str, Count]:
    """Every page of the platform in `language`, counted: {"who: page": Count}."""
    counts = {}
    for who, pages in platform.pages.items():
        client = Client()
        user = platform.users[who]
        if user is not None:
            user.preferred_language = language
            user.save(update_fields=["preferred_language"])
            sync_admin_language(user=user)  # the Wagtail admin speaks the person's language
            client.force_login(user)
        for label, url in pages:
            address = url_in(url, language)
            response = client.get(address, HTTP_ACCEPT_LANGUAGE=language)
            assert response.status_code == 200, (
                f"{who}: {label} ({address}) answered {response.status_code}"
            )
            html = response.content.decode()
            assert f'lang="{language}"' in html[:500], f"{who}: {label} is not in {language}"
            counts[f"{who}: {label} {address}"] = count_words(
                html, language=language, names=platform.names
            )
    return counts


def problems(counts: dict[str, Count]) -> list[str]:
    found = []
    for page, count in counts.items():
        if count.share > MAX_SHARE or count.runs:
            found.append(
                f"{page}: {count.share:.0%} of {count.own + len(count.other)} words"
                f"{'; runs: ' + ' | '.join(count.runs) if count.runs else ''}"
                f"; words: {' '.join(sorted(set(count.other)))[:400]}"
            )
    return found


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_every_page_reads_in_its_own_language(site, language):
    counts = crawl(build_platform(), language)

    assert problems(counts) == []


# Before : ; ! ? a narrow no-break space, not an ordinary or no-break space, or none.
WRONG_FRENCH_SPACING = re.compile(
    r"(?:[^\s\u202f]|[ \u00a0])[:;!?](?=\s|$)|«(?!\u202f)|(?<!\u202f)»"
)


def test_french_pages_put_a_narrow_no_break_space_before_high_signs_and_arabic_pages_none(site):
    platform = build_platform()
    french, arabic = crawl(platform, "fr"), crawl(platform, "ar")

    badly_spaced = {
        page: found
        for page, count in french.items()
        if (found := [text.strip() for text in count.texts if WRONG_FRENCH_SPACING.search(text)])
    }
    assert badly_spaced == {}
    assert [
        page for page, count in arabic.items() if any("\u202f" in text for text in count.texts)
    ] == []
