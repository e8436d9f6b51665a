import factory
from django.contrib.auth import get_user_model

from lms.accounts.models import Organisation
from lms.accounts.roles import ADMINISTRATORS, LEARNERS, TRAINERS
from lms.accounts.services import assign_role

PASSWORD = "a-Strong-pass-2026"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.ma")
    full_name_latin = factory.Sequence(lambda n: f"Fatima-Zahra Benali {n}")
    full_name_arabic = factory.Sequence(lambda n: f"فاطمة الزهراء بنعلي {n}")
    job_title = "Cadre"
    organisation = factory.LazyFunction(lambda: Organisation.objects.get(slug="oujda"))
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        self.save()
        if create and extracted:
            assign_role(user=self, role=extracted)


def learner(**kwargs):
    return UserFactory(role=LEARNERS, **kwargs)


def trainer(**kwargs):
    return UserFactory(role=TRAINERS, **kwargs)


def administrator(**kwargs):
    return UserFactory(role=ADMINISTRATORS, **kwargs)


def with_verified_email(user):
    """The person confirmed their e-mail address, as every account that signed up does."""
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user
