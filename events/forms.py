from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from events.choices import HowHeard
from events.services.consents import CONSENT_TEXTS
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
        widget=forms.EmailInput(attrs={"dir": "ltr", "autocomplete": "email"}),
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
        label=_("Language of your e-mails"), choices=settings.LANGUAGES, widget=LanguageSelect
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each use beyond the badge asked on its own, unticked: consent is given, not assumed.
        for kind, (_version, text) in CONSENT_TEXTS.items():
            self.fields[f"consent_{kind}"] = forms.BooleanField(label=text, required=False)

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
        widget=forms.EmailInput(attrs={"dir": "ltr", "autocomplete": "email"}),
    )
