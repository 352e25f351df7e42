"""allauth's forms, for people with an e-mail address, a mobile number, or both."""

from allauth.account.adapter import get_adapter
from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.account.internal.userkit import filter_users_by_email
from django import forms
from django.utils.translation import gettext_lazy as _


class SignupForm(AllauthSignupForm):
    """The person's name first: it is printed on the badge the account gets when its holder
    signs up for a session, and greets them in e-mails (allauth's adapter saves it). Then an
    e-mail address and a mobile number, both optional for allauth (ACCOUNT_SIGNUP_FIELDS),
    at least one asked here."""

    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        widget=forms.TextInput({"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=150,
        required=False,  # some people have one name
        widget=forms.TextInput({"autocomplete": "family-name"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(["first_name", "last_name", "email", "phone"])
        self.fields["email"].label = _("E-mail address")
        self.fields["email"].help_text = _("An e-mail address, a mobile number, or both.")
        self.fields["phone"].label = _("Mobile number")
        self.fields["phone"].help_text = _(
            "Without an e-mail address: a code is sent to this number by SMS."
        )

    def validate_unique_email(self, value):
        # As with mandatory verification (which allauth ties to a required e-mail field): an
        # address already registered is not revealed on the page; its owner is told by e-mail.
        if filter_users_by_email(value):
            self.account_already_exists = True
        return get_adapter().validate_unique_email(value)

    def clean(self):
        cleaned_data = super().clean()
        given = cleaned_data.get("email") or cleaned_data.get("phone")
        if not given and "email" not in self.errors and "phone" not in self.errors:
            raise forms.ValidationError(
                _("Enter an e-mail address or a mobile number."), code="no_contact"
            )
        return cleaned_data


class LoginForm(AllauthLoginForm):
    """The log-in field takes an address or a number: written in its own direction (a number
    typed in an Arabic page keeps its "+" in front), and offered both by the browser."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].widget.attrs.update({"dir": "auto", "autocomplete": "username"})
