from __future__ import annotations

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from lms.text import PERSON_NAME_VALIDATORS


class OrganisationKind(models.TextChoices):
    MINISTRY = "ministry", _("Ministry")
    MUNICIPALITY = "municipality", _("Municipality")
    DIRECTORATE = "directorate", _("Directorate")
    REGION = "region", _("Region")
    SCHOOL = "school", _("School")
    OTHER = "other", _("Other organisation")


class OrganisationQuerySet(models.QuerySet):
    def top_level(self):
        return self.filter(parent__isnull=True)

    def branch_ids(self, root: Organisation | int) -> set[int]:
        """The ids of `root` (an organisation or its id) and of every organisation below it
        (one query per level)."""
        root_id = root if isinstance(root, int) else root.pk
        ids, frontier = {root_id}, {root_id}
        while frontier:
            frontier = set(
                self.model.objects.filter(parent_id__in=frontier)
                .exclude(pk__in=ids)
                .values_list("pk", flat=True)
            )
            ids |= frontier
        return ids

    def branch(self, root: Organisation):
        """`root` and every organisation below it (a ministry's directorates, and theirs)."""
        return self.filter(pk__in=self.branch_ids(root))

    def with_counts(self):
        """Each organisation with `member_count` and `child_count`, in the same query."""
        return self.annotate(
            member_count=models.Count("members", distinct=True),
            child_count=models.Count("children", distinct=True),
        )


class Organisation(models.Model):
    """A ministry, a municipality (commune) or one of their directorates."""

    name_fr = models.CharField(_("name in French"), max_length=255)
    name_ar = models.CharField(_("name in Arabic"), max_length=255, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    is_partner = models.BooleanField(_("partner of the training programme"), default=False)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["kind", "name_fr"]

    def __str__(self) -> str:
        return self.display_name()

    def clean(self) -> None:
        """A parent can be neither the organisation itself nor one below it (no cycles)."""
        if self.pk is None or self.parent_id is None:
            return
        if self.parent_id in Organisation.objects.branch_ids(self):
            raise ValidationError(
                {
                    "parent": _(
                        "An organisation cannot be part of itself or of one of its own parts."
                    )
                }
            )

    def other_name(self, language: str | None = None) -> tuple[str, str]:
        """The name in the other language and that language's code ("" when there is none)."""
        language = language or get_language() or "fr"
        if language.startswith("ar"):
            return (self.name_fr, "fr") if self.name_ar else ("", "fr")
        return (self.name_ar, "ar") if self.name_ar else ("", "ar")

    def display_name(self, language: str | None = None) -> str:
        language = language or get_language() or "fr"
        if language.startswith("ar") and self.name_ar:
            return self.name_ar
        return self.name_fr


class UserQuerySet(models.QuerySet):
    def verified(self):
        """Active accounts whose owner confirmed their e-mail address (allauth)."""
        # at call time: allauth's models load after ours
        from allauth.account.models import EmailAddress

        confirmed = EmailAddress.objects.filter(
            user_id=models.OuterRef("pk"), email__iexact=models.OuterRef("email"), verified=True
        )
        return self.filter(models.Exists(confirmed), is_active=True)

    def confirmed(self):
        """People whose organisation an administrator or an import confirmed."""
        return self.filter(organisation__isnull=False, organisation_confirmed=True)

    def self_declared(self):
        """People whose organisation is only the one they declared themselves."""
        return self.filter(organisation__isnull=False, organisation_confirmed=False)


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person on the platform, identified by e-mail.

    Both scripts of the full name are kept: certificates print both.
    """

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    # Names are checked for PERSON_NAME_MAX_LENGTH characters; the columns keep room for the
    # longer names saved before that limit, which their owners shorten at their next edit.
    full_name_latin = models.CharField(
        _("full name (Latin script)"), max_length=200, blank=True, validators=PERSON_NAME_VALIDATORS
    )
    full_name_arabic = models.CharField(
        _("full name (Arabic script)"),
        max_length=200,
        blank=True,
        validators=PERSON_NAME_VALIDATORS,
    )
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=5,
        choices=[("fr", _("French")), ("ar", _("Arabic"))],
        default="fr",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
    )
    organisation_confirmed = models.BooleanField(
        _("organisation confirmed"),
        default=False,
        help_text=_(
            "Confirmed by an administrator or by an import; otherwise the organisation is the one "
            "the person declared when signing up."
        ),
    )
    reminders_enabled = models.BooleanField(
        _("e-mail reminders"),
        default=True,
        help_text=_(
            "Receive a reminder before a cohort starts. Messages about your enrolments, grades "
            "and certificates are always sent."
        ),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.full_name_latin or self.full_name_arabic or self.get_full_name() or self.email

    def name_for(self, language: str) -> str:
        """The name in the script of `language`, falling back to the other script."""
        if language.startswith("ar"):
            return self.full_name_arabic or self.full_name_latin or self.email
        return self.full_name_latin or self.full_name_arabic or self.email
