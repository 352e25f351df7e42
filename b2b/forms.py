from django import forms
from django.utils.translation import gettext_lazy as _

from b2b.choices import ParticipantKind
from b2b.models import B2BParticipant
from b2b.services.participants import SELF_KINDS
from events.choices import ConsentKind
from events.services.consents import CONSENT_TEXTS
from fairsite.widgets import LanguageSelect

ANSWERS = [("accept", _("Accept")), ("decline", _("Decline"))]


class JoinForm(forms.ModelForm):
    """The profile others see in the list of participants.

    Exhibitors of a confirmed application choose the cooperative they come for; a delegation
    member, registered by the organisers, only edits the profile. Whether the others may find
    them is asked apart, never ticked for them: unticked, they still ask others for meetings.
    """

    findable = forms.BooleanField(
        label=CONSENT_TEXTS[ConsentKind.FINDABLE][1],
        required=False,
        help_text=_(
            "Without it, your profile is not in the list of participants: you can still ask "
            "others for meetings. You can change this at any time."
        ),
    )

    class Meta:
        model = B2BParticipant
        fields = ["kind", "cooperative", "name", "organisation", "language", "offers", "seeks"]
        widgets = {
            "kind": forms.RadioSelect,
            "language": LanguageSelect,
            "offers": forms.Textarea(attrs={"rows": 3}),
            "seeks": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "offers": _("Your products or services, in a few words that others can search."),
            "seeks": _("Buyers, suppliers, partners, know-how: what you hope to find here."),
            "language": _("The meetings' e-mails and calendar are in this language."),
        }

    def __init__(
        self, *args, cooperatives, delegation: bool = False, findable: bool = False, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].required = True
        # The choice in force, as it stands: unticked for someone joining.
        self.fields["findable"].initial = findable
        if delegation:
            del self.fields["kind"]
            del self.fields["cooperative"]
            return
        kinds = SELF_KINDS if cooperatives.exists() else SELF_KINDS[1:]
        self.fields["kind"].choices = [(kind.value, kind.label) for kind in kinds]
        if cooperatives.exists():
            self.fields["cooperative"].queryset = cooperatives
            self.fields["cooperative"].required = False
            self.fields["cooperative"].empty_label = None
            self.fields["cooperative"].label_from_instance = lambda c: c.display_name
            self.fields["cooperative"].help_text = _(
                "Your cooperatives whose application to this edition is confirmed."
            )
        else:
            del self.fields["cooperative"]

    def clean(self):
        data = super().clean()
        if data.get("kind") == ParticipantKind.EXHIBITOR and not data.get("cooperative"):
            self.add_error("cooperative", _("Choose the cooperative you come for."))
        if data.get("kind") != ParticipantKind.EXHIBITOR:
            data["cooperative"] = None
        return data

    def profile(self) -> dict:
        """The cleaned data as the participant_join service takes it; a delegation member's
        kind and cooperative stay as the organisers set them."""
        profile = {"kind": self.instance.kind, "cooperative": self.instance.cooperative}
        profile.update(
            (field, self.cleaned_data[field])
            for field in self.Meta.fields
            if field in self.cleaned_data
        )
        return profile


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("Olive oil, packaging, export…")}
        ),
    )
    kind = forms.ChoiceField(
        label=_("Taking part as"),
        required=False,
        choices=[("", _("Everyone")), *ParticipantKind.choices],
    )

    def filters(self) -> dict:
        if not self.is_valid():
            return {"search": "", "kind": ""}
        return {"search": self.cleaned_data["q"], "kind": self.cleaned_data["kind"]}


class MeetingRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(
            attrs={"rows": 3, "placeholder": _("Why you would like to meet, in a sentence.")}
        ),
    )


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(choices=ANSWERS)
