from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from events.choices import HowHeard
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


class BadgeLinkRequestForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail"),
        help_text=_("The address you registered with."),
        widget=forms.EmailInput(attrs={"dir": "ltr", "autocomplete": "email"}),
    )
