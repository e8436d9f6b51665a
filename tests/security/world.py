"""One small platform for the access matrix: two courses, each with its trainer, two learners
of course A, and one of everything a URL can point at (pages, revisions, quiz, attempt,
certificate, documents, images, translations...). Learner A owns what a learner can own."""

from __future__ import annotations

from dataclasses import dataclass

from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupApprovalTask,
    Locale,
    PageViewRestriction,
    Site,
    Workflow,
)
from wagtail_localize.models import (
    OverridableSegment,
    StringSegment,
    Translation,
    TranslationSource,
)
from wagtail_localize.operations import translate_object

from certificates import services as certificate_services
from certificates.models import BulkIssueRun, CourseCertification
from content.collections import collection_for
from content.library.models import AccessLevel
from content.models import Theme
from content.permissions import CERTIFICATES, COURSE_MEDIA
from courses import services as course_services
from courses.models import Cohort
from courses.notifications import notify_enrolment_confirmed
from courses.quizzes import services as quiz_services
from lms.accounts.roles import TRAINERS
from tests.factories import quizzes as quiz_factory
from tests.factories.courses import build_course, lesson_body
from tests.factories.library import build_handbook, image, pdf_document
from tests.factories.users import administrator, learner, trainer, with_verified_email

ACTORS = ("anonymous", "learner_a", "learner_b", "trainer_a", "trainer_b", "administrator")


@dataclass
class World:
    users: dict
    course_a: object
    course_a_ar: object
    module_a: object
    lesson_a: object
    draft_lesson_a: object
    quiz_a: object
    question_a: object
    category_a: object
    attempt_a: object
    course_b: object
    lesson_b: object
    question_b: object
    category_b: object
    enrolment_a: object
    cohort_a: object
    certificate_a: object
    bulk_run_a: object
    template: object
    certification_a: object
    public_handbook: object
    staff_handbook: object
    public_edition: object
    staff_edition: object
    lesson_document: object
    library_document: object
    course_image: object
    signature_image: object
    theme: object
    revision_a: object
    translation_source: object
    translation: object
    string_segment: object
    overridable_segment: object | None
    page_restriction: object
    collection_restriction: object
    redirect: object
    workflow: object
    task: object
    site: object
    locale: object
    group: object
    collection: object
    webauthn_a: object
    notification_a: object


