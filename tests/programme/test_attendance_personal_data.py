"""The sessions a person was admitted into are in their data; erasing them keeps the count."""

import datetime

import pytest
from django.utils import timezone, translation

from events.services.badges import attendee_register
from privacy.services import personal_data_collect, personal_data_erase, subject_for_attendee
from programme.certificates import certificate_attendance, certificate_code
from programme.models import SessionAttendance
from tests.factories import SessionFactory

pytestmark = pytest.mark.django_db


def test_attendance_is_exported_then_erased_with_the_person(fair_today):
    starts = timezone.now() - datetime.timedelta(days=1)
    workshop = SessionFactory(
        edition=fair_today,
        type="workshop",
        title_fr="Atelier export",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=1),
    )
    attendee, _badge = attendee_register(
        edition=fair_today, category="visitor", full_name="Zineb", email="zineb@fair.example"
    )
    attendance = SessionAttendance.objects.create(
        session=workshop, attendee=attendee, via="walk_in", admitted_at=starts
    )
    code = certificate_code(attendance)
    assert certificate_attendance(code) == attendance

    with translation.override("en"):
        sections = {
            section.key: section
            for section in personal_data_collect(subject_for_attendee(attendee))
        }
    (attended,) = sections["attendances"].rows
    assert ("session", workshop.title_fr) in attended

    personal_data_erase(subject=subject_for_attendee(attendee))

    assert SessionAttendance.objects.filter(session=workshop).count() == 1
    assert certificate_attendance(code) is None
