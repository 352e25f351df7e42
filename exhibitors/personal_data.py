"""What the exhibitors' records hold about a person: the cooperatives they manage (whose
records stay: they are the cooperative's, not the person's), the stand staff entries naming
them, invitations sent to their address, and the stands that scanned their badge (with what
the stand noted about them). A cooperative's contact details that are the person's own are
cleared; the cooperative names a new contact when it next edits. A stand's visit stays
counted, without the person and without the stand's note and rating."""

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from exhibitors.models import Cooperative, CooperativeInvitation, StaffMember, StandVisit
from fairsite.personal_data import ERASED, PersonalRecords, register, row


def _staff(subject):
    query = Q(attendee__in=subject.attendee_ids) | Q(email__in=subject.emails)
    if subject.phones:
        query |= Q(phone__in=subject.phones)
    return StaffMember.objects.filter(query)


def _stand_visits(subject):
    return StandVisit.objects.filter(attendee__in=subject.attendee_ids)


def _contact_of(subject):
    query = Q(email__in=subject.emails)
    if subject.phones:
        query |= Q(phone__in=subject.phones)
    return Cooperative.objects.filter(query)


@register
class ExhibitorRecords(PersonalRecords):
    key = "exhibitors"
    title = _("Cooperatives, stand staff and stand visits")
    order = 40

    def collect(self, subject):
        rows = []
        managed = Cooperative.objects.filter(managers__in=subject.user_ids)
        for cooperative in (managed | _contact_of(subject)).distinct():
            rows.append(row(cooperative, ["name", "contact_name", "email", "phone", "created_at"]))
        for member in _staff(subject).select_related("application__cooperative"):
            rows.append(
                [
                    (str(_("cooperative")), str(member.application.cooperative)),
                    *row(member, ["full_name", "role", "phone", "email"]),
                ]
            )
        invitations = CooperativeInvitation.objects.filter(email__in=subject.emails)
        rows += [
            row(invitation, ["cooperative", "email", "created_at"]) for invitation in invitations
        ]
        visits = _stand_visits(subject).select_related(
            "application__cooperative", "application__stand"
        )
        for visit in visits.order_by("first_scanned_at"):
            stand = visit.application.stand
            rows.append(
                [
                    (str(_("stand")), str(visit.application.cooperative.display_name)),
                    *([(str(_("stand code")), stand.code)] if stand else []),
                    *row(visit, ["first_scanned_at", "last_scanned_at", "scans", "note", "rating"]),
                ]
            )
        return rows

    @transaction.atomic
    def erase(self, subject):
        touched = _staff(subject).update(
            full_name=ERASED, role="", phone="", email="", attendee=None
        )
        touched += _contact_of(subject).update(contact_name="", email="", phone="")
        deleted, _by_model = CooperativeInvitation.objects.filter(email__in=subject.emails).delete()
        # The visit stays for the stand's and the observatory's counts.
        touched += _stand_visits(subject).update(attendee=None, note="", rating=None, scan_ids=[])
        for cooperative in Cooperative.objects.filter(managers__in=subject.user_ids):
            cooperative.managers.remove(*subject.user_ids)
            touched += 1
        return touched + deleted

    def instances(self, subject):
        return {StaffMember: set(_staff(subject).values_list("pk", flat=True))}
