"""Sample edition for `manage.py seed_demo`."""

import datetime

from django.utils import timezone

from events.choices import AttendeeCategory, BadgeStatus, EditionStatus
from events.models import Attendee, Badge, Edition, Gate, OpeningHours, PracticalInfoPage, Venue
from events.services import edition_make_current
from events.services.badges import attendee_register, badge_issue
from fairsite.services.site import home_pages_ensure

# The sample data's test badge: while the edition's gates are rehearsed, the gate page
# admits it (in orange) on any day, then says "already in", long before the fair.
REHEARSAL_NAME = "يونس الحداوي"


def demo_edition_ensure(*, now: datetime.datetime | None = None) -> Edition:
    """The current edition; if there is none, a four-day fair in Oujda next May. Either way
    with its practical information (venue details, opening hours, the visitors' page).

    Registrations opened a day before `now`, not at an hour of the clock: whoever loads the
    sample data, at whatever hour, finds them open.
    """
    current = Edition.objects.current()
    if current is not None:
        demo_practical_info_ensure(edition=current)
        return current
    now = now or timezone.now()
    year = now.year + 1
    venue, _created = Venue.objects.get_or_create(
        name_fr="Parc des expositions d'Oujda",
        defaults={
            "name_ar": "فضاء المعارض بوجدة",
            "name_en": "Oujda Exhibition Park",
            "latitude": "34.681400",
            "longitude": "-1.908600",
        },
    )
    demo_venue_practical_ensure(venue=venue)
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
    edition = edition_make_current(edition=edition)
    demo_practical_info_ensure(edition=edition)
    return edition


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
    """A test badge, and the edition's rehearsal turned on if the fair has not begun: a
    newcomer scanning the badge at the gate page sees an entry admitted (as a rehearsal)."""
    today = (now or timezone.now()).astimezone(edition.zone).date()
    if today < edition.starts_on and not edition.rehearsal:
        Edition.objects.filter(pk=edition.pk).update(rehearsal=True)
        edition.rehearsal = True
    attendee, _created = Attendee.objects.get_or_create(
        edition=edition,
        full_name=REHEARSAL_NAME,
        category=AttendeeCategory.TEST,
        defaults={"organisation": "تجربة المداخل", "language": "ar"},
    )
    badge = attendee.badges.filter(status=BadgeStatus.ACTIVE).order_by("-pk").first()
    return badge or badge_issue(attendee=attendee)


VENUE_PRACTICAL = {
    "address_ar": "شارع محمد السادس",
    "address_fr": "Boulevard Mohammed VI",
    "address_en": "Boulevard Mohammed VI",
    "city_ar": "وجدة",
    "city_fr": "Oujda",
    "city_en": "Oujda",
    "directions_ar": (
        "بالقطار أو الطائرة: من محطة القطار، عشر دقائق بسيارة الأجرة؛ من مطار وجدة أنكاد، "
        "حوالي عشرين دقيقة.\n"
        "بالحافلة: الخطوط 2 و7 و14 تتوقف أمام فضاء المعارض.\n"
        "بسيارة الأجرة: سيارات الأجرة الصغيرة تقلكم من وسط المدينة في حوالي عشر دقائق؛ "
        "اطلبوا «فضاء المعارض».\n"
        "بالسيارة: موقف مجاني للسيارات أمام المدخل الرئيسي، مفتوح طيلة أيام المعرض.\n"
        "الولوجيات: المداخل والأروقة في مستوى واحد، ومواقف مخصصة للأشخاص في وضعية إعاقة "
        "قرب المدخل الرئيسي."
    ),
    "directions_fr": (
        "En train ou en avion : de la gare, dix minutes en taxi ; de l'aéroport d'Oujda-Angads, "
        "une vingtaine de minutes.\n"
        "En bus : les lignes 2, 7 et 14 s'arrêtent devant le parc des expositions.\n"
        "En taxi : les petits taxis vous y conduisent du centre-ville en dix minutes environ ; "
        "demandez le « Parc des expositions ».\n"
        "En voiture : parking gratuit devant l'entrée principale, ouvert pendant tout le salon.\n"
        "Accessibilité : entrées et halls de plain-pied ; places réservées aux personnes en "
        "situation de handicap près de l'entrée principale."
    ),
    "directions_en": (
        "By train or plane: ten minutes by taxi from the railway station, about twenty from "
        "Oujda-Angads airport.\n"
        "By bus: lines 2, 7 and 14 stop in front of the exhibition park.\n"
        "By taxi: a petit taxi takes you there from the city centre in about ten minutes; "
        "ask for the “Parc des expositions”.\n"
        "By car: free parking in front of the main entrance, open throughout the fair.\n"
        "Accessibility: entrances and halls are step-free; parking spaces for disabled people "
        "by the main entrance."
    ),
}
OPENS, CLOSES, LAST_DAY_CLOSES = datetime.time(10), datetime.time(20), datetime.time(18)
LAST_DAY_NOTE = {
    "note_ar": "اختتام المعرض",
    "note_fr": "Clôture du salon",
    "note_en": "Closing day",
}
PRACTICAL_PAGES = {
    "ar": ("practical-information", "معلومات عملية"),
    "fr": ("infos-pratiques", "Infos pratiques"),
    "en": ("practical-information", "Practical information"),
}
PRACTICAL_BODY = {
    "ar": "<p>الدخول إلى المعرض مجاني. المرجو الإدلاء بالشارة عند المدخل، على الهاتف أو مطبوعة.</p>",
    "fr": "<p>L'entrée du salon est gratuite. Présentez votre badge à l'entrée, sur votre "
    "téléphone ou imprimé.</p>",
    "en": "<p>Entry to the fair is free. Show your badge at the entrance, on your phone or "
    "printed.</p>",
}


def demo_venue_practical_ensure(*, venue: Venue) -> Venue:
    """The venue's address, city and directions in the three languages, where still empty."""
    empty = {name: value for name, value in VENUE_PRACTICAL.items() if not getattr(venue, name)}
    if empty:
        for name, value in empty.items():
            setattr(venue, name, value)
        venue.save(update_fields=list(empty))
    return venue


def demo_opening_hours_ensure(*, edition: Edition) -> list[OpeningHours]:
    """Every day of the edition 10:00–20:00, the last to 18:00; days already set are kept."""
    hours = []
    for day in edition.days:
        last = day == edition.ends_on
        hours.append(
            OpeningHours.objects.get_or_create(
                edition=edition,
                date=day,
                defaults={
                    "opens": OPENS,
                    "closes": LAST_DAY_CLOSES if last else CLOSES,
                    **(LAST_DAY_NOTE if last else {}),
                },
            )[0]
        )
    return hours


def demo_practical_info_ensure(*, edition: Edition) -> dict[str, PracticalInfoPage]:
    """The venue's details, the opening hours, and the practical information page under each
    language's home page, the three pages translations of one another."""
    if edition.venue is not None:
        demo_venue_practical_ensure(venue=edition.venue)
    demo_opening_hours_ensure(edition=edition)
    pages, key = {}, None
    for code, home in home_pages_ensure().items():
        slug, title = PRACTICAL_PAGES[code]
        page = PracticalInfoPage.objects.child_of(home).first()
        if page is None:
            page = PracticalInfoPage(
                slug=slug,
                title=title,
                body=PRACTICAL_BODY[code],
                locale=home.locale,
                show_in_menus=True,
            )
            if key is not None:
                page.translation_key = key
            page = home.add_child(instance=page)
        key = page.translation_key
        pages[code] = page
    return pages
