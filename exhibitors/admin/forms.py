from django import forms
from django.utils.translation import gettext_lazy as _

from exhibitors.choices import ApplicationStatus
from exhibitors.models import Application, Stand


class DecisionForm(forms.Form):
    DECISIONS = [
        (ApplicationStatus.ACCEPTED, _("Accept")),
        (ApplicationStatus.WAITLISTED, _("Put on the waiting list")),
        (ApplicationStatus.REJECTED, _("Reject")),
        (ApplicationStatus.CHANGES_REQUESTED, _("Ask for changes")),
    ]
    decision = forms.ChoiceField(label=_("Decision"), choices=DECISIONS, widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Message to the cooperative"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sent by e-mail with the decision; required when asking for changes."),
    )


class StandAssignmentForm(forms.Form):
    stand = forms.ModelChoiceField(label=_("Stand"), queryset=Stand.objects.none())

    def __init__(self, *args, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stand"].queryset = Stand.objects.filter(
            edition=edition, application__isnull=True
        ).select_related("stand_type")


class StandOfferForm(forms.Form):
    application = forms.ModelChoiceField(
        label=_("Application"), queryset=Application.objects.none()
    )
    note = forms.CharField(label=_("Message to the cooperative"), required=False)

    def __init__(self, *args, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application"].queryset = (
            Application.objects.filter(
                edition=edition,
                status__in=[
                    ApplicationStatus.ACCEPTED,
                    ApplicationStatus.CONFIRMED,
                    ApplicationStatus.WAITLISTED,
                ],
                stand__isnull=True,
            )
            .select_related("cooperative")
            .order_by("status", "cooperative__name")
        )
        self.fields["application"].label_from_instance = lambda a: (
            f"{a.cooperative} ({a.get_status_display()})"
        )
