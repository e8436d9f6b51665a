from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from lms import navigation, personal_data


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Certificates")

    def ready(self):
        # at call time: apps.py loads before the models
        from courses.api import course_completed

        from . import checks  # noqa: F401 - registers the system checks
        from .receivers import on_course_completed

        course_completed.connect(on_course_completed, dispatch_uid="certificates.auto_issue")

        # at call time: apps.py loads before the models
        from .personal_data import anonymise_learner, export_learner

        personal_data.register("certificates", export=export_learner, anonymise=anonymise_learner)

        navigation.register(
            "certificates:mine", label=_("My certificates"), menu=navigation.MEMBER, order=20
        )
        navigation.register(
            "certificates:verify_form",
            label=_("Verify a certificate"),
            menu=navigation.FOOTER,
            order=10,
        )
