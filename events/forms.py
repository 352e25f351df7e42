from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from events.choices import HowHeard
from events.services.consents import CONSENT_TEXTS
from fairsite.phones import PhoneField
from fairsite.widgets import LanguageSelect


class VisitorRegistrationForm(forms.Form):
    full_name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        help_text=_("As you want it printed on your badge, in Arabic or Latin letters."),
        widget=forms.TextInput(attrs={"dir": "auto", "autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        help_text=_("Your badge is sent to this address."),
        required=False,
        widget=forms.EmailInput(attrs={"dir": "ltr", "autocomplete": "email"}),
    )
    phone = PhoneField(
        label=_("Mobile number"),
        help_text=_(
            "Without an e-mail address: we text a code to this number, then the link to your badge."
        ),
        required=False,
    )
    organisation = forms.CharField(
        label=_("Organisation (optional)"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"dir": "auto", "autocomplete": "organization"}),
    )
    how_heard = forms.ChoiceField(
        label=_("How did you hear of the fair?"),
        choices=[("", "—"), *HowHeard.choices],
        required=False,
    )
    language = forms.ChoiceField(
        label=_("Language of your messages"), choices=settings.LANGUAGES, widget=LanguageSelect
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each use beyond the badge asked on its own, unticked: consent is given, not assumed.
        for kind, (_version, text) in CONSENT_TEXTS.items():
            self.fields[f"consent_{kind}"] = forms.BooleanField(label=text, required=False)

    def clean(self):
        cleaned_data = super().clean()
        _require_one_contact(self, cleaned_data)
        return cleaned_data

    @property
    def by_phone_only(self) -> bool:
        """The visitor gave a mobile number and no e-mail: the number is checked first."""
        return bool(self.cleaned_data.get("phone")) and not self.cleaned_data.get("email")

    def consents(self) -> list[str]:
        """The kinds of consent ticked."""
        return [kind for kind in CONSENT_TEXTS if self.cleaned_data.get(f"consent_{kind}")]

    def registration(self) -> dict:
        """What the visitor typed for their badge, without the consents."""
        return {k: v for k, v in self.cleaned_data.items() if not k.startswith("consent_")}


class BadgeLinkRequestForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail"),
        help_text=_("The address you registered with."),
        required=False,
        widget=forms.EmailInput(attrs={"dir": "ltr", "autocomplete": "email"}),
    )
    phone = PhoneField(
        label=_("Or mobile number"),
        help_text=_("The number you registered with: the link is sent to it by SMS."),
        required=False,
    )

    def clean(self):
        cleaned_data = super().clean()
        _require_one_contact(self, cleaned_data)
        return cleaned_data


class PhoneCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code received by SMS"),
        max_length=12,
        widget=forms.TextInput(
            attrs={
                "dir": "ltr",
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autofocus": True,
            }
        ),
    )


def _require_one_contact(form: forms.Form, cleaned_data: dict) -> None:
    """An e-mail address or a mobile number, or both; unless one was typed wrong (its own
    error then says so)."""
    if cleaned_data.get("email") or cleaned_data.get("phone"):
        return
    if "email" not in form.errors and "phone" not in form.errors:
        # Beside the first of the two fields, where a reader going field by field meets it.
        form.add_error("email", _("Enter an e-mail address or a mobile number."))
