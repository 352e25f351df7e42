"""The B2B admin's forms: participants linked only to people of their edition, blocks in the
current edition, and the placing run's choice."""

from django import forms
from django.db.models import Case, Q, When
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateInput

from b2b.services.outcomes import CLOSED_AGREEMENTS
from events.choices import AttendeeCategory
from events.models import Attendee, Edition
from fairsite.admin_forms import LanguageFieldsForm
from partnerships.models import Agreement
from programme.models import Speaker

# The badge holders a B2B participant is usually one of; anyone else is found by e-mail.
B2B_ATTENDEE_CATEGORIES = (
    AttendeeCategory.DELEGATION,
    AttendeeCategory.EXHIBITOR_STAFF,
    AttendeeCategory.SPEAKER,
)


class B2BParticipantForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        edition = self._edition()
        if edition is not None and not self.instance.pk:
            self.initial.setdefault("edition", edition.pk)
        if "attendee" in self.fields:
            # Not every visitor's name to whoever registers participants: the edition's
            # delegation members, exhibitors' staff and speakers, and the badge holder with
            # this participant's e-mail (a buyer who registered as a visitor).
            self.fields["attendee"].queryset = self._attendees(edition)
            self.fields["attendee"].help_text = _(
                "A delegation member, an exhibitor's staff member or a speaker of the edition, "
                "or the badge holder with this participant's e-mail. The sessions they signed "
                "up for are kept free of meetings."
            )
        if "speaker" in self.fields:
            # The speakers of the edition's programme (and the one already linked).
            self.fields["speaker"].queryset = (
                Speaker.objects.filter(
                    Q(sessions__edition=edition) | Q(pk=self.instance.speaker_id or 0)
                ).distinct()
                if edition is not None
                else Speaker.objects.filter(pk=self.instance.speaker_id or 0)
            )

    def _attendees(self, edition: Edition | None):
        if edition is None:
            return Attendee.objects.none()
        chosen = Q(category__in=B2B_ATTENDEE_CATEGORIES) | Q(pk=self.instance.attendee_id or 0)
        email = self.data.get(self.add_prefix("email")) if self.is_bound else self.instance.email
        if email:
            chosen |= Q(email__iexact=email.strip())
        return Attendee.objects.filter(edition=edition).filter(chosen).order_by("full_name")

    def _edition(self) -> Edition | None:
        chosen = self.data.get(self.add_prefix("edition")) if self.is_bound else None
        if chosen and str(chosen).isdigit():
            return Edition.objects.filter(pk=chosen).first()
        if self.instance.edition_id:
            return self.instance.edition
        return Edition.objects.current() or Edition.objects.order_by("-year").first()


class B2BBlockForm(LanguageFieldsForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = Edition.objects.current()
        if current is not None and not self.instance.pk:
            self.initial.setdefault("edition", current.pk)


class PlacementForm(forms.Form):
    reshuffle = forms.BooleanField(
        label=_("Place the unconfirmed meetings again from scratch"),
        required=False,
        help_text=_(
            "Confirmed meetings always stay where they are. Starting again can fit more "
            "meetings in, but may move unconfirmed ones; both people of each meeting placed "
            "are told by e-mail."
        ),
    )


class OutcomeCommitmentForm(forms.Form):
    """A commitment made of a meeting's outcome: under which agreement, what, by when. The
    agreements with the sides' partner regions come first; those that ended are left out."""

    agreement = forms.ModelChoiceField(label=_("Agreement"), queryset=Agreement.objects.none())
    description = forms.CharField(label=_("What is committed to"), widget=forms.Textarea)
    due_on = forms.DateField(label=_("Due on"), required=False, widget=AdminDateInput)

    def __init__(self, *args, feedback, **kwargs):
        super().__init__(*args, **kwargs)
        meeting_request = feedback.meeting.request
        regions = {
            side.partner_region_id
            for side in (meeting_request.requester, meeting_request.recipient)
            if side.partner_region_id
        }
        concerned = Agreement.objects.filter(partner_regions__in=regions).values("pk")
        self.fields["agreement"].queryset = (
            Agreement.objects.exclude(status__in=CLOSED_AGREEMENTS)
            .annotate(concerned=Case(When(pk__in=concerned, then=0), default=1))
            .order_by("concerned", "reference")
        )
        self.initial.setdefault(
            "description",
            _("Follow-up of the B2B meeting between %(first)s and %(second)s: %(outcome)s.")
            % {
                "first": meeting_request.requester.organisation or meeting_request.requester.name,
                "second": meeting_request.recipient.organisation or meeting_request.recipient.name,
                "outcome": feedback.get_outcome_display(),
            },
        )
