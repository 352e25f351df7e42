from typing import NamedTuple
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from fairsite.services.mail import email_queue, email_sender
from fairsite.services.site import public_base_url, public_url, site_title

# Links allauth puts in its e-mails, built from the address of the request that asked.
_LINKS = ("activate_url", "password_reset_url", "signup_url")


class PublicSite(NamedTuple):
    """What allauth's e-mails call `current_site`: the fair's name, the site's address."""

    name: str
    domain: str


class AccountAdapter(DefaultAccountAdapter):
    """allauth, fitted to the fair: accounts remember their language, mail goes via the outbox."""

    def save_user(self, request, user, form, commit=True):
        user.language = _supported(translation.get_language())
        return super().save_user(request, user, form, commit)

    def get_login_redirect_url(self, request):
        return reverse("wagtail_serve", args=[""])  # the home page, in the language in use

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
