from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from lms import personal_data


class QuizzesConfig(AppConfig):
    name = "courses.quizzes"
    label = "quizzes"
    verbose_name = _("Quizzes")

    def ready(self):
        # at call time: apps.py loads before the models
        from courses.api import records

        from .personal_data import anonymise_learner, export_learner
        from .records import attempts_below

        personal_data.register("quizzes", export=export_learner, anonymise=anonymise_learner)
        records.register("quizzes", attempts_below)