def build_world() -> World:
    learner_a = with_verified_email(learner())
    learner_b = with_verified_email(learner())
    trainer_a, trainer_b, admin = trainer(), trainer(), administrator()
    users = {
        "anonymous": None,
        "learner_a": learner_a,
        "learner_b": learner_b,
        "trainer_a": trainer_a,
        "trainer_b": trainer_b,
        "administrator": admin,
    }

    tree_a = build_course(modules=1, lessons_per_module=2, arabic=True, trainers=[trainer_a])
    tree_b = build_course(modules=1, lessons_per_module=1, trainers=[trainer_b])
    module_a = tree_a.modules[0]
    lesson_a = tree_a.lessons[0]
    draft_lesson_a = tree_a.lessons[1]
    draft_lesson_a.title = "Brouillon de la leçon"
    draft_revision = draft_lesson_a.save_revision(user=trainer_a)

    category_a = quiz_factory.category(course=tree_a.course)
    question_a = quiz_factory.question(course=tree_a.course, kind="essay", category=category_a)
    category_b = quiz_factory.category(course=tree_b.course)
    question_b = quiz_factory.question(course=tree_b.course, category=category_b)
    quiz_a = quiz_factory.quiz(module=module_a, questions=[question_a], required=False)

    enrolment_a = course_services.enrol(learner=learner_a, course=tree_a.course)
    course_services.enrol(learner=learner_b, course=tree_a.course)
    for lesson in tree_a.lessons:
        course_services.complete_lesson(learner=learner_a, lesson=lesson)
    attempt_a = quiz_services.start_attempt(learner=learner_a, quiz=quiz_a)
    attempt_a = quiz_services.submit_attempt(
        attempt=attempt_a, answers={str(question_a.pk): "Une réponse à corriger."}
    )
    cohort_a = Cohort.objects.create(course=tree_a.course, name="Oujda, printemps 2027")
    enrolment_a.refresh_from_db()

    template = certificate_services.ensure_default_template()
    certification_a = CourseCertification.objects.create(
        course=tree_a.course, title_fr=tree_a.course.title, title_ar="دورة", hours=12
    )
    certificate_a = certificate_services.issue_certificate(enrolment=enrolment_a, issued_by=admin)
    bulk_run_a = BulkIssueRun.objects.create(course=tree_a.course, requested_by=admin)

    public_handbook = build_handbook(access_level=AccessLevel.PUBLIC, extract=False)
    staff_handbook = build_handbook(access_level=AccessLevel.STAFF, extract=False)
    lesson_document = pdf_document(
        "Fiche de la leçon.", collection=collection_for(COURSE_MEDIA), uploaded_by=trainer_a
    )
    lesson_a.body = [
        *lesson_body(),
        {"type": "document", "value": {"document": lesson_document.pk, "title": "Fiche"}},
    ]
    lesson_a.save_revision(user=trainer_a).publish()
    course_image = image(
        title="Photo de la leçon", collection=collection_for(COURSE_MEDIA), uploaded_by=trainer_a
    )
    signature_image = image(title="Signature du directeur", collection=collection_for(CERTIFICATES))

    source, _created = TranslationSource.get_or_create_from_instance(lesson_a)
    arabic = Locale.objects.get(language_code="ar")
    translate_object(lesson_a, [arabic])
    translation = Translation.objects.get(source=source, target_locale=arabic)

    root = Collection.get_first_root_node()
    return World(
        users=users,
        course_a=tree_a.course,
        course_a_ar=tree_a.course_ar,
        module_a=module_a,
        lesson_a=lesson_a,
        draft_lesson_a=draft_lesson_a,
        quiz_a=quiz_a,
        question_a=question_a,
        category_a=category_a,
        attempt_a=attempt_a,
        course_b=tree_b.course,
        lesson_b=tree_b.lessons[0],
        question_b=question_b,
        category_b=category_b,
        enrolment_a=enrolment_a,
        cohort_a=cohort_a,
        certificate_a=certificate_a,
        bulk_run_a=bulk_run_a,
        template=template,
        certification_a=certification_a,
        public_handbook=public_handbook,
        staff_handbook=staff_handbook,
        public_edition=public_handbook.editions.get(),
        staff_edition=staff_handbook.editions.get(),
        lesson_document=lesson_document,
        library_document=public_handbook.editions.get().document,
        course_image=course_image,
        signature_image=signature_image,
        theme=Theme.objects.create(
            locale=Locale.get_default(), slug="matrice", name="Thème de la matrice"
        ),
        revision_a=draft_revision,
        translation_source=source,
        translation=translation,
        string_segment=StringSegment.objects.filter(source=source).first(),
        overridable_segment=OverridableSegment.objects.filter(source=source).first(),
        page_restriction=PageViewRestriction.objects.create(
            page=tree_b.lessons[0], restriction_type="password", password="secret-2026"
        ),
        collection_restriction=CollectionViewRestriction.objects.create(
            collection=root.add_child(name="Archives protégées"),
            restriction_type="password",
            password="secret-2026",
        ),
        redirect=Redirect.objects.create(old_path="/ancien-cours", redirect_link="/fr/"),
        workflow=Workflow.objects.create(name="Relecture ENSA", active=True),
        task=GroupApprovalTask.objects.create(name="Relecture"),
        site=Site.objects.get(is_default_site=True),
        locale=arabic,
        group=Group.objects.get(name=TRAINERS),
        collection=collection_for(COURSE_MEDIA),
        webauthn_a=Authenticator.objects.create(
            user=learner_a,
            type=Authenticator.Type.WEBAUTHN,
            data={"name": "Clé de sécurité", "credential": {}},
        ),
        notification_a=notify_enrolment_confirmed(enrolment=enrolment_a),
    )
