"""Sample edition for `manage.py seed_demo`."""

import datetime

from django.utils import timezone

from events.choices import EditionStatus
from events.models import Attendee, Edition, Gate, Venue
from events.services import edition_make_current
from events.services.badges import attendee_register


def demo_edition_ensure(*, today: datetime.date | None = None) -> Edition:
    """The current edition; if there is none, a four-day fair in Oujda next May."""
    current = Edition.objects.current()
    if current is not None:
        return current
    today = today or timezone.localdate()
    year = today.year + 1
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
    opening = timezone.make_aware(datetime.datetime.combine(today, datetime.time(9)))
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
