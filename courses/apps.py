from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from lms import navigation, personal_data


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        # at call time: apps.py loads before the models
        from . import receivers  # noqa: F401  (connects the signal receivers)
        from .personal_data import anonymise_learner, export_learner

        personal_data.register("courses", export=export_learner, anonymise=anonymise_learner)

        navigation.register(
            "courses:dashboard", label=_("My learning"), menu=navigation.MEMBER, order=10
        )
