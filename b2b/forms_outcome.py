"""The form a side of a meeting fills in afterwards: did it take place, what came of it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from b2b.choices import MeetingHeld, MeetingOutcome
from b2b.selectors_outcome import VALUED


class AmountField(forms.DecimalField):
    """Dirhams as people type them in any of the site's languages: "12 500,50", "12500.50",
    or with Arabic-Indic digits."""

    DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩٫", "0123456789.")

    def to_python(self, value):
        if isinstance(value, str):
            value = value.translate(self.DIGITS).replace("\u00a0", "").replace("\u202f", "")
            value = value.replace(" ", "").replace("٬", "").replace(",", ".")
        return super().to_python(value)


class MeetingFeedbackForm(forms.Form):
    held = forms.ChoiceField(
        label=_("Did the meeting take place?"),
        choices=MeetingHeld.choices,
        widget=forms.RadioSelect,
    )
    outcome = forms.ChoiceField(
        label=_("What came of it?"),
        choices=MeetingOutcome.choices,
        initial=MeetingOutcome.NONE,
        widget=forms.RadioSelect,
        required=False,
        help_text=_("Only if the meeting took place."),
    )
    amount = AmountField(
        label=_("Amount, in dirhams (optional)"),
        min_value=0,
        max_digits=12,
        decimal_places=2,
        required=False,
        help_text=_(
            "The value of the order or agreement, if you wish to say it. Only the two of you "
            "and the partnerships officers see it; the region's figures count it with all the "
            "others, never alone."
        ),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "dir": "ltr"}),
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
    )

    def clean(self):
        data = super().clean()
        if data.get("held") and data["held"] != MeetingHeld.HELD:
            # Nothing comes of a meeting that did not take place: what was ticked is dropped.
            data["outcome"], data["amount"] = MeetingOutcome.NONE, None
            return data
        data["outcome"] = data.get("outcome") or MeetingOutcome.NONE
        if data.get("amount") is not None and data["outcome"] not in VALUED:
            self.add_error(
                "amount",
                _(
                    "An amount goes with samples or an order, a distribution agreement or a "
                    "partnership project."
                ),
            )
        return data

    @classmethod
    def of(cls, statement, data=None):
        """The form, filled in with the side's statement when there is one."""
        initial = None
        if statement is not None:
            initial = {
                "held": statement.held,
                "outcome": statement.outcome,
                "amount": statement.amount,
                "note": statement.note,
            }
        return cls(data, initial=initial)
