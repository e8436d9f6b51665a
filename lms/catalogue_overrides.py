"""Messages of Django and django-allauth that Moroccan usage words differently.

Repeating their msgids here puts them in `lms/locale/ar`, which comes first, so our wording
wins (see lms/months.py for the month names).
"""

from django.utils.translation import gettext_noop

OVERRIDES = (
    gettext_noop("Sign Up"),
    gettext_noop("Sign In"),
    gettext_noop("Password"),
    gettext_noop("Password (again)"),
    gettext_noop("- Select an option -"),
    gettext_noop("Email"),
    gettext_noop("Remember Me"),
    gettext_noop("Forgot your password?"),
)
