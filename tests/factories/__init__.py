import datetime

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from events.models import Edition, Venue
from fairsite.models import User

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

    year = factory.Sequence(lambda n: 2030 + n)
    number = factory.Sequence(lambda n: n + 1)
    name_ar = factory.LazyAttribute(lambda o: f"دورة {o.year}")
    name_fr = factory.LazyAttribute(lambda o: f"Édition {o.year}")
    name_en = factory.LazyAttribute(lambda o: f"Edition {o.year}")
    starts_on = factory.LazyAttribute(lambda o: datetime.date(o.year, 5, 13))
    ends_on = factory.LazyAttribute(lambda o: o.starts_on + datetime.timedelta(days=3))
    venue = factory.SubFactory(VenueFactory)
