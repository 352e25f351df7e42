from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from b2b.choices import ParticipantKind
from b2b.errors import B2BError
from b2b.models import B2BParticipant
from b2b.services.participants import SELF_KINDS, participant_organisation
from b2b.vocabulary import TOPICS
from events.choices import ConsentKind
from events.services.consents import CONSENT_TEXTS
from fairsite.widgets import LanguageSelect

ANSWERS = [("accept", _("Accept")), ("decline", _("Decline"))]

# Markets ticked in one touch on a phone: the region's own, its partner regions' countries
# and the usual export markets; the others are picked from the list of every country.
FREQUENT_MARKETS = [
    "MA", "FR", "ES", "BE", "NL", "DE", "IT", "GB", "SN", "CI", "MR", "TN", "AE", "SA", "QA",
    "CA", "US", "CN",
]  # fmt: skip


class JoinForm(forms.ModelForm):
    """The profile others see in the list of participants.

    Exhibitors of a confirmed application choose the cooperative they come for; a delegation
    member, registered by the organisers, only edits the profile. Whether the others may find
    them is asked apart, never ticked for them: unticked, they still ask others for meetings.
    One who comes for a cooperative need not name an organisation: it is the cooperative.
    """

    findable = forms.BooleanField(
        label=CONSENT_TEXTS[ConsentKind.FINDABLE][1],
        required=False,
        help_text=_(
            "Without it, your profile is not in the list of participants: you can still ask "
            "others for meetings. You can change this at any time."
        ),
    )

    markets_frequent = forms.MultipleChoiceField(
        label=_("Markets and countries you work with or aim at"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    markets_more = forms.MultipleChoiceField(
        label=_("Other countries"),
        required=False,
        help_text=_("Hold Ctrl (or ⌘) to choose several on a computer."),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )

    class Meta:
        model = B2BParticipant
        fields = [
            "kind",
            "cooperative",
            "name",
            "organisation",
            "language",
            "offer_topics",
            "seek_topics",
            "roles",
            "roles_sought",
            "offers",
            "seeks",
            "languages",
            "remote",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "language": LanguageSelect,
            "offers": forms.Textarea(attrs={"rows": 3}),
            "seeks": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "offers": _("What you offer, in your own words"),
            "seeks": _("What you look for, in your own words"),
        }
        help_texts = {
            "offers": _("Your products or services, in a few words that others can search."),
            "seeks": _("Buyers, suppliers, partners, know-how: what you hope to find here."),
            "language": _("The meetings' e-mails and calendar are in this language."),
            "offer_topics": _(
                "Tick what you sell or provide: people who look for it are "
                "suggested to you, and you to them."
            ),
            "seek_topics": _("Tick what you came to find."),
            "roles": _("What you are to the others."),
            "roles_sought": _("The partners you hope to meet."),
            "languages": _("The languages you can hold a meeting in."),
            "remote": _("For delegations that cannot travel: your meetings take place by video."),
        }

    # The fieldsets of the page, in order; a field missing from the form is left out.
    GROUPS = [
        ("who", _("Who you are"), ["kind", "cooperative", "name", "organisation", "language"]),
        (
            "matching",
            _("What you offer and look for"),
            ["offer_topics", "seek_topics", "roles", "roles_sought", "offers", "seeks"],
        ),
        (
            "reach",
            _("Markets and languages"),
            ["markets_frequent", "markets_more", "languages", "remote"],
        ),
    ]

    def __init__(
        self, *args, cooperatives, delegation: bool = False, findable: bool = False, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.cooperatives = cooperatives
        # The list fields make their form fields themselves, without Meta's words.
        for name, text in self.Meta.help_texts.items():
            self.fields[name].help_text = text
            self.fields[name].label = capfirst(self.fields[name].label)
        self._markets_init()
        # The choice in force, as it stands: unticked for someone joining.
        self.fields["findable"].initial = findable
        # Without a cooperative to choose, an organisation must be named; with one, the
        # cooperative stands in for it (checked in clean(), whichever kind is chosen).
        self.fields["organisation"].error_messages["required"] = _(
            "Give the name of the organisation you come for."
        )
        if delegation:
            del self.fields["kind"]
            del self.fields["cooperative"]
            self.fields["organisation"].required = True
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
            self.fields["organisation"].help_text = _(
                "An exhibitor may leave it empty: the cooperative's name is used."
            )
        else:
            del self.fields["cooperative"]
            self.fields["organisation"].required = True

    def _markets_init(self):
        """Every country in the reader's language: the frequent ones as boxes, the others in
        a list; the participant's markets ticked in one or the other."""
        names = dict(countries)
        self.fields["markets_frequent"].choices = [(c, names[c]) for c in FREQUENT_MARKETS]
        self.fields["markets_more"].choices = [
            (code, name) for code, name in countries if code not in FREQUENT_MARKETS
        ]
        chosen = [str(country.code) for country in self.instance.markets or []]
        self.initial.setdefault("markets_frequent", [c for c in chosen if c in FREQUENT_MARKETS])
        self.initial.setdefault("markets_more", [c for c in chosen if c not in FREQUENT_MARKETS])

    def groups(self):
        """(id, legend, bound fields) for each fieldset of the page."""
        return [
            (key, legend, [self[name] for name in names if name in self.fields])
            for key, legend, names in self.GROUPS
        ]

    def clean(self):
        data = super().clean()
        kind = data.get("kind", self.instance.kind)
        if kind == ParticipantKind.EXHIBITOR and not data.get("cooperative"):
            self.add_error("cooperative", _("Choose the cooperative you come for."))
        if kind != ParticipantKind.EXHIBITOR:
            data["cooperative"] = None
        if kind == ParticipantKind.EXHIBITOR:
            data["remote"] = False  # at their stand: they meet at the tables
        if not self.has_error("organisation") and not self.has_error("cooperative"):
            self._organisation_clean(data)
        data["markets"] = [
            *data.get("markets_frequent", []),
            *data.get("markets_more", []),
        ]
        return data

    def _organisation_clean(self, data) -> None:
        cooperative = data.get("cooperative") if "cooperative" in self.fields else None
        try:
            data["organisation"] = participant_organisation(
                organisation=data.get("organisation", ""),
                cooperative=cooperative,
                language=data.get("language") or self.instance.language,
                offered=self.cooperatives if cooperative else (),
            )
        except B2BError as error:
            self.add_error("organisation", str(error))

    def profile(self) -> dict:
        """The cleaned data as the participant_join service takes it; a delegation member's
        kind and cooperative stay as the organisers set them."""
        profile = {"kind": self.instance.kind, "cooperative": self.instance.cooperative}
        profile.update(
            (field, self.cleaned_data[field])
            for field in [*self.Meta.fields, "markets"]
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
    topic = forms.ChoiceField(
        label=_("Offering or looking for"),
        required=False,
        choices=[("", _("Any product or service")), *TOPICS],
    )

    def filters(self) -> dict:
        if not self.is_valid():
            return {"search": "", "kind": ""}
        return {"search": self.cleaned_data["q"], "kind": self.cleaned_data["kind"]}

    def topic_chosen(self) -> str:
        return self.cleaned_data["topic"] if self.is_valid() else ""


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
