from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from demo.certificates import seed_demo_certificate_template, seed_demo_certificates
from demo.curriculum import CERTIFIED, COMPLETED, build_demo
from demo.library import seed_demo_library
from demo.quiz import seed_demo_quiz, seed_demo_quiz_results


class Command(BaseCommand):
    """The project's demo, from the data files in `demo/data/`, from the bottom layer up.
    Safe to repeat."""

    help = "Load the demo curriculum (French and Arabic) and the demo accounts. Safe to repeat."

    def handle(self, *args, **options):
        seed_demo_library()
        result = build_demo(stdout=self.stdout)
        quiz = seed_demo_quiz(course=result.course)
        finished = result.stages.get(COMPLETED, []) + result.stages.get(CERTIFIED, [])
        seed_demo_quiz_results(quiz=quiz, learners=finished)
        seed_demo_certificate_template()
        seed_demo_certificates(
            learners=result.stages.get(CERTIFIED, []),
            course=result.course,
            issued_by=result.administrator,
        )
        base = settings.BASE_URL
        lines = [
            "",
            _("Site: %(fr)s  |  %(ar)s") % {"fr": f"{base}/fr/", "ar": f"{base}/ar/"},
            _("Demo course: %(url)s") % {"url": base + result.course.url},
            _("Arabic version: %(url)s") % {"url": base + result.course_ar.url},
            _("Administration: %(url)s") % {"url": f"{base}/admin/"},
            "",
            _("Demo accounts (e-mail / password):"),
        ]
        width = max(len(account.label) for account in result.accounts.values())
        for account in result.accounts.values():
            lines.append(f"  {account.label:<{width}}  {account.user.email} / {account.password}")
        for title, key in result.enrolment_keys.items():
            lines.append("")
            lines.append(
                _("Enrolment key of “%(course)s”: %(key)s") % {"course": title, "key": key}
            )
        self.stdout.write("\n".join(lines))
