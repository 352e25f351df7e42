from typing import NamedTuple
from urllib.parse import urlsplit

from allauth.account import app_settings, stages
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.app_settings import EmailVerificationMethod
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, gettext_lazy

from fairsite.phones import PhoneField, phone_normalise
from fairsite.services.mail import email_queue, email_sender
from fairsite.services.site import public_base_url, public_url, site_title
from fairsite.services.sms import sms_queue

# Links allauth puts in its e-mails, built from the address of the request that asked.
_LINKS = ("activate_url", "password_reset_url", "signup_url")


class PublicSite(NamedTuple):
    """What allauth's e-mails call `current_site`: the fair's name, the site's address."""

    name: str
    domain: str


class EmailVerificationStage(stages.EmailVerificationStage):
    """An account with an e-mail address must have verified it before it signs in.

    allauth makes "mandatory" verification require an e-mail at sign-up, and a person may sign
    up with a mobile number alone: verification is "optional" in the settings, and made
    mandatory here for every log-in that concerns an address (a sign-up that gave one, or an
    account that has one). An account with only a phone verifies it in PhoneVerificationStage.
    """

    def handle(self):
        login = self.login
        has_email = login.email or (login.user is not None and login.user.email)
        if has_email and login.email_verification == EmailVerificationMethod.OPTIONAL:
            login.email_verification = EmailVerificationMethod.MANDATORY
        return super().handle()


class AccountAdapter(DefaultAccountAdapter):
    """allauth, fitted to the fair: accounts remember their language, mail and text messages go
    via the outbox, and an account may be reached by a mobile number instead of an e-mail."""

    def save_user(self, request, user, form, commit=True):
        user.language = _supported(translation.get_language())
        user = super().save_user(request, user, form, commit=False)
        # No address is NULL, not "": the column is unique.
        user.email = user.email or None
        user.phone = user.phone or None
        if commit:
            user.save()
        return user

    def get_login_stages(self):
        return [
            f"{__name__}.EmailVerificationStage"
            if path == "allauth.account.stages.EmailVerificationStage"
            else path
            for path in super().get_login_stages()
        ]

    def phone_form_field(self, **kwargs):
        kwargs.setdefault("label", gettext_lazy("Mobile number"))
        return PhoneField(**kwargs)

    def set_phone(self, user, phone: str, verified: bool) -> None:
        user.phone = phone
        user.phone_verified = verified
        if user.pk:
            user.save(update_fields=["phone", "phone_verified"])

    def get_phone(self, user) -> tuple[str, bool] | None:
        if not user.phone:
            return None
        return user.phone, user.phone_verified

    def set_phone_verified(self, user, phone: str) -> None:
        if user.phone == phone:
            user.phone_verified = True
            user.save(update_fields=["phone_verified"])

    def get_user_by_phone(self, phone: str):
        try:
            phone = phone_normalise(phone)
        except ValidationError:
            return None
        return get_user_model().objects.filter(phone=phone).first()

    def send_verification_code_sms(self, user, phone: str, code: str, **kwargs) -> None:
        language = _supported(getattr(user, "language", None) or translation.get_language())
        with translation.override(language):
            body = gettext(
                "%(code)s is your code for the Regional SSE Fair. It expires in %(minutes)s "
                "minutes. Do not share it."
            ) % {"code": code, "minutes": app_settings.PHONE_VERIFICATION_TIMEOUT // 60}
        sms_queue(to=phone, body=body, language=language)

    def send_account_already_exists_sms(self, phone: str) -> None:
        user = self.get_user_by_phone(phone)
        language = _supported(user.language if user else translation.get_language())
        with translation.override(language):
            body = gettext(
                "This number already has an account on the Regional SSE Fair's site: sign in "
                "with it. If you did not ask, ignore this message."
            )
        sms_queue(to=phone, body=body, language=language)

    def get_login_redirect_url(self, request):
        return reverse("wagtail_serve", args=[""])  # the home page, in the language in use

    def get_signup_redirect_url(self, request):
        return reverse("wagtail_serve", args=[""])

    def get_logout_redirect_url(self, request):
        return reverse("wagtail_serve", args=[""])

    def get_from_email(self):
        # Called while the message is rendered, in the reader's language (send_mail below).
        return email_sender(_supported(translation.get_language()))

    def send_mail(self, template_prefix, email, context):
        language = self._recipient_language(email, context)
        # allauth's own send_mail adds the address written to: "account already exists"
        # names it in its text.
        context = {"email": email, **context}
        context.update({key: _public(context[key]) for key in _LINKS if key in context})
        with translation.override(language):
            # django.contrib.sites is not installed: allauth would name the site after the
            # request's host, and without a request not at all. A public address without a
            # host (a misconfigured WAGTAILADMIN_BASE_URL) still leaves the fair's name.
            context["current_site"] = PublicSite(
                name=site_title(language),
                domain=urlsplit(public_base_url()).netloc or site_title(language),
            )
            message = self.render_mail(template_prefix, email, context)
        html = next(
            (
                content
                for content, mimetype in getattr(message, "alternatives", [])
                if mimetype == "text/html"
            ),
            "",
        )
        email_queue(
            to=message.to,
            subject=message.subject,
            body_text=message.body,
            body_html=html,
            language=language,
            from_email=message.from_email,
        )

    @staticmethod
    def _recipient_language(email: str, context: dict) -> str:
        user = context.get("user")
        if user is None:
            user = get_user_model().objects.filter(email__iexact=email).first()
        if user is not None and getattr(user, "language", None):
            return user.language
        return _supported(translation.get_language())


def _supported(language: str | None) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    language = (language or "").split("-")[0]
    return language if language in codes else settings.LANGUAGE_CODE


def _public(url: str) -> str:
    """`url` at the site's public address, whatever host the request came in on."""
    parts = urlsplit(url)
    return public_url(parts.path + (f"?{parts.query}" if parts.query else ""))
