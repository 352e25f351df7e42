from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from events.choices import HowHeard
from feedback.choices import ComeAgain, Score
from feedback.models import ExhibitorSurvey, SessionRating, VisitorSurvey


def _score_field(label):
    return forms.TypedChoiceField(
        label=label,
        # Lazy: the form is defined once, read in each reader's language.
        choices=[(value, format_lazy("{} · {}", value, text)) for value, text in Score.choices],
        coerce=int,
        widget=forms.RadioSelect(attrs={"class": "score-choices"}),
        error_messages={"required": _("Choose a mark from 1 to 5.")},
    )


def _text(label, help_text="", max_length=2000):
    return forms.CharField(
        label=label,
        required=False,
        max_length=max_length,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


def _come_again():
    return forms.ChoiceField(
        label=_("Would you come again next year?"),
        choices=ComeAgain.choices,
        widget=forms.RadioSelect(attrs={"class": "inline-choices"}),
        error_messages={"required": _("Say whether you would come again.")},
    )


class SessionRatingForm(forms.ModelForm):
    score = _score_field(_("Your mark"))
    comment = _text(
        _("Your comment (optional)"),
        _("The organisers and the programme's editors read it; it is never published."),
    )

    class Meta:
        model = SessionRating
        fields = ["score", "comment"]


class VisitorSurveyForm(forms.ModelForm):
    satisfaction = _score_field(_("How satisfied are you with the fair?"))
    come_again = _come_again()
    how_heard = forms.ChoiceField(
        label=_("How did you hear of the fair? (optional)"),
        choices=HowHeard.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    liked = _text(_("What did you like most? (optional)"))
    improve = _text(_("What should we improve? (optional)"))

    class Meta:
        model = VisitorSurvey
        fields = ["satisfaction", "come_again", "how_heard", "liked", "improve"]


class ExhibitorSurveyForm(forms.ModelForm):
    satisfaction = _score_field(_("How satisfied is your cooperative with the fair?"))
    sales = forms.IntegerField(
        label=_("Your sales at the fair, in dirhams (optional)"),
        help_text=_(
            "Used only in totals of at least five exhibitors; never shown for one cooperative."
        ),
        required=False,
        min_value=0,
        max_value=100_000_000,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "dir": "ltr"}),
    )
    contacts = forms.IntegerField(
        label=_("Contacts made (optional)"),
        help_text=_("Buyers, partners and suppliers you met and will follow up."),
        required=False,
        min_value=0,
        max_value=100_000,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "dir": "ltr"}),
    )
    come_again = _come_again()
    comments = _text(_("Comments (optional)"), max_length=3000)

    class Meta:
        model = ExhibitorSurvey
        fields = ["satisfaction", "sales", "contacts", "come_again", "comments"]
