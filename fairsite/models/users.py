from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from fairsite.phones import phone_display


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        # An account is reached by e-mail, by phone, or both; never by neither. No address is
        # NULL, not "": many accounts without one must not collide on the unique column.
        email = self.normalize_email(email) or None
        if not email and not extra_fields.get("phone"):
            raise ValueError("An e-mail address or a mobile number is required.")
        extra_fields["phone"] = extra_fields.get("phone") or None
        user = self.model(email=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if not email:
            raise ValueError("An administrator needs an e-mail address.")
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person with an account: exhibitor, organiser, gate staff. Logs in with an e-mail or
    a mobile number (many cooperative members have a phone and no e-mail); has at least one."""

    username = None
    email = models.EmailField(_("e-mail address"), unique=True, null=True, blank=True)
    phone = models.CharField(
        _("mobile number"),
        max_length=20,
        unique=True,
        null=True,
        blank=True,
        help_text=_("In international form (+212…)."),
    )
    phone_verified = models.BooleanField(
        _("mobile number verified"),
        default=False,
        help_text=_("The person entered the code sent to this number."),
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("E-mails are sent to this person in this language."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="fairsite_user_email_ci_unique"),
        ]

    def __str__(self):
        return self.get_full_name() or self.email or phone_display(self.phone or "")

    def clean(self):
        super().clean()
        # Django normalises a missing address to "", which two accounts without one could not
        # both hold (the address is unique): none is None.
        self.email = self.email or None
