from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from fairsite.i18n import active_language
from fairsite.phones import PhoneField
from fairsite.widgets import LanguageSelect
from programme.choices import SpokenLanguage
from programme.models import Track
from proposals.choices import Duration
from proposals.models import CallForProposals

ANSWER_PREFIX = "answer_"


class ProposalForm(forms.Form):
    """A proposal and its answers to the call's questions, one field each."""

    title = forms.CharField(label=_("Title"), max_length=250)
    abstract = forms.CharField(
        label=_("Abstract"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What the session is about and what people will take from it."),
    )
    kind = forms.ChoiceField(label=_("Kind of session"))
    language = forms.ChoiceField(
        label=_("Language spoken"), choices=SpokenLanguage.choices, initial=SpokenLanguage.ARABIC
    )
    duration = forms.TypedChoiceField(
        label=_("Duration"), choices=Duration.choices, coerce=int, initial=Duration.MIN_60
    )
    track = forms.ModelChoiceField(
        label=_("Track"),
        queryset=Track.objects.none(),
        required=False,
        empty_label=_("No preference"),
    )

    def __init__(self, *args, call: CallForProposals, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        self.fields["kind"].choices = call.kind_choices()
        tracks = Track.objects.filter(edition_id=call.edition_id)
        self.fields["track"].queryset = tracks
        if not tracks.exists():
            del self.fields["track"]
        self.questions = list(call.questions.all())
        for question in self.questions:
            self.fields[f"{ANSWER_PREFIX}{question.pk}"] = forms.CharField(
                label=question.text,
                # A question keeps its own mark, without a colon after it.
                label_suffix="" if question.text.rstrip().endswith(("?", "؟")) else None,
                required=question.required,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def answers(self) -> dict[int, str]:
        return {q.pk: self.cleaned_data.get(f"{ANSWER_PREFIX}{q.pk}", "") for q in self.questions}

    def proposal_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "abstract": data["abstract"],
            "kind": data["kind"],
            "language": data["language"],
            "duration": data["duration"],
            "track": data.get("track"),
        }


class DraftForm(ProposalForm):
    """A draft may be saved with required questions still unanswered."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for question in self.questions:
            self.fields[f"{ANSWER_PREFIX}{question.pk}"].required = False


class InviteForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"), required=False)
    phone = PhoneField(
        label=_("Mobile number"),
        required=False,
        help_text=_("If the person has no e-mail address: the invitation goes by text message."),
    )
    language = forms.ChoiceField(
        label=_("Language of the invitation"), choices=settings.LANGUAGES, widget=LanguageSelect
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = active_language()

    def clean(self):
        data = super().clean()
        if not data.get("email") and not data.get("phone") and not self.errors:
            raise forms.ValidationError(_("Give an e-mail address or a mobile number."))
        return data


class SpeakerProfileForm(forms.Form):
    name_ar = forms.CharField(label=_("Your name in Arabic script"), max_length=150, required=False)
    name_latin = forms.CharField(
        label=_("Your name in Latin script"), max_length=150, required=False
    )
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    bio = forms.CharField(
        label=_("Short biography"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Shown on the programme beside your name."),
    )

    def clean(self):
        data = super().clean()
        if not data.get("name_ar") and not data.get("name_latin"):
            raise forms.ValidationError(_("Give your name in at least one script."))
        return data


class ReviewForm(forms.Form):
    score = forms.TypedChoiceField(label=_("Score"), coerce=int, widget=forms.RadioSelect)
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, score_max: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["score"].choices = [(n, str(n)) for n in range(1, score_max + 1)]


class DecisionForm(forms.Form):
    move = forms.ChoiceField(
        choices=[(m, m) for m in ("review_start", "accept", "reject", "reopen")]
    )
    note = forms.CharField(
        label=_("Message to the proposer"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sent with the decision, in the e-mail."),
    )
