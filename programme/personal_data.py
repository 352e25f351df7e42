"""What the programme holds about a person: their sign-ups for sessions, the sessions they
were admitted into, and their agenda. Sign-ups and admissions stay, counted, with the
registration they belong to (which loses the person, and with the name the certificates it
earned); the agenda, a list of their interests, goes."""

from django.utils.translation import gettext_lazy as _

from fairsite.personal_data import PersonalRecords, register, row
from programme.models import Agenda, SessionAttendance, SessionSignup


@register
class SignupRecords(PersonalRecords):
    key = "signups"
    title = _("Sign-ups for sessions")
    order = 20

    def collect(self, subject):
        signups = (
            SessionSignup.objects.filter(attendee__in=subject.attendee_ids)
            .select_related("session")
            .order_by("created_at")
        )
        return [
            row(signup, ["session", "status", "created_at", "released_at"]) for signup in signups
        ]

    def erase(self, subject):
        return 0  # the registration they hang on is erased; the seat counts stay


@register
class AttendanceRecords(PersonalRecords):
    key = "attendances"
    title = _("Sessions attended")
    order = 22

    def collect(self, subject):
        attendances = (
            SessionAttendance.objects.filter(attendee__in=subject.attendee_ids)
            .select_related("session")
            .order_by("admitted_at")
        )
        return [row(attendance, ["session", "via", "admitted_at"]) for attendance in attendances]

    def erase(self, subject):
        # The row names nobody once the registration is erased: it stays counted, and the
        # certificates it earned stop verifying, their holder's name gone.
        return 0


@register
class AgendaRecords(PersonalRecords):
    key = "agenda"
    title = _("My agenda")
    order = 21

    def collect(self, subject):
        rows = []
        for agenda in Agenda.objects.filter(user__in=subject.user_ids):
            rows += [
                row(session, ["title_ar", "title_fr", "starts_at"])
                for session in agenda.sessions.order_by("starts_at")
            ]
        return rows

    def erase(self, subject):
        deleted, _by_model = Agenda.objects.filter(user__in=subject.user_ids).delete()
        return deleted
