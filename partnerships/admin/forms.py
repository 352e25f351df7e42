"""Forms of the partnerships screens in the Wagtail admin."""

from django import forms
from django.db.models import Case, Q, When
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateInput

from fairsite.admin_forms import LanguageFieldsForm
from partnerships.choices import Domain
from partnerships.models import Agreement
from programme.choices import SessionType
from programme.models import Session


class StoredFile:
    """A private file as the file widget shows it: a link to the admin view that serves it,
    never an address in the storage."""

    def __init__(self, url: str, label: str):
        self.url = url
        self.label = label

    def __str__(self):
        return str(self.label)


class PrivateFileInput(forms.ClearableFileInput):
    """The file input for a private file: the current file links to `download_url`."""

    download_url = ""

    def is_initial(self, value):
        return bool(value and getattr(value, "name", None))

    def format_value(self, value):
        if self.is_initial(value):
            return StoredFile(self.download_url, _("Download the current file"))
        return None


def private_file_widget(form, field_name: str, url_name: str, accept: str) -> None:
    """Give the form's file field the private widget, linked to the instance's file."""
    if field_name not in form.fields:
        return
    widget = PrivateFileInput(attrs={"accept": accept})
    if form.instance.pk:
        widget.download_url = reverse(url_name, args=[form.instance.pk])
    form.fields[field_name].widget = widget


class AgreementForm(LanguageFieldsForm):
    """The agreement's fields; the views save it through `agreement_save`, which sets the
    status from the dates."""

    domains = forms.TypedMultipleChoiceField(
        label=capfirst(_("domains")),
        choices=Domain.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        private_file_widget(self, "document", "agreements:document", ".pdf,application/pdf")
        if "renews" in self.fields and self.instance.pk:
            self.fields["renews"].queryset = Agreement.objects.exclude(pk=self.instance.pk)


class CommitmentForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        private_file_widget(self, "evidence", "commitments:evidence", ".pdf,.jpg,.jpeg,.png")
        if "agreement" in self.fields:
            self.fields["agreement"].queryset = Agreement.objects.order_by("reference")


class PartnershipMeetingForm(LanguageFieldsForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "session" in self.fields:
            # The programme's partnership-meeting sessions (and the one already linked).
            self.fields["session"].queryset = Session.objects.filter(
                Q(type=SessionType.PARTNERSHIP_MEETING) | Q(pk=self.instance.session_id or 0)
            ).order_by("-starts_at")


class TerminateForm(forms.Form):
    on = forms.DateField(
        label=_("Terminated on"),
        widget=AdminDateInput,
        help_text=_("The last day the agreement binds the parties."),
    )

    def __init__(self, *args, agreement: Agreement, **kwargs):
        super().__init__(*args, **kwargs)
        self.agreement = agreement
        self.initial.setdefault("on", timezone.localdate())

    def clean_on(self):
        on = self.cleaned_data["on"]
        if self.agreement.signed_on and on < self.agreement.signed_on:
            raise forms.ValidationError(
                _("An agreement cannot end before it was signed (%(day)s)."),
                params={"day": self.agreement.signed_on.isoformat()},
            )
        return on


class DecisionCommitmentForm(forms.Form):
    """A commitment arising from a decision: under which agreement, by when, and who."""

    agreement = forms.ModelChoiceField(label=_("Agreement"), queryset=Agreement.objects.none())
    due_on = forms.DateField(label=_("Due on"), required=False, widget=AdminDateInput)
    responsible_region = forms.CharField(
        label=_("Responsible on the Oriental's side"), max_length=200, required=False
    )
    responsible_partner = forms.CharField(
        label=_("Responsible on the partner's side"), max_length=200, required=False
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        concerned = [agreement.pk for agreement in meeting.agreements.all()]
        # The agreements the meeting is about come first; any agreement may be chosen.
        self.fields["agreement"].queryset = Agreement.objects.annotate(
            concerned=Case(When(pk__in=concerned, then=0), default=1)
        ).order_by("concerned", "reference")
        if len(concerned) == 1:
            self.initial.setdefault("agreement", concerned[0])
