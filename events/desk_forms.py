"""The forms of the registration desk and kiosk."""

from django import forms
from django.utils.translation import gettext_lazy as _

from events.forms import VisitorRegistrationForm


class DeskRegistrationForm(VisitorRegistrationForm):
    """A walk-in visitor at the desk, typed by the staff: only the name is needed, the badge
    is printed at once; an address or number also gets it sent there."""

    field_order = ["full_name", "phone", "email", "organisation", "language", "how_heard"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fields = self.fields
        fields["full_name"].label = _("Name")
        fields["full_name"].help_text = _("As it is to be printed, in Arabic or Latin letters.")
        fields["full_name"].widget.attrs["autofocus"] = True
        fields["email"].label = _("E-mail (optional)")
        fields["email"].help_text = _("The badge is also sent to this address.")
        fields["phone"].label = _("Mobile number (optional)")
        fields["phone"].help_text = _(
            "The link to the badge is texted to this number: read it back to the visitor."
        )
        fields["how_heard"].label = _("How did they hear of the fair? (optional)")
        fields["language"].label = _("Language of the messages")

    def clean(self):
        # Neither an address nor a number is needed: the badge is printed here.
        return forms.Form.clean(self)


class KioskRegistrationForm(VisitorRegistrationForm):
    """A walk-in visitor at the self-service kiosk: only the name is needed, the badge is
    printed at once. A number given alone is checked by a code texted to it first, as on the
    public form."""

    field_order = ["full_name", "phone", "email", "organisation", "language", "how_heard"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fields = self.fields
        fields["email"].label = _("E-mail (optional)")
        fields["email"].help_text = _("Your badge is also sent to this address.")
        fields["phone"].label = _("Mobile number (optional)")
        fields["phone"].help_text = _(
            "Without an e-mail address: we text a code to this number, then the link to your badge."
        )
        for name in ("full_name", "email", "organisation"):
            # A shared screen: no suggestions from the last visitor's typing.
            fields[name].widget.attrs["autocomplete"] = "off"
        fields["phone"].widget.attrs["autocomplete"] = "off"

    def clean(self):
        return forms.Form.clean(self)


class BlankBadgeBindForm(forms.Form):
    """A blank pre-printed badge, scanned, and the person it is given to."""

    code = forms.CharField(
        label=_("Code of the blank badge"),
        max_length=200,
        help_text=_("Scan the badge's QR code: the scanner types it here."),
        widget=forms.TextInput(
            attrs={
                "dir": "ltr",
                "autofocus": True,
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
            }
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        person = DeskRegistrationForm()
        for name in ("full_name", "phone", "email", "organisation", "language"):
            self.fields[name] = person.fields[name]
        self.fields["full_name"].widget.attrs.pop("autofocus", None)
        self.fields["email"].help_text = _("The badge is sent to this address.")
        for name, field in person.fields.items():
            if name.startswith("consent_"):
                self.fields[name] = field

    def consents(self) -> list[str]:
        return [
            name.removeprefix("consent_")
            for name in self.fields
            if name.startswith("consent_") and self.cleaned_data.get(name)
        ]
