"""Sample edition for `manage.py seed_demo`."""

import datetime

from django.utils import timezone

from events.choices import AttendeeCategory, BadgeStatus, EditionStatus
from events.models import Attendee, Badge, Edition, Gate, Venue
from events.services import edition_make_current
from events.services.badges import attendee_register, badge_issue, badge_revoke

# A rehearsal visitor's badge is valid for a week from the day the sample data is loaded:
# the gate page shows a green scan, then "already in", long before the fair.
REHEARSAL_NAME = "يونس الحداوي"
REHEARSAL_DAYS = 7


def demo_edition_ensure(*, now: datetime.datetime | None = None) -> Edition:
    """The current edition; if there is none, a four-day fair in Oujda next May.

    Registrations opened a day before `now`, not at an hour of the clock: whoever loads the
    sample data, at whatever hour, finds them open.
    """
    current = Edition.objects.current()
    if current is not None:
        return current
    now = now or timezone.now()
    year = now.year + 1
    venue, _created = Venue.objects.get_or_create(
        name_fr="Parc des expositions d'Oujda",
        defaults={
            "name_ar": "فضاء المعارض بوجدة",
            "name_en": "Oujda Exhibition Park",
            "address": "Boulevard Mohammed VI, Oujda",
            "city": "Oujda",
            "latitude": "34.681400",
            "longitude": "-1.908600",
        },
    )
    starts_on = _second_thursday_of_may(year)
    opening = now.replace(minute=0, second=0, microsecond=0) - datetime.timedelta(days=1)
    first_day = timezone.make_aware(datetime.datetime.combine(starts_on, datetime.time(9)))
    edition, _created = Edition.objects.get_or_create(
        year=year,
        defaults={
            "number": 5,
            "name_ar": "الدورة الخامسة للمعرض الجهوي للاقتصاد الاجتماعي والتضامني",
            "name_fr": "5e Salon régional de l'économie sociale et solidaire de l'Oriental",
            "name_en": "5th Regional Social and Solidarity Economy Fair of the Oriental",
            "starts_on": starts_on,
            "ends_on": starts_on + datetime.timedelta(days=3),
            "venue": venue,
            "exhibitor_registration_opens_at": opening,
            "exhibitor_registration_closes_at": first_day - datetime.timedelta(weeks=6),
            "visitor_registration_opens_at": opening,
            "visitor_registration_closes_at": first_day + datetime.timedelta(days=3, hours=10),
            "status": EditionStatus.OPEN,
        },
    )
    return edition_make_current(edition=edition)


def _second_thursday_of_may(year: int) -> datetime.date:
    first = datetime.date(year, 5, 1)
    first_thursday = first + datetime.timedelta(days=(3 - first.weekday()) % 7)
    return first_thursday + datetime.timedelta(weeks=1)


def demo_gates_ensure() -> list[Gate]:
    specs = [
        ("main-entrance", "المدخل الرئيسي", "Entrée principale", "Main entrance"),
        ("hall-b", "مدخل القاعة ب", "Entrée du hall B", "Hall B entrance"),
    ]
    return [
        Gate.objects.get_or_create(
            slug=slug, defaults={"name_ar": ar, "name_fr": fr, "name_en": en}
        )[0]
        for slug, ar, fr, en in specs
    ]


def demo_attendees_ensure(*, edition: Edition) -> None:
    """A few badges of each kind, once."""
    if Attendee.objects.filter(edition=edition).exists():
        return
    people = [
        ("visitor", "سلمى العلوي", ""),
        ("visitor", "Karim Benali", ""),
        ("speaker", "Aïcha Diop", "Région de Dakar"),
        ("delegation", "Claire Dubois", "Région Occitanie"),
        ("press", "يوسف المرابط", "جريدة الشرق"),
        ("organiser", "Samira Bennani", "Conseil de la Région de l'Oriental"),
        ("volunteer", "أمين الزياني", ""),
    ]
    for category, name, organisation in people:
        attendee_register(
            edition=edition, category=category, full_name=name, organisation=organisation
        )


def demo_rehearsal_badge_ensure(*, edition: Edition, now: datetime.datetime | None = None) -> Badge:
    """A visitor of the gates' rehearsal whose badge is valid today and the next six days.

    Run again on a later day, it replaces a badge that no longer covers today.
    """
    today = (now or timezone.now()).astimezone(edition.zone).date()
    attendee, _created = Attendee.objects.get_or_create(
        edition=edition,
        full_name=REHEARSAL_NAME,
        category=AttendeeCategory.VISITOR,
        defaults={"organisation": "تجربة المداخل", "language": "ar"},
    )
    badge = attendee.badges.filter(status=BadgeStatus.ACTIVE).order_by("-pk").first()
    if badge is not None and badge.valid_from <= today <= badge.valid_until:
        return badge
    if badge is not None:
        badge_revoke(badge=badge)
    return badge_issue(
        attendee=attendee,
        replaces=badge,
        valid_from=today,
        valid_until=today + datetime.timedelta(days=REHEARSAL_DAYS - 1),
    )
