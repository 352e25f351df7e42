"""What the site holds about one person, app by app: each app describes its own records in a
`personal_data.py` module (found by the privacy app at start-up), so that whoever adds a
model with personal fields says there, beside it, how it is exported, erased and retained.

A *subject* is the person, as the records name them: accounts, visitor registrations,
addresses and mobile numbers. Each app's `PersonalRecords` reads the subject's rows for the
"My data" export and erases them on request, keeping every count the observatory makes: rows
that are counted stay, without the person.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from fairsite.models import OutboundEmail, OutboundSms

ERASED = "—"  # what an erased name or text reads, where a field cannot be empty


@dataclasses.dataclass
class Subject:
    """One person as the records know them. Ids are found once, before anything is erased,
    so that every app's records are matched on the same picture of the person."""

    user_ids: set[int] = dataclasses.field(default_factory=set)
    attendee_ids: set[int] = dataclasses.field(default_factory=set)
    emails: set[str] = dataclasses.field(default_factory=set)  # lower case
    phones: set[str] = dataclasses.field(default_factory=set)  # E.164

    def __bool__(self):
        return bool(self.user_ids or self.attendee_ids)


@dataclasses.dataclass
class Section:
    """A part of the export: a heading and rows of (label, value) pairs."""

    key: str
    title: str
    rows: list[list[tuple[str, str]]]


class PersonalRecords:
    """One app's records about a person. Subclasses set `key` and `title` and implement
    `collect` and `erase`; `instances` names the rows whose admin history must forget the
    person too."""

    key: str = ""
    title = ""
    order: int = 50

    def collect(self, subject: Subject) -> list[list[tuple[str, str]]]:
        """The subject's rows, each as (label, value) pairs in the active language."""
        raise NotImplementedError

    def erase(self, subject: Subject) -> int:
        """Erase or anonymise the subject's rows; how many rows were touched."""
        raise NotImplementedError

    def instances(self, subject: Subject) -> dict[type[models.Model], set]:
        """Rows of this app that stand for the person (their admin history names them)."""
        return {}


_registry: dict[str, PersonalRecords] = {}


def register(records_class: type[PersonalRecords]) -> type[PersonalRecords]:
    """Class decorator: add an app's records to what 'My data' covers."""
    _registry[records_class.key] = records_class()
    return records_class


def registered() -> list[PersonalRecords]:
    return sorted(_registry.values(), key=lambda records: (records.order, records.key))


def history_forget(named: dict[type[models.Model], set]) -> int:
    """Reset the admin history's label and details of these rows (they were written with
    the person's name in them); the entries stay, saying who did what and when. How many."""
    forgotten = 0
    for model, pks in named.items():
        if not pks:
            continue
        entries = ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model, for_concrete_model=False),
            object_id__in=[str(pk) for pk in pks],
        )
        for entry in entries:
            entry.label = f"{model._meta.verbose_name} {entry.object_id}"
            entry.data = {}
            entry.save(update_fields=["label", "data"])
            forgotten += 1
    return forgotten


def row(instance: models.Model, fields: Iterable[str]) -> list[tuple[str, str]]:
    """`fields` of `instance` as (verbose name, readable value) pairs: choices by their
    label, times on the fair's clock, related rows by their name, empty values left out."""
    pairs = []
    for name in fields:
        field = instance._meta.get_field(name)
        value = getattr(instance, name)
        if value in (None, "", [], {}):
            continue
        if field.choices:
            value = getattr(instance, f"get_{name}_display")()
        elif isinstance(field, models.DateTimeField):
            value = date_format(timezone.localtime(value), "DATETIME_FORMAT")
        elif isinstance(field, models.DateField):
            value = date_format(value, "DATE_FORMAT")
        elif isinstance(field, models.BooleanField):
            value = _("yes") if value else _("no")
        pairs.append((str(field.verbose_name), str(value)))
    return pairs


@register
class AccountRecords(PersonalRecords):
    """The account itself: it stays as a row (the admin history and the records a person
    made for a cooperative point to it), closed, with nothing left that names the person."""

    key = "account"
    title = _("Account")
    order = 1

    def collect(self, subject):
        users = get_user_model().objects.filter(pk__in=subject.user_ids)
        return [
            row(
                user,
                ["first_name", "last_name", "email", "phone", "language", "date_joined"]
                + ["last_login"],
            )
            for user in users
        ]

    @transaction.atomic
    def erase(self, subject):
        touched = 0
        for user in get_user_model().objects.filter(pk__in=subject.user_ids).select_for_update():
            user.first_name = user.last_name = ""
            user.email = None
            user.phone = None
            user.phone_verified = False
            user.is_active = user.is_staff = user.is_superuser = False
            user.set_unusable_password()  # also ends every session it had
            user.save()
            user.groups.clear()
            user.user_permissions.clear()
            touched += 1
        EmailAddress.objects.filter(user__in=subject.user_ids).delete()
        Authenticator.objects.filter(user__in=subject.user_ids).delete()
        for profile in UserProfile.objects.filter(user__in=subject.user_ids).exclude(avatar=""):
            profile.avatar.delete(save=True)
        return touched

    def instances(self, subject):
        return {get_user_model(): set(subject.user_ids)}


@register
class OutboxRecords(PersonalRecords):
    """E-mails and text messages written to the person: what they said is theirs, and goes."""

    key = "outbox"
    title = _("Messages sent to you")
    order = 80

    def _emails(self, subject):
        if not subject.emails:
            return OutboundEmail.objects.none()
        query = Q()
        for address in subject.emails:
            query |= Q(to__icontains=address)
        # `to` is a list of addresses: the match is confirmed on the exact address.
        return [
            email
            for email in OutboundEmail.objects.filter(query)
            if {str(to).lower() for to in email.to} & subject.emails
        ]

    def _texts(self, subject):
        return OutboundSms.objects.filter(to__in=subject.phones)

    def collect(self, subject):
        return [
            row(email, ["subject", "created_at", "sent_at"]) for email in self._emails(subject)
        ] + [row(text, ["to", "body", "created_at", "sent_at"]) for text in self._texts(subject)]

    def erase(self, subject):
        ids = [email.pk for email in self._emails(subject)]
        deleted, _by_model = OutboundEmail.objects.filter(pk__in=ids).delete()
        texts, _by_model = self._texts(subject).delete()
        return deleted + texts
