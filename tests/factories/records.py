"""Factories for the fair's records that carry a moment: badges and check-ins, programme
changes, partnership and B2B meetings, export support requests."""

import datetime

import factory

from tests.factories import (
    B2BBlockFactory,
    B2BParticipantFactory,
    CooperativeFactory,
    EditionFactory,
    GateFactory,
    SessionFactory,
)


class AttendeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.Attendee"

    edition = factory.SubFactory(EditionFactory)
    full_name = factory.Sequence(lambda n: f"Youssef Berrada {n}")
    organisation = "Coopérative Al Amal"
    category = "visitor"
    email = factory.Sequence(lambda n: f"visitor{n}@fair.example")


class BadgeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.Badge"

    attendee = factory.SubFactory(AttendeeFactory)
    edition = factory.LazyAttribute(lambda o: o.attendee.edition)
    category = factory.LazyAttribute(lambda o: o.attendee.category)
    code = factory.Sequence(lambda n: f"TEST-BADGE-{n}")
    valid_from = factory.LazyAttribute(lambda o: o.edition.starts_on)
    valid_until = factory.LazyAttribute(lambda o: o.edition.ends_on)


class CheckInFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.CheckIn"

    badge = factory.SubFactory(BadgeFactory)
    gate = factory.SubFactory(GateFactory)
    result = "ok"
    scanned_at = factory.LazyAttribute(
        lambda o: datetime.datetime.combine(
            o.badge.valid_from, datetime.time(9), tzinfo=datetime.UTC
        )
    )


class SessionChangeFactory(factory.django.DjangoModelFactory):
    """A published session moved by an hour, as its first revision."""

    class Meta:
        model = "programme.SessionChange"

    session = factory.SubFactory(SessionFactory)
    kind = "moved"
    sequence = 1
    previous_starts_at = factory.LazyAttribute(
        lambda o: o.session.starts_at - datetime.timedelta(hours=1)
    )


class PartnershipMeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "partnerships.PartnershipMeeting"

    title_ar = "اجتماع لجنة التتبع"
    title_fr = "Réunion du comité de suivi"
    starts_at = datetime.datetime(2025, 5, 14, 10, tzinfo=datetime.UTC)
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    place_ar = "قاعة المجلس"
    place_fr = "Salle du conseil"


class MeetingRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "b2b.MeetingRequest"

    edition = factory.SubFactory(EditionFactory)
    requester = factory.SubFactory(
        B2BParticipantFactory, edition=factory.SelfAttribute("..edition")
    )
    recipient = factory.SubFactory(
        B2BParticipantFactory, edition=factory.SelfAttribute("..edition")
    )
    message = "Pouvons-nous parler de distribution ?"


class B2BMeetingFactory(factory.django.DjangoModelFactory):
    """An accepted request in the first slot of its block, at table 1."""

    class Meta:
        model = "b2b.B2BMeeting"

    request = factory.SubFactory(MeetingRequestFactory, status="accepted")
    block = factory.SubFactory(B2BBlockFactory, edition=factory.SelfAttribute("..request.edition"))
    starts_at = factory.LazyAttribute(lambda o: o.block.starts_at)
    ends_at = factory.LazyAttribute(
        lambda o: o.block.starts_at + datetime.timedelta(minutes=o.block.slot_minutes)
    )
    table = 1


class SupportRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "exportsupport.SupportRequest"

    cooperative = factory.SubFactory(CooperativeFactory)
    service = "labelling"
    target_markets = "France, Belgique"
