"""People's rights over their data: who a person is in the records, everything the site holds
about them, and erasing it on request, keeping every figure the observatory counts."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from events.choices import AttendeeCategory
from events.models import Attendee
from fairsite.audit import audit_log
from fairsite.personal_data import Section, Subject, history_forget, registered
from privacy.choices import DataRequestStatus
from privacy.errors import DataRequestError
from privacy.models import DataRequest

ERASED_ACTION = "privacy.erased"
REFUSED_ACTION = "privacy.refused"
REQUESTED_ACTION = "privacy.requested"


def _lower(values) -> set[str]:
    return {value.strip().lower() for value in values if value and value.strip()}


def subject_for_user(user) -> Subject:
    """An account holder: their account, the addresses and number it has, and the visitor
    registrations made from it or with those addresses or that number."""
    emails = _lower([user.email, *user.emailaddress_set.values_list("email", flat=True)])
    phones = {user.phone} if user.phone else set()
    attendees = Attendee.objects.filter(user=user)
    for email in emails:
        attendees |= Attendee.objects.filter(email__iexact=email)
    if phones:
        attendees |= Attendee.objects.filter(phone__in=phones)
    # The numbers and addresses they gave when registering are theirs too.
    found = list(attendees.values_list("pk", "email", "phone"))
    return Subject(
        user_ids={user.pk},
        attendee_ids={pk for pk, _email, _phone in found},
        emails=emails | _lower(email for _pk, email, _phone in found),
        phones=phones | {phone for _pk, _email, phone in found if phone},
    )


def subject_for_attendee(attendee: Attendee) -> Subject:
    """The holder of a visitor's badge link: that registration, and their visitor
    registrations at other editions with the same address or number (the links to those
    went to the same inbox or phone). Never an account: signing in proves that."""
    query = Q(pk=attendee.pk)
    if attendee.category == AttendeeCategory.VISITOR:
        if attendee.email:
            query |= Q(category=AttendeeCategory.VISITOR, email__iexact=attendee.email)
        if attendee.phone:
            query |= Q(category=AttendeeCategory.VISITOR, phone=attendee.phone)
    return Subject(
        attendee_ids=set(Attendee.objects.filter(query).values_list("pk", flat=True)),
        emails=_lower([attendee.email]),
        phones={attendee.phone} if attendee.phone else set(),
    )


def personal_data_collect(subject: Subject) -> list[Section]:
    """Everything the site holds about the subject, section by section, in the active
    language; sections with nothing in them are left out."""
    sections = []
    for records in registered():
        rows = [pairs for pairs in records.collect(subject) if pairs]
        if rows:
            sections.append(Section(key=records.key, title=str(records.title), rows=rows))
    return sections


@transaction.atomic
def personal_data_erase(*, subject: Subject) -> dict[str, int]:
    """Erase the subject everywhere: each app's records, then the admin history of the rows
    that stood for them (its labels and details named them). How many rows of each kind."""
    named = {}
    for records in registered():
        for model, pks in records.instances(subject).items():
            named.setdefault(model, set()).update(pks)
    outcome = {}
    for records in registered():
        touched = records.erase(subject)
        if touched:
            outcome[records.key] = touched
    history = history_forget(named)
    if history:
        outcome["history"] = history
    return outcome


def subject_of_request(request: DataRequest) -> Subject:
    """The person a request is about: the account that made it, or the badge link's holder."""
    if request.user_id:
        return subject_for_user(request.user)
    return subject_for_attendee(request.attendee)


@transaction.atomic
def data_request_submit(*, language: str, user=None, attendee: Attendee | None = None):
    """Record a person's request to be forgotten (the one already waiting, if any)."""
    if (user is None) == (attendee is None):
        raise ValueError("A request comes from an account or from a badge link.")
    holder = {"user": user} if user is not None else {"attendee": attendee}
    waiting = DataRequest.objects.filter(status=DataRequestStatus.PENDING, **holder).first()
    if waiting is not None:
        return waiting
    request = DataRequest.objects.create(language=language, **holder)
    audit_log(instance=request, action=REQUESTED_ACTION, by=user)
    return request


@transaction.atomic
def data_request_process(*, request: DataRequest, by) -> DataRequest:
    """Carry out a waiting request: the person is erased; the request keeps who processed
    it, when, and how many records of each kind were touched, and no longer points to
    the person."""
    request = DataRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != DataRequestStatus.PENDING:
        raise DataRequestError("already_processed")
    subject = subject_of_request(request)
    if by is not None and by.pk in subject.user_ids:
        raise DataRequestError("own_request")
    request.outcome = personal_data_erase(subject=subject)
    request.status = DataRequestStatus.DONE
    request.processed_at = timezone.now()
    request.processed_by = by
    request.user = request.attendee = None
    request.save()
    audit_log(instance=request, action=ERASED_ACTION, by=by, data=request.outcome)
    return request


@transaction.atomic
def data_request_refuse(*, request: DataRequest, by) -> DataRequest:
    """Close a waiting request without erasing (for example, a record the law requires the
    council to keep); the person is told by the organisers."""
    request = DataRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != DataRequestStatus.PENDING:
        raise DataRequestError("already_processed")
    request.status = DataRequestStatus.REFUSED
    request.processed_at = timezone.now()
    request.processed_by = by
    request.save()
    audit_log(instance=request, action=REFUSED_ACTION, by=by)
    return request
