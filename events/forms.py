from django import forms
from django.conf import settings
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from events.choices import HowHeard


class LanguageSelect(forms.Select):
    """A choice of languages, each option's name marked as written in its own language
    ("Français" is French on an Arabic page), so that it is read and spoken as such."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if value:
            option["attrs"]["lang"] = value
            option["attrs"]["dir"] = "rtl" if get_language_info(value)["bidi"] else "ltr"
        return option


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


class BadgeLinkRequestForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail"),
        help_text=_("The address you registered with."),
        widget=forms.EmailInput(attrs={"dir": "ltr", "autocomplete": "email"}),
    )
