"""What events holds about a person: visitor registrations and badges, their entries at the
gates, and the choices they made. Erasing keeps each row the observatory counts (an
attendee's category and edition, a badge, each entry) and takes the person out of it."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.choices import BadgeStatus
from events.models import Attendee, Badge, BadgePrintJob, CheckIn, Consent
from fairsite.personal_data import PersonalRecords, Subject, register, row


def subject_attendees(subject: Subject):
    return Attendee.objects.filter(pk__in=subject.attendee_ids)


@register
class AttendeeRecords(PersonalRecords):
    key = "attendees"
    title = _("Registrations and badges")
    order = 10

    def collect(self, subject):
        rows = []
        attendees = subject_attendees(subject).select_related("edition").order_by("pk")
        for attendee in attendees:
            rows.append(
                [
                    (str(_("edition")), str(attendee.edition)),
                    *row(
                        attendee,
                        [
                            "full_name",
                            "organisation",
                            "category",
                            "email",
                            "phone",
                            "language",
                            "how_heard",
                            "created_at",
                        ],
                    ),
                ]
            )
            for badge in attendee.badges.order_by("pk"):
                rows.append(
                    row(
                        badge,
                        ["category", "status", "valid_from", "valid_until", "issued_at"]
                        + ["printed_at", "revoked_at"],
                    )
                )
        return rows

    @transaction.atomic
    def erase(self, subject):
        attendees = subject_attendees(subject)
        badges = Badge.objects.filter(attendee__in=attendees)
        touched = attendees.update(full_name="", organisation="", email="", phone="", user=None)
        touched += badges.exclude(status=BadgeStatus.REVOKED).update(
            status=BadgeStatus.REVOKED, revoked_at=timezone.now()
        )
        # Batches of printed badges hold the names on their pages: the file goes.
        badge_ids = set(badges.values_list("pk", flat=True))
        for job in BadgePrintJob.objects.exclude(file=""):
            if badge_ids.intersection(job.badge_ids):
                job.file.delete(save=False)
                job.file = ""
                job.save(update_fields=["file"])
                touched += 1
        return touched

    def instances(self, subject):
        attendees = set(subject.attendee_ids)
        return {
            Attendee: attendees,
            Badge: set(Badge.objects.filter(attendee__in=attendees).values_list("pk", flat=True)),
        }


@register
class EntryRecords(PersonalRecords):
    key = "entries"
    title = _("Entries at the gates")
    order = 11

    def collect(self, subject):
        entries = (
            CheckIn.objects.filter(badge__attendee__in=subject.attendee_ids)
            .select_related("gate")
            .order_by("scanned_at")
        )
        return [row(entry, ["scanned_at", "gate", "direction", "result"]) for entry in entries]

    @transaction.atomic
    def erase(self, subject):
        """Each entry stays (the observatory counts it), without the name the gate showed."""
        touched = 0
        entries = CheckIn.objects.filter(badge__attendee__in=subject.attendee_ids)
        for entry in entries.exclude(answer={}).only("pk", "answer"):
            badge = entry.answer.get("badge")
            if badge and (badge.get("name") or badge.get("organisation")):
                entry.answer = {**entry.answer, "badge": {**badge, "name": "", "organisation": ""}}
                entry.save(update_fields=["answer"])
                touched += 1
        return touched


@register
class ConsentRecords(PersonalRecords):
    key = "consents"
    title = _("Your choices")
    order = 12

    def _consents(self, subject):
        return Consent.objects.filter(attendee__in=subject.attendee_ids) | Consent.objects.filter(
            user__in=subject.user_ids
        )

    def collect(self, subject):
        return [
            row(consent, ["kind", "text", "version", "language", "given_at", "withdrawn_at"])
            for consent in self._consents(subject).order_by("given_at")
        ]

    def erase(self, subject):
        """What the person agreed to, and when, stays as the record of it; nothing stays in
        force for a person who is forgotten."""
        return self._consents(subject).filter(withdrawn_at=None).update(withdrawn_at=timezone.now())
