import datetime
from zoneinfo import ZoneInfo

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from events.models import Edition, Gate, Venue
from exhibitors.models import Application, Cooperative, Stand, StandType
from fairsite.models import User
from programme.models import Room, Session, Speaker, Track

PASSWORD = "a-long-test-password"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@fair.example")
    first_name = "Amina"
    last_name = "Tazi"
    language = "ar"
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            for name in extracted:
                self.groups.add(Group.objects.get(name=name))


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue

    name_ar = "فضاء المعارض"
    name_fr = "Parc des expositions"
    name_en = "Exhibition park"


class EditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Edition

    # Badge codes count days in 16 bits: keep the years of a long test run within reach.
    year = factory.Sequence(lambda n: 2100 + n % 90)  # clear of the years tests name
    number = factory.Sequence(lambda n: n + 1)
    name_ar = factory.LazyAttribute(lambda o: f"دورة {o.year}")
    name_fr = factory.LazyAttribute(lambda o: f"Édition {o.year}")
    name_en = factory.LazyAttribute(lambda o: f"Edition {o.year}")
    starts_on = factory.LazyAttribute(lambda o: datetime.date(o.year, 5, 13))
    ends_on = factory.LazyAttribute(lambda o: o.starts_on + datetime.timedelta(days=3))
    venue = factory.SubFactory(VenueFactory)


class CooperativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cooperative
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Cooperative Zitoun {n}")
    name_ar = factory.Sequence(lambda n: f"تعاونية الزيتون {n}")
    legal_form = "cooperative"
    registration_number = factory.Sequence(lambda n: f"ODCO-{1000 + n}")
    province = "berkane"
    commune_fr = "Berkane"
    sector = "agri_food"
    founded_in = 2015
    members = 20
    women_members = 12
    young_members = 5
    contact_name = "Khadija Amrani"
    email = factory.Sequence(lambda n: f"coop{n}@fair.example")
    phone = "+212 600 000 000"
    language = "ar"

    @factory.post_generation
    def managers(self, create, extracted, **kwargs):
        if create and extracted:
            self.managers.add(*extracted)


class StandTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StandType

    edition = factory.SubFactory(EditionFactory)
    name_ar = "رواق عادي"
    name_fr = "Stand standard"
    name_en = "Standard stand"
    width = 3
    depth = 3
    price = 1500
    badge_quota = 2


class StandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stand

    stand_type = factory.SubFactory(StandTypeFactory)
    edition = factory.LazyAttribute(lambda o: o.stand_type.edition)
    hall = "A"
    code = factory.Sequence(lambda n: f"A-{n + 1:02d}")
    x = factory.Sequence(lambda n: (n % 10) * 3)
    y = factory.Sequence(lambda n: (n // 10) * 4)
    width = 3
    depth = 3


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    edition = factory.SubFactory(EditionFactory)
    cooperative = factory.SubFactory(CooperativeFactory)
    stand_type = factory.SubFactory(StandTypeFactory, edition=factory.SelfAttribute("..edition"))
    product_categories = ["crafts"]


class GateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gate

    slug = factory.Sequence(lambda n: f"gate-{n}")
    name_ar = factory.Sequence(lambda n: f"المدخل {n}")
    name_fr = factory.Sequence(lambda n: f"Entrée {n}")


class RoomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Room

    venue = factory.SubFactory(VenueFactory)
    name_ar = factory.Sequence(lambda n: f"القاعة {n + 1}")
    name_fr = factory.Sequence(lambda n: f"Salle {n + 1}")
    capacity = 80
    order = factory.Sequence(lambda n: n)


class TrackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Track

    edition = factory.SubFactory(EditionFactory)
    slug = factory.Sequence(lambda n: f"track-{n}")
    name_ar = factory.Sequence(lambda n: f"المحور {n + 1}")
    name_fr = factory.Sequence(lambda n: f"Axe {n + 1}")
    colour = "#2e7d32"


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker

    name_ar = factory.Sequence(lambda n: f"فاطمة الزهراء {n}")
    name_latin = factory.Sequence(lambda n: f"Fatima Zahra {n}")
    organisation_ar = "جامعة محمد الأول"
    organisation_fr = "Université Mohammed Premier"
    country_ar = "المغرب"
    country_fr = "Maroc"


class SessionFactory(factory.django.DjangoModelFactory):
    """A published one-hour session at 10:00 (fair time) on the edition's first day; with
    `ahead=True` on its second day, which for an edition that starts today (`fair_today`)
    is still to come at any hour the tests run."""

    class Meta:
        model = Session
        skip_postgeneration_save = True

    class Params:
        ahead = factory.Trait(
            starts_at=factory.LazyAttribute(
                lambda o: datetime.datetime.combine(
                    o.edition.starts_on + datetime.timedelta(days=1),
                    datetime.time(10),
                    tzinfo=ZoneInfo("Africa/Casablanca"),
                )
            )
        )

    edition = factory.SubFactory(EditionFactory)
    title_ar = factory.Sequence(lambda n: f"جلسة {n + 1}: المقاولة الجماعية")
    title_fr = factory.Sequence(lambda n: f"Séance {n + 1} : l'entrepreneuriat collectif")
    room = factory.SubFactory(RoomFactory, venue=factory.SelfAttribute("..edition.venue"))
    starts_at = factory.LazyAttribute(
        lambda o: datetime.datetime.combine(
            o.edition.starts_on, datetime.time(10), tzinfo=ZoneInfo("Africa/Casablanca")
        )
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=1))
    status = "published"

    @factory.post_generation
    def speakers(self, create, extracted, **kwargs):
        if create and extracted:
            self.speakers.set(extracted)


class PartnerRegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "partnerships.PartnerRegion"

    slug = factory.Sequence(lambda n: f"region-{n}")
    name_ar = factory.Sequence(lambda n: f"جهة نموذجية {n}")
    name_fr = factory.Sequence(lambda n: f"Région exemple {n}")
    country_ar = "السنغال"
    country_fr = "Sénégal"
    country_code = "SN"
    continent = "africa"
    latitude = "14.71670"
    longitude = "-17.46770"


class AgreementFactory(factory.django.DjangoModelFactory):
    """A three-year cooperation convention, signed on 1 March 2025."""

    class Meta:
        model = "partnerships.Agreement"
        skip_postgeneration_save = True

    reference = factory.Sequence(lambda n: f"CONV-{2025}-{n:03d}")
    title_ar = "اتفاقية تعاون في مجال الاقتصاد الاجتماعي"
    title_fr = "Convention de coopération dans l'économie sociale"
    type = "cooperation"
    signed_on = datetime.date(2025, 3, 1)
    effective_from = datetime.date(2025, 3, 1)
    duration_months = 36
    renewal = "explicit"
    notice_months = 3
    is_public = True

    @factory.post_generation
    def partner_regions(self, create, extracted, **kwargs):
        if create:
            self.partner_regions.set(extracted or [PartnerRegionFactory()])


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "partnerships.Commitment"

    agreement = factory.SubFactory(AgreementFactory)
    description = "Organiser deux sessions de formation"
    responsible_region = "Direction de la coopération"
    due_on = datetime.date(2025, 12, 31)


class B2BParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "b2b.B2BParticipant"

    edition = factory.SubFactory(EditionFactory)
    kind = "exhibitor"
    name = factory.Sequence(lambda n: f"Participant {n}")
    organisation = factory.Sequence(lambda n: f"Coopérative {n}")
    email = factory.Sequence(lambda n: f"b2b{n}@fair.example")
    language = "fr"
    offers = "Huile d'argan, miel"
    seeks = "Distributeurs en Europe"


class B2BBlockFactory(factory.django.DjangoModelFactory):
    """Two hours of 20-minute meetings at three tables, from 15:00 on the first day."""

    class Meta:
        model = "b2b.B2BBlock"

    edition = factory.SubFactory(EditionFactory)
    starts_at = factory.LazyAttribute(
        lambda o: datetime.datetime.combine(
            o.edition.starts_on, datetime.time(15), tzinfo=ZoneInfo("Africa/Casablanca")
        )
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    slot_minutes = 20
    tables = 3
    place_ar = "فضاء لقاءات الأعمال"
    place_fr = "Espace B2B"
