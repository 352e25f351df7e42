"""Stands, visitors and paired phones for the leads tests."""

from events.choices import ConsentKind
from events.services.badges import attendee_register
from events.services.consents import consent_give
from events.services.devices import device_pair, device_pairing_start
from exhibitors.models import StandDevice
from tests.factories import ApplicationFactory, CooperativeFactory, StandFactory, StandTypeFactory


def stand_at(edition, *, manager=None, status="confirmed", sector="agri_food"):
    """An application of a new cooperative holding a stand at `edition`."""
    stand_type = StandTypeFactory(edition=edition)
    return ApplicationFactory(
        edition=edition,
        cooperative=CooperativeFactory(managers=[manager] if manager else [], sector=sector),
        stand_type=stand_type,
        status=status,
        stand=StandFactory(stand_type=stand_type),
    )


def visitor(edition, *, findable: bool, name="Salma Alaoui", number=0, category="visitor"):
    """A visitor's badge; `findable`: they agree to share their contact with the stands."""
    attendee, badge = attendee_register(
        edition=edition,
        category=category,
        full_name=name,
        organisation="Coopérative Nour",
        email=f"visitor{number}-{name.split()[0].lower()}@fair.example",
        phone=f"+2126{number:08d}",
        language="fr",
    )
    if findable:
        consent_give(kind=ConsentKind.FINDABLE, language="fr", attendee=attendee)
    return badge


def paired_token(application, name="Phone") -> str:
    """The token of a phone paired to the stand, as the scanner page holds it."""
    _device, code = device_pairing_start(model=StandDevice, post=application, by=None, name=name)
    _device, token = device_pair(model=StandDevice, code=code)
    return token
