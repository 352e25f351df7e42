"""What the feedback holds about a person: the marks and comments they gave the sessions, their
answers to the visitors' survey, and the exhibitors' survey answers they gave for their
cooperative. The comments are their words and go on erasure; the marks and figures stay,
counted by the observatory, with nothing left that names anyone."""

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from fairsite.personal_data import PersonalRecords, register, row
from feedback.models import ExhibitorSurvey, Invitation, SessionRating, VisitorSurvey


@register
class FeedbackRecords(PersonalRecords):
    key = "feedback"
    title = _("Feedback and surveys")
    order = 35

    def _ratings(self, subject):
        return SessionRating.objects.filter(attendee__in=subject.attendee_ids)

    def _visitor_surveys(self, subject):
        return VisitorSurvey.objects.filter(attendee__in=subject.attendee_ids)

    def _exhibitor_surveys(self, subject):
        return ExhibitorSurvey.objects.filter(answered_by__in=subject.user_ids)

    def collect(self, subject):
        rows = [
            row(rating, ["session", "score", "comment", "created_at", "updated_at"])
            for rating in self._ratings(subject).select_related("session")
        ]
        rows += [
            row(survey, ["edition", "satisfaction", "come_again", "how_heard", "liked"])
            + row(survey, ["improve", "created_at", "updated_at"])
            for survey in self._visitor_surveys(subject).select_related("edition")
        ]
        rows += [
            row(survey, ["application", "satisfaction", "sales", "contacts", "come_again"])
            + row(survey, ["comments", "created_at", "updated_at"])
            for survey in self._exhibitor_surveys(subject).select_related(
                "application__cooperative", "application__edition"
            )
        ]
        return rows

    @transaction.atomic
    def erase(self, subject):
        """The comments go; the marks, satisfaction and figures stay, counted."""
        touched = self._ratings(subject).exclude(comment="").update(comment="")
        touched += (
            self._visitor_surveys(subject)
            .exclude(Q(liked="") & Q(improve=""))
            .update(liked="", improve="")
        )
        touched += self._exhibitor_surveys(subject).update(comments="", answered_by=None)
        # Who was invited is no one's business once they are forgotten.
        touched += Invitation.objects.filter(attendee__in=subject.attendee_ids).delete()[0]
        return touched
